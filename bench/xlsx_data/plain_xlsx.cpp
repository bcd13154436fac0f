// folio_bench_xlsx_plain IN.csv OUT.xlsx: the reference the xlsx_data benchmark measures
// Folio against. A plain libxlsxwriter program that reads the analyst report's surveys
// CSV (make_surveys.py) and writes the same cells Folio's `data surveys` sheet holds,
// the same way: constant-memory mode, a bold frozen header with an autofilter, text
// as strings, submitted_at as a date serial in yyyy-mm-dd, score and csat as numbers,
// empty fields as no cell. It knows the schema (report.folio's `source surveys`) and
// parses the CSV in one streaming pass (RFC 4180: quoted fields, doubled quotes), so
// it does the least work that writing those cells can take.
#include <xlsxwriter.h>

#include <array>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

namespace {

enum class kind { text, date, number };
constexpr std::array<kind, 9> schema = {kind::text, kind::text, kind::date, kind::text, kind::text,
                                        kind::text, kind::number, kind::number, kind::text};

// Days since 1899-12-30 (the 1900 system's serial) of an ISO date, or -1.
double date_serial(const std::string& s) {
    int y = 0, m = 0, d = 0;
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return -1;
    std::from_chars(s.data(), s.data() + 4, y);
    std::from_chars(s.data() + 5, s.data() + 7, m);
    std::from_chars(s.data() + 8, s.data() + 10, d);
    // days_from_civil (H. Hinnant), 1970-01-01 = 0 = serial 25569.
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return static_cast<double>(era * 146097 + static_cast<int>(doe) - 719468) + 25569.0;
}

// Reads CSV records field by field from a FILE with a large buffer.
class csv_reader {
public:
    explicit csv_reader(FILE* f) : f_(f), buf_(1 << 20) {}

    // Fills `fields` with the next record; false at the end of the file.
    bool next(std::vector<std::string>& fields) {
        fields.clear();
        std::string field;
        bool quoted = false, any = false;
        for (int c; (c = get()) != EOF;) {
            any = true;
            if (quoted) {
                if (c == '"') {
                    if (peek() == '"') {
                        get();
                        field.push_back('"');
                    } else {
                        quoted = false;
                    }
                } else {
                    field.push_back(static_cast<char>(c));
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.push_back(std::move(field));
                field.clear();
            } else if (c == '\n') {
                fields.push_back(std::move(field));
                return true;
            } else if (c != '\r') {
                field.push_back(static_cast<char>(c));
            }
        }
        if (any) fields.push_back(std::move(field));
        return any;
    }

private:
    FILE* f_;
    std::vector<char> buf_;
    std::size_t at_ = 0, end_ = 0;

    bool fill() {
        end_ = std::fread(buf_.data(), 1, buf_.size(), f_);
        at_ = 0;
        return end_ > 0;
    }
    int get() { return at_ < end_ || fill() ? static_cast<unsigned char>(buf_[at_++]) : EOF; }
    int peek() { return at_ < end_ || fill() ? static_cast<unsigned char>(buf_[at_]) : EOF; }
};

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: folio_bench_xlsx_plain IN.csv OUT.xlsx\n");
        return 2;
    }
    FILE* in = std::fopen(argv[1], "rb");
    if (in == nullptr) {
        std::fprintf(stderr, "error: cannot open %s\n", argv[1]);
        return 2;
    }
    lxw_workbook_options options{};
    options.constant_memory = 1;
    options.use_zip64 = 1;
    lxw_workbook* wb = workbook_new_opt(argv[2], &options);
    lxw_worksheet* ws = workbook_add_worksheet(wb, "surveys");
    lxw_format* bold = workbook_add_format(wb);
    format_set_bold(bold);
    lxw_format* date = workbook_add_format(wb);
    format_set_num_format(date, "yyyy-mm-dd");

    csv_reader csv(in);
    std::vector<std::string> fields;
    if (!csv.next(fields) || fields.size() != schema.size()) {
        std::fprintf(stderr, "error: %s: expected a header of %zu columns\n", argv[1], schema.size());
        return 2;
    }
    for (lxw_col_t c = 0; c < schema.size(); ++c) {
        worksheet_set_column(ws, c, c, 14, nullptr);
        worksheet_write_string(ws, 0, c, fields[c].c_str(), bold);
    }
    lxw_row_t row = 0;
    while (csv.next(fields)) {
        ++row;
        for (lxw_col_t c = 0; c < schema.size() && c < fields.size(); ++c) {
            const std::string& f = fields[c];
            if (f.empty()) continue;
            switch (schema[c]) {
                case kind::text: worksheet_write_string(ws, row, c, f.c_str(), nullptr); break;
                case kind::date: worksheet_write_number(ws, row, c, date_serial(f), date); break;
                case kind::number: {
                    double v = 0;
                    std::from_chars(f.data(), f.data() + f.size(), v);
                    worksheet_write_number(ws, row, c, v, nullptr);
                    break;
                }
            }
        }
    }
    std::fclose(in);
    worksheet_freeze_panes(ws, 1, 0);
    worksheet_autofilter(ws, 0, 0, row, static_cast<lxw_col_t>(schema.size() - 1));
    const lxw_error status = workbook_close(wb);
    if (status != LXW_NO_ERROR) {
        std::fprintf(stderr, "error: %s: %s\n", argv[2], lxw_strerror(status));
        return 1;
    }
    std::printf("%u rows\n", static_cast<unsigned>(row));
    return 0;
}

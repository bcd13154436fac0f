// The sheets of `data` blocks (see xlsx_book.hpp and data_sheet.hpp).
//
// One sheet per block, named after the source: a bold, frozen header row with the
// column names, then one row per data row with typed cells: numbers as numbers, dates
// and timestamps as date serials in a yyyy-mm-dd (hh:mm:ss) format, booleans as
// booleans, nulls as empty cells, and text always as a string cell, so data that looks
// like a formula ("=1+1", "@cmd") or a number ("00123") stays the text it was. Small
// data becomes an Excel table (filter buttons, banded rows); in constant-memory mode,
// which refuses tables, and for large data the header gets an autofilter instead.
// Rows past Excel's 1,048,576 are cut: the sheet's last row says how many are missing,
// and a note tells the CLI. Rows are written top to bottom in one pass, as
// constant-memory mode requires.
#include "xlsx/data_sheet.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>
#include <vector>

#include "folio/templates/words.hpp"
#include "xlsx/xlsx_cells.hpp"

namespace folio::templates::xlsx {
namespace {

constexpr std::size_t width_sample_rows = 1000;  // rows read to size the columns
constexpr std::size_t max_text_chars = 32767;    // Excel's characters per cell

std::size_t character_count(std::string_view text) {
    std::size_t count = 0;
    for (char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    return count;
}

// Cuts `text` to Excel's 32,767 characters per cell (whole UTF-8 characters).
std::string_view fit_in_cell(std::string_view text) {
    if (text.size() <= max_text_chars) return text;
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
        if (count == max_text_chars) return text.substr(0, i);
        ++count;
    }
    return text;
}

// "1,048,574" ("1.048.574" with separator '.', as Spanish and Portuguese write it)
std::string with_thousands(std::size_t n, char separator = ',') {
    std::string digits = std::to_string(n);
    for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<std::size_t>(i), 1, separator);
    return digits;
}

char thousands_separator(std::string_view locale) {
    const std::string_view language = locale.substr(0, 2);
    return language == "es" || language == "pt" ? '.' : ',';
}

// The width (in characters) a column needs for its header and a sample of its cells.
double column_width(const data::column& col, std::size_t rows) {
    std::size_t widest = character_count(col.name()) + 3;  // room for the filter button
    const std::size_t sample = std::min(rows, width_sample_rows);
    switch (col.type()) {
        case data::column_type::date: widest = std::max<std::size_t>(widest, 10); break;
        case data::column_type::timestamp: widest = std::max<std::size_t>(widest, 19); break;
        case data::column_type::boolean: widest = std::max<std::size_t>(widest, 5); break;
        case data::column_type::number: {
            char buf[32];
            for (std::size_t r = 0; r < sample; ++r) {
                if (col.is_null(r)) continue;
                const auto res = std::to_chars(buf, buf + sizeof buf, col.numbers()[r]);
                widest = std::max<std::size_t>(widest, static_cast<std::size_t>(res.ptr - buf));
            }
            break;
        }
        case data::column_type::text:
            for (std::size_t r = 0; r < sample; ++r) widest = std::max(widest, character_count(col.text_at(r)));
            break;
    }
    return static_cast<double>(std::clamp<std::size_t>(widest + 1, 8, 60));
}

// Whether the column names can head an Excel table: non-empty, at most 255 characters,
// distinct ignoring case.
bool table_headers_ok(const data::table& t) {
    for (std::size_t i = 0; i < t.column_count(); ++i) {
        const std::string& name = t.column_at(i).name();
        if (name.empty() || character_count(name) > 255) return false;
        for (std::size_t j = 0; j < i; ++j)
            if (data::equal_ignoring_case(name, t.column_at(j).name())) return false;
    }
    return true;
}

// Writes the data rows [0, rows) of `t` from sheet row 1 on.
class row_writer {
public:
    row_writer(xlsx_book& book, lxw_worksheet* sheet, const data::table& t) : sheet_(sheet), t_(t) {
        date_ = format_for(book, {"", 0, false, false, false, "", "", "yyyy-mm-dd"});
        timestamp_ = format_for(book, {"", 0, false, false, false, "", "", "yyyy-mm-dd hh:mm:ss"});
    }

    // Returns the number of text cells cut to Excel's 32,767 characters.
    std::size_t write(std::size_t rows) {
        std::size_t cut = 0;
        for (std::size_t r = 0; r < rows; ++r) {
            const lxw_row_t row = static_cast<lxw_row_t>(r + 1);
            for (std::size_t c = 0; c < t_.column_count(); ++c) {
                const data::column& col = t_.column_at(c);
                if (col.is_null(r)) continue;
                const lxw_col_t at = static_cast<lxw_col_t>(c);
                switch (col.type()) {
                    case data::column_type::number: number(row, at, col.numbers()[r], nullptr); break;
                    case data::column_type::date: number(row, at, col.numbers()[r], date_); break;
                    case data::column_type::timestamp: number(row, at, col.numbers()[r], timestamp_); break;
                    case data::column_type::boolean: worksheet_write_boolean(sheet_, row, at, col.booleans()[r], nullptr); break;
                    case data::column_type::text: {
                        const std::string_view text = col.text_at(r);
                        if (text.empty()) break;
                        const std::string_view fitted = fit_in_cell(text);
                        cut += fitted.size() != text.size() ? 1 : 0;
                        buffer_.assign(fitted);  // dictionary strings are not NUL-terminated
                        worksheet_write_string(sheet_, row, at, buffer_.c_str(), nullptr);
                        break;
                    }
                }
            }
        }
        return cut;
    }

private:
    lxw_worksheet* sheet_;
    const data::table& t_;
    lxw_format* date_;
    lxw_format* timestamp_;
    std::string buffer_;

    void number(lxw_row_t row, lxw_col_t col, double v, lxw_format* format) {
        if (std::isfinite(v)) worksheet_write_number(sheet_, row, col, v, format);  // Excel has no NaN or infinity
    }
};

}  // namespace

void write_data_sheet_limited(xlsx_book& book, const eval::data_result& d, std::size_t max_rows) {
    if (!d.rows) return;
    const data::table& t = *d.rows;
    const std::string name = fresh_sheet_name(book, d.source);
    lxw_worksheet* sheet = workbook_add_worksheet(book.workbook, name.c_str());
    if (sheet == nullptr) throw render_error("cannot add the sheet \"" + name + "\" for data " + d.source);
    if (t.column_count() == 0) return;
    const lxw_col_t last_col = static_cast<lxw_col_t>(std::min<std::size_t>(t.column_count(), LXW_COL_MAX) - 1);

    // Rows that fit: all of them, or all but the header and the note row.
    const bool cut = t.row_count() > max_rows - 1;
    const std::size_t rows = cut ? max_rows - 2 : t.row_count();

    for (lxw_col_t c = 0; c <= last_col; ++c) worksheet_set_column(sheet, c, c, column_width(t.column_at(c), rows), nullptr);
    worksheet_freeze_panes(sheet, 1, 0);

    const bool as_table = !book.constant_memory && rows > 0 && rows <= max_table_rows && table_headers_ok(t);
    // The table or filter first: in constant-memory mode libxlsxwriter refuses ranges
    // above the row being written.
    if (as_table) {
        std::vector<lxw_table_column> columns(last_col + 1);
        std::vector<lxw_table_column*> list;
        for (lxw_col_t c = 0; c <= last_col; ++c) {
            columns[c].header = const_cast<char*>(t.column_at(c).name().c_str());
            list.push_back(&columns[c]);
        }
        list.push_back(nullptr);
        const std::string table = fresh_defined_name(book, "data_" + name);  // tables share the defined names' namespace
        lxw_table_options options{};
        options.name = const_cast<char*>(table.c_str());
        options.style_type = LXW_TABLE_STYLE_TYPE_LIGHT;
        options.style_type_number = 9;
        options.columns = list.data();
        worksheet_add_table(sheet, 0, 0, static_cast<lxw_row_t>(rows), last_col, &options);
    } else {
        worksheet_autofilter(sheet, 0, 0, static_cast<lxw_row_t>(rows), last_col);
        lxw_format* bold = format_for(book, {"", 0, true});
        for (lxw_col_t c = 0; c <= last_col; ++c) worksheet_write_string(sheet, 0, c, t.column_at(c).name().c_str(), bold);
    }
    const std::size_t cut_cells = row_writer(book, sheet, t).write(rows);

    if (cut) {
        std::string text(translate(book.request.locale,
                                   "Only the first {} of {} rows are shown: an Excel sheet holds at most 1,048,576 rows."));
        const char separator = thousands_separator(book.request.locale);
        text.replace(text.find("{}"), 2, with_thousands(rows, separator));
        text.replace(text.find("{}"), 2, with_thousands(t.row_count(), separator));
        lxw_format* italic = format_for(book, {"", 0, false, true});
        worksheet_write_string(sheet, static_cast<lxw_row_t>(rows + 1), 0, text.c_str(), italic);
        book.notes.push_back("data " + d.source + ": only the first " + with_thousands(rows) + " of " +
                             with_thousands(t.row_count()) + " rows are on the sheet \"" + name +
                             "\" (an Excel sheet holds at most " + with_thousands(max_rows) + " rows)");
    }
    if (t.column_count() > last_col + 1u)
        book.notes.push_back("data " + d.source + ": only the first " + with_thousands(last_col + 1u) + " of " +
                             with_thousands(t.column_count()) + " columns are on the sheet (Excel's limit)");
    if (cut_cells > 0)
        book.notes.push_back("data " + d.source + ": " + with_thousands(cut_cells) +
                             " text cells were cut to Excel's 32,767 characters per cell");
}

void write_data_sheet(xlsx_book& book, const eval::data_result& d) { write_data_sheet_limited(book, d, excel_max_rows); }

bool needs_constant_memory(const eval::report_result& r) {
    std::size_t cells = 0;
    for (const eval::data_result& d : r.data)
        if (d.rows) cells += d.rows->row_count() * std::max<std::size_t>(d.rows->column_count(), 1);
    return cells > constant_memory_cells;
}

}  // namespace folio::templates::xlsx

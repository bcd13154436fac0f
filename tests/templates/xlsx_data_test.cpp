// The sheets of `data` blocks (templates/xlsx/data_sheet.cpp), read back from the file:
// typed cells (numbers, dates and timestamps as serials with a date format, booleans,
// blanks), text that looks like a formula or a number written as text, the Excel table
// of small data and the autofilter of streamed data, the frozen header, the cut at the
// sheet's row limit with its note, valid and unique sheet names, and when the
// workbook must stream.
//
// Date serials by hand: 2024-01-01 is 45292 (45,292 days after 1899-12-30), so 2024-01-05 is
// 45296; 12:30:00 is 0.5208333....
#include <catch2/catch.hpp>

#include "xlsx/data_sheet.hpp"
#include "xlsx_chart_support.hpp"

using namespace folio;
using namespace folio::eval_test;
using namespace folio::xlsx_test;

namespace {

const char* rows_csv =
    "id,name,joined,active,mrr\n"
    "1,=1+1,2024-01-05,true,1249.5\n"
    "2,+A1,2024-01-06,false,\n"
    "3,-5,,,0\n"
    "4,@SUM(A1),2024-01-08,true,-3.25\n"
    "5,00123,2024-01-09,false,7\n"
    "6,,2024-01-10,true,8\n";

const char* data_folio = R"(source s = csv("data/s.csv") {
  id: number
  name: text
  joined: date
  active: bool
  mrr: number
}
report raw {
  data s
  output: xlsx
}
)";

struct rendered {
    std::string description;
    std::vector<std::string> notes;
};

// Evaluates `folio` and writes its first report's data blocks with write_data_sheet_limited
// (or the blocks `instead`, when given).
rendered render_data(const std::string& folio, const std::string& csv, bool constant_memory,
                     std::size_t max_rows = templates::xlsx::excel_max_rows, const std::string& locale = "en-US",
                     const std::vector<eval::data_result>* instead = nullptr) {
    temp_dir dir;
    dir.write("data/s.csv", csv);
    auto e = evaluate_text(dir, folio);
    INFO(e->text());
    REQUIRE_FALSE(e->diagnostics.has_errors());
    REQUIRE_FALSE(e->problems.has_errors());
    const eval::report_result& r = e->result.reports.at(0);
    const templates::theme theme = templates::default_theme();
    const templates::render_request request{e->model, e->result, r, theme, locale, {}};
    rendered out;
    const fs::path path = dir.path() / "data.xlsx";
    out.notes = write_book(path, request, constant_memory, [&](xlsx_book& book) {
        for (const eval::data_result& d : instead ? *instead : r.data)
            templates::xlsx::write_data_sheet_limited(book, d, max_rows);
    });
    out.description = describe(path);
    return out;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A table of `rows` rows and `cols` number columns.
eval::data_result numbers_table(std::size_t rows, std::size_t cols) {
    auto t = std::make_shared<data::table>("t");
    t->set_row_count(rows);
    for (std::size_t c = 0; c < cols; ++c) {
        data::column col("c" + std::to_string(c), data::column_type::number);
        for (std::size_t r = 0; r < rows; ++r) col.push_number(static_cast<double>(r));
        t->add_column(std::move(col));
    }
    return {"t", t};
}

}  // namespace

TEST_CASE("xlsx data: typed cells in an Excel table with a frozen header", "[xlsx][data]") {
    FOLIO_NEED_OPENPYXL();
    const rendered out = render_data(data_folio, rows_csv, false);
    const std::string& d = out.description;
    INFO(d);
    CHECK(out.notes.empty());
    CHECK(contains(d, "sheet 's'\n  freeze: A2\n  table data_s A1:E7 ['id', 'name', 'joined', 'active', 'mrr']\n"));
    // Row 2: a number, formula-looking text as a string, a date as a serial with a date
    // format, a boolean, a number.
    CHECK(contains(d, "  A2 n 1\n  B2 s '=1+1'\n  C2 n 45296 [yyyy-mm-dd]\n  D2 b 1\n  E2 n 1249.5\n"));
    // Row 3: no cell for the empty number; row 4: none for the empty date and boolean.
    CHECK(contains(d, "  A3 n 2\n  B3 s '+A1'\n  C3 n 45297 [yyyy-mm-dd]\n  D3 b 0\n  A4 n 3\n"));
    CHECK(contains(d, "  B4 s '-5'\n  E4 n 0\n"));
    CHECK(contains(d, "  B5 s '@SUM(A1)'\n"));
    CHECK(contains(d, "  B6 s '00123'\n"));  // looks like a number, stays text
    CHECK(contains(d, "  A7 n 6\n  C7 n 45301 [yyyy-mm-dd]\n"));  // empty text: no cell
    CHECK_FALSE(contains(d, "FORMULA"));
    check_golden("xlsx_data_table.txt", d);
}

TEST_CASE("xlsx data: timestamps are date serials with a time format", "[xlsx][data]") {
    FOLIO_NEED_OPENPYXL();
    // Timestamps come from SQL sources; a table made here stands in for one.
    auto t = std::make_shared<data::table>("events");
    t->set_row_count(2);
    data::column at("at", data::column_type::timestamp);
    at.push_number(45296.5208333333333);  // 2024-01-05 12:30:00
    at.push_null();
    t->add_column(std::move(at));
    const std::vector<eval::data_result> blocks{{"events", t}};
    const rendered out = render_data(data_folio, rows_csv, false, templates::xlsx::excel_max_rows, "en-US", &blocks);
    INFO(out.description);
    CHECK(contains(out.description, "sheet 'events'\n  freeze: A2\n  table data_events A1:A3 ['at']\n"));
    CHECK(contains(out.description, "  A2 n 45296.52083333334 [yyyy-mm-dd hh:mm:ss]\n"));
    CHECK_FALSE(contains(out.description, "  A3 "));
}

TEST_CASE("xlsx data: constant-memory mode writes an autofilter instead of a table", "[xlsx][data]") {
    FOLIO_NEED_OPENPYXL();
    const rendered out = render_data(data_folio, rows_csv, true);
    const std::string& d = out.description;
    INFO(d);
    CHECK(contains(d, "sheet 's'\n  freeze: A2\n  autofilter: A1:E7\n"));
    CHECK_FALSE(contains(d, "  table "));
    CHECK(contains(d, "  A1 s 'id' (bold)\n"));
    CHECK(contains(d, "  B2 s '=1+1'\n  C2 n 45296 [yyyy-mm-dd]\n"));
    CHECK_FALSE(contains(d, "FORMULA"));
    check_golden("xlsx_data_streamed.txt", d);
}

TEST_CASE("xlsx data: rows past the sheet's limit are cut with a note", "[xlsx][data]") {
    FOLIO_NEED_OPENPYXL();
    // A limit of 5 rows: the header, 3 data rows and the note row.
    const rendered out = render_data(data_folio, rows_csv, true, 5, "pt-BR");
    const std::string& d = out.description;
    INFO(d);
    CHECK(contains(d, "  autofilter: A1:E4\n"));
    CHECK(contains(d, "  A4 n 3\n"));
    CHECK_FALSE(contains(d, "  A5 n"));
    CHECK(contains(d, "  A5 s 'Apenas as primeiras 3 de 6 linhas são mostradas: uma planilha do Excel comporta no máximo "
                      "1.048.576 linhas.' (italic)\n"));
    REQUIRE(out.notes.size() == 1);
    CHECK(out.notes[0] == "data s: only the first 3 of 6 rows are on the sheet \"s\" (an Excel sheet holds at most 5 rows)");
}

TEST_CASE("xlsx data: sheets of sources with one name get distinct sheet and table names", "[xlsx][data]") {
    FOLIO_NEED_OPENPYXL();
    const std::vector<eval::data_result> blocks{numbers_table(2, 1), numbers_table(2, 1)};
    const rendered out = render_data(data_folio, rows_csv, false, templates::xlsx::excel_max_rows, "en-US", &blocks);
    INFO(out.description);
    CHECK(contains(out.description, "sheet 't'\n  freeze: A2\n  table data_t A1:A3 ['c0']\n"));
    CHECK(contains(out.description, "sheet 't (2)'\n  freeze: A2\n  table data_t__2_ A1:A3 ['c0']\n"));
}

TEST_CASE("xlsx data: the workbook streams above 500,000 data cells", "[xlsx][data]") {
    using templates::xlsx::needs_constant_memory;
    eval::report_result r;
    CHECK_FALSE(needs_constant_memory(r));
    r.data.push_back(numbers_table(50'000, 10));  // 500,000 cells: in memory
    CHECK_FALSE(needs_constant_memory(r));
    r.data.push_back(numbers_table(1, 1));  // one more
    CHECK(needs_constant_memory(r));
}

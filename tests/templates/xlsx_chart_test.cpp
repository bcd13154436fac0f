// The XLSX renderer's native charts (templates/xlsx/chart_writer.cpp): every chart type
// of a small report written through insert_chart into a workbook, then read back from
// the file: chart types, series counts, the ranges on the "Chart data" sheet, the
// cached values viewers draw from (numbers, a gap for #DIV/0!, in constant-memory mode
// too), colours, titles, number formats, the combo chart's two charts and its note,
// and data that looks like a formula staying text.
//
// The numbers, by hand, from the CSV below (avg = sum / count of non-blank scores):
//   responses by region: EU 3, US 2; by month: 2024-01 3, 2024-02 2
//   avg_score by month and region: 2024-01 EU (10+4)/2 = 7, US 9; 2024-02 EU 8, US #DIV/0!
//   avg_score by region: EU 22/3, US 9; by month: 2024-01 23/3, 2024-02 8
#include <catch2/catch.hpp>

#include "xlsx_chart_support.hpp"

using namespace folio;
using namespace folio::eval_test;
using namespace folio::xlsx_test;

namespace {

const char* surveys_csv =
    "region,day,score\n"
    "EU,2024-01-05,10\n"
    "EU,2024-01-20,4\n"
    "US,2024-01-10,9\n"
    "EU,2024-02-02,8\n"
    "US,2024-02-15,\n";

const char* charts_folio = R"(source s = csv("data/s.csv") {
  region: text
  day: date
  score: number
}
dimension region = s.region
dimension month  = month(s.day)
metric responses = count(s)
metric avg_score = avg(s.score) { format: "0.0" }

chart trend  = line(avg_score by month, series: region, title: "Score", subtitle: "by month", x_title: "Month", y_title: "Average score")
chart volume = column(responses by region, legend: FALSE)
chart bars   = bar(responses by region, x_title: "Region", y_title: "Responses")
chart stack  = stacked_column(responses by month, series: region)
chart sbars  = stacked_bar(responses by month, series: region)
chart filled = area(responses by month)
chart mix    = pie(responses by region)
chart ring   = doughnut(responses by region)
chart spread = scatter(responses, avg_score by region)
chart both   = combo(responses, avg_score by month, title: "Volume and score")

report charts {
  title: "Charts"
  chart trend
  chart volume
  chart bars
  chart stack
  chart sbars
  chart filled
  chart mix
  chart ring
  chart spread
  chart both
  output: xlsx
}
)";

struct rendered {
    std::string description;
    std::vector<std::string> notes;
    std::vector<lxw_row_t> heights;  // insert_chart's answers
};

// Evaluates `folio` and writes every chart of its first report on a "Summary" sheet.
rendered render_charts(const std::string& folio, const std::string& csv, bool constant_memory,
                       const std::string& locale = "en-US") {
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
    const fs::path path = dir.path() / "charts.xlsx";
    out.notes = write_book(path, request, constant_memory, [&](xlsx_book& book) {
        lxw_worksheet* summary = workbook_add_worksheet(book.workbook, "Summary");
        lxw_row_t row = 0;
        for (const eval::chart_result& c : r.charts) {
            out.heights.push_back(templates::xlsx::insert_chart(book, summary, row, 1, c));
            row += out.heights.back() + 1;
        }
    });
    out.description = describe(path);
    return out;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("xlsx charts: every chart type, its series, ranges and cached values", "[xlsx][chart]") {
    FOLIO_NEED_OPENPYXL();
    const rendered out = render_charts(charts_folio, surveys_csv, false);
    const std::string& d = out.description;
    INFO(d);
    const templates::theme theme = templates::default_theme();
    REQUIRE(theme.light.series.size() >= 2);

    // The line chart: one series per region, categories and values on the Chart data
    // sheet, cached values with a gap for US in 2024-02 (#DIV/0!), the metric's format.
    CHECK(contains(d, "chart chart1.xml at Summary!R0C1\n  title: 'Score\\nby month'\n  plot: lineChart standard\n"));
    CHECK(contains(d, "    name: 'Chart data'!$B$2 ['EU']\n"));
    CHECK(contains(d, "    categories: 'Chart data'!$A$3:$A$4 (str) ['2024-01', '2024-02']\n"
                      "    values: 'Chart data'!$B$3:$B$4 (num, General) ['7', '8']\n"));
    CHECK(contains(d, "    name: 'Chart data'!$C$2 ['US']\n"));
    CHECK(contains(d, "    values: 'Chart data'!$C$3:$C$4 (num, General) ['9', '-']\n"));
    CHECK(contains(d, "  axis catAx (b): title 'Month', format -\n  axis valAx (l): title 'Average score', format 0.0\n"));
    // The cells the chart reads hold numbers, in the metric's format; the gap is an empty cell.
    CHECK(contains(d, "  B3 n 7 [0.0]\n  C3 n 9 [0.0]\n  A4 s '2024-02'\n  B4 n 8 [0.0]\n  A6 s 'volume' (bold)\n"));

    // Column without a legend; bar with the categories on the vertical axis. Counts have
    // no format: whole numbers.
    CHECK(contains(d, "plot: barChart col clustered\n  series 0\n    name: 'Chart data'!$B$7 ['responses']\n"));
    CHECK(contains(d, "    values: 'Chart data'!$B$8:$B$9 (num, General) ['3', '2']\n  axis catAx (b): title '', format -\n"
                      "  axis valAx (l): title '', format #,##0\n  legend: none\n"));
    CHECK(contains(d, "plot: barChart bar clustered\n"));
    CHECK(contains(d, "  axis catAx (l): title 'Region', format -\n  axis valAx (b): title 'Responses', format #,##0\n"));
    // Stacked column and bar: two series (EU, US) of counts by month.
    CHECK(contains(d, "plot: barChart col stacked\n  series 0\n    name: 'Chart data'!$B$17 ['EU']\n"));
    CHECK(contains(d, "    values: 'Chart data'!$B$18:$B$19 (num, General) ['2', '1']\n"));
    CHECK(contains(d, "    values: 'Chart data'!$C$18:$C$19 (num, General) ['1', '1']\n"));
    CHECK(contains(d, "plot: barChart bar stacked\n"));
    CHECK(contains(d, "plot: areaChart standard\n"));
    CHECK(contains(d, "plot: pieChart\n  series 0\n    name: 'Chart data'!$B$32 ['responses']\n    point colours: " +
                      theme.light.series[0].substr(1) + " " + theme.light.series[1].substr(1) + "\n"
                      "    categories: 'Chart data'!$A$33:$A$34 (str) ['EU', 'US']\n"
                      "    values: 'Chart data'!$B$33:$B$34 (num, General) ['3', '2']\n  legend: r\n"));
    CHECK(contains(d, "plot: doughnutChart\n"));
    // Scatter: x from the first metric, y from the second.
    CHECK(contains(d, "plot: scatterChart\n  series 0\n    name: 'Chart data'!$C$42 ['avg_score']\n"));
    CHECK(contains(d, "    x: 'Chart data'!$B$43:$B$44 (num, General) ['3', '2']\n"
                      "    y: 'Chart data'!$C$43:$C$44 (num, General) ['7.333333333333333', '9']\n"
                      "  axis valAx (b): title '', format #,##0\n  axis valAx (l): title '', format 0.0\n"));
    // Combo: a column chart of the first metric and a line chart of the second, right below it.
    CHECK(contains(d, "chart chart10.xml at Summary!R153C1\n  title: 'Volume and score'\n  plot: barChart col clustered\n"));
    CHECK(contains(d, "chart chart11.xml at Summary!R169C1\n  title: 'Volume and score'\n  plot: lineChart standard\n"));
    CHECK(contains(d, "    values: 'Chart data'!$C$48:$C$49 (num, General) ['7.666666666666667', '8']\n"));
    REQUIRE(out.notes.size() == 1);
    CHECK(out.notes[0] ==
          "chart both: Excel charts written by Folio cannot combine columns and lines, so the workbook shows two "
          "aligned charts, columns above lines (the HTML output shows one combined chart)");
    CHECK(out.heights == std::vector<lxw_row_t>{16, 16, 16, 16, 16, 16, 16, 16, 16, 32});
    // Theme colours: the default theme's first series colours, in order.
    CHECK(contains(d, "    colour: " + theme.light.series[0].substr(1) + "\n"));
    CHECK(contains(d, "    colour: " + theme.light.series[1].substr(1) + "\n"));

    check_golden("xlsx_chart_types.txt", d);
}

TEST_CASE("xlsx charts: constant-memory mode keeps the cached values", "[xlsx][chart]") {
    FOLIO_NEED_OPENPYXL();
    // libxlsxwriter cannot read streamed cells back; the writer fills the caches itself,
    // so the workbook is the same in both modes.
    const rendered in_memory = render_charts(charts_folio, surveys_csv, false);
    const rendered streamed = render_charts(charts_folio, surveys_csv, true);
    CHECK(streamed.description == in_memory.description);
}

TEST_CASE("xlsx charts: data that looks like a formula stays text", "[xlsx][chart]") {
    FOLIO_NEED_OPENPYXL();
    const std::string csv =
        "region,day,score\n"
        "\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",2024-01-05,10\n"
        "+1,2024-01-06,5\n"
        "@SUM(A1),2024-01-07,7\n";
    const std::string folio = R"(source s = csv("data/s.csv") {
  region: text
  day: date
  score: number
}
dimension region = s.region
dimension month  = month(s.day)
metric responses = count(s)
chart c = line(responses by month, series: region, title: "=1+1")
report r {
  chart c
  output: xlsx
}
)";
    const rendered out = render_charts(folio, csv, false, "es-MX");
    const std::string& d = out.description;
    INFO(d);
    CHECK_FALSE(contains(d, "FORMULA"));
    CHECK(contains(d, "sheet 'Datos de gráficos'\n"));
    CHECK(contains(d, " s '=HYPERLINK(\"http://x\",\"y\")' (bold)\n"));
    CHECK(contains(d, " s '+1' (bold)\n"));
    CHECK(contains(d, " s '@SUM(A1)' (bold)\n"));
    CHECK(contains(d, "    name: 'Datos de gráficos'!$B$2 ['+1']\n"));
    CHECK(contains(d, "['=HYPERLINK(\"http://x\",\"y\")']\n"));
    CHECK(contains(d, "  title: ' =1+1'\n"));
}

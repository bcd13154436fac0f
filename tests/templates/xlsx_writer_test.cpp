// The XLSX renderer's guarantees that do not need a spreadsheet to check: a failed render
// leaves nothing behind, data text is never a formula, defined names are valid Excel names,
// the workbook's own words follow the report's locale, live formulas carry Folio's values,
// and the same input gives the same workbook. The parts are read with `unzip -p`.
// (Structure and LibreOffice recalculation: xlsx_check.py and xlsx_recalc.py.)
#include <catch2/catch.hpp>

#include <cstdio>

#include "eval/eval_support.hpp"
#include "folio/templates/render.hpp"
#include "folio/templates/theme.hpp"

using namespace folio;
using namespace folio::eval_test;

namespace {

// Renders report `name` of an evaluated program as XLSX at `path`; returns the notes.
std::vector<std::string> render_xlsx(const evaluation& e, const std::string& name, const fs::path& path) {
    const eval::report_result& r = e.report(name);
    const report::report& declared = e.model.reports.at(r.report);
    dsl::diagnostic_list problems;
    const templates::theme theme = templates::theme_for_report(e.model, declared, problems);
    const templates::render_request request{e.model, e.result, r, theme, templates::locale_for_report(declared, theme), {}};
    return templates::write_xlsx(request, path);
}

// One part of a zip file ("xl/workbook.xml"), "" when it is missing.
std::string zip_part(const fs::path& file, const std::string& part) {
    const std::string command = "unzip -p '" + file.string() + "' '" + part + "' 2>/dev/null";
    std::FILE* pipe = ::popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::string out;
    char buffer[4096];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
    ::pclose(pipe);
    return out;
}

// The stored value (<v>) of cell `ref` ("D3") in a sheet's XML; "" when it has none.
std::string cell_value(const std::string& sheet_xml, const std::string& ref) {
    const std::size_t at = sheet_xml.find("<c r=\"" + ref + "\"");
    if (at == std::string::npos) return "";
    const std::size_t end = sheet_xml.find("</c>", at), v = sheet_xml.find("<v>", at);
    if (v == std::string::npos || v > end) return "";
    return sheet_xml.substr(v + 3, sheet_xml.find("</v>", v) - v - 3);
}

// The <f> texts of a sheet's XML.
std::vector<std::string> formulas_of(const std::string& sheet_xml) {
    std::vector<std::string> out;
    for (std::size_t at = sheet_xml.find("<f>"); at != std::string::npos; at = sheet_xml.find("<f>", at + 1))
        out.push_back(sheet_xml.substr(at + 3, sheet_xml.find("</f>", at) - at - 3));
    return out;
}

const char* scores_csv =
    "region,score,month\n"
    "=1+2,10,2024-11-03\n"
    "=1+2,3,2024-12-02\n"
    "+A1,9,2024-12-05\n"
    "-5x,7,2024-12-09\n"
    "@SUM(A1),10,2024-12-10\n"
    "EU,9,2024-12-11\n"
    "EU,2,2024-11-12\n";

const char* scores_folio = R"(param as_of: date = date(2024, 12, 31)
source s = csv("data/s.csv") {
  region: text
  score: number
  month: date
}
dimension region = s.region
dimension month = month(s.month)
metric NPS = pct(s.score >= 9) - pct(s.score <= 6) { format: "0", target: 40, better: higher }
metric MRR1 = count(s)
report scores {
  title: "Scores"
  period: month
  kpis: NPS, MRR1
  table by region { NPS, MRR1 }
}
)";

}  // namespace

TEST_CASE("xlsx: data text starting with = + - @ is written as text, never as a formula", "[templates][xlsx]") {
    temp_dir dir;
    dir.write("data/s.csv", scores_csv);
    auto e = evaluate_text(dir, scores_folio);
    REQUIRE(e->text() == "");
    const fs::path file = dir.path() / "scores.xlsx";
    render_xlsx(*e, "scores", file);

    const std::string strings = zip_part(file, "xl/sharedStrings.xml");
    for (const char* text : {"=1+2", "+A1", "-5x", "@SUM(A1)"}) CHECK(strings.find(std::string(">") + text + "<") != std::string::npos);
    // The table sheet's formulas are the metrics' formulas over base aggregate cells, nothing from the data.
    const std::vector<std::string> formulas = formulas_of(zip_part(file, "xl/worksheets/sheet2.xml"));
    REQUIRE(formulas.size() == 10);  // 5 regions × 2 metrics; the table has no totals row
    for (const std::string& f : formulas) {
        INFO(f);
        CHECK(f.find("1+2") == std::string::npos);
        CHECK(f.find("SUM") == std::string::npos);
        CHECK(f.find("A1") == std::string::npos);
    }
    // Rows are sorted by region: +A1, -5x, =1+2, @SUM(A1), EU. Row 3 (+A1, one response of 9): NPS = 100*(promoters/rows)
    // - 100*(detractors/rows) over the base aggregate columns, in the order of the bases' index: D promoters, E rows,
    // F detractors; MRR1 = count(s) is the rows column itself.
    CHECK(formulas[0] == "100*(D3/E3)-100*(F3/E3)");
    CHECK(formulas[1] == "E3");
    const std::string table = zip_part(file, "xl/worksheets/sheet2.xml");
    CHECK(cell_value(table, "D3") == "1");
    CHECK(cell_value(table, "E3") == "1");
    CHECK(cell_value(table, "F3") == "0");
    CHECK(cell_value(table, "B3") == "100");
}

TEST_CASE("xlsx: KPI tiles are formulas over the calculation sheet, cached with Folio's values", "[templates][xlsx]") {
    temp_dir dir;
    dir.write("data/s.csv", scores_csv);
    auto e = evaluate_text(dir, scores_folio);
    REQUIRE(e->text() == "");
    const fs::path file = dir.path() / "scores.xlsx";
    render_xlsx(*e, "scores", file);

    const std::string summary = zip_part(file, "xl/worksheets/sheet1.xml");
    // December 2024: 5 responses, 3 promoters (9, 10, 9), 1 detractor (3) → NPS = 60 - 20 = 40.
    // November 2024: 2 responses, 1 promoter, 1 detractor → 0. Change 40; change % 40/0 → #DIV/0!.
    // December 2023 has no responses: NPS #DIV/0!.
    CHECK(summary.find("<f>100*('Calculation'!$C$3/'Calculation'!$C$4)-100*('Calculation'!$C$5/'Calculation'!$C$4)</f><v>40</v>") !=
          std::string::npos);
    CHECK(summary.find("<f>100*('Calculation'!$D$3/'Calculation'!$D$4)-100*('Calculation'!$D$5/'Calculation'!$D$4)</f><v>0</v>") !=
          std::string::npos);
    CHECK(summary.find("<f>B6-C6</f><v>40</v>") != std::string::npos);
    CHECK(summary.find("t=\"str\"><f>D6/ABS(C6)</f><v>#DIV/0!</v>") != std::string::npos);
    CHECK(summary.find("<f>100*('Calculation'!$E$3/'Calculation'!$E$4)-100*('Calculation'!$E$5/'Calculation'!$E$4)</f><v>#DIV/0!</v>") !=
          std::string::npos);
    CHECK(summary.find("<f>(B6-F6)/ABS(F6)</f><v>#DIV/0!</v>") != std::string::npos);
    CHECK(summary.find("<f>'Calculation'!$C$6</f><v>5</v>") != std::string::npos);

    // The calculation sheet: promoters, responses, detractors in December, November and December 2023.
    const std::string calculation = zip_part(file, "xl/worksheets/sheet3.xml");
    const std::vector<std::pair<const char*, const char*>> expected{
        {"C3", "3"}, {"C4", "5"}, {"C5", "1"}, {"D3", "1"}, {"D4", "2"}, {"D5", "1"}, {"E3", "0"}, {"E4", "0"}, {"C6", "5"}};
    for (const auto& [ref, v] : expected) {
        INFO(ref);
        CHECK(cell_value(calculation, ref) == v);
    }

    // One defined name per KPI metric, at its value cell; "MRR1" reads as a cell reference, so it gets a "_".
    const std::string workbook = zip_part(file, "xl/workbook.xml");
    CHECK(workbook.find("<definedName name=\"NPS\">'Summary'!$B$6</definedName>") != std::string::npos);
    CHECK(workbook.find("<definedName name=\"MRR1_\">'Summary'!$B$7</definedName>") != std::string::npos);
}

TEST_CASE("xlsx: the workbook's own words follow the report's locale", "[templates][xlsx]") {
    temp_dir dir;
    dir.write("data/s.csv", scores_csv);
    std::string text = scores_folio;
    text.replace(text.find("  period: month"), 15, "  period: month\n  locale: \"es-ES\"");
    auto e = evaluate_text(dir, text);
    REQUIRE(e->text() == "");
    const fs::path file = dir.path() / "scores.xlsx";
    render_xlsx(*e, "scores", file);
    const std::string workbook = zip_part(file, "xl/workbook.xml");
    CHECK(workbook.find("<sheet name=\"Resumen\"") != std::string::npos);
    CHECK(workbook.find("<sheet name=\"Cálculo\"") != std::string::npos);
    const std::string strings = zip_part(file, "xl/sharedStrings.xml");
    for (const char* word : {">Métrica<", ">Anterior<", ">Variación<", ">Objetivo<", ">Agregado base<"}) CHECK(strings.find(word) != std::string::npos);
    CHECK(zip_part(file, "xl/worksheets/sheet1.xml").find("Página &amp;P de &amp;N") != std::string::npos);
    CHECK(workbook.find("<definedName name=\"NPS\">'Resumen'!$B$6</definedName>") != std::string::npos);
}

TEST_CASE("xlsx: the same input gives the same workbook, dated by the report", "[templates][xlsx]") {
    temp_dir dir;
    dir.write("data/s.csv", scores_csv);
    auto e = evaluate_text(dir, scores_folio);
    REQUIRE(e->text() == "");
    const fs::path a = dir.path() / "a" / "scores.xlsx", b = dir.path() / "b" / "scores.xlsx";
    fs::create_directories(a.parent_path());
    fs::create_directories(b.parent_path());
    render_xlsx(*e, "scores", a);
    render_xlsx(*e, "scores", b);
    for (const char* part : {"docProps/core.xml", "docProps/app.xml", "xl/workbook.xml", "xl/styles.xml", "xl/sharedStrings.xml",
                             "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml"}) {
        INFO(part);
        CHECK(!zip_part(a, part).empty());
        CHECK(zip_part(a, part) == zip_part(b, part));
    }
    const std::string core = zip_part(a, "docProps/core.xml");
    CHECK(core.find("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2024-12-31T00:00:00Z</dcterms:created>") != std::string::npos);
    CHECK(core.find("<dc:title>Scores</dc:title>") != std::string::npos);
}

TEST_CASE("xlsx: a failed render names the file and leaves nothing behind", "[templates][xlsx]") {
    temp_dir dir;
    dir.write("data/s.csv", scores_csv);
    auto e = evaluate_text(dir, scores_folio);
    REQUIRE(e->text() == "");

    // The folder does not exist: libxlsxwriter cannot create the file.
    const fs::path missing = dir.path() / "no-such-folder" / "scores.xlsx";
    try {
        render_xlsx(*e, "scores", missing);
        FAIL("no error");
    } catch (const templates::render_error& error) {
        CHECK(std::string(error.what()).rfind(missing.string() + ": cannot write the workbook: ", 0) == 0);
    }

    // The target is a folder holding a file: the workbook is written, the rename fails, the temporary
    // file is removed and the folder keeps its content.
    const fs::path out = dir.path() / "out";
    const fs::path blocked = out / "scores.xlsx";
    dir.write("out/scores.xlsx/keep.txt", "keep");
    CHECK_THROWS_AS(render_xlsx(*e, "scores", blocked), templates::render_error);
    CHECK(std::distance(fs::directory_iterator(out), fs::directory_iterator()) == 1);
    CHECK(read_text(blocked / "keep.txt") == "keep");
}

// The HTML page: golden pages of the three example reports (executive, manager, analyst), the
// view model against its documented schema, localised numbers, dates and words, and the output
// file written whole or not at all.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <stdlib.h>

#include "../../templates/html/view_model.hpp"
#include "../../templates/html/view_schema.hpp"
#include "html_support.hpp"

using namespace folio;
using namespace folio::html_test;

namespace {

const char* sales_csv =
    "day,region,amount\n"
    "2024-11-10,EU,1000\n"
    "2024-12-05,EU,1234.5\n"
    "2024-12-06,US,10\n";

std::string sales_folio(const std::string& locale) {
    return R"(source s = csv("data/s.csv") {
  day: date
  region: text
  amount: number
}
dimension month = month(s.day)
dimension region = s.region
metric total = sum(s.amount) { label: "Total sales", format: "#,##0.0", target: 2000, better: higher }
report sales {
  title: "Sales"
  locale: ")" + locale + R"("
  period: month
  kpis: total
  table by region { total }
  output: html
}
)";
}

page_fixture sales(const temp_dir& dir, const std::string& locale) {
    dir.write("data/s.csv", sales_csv);
    return page_fixture(eval_test::evaluate_text(dir, sales_folio(locale)), "sales");
}

// Every key of the schema is set in every object of the view model (false when it has no value).
void require_schema_keys(const kainjow::mustache::data& d, const templates::html::schema_key& schema, const std::string& path) {
    for (const templates::html::schema_key& key : schema.children) {
        const std::string where = path.empty() ? std::string(key.name) : path + "." + std::string(key.name);
        INFO(where);
        const kainjow::mustache::data* value = d.get(std::string(key.name));
        REQUIRE(value != nullptr);
        using templates::html::key_kind;
        switch (key.kind) {
            case key_kind::text:
            case key_kind::html: CHECK((value->is_string() || value->is_false())); break;
            case key_kind::flag: CHECK(value->is_bool()); break;
            case key_kind::object:
                if (!value->is_false()) require_schema_keys(*value, key, where);
                break;
            case key_kind::list:
                REQUIRE(value->is_list());
                for (const auto& item : value->list_value()) require_schema_keys(item, key, where);
                break;
        }
    }
}

}  // namespace

TEST_CASE("the example reports render as their golden pages", "[html]") {
    for (const std::string report : {"executive", "manager", "analyst"}) {
        INFO(report);
        std::vector<std::string> notes;
        const std::string page = example(report).page(&notes);
        check_golden("html_" + report + ".html", without_svg(page));
        if (report == "analyst") {
            REQUIRE(notes.size() == 1);
            CHECK(notes[0] == "analyst: the data block of 'surveys' shows the first 200 of 18834 rows");
        } else {
            CHECK(notes.empty());
        }
    }
}

TEST_CASE("the example pages show the audience's parts", "[html]") {
    const std::string executive = example("executive").page();
    CHECK(executive.find("<body class=\"audience-executive\">") != std::string::npos);
    CHECK(count(executive, "<article class=\"tile") == 4);
    CHECK(executive.find("<h1>Customer health</h1>") != std::string::npos);
    CHECK(executive.find("<strong>December 2024</strong> · Compared with November 2024") != std::string::npos);
    CHECK(executive.find("src=\"data:image/svg+xml;base64,") != std::string::npos);  // the logo, embedded
    CHECK(executive.find("<script") == std::string::npos);                            // no sorting on the executive page
    CHECK(executive.find("class=\"block definitions") == std::string::npos);

    const std::string manager = example("manager").page();
    CHECK(manager.find("<body class=\"audience-manager\">") != std::string::npos);
    CHECK(count(manager, "<script>") == 1);
    CHECK(manager.find("data-sortable=\"true\"") != std::string::npos);

    const std::string analyst = example("analyst").page();
    CHECK(analyst.find("<code>NPS = pct(promoters) - pct(detractors)</code>") != std::string::npos);
    CHECK(analyst.find("Showing the first 200 of 18,834 rows") != std::string::npos);
    CHECK(count(analyst, "<div class=\"definition\">") == 5);
}

TEST_CASE("the view model sets every key of its schema", "[html]") {
    for (const std::string report : {"executive", "manager", "analyst"}) {
        INFO(report);
        const page_fixture f = example(report);
        std::vector<std::string> notes;
        const kainjow::mustache::data root = templates::html::build_view_model(*f.request, report, notes);
        require_schema_keys(root, templates::html::view_schema(), "");
    }
}

namespace {

// The key table of docs/html-templates.md, generated from the schema.
void key_rows(const templates::html::schema_key& key, const std::string& prefix, std::string& out) {
    static const char* kinds[] = {"text", "HTML", "flag", "object", "list"};
    for (const templates::html::schema_key& c : key.children) {
        const std::string path = prefix.empty() ? std::string(c.name) : prefix + "." + std::string(c.name);
        std::string doc(c.doc);
        for (std::size_t at = doc.find('|'); at != std::string::npos; at = doc.find('|', at + 2)) doc.replace(at, 1, "\\|");
        out += "| `" + path + "` | " + kinds[static_cast<int>(c.kind)] + " | " + doc + " |\n";
        key_rows(c, path, out);
    }
}

}  // namespace

TEST_CASE("docs/html-templates.md lists every key of the view model", "[html][docs]") {
    std::string table = "| Key | Kind | What it holds |\n|---|---|---|\n";
    key_rows(templates::html::view_schema(), "", table);
    const fs::path path = eval_test::source_dir() / "docs/html-templates.md";
    std::string doc = eval_test::read_text(path);
    const std::string begin = "<!-- keys:begin (generated by tests/templates/html_render_test.cpp; UPDATE_GOLDEN=1) -->\n";
    const std::string end = "<!-- keys:end -->";
    const std::size_t from = doc.find(begin), to = doc.find(end);
    REQUIRE(from != std::string::npos);
    REQUIRE(to != std::string::npos);
    const std::string current = doc.substr(from + begin.size(), to - from - begin.size());
    if (const char* update = std::getenv("UPDATE_GOLDEN"); update != nullptr && std::string(update) == "1") {
        doc.replace(from + begin.size(), current.size(), table);
        std::ofstream(path, std::ios::binary) << doc;
        return;
    }
    CHECK(current == table);
    for (const std::string& key : templates::html_view_model_keys()) CHECK(current.find("`" + key + "`") != std::string::npos);
}

TEST_CASE("numbers, periods and words follow the report's locale", "[html][locale]") {
    SECTION("en-US") {
        temp_dir dir;
        const std::string page = sales(dir, "en-US").page();
        CHECK(page.find("<html lang=\"en\">") != std::string::npos);
        CHECK(page.find("Period: <strong>December 2024</strong> · Compared with November 2024") != std::string::npos);
        CHECK(page.find("<span class=\"num\">1,244.5</span>") != std::string::npos);
        CHECK(page.find("+244.5 (+24.5%) <span class=\"vs\">vs November 2024</span>") != std::string::npos);
        CHECK(page.find("Target: 2,000.0 · <span class=\"status-text\">Off target</span>") != std::string::npos);
        CHECK(page.find("data-sort=\"2234.5\">2,234.5</td>") != std::string::npos);
    }
    SECTION("es-ES") {
        temp_dir dir;
        const std::string page = sales(dir, "es-ES").page();
        CHECK(page.find("<html lang=\"es\">") != std::string::npos);
        CHECK(page.find("Período: <strong>diciembre de 2024</strong> · Comparado con noviembre de 2024") != std::string::npos);
        CHECK(page.find("<span class=\"num\">1.244,5</span>") != std::string::npos);
        CHECK(page.find("+244,5 (+24,5%) <span class=\"vs\">frente a noviembre de 2024</span>") != std::string::npos);
        CHECK(page.find("Anterior: 1.000,0") != std::string::npos);
        CHECK(page.find("Objetivo: 2.000,0 · <span class=\"status-text\">Fuera del objetivo</span>") != std::string::npos);
        CHECK(page.find("data-sort=\"2234.5\">2.234,5</td>") != std::string::npos);
    }
    SECTION("pt-BR") {
        temp_dir dir;
        const std::string page = sales(dir, "pt-BR").page();
        CHECK(page.find("<html lang=\"pt\">") != std::string::npos);
        CHECK(page.find("Período: <strong>dezembro de 2024</strong> · Comparado com novembro de 2024") != std::string::npos);
        CHECK(page.find("<span class=\"num\">1.244,5</span>") != std::string::npos);
        CHECK(page.find("Meta: 2.000,0 · <span class=\"status-text\">Fora da meta</span>") != std::string::npos);
    }
}

TEST_CASE("period labels in words", "[html][locale]") {
    eval::dimension_value month;
    month.v = value(45627.0);  // 2024-12-01
    month.label = "2024-12";
    month.grain = report::time_grain::month;
    CHECK(templates::html::period_in_words(month, "en-US") == "December 2024");
    CHECK(templates::html::period_in_words(month, "es-MX") == "diciembre de 2024");
    CHECK(templates::html::period_in_words(month, "pt-BR") == "dezembro de 2024");
    eval::dimension_value quarter = month;
    quarter.v = value(45566.0);  // 2024-10-01
    quarter.grain = report::time_grain::quarter;
    CHECK(templates::html::period_in_words(quarter, "en-US") == "Q4 2024");
    CHECK(templates::html::period_in_words(quarter, "es-ES") == "T4 2024");
    eval::dimension_value text;
    text.v = value("EMEA");
    text.label = "EMEA";
    CHECK(templates::html::period_in_words(text, "es-ES") == "EMEA");
}

TEST_CASE("write_html writes the whole page or nothing", "[html]") {
    temp_dir dir;
    const page_fixture f = sales(dir, "en-US");
    const fs::path out = dir.path() / "out" / "sales.html";
    fs::create_directories(out.parent_path());
    CHECK(templates::write_html(*f.request, out).empty());
    CHECK(eval_test::read_text(out) == f.page());

    const fs::path missing = dir.path() / "no-such-folder" / "sales.html";
    try {
        templates::write_html(*f.request, missing);
        FAIL("expected a render_error");
    } catch (const templates::render_error& e) {
        CHECK(std::string(e.what()).find("cannot write " + missing.string()) == 0);
    }
    CHECK_FALSE(fs::exists(missing.parent_path()));
    std::size_t files = 0;
    for (const auto& entry : fs::directory_iterator(out.parent_path())) files += entry.is_regular_file() ? 1 : 0;
    CHECK(files == 1);  // no temporary file left behind
}

TEST_CASE("write_pdf prints the page with Chromium, or says how to install it", "[html][pdf]") {
    temp_dir dir;
    const page_fixture f = sales(dir, "en-US");
    const fs::path out = dir.path() / "sales.pdf";
    const char* saved = std::getenv("FOLIO_CHROMIUM");
    const std::string previous = saved != nullptr ? saved : "";

    ::setenv("FOLIO_CHROMIUM", (dir.path() / "no-chromium-here").c_str(), 1);
    try {
        templates::write_pdf(*f.request, out);
        FAIL("expected a render_error");
    } catch (const templates::render_error& e) {
        CHECK(std::string(e.what()) == "cannot write " + out.string() +
                                           ": PDF output needs Chromium: apt-get install chromium (or set FOLIO_CHROMIUM to its path)");
    }
    CHECK_FALSE(fs::exists(out));
    if (saved != nullptr) ::setenv("FOLIO_CHROMIUM", previous.c_str(), 1);
    else ::unsetenv("FOLIO_CHROMIUM");

    const bool have_chromium = std::system("command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1") == 0;
    const char* require = std::getenv("FOLIO_REQUIRE_TOOLS");
    if (!have_chromium && !(require != nullptr && std::string(require) == "1")) {
        WARN("skipped printing a PDF: Chromium is not installed (apt-get install chromium)");
        return;
    }
    REQUIRE(have_chromium);
    CHECK(templates::write_pdf(*f.request, out).empty());
    const std::string pdf = eval_test::read_text(out);
    CHECK(pdf.rfind("%PDF-", 0) == 0);
    CHECK(pdf.find("%%EOF") != std::string::npos);
    for (const auto& entry : fs::directory_iterator(dir.path())) CHECK(entry.path().filename().string().find(".tmp-") == std::string::npos);
}

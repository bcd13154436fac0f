// HTML templates: the built-ins pass the check; the check's errors name file, line and column;
// partials are overridden by template folders and by the report's own template folder; a
// template path cannot leave the report's folder; values are escaped; sections follow the layout.
#include <catch2/catch.hpp>

#include "html_support.hpp"

using namespace folio;
using namespace folio::html_test;

namespace {

const char* tiny_csv =
    "region,score\n"
    "EU,4\n"
    "US,9\n";

// A report with a title and a text block of `text`, a KPI row and a table, rendered with `settings`.
std::string tiny_folio(const std::string& settings, const std::string& text = "Plain words.") {
    return R"(source s = csv("data/s.csv") {
  region: text
  score: number
}
dimension region = s.region
metric n = count(s)
metric avg_score = avg(s.score) { label: "Average score", format: "0.0", target: 5 }
report tiny {
  title: "Tiny <b>report</b>"
  )" + settings + R"(
  kpis: n, avg_score
  text ")" + text + R"("
  table by region { n, avg_score }
}
)";
}

page_fixture tiny(const temp_dir& dir, const std::string& settings, std::vector<fs::path> template_dirs = {},
                  const std::string& text = "Plain words.") {
    dir.write("data/s.csv", tiny_csv);
    return page_fixture(eval_test::evaluate_text(dir, tiny_folio(settings, text)), "tiny", std::move(template_dirs));
}

// The template check of `page` in `dir`, with the folder shown as "".
std::string check(const temp_dir& dir, const fs::path& page, std::vector<fs::path> template_dirs = {}) {
    const templates::template_check c = templates::check_template(page, template_dirs);
    std::string text = dsl::format_text(c.diagnostics);
    const std::string prefix = dir.path().string() + "/";
    for (std::size_t at = text.find(prefix); at != std::string::npos; at = text.find(prefix, at)) text.erase(at, prefix.size());
    UNSCOPED_INFO("the check printed:\n" << text);
    return text;
}

std::string render_error_of(const page_fixture& f) {
    try {
        f.page();
    } catch (const templates::render_error& e) {
        return e.what();
    }
    return "(no error)";
}

}  // namespace

TEST_CASE("the built-in pages pass the template check", "[html][templates]") {
    for (const char* page : {"executive", "manager", "analyst", "default"}) {
        INFO(page);
        const templates::template_check c = templates::check_template(page, {});
        CHECK(dsl::format_text(c.diagnostics).empty());
    }
}

TEST_CASE("the template check names the file, line and column of each problem", "[html][templates]") {
    temp_dir dir;
    SECTION("an unknown key, with a suggestion") {
        const fs::path page = dir.write("t/page.mustache", "<h1>{{title}}</h1>\n{{#sections}}{{#kpis}}{{#tiles}}\n  <p>{{vlaue}}</p>\n{{/tiles}}{{/kpis}}{{/sections}}\n");
        const std::string text = check(dir, page);
        CHECK(text.find("t/page.mustache:3:8: error: unknown key 'vlaue' in 'sections.kpis.tiles' (did you mean 'value'?)") == 0);
    }
    SECTION("a dotted key with a wrong last part") {
        const fs::path page = dir.write("t/page.mustache", "{{brand.nmae}}\n");
        CHECK(check(dir, page).find("t/page.mustache:1:3: error: unknown key 'brand.nmae': 'brand' has no 'nmae' (did you mean 'brand.name'?)") == 0);
    }
    SECTION("a key used outside its section") {
        const fs::path page = dir.write("t/page.mustache", "{{title}} {{value}}\n");
        CHECK(check(dir, page).find("t/page.mustache:1:13: error: unknown key 'value'") == 0);
    }
    SECTION("an unknown partial") {
        const fs::path page = dir.write("t/page.mustache", "{{> head}}\n\n  {{> tiel}}\n");
        CHECK(check(dir, page).find("t/page.mustache:3:7: error: unknown partial 'tiel': no template folder and no built-in has "
                                    "tiel.mustache (did you mean 'tile'?)") == 0);
    }
    SECTION("errors inside a partial point into the partial") {
        dir.write("t/mine.mustache", "ok\n{{#sections}}{{titel}}{{/sections}}\n");
        const fs::path page = dir.write("t/page.mustache", "{{> mine}}\n");
        CHECK(check(dir, page).find("t/mine.mustache:2:16: error: unknown key 'titel' in 'sections' (did you mean 'title'?)") == 0);
    }
    SECTION("sections that are not closed or closed by the wrong name") {
        CHECK(check(dir, dir.write("t/a.mustache", "x\n  {{#sections}}\n")).find("t/a.mustache:2:3: error: section '{{#sections}}' is not closed; add {{/sections}}") == 0);
        CHECK(check(dir, dir.write("t/b.mustache", "{{#sections}}\n{{/section}}\n")).find("t/b.mustache:2:4: error: '{{/section}}' does not close the open section '{{#sections}}' (line 1)") == 0);
    }
    SECTION("text written unescaped, HTML written escaped, a list written as a value") {
        const std::string text = check(dir, dir.write("t/page.mustache", "{{{title}}}\n{{#sections}}{{#chart}}{{svg}}{{/chart}}{{/sections}}\n{{sections}}\n"));
        CHECK(text.find("t/page.mustache:1:4: error: 'title' holds text from the report or its data and must stay escaped: write {{title}}, not {{{title}}}") != std::string::npos);
        CHECK(text.find("t/page.mustache:2:26: warning: 'svg' is HTML that Folio built: {{svg}} shows its markup as text; write {{{svg}}}") != std::string::npos);
        CHECK(text.find("t/page.mustache:3:3: error: 'sections' is a list, not a value: write {{#sections}}...{{/sections}}") != std::string::npos);
    }
    SECTION("a partial named like a key, a partial that includes itself") {
        CHECK(check(dir, dir.write("t/a.mustache", "{{> title}}\n")).find("t/a.mustache:1:5: error: the partial 'title' has the name of a view-model key, which would hide it: rename the partial") == 0);
        dir.write("t/loop.mustache", "{{> loop}}\n");
        CHECK(check(dir, dir.write("t/b.mustache", "{{> loop}}\n")).find("t/loop.mustache:1:5: error: the partial 'loop' includes itself") == 0);
        CHECK(check(dir, dir.write("t/c.mustache", "{{> ../secret}}\n")).find("t/c.mustache:1:5: error: '../secret' is not a partial name") == 0);
    }
}

TEST_CASE("a template with errors is not rendered: write_html reports them and writes nothing", "[html][templates]") {
    temp_dir dir;
    dir.write("page.mustache", "<h1>{{title}}</h1>\n<p>{{subtitel}}</p>\n");
    const page_fixture f = tiny(dir, "template: \"page.mustache\"");
    const fs::path out = dir.path() / "tiny.html";
    try {
        templates::write_html(*f.request, out);
        FAIL("expected a render_error");
    } catch (const templates::render_error& e) {
        const std::string what = e.what();
        INFO(what);
        CHECK(what.find("cannot write " + out.string() + ": the HTML template of report 'tiny' has errors:\n") == 0);
        CHECK(what.find(dir.path().string() + "/page.mustache:2:6: error: unknown key 'subtitel' (did you mean 'subtitle'?)") != std::string::npos);
    }
    CHECK_FALSE(fs::exists(out));
}

TEST_CASE("the report's template: a file, a folder with partials, library overrides", "[html][templates]") {
    temp_dir dir;
    SECTION("a page file beside the report, with a built-in partial") {
        dir.write("page.mustache", "<h1>{{title}}</h1>{{#sections}}{{#kpis}}{{#tiles}}[{{label}}={{value}}]{{/tiles}}{{/kpis}}{{/sections}}\n");
        CHECK(tiny(dir, "template: \"page.mustache\"").page() == "<h1>Tiny &lt;b&gt;report&lt;/b&gt;</h1>[n=2][Average score=6.5]\n");
    }
    SECTION("a folder: report.mustache and its own partial override the built-in tile") {
        dir.write("brand/report.mustache", "{{#sections}}{{#kpis}}{{#tiles}}{{> tile}}{{/tiles}}{{/kpis}}{{/sections}}");
        dir.write("brand/tile.mustache", "<tile {{status}}>{{value}}</tile>");
        CHECK(tiny(dir, "template: \"brand\"").page() == "<tile neutral>2</tile><tile good>6.5</tile>");
    }
    SECTION("a template folder of the request overrides a built-in partial of a built-in page") {
        temp_dir library;
        library.write("tile.mustache", "<div class=\"library-tile\">{{label}}</div>\n");
        const std::string page = tiny(dir, "template: \"executive\"", {library.path()}).page();
        CHECK(count(page, "<div class=\"library-tile\">") == 2);
        CHECK(page.find("<div class=\"library-tile\">Average score</div>") != std::string::npos);
        CHECK(page.find("<article class=\"tile") == std::string::npos);
        CHECK(page.find("<body class=\"audience-executive\">") != std::string::npos);
    }
    SECTION("the report's name picks the audience; any other name the default page") {
        const std::string page = tiny(dir, "").page();
        CHECK(page.find("<body class=\"audience-default\">") != std::string::npos);
    }
}

TEST_CASE("a template path cannot leave the report's folder", "[html][templates]") {
    temp_dir dir;
    dir.write("outside.mustache", "{{title}}");
    dir.write("reports/x.txt", "");
    auto error_for = [&](const std::string& setting) {
        dir.write("reports/data/s.csv", tiny_csv);
        const page_fixture f(eval_test::evaluate_file(dir.write("reports/report.folio", tiny_folio(setting))), "tiny");
        std::string what = render_error_of(f);
        const std::string prefix = dir.path().string() + "/";
        for (std::size_t at = what.find(prefix); at != std::string::npos; at = what.find(prefix, at)) what.erase(at, prefix.size());
        UNSCOPED_INFO("the render error: " << what);
        return what;
    };
    CHECK(error_for("template: \"../outside.mustache\"").find(
              "reports/report.folio:10:3: the template '../outside.mustache' is outside the report's folder") == 0);
    CHECK(error_for("template: \"/etc/passwd\"") ==
          "reports/report.folio:10:3: the template '/etc/passwd' must be a built-in audience (executive, manager, analyst, default) or a "
          "path relative to the report's folder");
    CHECK(error_for("template: \"missing.mustache\"").find("reports/report.folio:10:3: cannot find the template 'missing.mustache'") == 0);
}

TEST_CASE("values are escaped and blocks follow the report's layout", "[html][templates]") {
    temp_dir dir;
    const page_fixture f = tiny(dir, "template: \"manager\"", {}, "Watch <script>alert('x')</script> & \"\"quotes\"\"");
    const std::string page = f.page();
    CHECK(page.find("<title>Tiny &lt;b&gt;report&lt;/b&gt;</title>") != std::string::npos);
    CHECK(page.find("<p>Watch &lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; &quot;quotes&quot;</p>") != std::string::npos);
    CHECK(count(page, "<script") == 1);  // the sorting script only
    // kpis, then the text, then the table: the order the report lists them.
    const std::size_t kpis = page.find("class=\"block kpis\""), text = page.find("class=\"block text\""),
                      table = page.find("class=\"block table-block\"");
    REQUIRE(kpis != std::string::npos);
    REQUIRE(text != std::string::npos);
    REQUIRE(table != std::string::npos);
    CHECK(kpis < text);
    CHECK(text < table);
    INFO(page.substr(table, 1200));
    // The table: a header row, EU and US with their target status, no totals.
    CHECK(page.find("<tr><th scope=\"row\">EU</th><td class=\"num\" data-sort=\"1\">1</td><td class=\"num status-bad\" data-sort=\"4\">4.0</td></tr>") != std::string::npos);
    CHECK(page.find("<tr><th scope=\"row\">US</th><td class=\"num\" data-sort=\"1\">1</td><td class=\"num status-good\" data-sort=\"9\">9.0</td></tr>") != std::string::npos);
}

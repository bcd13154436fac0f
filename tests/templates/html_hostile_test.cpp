// Hostile data in the HTML page: markup, scripts, quotes, right-to-left text and very long values
// in the data, in dimension labels and in the report's texts are rendered inert (escaped text)
// and do not break the page's structure: every table row keeps its cells.
#include <catch2/catch.hpp>

#include "html_support.hpp"

using namespace folio;
using namespace folio::html_test;

namespace {

const std::string long_word(3000, 'W');

std::string hostile_csv() {
    return "region,comment,score\n"
           "\"<script>alert(1)</script>\",\"<img src=x onerror=alert(2)>\",9\n"
           "\"\"\"quoted\"\" & 'single'\",\"</td></tr></table><h1>broken</h1>\",7\n"
           "\"שלום עולם مرحبا\",\"\u202Eevil\u202C {{title}} {{{title}}}\",3\n"
           "\"" + long_word + "\",\"javascript:alert(3)\",10\n";
}

const char* hostile_folio = R"(source s = csv("data/s.csv") {
  region: text
  comment: text
  score: number
}
dimension region = s.region
metric n = count(s) { label: "<i>rows</i>" }
metric avg_score = avg(s.score) { label: "Score ""avg""", description: "<script>bad()</script>", format: "0.0", target: 8 }
report analyst {
  title: "<script>alert('title')</script>"
  subtitle: "שלום — right to left"
  kpis: n, avg_score
  table by region { n, avg_score }
  data s
}
)";

// The opening tags of `name` in `page`.
std::size_t tags(const std::string& page, const std::string& name) { return count(page, "<" + name + ">") + count(page, "<" + name + " "); }

}  // namespace

TEST_CASE("hostile data is rendered inert and the layout stays intact", "[html][hostile]") {
    temp_dir dir;
    dir.write("data/s.csv", hostile_csv());
    const page_fixture f(eval_test::evaluate_text(dir, hostile_folio), "analyst");
    const std::string page = f.page();

    // No markup from the data or the report's texts survives as markup.
    CHECK(tags(page, "script") == 1);  // the page's own sorting script
    CHECK(page.find("<img") == std::string::npos);
    CHECK(page.find("<h1>broken") == std::string::npos);
    CHECK(page.find("<i>rows") == std::string::npos);
    CHECK(page.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(page.find("&lt;img src=x onerror=alert(2)&gt;") != std::string::npos);
    CHECK(page.find("&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;h1&gt;broken&lt;/h1&gt;") != std::string::npos);
    CHECK(page.find("&quot;quoted&quot; &amp; &apos;single&apos;") != std::string::npos);
    CHECK(page.find("<title>&lt;script&gt;alert(&apos;title&apos;)&lt;/script&gt;</title>") != std::string::npos);
    CHECK(page.find("&lt;script&gt;bad()&lt;/script&gt;") != std::string::npos);  // the description, in the definitions
    CHECK(page.find("Score &quot;avg&quot;") != std::string::npos);
    // Mustache tags in data are text, not expanded a second time.
    CHECK(page.find("{{title}} {{{title}}}") != std::string::npos);
    // Right-to-left and long texts are kept whole (the stylesheet wraps them: overflow-wrap: anywhere).
    CHECK(page.find("שלום עולם مرحبا") != std::string::npos);
    CHECK(page.find(long_word) != std::string::npos);
    CHECK(page.find("overflow-wrap: anywhere") != std::string::npos);

    // Structure: the region table has 4 rows of 3 cells, the data appendix 4 rows of 3 cells.
    CHECK(tags(page, "table") == 2);
    CHECK(count(page, "</table>") == 2);
    CHECK(tags(page, "tr") == count(page, "</tr>"));
    CHECK(tags(page, "td") == count(page, "</td>"));
    CHECK(tags(page, "tr") == 2 + 4 + 4);  // two header rows, 4 groups, 4 data rows
    CHECK(count(page, "<th scope=\"row\">") == 4);
    CHECK(tags(page, "td") == 4 * 2 + 4 * 3);
    CHECK(page.find("</html>") != std::string::npos);
}

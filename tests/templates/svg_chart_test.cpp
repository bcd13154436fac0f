// SVG charts: a golden file per chart type from the hand-built charts of svg_fixtures.hpp,
// plus checks that do not rely on the goldens: bar lengths in proportion to the values,
// gaps for errors and blanks, escaping of hostile names, no external references, and
// numbers formatted in the report's locale. svg_wellformed.py parses every golden file.
#include <catch2/catch.hpp>

#include <regex>

#include "svg_fixtures.hpp"

using namespace folio;
using namespace folio::svg_test;
using report::chart_type;
namespace svg = folio::templates::svg;

namespace {

const std::vector<std::string> quarters{"Q1", "Q2", "Q3", "Q4"};
const std::vector<std::string> regions{"EMEA", "Americas", "APAC"};

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

// No script, no link, no external resource: only the SVG namespace URI may mention http.
void check_self_contained(std::string svg_text) {
    const std::string ns = "xmlns=\"http://www.w3.org/2000/svg\"";
    if (auto at = svg_text.find(ns); at != std::string::npos) svg_text.erase(at, ns.size());
    for (const char* bad : {"http", "url(", "href", "<script", "javascript:", "<foreignObject", "<image", "@import"}) {
        INFO("found " << bad);
        CHECK(svg_text.find(bad) == std::string::npos);
    }
}

// The values of attribute `name` of every `element` among the chart's marks (not the legend), in order.
std::vector<double> attributes(const std::string& whole, const std::string& element, const std::string& name) {
    const std::size_t marks = whole.find("class=\"folio-marks\"");
    const std::string svg_text = marks == std::string::npos ? std::string() : whole.substr(marks);
    std::vector<double> out;
    const std::regex tag("<" + element + "\\b[^>]*\\b" + name + "=\"(-?[0-9.]+)\"");
    for (auto it = std::sregex_iterator(svg_text.begin(), svg_text.end(), tag); it != std::sregex_iterator(); ++it)
        out.push_back(std::stod((*it)[1].str()));
    return out;
}

std::string golden(const std::string& name, const std::string& text) {
    check_self_contained(text);
    check_golden(name, text);
    return text;
}

}  // namespace

TEST_CASE("line chart: a polyline per series, markers, a legend, gaps for errors and blanks", "[svg][chart]") {
    const auto r = sample_report();
    const auto c = chart("nps_trend", chart_type::line, "quarter", quarters, {0},
                         {series("EMEA", 0, quarters, {42.0, value(error_code::div0), 38.0, 45.0}, "EMEA"),
                          series("APAC", 0, quarters, {value(), 12.0, -8.0, 20.0}, "APAC")},
                         "NPS by quarter");
    const std::string out = golden("svg_line.svg", svg::chart(r, c, style()));
    // EMEA: 42 | gap | 38, 45 → one polyline for Q3..Q4 and three markers; APAC: one polyline Q2..Q4.
    CHECK(count(out, "<polyline") == 2);
    CHECK(count(out, "<circle") == 6);
    CHECK(out.find("#DIV/0!") == std::string::npos);  // a gap is no point and no label
    CHECK(out.find("role=\"img\"") != std::string::npos);
    CHECK(out.find("<title id=\"folio-nps_trend-title\">NPS by quarter</title>") != std::string::npos);
    CHECK(out.find("<desc id=\"folio-nps_trend-desc\">Line chart of NPS by quarter: 4 categories, 2 series; values from -8 to 45."
                   "</desc>") != std::string::npos);
    // The legend names both series.
    CHECK(out.find(">EMEA</text>") != std::string::npos);
    CHECK(out.find(">APAC</text>") != std::string::npos);
}

TEST_CASE("column chart: bars from zero in proportion to the values, labels above", "[svg][chart]") {
    const auto r = sample_report();
    const auto c = chart("volume", chart_type::column, "quarter", quarters, {3},
                         {series("responses", 3, quarters, {250.0, 500.0, 750.0, 1000.0})});
    const std::string out = golden("svg_column.svg", svg::chart(r, c, style()));
    const auto heights = attributes(out, "rect", "height");
    REQUIRE(heights.size() == 4);
    CHECK(heights[1] == Approx(2 * heights[0]).margin(0.02));
    CHECK(heights[2] == Approx(3 * heights[0]).margin(0.02));
    CHECK(heights[3] == Approx(4 * heights[0]).margin(0.02));
    // Ticks 0, 250, ..., 1,000 in the metric's format "#,##0"; a single series has no legend.
    CHECK(out.find(">1,000</text>") != std::string::npos);
    CHECK(out.find("folio-legend") == std::string::npos);
}

TEST_CASE("column chart with negative values and an error: bars below zero, none for the error", "[svg][chart]") {
    const auto r = sample_report();
    const auto c = chart("nps_region", chart_type::column, "region", regions, {0},
                         {series("NPS", 0, regions, {30.0, -20.0, value(error_code::div0)})});
    const std::string out = golden("svg_column_negative.svg", svg::chart(r, c, style()));
    const auto heights = attributes(out, "rect", "height");
    REQUIRE(heights.size() == 2);  // no bar for #DIV/0!
    CHECK(heights[0] == Approx(1.5 * heights[1]).margin(0.02));
    CHECK(out.find("values from -20 to 30") != std::string::npos);
}

TEST_CASE("bar, stacked and area charts", "[svg][chart]") {
    const auto r = sample_report();
    golden("svg_bar.svg", svg::chart(r,
                                     chart("csat_region", chart_type::bar, "region", regions, {1},
                                           {series("CSAT", 1, regions, {0.82, 0.74, 0.91})}, "CSAT by region"),
                                     style()));
    const auto stacked = chart("mix", chart_type::stacked_column, "quarter", quarters, {2},
                               {series("new", 2, quarters, {1000.0, 1500.0, 1200.0, 900.0}, "new"),
                                series("expansion", 2, quarters, {400.0, value(), 300.0, 500.0}, "expansion"),
                                series("contraction", 2, quarters, {-300.0, -200.0, -600.0, -100.0}, "contraction")},
                               "MRR movements");
    const std::string out = golden("svg_stacked_column.svg", svg::chart(r, stacked, style()));
    // Q1 stacks 1000 and 400 up from zero and 300 down: the three rectangles of Q1 are the first of each series.
    const auto ys = attributes(out, "rect", "y"), hs = attributes(out, "rect", "height");
    REQUIRE(ys.size() == 11);  // 12 values, one blank
    const double unit = hs[0] / 1000;
    CHECK(hs[4] == Approx(400 * unit).margin(0.02));           // expansion Q1
    CHECK(ys[4] + hs[4] == Approx(ys[0]).margin(0.02));         // sits on top of new Q1
    CHECK(hs[7] == Approx(300 * unit).margin(0.02));           // contraction Q1
    CHECK(ys[7] == Approx(ys[0] + hs[0]).margin(0.02));         // hangs from the zero line
    golden("svg_stacked_bar.svg", svg::chart(r,
                                             [&] {
                                                 auto c = stacked;
                                                 c.type = chart_type::stacked_bar;
                                                 c.name = "mix_bar";
                                                 return c;
                                             }(),
                                             style()));
    golden("svg_area.svg", svg::chart(r,
                                      chart("mrr_area", chart_type::area, "quarter", quarters, {2},
                                            {series("MRR", 2, quarters, {12000.0, 13500.0, value(error_code::na), 15250.0})},
                                            "MRR"),
                                      style()));
}

TEST_CASE("pie and doughnut: a slice per positive value, percentages, a legend", "[svg][chart]") {
    const auto r = sample_report();
    const std::vector<std::string> plans{"Basic", "Pro", "Enterprise", "Trial"};
    const auto pie = chart("plan_mix", chart_type::pie, "plan", plans, {3},
                           {series("responses", 3, plans, {500.0, 300.0, 200.0, value(error_code::div0)})}, "Responses by plan");
    const std::string out = golden("svg_pie.svg", svg::chart(r, pie, style()));
    CHECK(count(out, "<path") == 3);
    CHECK(out.find(">50%</text>") != std::string::npos);
    CHECK(out.find(">30%</text>") != std::string::npos);
    CHECK(out.find(">20%</text>") != std::string::npos);
    CHECK(out.find("1 category without a positive value is left out") != std::string::npos);
    auto doughnut = pie;
    doughnut.type = chart_type::doughnut;
    doughnut.name = "plan_ring";
    golden("svg_doughnut.svg", svg::chart(r, doughnut, style()));
    // One slice is a whole ring.
    auto single = pie;
    single.type = chart_type::doughnut;
    single.name = "one";
    single.series[0].points.resize(1);
    single.categories.resize(1);
    const std::string ring = golden("svg_doughnut_single.svg", svg::chart(r, single, style()));
    CHECK(ring.find("fill-rule=\"evenodd\"") != std::string::npos);
    CHECK(ring.find(">100%</text>") != std::string::npos);
}

TEST_CASE("scatter: x from the first metric, y from the second, per category", "[svg][chart]") {
    const auto r = sample_report();
    const std::vector<std::string> accounts{"Acme", "Globex", "Initech", "Umbrella", "Hooli"};
    const auto c = chart("csat_vs_nps", chart_type::scatter, "account", accounts, {1, 0},
                         {series("CSAT", 1, accounts, {0.71, 0.85, 0.93, value(error_code::div0), 0.78}),
                          series("NPS", 0, accounts, {-10.0, 35.0, 60.0, 20.0, 5.0})});
    const std::string out = golden("svg_scatter.svg", svg::chart(r, c, style()));
    CHECK(count(out, "<circle") == 4);  // Umbrella has no CSAT
    CHECK(out.find("CSAT from 71% to 93%, NPS from -10 to 60") != std::string::npos);
}

TEST_CASE("combo: columns on the left axis, a line on the right axis with its own format", "[svg][chart]") {
    const auto r = sample_report();
    const std::vector<std::string> months{"ene", "feb", "mar", "abr", "may", "jun"};
    const auto c = chart("mrr_churn", chart_type::combo, "month", months, {2, 4},
                         {series("MRR", 2, months, {120000.0, 125500.0, 131250.5, 128000.0, 135000.0, 142000.0}),
                          series("churn", 4, months, {0.021, 0.018, 0.025, value(), 0.015, 0.012})},
                         "MRR y churn");
    const std::string out = golden("svg_combo_es.svg", svg::chart(r, c, style("es-ES")));
    CHECK(count(out, "<rect") == 6 + 1);  // six columns and the legend square of MRR (churn has a line)
    CHECK(count(out, "<polyline") == 2);  // the blank in April breaks the churn line
    // Left ticks in "$#,##0" and right ticks in "0.0%", both in es-ES.
    CHECK(out.find(">$150.000</text>") != std::string::npos);
    CHECK(out.find(">2,5%</text>") != std::string::npos);
}

TEST_CASE("many long categories turn, shorten with an ellipsis and keep the full text", "[svg][chart]") {
    const auto r = sample_report();
    std::vector<std::string> names;
    std::vector<value> values;
    for (int i = 0; i < 14; ++i) {
        names.push_back("Customer segment number " + std::to_string(i + 1));
        values.push_back(value(10.0 * i + 5));
    }
    names[3] = "شركة الاتصالات السعودية";  // right-to-left text
    const std::string out =
        golden("svg_line_long_labels.svg", svg::chart(r, chart("segments", chart_type::line, "segment", names, {3},
                                                               {series("responses", 3, names, values)}),
                                                      style()));
    CHECK(out.find("rotate(-45") != std::string::npos);
    CHECK(out.find(">Customer segmen\u2026<title>Customer segment number 1</title></text>") != std::string::npos);
    CHECK(out.find("شركة الاتصالات") != std::string::npos);
    CHECK(out.find("unicode-bidi=\"plaintext\"") != std::string::npos);
}

TEST_CASE("every value from data is escaped", "[svg][chart]") {
    const auto r = sample_report();
    const std::vector<std::string> cats{"<b>bold</b>", "Tom & Jerry"};
    const auto c = chart("x\"><script>", chart_type::column, "name", cats, {3},
                         {series("<script>alert(1)</script>", 3, cats, {1.0, 2.0}, "<script>alert(1)</script>"),
                          series("\"quotes\" & ampersands", 3, cats, {3.0, 4.0}, "\"quotes\" & ampersands")},
                         "A <title> & \"more\"");
    for (const std::string& out : {svg::chart(r, c, style()), svg::data_table(r, c, style())}) {
        check_self_contained(out);
        CHECK(out.find("<script>") == std::string::npos);
        CHECK(out.find("<b>") == std::string::npos);
        CHECK(out.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
        CHECK(out.find("&quot;quotes&quot; &amp; ampersands") != std::string::npos);
        CHECK(out.find("Tom &amp; Jerry") != std::string::npos);
        CHECK(out.find("A &lt;title&gt; &amp; &quot;more&quot;") != std::string::npos);
    }
    // Ids keep only letters, digits, - and _.
    const std::string out = svg::chart(r, c, style());
    CHECK(out.find("aria-labelledby=\"folio-x---script--title folio-x---script--desc\"") != std::string::npos);
    golden("svg_escaping.svg", out);
}

TEST_CASE("empty and one-point charts still draw an axis", "[svg][chart]") {
    const auto r = sample_report();
    const auto empty = chart("empty", chart_type::column, "region", {}, {0}, {series("NPS", 0, {}, {})});
    const std::string out = golden("svg_empty.svg", svg::chart(r, empty, style()));
    CHECK(out.find("no values") != std::string::npos);
    const std::vector<std::string> one{"EMEA"};
    const auto single = chart("single", chart_type::line, "region", one, {0}, {series("NPS", 0, one, {42.0})});
    const std::string point = golden("svg_line_single.svg", svg::chart(r, single, style()));
    CHECK(count(point, "<circle") == 1);
    CHECK(count(point, "<polyline") == 0);
}

TEST_CASE("the data table shows the chart's numbers in the same format", "[svg][chart]") {
    const auto r = sample_report();
    const auto c = chart("nps_trend", chart_type::line, "quarter", quarters, {1},
                         {series("EMEA", 1, quarters, {0.825, value(error_code::div0), 0.7, value()}, "EMEA")});
    const std::string table = golden("svg_data_table.html", svg::data_table(r, c, style("pt-BR")));
    CHECK(table.find("<td>83%</td>") != std::string::npos);
    CHECK(table.find("<td>#DIV/0!</td>") != std::string::npos);
    CHECK(table.find("<td></td>") != std::string::npos);
    // Two dimensions along the axis: their labels joined, as the page's tables join them.
    auto two = c;
    two.by_names = {"region", "quarter"};
    for (std::size_t k = 0; k < two.categories.size(); ++k) two.categories[k].insert(two.categories[k].begin(), dim("EMEA"));
    const std::string joined = svg::data_table(r, two, style());
    CHECK(joined.find("<th scope=\"col\">region \u00B7 quarter</th>") != std::string::npos);
    CHECK(joined.find("<th scope=\"row\">EMEA \u00B7 Q1</th><td>83%</td>") != std::string::npos);
}

TEST_CASE("sparkline and KPI bar", "[svg][tile]") {
    const std::string spark = golden("svg_sparkline.svg", svg::sparkline({30, 35, NAN, 41, 38, 44}, style(), "NPS"));
    CHECK(count(spark, "<polyline") == 2);
    CHECK(count(spark, "<circle") == 1);
    CHECK(spark.find("<circle cx=\"116\"") != std::string::npos);  // the last point, at the right end
    CHECK(svg::sparkline({NAN, NAN}, style(), "NPS").empty());

    auto s = style();
    s.id = "tile-csat";
    s.fallback_format = "0%";
    const std::string met = golden("svg_kpi_bar.svg", svg::kpi_bar(0.9, 0.85, report::better_direction::higher, s, "CSAT"));
    CHECK(met.find("folio-good") != std::string::npos);
    CHECK(met.find("CSAT: 90%, target 85%, met.") != std::string::npos);
    const std::string missed = svg::kpi_bar(0.06, 0.04, report::better_direction::lower, s, "Churn");
    CHECK(missed.find("folio-bad") != std::string::npos);
    CHECK(svg::kpi_bar(NAN, 1, report::better_direction::higher, s, "x").empty());
}

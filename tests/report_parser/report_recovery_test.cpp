// Syntax errors in reports: the message names what was expected and points at the
// right place, every broken declaration gives exactly one error, and the declarations
// around it still parse.
#include <catch2/catch.hpp>

#include "report_dump.hpp"

using folio::test::parse;
using folio::test::parsed;

namespace {

// Every diagnostic as "line:col: message", in order.
std::string errors_of(const std::string& text) {
    auto r = parse(text);
    std::string s;
    for (const auto& d : r.diagnostics.items()) {
        const auto p = r.file->position(d.span.offset);
        s += std::to_string(p.line) + ":" + std::to_string(p.column) + ": " + d.message + "\n";
    }
    return s;
}

}  // namespace

TEST_CASE("each syntax error says what was expected, and where", "[report_parser]") {
    CHECK(parsed("metric NPS pct(promoters)") == "error@1:12: expected '=' after the metric name");
    CHECK(parsed("metric = 1") == "error@1:8: expected a name after 'metric'");
    CHECK(parsed("metric m =") == "error@1:11: expected a formula after '='");
    CHECK(parsed("metric m =   // nothing yet\n") == "error@1:11: expected a formula after '='");
    CHECK(parsed("filter f = s.score >=") == "error@1:22: expected a value after the comparison");
    CHECK(parsed("filter f =") == "error@1:11: expected a condition after '='");
    CHECK(parsed("metric m = 1 2") == "error@1:14: unexpected '2': expected the end of the line");
    CHECK(parsed("metric m = sum(a") == "error@1:17: expected ',' or ')' after the function argument");
    CHECK(parsed("metric m = (1") == "error@1:14: expected ')' to close the parenthesis");
    CHECK(parsed("metric m = \"abc") == "error@1:16: unterminated text: expected a closing '\"'");
    CHECK(parsed("metric m = sum(s.x where)") == "error@1:25: expected a condition after 'where'");
    CHECK(parsed("metric m = 1 { format \"0\" }") == "error@1:23: expected ':' after the option name");
    CHECK(parsed("metric m = 1 { format: }") == "error@1:24: expected a value after ':'");
    CHECK(parsed("metric m = 1 { format: \"0\" unit: \"x\" }") == "error@1:28: expected an option (name: value) or '}'");
    CHECK(parsed("metric m = 1 {\n  format: \"0\"") == "error@2:14: expected '}' to close the options");
    CHECK(parsed("import cx") == "error@1:8: expected a quoted path after 'import'");
    CHECK(parsed("import \"cx\" as") == "error@1:15: expected a name after 'as'");
    CHECK(parsed("theme acme") == "error@1:7: expected a quoted path after 'theme'");
    CHECK(parsed("param p = 1") == "error@1:9: expected ':' and a type after the param name");
    CHECK(parsed("param p: = 1") == "error@1:10: expected a type (number, text, bool or date) after ':'");
    CHECK(parsed("param p: number =") == "error@1:18: expected a default value after '='");
    CHECK(parsed("source s = \"a.csv\"") == "error@1:12: expected a source kind such as csv(...) after '='");
    CHECK(parsed("source s = csv \"a.csv\"") == "error@1:16: expected '(' after the source kind");
    CHECK(parsed("source s = csv(\"a.csv\"") == "error@1:23: expected ',' or ')' after the source argument");
    CHECK(parsed("source s = csv(\"a.csv\",)") == "error@1:24: expected an argument after ','");
    CHECK(parsed("source s = csv(\"a\") {\n  a text\n}") == "error@2:5: expected ':' after the column name");
    CHECK(parsed("source s = csv(\"a\") {\n  a:\n}") == "error@2:5: expected a type (number, text, bool or date) after ':'");
    CHECK(parsed("source s = csv(\"a\") {\n  a: text b: text\n}") == "error@2:11: expected a column (name: type) or '}'");
    CHECK(parsed("dimension d = ") == "error@1:14: expected a column such as source.column after '='");
    CHECK(parsed("dimension d = a.b,") == "error@1:19: expected a column after ','");
    CHECK(parsed("def f = 1") == "error@1:7: expected '(' and the parameters after the def name");
    CHECK(parsed("def f(a b) = 1") == "error@1:9: expected ',' or ')' after the parameter");
    CHECK(parsed("def f(a,) = 1") == "error@1:9: expected a parameter name after ','");
    CHECK(parsed("def f(a) a") == "error@1:10: expected '=' after the def's parameters");
    CHECK(parsed("chart c = (NPS)") == "error@1:11: expected a chart type such as line(...) after '='");
    CHECK(parsed("chart c = line NPS") == "error@1:16: expected '(' after the chart type");
    CHECK(parsed("chart c = line()") == "error@1:16: expected a metric after '('");
    CHECK(parsed("chart c = line(NPS by)") == "error@1:22: expected a dimension after 'by'");
    CHECK(parsed("chart c = line(NPS by month series: region)") == "error@1:29: expected ',', 'by' or ')' in the chart");
    CHECK(parsed("report r") == "error@1:9: expected '{' after the report name");
    CHECK(parsed("report r extends {") == "error@1:18: expected a report name after 'extends'");
    CHECK(parsed("report r {\n  titel \"x\"\n}") ==
          "error@2:3: expected a report block (a setting such as 'title:', chart, table, data or text) or '}'");
    CHECK(parsed("report r {\n  chart\n}") == "error@2:8: expected a chart name after 'chart'");
    CHECK(parsed("report r {\n  data 1\n}") == "error@2:8: expected a source name after 'data'");
    CHECK(parsed("report r {\n  text intro\n}") == "error@2:8: expected a quoted text after 'text'");
    CHECK(parsed("report r {\n  table by { NPS }\n}") == "error@2:12: expected a dimension after 'by'");
    CHECK(parsed("report r {\n  table by region NPS\n}") == "error@2:19: expected '{' and the table's metrics");
    CHECK(parsed("report r {\n  title: \"x\"\n") == "error@2:13: expected '}' to close the report");
    CHECK(parsed("expect NPS between 1") == "error@1:21: expected 'and' after the lower bound");
    CHECK(parsed("expect NPS between") == "error@1:19: expected a lower bound after 'between'");
    CHECK(parsed("expect") == "error@1:7: expected a condition or a metric after 'expect'");
    CHECK(parsed("metric m = 1 +") == "error@1:15: expected a value after the operator");
    CHECK(parsed("metric m = {1,2;3}") == "error@1:12: every row of an array constant needs the same number of values");
    CHECK(parsed("metric m = a:b") == "error@1:13: unexpected ':': expected the end of the line");
}

TEST_CASE("a typo in a keyword gets a suggestion", "[report_parser]") {
    auto r = parse("metirc m = 1");
    REQUIRE(r.diagnostics.items().size() == 1);
    const auto& d = r.diagnostics.items()[0];
    CHECK(d.message == "expected a declaration (import, theme, param, source, dimension, filter, metric, def, chart, report or expect)");
    REQUIRE(d.notes.size() == 1);
    CHECK(d.notes[0].message == "did you mean 'metric'?");
    CHECK(parse("Metric m = 1").diagnostics.items()[0].notes[0].message == "did you mean 'metric'?");
    CHECK(parse("zzzzzz m = 1").diagnostics.items()[0].notes.empty());
}

TEST_CASE("a missing '}' notes where the block opens", "[report_parser]") {
    auto r = parse("report r {\n  title: \"x\"\n  table by region { NPS\n\nmetric m = 1\n");
    REQUIRE(r.diagnostics.items().size() == 1);
    const auto& d = r.diagnostics.items()[0];
    CHECK(d.message == "expected '}' to close the table");
    CHECK(r.file->position(d.span.offset).line == 3);
    CHECK(r.file->position(d.span.offset).column == 24);
    REQUIRE(d.notes.size() == 1);
    CHECK(d.notes[0].message == "the block opens here");
    CHECK(r.file->position(d.notes[0].span.offset).column == 19);
    CHECK(folio::test::dump(r.module) == "metric m = 1\n");
}

TEST_CASE("three broken declarations give three errors, the good ones still parse", "[report_parser]") {
    const std::string text =
        "import \"cx\"\n"
        "metric NPS pct(promoters) - pct(detractors) {\n"
        "  format: \"0\"\n"
        "}\n"
        "metric CSAT = share(surveys.csat >= 4)\n"
        "report executive {\n"
        "  title \"Customer health\"\n"
        "  chart nps_trend\n"
        "}\n"
        "filter promoters = surveys.score >= 9\n"
        "chart trend = line(NPS by month, series: region\n"
        "expect NPS between -100 and 100\n";
    CHECK(errors_of(text) ==
          "2:12: expected '=' after the metric name\n"
          "7:3: expected a report block (a setting such as 'title:', chart, table, data or text) or '}'\n"
          "11:48: expected ',', 'by' or ')' in the chart\n");
    CHECK(folio::test::dump(parse(text).module) ==
          "import \"cx\"\n"
          "metric CSAT = SHARE((surveys.csat>=4))\n"
          "filter promoters = (surveys.score>=9)\n"
          "expect NPS between neg(100) and 100\n");
}

TEST_CASE("an unfinished declaration never swallows the next one", "[report_parser]") {
    CHECK(errors_of("metric a = sum(x,\nmetric b = 2\n") == "1:18: expected ',' or ')' after the function argument\n");
    CHECK(folio::test::dump(parse("metric a = sum(x,\nmetric b = 2\n").module) == "metric b = 2\n");
    CHECK(errors_of("metric a =\nmetric b = 2\nmetric c = (\n") ==
          "1:11: expected a formula after '='\n3:13: expected a value, a name, a function call or '('\n");
    CHECK(errors_of("source s = csv(\"a\") {\n  a: text\nmetric b = 2\n") == "2:10: expected '}' to close the schema\n");
    // A broken line inside a block is skipped with the rest of the block.
    CHECK(errors_of("report r {\n  title: \"x\" \"y\"\n  chart c\n}\nmetric m = 1\n") ==
          "2:14: expected a report block (a setting such as 'title:', chart, table, data or text) or '}'\n");
}

TEST_CASE("errors are sorted by position and capped", "[report_parser]") {
    std::string text;
    for (int i = 0; i < 200; ++i) text += "metric m" + std::to_string(i) + " 1\n";
    auto r = parse(text);
    CHECK(r.diagnostics.items().size() == 51);
    CHECK(r.diagnostics.items().back().message == "too many syntax errors; stopping here");
    for (std::size_t i = 1; i < r.diagnostics.items().size(); ++i)
        CHECK(r.diagnostics.items()[i - 1].span.offset < r.diagnostics.items()[i].span.offset);
}

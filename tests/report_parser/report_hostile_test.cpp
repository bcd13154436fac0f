// No input crashes or hangs the report parser: deep nesting, megabyte lines, binary
// garbage, invalid UTF-8 and a few thousand random mutations of a valid report all
// end in a module and diagnostics whose spans lie inside the file. Runs under the
// sanitizers with the rest of the suite.
#include <catch2/catch.hpp>

#include <chrono>
#include <random>

#include "report_dump.hpp"

using folio::test::parse;
using folio::test::parsed;

namespace {

// Checks what every parse must give, whatever the input: spans inside the text,
// errors sorted, at most one error per line that starts a declaration attempt.
void check_sane(const folio::test::parsed_report& r) {
    const std::size_t size = r.file->text().size();
    for (const auto& d : r.diagnostics.items()) {
        CHECK(d.span.offset <= size);
        CHECK(d.span.offset + d.span.length <= size);
        CHECK(!d.message.empty());
    }
    for (const auto& decl : r.module.declarations) CHECK(decl.span.offset + decl.span.length <= size);
    for (const auto& c : r.module.comments) CHECK(c.span.offset + c.span.length <= size);
}

double seconds_to_parse(const std::string& text) {
    const auto start = std::chrono::steady_clock::now();
    auto r = parse(text);
    check_sane(r);
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

const char* const valid = R"(import "cx" as cx
theme "t.toml"
param as_of: date = date(2024, 12, 31)
source s = csv("a.csv", delimiter: ";") {
  a: text   // comment
  b: number
}
dimension d = s.a, month(s.b)
filter f = s.b >= 9
metric m = pct(f) - count(s where s.b <= 6) { label: "M", format: "0.0%", better: higher }
def g(x, y) = IFERROR(x / y, 0)
chart c = line(m by d, series: d)
report r extends cx.base {
  title: "T"
  kpis: m, m
  chart c
  table by d { m, g(m, 2); sort: m }
  data s
  text "Hello ""you"""
  output: xlsx, html
}
expect m between -1 and {1,2}
)";

}  // namespace

TEST_CASE("tens of thousands of parentheses end in 'nested too deeply'", "[report_parser]") {
    const std::string deep = "metric m = " + std::string(50000, '(') + "1" + std::string(50000, ')') + "\nmetric n = 2\n";
    auto r = parse(deep);
    REQUIRE(r.diagnostics.items().size() == 1);
    CHECK(r.diagnostics.items()[0].message.find("nested too deeply") != std::string::npos);
    CHECK(folio::test::dump(r.module) == "metric n = 2\n");
    CHECK(parsed("metric m = " + std::string(50000, '-') + "1").find("nested too deeply") != std::string::npos);
    std::string calls = "metric m = ";
    for (int i = 0; i < 20000; ++i) calls += "f(";
    CHECK(parsed(calls).find("nested too deeply") != std::string::npos);
    std::string ok = "metric m = ";
    for (int i = 0; i < 100; ++i) ok += "SUM(";
    ok += "1" + std::string(100, ')');
    CHECK(parsed(ok).rfind("metric m = SUM(SUM(", 0) == 0);
}

TEST_CASE("a megabyte-long line parses or fails in linear time", "[report_parser]") {
    std::string kpis = "report r {\n  kpis: a";
    for (int i = 0; i < 250000; ++i) kpis += ", a";
    kpis += "\n}\n";
    auto r = parse(kpis);
    CHECK(r.diagnostics.items().empty());
    REQUIRE(r.module.declarations.size() == 1);
    CHECK(r.module.declarations[0].report->blocks[0].setting.values.size() == 250001);

    std::string chain = "metric m = 1";
    for (int i = 0; i < 500000; ++i) chain += "+1";
    CHECK(parsed(chain).find("too long") != std::string::npos);
    std::string ok_chain = "metric m = 1";
    for (int i = 0; i < 900; ++i) ok_chain += "+1";
    CHECK(parsed(ok_chain).rfind("metric m = ", 0) == 0);
    CHECK(parsed("metric m = 1" + std::string(1000000, '%')).find("too long") != std::string::npos);

    CHECK(parsed("metric m = \"" + std::string(1000000, 'x') + "\"").size() > 1000000);
    CHECK(parsed("metric m = " + std::string(1000000, 'x')).size() > 1000000);
    CHECK(parsed("metric m = 1 // " + std::string(1000000, '/')) == "metric m = 1");
    CHECK(parsed("metric m = 1 " + std::string(1000000, ' ') + "+ 2") == "metric m = (1+2)");
    CHECK(parsed(std::string(1000000, ' ') + "x").find("expected a declaration") != std::string::npos);
    CHECK(parsed(std::string(1000000, '\n') + "metric m = 1") == "metric m = 1");

    // Linear: ten times the input takes nowhere near a hundred times as long.
    const auto text_of = [](int n) {
        std::string s = "metric m = f(";
        for (int i = 0; i < n; ++i) s += "a where b, ";
        return s + "1)";
    };
    const double small = seconds_to_parse(text_of(10000));
    const double large = seconds_to_parse(text_of(100000));
    CHECK(large < small * 40 + 0.5);
}

TEST_CASE("binary garbage and invalid UTF-8 end in a diagnostic", "[report_parser]") {
    CHECK(parsed(std::string("metric m = a\0b", 14)) == "error@1:13: unexpected character U+0000");
    CHECK(parsed("metric m = \xff") == "error@1:12: invalid UTF-8 byte");
    CHECK(parsed("metric m\xc3 = 1") == "error@1:9: invalid UTF-8 byte");
    CHECK(parsed("metric m = \xed\xa0\x80") == "error@1:12: invalid UTF-8 byte");  // a surrogate
    CHECK(parsed("metric m = \xc0\xaf") == "error@1:12: invalid UTF-8 byte");      // overlong '/'
    CHECK(parsed("\xfe\xff") == "error@1:1: invalid UTF-8 byte");
    CHECK(parsed("metric m = 1\rmetric n = 2") == "error@1:13: unexpected character U+000D");
    CHECK(parsed("metric m = \x1b[31m") == "error@1:12: unexpected character U+001B");
    // Inside strings and comments any byte is text.
    CHECK(parsed("metric m = \"\xff\x01\" // \xfe\x00") == "metric m = \"\xff\x01\"");

    std::mt19937 random(20240601);
    for (int round = 0; round < 200; ++round) {
        std::string garbage(1 + random() % 2000, '\0');
        for (char& c : garbage) c = static_cast<char>(random() % 256);
        check_sane(parse(garbage));
    }
}

TEST_CASE("random mutations of a valid report never crash the parser", "[report_parser]") {
    REQUIRE(parse(valid).diagnostics.items().empty());
    static const char* const pieces[] = {"(", ")", "{", "}", "\"", ",", ":", ";", "\n", "\r\n", "//", " where ",
                                         " by ", " and ", "metric ", "report ", "chart ", "=", "+", "-", "%", "#N/A",
                                         "{1;2}", "\xff", "\xc3\xa9", "\0", "\t", "1e999", "table by ", "9999999999"};
    std::mt19937 random(7);
    const std::string base = valid;
    for (int round = 0; round < 3000; ++round) {
        std::string text = base;
        const int edits = 1 + static_cast<int>(random() % 6);
        for (int e = 0; e < edits && !text.empty(); ++e) {
            const std::size_t at = random() % text.size();
            switch (random() % 5) {
                case 0: text.erase(at, 1 + random() % 8); break;
                case 1: text.insert(at, pieces[random() % std::size(pieces)]); break;
                case 2: text[at] = static_cast<char>(random() % 256); break;
                case 3: text.insert(at, text.substr(random() % text.size(), random() % 40)); break;
                default: text.resize(at); break;
            }
        }
        auto r = parse(text);
        check_sane(r);
        // One error per declaration at most: never more errors than lines.
        std::size_t lines = 1;
        for (char c : text) lines += c == '\n';
        CHECK(r.diagnostics.items().size() <= lines);
    }
}

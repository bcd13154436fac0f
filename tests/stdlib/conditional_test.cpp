// Specification tests for the conditional aggregates: SUMIF, SUMIFS, COUNTIF,
// COUNTIFS, AVERAGEIF, AVERAGEIFS, MAXIFS and MINIFS. They pin down which cells are
// summed (numbers only), how sum ranges of another size are read, the shape and
// reference rules, errors in criteria and sum ranges, whole-column ranges, and
// criteria given as arrays or ranges. The criteria language itself is in
// criteria_test.cpp.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "folio/engine/value.hpp"
#include "support/eval.hpp"

namespace {

using folio::testing::batch_line;
using folio::testing::evaluate_with;
using cells = std::vector<std::pair<std::string, std::string>>;

// A small sales table:
//   B region  C amount  D date       E qty
//   East      10        1/1/2024     1
//   West      20        1/15/2024    2
//   East      30        2/1/2024     3
//   North     40        2/15/2024    4
//   east      50        3/1/2024     5
//   West      n/a       3/15/2024    6
// F1:F3 hold 1, #DIV/0!, 3 and G1:G3 "a", "b", "a"; H1:H2 "East", "West".
const cells sales = {
    {"Sheet1!B1", "East"},      {"Sheet1!C1", "10"},  {"Sheet1!D1", "1/1/2024"},  {"Sheet1!E1", "1"},
    {"Sheet1!B2", "West"},      {"Sheet1!C2", "20"},  {"Sheet1!D2", "1/15/2024"}, {"Sheet1!E2", "2"},
    {"Sheet1!B3", "East"},      {"Sheet1!C3", "30"},  {"Sheet1!D3", "2/1/2024"},  {"Sheet1!E3", "3"},
    {"Sheet1!B4", "North"},     {"Sheet1!C4", "40"},  {"Sheet1!D4", "2/15/2024"}, {"Sheet1!E4", "4"},
    {"Sheet1!B5", "east"},      {"Sheet1!C5", "50"},  {"Sheet1!D5", "3/1/2024"},  {"Sheet1!E5", "5"},
    {"Sheet1!B6", "West"},      {"Sheet1!C6", "n/a"}, {"Sheet1!D6", "3/15/2024"}, {"Sheet1!E6", "6"},
    {"Sheet1!F1", "1"},         {"Sheet1!F2", "=1/0"}, {"Sheet1!F3", "3"},
    {"Sheet1!G1", "a"},         {"Sheet1!G2", "b"},   {"Sheet1!G3", "a"},
    {"Sheet1!H1", "East"},      {"Sheet1!H2", "West"},
};

std::string line(std::string_view formula) { return batch_line(evaluate_with(sales, formula)); }
std::string shown(std::string_view formula) { return folio::describe(evaluate_with(sales, formula)); }

}  // namespace

TEST_CASE("SUMIF: Microsoft's property-commission example", "[conditional][sumif]") {
    // support.microsoft.com SUMIF: values 100,000..400,000 with commissions 7,000..28,000.
    const cells c = {
        {"Sheet1!A2", "100000"}, {"Sheet1!B2", "7000"},  {"Sheet1!A3", "200000"}, {"Sheet1!B3", "14000"},
        {"Sheet1!A4", "300000"}, {"Sheet1!B4", "21000"}, {"Sheet1!A5", "400000"}, {"Sheet1!B5", "28000"},
        {"Sheet1!C2", "300000"},
    };
    CHECK(batch_line(evaluate_with(c, "=SUMIF(A2:A5,\">160000\",B2:B5)")) == "number\t63000");
    CHECK(batch_line(evaluate_with(c, "=SUMIF(A2:A5,\">160000\")")) == "number\t900000");
    CHECK(batch_line(evaluate_with(c, "=SUMIF(A2:A5,300000,B2:B5)")) == "number\t21000");
    CHECK(batch_line(evaluate_with(c, "=SUMIF(A2:A5,\">\"&C2,B2:B5)")) == "number\t28000");
}

TEST_CASE("SUMIF sums numbers of the matching rows", "[conditional][sumif]") {
    CHECK(line("=SUMIF(B1:B6,\"East\",C1:C6)") == "number\t90");  // "east" too: case-insensitive
    CHECK(line("=SUMIF(B1:B6,\"West\",C1:C6)") == "number\t20");  // the text "n/a" is skipped
    CHECK(line("=SUMIF(B1:B6,\"<>East\",C1:C6)") == "number\t60");
    CHECK(line("=SUMIF(C1:C6,\">20\")") == "number\t120");
    CHECK(line("=SUMIF(E1:E6,3,C1:C6)") == "number\t30");
    CHECK(line("=SUMIF(B1:B6,\"South\",C1:C6)") == "number\t0");
    CHECK(line("=SUMIF(B1:B6,\"?ast\",E1:E6)") == "number\t9");
    CHECK(line("=SUMIF(D1:D6,\">=2/1/2024\",C1:C6)") == "number\t120");
}

TEST_CASE("SUMIF reads a sum range of another size from its top-left cell", "[conditional][sumif]") {
    // support.microsoft.com SUMIF: "the actual cells that are added are determined by using
    // the upper leftmost cell in sum_range as the beginning cell".
    CHECK(line("=SUMIF(B1:B6,\"East\",C1)") == "number\t90");
    CHECK(line("=SUMIF(B1:B6,\"East\",C1:C2)") == "number\t90");
    CHECK(line("=SUMIF(B1:B6,\"East\",C1:Z100)") == "number\t90");
    CHECK(line("=SUMIF(B1:B6,\"East\",E1)") == "number\t9");
}

TEST_CASE("SUMIF and COUNTIF need references", "[conditional]") {
    CHECK(line("=COUNTIF({1,2,3},1)") == "error\t#VALUE!");
    CHECK(line("=SUMIF({1,2,3},1)") == "error\t#VALUE!");
    CHECK(line("=SUMIF(B1:B6,\"East\",{1,2,3,4,5,6})") == "error\t#VALUE!");
    CHECK(line("=SUMIFS(C1:C6,{1,2,3,4,5,6},1)") == "error\t#VALUE!");
    CHECK(line("=COUNTIFS(B1:B6,\"East\",{1;2;3;4;5;6},1)") == "error\t#VALUE!");
}

TEST_CASE("errors: in a criteria range they do not match, in a matched sum cell they are the result",
          "[conditional]") {
    CHECK(line("=SUMIF(G1:G3,\"a\",F1:F3)") == "number\t4");
    CHECK(line("=SUMIF(G1:G3,\"b\",F1:F3)") == "error\t#DIV/0!");
    CHECK(line("=COUNTIF(F1:F3,\">0\")") == "number\t2");
    CHECK(line("=COUNTIF(F1:F3,\"#DIV/0!\")") == "number\t1");
    CHECK(line("=AVERAGEIF(G1:G3,\"b\",F1:F3)") == "error\t#DIV/0!");
    CHECK(line("=MAXIFS(F1:F3,G1:G3,\"b\")") == "error\t#DIV/0!");
    CHECK(line("=MAXIFS(F1:F3,G1:G3,\"a\")") == "number\t3");
    // A direct error criterion is the result (strict arguments).
    CHECK(line("=COUNTIF(B1:B6,NA())") == "error\t#N/A");
}

TEST_CASE("SUMIFS: every criterion must hold", "[conditional][sumifs]") {
    CHECK(line("=SUMIFS(C1:C6,B1:B6,\"East\",D1:D6,\">=2/1/2024\")") == "number\t80");
    CHECK(line("=SUMIFS(C1:C6,B1:B6,\"East\")") == "number\t90");
    CHECK(line("=SUMIFS(E1:E6,B1:B6,\"West\",C1:C6,\"<>\")") == "number\t8");
    CHECK(line("=SUMIFS(E1:E6,D1:D6,\">=1/15/2024\",D1:D6,\"<3/1/2024\")") == "number\t9");
    CHECK(line("=SUMIFS(E1:E6,B1:B6,\"*\",E1:E6,\">2\",E1:E6,\"<6\")") == "number\t12");
    // Ranges of another shape than sum_range are #VALUE! (unlike SUMIF).
    CHECK(line("=SUMIFS(C1:C6,B1:B5,\"East\")") == "error\t#VALUE!");
    CHECK(line("=SUMIFS(C1:C6,B1:B6,\"East\",E1:F6,\">0\")") == "error\t#VALUE!");
}

TEST_CASE("COUNTIF and COUNTIFS", "[conditional][countif]") {
    CHECK(line("=COUNTIF(B1:B6,\"east\")") == "number\t3");
    CHECK(line("=COUNTIF(B1:B6,\"*st\")") == "number\t5");
    CHECK(line("=COUNTIF(C1:C6,\">=30\")") == "number\t3");
    CHECK(line("=COUNTIF(D1:D6,D3)") == "number\t1");
    CHECK(line("=COUNTIF(B1:E6,\"West\")") == "number\t2");  // two-dimensional range
    CHECK(line("=COUNTIFS(B1:B6,\"West\",C1:C6,\">0\")") == "number\t1");
    CHECK(line("=COUNTIFS(B1:B6,\"East\",E1:E6,\">1\")") == "number\t2");
    CHECK(line("=COUNTIFS(D1:D6,\">=1/15/2024\",D1:D6,\"<3/1/2024\")") == "number\t3");
    CHECK(line("=COUNTIFS(B1:B6,\"East\",C1:C5,\">1\")") == "error\t#VALUE!");
    // Blank cells inside the range count for "" and "<>x".
    CHECK(line("=COUNTIF(B1:B8,\"\")") == "number\t2");
    CHECK(line("=COUNTIF(B1:B8,\"<>West\")") == "number\t6");
}

TEST_CASE("whole-column ranges count their blank cells without walking them", "[conditional]") {
    CHECK(line("=COUNTIF(B:B,\"<>\")") == "number\t6");
    CHECK(line("=COUNTIF(B:B,\"\")") == "number\t1048570");
    CHECK(line("=COUNTIF(B:B,\"<>East\")") == "number\t1048573");
    CHECK(line("=SUMIF(B:B,\"East\",C:C)") == "number\t90");
    CHECK(line("=SUMIFS(C:C,B:B,\"West\",E:E,\">1\")") == "number\t20");
    CHECK(line("=COUNTIFS(B:B,\"\",C:C,\"\")") == "number\t1048570");
    CHECK(line("=COUNTIFS(B:B,\"East\",C:C,\"\")") == "number\t0");
    CHECK(line("=AVERAGEIFS(E:E,B:B,\"West\")") == "number\t4");
    CHECK(line("=COUNTIF(1:1,\"East\")") == "number\t2");
}

TEST_CASE("AVERAGEIF and AVERAGEIFS", "[conditional][averageif]") {
    CHECK(line("=AVERAGEIF(B1:B6,\"East\",C1:C6)") == "number\t30");
    CHECK(line("=AVERAGEIF(B1:B6,\"West\",C1:C6)") == "number\t20");  // text is not averaged
    CHECK(line("=AVERAGEIF(E1:E6,\">3\")") == "number\t5");
    CHECK(line("=AVERAGEIF(B1:B6,\"East\",E1)") == "number\t3");  // top-left rule as SUMIF
    // support.microsoft.com AVERAGEIF: no cell meets the criteria → #DIV/0!.
    CHECK(line("=AVERAGEIF(B1:B6,\"South\",C1:C6)") == "error\t#DIV/0!");
    CHECK(line("=AVERAGEIFS(E1:E6,B1:B6,\"West\")") == "number\t4");
    CHECK(line("=AVERAGEIFS(C1:C6,B1:B6,\"West\",E1:E6,\">5\")") == "error\t#DIV/0!");
    CHECK(line("=AVERAGEIFS(C1:C6,B1:B6,\"East\",D1:D6,\"<3/1/2024\")") == "number\t20");
}

TEST_CASE("MAXIFS and MINIFS", "[conditional][maxifs]") {
    CHECK(line("=MAXIFS(C1:C6,B1:B6,\"East\")") == "number\t50");
    CHECK(line("=MINIFS(C1:C6,B1:B6,\"East\")") == "number\t10");
    CHECK(line("=MAXIFS(E1:E6,B1:B6,\"West\",D1:D6,\"<3/1/2024\")") == "number\t2");
    // support.microsoft.com MAXIFS: 0 when no cell meets the criteria.
    CHECK(line("=MAXIFS(C1:C6,B1:B6,\"South\")") == "number\t0");
    CHECK(line("=MINIFS(C1:C6,B1:B6,\"South\")") == "number\t0");
    CHECK(line("=MINIFS(C1:C6,B1:B6,\"West\")") == "number\t20");  // text skipped
    CHECK(line("=MAXIFS(C1:C6,B1:B5,\"East\")") == "error\t#VALUE!");
}

TEST_CASE("a criterion given as an array or a range gives an array of results", "[conditional]") {
    CHECK(shown("=COUNTIF(B1:B6,{\"east\",\"west\"})") == "{3,2}");
    CHECK(line("=SUM(COUNTIF(B1:B6,{\"east\",\"west\"}))") == "number\t5");
    CHECK(shown("=SUMIF(B1:B6,H1:H2,C1:C6)") == "{90;20}");
    CHECK(shown("=SUMIFS(E1:E6,B1:B6,H1:H2,E1:E6,\">1\")") == "{8;8}");
    CHECK(shown("=COUNTIFS(B1:B6,{\"East\";\"West\"},E1:E6,{\">0\",\">2\"})") == "{3,2;2,1}");
    CHECK(shown("=AVERAGEIF(B1:B6,{\"East\",\"South\"},C1:C6)") == "{30,#DIV/0!}");
}

// Specifications of the statistics family (stdlib/statistics.cpp): Excel's documented
// examples plus the edge cases engines get wrong — which values COUNT/COUNTA/AVERAGEA
// count, sample vs population, .INC vs .EXC, ties in MODE and RANK, truncation in
// PERCENTRANK, and pairing rules of the regression functions.
// "MS:" cites the Microsoft support page of the function.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "support/eval.hpp"

namespace {

using folio::testing::cells;
using folio::testing::err;
using folio::testing::num;

constexpr auto* eval = &folio::testing::line;

constexpr auto* eval_with = &folio::testing::line_with;


// B1:B7 = 1, 2, 2, "abc", TRUE, "" (a formula result), #DIV/0!; C1 = 5, C3 = "".
const cells mixed = {
    {"Sheet1!B1", "1"},   {"Sheet1!B2", "2"},      {"Sheet1!B3", "2"},    {"Sheet1!B4", "abc"},
    {"Sheet1!B5", "TRUE"}, {"Sheet1!B6", "=\"\""}, {"Sheet1!B7", "=1/0"}, {"Sheet1!C1", "5"},
    {"Sheet1!C3", "=\"\""},
};

// B1:B10 = 1345, 1301, 1368, 1322, 1310, 1370, 1318, 1350, 1303, 1299 (MS STDEV.S example).
const cells strength = {
    {"Sheet1!B1", "1345"}, {"Sheet1!B2", "1301"}, {"Sheet1!B3", "1368"}, {"Sheet1!B4", "1322"},
    {"Sheet1!B5", "1310"}, {"Sheet1!B6", "1370"}, {"Sheet1!B7", "1318"}, {"Sheet1!B8", "1350"},
    {"Sheet1!B9", "1303"}, {"Sheet1!B10", "1299"},
};

}  // namespace

TEST_CASE("AVERAGE and AVERAGEA", "[statistics][AVERAGE][AVERAGEA]") {
    CHECK(eval("=AVERAGE(1,2,6)") == num("3"));
    CHECK(eval("=AVERAGE(1,TRUE,\"4\")") == num("2"));
    CHECK(eval_with(mixed, "=AVERAGE(B1:B6)") == num("1.66666666666667"));
    CHECK(eval_with(mixed, "=AVERAGE(B1:B7)") == err("#DIV/0!"));
    CHECK(eval("=AVERAGE(K1:K5)") == err("#DIV/0!"));
    // An omitted argument counts as 0.
    CHECK(eval("=AVERAGE(1,)") == num("0.5"));
    // MS: in a reference AVERAGEA counts text (and "") as 0, TRUE as 1, FALSE as 0.
    CHECK(eval_with(mixed, "=AVERAGEA(B1:B6)") == num("1"));
    CHECK(eval_with({{"Sheet1!B1", "10"}, {"Sheet1!B2", "7"}, {"Sheet1!B3", "9"}, {"Sheet1!B4", "2"},
                     {"Sheet1!B5", "Not available"}},
                    "=AVERAGEA(B1:B5)") == num("5.6"));
    CHECK(eval("=AVERAGEA(1,TRUE)") == num("1"));
    CHECK(eval("=AVERAGEA(\"x\")") == err("#VALUE!"));
}

TEST_CASE("COUNT counts numbers and ignores errors", "[statistics][COUNT]") {
    CHECK(eval_with(mixed, "=COUNT(B1:B7)") == num("3"));
    // MS: numbers, dates and numeric text typed as arguments count; booleans typed
    // directly count too; errors and other text do not.
    CHECK(eval("=COUNT(1,TRUE,\"2\",\"x\",NA())") == num("3"));
    CHECK(eval("=COUNT(\"1/1/2024\")") == num("1"));
    CHECK(eval("=COUNT(1/0)") == num("0"));
    CHECK(eval("=COUNT({1,\"2\",TRUE})") == num("1"));
    CHECK(eval_with(mixed, "=COUNT(B:B)") == num("3"));
    CHECK(eval("=COUNT(1,)") == num("2"));
}

TEST_CASE("COUNTA counts every non-blank value, errors and \"\" included", "[statistics][COUNTA]") {
    CHECK(eval_with(mixed, "=COUNTA(B1:B7)") == num("7"));
    CHECK(eval_with(mixed, "=COUNTA(B1:C7)") == num("9"));
    CHECK(eval("=COUNTA(1,\"\",NA())") == num("3"));
    CHECK(eval("=COUNTA(K1:K9)") == num("0"));
}

TEST_CASE("COUNTBLANK counts empty cells and \"\" results", "[statistics][COUNTBLANK]") {
    // MS: cells with formulas that return "" (empty text) are counted.
    CHECK(eval_with(mixed, "=COUNTBLANK(B1:C7)") == num("7"));
    CHECK(eval_with(mixed, "=COUNTBLANK(B1:B7)") == num("1"));
    CHECK(eval("=COUNTBLANK(K1:L5)") == num("10"));
    CHECK(eval_with(mixed, "=COUNTBLANK(B:B)") == num("1048570"));
}

TEST_CASE("MAX, MIN, MAXA, MINA", "[statistics][MAX][MIN][MAXA][MINA]") {
    CHECK(eval("=MAX(1,5,3)") == num("5"));
    CHECK(eval("=MIN(4,2,8)") == num("2"));
    // No numbers: 0, not an error.
    CHECK(eval("=MAX(K1:K5)") == num("0"));
    CHECK(eval("=MIN(K1:K5)") == num("0"));
    CHECK(eval("=MAX(TRUE,0.5)") == num("1"));
    CHECK(eval("=MAX(-5,)") == num("0"));
    CHECK(eval_with(mixed, "=MAX(B1:B6,1.5)") == num("2"));
    CHECK(eval_with(mixed, "=MAX(B1:B7)") == err("#DIV/0!"));
    // In ranges the A variants read text as 0 and TRUE as 1.
    CHECK(eval_with(mixed, "=MAXA(B1:B6)") == num("2"));
    CHECK(eval_with(mixed, "=MINA(B1:B6)") == num("0"));
    CHECK(eval_with({{"Sheet1!B1", "-3"}, {"Sheet1!B2", "FALSE"}}, "=MAXA(B1:B2)") == num("0"));
    CHECK(eval_with({{"Sheet1!B1", "3"}, {"Sheet1!B2", "TRUE"}}, "=MINA(B1:B2)") == num("1"));
    CHECK(eval("=MAXA(K1:K5)") == num("0"));
}

TEST_CASE("MEDIAN", "[statistics][MEDIAN]") {
    CHECK(eval("=MEDIAN(1,2,3,4,5)") == num("3"));
    CHECK(eval("=MEDIAN(1,2,3,4,5,6)") == num("3.5"));
    CHECK(eval_with(mixed, "=MEDIAN(B1:B6)") == num("2"));
    CHECK(eval("=MEDIAN(K1:K5)") == err("#NUM!"));
}

TEST_CASE("MODE returns the first of the most frequent numbers", "[statistics][MODE][MODE.SNGL]") {
    CHECK(eval("=MODE.SNGL(5.6,4,4,3,2,4)") == num("4"));
    CHECK(eval("=MODE(5.6,4,4,3,2,4)") == num("4"));
    // Ties: the value that appears first wins.
    CHECK(eval("=MODE(1,2,2,1)") == num("1"));
    CHECK(eval("=MODE(2,1,1,2)") == num("2"));
    CHECK(eval("=MODE({3,1,1,3,3})") == num("3"));
    // MS: no repeated value gives #N/A.
    CHECK(eval("=MODE(1,2,3)") == err("#N/A"));
    CHECK(eval("=MODE.SNGL(K1:K5)") == err("#N/A"));
}

TEST_CASE("PERCENTILE.INC, PERCENTILE.EXC, PERCENTILE", "[statistics][PERCENTILE]") {
    CHECK(eval("=PERCENTILE.INC({1,3,2,4},0.3)") == num("1.9"));
    CHECK(eval("=PERCENTILE({1,3,2,4},0.3)") == num("1.9"));
    CHECK(eval("=PERCENTILE.INC({1,3,2,4},0)") == num("1"));
    CHECK(eval("=PERCENTILE.INC({1,3,2,4},1)") == num("4"));
    CHECK(eval("=PERCENTILE.INC({1,3,2,4},1.1)") == err("#NUM!"));
    CHECK(eval("=PERCENTILE.INC({1,3,2,4},-0.1)") == err("#NUM!"));
    CHECK(eval("=PERCENTILE.INC(K1:K5,0.5)") == err("#NUM!"));
    CHECK(eval("=PERCENTILE.INC({1,3,2,4},\"x\")") == err("#VALUE!"));
    // MS PERCENTILE.EXC examples: the rank k*(n+1) must fall within 1..n.
    CHECK(eval("=PERCENTILE.EXC({1,2,3,6,6,6,7,8,9},0.25)") == num("2.5"));
    CHECK(eval("=PERCENTILE.EXC({1,2,3,6,6,6,7,8,9},0)") == err("#NUM!"));
    CHECK(eval("=PERCENTILE.EXC({1,2,3,6,6,6,7,8,9},0.01)") == err("#NUM!"));
    CHECK(eval("=PERCENTILE.EXC({1,2,3,6,6,6,7,8,9},2)") == err("#NUM!"));
    CHECK(eval("=PERCENTILE.EXC({1,2,3,4},0.2)") == num("1"));
    CHECK(eval("=PERCENTILE.EXC({1,2,3,4},0.8)") == num("4"));
    CHECK(eval("=PERCENTILE.EXC({1,2,3,4},0.19)") == err("#NUM!"));
    CHECK(eval("=SUM(PERCENTILE.INC({1,2,3,4},{0,0.5,1}))") == num("7.5"));
}

TEST_CASE("QUARTILE.INC, QUARTILE.EXC, QUARTILE", "[statistics][QUARTILE]") {
    CHECK(eval("=QUARTILE.INC({1,2,4,7,8,9,10,12},1)") == num("3.5"));
    CHECK(eval("=QUARTILE({1,2,4,7,8,9,10,12},1)") == num("3.5"));
    // quart is truncated.
    CHECK(eval("=QUARTILE.INC({1,2,4,7,8,9,10,12},1.9)") == num("3.5"));
    CHECK(eval("=QUARTILE.INC({1,2,4,7,8,9,10,12},0)") == num("1"));
    CHECK(eval("=QUARTILE.INC({1,2,4,7,8,9,10,12},4)") == num("12"));
    CHECK(eval("=QUARTILE.INC({1,2,4,7,8,9,10,12},5)") == err("#NUM!"));
    CHECK(eval("=QUARTILE.INC({1,2,4,7,8,9,10,12},-1)") == err("#NUM!"));
    CHECK(eval("=QUARTILE.EXC({6,7,15,36,39,40,41,42,43,47,49},1)") == num("15"));
    CHECK(eval("=QUARTILE.EXC({6,7,15,36,39,40,41,42,43,47,49},3)") == num("43"));
    CHECK(eval("=QUARTILE.EXC({6,7,15,36,39,40,41,42,43,47,49},0)") == err("#NUM!"));
    CHECK(eval("=QUARTILE.EXC({6,7,15,36,39,40,41,42,43,47,49},4)") == err("#NUM!"));
}

TEST_CASE("STDEV and VAR, sample and population", "[statistics][STDEV][VAR]") {
    // MS examples.
    CHECK(eval_with(strength, "=STDEV.S(B1:B10)") == num("27.4639157198435"));
    CHECK(eval_with(strength, "=STDEV(B1:B10)") == num("27.4639157198435"));
    CHECK(eval_with(strength, "=STDEV.P(B1:B10)") == num("26.0545581424825"));
    CHECK(eval_with(strength, "=STDEVP(B1:B10)") == num("26.0545581424825"));
    CHECK(eval_with(strength, "=VAR.S(B1:B10)") == num("754.266666666667"));
    CHECK(eval_with(strength, "=VAR(B1:B10)") == num("754.266666666667"));
    CHECK(eval_with(strength, "=VAR.P(B1:B10)") == num("678.84"));
    CHECK(eval_with(strength, "=VARP(B1:B10)") == num("678.84"));
    CHECK(eval("=STDEV.S(1)") == err("#DIV/0!"));
    CHECK(eval("=VAR.S(1)") == err("#DIV/0!"));
    CHECK(eval("=STDEV.P(1)") == num("0"));
    CHECK(eval("=VAR.P(K1:K5)") == err("#DIV/0!"));
    // Two passes over the data: identical values have no spread at all.
    CHECK(eval("=VAR.S(0.1,0.1,0.1)") == num("0"));
    CHECK(eval("=VAR.S(1000000000.5,1000000001.5,1000000002.5)") == num("1"));
    CHECK(eval("=STDEV.S(1,TRUE,\"3\")") == num("1.15470053837925"));
}

TEST_CASE("LARGE and SMALL", "[statistics][LARGE][SMALL]") {
    const cells data = {{"Sheet1!B1", "3"}, {"Sheet1!B2", "5"}, {"Sheet1!B3", "3"}, {"Sheet1!B4", "5"},
                        {"Sheet1!B5", "4"}, {"Sheet1!C1", "4"}, {"Sheet1!C2", "2"}, {"Sheet1!C3", "4"},
                        {"Sheet1!C4", "6"}, {"Sheet1!C5", "7"}};
    // MS examples.
    CHECK(eval_with(data, "=LARGE(B1:C5,3)") == num("5"));
    CHECK(eval_with(data, "=LARGE(B1:C5,7)") == num("4"));
    CHECK(eval_with(data, "=SMALL(B1:C5,1)") == num("2"));
    CHECK(eval_with(data, "=SMALL(B1:C5,4)") == num("4"));
    CHECK(eval("=LARGE({3,5,7},4)") == err("#NUM!"));
    CHECK(eval("=LARGE({3,5,7},0)") == err("#NUM!"));
    CHECK(eval("=SMALL(K1:K5,1)") == err("#NUM!"));
    // A fractional k: LARGE rounds up, SMALL rounds down (LARGE(k) = SMALL(n+1-k)).
    CHECK(eval("=LARGE({3,5,7},1.5)") == num("5"));
    CHECK(eval("=SMALL({3,5,7},1.5)") == num("3"));
    CHECK(eval("=SMALL({3,5,7},0.5)") == err("#NUM!"));
    CHECK(eval_with(mixed, "=SMALL(B1:B7,1)") == err("#DIV/0!"));
    CHECK(eval("=SUM(LARGE({3,5,7},{1,2}))") == num("12"));
}

TEST_CASE("RANK.EQ, RANK.AVG, RANK", "[statistics][RANK]") {
    const cells data = {{"Sheet1!B1", "7"}, {"Sheet1!B2", "3.5"}, {"Sheet1!B3", "3.5"}, {"Sheet1!B4", "1"},
                        {"Sheet1!B5", "2"}};
    // MS RANK.EQ examples.
    CHECK(eval_with(data, "=RANK.EQ(7,B1:B5,1)") == num("5"));
    CHECK(eval_with(data, "=RANK.EQ(2,B1:B5)") == num("4"));
    CHECK(eval_with(data, "=RANK.EQ(3.5,B1:B5,1)") == num("3"));
    CHECK(eval_with(data, "=RANK(3.5,B1:B5)") == num("2"));
    // Ties share the top rank in RANK.EQ and average their ranks in RANK.AVG.
    CHECK(eval_with(data, "=RANK.AVG(3.5,B1:B5)") == num("2.5"));
    CHECK(eval_with(data, "=RANK.AVG(3.5,B1:B5,1)") == num("3.5"));
    CHECK(eval_with(data, "=RANK.EQ(9,B1:B5)") == err("#N/A"));
    const cells scores = {{"Sheet1!B1", "89"}, {"Sheet1!B2", "88"}, {"Sheet1!B3", "92"}, {"Sheet1!B4", "101"},
                          {"Sheet1!B5", "94"}, {"Sheet1!B6", "97"}, {"Sheet1!B7", "95"}};
    CHECK(eval_with(scores, "=RANK.AVG(94,B1:B7)") == num("4"));
    // Text and booleans in the reference are not ranked; errors are returned.
    CHECK(eval_with(mixed, "=RANK(2,B1:B6)") == num("1"));
    CHECK(eval_with(mixed, "=RANK(1,B1:B6)") == num("3"));
    CHECK(eval_with(mixed, "=RANK(2,B1:B7)") == err("#DIV/0!"));
}

TEST_CASE("GEOMEAN", "[statistics][GEOMEAN]") {
    CHECK(eval("=GEOMEAN(4,5,8,7,11,4,3)") == num("5.47698696965696"));
    CHECK(eval("=GEOMEAN(2,8)") == num("4"));
    CHECK(eval("=GEOMEAN(2,0)") == err("#NUM!"));
    CHECK(eval("=GEOMEAN(2,-8)") == err("#NUM!"));
    CHECK(eval("=GEOMEAN(K1:K5)") == err("#NUM!"));
    // Far beyond double range as a product, fine as a mean.
    CHECK(eval("=GEOMEAN(1E+200,1E+200,1E+200)/1E+200") == num("1"));
}

TEST_CASE("PERCENTRANK.INC truncates to significance digits", "[statistics][PERCENTRANK]") {
    const cells data = {{"Sheet1!B1", "13"}, {"Sheet1!B2", "12"}, {"Sheet1!B3", "11"}, {"Sheet1!B4", "8"},
                        {"Sheet1!B5", "4"},  {"Sheet1!B6", "3"},  {"Sheet1!B7", "2"},  {"Sheet1!B8", "1"},
                        {"Sheet1!B9", "1"},  {"Sheet1!B10", "1"}};
    // MS examples.
    CHECK(eval_with(data, "=PERCENTRANK.INC(B1:B10,2)") == num("0.333"));
    CHECK(eval_with(data, "=PERCENTRANK.INC(B1:B10,4)") == num("0.555"));
    CHECK(eval_with(data, "=PERCENTRANK.INC(B1:B10,8)") == num("0.666"));
    CHECK(eval_with(data, "=PERCENTRANK.INC(B1:B10,5)") == num("0.583"));
    CHECK(eval_with(data, "=PERCENTRANK(B1:B10,5)") == num("0.583"));
    // 5/9 = 0.5555...: truncated, not rounded.
    CHECK(eval_with(data, "=PERCENTRANK.INC(B1:B10,4,2)") == num("0.55"));
    CHECK(eval_with(data, "=PERCENTRANK.INC(B1:B10,5,1)") == num("0.5"));
    CHECK(eval_with(data, "=PERCENTRANK.INC(B1:B10,13)") == num("1"));
    CHECK(eval_with(data, "=PERCENTRANK.INC(B1:B10,1)") == num("0"));
    CHECK(eval_with(data, "=PERCENTRANK.INC(B1:B10,5,0)") == err("#NUM!"));
    CHECK(eval_with(data, "=PERCENTRANK.INC(B1:B10,14)") == err("#N/A"));
    CHECK(eval_with(data, "=PERCENTRANK.INC(B1:B10,0.5)") == err("#N/A"));
    CHECK(eval("=PERCENTRANK.INC({1,2,4},2.9)") == num("0.725"));
    CHECK(eval("=PERCENTRANK.INC({1,2,3,4,5,6,7,8,9,10},4)") == num("0.333"));
    CHECK(eval("=PERCENTRANK.INC({5},5)") == num("1"));
    CHECK(eval("=PERCENTRANK.INC(K1:K5,1)") == err("#NUM!"));
}

TEST_CASE("CORREL, SLOPE, INTERCEPT, FORECAST pair numbers position by position",
          "[statistics][CORREL][SLOPE][INTERCEPT][FORECAST]") {
    // MS examples.
    CHECK(eval("=CORREL({3,2,4,5,6},{9,7,12,15,17})") == num("0.997054485501582"));
    CHECK(eval("=SLOPE({2,3,9,1,8,7,5},{6,5,11,7,5,4,4})") == num("0.305555555555556"));
    CHECK(eval("=INTERCEPT({2,3,9,1,8},{6,5,11,7,5})") == num("0.0483870967741935"));
    CHECK(eval("=FORECAST(30,{6,7,9,15,21},{20,28,31,38,40})") == num("10.6072530864198"));
    CHECK(eval("=FORECAST.LINEAR(30,{6,7,9,15,21},{20,28,31,38,40})") == num("10.6072530864198"));
    CHECK(eval("=SLOPE({2,4,6},{1,2,3})") == num("2"));
    CHECK(eval("=INTERCEPT({3,5,7},{1,2,3})") == num("1"));
    CHECK(eval("=FORECAST(4,{3,5,7},{1,2,3})") == num("9"));
    // MS: different numbers of points give #N/A; no spread gives #DIV/0!.
    CHECK(eval("=CORREL({1,2,3},{1,2})") == err("#N/A"));
    CHECK(eval("=SLOPE({1,2,3},{1,2})") == err("#N/A"));
    CHECK(eval("=CORREL({1,1,1},{1,2,3})") == err("#DIV/0!"));
    CHECK(eval("=SLOPE({1,2},{3,3})") == err("#DIV/0!"));
    CHECK(eval("=FORECAST(\"x\",{1,2},{1,2})") == err("#VALUE!"));
    // Only positions where both arrays hold numbers count.
    CHECK(eval("=SLOPE({1,\"a\",3,5},{1,2,3,5})") == num("1"));
    CHECK(eval("=SLOPE({1,TRUE,3,5},{1,2,3,5})") == num("1"));
    CHECK(eval_with({{"Sheet1!B1", "1"}, {"Sheet1!B2", "2"}, {"Sheet1!B3", "=NA()"}, {"Sheet1!C1", "1"},
                     {"Sheet1!C2", "2"}, {"Sheet1!C3", "3"}},
                    "=CORREL(B1:B3,C1:C3)") == err("#N/A"));
    CHECK(eval_with({{"Sheet1!B1", "2"}, {"Sheet1!B2", "4"}, {"Sheet1!B3", "x"}, {"Sheet1!C1", "1"},
                     {"Sheet1!C2", "2"}, {"Sheet1!C3", "3"}},
                    "=SLOPE(B1:B3,C1:C3)") == num("2"));
}

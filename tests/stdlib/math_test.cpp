// Specifications of the math family (stdlib/math.cpp): Excel's documented examples plus
// the edge cases engines get wrong — decimal rounding, sign rules of CEILING/FLOOR/MOD,
// direct-vs-range argument rules, and SUBTOTAL/AGGREGATE error handling.
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

}  // namespace

TEST_CASE("SUM converts direct arguments but takes only numbers from ranges", "[math][SUM]") {
    CHECK(eval("=SUM(1,2,3)") == num("6"));
    // MS: logical values and text representations of numbers typed into the argument list
    // are counted; in a reference only numbers are.
    CHECK(eval("=SUM(1,TRUE,\"2\")") == num("4"));
    CHECK(eval("=SUM({1,\"2\",TRUE})") == num("1"));
    CHECK(eval_with({{"Sheet1!B1", "1"}, {"Sheet1!B2", "=\"2\""}, {"Sheet1!B3", "TRUE"}}, "=SUM(B1:B3)") == num("1"));
    CHECK(eval("=SUM(\"x\")") == err("#VALUE!"));
    CHECK(eval("=SUM(1,NA())") == err("#N/A"));
    CHECK(eval_with(mixed, "=SUM(B1:B3)") == num("5"));
    CHECK(eval_with(mixed, "=SUM(B1:B7)") == err("#DIV/0!"));
    CHECK(eval_with(mixed, "=SUM(C:C)") == num("5"));
    CHECK(eval("=SUM(1,)") == num("1"));
}

TEST_CASE("PRODUCT and SUMSQ", "[math][PRODUCT][SUMSQ]") {
    CHECK(eval("=PRODUCT(2,3,4)") == num("24"));
    CHECK(eval_with(mixed, "=PRODUCT(B1:B3,2)") == num("8"));
    // An empty range has no numbers: PRODUCT gives 0, not 1.
    CHECK(eval("=PRODUCT(K1:K3)") == num("0"));
    CHECK(eval("=SUMSQ(3,4)") == num("25"));
    CHECK(eval("=SUMSQ(3,TRUE)") == num("10"));
}

TEST_CASE("SUMPRODUCT multiplies equal-sized arrays and treats non-numbers as zero", "[math][SUMPRODUCT]") {
    CHECK(eval("=SUMPRODUCT({1,2},{3,4})") == num("11"));
    CHECK(eval("=SUMPRODUCT({1,2;3,4})") == num("10"));
    CHECK(eval("=SUMPRODUCT({1,\"x\"},{3,4})") == num("3"));
    CHECK(eval("=SUMPRODUCT({1,TRUE},{3,4})") == num("3"));
    // MS: the array arguments must have the same dimensions, else #VALUE!.
    CHECK(eval("=SUMPRODUCT({1,2},{1;2})") == err("#VALUE!"));
    CHECK(eval("=SUMPRODUCT({1,2},{1,2,3})") == err("#VALUE!"));
    CHECK(eval("=SUMPRODUCT({1,2},{3,#N/A})") == err("#N/A"));
    CHECK(eval_with(mixed, "=SUMPRODUCT(B1:B3,C1:C3)") == num("5"));
    CHECK(eval_with(mixed, "=SUMPRODUCT(C:C,C:C)") == num("25"));
    CHECK(eval_with(mixed, "=SUMPRODUCT((B1:B3=2)*1)") == num("2"));
    CHECK(eval("=SUMPRODUCT(2,3)") == num("6"));
}

TEST_CASE("ROUND rounds half away from zero on the decimal value", "[math][ROUND]") {
    // 1.005 is 1.00499999999999989... in binary; Excel rounds its 15-digit decimal value.
    CHECK(eval("=ROUND(1.005,2)") == num("1.01"));
    CHECK(eval("=ROUND(2.675,2)") == num("2.68"));
    CHECK(eval("=ROUND(2.5,0)") == num("3"));
    CHECK(eval("=ROUND(-2.5,0)") == num("-3"));
    // MS examples.
    CHECK(eval("=ROUND(2.15,1)") == num("2.2"));
    CHECK(eval("=ROUND(2.149,1)") == num("2.1"));
    CHECK(eval("=ROUND(-1.475,2)") == num("-1.48"));
    CHECK(eval("=ROUND(21.5,-1)") == num("20"));
    CHECK(eval("=ROUND(626.3,-3)") == num("1000"));
    CHECK(eval("=ROUND(1.98,-1)") == num("0"));
    CHECK(eval("=ROUND(-50.55,-2)") == num("-100"));
    // Digits are truncated; an omitted argument is 0; booleans and numeric text convert.
    CHECK(eval("=ROUND(2.5,0.9)") == num("3"));
    CHECK(eval("=ROUND(2.5,)") == num("3"));
    CHECK(eval("=ROUND(TRUE,0)") == num("1"));
    CHECK(eval("=ROUND(\"2.5\",0)") == num("3"));
    CHECK(eval("=ROUND(\"abc\",0)") == err("#VALUE!"));
    CHECK(eval("=ROUND(0.1+0.2,15)") == num("0.3"));
    CHECK(eval("=ROUND(0.0001234,5)") == num("0.00012"));
    CHECK(eval("=ROUND(-0.4,0)") == num("0"));
}

TEST_CASE("ROUND lifts over arrays", "[math][ROUND]") {
    const folio::value v = folio::testing::evaluate("=ROUND({1.25,2.35},1)");
    REQUIRE(v.is_array());
    REQUIRE(v.array_value().cols() == 2);
    CHECK(folio::testing::batch_line(v.array_value().at(0, 0)) == num("1.3"));
    CHECK(folio::testing::batch_line(v.array_value().at(0, 1)) == num("2.4"));
}

TEST_CASE("ROUNDUP and ROUNDDOWN round away from and toward zero", "[math][ROUNDUP][ROUNDDOWN]") {
    // MS examples.
    CHECK(eval("=ROUNDUP(3.2,0)") == num("4"));
    CHECK(eval("=ROUNDUP(76.9,0)") == num("77"));
    CHECK(eval("=ROUNDUP(3.14159,3)") == num("3.142"));
    CHECK(eval("=ROUNDUP(-3.14159,1)") == num("-3.2"));
    CHECK(eval("=ROUNDUP(31415.92654,-2)") == num("31500"));
    CHECK(eval("=ROUNDDOWN(3.2,0)") == num("3"));
    CHECK(eval("=ROUNDDOWN(76.9,0)") == num("76"));
    CHECK(eval("=ROUNDDOWN(3.14159,3)") == num("3.141"));
    CHECK(eval("=ROUNDDOWN(-3.14159,1)") == num("-3.1"));
    CHECK(eval("=ROUNDDOWN(31415.92654,-2)") == num("31400"));
    // 0.1+0.2 is 0.30000000000000004 in binary but 0.3 to 15 digits: nothing to round up.
    CHECK(eval("=ROUNDUP(0.1+0.2,1)") == num("0.3"));
    CHECK(eval("=ROUNDDOWN(0.29*100,0)") == num("29"));
}

TEST_CASE("INT, TRUNC, SIGN, ABS", "[math][INT][TRUNC][SIGN][ABS]") {
    CHECK(eval("=INT(8.9)") == num("8"));
    CHECK(eval("=INT(-8.9)") == num("-9"));
    CHECK(eval("=INT(-0.5)") == num("-1"));
    // (0.1+0.7)*10 is 7.999999999999999 in binary, 8 to 15 digits.
    CHECK(eval("=INT((0.1+0.7)*10)") == num("8"));
    CHECK(eval("=TRUNC(8.9)") == num("8"));
    CHECK(eval("=TRUNC(-8.9)") == num("-8"));
    CHECK(eval("=TRUNC(0.45)") == num("0"));
    CHECK(eval("=TRUNC(3.14159,2)") == num("3.14"));
    CHECK(eval("=TRUNC(-1234.5,-2)") == num("-1200"));
    CHECK(eval("=SIGN(10)") == num("1"));
    CHECK(eval("=SIGN(4-4)") == num("0"));
    CHECK(eval("=SIGN(-0.00001)") == num("-1"));
    CHECK(eval("=ABS(-4)") == num("4"));
    CHECK(eval("=ABS(\"x\")") == err("#VALUE!"));
}

TEST_CASE("MOD takes the divisor's sign", "[math][MOD]") {
    // MS examples.
    CHECK(eval("=MOD(3,2)") == num("1"));
    CHECK(eval("=MOD(-3,2)") == num("1"));
    CHECK(eval("=MOD(3,-2)") == num("-1"));
    CHECK(eval("=MOD(-3,-2)") == num("-1"));
    CHECK(eval("=MOD(3,0)") == err("#DIV/0!"));
    CHECK(eval("=MOD(0,0)") == err("#DIV/0!"));
    CHECK(eval("=MOD(3.7,1)") == num("0.7"));
    CHECK(eval("=MOD(-0.25,1)") == num("0.75"));
    // 6.3/2.1 is 3 to 15 digits, so the remainder is 0, not 2.1.
    CHECK(eval("=MOD(6.3,2.1)") == num("0"));
    CHECK(eval("=MOD(10,2.5)") == num("0"));
}

TEST_CASE("MROUND rounds to a multiple of the same sign", "[math][MROUND]") {
    // MS examples.
    CHECK(eval("=MROUND(10,3)") == num("9"));
    CHECK(eval("=MROUND(-10,-3)") == num("-9"));
    CHECK(eval("=MROUND(1.3,0.2)") == num("1.4"));
    CHECK(eval("=MROUND(5,-2)") == err("#NUM!"));
    CHECK(eval("=MROUND(7.5,5)") == num("10"));
    CHECK(eval("=MROUND(5,0)") == num("0"));
    CHECK(eval("=MROUND(0,-2)") == num("0"));
    // Unlike ROUND, MROUND divides in binary: 6.05/0.1 is 60.4999..., so 6 (Excel and
    // LibreOffice agree), while 7.05/0.1 is 70.5.
    CHECK(eval("=MROUND(6.05,0.1)") == num("6"));
    CHECK(eval("=MROUND(7.05,0.1)") == num("7.1"));
}

TEST_CASE("CEILING and FLOOR follow Excel's sign rules", "[math][CEILING][FLOOR]") {
    // MS CEILING examples: a negative number with a positive significance rounds toward
    // zero; both negative round away from zero.
    CHECK(eval("=CEILING(2.5,1)") == num("3"));
    CHECK(eval("=CEILING(-2.5,-2)") == num("-4"));
    CHECK(eval("=CEILING(-2.5,2)") == num("-2"));
    CHECK(eval("=CEILING(1.5,0.1)") == num("1.5"));
    CHECK(eval("=CEILING(0.234,0.01)") == num("0.24"));
    CHECK(eval("=CEILING(2.5,-2)") == err("#NUM!"));
    CHECK(eval("=CEILING(5,0)") == num("0"));
    CHECK(eval("=CEILING(\"x\",1)") == err("#VALUE!"));
    // MS FLOOR examples.
    CHECK(eval("=FLOOR(3.7,2)") == num("2"));
    CHECK(eval("=FLOOR(-2.5,-2)") == num("-2"));
    CHECK(eval("=FLOOR(2.5,-2)") == err("#NUM!"));
    CHECK(eval("=FLOOR(1.58,0.1)") == num("1.5"));
    CHECK(eval("=FLOOR(0.234,0.01)") == num("0.23"));
    CHECK(eval("=FLOOR(-2.5,2)") == num("-4"));
    CHECK(eval("=FLOOR(5,0)") == err("#DIV/0!"));
    CHECK(eval("=FLOOR(0,2)") == num("0"));
}

TEST_CASE("CEILING.MATH and FLOOR.MATH take a mode for negative numbers", "[math][CEILING.MATH][FLOOR.MATH]") {
    // MS examples.
    CHECK(eval("=CEILING.MATH(24.3,5)") == num("25"));
    CHECK(eval("=CEILING.MATH(6.7)") == num("7"));
    CHECK(eval("=CEILING.MATH(-8.1,2)") == num("-8"));
    CHECK(eval("=CEILING.MATH(-5.5,2,-1)") == num("-6"));
    CHECK(eval("=FLOOR.MATH(24.3,5)") == num("20"));
    CHECK(eval("=FLOOR.MATH(6.7)") == num("6"));
    CHECK(eval("=FLOOR.MATH(-8.1,2)") == num("-10"));
    CHECK(eval("=FLOOR.MATH(-5.5,2,-1)") == num("-4"));
    // The significance's sign is ignored; a zero significance gives 0.
    CHECK(eval("=CEILING.MATH(-5.5,-2)") == num("-4"));
    CHECK(eval("=FLOOR.MATH(5.5,-2)") == num("4"));
    CHECK(eval("=CEILING.MATH(5.5,0)") == num("0"));
    CHECK(eval("=CEILING.MATH(1.5,0.1)") == num("1.5"));
}

TEST_CASE("POWER, SQRT, EXP, LN, LOG, LOG10 domains", "[math][POWER][SQRT][EXP][LN][LOG][LOG10]") {
    CHECK(eval("=POWER(5,2)") == num("25"));
    CHECK(eval("=POWER(98.6,3.2)") == num("2401077.22206958"));
    CHECK(eval("=POWER(4,5/4)") == num("5.65685424949238"));
    CHECK(eval("=POWER(-8,3)") == num("-512"));
    CHECK(eval("=POWER(2,-1)") == num("0.5"));
    // 0^0 is #NUM! in Excel; 0 to a negative power divides by zero.
    CHECK(eval("=POWER(0,0)") == err("#NUM!"));
    CHECK(eval("=POWER(0,-1)") == err("#DIV/0!"));
    CHECK(eval("=POWER(-8,1/3)") == err("#NUM!"));
    CHECK(eval("=POWER(10,400)") == err("#NUM!"));
    CHECK(eval("=SQRT(16)") == num("4"));
    CHECK(eval("=SQRT(-16)") == err("#NUM!"));
    CHECK(eval("=EXP(1)") == num("2.71828182845905"));
    CHECK(eval("=EXP(1000)") == err("#NUM!"));
    CHECK(eval("=LN(86)") == num("4.45434729625351"));
    CHECK(eval("=LN(0)") == err("#NUM!"));
    CHECK(eval("=LOG(10)") == num("1"));
    CHECK(eval("=LOG(8,2)") == num("3"));
    CHECK(eval("=LOG(243,3)") == num("5"));
    CHECK(eval("=LOG(86,2.7182818)") == num("4.45434734288829"));
    CHECK(eval("=LOG(-1)") == err("#NUM!"));
    CHECK(eval("=LOG(10,0)") == err("#NUM!"));
    CHECK(eval("=LOG(10,1)") == err("#DIV/0!"));
    CHECK(eval("=LOG10(86)") == num("1.93449845124357"));
    CHECK(eval("=LOG10(1E5)") == num("5"));
    CHECK(eval("=LOG10(0)") == err("#NUM!"));
    CHECK(eval("=PI()") == num("3.14159265358979"));
}

TEST_CASE("RAND and RANDBETWEEN stay in range", "[math][RAND][RANDBETWEEN]") {
    for (int i = 0; i < 20; ++i) {
        const folio::value r = folio::testing::evaluate("=RAND()");
        REQUIRE(r.is_number());
        CHECK(r.number() >= 0.0);
        CHECK(r.number() < 1.0);
        const folio::value k = folio::testing::evaluate("=RANDBETWEEN(-2,3)");
        REQUIRE(k.is_number());
        CHECK(k.number() >= -2.0);
        CHECK(k.number() <= 3.0);
        CHECK(k.number() == static_cast<double>(static_cast<int>(k.number())));
    }
    CHECK(eval("=RANDBETWEEN(4,4)") == num("4"));
    CHECK(eval("=RANDBETWEEN(5,1)") == err("#NUM!"));
}

TEST_CASE("SUBTOTAL applies functions 1-11 and 101-111 to references", "[math][SUBTOTAL]") {
    const cells data = {{"Sheet1!B1", "120"}, {"Sheet1!B2", "10"}, {"Sheet1!B3", "150"}, {"Sheet1!B4", "23"}};
    // MS examples.
    CHECK(eval_with(data, "=SUBTOTAL(9,B1:B4)") == num("303"));
    CHECK(eval_with(data, "=SUBTOTAL(1,B1:B4)") == num("75.75"));
    CHECK(eval_with(data, "=SUBTOTAL(109,B1:B4)") == num("303"));
    CHECK(eval_with(data, "=SUBTOTAL(4,B1:B4)") == num("150"));
    CHECK(eval_with(data, "=SUBTOTAL(105,B1:B4)") == num("10"));
    CHECK(eval_with(data, "=SUBTOTAL(9,B1:B2,B4)") == num("153"));
    // COUNT skips errors, COUNTA counts them, SUM propagates them.
    CHECK(eval_with(mixed, "=SUBTOTAL(2,B1:B7)") == num("3"));
    CHECK(eval_with(mixed, "=SUBTOTAL(3,B1:B7)") == num("7"));
    CHECK(eval_with(mixed, "=SUBTOTAL(9,B1:B7)") == err("#DIV/0!"));
    CHECK(eval_with(mixed, "=SUBTOTAL(6,B1:B3)") == num("4"));
    CHECK(eval_with(mixed, "=SUBTOTAL(7,B1:B3)") == num("0.577350269189626"));
    CHECK(eval_with(mixed, "=SUBTOTAL(10,B1:B3)") == num("0.333333333333333"));
    CHECK(eval_with(mixed, "=SUBTOTAL(0,B1:B3)") == err("#VALUE!"));
    CHECK(eval_with(mixed, "=SUBTOTAL(12,B1:B3)") == err("#VALUE!"));
}

// Excel skips other SUBTOTAL and AGGREGATE results inside the range so that grand
// totals do not count subtotals twice (Microsoft's SUBTOTAL page).
TEST_CASE("SUBTOTAL ignores nested SUBTOTAL results", "[math][SUBTOTAL]") {
    const cells data = {{"Sheet1!B1", "1"}, {"Sheet1!B2", "2"}, {"Sheet1!B3", "=SUBTOTAL(9,B1:B2)"},
                        {"Sheet1!B4", "=AGGREGATE(9,0,B1:B2)*2"}, {"Sheet1!B5", "=SUM(B1:B2)"}};
    CHECK(eval_with(data, "=SUBTOTAL(9,B1:B3)") == num("3"));
    CHECK(eval_with(data, "=SUBTOTAL(9,B1:B5)") == num("6"));   // B5 is a plain SUM: counted
    CHECK(eval_with(data, "=SUBTOTAL(2,B1:B5)") == num("3"));
    CHECK(eval_with(data, "=AGGREGATE(9,0,B1:B5)") == num("6"));
    CHECK(eval_with(data, "=SUM(B1:B5)") == num("15"));
}

TEST_CASE("AGGREGATE ignores errors with options 2, 3, 6 and 7", "[math][AGGREGATE]") {
    // The data of the MS example: errors among numbers in B, more numbers in C.
    const cells data = {
        {"Sheet1!B1", "=1/0"}, {"Sheet1!B2", "72"},  {"Sheet1!B3", "30"},  {"Sheet1!B4", "=SQRT(-1)"},
        {"Sheet1!B5", "31"},   {"Sheet1!B6", "96"},  {"Sheet1!B7", "32"},  {"Sheet1!B8", "81"},
        {"Sheet1!B9", "33"},   {"Sheet1!B10", "53"}, {"Sheet1!C1", "82"},  {"Sheet1!C2", "65"},
        {"Sheet1!C3", "95"},   {"Sheet1!C4", "63"},  {"Sheet1!C5", "53"},  {"Sheet1!C6", "71"},
        {"Sheet1!C7", "55"},   {"Sheet1!C8", "83"},  {"Sheet1!C9", "100"}, {"Sheet1!C10", "91"},
    };
    CHECK(eval_with(data, "=AGGREGATE(4,6,B1:B10)") == num("96"));
    CHECK(eval_with(data, "=AGGREGATE(14,6,B1:B10,3)") == num("72"));
    CHECK(eval_with(data, "=AGGREGATE(15,6,B1:B10)") == err("#VALUE!"));
    CHECK(eval_with(data, "=AGGREGATE(12,6,B1:B10,C1:C10)") == num("68"));
    CHECK(eval_with(data, "=AGGREGATE(9,4,B1:B10)") == err("#DIV/0!"));
    CHECK(eval_with(data, "=AGGREGATE(9,,B1:B10)") == err("#DIV/0!"));
    CHECK(eval_with(data, "=AGGREGATE(2,6,B1:B10)") == num("8"));
    CHECK(eval_with(data, "=AGGREGATE(3,6,B1:B10)") == num("8"));
    CHECK(eval_with(data, "=AGGREGATE(3,4,B1:B10)") == num("10"));
    CHECK(eval_with(data, "=AGGREGATE(16,6,B1:B10,0.5)") == num("43"));
    CHECK(eval_with(data, "=AGGREGATE(17,6,B1:B10,2)") == num("43"));
    CHECK(eval_with(data, "=AGGREGATE(13,6,B1:B10,C1:C10)") == num("53"));
    CHECK(eval_with(data, "=AGGREGATE(13,6,C1:C10)") == err("#N/A"));
    CHECK(eval_with(data, "=AGGREGATE(20,6,B1:B10)") == err("#VALUE!"));
    CHECK(eval_with(data, "=AGGREGATE(9,8,B1:B10)") == err("#VALUE!"));
    // The array form takes computed arrays: the classic "largest ratio, skipping errors".
    CHECK(eval("=AGGREGATE(14,6,{1,2,3}/{1,0,1},1)") == num("3"));
    CHECK(eval("=AGGREGATE(14,6,1/0,1)") == err("#NUM!"));
}

TEST_CASE("SEQUENCE builds a rows x columns array", "[math][SEQUENCE]") {
    const folio::value v = folio::testing::evaluate("=SEQUENCE(4,5)");
    REQUIRE(v.is_array());
    const folio::array& a = v.array_value();
    REQUIRE(a.rows() == 4);
    REQUIRE(a.cols() == 5);
    CHECK(a.at(0, 0).number() == 1);
    CHECK(a.at(0, 4).number() == 5);
    CHECK(a.at(1, 0).number() == 6);
    CHECK(a.at(3, 4).number() == 20);

    const folio::value w = folio::testing::evaluate("=SEQUENCE(2,3,10,-2)");
    REQUIRE(w.is_array());
    CHECK(w.array_value().at(0, 0).number() == 10);
    CHECK(w.array_value().at(1, 2).number() == 0);

    const folio::value column = folio::testing::evaluate("=SEQUENCE(3)");
    REQUIRE(column.is_array());
    CHECK(column.array_value().rows() == 3);
    CHECK(column.array_value().cols() == 1);

    CHECK(eval("=SUM(SEQUENCE(10))") == num("55"));
    CHECK(eval("=SUM(SEQUENCE(2,,0,0.5))") == num("0.5"));
    CHECK(eval("=SEQUENCE(0)") == err("#CALC!"));
    CHECK(eval("=SEQUENCE(-1)") == err("#VALUE!"));
}

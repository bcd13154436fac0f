// Specifications of the integer family (stdlib/integer.cpp): Microsoft's documented
// examples for FACT, COMBIN, PERMUT, GCD, LCM, EVEN, ODD and QUOTIENT, plus truncation of
// arguments, the domain errors and the 2^53 limit. "MS:" cites the Microsoft support page
// of the function.
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


// Evaluates a formula that must give a number and returns it.
double number(std::string_view formula) {
    const folio::value v = folio::testing::evaluate(formula);
    INFO(formula << " gave " << folio::testing::batch_line(v));
    REQUIRE(v.is_number());
    return v.number();
}

// A1:A6 = 24, 36, "text", TRUE, (blank), 48; B1 = #DIV/0!, B2 = -4.
const cells numbers = {
    {"Sheet1!A1", "24"}, {"Sheet1!A2", "36"}, {"Sheet1!A3", "text"}, {"Sheet1!A4", "TRUE"},
    {"Sheet1!A6", "48"}, {"Sheet1!B1", "=1/0"}, {"Sheet1!B2", "-4"},
};

}  // namespace

TEST_CASE("FACT truncates and stops at 170", "[integer][FACT]") {
    // MS FACT: =FACT(5) is 120, =FACT(1.9) is 1, =FACT(0) is 1, =FACT(-1) is #NUM!, =FACT(1) is 1.
    CHECK(eval("=FACT(5)") == num("120"));
    CHECK(eval("=FACT(1.9)") == num("1"));
    CHECK(eval("=FACT(0)") == num("1"));
    CHECK(eval("=FACT(-1)") == err("#NUM!"));
    CHECK(eval("=FACT(1)") == num("1"));
    // MS: "If number is negative, FACT returns #NUM!": -0.5 is negative before truncation.
    CHECK(eval("=FACT(-0.5)") == err("#NUM!"));
    CHECK(number("=FACT(170)") == Approx(7.257415615307994e306).epsilon(1e-12));
    CHECK(eval("=FACT(170.9)") == eval("=FACT(170)"));
    CHECK(eval("=FACT(171)") == err("#NUM!"));
    CHECK(eval("=FACT(\"x\")") == err("#VALUE!"));
    CHECK(eval("=FACT(\"4\")") == num("24"));
}

TEST_CASE("COMBIN and PERMUT count selections", "[integer][COMBIN][PERMUT]") {
    // MS COMBIN: =COMBIN(8,2) is 28.
    CHECK(eval("=COMBIN(8,2)") == num("28"));
    CHECK(eval("=COMBIN(8.9,2.9)") == num("28"));
    CHECK(eval("=COMBIN(5,0)") == num("1"));
    CHECK(eval("=COMBIN(5,5)") == num("1"));
    CHECK(eval("=COMBIN(0,0)") == num("1"));
    CHECK(eval("=COMBIN(49,6)") == num("13983816"));
    CHECK(number("=COMBIN(1000,500)") == Approx(2.702882409454366e299).epsilon(1e-12));
    CHECK(eval("=COMBIN(2000,1000)") == err("#NUM!"));
    // MS: #NUM! when number < 0, number_chosen < 0 or number < number_chosen.
    CHECK(eval("=COMBIN(-1,0)") == err("#NUM!"));
    CHECK(eval("=COMBIN(3,-1)") == err("#NUM!"));
    CHECK(eval("=COMBIN(2,3)") == err("#NUM!"));
    CHECK(eval("=COMBIN(\"a\",1)") == err("#VALUE!"));
    // MS PERMUT: =PERMUT(100,3) is 970200, =PERMUT(3,2) is 6.
    CHECK(eval("=PERMUT(100,3)") == num("970200"));
    CHECK(eval("=PERMUT(3,2)") == num("6"));
    CHECK(eval("=PERMUT(3.7,2.2)") == num("6"));
    CHECK(eval("=PERMUT(5,0)") == num("1"));
    // MS PERMUT: #NUM! when number <= 0, number_chosen < 0 or number < number_chosen.
    CHECK(eval("=PERMUT(0,0)") == err("#NUM!"));
    CHECK(eval("=PERMUT(3,-1)") == err("#NUM!"));
    CHECK(eval("=PERMUT(2,3)") == err("#NUM!"));
    CHECK(eval("=PERMUT(1000,500)") == err("#NUM!"));
}

TEST_CASE("GCD and LCM truncate, refuse negatives and read ranges", "[integer][GCD][LCM]") {
    // MS GCD: =GCD(5,2) is 1, =GCD(24,36) is 12, =GCD(7,1) is 1, =GCD(5,0) is 5.
    CHECK(eval("=GCD(5,2)") == num("1"));
    CHECK(eval("=GCD(24,36)") == num("12"));
    CHECK(eval("=GCD(7,1)") == num("1"));
    CHECK(eval("=GCD(5,0)") == num("5"));
    CHECK(eval("=GCD(0,0)") == num("0"));
    CHECK(eval("=GCD(24.9,36.2)") == num("12"));
    // MS LCM: =LCM(5,2) is 10, =LCM(24,36) is 72.
    CHECK(eval("=LCM(5,2)") == num("10"));
    CHECK(eval("=LCM(24,36)") == num("72"));
    CHECK(eval("=LCM(5,0)") == num("0"));
    CHECK(eval("=LCM(4.9,6.1)") == num("12"));
    CHECK(eval("=LCM(1,2,3,4,5,6,7,8,9,10)") == num("2520"));
    // MS: an argument less than zero is #NUM!; so is one of 2^53 or more, or an LCM that
    // reaches 2^53.
    CHECK(eval("=GCD(-4,2)") == err("#NUM!"));
    CHECK(eval("=LCM(4,-2)") == err("#NUM!"));
    CHECK(eval("=GCD(2^53,2)") == err("#NUM!"));
    CHECK(eval("=GCD(2^53-2,2)") == num("2"));
    CHECK(eval("=LCM(2^52,3)") == err("#NUM!"));
    // MS: a nonnumeric argument is #VALUE!.
    CHECK(eval("=GCD(\"a\",2)") == err("#VALUE!"));
    CHECK(eval("=GCD(\"12\",18)") == num("6"));
    // Ranges and arrays: only their numbers count; an error inside is the result.
    CHECK(eval_with(numbers, "=GCD(A1:A6)") == num("12"));
    CHECK(eval_with(numbers, "=LCM(A1:A6)") == num("144"));
    CHECK(eval_with(numbers, "=GCD(A1:B1)") == err("#DIV/0!"));
    CHECK(eval_with(numbers, "=LCM(A1,B2)") == err("#NUM!"));
    CHECK(eval("=GCD({12,18,30})") == num("6"));
    CHECK(eval("=LCM({2,3},4)") == num("12"));
}

TEST_CASE("EVEN and ODD round away from zero", "[integer][EVEN][ODD]") {
    // MS EVEN: =EVEN(1.5) is 2, =EVEN(3) is 4, =EVEN(2) is 2, =EVEN(-1) is -2.
    CHECK(eval("=EVEN(1.5)") == num("2"));
    CHECK(eval("=EVEN(3)") == num("4"));
    CHECK(eval("=EVEN(2)") == num("2"));
    CHECK(eval("=EVEN(-1)") == num("-2"));
    CHECK(eval("=EVEN(0)") == num("0"));
    CHECK(eval("=EVEN(-2.1)") == num("-4"));
    CHECK(eval("=EVEN(0.1)") == num("2"));
    // MS ODD: =ODD(1.5) is 3, =ODD(3) is 3, =ODD(2) is 3, =ODD(-1) is -1, =ODD(-2) is -3.
    CHECK(eval("=ODD(1.5)") == num("3"));
    CHECK(eval("=ODD(3)") == num("3"));
    CHECK(eval("=ODD(2)") == num("3"));
    CHECK(eval("=ODD(-1)") == num("-1"));
    CHECK(eval("=ODD(-2)") == num("-3"));
    CHECK(eval("=ODD(0)") == num("1"));
    CHECK(eval("=ODD(-0.5)") == num("-1"));
    // Rounding happens on the 15-digit value: 1+2^-50 is a hair above 1 in binary but 1
    // to 15 digits.
    CHECK(eval("=ODD(1+2^-50)") == num("1"));
    CHECK(eval("=EVEN(2+2^-50)") == num("2"));
    CHECK(eval("=EVEN(\"x\")") == err("#VALUE!"));
}

TEST_CASE("QUOTIENT truncates toward zero", "[integer][QUOTIENT]") {
    // MS QUOTIENT: =QUOTIENT(5,2) is 2, =QUOTIENT(4.5,3.1) is 1, =QUOTIENT(-10,3) is -3.
    CHECK(eval("=QUOTIENT(5,2)") == num("2"));
    CHECK(eval("=QUOTIENT(4.5,3.1)") == num("1"));
    CHECK(eval("=QUOTIENT(-10,3)") == num("-3"));
    CHECK(eval("=QUOTIENT(10,-3)") == num("-3"));
    CHECK(eval("=QUOTIENT(-10,-3)") == num("3"));
    CHECK(eval("=QUOTIENT(0.3,0.1)") == num("3"));
    CHECK(eval("=QUOTIENT(5,0)") == err("#DIV/0!"));
    CHECK(eval("=QUOTIENT(5,)") == err("#DIV/0!"));
    CHECK(eval("=QUOTIENT(\"a\",2)") == err("#VALUE!"));
}

TEST_CASE("The scalar integer functions map over arrays", "[integer]") {
    CHECK(eval("=SUM(FACT({0,1,2,3}))") == num("10"));
    CHECK(eval("=SUM(EVEN({1,2,3}))") == num("8"));
    CHECK(eval("=INDEX(QUOTIENT({7,8,9},{2,0,4}),2)") == err("#DIV/0!"));
}

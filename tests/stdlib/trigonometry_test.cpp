// Specifications of the trigonometry family (stdlib/trigonometry.cpp): Microsoft's
// documented examples for each function, domain errors, ATAN2's argument order and
// Excel's 2^27 limit on SIN/COS/TAN. "MS:" cites the Microsoft support page of the function.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "support/eval.hpp"

namespace {

using folio::testing::cells;
using folio::testing::err;
using folio::testing::num;

constexpr double pi = 3.14159265358979323846;

constexpr auto* eval = &folio::testing::line;


// Evaluates a formula that must give a number and returns it.
double number(std::string_view formula) {
    const folio::value v = folio::testing::evaluate(formula);
    INFO(formula << " gave " << folio::testing::batch_line(v));
    REQUIRE(v.is_number());
    return v.number();
}

}  // namespace

TEST_CASE("SIN, COS and TAN take radians", "[trigonometry][SIN][COS][TAN]") {
    // MS SIN: =SIN(PI()) is 1.22E-16, not 0 (PI() is not exactly pi).
    CHECK(number("=SIN(PI())") == Approx(1.2246467991473532e-16).epsilon(1e-12));
    CHECK(eval("=SIN(PI()/2)") == num("1"));
    CHECK(number("=SIN(30*PI()/180)") == Approx(0.5).epsilon(1e-15));
    CHECK(number("=SIN(RADIANS(30))") == Approx(0.5).epsilon(1e-15));
    // MS COS examples.
    CHECK(number("=COS(1.047)") == Approx(0.5001710745970701).epsilon(1e-14));
    CHECK(number("=COS(60*PI()/180)") == Approx(0.5).epsilon(1e-15));
    CHECK(number("=COS(RADIANS(60))") == Approx(0.5).epsilon(1e-15));
    CHECK(eval("=COS(0)") == num("1"));
    // MS TAN examples.
    CHECK(number("=TAN(0.785)") == Approx(0.9992039901050427).epsilon(1e-14));
    CHECK(number("=TAN(45*PI()/180)") == Approx(1).epsilon(1e-15));
    CHECK(number("=TAN(RADIANS(45))") == Approx(1).epsilon(1e-15));
    // Text and booleans convert as in arithmetic; non-numeric text is #VALUE!.
    CHECK(eval("=SIN(\"0\")") == num("0"));
    CHECK(eval("=COS(FALSE)") == num("1"));
    CHECK(eval("=SIN(\"x\")") == err("#VALUE!"));
    CHECK(eval("=SIN(1/0)") == err("#DIV/0!"));
}

TEST_CASE("SIN, COS and TAN refuse arguments of 2^27 or more", "[trigonometry][SIN][COS][TAN]") {
    // Excel returns #NUM! from 2^27 = 134217728 on (in either sign); just below it works.
    CHECK(eval("=SIN(2^27)") == err("#NUM!"));
    CHECK(eval("=SIN(-2^27)") == err("#NUM!"));
    CHECK(eval("=COS(2^27)") == err("#NUM!"));
    CHECK(eval("=TAN(1E+300)") == err("#NUM!"));
    CHECK(number("=SIN(2^27-1)") == Approx(std::sin(134217727.0)).epsilon(1e-9));
    CHECK(number("=COS(2^27-1)") == Approx(std::cos(134217727.0)).epsilon(1e-9));
}

TEST_CASE("ASIN, ACOS and ATAN return radians; ASIN and ACOS need [-1, 1]", "[trigonometry][ASIN][ACOS][ATAN]") {
    // MS ASIN: =ASIN(-0.5) is -0.523598776 (-pi/6); in degrees -30.
    CHECK(number("=ASIN(-0.5)") == Approx(-pi / 6).epsilon(1e-15));
    CHECK(number("=ASIN(-0.5)*180/PI()") == Approx(-30).epsilon(1e-15));
    CHECK(number("=DEGREES(ASIN(-0.5))") == Approx(-30).epsilon(1e-15));
    // MS ACOS: =ACOS(-0.5) is 2.094395102 (2*pi/3); in degrees 120.
    CHECK(number("=ACOS(-0.5)") == Approx(2 * pi / 3).epsilon(1e-15));
    CHECK(number("=ACOS(-0.5)*180/PI()") == Approx(120).epsilon(1e-15));
    CHECK(number("=DEGREES(ACOS(-0.5))") == Approx(120).epsilon(1e-15));
    // MS ATAN: =ATAN(1) is 0.785398163 (pi/4); in degrees 45.
    CHECK(number("=ATAN(1)") == Approx(pi / 4).epsilon(1e-15));
    CHECK(number("=ATAN(1)*180/PI()") == Approx(45).epsilon(1e-15));
    CHECK(number("=DEGREES(ATAN(1))") == Approx(45).epsilon(1e-15));
    // MS: the number must be from -1 to 1; outside, #NUM!.
    CHECK(eval("=ASIN(1.0001)") == err("#NUM!"));
    CHECK(eval("=ACOS(-2)") == err("#NUM!"));
    CHECK(eval("=ACOS(1)") == num("0"));
    CHECK(number("=ASIN(1)") == Approx(pi / 2).epsilon(1e-15));
    CHECK(number("=ATAN(1E+300)") == Approx(pi / 2).epsilon(1e-15));
}

TEST_CASE("ATAN2 takes x before y and is #DIV/0! at the origin", "[trigonometry][ATAN2]") {
    // MS ATAN2: =ATAN2(1, 1) is 0.785398163; =ATAN2(-1, -1) is -2.35619449 (-3*pi/4).
    CHECK(number("=ATAN2(1,1)") == Approx(pi / 4).epsilon(1e-15));
    CHECK(number("=ATAN2(-1,-1)") == Approx(-3 * pi / 4).epsilon(1e-15));
    CHECK(number("=ATAN2(-1,-1)*180/PI()") == Approx(-135).epsilon(1e-15));
    CHECK(number("=DEGREES(ATAN2(-1,-1))") == Approx(-135).epsilon(1e-15));
    // Excel's order is (x_num, y_num), the reverse of C's atan2(y, x).
    CHECK(number("=ATAN2(1,2)") == Approx(std::atan2(2.0, 1.0)).epsilon(1e-15));
    CHECK(number("=ATAN2(0,1)") == Approx(pi / 2).epsilon(1e-15));
    // The result lies in (-pi, pi]: the negative x-axis is +pi.
    CHECK(number("=ATAN2(-1,0)") == Approx(pi).epsilon(1e-15));
    // MS: if both x_num and y_num are 0, ATAN2 returns #DIV/0!.
    CHECK(eval("=ATAN2(0,0)") == err("#DIV/0!"));
    CHECK(eval("=ATAN2(,)") == err("#DIV/0!"));
    CHECK(eval("=ATAN2(\"a\",1)") == err("#VALUE!"));
}

TEST_CASE("SINH, COSH and TANH", "[trigonometry][SINH][COSH][TANH]") {
    // MS SINH: =2.868*SINH(0.0342*1.03) is 0.1010491.
    CHECK(number("=2.868*SINH(0.0342*1.03)") == Approx(0.1010491).epsilon(1e-6));
    CHECK(number("=SINH(1)") == Approx(1.1752011936438014).epsilon(1e-15));
    // MS COSH: =COSH(4) is 27.308233, =COSH(EXP(1)) is 7.6101251.
    CHECK(number("=COSH(4)") == Approx(27.308232836016487).epsilon(1e-15));
    CHECK(number("=COSH(EXP(1))") == Approx(7.6101251).epsilon(1e-8));
    // MS TANH: =TANH(-2) is -0.96403, =TANH(0) is 0, =TANH(0.5) is 0.462117.
    CHECK(number("=TANH(-2)") == Approx(-0.9640275800758169).epsilon(1e-15));
    CHECK(eval("=TANH(0)") == num("0"));
    CHECK(number("=TANH(0.5)") == Approx(0.46211715726000974).epsilon(1e-15));
    CHECK(eval("=TANH(1000)") == num("1"));
    // Overflow is #NUM!.
    CHECK(eval("=SINH(1000)") == err("#NUM!"));
    CHECK(eval("=COSH(-1000)") == err("#NUM!"));
}

TEST_CASE("DEGREES and RADIANS convert angles", "[trigonometry][DEGREES][RADIANS]") {
    // MS DEGREES: =DEGREES(PI()) is 180. MS RADIANS: =RADIANS(270) is 4.712389 (3*pi/2).
    CHECK(eval("=DEGREES(PI())") == num("180"));
    CHECK(number("=RADIANS(270)") == Approx(3 * pi / 2).epsilon(1e-15));
    CHECK(number("=RADIANS(180)") == Approx(pi).epsilon(1e-15));
    CHECK(eval("=DEGREES(0)") == num("0"));
    CHECK(eval("=RADIANS(\"x\")") == err("#VALUE!"));
}

TEST_CASE("Trigonometric functions map over arrays and ranges", "[trigonometry]") {
    CHECK(eval("=SUM(DEGREES({0,1,2}*PI()))") == num("540"));
    const cells data = {{"Sheet1!A1", "0"}, {"Sheet1!A2", "1"}, {"Sheet1!A3", "abc"}};
    CHECK(folio::testing::batch_line(folio::testing::evaluate_with(data, "=INDEX(COS(A1:A3),1)")) == num("1"));
    CHECK(folio::testing::batch_line(folio::testing::evaluate_with(data, "=INDEX(COS(A1:A3),3)")) ==
          err("#VALUE!"));
}

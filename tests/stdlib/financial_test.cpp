// Specification tests for the financial family: PMT, PV, FV, NPER, RATE, NPV, IRR, XNPV,
// XIRR, SLN and EFFECT. Expected values are Microsoft's documented examples (quoted with
// the rounding the documentation shows, then checked to full precision against the closed
// form) and the edge cases of types, zero rates and non-convergence.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "support/eval.hpp"

namespace {

using folio::testing::batch_line;
using folio::testing::evaluate;
using folio::testing::evaluate_with;
using folio::testing::cells;

using folio::testing::line;

// Evaluates a formula that must give a number and returns it.
double number(std::string_view formula) {
    const folio::value v = evaluate(formula);
    INFO(formula << " gave " << batch_line(v));
    REQUIRE(v.is_number());
    return v.number();
}

// Evaluates a formula over cells that must give a number and returns it.
double number_with(const cells& c, std::string_view formula) {
    const folio::value v = evaluate_with(c, formula);
    INFO(formula << " gave " << batch_line(v));
    REQUIRE(v.is_number());
    return v.number();
}

// The cash flows of Microsoft's IRR example (A2:A7).
const cells irr_example = {
    {"Sheet1!A2", "-70000"}, {"Sheet1!A3", "12000"}, {"Sheet1!A4", "15000"},
    {"Sheet1!A5", "18000"},  {"Sheet1!A6", "21000"}, {"Sheet1!A7", "26000"},
};

// The cash flows and dates of Microsoft's XNPV and XIRR examples (A2:B6).
const cells dated_example = {
    {"Sheet1!A2", "-10000"}, {"Sheet1!B2", "1/1/2008"},   {"Sheet1!A3", "2750"}, {"Sheet1!B3", "3/1/2008"},
    {"Sheet1!A4", "4250"},   {"Sheet1!B4", "10/30/2008"}, {"Sheet1!A5", "3250"}, {"Sheet1!B5", "2/15/2009"},
    {"Sheet1!A6", "2750"},   {"Sheet1!B6", "4/1/2009"},
};

}  // namespace

TEST_CASE("PMT matches Microsoft's examples", "[financial][pmt]") {
    // support.microsoft.com PMT: 8% a year, 10 months, 10,000 → ($1,037.03); due → ($1,030.16).
    CHECK(line("=ROUND(PMT(8%/12,10,10000),2)") == "number\t-1037.03");
    CHECK(number("=PMT(8%/12,10,10000)") == Approx(-1037.0320893591636).epsilon(1e-13));
    CHECK(line("=ROUND(PMT(8%/12,10,10000,0,1),2)") == "number\t-1030.16");
    CHECK(number("=PMT(8%/12,10,10000,,1)") == Approx(-1030.1643271779772).epsilon(1e-13));
    // Saving 50,000 in 18 years at 6%: ($129.08) a month.
    CHECK(line("=ROUND(PMT(6%/12,18*12,0,50000),2)") == "number\t-129.08");
}

TEST_CASE("PMT edge cases", "[financial][pmt]") {
    CHECK(line("=PMT(0,10,1000)") == "number\t-100");
    CHECK(line("=PMT(0,10,1000,500)") == "number\t-150");
    CHECK(line("=PMT(0.1,0,100)") == "error\t#NUM!");
    CHECK(line("=PMT(0,0,100)") == "error\t#NUM!");
    // Any non-zero type means payments at the start of the period.
    CHECK(number("=PMT(8%/12,10,10000,0,2)") == Approx(-1030.1643271779772).epsilon(1e-13));
    CHECK(line("=PMT(\"x\",10,100)") == "error\t#VALUE!");
    CHECK(line("=PMT(\"10%\",1,100)") == "number\t-110");
    CHECK(line("=PMT(0.1,1,100,NA())") == "error\t#N/A");
}

TEST_CASE("PV matches Microsoft's example", "[financial][pv]") {
    // An annuity paying 500 a month for 20 years at 8%: ($59,777.15).
    CHECK(line("=ROUND(PV(0.08/12,12*20,500,,0),2)") == "number\t-59777.15");
    CHECK(number("=PV(0.08/12,12*20,500)") == Approx(-59777.14585118777).epsilon(1e-13));
    CHECK(line("=PV(0,10,-100)") == "number\t1000");
    CHECK(line("=PV(0,10,-100,-500)") == "number\t1500");
    CHECK(number("=PV(10%,2,0,121)") == Approx(-100.0).epsilon(1e-14));
    CHECK(number("=PV(10%,1,-100,0,1)") == Approx(100.0).epsilon(1e-14));
}

TEST_CASE("FV matches Microsoft's examples", "[financial][fv]") {
    CHECK(line("=ROUND(FV(0.06/12,10,-200,-500,1),2)") == "number\t2581.4");
    CHECK(number("=FV(0.06/12,10,-200,-500,1)") == Approx(2581.4033740601362).epsilon(1e-13));
    CHECK(line("=ROUND(FV(0.12/12,12,-1000),2)") == "number\t12682.5");
    CHECK(line("=ROUND(FV(0.11/12,35,-2000,,1),2)") == "number\t82846.25");
    CHECK(line("=FV(0,10,-100,-1000)") == "number\t2000");
    CHECK(line("=FV(0,10,-100)") == "number\t1000");
}

TEST_CASE("NPER matches Microsoft's examples", "[financial][nper]") {
    // Documentation: 59.6738657, 60.0821229 and -9.57859404 (shown rounded).
    CHECK(number("=NPER(0.12/12,-100,-1000,10000,1)") == Approx(59.67386567429462).epsilon(1e-13));
    CHECK(number("=NPER(0.12/12,-100,-1000,10000)") == Approx(60.08212285376172).epsilon(1e-13));
    CHECK(number("=NPER(0.12/12,-100,-1000)") == Approx(-9.57859403981317).epsilon(1e-13));
    CHECK(line("=ROUND(NPER(0.12/12,-100,-1000,10000,1),7)") == "number\t59.6738657");
}

TEST_CASE("NPER edge cases", "[financial][nper]") {
    CHECK(line("=NPER(0,-100,1000)") == "number\t10");
    CHECK(line("=NPER(0,-100,1000,-500)") == "number\t5");
    CHECK(line("=NPER(0,0,1000)") == "error\t#NUM!");
    // A payment smaller than the interest never pays the loan off.
    CHECK(line("=NPER(10%,-100,10000)") == "error\t#NUM!");
    CHECK(line("=NPER(-1,-100,1000)") == "error\t#NUM!");
    CHECK(line("=NPER(10%,-100,0)") == "number\t0");
}

TEST_CASE("RATE converges like Excel's", "[financial][rate]") {
    // Four-year loan of 8,000 paid 200 a month: 1% (0.77%) a month, 9.24% a year.
    CHECK(number("=RATE(4*12,-200,8000)") == Approx(0.007701472488232787).epsilon(1e-12));
    CHECK(line("=ROUND(RATE(4*12,-200,8000)*12,4)") == "number\t0.0924");
    CHECK(number("=RATE(48,-200,8000,0,0,0.01)") == Approx(0.007701472488232787).epsilon(1e-10));
    CHECK(number("=RATE(10,-100,1000)") == Approx(0.0).margin(1e-10));
    // Paid in advance: 100 + 100/1.1 borrowed, repaid 100 now and 100 a period later → 10%.
    CHECK(number("=RATE(2,-100,100+100/1.1,0,1)") == Approx(0.1).epsilon(1e-10));
    // A 30-year mortgage: about 40 Newton steps from 10%, more than the documented 20, yet
    // Excel solves it; so does Folio.
    CHECK(number("=RATE(360,PMT(0.005,360,200000),200000)") == Approx(0.005).epsilon(1e-10));
    CHECK(number("=RATE(360,-1199.1,200000)*12") == Approx(0.06).epsilon(1e-5));
}

TEST_CASE("RATE errors", "[financial][rate]") {
    CHECK(line("=RATE(0,-100,1000)") == "error\t#NUM!");
    CHECK(line("=RATE(-1,-100,1000)") == "error\t#NUM!");
    // No rate turns 100 into 0: the estimates only creep towards -100%.
    CHECK(line("=RATE(10,0,100)") == "error\t#NUM!");
    CHECK(line("=RATE(10,100,100)") == "error\t#NUM!");
    CHECK(line("=RATE(\"a\",100,100)") == "error\t#VALUE!");
}

TEST_CASE("NPV matches Microsoft's examples", "[financial][npv]") {
    CHECK(line("=ROUND(NPV(10%,-10000,3000,4200,6800),2)") == "number\t1188.44");
    CHECK(number("=NPV(10%,-10000,3000,4200,6800)") == Approx(1188.4434123352216).epsilon(1e-13));
    const cells example = {
        {"Sheet1!A1", "8%"},   {"Sheet1!A2", "-40000"}, {"Sheet1!A3", "8000"},  {"Sheet1!A4", "9200"},
        {"Sheet1!A5", "10000"}, {"Sheet1!A6", "12000"}, {"Sheet1!A7", "14500"},
    };
    CHECK(batch_line(evaluate_with(example, "=ROUND(NPV(A1,A3:A7)+A2,2)")) == "number\t1922.06");
    CHECK(number_with(example, "=NPV(A1,A3:A7)+A2") == Approx(1922.061554932363).epsilon(1e-13));
    CHECK(number_with(example, "=NPV(A1,A3:A7,-9000)+A2") == Approx(-3749.4650870155747).epsilon(1e-13));
}

TEST_CASE("NPV counts numbers only inside ranges", "[financial][npv]") {
    // Blank cells, text and booleans in a range are ignored and do not take a period.
    const cells flows = {{"Sheet1!A1", "100"}, {"Sheet1!A2", "x"}, {"Sheet1!A4", "TRUE"}, {"Sheet1!A5", "121"}};
    CHECK(number_with(flows, "=NPV(10%,A1:A5)") == Approx(100 / 1.1 + 121 / 1.21).epsilon(1e-14));
    // Typed directly, numeric text and booleans count (Microsoft's NPV remarks).
    CHECK(number("=NPV(10%,\"110\",TRUE)") == Approx(100 + 1 / 1.21).epsilon(1e-14));
    const cells with_error = {{"Sheet1!A1", "100"}, {"Sheet1!A2", "=1/0"}};
    CHECK(batch_line(evaluate_with(with_error, "=NPV(10%,A1:A2)")) == "error\t#DIV/0!");
    // Microsoft: typed text that is not a number is ignored.
    CHECK(number("=NPV(10%,\"x\",110)") == Approx(100.0).epsilon(1e-14));
    CHECK(number("=NPV(10%,,121)") == Approx(100.0).epsilon(1e-14));
    CHECK(line("=NPV(-1,100)") == "error\t#DIV/0!");
    CHECK(line("=NPV(0,{1,2,3})") == "number\t6");
}

TEST_CASE("IRR matches Microsoft's examples", "[financial][irr]") {
    // Documentation: -2.1%, 8.7% and -44.4%.
    CHECK(number_with(irr_example, "=IRR(A2:A6)") == Approx(-0.02124484827341096).epsilon(1e-9));
    CHECK(number_with(irr_example, "=IRR(A2:A7)") == Approx(0.08663094803653162).epsilon(1e-9));
    CHECK(number_with(irr_example, "=IRR(A2:A4,-10%)") == Approx(-0.44350694133474067).epsilon(1e-9));
    CHECK(batch_line(evaluate_with(irr_example, "=ROUND(IRR(A2:A7),3)")) == "number\t0.087");
    CHECK(number("=IRR({-100,110})") == Approx(0.1).epsilon(1e-12));
}

TEST_CASE("IRR errors and skipped cells", "[financial][irr]") {
    CHECK(line("=IRR({100,200})") == "error\t#NUM!");
    CHECK(line("=IRR({-100,-200})") == "error\t#NUM!");
    CHECK(line("=IRR(5)") == "error\t#NUM!");
    const cells gaps = {{"Sheet1!A1", "-100"}, {"Sheet1!A2", "note"}, {"Sheet1!A4", "121"}};
    // Text and blanks are skipped: -100 now, 121 one period later.
    CHECK(number_with(gaps, "=IRR(A1:A4)") == Approx(0.21).epsilon(1e-12));
    const cells with_error = {{"Sheet1!A1", "-100"}, {"Sheet1!A2", "#N/A"}, {"Sheet1!A3", "121"}};
    CHECK(batch_line(evaluate_with(with_error, "=IRR(A1:A3)")) == "error\t#N/A");
}

TEST_CASE("XNPV matches Microsoft's example", "[financial][xnpv]") {
    // 9% over the example's five dated flows: 2,086.65.
    CHECK(number_with(dated_example, "=XNPV(0.09,A2:A6,B2:B6)") == Approx(2086.647602031535).epsilon(1e-13));
    CHECK(batch_line(evaluate_with(dated_example, "=ROUND(XNPV(0.09,A2:A6,B2:B6),2)")) == "number\t2086.65");
    CHECK(number("=XNPV(0.09,{-10000,2750,4250,3250,2750},{39448,39508,39751,39859,39904})") ==
          Approx(2086.647602031535).epsilon(1e-13));
    // Dates are truncated to whole days.
    CHECK(number("=XNPV(0.09,{-10000,2750,4250,3250,2750},{39448.9,39508.5,39751,39859,39904.99})") ==
          Approx(2086.647602031535).epsilon(1e-13));
    CHECK(number("=XNPV(10%,{-100,110},{0,365})") == Approx(0.0).margin(1e-12));
}

TEST_CASE("XNPV errors", "[financial][xnpv]") {
    // Microsoft: a date before the first is #NUM!, as are different counts of values and dates.
    CHECK(line("=XNPV(0.1,{-100,110},{39448,39447})") == "error\t#NUM!");
    CHECK(line("=XNPV(0.1,{-100,110,5},{39448,39449})") == "error\t#NUM!");
    CHECK(line("=XNPV(0.1,{-100,110},{39448,\"x\"})") == "error\t#VALUE!");
    CHECK(line("=XNPV(0.1,{-100,110},{-1,5})") == "error\t#NUM!");
    CHECK(line("=XNPV(-1,{-100,110},{1,5})") == "error\t#NUM!");
    // Later dates need not be in order, only not before the first.
    CHECK(number("=XNPV(0,{-100,50,60},{10,30,20})") == Approx(10.0).epsilon(1e-14));
}

TEST_CASE("XIRR matches Microsoft's example", "[financial][xirr]") {
    // Documentation: 0.373362535 (37.34%); Excel promises 0.000001 percent.
    CHECK(number_with(dated_example, "=XIRR(A2:A6,B2:B6)") == Approx(0.373362535).margin(1e-8));
    CHECK(number_with(dated_example, "=XIRR(A2:A6,B2:B6,0.5)") == Approx(0.373362535).margin(1e-8));
    CHECK(number("=XIRR({-100,110},{0,365})") == Approx(0.1).epsilon(1e-12));
}

TEST_CASE("XIRR errors", "[financial][xirr]") {
    CHECK(line("=XIRR({100,110},{39448,39500})") == "error\t#NUM!");
    CHECK(line("=XIRR({-100,110},{39448,39400})") == "error\t#NUM!");
    CHECK(line("=XIRR({-100,110,1},{39448,39500})") == "error\t#NUM!");
    CHECK(line("=XIRR({-100,110},{39448,TRUE})") == "error\t#VALUE!");
    CHECK(line("=XIRR({-100,110},{39448,39500},-1)") == "error\t#NUM!");
}

TEST_CASE("SLN and EFFECT", "[financial][sln][effect]") {
    CHECK(line("=SLN(30000,7500,10)") == "number\t2250");
    CHECK(line("=SLN(1000,100,0)") == "error\t#DIV/0!");
    CHECK(line("=SLN(\"a\",1,1)") == "error\t#VALUE!");
    // EFFECT(5.25%, 4) = 0.0535427 (5.3543%); npery is truncated.
    CHECK(number("=EFFECT(0.0525,4)") == Approx(0.05354266737075819).epsilon(1e-13));
    CHECK(number("=EFFECT(0.0525,4.9)") == Approx(0.05354266737075819).epsilon(1e-13));
    CHECK(line("=ROUND(EFFECT(0.0525,4),6)") == "number\t0.053543");
    CHECK(line("=EFFECT(0.0525,0.9)") == "error\t#NUM!");
    CHECK(line("=EFFECT(0,4)") == "error\t#NUM!");
    CHECK(line("=EFFECT(-0.05,4)") == "error\t#NUM!");
    CHECK(number("=EFFECT(0.1,1)") == Approx(0.1).epsilon(1e-14));
}

TEST_CASE("financial functions lift over arrays", "[financial]") {
    CHECK(line("=INDEX(PMT({0,0},{10,5},1000),1,2)") == "number\t-200");
    CHECK(line("=INDEX(SLN(100,0,{1,2,4}),1,3)") == "number\t25");
}

TEST_CASE("IPMT and PPMT match Microsoft's examples", "[financial][ipmt][ppmt]") {
    // IPMT: -66.67 for the first month and -292.45 for the last year of an 8,000 loan.
    CHECK(number("=IPMT(0.1/12,1,3*12,8000)") == Approx(-66.66666666666667).epsilon(1e-13));
    CHECK(number("=IPMT(0.1,3,3,8000)") == Approx(-292.4471299093658).epsilon(1e-13));
    // PPMT: -75.62 and -27,598.05.
    CHECK(number("=PPMT(0.1/12,1,2*12,2000)") == Approx(-75.62318600836664).epsilon(1e-13));
    CHECK(number("=PPMT(0.08,10,10,200000)") == Approx(-27598.053462421365).epsilon(1e-13));
    // Paid in advance, the first payment holds no interest.
    CHECK(line("=IPMT(1%,1,12,1000,0,1)") == "number\t0");
    // The principal parts repay the loan; interest + principal = payment.
    CHECK(number("=SUMPRODUCT(PPMT(1%,ROW(1:12),12,1000))") == Approx(-1000.0).epsilon(1e-12));
    CHECK(number("=IPMT(1%,5,12,1000)+PPMT(1%,5,12,1000)-PMT(1%,12,1000)") == Approx(0.0).margin(1e-12));
    CHECK(line("=IPMT(1%,0,12,1000)") == "error\t#NUM!");
    CHECK(line("=PPMT(1%,13,12,1000)") == "error\t#NUM!");
}

TEST_CASE("NOMINAL, SYD and DDB", "[financial][nominal][syd][ddb]") {
    CHECK(number("=NOMINAL(0.053543,4)") == Approx(0.052500319868356016).epsilon(1e-13));
    CHECK(number("=NOMINAL(EFFECT(0.07,12),12.5)") == Approx(0.07).epsilon(1e-13));
    CHECK(line("=NOMINAL(0,4)") == "error\t#NUM!");
    CHECK(line("=NOMINAL(0.05,0.5)") == "error\t#NUM!");
    // SYD: 4,090.91 the first year, 409.09 the tenth.
    CHECK(number("=SYD(30000,7500,10,1)") == Approx(4090.909090909091).epsilon(1e-14));
    CHECK(number("=SYD(30000,7500,10,10)") == Approx(409.09090909090907).epsilon(1e-14));
    CHECK(line("=SYD(30000,7500,10,11)") == "error\t#NUM!");
    CHECK(line("=SYD(30000,7500,0,1)") == "error\t#NUM!");
    // DDB: 1.32 (first day), 40.00 (first month), 480.00 (first year), 306.00 (second year at
    // factor 1.5) and 22.12 (tenth year, stopping at the salvage value).
    CHECK(number("=DDB(2400,300,10*365,1)") == Approx(1.3150684931506476).epsilon(1e-12));
    CHECK(line("=DDB(2400,300,10*12,1,2)") == "number\t40");
    CHECK(line("=DDB(2400,300,10,1,2)") == "number\t480");
    CHECK(line("=ROUND(DDB(2400,300,10,2,1.5),2)") == "number\t306");
    CHECK(line("=ROUND(DDB(2400,300,10,10),2)") == "number\t22.12");
    CHECK(line("=DDB(2400,300,10,11)") == "error\t#NUM!");
    CHECK(line("=DDB(2400,300,10,1,0)") == "error\t#NUM!");
    CHECK(line("=DDB(-1,0,10,1)") == "error\t#NUM!");
}

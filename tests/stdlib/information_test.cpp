// Specification tests for the information family: the IS* tests, N, T, TYPE,
// ERROR.TYPE and NA. They pin down that the tests never convert (ISNUMBER("1") is
// FALSE), that only an empty cell is blank, that the tests see errors, and that they
// map over ranges and arrays.
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

using folio::testing::line_with;

// B1 5, B2 "x", B3 blank, B4 TRUE, B5 #DIV/0!, B6 #N/A, B7 a formula giving "".
const cells sample = {
    {"Sheet1!B1", "5"},    {"Sheet1!B2", "x"},     {"Sheet1!B4", "TRUE"},
    {"Sheet1!B5", "=1/0"}, {"Sheet1!B6", "=NA()"}, {"Sheet1!B7", "=\"\""},
};

}  // namespace

TEST_CASE("ISBLANK is TRUE only for an empty cell", "[information][isblank]") {
    CHECK(line_with(sample, "=ISBLANK(B3)") == "bool\tTRUE");
    CHECK(line_with(sample, "=ISBLANK(B1)") == "bool\tFALSE");
    // A formula that gives "" is not blank, and neither is "" itself.
    CHECK(line_with(sample, "=ISBLANK(B7)") == "bool\tFALSE");
    CHECK(line("=ISBLANK(\"\")") == "bool\tFALSE");
    CHECK(line("=ISBLANK(0)") == "bool\tFALSE");
    CHECK(line_with(sample, "=ISBLANK(Z999)") == "bool\tTRUE");
    CHECK(line_with(sample, "=SUM(ISBLANK(B1:B7)*1)") == "number\t1");
}

TEST_CASE("ISNUMBER, ISTEXT, ISNONTEXT and ISLOGICAL never convert", "[information][istype]") {
    CHECK(line("=ISNUMBER(5)") == "bool\tTRUE");
    CHECK(line("=ISNUMBER(\"5\")") == "bool\tFALSE");
    CHECK(line("=ISNUMBER(1/0)") == "bool\tFALSE");
    CHECK(line_with(sample, "=ISNUMBER(B3)") == "bool\tFALSE");
    CHECK(line("=ISTEXT(\"\")") == "bool\tTRUE");
    CHECK(line("=ISTEXT(5)") == "bool\tFALSE");
    CHECK(line_with(sample, "=ISTEXT(B7)") == "bool\tTRUE");
    CHECK(line_with(sample, "=ISNONTEXT(B3)") == "bool\tTRUE");  // blank cells are not text
    CHECK(line("=ISNONTEXT(1/0)") == "bool\tTRUE");
    CHECK(line("=ISNONTEXT(\"a\")") == "bool\tFALSE");
    CHECK(line("=ISLOGICAL(1>0)") == "bool\tTRUE");
    CHECK(line("=ISLOGICAL(\"TRUE\")") == "bool\tFALSE");
    CHECK(line("=ISLOGICAL(1)") == "bool\tFALSE");
    CHECK(line_with(sample, "=SUM(ISNUMBER(B1:B7)*1)") == "number\t1");
    CHECK(line("=INDEX(ISTEXT({1,\"a\"}),1,2)") == "bool\tTRUE");
}

TEST_CASE("ISERROR, ISERR and ISNA", "[information][iserror]") {
    CHECK(line("=ISERROR(1/0)") == "bool\tTRUE");
    CHECK(line("=ISERROR(NA())") == "bool\tTRUE");
    CHECK(line("=ISERROR(\"#N/A\")") == "bool\tFALSE");
    CHECK(line("=ISERR(1/0)") == "bool\tTRUE");
    CHECK(line("=ISERR(NA())") == "bool\tFALSE");  // ISERR is every error but #N/A
    CHECK(line("=ISNA(NA())") == "bool\tTRUE");
    CHECK(line("=ISNA(#REF!)") == "bool\tFALSE");
    CHECK(line_with(sample, "=ISNA(B6)") == "bool\tTRUE");
    CHECK(line_with(sample, "=SUM(ISERROR(B1:B7)*1)") == "number\t2");
    CHECK(line_with(sample, "=SUM(ISERR(B1:B7)*1)") == "number\t1");
}

TEST_CASE("ISREF needs a reference", "[information][isref]") {
    CHECK(line_with(sample, "=ISREF(B1)") == "bool\tTRUE");
    CHECK(line_with(sample, "=ISREF(B1:B7)") == "bool\tTRUE");  // one answer for a range
    CHECK(line("=ISREF(5)") == "bool\tFALSE");
    CHECK(line("=ISREF(\"B1\")") == "bool\tFALSE");
    CHECK(line("=ISREF(1/0)") == "bool\tFALSE");
}

TEST_CASE("ISEVEN and ISODD truncate", "[information][iseven]") {
    CHECK(line("=ISEVEN(2)") == "bool\tTRUE");
    CHECK(line("=ISEVEN(2.5)") == "bool\tTRUE");
    CHECK(line("=ISEVEN(-3.5)") == "bool\tFALSE");
    CHECK(line("=ISEVEN(0)") == "bool\tTRUE");
    CHECK(line("=ISODD(-1)") == "bool\tTRUE");
    CHECK(line("=ISODD(1.9)") == "bool\tTRUE");
    CHECK(line("=ISODD(\"3\")") == "bool\tTRUE");
    // support.microsoft.com ISEVEN: a nonnumeric value is #VALUE!.
    CHECK(line("=ISEVEN(\"x\")") == "error\t#VALUE!");
    CHECK(line("=ISEVEN(1/0)") == "error\t#DIV/0!");
    CHECK(line_with(sample, "=ISEVEN(B3)") == "bool\tTRUE");  // a blank cell is 0
    CHECK(line("=INDEX(ISODD({1,2,3}),1,2)") == "bool\tFALSE");
}

TEST_CASE("N and T", "[information][n]") {
    CHECK(line("=N(5)") == "number\t5");
    CHECK(line("=N(TRUE)") == "number\t1");
    CHECK(line("=N(\"5\")") == "number\t0");  // N converts no text
    CHECK(line("=N(1/0)") == "error\t#DIV/0!");
    CHECK(line_with(sample, "=N(B3)") == "number\t0");
    CHECK(line_with(sample, "=N(B5)") == "error\t#DIV/0!");
    CHECK(line("=T(\"abc\")") == "text\tabc");
    CHECK(line("=T(5)") == "text\t");
    CHECK(line("=T(TRUE)") == "text\t");
    CHECK(line("=T(NA())") == "error\t#N/A");
    CHECK(line_with(sample, "=T(B2)") == "text\tx");
}

TEST_CASE("TYPE", "[information][type]") {
    // support.microsoft.com TYPE: number 1, text 2, logical 4, error 16, array 64.
    CHECK(line("=TYPE(5)") == "number\t1");
    CHECK(line("=TYPE(\"abc\")") == "number\t2");
    CHECK(line("=TYPE(TRUE)") == "number\t4");
    CHECK(line("=TYPE(1/0)") == "number\t16");
    CHECK(line("=TYPE({1,2})") == "number\t64");
    CHECK(line_with(sample, "=TYPE(B3)") == "number\t1");  // a blank cell is a number
    CHECK(line_with(sample, "=TYPE(B2)") == "number\t2");
    CHECK(line_with(sample, "=TYPE(B6)") == "number\t16");
}

TEST_CASE("ERROR.TYPE and NA", "[information][errortype]") {
    // support.microsoft.com ERROR.TYPE: #NULL! 1 ... #N/A 7, #N/A for a value that is no error.
    CHECK(line("=ERROR.TYPE(#NULL!)") == "number\t1");
    CHECK(line("=ERROR.TYPE(1/0)") == "number\t2");
    CHECK(line("=ERROR.TYPE(\"x\"+1)") == "number\t3");
    CHECK(line("=ERROR.TYPE(#REF!)") == "number\t4");
    CHECK(line("=ERROR.TYPE(#NAME?)") == "number\t5");
    CHECK(line("=ERROR.TYPE(#NUM!)") == "number\t6");
    CHECK(line("=ERROR.TYPE(NA())") == "number\t7");
    CHECK(line("=ERROR.TYPE(5)") == "error\t#N/A");
    CHECK(line("=ERROR.TYPE(\"#N/A\")") == "error\t#N/A");
    CHECK(line("=NA()") == "error\t#N/A");
    CHECK(line("=ISNA(NA())") == "bool\tTRUE");
}

// Specification tests for the logical family: IF, IFS, IFERROR, IFNA, CHOOSE, SWITCH,
// AND, OR, XOR, NOT, TRUE and FALSE. They pin down laziness (the branch not taken is
// never evaluated), omitted arguments, element-wise evaluation over arrays, and which
// values AND / OR / XOR count directly and inside ranges.
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

// B1:B4 hold 5, "x", (blank), TRUE; C1 holds #DIV/0!; D1:D3 hold TRUE, FALSE, 0.
const cells sample = {
    {"Sheet1!B1", "5"},    {"Sheet1!B2", "x"},     {"Sheet1!B4", "TRUE"}, {"Sheet1!C1", "=1/0"},
    {"Sheet1!D1", "TRUE"}, {"Sheet1!D2", "FALSE"}, {"Sheet1!D3", "0"},
};

}  // namespace

TEST_CASE("IF picks a branch and evaluates only that one", "[logic][if]") {
    CHECK(line("=IF(2>1,\"yes\",\"no\")") == "text\tyes");
    CHECK(line("=IF(0,\"yes\",\"no\")") == "text\tno");
    CHECK(line("=IF(-0.5,\"yes\",\"no\")") == "text\tyes");
    CHECK(line("=IF(TRUE,1,1/0)") == "number\t1");
    CHECK(line("=IF(FALSE,NA(),2)") == "number\t2");
    CHECK(line("=IF(TRUE,NA(),2)") == "error\t#N/A");
    // Text conditions: "TRUE"/"FALSE" convert, other text is #VALUE!.
    CHECK(line("=IF(\"true\",1,2)") == "number\t1");
    CHECK(line("=IF(\"abc\",1,2)") == "error\t#VALUE!");
    CHECK(line("=IF(1/0,1,2)") == "error\t#DIV/0!");
}

TEST_CASE("IF's omitted branches", "[logic][if]") {
    // support.microsoft.com IF: a missing value_if_false gives FALSE; an empty one gives 0.
    CHECK(line("=IF(FALSE,1)") == "bool\tFALSE");
    CHECK(line("=IF(FALSE,1,)") == "number\t0");
    CHECK(line("=IF(TRUE,)") == "number\t0");
    CHECK(line("=IF(TRUE,,1)") == "number\t0");
    CHECK(line("=IF(FALSE,1,\"\")") == "text\t");
}

TEST_CASE("IF over cells: blank conditions, blank results, references", "[logic][if]") {
    CHECK(line_with(sample, "=IF(B3,\"t\",\"f\")") == "text\tf");  // a blank cell is FALSE
    CHECK(line_with(sample, "=IF(B4,\"t\",\"f\")") == "text\tt");
    CHECK(line_with(sample, "=IF(C1,1,2)") == "error\t#DIV/0!");
    CHECK(line_with(sample, "=IF(TRUE,B3)") == "number\t0");  // a formula never returns blank
    // IF returns references: SUM sees the range, not a value.
    CHECK(line_with(sample, "=SUM(IF(TRUE,D1:D3,B1))") == "number\t0");
    CHECK(line_with(sample, "=SUM(IF(FALSE,D1:D3,B1:B4))") == "number\t5");
}

TEST_CASE("IF with an array condition maps element-wise", "[logic][if][array]") {
    CHECK(line("=INDEX(IF({TRUE,FALSE,TRUE},\"a\",\"b\"),1,2)") == "text\tb");
    CHECK(line("=SUM(IF({1,0,1},10,1))") == "number\t21");
    CHECK(line("=INDEX(IF({TRUE,FALSE},{1,2},{3,4}),1,2)") == "number\t4");
    // Both branches are evaluated; an error stays in the elements that take it.
    CHECK(line("=INDEX(IF({TRUE,FALSE},1/0,2),1,2)") == "number\t2");
    CHECK(line("=INDEX(IF({TRUE,FALSE},1/0,2),1,1)") == "error\t#DIV/0!");
    // Sizes that do not match give #N/A where the shorter operand runs out.
    CHECK(line("=INDEX(IF({TRUE,TRUE,TRUE},{1,2}),1,3)") == "error\t#N/A");
    // A missing else-branch gives FALSE element-wise.
    CHECK(line("=INDEX(IF({TRUE,FALSE},1),1,2)") == "bool\tFALSE");
    CHECK(line("=INDEX(IF({TRUE,\"x\"},1,2),1,2)") == "error\t#VALUE!");
    CHECK(line_with(sample, "=SUM(IF(D1:D3,1,100))") == "number\t201");
}

TEST_CASE("IFS returns the value of the first true condition", "[logic][ifs]") {
    CHECK(line("=IFS(1>2,\"a\",2>1,\"b\")") == "text\tb");
    CHECK(line("=IFS(FALSE,1,TRUE,2,TRUE,3)") == "number\t2");
    // support.microsoft.com IFS: no TRUE condition gives #N/A.
    CHECK(line("=IFS(FALSE,1,0,2)") == "error\t#N/A");
    CHECK(line("=IFS(TRUE,1,1/0,2)") == "number\t1");  // later conditions are not evaluated
    CHECK(line("=IFS(1/0,1,TRUE,2)") == "error\t#DIV/0!");
    CHECK(line("=IFS(\"x\",1)") == "error\t#VALUE!");
    CHECK(line("=IFS(FALSE,1/0,TRUE,\"ok\")") == "text\tok");
    CHECK(line("=INDEX(IFS({TRUE,FALSE},\"a\",TRUE,\"b\"),1,2)") == "text\tb");
    CHECK(line("=INDEX(IFS({FALSE,FALSE},\"a\"),1,1)") == "error\t#N/A");
}

TEST_CASE("IFERROR and IFNA replace errors", "[logic][iferror]") {
    CHECK(line("=IFERROR(1/0,\"err\")") == "text\terr");
    CHECK(line("=IFERROR(NA(),0)") == "number\t0");
    CHECK(line("=IFERROR(5,1/0)") == "number\t5");  // the fallback is not evaluated
    CHECK(line("=IFERROR(\"\",1)") == "text\t");
    CHECK(line("=IFERROR(1/0,)") == "number\t0");
    CHECK(line("=IFERROR(1/0,1/0)") == "error\t#DIV/0!");
    CHECK(line("=IFNA(NA(),\"n\")") == "text\tn");
    CHECK(line("=IFNA(1/0,\"n\")") == "error\t#DIV/0!");
    CHECK(line("=IFNA(5,\"n\")") == "number\t5");
    CHECK(line_with(sample, "=IFERROR(C1,-1)") == "number\t-1");
    CHECK(line_with(sample, "=IFERROR(B3,-1)") == "number\t0");  // a blank cell shows 0
}

TEST_CASE("IFERROR and IFNA map over arrays and ranges", "[logic][iferror][array]") {
    CHECK(line("=SUM(IFERROR({1,#DIV/0!,3},10))") == "number\t14");
    CHECK(line("=INDEX(IFNA({1,#N/A,#NUM!},0),1,2)") == "number\t0");
    CHECK(line("=INDEX(IFNA({1,#N/A,#NUM!},0),1,3)") == "error\t#NUM!");
    CHECK(line_with(sample, "=SUM(IFERROR(B1:C1,100))") == "number\t105");
}

TEST_CASE("CHOOSE picks by a truncated 1-based index", "[logic][choose]") {
    CHECK(line("=CHOOSE(2,\"a\",\"b\",\"c\")") == "text\tb");
    CHECK(line("=CHOOSE(1.9,\"a\",\"b\")") == "text\ta");
    CHECK(line("=CHOOSE(\"2\",\"a\",\"b\")") == "text\tb");
    CHECK(line("=CHOOSE(TRUE,\"a\",\"b\")") == "text\ta");
    CHECK(line("=CHOOSE(2,1/0,5)") == "number\t5");  // other values are not evaluated
    CHECK(line("=CHOOSE(1,1/0,5)") == "error\t#DIV/0!");
    // support.microsoft.com CHOOSE: an index below 1 or above the count is #VALUE!.
    CHECK(line("=CHOOSE(0,\"a\",\"b\")") == "error\t#VALUE!");
    CHECK(line("=CHOOSE(3,\"a\",\"b\")") == "error\t#VALUE!");
    CHECK(line("=CHOOSE(\"x\",\"a\",\"b\")") == "error\t#VALUE!");
    CHECK(line("=CHOOSE(2,1,)") == "number\t0");
    // CHOOSE returns references.
    CHECK(line_with(sample, "=SUM(CHOOSE(2,B1:B4,D1:D3))") == "number\t0");
    CHECK(line_with(sample, "=SUM(CHOOSE(1,B1:B4,D1:D3))") == "number\t5");
    CHECK(line("=INDEX(CHOOSE({1,2},\"a\",\"b\"),1,2)") == "text\tb");
}

TEST_CASE("SWITCH compares with Excel's equality and falls back to a default", "[logic][switch]") {
    CHECK(line("=SWITCH(2,1,\"one\",2,\"two\",\"other\")") == "text\ttwo");
    CHECK(line("=SWITCH(3,1,\"one\",2,\"two\",\"other\")") == "text\tother");
    CHECK(line("=SWITCH(3,1,\"one\",2,\"two\")") == "error\t#N/A");
    CHECK(line("=SWITCH(\"B\",\"a\",1,\"b\",2)") == "number\t2");  // case-insensitive
    // No conversion between types: the number 1 does not equal the text "1".
    CHECK(line("=SWITCH(1,\"1\",\"text\",\"number\")") == "text\tnumber");
    CHECK(line("=SWITCH(1/0,1,\"a\",\"b\")") == "error\t#DIV/0!");
    CHECK(line("=SWITCH(1,1,\"a\",1/0,\"b\")") == "text\ta");  // later values are not evaluated
    CHECK(line("=SWITCH(2,1/0,\"a\",2,\"b\")") == "error\t#DIV/0!");
    CHECK(line_with(sample, "=SWITCH(B3,\"\",\"empty\",\"other\")") == "text\tempty");
    CHECK(line("=INDEX(SWITCH({1,2,3},1,\"a\",2,\"b\",\"c\"),1,3)") == "text\tc");
}

TEST_CASE("AND, OR and XOR count logical values", "[logic][and]") {
    CHECK(line("=AND(TRUE,TRUE)") == "bool\tTRUE");
    CHECK(line("=AND(TRUE,FALSE)") == "bool\tFALSE");
    CHECK(line("=AND(1,2)") == "bool\tTRUE");
    CHECK(line("=OR(0,0,1)") == "bool\tTRUE");
    CHECK(line("=XOR(TRUE,TRUE)") == "bool\tFALSE");
    CHECK(line("=XOR(1,1,1)") == "bool\tTRUE");
    // Direct text converts when it reads as a boolean, else it is #VALUE!.
    CHECK(line("=AND(\"TRUE\",1)") == "bool\tTRUE");
    CHECK(line("=OR(\"x\",TRUE)") == "error\t#VALUE!");
    // An omitted argument counts as FALSE.
    CHECK(line("=AND(TRUE,)") == "bool\tFALSE");
    CHECK(line("=AND(FALSE,1/0)") == "error\t#DIV/0!");
}

TEST_CASE("AND, OR and XOR skip text and blanks in ranges and arrays", "[logic][and]") {
    CHECK(line_with(sample, "=AND(B1:B4)") == "bool\tTRUE");  // 5, TRUE; "x" and the blank skipped
    CHECK(line_with(sample, "=OR(D1:D3)") == "bool\tTRUE");
    CHECK(line_with(sample, "=XOR(D1:D3)") == "bool\tTRUE");
    CHECK(line("=AND({1,\"x\",TRUE})") == "bool\tTRUE");
    // support.microsoft.com AND: a range without logical values is #VALUE!.
    CHECK(line_with(sample, "=AND(B2:B3)") == "error\t#VALUE!");
    CHECK(line_with(sample, "=OR(B3)") == "error\t#VALUE!");
    CHECK(line_with(sample, "=OR(B1:C1)") == "error\t#DIV/0!");
    CHECK(line_with(sample, "=AND(B2:B3,TRUE)") == "bool\tTRUE");
}

TEST_CASE("NOT, TRUE and FALSE", "[logic][not]") {
    CHECK(line("=NOT(FALSE)") == "bool\tTRUE");
    CHECK(line("=NOT(5)") == "bool\tFALSE");
    CHECK(line("=NOT(\"FALSE\")") == "bool\tTRUE");
    CHECK(line("=NOT(\"x\")") == "error\t#VALUE!");
    CHECK(line_with(sample, "=NOT(B3)") == "bool\tTRUE");
    CHECK(line("=INDEX(NOT({TRUE,0}),1,2)") == "bool\tTRUE");
    CHECK(line("=TRUE()") == "bool\tTRUE");
    CHECK(line("=FALSE()") == "bool\tFALSE");
}

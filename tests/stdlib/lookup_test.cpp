// Specification tests for the lookup and reference family: VLOOKUP, HLOOKUP, LOOKUP,
// MATCH, XMATCH, XLOOKUP, INDEX, OFFSET, INDIRECT, ROW, ROWS, COLUMN and COLUMNS.
// They pin down exact versus approximate matching (binary search, last of equal
// items), wildcards, type strictness, index errors (#VALUE! below 1, #REF! past the
// end), the references INDEX / OFFSET / XLOOKUP return, and element-wise calls.
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

// B1:D5: id, name, score. F1:G5: a sorted grade table. E is empty.
// K1:K3 hold "x", (blank), "z" and L1:L3 1, 2, 3.
const cells table = {
    {"Sheet1!B1", "101"}, {"Sheet1!C1", "Alice"}, {"Sheet1!D1", "88"},
    {"Sheet1!B2", "102"}, {"Sheet1!C2", "Bob"},   {"Sheet1!D2", "92"},
    {"Sheet1!B3", "103"}, {"Sheet1!C3", "Carol"}, {"Sheet1!D3", "75"},
    {"Sheet1!B4", "104"}, {"Sheet1!C4", "Dave"},  {"Sheet1!D4", "92"},
    {"Sheet1!B5", "105"}, {"Sheet1!C5", "Eve"},   {"Sheet1!D5", "60"},
    {"Sheet1!F1", "0"},   {"Sheet1!G1", "F"},     {"Sheet1!F2", "60"}, {"Sheet1!G2", "D"},
    {"Sheet1!F3", "70"},  {"Sheet1!G3", "C"},     {"Sheet1!F4", "80"}, {"Sheet1!G4", "B"},
    {"Sheet1!F5", "90"},  {"Sheet1!G5", "A"},
    {"Sheet1!K1", "x"},   {"Sheet1!K3", "z"},     {"Sheet1!L1", "1"},  {"Sheet1!L2", "2"}, {"Sheet1!L3", "3"},
};

std::string line(std::string_view formula) { return batch_line(evaluate_with(table, formula)); }
std::string shown(std::string_view formula) { return folio::describe(evaluate_with(table, formula)); }

}  // namespace

TEST_CASE("VLOOKUP exact match", "[lookup][vlookup]") {
    CHECK(line("=VLOOKUP(103,B1:D5,2,FALSE)") == "text\tCarol");
    CHECK(line("=VLOOKUP(103,B1:D5,3,0)") == "number\t75");
    CHECK(line("=VLOOKUP(106,B1:D5,2,FALSE)") == "error\t#N/A");
    CHECK(line("=VLOOKUP(\"bob\",C1:D5,2,FALSE)") == "number\t92");  // case-insensitive
    CHECK(line("=VLOOKUP(\"103\",B1:D5,2,FALSE)") == "error\t#N/A");  // text is not the number
    CHECK(line("=VLOOKUP(103,B1:D5,2,)") == "text\tCarol");  // an empty range_lookup is FALSE
    CHECK(line("=VLOOKUP(2,{1,\"a\";2,\"b\"},2,FALSE)") == "text\tb");
    CHECK(line("=VLOOKUP(101,B1:E5,4,FALSE)") == "number\t0");  // a blank cell comes back as 0
}

TEST_CASE("VLOOKUP wildcards in exact mode", "[lookup][vlookup]") {
    CHECK(line("=VLOOKUP(\"c*\",C1:D5,2,FALSE)") == "number\t75");
    CHECK(line("=VLOOKUP(\"?ve\",C1:D5,2,FALSE)") == "number\t60");
    CHECK(line("=VLOOKUP(\"*o*\",C1:D5,2,FALSE)") == "number\t92");  // first: Bob
    CHECK(line("=VLOOKUP(\"z*\",C1:D5,2,FALSE)") == "error\t#N/A");
}

TEST_CASE("VLOOKUP approximate match on sorted data", "[lookup][vlookup]") {
    CHECK(line("=VLOOKUP(85,F1:G5,2)") == "text\tB");
    CHECK(line("=VLOOKUP(85,F1:G5,2,TRUE)") == "text\tB");
    CHECK(line("=VLOOKUP(60,F1:G5,2)") == "text\tD");
    CHECK(line("=VLOOKUP(100,F1:G5,2)") == "text\tA");
    CHECK(line("=VLOOKUP(-1,F1:G5,2)") == "error\t#N/A");
    // Binary search: among equal items the last is found.
    CHECK(line("=VLOOKUP(2,{1,\"a\";2,\"b\";2,\"c\";3,\"d\"},2,TRUE)") == "text\tc");
    CHECK(line("=VLOOKUP(\"b\",{1,\"n\";\"a\",\"x\";\"c\",\"y\"},2)") == "text\tx");
    CHECK(line("=VLOOKUP(\"0\",{1,\"n\";2,\"m\"},2)") == "error\t#N/A");  // no text ≤ "0"
}

TEST_CASE("VLOOKUP and HLOOKUP index errors", "[lookup][vlookup]") {
    CHECK(line("=VLOOKUP(103,B1:D5,0,FALSE)") == "error\t#VALUE!");
    CHECK(line("=VLOOKUP(103,B1:D5,4,FALSE)") == "error\t#REF!");
    CHECK(line("=VLOOKUP(103,B1:D5,2.9,FALSE)") == "text\tCarol");  // truncated
    CHECK(line("=VLOOKUP(103,B1:D5,\"x\",FALSE)") == "error\t#VALUE!");
    CHECK(line("=HLOOKUP(\"b\",{\"a\",\"b\",\"c\";1,2,3},3,FALSE)") == "error\t#REF!");
}

TEST_CASE("VLOOKUP element-wise over lookup values and column indexes", "[lookup][vlookup]") {
    CHECK(shown("=VLOOKUP({101;104},B1:D5,2,FALSE)") == "{\"Alice\";\"Dave\"}");
    CHECK(shown("=VLOOKUP(101,B1:D5,{2,3},FALSE)") == "{\"Alice\",88}");
}

TEST_CASE("HLOOKUP", "[lookup][hlookup]") {
    CHECK(line("=HLOOKUP(\"b\",{\"a\",\"b\",\"c\";1,2,3},2,FALSE)") == "number\t2");
    CHECK(line("=HLOOKUP(2.5,{1,2,3;\"x\",\"y\",\"z\"},2)") == "text\ty");
    // support.microsoft.com HLOOKUP: Axles / Bearings / Bolts.
    const char* parts = "{\"Axles\",\"Bearings\",\"Bolts\";4,4,9;5,7,10;6,8,11}";
    CHECK(line(std::string("=HLOOKUP(\"Axles\",") + parts + ",2,TRUE)") == "number\t4");
    CHECK(line(std::string("=HLOOKUP(\"Bearings\",") + parts + ",3,FALSE)") == "number\t7");
    CHECK(line(std::string("=HLOOKUP(\"B\",") + parts + ",3,TRUE)") == "number\t5");
    CHECK(line(std::string("=HLOOKUP(\"Bolts\",") + parts + ",4)") == "number\t11");
}

TEST_CASE("LOOKUP vector and array forms", "[lookup][lookup_fn]") {
    // support.microsoft.com LOOKUP: frequencies and colours.
    const char* freq = "{4.14,4.19,5.17,5.77,6.39}";
    const char* colour = "{\"red\",\"orange\",\"yellow\",\"green\",\"blue\"}";
    auto lookup = [&](const char* x) { return line(std::string("=LOOKUP(") + x + "," + freq + "," + colour + ")"); };
    CHECK(lookup("4.19") == "text\torange");
    CHECK(lookup("5.75") == "text\tyellow");
    CHECK(lookup("7.66") == "text\tblue");
    CHECK(lookup("0") == "error\t#N/A");
    // Array form: the first row when wider than tall, else the first column.
    CHECK(line("=LOOKUP(\"C\",{\"a\",\"b\",\"c\",\"d\";1,2,3,4})") == "number\t3");
    CHECK(line("=LOOKUP(\"bump\",{\"a\",1;\"b\",2;\"c\",3})") == "number\t2");
    CHECK(line("=LOOKUP(103.5,B1:B5,C1:C5)") == "text\tCarol");
    // The last-match idiom: 1/(condition) is 1 or #DIV/0!, and the binary search for 2
    // steps over the errors to the last 1.
    CHECK(line("=LOOKUP(2,1/(D1:D5=92),C1:C5)") == "text\tDave");
    CHECK(line("=LOOKUP(2,1/(C1:C5=\"Alice\"),B1:B5)") == "number\t101");
}

TEST_CASE("MATCH", "[lookup][match]") {
    // support.microsoft.com MATCH: {25,38,40,41}.
    CHECK(line("=MATCH(39,{25,38,40,41},1)") == "number\t2");
    CHECK(line("=MATCH(41,{25,38,40,41},0)") == "number\t4");
    CHECK(line("=MATCH(40,{25,38,40,41},-1)") == "error\t#N/A");  // not in descending order
    CHECK(line("=MATCH(39,{25,38,40,41})") == "number\t2");        // 1 is the default
    CHECK(line("=MATCH(5,{10,8,6,4},-1)") == "number\t3");
    CHECK(line("=MATCH(0,{1,2},1)") == "error\t#N/A");
    CHECK(line("=MATCH(2,{1,2,2,2,3},1)") == "number\t4");  // the last of equal items
    CHECK(line("=MATCH(92,D1:D5,0)") == "number\t2");       // exact: the first
    CHECK(line("=MATCH(\"b\",{\"a\",\"b\",\"c\"},0)") == "number\t2");
    CHECK(line("=MATCH(\"B*\",{\"apple\",\"banana\"},0)") == "number\t2");
    CHECK(line("=MATCH(\"x\",{\"a\",\"b\"},0)") == "error\t#N/A");
    CHECK(line("=MATCH(TRUE,{1,TRUE,\"TRUE\"},0)") == "number\t2");
    CHECK(line("=MATCH(\"1\",{1,\"1\"},0)") == "number\t2");
    CHECK(line("=MATCH(1,{1,2;3,4},0)") == "error\t#N/A");  // not one row or column
    CHECK(line("=MATCH(\"Carol\",C1:C5,0)") == "number\t3");
    CHECK(line("=MATCH(104,B:B,0)") == "number\t4");
    CHECK(line("=MATCH(1000,B:B,1)") == "number\t5");
    CHECK(shown("=MATCH({2,3},{1,2,3},0)") == "{2,3}");
}

TEST_CASE("XMATCH match and search modes", "[lookup][xmatch]") {
    CHECK(line("=XMATCH(3,{5,3,1})") == "number\t2");
    CHECK(line("=XMATCH(4,{5,3,1})") == "error\t#N/A");
    CHECK(line("=XMATCH(4,{5,3,1},1)") == "number\t1");
    CHECK(line("=XMATCH(4,{5,3,1},-1)") == "number\t2");
    // support.microsoft.com XMATCH: "Gra?e" with match_mode 2.
    CHECK(line("=XMATCH(\"Gra?e\",{\"Apple\",\"Grape\",\"Pear\",\"Banana\",\"Cherry\"},2)") == "number\t2");
    CHECK(line("=XMATCH(\"b*\",{\"apple\",\"banana\"},2)") == "number\t2");
    CHECK(line("=XMATCH(\"b*\",{\"apple\",\"banana\"})") == "error\t#N/A");  // no wildcards in mode 0
    CHECK(line("=XMATCH(92,D1:D5,0,-1)") == "number\t4");  // last to first
    CHECK(line("=XMATCH(3,{1,2,3,4,5},0,2)") == "number\t3");
    CHECK(line("=XMATCH(3.5,{1,2,3,4,5},-1,2)") == "number\t3");
    CHECK(line("=XMATCH(3.5,{1,2,3,4,5},1,2)") == "number\t4");
    CHECK(line("=XMATCH(9,{1,2,3,4,5},1,2)") == "error\t#N/A");
    CHECK(line("=XMATCH(3.5,{5,4,3,2,1},1,-2)") == "number\t2");
    CHECK(line("=XMATCH(3.5,{5,4,3,2,1},-1,-2)") == "number\t3");
    CHECK(line("=XMATCH(3,{5,4,3,2,1},0,-2)") == "number\t3");
    CHECK(line("=XMATCH(1,{1,2},3)") == "error\t#VALUE!");
    CHECK(line("=XMATCH(1,{1,2},0,0)") == "error\t#VALUE!");
    CHECK(line("=XMATCH(1,{1,2;3,4})") == "error\t#VALUE!");
}

TEST_CASE("XLOOKUP", "[lookup][xlookup]") {
    CHECK(line("=XLOOKUP(103,B1:B5,C1:C5)") == "text\tCarol");
    CHECK(line("=XLOOKUP(106,B1:B5,C1:C5)") == "error\t#N/A");
    CHECK(line("=XLOOKUP(106,B1:B5,C1:C5,\"none\")") == "text\tnone");
    CHECK(line("=XLOOKUP(106,B1:B5,C1:C5,\"\")") == "text\t");
    // An error if_not_found matters only when nothing is found.
    CHECK(line("=XLOOKUP(103,B1:B5,C1:C5,NA())") == "text\tCarol");
    CHECK(line("=XLOOKUP(106,B1:B5,C1:C5,NA())") == "error\t#N/A");
    CHECK(line("=XLOOKUP(85,F1:F5,G1:G5,,-1)") == "text\tB");
    CHECK(line("=XLOOKUP(85,F1:F5,G1:G5,,1)") == "text\tA");
    CHECK(line("=XLOOKUP(92,D1:D5,C1:C5,,0,-1)") == "text\tDave");
    CHECK(line("=XLOOKUP(\"c*\",C1:C5,B1:B5,,2)") == "number\t103");
    CHECK(line("=XLOOKUP(\"c*\",C1:C5,B1:B5)") == "error\t#N/A");
    CHECK(line("=XLOOKUP(\"b\",{\"a\",\"b\",\"c\"},{1,2,3})") == "number\t2");
    CHECK(line("=XLOOKUP(1,{1,2,3},{1,2})") == "error\t#VALUE!");
    CHECK(line("=XLOOKUP(1,{1,2;3,4},{1,2;3,4})") == "error\t#VALUE!");
    // A blank lookup value finds a blank cell (LibreOffice tdf#160711 follows Excel here).
    CHECK(line("=XLOOKUP(E1,K1:K3,L1:L3)") == "number\t2");
}

TEST_CASE("XLOOKUP returns whole rows and columns, as references", "[lookup][xlookup]") {
    CHECK(shown("=XLOOKUP(103,B1:B5,C1:D5)") == "{\"Carol\",75}");
    CHECK(shown("=XLOOKUP(\"b\",{\"a\",\"b\",\"c\"},{1,2,3;4,5,6})") == "{2;5}");
    CHECK(line("=SUM(XLOOKUP(102,B1:B5,B1:D5))") == "number\t194");
    CHECK(line("=SUM(XLOOKUP(102,B1:B5,D1:D5):XLOOKUP(104,B1:B5,D1:D5))") == "number\t259");
    CHECK(shown("=XLOOKUP({101;105},B1:B5,C1:C5)") == "{\"Alice\";\"Eve\"}");
}

TEST_CASE("INDEX", "[lookup][index]") {
    CHECK(line("=INDEX(B1:D5,2,2)") == "text\tBob");
    CHECK(line("=INDEX(B1:D5,5,3)") == "number\t60");
    CHECK(line("=INDEX(B1:D5,6,1)") == "error\t#REF!");
    CHECK(line("=INDEX(B1:D5,1,4)") == "error\t#REF!");
    CHECK(line("=INDEX(B1:D5,-1,1)") == "error\t#VALUE!");
    CHECK(line("=INDEX(B1:D5,2.7,2)") == "text\tBob");
    CHECK(line("=INDEX(C1:C5,3)") == "text\tCarol");
    CHECK(line("=INDEX(B1:D1,3)") == "number\t88");  // one row: the only index is the column
    CHECK(line("=INDEX(B1:D1,,3)") == "number\t88");
    CHECK(line("=INDEX(B1:D1,2,1)") == "error\t#REF!");
    CHECK(line("=INDEX(B1:D5,2,2,1)") == "text\tBob");
    CHECK(line("=INDEX(B1:D5,2,2,2)") == "error\t#REF!");
    CHECK(line("=INDEX({1,2;3,4},2,1)") == "number\t3");
    CHECK(line("=INDEX({1,2,3},2)") == "number\t2");
    CHECK(line("=INDEX({1;2;3},3)") == "number\t3");
    CHECK(line("=INDEX({1,2;3,4},3,1)") == "error\t#REF!");
    CHECK(line("=INDEX(7,1,1)") == "number\t7");
    CHECK(line("=INDEX(E1:E3,2)") == "number\t0");
}

TEST_CASE("INDEX with 0 returns a whole row or column, as a reference", "[lookup][index]") {
    CHECK(line("=SUM(INDEX(B1:D5,0,3))") == "number\t407");
    CHECK(line("=SUM(INDEX(B1:D5,2,0))") == "number\t194");
    CHECK(line("=ROWS(INDEX(B1:D5,0,1))") == "number\t5");
    CHECK(line("=SUM(B1:INDEX(B1:B5,3))") == "number\t306");
    CHECK(shown("=INDEX(B1:D5,2,)") == "{102,\"Bob\",92}");
    CHECK(shown("=INDEX({1,2;3,4},0,2)") == "{2;4}");
    CHECK(shown("=INDEX({1,2;3,4},2)") == "{3,4}");
    CHECK(shown("=INDEX(B1:D5,{1;3},2)") == "{\"Alice\";\"Carol\"}");
}

TEST_CASE("OFFSET", "[lookup][offset]") {
    CHECK(line("=OFFSET(B1,2,1)") == "text\tCarol");
    CHECK(line("=SUM(OFFSET(B1,0,2,5,1))") == "number\t407");
    CHECK(line("=SUM(OFFSET(D5,0,0,-2,1))") == "number\t152");  // a negative height reaches up
    CHECK(line("=ROWS(OFFSET(B1,0,0,3,2))") == "number\t3");
    CHECK(line("=COLUMNS(OFFSET(B1,0,0,3,2))") == "number\t2");
    CHECK(shown("=OFFSET(B1:C2,1,1)") == "{\"Bob\",92;\"Carol\",75}");
    CHECK(line("=OFFSET(B1,-1,0)") == "error\t#REF!");
    CHECK(line("=OFFSET(B1,0,-2)") == "error\t#REF!");
    CHECK(line("=OFFSET(B1,0,0,0,1)") == "error\t#REF!");
    CHECK(line("=OFFSET({1,2},0,0)") == "error\t#VALUE!");
    CHECK(line("=OFFSET(B1,1048576,0)") == "error\t#REF!");
}

TEST_CASE("INDIRECT", "[lookup][indirect]") {
    CHECK(line("=INDIRECT(\"C2\")") == "text\tBob");
    CHECK(line("=INDIRECT(\"c\"&2)") == "text\tBob");
    CHECK(line("=SUM(INDIRECT(\"D1:D5\"))") == "number\t407");
    CHECK(line("=INDIRECT(\"R2C3\",FALSE)") == "text\tBob");
    CHECK(line("=INDIRECT(\"Sheet1!B1\")") == "number\t101");
    CHECK(line("=INDIRECT(\"nonsense\")") == "error\t#REF!");
}

TEST_CASE("ROW, ROWS, COLUMN, COLUMNS", "[lookup][row]") {
    CHECK(line("=ROW(C5)") == "number\t5");
    CHECK(line("=ROW()") == "number\t1");  // the formula's own cell, A1
    CHECK(line("=COLUMN(D2)") == "number\t4");
    CHECK(line("=COLUMN()") == "number\t1");
    CHECK(shown("=ROW(B2:B4)") == "{2;3;4}");
    CHECK(shown("=COLUMN(B2:D2)") == "{2,3,4}");
    CHECK(line("=SUM(ROW(B2:D4))") == "number\t9");
    CHECK(line("=ROW(B2:D2)") == "number\t2");
    CHECK(line("=ROWS(B1:D5)") == "number\t5");
    CHECK(line("=COLUMNS(B1:D5)") == "number\t3");
    CHECK(line("=ROWS({1,2;3,4;5,6})") == "number\t3");
    CHECK(line("=COLUMNS({1,2,3})") == "number\t3");
    CHECK(line("=ROWS(5)") == "number\t1");
    CHECK(line("=ROWS(A:A)") == "number\t1048576");
    CHECK(line("=COLUMNS(1:1)") == "number\t16384");
}

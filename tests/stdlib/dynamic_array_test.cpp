// Specification tests for the dynamic-array functions FILTER, UNIQUE, SORT and SORTBY:
// row and column orientation, sizes that must agree (#VALUE!), empty results (#CALC!
// or FILTER's if_empty), case-insensitive distinctness, Excel's type order in sorts,
// multi-key and stable sorting, and blank cells coming out as 0.
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

// B1:D5: id, name, score (as in lookup_test.cpp); E1:E3 hold 1, #N/A, 1; F2 is blank
// between F1 = 7 and F3 = 9.
const cells table = {
    {"Sheet1!B1", "101"}, {"Sheet1!C1", "Alice"}, {"Sheet1!D1", "88"},
    {"Sheet1!B2", "102"}, {"Sheet1!C2", "Bob"},   {"Sheet1!D2", "92"},
    {"Sheet1!B3", "103"}, {"Sheet1!C3", "Carol"}, {"Sheet1!D3", "75"},
    {"Sheet1!B4", "104"}, {"Sheet1!C4", "Dave"},  {"Sheet1!D4", "92"},
    {"Sheet1!B5", "105"}, {"Sheet1!C5", "Eve"},   {"Sheet1!D5", "60"},
    {"Sheet1!E1", "1"},   {"Sheet1!E2", "=NA()"}, {"Sheet1!E3", "1"},
    {"Sheet1!F1", "7"},   {"Sheet1!F3", "9"},
};

std::string line(std::string_view formula) { return batch_line(evaluate_with(table, formula)); }
std::string shown(std::string_view formula) { return folio::describe(evaluate_with(table, formula)); }

}  // namespace

TEST_CASE("FILTER keeps the rows or columns whose include value is TRUE", "[dynamic_array][filter]") {
    CHECK(shown("=FILTER({1;2;3},{TRUE;FALSE;TRUE})") == "{1;3}");
    CHECK(shown("=FILTER(B1:C5,D1:D5>80)") == "{101,\"Alice\";102,\"Bob\";104,\"Dave\"}");
    CHECK(shown("=FILTER(C1:C5,(D1:D5>80)*(B1:B5>101))") == "{\"Bob\";\"Dave\"}");
    CHECK(shown("=FILTER({1,2,3},{1,0,1})") == "{1,3}");  // a row of conditions picks columns
    CHECK(line("=FILTER(C1:C5,B1:B5=103)") == "text\tCarol");
    CHECK(shown("=FILTER(F1:F3,{1;1;1})") == "{7;0;9}");  // a blank cell comes out as 0
    CHECK(line("=SUM(FILTER(D1:D5,C1:C5<>\"Bob\"))") == "number\t315");
}

TEST_CASE("FILTER: nothing kept, sizes, conditions that are not logical", "[dynamic_array][filter]") {
    // support.microsoft.com FILTER: an empty result is #CALC! unless if_empty is given.
    CHECK(line("=FILTER(B1:B5,D1:D5>100)") == "error\t#CALC!");
    CHECK(line("=FILTER(B1:B5,D1:D5>100,\"none\")") == "text\tnone");
    CHECK(line("=FILTER(B1:B5,D1:D5>100,\"\")") == "text\t");
    CHECK(line("=FILTER(B1:B5,D1:D5>50,NA())") == "number\t101");  // if_empty unused
    CHECK(line("=FILTER(B1:B5,{1;0;1})") == "error\t#VALUE!");
    CHECK(line("=FILTER({1;2},{\"a\";\"b\"})") == "error\t#VALUE!");
    CHECK(line("=FILTER(B1:B3,E1:E3)") == "error\t#N/A");  // an error condition is the result
}

TEST_CASE("UNIQUE", "[dynamic_array][unique]") {
    CHECK(shown("=UNIQUE({1;2;1;3;2})") == "{1;2;3}");
    CHECK(shown("=UNIQUE({\"a\";\"A\";\"b\"})") == "{\"a\";\"b\"}");  // ignoring case
    CHECK(shown("=UNIQUE({1;\"1\"})") == "{1;\"1\"}");               // types differ
    CHECK(shown("=UNIQUE({1;2;1;3;2},FALSE,TRUE)") == "{3}");
    CHECK(shown("=UNIQUE({1,1,2},TRUE)") == "{1,2}");
    CHECK(shown("=UNIQUE({1,\"a\";1,\"A\";2,\"b\"})") == "{1,\"a\";2,\"b\"}");
    CHECK(shown("=UNIQUE({1,\"a\";1,\"b\";1,\"a\"},FALSE,TRUE)") == "{1,\"b\"}");
    CHECK(shown("=UNIQUE(D1:D5)") == "{88;92;75;60}");
    CHECK(line("=UNIQUE({1;1},FALSE,TRUE)") == "error\t#CALC!");
    CHECK(line("=ROWS(UNIQUE(D1:D5))") == "number\t4");
}

TEST_CASE("SORT", "[dynamic_array][sort]") {
    CHECK(shown("=SORT({3;1;2})") == "{1;2;3}");
    CHECK(shown("=SORT({3;1;2},1,-1)") == "{3;2;1}");
    CHECK(shown("=SORT({\"b\";\"A\";\"c\"})") == "{\"A\";\"b\";\"c\"}");
    CHECK(shown("=SORT({TRUE;\"a\";1;FALSE})") == "{1;\"a\";FALSE;TRUE}");  // numbers < text < logicals
    CHECK(shown("=SORT({2,\"b\";1,\"a\";2,\"a\"},{1,2})") == "{1,\"a\";2,\"a\";2,\"b\"}");
    CHECK(shown("=SORT({2,\"b\";1,\"a\";2,\"a\"},{1,2},{1,-1})") == "{1,\"a\";2,\"b\";2,\"a\"}");
    CHECK(shown("=SORT({2,\"x\";1,\"y\";2,\"a\"})") == "{1,\"y\";2,\"x\";2,\"a\"}");  // stable
    CHECK(shown("=SORT({3,1,2},1,1,TRUE)") == "{1,2,3}");
    CHECK(shown("=SORT(D1:D5,,-1)") == "{92;92;88;75;60}");
    CHECK(shown("=SORT(B1:D5,3,-1)") ==
          "{102,\"Bob\",92;104,\"Dave\",92;101,\"Alice\",88;103,\"Carol\",75;105,\"Eve\",60}");
    CHECK(line("=SORT({1;2},2)") == "error\t#VALUE!");
    CHECK(line("=SORT({1;2},0)") == "error\t#VALUE!");
    CHECK(line("=SORT({1;2},1,0)") == "error\t#VALUE!");
}

TEST_CASE("SORTBY", "[dynamic_array][sortby]") {
    CHECK(shown("=SORTBY({\"a\";\"b\";\"c\"},{3;1;2})") == "{\"b\";\"c\";\"a\"}");
    CHECK(shown("=SORTBY({\"a\",\"b\",\"c\"},{3,1,2})") == "{\"b\",\"c\",\"a\"}");
    CHECK(shown("=SORTBY(C1:C5,D1:D5,-1)") == "{\"Bob\";\"Dave\";\"Alice\";\"Carol\";\"Eve\"}");
    CHECK(shown("=SORTBY(C1:C5,D1:D5,-1,B1:B5,-1)") == "{\"Dave\";\"Bob\";\"Alice\";\"Carol\";\"Eve\"}");
    CHECK(shown("=SORTBY(B1:C5,D1:D5)") ==
          "{105,\"Eve\";103,\"Carol\";101,\"Alice\";102,\"Bob\";104,\"Dave\"}");
    CHECK(line("=SORTBY({\"a\";\"b\"},{1;2;3})") == "error\t#VALUE!");
    CHECK(line("=SORTBY({\"a\";\"b\"},{2;1},2)") == "error\t#VALUE!");
    CHECK(line("=SORTBY({\"a\";\"b\"},{2;1},1,{1,2},1)") == "error\t#VALUE!");
}

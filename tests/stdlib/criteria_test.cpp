// Specification tests for Excel's criteria (folio::criterion), the language of the
// second argument of COUNTIF, SUMIFS and friends: operator prefixes, numbers and
// numeric text, dates in text, booleans, errors, blank and empty text, wildcards, and
// case. Most cases test the class directly; the last ones go through COUNTIF to show
// the same rules at work over cells.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "folio/engine/criteria.hpp"
#include "support/eval.hpp"

namespace {

using folio::criterion;
using folio::error_code;
using folio::text_pattern;
using folio::value;
using cells = std::vector<std::pair<std::string, std::string>>;

// True when the criterion (a text as typed in the formula) matches the cell value.
bool match(std::string_view crit, const value& cell) { return criterion::parse(value(crit)).matches(cell); }

// True when a non-text criterion matches the cell value.
bool match_value(const value& crit, const value& cell) { return criterion::parse(crit).matches(cell); }

const value blank{};
const value empty_text{std::string()};

std::string count(const cells& c, std::string_view formula) {
    return folio::testing::batch_line(folio::testing::evaluate_with(c, formula));
}

}  // namespace

TEST_CASE("criteria: numbers with and without operators", "[criteria]") {
    CHECK(match("5", value(5.0)));
    CHECK(match("=5", value(5.0)));
    CHECK_FALSE(match("5", value(6.0)));
    CHECK(match(">4", value(5.0)));
    CHECK_FALSE(match(">5", value(5.0)));
    CHECK(match(">=5", value(5.0)));
    CHECK(match("<6", value(5.0)));
    CHECK_FALSE(match("<5", value(5.0)));
    CHECK(match("<=5", value(5.0)));
    CHECK(match("<>5", value(6.0)));
    CHECK_FALSE(match("<>5", value(5.0)));
    CHECK(match("-2.5", value(-2.5)));
    CHECK(match("<-2", value(-2.5)));
    // The rest of the criterion reads as Excel reads typed numbers.
    CHECK(match("1,000", value(1000.0)));
    CHECK(match("50%", value(0.5)));
    CHECK(match("$12.50", value(12.5)));
    CHECK(match("1e3", value(1000.0)));
    CHECK(match(" 7 ", value(7.0)));
    // Compared as Excel shows numbers, to 15 significant digits.
    CHECK(match("0.3", value(0.1 + 0.2)));
    CHECK(match("<=0.3", value(0.1 + 0.2)));
    CHECK_FALSE(match("<0.3", value(0.1 + 0.2)));
}

TEST_CASE("criteria: a number criterion given as a number", "[criteria]") {
    CHECK(match_value(value(3.0), value(3.0)));
    CHECK_FALSE(match_value(value(3.0), value(4.0)));
    CHECK_FALSE(match_value(value(0.0), blank));  // a blank cell is not 0 here
    CHECK(match_value(value(3.0), value("3")));   // numeric text matches =
    CHECK_FALSE(match_value(value(1.0), value(true)));
}

TEST_CASE("criteria: numeric criteria never match booleans, and text only for =", "[criteria]") {
    CHECK_FALSE(match("1", value(true)));
    CHECK_FALSE(match("0", value(false)));
    CHECK_FALSE(match(">0", value(true)));
    CHECK_FALSE(match("<5", value("abc")));
    CHECK_FALSE(match(">5", value("abc")));
    // Text that reads as the number matches "=" (Apache POI's Countif, checked against Excel).
    CHECK(match("123", value("123")));
    CHECK(match("=123", value(" 123 ")));
    CHECK_FALSE(match(">5", value("6")));  // but never an ordering operator
    CHECK_FALSE(match("<5", value("4")));
    // POI: "<>123" matches every text cell, even "123".
    CHECK(match("<>123", value("123")));
    CHECK(match("<>123", value("abc")));
    // Blank cells match only "<>".
    CHECK_FALSE(match("0", blank));
    CHECK_FALSE(match("<5", blank));
    CHECK_FALSE(match(">=0", blank));
    CHECK(match("<>5", blank));
}

TEST_CASE("criteria: dates in text compare as serial numbers", "[criteria]") {
    const value jan1{45292.0};  // 2024-01-01
    CHECK(match("1/1/2024", jan1));
    CHECK(match("=2024-01-01", jan1));
    CHECK(match("<1/2/2024", jan1));
    CHECK_FALSE(match("<1/1/2024", jan1));
    CHECK(match(">=1/1/2024", jan1));
    CHECK(match(">12/31/2023", jan1));
    CHECK_FALSE(match(">1/1/2024", jan1));
}

TEST_CASE("criteria: TRUE and FALSE match booleans only", "[criteria]") {
    CHECK(match("TRUE", value(true)));
    CHECK(match("true", value(true)));
    CHECK(match("=FALSE", value(false)));
    CHECK_FALSE(match("TRUE", value(false)));
    CHECK_FALSE(match("TRUE", value(1.0)));
    CHECK_FALSE(match("TRUE", value("TRUE")));
    CHECK_FALSE(match("FALSE", value(0.0)));
    CHECK_FALSE(match("FALSE", blank));
    CHECK(match("<>TRUE", value(false)));
    CHECK(match("<>TRUE", value(1.0)));
    CHECK(match("<>TRUE", blank));
    CHECK(match_value(value(true), value(true)));
    CHECK_FALSE(match_value(value(true), value(1.0)));
    CHECK_FALSE(match_value(value(false), blank));
}

TEST_CASE("criteria: text compares case-insensitively and only with text", "[criteria]") {
    CHECK(match("apple", value("APPLE")));
    CHECK(match("=Apple", value("aPPle")));
    CHECK_FALSE(match("apple", value("apples")));
    CHECK_FALSE(match("apple", value(5.0)));
    CHECK_FALSE(match("apple", blank));
    CHECK(match("<>apple", value("pear")));
    CHECK_FALSE(match("<>apple", value("Apple")));
    CHECK(match("<>apple", value(5.0)));
    CHECK(match("<>apple", blank));  // "<>x" also counts blank cells
    CHECK(match("<>apple", value(true)));
    CHECK(match("ÉCOLE", value("école")));
    CHECK_FALSE(match("abc", value("abç")));
    // Ordering operators compare text with text, alphabetically and ignoring case.
    CHECK(match(">b", value("c")));
    CHECK(match(">b", value("C")));
    CHECK_FALSE(match(">b", value("a")));
    CHECK(match("<b", value("A")));
    CHECK(match(">=b", value("B")));
    CHECK(match("<=b", value("b")));
    CHECK_FALSE(match(">b", value(5.0)));
    CHECK_FALSE(match(">b", blank));
    CHECK_FALSE(match("<b", value(true)));
}

TEST_CASE("criteria: wildcards * ? and ~ for = and <>", "[criteria]") {
    CHECK(match("a*", value("apple")));
    CHECK(match("A*", value("apple")));
    CHECK(match("a*", value("a")));
    CHECK_FALSE(match("a*", value("banana")));
    CHECK(match("*an*", value("banana")));
    CHECK(match("*a", value("banana")));
    CHECK(match("b?n?n?", value("banana")));
    CHECK_FALSE(match("b?n?n", value("banana")));
    CHECK(match("?", value("é")));  // ? is one character, not one byte
    CHECK(match("*", value("x")));
    CHECK(match("*", empty_text));
    CHECK_FALSE(match("*", blank));
    CHECK_FALSE(match("*", value(5.0)));  // wildcards match text only
    CHECK_FALSE(match("1*", value(123.0)));
    CHECK(match("1*", value("123")));
    CHECK(match("<>a*", value("banana")));
    CHECK_FALSE(match("<>a*", value("apple")));
    CHECK(match("<>a*", blank));
    // ~ makes the next *, ? or ~ literal.
    CHECK(match("what~?", value("what?")));
    CHECK_FALSE(match("what~?", value("whatx")));
    CHECK(match("5~*", value("5*")));
    CHECK_FALSE(match("5~*", value("55")));
    CHECK(match("a~~b", value("a~b")));
    CHECK(match("a~b", value("a~b")));  // a ~ before another character is itself
    // Backtracking.
    CHECK(match("*ab*ab", value("xabyabab")));
    CHECK(match("a*b*c", value("aXbYbZc")));
    CHECK_FALSE(match("a*b*c", value("aXbYbZ")));
    // No wildcards for ordering operators: "<a*" compares with the text "a*".
    CHECK(match(">a*", value("b")));
}

TEST_CASE("criteria: blank cells and empty text", "[criteria]") {
    // "" matches blank cells and empty text.
    CHECK(match("", blank));
    CHECK(match("", empty_text));
    CHECK_FALSE(match("", value(0.0)));
    CHECK_FALSE(match("", value("a")));
    // "=" matches blank cells only (POI, checked against Excel: "=" differs from "").
    CHECK(match("=", blank));
    CHECK_FALSE(match("=", empty_text));
    CHECK_FALSE(match("=", value(0.0)));
    // "<>" matches every cell that is not blank, empty text included.
    CHECK_FALSE(match("<>", blank));
    CHECK(match("<>", empty_text));
    CHECK(match("<>", value(0.0)));
    CHECK(match("<>", value("x")));
    CHECK(match("<>", value(false)));
    CHECK(match("<>", value(error_code::na)));
    // A criterion that is a blank cell is 0 (Microsoft, COUNTIFS: "treats the empty cell as a 0 value").
    CHECK(match_value(blank, value(0.0)));
    CHECK_FALSE(match_value(blank, blank));
    CHECK_FALSE(match_value(blank, empty_text));
    CHECK(criterion::parse(value("")).matches_blank());
    CHECK(criterion::parse(value("<>x")).matches_blank());
    CHECK_FALSE(criterion::parse(value("<>")).matches_blank());
    CHECK_FALSE(criterion::parse(value("x")).matches_blank());
}

TEST_CASE("criteria: errors match those errors", "[criteria]") {
    CHECK(match("#N/A", value(error_code::na)));
    CHECK(match("=#DIV/0!", value(error_code::div0)));
    CHECK_FALSE(match("#N/A", value(error_code::div0)));
    CHECK_FALSE(match("#N/A", value("#N/A")));
    CHECK(match("<>#N/A", value(error_code::div0)));
    CHECK(match("<>#N/A", value(1.0)));
    CHECK_FALSE(match("<>#N/A", value(error_code::na)));
    CHECK(match_value(value(error_code::ref), value(error_code::ref)));
    CHECK_FALSE(match_value(value(error_code::ref), value(error_code::na)));
    // Other criteria never match an error cell, except "<>x".
    CHECK_FALSE(match("5", value(error_code::na)));
    CHECK_FALSE(match("*", value(error_code::na)));
    CHECK_FALSE(match(">0", value(error_code::na)));
    CHECK(match("<>5", value(error_code::na)));
}

TEST_CASE("text_pattern: plain and wildcard patterns", "[criteria]") {
    CHECK(text_pattern("abc").matches("ABC"));
    CHECK_FALSE(text_pattern("abc").has_wildcards());
    CHECK(text_pattern("a?c").has_wildcards());
    CHECK_FALSE(text_pattern("a?c", false).has_wildcards());
    CHECK(text_pattern("a?c", false).matches("A?C"));
    CHECK_FALSE(text_pattern("a?c", false).matches("abc"));
    CHECK(text_pattern("~*").matches("*"));
    CHECK_FALSE(text_pattern("~*").has_wildcards());
    CHECK(text_pattern("").matches(""));
    CHECK_FALSE(text_pattern("").matches("a"));
}

TEST_CASE("criteria through COUNTIF over cells", "[criteria][countif]") {
    // B1:B10: 5, "5" (text), 10, "apple", "Apple pie", TRUE, (blank), ="" (empty text), #N/A, 1/1/2024.
    const cells data = {
        {"Sheet1!B1", "5"},     {"Sheet1!B2", "'5"},         {"Sheet1!B3", "10"},
        {"Sheet1!B4", "apple"}, {"Sheet1!B5", "Apple pie"}, {"Sheet1!B6", "TRUE"},
        {"Sheet1!B8", "=\"\""}, {"Sheet1!B9", "=NA()"},     {"Sheet1!B10", "1/1/2024"},
    };
    CHECK(count(data, "=COUNTIF(B1:B10,5)") == "number\t2");
    CHECK(count(data, "=COUNTIF(B1:B10,\">5\")") == "number\t2");  // 10 and the date
    CHECK(count(data, "=COUNTIF(B1:B10,\"<1/1/2024\")") == "number\t2");
    CHECK(count(data, "=COUNTIF(B1:B10,\"apple\")") == "number\t1");
    CHECK(count(data, "=COUNTIF(B1:B10,\"apple*\")") == "number\t2");
    CHECK(count(data, "=COUNTIF(B1:B10,\"*\")") == "number\t4");  // text cells, "" included
    CHECK(count(data, "=COUNTIF(B1:B10,TRUE)") == "number\t1");
    CHECK(count(data, "=COUNTIF(B1:B10,\"\")") == "number\t2");
    CHECK(count(data, "=COUNTIF(B1:B10,\"=\")") == "number\t1");
    CHECK(count(data, "=COUNTIF(B1:B10,\"<>\")") == "number\t9");
    CHECK(count(data, "=COUNTIF(B1:B10,\"<>apple\")") == "number\t9");
    CHECK(count(data, "=COUNTIF(B1:B10,\"#N/A\")") == "number\t1");
    CHECK(count(data, "=COUNTIF(B1:B10,B9)") == "number\t1");  // an error cell as criterion
    CHECK(count(data, "=COUNTIF(B1:B10,\">\"&B1)") == "number\t2");
    CHECK(count(data, "=COUNTIF(B1:B10,C1)") == "number\t0");  // blank criterion cell = 0
}

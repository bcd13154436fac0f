// closest_match: "did you mean" suggestions by Damerau–Levenshtein distance, case
// insensitive, only for likely typos, the first candidate on ties.
#include <catch2/catch.hpp>

#include "folio/dsl/diagnostic.hpp"

using folio::dsl::closest_match;

TEST_CASE("closest_match: typos", "[report_loader][closest_match]") {
    const std::vector<std::string> metrics{"NPS", "CSAT", "FRT", "responses"};
    CHECK(closest_match("NSP", metrics) == "NPS");         // a transposition is one edit
    CHECK(closest_match("nps", metrics) == "NPS");         // case does not count
    CHECK(closest_match("CSTA", metrics) == "CSAT");
    CHECK(closest_match("respnses", metrics) == "responses");
    CHECK(closest_match("reponsess", metrics) == "responses");
    CHECK(closest_match("sumifz", {"SUM", "SUMIFS", "SUMIF"}) == "SUMIFS");
}

TEST_CASE("closest_match: nothing close enough", "[report_loader][closest_match]") {
    CHECK_FALSE(closest_match("xyz", {"NPS"}));
    CHECK_FALSE(closest_match("revenue", {"NPS", "CSAT"}));
    CHECK_FALSE(closest_match("a", {"b"}));  // replacing every character is no typo
    CHECK_FALSE(closest_match("abcdef", {"axyzef"}));  // 3 edits in 6 characters: too many
    CHECK(closest_match("abcdef", {"abxyef"}) == "abxyef");  // 2 edits in 6: a typo
    CHECK_FALSE(closest_match("NPS", {}));
    CHECK_FALSE(closest_match("NPS", {"NPS"}));  // the name itself is no suggestion
    CHECK_FALSE(closest_match("", {"a"}));
}

TEST_CASE("closest_match: short names and ties", "[report_loader][closest_match]") {
    CHECK(closest_match("a", {"ab"}) == "ab");
    CHECK(closest_match("ab", {"ac", "ad"}) == "ac");  // ties → the first candidate
    CHECK(closest_match("ab", {"xyz", "ad", "ab"}) == "ad");
    CHECK(closest_match("ab", {"aB", "ac"}) == "aB");  // closer: differs only in case
}

TEST_CASE("closest_match: UTF-8 names compare by characters", "[report_loader][closest_match]") {
    CHECK(closest_match("a\xC3\xB1o", {"ano"}) == "ano");           // año
    CHECK(closest_match("ingreso", {"ingres\xC3\xB3"}) == "ingres\xC3\xB3");  // ingresó
}

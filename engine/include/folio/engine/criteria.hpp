// Excel's criteria: the second argument of COUNTIF and friends ("<>x", ">=10", "a*").
//
// A criterion is parsed once per call and then tested against every cell of the
// criteria range, so parse() does all the work (operator prefix, number / date /
// boolean / error recognition, wildcard compilation, case folding) and matches() is
// a small switch that allocates nothing for ASCII text. The rules, as Excel applies
// them:
//  - an optional operator prefix = <> < <= > >= (none means =);
//  - the rest is read as a number (en-US: "1,000", "50%", "1/1/2024"), TRUE/FALSE,
//    an error literal ("#N/A"), or else text;
//  - numbers match numbers (and, for = only, text that reads as that number); TRUE
//    and FALSE match booleans only; errors match those errors; text compares
//    case-insensitively with text only, with * ? ~ wildcards for = and <>;
//  - "" matches blank cells and empty text, "=" blank cells only, "<>" every cell
//    that is not blank, and "<>x" every cell that does not match "x", blanks included;
//  - a criterion that is a blank cell is 0.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "folio/engine/value.hpp"

namespace folio {

// A case-insensitive text pattern: with wildcards, * matches any run of characters,
// ? one character and ~ makes the next *, ? or ~ literal; without, plain equality.
// Lookups (MATCH, VLOOKUP, XLOOKUP's wildcard mode) and criteria share it.
class text_pattern {
public:
    text_pattern() = default;
    explicit text_pattern(std::string_view pattern, bool wildcards = true);

    // True when the whole text matches, ignoring case.
    bool matches(std::string_view text) const;
    // True when the pattern has a * or ? wildcard.
    bool has_wildcards() const { return wildcard_; }

private:
    bool wildcard_ = false;
    bool ascii_ = true;                  // the folded literal is plain ASCII
    std::string folded_;                 // lower-cased literal, escapes removed (no wildcards)
    std::vector<std::int16_t> tokens_;   // lower-cased bytes; -1 = '*', -2 = '?'
};

class criterion {
public:
    // Parses a criterion argument (a scalar: number, text, boolean, error or blank).
    static criterion parse(const value& crit);

    // True when a cell's value satisfies the criterion.
    bool matches(const value& cell) const;

    // True when a blank cell satisfies the criterion (precomputed).
    bool matches_blank() const { return blank_matches_; }

private:
    enum class op : std::uint8_t { eq, ne, lt, le, gt, ge };
    enum class operand : std::uint8_t { number, boolean, error, text, empty };

    bool matches_number(double n) const;
    bool matches_text(const std::string& s) const;

    op op_ = op::eq;
    operand kind_ = operand::number;
    bool explicit_eq_ = false;  // "=" was written (matters only for an empty operand)
    bool blank_matches_ = false;
    bool boolean_ = false;
    error_code error_ = error_code::na;
    double number_ = 0;
    std::string text_;          // the text operand as written (for < > comparisons)
    text_pattern pattern_;      // the text operand for = and <>
};

}  // namespace folio

// Excel's implicit conversions between values, and its ordering of values.
//
// These are the rules that make "1"+1 = 2, TRUE+1 = 2, =1/3&"" = "0.333333333333333"
// and "a" < "B" < TRUE. Every function and operator converts through here so that the
// rules live in one place.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "folio/engine/function.hpp"
#include "folio/engine/or_error.hpp"
#include "folio/engine/value.hpp"

namespace folio {

// Formats a number as Excel's General format does when a number becomes text:
// at most 15 significant digits, no trailing zeros, "1E+20" style exponents where
// Excel uses them.
std::string number_to_text(double n);

// Reads text as Excel en-US does when text meets arithmetic or VALUE():
// " 12 ", "1,234.5", "$1,234.50", "(5)" (= -5), "50%", "1e3", dates and times
// ("2024-01-31", "1/31/2024", "10:30 PM"). nullopt when the text is not a number;
// "TRUE" and "" are not numbers.
std::optional<double> text_to_number(std::string_view text);

// Rounds to 15 significant digits, as Excel does before comparing or showing numbers.
double round_to_15_digits(double n);

// Scalar conversions. The value must not be a reference (dereference it first with
// to_scalar); an array converts through its top-left element.
//  - to_number: blank 0, TRUE 1, numeric text its number, other text #VALUE!.
//  - to_text: numbers by number_to_text, TRUE/FALSE, blank "".
//  - to_boolean: number ≠ 0, text "TRUE"/"FALSE" (any case) else #VALUE!, blank FALSE.
or_error<double> to_number(const value& v);
or_error<std::string> to_text(const value& v);
or_error<bool> to_boolean(const value& v);

// Reduces a value to one cell's worth: a single-cell reference gives that cell's
// value; a multi-cell reference gives the cell in the current row (a one-column
// range) or column (a one-row range), as Excel's implicit intersection does, else
// #VALUE!. Arrays are returned unchanged.
value to_scalar(const value& v, call_context& ctx);

// Compares two scalar values the way Excel's comparison operators do: numbers <
// text < booleans, text case-insensitively, blank as 0, "" or FALSE depending on the
// other side. Returns <0, 0 or >0. Errors are not comparable: callers handle them first.
int compare_values(const value& a, const value& b);

// Case-insensitive equality of UTF-8 text (Excel's "=" on text).
bool text_equals_ci(std::string_view a, std::string_view b);
// Case-insensitive three-way comparison of UTF-8 text.
int text_compare_ci(std::string_view a, std::string_view b);
// Upper-cases UTF-8 text (ASCII, Latin-1 and Latin Extended-A letters, Greek and Cyrillic).
std::string to_upper_utf8(std::string_view text);
// Lower-cases UTF-8 text, with the same coverage as to_upper_utf8.
std::string to_lower_utf8(std::string_view text);

}  // namespace folio

// The text pieces every chart is written with: XML escaping, coordinates with a fixed
// precision (locale-independent, so golden files are byte-stable), the metric's number
// format in the report's locale, and the measuring and shortening of labels.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "folio/engine/eval/report_result.hpp"
#include "folio/engine/number_format.hpp"

namespace folio::templates::svg {

/// Returns `text` with & < > " ' escaped, safe in XML text and attribute values.
std::string escape(std::string_view text);

/// Returns `x` with at most two decimals and no trailing zeros ("12.5", "-3", "0"), never in
/// a locale's notation and never "-0".
std::string num(double x);

/// Returns the number a chart draws for `v`, or nothing for a gap (blank, text, an error).
std::optional<double> number_of(const value& v);

/// Returns the number of characters of UTF-8 `text` (code points).
std::size_t text_length(std::string_view text);

/// Returns an estimate of the width of `text` at `font_size` (an average glyph is 0.6 em).
double text_width(std::string_view text, double font_size);

/// Returns `text` cut to at most `max_chars` characters, the last one "…" when it was cut.
std::string shorten(std::string_view text, std::size_t max_chars);

/// Formats values of one metric: its Excel format code (or `fallback` without one) in a locale.
class value_formatter {
public:
    value_formatter(const std::string& code, const std::string& fallback, const std::string& locale);

    /// Returns a number as the format shows it ("1.234,5" in es-ES).
    std::string number(double x) const;
    /// Returns a value as a table shows it: numbers formatted, errors as Excel shows them
    /// ("#DIV/0!"), text unchanged, blank as "".
    std::string text(const value& v) const;
    /// Returns the smallest power of ten the format tells apart from 0 (1 for "0", 0.01 for
    /// "0%"), the finest step an axis labelled with it can use; 0 when it shows any value.
    double resolution() const;

private:
    std::optional<number_format> format_;
    const format_locale* locale_;
};

/// Returns the formatter of report metric `metric` (an index into r.metrics).
value_formatter formatter_for(const eval::report_result& r, std::size_t metric, const std::string& fallback,
                              const std::string& locale);

/// Returns the label of a category: its dimension labels joined with " · ", "(blank)" when empty.
std::string category_label(const std::vector<eval::dimension_value>& category);

}  // namespace folio::templates::svg

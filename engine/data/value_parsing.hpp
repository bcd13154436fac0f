// Reading one field's text as a number, a boolean, a date or a date-time: the strict,
// locale-free parsers every data source shares.
//
// Numbers take an optional sign, digits with at most one decimal separator (the one the
// source declares) and an optional exponent; nothing else, so "1,5" with decimal '.' and
// "1.234,5" with decimal ',' are rejected, never misread. Short decimals (15 digits or
// fewer) are converted exactly with one correctly rounded division (Clinger's fast path);
// the rest go through std::from_chars. Dates are Excel serials of the 1900 system and must
// fall in 1900-01-01 .. 9999-12-31.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace folio::data::detail {

/// Returns `text` without leading and trailing spaces and tabs.
std::string_view trim_blanks(std::string_view text);

/// Parses a whole field as a number with `decimal` ('.' or ',') as the decimal separator; nullopt
/// when it is not exactly one number. Handles blanks around the number, exponents and long
/// mantissas; parse_number tries the common short form inline first.
std::optional<double> parse_number_general(std::string_view text, char decimal);

inline constexpr double powers_of_ten[16] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                             1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

/// Parses a whole field as a number (see parse_number_general): the form [sign] digits
/// [decimal digits] with at most 15 digits is converted here exactly, as one correctly rounded
/// division of two exact doubles; anything else goes to parse_number_general.
/// parse_number writing into `out`; false when the text is not a number. (Hot loops use this:
/// GCC returns an optional<double> through memory in a way that stalls every call.)
inline bool parse_number_to(std::string_view text, char decimal, double& out) {
    const char* p = text.data();
    const char* end = p + text.size();
    bool negative = false;
    if (p != end && (*p == '-' || *p == '+')) negative = *p++ == '-';
    std::uint64_t mantissa = 0;
    int digits = 0, fraction_digits = 0;
    while (p != end && static_cast<unsigned char>(*p - '0') < 10) {
        mantissa = mantissa * 10 + static_cast<std::uint64_t>(*p++ - '0');
        ++digits;
    }
    if (p != end && *p == decimal) {
        ++p;
        while (p != end && static_cast<unsigned char>(*p - '0') < 10) {
            mantissa = mantissa * 10 + static_cast<std::uint64_t>(*p++ - '0');
            ++digits;
            ++fraction_digits;
        }
    }
    if (p != end || digits == 0 || digits > 15) {
        const std::optional<double> v = parse_number_general(text, decimal);
        if (v) out = *v;
        return v.has_value();
    }
    double v = static_cast<double>(mantissa);
    if (fraction_digits > 0) v /= powers_of_ten[fraction_digits];
    out = negative ? -v : v;
    return true;
}

inline std::optional<double> parse_number(std::string_view text, char decimal) {
    double v = 0;
    if (!parse_number_to(text, decimal, v)) return std::nullopt;
    return v;
}

/// Parses "true"/"false" in any case, and "1"/"0" when `digits` is set; nullopt otherwise.
std::optional<bool> parse_bool(std::string_view text, bool digits);

/// The outcome of reading a date or date-time.
struct date_reading {
    enum class status : std::uint8_t { ok, not_a_date, out_of_range } state = status::not_a_date;
    double serial = 0;      // the Excel serial (date plus time of day)
    bool has_time = false;  // a time of day was written
    bool zoned = false;     // written with Z or an offset: `serial` is UTC (a source's time zone may convert it)
};

/// Parses an ISO 8601 date (YYYY-MM-DD) or date-time (YYYY-MM-DD[T ]HH:MM[:SS[.fff]] with an
/// optional Z or ±HH[:]MM offset, which is converted to UTC).
date_reading parse_iso_date_time(std::string_view text);

/// A compiled strftime-like date format (see csv_options::date_format).
class date_format {
public:
    /// Compiles `pattern`; on failure returns nullopt and sets `error` to a message.
    static std::optional<date_format> compile(std::string_view pattern, std::string& error);

    /// Parses a whole field with the format.
    date_reading parse(std::string_view text) const;

    /// Tells whether the format writes a time of day.
    bool has_time() const { return has_time_; }

private:
    enum class item_kind : std::uint8_t { literal, blanks, year4, year2, month, day, hour24, hour12, minute, second,
                                          month_abbrev, month_full, am_pm };
    struct item {
        item_kind kind;
        char ch = 0;
    };
    std::vector<item> items_;
    bool has_time_ = false;
};

/// Parses a field as a date: ISO 8601, or else with `format` when there is one.
date_reading parse_date_time(std::string_view text, const date_format* format);

/// Tells whether `text` is well-formed UTF-8.
bool is_valid_utf8(std::string_view text);

/// Returns `text` shortened for a message (at most about 60 bytes, cut on a character boundary, "..." appended) with line breaks shown as \n.
std::string shorten_for_message(std::string_view text);

}  // namespace folio::data::detail

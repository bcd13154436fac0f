// Excel number format codes: one parser and one formatter for cells, TEXT() and every renderer.
//
// A format code such as `#,##0.00;[Red](#,##0.00);"-";@` is parsed once into up to four
// sections (positive; negative; zero; text) of tokens, and then renders numbers and text the way
// Excel displays them: digit placeholders `0 # ?`, thousands separators and scaling commas,
// percent, scientific notation, fractions, literals, colours and conditions, currency blocks,
// dates and times (including elapsed `[h]`), and Excel's General format. Format codes are always
// written in en-US syntax, as they are stored in .xlsx files; a `format_locale` changes only the
// display (separators, month and day names, AM/PM), exactly as Excel shows the same code under
// another regional setting. Rounding is half away from zero on the number's 15-significant-digit
// decimal value, as Excel does (TEXT(1.005,"0.00") is "1.01").
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace folio {

/// How numbers and dates are displayed in one regional setting.
struct format_locale {
    std::string_view tag;                  ///< BCP 47 tag, e.g. "es-ES"
    std::string_view decimal_separator;    ///< shown for the `.` of a format code
    std::string_view thousands_separator;  ///< shown for the thousands `,` of a format code
    std::string_view date_separator;       ///< shown for a bare `/` in a date format
    std::string_view time_separator;       ///< shown for a bare `:` in a date format
    std::array<std::string_view, 12> month_names;          ///< mmmm, January first
    std::array<std::string_view, 12> month_abbreviations;  ///< mmm
    std::array<std::string_view, 7> day_names;             ///< dddd, Sunday first
    std::array<std::string_view, 7> day_abbreviations;     ///< ddd
    std::string_view am;                   ///< AM/PM before noon
    std::string_view pm;                   ///< AM/PM from noon
    std::uint32_t lcid;                    ///< Windows locale id, as in `[$-409]`
};

/// The default locale, en-US.
extern const format_locale en_us;

/// Returns the built-in locale for a tag (en-US, es-ES, es-MX, pt-BR; case-insensitive, `_` or
/// `-`), or nullptr when there is none.
const format_locale* find_locale(std::string_view tag);

/// The display of one value: its text and, when the format names one, its colour.
struct formatted {
    std::string text;
    std::optional<std::string> color;  ///< "#RRGGBB" from [Red], [Color10], ...
    bool out_of_range = false;  ///< a date format got a value outside 0..9999-12-31: Excel shows
                                ///< ##### in a cell and TEXT() returns #VALUE!
};

/// Why a format code was rejected: a 0-based offset into the code and a short lower-case message.
struct format_error {
    std::size_t offset;
    std::string message;
};

/// A parsed, immutable Excel number format code; cheap to copy.
class number_format {
public:
    /// Parses a format code, or returns where and why it is invalid.
    static std::variant<number_format, format_error> parse(std::string_view code);

    /// Formats a number with the section that Excel picks for it.
    formatted format(double value, const format_locale& locale = en_us) const;

    /// Formats text with the text section (the fourth, or a last section containing @);
    /// without one, the text is shown unchanged.
    formatted format_text(std::string_view text, const format_locale& locale = en_us) const;

    /// Tells whether the first section formats dates or times.
    bool is_date_time() const;

    /// Returns the code this format was parsed from.
    const std::string& code() const;

private:
    struct impl;
    explicit number_format(std::shared_ptr<const impl> parsed);
    std::shared_ptr<const impl> impl_;
};

/// Formats a number with a format code; an invalid code formats it as General, a date out of
/// range gives "#####".
std::string format_number(double value, std::string_view code,
                          const format_locale& locale = en_us);

/// Formats a number as Excel's General format shows it in a cell: at most 11 characters
/// (sign not counted), trailing zeros removed, scientific notation when that keeps more digits
/// (1/3 is "0.333333333", 1234567890123 is "1.23457E+12").
std::string format_general(double value, const format_locale& locale = en_us);

}  // namespace folio

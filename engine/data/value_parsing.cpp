// Strict, locale-free parsers for numbers, booleans, dates and date-times, and the UTF-8
// checks the data sources share. Nothing here calls the C library's locale-dependent
// functions (strtod, atof, sscanf, isdigit); std::from_chars is the only conversion used.
#include "value_parsing.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstring>

#include "folio/engine/serial_date.hpp"

namespace folio::data::detail {
namespace {

/// Tells whether c is an ASCII digit.
inline bool is_digit(char c) {
    return static_cast<unsigned char>(c - '0') < 10;
}

/// Returns c in lower case when it is an ASCII capital letter.
inline char lower_ascii(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

/// Reads exactly `count` digits at p (advancing it); -1 when they are not all there.
int read_fixed_digits(const char*& p, const char* end, int count) {
    if (end - p < count) return -1;
    int v = 0;
    for (int i = 0; i < count; ++i) {
        if (!is_digit(p[i])) return -1;
        v = v * 10 + (p[i] - '0');
    }
    p += count;
    return v;
}

/// Reads one or two digits at p (advancing it); -1 when there is none.
int read_one_or_two_digits(const char*& p, const char* end) {
    if (p == end || !is_digit(*p)) return -1;
    int v = *p++ - '0';
    if (p != end && is_digit(*p)) v = v * 10 + (*p++ - '0');
    return v;
}

/// Reads a fraction of a second after a '.' at p (advancing past its digits); 0 when there is no '.'; -1 when '.' has no digits.
double read_fraction(const char*& p, const char* end) {
    if (p == end || (*p != '.' && *p != ',')) return 0;
    const char* q = p + 1;
    double fraction = 0, scale = 0.1;
    const char* first = q;
    while (q != end && is_digit(*q)) {
        fraction += (*q - '0') * scale;
        scale /= 10;
        ++q;
    }
    if (q == first) return -1;
    p = q;
    return fraction;
}

/// Combines checked calendar and clock fields into a reading (out_of_range outside 1900-9999).
date_reading make_reading(int year, int month, int day, int hour, int minute, double second, bool has_time) {
    date_reading r;
    if (month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 ||
        second >= 60)
        return r;
    if (year < 1900 || year > 9999) {
        if (day <= 31) r.state = date_reading::status::out_of_range;
        return r;
    }
    if (day > days_in_month(year, month)) return r;
    r.state = date_reading::status::ok;
    r.serial = serial_from_civil(year, month, day);
    r.has_time = has_time;
    if (has_time) r.serial += (hour * 3600.0 + minute * 60.0 + second) / 86400.0;
    return r;
}

constexpr std::array<std::string_view, 12> month_names = {"january", "february", "march",     "april",
                                                          "may",     "june",     "july",      "august",
                                                          "september", "october", "november", "december"};

/// Reads an English month name at p (advancing it), ignoring case: the full name when `full` allows it, or its first three letters; 0 when none.
int read_month_name(const char*& p, const char* end, bool full) {
    const auto matches = [&](std::string_view name, std::size_t n) {
        if (static_cast<std::size_t>(end - p) < n) return false;
        for (std::size_t i = 0; i < n; ++i)
            if (lower_ascii(p[i]) != name[i]) return false;
        return true;
    };
    if (full) {
        for (std::size_t m = 0; m < 12; ++m) {
            if (!matches(month_names[m], month_names[m].size())) continue;
            p += month_names[m].size();
            return static_cast<int>(m) + 1;
        }
    }
    for (std::size_t m = 0; m < 12; ++m) {
        if (!matches(month_names[m], 3)) continue;
        p += 3;
        return static_cast<int>(m) + 1;
    }
    return 0;
}

}  // namespace

std::string_view trim_blanks(std::string_view text) {
    std::size_t b = 0, e = text.size();
    while (b < e && (text[b] == ' ' || text[b] == '\t')) ++b;
    while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\t')) --e;
    return text.substr(b, e - b);
}

std::optional<double> parse_number_general(std::string_view text, char decimal) {
    const char* p = text.data();
    const char* end = p + text.size();
    if (p != end && (*p == ' ' || end[-1] == ' ' || *p == '\t' || end[-1] == '\t')) {
        text = trim_blanks(text);
        p = text.data();
        end = p + text.size();
        if (auto v = parse_number(text, decimal)) return v;
    }
    bool negative = false;
    if (p != end && (*p == '-' || *p == '+')) negative = *p++ == '-';
    const char* body = p;

    // General path: check the shape digits [decimal digits] [e [sign] digits], then from_chars.
    p = body;
    std::size_t mantissa_digits = 0;
    while (p != end && is_digit(*p)) ++p, ++mantissa_digits;
    if (p != end && *p == decimal) {
        ++p;
        while (p != end && is_digit(*p)) ++p, ++mantissa_digits;
    }
    if (mantissa_digits == 0) return std::nullopt;
    if (p != end && (*p == 'e' || *p == 'E')) {
        ++p;
        if (p != end && (*p == '+' || *p == '-')) ++p;
        const char* exponent = p;
        while (p != end && is_digit(*p)) ++p;
        if (p == exponent) return std::nullopt;
    }
    if (p != end) return std::nullopt;

    // from_chars wants '.' and no '+': copy, on the stack unless the number is very long.
    const std::size_t size = static_cast<std::size_t>(end - body) + (negative ? 1 : 0);
    char small[96];
    std::string large;
    char* out = small;
    if (size > sizeof small) {
        large.resize(size);
        out = large.data();
    }
    char* w = out;
    if (negative) *w++ = '-';
    for (const char* q = body; q != end; ++q) *w++ = *q == decimal ? '.' : *q;
    double v = 0;
    const auto [ptr, ec] = std::from_chars(out, w, v, std::chars_format::general);
    if (ec != std::errc() || ptr != w || !std::isfinite(v)) return std::nullopt;
    return v;
}

std::optional<bool> parse_bool(std::string_view text, bool digits) {
    text = trim_blanks(text);
    if (digits && text.size() == 1) {
        if (text[0] == '1') return true;
        if (text[0] == '0') return false;
        return std::nullopt;
    }
    auto is = [&](std::string_view word) {
        if (text.size() != word.size()) return false;
        for (std::size_t i = 0; i < word.size(); ++i)
            if (lower_ascii(text[i]) != word[i]) return false;
        return true;
    };
    if (is("true")) return true;
    if (is("false")) return false;
    return std::nullopt;
}

date_reading parse_iso_date_time(std::string_view text) {
    const char* p = text.data();
    const char* end = p + text.size();
    if (text.size() < 10 || p[4] != '-' || p[7] != '-') return {};
    const int year = read_fixed_digits(p, end, 4);
    ++p;
    const int month = read_fixed_digits(p, end, 2);
    ++p;
    const int day = read_fixed_digits(p, end, 2);
    if (year < 0 || month < 0 || day < 0) return {};
    if (p == end) return make_reading(year, month, day, 0, 0, 0, false);

    if (*p != 'T' && *p != 't' && *p != ' ') return {};
    ++p;
    const int hour = read_fixed_digits(p, end, 2);
    if (hour < 0 || p == end || *p != ':') return {};
    ++p;
    const int minute = read_fixed_digits(p, end, 2);
    if (minute < 0) return {};
    double second = 0;
    if (p != end && *p == ':') {
        ++p;
        const int whole = read_fixed_digits(p, end, 2);
        if (whole < 0) return {};
        const double fraction = read_fraction(p, end);
        if (fraction < 0) return {};
        second = whole + fraction;
    }
    double offset_minutes = 0;
    bool zoned = false;
    if (p != end && (*p == 'Z' || *p == 'z')) {
        ++p;
        zoned = true;
    } else if (p != end && (*p == '+' || *p == '-')) {
        const double sign = *p++ == '-' ? -1 : 1;
        const int oh = read_fixed_digits(p, end, 2);
        if (oh < 0 || oh > 23) return {};
        int om = 0;
        if (p != end && *p == ':') ++p;
        if (p != end) {
            om = read_fixed_digits(p, end, 2);
            if (om < 0 || om > 59) return {};
        }
        offset_minutes = sign * (oh * 60 + om);
        zoned = true;
    }
    if (p != end) return {};
    date_reading r = make_reading(year, month, day, hour, minute, second, true);
    r.zoned = zoned;
    if (r.state == date_reading::status::ok && offset_minutes != 0) {
        r.serial -= offset_minutes / 1440.0;
        if (!is_valid_serial(r.serial) || r.serial < 1) r.state = date_reading::status::out_of_range;
    }
    return r;
}

std::optional<date_format> date_format::compile(std::string_view pattern, std::string& error) {
    date_format f;
    bool year = false, month = false, day = false, hour12 = false, am_pm = false;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        if (c == ' ') {
            if (f.items_.empty() || f.items_.back().kind != item_kind::blanks) f.items_.push_back({item_kind::blanks});
            continue;
        }
        if (c != '%') {
            f.items_.push_back({item_kind::literal, c});
            continue;
        }
        if (i + 1 == pattern.size()) {
            error = "date_format '" + std::string(pattern) + "' ends with a lone '%'";
            return std::nullopt;
        }
        const char d = pattern[++i];
        item_kind kind;
        switch (d) {
            case 'Y': kind = item_kind::year4, year = true; break;
            case 'y': kind = item_kind::year2, year = true; break;
            case 'm': kind = item_kind::month, month = true; break;
            case 'b':
            case 'h': kind = item_kind::month_abbrev, month = true; break;
            case 'B': kind = item_kind::month_full, month = true; break;
            case 'd':
            case 'e': kind = item_kind::day, day = true; break;
            case 'H': kind = item_kind::hour24, f.has_time_ = true; break;
            case 'I': kind = item_kind::hour12, f.has_time_ = true, hour12 = true; break;
            case 'M': kind = item_kind::minute, f.has_time_ = true; break;
            case 'S': kind = item_kind::second, f.has_time_ = true; break;
            case 'p': kind = item_kind::am_pm, am_pm = true; break;
            case '%': f.items_.push_back({item_kind::literal, '%'}); continue;
            default:
                error = "date_format '" + std::string(pattern) + "' has an unknown directive '%" + std::string(1, d) + "'";
                return std::nullopt;
        }
        f.items_.push_back({kind});
    }
    const char* missing = !year ? "year (%Y or %y)" : !month ? "month (%m, %b or %B)" : !day ? "day (%d)" : nullptr;
    if (missing != nullptr) {
        error = "date_format '" + std::string(pattern) + "' has no " + missing;
        return std::nullopt;
    }
    if (hour12 != am_pm) {
        error = "date_format '" + std::string(pattern) + (hour12 ? "' uses %I without %p" : "' uses %p without %I");
        return std::nullopt;
    }
    return f;
}

date_reading date_format::parse(std::string_view text) const {
    const char* p = text.data();
    const char* end = p + text.size();
    int year = -1, month = -1, day = -1, hour = 0, minute = 0, pm = -1;
    double second = 0;
    for (const item& it : items_) {
        switch (it.kind) {
            case item_kind::literal:
                if (p == end || *p != it.ch) return {};
                ++p;
                break;
            case item_kind::blanks:
                if (p == end || *p != ' ') return {};
                while (p != end && *p == ' ') ++p;
                break;
            case item_kind::year4: year = read_fixed_digits(p, end, 4); if (year < 0) return {}; break;
            case item_kind::year2:
                year = read_fixed_digits(p, end, 2);
                if (year < 0) return {};
                year += year >= 69 ? 1900 : 2000;  // POSIX strptime's pivot
                break;
            case item_kind::month: month = read_one_or_two_digits(p, end); if (month < 0) return {}; break;
            case item_kind::month_abbrev: month = read_month_name(p, end, false); if (month == 0) return {}; break;
            case item_kind::month_full: month = read_month_name(p, end, true); if (month == 0) return {}; break;
            case item_kind::day: day = read_one_or_two_digits(p, end); if (day < 0) return {}; break;
            case item_kind::hour24: hour = read_one_or_two_digits(p, end); if (hour < 0) return {}; break;
            case item_kind::hour12:
                hour = read_one_or_two_digits(p, end);
                if (hour < 1 || hour > 12) return {};
                break;
            case item_kind::minute: minute = read_one_or_two_digits(p, end); if (minute < 0) return {}; break;
            case item_kind::second: {
                const int whole = read_one_or_two_digits(p, end);
                if (whole < 0) return {};
                const double fraction = read_fraction(p, end);
                if (fraction < 0) return {};
                second = whole + fraction;
                break;
            }
            case item_kind::am_pm:
                if (end - p < 2 || lower_ascii(p[1]) != 'm') return {};
                if (lower_ascii(p[0]) == 'a') pm = 0;
                else if (lower_ascii(p[0]) == 'p') pm = 1;
                else return {};
                p += 2;
                break;
        }
    }
    if (p != end) return {};
    if (pm >= 0) hour = hour % 12 + (pm == 1 ? 12 : 0);
    return make_reading(year, month, day, hour, minute, second, has_time_);
}

date_reading parse_date_time(std::string_view text, const date_format* format) {
    date_reading r = parse_iso_date_time(text);
    if (r.state == date_reading::status::not_a_date && format != nullptr) r = format->parse(text);
    return r;
}

bool is_valid_utf8(std::string_view text) {
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const auto* end = p + text.size();
    while (p != end) {
        const unsigned c = *p;
        if (c < 0x80) {
            ++p;
            continue;
        }
        int extra;
        unsigned min;
        std::uint32_t cp;
        if ((c & 0xE0) == 0xC0) extra = 1, min = 0x80, cp = c & 0x1F;
        else if ((c & 0xF0) == 0xE0) extra = 2, min = 0x800, cp = c & 0x0F;
        else if ((c & 0xF8) == 0xF0) extra = 3, min = 0x10000, cp = c & 0x07;
        else return false;
        if (end - p <= extra) return false;
        for (int i = 1; i <= extra; ++i) {
            if ((p[i] & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (p[i] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        p += extra + 1;
    }
    return true;
}

std::string shorten_for_message(std::string_view text) {
    constexpr std::size_t limit = 60;
    std::size_t cut = text.size();
    bool shortened = false;
    if (cut > limit) {
        cut = limit;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
        shortened = true;
    }
    std::string out;
    out.reserve(cut + 8);
    for (std::size_t i = 0; i < cut; ++i) {
        if (text[i] == '\n') out += "\\n";
        else if (text[i] == '\r') out += "\\r";
        else out.push_back(text[i]);
    }
    if (shortened) out += "...";
    return out;
}

}  // namespace folio::data::detail

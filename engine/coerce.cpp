// Excel's implicit conversions and value ordering (see coerce.hpp).
#include "folio/engine/coerce.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <ctime>

#include "folio/engine/serial_date.hpp"

namespace folio {

// ---------------------------------------------------------------- numbers as text

double round_to_15_digits(double n) {
    if (n == 0 || !std::isfinite(n)) return n;
    char buf[32];
    auto res = std::to_chars(buf, buf + sizeof buf, n, std::chars_format::scientific, 14);
    double out = n;
    std::from_chars(buf, res.ptr, out);
    return out;
}

std::string number_to_text(double n) {
    if (n == 0) return "0";  // also -0
    if (std::isnan(n)) return "#NUM!";
    if (std::isinf(n)) return "#NUM!";
    // 15 significant digits, then decide between fixed and scientific notation.
    char buf[40];
    auto res = std::to_chars(buf, buf + sizeof buf, n, std::chars_format::scientific, 14);
    std::string_view sci(buf, static_cast<std::size_t>(res.ptr - buf));
    const std::size_t e_pos = sci.find('e');
    int exponent = 0;
    std::from_chars(sci.data() + e_pos + 1 + (sci[e_pos + 1] == '+' ? 1 : 0), sci.data() + sci.size(), exponent);
    const bool negative = sci.front() == '-';
    std::string digits;  // the significant digits without trailing zeros
    for (char c : sci.substr(0, e_pos))
        if (c >= '0' && c <= '9') digits += c;
    while (digits.size() > 1 && digits.back() == '0') digits.pop_back();

    std::string out = negative ? "-" : "";
    const int count = static_cast<int>(digits.size());
    // Excel switches to scientific notation when fixed notation would need more than
    // 15 digits before the point, or the number is small enough that leading zeros
    // would push significant digits past the 15th.
    const bool scientific = exponent >= 15 || exponent < -9 || (exponent < 0 && count - exponent > 20);
    if (scientific) {
        out += digits[0];
        if (count > 1) {
            out += '.';
            out += digits.substr(1);
        }
        out += 'E';
        out += exponent < 0 ? '-' : '+';
        const int mag = std::abs(exponent);
        if (mag < 10) out += '0';
        out += std::to_string(mag);
        return out;
    }
    if (exponent < 0) {
        out += "0.";
        out.append(static_cast<std::size_t>(-exponent - 1), '0');
        out += digits;
        return out;
    }
    if (count <= exponent + 1) {
        out += digits;
        out.append(static_cast<std::size_t>(exponent + 1 - count), '0');
        return out;
    }
    out += digits.substr(0, static_cast<std::size_t>(exponent + 1));
    out += '.';
    out += digits.substr(static_cast<std::size_t>(exponent + 1));
    return out;
}

// ---------------------------------------------------------------- text as numbers

namespace {

std::string_view trim_spaces(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Reads a plain number with optional thousands separators in the integer part,
// a decimal point and an exponent: "1,234.5e3". The whole text must be used.
std::optional<double> read_plain_number(std::string_view s) {
    if (s.empty()) return std::nullopt;
    std::string clean;
    std::size_t i = 0;
    bool any_digit = false;
    while (i < s.size() && (is_digit(s[i]) || s[i] == ',')) {
        if (s[i] == ',') {
            // A separator must sit between digits: "1,234" but not ",1" or "1,".
            if (!any_digit || i + 1 >= s.size() || !is_digit(s[i + 1])) return std::nullopt;
        } else {
            clean += s[i];
            any_digit = true;
        }
        ++i;
    }
    if (i < s.size() && s[i] == '.') {
        clean += '.';
        ++i;
        while (i < s.size() && is_digit(s[i])) {
            clean += s[i++];
            any_digit = true;
        }
    }
    if (!any_digit) return std::nullopt;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        clean += 'e';
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) clean += s[i++];
        if (i >= s.size() || !is_digit(s[i])) return std::nullopt;
        while (i < s.size() && is_digit(s[i])) clean += s[i++];
    }
    if (i != s.size()) return std::nullopt;
    double out = 0;
    auto res = std::from_chars(clean.data(), clean.data() + clean.size(), out);
    if (res.ec == std::errc::result_out_of_range) return std::nullopt;
    if (res.ec != std::errc() || res.ptr != clean.data() + clean.size()) return std::nullopt;
    return out;
}

// Reads a mixed fraction, "1 1/2" or "0 3/4", which Excel accepts as a number ("1/2"
// alone is a date). The denominator must not be zero.
std::optional<double> read_mixed_fraction(std::string_view s) {
    const std::size_t space = s.find(' ');
    const std::size_t slash = s.find('/');
    if (space == std::string_view::npos || slash == std::string_view::npos || slash < space) return std::nullopt;
    auto whole_digits = [](std::string_view d) {
        return !d.empty() && d.size() <= 9 && std::all_of(d.begin(), d.end(), is_digit);
    };
    const std::string_view whole = s.substr(0, space), num = s.substr(space + 1, slash - space - 1),
                           den = s.substr(slash + 1);
    if (!whole_digits(whole) || !whole_digits(num) || !whole_digits(den)) return std::nullopt;
    const double d = std::stod(std::string(den));
    if (d == 0) return std::nullopt;
    return std::stod(std::string(whole)) + std::stod(std::string(num)) / d;
}

// Completes dates typed without a year ("1/31"), as Excel does, with this year.
int current_year() {
    const std::time_t t = std::time(nullptr);
    std::tm local{};
    localtime_r(&t, &local);
    return local.tm_year + 1900;
}

}  // namespace

std::optional<double> text_to_number(std::string_view text) {
    std::string_view s = trim_spaces(text);
    if (s.empty()) return std::nullopt;
    bool negative = false;
    int percents = 0;
    if (s.front() == '(' && s.back() == ')') {  // accounting negative: (5)
        negative = true;
        s = trim_spaces(s.substr(1, s.size() - 2));
    }
    while (!s.empty() && s.back() == '%') {
        ++percents;
        s = trim_spaces(s.substr(0, s.size() - 1));
    }
    bool sign_seen = false, currency_seen = false;
    while (!s.empty()) {
        if ((s.front() == '-' || s.front() == '+') && !sign_seen && !negative) {
            negative = s.front() == '-';
            sign_seen = true;
        } else if (s.front() == '$' && !currency_seen) {
            currency_seen = true;
        } else {
            break;
        }
        s = trim_spaces(s.substr(1));
    }
    if (!currency_seen && !s.empty() && s.back() == '$') {
        currency_seen = true;
        s = trim_spaces(s.substr(0, s.size() - 1));
    }
    std::optional<double> n = read_plain_number(s);
    if (!n) n = read_mixed_fraction(s);
    if (!n && !currency_seen && percents == 0) {
        // Not a plain number: a date or a time ("2024-01-31", "10:30 PM").
        n = parse_date_time(s, current_year());
        if (n && sign_seen) n = negative ? -*n : *n;
        if (n) return n;
        return std::nullopt;
    }
    if (!n) return std::nullopt;
    double v = *n;
    for (int i = 0; i < percents; ++i) v /= 100;
    return negative ? -v : v;
}

// ---------------------------------------------------------------- scalar conversions

namespace {

const value& top_left(const value& v) {
    if (v.is_array() && v.array_value().rows() > 0 && v.array_value().cols() > 0) return v.array_value().at(0, 0);
    return v;
}

}  // namespace

or_error<double> to_number(const value& input) {
    const value& v = top_left(input);
    switch (v.type()) {
        case value::kind::number: return v.number();
        case value::kind::blank: return 0.0;
        case value::kind::boolean: return v.boolean() ? 1.0 : 0.0;
        case value::kind::error: return v.error();
        case value::kind::text: {
            auto n = text_to_number(v.text());
            if (!n) return error_code::value;
            return *n;
        }
        default: return error_code::value;
    }
}

or_error<std::string> to_text(const value& input) {
    const value& v = top_left(input);
    switch (v.type()) {
        case value::kind::text: return v.text();
        case value::kind::number: return number_to_text(v.number());
        case value::kind::blank: return std::string();
        case value::kind::boolean: return std::string(v.boolean() ? "TRUE" : "FALSE");
        case value::kind::error: return v.error();
        default: return error_code::value;
    }
}

or_error<bool> to_boolean(const value& input) {
    const value& v = top_left(input);
    switch (v.type()) {
        case value::kind::boolean: return v.boolean();
        case value::kind::number: return v.number() != 0;
        case value::kind::blank: return false;
        case value::kind::error: return v.error();
        case value::kind::text:
            if (text_equals_ci(v.text(), "TRUE")) return true;
            if (text_equals_ci(v.text(), "FALSE")) return false;
            return error_code::value;
        default: return error_code::value;
    }
}

value to_scalar(const value& v, call_context& ctx) {
    if (!v.is_reference()) return v;
    const reference& r = v.ref();
    if (r.on == nullptr) return error_code::ref;
    if (r.is_single_cell()) return ctx.cell(*r.on, r.row0, r.col0);
    // Implicit intersection with the row or column of the formula's cell.
    const cell_position at = ctx.current_cell();
    if (at.on == r.on) {
        if (r.cols() == 1 && at.row >= r.row0 && at.row <= r.row1) return ctx.cell(*r.on, at.row, r.col0);
        if (r.rows() == 1 && at.col >= r.col0 && at.col <= r.col1) return ctx.cell(*r.on, r.row0, at.col);
    }
    return error_code::value;
}

// ---------------------------------------------------------------- comparison

namespace {

// Excel's numbers are equal when they agree to about 15 significant digits
// (=0.1+0.2=0.3 is TRUE). LibreOffice uses the same tolerance (rtl::math::approxEqual).
bool approx_equal(double a, double b) {
    if (a == b) return true;
    if (a == 0 || b == 0) return false;
    const double diff = std::fabs(a - b);
    return diff < std::max(std::fabs(a), std::fabs(b)) * (1.0 / (16777216.0 * 16777216.0));  // 2^-48
}

int type_rank(value::kind k) {
    switch (k) {
        case value::kind::number: return 1;
        case value::kind::text: return 2;
        case value::kind::boolean: return 3;
        default: return 0;
    }
}

}  // namespace

int compare_values(const value& a_in, const value& b_in) {
    const value& a = top_left(a_in);
    const value& b = top_left(b_in);
    if (a.is_blank() && b.is_blank()) return 0;
    if (a.is_blank()) {
        if (b.is_number()) return compare_values(value(0.0), b);
        if (b.is_text()) return b.text().empty() ? 0 : -1;
        if (b.is_boolean()) return b.boolean() ? -1 : 0;
        return -1;
    }
    if (b.is_blank()) return -compare_values(b, a);
    const int ra = type_rank(a.type()), rb = type_rank(b.type());
    if (ra != rb) return ra < rb ? -1 : 1;
    switch (a.type()) {
        case value::kind::number:
            if (approx_equal(a.number(), b.number())) return 0;
            return a.number() < b.number() ? -1 : 1;
        case value::kind::text: return text_compare_ci(a.text(), b.text());
        case value::kind::boolean: return static_cast<int>(a.boolean()) - static_cast<int>(b.boolean());
        default: return 0;
    }
}

// ---------------------------------------------------------------- UTF-8 case

namespace {

// Decodes one UTF-8 sequence at s[i], advancing i; invalid bytes decode as themselves.
char32_t decode(std::string_view s, std::size_t& i) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    auto cont = [&](std::size_t k) { return i + k < s.size() && (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80; };
    if (b0 < 0x80) { ++i; return b0; }
    if ((b0 & 0xE0) == 0xC0 && cont(1)) {
        char32_t c = ((b0 & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
        i += 2;
        return c;
    }
    if ((b0 & 0xF0) == 0xE0 && cont(1) && cont(2)) {
        char32_t c = ((b0 & 0x0Fu) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 6) |
                     (static_cast<unsigned char>(s[i + 2]) & 0x3Fu);
        i += 3;
        return c;
    }
    if ((b0 & 0xF8) == 0xF0 && cont(1) && cont(2) && cont(3)) {
        char32_t c = ((b0 & 0x07u) << 18) | ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 12) |
                     ((static_cast<unsigned char>(s[i + 2]) & 0x3Fu) << 6) | (static_cast<unsigned char>(s[i + 3]) & 0x3Fu);
        i += 4;
        return c;
    }
    ++i;
    return 0xDC00 + b0;  // a lone byte: kept distinct, re-encoded as the same byte
}

void encode(char32_t c, std::string& out) {
    if (c >= 0xDC80 && c <= 0xDCFF) { out += static_cast<char>(c - 0xDC00); return; }
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

char32_t upper_of(char32_t c) {
    if (c >= 'a' && c <= 'z') return c - 32;
    if ((c >= 0xE0 && c <= 0xFE && c != 0xF7)) return c - 32;
    if (c == 0xFF) return 0x178;
    if (c >= 0x100 && c <= 0x17F) {
        // Latin Extended-A pairs upper/lower mostly as even/odd, with two offset runs.
        if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return (c % 2 == 0) ? c - 1 : c;
        if (c == 0x131) return 'I';
        return (c % 2 == 1 && c != 0x138 && c != 0x149) ? c - 1 : c;
    }
    if (c >= 0x3B1 && c <= 0x3C9 && c != 0x3C2) return c - 32;
    if (c >= 0x430 && c <= 0x44F) return c - 32;
    if (c >= 0x450 && c <= 0x45F) return c - 80;
    return c;
}

char32_t lower_of(char32_t c) {
    if (c >= 'A' && c <= 'Z') return c + 32;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
    if (c == 0x178) return 0xFF;
    if (c >= 0x100 && c <= 0x17F) {
        if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return (c % 2 == 1) ? c + 1 : c;
        if (c == 0x130) return 'i';
        return (c % 2 == 0 && c != 0x138) ? c + 1 : c;
    }
    if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) return c + 32;
    if (c >= 0x410 && c <= 0x42F) return c + 32;
    if (c >= 0x400 && c <= 0x40F) return c + 80;
    return c;
}

template <class Map>
std::string map_case(std::string_view text, Map map) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) encode(map(decode(text, i)), out);
    return out;
}

}  // namespace

std::string to_upper_utf8(std::string_view text) { return map_case(text, upper_of); }
std::string to_lower_utf8(std::string_view text) { return map_case(text, lower_of); }

int text_compare_ci(std::string_view a, std::string_view b) {
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        const auto ca = static_cast<unsigned char>(a[i]);
        const auto cb = static_cast<unsigned char>(b[j]);
        if (ca < 0x80 && cb < 0x80) {  // fast path for ASCII
            const int la = (ca >= 'A' && ca <= 'Z') ? ca + 32 : ca;
            const int lb = (cb >= 'A' && cb <= 'Z') ? cb + 32 : cb;
            if (la != lb) return la < lb ? -1 : 1;
            ++i;
            ++j;
            continue;
        }
        const char32_t da = lower_of(decode(a, i));
        const char32_t db = lower_of(decode(b, j));
        if (da != db) return da < db ? -1 : 1;
    }
    if (i < a.size()) return 1;
    if (j < b.size()) return -1;
    return 0;
}

bool text_equals_ci(std::string_view a, std::string_view b) {
    if (a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size()) == 0) return true;
    return text_compare_ci(a, b) == 0;
}

}  // namespace folio

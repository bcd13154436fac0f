// The text functions: LEFT, RIGHT, MID, LEN, TRIM, UPPER, LOWER, PROPER, SUBSTITUTE,
// REPLACE, FIND, SEARCH, TEXTJOIN, CONCAT, CONCATENATE, VALUE, REPT, EXACT, CHAR,
// CODE, CLEAN, UNICHAR, UNICODE, NUMBERVALUE, and TEXT, FIXED and DOLLAR, which
// format through the shared number format engine (engine/number_format.hpp).
//
// Text is UTF-8 in Folio, but character positions and lengths count UTF-16 code
// units, as Excel (and LibreOffice) count them: LEN("😀") is 2, and FIND, MID,
// REPLACE and the 32,767-character cell limit agree with Excel on text holding
// characters outside the Basic Multilingual Plane. The functions that cut text work
// on UTF-16 and convert back, so they never split a UTF-8 sequence; a cut through the
// middle of a surrogate pair (=LEFT("😀",1)), which in Excel leaves half a character,
// gives U+FFFD, the replacement character, so lengths still add up. Invalid UTF-8
// bytes in the input also read as U+FFFD.
//
// Most functions lift (=LEN(A1:A3) is an array); TEXTJOIN and CONCAT read ranges and
// arrays row by row instead. Text results longer than 32,767 characters are #VALUE!,
// as Excel cannot hold them in a cell.
#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "folio/engine/coerce.hpp"
#include "folio/engine/function.hpp"
#include "folio/engine/number_format.hpp"
#include "folio/stdlib/builtins.hpp"

namespace folio {
namespace {

// Excel's limit on the length of a text value, in UTF-16 code units.
constexpr std::size_t max_text_length = 32767;

constexpr char32_t replacement_character = 0xFFFD;

// ---------------------------------------------------------------------------------
// UTF-8 / UTF-16

// Decodes one UTF-8 sequence at s[i] and advances i; an invalid or truncated
// sequence, an overlong form or an encoded surrogate reads as one U+FFFD per byte.
char32_t decode_utf8(std::string_view s, std::size_t& i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
    const auto cont = [&](std::size_t k) { return i + k < s.size() && (byte(k) & 0xC0) == 0x80; };
    const unsigned char b0 = byte(0);
    if (b0 < 0x80) {
        ++i;
        return b0;
    }
    if (b0 >= 0xC2 && b0 <= 0xDF && cont(1)) {
        char32_t c = ((b0 & 0x1Fu) << 6) | (byte(1) & 0x3Fu);
        i += 2;
        return c;
    }
    if ((b0 & 0xF0) == 0xE0 && cont(1) && cont(2)) {
        char32_t c = ((b0 & 0x0Fu) << 12) | ((byte(1) & 0x3Fu) << 6) | (byte(2) & 0x3Fu);
        if (c >= 0x800 && (c < 0xD800 || c > 0xDFFF)) {
            i += 3;
            return c;
        }
    }
    if (b0 >= 0xF0 && b0 <= 0xF4 && cont(1) && cont(2) && cont(3)) {
        char32_t c = ((b0 & 0x07u) << 18) | ((byte(1) & 0x3Fu) << 12) | ((byte(2) & 0x3Fu) << 6) | (byte(3) & 0x3Fu);
        if (c >= 0x10000 && c <= 0x10FFFF) {
            i += 4;
            return c;
        }
    }
    ++i;
    return replacement_character;
}

// Appends the UTF-8 encoding of a code point.
void encode_utf8(char32_t c, std::string& out) {
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

// True when every byte is ASCII (then bytes, code points and UTF-16 units coincide).
bool is_ascii(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char ch) { return static_cast<unsigned char>(ch) < 0x80; });
}

// Converts UTF-8 to UTF-16.
std::u16string to_utf16(std::string_view s) {
    std::u16string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        char32_t c = decode_utf8(s, i);
        if (c < 0x10000) {
            out += static_cast<char16_t>(c);
        } else {
            c -= 0x10000;
            out += static_cast<char16_t>(0xD800 + (c >> 10));
            out += static_cast<char16_t>(0xDC00 + (c & 0x3FF));
        }
    }
    return out;
}

// Converts UTF-16 to UTF-8; a lone surrogate (half of a cut pair) becomes U+FFFD.
std::string to_utf8(std::u16string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        char32_t c = s[i];
        if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s.size() && s[i + 1] >= 0xDC00 && s[i + 1] <= 0xDFFF) {
            c = 0x10000 + ((c - 0xD800) << 10) + (s[i + 1] - 0xDC00);
            ++i;
        } else if (c >= 0xD800 && c <= 0xDFFF) {
            c = replacement_character;
        }
        encode_utf8(c, out);
    }
    return out;
}

// Returns the length of UTF-8 text in UTF-16 code units (Excel's LEN).
std::size_t utf16_length(std::string_view s) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size();) n += decode_utf8(s, i) >= 0x10000 ? 2 : 1;
    return n;
}

// Returns the UTF-16 code units [begin, begin + count) of UTF-8 text, clamped to its
// length, as UTF-8.
std::string utf16_slice(std::string_view s, std::size_t begin, std::size_t count) {
    if (is_ascii(s)) {
        if (begin >= s.size()) return std::string();
        return std::string(s.substr(begin, count));
    }
    std::u16string u = to_utf16(s);
    if (begin >= u.size()) return std::string();
    return to_utf8(std::u16string_view(u).substr(begin, count));
}

// ---------------------------------------------------------------------------------
// Argument readers

// Reads a scalar argument as text (numbers as General, TRUE/FALSE, blank as "").
or_error<std::string> text_arg(const value& v) { return to_text(v); }

// Reads a scalar argument as a number and truncates it toward zero.
or_error<double> integer_arg(const value& v) {
    auto n = to_number(v);
    if (!n) return n.error();
    return std::trunc(*n);
}

// Converts a non-negative count already checked against limits to a size, capping
// huge values so that the conversion is defined.
std::size_t to_size(double n) {
    if (!(n > 0)) return 0;
    if (n > 1e15) return static_cast<std::size_t>(1e15);
    return static_cast<std::size_t>(n);
}

// Returns text as a value, or #VALUE! when it is longer than a cell can hold.
value text_result(std::string s) {
    if (s.size() > max_text_length && utf16_length(s) > max_text_length) return error_code::value;
    return value(std::move(s));
}

// ---------------------------------------------------------------------------------
// LEFT, RIGHT, MID, LEN

// Reads the optional character count of LEFT / RIGHT: 1 when absent, 0 when left
// empty (=LEFT("abc",) → ""), #VALUE! when negative.
or_error<double> count_arg(const arguments& args, std::size_t i) {
    if (i >= args.size()) return 1.0;
    auto n = integer_arg(args[i]);
    if (!n) return n.error();
    if (*n < 0) return error_code::value;
    return *n;
}

// Returns the first num_chars characters (default 1) of the text.
value left_impl(const arguments& args, call_context&) {
    auto s = text_arg(args[0]);
    if (!s) return s.error();
    auto n = count_arg(args, 1);
    if (!n) return n.error();
    return utf16_slice(*s, 0, to_size(*n));
}

// Returns the last num_chars characters (default 1) of the text.
value right_impl(const arguments& args, call_context&) {
    auto s = text_arg(args[0]);
    if (!s) return s.error();
    auto n = count_arg(args, 1);
    if (!n) return n.error();
    std::size_t len = utf16_length(*s);
    std::size_t count = std::min(len, to_size(*n));
    return utf16_slice(*s, len - count, count);
}

// Returns num_chars characters starting at the 1-based start_num; #VALUE! when
// start_num < 1 or num_chars < 0, "" when start_num is past the end.
value mid_impl(const arguments& args, call_context&) {
    auto s = text_arg(args[0]);
    if (!s) return s.error();
    auto start = integer_arg(args[1]);
    if (!start) return start.error();
    auto count = integer_arg(args[2]);
    if (!count) return count.error();
    if (*start < 1 || *count < 0) return error_code::value;
    return utf16_slice(*s, to_size(*start - 1), to_size(*count));
}

// Returns the number of characters (UTF-16 code units) of the text.
value len_impl(const arguments& args, call_context&) {
    auto s = text_arg(args[0]);
    if (!s) return s.error();
    return static_cast<double>(utf16_length(*s));
}

// ---------------------------------------------------------------------------------
// TRIM, UPPER, LOWER, PROPER, CLEAN

// Removes leading and trailing spaces and collapses inner runs of spaces to one;
// only the ASCII space (32) counts, not the non-breaking space (160).
value trim_impl(const arguments& args, call_context&) {
    auto s = text_arg(args[0]);
    if (!s) return s.error();
    std::string out;
    out.reserve(s->size());
    bool pending_space = false;
    for (char ch : *s) {
        if (ch == ' ') {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        out += ch;
    }
    return out;
}

// Upper-cases the text.
value upper_impl(const arguments& args, call_context&) {
    auto s = text_arg(args[0]);
    if (!s) return s.error();
    return to_upper_utf8(*s);
}

// Lower-cases the text.
value lower_impl(const arguments& args, call_context&) {
    auto s = text_arg(args[0]);
    if (!s) return s.error();
    return to_lower_utf8(*s);
}

// True for the code points PROPER treats as letters: a letter continues a word, any
// other character ends it. Covers the scripts to_upper_utf8 knows (Latin, Greek,
// Cyrillic, with combining accents) and the caseless CJK and Hangul blocks.
bool is_letter(char32_t c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (c == 0xAA || c == 0xB5 || c == 0xBA) return true;             // ª µ º
    if (c >= 0xC0 && c <= 0x24F) return c != 0xD7 && c != 0xF7;       // Latin-1, Extended-A/B
    if (c >= 0x250 && c <= 0x2AF) return true;                        // IPA
    if (c >= 0x300 && c <= 0x36F) return true;                        // combining accents
    if (c >= 0x370 && c <= 0x3FF) return c != 0x375 && c != 0x37E && c != 0x384 && c != 0x385 && c != 0x387;
    if (c >= 0x400 && c <= 0x52F) return c < 0x482 || c > 0x489;      // Cyrillic
    if (c >= 0x1E00 && c <= 0x1FFF) return true;                      // Latin/Greek extended
    if (c >= 0x3040 && c <= 0x30FF) return true;                      // kana
    if (c >= 0x3400 && c <= 0x9FFF) return true;                      // CJK ideographs
    if (c >= 0xAC00 && c <= 0xD7AF) return true;                      // Hangul
    return false;
}

// Maps one code point through a UTF-8 case function, keeping it when the mapping
// would not give exactly one code point.
template <class CaseMap>
void append_case_mapped(char32_t c, CaseMap map, std::string& out) {
    std::string one;
    encode_utf8(c, one);
    std::string mapped = map(one);
    std::size_t i = 0;
    if (!mapped.empty()) {
        decode_utf8(mapped, i);
        if (i == mapped.size()) {
            out += mapped;
            return;
        }
    }
    out += one;
}

// Capitalizes the first letter of every word and lower-cases the other letters; a
// word starts at any letter that follows a non-letter (=PROPER("2-way") → "2-Way",
// =PROPER("don't") → "Don'T", as Excel does).
value proper_impl(const arguments& args, call_context&) {
    auto s = text_arg(args[0]);
    if (!s) return s.error();
    std::string out;
    out.reserve(s->size());
    bool in_word = false;
    for (std::size_t i = 0; i < s->size();) {
        char32_t c = decode_utf8(*s, i);
        bool letter = is_letter(c);
        if (c < 0x80) {
            char ch = static_cast<char>(c);
            if (letter) ch = in_word ? static_cast<char>(ch | 0x20) : static_cast<char>(ch & ~0x20);
            out += ch;
        } else if (letter) {
            if (in_word) append_case_mapped(c, to_lower_utf8, out);
            else append_case_mapped(c, to_upper_utf8, out);
        } else {
            encode_utf8(c, out);
        }
        in_word = letter;
    }
    return out;
}

// Removes the control characters 0–31 (not 127 nor the C1 controls, as in Excel).
value clean_impl(const arguments& args, call_context&) {
    auto s = text_arg(args[0]);
    if (!s) return s.error();
    std::string out;
    out.reserve(s->size());
    for (char ch : *s)
        if (static_cast<unsigned char>(ch) >= 32) out += ch;
    return out;
}

// ---------------------------------------------------------------------------------
// SUBSTITUTE, REPLACE

// Replaces every occurrence of old_text (or only the instance_num-th) with new_text,
// case-sensitively; an empty old_text leaves the text unchanged.
value substitute_impl(const arguments& args, call_context&) {
    auto s = text_arg(args[0]);
    if (!s) return s.error();
    auto from = text_arg(args[1]);
    if (!from) return from.error();
    auto to = text_arg(args[2]);
    if (!to) return to.error();
    std::optional<double> instance;
    if (args.size() > 3) {
        auto n = integer_arg(args[3]);
        if (!n) return n.error();
        if (*n < 1) return error_code::value;
        instance = *n;
    }
    if (from->empty()) return *s;
    // UTF-8 is self-synchronizing: a byte match of valid text is a character match.
    std::string out;
    std::size_t pos = 0;
    double seen = 0;
    while (true) {
        std::size_t hit = s->find(*from, pos);
        if (hit == std::string::npos) break;
        ++seen;
        if (!instance || seen == *instance) {
            out.append(*s, pos, hit - pos);
            out += *to;
        } else {
            out.append(*s, pos, hit - pos + from->size());
        }
        pos = hit + from->size();
        if (instance && seen == *instance) break;
    }
    out.append(*s, pos, std::string::npos);
    return text_result(std::move(out));
}

// Replaces num_chars characters starting at the 1-based start_num with new_text; a
// start past the end appends. #VALUE! when start_num < 1 or num_chars < 0.
value replace_impl(const arguments& args, call_context&) {
    auto s = text_arg(args[0]);
    if (!s) return s.error();
    auto start = integer_arg(args[1]);
    if (!start) return start.error();
    auto count = integer_arg(args[2]);
    if (!count) return count.error();
    auto insert = text_arg(args[3]);
    if (!insert) return insert.error();
    if (*start < 1 || *count < 0) return error_code::value;
    std::u16string u = to_utf16(*s);
    std::size_t begin = std::min(u.size(), to_size(*start - 1));
    std::size_t end = std::min(u.size(), begin + std::min(u.size(), to_size(*count)));
    std::string out = to_utf8(std::u16string_view(u).substr(0, begin));
    out += *insert;
    out += to_utf8(std::u16string_view(u).substr(end));
    return text_result(std::move(out));
}

// ---------------------------------------------------------------------------------
// FIND, SEARCH

// Reads FIND / SEARCH's start_num against the searched text's length: default 1;
// #VALUE! when below 1 or beyond the last character (Microsoft's FIND documentation:
// "If start_num is greater than the length of within_text, FIND returns #VALUE!").
or_error<std::size_t> search_start(const arguments& args, std::size_t length) {
    double start = 1;
    if (args.size() > 2) {
        auto n = integer_arg(args[2]);
        if (!n) return n.error();
        start = *n;
    }
    if (start < 1 || start > static_cast<double>(length)) return error_code::value;
    return static_cast<std::size_t>(start) - 1;
}

// Returns the 1-based position of find_text in within_text, case-sensitively and
// without wildcards, from start_num on; "" is found at start_num; #VALUE! when absent.
value find_impl(const arguments& args, call_context&) {
    auto needle = text_arg(args[0]);
    if (!needle) return needle.error();
    auto haystack = text_arg(args[1]);
    if (!haystack) return haystack.error();
    std::u16string within = to_utf16(*haystack);
    auto start = search_start(args, within.size());
    if (!start) return start.error();
    std::size_t hit = within.find(to_utf16(*needle), *start);
    if (hit == std::u16string::npos) return error_code::value;
    return static_cast<double>(hit + 1);
}

// Lower-cases one UTF-16 code unit for case-insensitive search (the letters
// to_lower_utf8 knows; surrogates and other characters stay as they are).
char16_t fold_unit(char16_t c) {
    if (c < 0x80) return (c >= 'A' && c <= 'Z') ? static_cast<char16_t>(c + 32) : c;
    constexpr std::size_t table_size = 0x530;  // up to the end of Cyrillic Supplement
    if (c >= table_size) return c;
    static const std::array<char16_t, table_size> table = [] {
        std::array<char16_t, table_size> t{};
        for (std::size_t i = 0; i < table_size; ++i) {
            t[i] = static_cast<char16_t>(i);
            if (i < 0x80) continue;
            std::string one;
            encode_utf8(static_cast<char32_t>(i), one);
            std::string lower = to_lower_utf8(one);
            std::size_t pos = 0;
            char32_t mapped = lower.empty() ? 0 : decode_utf8(lower, pos);
            if (pos == lower.size() && mapped != 0 && mapped < 0x10000) t[i] = static_cast<char16_t>(mapped);
        }
        return t;
    }();
    return table[c];
}

// Returns UTF-8 text as case-folded UTF-16.
std::u16string folded_utf16(std::string_view s) {
    std::u16string u = to_utf16(s);
    for (char16_t& c : u) c = fold_unit(c);
    return u;
}

// One element of a SEARCH pattern: a literal unit, ? (any one unit) or * (any run).
struct pattern_token {
    enum class kind : std::uint8_t { literal, any_one, any_run } what;
    char16_t unit;
};

// Compiles a folded pattern: * and ? are wildcards, ~ escapes * ? and ~ (before
// anything else, and at the end, ~ is itself).
std::vector<pattern_token> compile_pattern(std::u16string_view p, bool& has_wildcards) {
    std::vector<pattern_token> out;
    has_wildcards = false;
    for (std::size_t i = 0; i < p.size(); ++i) {
        char16_t c = p[i];
        if (c == u'~' && i + 1 < p.size() && (p[i + 1] == u'*' || p[i + 1] == u'?' || p[i + 1] == u'~')) {
            out.push_back({pattern_token::kind::literal, p[++i]});
        } else if (c == u'*') {
            has_wildcards = true;
            if (out.empty() || out.back().what != pattern_token::kind::any_run)
                out.push_back({pattern_token::kind::any_run, 0});
        } else if (c == u'?') {
            has_wildcards = true;
            out.push_back({pattern_token::kind::any_one, 0});
        } else {
            out.push_back({pattern_token::kind::literal, c});
        }
    }
    return out;
}

// True when the pattern matches some prefix of text[from..] (a match may end anywhere).
bool matches_prefix(const std::vector<pattern_token>& p, std::u16string_view text, std::size_t from) {
    std::size_t pi = 0, ti = from;
    std::size_t star = std::string::npos, star_text = 0;
    while (true) {
        if (pi == p.size()) return true;
        if (p[pi].what == pattern_token::kind::any_run) {
            star = pi++;
            star_text = ti;
            continue;
        }
        if (ti < text.size() && (p[pi].what == pattern_token::kind::any_one || p[pi].unit == text[ti])) {
            ++pi;
            ++ti;
            continue;
        }
        if (star != std::string::npos && star_text < text.size()) {
            pi = star + 1;
            ti = ++star_text;
            continue;
        }
        return false;
    }
}

// Returns the 1-based position of find_text in within_text, case-insensitively and
// with * ? ~ wildcards, from start_num on; #VALUE! when absent.
value search_impl(const arguments& args, call_context&) {
    auto needle = text_arg(args[0]);
    if (!needle) return needle.error();
    auto haystack = text_arg(args[1]);
    if (!haystack) return haystack.error();
    std::u16string within = folded_utf16(*haystack);
    auto start = search_start(args, within.size());
    if (!start) return start.error();
    bool wildcards = false;
    std::u16string folded_needle = folded_utf16(*needle);
    std::vector<pattern_token> pattern = compile_pattern(folded_needle, wildcards);
    if (!wildcards) {
        std::u16string literal;
        for (const auto& t : pattern) literal += t.unit;
        std::size_t hit = within.find(literal, *start);
        if (hit == std::u16string::npos) return error_code::value;
        return static_cast<double>(hit + 1);
    }
    for (std::size_t at = *start; at < within.size(); ++at) {
        if (matches_prefix(pattern, within, at)) return static_cast<double>(at + 1);
        if (pattern.front().what == pattern_token::kind::any_run) break;  // "*x" failing here fails everywhere
    }
    return error_code::value;
}

// ---------------------------------------------------------------------------------
// TEXTJOIN, CONCAT, CONCATENATE

// Appends text to a join, failing once the result outgrows a cell.
class text_builder {
public:
    bool append(std::string_view s) {
        out_ += s;
        units_ += is_ascii(s) ? s.size() : utf16_length(s);
        return units_ <= max_text_length;
    }
    bool too_long() const { return units_ > max_text_length; }
    std::string take() { return std::move(out_); }

private:
    std::string out_;
    std::size_t units_ = 0;
};

// Calls f(value) for every cell of an argument in row-major order (a scalar is one
// cell); `whole` visits the blank cells beyond the used part too. Stops early when
// f returns false; returns false then.
template <class F>
bool for_each_cell(const value& arg, call_context& ctx, bool whole, F&& f) {
    if (!arg.is_reference() && !arg.is_array()) return f(arg);
    grid g(arg, ctx);
    std::int32_t rows = whole ? g.rows() : g.used_rows();
    std::int32_t cols = whole ? g.cols() : g.used_cols();
    for (std::int32_t r = 0; r < rows; ++r)
        for (std::int32_t c = 0; c < cols; ++c)
            if (!f(r < g.used_rows() && c < g.used_cols() ? g.at(r, c) : call_context::blank_value())) return false;
    return true;
}

// Joins texts, ranges and arrays (row by row) with a delimiter, which may itself be
// a range or an array whose texts are used in turn; ignore_empty skips "" and blank
// cells. Errors inside the arguments are returned; over 32,767 characters is #VALUE!.
value textjoin_impl(const arguments& args, call_context& ctx) {
    // Delimiters, in order: a range or array supplies several, used cyclically.
    std::vector<std::string> delimiters;
    std::optional<error_code> failure;
    {
        const value& d = args[0];
        bool whole = d.is_reference() && d.ref().rows() * static_cast<std::int64_t>(d.ref().cols()) <= 65536;
        for_each_cell(d, ctx, whole || d.is_array(), [&](const value& v) {
            auto t = text_arg(v);
            if (!t) {
                failure = t.error();
                return false;
            }
            delimiters.push_back(*t);
            return true;
        });
        if (failure) return *failure;
        if (delimiters.empty()) delimiters.push_back(std::string());
    }
    value flag = to_scalar(args[1], ctx);
    if (flag.is_error()) return flag;
    if (flag.is_array()) flag = flag.array_value().at(0, 0);
    auto ignore_empty = to_boolean(flag);
    if (!ignore_empty) return ignore_empty.error();
    bool all_delimiters_empty =
        std::all_of(delimiters.begin(), delimiters.end(), [](const std::string& s) { return s.empty(); });
    // Blank cells beyond a range's used part matter only when they add delimiters.
    bool whole = !*ignore_empty && !all_delimiters_empty;

    text_builder out;
    std::size_t items = 0;
    for (std::size_t i = 2; i < args.size() && !failure; ++i) {
        bool ok = for_each_cell(args[i], ctx, whole, [&](const value& v) {
            if (v.is_error()) {
                failure = v.error();
                return false;
            }
            auto t = text_arg(v);
            if (!t) {
                failure = t.error();
                return false;
            }
            if (*ignore_empty && t->empty()) return true;
            if (items > 0 && !out.append(delimiters[(items - 1) % delimiters.size()])) return false;
            ++items;
            return out.append(*t);
        });
        if (!ok && !failure) return error_code::value;  // too long
    }
    if (failure) return *failure;
    if (out.too_long()) return error_code::value;
    return out.take();
}

// Joins texts, ranges and arrays (row by row, blank cells as ""); errors inside the
// arguments are returned; over 32,767 characters is #VALUE!.
value concat_impl(const arguments& args, call_context& ctx) {
    text_builder out;
    std::optional<error_code> failure;
    for (std::size_t i = 0; i < args.size() && !failure; ++i) {
        bool ok = for_each_cell(args[i], ctx, false, [&](const value& v) {
            auto t = text_arg(v);
            if (!t) {
                failure = t.error();
                return false;
            }
            return out.append(*t);
        });
        if (!ok && !failure) return error_code::value;
    }
    if (failure) return *failure;
    return out.take();
}

// Joins scalar texts (a range argument lifts, as Excel's CONCATENATE does).
value concatenate_impl(const arguments& args, call_context&) {
    text_builder out;
    for (const value& v : args) {
        auto t = text_arg(v);
        if (!t) return t.error();
        if (!out.append(*t)) return error_code::value;
    }
    return out.take();
}

// ---------------------------------------------------------------------------------
// VALUE, REPT, EXACT, CHAR, CODE

// Converts text that reads as a number (en-US: "$1,234.50", "(5)", "50%", dates and
// times) to that number; numbers pass through, blank is 0, TRUE and other text #VALUE!.
value value_impl(const arguments& args, call_context&) {
    const value& v = args[0];
    if (v.is_number()) return v;
    if (v.is_blank()) return 0.0;
    if (v.is_error()) return v;
    if (!v.is_text()) return error_code::value;
    auto n = text_to_number(v.text());
    if (!n) return error_code::value;
    return *n;
}

// Repeats text number_times times (truncated); #VALUE! when negative or when the
// result would exceed 32,767 characters.
value rept_impl(const arguments& args, call_context&) {
    auto s = text_arg(args[0]);
    if (!s) return s.error();
    auto n = integer_arg(args[1]);
    if (!n) return n.error();
    if (*n < 0) return error_code::value;
    if (s->empty() || *n == 0) return std::string();
    std::size_t unit = utf16_length(*s);
    if (*n * static_cast<double>(unit) > static_cast<double>(max_text_length)) return error_code::value;
    std::size_t times = to_size(*n);
    std::string out;
    out.reserve(s->size() * times);
    for (std::size_t i = 0; i < times; ++i) out += *s;
    return out;
}

// Returns TRUE when two texts are identical, case included.
value exact_impl(const arguments& args, call_context&) {
    auto a = text_arg(args[0]);
    if (!a) return a.error();
    auto b = text_arg(args[1]);
    if (!b) return b.error();
    return *a == *b;
}

// Windows-1252 codes 128–159 as Unicode (Excel for Windows' character set); the five
// codes Windows-1252 leaves undefined map to the C1 control of the same number, as
// Windows' own conversion does.
constexpr char16_t windows_1252_high[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 128–135
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,  // 136–143
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 144–151
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,  // 152–159
};

// Returns the character with a Windows-1252 code from 1 to 255 (truncated); #VALUE! otherwise.
value char_impl(const arguments& args, call_context&) {
    auto n = integer_arg(args[0]);
    if (!n) return n.error();
    if (*n < 1 || *n > 255) return error_code::value;
    auto code = static_cast<unsigned>(*n);
    char32_t c = (code >= 128 && code <= 159) ? windows_1252_high[code - 128] : static_cast<char32_t>(code);
    std::string out;
    encode_utf8(c, out);
    return out;
}

// Returns the Windows-1252 code of the text's first character; 63 ("?") for a
// character Windows-1252 lacks, as Excel for Windows does; #VALUE! for "".
value code_impl(const arguments& args, call_context&) {
    auto s = text_arg(args[0]);
    if (!s) return s.error();
    if (s->empty()) return error_code::value;
    std::size_t i = 0;
    char32_t c = decode_utf8(*s, i);
    if (c < 128 || (c >= 160 && c <= 255)) return static_cast<double>(c);
    for (unsigned k = 0; k < 32; ++k)
        if (windows_1252_high[k] == c) return static_cast<double>(128 + k);
    return 63.0;
}

// Returns the character with a Unicode code point (truncated); #VALUE! outside
// 1..0x10FFFF, #N/A for a surrogate, which is no character on its own.
value unichar_impl(const arguments& args, call_context&) {
    auto n = integer_arg(args[0]);
    if (!n) return n.error();
    if (*n < 1 || *n > 0x10FFFF) return error_code::value;
    auto c = static_cast<char32_t>(*n);
    if (c >= 0xD800 && c <= 0xDFFF) return error_code::na;
    std::string out;
    encode_utf8(c, out);
    return out;
}

// Returns the Unicode code point of the text's first character; #VALUE! for "".
value unicode_impl(const arguments& args, call_context&) {
    auto s = text_arg(args[0]);
    if (!s) return s.error();
    if (s->empty()) return error_code::value;
    std::size_t i = 0;
    return static_cast<double>(decode_utf8(*s, i));
}

// Reads NUMBERVALUE's optional separator argument: its first character; #VALUE! for "".
or_error<char32_t> separator_arg(const arguments& args, std::size_t i, char32_t fallback) {
    if (!args.has(i)) return fallback;
    auto s = text_arg(args[i]);
    if (!s) return s.error();
    if (s->empty()) return error_code::value;
    std::size_t pos = 0;
    return decode_utf8(*s, pos);
}

// Converts text to a number with given decimal and group separators, independently
// of the locale: spaces anywhere are ignored, group separators may appear only before
// the decimal separator, each trailing % divides by 100, and "" is 0.
value numbervalue_impl(const arguments& args, call_context&) {
    auto s = text_arg(args[0]);
    if (!s) return s.error();
    auto decimal = separator_arg(args, 1, U'.');
    if (!decimal) return decimal.error();
    auto group = separator_arg(args, 2, U',');
    if (!group) return group.error();
    if (*decimal == *group) return error_code::value;
    std::string plain;  // ASCII: sign, digits, '.', exponent
    bool seen_decimal = false;
    int percents = 0;
    for (std::size_t i = 0; i < s->size();) {
        char32_t c = decode_utf8(*s, i);
        if (c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == 0xA0) continue;
        if (c == U'%') {
            ++percents;
            continue;
        }
        if (percents > 0) return error_code::value;  // % only at the end
        if (c == *decimal) {
            if (seen_decimal) return error_code::value;
            seen_decimal = true;
            plain += '.';
        } else if (c == *group) {
            if (seen_decimal) return error_code::value;
        } else if ((c >= U'0' && c <= U'9') || c == U'+' || c == U'-' || c == U'e' || c == U'E') {
            plain += static_cast<char>(c);
        } else {
            return error_code::value;
        }
    }
    if (plain.empty()) return percents == 0 ? value(0.0) : value(error_code::value);
    // Grammar: [+-] digits [. digits] [e [+-] digits], with at least one mantissa digit.
    std::size_t i = 0;
    if (plain[i] == '+' || plain[i] == '-') ++i;
    std::size_t digits = 0;
    while (i < plain.size() && (std::isdigit(static_cast<unsigned char>(plain[i])) || plain[i] == '.')) {
        if (plain[i] != '.') ++digits;
        ++i;
    }
    if (digits == 0) return error_code::value;
    if (i < plain.size() && (plain[i] == 'e' || plain[i] == 'E')) {
        ++i;
        if (i < plain.size() && (plain[i] == '+' || plain[i] == '-')) ++i;
        std::size_t exponent_digits = 0;
        while (i < plain.size() && std::isdigit(static_cast<unsigned char>(plain[i]))) ++i, ++exponent_digits;
        if (exponent_digits == 0) return error_code::value;
    }
    if (i != plain.size()) return error_code::value;
    double n = std::strtod(plain.c_str(), nullptr);
    for (int k = 0; k < percents; ++k) n /= 100.0;
    if (!std::isfinite(n)) return error_code::num;
    return n;
}

// ---------------------------------------------------------------------------------
// TEXT

// Parses a format code, remembering the last one parsed on this thread (TEXT over a
// column repeats one code); nullopt for an invalid code.
std::optional<number_format> parse_format(std::string_view code) {
    thread_local std::string last_code;
    thread_local std::optional<number_format> last_format;
    if (last_format && code == last_code) return last_format;
    auto parsed = number_format::parse(code);
    if (std::holds_alternative<format_error>(parsed)) return std::nullopt;
    last_code.assign(code);
    last_format = std::get<number_format>(parsed);
    return last_format;
}

// Formats a value with a number format code, as the cell would show it: numbers
// (blank as 0, numeric text converted first) through the section Excel picks; other
// text and TRUE/FALSE through the text section, or unchanged without one
// (=TEXT("abc","0") → "abc"). An invalid code, or a date format given a number
// outside Excel's dates, is #VALUE!.
value text_impl(const arguments& args, call_context&) {
    const value& v = args[0];
    if (v.is_error()) return v;
    auto code = text_arg(args[1]);
    if (!code) return code.error();
    std::optional<number_format> format = parse_format(*code);
    if (!format) return error_code::value;
    std::optional<double> n;
    if (v.is_number()) n = v.number();
    else if (v.is_blank()) n = 0.0;
    else if (v.is_text()) n = text_to_number(v.text());
    if (!n) {
        std::string shown = v.is_boolean() ? (v.boolean() ? "TRUE" : "FALSE") : v.is_text() ? v.text() : std::string();
        return text_result(format->format_text(shown).text);
    }
    formatted out = format->format(*n);
    if (out.out_of_range) return error_code::value;
    return text_result(std::move(out.text));
}

// Rounds half away from zero to `digits` decimal places (negative: to tens,
// hundreds, ...) on the number's 15-significant-digit decimal value, as ROUND does.
double round_to_digits(double x, int digits) {
    double scale = std::pow(10.0, std::abs(digits));
    double scaled = digits >= 0 ? x * scale : x / scale;
    double rounded = std::round(round_to_15_digits(scaled));
    return digits >= 0 ? rounded / scale : rounded * scale;
}

// Reads the decimals argument of FIXED and DOLLAR: 2 when absent, 0 when left empty,
// truncated, #VALUE! above 127.
or_error<int> decimals_arg(const arguments& args, std::size_t i) {
    if (i >= args.size()) return 2;
    auto d = integer_arg(args[i]);
    if (!d) return d.error();
    if (*d > 127) return error_code::value;
    return static_cast<int>(std::max(*d, -308.0));
}

// Returns the digits part of a format code with `decimals` places after the point.
std::string decimal_code(std::string_view integer_part, int decimals) {
    std::string code(integer_part);
    if (decimals > 0) code += '.' + std::string(static_cast<std::size_t>(decimals), '0');
    return code;
}

// Formats a number after rounding it to `decimals` places; #VALUE! when the code fails.
value format_rounded(double n, int decimals, const std::string& code) {
    if (decimals < 0) n = round_to_digits(n, decimals);
    std::optional<number_format> format = parse_format(code);
    if (!format) return error_code::value;
    return text_result(format->format(n).text);
}

// Formats a number with a fixed number of decimals (default 2), with thousands
// separators unless no_commas is TRUE; negative decimals round left of the point.
value fixed_impl(const arguments& args, call_context&) {
    auto n = to_number(args[0]);
    if (!n) return n.error();
    auto decimals = decimals_arg(args, 1);
    if (!decimals) return decimals.error();
    bool no_commas = false;
    if (args.has(2)) {
        auto b = to_boolean(args[2]);
        if (!b) return b.error();
        no_commas = *b;
    }
    return format_rounded(*n, *decimals, decimal_code(no_commas ? "0" : "#,##0", *decimals));
}

// Formats a number as en-US currency with `decimals` places (default 2); negative
// amounts in parentheses, as Microsoft's DOLLAR examples show ("($1,200)").
value dollar_impl(const arguments& args, call_context&) {
    auto n = to_number(args[0]);
    if (!n) return n.error();
    auto decimals = decimals_arg(args, 1);
    if (!decimals) return decimals.error();
    std::string number = decimal_code("$#,##0", *decimals);
    return format_rounded(*n, *decimals, number + ";(" + number + ")");
}

const function_def text_functions[] = {
    {"LEFT", 1, 2, fn_lifts, left_impl, nullptr,
     "Returns the first characters of a text.", "=LEFT(\"Sale Price\",4) → \"Sale\""},
    {"RIGHT", 1, 2, fn_lifts, right_impl, nullptr,
     "Returns the last characters of a text.", "=RIGHT(\"Stock Number\",6) → \"Number\""},
    {"MID", 3, 3, fn_lifts, mid_impl, nullptr,
     "Returns characters from the middle of a text, from a 1-based position.", "=MID(\"Fluid Flow\",7,20) → \"Flow\""},
    {"LEN", 1, 1, fn_lifts, len_impl, nullptr,
     "Returns the number of characters of a text.", "=LEN(\"Phoenix, AZ\") → 11"},
    {"TRIM", 1, 1, fn_lifts, trim_impl, nullptr,
     "Removes leading, trailing and repeated spaces.", "=TRIM(\"  First   Quarter \") → \"First Quarter\""},
    {"UPPER", 1, 1, fn_lifts, upper_impl, nullptr,
     "Converts text to upper case.", "=UPPER(\"total\") → \"TOTAL\""},
    {"LOWER", 1, 1, fn_lifts, lower_impl, nullptr,
     "Converts text to lower case.", "=LOWER(\"E. E. Cummings\") → \"e. e. cummings\""},
    {"PROPER", 1, 1, fn_lifts, proper_impl, nullptr,
     "Capitalizes the first letter of each word and lower-cases the rest.",
     "=PROPER(\"this is a TITLE\") → \"This Is A Title\""},
    {"SUBSTITUTE", 3, 4, fn_lifts, substitute_impl, nullptr,
     "Replaces occurrences of a text (all, or the n-th) with another.",
     "=SUBSTITUTE(\"Quarter 1, 2011\",\"1\",\"2\",3) → \"Quarter 1, 2012\""},
    {"REPLACE", 4, 4, fn_lifts, replace_impl, nullptr,
     "Replaces characters at a position with another text.", "=REPLACE(\"abcdefghijk\",6,5,\"*\") → \"abcde*k\""},
    {"FIND", 2, 3, fn_lifts, find_impl, nullptr,
     "Returns the position of a text within another, case-sensitively.", "=FIND(\"M\",\"Miriam McGovern\",3) → 8"},
    {"SEARCH", 2, 3, fn_lifts, search_impl, nullptr,
     "Returns the position of a text within another, ignoring case, with * ? ~ wildcards.",
     "=SEARCH(\"e\",\"Statements\",6) → 7"},
    {"TEXTJOIN", 3, 254, fn_future, textjoin_impl, nullptr,
     "Joins texts, ranges and arrays with a delimiter, optionally skipping empty ones.",
     "=TEXTJOIN(\", \",TRUE,\"a\",\"\",\"b\") → \"a, b\""},
    {"CONCAT", 1, 253, fn_future, concat_impl, nullptr,
     "Joins texts, ranges and arrays.", "=CONCAT(\"The\",\" \",\"sun\") → \"The sun\""},
    {"CONCATENATE", 1, 255, fn_lifts, concatenate_impl, nullptr,
     "Joins texts.", "=CONCATENATE(\"Stream \",\"population\") → \"Stream population\""},
    {"VALUE", 1, 1, fn_lifts, value_impl, nullptr,
     "Converts text that reads as a number to that number.", "=VALUE(\"$1,000\") → 1000"},
    {"REPT", 2, 2, fn_lifts, rept_impl, nullptr,
     "Repeats a text a number of times.", "=REPT(\"-\",3) → \"---\""},
    {"EXACT", 2, 2, fn_lifts, exact_impl, nullptr,
     "Returns TRUE when two texts are identical, case included.", "=EXACT(\"Word\",\"word\") → FALSE"},
    {"CHAR", 1, 1, fn_lifts, char_impl, nullptr,
     "Returns the character with a code from 1 to 255 (Windows-1252).", "=CHAR(65) → \"A\""},
    {"CODE", 1, 1, fn_lifts, code_impl, nullptr,
     "Returns the code (Windows-1252) of the first character of a text.", "=CODE(\"A\") → 65"},
    {"CLEAN", 1, 1, fn_lifts, clean_impl, nullptr,
     "Removes the control characters 0 to 31 from a text.", "=CLEAN(CHAR(9)&\"x\") → \"x\""},
    {"UNICHAR", 1, 1, fn_lifts | fn_future, unichar_impl, nullptr,
     "Returns the character with a Unicode code point.", "=UNICHAR(8364) → \"€\""},
    {"UNICODE", 1, 1, fn_lifts | fn_future, unicode_impl, nullptr,
     "Returns the Unicode code point of the first character of a text.", "=UNICODE(\"€\") → 8364"},
    {"NUMBERVALUE", 1, 3, fn_lifts | fn_future, numbervalue_impl, nullptr,
     "Converts text to a number with given decimal and group separators.",
     "=NUMBERVALUE(\"2.500,27\",\",\",\".\") → 2500.27"},
    {"FIXED", 1, 3, fn_lifts, fixed_impl, nullptr,
     "Formats a number with fixed decimals and, optionally, no thousands separators.",
     "=FIXED(1234.567,1) → \"1,234.6\""},
    {"DOLLAR", 1, 2, fn_lifts, dollar_impl, nullptr,
     "Formats a number as currency with a number of decimals.", "=DOLLAR(1234.567,2) → \"$1,234.57\""},
    {"TEXT", 2, 2, fn_lifts, text_impl, nullptr,
     "Formats a value with a number format code.", "=TEXT(1234.567,\"$#,##0.00\") → \"$1,234.57\""},
};

}  // namespace

void register_text_functions(function_registry& registry) {
    for (const auto& f : text_functions) registry.add(f);
}

}  // namespace folio

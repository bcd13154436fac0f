// UTF-8 stepping shared by the line index and the diagnostic printers (internal to
// dsl/).
//
// Columns in diagnostics count characters. A well-formed UTF-8 sequence is one
// character; every byte that does not start a well-formed sequence (a stray
// continuation byte, an overlong form, a surrogate, a truncated sequence) is one
// character on its own. The printers show such a byte as U+FFFD, so the caret under
// a source line and the column in `file:line:col` always agree.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace folio::dsl::utf8 {

// The result of reading one character: its code point and its length in bytes.
// `valid` is false for a byte that does not start a well-formed sequence (length 1).
struct decoded {
    char32_t code_point = 0;
    std::uint32_t length = 1;
    bool valid = true;
};

// Reads the character that starts at byte `i` of `s` (i < s.size()).
inline decoded decode(std::string_view s, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char b0 = byte(i);
    if (b0 < 0x80) return {b0, 1, true};
    std::uint32_t length = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if (b0 >= 0xC2 && b0 <= 0xDF) { length = 2; cp = b0 & 0x1F; min = 0x80; }
    else if (b0 >= 0xE0 && b0 <= 0xEF) { length = 3; cp = b0 & 0x0F; min = 0x800; }
    else if (b0 >= 0xF0 && b0 <= 0xF4) { length = 4; cp = b0 & 0x07; min = 0x10000; }
    else return {0xFFFD, 1, false};
    if (i + length > s.size()) return {0xFFFD, 1, false};
    for (std::uint32_t k = 1; k < length; ++k) {
        const unsigned char b = byte(i + k);
        if ((b & 0xC0) != 0x80) return {0xFFFD, 1, false};
        cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {0xFFFD, 1, false};
    return {cp, length, true};
}

// The number of characters in `s`, counted as decode() steps.
inline std::uint32_t length(std::string_view s) {
    std::uint32_t n = 0;
    for (std::size_t i = 0; i < s.size(); i += decode(s, i).length) ++n;
    return n;
}

// Appends the UTF-8 encoding of `cp` to `out`.
template <class String>
void append(String& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

}  // namespace folio::dsl::utf8

// The RFC 4180 field scanner. Unquoted fields are found with a bit mask of the "stop" bytes
// (delimiter, LF, CR) of a 64-byte block, built with SSE2 where the target has it and byte
// by byte elsewhere: the next field end is a count of trailing zeros, so short fields of
// varying length cost no mispredicted loop exits. Quoted fields are scanned with memchr for
// the closing quote.
#include "csv_splitter.hpp"

#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace folio::data::detail {
namespace {

/// The stop bytes of the 64 bytes at `block`, one bit per byte (bit i: block[i] is a stop).
class stop_scanner {
public:
    stop_scanner(char delimiter, const std::array<bool, 256>& stops) : stops_(stops) {
#if defined(__SSE2__)
        delimiter_ = _mm_set1_epi8(delimiter);
        lf_ = _mm_set1_epi8('\n');
        cr_ = _mm_set1_epi8('\r');
#else
        (void)delimiter;
#endif
    }

    /// Returns the first stop byte at or after `from` (there is one: the window ends with a '\n' sentinel).
    const char* next(const char* from) {
        for (;;) {
            if (from < block_ || from >= block_ + 64) load(from);
            const std::uint64_t bits = mask_ >> (from - block_);
            if (bits != 0) return from + __builtin_ctzll(bits);
            from = block_ + 64;
        }
    }

private:
    const std::array<bool, 256>& stops_;
    const char* block_ = nullptr;
    std::uint64_t mask_ = 0;
#if defined(__SSE2__)
    __m128i delimiter_, lf_, cr_;
#endif

    /// Computes the mask of the 64 bytes at `block`.
    void load(const char* block) {
        block_ = block;
        std::uint64_t mask = 0;
#if defined(__SSE2__)
        for (int i = 0; i < 4; ++i) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(block + 16 * i));
            const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, delimiter_), _mm_cmpeq_epi8(v, lf_)),
                                             _mm_cmpeq_epi8(v, cr_));
            mask |= static_cast<std::uint64_t>(static_cast<std::uint32_t>(_mm_movemask_epi8(hit))) << (16 * i);
        }
#else
        for (int i = 0; i < 64; ++i)
            mask |= static_cast<std::uint64_t>(stops_[static_cast<unsigned char>(block[i])]) << i;
#endif
        mask_ = mask;
    }
};

}  // namespace

csv_splitter::csv_splitter(char delimiter, char quote) : delimiter_(delimiter), quote_(quote) {
    stops_[static_cast<unsigned char>(delimiter)] = true;
    stops_['\n'] = true;
    stops_['\r'] = true;
}

split_status csv_splitter::split(const char*& cursor, const char* end, bool eof, std::vector<csv_field>& fields,
                                 const char*& error_at) const {
    const char* p = cursor;
    if (p == end) return eof ? split_status::end_of_data : split_status::need_more;
    if (*p == '\n') {
        cursor = p + 1;
        return split_status::blank_line;
    }
    if (*p == '\r') {
        if (p + 1 == end && !eof) return split_status::need_more;
        cursor = p + 1 + (p + 1 != end && p[1] == '\n' ? 1 : 0);
        return split_status::blank_line;
    }
    stop_scanner stops(delimiter_, stops_);
    for (;;) {
        csv_field f;
        if (*p == quote_ && p != end) {
            const char* content = p + 1;
            const char* q = content;
            bool doubled = false;
            for (;;) {
                q = static_cast<const char*>(std::memchr(q, quote_, static_cast<std::size_t>(end - q)));
                if (q == nullptr) {
                    if (!eof) return split_status::need_more;
                    error_at = p;
                    return split_status::unclosed_quote;
                }
                if (q + 1 == end && !eof) return split_status::need_more;
                if (q + 1 != end && q[1] == quote_) {
                    doubled = true;
                    q += 2;
                    continue;
                }
                break;
            }
            f.begin = content;
            f.size = static_cast<std::uint32_t>(q - content);
            f.quoted = true;
            f.doubled_quotes = doubled;
            p = q + 1;
            const char c = *p;
            if (c != delimiter_ && c != '\n' && c != '\r') {
                error_at = p;
                return split_status::text_after_quote;
            }
        } else {
            const char* start = p;
            p = stops.next(p);
            f.begin = start;
            f.size = static_cast<std::uint32_t>(p - start);
        }
        fields.push_back(f);
        const char c = *p;
        if (c == delimiter_ && p != end) {
            ++p;
            continue;
        }
        if (p == end) {
            if (!eof) return split_status::need_more;
            cursor = p;
            return split_status::record;
        }
        if (c == '\r') {
            if (p + 1 == end && !eof) return split_status::need_more;
            cursor = p + 1 + (p + 1 != end && p[1] == '\n' ? 1 : 0);
            return split_status::record;
        }
        cursor = p + 1;  // '\n'
        return split_status::record;
    }
}

std::string_view csv_splitter::value(const csv_field& field, std::string& scratch) const {
    if (!field.doubled_quotes) return field.raw();
    scratch.clear();
    const char* p = field.begin;
    const char* end = p + field.size;
    while (p != end) {
        scratch.push_back(*p);
        p += (*p == quote_ && p + 1 != end && p[1] == quote_) ? 2 : 1;
    }
    return scratch;
}

}  // namespace folio::data::detail

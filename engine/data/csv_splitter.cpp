// The RFC 4180 field scanner: a table-driven loop over unquoted fields, memchr over quoted ones.
#include "csv_splitter.hpp"

#include <cstring>

namespace folio::data::detail {

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
            while (!stops_[static_cast<unsigned char>(*p)]) ++p;
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

// Diagnostics: the list that collects them, the two printers (compiler-style text
// and a JSON array for editors and CI) and the "did you mean" suggestion.
//
// The text printer shows each problem as a header `file:line:col: error: message`,
// the source line behind a line-number gutter and a caret line underlining the span:
// a tab before the span stays a tab so the caret lines up however the terminal sets
// its tab stops, a span that runs past the end of its line is underlined to the end,
// and a span over several lines underlines its first line only. Characters that
// would disturb a terminal (control characters, invalid UTF-8) are shown as U+FFFD,
// one column each, and a very long line is shown as a window around the span.
// Both printers list the diagnostics sorted by file path, then offset.
#include "folio/dsl/diagnostic.hpp"

#include <algorithm>
#include <cstdio>
#include <limits>

#include "utf8.hpp"

namespace folio::dsl {
namespace {

constexpr std::size_t long_line_bytes = 1024;  // longer lines are shown as a window
constexpr std::size_t window_context = 128;    // bytes shown on each side of the span
constexpr std::size_t window_span = 256;       // at most this much of the span is shown

const char* severity_word(severity level) {
    switch (level) {
        case severity::error: return "error";
        case severity::warning: return "warning";
        case severity::note: return "note";
    }
    return "error";
}

// True when `a` is printed before `b`: no file first, then by path, then by offset.
bool printed_before(const diagnostic& a, const diagnostic& b) {
    if ((a.file == nullptr) != (b.file == nullptr)) return a.file == nullptr;
    if (a.file && b.file && a.file->path() != b.file->path()) return a.file->path() < b.file->path();
    return a.span.offset < b.span.offset;
}

// The diagnostics of `list` in printing order (a stable sort of pointers).
std::vector<const diagnostic*> in_order(const diagnostic_list& list) {
    std::vector<const diagnostic*> order;
    order.reserve(list.items().size());
    for (const diagnostic& d : list.items()) order.push_back(&d);
    std::stable_sort(order.begin(), order.end(),
                     [](const diagnostic* a, const diagnostic* b) { return printed_before(*a, *b); });
    return order;
}

// True for characters a terminal would not print as one visible glyph.
bool is_control(char32_t cp) {
    return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F);
}

// Terminal columns a printable character takes: 2 for East Asian wide characters and
// emoji, 0 for combining marks, else 1 (a small wcwidth for the common ranges).
unsigned display_width(char32_t cp) {
    if ((cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0xFE00 && cp <= 0xFE0F)) return 0;
    if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F) ||
        (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
        (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
        (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD))
        return 2;
    return 1;
}

// Moves `i` forward to the start of a character of `s` (past at most three
// continuation bytes).
std::size_t to_boundary(std::string_view s, std::size_t i) {
    for (int k = 0; k < 3 && i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80; ++k) ++i;
    return i;
}

// Appends the source line of `span` with its gutter and the caret line under it.
void append_snippet(std::string& out, const source_file& file, source_span span) {
    const line_column lc = file.position(span.offset);
    const std::string_view line = file.line_text(lc.line);
    const std::size_t line_begin = static_cast<std::size_t>(line.data() - file.text().data());
    const std::size_t span_begin = span.offset;
    const std::size_t span_end = span_begin + span.length;
    std::size_t start = span_begin > line_begin ? std::min(span_begin - line_begin, line.size()) : 0;
    std::size_t end = span_end > line_begin ? std::min(span_end - line_begin, line.size()) : 0;
    end = std::max(end, start);

    std::size_t shown_begin = 0, shown_end = line.size();
    if (line.size() > long_line_bytes) {
        shown_begin = start > window_context ? to_boundary(line, start - window_context) : 0;
        if (shown_begin > start) shown_begin = start;
        shown_end = std::min(line.size(), std::min(end, start + window_span) + window_context);
        shown_end = to_boundary(line, shown_end);
        end = std::min(end, shown_end);
    }

    std::string shown, padding;
    std::size_t underline = 0;
    if (shown_begin > 0) {
        shown += "...";
        padding += "   ";
    }
    for (std::size_t i = shown_begin; i < shown_end;) {
        const utf8::decoded d = utf8::decode(line, i);
        const bool replaced = !d.valid || (d.code_point != '\t' && is_control(d.code_point));
        if (replaced) utf8::append(shown, U'\uFFFD');
        else shown.append(line.substr(i, d.length));
        const bool tab = d.valid && d.code_point == '\t';
        const unsigned width = tab || replaced ? 1 : display_width(d.code_point);
        if (i < start) padding.append(tab ? std::string("\t") : std::string(width, ' '));
        else if (i < end) underline += width;
        i += d.length;
    }
    if (shown_end < line.size()) shown += "...";

    const std::string number = std::to_string(lc.line);
    const std::size_t width = std::max<std::size_t>(5, number.size());
    out.append(width - number.size(), ' ');
    out += number;
    out += shown.empty() ? " |\n" : " | " + shown + "\n";
    out.append(width, ' ');
    out += " | ";
    out += padding;
    out += '^';
    if (underline > 1) out.append(underline - 1, '~');
    out += '\n';
}

// Appends `s` with invalid UTF-8 and control characters (tabs too) shown as U+FFFD,
// so a message or path that quotes user input cannot disturb a terminal.
void append_printable(std::string& out, std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const utf8::decoded d = utf8::decode(s, i);
        if (!d.valid || is_control(d.code_point)) utf8::append(out, U'\uFFFD');
        else out.append(s.substr(i, d.length));
        i += d.length;
    }
}

// Appends `file:line:col: word: message` (or `folio: word: message` without a file).
void append_header(std::string& out, const source_file* file, source_span span, const char* word,
                   const std::string& message) {
    if (file) {
        const line_column lc = file->position(span.offset);
        append_printable(out, file->path());
        out += ":" + std::to_string(lc.line) + ":" + std::to_string(lc.column) + ": ";
    } else {
        out += "folio: ";
    }
    out += word;
    out += ": ";
    append_printable(out, message);
    out += '\n';
}

// Appends `s` as a JSON string: quotes, escapes, control characters as \u00XX and
// invalid UTF-8 as \ufffd.
void append_json_string(std::string& out, std::string_view s) {
    out += '"';
    for (std::size_t i = 0; i < s.size();) {
        const utf8::decoded d = utf8::decode(s, i);
        if (!d.valid) {
            out += "\\ufffd";
        } else if (d.code_point == '"') {
            out += "\\\"";
        } else if (d.code_point == '\\') {
            out += "\\\\";
        } else if (d.code_point == '\n') {
            out += "\\n";
        } else if (d.code_point == '\r') {
            out += "\\r";
        } else if (d.code_point == '\t') {
            out += "\\t";
        } else if (d.code_point == '\b') {
            out += "\\b";
        } else if (d.code_point == '\f') {
            out += "\\f";
        } else if (d.code_point < 0x20 || d.code_point == 0x7F || d.code_point == 0x2028 || d.code_point == 0x2029) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(d.code_point));
            out += buf;
        } else {
            out.append(s.substr(i, d.length));
        }
        i += d.length;
    }
    out += '"';
}

// Appends `"file":...,"line":...,"column":...` and, when `with_end`, the end position.
void append_json_place(std::string& out, const source_file* file, source_span span, bool with_end) {
    if (!file) {
        out += "\"file\":null,\"line\":null,\"column\":null";
        if (with_end) out += ",\"end_line\":null,\"end_column\":null";
        return;
    }
    const line_column begin = file->position(span.offset);
    out += "\"file\":";
    append_json_string(out, file->path());
    out += ",\"line\":" + std::to_string(begin.line) + ",\"column\":" + std::to_string(begin.column);
    if (with_end) {
        const std::uint32_t max = std::numeric_limits<std::uint32_t>::max();
        const std::uint32_t end_offset = span.length > max - span.offset ? max : span.offset + span.length;
        const line_column end = file->position(end_offset);
        out += ",\"end_line\":" + std::to_string(end.line) + ",\"end_column\":" + std::to_string(end.column);
    }
}

// The characters of `s` as code points, ASCII letters folded to lower case.
std::u32string folded(std::string_view s) {
    std::u32string out;
    for (std::size_t i = 0; i < s.size();) {
        const utf8::decoded d = utf8::decode(s, i);
        char32_t cp = d.valid ? d.code_point : 0xFFFD;
        if (cp >= 'A' && cp <= 'Z') cp += 'a' - 'A';
        out += cp;
        i += d.length;
    }
    return out;
}

// The optimal-string-alignment Damerau–Levenshtein distance between `a` and `b`
// (insertions, deletions, substitutions and transpositions of neighbours).
std::size_t edit_distance(const std::u32string& a, const std::u32string& b) {
    const std::size_t n = a.size(), m = b.size();
    std::vector<std::size_t> before(m + 1), previous(m + 1), current(m + 1);
    for (std::size_t j = 0; j <= m; ++j) previous[j] = j;
    for (std::size_t i = 1; i <= n; ++i) {
        current[0] = i;
        for (std::size_t j = 1; j <= m; ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                current[j] = std::min(current[j], before[j - 2] + 1);
        }
        before.swap(previous);
        previous.swap(current);
    }
    return previous[m];
}

}  // namespace

diagnostic& diagnostic_list::error(const source_file* file, source_span span, std::string message) {
    items_.push_back(diagnostic{severity::error, file, span, std::move(message), {}});
    return items_.back();
}

diagnostic& diagnostic_list::warning(const source_file* file, source_span span, std::string message) {
    items_.push_back(diagnostic{severity::warning, file, span, std::move(message), {}});
    return items_.back();
}

bool diagnostic_list::has_errors() const {
    return error_count() > 0;
}

std::size_t diagnostic_list::error_count() const {
    return static_cast<std::size_t>(
        std::count_if(items_.begin(), items_.end(), [](const diagnostic& d) { return d.level == severity::error; }));
}

void diagnostic_list::sort() {
    std::stable_sort(items_.begin(), items_.end(), printed_before);
}

std::string format_text(const diagnostic_list& list) {
    std::string out;
    for (const diagnostic* d : in_order(list)) {
        append_header(out, d->file, d->span, severity_word(d->level), d->message);
        if (d->file) append_snippet(out, *d->file, d->span);
        for (const diagnostic_note& note : d->notes) {
            if (note.file) {
                append_header(out, note.file, note.span, "note", note.message);
                append_snippet(out, *note.file, note.span);
            } else {
                out += "note: ";
                append_printable(out, note.message);
                out += '\n';
            }
        }
    }
    return out;
}

std::string format_json(const diagnostic_list& list) {
    const std::vector<const diagnostic*> order = in_order(list);
    if (order.empty()) return "[]";
    std::string out = "[\n";
    for (std::size_t k = 0; k < order.size(); ++k) {
        const diagnostic& d = *order[k];
        out += "{\"severity\":\"";
        out += severity_word(d.level);
        out += "\",";
        append_json_place(out, d.file, d.span, true);
        out += ",\"message\":";
        append_json_string(out, d.message);
        out += ",\"notes\":[";
        for (std::size_t i = 0; i < d.notes.size(); ++i) {
            if (i) out += ',';
            out += "{\"message\":";
            append_json_string(out, d.notes[i].message);
            out += ',';
            append_json_place(out, d.notes[i].file, d.notes[i].span, false);
            out += '}';
        }
        out += "]}";
        out += k + 1 < order.size() ? ",\n" : "\n";
    }
    out += ']';
    return out;
}

std::optional<std::string> closest_match(std::string_view name, const std::vector<std::string>& candidates) {
    const std::u32string wanted = folded(name);
    const std::size_t limit = std::max<std::size_t>(1, wanted.size() / 3);
    std::optional<std::string> best;
    std::size_t best_distance = limit + 1;
    for (const std::string& candidate : candidates) {
        if (candidate == name) continue;
        const std::u32string other = folded(candidate);
        const std::size_t gap = other.size() > wanted.size() ? other.size() - wanted.size() : wanted.size() - other.size();
        if (gap >= best_distance) continue;
        const std::size_t distance = edit_distance(wanted, other);
        // Replacing every character is no typo ("a" for "b").
        if (distance >= std::max(wanted.size(), other.size())) continue;
        if (distance < best_distance) {
            best_distance = distance;
            best = candidate;
        }
    }
    return best;
}

}  // namespace folio::dsl

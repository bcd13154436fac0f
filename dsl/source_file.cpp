// The line index of a source file: where each line starts, so a byte offset turns
// into a 1-based line and a 1-based column counted in characters.
//
// A line ends at "\n"; a "\r" just before it belongs to the line break (CRLF), a
// lone "\r" does not. A UTF-8 byte order mark at the start of the file is not part
// of line 1: it has no column and line_text(1) leaves it out, as editors show it.
// A text ending in "\n" has an empty last line after it, where "end of input"
// diagnostics point.
#include "folio/dsl/source_file.hpp"

#include <algorithm>

#include "utf8.hpp"

namespace folio::dsl {
namespace {

constexpr std::string_view bom = "\xEF\xBB\xBF";

}  // namespace

source_file::source_file(std::string path, std::string text) : path_(std::move(path)), text_(std::move(text)) {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < text_.size(); ++i) {
        if (text_[i] == '\n') line_starts_.push_back(static_cast<std::uint32_t>(i + 1));
    }
}

line_column source_file::position(std::uint32_t offset) const {
    if (line_starts_.empty()) return {1, 1};  // a default-constructed file
    offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text_.size()));
    const auto next = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    const auto line = static_cast<std::uint32_t>(next - line_starts_.begin());
    std::size_t i = line_starts_[line - 1];
    if (line == 1 && std::string_view(text_).starts_with(bom)) {
        if (offset < bom.size()) return {1, 1};
        i = bom.size();
    }
    std::uint32_t column = 1;
    while (i < offset) {
        const std::uint32_t step = utf8::decode(text_, i).length;
        if (i + step > offset) break;
        i += step;
        ++column;
    }
    return {line, column};
}

std::string_view source_file::line_text(std::uint32_t line) const {
    if (line == 0 || line > line_starts_.size()) return {};
    std::size_t begin = line_starts_[line - 1];
    std::size_t end = text_.size();
    if (line < line_starts_.size()) {
        end = line_starts_[line] - 1;  // the "\n"
        if (end > begin && text_[end - 1] == '\r') --end;
    }
    if (line == 1 && std::string_view(text_).starts_with(bom)) begin = std::min(bom.size(), end);
    return std::string_view(text_).substr(begin, end - begin);
}

std::uint32_t source_file::offset(line_column at) const {
    if (at.line == 0 || at.line > line_count()) return static_cast<std::uint32_t>(text_.size());
    const std::string_view text = line_text(at.line);
    std::size_t i = 0;
    for (std::uint32_t c = 1; c < at.column && i < text.size(); ++c) i += utf8::decode(text, i).length;
    return static_cast<std::uint32_t>(text.data() - text_.data() + i);
}

}  // namespace folio::dsl

// A source file held in memory, with the line index that turns byte offsets into
// 1-based lines and columns for diagnostics.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace folio::dsl {

// A range of bytes in one source file.
struct source_span {
    std::uint32_t offset = 0;
    std::uint32_t length = 0;
};

struct line_column {
    std::uint32_t line = 1;    // 1-based
    std::uint32_t column = 1;  // 1-based, in characters (UTF-8 code points)
};

class source_file {
public:
    source_file() = default;
    // Keeps the text as given (a UTF-8 BOM is skipped by the parser, not removed here).
    source_file(std::string path, std::string text);

    const std::string& path() const { return path_; }
    const std::string& text() const { return text_; }

    // Line and column of a byte offset (offsets past the end map to the end).
    line_column position(std::uint32_t offset) const;
    // The text of a 1-based line, without its line break ("\n" or "\r\n").
    std::string_view line_text(std::uint32_t line) const;
    // The byte offset of a 1-based line and column (in characters); past the end: the end.
    std::uint32_t offset(line_column at) const;
    std::uint32_t line_count() const { return static_cast<std::uint32_t>(line_starts_.size()); }

private:
    std::string path_;
    std::string text_;
    std::vector<std::uint32_t> line_starts_;
};

}  // namespace folio::dsl

// Turns a byte offset of a file into a line and a column for messages, reading the file
// again from where the last lookup stopped.
//
// The CSV reader does not count lines as it goes (that would cost every row something for
// the sake of the rare bad one); it keeps byte offsets, and when a message needs a place this
// locator scans forward. Lookups are cheap when they come in file order, as errors do.
// Lines end at LF, CRLF or a lone CR; columns count UTF-8 characters, 1-based; a UTF-8
// byte-order mark is not a character.
#pragma once

#include <cstdint>
#include <cstdio>
#include <filesystem>

namespace folio::data::detail {

struct text_position {
    std::uint64_t line = 0;    // 1-based; 0 when the file could not be read again
    std::uint64_t column = 0;  // 1-based
};

class line_locator {
public:
    explicit line_locator(std::filesystem::path path);
    ~line_locator();
    line_locator(const line_locator&) = delete;
    line_locator& operator=(const line_locator&) = delete;

    /// Returns the line and column of the byte at `offset`.
    text_position locate(std::uint64_t offset);

private:
    std::filesystem::path path_;
    std::FILE* file_ = nullptr;
    std::uint64_t offset_ = 0;    // bytes scanned
    std::uint64_t line_ = 1;
    std::uint64_t column_ = 0;    // characters since the line began
    bool after_cr_ = false;

    bool restart();
};

}  // namespace folio::data::detail

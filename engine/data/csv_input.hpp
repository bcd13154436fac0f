// The bytes of a CSV file, read in large chunks into one buffer: a window of unconsumed
// bytes that the splitter walks, refilled on demand, with a '\n' sentinel after the last
// byte so scanning loops need no bounds check, and 64 readable bytes after the sentinel so
// that a scanner may load a whole 64-byte block that starts before it. The file is never held whole: the buffer
// is a few megabytes, and grows only when a single record is longer than that.
//
// The first chunk is checked for a byte-order mark: UTF-8's is skipped, UTF-16's and
// UTF-32's are rejected (only UTF-8 is supported).
#pragma once

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "folio/engine/data/load_issue.hpp"

namespace folio::data::detail {

class csv_input {
public:
    /// Opens the file and reads the first chunk; throws data_error when it cannot be read.
    csv_input(const std::filesystem::path& path, std::string display, progress_callback progress);
    ~csv_input();
    csv_input(const csv_input&) = delete;
    csv_input& operator=(const csv_input&) = delete;

    /// Returns the first unconsumed byte.
    const char* begin() const { return buffer_.data(); }

    /// Returns the end of the bytes read; *end() is a '\n' sentinel, followed by 64 more readable bytes.
    const char* end() const { return buffer_.data() + size_; }

    /// Tells whether the whole file has been read into the window.
    bool at_eof() const { return eof_; }

    /// Drops the bytes before `keep_from` (a pointer into the window) and reads the next chunk after the rest.
    void refill(const char* keep_from);

    /// Returns the offset in the file of a pointer into the window.
    std::uint64_t offset_of(const char* p) const { return base_ + static_cast<std::uint64_t>(p - buffer_.data()); }

    /// Returns the file's size in bytes (0 when unknown).
    std::uint64_t file_size() const { return file_size_; }

    /// Returns the bytes read so far.
    std::uint64_t bytes_read() const { return bytes_read_; }

private:
    std::FILE* file_ = nullptr;
    std::string display_;
    progress_callback progress_;
    std::vector<char> buffer_;
    std::size_t size_ = 0;         // bytes in the window
    std::uint64_t base_ = 0;       // file offset of buffer_[0]
    std::uint64_t bytes_read_ = 0;
    std::uint64_t file_size_ = 0;
    bool eof_ = false;

    void read_chunk();
};

}  // namespace folio::data::detail

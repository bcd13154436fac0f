// A CSV file cut into chunks of whole records, for reading on several threads.
//
// The reader hands out consecutive pieces of the file, each about `chunk_bytes` long and
// each ending exactly at the end of a record, so that a thread can split a chunk on its
// own with the usual splitter. Where a record ends depends on quoting (a line break inside
// a quoted field is data), so the cut is found by following the quotes from the chunk's
// start, which is a record start: a quote opens a field only at the start of a field (the
// file's or chunk's start, after a delimiter or a line break), as the splitter reads it, and
// then the field runs to a quote that is not doubled. Only the quotes are visited (memchr),
// not every byte, so finding the cut costs little next to splitting. A line break is a
// cut only when it is known whole: a CR at the very end of the bytes read may be the first
// half of a CRLF, a quote at the very end may be the first of a doubled pair; such cuts
// wait for more bytes. A chunk with no cut grows until it has one (a record longer than a
// chunk), as the serial reader's window does.
//
// Each chunk is followed by a '\n' sentinel and 64 readable bytes, as csv_input's window is,
// so the splitter's block scanner works on it unchanged.
#pragma once

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

namespace folio::data::detail {

/// Returns the end of the last record that ends in [begin, end), just after its line break,
/// `begin` being the start of a record and `end` possibly cutting the text anywhere; returns
/// `begin` when no record is known to end there.
const char* last_record_end(const char* begin, const char* end, char delimiter, char quote);

/// Consecutive records of a file, read whole.
struct csv_chunk {
    std::vector<char> bytes;   // the records, then a '\n' sentinel and 64 readable bytes
    std::size_t size = 0;      // bytes of records
    std::uint64_t offset = 0;  // file offset of bytes[0]

    const char* begin() const { return bytes.data(); }
    const char* end() const { return bytes.data() + size; }
};

class csv_chunk_reader {
public:
    /// Opens the file to read from `start` (a record start); throws data_error naming `display` when it cannot.
    csv_chunk_reader(const std::filesystem::path& path, std::string display, std::uint64_t start, std::size_t chunk_bytes,
                     char delimiter, char quote);
    ~csv_chunk_reader();
    csv_chunk_reader(const csv_chunk_reader&) = delete;
    csv_chunk_reader& operator=(const csv_chunk_reader&) = delete;

    /// Reads the next chunk into `chunk` (reusing its buffer); false when the file has no bytes left.
    bool next(csv_chunk& chunk);

    /// Gives a chunk's buffer back for a later chunk (saves allocating and touching fresh memory).
    void recycle(std::vector<char>&& buffer);

    /// Returns the file's size in bytes (0 when unknown).
    std::uint64_t file_size() const { return file_size_; }

private:
    std::FILE* file_ = nullptr;
    std::string display_;
    std::size_t chunk_bytes_;
    char delimiter_;
    char quote_;
    std::uint64_t offset_;          // file offset of the first byte not handed out
    std::vector<char> carry_;       // bytes read past the last chunk's end
    std::vector<std::vector<char>> spare_;
    std::uint64_t file_size_ = 0;
    bool eof_ = false;

    /// Appends up to `want` bytes of the file to `buffer` (of `size` bytes used); returns the bytes read.
    std::size_t read_into(std::vector<char>& buffer, std::size_t size, std::size_t want);
};

}  // namespace folio::data::detail

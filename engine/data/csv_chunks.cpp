// Cutting a CSV file into chunks of whole records (see csv_chunks.hpp).
#include "csv_chunks.hpp"

#include <cerrno>
#include <cstring>
#include <system_error>

#include "folio/engine/data/load_issue.hpp"

namespace folio::data::detail {
namespace {

// Bytes after the sentinel that block scanners may read (see csv_input.hpp).
constexpr std::size_t padding = 64;

/// Returns the position after the last line break in [from, to) that surely ends a line
/// (a CR right before `end` may be half of a CRLF), or nullptr. The bytes hold no quote.
const char* last_break(const char* from, const char* to, const char* end) {
    for (const char* p = to; p != from;) {
        --p;
        if (*p == '\n') return p + 1;
        if (*p == '\r' && p + 1 != end) return p[1] == '\n' ? p + 2 : p + 1;
    }
    return nullptr;
}

}  // namespace

const char* last_record_end(const char* begin, const char* end, char delimiter, char quote) {
    const char* last = begin;
    const char* p = begin;  // outside any quoted field
    for (;;) {
        const auto* found = static_cast<const char*>(std::memchr(p, quote, static_cast<std::size_t>(end - p)));
        const char* q = found != nullptr ? found : end;
        if (const char* cut = last_break(p, q, end)) last = cut;
        if (q == end) return last;
        const bool opens = q == begin || q[-1] == delimiter || q[-1] == '\n' || q[-1] == '\r';
        if (!opens) {  // a quote inside an unquoted field is an ordinary character
            p = q + 1;
            continue;
        }
        const char* c = q + 1;
        for (;;) {
            c = static_cast<const char*>(std::memchr(c, quote, static_cast<std::size_t>(end - c)));
            if (c == nullptr || c + 1 == end) return last;  // the field (or a doubled quote) runs past the end
            if (c[1] != quote) break;
            c += 2;
        }
        p = c + 1;
    }
}

csv_chunk_reader::csv_chunk_reader(const std::filesystem::path& path, std::string display, std::uint64_t start,
                                   std::size_t chunk_bytes, char delimiter, char quote)
    : display_(std::move(display)), chunk_bytes_(chunk_bytes), delimiter_(delimiter), quote_(quote), offset_(start) {
    file_ = std::fopen(path.c_str(), "rb");
    if (file_ == nullptr)
        throw data_error(load_issue{display_, 0, 0, 0, {}, {}, std::string("cannot open: ") + std::strerror(errno), {}});
    std::setvbuf(file_, nullptr, _IONBF, 0);
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    file_size_ = ec ? 0 : static_cast<std::uint64_t>(size);
    if (start > 0 && std::fseek(file_, static_cast<long>(start), SEEK_SET) != 0)
        throw data_error(load_issue{display_, 0, 0, 0, {}, {}, std::string("cannot read: ") + std::strerror(errno), {}});
}

csv_chunk_reader::~csv_chunk_reader() {
    if (file_ != nullptr) std::fclose(file_);
}

void csv_chunk_reader::recycle(std::vector<char>&& buffer) {
    if (spare_.size() < 8) spare_.push_back(std::move(buffer));
}

std::size_t csv_chunk_reader::read_into(std::vector<char>& buffer, std::size_t size, std::size_t want) {
    if (buffer.size() < size + want + 1 + padding) buffer.resize(size + want + 1 + padding);
    if (eof_) return 0;
    const std::size_t got = std::fread(buffer.data() + size, 1, want, file_);
    if (got < want) {
        if (std::ferror(file_))
            throw data_error(load_issue{display_, 0, 0, 0, {}, {}, std::string("cannot read: ") + std::strerror(errno), {}});
        eof_ = true;
    }
    return got;
}

bool csv_chunk_reader::next(csv_chunk& chunk) {
    std::vector<char>& buffer = chunk.bytes;
    if (buffer.empty() && !spare_.empty()) {
        buffer = std::move(spare_.back());
        spare_.pop_back();
    }
    std::size_t size = carry_.size();
    if (buffer.size() < size + chunk_bytes_ + 1 + padding) buffer.resize(size + chunk_bytes_ + 1 + padding);
    if (size > 0) std::memcpy(buffer.data(), carry_.data(), size);
    carry_.clear();
    std::size_t want = chunk_bytes_;
    std::size_t cut = 0;
    for (;;) {
        size += read_into(buffer, size, want);
        if (eof_) {
            cut = size;
            break;
        }
        cut = static_cast<std::size_t>(last_record_end(buffer.data(), buffer.data() + size, delimiter_, quote_) - buffer.data());
        if (cut > 0) break;
        want = size;  // a record longer than what was read: read as much again
    }
    if (cut == 0) return false;
    carry_.assign(buffer.data() + cut, buffer.data() + size);
    chunk.size = cut;
    chunk.offset = offset_;
    offset_ += cut;
    buffer[cut] = '\n';
    return true;
}

}  // namespace folio::data::detail

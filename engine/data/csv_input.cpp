// Chunked reading of a CSV file with a sentinel, the byte-order mark check, and progress.
#include "csv_input.hpp"

#include <cerrno>
#include <cstring>
#include <system_error>

namespace folio::data::detail {
namespace {

constexpr std::size_t chunk_bytes = std::size_t{4} << 20;

// Bytes after the sentinel that block scanners may read (never use): see csv_input.hpp.
constexpr std::size_t padding = 64;

}  // namespace

csv_input::csv_input(const std::filesystem::path& path, std::string display, progress_callback progress)
    : display_(std::move(display)), progress_(std::move(progress)) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw data_error(load_issue{display_, 0, 0, 0, {}, {}, "cannot read: it is a folder", {}});
    file_ = std::fopen(path.c_str(), "rb");
    if (file_ == nullptr)
        throw data_error(load_issue{display_, 0, 0, 0, {}, {}, std::string("cannot open: ") + std::strerror(errno), {}});
    std::setvbuf(file_, nullptr, _IONBF, 0);
    const auto size = std::filesystem::file_size(path, ec);
    file_size_ = ec ? 0 : static_cast<std::uint64_t>(size);
    buffer_.resize(chunk_bytes + 1 + padding);
    read_chunk();

    const auto* b = reinterpret_cast<const unsigned char*>(buffer_.data());
    const auto starts = [&](std::initializer_list<unsigned char> bom) {
        if (size_ < bom.size()) return false;
        std::size_t i = 0;
        for (unsigned char c : bom)
            if (b[i++] != c) return false;
        return true;
    };
    if (starts({0xFF, 0xFE}) || starts({0xFE, 0xFF}) || starts({0x00, 0x00, 0xFE, 0xFF}))
        throw data_error(load_issue{display_, 0, 0, 0, {}, {}, "the file is UTF-16 or UTF-32; only UTF-8 is supported", {}});
    if (starts({0xEF, 0xBB, 0xBF})) {
        std::memmove(buffer_.data(), buffer_.data() + 3, size_ - 3);
        size_ -= 3;
        base_ = 3;
        buffer_[size_] = '\n';
    }
}

csv_input::~csv_input() {
    if (file_ != nullptr) std::fclose(file_);
}

void csv_input::refill(const char* keep_from) {
    const std::size_t keep_at = static_cast<std::size_t>(keep_from - buffer_.data());
    const std::size_t kept = size_ - keep_at;
    if (kept > 0) std::memmove(buffer_.data(), keep_from, kept);
    base_ += keep_at;
    size_ = kept;
    if (buffer_.size() < kept + chunk_bytes + 1 + padding) buffer_.resize(kept + chunk_bytes + 1 + padding);
    read_chunk();
}

void csv_input::read_chunk() {
    if (eof_) {
        buffer_[size_] = '\n';
        return;
    }
    const std::size_t room = buffer_.size() - 1 - padding - size_;
    const std::size_t got = std::fread(buffer_.data() + size_, 1, room, file_);
    if (got < room) {
        if (std::ferror(file_))
            throw data_error(load_issue{display_, 0, 0, 0, {}, {}, std::string("cannot read: ") + std::strerror(errno), {}});
        eof_ = true;
    }
    size_ += got;
    bytes_read_ += got;
    buffer_[size_] = '\n';
    if (progress_) progress_(bytes_read_, file_size_);
}

}  // namespace folio::data::detail

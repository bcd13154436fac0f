// Forward scanning from the last located offset, counting line breaks and UTF-8 characters.
#include "line_locator.hpp"

#include <algorithm>
#include <array>

namespace folio::data::detail {

line_locator::line_locator(std::filesystem::path path) : path_(std::move(path)) {}

line_locator::~line_locator() {
    if (file_ != nullptr) std::fclose(file_);
}

bool line_locator::restart() {
    if (file_ != nullptr) std::fclose(file_);
    file_ = std::fopen(path_.c_str(), "rb");
    offset_ = 0;
    line_ = 1;
    column_ = 0;
    after_cr_ = false;
    if (file_ == nullptr) return false;
    unsigned char bom[3] = {};
    if (std::fread(bom, 1, 3, file_) == 3 && bom[0] == 0xEF && bom[1] == 0xBB && bom[2] == 0xBF) {
        offset_ = 3;
    } else {
        std::rewind(file_);
    }
    return true;
}

text_position line_locator::locate(std::uint64_t offset) {
    if ((file_ == nullptr || offset < offset_) && !restart()) return {};
    std::array<unsigned char, 1 << 16> buffer;
    while (offset_ < offset) {
        const std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(buffer.size(), offset - offset_));
        const std::size_t got = std::fread(buffer.data(), 1, want, file_);
        if (got == 0) break;
        for (std::size_t i = 0; i < got; ++i) {
            const unsigned char c = buffer[i];
            if (c == '\n') {
                if (!after_cr_) ++line_;
                column_ = 0;
                after_cr_ = false;
            } else if (c == '\r') {
                ++line_;
                column_ = 0;
                after_cr_ = true;
            } else {
                after_cr_ = false;
                if ((c & 0xC0) != 0x80) ++column_;
            }
        }
        offset_ += got;
    }
    return text_position{line_, column_ + 1};
}

}  // namespace folio::data::detail

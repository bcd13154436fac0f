// The set of texts a CSV source reads as null (by default "", "NA", "N/A", "null", "NULL"),
// checked with one bit test on the field's length before any comparison.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace folio::data::detail {

class null_markers {
public:
    /// Makes the set of markers.
    explicit null_markers(const std::vector<std::string>& markers) : markers_(markers) {
        for (const std::string& m : markers_) lengths_ |= m.size() < 64 ? std::uint64_t{1} << m.size() : 0;
        for (const std::string& m : markers_) long_ = long_ || m.size() >= 64;
    }

    /// Tells whether `text` is one of the markers.
    bool contains(std::string_view text) const {
        if (text.size() < 64 && ((lengths_ >> text.size()) & 1u) == 0) return false;
        if (text.size() >= 64 && !long_) return false;
        for (const std::string& m : markers_)
            if (m.size() == text.size() && (m.empty() || m[0] == text[0]) && std::string_view(m) == text) return true;
        return false;
    }

    /// Returns the markers.
    const std::vector<std::string>& markers() const { return markers_; }

    /// Tells whether `accepts` takes some marker as a value (then markers must be checked before parsing).
    template <class Accepts>
    bool any_accepted(Accepts&& accepts) const {
        for (const std::string& m : markers_)
            if (accepts(std::string_view(m))) return true;
        return false;
    }

private:
    std::vector<std::string> markers_;
    std::uint64_t lengths_ = 0;  // bit n: some marker has n bytes
    bool long_ = false;          // some marker has 64 bytes or more
};

}  // namespace folio::data::detail

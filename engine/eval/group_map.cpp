// Groups of a grouping (see group_map.hpp).
#include "group_map.hpp"

#include <algorithm>
#include <cstring>

namespace folio::eval {

group_map::group_map(std::size_t width) : width_(width) {
    slots_.assign(64, 0);
    mask_ = slots_.size() - 1;
}

std::uint64_t group_map::hash(const std::uint32_t* key, std::size_t width) {
    std::uint64_t h = 0x9E3779B97F4A7C15ull;
    for (std::size_t i = 0; i < width; ++i) {
        h ^= key[i] + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
        h *= 0xBF58476D1CE4E5B9ull;
    }
    return h ^ (h >> 31);
}

bool group_map::equal(std::uint32_t group, const std::uint32_t* key) const {
    return std::memcmp(keys_.data() + static_cast<std::size_t>(group) * width_, key, width_ * sizeof(std::uint32_t)) == 0;
}

void group_map::grow() {
    slots_.assign(slots_.size() * 2, 0);
    mask_ = slots_.size() - 1;
    const std::size_t groups = size();
    for (std::uint32_t g = 0; g < groups; ++g) {
        std::size_t i = hash(keys_.data() + static_cast<std::size_t>(g) * width_, width_) & mask_;
        while (slots_[i] != 0) i = (i + 1) & mask_;
        slots_[i] = g + 1;
    }
}

std::uint32_t group_map::intern(const std::uint32_t* key) {
    if (width_ == 0) return 0;
    std::size_t i = hash(key, width_) & mask_;
    while (slots_[i] != 0) {
        if (equal(slots_[i] - 1, key)) return slots_[i] - 1;
        i = (i + 1) & mask_;
    }
    const auto group = static_cast<std::uint32_t>(size());
    keys_.insert(keys_.end(), key, key + width_);
    slots_[i] = group + 1;
    if (size() * 2 > slots_.size()) grow();
    return group;
}

std::uint32_t group_map::find(std::span<const std::uint32_t> key) const {
    if (width_ == 0) return 0;
    if (key.size() != width_) return npos;
    std::size_t i = hash(key.data(), width_) & mask_;
    while (slots_[i] != 0) {
        if (equal(slots_[i] - 1, key.data())) return slots_[i] - 1;
        i = (i + 1) & mask_;
    }
    return npos;
}

void group_map::assign(const std::vector<std::span<const std::uint32_t>>& columns, std::size_t rows,
                       std::vector<std::uint32_t>& groups) {
    groups.resize(rows);
    if (width_ == 0) {
        std::fill(groups.begin(), groups.end(), 0u);
        return;
    }
    if (width_ <= 2) {
        // Dimension ids are small and dense: a direct table from the ids to the group.
        std::uint32_t key[2] = {0, 0};
        for (std::size_t r = 0; r < rows; ++r) {
            const std::uint32_t a = columns[0][r];
            const std::uint32_t b = width_ == 2 ? columns[1][r] : 0;
            if (a < direct_.size() && b < direct_[a].size() && direct_[a][b] != npos) {
                groups[r] = direct_[a][b];
                continue;
            }
            key[0] = a;
            key[1] = b;
            const std::uint32_t g = intern(key);
            // The table is bounded (4M cells): sparse pairs of large ids stay in the hash map.
            const std::size_t row_size = a < direct_.size() ? direct_[a].size() : 0;
            const std::size_t added =
                (a >= direct_.size() ? a + 1 - direct_.size() : 0) + (b >= row_size ? b + 1 - row_size : 0);
            if (direct_cells_ + added <= (std::size_t{1} << 22)) {
                if (direct_.size() <= a) direct_.resize(a + 1);
                if (direct_[a].size() <= b) direct_[a].resize(b + 1, npos);
                direct_[a][b] = g;
                direct_cells_ += added;
            }
            groups[r] = g;
        }
        return;
    }
    std::vector<std::uint32_t> key(width_);
    std::vector<std::uint32_t> previous(width_, npos);
    std::uint32_t last = npos;
    for (std::size_t r = 0; r < rows; ++r) {
        bool same = last != npos;
        for (std::size_t d = 0; d < width_; ++d) {
            key[d] = columns[d][r];
            same = same && key[d] == previous[d];
        }
        if (!same) {
            last = intern(key.data());
            previous = key;
        }
        groups[r] = last;
    }
}

}  // namespace folio::eval

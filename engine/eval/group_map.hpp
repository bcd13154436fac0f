// Groups of one grouping: a hash map from a tuple of dimension ids (one per dimension
// of the grouping) to a dense group number, with the tuples kept in group order so the
// groups can be listed after a scan.
//
// Open addressing over a power-of-two table of group numbers. Groupings of one or two
// dimensions (most tables) skip the hash: dimension ids are small and dense, so a
// direct table from the ids to the group answers each row. A grouping of no
// dimensions has one group, 0.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace folio::eval {

class group_map {
public:
    static constexpr std::uint32_t npos = 0xFFFFFFFFu;

    explicit group_map(std::size_t width);

    /// Returns the number of ids in a tuple.
    std::size_t width() const { return width_; }

    /// Returns the number of groups.
    std::size_t size() const { return width_ == 0 ? 1 : keys_.size() / width_; }

    /// Returns the group of a tuple, adding it when it is new.
    std::uint32_t intern(const std::uint32_t* key);

    /// Returns the group of a tuple, or npos.
    std::uint32_t find(std::span<const std::uint32_t> key) const;

    /// Returns the tuple of a group.
    std::span<const std::uint32_t> key(std::uint32_t group) const {
        return std::span<const std::uint32_t>(keys_.data() + static_cast<std::size_t>(group) * width_, width_);
    }

    /// Fills groups[r] for every row r from the dimension ids of the rows (columns[d][r] for dimension d).
    void assign(const std::vector<std::span<const std::uint32_t>>& columns, std::size_t rows,
                std::vector<std::uint32_t>& groups);

private:
    std::size_t width_;
    std::vector<std::uint32_t> keys_;
    std::vector<std::uint32_t> slots_;  // group + 1; 0 empty
    std::size_t mask_ = 0;
    std::vector<std::vector<std::uint32_t>> direct_;  // width 1 or 2: [first id][second id] → group, npos unknown
    std::size_t direct_cells_ = 0;

    static std::uint64_t hash(const std::uint32_t* key, std::size_t width);
    bool equal(std::uint32_t group, const std::uint32_t* key) const;
    void grow();
};

}  // namespace folio::eval

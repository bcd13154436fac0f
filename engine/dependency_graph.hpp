// Who reads whom: the edges from cells to the formulas that depend on them.
//
// A formula that reads one cell gets an edge from that cell. A formula that reads a
// range gets an edge from a shared range node, so =SUMIFS(Data!E1:E10000, ...) in
// fifty formulas costs fifty edges, not half a million. Range nodes are found by
// column, so finding the dependents of a changed cell looks at the few ranges that
// cover its column.
#pragma once

#include <cstdint>
#include <map>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "folio/engine/value.hpp"

namespace folio {

// Packs (sheet, row, col) into one key.
inline std::uint64_t cell_key(std::uint32_t sheet, std::int32_t row, std::int32_t col) {
    return (static_cast<std::uint64_t>(sheet) << 40) | (static_cast<std::uint64_t>(row) << 16) |
           static_cast<std::uint64_t>(col);
}

class dependency_graph {
public:
    // Records that formula `f` reads the cells of `area` (on sheet index `sheet`).
    void add(std::uint32_t f, std::uint32_t sheet, const reference& area);
    // Removes every edge into formula `f` that add() recorded for `area`.
    void remove(std::uint32_t f, std::uint32_t sheet, const reference& area);

    // Calls fn(formula) for every formula that reads cell (sheet, row, col); a formula
    // that reads the cell through several ranges is reported once per range.
    template <class F>
    void for_each_dependent(std::uint32_t sheet, std::int32_t row, std::int32_t col, F&& fn) const {
        if (auto it = cell_edges_.find(cell_key(sheet, row, col)); it != cell_edges_.end())
            for (std::uint32_t f : it->second) fn(f);
        if (sheet < column_ranges_.size()) {
            const auto& columns = column_ranges_[sheet];
            if (static_cast<std::size_t>(col) < columns.size())
                for (std::uint32_t id : columns[static_cast<std::size_t>(col)]) visit_range(id, sheet, row, col, fn);
        }
        for (std::uint32_t id : wide_ranges_) visit_range(id, sheet, row, col, fn);
    }

private:
    struct range_node {
        std::uint32_t sheet;
        reference area;
        std::vector<std::uint32_t> dependents;
    };

    template <class F>
    void visit_range(std::uint32_t id, std::uint32_t sheet, std::int32_t row, std::int32_t col, F& fn) const {
        const range_node& r = ranges_[id];
        if (r.sheet != sheet || row < r.area.row0 || row > r.area.row1 || col < r.area.col0 || col > r.area.col1) return;
        for (std::uint32_t f : r.dependents) fn(f);
    }

    using range_key = std::tuple<std::uint32_t, std::int32_t, std::int32_t, std::int32_t, std::int32_t>;
    static constexpr std::int32_t wide = 64;  // ranges wider than this are checked for every cell

    std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> cell_edges_;
    std::vector<range_node> ranges_;
    std::map<range_key, std::uint32_t> range_ids_;
    std::vector<std::vector<std::vector<std::uint32_t>>> column_ranges_;  // [sheet][col] → range ids
    std::vector<std::uint32_t> wide_ranges_;
};

}  // namespace folio

// Edges from cells and ranges to the formulas that read them (see dependency_graph.hpp).
#include "dependency_graph.hpp"

#include <algorithm>

namespace folio {

namespace {

void erase_one(std::vector<std::uint32_t>& list, std::uint32_t f) {
    auto it = std::find(list.begin(), list.end(), f);
    if (it != list.end()) list.erase(it);
}

}  // namespace

void dependency_graph::add(std::uint32_t f, std::uint32_t sheet, const reference& area) {
    if (area.is_single_cell()) {
        cell_edges_[cell_key(sheet, area.row0, area.col0)].push_back(f);
        return;
    }
    const range_key key{sheet, area.row0, area.col0, area.row1, area.col1};
    auto [it, inserted] = range_ids_.try_emplace(key, static_cast<std::uint32_t>(ranges_.size()));
    if (inserted) {
        ranges_.push_back(range_node{sheet, area, {}});
        const std::uint32_t id = it->second;
        if (area.cols() > wide) {
            wide_ranges_.push_back(id);
        } else {
            if (column_ranges_.size() <= sheet) column_ranges_.resize(sheet + 1);
            auto& columns = column_ranges_[sheet];
            if (columns.size() <= static_cast<std::size_t>(area.col1)) columns.resize(static_cast<std::size_t>(area.col1) + 1);
            for (std::int32_t c = area.col0; c <= area.col1; ++c) columns[static_cast<std::size_t>(c)].push_back(id);
        }
    }
    ranges_[it->second].dependents.push_back(f);
}

void dependency_graph::remove(std::uint32_t f, std::uint32_t sheet, const reference& area) {
    if (area.is_single_cell()) {
        auto it = cell_edges_.find(cell_key(sheet, area.row0, area.col0));
        if (it == cell_edges_.end()) return;
        erase_one(it->second, f);
        if (it->second.empty()) cell_edges_.erase(it);
        return;
    }
    auto it = range_ids_.find(range_key{sheet, area.row0, area.col0, area.row1, area.col1});
    if (it != range_ids_.end()) erase_one(ranges_[it->second].dependents, f);
    // An emptied range node stays registered: it is cheap and may be reused.
}

}  // namespace folio

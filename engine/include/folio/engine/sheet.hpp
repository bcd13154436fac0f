// Cell storage for one worksheet: dense columns of slots, grown on demand.
//
// Column-major storage keeps range scans (SUMIFS over a column of ten thousand rows)
// a walk over contiguous memory. A slot holds the cell's current value and, for a
// formula cell, the index of its formula in the workbook plus its recalculation state.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "folio/engine/value.hpp"

namespace folio {

enum class cell_state : std::uint8_t { clean, dirty, evaluating };

struct cell_slot {
    value current;                      // the constant, or the formula's last result
    std::uint32_t formula = 0;          // 1-based index into the workbook's formulas; 0 = constant
    cell_state state = cell_state::clean;
};

class sheet {
public:
    sheet(std::string name, std::uint32_t index) : name_(std::move(name)), index_(index) {}

    const std::string& name() const { return name_; }
    std::uint32_t index() const { return index_; }

    // Rows and columns in use: every cell at or beyond them is blank.
    std::int32_t used_rows() const { return used_rows_; }
    std::int32_t used_cols() const { return static_cast<std::int32_t>(columns_.size()); }

    // Returns the slot at (row, col), or nullptr when the cell has never been written.
    const cell_slot* find(std::int32_t row, std::int32_t col) const {
        if (col < 0 || col >= static_cast<std::int32_t>(columns_.size())) return nullptr;
        const auto& column = columns_[static_cast<std::size_t>(col)];
        if (row < 0 || row >= static_cast<std::int32_t>(column.size())) return nullptr;
        return &column[static_cast<std::size_t>(row)];
    }
    cell_slot* find(std::int32_t row, std::int32_t col) {
        return const_cast<cell_slot*>(static_cast<const sheet*>(this)->find(row, col));
    }

    // Returns the slot at (row, col), creating it (and the blank cells before it) if needed.
    cell_slot& slot(std::int32_t row, std::int32_t col) {
        if (col >= static_cast<std::int32_t>(columns_.size())) columns_.resize(static_cast<std::size_t>(col) + 1);
        auto& column = columns_[static_cast<std::size_t>(col)];
        if (row >= static_cast<std::int32_t>(column.size())) column.resize(static_cast<std::size_t>(row) + 1);
        if (row + 1 > used_rows_) used_rows_ = row + 1;
        return column[static_cast<std::size_t>(row)];
    }

private:
    std::string name_;
    std::uint32_t index_;
    std::int32_t used_rows_ = 0;
    std::vector<std::vector<cell_slot>> columns_;
};

}  // namespace folio

// A columnar in-memory table: a name, typed columns of equal length, and the row count.
//
// A table is also what a streaming read hands its callback batch by batch (table_batch):
// the same columns, a slice of the rows, and text dictionaries shared with every other batch
// of that read. Columns are found by name as declared (case-sensitive) or, for lookups that
// come from users, ignoring ASCII case.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "folio/engine/data/column.hpp"
#include "folio/engine/data/column_type.hpp"

namespace folio::data {

class table {
public:
    /// Makes a table with no columns and no rows.
    explicit table(std::string name = {});

    /// Makes an empty table with the columns of a schema (text columns get fresh dictionaries).
    table(std::string name, const table_schema& schema);

    const std::string& name() const { return name_; }
    void set_name(std::string name) { name_ = std::move(name); }

    /// Returns the number of rows (kept apart from the columns, so a table of no columns still counts rows).
    std::size_t row_count() const { return rows_; }

    /// Returns the number of columns.
    std::size_t column_count() const { return columns_.size(); }

    /// Returns the columns in schema order.
    std::span<const column> columns() const { return columns_; }

    /// Returns column i (i < column_count()).
    const column& column_at(std::size_t i) const { return columns_[i]; }
    column& column_at(std::size_t i) { return columns_[i]; }

    /// Returns the column named exactly `name`, or nullptr.
    const column* find(std::string_view name) const;

    /// Returns the column named `name` ignoring ASCII case (an exact match wins), or nullptr when none or ambiguous.
    const column* find_case_insensitive(std::string_view name) const;

    /// Returns the column named exactly `name`; throws std::out_of_range naming the table when there is none.
    const column& at(std::string_view name) const;

    /// Returns the names and types of the columns.
    table_schema schema() const;

    /// Adds a column, which must have row_count() rows, and returns it.
    column& add_column(column c);

    /// Sets the row count after rows were pushed into every column.
    void set_row_count(std::size_t rows) { rows_ = rows; }

    /// Appends the rows of `other`, whose columns have the same names and types in the same order.
    void append(const table& other);

    /// Drops the rows from `rows` on in every column.
    void truncate(std::size_t rows);

    /// Removes the rows `first + i` for which drop[i] is non-zero in every column.
    void remove_rows(std::size_t first, std::span<const std::uint8_t> drop);

    /// Drops every row, keeping columns and dictionaries.
    void clear_rows() { truncate(0); }

    /// Reserves room for `rows` rows in every column.
    void reserve(std::size_t rows);

    /// Returns the memory the rows and dictionaries hold, in bytes.
    std::size_t memory_bytes() const;

private:
    std::string name_;
    std::vector<column> columns_;
    std::size_t rows_ = 0;
};

/// What a streaming read hands its callback: a slice of the rows with the read's columns and dictionaries.
using table_batch = table;

}  // namespace folio::data

// Columnar tables: columns by name, appending batches, truncating rows.
#include "folio/engine/data/table.hpp"

#include <stdexcept>

namespace folio::data {

table::table(std::string name) : name_(std::move(name)) {}

table::table(std::string name, const table_schema& schema) : name_(std::move(name)) {
    columns_.reserve(schema.size());
    for (const column_spec& spec : schema) columns_.emplace_back(spec.name, spec.type);
}

const column* table::find(std::string_view name) const {
    for (const column& c : columns_)
        if (c.name() == name) return &c;
    return nullptr;
}

const column* table::find_case_insensitive(std::string_view name) const {
    if (const column* exact = find(name)) return exact;
    const column* found = nullptr;
    for (const column& c : columns_) {
        if (!equal_ignoring_case(c.name(), name)) continue;
        if (found) return nullptr;
        found = &c;
    }
    return found;
}

const column& table::at(std::string_view name) const {
    if (const column* c = find(name)) return *c;
    throw std::out_of_range("table '" + name_ + "' has no column '" + std::string(name) + "'");
}

table_schema table::schema() const {
    table_schema out;
    out.reserve(columns_.size());
    for (const column& c : columns_) out.push_back(column_spec{c.name(), c.type()});
    return out;
}

column& table::add_column(column c) {
    if (c.size() != rows_) throw std::logic_error("table::add_column: the column's length differs from the table's");
    columns_.push_back(std::move(c));
    return columns_.back();
}

void table::append(const table& other) {
    if (other.columns_.size() != columns_.size()) throw std::logic_error("table::append: the schemas differ");
    for (std::size_t i = 0; i < columns_.size(); ++i) {
        if (columns_[i].name() != other.columns_[i].name()) throw std::logic_error("table::append: the schemas differ");
        columns_[i].append(other.columns_[i]);
    }
    rows_ += other.rows_;
}

void table::truncate(std::size_t rows) {
    for (column& c : columns_) c.truncate(rows);
    if (rows < rows_) rows_ = rows;
}

void table::remove_rows(std::size_t first, std::span<const std::uint8_t> drop) {
    for (column& c : columns_) c.remove_rows(first, drop);
    std::size_t dropped = 0;
    for (std::size_t i = 0; i < drop.size() && first + i < rows_; ++i) dropped += drop[i] != 0 ? 1 : 0;
    rows_ -= dropped;
}

void table::reserve(std::size_t rows) {
    for (column& c : columns_) c.reserve(rows);
}

std::size_t table::memory_bytes() const {
    std::size_t total = 0;
    const string_pool* last = nullptr;
    for (const column& c : columns_) {
        total += c.memory_bytes();
        if (c.type() == column_type::text && &c.dictionary() != last) {
            total += c.dictionary().memory_bytes();
            last = &c.dictionary();
        }
    }
    return total;
}

}  // namespace folio::data

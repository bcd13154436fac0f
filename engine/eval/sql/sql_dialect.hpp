// What differs between the SQL Folio sends to PostgreSQL (and engines speaking its
// protocol) and to SQLite: placeholders, casts, how a date becomes an Excel serial and
// a period's first day, and which aggregates exist.
//
// Dates leave the database as Excel serials (days since 1899-12-30, so 2024-01-01 is
// 45292), the numbers the in-memory path holds; a time grain's group key is the serial
// of the period's first day: date_trunc in PostgreSQL (ISO weeks start on Monday),
// date modifiers in SQLite.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "folio/engine/data/column_type.hpp"
#include "folio/engine/report/report_model.hpp"

namespace folio::eval::sql {

enum class dialect_kind : std::uint8_t { postgres, sqlite };

class sql_dialect {
public:
    explicit sql_dialect(dialect_kind kind) : kind_(kind) {}

    dialect_kind kind() const { return kind_; }
    std::string_view name() const { return kind_ == dialect_kind::postgres ? "postgres" : "sqlite"; }

    /// Returns the placeholder of the n-th parameter (1-based): $1 or ?1.
    std::string placeholder(std::size_t n) const;

    /// Returns an identifier in double quotes, quotes inside doubled.
    static std::string quote(std::string_view identifier);

    /// Returns the FROM target of a source: its table (PostgreSQL: schema.table as two names) or its query as a
    /// subquery.
    std::string relation(const report::source& source) const;

    /// Returns a column (already quoted) as a double: numbers and booleans (1, 0), dates and timestamps as serials.
    std::string number(const std::string& column, data::column_type type) const;

    /// Returns the serial of the first day of the period of `grain` holding a date or timestamp column.
    std::string period(const std::string& column, data::column_type type, report::time_grain grain) const;

    /// Returns the sum of a numeric expression over the aggregate's rows, 0 when none.
    std::string sum(const std::string& x, const std::string& filter) const;

    /// Tells whether percentile_cont and stddev_samp exist (SQLite has neither).
    bool has_order_statistics() const { return kind_ == dialect_kind::postgres; }

private:
    dialect_kind kind_;
};

}  // namespace folio::eval::sql

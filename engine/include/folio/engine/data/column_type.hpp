// The types a data column can have, and a table's schema: column names with their types.
//
// Dates and timestamps are both Excel serial numbers (days since 1900-01-00, the time of day
// as the fraction); they differ in what the source promised: a `date` column holds whole
// days, a `timestamp` column a date and a time. A schema lists columns in the order a
// source delivers them; names keep the spelling they were declared with.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace folio::data {

enum class column_type : std::uint8_t { number, text, boolean, date, timestamp };

/// Returns the name a schema block uses for a type: "number", "text", "bool", "date" or "timestamp".
std::string_view column_type_name(column_type type);

/// Reads a type name as written in a schema block ("bool" and "boolean" both name booleans); nullopt when unknown.
std::optional<column_type> column_type_from_name(std::string_view name);

/// Tells whether a column of this type stores doubles (number, date, timestamp).
constexpr bool stores_numbers(column_type type) {
    return type == column_type::number || type == column_type::date || type == column_type::timestamp;
}

/// One column of a schema.
struct column_spec {
    std::string name;
    column_type type = column_type::text;

    friend bool operator==(const column_spec&, const column_spec&) = default;
};

/// The columns of a table or a source, in order.
using table_schema = std::vector<column_spec>;

/// Returns the index of the column named exactly `name`; nullopt when there is none.
std::optional<std::size_t> find_column(const table_schema& schema, std::string_view name);

/// Returns the index of the column named `name` ignoring ASCII case (an exact match wins); nullopt when there is none or the name is ambiguous.
std::optional<std::size_t> find_column_case_insensitive(const table_schema& schema, std::string_view name);

/// Tells whether two names are equal ignoring ASCII case.
bool equal_ignoring_case(std::string_view a, std::string_view b);

}  // namespace folio::data

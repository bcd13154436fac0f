// Column type names and schema lookups.
#include "folio/engine/data/column_type.hpp"

namespace folio::data {
namespace {

/// Returns c in lower case when it is an ASCII capital letter.
char lower_ascii(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

}  // namespace

std::string_view column_type_name(column_type type) {
    switch (type) {
        case column_type::number: return "number";
        case column_type::text: return "text";
        case column_type::boolean: return "bool";
        case column_type::date: return "date";
        case column_type::timestamp: return "timestamp";
    }
    return "text";
}

std::optional<column_type> column_type_from_name(std::string_view name) {
    if (name == "number") return column_type::number;
    if (name == "text") return column_type::text;
    if (name == "bool" || name == "boolean") return column_type::boolean;
    if (name == "date") return column_type::date;
    if (name == "timestamp") return column_type::timestamp;
    return std::nullopt;
}

bool equal_ignoring_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower_ascii(a[i]) != lower_ascii(b[i])) return false;
    return true;
}

std::optional<std::size_t> find_column(const table_schema& schema, std::string_view name) {
    for (std::size_t i = 0; i < schema.size(); ++i)
        if (schema[i].name == name) return i;
    return std::nullopt;
}

std::optional<std::size_t> find_column_case_insensitive(const table_schema& schema, std::string_view name) {
    if (auto exact = find_column(schema, name)) return exact;
    std::optional<std::size_t> found;
    for (std::size_t i = 0; i < schema.size(); ++i) {
        if (!equal_ignoring_case(schema[i].name, name)) continue;
        if (found) return std::nullopt;
        found = i;
    }
    return found;
}

}  // namespace folio::data

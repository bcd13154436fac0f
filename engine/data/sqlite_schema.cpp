// The columns of a SQLite table or query and their types: declared types first, values
// where the declaration leaves the question open.
//
// Declared types are read the way SQLite's own affinity rules read them (a substring
// test, case-insensitive), with Folio's date and bool names checked first: TIMESTAMP and
// DATETIME → timestamp, DATE → date, BOOL → bool, INT → number, CHAR/CLOB/TEXT → text unless
// every value is an ISO date or date-time, BLOB or nothing → from the values (all numbers
// → number, all ISO dates → date or timestamp, otherwise text), TIME → text, anything else
// (REAL, FLOAT, DOUBLE, NUMERIC, DECIMAL) → number.
#include <sqlite3.h>

#include <string>

#include "folio/engine/data/sqlite.hpp"
#include "sqlite_connection.hpp"
#include "sqlite_schema.hpp"
#include "value_parsing.hpp"

namespace folio::data {
namespace detail {
namespace {

enum class declared_class : std::uint8_t { number, text_or_dates, date, timestamp, boolean, by_values, text };

/// Classifies a declared column type.
declared_class classify(std::string_view declared) {
    std::string upper;
    for (char c : declared) upper.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
    const auto has = [&](const char* word) { return upper.find(word) != std::string::npos; };
    if (upper.empty()) return declared_class::by_values;
    if (has("TIMESTAMP") || has("DATETIME")) return declared_class::timestamp;
    if (has("DATE")) return declared_class::date;
    if (has("BOOL")) return declared_class::boolean;
    if (has("INT")) return declared_class::number;
    if (has("CHAR") || has("CLOB") || has("TEXT")) return declared_class::text_or_dates;
    if (has("BLOB")) return declared_class::by_values;
    if (has("TIME")) return declared_class::text;
    return declared_class::number;
}

/// What the values of one column could all be.
struct evidence {
    bool any = false;
    bool numbers = true;
    bool dates = true;
    bool times = false;

    /// Tells whether only text is left.
    bool settled() const { return any && !numbers && !dates; }
};

}  // namespace

table_schema schema_of(sqlite_statement& statement, const std::vector<sqlite_column>& columns) {
    std::vector<declared_class> classes;
    bool scan = false;
    for (const sqlite_column& c : columns) {
        classes.push_back(classify(c.declared_type));
        scan = scan || classes.back() == declared_class::by_values || classes.back() == declared_class::text_or_dates;
    }
    std::vector<evidence> seen(columns.size());
    if (scan) {
        sqlite3_stmt* stmt = statement.get();
        std::size_t open = 0;
        for (std::size_t i = 0; i < columns.size(); ++i)
            open += classes[i] == declared_class::by_values || classes[i] == declared_class::text_or_dates;
        while (open > 0 && statement.step()) {
            for (std::size_t i = 0; i < columns.size(); ++i) {
                if (classes[i] != declared_class::by_values && classes[i] != declared_class::text_or_dates) continue;
                evidence& e = seen[i];
                if (e.settled()) continue;
                const int col = static_cast<int>(i);
                switch (sqlite3_column_type(stmt, col)) {
                    case SQLITE_NULL: break;
                    case SQLITE_INTEGER:
                    case SQLITE_FLOAT:
                        e.any = true;
                        e.dates = false;
                        break;
                    case SQLITE_TEXT: {
                        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, col));
                        const std::string_view value(text, static_cast<std::size_t>(sqlite3_column_bytes(stmt, col)));
                        if (value.empty()) break;
                        e.any = true;
                        e.numbers = false;
                        const date_reading r = parse_iso_date_time(value);
                        if (r.state != date_reading::status::ok) e.dates = false;
                        else e.times = e.times || r.has_time;
                        break;
                    }
                    default:
                        e.any = true;
                        e.numbers = false;
                        e.dates = false;
                        break;
                }
                if (e.settled()) --open;
            }
        }
        statement.reset();
    }
    table_schema schema;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        column_type type = column_type::text;
        const evidence& e = seen[i];
        switch (classes[i]) {
            case declared_class::number: type = column_type::number; break;
            case declared_class::date: type = column_type::date; break;
            case declared_class::timestamp: type = column_type::timestamp; break;
            case declared_class::boolean: type = column_type::boolean; break;
            case declared_class::text: type = column_type::text; break;
            case declared_class::text_or_dates:
            case declared_class::by_values:
                if (e.any && e.dates) type = e.times ? column_type::timestamp : column_type::date;
                else if (e.any && e.numbers && classes[i] == declared_class::by_values) type = column_type::number;
                break;
        }
        schema.push_back(column_spec{columns[i].name, type});
    }
    return schema;
}

void require_unique_columns(const std::vector<sqlite_column>& columns, const std::string& display) {
    for (std::size_t i = 0; i < columns.size(); ++i)
        for (std::size_t j = 0; j < i; ++j)
            if (equal_ignoring_case(columns[i].name, columns[j].name))
                throw data_error(load_issue{display, 0, 0, 0, columns[i].name, {},
                                            "the result has two columns named '" + columns[i].name + "'",
                                            {"give them different names with AS"}});
}

}  // namespace detail

std::vector<sqlite_column> list_sqlite_columns(const std::filesystem::path& path, const sqlite_options& options) {
    detail::sqlite_connection db(path, detail::sqlite_display_name(path, options));
    return db.prepare(options).columns();
}

table_schema infer_sqlite_schema(const std::filesystem::path& path, const sqlite_options& options) {
    detail::sqlite_connection db(path, detail::sqlite_display_name(path, options));
    detail::sqlite_statement statement = db.prepare(options);
    const std::vector<sqlite_column> columns = statement.columns();
    detail::require_unique_columns(columns, db.display_name());
    return detail::schema_of(statement, columns);
}

}  // namespace folio::data

// Reading SQLite databases: a table or the result of a query, into columnar tables.
//
// The database is opened read-only (no URI filenames). A table name is quoted as an
// identifier, never spliced into SQL as text. Column types come from the declared types:
// INTEGER, REAL, NUMERIC (and their relatives) are numbers; DATE is a date, DATETIME and
// TIMESTAMP are timestamps; BOOLEAN is a bool; TEXT is text unless every value is an ISO
// date (date) or date-time (timestamp); a column without a declared type (an expression in a
// query) is typed from its values the same way, numbers first. Errors name the file and
// carry SQLite's own message: "support.db: error: no such table: tickets". A value that
// does not fit its column (text in an INTEGER column, a malformed date) is an error naming
// the column, the value and the result row, or a counted skip under `on_error: skip`.
// An empty string reads as null in number, date, timestamp and bool columns.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "folio/engine/data/column_type.hpp"
#include "folio/engine/data/load_issue.hpp"
#include "folio/engine/data/table.hpp"
#include "folio/engine/data/time_zone.hpp"

namespace folio::data {

struct sqlite_options {
    std::string table;          // read this table whole ...
    std::string query;          // ... or the rows of this single read-only statement
    on_error_action on_error = on_error_action::fail;  // skip: leave out rows whose value does not fit, counted
    std::size_t batch_rows = 65536;
    std::size_t max_examples = 5;  // skipped-row reasons kept for the warning
    std::string display_name;   // the file as messages name it; default: the path as given
    std::shared_ptr<const time_zone> zone;  // as csv_options::zone
    // Rows read so far and the table's row count (counted first, only when this is set; 0 for
    // a query), after every batch and at the end.
    progress_callback progress;
};

/// A column as the database declares it.
struct sqlite_column {
    std::string name;
    std::string declared_type;  // as written in CREATE TABLE; "" for an expression
};

/// Lists the result columns of the table or query without reading a row; throws data_error.
std::vector<sqlite_column> list_sqlite_columns(const std::filesystem::path& path, const sqlite_options& options);

/// Returns the schema a read would deliver: declared types, and for text and untyped columns
/// a scan of their values (no rows are kept); throws data_error.
table_schema infer_sqlite_schema(const std::filesystem::path& path, const sqlite_options& options);

/// Streams the rows in batches, typed by `schema` (columns matched by name ignoring case, as
/// SQLite does) or, when nullopt, by infer_sqlite_schema; throws data_error.
load_summary read_sqlite_batches(const std::filesystem::path& path, const sqlite_options& options,
                                 const std::optional<table_schema>& schema,
                                 const std::function<void(const table_batch&)>& on_batch);

/// Reads the whole table or query result into one table named after the table (or the
/// file's stem for a query); throws data_error.
loaded_table read_sqlite_table(const std::filesystem::path& path, const sqlite_options& options,
                               const std::optional<table_schema>& schema = std::nullopt);

}  // namespace folio::data

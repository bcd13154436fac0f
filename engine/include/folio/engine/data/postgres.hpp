// Reading PostgreSQL sources (and anything speaking its protocol: Citus, CockroachDB,
// Redshift, ...) through libpq, and running parameterised queries against a database
// source, PostgreSQL or SQLite, for aggregate pushdown.
//
// The connection string is libpq's (`host=... dbname=...` or a postgresql:// URI);
// passwords come from libpq's own handling (PGPASSWORD, PGPASSFILE / ~/.pgpass, or the
// string itself) and never appear in a message: errors name the source
// (`options.display_name`) and carry the server's message with any `password=...`
// removed. Sessions run with DateStyle ISO and TimeZone UTC, so dates and timestamps
// read the same everywhere. A table name is quoted as an identifier (`schema.table`
// as two); a query is the report author's SQL, run as a subquery.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "folio/engine/data/column_type.hpp"
#include "folio/engine/data/load_issue.hpp"
#include "folio/engine/data/table.hpp"

namespace folio::data {

struct postgres_options {
    std::string dsn;            // libpq connection string or URI; never printed
    std::string table;          // read this table whole ...
    std::string query;          // ... or the rows of this query
    on_error_action on_error = on_error_action::fail;
    std::size_t batch_rows = 65536;
    std::size_t max_examples = 5;
    std::string display_name;   // how messages name the source: "postgres source 'surveys'"
};

/// Returns the schema of the table or query from the server's column types (no rows are read): booleans, numbers
/// (integers, floats, numeric), dates, timestamps (with or without time zone, read in UTC), everything else text;
/// throws data_error.
table_schema infer_postgres_schema(const postgres_options& options);

/// Streams the rows in batches (a server-side cursor), typed by `schema` (columns matched by name, exact else ignoring
/// case) or by infer_postgres_schema; throws data_error.
load_summary read_postgres_batches(const postgres_options& options, const std::optional<table_schema>& schema,
                                   const std::function<void(const table_batch&)>& on_batch);

/// Returns a connection string with the value of any `password=` (or a URI's user:password@) replaced by "***".
std::string scrub_password(std::string_view text);

/// A value bound to a `$n` / `?n` placeholder.
struct sql_param {
    enum class kind : std::uint8_t { number, text, boolean } type = kind::number;
    double number = 0;
    std::string text;
    bool boolean = false;
};

/// One cell of a result row: null, or text (PostgreSQL's text form; SQLite's text), with the number when the
/// database gave one as such (SQLite integers and reals).
struct sql_cell {
    bool null = true;
    bool has_number = false;
    double number = 0;
    std::string_view text;
};

/// A database that runs parameterised SELECTs and hands back their rows.
class sql_database {
public:
    virtual ~sql_database() = default;

    /// Runs `sql` with `params` bound to its placeholders, calling on_row per result row (the cells live until the
    /// call returns); throws data_error naming the source when the query fails or the connection is lost.
    virtual void run(const std::string& sql, const std::vector<sql_param>& params,
                     const std::function<void(std::span<const sql_cell>)>& on_row) = 0;
};

/// Connects to a PostgreSQL server; throws data_error naming the source.
std::unique_ptr<sql_database> open_postgres_database(const postgres_options& options);

/// Opens a SQLite database read-only; throws data_error naming the file.
std::unique_ptr<sql_database> open_sqlite_database(const std::filesystem::path& path, const std::string& display_name);

}  // namespace folio::data

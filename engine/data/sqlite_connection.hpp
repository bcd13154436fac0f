// A read-only SQLite connection and the one statement a source runs, with errors that
// name the file and carry SQLite's own message ("support.db: error: no such table: tickets").
//
// The database is opened with SQLITE_OPEN_READONLY and without SQLITE_OPEN_URI, and a path
// that happens to start with "file:" is prefixed with "./" so that no build of SQLite reads
// it as a URI. A table source becomes `SELECT <columns> FROM "<table>"` with the table (and
// columns) quoted as identifiers, doubled quotes inside; a query source must be one
// statement that only reads.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "folio/engine/data/sqlite.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace folio::data::detail {

/// Returns `name` quoted as an SQL identifier: "name", with each '"' doubled.
std::string quote_identifier(std::string_view name);

/// Returns the name messages use for the database: options.display_name, or the path as given.
std::string sqlite_display_name(const std::filesystem::path& path, const sqlite_options& options);

class sqlite_statement;

class sqlite_connection {
public:
    /// Opens the database read-only; throws data_error when the file is missing or cannot be opened.
    sqlite_connection(const std::filesystem::path& path, std::string display);
    ~sqlite_connection();
    sqlite_connection(const sqlite_connection&) = delete;
    sqlite_connection& operator=(const sqlite_connection&) = delete;

    /// Prepares the source's statement: the table's `columns` (all when empty) or the query; throws data_error.
    sqlite_statement prepare(const sqlite_options& options, const std::vector<std::string>& columns = {});

    /// Makes the data_error for SQLite's latest message on this connection.
    data_error error() const;

    const std::string& display_name() const { return display_; }

private:
    sqlite3* db_ = nullptr;
    std::string display_;
};

class sqlite_statement {
public:
    sqlite_statement(sqlite3_stmt* stmt, const sqlite_connection* connection) : stmt_(stmt), connection_(connection) {}
    ~sqlite_statement();
    sqlite_statement(sqlite_statement&& other) noexcept : stmt_(other.stmt_), connection_(other.connection_) { other.stmt_ = nullptr; }
    sqlite_statement(const sqlite_statement&) = delete;
    sqlite_statement& operator=(const sqlite_statement&) = delete;
    sqlite_statement& operator=(sqlite_statement&&) = delete;

    /// Returns the result columns as the database declares them.
    std::vector<sqlite_column> columns() const;

    /// Steps to the next row; false after the last; throws data_error on an SQLite error.
    bool step();

    /// Rewinds the statement to run it again.
    void reset();

    sqlite3_stmt* get() const { return stmt_; }

private:
    sqlite3_stmt* stmt_;
    const sqlite_connection* connection_;
};

}  // namespace folio::data::detail

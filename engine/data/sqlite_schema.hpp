// Typing the result columns of a SQLite statement (see sqlite_schema.cpp for the rules).
#pragma once

#include <string>
#include <vector>

#include "folio/engine/data/sqlite.hpp"
#include "sqlite_connection.hpp"

namespace folio::data::detail {

/// Returns the schema of the statement's result columns, stepping through its rows (and
/// resetting it) when a declared type leaves the question to the values.
table_schema schema_of(sqlite_statement& statement, const std::vector<sqlite_column>& columns);

/// Throws data_error when two result columns have the same name ignoring case.
void require_unique_columns(const std::vector<sqlite_column>& columns, const std::string& display);

}  // namespace folio::data::detail

// Reading a report source through the data layer: the reader options its `csv(...)`
// or `sqlite(...)` declaration gives, the schema of its data (declared, inferred from
// the file, or read from the database), and a streaming read in batches.
#pragma once

#include <cstdint>
#include <functional>

#include "folio/engine/data/csv.hpp"
#include "folio/engine/data/postgres.hpp"
#include "folio/engine/data/sqlite.hpp"
#include "folio/engine/report/report_model.hpp"

namespace folio::eval {

/// Returns the data type that stores a report value type (unknown as text).
data::column_type column_type_of(report::value_type type);

/// Returns the CSV reader options of a csv source's options (delimiter, quote, header, decimal, date_format,
/// null, on_error, encoding); throws data::data_error for a value the reader cannot take.
data::csv_options csv_options_of(const report::source& source);

/// Returns the SQLite reader options of a sqlite source (table or query, on_error).
data::sqlite_options sqlite_options_of(const report::source& source);

/// Where `${NAME}` in a postgres source's connection text finds its value: the program's param NAME (as --param sets
/// it), else the environment variable NAME.
struct connection_context {
    const report::checked_program* program = nullptr;
    const std::vector<value>* params = nullptr;
};

/// Returns the reader options of a postgres source: its connection text with every `${NAME}` replaced, its table or
/// query; messages name it "postgres source NAME"; throws data::data_error when a `${NAME}` has no value.
data::postgres_options postgres_options_of(const report::source& source, const connection_context& context);

/// Returns the schema of the source's data: its schema block when it has one, else the one the data gives;
/// throws data::data_error.
data::table_schema data_schema(const report::source& source, const connection_context& context = {});

/// Streams the source's rows typed by `schema` (a subset of data_schema) in batches, converting CSV columns on up to
/// `threads` threads; timestamps written with an offset are converted to `zone` (null: kept in UTC); throws
/// data::data_error.
data::load_summary read_source(const report::source& source, const data::table_schema& schema, std::size_t threads,
                               const std::function<void(std::uint64_t, std::uint64_t)>& progress,
                               const std::function<void(const data::table_batch&)>& on_batch,
                               const std::shared_ptr<const data::time_zone>& zone = nullptr,
                               const connection_context& context = {});

}  // namespace folio::eval

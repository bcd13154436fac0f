// Reading CSV files into columnar tables: the options a report's `csv(path, ...)` passes,
// a streaming read in batches, a whole-table read, and the header and schema without rows.
//
// The format is RFC 4180 (quoted fields, doubled quotes, fields across lines, CRLF or LF;
// a lone CR also ends a line), UTF-8 with or without a byte-order mark. Values are typed
// by a declared schema or by types inferred from a sample of the file. A value that does
// not fit its column is an error naming the file, line:column, the spreadsheet row, the
// column and the value; `on_error: skip` counts such rows instead. Numbers are read with
// the declared decimal separator only ("1,5" in a '.' file is an error, never 1 or 15) and
// never through the C locale.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "folio/engine/data/column_type.hpp"
#include "folio/engine/data/load_issue.hpp"
#include "folio/engine/data/table.hpp"
#include "folio/engine/data/time_zone.hpp"

namespace folio::data {

struct csv_options {
    char delimiter = ',';
    char quote = '"';
    char decimal = '.';            // '.' or ','
    bool header = true;            // the first row names the columns
    // strftime-like: %Y %y %m %d %H %M %S (with fraction) %I %p %b %B %%; a space matches
    // one or more spaces. Empty: ISO 8601 only (YYYY-MM-DD, YYYY-MM-DD[T ]HH:MM[:SS[.f]][Z|±HH:MM]),
    // which is also accepted when a format is given.
    std::string date_format;
    // Timestamps written with Z or an offset are converted to this zone's local time (before a date
    // column takes the day); null: kept in UTC. Timestamps without an offset are local already.
    std::shared_ptr<const time_zone> zone;
    std::vector<std::string> null_markers = {"", "NA", "N/A", "null", "NULL"};
    on_error_action on_error = on_error_action::fail;
    std::string encoding = "utf-8";  // only UTF-8 is supported ("utf-8", "utf8", any case)
    std::size_t infer_rows = 100000;  // data rows sampled to infer types; 0: the whole file
    bool schema_inferred = false;     // the schema given to a read came from infer_csv_schema (messages say so)
    std::size_t batch_rows = 65536;   // rows per batch of a streaming read
    // Threads that split and convert the file in chunks of whole records (the calling thread
    // included); batches still reach the callback in file order, on the calling thread, with
    // the rows, codes, skips and errors one thread gives.
    std::size_t threads = 1;
    std::size_t max_examples = 5;     // skipped-row reasons kept for the warning
    std::string display_name;         // the file as messages name it; default: the path as given
    progress_callback progress;       // bytes read / file size, about every 4 MB
};

/// Checks the options (one-character settings apart, decimal '.' or ',', UTF-8, a valid
/// date_format); returns the problem as a message, or "" when they are fine.
std::string check_csv_options(const csv_options& options);

/// Reads the header row (or, without a header, counts the first row's fields and names
/// them column1, column2, ...); throws data_error.
std::vector<std::string> read_csv_header(const std::filesystem::path& path, const csv_options& options);

/// Infers the schema from up to options.infer_rows data rows: a column whose non-null values
/// are all numbers is a number, all ISO (or date_format) dates a date, dates with times a
/// timestamp, all true/false a bool, anything else (or no values at all) text; throws data_error.
table_schema infer_csv_schema(const std::filesystem::path& path, const csv_options& options);

/// Streams the file in batches of about options.batch_rows rows, typed by `schema` (the
/// declared columns, found in the header by name, exact or else ignoring case; or, without a
/// header, by position) or, when it is nullopt, by infer_csv_schema. Columns not in the schema
/// are not read. Text codes are stable across batches. Returns the summary; throws data_error.
load_summary read_csv_batches(const std::filesystem::path& path, const csv_options& options,
                              const std::optional<table_schema>& schema,
                              const std::function<void(const table_batch&)>& on_batch);

/// Reads the whole file into one table named after the file's stem; throws data_error.
loaded_table read_csv_table(const std::filesystem::path& path, const csv_options& options,
                            const std::optional<table_schema>& schema = std::nullopt);

}  // namespace folio::data

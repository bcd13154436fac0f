// What loading data can report: an issue at a place in a file, the error that stops a load,
// the summary of a load (rows read, rows skipped with the first few reasons), a table read
// whole with its summary, and the progress hook.
//
// Messages follow the compiler convention of the rest of Folio:
//   surveys.csv:128:5: error: column 'score' expects a number, found 'n/a' (row 128, counting the header as row 1)
// `line:column` is the place in the file (1-based; columns count characters), the row is
// the one a spreadsheet shows. Bad data is an I/O failure, so a load that cannot go on
// throws data_error; with `on_error: skip` the same issues become a count and examples in
// load_summary instead.
#pragma once

#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "folio/engine/data/column_type.hpp"
#include "folio/engine/data/table.hpp"

namespace folio::data {

/// A problem at one place of a data source.
struct load_issue {
    std::string file;           // the file as messages name it
    std::uint64_t line = 0;     // 1-based line of the file; 0 when the issue is about the whole source
    std::uint64_t column = 0;   // 1-based column in characters; 0 when unknown
    std::uint64_t row = 0;      // CSV: the spreadsheet row (a header is row 1); SQLite: the result row; 0 when none
    std::string column_name;    // the data column concerned, if any
    std::string value;          // the offending value as found (shortened), if any
    std::string message;        // fixed lower-case text without the location
    std::vector<std::string> notes;  // further explanations, each printed as "note: ..."

    /// Formats the issue as "file:line:column: severity: message" (the parts that are known), one "note: ..." line per note.
    std::string text(std::string_view severity = "error") const;
};

/// Thrown when a source cannot be read: a missing file, bad options, a value that does not fit.
class data_error : public std::runtime_error {
public:
    explicit data_error(load_issue issue);

    const load_issue& issue() const { return issue_; }

private:
    load_issue issue_;
};

/// How a load went.
struct load_summary {
    std::string file;                       // as messages name it
    table_schema schema;                    // the columns delivered
    std::uint64_t rows = 0;                 // rows delivered
    std::uint64_t skipped_rows = 0;         // rows left out under on_error: skip
    std::vector<load_issue> skipped_examples;  // the first few reasons
    std::uint64_t bytes = 0;                // bytes read (CSV)

    /// Returns "file: warning: N rows skipped ..." with the examples as notes, or "" when nothing was skipped.
    std::string warning_text() const;
};

/// A table read whole, with the summary of its load.
struct loaded_table {
    table data;
    load_summary summary;
};

/// Called now and then while a source loads with the work done so far and the total (0 when
/// unknown): bytes of a CSV file, rows of a SQLite table.
using progress_callback = std::function<void(std::uint64_t done, std::uint64_t total)>;

/// What to do with a row whose value does not fit its column.
enum class on_error_action : std::uint8_t { fail, skip };

}  // namespace folio::data

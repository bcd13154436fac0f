// Records of a CSV file one after another: the input buffer, the splitter, the spreadsheet
// row count and the places messages point at, shared by header reading, type inference
// and the reader.
//
// Rows count records as a spreadsheet shows them: the first record (the header, if there
// is one) is row 1, and a blank line is a row too. A malformed record (an unclosed quote,
// text after a closing quote) is always an error: the rest of the file cannot be split
// reliably after it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "csv_input.hpp"
#include "csv_splitter.hpp"
#include "folio/engine/data/csv.hpp"
#include "line_locator.hpp"

namespace folio::data::detail {

/// Returns the name messages use for the file: options.display_name, or the path as given.
std::string csv_display_name(const std::filesystem::path& path, const csv_options& options);

/// Throws data_error when the options are inconsistent (see check_csv_options).
void require_valid_options(const std::filesystem::path& path, const csv_options& options);

/// Records read together: their fields one after another, where each record starts, and its row.
struct csv_group {
    std::vector<csv_field> fields;
    std::vector<std::uint32_t> starts;  // record r's fields are [starts[r], starts[r + 1])
    std::vector<std::uint64_t> rows;    // the spreadsheet row of record r

    std::size_t size() const { return rows.size(); }

    /// Returns the number of fields of record r.
    std::size_t width(std::size_t r) const { return starts[r + 1] - starts[r]; }

    /// Returns field f of record r (f < width(r)).
    const csv_field& field(std::size_t r, std::size_t f) const { return fields[starts[r] + f]; }
};

class csv_scanner {
public:
    /// Opens the file; throws data_error when it cannot be read.
    csv_scanner(const std::filesystem::path& path, const csv_options& options);

    /// Reads the next record into `fields` (valid until the next call); false at the end of the file.
    bool next(std::vector<csv_field>& fields);

    /// Reads up to `max` records into `group` (valid until the next call), stopping early at the
    /// end of the buffered window; false when no record is left. A malformed record ends the
    /// group before it and is reported (thrown) by the next call.
    bool next_group(csv_group& group, std::size_t max);

    /// Returns the spreadsheet row of the record last read (1-based).
    std::uint64_t row() const { return row_; }

    /// Returns a field's value, with doubled quotes made single (the view lasts until the next call).
    std::string_view value(const csv_field& field) { return splitter_.value(field, scratch_); }

    /// Makes an issue located at `where` (a pointer into the current record or group) in row `row` (default: the current one).
    load_issue issue_at(const char* where, std::string message, std::uint64_t row = 0);

    /// Makes an issue located at a file offset.
    load_issue issue_at_offset(std::uint64_t offset, std::string message, std::uint64_t row = 0);

    /// Returns the file's offset of a pointer into the current record.
    std::uint64_t offset_of(const char* p) const { return input_.offset_of(p); }

    /// Returns the file's offset of the next record (where a read of the rest starts).
    std::uint64_t next_offset() const { return input_.offset_of(cursor_); }

    const std::string& display_name() const { return display_; }
    std::uint64_t bytes_read() const { return input_.bytes_read(); }

private:
    std::string display_;
    csv_input input_;
    csv_splitter splitter_;
    line_locator locator_;
    const char* cursor_;
    std::uint64_t row_ = 0;
    std::string scratch_;

    /// Throws the data_error of a malformed record.
    [[noreturn]] void malformed(split_status status, const char* error_at);
};

/// The column names of a file and where each is written.
struct csv_header {
    std::vector<std::string> names;      // as written; column1, column2, ... for unnamed ones and without a header
    std::vector<std::uint64_t> offsets;  // file offset of each name (header only)
};

/// Reads the header, or without one counts the first record's fields (reading it through a
/// second scanner, so `scanner` stays at the start); throws data_error on an empty file with
/// a header or a header that is not UTF-8.
csv_header read_header(csv_scanner& scanner, const csv_options& options, const std::filesystem::path& path);

/// Throws data_error when the header's name at `index` is written in another field too.
void require_unique_name(csv_scanner& scanner, const csv_header& header, std::size_t index);

}  // namespace folio::data::detail

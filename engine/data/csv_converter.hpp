// Converting a group of split CSV records into typed columns, for the serial reader and for
// each thread of the chunked one.
//
// csv_layout is what a read converts: the schema columns, the record field each comes
// from, the null markers and the date format; it is made once and read by every converter.
// A csv_converter holds one thread's scratch space. Each schema column converts its field of
// every record of the group in one tight loop (numbers with the fast parser, dates with the
// ISO or date_format parser, text through the column's dictionary, whose slots are
// prefetched a few records ahead so that high-cardinality columns do not wait on memory).
//
// Conversion runs in two steps. First every typed column converts and every text column
// looks its values up (checking new strings are UTF-8), each noting the records that do not
// fit; then, knowing all bad records, text columns append their codes, interning new
// strings only for good records, so a bad record leaves nothing in the dictionaries. The
// caller decides what a bad record means (the error that ends the load, or a skipped row);
// problems come back unlocated, and without the row: a chunk read on another thread does
// not know its first row until the chunks before it are counted.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "csv_scanner.hpp"
#include "folio/engine/data/csv.hpp"
#include "null_markers.hpp"
#include "value_parsing.hpp"

namespace folio::data::detail {

/// Where a schema column's values come from.
struct csv_target {
    std::size_t field;   // index of the field in a record
    std::size_t column;  // index of the column in the output table
    column_type type;
};

/// What a read converts, shared read-only by its converters.
struct csv_layout {
    csv_layout(const csv_options& options, table_schema schema, bool inferred);

    const csv_options& options;
    table_schema schema;
    bool inferred;                          // the schema came from inference (messages say so)
    null_markers nulls;
    std::optional<date_format> format;
    std::array<bool, 5> markers_first{};    // per column type: some null marker is also a valid value
    std::vector<csv_target> typed;          // number, bool, date, timestamp columns
    std::vector<csv_target> texts;          // text columns
    std::size_t expected_fields = 0;

    /// Reads schema column `column` from field `field` of each record.
    void place(std::size_t column, std::size_t field);

    /// Returns " (row N, counting the header as row 1)", or " (row N)" without a header.
    std::string row_note(std::uint64_t row) const;
};

/// The first problem with a record of a group: its message lacks the location and the row note.
struct pending_issue {
    std::size_t record;
    const char* where;  // the field (or character) the problem is at
    std::string message;
    std::string column_name;
    std::string value;
    std::vector<std::string> notes;
};

/// A problem located in the file but not yet given its row (known relative to a chunk only).
struct deferred_issue {
    std::uint64_t offset = 0;  // file offset of the place
    std::uint64_t row = 0;     // spreadsheet row, relative to where the caller counts from
    std::string message;       // without the row note
    std::string column_name;
    std::string value;
    std::vector<std::string> notes;
    bool with_row_note = true;  // the message ends with the row note (a malformed record's does not)
};

class csv_converter {
public:
    explicit csv_converter(const csv_layout& layout);

    /// Converts the records of `group` into new rows of `out`; returns how many do not fit
    /// (their rows hold placeholders: see bad()). With `details`, `issues` gets the first
    /// problem of each bad record, ordered by record.
    std::size_t convert(const csv_group& group, table& out, bool details, std::vector<pending_issue>& issues);

    /// Per record of the last group: non-zero when it does not fit.
    const std::vector<std::uint8_t>& bad() const { return bad_; }

private:
    // What one column found: the records that do not fit and, when wanted, why.
    struct findings {
        std::vector<std::uint32_t> bad;       // records, ascending
        std::vector<pending_issue> issues;    // one per bad record, when messages are wanted
    };

    // The last value a typed column converted (only dates use it).
    struct last_value {
        std::string text;
        double number = 0;
        bool valid = false;
    };

    const csv_layout& layout_;
    const csv_group* group_ = nullptr;
    bool details_ = true;
    std::vector<std::uint8_t> bad_;
    std::size_t bad_count_ = 0;
    std::vector<findings> findings_;            // per column: typed then texts
    std::vector<last_value> last_;              // per typed column
    std::vector<std::uint64_t> hashes_;         // per record of the current text column
    std::vector<std::uint32_t> codes_;          // per text column and record: the code, npos when new
    std::vector<std::uint8_t> text_nulls_;      // per text column and record
    std::string scratch_;                       // for values with doubled quotes

    void wrong_width(std::size_t r, std::vector<pending_issue>& issues);
    void misfit(std::size_t r, const csv_target& t, std::string_view text, const char* what, findings& found,
                bool show_value = true);
    void misfit_value(std::size_t r, const csv_target& t, std::string_view text, findings& found);
    std::string_view value_of(const csv_field& field);
    bool is_null_marker(std::string_view text) const;
    void convert_typed(const csv_target& t, column& col, findings& found, last_value& last);
    bool convert_value(const csv_target& t, std::string_view text, double* numbers, std::uint8_t* booleans,
                       std::size_t r) const;
    void look_up_texts(std::size_t i, const column& col, findings& found);
    void look_up_in_small(std::size_t i, const string_pool& pool, findings& found);
    void append_texts(std::size_t i, column& col);
};

}  // namespace folio::data::detail

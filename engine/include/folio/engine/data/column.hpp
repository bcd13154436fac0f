// One typed column of a columnar table: a name, a type, one flat vector of values and a
// null mask.
//
// Numbers, dates and timestamps are doubles (dates as Excel serials); booleans are bytes
// (0 or 1); text is a vector of 32-bit codes into a dictionary (string_pool) that the column
// shares with the batches it was read in, so a code means the same string in every batch of
// one read. A null cell holds 0 (text: `null_code`) and has its bit set in the mask; the mask
// is allocated only when the first null arrives, so a column without nulls pays nothing for
// it. There is no per-cell std::string or variant: a million-row text column of eight
// distinct values costs four megabytes of codes and a few bytes of dictionary.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "folio/engine/data/column_type.hpp"
#include "folio/engine/data/string_pool.hpp"
#include "folio/engine/value.hpp"

namespace folio::data {

class column {
public:
    /// The code a null text cell holds.
    static constexpr std::uint32_t null_code = string_pool::npos;

    /// Makes an empty column; a text column gets a fresh dictionary unless one is given to share.
    column(std::string name, column_type type, std::shared_ptr<string_pool> dictionary = nullptr);

    const std::string& name() const { return name_; }
    column_type type() const { return type_; }

    /// Returns the number of rows.
    std::size_t size() const { return size_; }

    /// Tells whether the cell at `row` is null.
    bool is_null(std::size_t row) const {
        const std::size_t word = row >> 6;
        return word < null_bits_.size() && ((null_bits_[word] >> (row & 63)) & 1u) != 0;
    }

    /// Returns the number of null cells.
    std::size_t null_count() const { return null_count_; }

    /// Returns the values of a number, date or timestamp column (0 where null).
    std::span<const double> numbers() const { return numbers_; }

    /// Returns the codes of a text column (null_code where null).
    std::span<const std::uint32_t> codes() const { return codes_; }

    /// Returns the values of a boolean column, 0 or 1 (0 where null).
    std::span<const std::uint8_t> booleans() const { return booleans_; }

    /// Returns the dictionary of a text column.
    const string_pool& dictionary() const { return *dictionary_; }

    /// Returns the shared dictionary of a text column (null for other types).
    const std::shared_ptr<string_pool>& shared_dictionary() const { return dictionary_; }

    /// Returns the text of a row of a text column ("" where null).
    std::string_view text_at(std::size_t row) const {
        const std::uint32_t code = codes_[row];
        return code == null_code ? std::string_view() : dictionary_->at(code);
    }

    /// Returns the cell as an engine value: blank where null, dates and timestamps as serial numbers.
    value value_at(std::size_t row) const;

    /// Appends a number (number, date and timestamp columns).
    void push_number(double v) {
        numbers_.push_back(v);
        ++size_;
    }

    /// Appends a dictionary code (text columns); the code must come from this column's dictionary.
    void push_code(std::uint32_t code) {
        codes_.push_back(code);
        ++size_;
    }

    /// Appends a string to a text column, interning it.
    void push_text(std::string_view text) { push_code(dictionary_->intern(text)); }

    /// Appends a boolean (boolean columns).
    void push_boolean(bool v) {
        booleans_.push_back(v ? 1 : 0);
        ++size_;
    }

    /// Appends a null cell.
    void push_null();

    /// Appends `rows` rows holding 0 (not null), to be filled through the mutable spans and set_null (readers fill a group at once).
    void extend(std::size_t rows);

    /// Returns the values of a number, date or timestamp column for writing.
    std::span<double> mutable_numbers() { return numbers_; }

    /// Returns the codes of a text column for writing (codes from this column's dictionary, or null_code with set_null).
    std::span<std::uint32_t> mutable_codes() { return codes_; }

    /// Returns the values of a boolean column for writing (0 or 1).
    std::span<std::uint8_t> mutable_booleans() { return booleans_; }

    /// Marks an existing row null (its value should be 0, or null_code for text).
    void set_null(std::size_t row) {
        if (null_bits_.size() <= (row >> 6)) null_bits_.resize((row >> 6) + 1, 0);
        const std::uint64_t bit = std::uint64_t{1} << (row & 63);
        if ((null_bits_[row >> 6] & bit) != 0) return;
        null_bits_[row >> 6] |= bit;
        ++null_count_;
    }

    /// Appends every row of `other`, a column of the same type (text is re-coded unless the dictionary is shared).
    void append(const column& other);

    /// Reserves room for `rows` rows.
    void reserve(std::size_t rows);

    /// Drops the rows from `rows` on.
    void truncate(std::size_t rows);

    /// Removes the rows `first + i` for which drop[i] is non-zero, keeping the order of the rest.
    void remove_rows(std::size_t first, std::span<const std::uint8_t> drop);

    /// Drops every row; the dictionary keeps its strings, so codes stay valid.
    void clear() { truncate(0); }

    /// Returns the memory the column's rows hold, in bytes (the dictionary not included).
    std::size_t memory_bytes() const;

private:
    std::string name_;
    column_type type_;
    std::size_t size_ = 0;
    std::size_t null_count_ = 0;
    std::vector<double> numbers_;
    std::vector<std::uint32_t> codes_;
    std::vector<std::uint8_t> booleans_;
    std::vector<std::uint64_t> null_bits_;  // bit r of word r / 64 set: row r is null
    std::shared_ptr<string_pool> dictionary_;
};

}  // namespace folio::data

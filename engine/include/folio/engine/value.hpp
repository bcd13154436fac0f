// The value model shared by every layer: what a cell, a formula or an argument holds.
//
// A value is blank, a number, a boolean, text (UTF-8), an Excel error, an array of
// values, or a reference to a rectangle of cells. Errors are ordinary values that flow
// through evaluation; exceptions are kept for bugs and I/O. Blank stays distinct from
// empty text ("") and from an omitted argument, as Excel keeps them distinct.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace folio {

// Excel's error values. The numbering follows ERROR.TYPE (#NULL! = 1 ... #N/A = 7,
// #GETTING_DATA = 8, #SPILL! = 9, #CALC! = 14).
enum class error_code : std::uint8_t {
    null_intersection = 1,  // #NULL!
    div0 = 2,               // #DIV/0!
    value = 3,              // #VALUE!
    ref = 4,                // #REF!
    name = 5,               // #NAME?
    num = 6,                // #NUM!
    na = 7,                 // #N/A
    getting_data = 8,       // #GETTING_DATA
    spill = 9,              // #SPILL!
    calc = 14,              // #CALC!
};

// Returns the text Excel shows for an error, e.g. "#DIV/0!".
std::string_view error_text(error_code code);

// Reads an error literal such as "#n/a" (case-insensitive); nullopt if it is none.
std::optional<error_code> error_from_text(std::string_view text);

class sheet;
class array;

// A rectangle of cells on one sheet, 0-based and inclusive. Whole columns run to the
// last row Excel has (1,048,576 rows) and whole rows to the last column (16,384).
struct reference {
    const sheet* on = nullptr;
    std::int32_t row0 = 0, col0 = 0, row1 = 0, col1 = 0;

    std::int32_t rows() const { return row1 - row0 + 1; }
    std::int32_t cols() const { return col1 - col0 + 1; }
    bool is_single_cell() const { return row0 == row1 && col0 == col1; }
    friend bool operator==(const reference&, const reference&) = default;
};

inline constexpr std::int32_t max_rows = 1048576;
inline constexpr std::int32_t max_cols = 16384;

struct blank_t {
    friend bool operator==(blank_t, blank_t) { return true; }
};

class value {
public:
    enum class kind : std::uint8_t { blank, number, boolean, text, error, array, reference };

    value() = default;
    value(double n) : data_(n) {}
    value(int n) : data_(static_cast<double>(n)) {}
    value(bool b) : data_(b) {}
    value(std::string s) : data_(std::move(s)) {}
    value(std::string_view s) : data_(std::string(s)) {}
    value(const char* s) : data_(std::string(s)) {}
    value(error_code e) : data_(e) {}
    value(std::shared_ptr<const array> a) : data_(std::move(a)) {}
    value(reference r) : data_(r) {}

    kind type() const { return static_cast<kind>(data_.index()); }
    bool is_blank() const { return type() == kind::blank; }
    bool is_number() const { return type() == kind::number; }
    bool is_boolean() const { return type() == kind::boolean; }
    bool is_text() const { return type() == kind::text; }
    bool is_error() const { return type() == kind::error; }
    bool is_array() const { return type() == kind::array; }
    bool is_reference() const { return type() == kind::reference; }

    double number() const { return std::get<double>(data_); }
    bool boolean() const { return std::get<bool>(data_); }
    const std::string& text() const { return std::get<std::string>(data_); }
    error_code error() const { return std::get<error_code>(data_); }
    const array& array_value() const { return *std::get<std::shared_ptr<const array>>(data_); }
    const std::shared_ptr<const array>& array_ptr() const { return std::get<std::shared_ptr<const array>>(data_); }
    const reference& ref() const { return std::get<reference>(data_); }

    friend bool operator==(const value& a, const value& b);

private:
    std::variant<blank_t, double, bool, std::string, error_code, std::shared_ptr<const array>, reference> data_;
};

// A rectangular, row-major block of values (an inline array {1,2;3,4} or a computed one).
// Elements are never arrays or references themselves.
class array {
public:
    array(std::int32_t rows, std::int32_t cols) : rows_(rows), cols_(cols), cells_(static_cast<std::size_t>(rows) * cols) {}
    array(std::int32_t rows, std::int32_t cols, std::vector<value> cells)
        : rows_(rows), cols_(cols), cells_(std::move(cells)) {}

    std::int32_t rows() const { return rows_; }
    std::int32_t cols() const { return cols_; }
    const value& at(std::int32_t r, std::int32_t c) const { return cells_[static_cast<std::size_t>(r) * cols_ + c]; }
    value& at(std::int32_t r, std::int32_t c) { return cells_[static_cast<std::size_t>(r) * cols_ + c]; }
    const std::vector<value>& cells() const { return cells_; }

    friend bool operator==(const array& a, const array& b) = default;

private:
    std::int32_t rows_, cols_;
    std::vector<value> cells_;
};

// Wraps a filled array as a value.
value make_array(std::int32_t rows, std::int32_t cols, std::vector<value> cells);

// Describes a value for tests and messages: 42, "text" (quoted), TRUE, #N/A, {1,2;3,4}.
std::string describe(const value& v);

}  // namespace folio

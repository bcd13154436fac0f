// The values of one row-level expression over the rows of one batch, kept as typed
// vectors: numbers (dates are serials), booleans, text codes into a column's
// dictionary, one value for every row (a scalar), or a value per row (mixed) when the
// rows disagree on their type.
//
// Number and boolean vectors carry a status byte per row when some row is blank or an
// error: 0 a value, 1 blank, 0x80 | error code an Excel error. A vector may view a
// column of the batch (no copy) or own its storage; it is moved, never copied.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "folio/engine/data/column.hpp"
#include "folio/engine/value.hpp"

namespace folio::eval {

inline constexpr std::uint8_t status_value = 0;
inline constexpr std::uint8_t status_blank = 1;

/// Returns the status byte of an error.
inline std::uint8_t error_status(error_code e) { return static_cast<std::uint8_t>(0x80u | static_cast<unsigned>(e)); }
/// Tells whether a status byte is an error.
inline bool is_error_status(std::uint8_t s) { return (s & 0x80u) != 0; }
/// Returns the error of an error status byte.
inline error_code status_error(std::uint8_t s) { return static_cast<error_code>(s & 0x7Fu); }
/// Returns what a row value means as a condition (`where`, a filter): 1 TRUE, 0 FALSE or blank, an error status.
std::uint8_t condition_status(const value& v);

enum class row_kind : std::uint8_t { scalar, number, boolean, text, mixed };

class row_vector {
public:
    row_vector() = default;
    row_vector(row_vector&&) = default;
    row_vector& operator=(row_vector&&) = default;
    row_vector(const row_vector&) = delete;
    row_vector& operator=(const row_vector&) = delete;

    row_kind kind = row_kind::scalar;
    value scalar;                              // scalar
    std::span<const double> numbers;           // number: 0 where blank or an error
    std::span<const std::uint8_t> booleans;    // boolean: 0 or 1
    std::span<const std::uint32_t> codes;      // text: data::column::null_code where blank
    const data::string_pool* pool = nullptr;   // text
    std::span<const std::uint8_t> status;      // number, boolean: empty when every row holds a value
    std::span<const value> mixed;              // mixed

    /// Returns the status byte of a row of a number or boolean vector.
    std::uint8_t status_at(std::size_t row) const { return status.empty() ? status_value : status[row]; }

    /// Returns the value of a row (blank where null).
    value at(std::size_t row) const;

    /// Makes the vector the same value on every row.
    void set_scalar(value v);
    /// Makes the vector a view of a batch column.
    void view_column(const data::column& column);
    /// Makes the vector own `n` numbers, all values; fill them through own_numbers and own_status.
    void make_numbers(std::size_t n);
    /// Makes the vector own `n` booleans, all values.
    void make_booleans(std::size_t n);
    /// Makes the vector own `n` values (blank).
    void make_mixed(std::size_t n);
    /// Gives the owned number or boolean vector a status byte per row (all values) and returns it.
    std::vector<std::uint8_t>& make_status();
    /// Turns an owned mixed vector into a number or boolean one when its rows allow it.
    void normalize();

    std::vector<double> own_numbers;
    std::vector<std::uint8_t> own_booleans;
    std::vector<std::uint8_t> own_status;
    std::vector<value> own_mixed;
};

}  // namespace folio::eval

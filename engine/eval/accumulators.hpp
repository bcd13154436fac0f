// Aggregate states per group, updated a batch at a time: the init / step / finalize of
// the base aggregates (SQLite's aggregate callbacks, DuckDB's states).
//
// One accumulator serves every base aggregate that reads the same argument under the
// same `where` in one grouping: a numeric accumulator gives the count of numbers, the
// sum, min, max and STDEV.S at once; a collecting one keeps the values for MEDIAN and
// PERCENTILE.INC. A `where` arrives as a selection byte per row (0 skip, 1 take, an
// error status: the row's condition is an error, which the group's result becomes).
// Errors in the argument also become the group's result (the first one met), as an
// error inside a range makes SUM an error; blanks and text are left out of numbers.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "folio/engine/eval/report_result.hpp"
#include "row_vector.hpp"

namespace folio::eval {

enum class accumulator_kind : std::uint8_t { rows, values, numeric, collect, distinct };

/// Returns the accumulator that computes a base op.
accumulator_kind accumulator_for(base_op op);

class accumulator {
public:
    virtual ~accumulator() = default;

    /// Makes room for groups [0, groups).
    virtual void resize(std::size_t groups) = 0;

    /// Adds the rows of a batch: groups[r] is row r's group, take its selection (empty: every row), arg the
    /// argument (null for `rows`).
    virtual void add(std::span<const std::uint32_t> groups, std::span<const std::uint8_t> take, const row_vector* arg) = 0;

    /// Prepares the results once every batch was added (sorts collected values).
    virtual void finish() {}

    /// Returns the value of `op` (with rank k) for a group; a group the accumulator never saw is empty.
    virtual value result(base_op op, double k, std::size_t group) const = 0;
};

/// Makes an accumulator of a kind; `spread` asks a numeric one to track what STDEV.S needs.
std::unique_ptr<accumulator> make_accumulator(accumulator_kind kind, bool spread);

/// Returns the value of `op` over no rows: 0 for counts and sums, #NUM! for extremes and order statistics,
/// #DIV/0! for STDEV.S.
value empty_result(base_op op, double k);

}  // namespace folio::eval

// Calling Excel functions of the registry outside a workbook: the call_context a
// report formula runs in, and a call that applies a registry row's flags (strict,
// lifted, lazy) as the workbook evaluator does.
//
// Report formulas have no cells: a function that asks for a cell or a reference
// (INDIRECT, OFFSET, CELL) gets #REF!.
#pragma once

#include <cstdint>
#include <functional>
#include <random>
#include <vector>

#include "folio/engine/function.hpp"

namespace folio::eval {

// The services of a report formula: a clock and random numbers, no cells.
class report_call_context final : public call_context {
public:
    /// Makes a context whose NOW() is `clock()` (the system clock when empty).
    explicit report_call_context(std::function<double()> clock = {});

    cell_position current_cell() const override { return {}; }
    double now() override;
    double random() override;
    value resolve_reference(std::string_view text, bool a1) override;
    const sheet* find_sheet(std::string_view name) const override;

protected:
    const value& evaluate_pending(const sheet& s, std::int32_t row, std::int32_t col) override;

private:
    std::function<double()> clock_;
    std::mt19937_64 random_{0x5eed};
};

// Evaluates argument i of a call on demand (for lazy functions such as IF).
using argument_source = std::function<value(std::size_t)>;

/// Calls `fn` with `count` arguments read from `argument` (omitted ones flagged in `omitted`), applying the
/// row's flags: a strict function returns its leftmost error argument, a lifted one maps over arrays, a lazy one reads
/// its arguments on demand. Returns a scalar or an array, never a reference.
value call_function(const registered_function& fn, std::size_t count, std::uint64_t omitted,
                    const argument_source& argument, call_context& ctx);

}  // namespace folio::eval

// Comparing a metric with an earlier period (the one before, or the same one a year
// before): the relative change divides by the magnitude of the earlier value, so a rise
// from -10 to -5 is +50 % and its sign always follows the change (Excel:
// (m-prev)/ABS(prev)). Errors and text pass through Excel's division, as in a cell.
#pragma once

#include <cmath>

#include "../operators.hpp"
#include "folio/engine/value.hpp"

namespace folio::eval {

/// Returns change / ABS(base): #DIV/0! when base is 0 or blank, base's error when it is one.
inline value relative_change(const value& change, const value& base) {
    const value magnitude = base.is_number() ? value(std::fabs(base.number())) : base;
    return apply_binary(dsl::binary_op::divide, change, magnitude);
}

}  // namespace folio::eval

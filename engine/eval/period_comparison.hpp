// Comparing a metric with the same period a year before: the relative change divides by
// the magnitude of the year-earlier value, so a rise from -10 to -5 is +50 % (Excel:
// (m-prev)/ABS(prev)). Errors and text pass through Excel's division, as in a cell.
#pragma once

#include <cmath>

#include "../operators.hpp"
#include "folio/engine/value.hpp"

namespace folio::eval {

/// Returns change / ABS(base): #DIV/0! when base is 0 or blank, base's error when it is one.
inline value year_over_year_fraction(const value& change, const value& base) {
    const value magnitude = base.is_number() ? value(std::fabs(base.number())) : base;
    return apply_binary(dsl::binary_op::divide, change, magnitude);
}

}  // namespace folio::eval

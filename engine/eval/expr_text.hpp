// Bound expressions as text: a readable form for the descriptions of base aggregates,
// and a canonical key under which equal computations are shared.
//
// The key expands what only names a computation (a filter is its condition, a def call
// is its inlined body) and writes every operand in parentheses, so a filter and the
// same condition written inline (`promoters`, `surveys.score >= 9`) share one key.
#pragma once

#include <string>

#include "folio/engine/report/report_model.hpp"

namespace folio::eval {

/// Returns the shortest text that reads back as the same double ("0.1", "1e+20").
std::string number_text(double n);

/// Returns `e` as a report author would write it: filters, metrics and defs by their names.
std::string readable_text(const report::checked_program& program, const report::expr& e);

/// Returns the canonical key of `e`: equal keys compute the same thing on the same rows.
std::string expr_key(const report::checked_program& program, const report::expr& e);

}  // namespace folio::eval

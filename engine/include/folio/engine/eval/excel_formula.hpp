// Metric formulas as Excel formulas over the cells that hold base aggregates: what the
// XLSX renderer writes so that Excel recalculates a derived metric from the same base
// aggregates, in the same order of operations, as Folio computed it.
//
//   NPS = pct(promoters) - pct(detractors)   →   100*(B2/B3)-100*(B4/B3)
//
// Aggregates become their base aggregates' cells (avg and share a quotient, pct 100 ×
// the quotient, as aggregate_formula says); metrics are inlined in parentheses; params
// become their values; Excel functions keep their names (`_xlfn.` in front of functions
// newer than Excel 2007 when asked); previous(m) is m over the cells of the previous
// period, change and pct_change the difference and ratio of the two.
#pragma once

#include <cstddef>
#include <functional>
#include <string>

#include "folio/engine/eval/evaluate.hpp"

namespace folio::eval {

// Returns the cell reference ("B2", "Base!$C$7") of a base aggregate in the context being
// written (periods_back 0) or in the period `periods_back` periods before it.
using base_cell = std::function<std::string(std::size_t base, int periods_back)>;

/// Returns `e` (a metric-level expression of `program`) as the text of an Excel formula without the leading '=',
/// its aggregates read from the cells `cell` names; `xlsx_names` writes newer functions as `_xlfn.NAME`.
std::string excel_formula(const report::checked_program& program, const program_result& result,
                          const report::expr& e, const base_cell& cell, bool xlsx_names = false);

}  // namespace folio::eval

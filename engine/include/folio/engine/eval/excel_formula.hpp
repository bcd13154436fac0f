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
// period, change and pct_change the difference and ratio of the two; previous_year(m)
// is m over the cells of the same period a year before, yoy_change and yoy_pct_change
// the difference and the difference over its ABS.
#pragma once

#include <cstddef>
#include <functional>
#include <string>

#include "folio/engine/eval/evaluate.hpp"

namespace folio::eval {

// Returns the cell reference ("B2", "Base!$C$7") of a base aggregate in the context being
// written (periods_back 0) or in the period `periods_back` periods before it. Formulas
// written with it show year-over-year shifts as NA(): use shifted_base_cell for those.
using base_cell = std::function<std::string(std::size_t base, int periods_back)>;

// Which period a base aggregate is read in, from the context being written: first
// `years_back` times the same period a year before (see year_ago_period: the same month,
// quarter, ISO week number or date) and `periods_back` periods before (in either order:
// they commute for months, quarters and years).
struct period_offset {
    int periods_back = 0;
    int years_back = 0;
};

// Returns the cell reference of a base aggregate in the period `offset` names from the context being written; a
// cell may be "NA()" when there is no such period (week 53 a year before).
using shifted_base_cell = std::function<std::string(std::size_t base, period_offset offset)>;

/// Returns `e` (a metric-level expression of `program`) as the text of an Excel formula without the leading '=',
/// its aggregates read from the cells `cell` names; `xlsx_names` writes newer functions as `_xlfn.NAME`.
std::string excel_formula(const report::checked_program& program, const program_result& result,
                          const report::expr& e, const shifted_base_cell& cell, bool xlsx_names = false);

/// As above, for callers that only know periods back: year-over-year shifts are written as NA().
std::string excel_formula(const report::checked_program& program, const program_result& result,
                          const report::expr& e, const base_cell& cell, bool xlsx_names = false);

}  // namespace folio::eval

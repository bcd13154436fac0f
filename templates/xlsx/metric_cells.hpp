// Metric cells as live formulas: a metric's formula (excel_formula.hpp) over the cells that
// hold its base aggregates, cached with Folio's own value so that recalculating changes
// nothing. When a metric cannot be a formula that Excel and LibreOffice both evaluate, its
// value is written and the cell's comment says why.
#pragma once

#include <functional>
#include <string>
#include <xlsxwriter.h>

#include "folio/engine/eval/excel_formula.hpp"
#include "xlsx/xlsx_book.hpp"

namespace folio::templates::xlsx {

// The reference of the cell holding base aggregate `base` in the context being written (offset
// {0, 0}), in an earlier period or the same period a year before; "" when the workbook has no such cell.
using base_lookup = std::function<std::string(std::size_t base, eval::period_offset offset)>;

struct metric_formula {
    std::string text;     // without '='; "" when the metric is written as a value
    std::string why_not;  // then: why, for the cell comment
};

/// Returns metric `m` as an Excel formula over the cells `cell` names, or why it cannot be one.
metric_formula formula_for(const xlsx_book& book, const eval::metric_info& m, const base_lookup& cell);

/// Writes the cell of metric `m` whose value Folio computed as `cached`: a formula when possible,
/// else the value with a comment. Returns true when it wrote a formula.
bool write_metric_cell(xlsx_book& book, lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col,
                       const eval::metric_info& m, const value& cached, const base_lookup& cell, lxw_format* format);

// Where the base aggregates of a context are: the cell of the `position`-th base of the context in the
// context itself (offset {0, 0}), the period before ({1, 0}) or the year before ({0, 1}).
using base_position_ref = std::function<std::string(std::size_t position, eval::period_offset offset)>;

/// Returns a base_lookup over one context's base aggregates, with the period before (`previous`) and the
/// same period a year before (`year_ago`) when they are not null, at the cells `ref` gives for a position in
/// `now`'s list of bases. The contexts must outlive it.
base_lookup context_lookup(const eval::context_result& now, const eval::context_result* previous,
                           const eval::context_result* year_ago, base_position_ref ref);

}  // namespace folio::templates::xlsx

// The calendar of an evaluation from the reports it renders: their week_start,
// fiscal_year_start and timezone settings over evaluate_options::calendar. Periods and
// timestamps are computed once per evaluation (dimension domains and source reads are
// shared by its reports), so reports that set different values cannot be rendered
// together: that is an error naming both settings, asking for separate renders.
#pragma once

#include <optional>
#include <vector>

#include "folio/dsl/diagnostic.hpp"
#include "folio/engine/eval/time_period.hpp"
#include "folio/engine/report/report_model.hpp"

namespace folio::eval {

/// Returns `base` with the calendar settings of the reports `selected` (indices into program.reports); nullopt after
/// a diagnostic when two of them disagree.
std::optional<calendar_options> report_calendar(const report::checked_program& program,
                                                const std::vector<std::size_t>& selected, calendar_options base,
                                                dsl::diagnostic_list& diagnostics);

}  // namespace folio::eval

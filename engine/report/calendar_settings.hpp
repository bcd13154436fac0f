// The calendar settings of a report: `to_date: TRUE`, `week_start: sunday`,
// `fiscal_year_start: april`, `timezone: "America/Sao_Paulo"`.
#pragma once

#include "checker_state.hpp"
#include "vocabulary.hpp"

namespace folio::report::detail {

/// Reads the calendar setting `which` (to_date, week_start, fiscal_year_start or timezone) into `model`, set at `loc`;
/// false after reporting a bad value (with the accepted values and a suggestion).
bool read_calendar_setting(statement& stmt, const dsl::source_file* file, const dsl::option& opt, report_setting which,
                           report& model, location loc);

/// Copies the calendar settings of `parent` into `child` (`report child extends parent`).
void inherit_calendar(const report& parent, report& child);

/// Reports a calendar setting that needs another one: to_date without a period.
void check_calendar(statement& stmt, const report& model);

}  // namespace folio::report::detail

// Periods of a time dimension: the day, week, month, quarter or year a date falls in,
// the period before or after one, and the label a report shows for it.
//
// A period is identified by the date serial of its first day (an integer), so periods
// order as numbers and shifting is calendar arithmetic: the month before 2024-03-01 is
// 2024-02-01 whatever the lengths of the months are. Weeks start on a configurable day
// (Monday by default, as ISO 8601 weeks do).
#pragma once

#include <string>

#include "folio/engine/report/report_model.hpp"

namespace folio::eval {

// The day a week starts on: 0 = Sunday, 1 = Monday (ISO 8601), ... 6 = Saturday.
struct calendar_options {
    int week_start = 1;
};

/// Returns the serial of the first day of the period of `grain` that contains `serial`.
double period_start(double serial, report::time_grain grain, const calendar_options& calendar = {});

/// Returns the first day of the period `steps` periods after the one starting at `start` (before, when negative).
double shift_period(double start, report::time_grain grain, int steps);

/// Returns the label of the period starting at `start`: "2024-12-31", "2024-W01", "2024-12", "2024-Q4", "2024"
/// (weeks that do not start on Monday are labelled by their first day, "2024-12-29").
std::string period_label(double start, report::time_grain grain, const calendar_options& calendar = {});

/// Returns a date serial as ISO 8601 text: "2024-12-31", or "2024-12-31T08:30:00" when it has a time of day.
std::string iso_date_text(double serial);

}  // namespace folio::eval

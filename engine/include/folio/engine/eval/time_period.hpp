// Periods of a time dimension: the day, week, month, quarter or year a date falls in,
// the period before or after one, the same period a year earlier, and the label a
// report shows for it.
//
// A period is identified by the date serial of its first day (an integer), so periods
// order as numbers and shifting is calendar arithmetic: the month before 2024-03-01 is
// 2024-02-01 whatever the lengths of the months are. Weeks start on a configurable day
// (Monday by default, as ISO 8601 weeks do); quarters and years follow a configurable
// fiscal-year start (January by default: calendar quarters and years).
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "folio/engine/report/report_model.hpp"

namespace folio::data {
class time_zone;
}

namespace folio::eval {

// The calendar of an evaluation.
struct calendar_options {
    int week_start = 1;         // the day a week starts on: 0 = Sunday, 1 = Monday (ISO 8601), ... 6 = Saturday
    int fiscal_year_start = 1;  // the month a (fiscal) year starts in: 1 = January ... 12 = December
    // The zone timestamps written with an offset or Z are converted to; null: UTC.
    std::shared_ptr<const data::time_zone> zone;
};

/// Returns the serial of the first day of the period of `grain` that contains `serial`.
double period_start(double serial, report::time_grain grain, const calendar_options& calendar = {});

/// Returns the first day of the period `steps` periods after the one starting at `start` (before, when negative).
double shift_period(double start, report::time_grain grain, int steps);

/// Returns the first day of the same period one year before the one starting at `start`: the same month, quarter or
/// (fiscal) year, the ISO week with the same number (nullopt for week 53 when the year before has none; weeks not
/// starting on Monday: 52 weeks before), the same date (February 29 → February 28).
std::optional<double> year_ago_period(double start, report::time_grain grain, const calendar_options& calendar = {});

/// Returns the number of days of the period starting at `start`.
int period_days(double start, report::time_grain grain);

/// Returns the label of the period starting at `start`: "2024-12-31", "2024-W01", "2024-12", "2024-Q4", "2024"
/// (weeks that do not start on Monday are labelled by their first day, "2024-12-29"; with a fiscal year starting
/// after January, years and quarters are labelled by the calendar year the fiscal year ends in: "FY2025",
/// "FY2025-Q1").
std::string period_label(double start, report::time_grain grain, const calendar_options& calendar = {});

/// Returns a date serial as ISO 8601 text: "2024-12-31", or "2024-12-31T08:30:00" when it has a time of day.
std::string iso_date_text(double serial);

}  // namespace folio::eval

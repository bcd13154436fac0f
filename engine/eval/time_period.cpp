// Periods of time dimensions (see time_period.hpp): calendar arithmetic on date serials
// through Excel's own calendar functions, so a period agrees with EOMONTH and WEEKDAY.
#include "folio/engine/eval/time_period.hpp"

#include <cmath>
#include <cstdio>

#include "folio/engine/serial_date.hpp"

namespace folio::eval {
namespace {

std::string two_digits(int n) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d", n);
    return buf;
}

std::string ymd(double serial) {
    const civil_date d = date_from_serial(serial);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
}

// Months from the fiscal year's first month to `month` (0..11).
int fiscal_month_index(int month, int fiscal_year_start) { return (month - fiscal_year_start + 12) % 12; }

// The ISO week-numbering year of the Monday week starting at `monday`: the year of its Thursday.
int iso_year(double monday) { return date_from_serial(monday + 3).year; }

// The Monday starting ISO week `week` of ISO year `year`: week 1 holds January 4.
double iso_week_monday(int year, int week) {
    const double jan4 = serial_from_civil(year, 1, 4);
    const double week1 = jan4 - ((weekday_from_serial(jan4) + 6) % 7);
    return week1 + 7.0 * (week - 1);
}

}  // namespace

double period_start(double serial, report::time_grain grain, const calendar_options& calendar) {
    const double day = std::floor(serial);
    if (grain == report::time_grain::none || grain == report::time_grain::day || !is_valid_serial(day)) return day;
    if (grain == report::time_grain::week) {
        const int weekday = weekday_from_serial(day);  // 0 = Sunday
        return day - ((weekday - calendar.week_start + 7) % 7);
    }
    const civil_date d = date_from_serial(day);
    const int into_year = fiscal_month_index(d.month, calendar.fiscal_year_start);
    switch (grain) {
        case report::time_grain::month: return serial_from_civil(d.year, d.month, 1);
        case report::time_grain::quarter: return serial_from_civil(d.year, d.month - into_year % 3, 1);
        default: return serial_from_civil(d.year, d.month - into_year, 1);
    }
}

double shift_period(double start, report::time_grain grain, int steps) {
    switch (grain) {
        case report::time_grain::none:
        case report::time_grain::day: return start + steps;
        case report::time_grain::week: return start + 7.0 * steps;
        default: break;
    }
    // Months, quarters and years start on the first of a month: move by whole months.
    const civil_date d = date_from_serial(start);
    switch (grain) {
        case report::time_grain::month: return serial_from_civil(d.year, d.month + steps, 1);
        case report::time_grain::quarter: return serial_from_civil(d.year, d.month + 3 * steps, 1);
        default: return serial_from_civil(d.year + steps, d.month, 1);
    }
}

std::optional<double> year_ago_period(double start, report::time_grain grain, const calendar_options& calendar) {
    if (!is_valid_serial(start)) return std::nullopt;
    std::optional<double> out;
    switch (grain) {
        case report::time_grain::none: return std::nullopt;
        case report::time_grain::day: {
            const civil_date d = date_from_serial(start);
            // February 29 has no date a year before: February 28 stands for it.
            const int day = d.month == 2 && d.day == 29 ? 28 : d.day;
            out = serial_from_civil(d.year - 1, d.month, day);
            break;
        }
        case report::time_grain::week: {
            if (calendar.week_start != 1) {
                out = start - 364;
                break;
            }
            const int year = iso_year(start);
            const int week = iso_week_number(start);
            const double monday = iso_week_monday(year - 1, week);
            if (iso_year(monday) != year - 1) return std::nullopt;  // week 53 of a year that has 52
            out = monday;
            break;
        }
        case report::time_grain::month: out = shift_period(start, grain, -12); break;
        case report::time_grain::quarter: out = shift_period(start, grain, -4); break;
        case report::time_grain::year: out = shift_period(start, grain, -1); break;
    }
    if (!out || !is_valid_serial(*out)) return std::nullopt;
    return out;
}

int period_days(double start, report::time_grain grain) {
    if (grain == report::time_grain::none || grain == report::time_grain::day) return 1;
    return static_cast<int>(shift_period(start, grain, 1) - start);
}

std::string period_label(double start, report::time_grain grain, const calendar_options& calendar) {
    if (!is_valid_serial(start)) return std::to_string(static_cast<long long>(start));
    const civil_date d = date_from_serial(start);
    const bool fiscal = calendar.fiscal_year_start != 1;
    // A fiscal year is named by the calendar year it ends in.
    const int fiscal_year = d.month >= calendar.fiscal_year_start ? d.year + 1 : d.year;
    switch (grain) {
        case report::time_grain::week:
            if (calendar.week_start == 1) {
                // The ISO week-numbering year is the year of the week's Thursday.
                return std::to_string(iso_year(start)) + "-W" + two_digits(iso_week_number(start));
            }
            return ymd(start);
        case report::time_grain::month: return std::to_string(d.year) + "-" + two_digits(d.month);
        case report::time_grain::quarter: {
            const int quarter = fiscal_month_index(d.month, calendar.fiscal_year_start) / 3 + 1;
            if (fiscal) return "FY" + std::to_string(fiscal_year) + "-Q" + std::to_string(quarter);
            return std::to_string(d.year) + "-Q" + std::to_string(quarter);
        }
        case report::time_grain::year:
            return fiscal ? "FY" + std::to_string(fiscal_year) : std::to_string(d.year);
        default: return ymd(start);
    }
}

std::string iso_date_text(double serial) {
    if (!is_valid_serial(serial)) return std::to_string(serial);
    const date_time_parts parts = split_date_time(serial, 0);
    std::string out = ymd(static_cast<double>(parts.day));
    if (parts.time.hour != 0 || parts.time.minute != 0 || parts.time.second != 0)
        out += "T" + two_digits(parts.time.hour) + ":" + two_digits(parts.time.minute) + ":" + two_digits(parts.time.second);
    return out;
}

}  // namespace folio::eval

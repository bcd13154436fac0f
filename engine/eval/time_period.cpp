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

}  // namespace

double period_start(double serial, report::time_grain grain, const calendar_options& calendar) {
    const double day = std::floor(serial);
    if (grain == report::time_grain::none || grain == report::time_grain::day || !is_valid_serial(day)) return day;
    if (grain == report::time_grain::week) {
        const int weekday = weekday_from_serial(day);  // 0 = Sunday
        return day - ((weekday - calendar.week_start + 7) % 7);
    }
    const civil_date d = date_from_serial(day);
    switch (grain) {
        case report::time_grain::month: return serial_from_civil(d.year, d.month, 1);
        case report::time_grain::quarter: return serial_from_civil(d.year, (d.month - 1) / 3 * 3 + 1, 1);
        default: return serial_from_civil(d.year, 1, 1);
    }
}

double shift_period(double start, report::time_grain grain, int steps) {
    switch (grain) {
        case report::time_grain::none:
        case report::time_grain::day: return start + steps;
        case report::time_grain::week: return start + 7.0 * steps;
        default: break;
    }
    const civil_date d = date_from_serial(start);
    switch (grain) {
        case report::time_grain::month: return serial_from_civil(d.year, d.month + steps, 1);
        case report::time_grain::quarter: return serial_from_civil(d.year, d.month + 3 * steps, 1);
        default: return serial_from_civil(d.year + steps, 1, 1);
    }
}

std::string period_label(double start, report::time_grain grain, const calendar_options& calendar) {
    if (!is_valid_serial(start)) return std::to_string(static_cast<long long>(start));
    const civil_date d = date_from_serial(start);
    switch (grain) {
        case report::time_grain::week:
            if (calendar.week_start == 1) {
                // The ISO week-numbering year is the year of the week's Thursday.
                const civil_date thursday = date_from_serial(start + 3);
                return std::to_string(thursday.year) + "-W" + two_digits(iso_week_number(start));
            }
            return ymd(start);
        case report::time_grain::month: return std::to_string(d.year) + "-" + two_digits(d.month);
        case report::time_grain::quarter: return std::to_string(d.year) + "-Q" + std::to_string((d.month - 1) / 3 + 1);
        case report::time_grain::year: return std::to_string(d.year);
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

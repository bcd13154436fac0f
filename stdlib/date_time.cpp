// The date and time family: building serials (DATE, TIME, TODAY, NOW, DATEVALUE,
// TIMEVALUE), taking them apart (YEAR ... SECOND, WEEKDAY, WEEKNUM, ISOWEEKNUM), month
// arithmetic (EDATE, EOMONTH), differences (DAYS, DATEDIF, YEARFRAC) and working days
// (NETWORKDAYS, WORKDAY and their .INTL forms).
//
// Dates are Excel 1900-system serials; the calendar itself (the phantom 1900-02-29, month
// rollovers, week numbers, en-US date text) lives in engine/serial_date.hpp and is used,
// not re-implemented, here. A date argument may be a number or date text ("2024-01-31"); its fraction is
// the time of day. Serials below 0 or after 9999-12-31 are #NUM!. Date parts use the
// serial rounded to 15 significant digits, as Excel does, then its integer part; time parts
// round the time of day to the nearest second (23:59:59.6 is 0:00:00), as Excel does.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "folio/engine/coerce.hpp"
#include "folio/engine/function.hpp"
#include "folio/engine/serial_date.hpp"
#include "folio/stdlib/builtins.hpp"

namespace folio {
namespace {

// Reads argument i as a number, or `fallback` when it is absent or omitted.
or_error<double> number_arg(const arguments& args, std::size_t i, double fallback = 0.0) {
    if (!args.has(i)) return fallback;
    return to_number(args[i]);
}

// Converts a scalar to a date serial: numbers and date text, rounded to 15 significant
// digits; #NUM! outside 0 .. 2958465.999.
or_error<double> to_serial(const value& v) {
    auto n = to_number(v);
    if (!n) return n.error();
    const double serial = round_to_15_digits(*n);
    if (!is_valid_serial(serial)) return error_code::num;
    return serial;
}

// Reads argument i as a date serial (see to_serial).
or_error<double> serial_arg(const arguments& args, std::size_t i) {
    if (!args.has(i)) return to_serial(value());
    return to_serial(args[i]);
}

// Reads argument i as a whole-day date serial (the serial's integer part).
or_error<double> day_arg(const arguments& args, std::size_t i) {
    auto serial = serial_arg(args, i);
    if (!serial) return serial.error();
    return std::floor(*serial);
}

// Reads argument i truncated toward zero (a count of months or a return type), or
// `fallback` when absent; callers range-check it before converting to int.
or_error<double> whole_arg(const arguments& args, std::size_t i, double fallback = 0.0) {
    auto n = number_arg(args, i, fallback);
    if (!n) return n.error();
    return std::trunc(*n);
}

// Wraps a serial, turning results outside the valid date range into #NUM!.
value serial_or_num(double serial) {
    if (!is_valid_serial(serial)) return error_code::num;
    return serial;
}

// Returns the time of day of a serial rounded to the nearest second.
clock_time clock_of(double serial) { return split_date_time(serial, 0).time; }

// The year to complete date text written without one ("5-Jul"): the current year.
int current_year(call_context& ctx) {
    const double now = ctx.now();
    if (!is_valid_serial(now)) return 2000;
    return date_from_serial(now).year;
}

// ----------------------------------------------------------------------------------------
// Building serials

// DATE(year, month, day): the serial of a date with Excel's rollovers; #NUM! out of range.
value date_impl(const arguments& args, call_context&) {
    auto year = number_arg(args, 0);
    if (!year) return year.error();
    auto month = number_arg(args, 1);
    if (!month) return month.error();
    auto day = number_arg(args, 2);
    if (!day) return day.error();
    auto serial = serial_from_date(*year, *month, *day);
    if (!serial) return error_code::num;
    return *serial;
}

// TIME(hour, minute, second): a fraction of a day; totals wrap at 24 hours, negative
// totals and parts over 32767 are #NUM!.
value time_impl(const arguments& args, call_context&) {
    auto hour = number_arg(args, 0);
    if (!hour) return hour.error();
    auto minute = number_arg(args, 1);
    if (!minute) return minute.error();
    auto second = number_arg(args, 2);
    if (!second) return second.error();
    auto fraction = serial_from_time(*hour, *minute, *second);
    if (!fraction) return error_code::num;
    return *fraction;
}

// TODAY(): the current date as a whole serial.
value today_impl(const arguments&, call_context& ctx) { return std::floor(ctx.now()); }

// NOW(): the current date and time as a serial.
value now_impl(const arguments&, call_context& ctx) { return ctx.now(); }

// DATEVALUE(date_text): the whole-day serial of en-US date text; anything else is #VALUE!.
value datevalue_impl(const arguments& args, call_context& ctx) {
    if (!args[0].is_text()) return error_code::value;
    auto serial = parse_date_time(args[0].text(), current_year(ctx));
    if (!serial) return error_code::value;
    return serial_or_num(std::floor(*serial));
}

// TIMEVALUE(time_text): the time of day (0 <= t < 1) of en-US time or date-time text.
value timevalue_impl(const arguments& args, call_context& ctx) {
    if (!args[0].is_text()) return error_code::value;
    auto serial = parse_date_time(args[0].text(), current_year(ctx));
    if (!serial) return error_code::value;
    // Text holds at most milliseconds: rebuild the fraction from whole milliseconds so that
    // "22-Aug-2011 6:35 AM" gives exactly what "6:35 AM" gives.
    const double millis = std::round((*serial - std::floor(*serial)) * 86400000.0);
    return std::fmod(millis, 86400000.0) / 86400000.0;
}

// ----------------------------------------------------------------------------------------
// Taking serials apart

// YEAR(serial): the year of a date (1900 for serial 0).
value year_impl(const arguments& args, call_context&) {
    auto serial = serial_arg(args, 0);
    if (!serial) return serial.error();
    return date_from_serial(*serial).year;
}

// MONTH(serial): the month of a date, 1-12.
value month_impl(const arguments& args, call_context&) {
    auto serial = serial_arg(args, 0);
    if (!serial) return serial.error();
    return date_from_serial(*serial).month;
}

// DAY(serial): the day of the month, 0-31 (serial 0 is 1900-01-00, serial 60 1900-02-29).
value day_impl(const arguments& args, call_context&) {
    auto serial = serial_arg(args, 0);
    if (!serial) return serial.error();
    return date_from_serial(*serial).day;
}

// HOUR(serial): the hour, 0-23, of the time rounded to the second.
value hour_impl(const arguments& args, call_context&) {
    auto serial = serial_arg(args, 0);
    if (!serial) return serial.error();
    return clock_of(*serial).hour;
}

// MINUTE(serial): the minute, 0-59, of the time rounded to the second.
value minute_impl(const arguments& args, call_context&) {
    auto serial = serial_arg(args, 0);
    if (!serial) return serial.error();
    return clock_of(*serial).minute;
}

// SECOND(serial): the second, 0-59, of the time rounded to the second.
value second_impl(const arguments& args, call_context&) {
    auto serial = serial_arg(args, 0);
    if (!serial) return serial.error();
    return clock_of(*serial).second;
}

// WEEKDAY(serial, [return_type]): the day of the week numbered by return type 1 (Sunday 1
// .. Saturday 7, the default), 2 (Monday 1 .. Sunday 7), 3 (Monday 0 .. Sunday 6) or 11-17
// (1 = Monday .. Sunday); any other type is #NUM!.
value weekday_impl(const arguments& args, call_context&) {
    auto serial = serial_arg(args, 0);
    if (!serial) return serial.error();
    auto type = whole_arg(args, 1, 1.0);
    if (!type) return type.error();
    const int sunday_based = weekday_from_serial(*serial);  // 0 = Sunday
    const int monday_based = (sunday_based + 6) % 7;        // 0 = Monday
    const double t = *type;
    if (t == 1) return sunday_based + 1;
    if (t == 2) return monday_based + 1;
    if (t == 3) return monday_based;
    if (t >= 11 && t <= 17) {
        const int first = (static_cast<int>(t) - 11) % 7;  // Monday-based first day of the week
        return (monday_based - first + 7) % 7 + 1;
    }
    return error_code::num;
}

// WEEKNUM(serial, [return_type]): the week of the year, week 1 holding January 1, weeks
// starting on the day return type 1/17 (Sunday), 2/11 (Monday), 12-16 (Tuesday-Saturday)
// name; 21 is the ISO week. Other types are #NUM!.
value weeknum_impl(const arguments& args, call_context&) {
    auto serial = serial_arg(args, 0);
    if (!serial) return serial.error();
    auto type = whole_arg(args, 1, 1.0);
    if (!type) return type.error();
    if (*type < 1 || *type > 21) return error_code::num;
    auto week = week_number(*serial, static_cast<int>(*type));
    if (!week) return error_code::num;
    return *week;
}

// ISOWEEKNUM(serial): the ISO 8601 week number (weeks start on Monday; week 1 holds the
// year's first Thursday).
value isoweeknum_impl(const arguments& args, call_context&) {
    auto serial = serial_arg(args, 0);
    if (!serial) return serial.error();
    return iso_week_number(*serial);
}

// ----------------------------------------------------------------------------------------
// Month arithmetic

// Moves a whole-day serial by `months` months with `shift` (serial_add_months or eomonth);
// #NUM! when the result falls before January 1900 or after 9999.
value shift_by_months(double start, double months, double (*shift)(double, int)) {
    const civil_date date = date_from_serial(start);
    const double target = date.year * 12.0 + (date.month - 1) + months;
    if (target < 1900 * 12.0 || target > 9999 * 12.0 + 11) return error_code::num;
    return serial_or_num(shift(start, static_cast<int>(months)));
}

// EDATE(start_date, months): the same day `months` months away (clamped to the month's
// end); start and months are truncated.
value edate_impl(const arguments& args, call_context&) {
    auto start = day_arg(args, 0);
    if (!start) return start.error();
    auto months = whole_arg(args, 1);
    if (!months) return months.error();
    return shift_by_months(*start, *months, serial_add_months);
}

// EOMONTH(start_date, months): the last day of the month `months` months away.
value eomonth_impl(const arguments& args, call_context&) {
    auto start = day_arg(args, 0);
    if (!start) return start.error();
    auto months = whole_arg(args, 1);
    if (!months) return months.error();
    return shift_by_months(*start, *months, eomonth);
}

// ----------------------------------------------------------------------------------------
// Differences between dates

// DAYS(end_date, start_date): the whole days from start to end (negative when end is
// earlier); dates are truncated.
value days_impl(const arguments& args, call_context&) {
    auto end = day_arg(args, 0);
    if (!end) return end.error();
    auto start = day_arg(args, 1);
    if (!start) return start.error();
    return *end - *start;
}

// DATEDIF(start_date, end_date, unit): complete years ("Y"), months ("M"), days ("D"), days
// ignoring months and years ("MD"), months ignoring years ("YM") or days ignoring years
// ("YD"); start after end or an unknown unit is #NUM!. "MD" follows Excel's roll-over: when
// the start day exceeds the end day, it counts from the start day in the month before the
// end month, rolled over (2015-01-31 to 2015-03-01 gives -2).
value datedif_impl(const arguments& args, call_context&) {
    auto start = day_arg(args, 0);
    if (!start) return start.error();
    auto end = day_arg(args, 1);
    if (!end) return end.error();
    auto unit_text = to_text(args[2]);
    if (!unit_text) return unit_text.error();
    if (*start > *end) return error_code::num;
    const std::string unit = to_upper_utf8(*unit_text);
    const civil_date a = date_from_serial(*start);
    const civil_date b = date_from_serial(*end);
    const bool day_short = b.day < a.day;  // the last month is incomplete
    const bool before_anniversary = b.month < a.month || (b.month == a.month && day_short);
    if (unit == "D") return *end - *start;
    if (unit == "Y") return b.year - a.year - (before_anniversary ? 1 : 0);
    const int months = (b.year - a.year) * 12 + (b.month - a.month) - (day_short ? 1 : 0);
    if (unit == "M") return months;
    if (unit == "YM") return months % 12;
    if (unit == "MD") {
        if (!day_short) return b.day - a.day;
        return *end - serial_from_civil(b.year, b.month - 1, a.day);
    }
    if (unit == "YD") {
        // The end's month and day, placed in the first year after the start that does not
        // come before it (Excel counts 1988-06-22 .. 2012-05-11 as 323 days: no leap day).
        const int year = before_anniversary ? a.year + 1 : a.year;
        return serial_from_civil(year, b.month, b.day) - *start;
    }
    return error_code::num;
}

// YEARFRAC follows the VBA model of Excel's algorithm that Microsoft confirmed on the
// OASIS office-formula list (D. Mahugh to D. Wheeler, July 2008): leap years and month
// ends there are Gregorian, so 1900 is not a leap year for YEARFRAC.

// Tells whether a date is the last day of its month in the Gregorian calendar.
bool is_month_end(const civil_date& d) {
    static constexpr std::array<int, 12> lengths = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (d.month < 1 || d.month > 12) return false;
    const int last = d.month == 2 && is_leap_year(d.year) ? 29 : lengths[static_cast<std::size_t>(d.month - 1)];
    return d.day == last;
}

// YEARFRAC basis 0: US (NASD) 30/360 days with Excel's end-of-month rules, over 360. An end
// on the last of February counts as the 30th when the start is one too; an end on the
// 31st when the start is the 30th or 31st; a start on the 31st or the last of February
// counts as the 30th.
double yearfrac_us_30_360(const civil_date& a, const civil_date& b) {
    int d1 = a.day, d2 = b.day;
    if (b.month == 2 && is_month_end(b) && a.month == 2 && is_month_end(a)) d2 = 30;
    if (d2 == 31 && d1 >= 30) d2 = 30;
    if (d1 == 31) d1 = 30;
    if (a.month == 2 && is_month_end(a)) d1 = 30;
    const double days = (b.year - a.year) * 360.0 + (b.month - a.month) * 30.0 + (d2 - d1);
    return days / 360.0;
}

// YEARFRAC basis 1: actual days over the year length. Dates in one year use that year's
// length; dates less than a year apart in consecutive years use 366 when the start year is
// leap and the start is on or before February 29, or the end year is leap and the end is
// after February 28; longer spans use the average length of the calendar years touched.
double yearfrac_actual_actual(double start, double end, const civil_date& a, const civil_date& b) {
    double year_length;
    if (a.year == b.year) {
        year_length = is_leap_year(a.year) ? 366.0 : 365.0;
    } else if (b.year == a.year + 1 && (a.month > b.month || (a.month == b.month && a.day >= b.day))) {
        if (is_leap_year(a.year))
            year_length = a.month < 2 || (a.month == 2 && a.day <= 29) ? 366.0 : 365.0;
        else if (is_leap_year(b.year))
            year_length = b.month > 2 || (b.month == 2 && b.day == 29) ? 366.0 : 365.0;
        else
            year_length = 365.0;
    } else {
        double days_in_years = 0.0;
        for (int y = a.year; y <= b.year; ++y) days_in_years += is_leap_year(y) ? 366.0 : 365.0;
        year_length = days_in_years / (b.year - a.year + 1.0);
    }
    return (end - start) / year_length;
}

// YEARFRAC(start_date, end_date, [basis]): the fraction of a year between two dates
// (in either order) under day-count basis 0 (US 30/360, the default), 1 (actual/actual),
// 2 (actual/360), 3 (actual/365) or 4 (European 30/360); other bases are #NUM!.
value yearfrac_impl(const arguments& args, call_context&) {
    auto first = day_arg(args, 0);
    if (!first) return first.error();
    auto second = day_arg(args, 1);
    if (!second) return second.error();
    auto basis = whole_arg(args, 2);
    if (!basis) return basis.error();
    if (*basis < 0 || *basis > 4) return error_code::num;
    const double start = std::min(*first, *second);
    const double end = std::max(*first, *second);
    const civil_date a = date_from_serial(start);
    const civil_date b = date_from_serial(end);
    switch (static_cast<int>(*basis)) {
        case 0: return yearfrac_us_30_360(a, b);
        case 1: return yearfrac_actual_actual(start, end, a, b);
        case 2: return (end - start) / 360.0;
        case 3: return (end - start) / 365.0;
        default: {
            const int d1 = std::min(a.day, 30), d2 = std::min(b.day, 30);
            return ((b.year - a.year) * 360.0 + (b.month - a.month) * 30.0 + (d2 - d1)) / 360.0;
        }
    }
}

// ----------------------------------------------------------------------------------------
// Working days

// Which days of the week are weekend days, Monday first.
using weekend_mask = std::array<bool, 7>;

// Reads a weekend argument of NETWORKDAYS.INTL/WORKDAY.INTL: blank for Saturday-Sunday,
// a code 1-7 (two-day weekends: 1 Sat-Sun, 2 Sun-Mon ... 7 Fri-Sat) or 11-17 (one day: 11
// Sunday, 12 Monday ... 17 Saturday), else #NUM!; or seven '0'/'1' characters from Monday
// ("0000011"), else #VALUE!.
or_error<weekend_mask> read_weekend(const value& v) {
    weekend_mask mask{};
    if (v.is_blank()) {
        mask[5] = mask[6] = true;
        return mask;
    }
    if (v.is_text()) {
        const std::string& s = v.text();
        if (s.size() != 7) return error_code::value;
        for (std::size_t i = 0; i < 7; ++i) {
            if (s[i] != '0' && s[i] != '1') return error_code::value;
            mask[i] = s[i] == '1';
        }
        return mask;
    }
    if (!v.is_number()) return error_code::value;
    const double code = std::trunc(v.number());
    if (code >= 1 && code <= 7) {
        const int k = static_cast<int>(code);
        mask[static_cast<std::size_t>((k + 4) % 7)] = true;
        mask[static_cast<std::size_t>((k + 5) % 7)] = true;
        return mask;
    }
    if (code >= 11 && code <= 17) {
        mask[static_cast<std::size_t>((static_cast<int>(code) - 12 + 7) % 7)] = true;
        return mask;
    }
    return error_code::num;
}

// Tells whether a whole-day serial is a working day under the weekend mask.
bool is_workday(double day, const weekend_mask& weekend) {
    return !weekend[static_cast<std::size_t>((weekday_from_serial(day) + 6) % 7)];
}

// Reads one holiday: a number or date text, truncated to its day; blanks give nullopt.
or_error<std::optional<double>> read_holiday(const value& v) {
    if (v.is_blank()) return std::optional<double>();
    if (v.is_error()) return v.error();
    if (v.is_boolean()) return error_code::value;
    auto serial = to_serial(v);
    if (!serial) return serial.error();
    return std::optional<double>(std::floor(*serial));
}

// Reads the holidays argument (a range, an array or one value) into a sorted list of the
// distinct holidays that fall on working days.
or_error<std::vector<double>> read_holidays(const arguments& args, std::size_t i, const weekend_mask& weekend,
                                            call_context& ctx) {
    std::vector<double> days;
    if (!args.has(i)) return days;
    const value& arg = args[i];
    auto add = [&](const value& v) -> std::optional<error_code> {
        auto holiday = read_holiday(v);
        if (!holiday) return holiday.error();
        if (*holiday && is_workday(**holiday, weekend)) days.push_back(**holiday);
        return std::nullopt;
    };
    if (arg.is_reference() || arg.is_array()) {
        grid g(arg, ctx);
        for (std::int32_t r = 0; r < g.used_rows(); ++r)
            for (std::int32_t c = 0; c < g.used_cols(); ++c)
                if (auto failure = add(g.at(r, c))) return *failure;
    } else if (auto failure = add(arg)) {
        return *failure;
    }
    std::sort(days.begin(), days.end());
    days.erase(std::unique(days.begin(), days.end()), days.end());
    return days;
}

// Counts the holidays in [from, to] of a sorted list.
double holidays_between(const std::vector<double>& holidays, double from, double to) {
    auto lo = std::lower_bound(holidays.begin(), holidays.end(), from);
    auto hi = std::upper_bound(holidays.begin(), holidays.end(), to);
    return static_cast<double>(hi - lo);
}

// Counts the working days in [from, to] (from <= to), holidays excluded.
double count_workdays(double from, double to, const weekend_mask& weekend, const std::vector<double>& holidays) {
    const int per_week = static_cast<int>(std::count(weekend.begin(), weekend.end(), false));
    const double total = to - from + 1.0;
    const double weeks = std::floor(total / 7.0);
    double count = weeks * per_week;
    for (double day = from + weeks * 7.0; day <= to; day += 1.0)
        if (is_workday(day, weekend)) count += 1.0;
    return count - holidays_between(holidays, from, to);
}

// Returns the working day `days` working days after (or before, when negative) `start`,
// skipping weekends and holidays; nullopt when the walk leaves the valid date range.
std::optional<double> add_workdays(double start, double days, const weekend_mask& weekend,
                                   const std::vector<double>& holidays) {
    const double per_week = static_cast<double>(std::count(weekend.begin(), weekend.end(), false));
    const double step = days < 0 ? -1.0 : 1.0;
    double left = std::fabs(days);
    double day = start;
    while (left > 0) {
        if (day < -7.0 || day > max_date_serial + 7.0) return std::nullopt;
        // Any 7 consecutive days hold per_week working days: jump whole weeks first.
        const double weeks = std::floor((left - 1.0) / per_week);
        if (weeks >= 1.0) {
            const double next = day + step * 7.0 * weeks;
            const double crossed = step > 0 ? holidays_between(holidays, day + 1.0, next)
                                             : holidays_between(holidays, next, day - 1.0);
            left -= weeks * per_week - crossed;
            day = next;
            continue;
        }
        day += step;
        if (is_workday(day, weekend) && !std::binary_search(holidays.begin(), holidays.end(), day)) left -= 1.0;
    }
    if (!is_valid_serial(day)) return std::nullopt;
    return day;
}

// Calls body(leading) with the first N arguments as scalars (single cells read, omitted
// ones blank); when some are arrays or multi-cell ranges, calls it element-wise and builds
// the array, like a fn_lifts function (1-row/1-column arguments broadcast, #N/A beyond a
// smaller argument). An error among the scalars is that element's result.
template <std::size_t N, class Body>
value lift_leading(const arguments& args, call_context& ctx, Body&& body) {
    std::array<value, N> scalars{};
    std::array<std::optional<grid>, N> grids{};
    std::int32_t rows = 1, cols = 1;
    bool lifted = false;
    for (std::size_t i = 0; i < N && i < args.size(); ++i) {
        if (args.omitted(i)) continue;
        const value& arg = args[i];
        const bool area = (arg.is_reference() && !arg.ref().is_single_cell()) ||
                          (arg.is_array() && (arg.array_value().rows() != 1 || arg.array_value().cols() != 1));
        if (area) {
            grids[i].emplace(arg, ctx);
            rows = std::max(rows, grids[i]->rows());
            cols = std::max(cols, grids[i]->cols());
            lifted = true;
        } else {
            scalars[i] = arg.is_array() ? arg.array_value().at(0, 0) : to_scalar(arg, ctx);
        }
    }
    auto call = [&](const std::array<value, N>& leading) -> value {
        for (const value& v : leading)
            if (v.is_error()) return v.error();
        return body(leading);
    };
    if (!lifted) return call(scalars);
    std::vector<value> cells;
    cells.reserve(static_cast<std::size_t>(rows) * static_cast<std::size_t>(cols));
    for (std::int32_t r = 0; r < rows; ++r) {
        for (std::int32_t c = 0; c < cols; ++c) {
            std::array<value, N> leading = scalars;
            bool outside = false;
            for (std::size_t i = 0; i < N; ++i) {
                if (!grids[i]) continue;
                const grid& g = *grids[i];
                const std::int32_t gr = g.rows() == 1 ? 0 : r;
                const std::int32_t gc = g.cols() == 1 ? 0 : c;
                if (gr >= g.rows() || gc >= g.cols()) {
                    outside = true;
                    break;
                }
                leading[i] = g.at(gr, gc);
            }
            cells.push_back(outside ? value(error_code::na) : call(leading));
        }
    }
    return make_array(rows, cols, std::move(cells));
}

// Reads a whole-day serial from a lifted scalar.
or_error<double> lifted_day(const value& v) {
    auto serial = to_serial(v);
    if (!serial) return serial.error();
    return std::floor(*serial);
}

// Counts working days between two dates, both included (negative when end < start).
value networkdays_between(const value& start_arg, const value& end_arg, const weekend_mask& weekend,
                          const arguments& args, std::size_t holidays_at, call_context& ctx) {
    auto start = lifted_day(start_arg);
    if (!start) return start.error();
    auto end = lifted_day(end_arg);
    if (!end) return end.error();
    auto holidays = read_holidays(args, holidays_at, weekend, ctx);
    if (!holidays) return holidays.error();
    if (*start <= *end) return count_workdays(*start, *end, weekend, *holidays);
    return -count_workdays(*end, *start, weekend, *holidays);
}

// Moves a start date by working days.
value workday_from(const value& start_arg, const value& days_arg, const weekend_mask& weekend,
                   const arguments& args, std::size_t holidays_at, call_context& ctx) {
    auto start = lifted_day(start_arg);
    if (!start) return start.error();
    auto days = to_number(days_arg);
    if (!days) return days.error();
    const double count = std::trunc(*days);
    if (std::count(weekend.begin(), weekend.end(), true) == 7) return error_code::value;
    auto holidays = read_holidays(args, holidays_at, weekend, ctx);
    if (!holidays) return holidays.error();
    if (std::fabs(count) > max_date_serial) return error_code::num;
    auto result = add_workdays(*start, count, weekend, *holidays);
    if (!result) return error_code::num;
    return *result;
}

// NETWORKDAYS(start_date, end_date, [holidays]): working days (Monday-Friday) between two
// dates, both included, less the holidays; negative when end_date is earlier.
value networkdays_impl(const arguments& args, call_context& ctx) {
    return lift_leading<2>(args, ctx, [&](const std::array<value, 2>& v) {
        weekend_mask weekend{};
        weekend[5] = weekend[6] = true;
        return networkdays_between(v[0], v[1], weekend, args, 2, ctx);
    });
}

// NETWORKDAYS.INTL(start_date, end_date, [weekend], [holidays]): NETWORKDAYS with a chosen
// weekend (see read_weekend); "1111111" counts no working days.
value networkdays_intl_impl(const arguments& args, call_context& ctx) {
    return lift_leading<3>(args, ctx, [&](const std::array<value, 3>& v) -> value {
        auto weekend = read_weekend(v[2]);
        if (!weekend) return weekend.error();
        return networkdays_between(v[0], v[1], *weekend, args, 3, ctx);
    });
}

// WORKDAY(start_date, days, [holidays]): the date `days` working days (Monday-Friday, not
// holidays) after start_date, or before it when days is negative; days is truncated.
value workday_impl(const arguments& args, call_context& ctx) {
    return lift_leading<2>(args, ctx, [&](const std::array<value, 2>& v) {
        weekend_mask weekend{};
        weekend[5] = weekend[6] = true;
        return workday_from(v[0], v[1], weekend, args, 2, ctx);
    });
}

// WORKDAY.INTL(start_date, days, [weekend], [holidays]): WORKDAY with a chosen weekend;
// a weekend of all seven days is #VALUE!.
value workday_intl_impl(const arguments& args, call_context& ctx) {
    return lift_leading<3>(args, ctx, [&](const std::array<value, 3>& v) -> value {
        auto weekend = read_weekend(v[2]);
        if (!weekend) return weekend.error();
        return workday_from(v[0], v[1], *weekend, args, 3, ctx);
    });
}

const function_def date_time_functions[] = {
    {"DATE", 3, 3, fn_lifts, date_impl, nullptr, "Returns the serial of a date from its year, month and day.",
     "=DATE(2008,14,2) → 39846"},
    {"DATEDIF", 3, 3, fn_lifts, datedif_impl, nullptr,
     "Returns the whole years, months or days between two dates.", "=DATEDIF(\"2001-06-01\",\"2002-08-15\",\"YD\") → 75"},
    {"DATEVALUE", 1, 1, fn_lifts, datevalue_impl, nullptr, "Converts date text to a date serial.",
     "=DATEVALUE(\"8/22/2011\") → 40777"},
    {"DAY", 1, 1, fn_lifts, day_impl, nullptr, "Returns the day of the month of a date.", "=DAY(\"15-Apr-2011\") → 15"},
    {"DAYS", 2, 2, fn_lifts | fn_future, days_impl, nullptr, "Returns the number of days between two dates.",
     "=DAYS(\"15-MAR-2021\",\"1-FEB-2021\") → 42"},
    {"EDATE", 2, 2, fn_lifts, edate_impl, nullptr, "Returns the date a number of months before or after a date.",
     "=EDATE(DATE(2011,1,31),1) → 40602"},
    {"EOMONTH", 2, 2, fn_lifts, eomonth_impl, nullptr,
     "Returns the last day of the month a number of months before or after a date.", "=EOMONTH(DATE(2011,1,1),1) → 40602"},
    {"HOUR", 1, 1, fn_lifts, hour_impl, nullptr, "Returns the hour (0-23) of a time.", "=HOUR(0.75) → 18"},
    {"ISOWEEKNUM", 1, 1, fn_lifts | fn_future, isoweeknum_impl, nullptr, "Returns the ISO 8601 week number of a date.",
     "=ISOWEEKNUM(DATE(2012,3,9)) → 10"},
    {"MINUTE", 1, 1, fn_lifts, minute_impl, nullptr, "Returns the minute (0-59) of a time.",
     "=MINUTE(\"12:45:00 PM\") → 45"},
    {"MONTH", 1, 1, fn_lifts, month_impl, nullptr, "Returns the month (1-12) of a date.", "=MONTH(\"15-Apr-2011\") → 4"},
    {"NETWORKDAYS", 2, 3, fn_strict, networkdays_impl, nullptr,
     "Returns the number of working days between two dates, holidays excluded.",
     "=NETWORKDAYS(DATE(2012,10,1),DATE(2013,3,1)) → 110"},
    {"NETWORKDAYS.INTL", 2, 4, fn_future, networkdays_intl_impl, nullptr,
     "Returns the number of working days between two dates with a chosen weekend.",
     "=NETWORKDAYS.INTL(DATE(2006,1,1),DATE(2006,1,31)) → 22"},
    {"NOW", 0, 0, fn_volatile, now_impl, nullptr, "Returns the current date and time.", "=NOW() → 45678.5"},
    {"SECOND", 1, 1, fn_lifts, second_impl, nullptr, "Returns the second (0-59) of a time.",
     "=SECOND(\"4:48:18 PM\") → 18"},
    {"TIME", 3, 3, fn_lifts, time_impl, nullptr, "Returns the fraction of a day of a time from hours, minutes, seconds.",
     "=TIME(12,0,0) → 0.5"},
    {"TIMEVALUE", 1, 1, fn_lifts, timevalue_impl, nullptr, "Converts time text to a fraction of a day.",
     "=TIMEVALUE(\"2:24 AM\") → 0.1"},
    {"TODAY", 0, 0, fn_volatile, today_impl, nullptr, "Returns the current date.", "=TODAY() → 45678"},
    {"WEEKDAY", 1, 2, fn_lifts, weekday_impl, nullptr, "Returns the day of the week of a date.",
     "=WEEKDAY(DATE(2008,2,14)) → 5"},
    {"WEEKNUM", 1, 2, fn_lifts, weeknum_impl, nullptr, "Returns the week number of a date in its year.",
     "=WEEKNUM(DATE(2012,3,9),2) → 11"},
    {"WORKDAY", 2, 3, fn_strict, workday_impl, nullptr,
     "Returns the date a number of working days before or after a date.", "=WORKDAY(DATE(2008,10,1),151) → 39933"},
    {"WORKDAY.INTL", 2, 4, fn_future, workday_intl_impl, nullptr,
     "Returns the date a number of working days away with a chosen weekend.",
     "=WORKDAY.INTL(DATE(2012,1,1),90,11) → 41013"},
    {"YEAR", 1, 1, fn_lifts, year_impl, nullptr, "Returns the year of a date.", "=YEAR(DATE(2008,7,5)) → 2008"},
    {"YEARFRAC", 2, 3, fn_lifts, yearfrac_impl, nullptr,
     "Returns the fraction of a year between two dates under a day-count basis.",
     "=YEARFRAC(DATE(2012,1,1),DATE(2012,7,30)) → 0.580555555555556"},
};

}  // namespace

void register_date_time_functions(function_registry& r) {
    for (const auto& f : date_time_functions) r.add(f);
}

}  // namespace folio

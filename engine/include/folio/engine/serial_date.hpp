// Excel's 1900 date system: date serials, calendar arithmetic, week numbers and the en-US
// text-to-date parser.
//
// A date serial counts days from 1900-01-00 (serial 0); its fractional part is the time of day.
// Excel inherited Lotus 1-2-3's belief that 1900 was a leap year, so serial 60 is the
// non-existent 1900-02-29, serials 1-59 are one day "early" against the real calendar, and from
// serial 61 (1900-03-01) on everything is correct. Every function here follows Excel's calendar
// (February 1900 has 29 days) so that DATE, EDATE, EOMONTH, WEEKDAY and friends agree with Excel
// to the day. Valid serials run from 0 to 2958465 (9999-12-31); callers turn out-of-range
// results into #NUM!.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace folio {

/// The last valid date serial, 9999-12-31.
inline constexpr double max_date_serial = 2958465.0;

/// A calendar date as Excel shows it (serial 0 is 1900-01-00, serial 60 is 1900-02-29).
struct civil_date {
    int year;
    int month;
    int day;
};

/// A time of day; `millis` is the fraction of the second in milliseconds (0 <= millis < 1000).
struct clock_time {
    int hour;
    int minute;
    int second;
    double millis;
};

/// A serial split into its day number and time of day after rounding the time.
struct date_time_parts {
    std::int64_t day;
    clock_time time;
};

/// Returns the serial of DATE(year, month, day): arguments truncated, years 0-1899 taken as
/// 1900-3799, months and days rolled over; nullopt when the year is outside 0-9999 or the
/// result is before serial 0 or after 9999-12-31.
std::optional<double> serial_from_date(double year, double month, double day);

/// Returns the serial of the Excel-calendar date year-month-day with months and days rolled
/// over and no range check (the result may be negative or beyond 9999).
double serial_from_civil(std::int64_t year, std::int64_t month, std::int64_t day);

/// Returns TIME(hour, minute, second) as a fraction of a day: arguments truncated, the total
/// wrapped at 24 hours; nullopt when an argument exceeds 32767 or the total is negative.
std::optional<double> serial_from_time(double hour, double minute, double second);

/// Tells whether the serial is a valid Excel date: 0 <= serial < 2958466.
bool is_valid_serial(double serial);

/// Returns the calendar date of the integer part of a serial in [0, 2958466).
civil_date date_from_serial(double serial);

/// Returns the day of the week of a serial, 0 = Sunday .. 6 = Saturday, as Excel's WEEKDAY
/// (which treats 1900-01-01, serial 1, as a Sunday).
int weekday_from_serial(double serial);

/// Splits a serial into day and time of day, rounding the time to `second_decimals` (0-3)
/// decimal places of a second and carrying into the day.
date_time_parts split_date_time(double serial, int second_decimals = 3);

/// Returns the time of day of a serial rounded to the millisecond (23:59:59.9996 becomes 0:00).
clock_time time_from_serial(double serial);

/// Parses en-US date and/or time text as DATEVALUE, TIMEVALUE and VALUE read it, returning the
/// serial (date plus time fraction); `default_year` completes dates written without a year.
std::optional<double> parse_date_time(std::string_view text, int default_year);

/// Tells whether a year is a leap year in the Gregorian calendar (1900 is not).
bool is_leap_year(int year);

/// Returns the number of days in a month of Excel's calendar (February 1900 has 29).
int days_in_month(int year, int month);

/// Returns the ISO 8601 week number (ISOWEEKNUM) of a serial.
int iso_week_number(double serial);

/// Returns WEEKNUM(serial, return_type) for return types 1, 2, 11-17 and 21; nullopt (#NUM!)
/// for any other return type.
std::optional<int> week_number(double serial, int return_type = 1);

/// Returns EDATE(serial, months): the same day `months` months away, clamped to the end of
/// the target month; the result may be out of range (check with is_valid_serial).
double serial_add_months(double serial, int months);

/// Returns EOMONTH(serial, months): the last day of the month `months` months away; the result
/// may be out of range (check with is_valid_serial).
double eomonth(double serial, int months);

}  // namespace folio

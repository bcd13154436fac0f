// Tests for Excel's 1900 date system: DATE semantics, the phantom 1900-02-29, weekdays, time
// rounding, week numbers, month arithmetic and the en-US date/time text parser.
//
// Expected values are Excel's; where a value was also confirmed by recalculating in
// LibreOffice Calc (which agrees with Excel from 1900-03-01 on) the comment says so.
#include "folio/engine/serial_date.hpp"

#include <catch2/catch.hpp>

#include <optional>
#include <string>

using folio::civil_date;
using folio::serial_from_date;
using folio::serial_from_time;

namespace {

/// Returns the serial of a date that must exist, for readable expectations.
double date(int year, int month, int day) {
    return *serial_from_date(year, month, day);
}

/// Formats a civil date as y-m-d for comparisons that print well on failure.
std::string ymd(const civil_date& c) {
    return std::to_string(c.year) + "-" + std::to_string(c.month) + "-" + std::to_string(c.day);
}

}  // namespace

TEST_CASE("serial 1 is 1900-01-01 and serial 60 is Excel's phantom 1900-02-29", "[serial_date]") {
    // Excel inherited Lotus 1-2-3's leap-year bug: DATE(1900,2,29) = 60, DATE(1900,3,1) = 61.
    CHECK(date(1900, 1, 1) == 1);
    CHECK(date(1900, 2, 28) == 59);
    CHECK(date(1900, 2, 29) == 60);
    CHECK(date(1900, 3, 1) == 61);
    CHECK(date(1900, 2, 30) == 61);  // rolls over Excel's 29-day February 1900
    CHECK(date(1900, 3, 0) == 60);
    CHECK(date(1900, 1, 0) == 0);
    CHECK(date(2024, 1, 1) == 45292);
    CHECK(date(2024, 1, 31) == 45322);
    CHECK(date(9999, 12, 31) == 2958465);  // the last date Excel accepts
}

TEST_CASE("DATE rolls months and days over in both directions", "[serial_date]") {
    // Confirmed in LibreOffice: DATE(2024,14,1) = 2025-02-01, DATE(2024,1,0) = 2023-12-31.
    CHECK(date(2024, 14, 1) == date(2025, 2, 1));
    CHECK(date(2024, 1, 0) == date(2023, 12, 31));
    CHECK(date(2024, -1, 15) == date(2023, 11, 15));
    CHECK(date(2024, 0, 0) == date(2023, 11, 30));
    CHECK(date(2024, 2, 30) == date(2024, 3, 1));
    CHECK(date(2023, 25, -31) == date(2024, 11, 30));
    CHECK(date(2024, 3, -365) == date(2023, 3, 1));
    CHECK(date(2023, 12, 32) == date(2024, 1, 1));
    CHECK(date(2024, 1, 366) == date(2024, 12, 31));
    CHECK(date(2024, -12, 1) == date(2022, 12, 1));
}

TEST_CASE("DATE truncates its arguments", "[serial_date]") {
    // Confirmed in LibreOffice: DATE(2024.9,1.9,1.9) = 2024-01-01.
    CHECK(date(2024, 1, 1) == *serial_from_date(2024.9, 1.9, 1.9));
    CHECK(*serial_from_date(2024, 2.5, 10.99) == date(2024, 2, 10));
}

TEST_CASE("DATE adds 1900 to years 0-1899 and rejects years outside 0-9999", "[serial_date]") {
    CHECK(date(0, 1, 1) == date(1900, 1, 1));
    CHECK(date(99, 1, 1) == date(1999, 1, 1));
    CHECK(date(1899, 12, 31) == date(3799, 12, 31));
    CHECK(date(1900, 1, 1) == 1);
    CHECK(date(9999, 1, 1) == 2958101);
    CHECK_FALSE(serial_from_date(10000, 1, 1).has_value());
    CHECK_FALSE(serial_from_date(-1, 1, 1).has_value());
    CHECK_FALSE(serial_from_date(9999, 12, 32).has_value());   // past 9999-12-31
    CHECK_FALSE(serial_from_date(9999, 13, 1).has_value());
    CHECK_FALSE(serial_from_date(1900, 1, -1).has_value());    // before serial 0
    CHECK_FALSE(serial_from_date(1900, 0, 1).has_value());     // December 1899
    CHECK_FALSE(serial_from_date(2024, 1e300, 1).has_value());
}

TEST_CASE("date_from_serial shows dates as Excel does", "[serial_date]") {
    CHECK(ymd(folio::date_from_serial(0)) == "1900-1-0");
    CHECK(ymd(folio::date_from_serial(1)) == "1900-1-1");
    CHECK(ymd(folio::date_from_serial(59)) == "1900-2-28");
    CHECK(ymd(folio::date_from_serial(60)) == "1900-2-29");
    CHECK(ymd(folio::date_from_serial(61)) == "1900-3-1");
    CHECK(ymd(folio::date_from_serial(45322.75)) == "2024-1-31");
    CHECK(ymd(folio::date_from_serial(2958465)) == "9999-12-31");
    CHECK(ymd(folio::date_from_serial(date(2000, 2, 29))) == "2000-2-29");
    CHECK(ymd(folio::date_from_serial(date(2100, 3, 1) - 1)) == "2100-2-28");
}

TEST_CASE("serials round-trip through calendar dates", "[serial_date]") {
    for (double serial = 0; serial <= 2958465; serial += 997) {
        civil_date c = folio::date_from_serial(serial);
        CHECK(folio::serial_from_civil(c.year, c.month, c.day) == serial);
    }
}

TEST_CASE("is_valid_serial covers 0 to 9999-12-31", "[serial_date]") {
    CHECK(folio::is_valid_serial(0));
    CHECK(folio::is_valid_serial(2958465.99));
    CHECK_FALSE(folio::is_valid_serial(2958466));
    CHECK_FALSE(folio::is_valid_serial(-0.5));
}

TEST_CASE("weekday_from_serial matches WEEKDAY, including Excel's early 1900", "[serial_date]") {
    using folio::weekday_from_serial;
    // Excel treats 1900-01-01 as a Sunday (it was a Monday) and 1900-01-00 as a Saturday.
    CHECK(weekday_from_serial(0) == 6);
    CHECK(weekday_from_serial(1) == 0);
    CHECK(weekday_from_serial(60) == 3);  // the phantom 29 February is a Wednesday
    CHECK(weekday_from_serial(61) == 4);  // 1900-03-01 was really a Thursday
    CHECK(weekday_from_serial(date(2024, 1, 31)) == 3);  // LibreOffice: WEEKDAY = 4 (Wednesday)
    CHECK(weekday_from_serial(date(2024, 1, 31) + 0.99) == 3);
    CHECK(weekday_from_serial(2958465) == 5);  // 9999-12-31 is a Friday
}

TEST_CASE("TIME wraps at 24 hours and rejects negative totals", "[serial_date]") {
    CHECK(*serial_from_time(12, 0, 0) == 0.5);
    CHECK(*serial_from_time(25, 0, 0) == Approx(1.0 / 24));   // LibreOffice: 01:00:00
    CHECK(*serial_from_time(0, -1, 120) == Approx(60.0 / 86400));
    CHECK(*serial_from_time(1, -30, 0) == Approx(0.5 / 24));
    CHECK(*serial_from_time(10.9, 30.9, 15.9) == Approx((10 * 3600 + 30 * 60 + 15) / 86400.0));
    CHECK_FALSE(serial_from_time(0, 0, -1).has_value());
    CHECK_FALSE(serial_from_time(32768, 0, 0).has_value());
}

TEST_CASE("time_from_serial rounds to the millisecond and carries", "[serial_date]") {
    auto t = folio::time_from_serial(45322.4375);
    CHECK(t.hour == 10);
    CHECK(t.minute == 30);
    CHECK(t.second == 0);
    CHECK(t.millis == 0);
    t = folio::time_from_serial(*serial_from_time(10, 30, 15) + 0.5 / 86400);
    CHECK(t.second == 15);
    CHECK(t.millis == 500);
    t = folio::time_from_serial(1 - 0.0004 / 86400);  // 23:59:59.9996 rounds to midnight
    CHECK(t.hour == 0);
    CHECK(t.minute == 0);
    CHECK(t.second == 0);
    auto parts = folio::split_date_time(45322 + 1 - 0.0004 / 86400);
    CHECK(parts.day == 45323);
    parts = folio::split_date_time(45322 + 1 - 0.4 / 86400, 0);  // 23:59:59.6 to whole seconds
    CHECK(parts.day == 45323);
    CHECK(parts.time.hour == 0);
    parts = folio::split_date_time(45322 + 1 - 0.6 / 86400, 0);  // 23:59:59.4
    CHECK(parts.day == 45322);
    CHECK(parts.time.second == 59);
    t = folio::time_from_serial(*serial_from_time(23, 59, 59) + 0.0015 / 86400);
    CHECK(t.second == 59);
    CHECK(t.millis == 2);
}

TEST_CASE("days_in_month follows Excel's calendar", "[serial_date]") {
    using folio::days_in_month;
    CHECK(days_in_month(2024, 2) == 29);
    CHECK(days_in_month(2023, 2) == 28);
    CHECK(days_in_month(2000, 2) == 29);
    CHECK(days_in_month(2100, 2) == 28);
    CHECK(days_in_month(1900, 2) == 29);  // Lotus bug
    CHECK(days_in_month(2024, 4) == 30);
    CHECK(days_in_month(2024, 12) == 31);
    CHECK_FALSE(folio::is_leap_year(1900));
    CHECK(folio::is_leap_year(2000));
}

TEST_CASE("EDATE keeps the day and clamps to the end of the month", "[serial_date]") {
    using folio::serial_add_months;
    // Confirmed in LibreOffice: EDATE(2024-01-31, 1) = 45351 (2024-02-29).
    CHECK(serial_add_months(date(2024, 1, 31), 1) == 45351);
    CHECK(serial_add_months(date(2023, 1, 31), 1) == 44985);
    CHECK(serial_add_months(date(2024, 3, 31), -1) == 45351);
    CHECK(serial_add_months(date(2024, 5, 15), -17) == 44910);
    CHECK(serial_add_months(date(2024, 5, 15) + 0.75, 0) == date(2024, 5, 15));  // time dropped
    CHECK(serial_add_months(date(2024, 1, 15), 12) == date(2025, 1, 15));
    CHECK(serial_add_months(date(1900, 1, 31), 1) == 60);  // Excel's February 1900 has 29 days
    CHECK(serial_add_months(date(1900, 1, 15), -1) < 0);    // out of range: caller's #NUM!
    CHECK_FALSE(folio::is_valid_serial(serial_add_months(date(9999, 12, 1), 1)));
}

TEST_CASE("EOMONTH returns the last day of the target month", "[serial_date]") {
    using folio::eomonth;
    // Confirmed in LibreOffice.
    CHECK(eomonth(date(2024, 1, 15), 1) == 45351);
    CHECK(eomonth(date(2024, 1, 15), -2) == 45260);
    CHECK(eomonth(date(2023, 12, 31), 0) == 45291);
    CHECK(eomonth(date(2024, 1, 15), 13) == 45716);
    CHECK(eomonth(date(1900, 2, 10), 0) == 60);
    CHECK(eomonth(date(2024, 12, 31) + 0.5, -12) == date(2023, 12, 31));
}

TEST_CASE("WEEKNUM return types", "[serial_date]") {
    using folio::week_number;
    // Excel's WEEKNUM help: WEEKNUM("3/9/2012") = 10 and WEEKNUM("3/9/2012", 2) = 11.
    CHECK(week_number(date(2012, 3, 9)) == 10);
    CHECK(week_number(date(2012, 3, 9), 2) == 11);
    // Confirmed in LibreOffice.
    CHECK(week_number(date(2024, 1, 1), 1) == 1);
    CHECK(week_number(date(2024, 1, 7), 1) == 2);
    CHECK(week_number(date(2024, 1, 7), 2) == 1);
    CHECK(week_number(date(2024, 12, 31), 1) == 53);
    CHECK(week_number(date(2024, 12, 31), 21) == 1);
    CHECK(week_number(date(2023, 1, 1), 21) == 52);
    CHECK(week_number(date(2024, 3, 15), 11) == 11);
    CHECK(week_number(date(2024, 3, 15), 12) == 12);
    CHECK(week_number(date(2024, 3, 15), 13) == 12);
    CHECK(week_number(date(2024, 3, 15), 14) == 12);
    CHECK(week_number(date(2024, 3, 15), 15) == 12);
    CHECK(week_number(date(2024, 3, 15), 16) == 11);
    CHECK(week_number(date(2024, 3, 15), 17) == 11);
    CHECK(week_number(date(2000, 1, 1), 1) == 1);
    CHECK(week_number(date(2000, 12, 31), 2) == 53);
    CHECK(week_number(0, 1) == 0);
    CHECK_FALSE(week_number(date(2024, 1, 1), 3).has_value());
    CHECK_FALSE(week_number(date(2024, 1, 1), 0).has_value());
}

TEST_CASE("ISOWEEKNUM", "[serial_date]") {
    using folio::iso_week_number;
    CHECK(iso_week_number(date(2012, 3, 9)) == 10);  // Excel's ISOWEEKNUM help
    CHECK(iso_week_number(date(2024, 1, 1)) == 1);
    CHECK(iso_week_number(date(2021, 1, 1)) == 53);
    CHECK(iso_week_number(date(2026, 12, 31)) == 53);
    CHECK(iso_week_number(date(2027, 1, 3)) == 53);
    CHECK(iso_week_number(date(2024, 12, 30)) == 1);
    CHECK(iso_week_number(date(2000, 1, 1)) == 52);
    CHECK(iso_week_number(date(2004, 12, 31)) == 53);
    CHECK(iso_week_number(date(2005, 1, 2)) == 53);
    CHECK(iso_week_number(date(2008, 12, 29)) == 1);
    CHECK(iso_week_number(date(2024, 6, 15) + 0.9) == 24);
}

TEST_CASE("parse_date_time reads ISO and US dates", "[serial_date][parse]") {
    using folio::parse_date_time;
    const double jan31 = date(2024, 1, 31);
    CHECK(parse_date_time("2024-01-31", 2025) == jan31);
    CHECK(parse_date_time("2024-1-31", 2025) == jan31);
    CHECK(parse_date_time("2024/01/31", 2025) == jan31);
    CHECK(parse_date_time("1/31/2024", 2025) == jan31);
    CHECK(parse_date_time("01/31/2024", 2025) == jan31);
    CHECK(parse_date_time("1-31-2024", 2025) == jan31);
    CHECK(parse_date_time("1/31/24", 2025) == jan31);
    CHECK(parse_date_time("  1/31/2024  ", 2025) == jan31);
    CHECK(parse_date_time("1/31", 2024) == jan31);  // no year: the caller's current year
    CHECK(parse_date_time("1/31", 2025) == date(2025, 1, 31));
    CHECK(parse_date_time("1/2024", 2025) == date(2024, 1, 1));
}

TEST_CASE("parse_date_time maps two-digit years 00-29 to 20xx and 30-99 to 19xx",
          "[serial_date][parse]") {
    using folio::parse_date_time;
    CHECK(parse_date_time("1/1/00", 2025) == date(2000, 1, 1));
    CHECK(parse_date_time("1/1/29", 2025) == date(2029, 1, 1));
    CHECK(parse_date_time("1/1/30", 2025) == date(1930, 1, 1));
    CHECK(parse_date_time("1/1/99", 2025) == date(1999, 1, 1));
    CHECK(parse_date_time("5-Mar-30", 2025) == date(1930, 3, 5));
}

TEST_CASE("parse_date_time reads month names", "[serial_date][parse]") {
    using folio::parse_date_time;
    const double jan31 = date(2024, 1, 31);
    CHECK(parse_date_time("31-Jan-2024", 2025) == jan31);
    CHECK(parse_date_time("31-jan-24", 2025) == jan31);
    CHECK(parse_date_time("31 January 2024", 2025) == jan31);
    CHECK(parse_date_time("31-Jan", 2024) == jan31);
    CHECK(parse_date_time("Jan 31, 2024", 2025) == jan31);
    CHECK(parse_date_time("January 31, 2024", 2025) == jan31);
    CHECK(parse_date_time("JANUARY 31 2024", 2025) == jan31);
    CHECK(parse_date_time("Jan 31", 2024) == jan31);
    CHECK(parse_date_time("Wednesday, January 31, 2024", 2025) == jan31);
    CHECK(parse_date_time("Jan-2024", 2025) == date(2024, 1, 1));
    CHECK(parse_date_time("January 2024", 2025) == date(2024, 1, 1));
    CHECK(parse_date_time("Sep 5, 2024", 2025) == date(2024, 9, 5));
    CHECK(parse_date_time("Sept 5, 2024", 2025) == date(2024, 9, 5));
    // A number after the month is a day when it can be one, otherwise a year.
    CHECK(parse_date_time("Jan-24", 2025) == date(2025, 1, 24));
    CHECK(parse_date_time("Jan-32", 2025) == date(1932, 1, 1));
}

TEST_CASE("parse_date_time reads times", "[serial_date][parse]") {
    using folio::parse_date_time;
    CHECK(*parse_date_time("10:30", 2025) == Approx(10.5 / 24));
    CHECK(*parse_date_time("10:30:15", 2025) == Approx((10 * 3600 + 30 * 60 + 15) / 86400.0));
    CHECK(*parse_date_time("10:30:15.5", 2025) == Approx((10 * 3600 + 30 * 60 + 15.5) / 86400.0));
    CHECK(*parse_date_time("10:30 PM", 2025) == Approx(22.5 / 24));  // TIMEVALUE: 0.9375
    CHECK(*parse_date_time("10:30PM", 2025) == Approx(22.5 / 24));
    CHECK(*parse_date_time("10 PM", 2025) == Approx(22.0 / 24));
    CHECK(*parse_date_time("10 am", 2025) == Approx(10.0 / 24));
    CHECK(*parse_date_time("12:30 AM", 2025) == Approx(0.5 / 24));
    CHECK(*parse_date_time("12:30 PM", 2025) == Approx(12.5 / 24));
    CHECK(*parse_date_time("22:30:00", 2025) == Approx(22.5 / 24));
    CHECK(*parse_date_time("22:30:15", 2025) == Approx(0.937673611111111));  // LibreOffice
    CHECK(*parse_date_time("25:00", 2025) == Approx(25.0 / 24));  // TIMEVALUE keeps the fraction
    CHECK(*parse_date_time("0:30", 2025) == Approx(0.5 / 24));
    CHECK(*parse_date_time("10:30.5", 2025) == Approx(630.5 / 86400));  // mm:ss.0
}

TEST_CASE("parse_date_time reads a date with a time", "[serial_date][parse]") {
    using folio::parse_date_time;
    const double jan31 = date(2024, 1, 31);
    CHECK(*parse_date_time("2024-01-31 10:30", 2025) == Approx(jan31 + 10.5 / 24));
    CHECK(*parse_date_time("2024-01-31T10:30:00", 2025) == Approx(jan31 + 10.5 / 24));
    CHECK(*parse_date_time("1/31/2024 10:30 PM", 2025) == Approx(jan31 + 22.5 / 24));
    CHECK(*parse_date_time("Jan 31, 2024 10:30:15", 2025) ==
          Approx(jan31 + (10 * 3600 + 30 * 60 + 15) / 86400.0));
    CHECK(*parse_date_time("Jan 31 10:30", 2024) == Approx(jan31 + 10.5 / 24));
    CHECK(*parse_date_time("10:30 1/31/2024", 2025) == Approx(jan31 + 10.5 / 24));
}

TEST_CASE("parse_date_time accepts Excel's 1900-02-29 and rejects invalid text",
          "[serial_date][parse]") {
    using folio::parse_date_time;
    CHECK(parse_date_time("2/29/1900", 2025) == 60);  // DATEVALUE("2/29/1900") = 60 in Excel
    CHECK(parse_date_time("1/1/1900", 2025) == 1);
    CHECK(parse_date_time("12/31/9999", 2025) == 2958465);
    CHECK(parse_date_time("2/29/2024", 2025) == date(2024, 2, 29));
    CHECK_FALSE(parse_date_time("2/30/2024", 2025).has_value());
    CHECK_FALSE(parse_date_time("2/29/2023", 2025).has_value());
    CHECK_FALSE(parse_date_time("13/1/2024", 2025).has_value());  // en-US is month first
    CHECK_FALSE(parse_date_time("1/1/1899", 2025).has_value());
    CHECK_FALSE(parse_date_time("1/1/10000", 2025).has_value());
    CHECK_FALSE(parse_date_time("1/1/999", 2025).has_value());
    CHECK_FALSE(parse_date_time("10:60", 2025).has_value());
    CHECK_FALSE(parse_date_time("10:30:60", 2025).has_value());
    CHECK_FALSE(parse_date_time("13:00 PM", 2025).has_value());
    CHECK_FALSE(parse_date_time("", 2025).has_value());
    CHECK_FALSE(parse_date_time("abc", 2025).has_value());
    CHECK_FALSE(parse_date_time("20240131", 2025).has_value());
    CHECK_FALSE(parse_date_time("Foo 31, 2024", 2025).has_value());
    CHECK_FALSE(parse_date_time("1/31/2024 junk", 2025).has_value());
}

// Specification tests for the date and time family. Expected values are Microsoft's
// documented examples (support.microsoft.com, one page per function) plus the edge cases
// of the 1900 date system, rollovers, return types, day-count bases and weekends. The test
// workbook's clock is fixed at 2024-06-15 10:30 (serial 45458.4375).
#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "support/eval.hpp"

namespace {

using folio::testing::batch_line;
using folio::testing::evaluate;
using folio::testing::evaluate_with;
using folio::testing::cells;

using folio::testing::line;

using folio::testing::line_with;

// Evaluates a formula that must give a number and returns it.
double number(std::string_view formula) {
    const folio::value v = evaluate(formula);
    INFO(formula << " gave " << batch_line(v));
    REQUIRE(v.is_number());
    return v.number();
}

}  // namespace

TEST_CASE("DATE builds serials with Excel's rollovers", "[date_time][date]") {
    CHECK(line("=DATE(2011,1,1)") == "number\t40544");
    // Years 0-1899 are added to 1900 (Microsoft: DATE(108,1,2) is January 2, 2008).
    CHECK(line("=DATE(108,1,2)") == "number\t39449");
    CHECK(line("=DATE(2008,14,2)") == "number\t39846");   // 2009-02-02
    CHECK(line("=DATE(2008,-3,2)") == "number\t39327");   // 2007-09-02
    CHECK(line("=DATE(2008,1,35)") == "number\t39482");   // 2008-02-04
    CHECK(line("=DATE(2008,1,-15)") == "number\t39432");  // 2007-12-16
    CHECK(line("=DATE(1900,1,1)") == "number\t1");
    CHECK(line("=DATE(1900,2,29)") == "number\t60");  // Excel's phantom leap day
    CHECK(line("=DATE(1900,3,1)") == "number\t61");
    CHECK(line("=DATE(1900,1,0)") == "number\t0");
    CHECK(line("=DATE(9999,12,31)") == "number\t2958465");
    CHECK(line("=DATE(2024.9,1.9,1.9)") == "number\t45292");  // arguments truncated
    CHECK(line("=DATE(10000,1,1)") == "error\t#NUM!");
    CHECK(line("=DATE(-1,1,1)") == "error\t#NUM!");
    CHECK(line("=DATE(1900,1,-1)") == "error\t#NUM!");
    CHECK(line("=DATE(\"x\",1,1)") == "error\t#VALUE!");
    CHECK(line("=DATE(\"2024\",\"2\",\"29\")") == "number\t45351");
}

TEST_CASE("TIME wraps at a day and refuses negative totals", "[date_time][time]") {
    CHECK(line("=TIME(12,0,0)") == "number\t0.5");
    CHECK(number("=TIME(16,48,10)") == Approx(0.7001157407407407).epsilon(1e-15));
    CHECK(number("=TIME(0,750,0)") == Approx(0.5208333333333334).epsilon(1e-15));
    CHECK(line("=TIME(27,0,0)") == "number\t0.125");
    CHECK(line("=TIME(24,0,0)") == "number\t0");
    CHECK(line("=TIME(1,-30,0)") == "number\t0.0208333333333333");
    CHECK(line("=TIME(0,0,-1)") == "error\t#NUM!");
    CHECK(line("=TIME(32768,0,0)") == "error\t#NUM!");
    CHECK(line("=TIME(1.9,0,0)") == "number\t0.0416666666666667");
}

TEST_CASE("TODAY and NOW read the workbook clock", "[date_time][today][now]") {
    CHECK(line("=TODAY()") == "number\t45458");
    CHECK(line("=NOW()") == "number\t45458.4375");
    CHECK(line("=YEAR(TODAY())") == "number\t2024");
}

TEST_CASE("YEAR, MONTH and DAY", "[date_time][year][month][day]") {
    CHECK(line("=YEAR(DATE(2008,7,5))") == "number\t2008");
    CHECK(line("=MONTH(\"15-Apr-2011\")") == "number\t4");
    CHECK(line("=DAY(\"15-Apr-2011\")") == "number\t15");
    CHECK(line("=DAY(\"2024-02-29\")") == "number\t29");
    // Serial 0 is 1900-01-00 and serial 60 is 1900-02-29.
    CHECK(line("=YEAR(0)") == "number\t1900");
    CHECK(line("=MONTH(0)") == "number\t1");
    CHECK(line("=DAY(0)") == "number\t0");
    CHECK(line("=MONTH(60)") == "number\t2");
    CHECK(line("=DAY(60)") == "number\t29");
    CHECK(line("=DAY(61)") == "number\t1");
    CHECK(line("=YEAR(2958465)") == "number\t9999");
    CHECK(line("=DAY(45458.9999)") == "number\t15");  // the time of day does not count
    CHECK(line("=YEAR(-1)") == "error\t#NUM!");
    CHECK(line("=YEAR(2958466)") == "error\t#NUM!");
    CHECK(line("=YEAR(\"x\")") == "error\t#VALUE!");
    CHECK(line_with({{"Sheet1!A1", ""}}, "=YEAR(A1)") == "number\t1900");
}

TEST_CASE("HOUR, MINUTE and SECOND round the time to the second", "[date_time][hour][minute][second]") {
    CHECK(line("=HOUR(0.75)") == "number\t18");
    CHECK(line("=HOUR(\"7/18/2011 7:45\")") == "number\t7");
    CHECK(line("=HOUR(\"4/21/2012\")") == "number\t0");
    CHECK(line("=MINUTE(\"12:45:00 PM\")") == "number\t45");
    CHECK(line("=SECOND(\"4:48:18 PM\")") == "number\t18");
    CHECK(line("=SECOND(\"4:48 PM\")") == "number\t0");
    CHECK(line("=HOUR(45458.4375)") == "number\t10");
    CHECK(line("=MINUTE(45458.4375)") == "number\t30");
    // 0:00:59.6 rounds to 0:01:00 and 23:59:59.6 to midnight.
    CHECK(line("=SECOND(59.6/86400)") == "number\t0");
    CHECK(line("=MINUTE(59.6/86400)") == "number\t1");
    CHECK(line("=HOUR(1-0.4/86400)") == "number\t0");
    CHECK(line("=SECOND(1-0.6/86400)") == "number\t59");
    CHECK(line("=HOUR(-0.5)") == "error\t#NUM!");
    CHECK(line("=SECOND(\"x\")") == "error\t#VALUE!");
}

TEST_CASE("WEEKDAY return types", "[date_time][weekday]") {
    // Microsoft: 14 February 2008 was a Thursday.
    CHECK(line("=WEEKDAY(DATE(2008,2,14))") == "number\t5");
    CHECK(line("=WEEKDAY(DATE(2008,2,14),2)") == "number\t4");
    CHECK(line("=WEEKDAY(DATE(2008,2,14),3)") == "number\t3");
    CHECK(line("=WEEKDAY(DATE(2008,2,14),11)") == "number\t4");  // Monday = 1
    CHECK(line("=WEEKDAY(DATE(2008,2,14),12)") == "number\t3");  // Tuesday = 1
    CHECK(line("=WEEKDAY(DATE(2008,2,14),14)") == "number\t1");  // Thursday = 1
    CHECK(line("=WEEKDAY(DATE(2008,2,14),16)") == "number\t6");  // Saturday = 1
    CHECK(line("=WEEKDAY(DATE(2008,2,14),17)") == "number\t5");  // Sunday = 1
    CHECK(line("=WEEKDAY(DATE(2008,2,14),2.7)") == "number\t4");
    // Excel takes 1900-01-01 (serial 1) for a Sunday and serial 0 for a Saturday.
    CHECK(line("=WEEKDAY(1)") == "number\t1");
    CHECK(line("=WEEKDAY(0)") == "number\t7");
    CHECK(line("=WEEKDAY(DATE(2008,2,14),4)") == "error\t#NUM!");
    CHECK(line("=WEEKDAY(DATE(2008,2,14),0)") == "error\t#NUM!");
    CHECK(line("=WEEKDAY(DATE(2008,2,14),18)") == "error\t#NUM!");
    CHECK(line("=WEEKDAY(-1)") == "error\t#NUM!");
}

TEST_CASE("WEEKNUM and ISOWEEKNUM", "[date_time][weeknum][isoweeknum]") {
    CHECK(line("=WEEKNUM(DATE(2012,3,9))") == "number\t10");
    CHECK(line("=WEEKNUM(DATE(2012,3,9),2)") == "number\t11");
    CHECK(line("=ISOWEEKNUM(DATE(2012,3,9))") == "number\t10");
    // 2021-01-01 was a Friday: week 1 everywhere, but ISO week 53 of 2020.
    CHECK(line("=WEEKNUM(DATE(2021,1,1))") == "number\t1");
    CHECK(line("=WEEKNUM(DATE(2021,1,3))") == "number\t2");    // Sunday starts week 2
    CHECK(line("=WEEKNUM(DATE(2021,1,3),2)") == "number\t1");  // ... unless weeks start Monday
    CHECK(line("=WEEKNUM(DATE(2021,1,2),16)") == "number\t2");  // Saturday starts week 2
    CHECK(line("=WEEKNUM(DATE(2021,1,1),21)") == "number\t53");
    CHECK(line("=ISOWEEKNUM(DATE(2021,1,1))") == "number\t53");
    CHECK(line("=ISOWEEKNUM(DATE(2021,1,4))") == "number\t1");
    CHECK(line("=ISOWEEKNUM(DATE(2024,12,30))") == "number\t1");
    CHECK(line("=WEEKNUM(DATE(2024,12,31))") == "number\t53");
    CHECK(line("=WEEKNUM(DATE(2012,3,9),3)") == "error\t#NUM!");
    CHECK(line("=WEEKNUM(DATE(2012,3,9),10)") == "error\t#NUM!");
    CHECK(line("=WEEKNUM(-1)") == "error\t#NUM!");
    CHECK(line("=ISOWEEKNUM(-1)") == "error\t#NUM!");
}

TEST_CASE("EDATE and EOMONTH", "[date_time][edate][eomonth]") {
    CHECK(line("=EDATE(DATE(2011,1,15),1)") == "number\t40589");
    CHECK(line("=EDATE(DATE(2011,1,15),-1)") == "number\t40527");
    CHECK(line("=EDATE(DATE(2011,1,15),2)") == "number\t40617");
    CHECK(line("=EDATE(DATE(2011,1,31),1)") == "number\t40602");  // clamped to 2011-02-28
    CHECK(line("=EDATE(DATE(2024,2,29),12)") == "number\t45716");  // 2025-02-28
    CHECK(line("=EDATE(DATE(2011,1,15)+0.75,1.9)") == "number\t40589");  // both truncated
    CHECK(line("=EDATE(\"2011-01-15\",1)") == "number\t40589");
    CHECK(line("=EOMONTH(DATE(2011,1,1),1)") == "number\t40602");
    CHECK(line("=EOMONTH(DATE(2011,1,1),-3)") == "number\t40482");
    CHECK(line("=EOMONTH(DATE(2024,1,31),1)") == "number\t45351");  // 2024-02-29
    CHECK(line("=EOMONTH(DATE(1900,1,15),1)") == "number\t60");     // Excel's 1900-02-29
    CHECK(line("=EOMONTH(DATE(2011,1,1),0.9)") == "number\t40574");
    CHECK(line("=EDATE(DATE(1900,1,15),-1)") == "error\t#NUM!");
    CHECK(line("=EOMONTH(DATE(9999,12,1),1)") == "error\t#NUM!");
    CHECK(line("=EDATE(-1,1)") == "error\t#NUM!");
    CHECK(line("=EOMONTH(\"x\",1)") == "error\t#VALUE!");
}

TEST_CASE("DAYS", "[date_time][days]") {
    CHECK(line("=DAYS(\"15-MAR-2021\",\"1-FEB-2021\")") == "number\t42");
    CHECK(line("=DAYS(DATE(2021,12,31),DATE(2021,1,1))") == "number\t364");
    CHECK(line("=DAYS(DATE(2021,1,1),DATE(2021,12,31))") == "number\t-364");
    CHECK(line("=DAYS(45000.9,45000.1)") == "number\t0");
    CHECK(line("=DAYS(\"x\",1)") == "error\t#VALUE!");
    CHECK(line("=DAYS(-1,1)") == "error\t#NUM!");
}

TEST_CASE("DATEDIF units", "[date_time][datedif]") {
    // Microsoft's examples.
    CHECK(line("=DATEDIF(\"2001/1/1\",\"2003/1/1\",\"Y\")") == "number\t2");
    CHECK(line("=DATEDIF(\"2001/6/1\",\"2002/8/15\",\"D\")") == "number\t440");
    CHECK(line("=DATEDIF(\"2001/6/1\",\"2002/8/15\",\"YD\")") == "number\t75");
    CHECK(line("=DATEDIF(DATE(2001,6,1),DATE(2002,8,15),\"M\")") == "number\t14");
    CHECK(line("=DATEDIF(DATE(2001,6,1),DATE(2002,8,15),\"YM\")") == "number\t2");
    CHECK(line("=DATEDIF(DATE(2001,6,1),DATE(2002,8,15),\"MD\")") == "number\t14");
    CHECK(line("=DATEDIF(DATE(2001,6,1),DATE(2002,8,15),\"md\")") == "number\t14");  // unit case-insensitive
    CHECK(line("=DATEDIF(DATE(2020,1,31),DATE(2020,2,29),\"M\")") == "number\t0");
    CHECK(line("=DATEDIF(DATE(2020,2,29),DATE(2021,2,28),\"Y\")") == "number\t0");
    CHECK(line("=DATEDIF(DATE(2020,2,29),DATE(2021,3,1),\"Y\")") == "number\t1");
    CHECK(line("=DATEDIF(DATE(2024,5,20),DATE(2024,5,20),\"D\")") == "number\t0");
}

TEST_CASE("DATEDIF's MD and YD quirks", "[date_time][datedif]") {
    // Microsoft warns that "MD" may give a negative number, zero or an inaccurate result:
    // the start day is placed in the month before the end month and rolls over.
    CHECK(line("=DATEDIF(DATE(2015,1,31),DATE(2015,3,1),\"MD\")") == "number\t-2");
    CHECK(line("=DATEDIF(DATE(2012,1,28),DATE(2012,3,1),\"MD\")") == "number\t2");
    CHECK(line("=DATEDIF(DATE(2011,1,29),DATE(2011,3,1),\"MD\")") == "number\t0");
    CHECK(line("=DATEDIF(DATE(2023,12,25),DATE(2024,1,5),\"MD\")") == "number\t11");
    // "YD" counts in the start's year: no leap day between 1988-06-22 and 1989-05-11.
    CHECK(line("=DATEDIF(DATE(1988,6,22),DATE(2012,5,11),\"YD\")") == "number\t323");
    CHECK(line("=DATEDIF(DATE(2023,12,25),DATE(2024,1,5),\"YD\")") == "number\t11");
}

TEST_CASE("DATEDIF errors", "[date_time][datedif]") {
    CHECK(line("=DATEDIF(DATE(2003,1,1),DATE(2001,1,1),\"Y\")") == "error\t#NUM!");
    CHECK(line("=DATEDIF(DATE(2001,1,1),DATE(2003,1,1),\"W\")") == "error\t#NUM!");
    CHECK(line("=DATEDIF(DATE(2001,1,1),DATE(2003,1,1),\"\")") == "error\t#NUM!");
    CHECK(line("=DATEDIF(-1,DATE(2003,1,1),\"D\")") == "error\t#NUM!");
    CHECK(line("=DATEDIF(\"x\",DATE(2003,1,1),\"D\")") == "error\t#VALUE!");
}

TEST_CASE("DATEVALUE and TIMEVALUE read en-US text", "[date_time][datevalue][timevalue]") {
    CHECK(line("=DATEVALUE(\"8/22/2011\")") == "number\t40777");
    CHECK(line("=DATEVALUE(\"22-MAY-2011\")") == "number\t40685");
    CHECK(line("=DATEVALUE(\"2011/02/23\")") == "number\t40597");
    CHECK(line("=DATEVALUE(\"5-JUL\")") == "number\t45478");  // the current year, 2024
    CHECK(line("=DATEVALUE(\"8/22/2011 6:35 AM\")") == "number\t40777");
    CHECK(line("=DATEVALUE(\"x\")") == "error\t#VALUE!");
    // Only text: a serial is #VALUE! (Microsoft: date_text must be text).
    CHECK(line("=DATEVALUE(40777)") == "error\t#VALUE!");
    CHECK(line("=DATEVALUE(TRUE)") == "error\t#VALUE!");
    CHECK(line("=TIMEVALUE(\"2:24 AM\")") == "number\t0.1");
    CHECK(number("=TIMEVALUE(\"22-Aug-2011 6:35 AM\")") == Approx(0.2743055555555556).epsilon(1e-14));
    CHECK(line("=TIMEVALUE(\"18:00\")") == "number\t0.75");
    CHECK(line("=TIMEVALUE(\"2011-08-22\")") == "number\t0");
    CHECK(line("=TIMEVALUE(0.5)") == "error\t#VALUE!");
    CHECK(line("=TIMEVALUE(\"noon\")") == "error\t#VALUE!");
}

TEST_CASE("YEARFRAC bases", "[date_time][yearfrac]") {
    // Microsoft: 2012-01-01 to 2012-07-30 is 0.58055556 (30/360), 0.57650273 (actual/actual)
    // and 0.57808219 (actual/365).
    CHECK(number("=YEARFRAC(DATE(2012,1,1),DATE(2012,7,30))") == Approx(209.0 / 360).epsilon(1e-15));
    CHECK(number("=YEARFRAC(DATE(2012,1,1),DATE(2012,7,30),1)") == Approx(211.0 / 366).epsilon(1e-15));
    CHECK(number("=YEARFRAC(DATE(2012,1,1),DATE(2012,7,30),3)") == Approx(211.0 / 365).epsilon(1e-15));
    CHECK(line("=ROUND(YEARFRAC(DATE(2012,1,1),DATE(2012,7,30),1),8)") == "number\t0.57650273");
    CHECK(number("=YEARFRAC(DATE(2012,1,1),DATE(2012,7,30),2)") == Approx(211.0 / 360).epsilon(1e-15));
    CHECK(number("=YEARFRAC(DATE(2012,1,1),DATE(2012,7,30),4)") == Approx(209.0 / 360).epsilon(1e-15));
    // Order does not matter; dates are truncated; basis is truncated.
    CHECK(number("=YEARFRAC(DATE(2012,7,30),DATE(2012,1,1))") == Approx(209.0 / 360).epsilon(1e-15));
    CHECK(number("=YEARFRAC(DATE(2012,1,1)+0.9,DATE(2012,7,30)+0.2,3.7)") == Approx(211.0 / 365).epsilon(1e-15));
    CHECK(line("=YEARFRAC(DATE(2012,1,1),DATE(2012,7,30),5)") == "error\t#NUM!");
    CHECK(line("=YEARFRAC(DATE(2012,1,1),DATE(2012,7,30),-1)") == "error\t#NUM!");
    CHECK(line("=YEARFRAC(-1,DATE(2012,7,30))") == "error\t#NUM!");
}

TEST_CASE("YEARFRAC US 30/360 end-of-month rules", "[date_time][yearfrac]") {
    // A start on the 31st counts as the 30th; an end on the 31st only when the start is the 30th/31st.
    CHECK(number("=YEARFRAC(DATE(2023,1,31),DATE(2023,3,31))") == Approx(60.0 / 360).epsilon(1e-15));
    CHECK(number("=YEARFRAC(DATE(2023,1,30),DATE(2023,3,31))") == Approx(60.0 / 360).epsilon(1e-15));
    CHECK(number("=YEARFRAC(DATE(2023,1,15),DATE(2023,3,31))") == Approx(76.0 / 360).epsilon(1e-15));
    // The last day of February counts as the 30th at the start, and at both ends.
    CHECK(number("=YEARFRAC(DATE(2023,2,28),DATE(2023,3,31))") == Approx(31.0 / 360).epsilon(1e-15));
    CHECK(number("=YEARFRAC(DATE(2023,2,28),DATE(2024,2,29))") == Approx(1.0).epsilon(1e-15));
    CHECK(number("=YEARFRAC(DATE(2024,2,28),DATE(2024,3,28))") == Approx(30.0 / 360).epsilon(1e-15));
    // European 30/360 moves every 31st to the 30th and leaves February alone.
    CHECK(number("=YEARFRAC(DATE(2023,1,15),DATE(2023,3,31),4)") == Approx(75.0 / 360).epsilon(1e-15));
    CHECK(number("=YEARFRAC(DATE(2023,2,28),DATE(2023,3,31),4)") == Approx(32.0 / 360).epsilon(1e-15));
}

TEST_CASE("YEARFRAC actual/actual", "[date_time][yearfrac]") {
    // Within a year: 365 unless a February 29 lies between the dates (or ends them).
    CHECK(number("=YEARFRAC(DATE(2023,1,1),DATE(2023,12,31),1)") == Approx(364.0 / 365).epsilon(1e-15));
    CHECK(number("=YEARFRAC(DATE(2023,6,1),DATE(2024,3,1),1)") == Approx(274.0 / 366).epsilon(1e-15));
    CHECK(number("=YEARFRAC(DATE(2023,3,1),DATE(2024,2,29),1)") == Approx(365.0 / 366).epsilon(1e-15));
    CHECK(number("=YEARFRAC(DATE(2023,6,1),DATE(2024,2,1),1)") == Approx(245.0 / 365).epsilon(1e-15));
    CHECK(number("=YEARFRAC(DATE(2024,1,1),DATE(2025,1,1),1)") == Approx(1.0).epsilon(1e-15));
    // Longer: the average length of the years touched (2023, 2024, 2025: 1096 / 3 days).
    CHECK(number("=YEARFRAC(DATE(2023,6,1),DATE(2025,6,1),1)") == Approx(731.0 / (1096.0 / 3)).epsilon(1e-15));
}

TEST_CASE("NETWORKDAYS matches Microsoft's example", "[date_time][networkdays]") {
    const cells example = {
        {"Sheet1!A2", "10/1/2012"},  {"Sheet1!A3", "3/1/2013"},  {"Sheet1!A4", "11/22/2012"},
        {"Sheet1!A5", "12/4/2012"},  {"Sheet1!A6", "1/21/2013"},
    };
    CHECK(line_with(example, "=NETWORKDAYS(A2,A3)") == "number\t110");
    CHECK(line_with(example, "=NETWORKDAYS(A2,A3,A4)") == "number\t109");
    CHECK(line_with(example, "=NETWORKDAYS(A2,A3,A4:A6)") == "number\t107");
    CHECK(line_with(example, "=NETWORKDAYS(A3,A2,A4:A6)") == "number\t-107");
    // Blank cells in the holiday range are ignored; a repeated holiday counts once.
    CHECK(line_with(example, "=NETWORKDAYS(A2,A3,A4:A8)") == "number\t107");
    CHECK(line_with(example, "=NETWORKDAYS(A2,A3,{\"11/22/2012\",41235})") == "number\t109");
}

TEST_CASE("NETWORKDAYS edge cases", "[date_time][networkdays]") {
    CHECK(line("=NETWORKDAYS(DATE(2024,6,15),DATE(2024,6,16))") == "number\t0");  // a weekend
    CHECK(line("=NETWORKDAYS(DATE(2024,6,17),DATE(2024,6,17))") == "number\t1");
    CHECK(line("=NETWORKDAYS(DATE(2024,6,17),DATE(2024,6,17),DATE(2024,6,17))") == "number\t0");
    CHECK(line("=NETWORKDAYS(DATE(2024,6,17),DATE(2024,6,23),DATE(2024,6,22))") == "number\t5");  // Saturday holiday
    CHECK(line("=NETWORKDAYS(DATE(2024,6,17)+0.9,DATE(2024,6,21)+0.1)") == "number\t5");
    CHECK(line("=NETWORKDAYS(DATE(2024,1,1),DATE(2024,12,31))") == "number\t262");
    CHECK(line("=NETWORKDAYS(-1,5)") == "error\t#NUM!");
    CHECK(line("=NETWORKDAYS(\"x\",5)") == "error\t#VALUE!");
    CHECK(line("=NETWORKDAYS(1,50,\"x\")") == "error\t#VALUE!");
    CHECK(line_with({{"Sheet1!A1", "1"}, {"Sheet1!A2", "#N/A"}}, "=NETWORKDAYS(1,50,A1:A2)") == "error\t#N/A");
    CHECK(line("=INDEX(NETWORKDAYS({45456,45457},45464),1,2)") == "number\t6");  // lifts over start dates
}

TEST_CASE("NETWORKDAYS.INTL weekends", "[date_time][networkdays_intl]") {
    // Microsoft's examples.
    CHECK(line("=NETWORKDAYS.INTL(DATE(2006,1,1),DATE(2006,1,31))") == "number\t22");
    CHECK(line("=NETWORKDAYS.INTL(DATE(2006,2,28),DATE(2006,1,31))") == "number\t-21");
    CHECK(line("=NETWORKDAYS.INTL(DATE(2006,1,1),DATE(2006,2,1),7,{\"2006/1/2\",\"2006/1/16\"})") == "number\t22");
    CHECK(line("=NETWORKDAYS.INTL(DATE(2006,1,1),DATE(2006,2,1),\"0010001\",{\"2006/1/2\",\"2006/1/16\"})") ==
          "number\t20");
    // 2024-06-17 (Monday) .. 2024-06-23 (Sunday): one week.
    CHECK(line("=NETWORKDAYS.INTL(DATE(2024,6,17),DATE(2024,6,23),1)") == "number\t5");
    CHECK(line("=NETWORKDAYS.INTL(DATE(2024,6,17),DATE(2024,6,23),11)") == "number\t6");
    CHECK(line("=NETWORKDAYS.INTL(DATE(2024,6,17),DATE(2024,6,23),17)") == "number\t6");
    CHECK(line("=NETWORKDAYS.INTL(DATE(2024,6,17),DATE(2024,6,23),\"0000000\")") == "number\t7");
    CHECK(line("=NETWORKDAYS.INTL(DATE(2024,6,17),DATE(2024,6,23),\"1111111\")") == "number\t0");
    CHECK(line("=NETWORKDAYS.INTL(DATE(2024,6,17),DATE(2024,6,23),,DATE(2024,6,18))") == "number\t4");
    CHECK(line("=NETWORKDAYS.INTL(DATE(2024,6,17),DATE(2024,6,23),8)") == "error\t#NUM!");
    CHECK(line("=NETWORKDAYS.INTL(DATE(2024,6,17),DATE(2024,6,23),0)") == "error\t#NUM!");
    CHECK(line("=NETWORKDAYS.INTL(DATE(2024,6,17),DATE(2024,6,23),\"000001\")") == "error\t#VALUE!");
    CHECK(line("=NETWORKDAYS.INTL(DATE(2024,6,17),DATE(2024,6,23),\"0000021\")") == "error\t#VALUE!");
}

TEST_CASE("WORKDAY matches Microsoft's example", "[date_time][workday]") {
    const cells example = {
        {"Sheet1!A2", "10/1/2008"},  {"Sheet1!A3", "151"},       {"Sheet1!A4", "11/26/2008"},
        {"Sheet1!A5", "12/4/2008"},  {"Sheet1!A6", "1/21/2009"},
    };
    CHECK(line_with(example, "=WORKDAY(A2,A3)") == "number\t39933");         // 2009-04-30
    CHECK(line_with(example, "=WORKDAY(A2,A3,A4:A6)") == "number\t39938");   // 2009-05-05
    CHECK(line_with(example, "=WORKDAY(WORKDAY(A2,A3,A4:A6),-A3,A4:A6)") == "number\t39722");
}

TEST_CASE("WORKDAY edge cases", "[date_time][workday]") {
    // 2024-06-15 is a Saturday.
    CHECK(line("=WORKDAY(DATE(2024,6,15),0)") == "number\t45458");
    CHECK(line("=WORKDAY(DATE(2024,6,15),1)") == "number\t45460");   // Monday the 17th
    CHECK(line("=WORKDAY(DATE(2024,6,15),-1)") == "number\t45457");  // Friday the 14th
    CHECK(line("=WORKDAY(DATE(2024,6,14),1)") == "number\t45460");
    CHECK(line("=WORKDAY(DATE(2024,6,14),1.9)") == "number\t45460");
    CHECK(line("=WORKDAY(DATE(2024,6,14),1,DATE(2024,6,17))") == "number\t45461");
    CHECK(line("=WORKDAY(DATE(2024,6,14),10)") == "number\t45471");
    CHECK(line("=WORKDAY(DATE(2024,6,14),-10)") == "number\t45443");
    CHECK(line("=WORKDAY(DATE(2024,1,1),260)") == "number\t45656");  // 2024-12-30
    CHECK(line("=WORKDAY(DATE(9999,12,31),1)") == "error\t#NUM!");
    CHECK(line("=WORKDAY(3,-5)") == "error\t#NUM!");
    CHECK(line("=WORKDAY(-1,5)") == "error\t#NUM!");
    CHECK(line("=WORKDAY(\"x\",5)") == "error\t#VALUE!");
}

TEST_CASE("WORKDAY.INTL weekends", "[date_time][workday_intl]") {
    // Microsoft: a weekend of 0 is #NUM!; Sunday-only and Saturday-only weekends.
    CHECK(line("=WORKDAY.INTL(DATE(2012,1,1),30,0)") == "error\t#NUM!");
    CHECK(line("=WORKDAY.INTL(DATE(2012,1,1),90,11)") == "number\t41013");
    CHECK(line("=WORKDAY.INTL(DATE(2012,1,1),30,17)") == "number\t40944");
    CHECK(line("=WORKDAY.INTL(DATE(2024,6,14),1,\"0000011\")") == "number\t45460");
    CHECK(line("=WORKDAY.INTL(DATE(2024,6,14),1,7)") == "number\t45459");  // Friday-Saturday off: Sunday works
    CHECK(line("=WORKDAY.INTL(DATE(2024,6,14),1,\"0000000\")") == "number\t45458");
    CHECK(line("=WORKDAY.INTL(DATE(2024,6,14),1,\"1111111\")") == "error\t#VALUE!");
    CHECK(line("=WORKDAY.INTL(DATE(2024,6,14),1,\"11\")") == "error\t#VALUE!");
    CHECK(line("=WORKDAY.INTL(DATE(2024,6,14),1,,DATE(2024,6,17))") == "number\t45461");
}

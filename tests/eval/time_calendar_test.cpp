// The report calendar: fiscal quarters and years, weeks starting on Sunday across a
// year end, the same period a year before (a leap day, ISO week 53), period lengths.
#include <catch2/catch.hpp>

#include "folio/engine/eval/time_period.hpp"
#include "folio/engine/serial_date.hpp"

using namespace folio;
using namespace folio::eval;
using report::time_grain;

namespace {

double d(int y, int m, int day) { return *serial_from_date(y, m, day); }

calendar_options fiscal(int month) {
    calendar_options c;
    c.fiscal_year_start = month;
    return c;
}

calendar_options weeks_from(int day) {
    calendar_options c;
    c.week_start = day;
    return c;
}

}  // namespace

TEST_CASE("fiscal quarters and years start in the fiscal year's first month", "[eval][time]") {
    const calendar_options april = fiscal(4);
    CHECK(period_start(d(2024, 2, 15), time_grain::quarter, april) == d(2024, 1, 1));
    CHECK(period_start(d(2024, 5, 20), time_grain::quarter, april) == d(2024, 4, 1));
    CHECK(period_start(d(2024, 12, 31), time_grain::quarter, april) == d(2024, 10, 1));
    CHECK(period_start(d(2024, 2, 15), time_grain::year, april) == d(2023, 4, 1));
    CHECK(period_start(d(2024, 4, 1), time_grain::year, april) == d(2024, 4, 1));
    CHECK(period_start(d(2024, 3, 31), time_grain::month, april) == d(2024, 3, 1));  // months are months
    // Labelled by the calendar year the fiscal year ends in.
    CHECK(period_label(d(2024, 1, 1), time_grain::quarter, april) == "FY2024-Q4");
    CHECK(period_label(d(2024, 4, 1), time_grain::quarter, april) == "FY2025-Q1");
    CHECK(period_label(d(2024, 10, 1), time_grain::quarter, april) == "FY2025-Q3");
    CHECK(period_label(d(2023, 4, 1), time_grain::year, april) == "FY2024");
    CHECK(period_label(d(2024, 4, 1), time_grain::year, april) == "FY2025");
    CHECK(shift_period(d(2024, 4, 1), time_grain::year, -1) == d(2023, 4, 1));
    CHECK(shift_period(d(2024, 4, 1), time_grain::quarter, -1) == d(2024, 1, 1));

    const calendar_options october = fiscal(10);
    CHECK(period_start(d(2024, 9, 30), time_grain::quarter, october) == d(2024, 7, 1));
    CHECK(period_label(d(2024, 7, 1), time_grain::quarter, october) == "FY2024-Q4");
    CHECK(period_label(d(2024, 10, 1), time_grain::quarter, october) == "FY2025-Q1");
    CHECK(period_start(d(2025, 1, 10), time_grain::year, october) == d(2024, 10, 1));

    const calendar_options february = fiscal(2);  // a quarter may start in the calendar year before
    CHECK(period_start(d(2024, 1, 15), time_grain::quarter, february) == d(2023, 11, 1));
    CHECK(period_label(d(2023, 11, 1), time_grain::quarter, february) == "FY2024-Q4");

    // January: calendar quarters and years, labelled as before.
    CHECK(period_label(d(2024, 10, 1), time_grain::quarter) == "2024-Q4");
    CHECK(period_label(d(2024, 1, 1), time_grain::year) == "2024");
}

TEST_CASE("weeks starting on Sunday across a year end", "[eval][time]") {
    const calendar_options sunday = weeks_from(0);
    CHECK(period_start(d(2025, 1, 4), time_grain::week, sunday) == d(2024, 12, 29));  // a Saturday
    CHECK(period_start(d(2024, 12, 29), time_grain::week, sunday) == d(2024, 12, 29));
    CHECK(period_start(d(2025, 1, 5), time_grain::week, sunday) == d(2025, 1, 5));
    CHECK(period_label(d(2024, 12, 29), time_grain::week, sunday) == "2024-12-29");
    CHECK(period_start(d(2025, 1, 4), time_grain::week, weeks_from(6)) == d(2025, 1, 4));  // Saturday weeks
    CHECK(period_start(d(2025, 1, 4), time_grain::week) == d(2024, 12, 30));               // ISO: Monday
    CHECK(period_label(d(2024, 12, 30), time_grain::week) == "2025-W01");
}

TEST_CASE("the same period a year before", "[eval][time]") {
    CHECK(year_ago_period(d(2024, 2, 29), time_grain::day) == d(2023, 2, 28));  // the leap day
    CHECK(year_ago_period(d(2025, 3, 1), time_grain::day) == d(2024, 3, 1));
    CHECK(year_ago_period(d(2024, 2, 1), time_grain::month) == d(2023, 2, 1));
    CHECK(year_ago_period(d(2024, 1, 1), time_grain::month) == d(2023, 1, 1));
    CHECK(year_ago_period(d(2024, 10, 1), time_grain::quarter) == d(2023, 10, 1));
    CHECK(year_ago_period(d(2024, 4, 1), time_grain::year, fiscal(4)) == d(2023, 4, 1));
    CHECK(year_ago_period(d(2024, 1, 1), time_grain::quarter, fiscal(4)) == d(2023, 1, 1));
    // ISO weeks: the week with the same number.
    CHECK(year_ago_period(d(2024, 3, 4), time_grain::week) == d(2023, 3, 6));     // W10
    CHECK(year_ago_period(d(2021, 1, 4), time_grain::week) == d(2019, 12, 30));   // W01 of 2021 → W01 of 2020
    CHECK(year_ago_period(d(2020, 12, 28), time_grain::week) == std::nullopt);    // 2020-W53: 2019 has 52 weeks
    CHECK(year_ago_period(d(2026, 12, 28), time_grain::week) == std::nullopt);    // 2026-W53
    CHECK(year_ago_period(d(2026, 12, 21), time_grain::week) == d(2025, 12, 22)); // 2026-W52 → 2025-W52
    // Other week starts: 52 weeks before, the same weekday.
    CHECK(year_ago_period(d(2025, 1, 5), time_grain::week, weeks_from(0)) == d(2024, 1, 7));
    CHECK(year_ago_period(d(1900, 6, 1), time_grain::month) == std::nullopt);  // before the 1900 date system
}

TEST_CASE("period lengths", "[eval][time]") {
    CHECK(period_days(d(2024, 2, 1), time_grain::month) == 29);
    CHECK(period_days(d(2023, 2, 1), time_grain::month) == 28);
    CHECK(period_days(d(2024, 3, 1), time_grain::month) == 31);
    CHECK(period_days(d(2024, 1, 1), time_grain::quarter) == 91);
    CHECK(period_days(d(2024, 1, 1), time_grain::year) == 366);
    CHECK(period_days(d(2023, 4, 1), time_grain::year) == 366);  // April 2023 to March 2024 holds February 29
    CHECK(period_days(d(2024, 3, 4), time_grain::week) == 7);
    CHECK(period_days(d(2024, 3, 4), time_grain::day) == 1);
}

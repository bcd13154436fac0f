// Periods of time dimensions: starts, shifts and labels, calendar-correct.
#include <catch2/catch.hpp>

#include "folio/engine/eval/time_period.hpp"
#include "folio/engine/serial_date.hpp"

using namespace folio;
using namespace folio::eval;
using report::time_grain;

namespace {

double d(int y, int m, int day) { return *serial_from_date(y, m, day); }

// A calendar whose weeks start on Sunday.
calendar_options sunday_weeks() {
    calendar_options c;
    c.week_start = 0;
    return c;
}

}  // namespace

TEST_CASE("period starts", "[eval]") {
    CHECK(period_start(d(2024, 2, 29) + 0.75, time_grain::day) == d(2024, 2, 29));
    CHECK(period_start(d(2024, 1, 31), time_grain::week) == d(2024, 1, 29));       // a Wednesday: Monday before
    CHECK(period_start(d(2024, 1, 29), time_grain::week) == d(2024, 1, 29));
    CHECK(period_start(d(2024, 3, 31), time_grain::week) == d(2024, 3, 25));       // a Sunday ends the ISO week
    CHECK(period_start(d(2024, 3, 31), time_grain::week, sunday_weeks()) == d(2024, 3, 31));  // or starts a Sunday week
    CHECK(period_start(d(2024, 2, 29), time_grain::month) == d(2024, 2, 1));
    CHECK(period_start(d(2024, 8, 15), time_grain::quarter) == d(2024, 7, 1));
    CHECK(period_start(d(2024, 12, 31), time_grain::year) == d(2024, 1, 1));
}

TEST_CASE("period shifts are calendar-correct", "[eval]") {
    CHECK(shift_period(d(2024, 3, 1), time_grain::month, -1) == d(2024, 2, 1));
    CHECK(shift_period(d(2024, 1, 1), time_grain::month, -1) == d(2023, 12, 1));
    CHECK(shift_period(d(2024, 1, 1), time_grain::quarter, -1) == d(2023, 10, 1));
    CHECK(shift_period(d(2024, 1, 1), time_grain::year, -1) == d(2023, 1, 1));
    CHECK(shift_period(d(2024, 1, 1), time_grain::week, 1) == d(2024, 1, 8));
    CHECK(shift_period(d(2024, 3, 1), time_grain::day, -1) == d(2024, 2, 29));
}

TEST_CASE("period labels", "[eval]") {
    CHECK(period_label(d(2024, 2, 29), time_grain::day) == "2024-02-29");
    CHECK(period_label(d(2024, 1, 1), time_grain::week) == "2024-W01");
    CHECK(period_label(d(2024, 12, 30), time_grain::week) == "2025-W01");         // the ISO year of its Thursday
    CHECK(period_label(d(2020, 12, 28), time_grain::week) == "2020-W53");
    CHECK(period_label(d(2024, 12, 29), time_grain::week, sunday_weeks()) == "2024-12-29");
    CHECK(period_label(d(2024, 12, 1), time_grain::month) == "2024-12");
    CHECK(period_label(d(2024, 10, 1), time_grain::quarter) == "2024-Q4");
    CHECK(period_label(d(2024, 1, 1), time_grain::year) == "2024");
    CHECK(iso_date_text(d(2024, 2, 29)) == "2024-02-29");
    CHECK(iso_date_text(d(2024, 2, 29) + 0.5) == "2024-02-29T12:00:00");
}

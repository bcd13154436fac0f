// Nice axis ticks: Heckbert's nice numbers with 1, 2, 2.5 and 5 × 10^n. Every expected
// scale below is worked out by hand from the algorithm: range = nice(hi - lo, ceiling),
// step = nice(range / (ticks - 1), rounded), first and last tick = floor/ceil of lo/hi
// in steps.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "../../templates/html/svg/nice_ticks.hpp"
#include "../../templates/html/svg/svg_text.hpp"

using folio::templates::svg::nice_number;
using folio::templates::svg::nice_scale;

namespace {

void check_ticks(double lo, double hi, bool zero, double resolution, const std::vector<double>& expected) {
    INFO("range [" << lo << ", " << hi << "] zero " << zero << " resolution " << resolution);
    const auto s = nice_scale(lo, hi, zero, resolution);
    REQUIRE(s.ticks.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) CHECK(s.ticks[i] == Approx(expected[i]).margin(1e-12));
    CHECK(s.min == Approx(expected.front()).margin(1e-12));
    CHECK(s.max == Approx(expected.back()).margin(1e-12));
}

}  // namespace

TEST_CASE("nice numbers round to 1, 2, 2.5, 5 or 10 times a power of ten", "[svg][ticks]") {
    CHECK(nice_number(1.4, true) == 1);
    CHECK(nice_number(1.6, true) == 2);
    CHECK(nice_number(2.3, true) == 2.5);
    CHECK(nice_number(3.8, true) == 5);
    CHECK(nice_number(7.6, true) == 10);
    CHECK(nice_number(12.5, true) == 10);
    CHECK(nice_number(0.0031, false) == Approx(0.005));
    CHECK(nice_number(101, false) == 200);
    CHECK(nice_number(2.5, false) == 2.5);
    CHECK(nice_number(2.51, false) == 5);
    CHECK(nice_number(5.01, false) == 10);
}

TEST_CASE("nice scales for ordinary, negative, equal, single and empty data", "[svg][ticks]") {
    // 0..100: range 100, step nice(25) = 25.
    check_ticks(0, 100, true, 0, {0, 25, 50, 75, 100});
    check_ticks(0, 1, true, 0, {0, 0.25, 0.5, 0.75, 1});
    // 3..97 from zero: range nice(97) = 100, step 25.
    check_ticks(3, 97, true, 0, {0, 25, 50, 75, 100});
    // All negative, from zero: -37..0, range nice(37) = 50, step nice(12.5) = 10.
    check_ticks(-37, -5, true, 0, {-40, -30, -20, -10, 0});
    // All negative, not from zero: -37..-21, range nice(16) = 20, step 5.
    check_ticks(-37, -21, false, 0, {-40, -35, -30, -25, -20});
    // Crossing zero: range nice(42) = 50, step 10.
    check_ticks(-12, 30, false, 0, {-20, -10, 0, 10, 20, 30});
    // All equal: a band of a tenth either side (45..55), step nice(2.5) = 2.5.
    check_ticks(50, 50, false, 0, {45, 47.5, 50, 52.5, 55});
    // ... and from zero: 0..50, step nice(12.5) = 10.
    check_ticks(50, 50, true, 0, {0, 10, 20, 30, 40, 50});
    // One point at zero, and no data at all: 0..1.
    check_ticks(0, 0, false, 0, {0, 0.25, 0.5, 0.75, 1});
    check_ticks(NAN, NAN, true, 0, {0, 0.25, 0.5, 0.75, 1});
    check_ticks(NAN, NAN, false, 0, {0, 0.25, 0.5, 0.75, 1});
    // Large and small magnitudes.
    check_ticks(1234, 98765, true, 0, {0, 25000, 50000, 75000, 100000});
    check_ticks(0.001, 0.004, false, 0, {0.001, 0.002, 0.003, 0.004});
    // Decimal steps come out exact (no 0.30000000000000004).
    const auto s = nice_scale(0.1, 0.5, false);
    REQUIRE(s.ticks.size() == 5);
    CHECK(folio::templates::svg::num(s.ticks[2]) == "0.3");
    CHECK(s.ticks[2] == 0.3);
}

TEST_CASE("steps stay multiples of what the axis format can show", "[svg][ticks]") {
    // "0": 2.5 is not a whole number, so 45..55 goes up to step 5.
    check_ticks(50, 50, false, 1, {45, 50, 55});
    // 0..7 from zero: step nice(2.5) = 2.5, too fine for "0" → 5.
    check_ticks(0, 7, true, 1, {0, 5, 10});
    // A percentage "0%" (resolution 0.01): 0.71..0.93, range nice(0.22) = 0.25, step nice(0.0625) = 0.05.
    check_ticks(0.71, 0.93, false, 0.01, {0.7, 0.75, 0.8, 0.85, 0.9, 0.95});
    // Tiny data under "0": the step is at least 1.
    check_ticks(0.2, 0.6, true, 1, {0, 1});
}

TEST_CASE("the format's resolution is the smallest power of ten it shows", "[svg][ticks]") {
    using folio::templates::svg::value_formatter;
    CHECK(value_formatter("0", "", "en-US").resolution() == 1);
    CHECK(value_formatter("0%", "", "en-US").resolution() == Approx(0.01));
    CHECK(value_formatter("0.0%", "", "en-US").resolution() == Approx(0.001));
    CHECK(value_formatter("#,##0.00", "", "es-ES").resolution() == Approx(0.01));
    CHECK(value_formatter("$#,##0", "", "en-US").resolution() == 1);
    CHECK(value_formatter("", "", "en-US").resolution() == 0);  // General shows any value
}

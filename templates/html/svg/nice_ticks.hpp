// Nice axis ticks: Heckbert's "nice numbers" (Graphics Gems, 1990) with the steps
// 1, 2, 2.5 and 5 × 10^n, so an axis reads 0, 25, 50, 75, 100 rather than 0, 23, 46, ...
//
// The scale always covers the data (loose labelling: the first and last ticks are at or
// beyond the smallest and largest value) and handles the awkward ranges: no values at
// all (0 to 1), one value or all values equal (a band around them), all negative. A
// `resolution` (the smallest step the axis's number format can show, 1 for "0", 0.01
// for "0%") keeps steps the format can label: no 2.5 under a format without decimals.
#pragma once

#include <vector>

namespace folio::templates::svg {

struct axis_scale {
    double min = 0, max = 1, step = 0.25;
    std::vector<double> ticks;   // min, min + step, ..., max
};

/// Returns Heckbert's nice number near x > 0: rounded to the closest of 1, 2, 2.5, 5, 10 × 10^n
/// when `round`, else the smallest of them not below x.
double nice_number(double x, bool round);

/// Returns a scale over [lo, hi] (NaN for "no values") with about `target_ticks` ticks; with
/// `include_zero` the scale reaches 0 (bars grow from it). Steps are multiples of
/// `resolution` when it is positive.
axis_scale nice_scale(double lo, double hi, bool include_zero, double resolution = 0, int target_ticks = 5);

}  // namespace folio::templates::svg

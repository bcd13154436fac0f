// Nice axis ticks (see nice_ticks.hpp).
#include "html/svg/nice_ticks.hpp"

#include <algorithm>
#include <cmath>

namespace folio::templates::svg {
namespace {

// Removes the binary noise of k * step (0.30000000000000004 → 0.3): 12 significant digits
// are far more than an axis shows and far fewer than a double holds.
double clean(double x) {
    if (x == 0) return 0;
    const double magnitude = std::pow(10.0, 11 - std::floor(std::log10(std::fabs(x))));
    return std::round(x * magnitude) / magnitude;
}

// The next nice step above `step`: 1 → 2 → 2.5 → 5 → 10 (× 10^n).
double next_step(double step) {
    const double power = std::pow(10.0, std::floor(std::log10(step)));
    const double fraction = clean(step / power);
    if (fraction < 2) return clean(2 * power);
    if (fraction < 2.5) return clean(2.5 * power);
    if (fraction < 5) return clean(5 * power);
    return clean(10 * power);
}

bool multiple_of(double step, double resolution) {
    const double ratio = step / resolution;
    return ratio >= 1 - 1e-9 && std::fabs(ratio - std::round(ratio)) < 1e-9 * ratio;
}

}  // namespace

double nice_number(double x, bool round) {
    const double power = std::pow(10.0, std::floor(std::log10(x)));
    const double fraction = x / power;
    double nice;
    if (round) {
        nice = fraction < 1.5 ? 1 : fraction < 2.25 ? 2 : fraction < 3.75 ? 2.5 : fraction < 7.5 ? 5 : 10;
    } else {
        nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
    }
    return clean(nice * power);
}

axis_scale nice_scale(double lo, double hi, bool include_zero, double resolution, int target_ticks) {
    if (!std::isfinite(lo) || !std::isfinite(hi)) lo = hi = 0;
    if (lo > hi) std::swap(lo, hi);
    if (include_zero) {
        lo = std::min(lo, 0.0);
        hi = std::max(hi, 0.0);
    }
    if (lo == hi) {
        // One value (or none): a band around it, from 0 when it is 0 or the axis must reach 0.
        if (lo == 0) {
            hi = 1;
        } else {
            const double pad = std::fabs(lo) / 10;
            lo -= pad;
            hi += pad;
        }
    }
    target_ticks = std::max(target_ticks, 2);
    const double range = nice_number(hi - lo, false);
    double step = nice_number(range / (target_ticks - 1), true);
    if (resolution > 0) {
        step = std::max(step, resolution);
        for (int guard = 0; guard < 8 && !multiple_of(step, resolution); ++guard) step = next_step(step);
    }
    axis_scale s;
    s.step = step;
    // The first and last ticks: whole steps at or beyond the data (a tiny tolerance keeps a value
    // that is already a tick, such as 100 with step 25, from adding one more step).
    const double first = std::floor(lo / step + 1e-9);
    const double last = std::ceil(hi / step - 1e-9);
    s.min = clean(first * step);
    s.max = clean(last * step);
    for (double k = first; k <= last + 0.5; ++k) s.ticks.push_back(clean(k * step));
    return s;
}

}  // namespace folio::templates::svg

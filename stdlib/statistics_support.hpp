// Private helpers shared by stdlib/math.cpp and stdlib/statistics.cpp.
//
// Excel rounds on a number's decimal value (15 significant digits), not on its binary
// approximation, so ROUND(1.005,2) is 1.01 and FLOOR(1.5,0.1) is 1.5; round_decimal does
// that once for ROUND, ROUNDUP, ROUNDDOWN, TRUNC, INT, CEILING, FLOOR and PERCENTRANK.
// The statistical kernels (variance, median, mode, k-th value, percentiles) work on a
// vector of numbers so that the statistics functions and SUBTOTAL/AGGREGATE share one
// definition of each. Not a public header: nothing outside stdlib/ includes it.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <optional>
#include <span>
#include <unordered_map>
#include <vector>

#include "folio/engine/aggregate.hpp"
#include "folio/engine/coerce.hpp"
#include "folio/engine/function.hpp"
#include "folio/engine/value.hpp"

namespace folio::stats {

// How round_decimal treats the digits it drops.
enum class round_mode {
    half_away,  // ROUND: half away from zero
    away,       // ROUNDUP: away from zero
    toward,     // ROUNDDOWN, TRUNC: toward zero
    floor,      // INT: toward minus infinity
    ceiling,    // toward plus infinity
};

// Rounds x to `digits` decimal places (negative: to the left of the point) on its
// 15-significant-digit decimal value; the result may be infinite when it overflows.
inline double round_decimal(double x, double digits_arg, round_mode mode) {
    if (!std::isfinite(x) || x == 0.0) return x;
    const double clamped = std::clamp(std::trunc(digits_arg), -1000.0, 1000.0);
    const int digits = static_cast<int>(clamped);
    const bool negative = x < 0;
    const bool grow = mode == round_mode::away || (mode == round_mode::floor && negative) ||
                      (mode == round_mode::ceiling && !negative);

    char buf[48];
    std::snprintf(buf, sizeof buf, "%.14e", std::fabs(x));  // d.dddddddddddddde±XX
    char mantissa[15];
    mantissa[0] = buf[0];
    std::memcpy(mantissa + 1, buf + 2, 14);
    const int exponent = std::atoi(std::strchr(buf, 'e') + 1);
    const long kept = static_cast<long>(exponent) + digits + 1;  // digits left of the cut

    if (kept >= 15) {
        // Every significant digit survives; only the binary value can still carry a
        // fraction (numbers beyond 15 digits), so finish in binary.
        if (digits > 0) return x;
        const double scale = std::pow(10.0, -digits);
        double y = std::fabs(x) / scale;
        switch (mode) {
            case round_mode::half_away: y = std::round(y); break;
            case round_mode::toward: y = std::trunc(y); break;
            default: y = grow ? std::ceil(y) : std::floor(y); break;
        }
        const double r = y * scale;
        return negative ? -r : r;
    }

    std::int64_t whole = 0;
    for (long i = 0; i < kept; ++i) whole = whole * 10 + (mantissa[i] - '0');
    bool up = false;
    if (mode == round_mode::half_away) {
        up = kept >= 0 && mantissa[kept] >= '5';
    } else if (grow) {
        for (long i = std::max(kept, 0L); i < 15 && !up; ++i) up = mantissa[i] != '0';
    }
    if (up) ++whole;
    if (whole == 0) return 0.0;
    char out[48];
    std::snprintf(out, sizeof out, "%lldE%d", static_cast<long long>(whole), -digits);
    const double r = std::strtod(out, nullptr);
    return negative ? -r : r;
}

// The largest integer not above x's 15-digit decimal value (so 14.999999999999998 is 15).
inline double approx_floor(double x) { return round_decimal(x, 0, round_mode::floor); }
// The smallest integer not below x's 15-digit decimal value.
inline double approx_ceil(double x) { return round_decimal(x, 0, round_mode::ceiling); }

// True when a and b agree to about 15 significant digits (relative difference < 2^-48).
inline bool approx_equal(double a, double b) {
    if (a == b) return true;
    if (a == 0.0 || b == 0.0) return false;
    const double d = std::fabs(a - b);
    const double e48 = 1.0 / 281474976710656.0;
    return std::isfinite(d) && d < std::fabs(a) * e48 && d < std::fabs(b) * e48;
}

// a - b, but exactly 0 when a and b agree to 15 digits (so 6.3 - 3*2.1 is 0).
inline double approx_sub(double a, double b) {
    if (((a < 0 && b < 0) || (a > 0 && b > 0)) && approx_equal(a, b)) return 0.0;
    return a - b;
}

// Reads one argument as a single number: a reference through implicit intersection, an
// array through its top-left element, errors as themselves, then Excel's to_number.
inline or_error<double> scalar_number(const value& arg, call_context& ctx) {
    if (arg.is_reference()) return scalar_number(to_scalar(arg, ctx), ctx);
    if (arg.is_array()) {
        const array& a = arg.array_value();
        if (a.rows() == 0 || a.cols() == 0) return error_code::value;
        return scalar_number(a.at(0, 0), ctx);
    }
    if (arg.is_error()) return arg.error();
    return to_number(arg);
}

// Collects the numbers one argument contributes under Excel's aggregate rules
// (numbers only inside references and arrays, conversion for a direct value).
inline std::optional<error_code> numbers_of(const value& arg, call_context& ctx, std::vector<double>& out) {
    const arguments one(std::span<const value>(&arg, 1), 0);
    return for_each_number(one, ctx, count_rule::numbers, [&](double x) { out.push_back(x); });
}

// Collects the numbers of arguments [first, size) for SUBTOTAL and AGGREGATE: numbers
// only inside references and arrays; errors are returned, or skipped when skip_errors.
// True when cell (r, c) of a reference grid holds another SUBTOTAL or AGGREGATE,
// which SUBTOTAL and AGGREGATE skip.
inline bool is_subtotal_at(const grid& g, std::int32_t r, std::int32_t c, call_context& ctx) {
    const reference* ref = g.ref();
    return ref != nullptr && ref->on != nullptr && ctx.is_subtotal_cell(*ref->on, ref->row0 + r, ref->col0 + c);
}

inline std::optional<error_code> reference_numbers(const arguments& args, std::size_t first, call_context& ctx,
                                                   bool skip_errors, std::vector<double>& out) {
    for (std::size_t i = first; i < args.size(); ++i) {
        const value& arg = args[i];
        if (args.omitted(i)) continue;
        if (arg.is_reference() || arg.is_array()) {
            grid g(arg, ctx);
            std::optional<error_code> failure;
            g.for_each([&](std::int32_t r, std::int32_t c, const value& v) {
                if (failure || is_subtotal_at(g, r, c, ctx)) return;
                if (v.is_number()) out.push_back(v.number());
                else if (v.is_error() && !skip_errors) failure = v.error();
            });
            if (failure) return failure;
            continue;
        }
        if (arg.is_error()) {
            if (skip_errors) continue;
            return arg.error();
        }
        auto n = to_number(arg);
        if (n) out.push_back(*n);
        else if (!skip_errors) return n.error();
    }
    return std::nullopt;
}

// Counts what COUNT (numbers_only) or COUNTA would count in arguments [first, size)
// for SUBTOTAL and AGGREGATE: cells of references and arrays, and direct values.
inline double reference_count(const arguments& args, std::size_t first, call_context& ctx, bool numbers_only,
                              bool skip_errors) {
    double count = 0;
    auto counts = [&](const value& v) {
        if (v.is_blank()) return false;
        if (v.is_error()) return !numbers_only && !skip_errors;
        return !numbers_only || v.is_number();
    };
    for (std::size_t i = first; i < args.size(); ++i) {
        const value& arg = args[i];
        if (args.omitted(i)) continue;
        if (arg.is_reference() || arg.is_array()) {
            grid g(arg, ctx);
            g.for_each([&](std::int32_t r, std::int32_t c, const value& v) {
                if (counts(v) && !is_subtotal_at(g, r, c, ctx)) ++count;
            });
        } else if (numbers_only ? to_number(arg).ok() && !arg.is_error() : counts(arg)) {
            ++count;
        }
    }
    return count;
}

// Sums numbers left to right, as Excel does.
inline double sum_of(const std::vector<double>& xs) {
    double s = 0;
    for (double x : xs) s += x;
    return s;
}

// The product of the numbers; 0 when there are none (PRODUCT of an empty range is 0).
inline double product_of(const std::vector<double>& xs) {
    if (xs.empty()) return 0.0;
    double p = 1;
    for (double x : xs) p *= x;
    return p;
}

// The arithmetic mean; #DIV/0! when there are no numbers.
inline or_error<double> mean_of(const std::vector<double>& xs) {
    if (xs.empty()) return error_code::div0;
    return sum_of(xs) / static_cast<double>(xs.size());
}

// The variance with the corrected two-pass algorithm (sample: n-1 denominator);
// #DIV/0! when there are too few numbers.
inline or_error<double> variance_of(const std::vector<double>& xs, bool sample) {
    const std::size_t n = xs.size();
    if (n == 0 || (sample && n < 2)) return error_code::div0;
    const double mean = sum_of(xs) / static_cast<double>(n);
    double sum_d = 0, sum_d2 = 0;
    for (double x : xs) {
        const double d = x - mean;
        sum_d += d;
        sum_d2 += d * d;
    }
    const double ss = sum_d2 - sum_d * sum_d / static_cast<double>(n);
    const double var = std::max(0.0, ss) / static_cast<double>(sample ? n - 1 : n);
    if (!std::isfinite(var)) return error_code::num;
    return var;
}

// The standard deviation (square root of variance_of).
inline or_error<double> stdev_of(const std::vector<double>& xs, bool sample) {
    auto v = variance_of(xs, sample);
    if (!v) return v.error();
    return std::sqrt(*v);
}

// The largest number, or 0 when there are none (MAX of an empty range is 0).
inline double max_of(const std::vector<double>& xs) {
    if (xs.empty()) return 0.0;
    return *std::max_element(xs.begin(), xs.end());
}

// The smallest number, or 0 when there are none.
inline double min_of(const std::vector<double>& xs) {
    if (xs.empty()) return 0.0;
    return *std::min_element(xs.begin(), xs.end());
}

// The median (mean of the two middle numbers for an even count); #NUM! when empty.
inline or_error<double> median_of(std::vector<double> xs) {
    if (xs.empty()) return error_code::num;
    const std::size_t n = xs.size(), mid = n / 2;
    std::nth_element(xs.begin(), xs.begin() + static_cast<std::ptrdiff_t>(mid), xs.end());
    const double upper = xs[mid];
    if (n % 2 == 1) return upper;
    const double lower = *std::max_element(xs.begin(), xs.begin() + static_cast<std::ptrdiff_t>(mid));
    return (lower + upper) / 2;
}

// The most frequent number; among equally frequent ones the one that appears first in
// the arguments' order. #N/A when no number repeats.
inline or_error<double> mode_of(const std::vector<double>& xs) {
    std::unordered_map<double, std::size_t> counts;
    std::size_t best = 0;
    for (double x : xs) best = std::max(best, ++counts[x]);
    if (best < 2) return error_code::na;
    for (double x : xs)
        if (counts[x] == best) return x;
    return error_code::na;
}

// The k-th largest (or smallest) number; #NUM! when k < 1 or k exceeds the count. A
// fractional k is rounded up by LARGE and down by SMALL (LARGE(k) is SMALL(n+1-k) in
// Excel; LibreOffice's CalculateSmallLarge does the same).
inline or_error<double> kth_of(std::vector<double> xs, double k, bool largest) {
    const double kk = largest ? approx_ceil(k) : approx_floor(k);
    if (xs.empty() || kk < 1 || kk > static_cast<double>(xs.size())) return error_code::num;
    const auto index = static_cast<std::ptrdiff_t>(kk) - 1;
    if (largest)
        std::nth_element(xs.begin(), xs.begin() + index, xs.end(), std::greater<double>());
    else
        std::nth_element(xs.begin(), xs.begin() + index, xs.end());
    return xs[static_cast<std::size_t>(index)];
}

// Interpolates the sorted numbers at the 0-based fractional position `rank`.
inline double interpolate_sorted(const std::vector<double>& sorted, double rank) {
    double whole = approx_floor(rank);
    whole = std::clamp(whole, 0.0, static_cast<double>(sorted.size() - 1));
    const auto i = static_cast<std::size_t>(whole);
    const double fraction = std::clamp(rank - whole, 0.0, 1.0);
    if (i + 1 >= sorted.size() || fraction == 0.0) return sorted[i];
    return sorted[i] + fraction * (sorted[i + 1] - sorted[i]);
}

// PERCENTILE.INC on numbers (sorted in place): k in [0, 1] else #NUM!; #NUM! when empty.
inline or_error<double> percentile_inc(std::vector<double>& xs, double k) {
    if (xs.empty() || k < 0 || k > 1) return error_code::num;
    std::sort(xs.begin(), xs.end());
    return interpolate_sorted(xs, k * static_cast<double>(xs.size() - 1));
}

// PERCENTILE.EXC on numbers (sorted in place): the 1-based rank k*(n+1) must lie in [1, n].
inline or_error<double> percentile_exc(std::vector<double>& xs, double k) {
    if (xs.empty() || k <= 0 || k >= 1) return error_code::num;
    const double n = static_cast<double>(xs.size());
    const double rank = k * (n + 1);
    const double r15 = round_to_15_digits(rank);
    if (r15 < 1 || r15 > n) return error_code::num;
    std::sort(xs.begin(), xs.end());
    return interpolate_sorted(xs, rank - 1);
}

// QUARTILE.INC: quart truncated, 0..4 else #NUM!.
inline or_error<double> quartile_inc(std::vector<double>& xs, double quart) {
    const double q = std::trunc(quart);
    if (q < 0 || q > 4) return error_code::num;
    return percentile_inc(xs, q / 4);
}

// QUARTILE.EXC: quart truncated, 1..3 else #NUM!.
inline or_error<double> quartile_exc(std::vector<double>& xs, double quart) {
    const double q = std::trunc(quart);
    if (q < 1 || q > 3) return error_code::num;
    return percentile_exc(xs, q / 4);
}

// Applies f (scalar value -> value) to v, or to each cell of v when it is an array or a
// multi-cell reference, giving an array of results (LARGE(A1:A9,{1,2,3}) spills).
template <class F>
value map_scalar(const value& v, call_context& ctx, F&& f) {
    if (v.is_array() || (v.is_reference() && !v.ref().is_single_cell())) {
        grid g(v, ctx);
        std::vector<value> cells;
        cells.reserve(static_cast<std::size_t>(g.size()));
        for (std::int32_t r = 0; r < g.rows(); ++r)
            for (std::int32_t c = 0; c < g.cols(); ++c) cells.push_back(f(g.at(r, c)));
        return make_array(g.rows(), g.cols(), std::move(cells));
    }
    if (v.is_reference()) return f(to_scalar(v, ctx));
    return f(v);
}

// Turns an or_error<double> into a value, with non-finite numbers as #NUM!.
inline value number_result(const or_error<double>& r) {
    if (!r) return r.error();
    if (!std::isfinite(*r)) return error_code::num;
    return *r;
}

}  // namespace folio::stats

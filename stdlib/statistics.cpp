// The statistics family: averages, counts, extremes, order statistics (median, mode,
// percentiles, quartiles, k-th values, ranks), spread (variance, standard deviation)
// and two-variable regression (CORREL, SLOPE, INTERCEPT, FORECAST).
//
// Argument rules follow aggregate.hpp: a value typed directly as an argument is
// converted (TRUE is 1, "2" is 2, "x" is #VALUE!), while inside references and arrays
// only numbers count; the "A" functions (AVERAGEA, MAXA, MINA) also count text as 0 and
// booleans as 1/0 there. COUNT and COUNTA are non-strict because error arguments are
// counted or skipped, never returned. Two-variable functions keep only the positions
// where both arrays hold numbers. The numerical kernels live in statistics_support.hpp,
// shared with SUBTOTAL and AGGREGATE in math.cpp.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "folio/engine/aggregate.hpp"
#include "folio/engine/coerce.hpp"
#include "folio/engine/function.hpp"
#include "folio/stdlib/builtins.hpp"
#include "statistics_support.hpp"

namespace folio {

// Collects the numbers of all arguments under `rule`, or returns the first error.
static std::optional<error_code> gather(const arguments& args, call_context& ctx, count_rule rule, std::vector<double>& out) {
    return for_each_number(args, ctx, rule, [&](double x) { out.push_back(x); });
}

// Reads optional argument i as one number, `fallback` when absent or omitted.
static or_error<double> optional_number(const arguments& args, std::size_t i, call_context& ctx, double fallback) {
    if (!args.has(i)) return fallback;
    return stats::scalar_number(args[i], ctx);
}

// ---- averages, counts, extremes ----------------------------------------------------

// Averages the numbers; #DIV/0! when there are none.
static value average_impl(const arguments& args, call_context& ctx) {
    std::vector<double> xs;
    if (auto e = gather(args, ctx, count_rule::numbers, xs)) return *e;
    return stats::number_result(stats::mean_of(xs));
}

// Averages values counting text in ranges as 0 and booleans as 1/0.
static value averagea_impl(const arguments& args, call_context& ctx) {
    std::vector<double> xs;
    if (auto e = gather(args, ctx, count_rule::all_values, xs)) return *e;
    return stats::number_result(stats::mean_of(xs));
}

// Counts numbers: in ranges and arrays only numbers; direct numbers, booleans, numeric
// text and omitted arguments also count; errors never do.
static value count_impl(const arguments& args, call_context& ctx) {
    double n = 0;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const value& arg = args[i];
        if (args.omitted(i)) {
            ++n;
        } else if (arg.is_reference() || arg.is_array()) {
            grid(arg, ctx).for_each([&](std::int32_t, std::int32_t, const value& v) {
                if (v.is_number()) ++n;
            });
        } else if (arg.is_number() || arg.is_boolean()) {
            ++n;
        } else if (arg.is_text() && text_to_number(arg.text())) {
            ++n;
        }
    }
    return n;
}

// Counts non-blank values, errors and empty text ("") included.
static value counta_impl(const arguments& args, call_context& ctx) {
    double n = 0;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const value& arg = args[i];
        if (args.omitted(i)) {
            ++n;
        } else if (arg.is_reference() || arg.is_array()) {
            grid(arg, ctx).for_each([&](std::int32_t, std::int32_t, const value& v) {
                if (!v.is_blank()) ++n;
            });
        } else if (!arg.is_blank()) {
            ++n;
        }
    }
    return n;
}

// Counts the blank cells of a range, cells holding empty text ("") included.
static value countblank_impl(const arguments& args, call_context& ctx) {
    const value& arg = args[0];
    auto empty = [](const value& v) { return v.is_blank() || (v.is_text() && v.text().empty()); };
    if (!arg.is_reference() && !arg.is_array()) return empty(arg) ? 1.0 : 0.0;
    grid g(arg, ctx);
    double filled = 0;
    g.for_each([&](std::int32_t, std::int32_t, const value& v) {
        if (!empty(v)) ++filled;
    });
    return static_cast<double>(g.size()) - filled;
}

// Returns the largest number; 0 when there are none.
static value max_impl(const arguments& args, call_context& ctx) {
    std::vector<double> xs;
    if (auto e = gather(args, ctx, count_rule::numbers, xs)) return *e;
    return stats::max_of(xs);
}

// Returns the smallest number; 0 when there are none.
static value min_impl(const arguments& args, call_context& ctx) {
    std::vector<double> xs;
    if (auto e = gather(args, ctx, count_rule::numbers, xs)) return *e;
    return stats::min_of(xs);
}

// Returns the largest value, text in ranges as 0 and booleans as 1/0; 0 when none.
static value maxa_impl(const arguments& args, call_context& ctx) {
    std::vector<double> xs;
    if (auto e = gather(args, ctx, count_rule::all_values, xs)) return *e;
    return stats::max_of(xs);
}

// Returns the smallest value, text in ranges as 0 and booleans as 1/0; 0 when none.
static value mina_impl(const arguments& args, call_context& ctx) {
    std::vector<double> xs;
    if (auto e = gather(args, ctx, count_rule::all_values, xs)) return *e;
    return stats::min_of(xs);
}

// Returns the geometric mean; #NUM! when empty or when a number is <= 0. The product is
// kept as mantissa and binary exponent so it neither overflows nor loses digits.
static value geomean_impl(const arguments& args, call_context& ctx) {
    std::vector<double> xs;
    if (auto e = gather(args, ctx, count_rule::numbers, xs)) return *e;
    if (xs.empty()) return error_code::num;
    double mantissa = 1;
    long long exponent = 0;
    for (double x : xs) {
        if (x <= 0) return error_code::num;
        int e = 0;
        mantissa = std::frexp(mantissa * x, &e);
        exponent += e;
    }
    const double n = static_cast<double>(xs.size());
    const auto whole = static_cast<long long>(std::floor(static_cast<double>(exponent) / n));
    const double rest = static_cast<double>(exponent - whole * static_cast<long long>(xs.size()));
    const double root = std::pow(mantissa, 1.0 / n) * std::exp2(rest / n);
    return stats::number_result(std::ldexp(root, static_cast<int>(std::clamp(whole, -100000LL, 100000LL))));
}

// ---- order statistics --------------------------------------------------------------

// Returns the median; #NUM! when there are no numbers.
static value median_impl(const arguments& args, call_context& ctx) {
    std::vector<double> xs;
    if (auto e = gather(args, ctx, count_rule::numbers, xs)) return *e;
    return stats::number_result(stats::median_of(std::move(xs)));
}

// Returns the most frequent number, the first in argument order among ties; #N/A
// when no number repeats.
static value mode_impl(const arguments& args, call_context& ctx) {
    std::vector<double> xs;
    if (auto e = gather(args, ctx, count_rule::numbers, xs)) return *e;
    return stats::number_result(stats::mode_of(xs));
}

// Collects the numbers of argument 0 (an array) and maps `f(numbers, k)` over argument 1,
// so an array of k gives an array of results.
template <class F>
static value with_data_and_k(const arguments& args, call_context& ctx, F&& f) {
    std::vector<double> xs;
    if (auto e = stats::numbers_of(args[0], ctx, xs)) return *e;
    return stats::map_scalar(args[1], ctx, [&](const value& kv) -> value {
        auto k = stats::scalar_number(kv, ctx);
        if (!k) return k.error();
        std::vector<double> copy = xs;
        return stats::number_result(f(copy, *k));
    });
}

// Returns the k-th percentile, k in [0, 1], interpolating between ranks k*(n-1).
static value percentile_inc_impl(const arguments& args, call_context& ctx) {
    return with_data_and_k(args, ctx, [](std::vector<double>& xs, double k) { return stats::percentile_inc(xs, k); });
}

// Returns the k-th percentile, k in (0, 1) exclusive, at 1-based rank k*(n+1).
static value percentile_exc_impl(const arguments& args, call_context& ctx) {
    return with_data_and_k(args, ctx, [](std::vector<double>& xs, double k) { return stats::percentile_exc(xs, k); });
}

// Returns quartile 0-4 (minimum, Q1, median, Q3, maximum) as PERCENTILE.INC does.
static value quartile_inc_impl(const arguments& args, call_context& ctx) {
    return with_data_and_k(args, ctx, [](std::vector<double>& xs, double q) { return stats::quartile_inc(xs, q); });
}

// Returns quartile 1-3 as PERCENTILE.EXC does.
static value quartile_exc_impl(const arguments& args, call_context& ctx) {
    return with_data_and_k(args, ctx, [](std::vector<double>& xs, double q) { return stats::quartile_exc(xs, q); });
}

// Returns the k-th largest number (k rounded up); #NUM! when k is out of range.
static value large_impl(const arguments& args, call_context& ctx) {
    return with_data_and_k(args, ctx,
                           [](std::vector<double>& xs, double k) { return stats::kth_of(std::move(xs), k, true); });
}

// Returns the k-th smallest number (k rounded up); #NUM! when k is out of range.
static value small_impl(const arguments& args, call_context& ctx) {
    return with_data_and_k(args, ctx,
                           [](std::vector<double>& xs, double k) { return stats::kth_of(std::move(xs), k, false); });
}

// Ranks a number among the numbers of a reference (descending unless order is nonzero);
// ties share the top rank, or their average rank when `average`; #N/A when absent.
static value rank_with(const arguments& args, call_context& ctx, bool average) {
    std::vector<double> xs;
    if (auto e = stats::numbers_of(args[1], ctx, xs)) return *e;
    auto order = optional_number(args, 2, ctx, 0.0);
    if (!order) return order.error();
    const bool ascending = *order != 0;
    return stats::map_scalar(args[0], ctx, [&](const value& v) -> value {
        auto x = stats::scalar_number(v, ctx);
        if (!x) return x.error();
        double before = 0, equal = 0;
        for (double y : xs) {
            if (y == *x) ++equal;
            else if (ascending ? y < *x : y > *x) ++before;
        }
        if (equal == 0) return error_code::na;
        return average ? before + (equal + 1) / 2 : before + 1;
    });
}

// Ranks a number; ties share the top rank.
static value rank_eq_impl(const arguments& args, call_context& ctx) { return rank_with(args, ctx, false); }

// Ranks a number; ties get their average rank.
static value rank_avg_impl(const arguments& args, call_context& ctx) { return rank_with(args, ctx, true); }

// Returns the rank of x in the numbers as a fraction of n-1, interpolated between
// neighbours and truncated (not rounded) to `significance` digits (default 3); #N/A
// when x lies outside the numbers, #NUM! when empty or significance < 1.
static value percentrank_inc_impl(const arguments& args, call_context& ctx) {
    std::vector<double> xs;
    if (auto e = stats::numbers_of(args[0], ctx, xs)) return *e;
    auto significance = optional_number(args, 2, ctx, 3.0);
    if (!significance) return significance.error();
    const double digits = std::trunc(*significance);
    if (digits < 1) return error_code::num;
    std::sort(xs.begin(), xs.end());
    return stats::map_scalar(args[1], ctx, [&](const value& v) -> value {
        auto x = stats::scalar_number(v, ctx);
        if (!x) return x.error();
        if (xs.empty()) return error_code::num;
        if (*x < xs.front() || *x > xs.back()) return error_code::na;
        const std::size_t n = xs.size();
        if (n == 1) return 1.0;
        const auto smaller = static_cast<std::size_t>(std::lower_bound(xs.begin(), xs.end(), *x) - xs.begin());
        double rank;
        if (xs[smaller] == *x) {
            rank = static_cast<double>(smaller);
        } else {
            const double lo = xs[smaller - 1], hi = xs[smaller];
            rank = static_cast<double>(smaller - 1) + (*x - lo) / (hi - lo);
        }
        return stats::number_result(
            stats::round_decimal(rank / static_cast<double>(n - 1), digits, stats::round_mode::toward));
    });
}

// ---- spread ------------------------------------------------------------------------

// Computes a variance or standard deviation of the numbers of all arguments.
static value spread(const arguments& args, call_context& ctx, bool sample, bool root) {
    std::vector<double> xs;
    if (auto e = gather(args, ctx, count_rule::numbers, xs)) return *e;
    return stats::number_result(root ? stats::stdev_of(xs, sample) : stats::variance_of(xs, sample));
}

// Returns the sample standard deviation; #DIV/0! for fewer than two numbers.
static value stdev_s_impl(const arguments& args, call_context& ctx) { return spread(args, ctx, true, true); }

// Returns the population standard deviation; #DIV/0! when there are no numbers.
static value stdev_p_impl(const arguments& args, call_context& ctx) { return spread(args, ctx, false, true); }

// Returns the sample variance; #DIV/0! for fewer than two numbers.
static value var_s_impl(const arguments& args, call_context& ctx) { return spread(args, ctx, true, false); }

// Returns the population variance; #DIV/0! when there are no numbers.
static value var_p_impl(const arguments& args, call_context& ctx) { return spread(args, ctx, false, false); }

// ---- two variables -----------------------------------------------------------------

namespace {

// Sums of one set of (x, y) pairs, centred on their means. Kept in long double so that
// results such as INTERCEPT's mean_y - slope * mean_x keep their 15 significant digits.
struct paired_sums {
    long double n = 0, mean_x = 0, mean_y = 0, sxx = 0, syy = 0, sxy = 0;
};

}  // namespace

// Reads two equally sized arrays or references position by position, keeping the
// positions where both hold numbers; #N/A when the sizes differ, else the first error.
static or_error<paired_sums> read_pairs(const value& ys_arg, const value& xs_arg, call_context& ctx) {
    const grid gy(ys_arg, ctx), gx(xs_arg, ctx);
    if (gy.size() != gx.size()) return error_code::na;
    auto extent = [](const grid& g) { return static_cast<std::int64_t>(g.used_rows()) * g.cols(); };
    auto at = [](const grid& g, std::int64_t i) -> const value& {
        const auto r = static_cast<std::int32_t>(i / g.cols()), c = static_cast<std::int32_t>(i % g.cols());
        if (r >= g.used_rows() || c >= g.used_cols()) return call_context::blank_value();
        return g.at(r, c);
    };
    std::vector<double> xs, ys;
    const std::int64_t limit = std::max(extent(gy), extent(gx));
    for (std::int64_t i = 0; i < limit; ++i) {
        const value& y = at(gy, i);
        const value& x = at(gx, i);
        if (y.is_error()) return y.error();
        if (x.is_error()) return x.error();
        if (x.is_number() && y.is_number()) {
            xs.push_back(x.number());
            ys.push_back(y.number());
        }
    }
    paired_sums s;
    s.n = static_cast<long double>(xs.size());
    if (xs.empty()) return s;
    long double sum_x = 0, sum_y = 0;
    for (std::size_t i = 0; i < xs.size(); ++i) {
        sum_x += xs[i];
        sum_y += ys[i];
    }
    s.mean_x = sum_x / s.n;
    s.mean_y = sum_y / s.n;
    for (std::size_t i = 0; i < xs.size(); ++i) {
        const long double dx = xs[i] - s.mean_x, dy = ys[i] - s.mean_y;
        s.sxx += dx * dx;
        s.syy += dy * dy;
        s.sxy += dx * dy;
    }
    return s;
}

// Returns a long double result as a value, #NUM! when it is not finite.
static value long_result(long double r) { return stats::number_result(static_cast<double>(r)); }

// Returns the Pearson correlation coefficient; #DIV/0! when either set has no spread.
static value correl_impl(const arguments& args, call_context& ctx) {
    auto s = read_pairs(args[0], args[1], ctx);
    if (!s) return s.error();
    if (s->n == 0 || s->sxx == 0 || s->syy == 0) return error_code::div0;
    const long double r = s->sxy / (std::sqrt(s->sxx) * std::sqrt(s->syy));
    return long_result(std::clamp(r, -1.0L, 1.0L));
}

// Returns the least-squares slope of known_y's on known_x's; #DIV/0! when the x's have
// no spread.
static value slope_impl(const arguments& args, call_context& ctx) {
    auto s = read_pairs(args[0], args[1], ctx);
    if (!s) return s.error();
    if (s->n == 0 || s->sxx == 0) return error_code::div0;
    return long_result(s->sxy / s->sxx);
}

// Returns where the least-squares line of known_y's on known_x's crosses x = 0.
static value intercept_impl(const arguments& args, call_context& ctx) {
    auto s = read_pairs(args[0], args[1], ctx);
    if (!s) return s.error();
    if (s->n == 0 || s->sxx == 0) return error_code::div0;
    return long_result(s->mean_y - s->sxy / s->sxx * s->mean_x);
}

// Predicts y at x on the least-squares line of known_y's on known_x's.
static value forecast_impl(const arguments& args, call_context& ctx) {
    auto s = read_pairs(args[1], args[2], ctx);
    if (!s) return s.error();
    const paired_sums sums = *s;
    return stats::map_scalar(args[0], ctx, [&](const value& v) -> value {
        auto x = stats::scalar_number(v, ctx);
        if (!x) return x.error();
        if (sums.n == 0 || sums.sxx == 0) return error_code::div0;
        return long_result(sums.mean_y + sums.sxy / sums.sxx * (*x - sums.mean_x));
    });
}

// clang-format off
static const function_def statistics_functions[] = {
    {"AVERAGE", 1, variadic, fn_strict, average_impl, nullptr,
     "Returns the arithmetic mean of numbers.", "=AVERAGE(1,2,6) → 3"},
    {"AVERAGEA", 1, variadic, fn_strict, averagea_impl, nullptr,
     "Returns the mean, counting text in ranges as 0 and booleans as 1/0.", "=AVERAGEA(1,TRUE) → 1"},
    {"COUNT", 1, variadic, fn_non_strict, count_impl, nullptr,
     "Counts numbers.", "=COUNT(1,\"2\",\"x\") → 2"},
    {"COUNTA", 1, variadic, fn_non_strict, counta_impl, nullptr,
     "Counts non-blank values, errors and empty text included.", "=COUNTA(1,\"x\",NA()) → 3"},
    {"COUNTBLANK", 1, 1, fn_strict, countblank_impl, nullptr,
     "Counts the blank cells of a range, \"\" included.", "=COUNTBLANK(A1:A3) → 3"},
    {"MAX", 1, variadic, fn_strict, max_impl, nullptr,
     "Returns the largest number; 0 when there are none.", "=MAX(1,5,3) → 5"},
    {"MIN", 1, variadic, fn_strict, min_impl, nullptr,
     "Returns the smallest number; 0 when there are none.", "=MIN(4,2,8) → 2"},
    {"MAXA", 1, variadic, fn_strict, maxa_impl, nullptr,
     "Returns the largest value, text as 0 and booleans as 1/0.", "=MAXA(-1,FALSE) → 0"},
    {"MINA", 1, variadic, fn_strict, mina_impl, nullptr,
     "Returns the smallest value, text as 0 and booleans as 1/0.", "=MINA(1,TRUE) → 1"},
    {"MEDIAN", 1, variadic, fn_strict, median_impl, nullptr,
     "Returns the median of numbers.", "=MEDIAN(1,2,3,4) → 2.5"},
    {"MODE.SNGL", 1, variadic, fn_strict | fn_future, mode_impl, nullptr,
     "Returns the most frequent number.", "=MODE.SNGL(1,2,2,3) → 2"},
    {"MODE", 1, variadic, fn_strict, mode_impl, nullptr,
     "Returns the most frequent number (legacy name of MODE.SNGL).", "=MODE(1,2,2,3) → 2"},
    {"PERCENTILE.INC", 2, 2, fn_strict | fn_future, percentile_inc_impl, nullptr,
     "Returns the k-th percentile, k in [0, 1] inclusive.", "=PERCENTILE.INC({1,2,3,4},0.3) → 1.9"},
    {"PERCENTILE.EXC", 2, 2, fn_strict | fn_future, percentile_exc_impl, nullptr,
     "Returns the k-th percentile, k in (0, 1) exclusive.", "=PERCENTILE.EXC({1,2,3,4},0.4) → 2"},
    {"PERCENTILE", 2, 2, fn_strict, percentile_inc_impl, nullptr,
     "Returns the k-th percentile (legacy name of PERCENTILE.INC).", "=PERCENTILE({1,2,3,4},0.3) → 1.9"},
    {"QUARTILE.INC", 2, 2, fn_strict | fn_future, quartile_inc_impl, nullptr,
     "Returns a quartile (0-4), inclusive method.", "=QUARTILE.INC({1,2,4,7,8,9,10,12},1) → 3.5"},
    {"QUARTILE.EXC", 2, 2, fn_strict | fn_future, quartile_exc_impl, nullptr,
     "Returns a quartile (1-3), exclusive method.", "=QUARTILE.EXC({6,7,15,36,39,40,41,42,43,47,49},1) → 15"},
    {"QUARTILE", 2, 2, fn_strict, quartile_inc_impl, nullptr,
     "Returns a quartile (legacy name of QUARTILE.INC).", "=QUARTILE({1,2,4,7,8,9,10,12},1) → 3.5"},
    {"STDEV.S", 1, variadic, fn_strict | fn_future, stdev_s_impl, nullptr,
     "Returns the sample standard deviation.", "=STDEV.S(2,4,4,4,5,5,7,9) → 2.13808993529939"},
    {"STDEV.P", 1, variadic, fn_strict | fn_future, stdev_p_impl, nullptr,
     "Returns the population standard deviation.", "=STDEV.P(2,4,4,4,5,5,7,9) → 2"},
    {"STDEV", 1, variadic, fn_strict, stdev_s_impl, nullptr,
     "Returns the sample standard deviation (legacy name of STDEV.S).", "=STDEV(1,3) → 1.4142135623731"},
    {"STDEVP", 1, variadic, fn_strict, stdev_p_impl, nullptr,
     "Returns the population standard deviation (legacy name of STDEV.P).", "=STDEVP(1,3) → 1"},
    {"VAR.S", 1, variadic, fn_strict | fn_future, var_s_impl, nullptr,
     "Returns the sample variance.", "=VAR.S(1,2,3,4) → 1.66666666666667"},
    {"VAR.P", 1, variadic, fn_strict | fn_future, var_p_impl, nullptr,
     "Returns the population variance.", "=VAR.P(1,2,3,4) → 1.25"},
    {"VAR", 1, variadic, fn_strict, var_s_impl, nullptr,
     "Returns the sample variance (legacy name of VAR.S).", "=VAR(1,3) → 2"},
    {"VARP", 1, variadic, fn_strict, var_p_impl, nullptr,
     "Returns the population variance (legacy name of VAR.P).", "=VARP(1,3) → 1"},
    {"LARGE", 2, 2, fn_strict, large_impl, nullptr,
     "Returns the k-th largest number.", "=LARGE({3,5,4},1) → 5"},
    {"SMALL", 2, 2, fn_strict, small_impl, nullptr,
     "Returns the k-th smallest number.", "=SMALL({3,5,4},1) → 3"},
    {"RANK.EQ", 2, 3, fn_strict | fn_future, rank_eq_impl, nullptr,
     "Ranks a number in a list; ties share the top rank.", "=RANK.EQ(4,{7,4,4,1}) → 2"},
    {"RANK.AVG", 2, 3, fn_strict | fn_future, rank_avg_impl, nullptr,
     "Ranks a number in a list; ties get their average rank.", "=RANK.AVG(4,{7,4,4,1}) → 2.5"},
    {"RANK", 2, 3, fn_strict, rank_eq_impl, nullptr,
     "Ranks a number in a list (legacy name of RANK.EQ).", "=RANK(4,{7,4,4,1}) → 2"},
    {"GEOMEAN", 1, variadic, fn_strict, geomean_impl, nullptr,
     "Returns the geometric mean of positive numbers.", "=GEOMEAN(2,8) → 4"},
    {"PERCENTRANK.INC", 2, 3, fn_strict | fn_future, percentrank_inc_impl, nullptr,
     "Returns the percentage rank of a value, truncated to significance digits.",
     "=PERCENTRANK.INC({1,2,3,4,5,6,7,8,9,10},4) → 0.333"},
    {"PERCENTRANK", 2, 3, fn_strict, percentrank_inc_impl, nullptr,
     "Returns the percentage rank of a value (legacy name of PERCENTRANK.INC).",
     "=PERCENTRANK({1,2,3,4,5,6,7,8,9,10},4) → 0.333"},
    {"CORREL", 2, 2, fn_strict, correl_impl, nullptr,
     "Returns the correlation coefficient of two arrays.", "=CORREL({1,2,3},{2,4,7}) → 0.99339926779878"},
    {"SLOPE", 2, 2, fn_strict, slope_impl, nullptr,
     "Returns the slope of the regression line of known_y's on known_x's.", "=SLOPE({2,4,6},{1,2,3}) → 2"},
    {"INTERCEPT", 2, 2, fn_strict, intercept_impl, nullptr,
     "Returns the intercept of the regression line of known_y's on known_x's.", "=INTERCEPT({3,5,7},{1,2,3}) → 1"},
    {"FORECAST.LINEAR", 3, 3, fn_strict | fn_future, forecast_impl, nullptr,
     "Predicts a value on the linear regression line.", "=FORECAST.LINEAR(4,{3,5,7},{1,2,3}) → 9"},
    {"FORECAST", 3, 3, fn_strict, forecast_impl, nullptr,
     "Predicts a value on the linear regression line (legacy name).", "=FORECAST(4,{3,5,7},{1,2,3}) → 9"},
};
// clang-format on

void register_statistics_functions(function_registry& r) {
    for (const auto& f : statistics_functions) r.add(f);
}

}  // namespace folio

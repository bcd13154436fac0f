// The math family: sums and products, rounding, integer parts, powers and logarithms,
// random numbers, SUBTOTAL/AGGREGATE and SEQUENCE.
//
// Rounding works on a number's 15-significant-digit decimal value (see
// statistics_support.hpp), so ROUND(1.005,2) is 1.01 as in Excel, and CEILING/FLOOR/MROUND
// divide by the significance without tripping over 1.5/0.1 = 15.000000000000002.
// Scalar functions are fn_lifts rows, so =ROUND(A1:A3,1) maps element-wise; the
// aggregates read references themselves through for_each_number (direct arguments
// converted, cells of ranges taken only when they are numbers).
//
// SUBTOTAL and AGGREGATE skip cells holding other SUBTOTAL/AGGREGATE formulas, as
// Excel does. Known gap: the engine has no hidden rows, so SUBTOTAL 101-111 and
// AGGREGATE's "ignore hidden rows" options behave like their plain forms.
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "folio/engine/aggregate.hpp"
#include "folio/engine/coerce.hpp"
#include "folio/engine/function.hpp"
#include "folio/stdlib/builtins.hpp"
#include "statistics_support.hpp"

namespace folio {

using stats::round_mode;

// Reads argument i as one number (Excel's conversions; errors as themselves).
static or_error<double> number_arg(const arguments& args, std::size_t i, call_context& ctx) {
    return stats::scalar_number(args[i], ctx);
}

// Reads optional argument i as one number, `fallback` when it is absent or omitted.
static or_error<double> optional_number(const arguments& args, std::size_t i, call_context& ctx, double fallback) {
    if (!args.has(i)) return fallback;
    return number_arg(args, i, ctx);
}

// Returns x as a value, #NUM! when it is infinite or NaN, and 0 for -0.
static value finite(double x) {
    if (!std::isfinite(x)) return error_code::num;
    if (x == 0.0) return 0.0;
    return x;
}

// ---- aggregates --------------------------------------------------------------------

// Adds the numbers of all arguments.
static value sum_impl(const arguments& args, call_context& ctx) {
    double sum = 0;
    if (auto e = for_each_number(args, ctx, count_rule::numbers, [&](double x) { sum += x; })) return *e;
    return finite(sum);
}

// Multiplies the numbers of all arguments; 0 when there are none.
static value product_impl(const arguments& args, call_context& ctx) {
    double product = 1;
    bool any = false;
    if (auto e = for_each_number(args, ctx, count_rule::numbers, [&](double x) {
            product *= x;
            any = true;
        }))
        return *e;
    return finite(any ? product : 0.0);
}

// Adds the squares of the numbers of all arguments.
static value sumsq_impl(const arguments& args, call_context& ctx) {
    double sum = 0;
    if (auto e = for_each_number(args, ctx, count_rule::numbers, [&](double x) { sum += x * x; })) return *e;
    return finite(sum);
}

// Sums the element-wise products of equally sized arrays; non-numbers count as 0, an
// error anywhere is the result, different sizes are #VALUE!.
static value sumproduct_impl(const arguments& args, call_context& ctx) {
    std::vector<grid> grids;
    grids.reserve(args.size());
    for (const value& arg : args) grids.emplace_back(arg, ctx);
    std::int32_t rows = grids[0].used_rows(), cols = grids[0].used_cols();
    for (const grid& g : grids) {
        if (g.rows() != grids[0].rows() || g.cols() != grids[0].cols()) return error_code::value;
        rows = std::min(rows, g.used_rows());
        cols = std::min(cols, g.used_cols());
    }
    for (const grid& g : grids) {
        std::optional<error_code> failure;
        g.for_each([&](std::int32_t, std::int32_t, const value& v) {
            if (!failure && v.is_error()) failure = v.error();
        });
        if (failure) return *failure;
    }
    double sum = 0;
    for (std::int32_t r = 0; r < rows; ++r) {
        for (std::int32_t c = 0; c < cols; ++c) {
            double product = 1;
            for (const grid& g : grids) {
                const value& v = g.at(r, c);
                if (!v.is_number()) {
                    product = 0;
                    break;
                }
                product *= v.number();
            }
            sum += product;
        }
    }
    return finite(sum);
}

// ---- rounding ----------------------------------------------------------------------

// Rounds argument 0 to argument 1's digits (default 0) in the given mode.
static value round_with(const arguments& args, call_context& ctx, round_mode mode) {
    auto x = number_arg(args, 0, ctx);
    if (!x) return x.error();
    auto digits = optional_number(args, 1, ctx, 0.0);
    if (!digits) return digits.error();
    return finite(stats::round_decimal(*x, *digits, mode));
}

// Rounds half away from zero to a number of digits.
static value round_impl(const arguments& args, call_context& ctx) { return round_with(args, ctx, round_mode::half_away); }

// Rounds away from zero to a number of digits.
static value roundup_impl(const arguments& args, call_context& ctx) { return round_with(args, ctx, round_mode::away); }

// Rounds toward zero to a number of digits.
static value rounddown_impl(const arguments& args, call_context& ctx) { return round_with(args, ctx, round_mode::toward); }

// Truncates toward zero to a number of digits (default 0).
static value trunc_impl(const arguments& args, call_context& ctx) { return round_with(args, ctx, round_mode::toward); }

// Rounds down to the nearest integer (toward minus infinity).
static value int_impl(const arguments& args, call_context& ctx) {
    auto x = number_arg(args, 0, ctx);
    if (!x) return x.error();
    return finite(stats::approx_floor(*x));
}

// Multiplies the 15-digit integer k by the significance, cleaned to 15 digits.
static value times_significance(double k, double significance) {
    return finite(round_to_15_digits(k * significance));
}

// Rounds to the nearest multiple (half away from zero); #NUM! when the signs differ.
static value mround_impl(const arguments& args, call_context& ctx) {
    auto x = number_arg(args, 0, ctx);
    if (!x) return x.error();
    auto m = number_arg(args, 1, ctx);
    if (!m) return m.error();
    if (*m == 0 || *x == 0) return 0.0;
    if ((*x < 0) != (*m < 0)) return error_code::num;
    // The quotient is rounded in binary, as Excel does: MROUND(6.05,0.1) is 6, not 6.1.
    return times_significance(std::round(*x / *m), *m);
}

// Rounds up to a multiple of significance: toward zero for a negative number with a
// positive significance, away from zero when both are negative; #NUM! for a positive
// number with a negative significance; 0 for a zero significance.
static value ceiling_impl(const arguments& args, call_context& ctx) {
    auto x = number_arg(args, 0, ctx);
    if (!x) return x.error();
    auto s = number_arg(args, 1, ctx);
    if (!s) return s.error();
    if (*x == 0 || *s == 0) return 0.0;
    if (*x > 0 && *s < 0) return error_code::num;
    return times_significance(stats::approx_ceil(*x / *s), *s);
}

// Rounds down to a multiple of significance: away from zero for a negative number with
// a positive significance, toward zero when both are negative; #NUM! for a positive
// number with a negative significance; #DIV/0! for a zero significance.
static value floor_impl(const arguments& args, call_context& ctx) {
    auto x = number_arg(args, 0, ctx);
    if (!x) return x.error();
    auto s = number_arg(args, 1, ctx);
    if (!s) return s.error();
    if (*x == 0) return 0.0;
    if (*s == 0) return error_code::div0;
    if (*x > 0 && *s < 0) return error_code::num;
    return times_significance(stats::approx_floor(*x / *s), *s);
}

// Rounds up (toward plus infinity) to a multiple of |significance| (default 1); a
// nonzero mode rounds negative numbers away from zero instead.
static value ceiling_math_impl(const arguments& args, call_context& ctx) {
    auto x = number_arg(args, 0, ctx);
    if (!x) return x.error();
    auto s = optional_number(args, 1, ctx, 1.0);
    if (!s) return s.error();
    auto mode = optional_number(args, 2, ctx, 0.0);
    if (!mode) return mode.error();
    const double sig = std::fabs(*s);
    if (*x == 0 || sig == 0) return 0.0;
    const double q = *x / sig;
    const bool away = *x < 0 && *mode != 0;
    return times_significance(away ? stats::approx_floor(q) : stats::approx_ceil(q), sig);
}

// Rounds down (toward minus infinity) to a multiple of |significance| (default 1); a
// nonzero mode rounds negative numbers toward zero instead.
static value floor_math_impl(const arguments& args, call_context& ctx) {
    auto x = number_arg(args, 0, ctx);
    if (!x) return x.error();
    auto s = optional_number(args, 1, ctx, 1.0);
    if (!s) return s.error();
    auto mode = optional_number(args, 2, ctx, 0.0);
    if (!mode) return mode.error();
    const double sig = std::fabs(*s);
    if (*x == 0 || sig == 0) return 0.0;
    const double q = *x / sig;
    const bool toward = *x < 0 && *mode != 0;
    return times_significance(toward ? stats::approx_ceil(q) : stats::approx_floor(q), sig);
}

// ---- arithmetic --------------------------------------------------------------------

// Returns the absolute value.
static value abs_impl(const arguments& args, call_context& ctx) {
    auto x = number_arg(args, 0, ctx);
    if (!x) return x.error();
    return finite(std::fabs(*x));
}

// Returns the remainder with the divisor's sign; #DIV/0! for a zero divisor.
static value mod_impl(const arguments& args, call_context& ctx) {
    auto x = number_arg(args, 0, ctx);
    if (!x) return x.error();
    auto d = number_arg(args, 1, ctx);
    if (!d) return d.error();
    if (*d == 0) return error_code::div0;
    const double q = stats::approx_floor(*x / *d);
    if (!std::isfinite(q)) return error_code::num;
    double r = stats::approx_sub(*x, q * *d);
    if (r != 0 && (r < 0) != (*d < 0)) r += *d;  // q was rounded up past the true quotient
    return finite(r);
}

// Returns -1, 0 or 1 by the number's sign.
static value sign_impl(const arguments& args, call_context& ctx) {
    auto x = number_arg(args, 0, ctx);
    if (!x) return x.error();
    return *x > 0 ? 1.0 : *x < 0 ? -1.0 : 0.0;
}

// Raises base to a power: 0^0 and a negative base with a fractional power are #NUM!,
// 0 to a negative power is #DIV/0!.
static value power_impl(const arguments& args, call_context& ctx) {
    auto b = number_arg(args, 0, ctx);
    if (!b) return b.error();
    auto e = number_arg(args, 1, ctx);
    if (!e) return e.error();
    if (*b == 0) {
        if (*e == 0) return error_code::num;
        if (*e < 0) return error_code::div0;
        return 0.0;
    }
    if (*b < 0 && std::trunc(*e) != *e) return error_code::num;
    return finite(std::pow(*b, *e));
}

// Returns the positive square root; #NUM! for a negative number.
static value sqrt_impl(const arguments& args, call_context& ctx) {
    auto x = number_arg(args, 0, ctx);
    if (!x) return x.error();
    if (*x < 0) return error_code::num;
    return finite(std::sqrt(*x));
}

// Returns e raised to the number; #NUM! on overflow.
static value exp_impl(const arguments& args, call_context& ctx) {
    auto x = number_arg(args, 0, ctx);
    if (!x) return x.error();
    return finite(std::exp(*x));
}

// Returns the natural logarithm; #NUM! for numbers <= 0.
static value ln_impl(const arguments& args, call_context& ctx) {
    auto x = number_arg(args, 0, ctx);
    if (!x) return x.error();
    if (*x <= 0) return error_code::num;
    return finite(std::log(*x));
}

// Returns the base-10 logarithm; #NUM! for numbers <= 0.
static value log10_impl(const arguments& args, call_context& ctx) {
    auto x = number_arg(args, 0, ctx);
    if (!x) return x.error();
    if (*x <= 0) return error_code::num;
    return finite(std::log10(*x));
}

// Returns the logarithm to a base (default 10): #NUM! for a number or base <= 0,
// #DIV/0! for base 1; exact powers give exact integers (LOG(8,2) = 3).
static value log_impl(const arguments& args, call_context& ctx) {
    auto x = number_arg(args, 0, ctx);
    if (!x) return x.error();
    auto base = optional_number(args, 1, ctx, 10.0);
    if (!base) return base.error();
    if (*x <= 0 || *base <= 0) return error_code::num;
    if (*base == 1) return error_code::div0;
    double r;
    if (*base == 10) r = std::log10(*x);
    else if (*base == 2) r = std::log2(*x);
    else r = std::log(*x) / std::log(*base);
    const double nearest = std::round(r);
    if (nearest != r && std::fabs(r - nearest) <= 4 * std::numeric_limits<double>::epsilon() * std::fabs(r))
        r = nearest;
    return finite(r);
}

// Returns pi to double precision.
static value pi_impl(const arguments&, call_context&) { return 3.14159265358979323846; }

// Returns a uniformly distributed number in [0, 1).
static value rand_impl(const arguments&, call_context& ctx) { return ctx.random(); }

// Returns a random integer between bottom (rounded up) and top (rounded down);
// #NUM! when bottom exceeds top.
static value randbetween_impl(const arguments& args, call_context& ctx) {
    auto lo = number_arg(args, 0, ctx);
    if (!lo) return lo.error();
    auto hi = number_arg(args, 1, ctx);
    if (!hi) return hi.error();
    const double bottom = stats::approx_ceil(*lo), top = stats::approx_floor(*hi);
    if (bottom > top) return error_code::num;
    const double r = bottom + std::floor(ctx.random() * (top - bottom + 1));
    return finite(std::min(r, top));
}

// ---- SUBTOTAL, AGGREGATE, SEQUENCE -------------------------------------------------

// Applies function `code` (1-13: AVERAGE, COUNT, COUNTA, MAX, MIN, PRODUCT, STDEV.S,
// STDEV.P, SUM, VAR.S, VAR.P, MEDIAN, MODE.SNGL) to arguments [first, size).
static value apply_reference_function(int code, const arguments& args, std::size_t first, call_context& ctx,
                               bool skip_errors) {
    if (code == 2) return stats::reference_count(args, first, ctx, true, skip_errors);
    if (code == 3) return stats::reference_count(args, first, ctx, false, skip_errors);
    std::vector<double> xs;
    if (auto e = stats::reference_numbers(args, first, ctx, skip_errors, xs)) return *e;
    switch (code) {
        case 1: return stats::number_result(stats::mean_of(xs));
        case 4: return finite(stats::max_of(xs));
        case 5: return finite(stats::min_of(xs));
        case 6: return finite(stats::product_of(xs));
        case 7: return stats::number_result(stats::stdev_of(xs, true));
        case 8: return stats::number_result(stats::stdev_of(xs, false));
        case 9: return finite(stats::sum_of(xs));
        case 10: return stats::number_result(stats::variance_of(xs, true));
        case 11: return stats::number_result(stats::variance_of(xs, false));
        case 12: return stats::number_result(stats::median_of(std::move(xs)));
        case 13: return stats::number_result(stats::mode_of(xs));
        default: return error_code::value;
    }
}

// Reads a whole-number code argument (SUBTOTAL's function_num, AGGREGATE's options).
static or_error<int> code_arg(const arguments& args, std::size_t i, call_context& ctx, double fallback) {
    auto n = optional_number(args, i, ctx, fallback);
    if (!n) return n.error();
    if (!(*n >= -1e9 && *n <= 1e9)) return error_code::value;
    return static_cast<int>(std::trunc(*n));
}

// Applies function_num (1-11, or 101-111 which would also skip hidden rows) to the
// numbers of the references.
static value subtotal_impl(const arguments& args, call_context& ctx) {
    auto code = code_arg(args, 0, ctx, 0.0);
    if (!code) return code.error();
    int f = *code;
    if (f >= 101 && f <= 111) f -= 100;
    if (f < 1 || f > 11) return error_code::value;
    return apply_reference_function(f, args, 1, ctx, false);
}

// Applies function_num 1-19 to references (1-13) or to an array and k (14-19), with
// options 0-7 telling whether to skip errors (2, 3, 6, 7) and hidden rows.
static value aggregate_impl(const arguments& args, call_context& ctx) {
    auto code = code_arg(args, 0, ctx, 0.0);
    if (!code) return code.error();
    auto options = code_arg(args, 1, ctx, 0.0);
    if (!options) return options.error();
    const int f = *code, o = *options;
    if (f < 1 || f > 19 || o < 0 || o > 7) return error_code::value;
    const bool skip_errors = o == 2 || o == 3 || o == 6 || o == 7;
    if (f <= 13) return apply_reference_function(f, args, 2, ctx, skip_errors);

    if (args.size() != 4 || args.omitted(3)) return error_code::value;
    std::vector<double> xs;
    const arguments data(args.values().subspan(2, 1), 0);
    if (auto e = stats::reference_numbers(data, 0, ctx, skip_errors, xs)) return *e;
    return stats::map_scalar(args[3], ctx, [&](const value& kv) -> value {
        auto k = stats::scalar_number(kv, ctx);
        if (!k) return k.error();
        std::vector<double> copy = xs;
        switch (f) {
            case 14: return stats::number_result(stats::kth_of(std::move(copy), *k, true));
            case 15: return stats::number_result(stats::kth_of(std::move(copy), *k, false));
            case 16: return stats::number_result(stats::percentile_inc(copy, *k));
            case 17: return stats::number_result(stats::quartile_inc(copy, *k));
            case 18: return stats::number_result(stats::percentile_exc(copy, *k));
            default: return stats::number_result(stats::quartile_exc(copy, *k));
        }
    });
}

// Returns a rows x columns array counting from start by step (defaults 1); #CALC! for
// zero rows or columns, #VALUE! for negative or oversized ones.
static value sequence_impl(const arguments& args, call_context& ctx) {
    auto rows = optional_number(args, 0, ctx, 1.0);
    if (!rows) return rows.error();
    auto cols = optional_number(args, 1, ctx, 1.0);
    if (!cols) return cols.error();
    auto start = optional_number(args, 2, ctx, 1.0);
    if (!start) return start.error();
    auto step = optional_number(args, 3, ctx, 1.0);
    if (!step) return step.error();
    const double r = std::trunc(*rows), c = std::trunc(*cols);
    if (r < 0 || c < 0) return error_code::value;
    if (r == 0 || c == 0) return error_code::calc;
    if (r > max_rows || c > max_cols || r * c > static_cast<double>(max_rows)) return error_code::value;
    const auto nr = static_cast<std::int32_t>(r), nc = static_cast<std::int32_t>(c);
    std::vector<value> cells;
    cells.reserve(static_cast<std::size_t>(nr) * static_cast<std::size_t>(nc));
    for (std::int64_t i = 0; i < static_cast<std::int64_t>(nr) * nc; ++i) {
        const double v = *start + static_cast<double>(i) * *step;
        if (!std::isfinite(v)) return error_code::num;
        cells.emplace_back(v == 0.0 ? 0.0 : v);
    }
    return make_array(nr, nc, std::move(cells));
}

// clang-format off
static const function_def math_functions[] = {
    {"SUM", 1, variadic, fn_strict, sum_impl, nullptr,
     "Adds numbers; in ranges only numbers count.", "=SUM(1,2,3) → 6"},
    {"PRODUCT", 1, variadic, fn_strict, product_impl, nullptr,
     "Multiplies numbers; 0 when there are none.", "=PRODUCT(2,3,4) → 24"},
    {"SUMSQ", 1, variadic, fn_strict, sumsq_impl, nullptr,
     "Adds the squares of numbers.", "=SUMSQ(3,4) → 25"},
    {"SUMPRODUCT", 1, variadic, fn_strict, sumproduct_impl, nullptr,
     "Sums the products of corresponding entries of equally sized arrays.", "=SUMPRODUCT({1,2},{3,4}) → 11"},
    {"ROUND", 2, 2, fn_lifts, round_impl, nullptr,
     "Rounds a number half away from zero to a number of digits.", "=ROUND(2.345,2) → 2.35"},
    {"ROUNDUP", 2, 2, fn_lifts, roundup_impl, nullptr,
     "Rounds a number away from zero to a number of digits.", "=ROUNDUP(3.14159,3) → 3.142"},
    {"ROUNDDOWN", 2, 2, fn_lifts, rounddown_impl, nullptr,
     "Rounds a number toward zero to a number of digits.", "=ROUNDDOWN(3.14159,3) → 3.141"},
    {"MROUND", 2, 2, fn_lifts, mround_impl, nullptr,
     "Rounds a number to the nearest multiple of another.", "=MROUND(10,3) → 9"},
    {"ABS", 1, 1, fn_lifts, abs_impl, nullptr,
     "Returns the absolute value of a number.", "=ABS(-2) → 2"},
    {"MOD", 2, 2, fn_lifts, mod_impl, nullptr,
     "Returns the remainder of a division, with the divisor's sign.", "=MOD(-3,2) → 1"},
    {"INT", 1, 1, fn_lifts, int_impl, nullptr,
     "Rounds a number down to the nearest integer.", "=INT(-8.9) → -9"},
    {"TRUNC", 1, 2, fn_lifts, trunc_impl, nullptr,
     "Truncates a number toward zero to a number of digits.", "=TRUNC(-8.9) → -8"},
    {"SIGN", 1, 1, fn_lifts, sign_impl, nullptr,
     "Returns 1, 0 or -1 by the sign of a number.", "=SIGN(-0.5) → -1"},
    {"CEILING", 2, 2, fn_lifts, ceiling_impl, nullptr,
     "Rounds a number up to a multiple of significance.", "=CEILING(-2.5,2) → -2"},
    {"FLOOR", 2, 2, fn_lifts, floor_impl, nullptr,
     "Rounds a number down to a multiple of significance.", "=FLOOR(-2.5,-2) → -2"},
    {"CEILING.MATH", 1, 3, fn_lifts | fn_future, ceiling_math_impl, nullptr,
     "Rounds a number up to a multiple; mode rounds negatives away from zero.", "=CEILING.MATH(-5.5,2,-1) → -6"},
    {"FLOOR.MATH", 1, 3, fn_lifts | fn_future, floor_math_impl, nullptr,
     "Rounds a number down to a multiple; mode rounds negatives toward zero.", "=FLOOR.MATH(-5.5,2,-1) → -4"},
    {"POWER", 2, 2, fn_lifts, power_impl, nullptr,
     "Raises a number to a power.", "=POWER(5,2) → 25"},
    {"SQRT", 1, 1, fn_lifts, sqrt_impl, nullptr,
     "Returns the positive square root of a number.", "=SQRT(16) → 4"},
    {"EXP", 1, 1, fn_lifts, exp_impl, nullptr,
     "Returns e raised to a power.", "=EXP(0) → 1"},
    {"LN", 1, 1, fn_lifts, ln_impl, nullptr,
     "Returns the natural logarithm of a number.", "=LN(1) → 0"},
    {"LOG", 1, 2, fn_lifts, log_impl, nullptr,
     "Returns the logarithm of a number to a base (default 10).", "=LOG(8,2) → 3"},
    {"LOG10", 1, 1, fn_lifts, log10_impl, nullptr,
     "Returns the base-10 logarithm of a number.", "=LOG10(1000) → 3"},
    {"PI", 0, 0, fn_strict, pi_impl, nullptr,
     "Returns pi.", "=PI() → 3.14159265358979"},
    {"RAND", 0, 0, fn_volatile, rand_impl, nullptr,
     "Returns a random number in [0, 1).", "=RAND() → 0.42"},
    {"RANDBETWEEN", 2, 2, fn_volatile | fn_lifts, randbetween_impl, nullptr,
     "Returns a random integer between two numbers.", "=RANDBETWEEN(1,6) → 4"},
    {"SUBTOTAL", 2, variadic, fn_strict, subtotal_impl, nullptr,
     "Applies an aggregate (1-11 or 101-111) to references.", "=SUBTOTAL(9,A1:A3) → 6"},
    {"AGGREGATE", 3, variadic, fn_non_strict | fn_future, aggregate_impl, nullptr,
     "Applies an aggregate (1-19), optionally ignoring errors.", "=AGGREGATE(14,6,A1:A3,1) → 3"},
    {"SEQUENCE", 1, 4, fn_future, sequence_impl, nullptr,
     "Returns an array of sequential numbers.", "=SEQUENCE(2,2) → {1,2;3,4}"},
};
// clang-format on

void register_math_functions(function_registry& r) {
    for (const auto& f : math_functions) r.add(f);
}

}  // namespace folio

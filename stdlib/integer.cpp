// The integer family: factorials and counting (FACT, COMBIN, PERMUT), divisors (GCD,
// LCM), rounding to even or odd integers (EVEN, ODD) and integer division (QUOTIENT).
//
// Arguments that should be integers are truncated toward zero, as Excel documents for
// each of these functions. Out-of-domain arguments (negative counts, FACT beyond 170, a
// result at or beyond 2^53 for GCD/LCM) give #NUM!. The scalar functions are fn_lifts rows;
// GCD and LCM are aggregates that also read ranges and arrays, taking only the numbers
// of ranges as SUM does (for_each_number). EVEN, ODD and QUOTIENT work on a number's
// 15-significant-digit value (statistics_support.hpp), so QUOTIENT(0.3,0.1) is 3.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <optional>
#include <vector>

#include "folio/engine/aggregate.hpp"
#include "folio/engine/coerce.hpp"
#include "folio/engine/function.hpp"
#include "folio/stdlib/builtins.hpp"
#include "statistics_support.hpp"

namespace folio {

namespace {

// 2^53: GCD and LCM refuse arguments and results from here on (Excel's limit).
constexpr double max_exact_integer = 9007199254740992.0;

// Returns x as a value: #NUM! when it is infinite or NaN, and 0 for -0.
value finite(double x) {
    if (!std::isfinite(x)) return error_code::num;
    if (x == 0.0) return 0.0;
    return x;
}

// Converts argument i to a number with Excel's rules (blank 0, TRUE 1, numeric text).
or_error<double> number_arg(const arguments& args, std::size_t i) { return to_number(args[i]); }

// Converts argument i to a number truncated toward zero; #NUM! when it is negative
// before truncation (FACT(-0.5) is #NUM!, as "if number is negative" reads).
or_error<double> count_arg(const arguments& args, std::size_t i) {
    auto x = number_arg(args, i);
    if (!x) return x.error();
    if (*x < 0) return error_code::num;
    return std::trunc(*x);
}

}  // namespace

// Returns n! for n truncated; #NUM! for a negative n or one above 170 (the result
// would overflow).
static value fact_impl(const arguments& args, call_context&) {
    auto n = count_arg(args, 0);
    if (!n) return n.error();
    if (*n > 170) return error_code::num;
    double result = 1;
    for (double i = 2; i <= *n; ++i) result *= i;
    return finite(result);
}

// Returns the number of ways to choose k of n items (both truncated); #NUM! when
// n < 0, k < 0 or n < k.
static value combin_impl(const arguments& args, call_context&) {
    auto n = count_arg(args, 0);
    if (!n) return n.error();
    auto k = count_arg(args, 1);
    if (!k) return k.error();
    if (*n < *k) return error_code::num;
    const double kk = std::min(*k, *n - *k);
    // Each partial result is C(n-kk+i, i), an integer: exact while below 2^53.
    double result = 1;
    for (double i = 1; i <= kk && std::isfinite(result); ++i) result = result * (*n - kk + i) / i;
    if (result < max_exact_integer) result = std::round(result);
    return finite(result);
}

// Returns the number of ordered arrangements of k of n items (both truncated); #NUM!
// when n <= 0, k < 0 or n < k.
static value permut_impl(const arguments& args, call_context&) {
    auto n = count_arg(args, 0);
    if (!n) return n.error();
    auto k = count_arg(args, 1);
    if (!k) return k.error();
    if (*n <= 0 || *n < *k) return error_code::num;
    double result = 1;
    for (double i = 0; i < *k && std::isfinite(result); ++i) result *= *n - i;
    return finite(result);
}

// Collects the truncated numbers of all arguments for GCD and LCM; #NUM! for a negative
// number or one of 2^53 or more.
static std::optional<error_code> divisor_arguments(const arguments& args, call_context& ctx,
                                                   std::vector<std::uint64_t>& out) {
    bool out_of_range = false;
    auto failure = for_each_number(args, ctx, count_rule::numbers, [&](double x) {
        if (x < 0 || x >= max_exact_integer) out_of_range = true;
        else out.push_back(static_cast<std::uint64_t>(std::trunc(x)));
    });
    if (failure) return failure;
    if (out_of_range) return error_code::num;
    return std::nullopt;
}

// Returns the greatest common divisor of the truncated numbers; 0 when all are 0.
static value gcd_impl(const arguments& args, call_context& ctx) {
    std::vector<std::uint64_t> xs;
    if (auto e = divisor_arguments(args, ctx, xs)) return *e;
    std::uint64_t g = 0;
    for (std::uint64_t x : xs) g = std::gcd(g, x);
    return static_cast<double>(g);
}

// Returns the least common multiple of the truncated numbers; 0 when any is 0; #NUM!
// when the result reaches 2^53.
static value lcm_impl(const arguments& args, call_context& ctx) {
    std::vector<std::uint64_t> xs;
    if (auto e = divisor_arguments(args, ctx, xs)) return *e;
    const auto limit = static_cast<std::uint64_t>(max_exact_integer);
    std::uint64_t l = 1;
    for (std::uint64_t x : xs) {
        if (x == 0) return 0.0;
        const std::uint64_t step = x / std::gcd(l, x);
        if (step > (limit - 1) / l) return error_code::num;  // l * step would reach 2^53
        l *= step;
    }
    return static_cast<double>(l);
}

// Rounds away from zero to the nearest even integer (EVEN(0) = 0).
static value even_impl(const arguments& args, call_context&) {
    auto x = number_arg(args, 0);
    if (!x) return x.error();
    double up = stats::approx_ceil(std::fabs(*x));
    if (std::fmod(up, 2.0) != 0.0) up += 1;
    return finite(*x < 0 ? -up : up);
}

// Rounds away from zero to the nearest odd integer (ODD(0) = 1).
static value odd_impl(const arguments& args, call_context&) {
    auto x = number_arg(args, 0);
    if (!x) return x.error();
    double up = stats::approx_ceil(std::fabs(*x));
    if (std::fmod(up, 2.0) == 0.0) up += 1;
    return finite(*x < 0 ? -up : up);
}

// Returns the integer part of numerator / denominator, truncated toward zero;
// #DIV/0! for a zero denominator.
static value quotient_impl(const arguments& args, call_context&) {
    auto n = number_arg(args, 0);
    if (!n) return n.error();
    auto d = number_arg(args, 1);
    if (!d) return d.error();
    if (*d == 0) return error_code::div0;
    return finite(stats::round_decimal(*n / *d, 0, stats::round_mode::toward));
}

// clang-format off
static const function_def integer_functions[] = {
    {"FACT", 1, 1, fn_lifts, fact_impl, nullptr,
     "Returns the factorial of a number (truncated).", "=FACT(5) → 120"},
    {"COMBIN", 2, 2, fn_lifts, combin_impl, nullptr,
     "Returns the number of combinations of k items out of n.", "=COMBIN(8,2) → 28"},
    {"PERMUT", 2, 2, fn_lifts, permut_impl, nullptr,
     "Returns the number of permutations of k items out of n.", "=PERMUT(100,3) → 970200"},
    {"GCD", 1, variadic, fn_strict, gcd_impl, nullptr,
     "Returns the greatest common divisor of integers.", "=GCD(24,36) → 12"},
    {"LCM", 1, variadic, fn_strict, lcm_impl, nullptr,
     "Returns the least common multiple of integers.", "=LCM(4,6) → 12"},
    {"EVEN", 1, 1, fn_lifts, even_impl, nullptr,
     "Rounds a number away from zero to the nearest even integer.", "=EVEN(1.5) → 2"},
    {"ODD", 1, 1, fn_lifts, odd_impl, nullptr,
     "Rounds a number away from zero to the nearest odd integer.", "=ODD(1.5) → 3"},
    {"QUOTIENT", 2, 2, fn_lifts, quotient_impl, nullptr,
     "Returns the integer part of a division, truncated toward zero.", "=QUOTIENT(-10,3) → -3"},
};
// clang-format on

void register_integer_functions(function_registry& r) {
    for (const auto& f : integer_functions) r.add(f);
}

}  // namespace folio

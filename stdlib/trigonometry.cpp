// The trigonometry family: circular and hyperbolic functions, their inverses, ATAN2 and
// the DEGREES/RADIANS conversions.
//
// Every function is a fn_lifts row over plain numbers, so =SIN(A1:A3) maps element-wise
// and a body only meets scalars. Angles are in radians. Out-of-domain arguments give
// #NUM! (ASIN(2), ACOS(-1.5)), as does overflow (SINH(1000)). Like Excel, SIN, COS and TAN
// refuse arguments of magnitude 2^27 or more with #NUM!: Excel reduces the angle modulo
// 2*pi in a way it stops trusting beyond that point. ATAN2 takes Excel's argument order,
// x before y (the reverse of C's atan2), and is #DIV/0! at the origin.
#include <cmath>

#include "folio/engine/coerce.hpp"
#include "folio/engine/function.hpp"
#include "folio/stdlib/builtins.hpp"

namespace folio {

namespace {

// Excel's limit on the magnitude of a SIN, COS or TAN argument (2^27).
constexpr double max_circular_argument = 134217728.0;

constexpr double pi = 3.14159265358979323846;

// Returns x as a value: #NUM! when it is infinite or NaN, and 0 for -0.
value finite(double x) {
    if (!std::isfinite(x)) return error_code::num;
    if (x == 0.0) return 0.0;
    return x;
}

// Converts argument i to a number with Excel's rules (blank 0, TRUE 1, numeric text).
or_error<double> number_arg(const arguments& args, std::size_t i) { return to_number(args[i]); }

// Applies a one-argument function f to the number in args[0].
template <class F>
value unary(const arguments& args, F&& f) {
    auto x = number_arg(args, 0);
    if (!x) return x.error();
    return f(*x);
}

}  // namespace

// Returns the sine of an angle in radians; #NUM! when |angle| >= 2^27.
static value sin_impl(const arguments& args, call_context&) {
    return unary(args, [](double x) -> value {
        if (std::fabs(x) >= max_circular_argument) return error_code::num;
        return finite(std::sin(x));
    });
}

// Returns the cosine of an angle in radians; #NUM! when |angle| >= 2^27.
static value cos_impl(const arguments& args, call_context&) {
    return unary(args, [](double x) -> value {
        if (std::fabs(x) >= max_circular_argument) return error_code::num;
        return finite(std::cos(x));
    });
}

// Returns the tangent of an angle in radians; #NUM! when |angle| >= 2^27.
static value tan_impl(const arguments& args, call_context&) {
    return unary(args, [](double x) -> value {
        if (std::fabs(x) >= max_circular_argument) return error_code::num;
        return finite(std::tan(x));
    });
}

// Returns the arcsine in [-pi/2, pi/2]; #NUM! outside [-1, 1].
static value asin_impl(const arguments& args, call_context&) {
    return unary(args, [](double x) -> value {
        if (x < -1.0 || x > 1.0) return error_code::num;
        return finite(std::asin(x));
    });
}

// Returns the arccosine in [0, pi]; #NUM! outside [-1, 1].
static value acos_impl(const arguments& args, call_context&) {
    return unary(args, [](double x) -> value {
        if (x < -1.0 || x > 1.0) return error_code::num;
        return finite(std::acos(x));
    });
}

// Returns the arctangent in (-pi/2, pi/2).
static value atan_impl(const arguments& args, call_context&) {
    return unary(args, [](double x) -> value { return finite(std::atan(x)); });
}

// Returns the angle of the point (x_num, y_num) in (-pi, pi]; #DIV/0! when both are 0.
static value atan2_impl(const arguments& args, call_context&) {
    auto x = number_arg(args, 0);
    if (!x) return x.error();
    auto y = number_arg(args, 1);
    if (!y) return y.error();
    if (*x == 0.0 && *y == 0.0) return error_code::div0;
    // Adding 0.0 turns -0 into +0, so ATAN2(-1,0) is pi and not -pi, as in Excel.
    return finite(std::atan2(*y + 0.0, *x + 0.0));
}

// Returns the hyperbolic sine; #NUM! on overflow.
static value sinh_impl(const arguments& args, call_context&) {
    return unary(args, [](double x) -> value { return finite(std::sinh(x)); });
}

// Returns the hyperbolic cosine; #NUM! on overflow.
static value cosh_impl(const arguments& args, call_context&) {
    return unary(args, [](double x) -> value { return finite(std::cosh(x)); });
}

// Returns the hyperbolic tangent.
static value tanh_impl(const arguments& args, call_context&) {
    return unary(args, [](double x) -> value { return finite(std::tanh(x)); });
}

// Converts radians to degrees.
static value degrees_impl(const arguments& args, call_context&) {
    return unary(args, [](double x) -> value { return finite(x * (180.0 / pi)); });
}

// Converts degrees to radians.
static value radians_impl(const arguments& args, call_context&) {
    return unary(args, [](double x) -> value { return finite(x * (pi / 180.0)); });
}

// clang-format off
static const function_def trigonometry_functions[] = {
    {"SIN", 1, 1, fn_lifts, sin_impl, nullptr,
     "Returns the sine of an angle in radians.", "=SIN(PI()/2) → 1"},
    {"COS", 1, 1, fn_lifts, cos_impl, nullptr,
     "Returns the cosine of an angle in radians.", "=COS(0) → 1"},
    {"TAN", 1, 1, fn_lifts, tan_impl, nullptr,
     "Returns the tangent of an angle in radians.", "=TAN(PI()/4) → 1"},
    {"ASIN", 1, 1, fn_lifts, asin_impl, nullptr,
     "Returns the arcsine, in radians, of a number in [-1, 1].", "=ASIN(1) → 1.5707963267949"},
    {"ACOS", 1, 1, fn_lifts, acos_impl, nullptr,
     "Returns the arccosine, in radians, of a number in [-1, 1].", "=ACOS(-1) → 3.14159265358979"},
    {"ATAN", 1, 1, fn_lifts, atan_impl, nullptr,
     "Returns the arctangent of a number, in radians.", "=ATAN(1) → 0.785398163397448"},
    {"ATAN2", 2, 2, fn_lifts, atan2_impl, nullptr,
     "Returns the angle of the point (x, y) from the x-axis, in radians.", "=ATAN2(1,1) → 0.785398163397448"},
    {"SINH", 1, 1, fn_lifts, sinh_impl, nullptr,
     "Returns the hyperbolic sine of a number.", "=SINH(1) → 1.1752011936438"},
    {"COSH", 1, 1, fn_lifts, cosh_impl, nullptr,
     "Returns the hyperbolic cosine of a number.", "=COSH(0) → 1"},
    {"TANH", 1, 1, fn_lifts, tanh_impl, nullptr,
     "Returns the hyperbolic tangent of a number.", "=TANH(0.5) → 0.46211715726001"},
    {"DEGREES", 1, 1, fn_lifts, degrees_impl, nullptr,
     "Converts radians to degrees.", "=DEGREES(PI()) → 180"},
    {"RADIANS", 1, 1, fn_lifts, radians_impl, nullptr,
     "Converts degrees to radians.", "=RADIANS(180) → 3.14159265358979"},
};
// clang-format on

void register_trigonometry_functions(function_registry& r) {
    for (const auto& f : trigonometry_functions) r.add(f);
}

}  // namespace folio

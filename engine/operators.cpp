// Excel's operators (see operators.hpp).
#include "operators.hpp"

#include <cmath>

#include "folio/engine/coerce.hpp"

namespace folio {

namespace {

using dsl::binary_op;

// Excel and LibreOffice snap a sum or difference to zero when it is only rounding
// noise of nearly equal operands, so =0.1+0.2-0.3 shows 0 (rtl::math::approxSub).
double snap_to_zero(double result, double a, double b) {
    if (result == 0) return 0;
    const double scale = std::max(std::fabs(a), std::fabs(b));
    if (std::fabs(result) < scale * (1.0 / (16777216.0 * 16777216.0))) return 0;  // 2^-48
    return result;
}

value finite_or_num(double x) {
    if (!std::isfinite(x)) return error_code::num;
    return x;
}

value arithmetic(binary_op op, const value& left, const value& right) {
    if (left.is_error()) return left;
    auto a = to_number(left);
    if (!a) return a.error();
    if (right.is_error()) return right;
    auto b = to_number(right);
    if (!b) return b.error();
    const double x = *a, y = *b;
    switch (op) {
        case binary_op::add: return finite_or_num(snap_to_zero(x + y, x, y));
        case binary_op::subtract: return finite_or_num(snap_to_zero(x - y, x, y));
        case binary_op::multiply: return finite_or_num(x * y);
        case binary_op::divide:
            if (y == 0) return error_code::div0;
            return finite_or_num(x / y);
        case binary_op::power: {
            if (x == 0 && y == 0) return error_code::num;
            if (x == 0 && y < 0) return error_code::div0;
            if (x < 0 && y != std::floor(y)) return error_code::num;  // =(-8)^(1/3) is #NUM! in Excel
            return finite_or_num(std::pow(x, y));
        }
        default: return error_code::value;
    }
}

value compare(binary_op op, const value& left, const value& right) {
    if (left.is_error()) return left;
    if (right.is_error()) return right;
    const int c = compare_values(left, right);
    switch (op) {
        case binary_op::equal: return c == 0;
        case binary_op::not_equal: return c != 0;
        case binary_op::less: return c < 0;
        case binary_op::less_equal: return c <= 0;
        case binary_op::greater: return c > 0;
        default: return c >= 0;
    }
}

value scalar_binary(binary_op op, const value& a, const value& b) {
    switch (op) {
        case binary_op::concat: {
            if (a.is_error()) return a;
            if (b.is_error()) return b;
            auto x = to_text(a);
            if (!x) return x.error();
            auto y = to_text(b);
            if (!y) return y.error();
            std::string s = std::move(*x);
            s += *y;
            if (s.size() > 32767 * 4) return error_code::value;  // beyond Excel's 32,767 characters
            return value(std::move(s));
        }
        case binary_op::equal:
        case binary_op::not_equal:
        case binary_op::less:
        case binary_op::less_equal:
        case binary_op::greater:
        case binary_op::greater_equal: return compare(op, a, b);
        default: return arithmetic(op, a, b);
    }
}

template <class F>
value map_array(const value& a, F&& f) {
    const array& arr = a.array_value();
    std::vector<value> out;
    out.reserve(arr.cells().size());
    for (const value& v : arr.cells()) out.push_back(f(v));
    return make_array(arr.rows(), arr.cols(), std::move(out));
}

}  // namespace

const value& broadcast_at(const value& v, std::int32_t r, std::int32_t c, const value& missing) {
    if (!v.is_array()) return v;
    const array& a = v.array_value();
    const std::int32_t rr = a.rows() == 1 ? 0 : r;
    const std::int32_t cc = a.cols() == 1 ? 0 : c;
    if (rr >= a.rows() || cc >= a.cols()) return missing;
    return a.at(rr, cc);
}

value apply_binary(binary_op op, const value& a, const value& b) {
    if (!a.is_array() && !b.is_array()) return scalar_binary(op, a, b);
    const std::int32_t ar = a.is_array() ? a.array_value().rows() : 1, ac = a.is_array() ? a.array_value().cols() : 1;
    const std::int32_t br = b.is_array() ? b.array_value().rows() : 1, bc = b.is_array() ? b.array_value().cols() : 1;
    const std::int32_t rows = broadcast_size(ar, br), cols = broadcast_size(ac, bc);
    static const value missing(error_code::na);
    std::vector<value> out;
    out.reserve(static_cast<std::size_t>(rows) * cols);
    for (std::int32_t r = 0; r < rows; ++r)
        for (std::int32_t c = 0; c < cols; ++c)
            out.push_back(scalar_binary(op, broadcast_at(a, r, c, missing), broadcast_at(b, r, c, missing)));
    return make_array(rows, cols, std::move(out));
}

value apply_unary(dsl::unary_op op, const value& a) {
    auto negate = [op](const value& v) -> value {
        if (v.is_error()) return v;
        auto n = to_number(v);
        if (!n) return n.error();
        return op == dsl::unary_op::negate ? value(*n == 0 ? 0.0 : -*n) : value(*n);
    };
    if (a.is_array()) return map_array(a, negate);
    // Unary plus leaves text as text in Excel (=+"a" is "a").
    if (op == dsl::unary_op::plus) return a;
    return negate(a);
}

value apply_percent(const value& a) {
    auto percent = [](const value& v) -> value {
        if (v.is_error()) return v;
        auto n = to_number(v);
        if (!n) return n.error();
        return *n / 100;
    };
    if (a.is_array()) return map_array(a, percent);
    return percent(a);
}

}  // namespace folio

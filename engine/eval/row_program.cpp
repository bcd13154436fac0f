// Compiling and evaluating row-level expressions (see row_program.hpp).
#include "row_program.hpp"

#include <algorithm>
#include <cmath>

#include "../operators.hpp"
#include "expr_text.hpp"
#include "folio/engine/coerce.hpp"
#include "function_calls.hpp"

namespace folio::eval {
namespace {

using dsl::binary_op;

bool is_comparison(binary_op op) {
    return op == binary_op::equal || op == binary_op::not_equal || op == binary_op::less ||
           op == binary_op::less_equal || op == binary_op::greater || op == binary_op::greater_equal;
}

bool is_arithmetic(binary_op op) {
    return op == binary_op::add || op == binary_op::subtract || op == binary_op::multiply || op == binary_op::divide ||
           op == binary_op::power;
}

// Excel's equality of numbers to about 15 digits (engine/coerce.cpp, approx_equal).
bool approx_equal(double a, double b) {
    if (a == b) return true;
    if (a == 0 || b == 0) return false;
    return std::fabs(a - b) < std::max(std::fabs(a), std::fabs(b)) * (1.0 / (16777216.0 * 16777216.0));
}

// Excel's snapping of sums of nearly equal operands to zero (engine/operators.cpp).
double snap_to_zero(double result, double a, double b) {
    if (result == 0) return 0;
    const double scale = std::max(std::fabs(a), std::fabs(b));
    if (std::fabs(result) < scale * (1.0 / (16777216.0 * 16777216.0))) return 0;
    return result;
}

// Applies an arithmetic operator to two numbers as Excel does; returns the status of the result.
std::uint8_t arithmetic(binary_op op, double x, double y, double& out) {
    switch (op) {
        case binary_op::add: out = snap_to_zero(x + y, x, y); break;
        case binary_op::subtract: out = snap_to_zero(x - y, x, y); break;
        case binary_op::multiply: out = x * y; break;
        case binary_op::divide:
            if (y == 0) return error_status(error_code::div0);
            out = x / y;
            break;
        default:
            if (x == 0 && y == 0) return error_status(error_code::num);
            if (x == 0 && y < 0) return error_status(error_code::div0);
            if (x < 0 && y != std::floor(y)) return error_status(error_code::num);
            out = std::pow(x, y);
            break;
    }
    if (!std::isfinite(out)) return error_status(error_code::num);
    return status_value;
}

bool compare_result(binary_op op, int c) {
    switch (op) {
        case binary_op::equal: return c == 0;
        case binary_op::not_equal: return c != 0;
        case binary_op::less: return c < 0;
        case binary_op::less_equal: return c <= 0;
        case binary_op::greater: return c > 0;
        default: return c >= 0;
    }
}

// A comparison with a blank operand: only `=` with blank or "" holds (and `<>` otherwise).
bool blank_comparison(binary_op op, const value& other) {
    const bool equal = other.is_blank() || (other.is_text() && other.text().empty());
    if (op == binary_op::equal) return equal;
    if (op == binary_op::not_equal) return !equal;
    return false;
}

// A number-like operand: a number or boolean vector, or a scalar number, boolean, blank or error.
class numeric_operand {
public:
    explicit numeric_operand(const row_vector& v) : v_(v) {
        if (v.kind != row_kind::scalar) return;
        const value& s = v.scalar;
        if (s.is_number()) x_ = s.number();
        else if (s.is_boolean()) x_ = s.boolean() ? 1 : 0;
        else if (s.is_blank()) status_ = status_blank;
        else if (s.is_error()) status_ = error_status(s.error());
    }

    static bool accepts(const row_vector& v) {
        if (v.kind == row_kind::number || v.kind == row_kind::boolean) return true;
        return v.kind == row_kind::scalar &&
               (v.scalar.is_number() || v.scalar.is_boolean() || v.scalar.is_blank() || v.scalar.is_error());
    }

    std::uint8_t status(std::size_t r) const { return v_.kind == row_kind::scalar ? status_ : v_.status_at(r); }
    double get(std::size_t r) const {
        switch (v_.kind) {
            case row_kind::number: return v_.numbers[r];
            case row_kind::boolean: return v_.booleans[r];
            default: return x_;
        }
    }

private:
    const row_vector& v_;
    double x_ = 0;
    std::uint8_t status_ = status_value;
};

// The type class Excel compares by: numbers (and blank), text, booleans.
int type_class(const row_vector& v) {
    switch (v.kind) {
        case row_kind::number: return 1;
        case row_kind::boolean: return 3;
        case row_kind::text: return 2;
        case row_kind::scalar:
            if (v.scalar.is_number()) return 1;
            if (v.scalar.is_boolean()) return 3;
            if (v.scalar.is_text()) return 2;
            return 0;
        default: return 0;
    }
}

// Compares a number vector with a constant: the values Excel calls equal to c (to about
// 15 digits) form an interval [low, high] found once, so each row is two comparisons.
void compare_with_constant(binary_op op, bool vector_left, const row_vector& v, double c, row_vector& out,
                           std::size_t rows) {
    auto result = [&](int cmp) -> std::uint8_t { return compare_result(op, vector_left ? cmp : -cmp) ? 1 : 0; };
    const std::uint8_t less = result(-1), equal = result(0), greater = result(1);
    double low = c, high = c;
    for (int i = 0; i < 64 && approx_equal(std::nextafter(low, -HUGE_VAL), c); ++i) low = std::nextafter(low, -HUGE_VAL);
    for (int i = 0; i < 64 && approx_equal(std::nextafter(high, HUGE_VAL), c); ++i) high = std::nextafter(high, HUGE_VAL);
    out.make_booleans(rows);
    std::uint8_t* o = out.own_booleans.data();
    const double* x = v.numbers.data();
    for (std::size_t r = 0; r < rows; ++r) o[r] = x[r] < low ? less : (x[r] > high ? greater : equal);
    if (v.status.empty()) return;
    // A blank is only <> a number; errors stay errors.
    const std::uint8_t blank = op == binary_op::not_equal ? 1 : 0;
    std::vector<std::uint8_t>* status = nullptr;
    for (std::size_t r = 0; r < rows; ++r) {
        const std::uint8_t s = v.status[r];
        if (s == status_value) continue;
        if (s == status_blank) {
            o[r] = blank;
            continue;
        }
        if (status == nullptr) status = &out.make_status();
        (*status)[r] = s;
        o[r] = 0;
    }
}

}  // namespace

value row_binary(binary_op op, const value& a, const value& b) {
    if (is_comparison(op) && !a.is_error() && !b.is_error()) {
        if (a.is_blank()) return blank_comparison(op, b);
        if (b.is_blank()) return blank_comparison(op, a);
    }
    return apply_binary(op, a, b);
}

row_program::row_program(const report::checked_program& program, const std::vector<value>& params, call_context& ctx)
    : program_(program), params_(params), ctx_(ctx) {}

std::size_t row_program::push(node n, std::string key) {
    nodes_.push_back(std::move(n));
    const std::size_t i = nodes_.size() - 1;
    by_key_.emplace(std::move(key), i);
    return i;
}

const value* row_program::constant(std::size_t i) const {
    if (i == omitted || nodes_[i].kind != op::constant) return nullptr;
    return &nodes_[i].constant;
}

std::size_t row_program::add(const report::expr& e) {
    return compile(e);
}

// Evaluates a node whose children are all constants once, at compile time.
std::size_t row_program::fold(node n, std::string key) {
    bool constant = true;
    for (std::size_t c : n.children) constant = constant && (c == omitted || nodes_[c].kind == op::constant);
    if (n.kind == op::function && (n.function->def.flags & fn_volatile)) constant = false;
    if (!constant) return push(std::move(n), std::move(key));
    auto arg = [&](std::size_t i) -> value { return n.children[i] == omitted ? value() : nodes_[n.children[i]].constant; };
    node folded;
    switch (n.kind) {
        case op::unary: folded.constant = apply_unary(n.un, arg(0)); break;
        case op::percent: folded.constant = apply_percent(arg(0)); break;
        case op::binary: folded.constant = row_binary(n.bin, arg(0), arg(1)); break;
        default: {
            std::uint64_t omitted_mask = 0;
            for (std::size_t i = 0; i < n.children.size() && i < 64; ++i)
                if (n.children[i] == omitted) omitted_mask |= std::uint64_t{1} << i;
            folded.constant = call_function(*n.function, n.children.size(), omitted_mask, arg, ctx_);
            break;
        }
    }
    return push(std::move(folded), std::move(key));
}

std::size_t row_program::compile(const report::expr& e) {
    using report::expr_kind;
    if (e.kind == expr_kind::none) return omitted;
    if (e.kind == expr_kind::filter) return compile(program_.filters[e.index].condition);
    if (e.kind == expr_kind::def_call) return e.children.empty() ? omitted : compile(e.children[0]);
    std::string key = expr_key(program_, e);
    if (auto found = by_key_.find(key); found != by_key_.end()) return found->second;
    node n;
    switch (e.kind) {
        case expr_kind::number: n.constant = e.number; break;
        case expr_kind::text: n.constant = e.text; break;
        case expr_kind::boolean: n.constant = e.boolean; break;
        case expr_kind::error: n.constant = error_from_text(e.text).value_or(error_code::value); break;
        case expr_kind::param: n.constant = e.index < params_.size() ? params_[e.index] : value(error_code::name); break;
        case expr_kind::array: {
            std::vector<value> cells;
            for (const report::expr& c : e.children) {
                const value* v = constant(compile(c));
                cells.push_back(v ? *v : value(error_code::value));
            }
            n.constant = make_array(static_cast<std::int32_t>(e.array_rows), static_cast<std::int32_t>(e.array_cols),
                                    std::move(cells));
            break;
        }
        case expr_kind::column: {
            n.kind = op::column;
            auto found = std::find_if(columns_.begin(), columns_.end(), [&](const column_ref& c) { return c.name == e.text; });
            if (found == columns_.end()) {
                columns_.push_back(column_ref{e.text, e.loc, omitted});
                found = columns_.end() - 1;
            }
            n.column = static_cast<std::size_t>(found - columns_.begin());
            break;
        }
        case expr_kind::unary:
        case expr_kind::percent:
            n.kind = e.kind == expr_kind::unary ? op::unary : op::percent;
            n.un = e.un;
            n.children.push_back(compile(e.children[0]));
            return fold(std::move(n), std::move(key));
        case expr_kind::binary:
            n.kind = op::binary;
            n.bin = e.bin;
            n.children.push_back(compile(e.children[0]));
            n.children.push_back(compile(e.children[1]));
            return fold(std::move(n), std::move(key));
        case expr_kind::function:
            n.kind = op::function;
            n.function = e.function;
            for (const report::expr& c : e.children) n.children.push_back(compile(c));
            if (n.function == nullptr) {
                n = node{};
                n.constant = error_code::name;
                break;
            }
            return fold(std::move(n), std::move(key));
        default:
            // Metrics, aggregates and shifts are not row level; the checker keeps them out.
            n.constant = error_code::value;
            break;
    }
    return push(std::move(n), std::move(key));
}

void row_program::evaluate(const data::table& batch, std::vector<row_vector>& out) {
    const std::size_t rows = batch.row_count();
    if (out.size() < nodes_.size()) out.resize(nodes_.size());
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
        const node& n = nodes_[i];
        switch (n.kind) {
            case op::constant: out[i].set_scalar(n.constant); break;
            case op::column: out[i].view_column(batch.column_at(columns_[n.column].index)); break;
            case op::unary:
            case op::percent: unary(n, out, out[i], rows); break;
            case op::binary: binary(i, out, out[i], rows); break;
            case op::function: function(n, out, out[i], rows); break;
        }
    }
}

void row_program::unary(const node& n, const std::vector<row_vector>& in, row_vector& out, std::size_t rows) {
    const row_vector& a = in[n.children[0]];
    if (a.kind == row_kind::number) {
        out.make_numbers(rows);
        if (!a.status.empty()) {
            out.make_status();
            std::copy(a.status.begin(), a.status.end(), out.own_status.begin());
        }
        for (std::size_t r = 0; r < rows; ++r) {
            const double x = a.numbers[r];
            double y = x;
            if (n.kind == op::percent) y = x / 100;
            else if (n.un == dsl::unary_op::negate) y = x == 0 ? 0.0 : -x;
            out.own_numbers[r] = y;
        }
        // Blank becomes 0 under arithmetic (=-A1 of a blank A1 is 0).
        if (!a.status.empty())
            for (std::size_t r = 0; r < rows; ++r)
                if (out.own_status[r] == status_blank && !(n.kind == op::unary && n.un == dsl::unary_op::plus))
                    out.own_status[r] = status_value;
        return;
    }
    out.make_mixed(rows);
    for (std::size_t r = 0; r < rows; ++r) {
        const value v = a.at(r);
        out.own_mixed[r] = n.kind == op::percent ? apply_percent(v) : apply_unary(n.un, v);
    }
    out.normalize();
}

void row_program::binary(std::size_t i, const std::vector<row_vector>& in, row_vector& out, std::size_t rows) {
    const node& n = nodes_[i];
    const row_vector& a = in[n.children[0]];
    const row_vector& b = in[n.children[1]];
    const binary_op op = n.bin;

    if (a.kind == row_kind::scalar && b.kind == row_kind::scalar) {
        out.set_scalar(row_binary(op, a.scalar, b.scalar));
        return;
    }

    // A number column against a number constant: the commonest filter (`score >= 9`).
    if (is_comparison(op) && ((a.kind == row_kind::number && b.kind == row_kind::scalar && b.scalar.is_number()) ||
                              (b.kind == row_kind::number && a.kind == row_kind::scalar && a.scalar.is_number()))) {
        compare_with_constant(op, a.kind == row_kind::number, a.kind == row_kind::number ? a : b,
                              (a.kind == row_kind::number ? b : a).scalar.number(), out, rows);
        return;
    }

    // Numbers (and booleans) with arithmetic; numbers with numbers, booleans with booleans in comparisons.
    const int ta = type_class(a), tb = type_class(b);
    if (numeric_operand::accepts(a) && numeric_operand::accepts(b) &&
        (is_arithmetic(op) || (is_comparison(op) && (ta == tb || ta == 0 || tb == 0)))) {
        const numeric_operand x(a), y(b);
        if (is_arithmetic(op)) {
            out.make_numbers(rows);
            std::vector<std::uint8_t>* status = nullptr;
            for (std::size_t r = 0; r < rows; ++r) {
                std::uint8_t sx = x.status(r), sy = y.status(r);
                std::uint8_t s = is_error_status(sx) ? sx : is_error_status(sy) ? sy : status_value;
                if (s == status_value) s = arithmetic(op, sx == status_blank ? 0 : x.get(r), sy == status_blank ? 0 : y.get(r),
                                                      out.own_numbers[r]);
                if (s != status_value) {
                    if (status == nullptr) status = &out.make_status();
                    (*status)[r] = s;
                    out.own_numbers[r] = 0;
                }
            }
            return;
        }
        out.make_booleans(rows);
        std::vector<std::uint8_t>* status = nullptr;
        for (std::size_t r = 0; r < rows; ++r) {
            const std::uint8_t sx = x.status(r), sy = y.status(r);
            bool result = false;
            if (is_error_status(sx) || is_error_status(sy)) {
                if (status == nullptr) status = &out.make_status();
                (*status)[r] = is_error_status(sx) ? sx : sy;
                continue;
            }
            if (sx == status_blank || sy == status_blank) {
                const bool both = sx == status_blank && sy == status_blank;
                result = op == binary_op::equal ? both : op == binary_op::not_equal ? !both : false;
            } else {
                const double p = x.get(r), q = y.get(r);
                result = compare_result(op, approx_equal(p, q) ? 0 : (p < q ? -1 : 1));
            }
            out.own_booleans[r] = result ? 1 : 0;
        }
        return;
    }

    // Text codes against a text constant: one comparison per distinct code.
    if (is_comparison(op) && ((a.kind == row_kind::text && b.kind == row_kind::scalar && b.scalar.is_text()) ||
                              (b.kind == row_kind::text && a.kind == row_kind::scalar && a.scalar.is_text()))) {
        const bool text_left = a.kind == row_kind::text;
        const row_vector& codes = text_left ? a : b;
        const value& constant = text_left ? b.scalar : a.scalar;
        text_cache& cache = text_caches_[i];
        if (cache.pool != codes.pool) {
            cache.pool = codes.pool;
            cache.results.clear();
        }
        const std::uint8_t blank_result = blank_comparison(op, constant) ? 1 : 0;
        // Results for every code of the dictionary so far (codes are dense, new ones at the end), then one
        // lookup per row.
        for (std::uint32_t code = static_cast<std::uint32_t>(cache.results.size()); code < codes.pool->size(); ++code) {
            const value text(codes.pool->at(code));
            const int c = text_left ? compare_values(text, constant) : compare_values(constant, text);
            cache.results.push_back(compare_result(op, c) ? 1 : 0);
        }
        out.make_booleans(rows);
        const std::size_t known = cache.results.size();
        const std::int8_t* table = cache.results.data();
        std::uint8_t* o = out.own_booleans.data();
        for (std::size_t r = 0; r < rows; ++r) {
            const std::uint32_t code = codes.codes[r];
            o[r] = code < known ? static_cast<std::uint8_t>(table[code]) : blank_result;
        }
        return;
    }

    out.make_mixed(rows);
    for (std::size_t r = 0; r < rows; ++r) out.own_mixed[r] = row_binary(op, a.at(r), b.at(r));
    out.normalize();
}

void row_program::function(const node& n, const std::vector<row_vector>& in, row_vector& out, std::size_t rows) {
    std::uint64_t omitted_mask = 0;
    for (std::size_t i = 0; i < n.children.size() && i < 64; ++i)
        if (n.children[i] == omitted) omitted_mask |= std::uint64_t{1} << i;
    std::size_t row = 0;
    const argument_source argument = [&](std::size_t i) -> value {
        const std::size_t c = n.children[i];
        return c == omitted ? value() : in[c].at(row);
    };
    out.make_mixed(rows);
    for (row = 0; row < rows; ++row)
        out.own_mixed[row] = call_function(*n.function, n.children.size(), omitted_mask, argument, ctx_);
    out.normalize();
}

}  // namespace folio::eval

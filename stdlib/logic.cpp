// The logical functions: IF, IFS, IFERROR, IFNA, CHOOSE, SWITCH, AND, OR, XOR, NOT,
// TRUE and FALSE.
//
// IF, IFS, IFERROR, IFNA, CHOOSE and SWITCH are lazy: with a scalar selector they
// evaluate only the argument they pick, so =IF(TRUE,1,1/0) is 1 and a branch's
// references come back as references (=SUM(IF(TRUE,A1:A3,B1:B3))). When the selector
// is an array or a multi-cell range they evaluate every argument and map element-wise,
// broadcasting one-row and one-column operands and giving #N/A where sizes do not
// match, as Excel's dynamic arrays do (=IF({TRUE,FALSE},"a","b") → {"a","b"}).
// AND, OR and XOR read booleans and numbers; inside references and arrays they skip
// text and blank cells, and with nothing logical left they give #VALUE!.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <vector>

#include "folio/engine/coerce.hpp"
#include "folio/engine/function.hpp"
#include "folio/engine/elementwise.hpp"
#include "folio/stdlib/builtins.hpp"

namespace folio {
namespace {

// ---------------------------------------------------------------------------------
// Element-wise helpers shared by the lazy functions.

// Element (r, c) of an operand; #N/A outside a smaller operand.
value element(const value& v, std::int32_t r, std::int32_t c, call_context& ctx) {
    return element_at(v, r, c, ctx).value_or(value(error_code::na));
}

// Functions never return blank: a blank result becomes 0, as =A1 shows 0.
value non_blank(value v) {
    if (v.is_blank()) return 0.0;
    return v;
}

// Runs `scalar(operands)` for every position of the broadcast shape of `operands` and
// returns the array of results.
template <class F>
value map_elements(const std::vector<value>& operands, call_context& ctx, F&& scalar) {
    element_shape d;
    for (const value& v : operands) widen(d, v);
    std::vector<value> cells;
    cells.reserve(static_cast<std::size_t>(d.rows) * static_cast<std::size_t>(d.cols));
    std::vector<value> row_operands(operands.size());
    for (std::int32_t r = 0; r < d.rows; ++r) {
        for (std::int32_t c = 0; c < d.cols; ++c) {
            for (std::size_t i = 0; i < operands.size(); ++i) row_operands[i] = element(operands[i], r, c, ctx);
            cells.push_back(non_blank(scalar(row_operands)));
        }
    }
    return make_array(d.rows, d.cols, std::move(cells));
}

// Evaluates argument i, giving 0 for an omitted argument (=IF(TRUE,) → 0).
value evaluate_or_zero(lazy_arguments& args, std::size_t i) {
    if (args.omitted(i)) return 0.0;
    return args.evaluate(i);
}

// Returns `first` followed by arguments 1, 2, ... evaluated (omitted ones as 0).
std::vector<value> with_rest_evaluated(value first, lazy_arguments& args) {
    std::vector<value> out;
    out.reserve(args.size());
    out.push_back(std::move(first));
    for (std::size_t i = 1; i < args.size(); ++i) out.push_back(evaluate_or_zero(args, i));
    return out;
}

// Reads a scalar condition: blank is FALSE, numbers are ≠ 0, "TRUE"/"FALSE" text
// converts, other text is #VALUE!, errors pass through.
or_error<bool> condition(const value& v) {
    if (v.is_error()) return v.error();
    if (v.is_blank()) return false;
    if (v.is_array() || v.is_reference()) return error_code::value;
    return to_boolean(v);
}

// Returns a branch result: references and arrays unchanged, blank as 0.
value branch_result(value v) { return non_blank(std::move(v)); }

// ---------------------------------------------------------------------------------
// IF

// Picks IF's result among scalars: cond, then, else.
value if_scalar(const std::vector<value>& ops) {
    auto t = condition(ops[0]);
    if (!t) return t.error();
    return *t ? ops[1] : ops[2];
}

// Returns the then-branch when the condition holds, else the else-branch; a missing
// else-branch gives FALSE and an omitted branch gives 0.
value if_impl(lazy_arguments& args, call_context& ctx) {
    value cond = deref(args.evaluate(0), ctx);
    auto branch = [&](std::size_t i) -> value {
        if (i >= args.size()) return false;  // =IF(FALSE,1) → FALSE
        return evaluate_or_zero(args, i);    // =IF(TRUE,) → 0
    };
    if (is_multi(cond)) {
        std::vector<value> ops{cond, branch(1), branch(2)};
        return map_elements(ops, ctx, if_scalar);
    }
    auto t = condition(cond);
    if (!t) return t.error();
    return branch_result(branch(*t ? 1 : 2));
}

// ---------------------------------------------------------------------------------
// IFS

// Picks IFS's result among scalars: cond1, value1, cond2, value2, ...
value ifs_scalar(const std::vector<value>& ops) {
    for (std::size_t i = 0; i + 1 < ops.size(); i += 2) {
        auto t = condition(ops[i]);
        if (!t) return t.error();
        if (*t) return ops[i + 1];
    }
    return error_code::na;
}

// Returns the value paired with the first true condition; #N/A when none holds.
value ifs_impl(lazy_arguments& args, call_context& ctx) {
    // Excel refuses an odd argument count at entry; a call that gets here anyway has a
    // condition without a value.
    if (args.size() % 2 != 0) return error_code::value;
    for (std::size_t i = 0; i < args.size(); i += 2) {
        value cond = deref(evaluate_or_zero(args, i), ctx);
        if (is_multi(cond)) {
            // From here on every pair takes part in the element-wise evaluation.
            std::vector<value> ops{cond};
            for (std::size_t j = i + 1; j < args.size(); ++j) ops.push_back(evaluate_or_zero(args, j));
            return map_elements(ops, ctx, ifs_scalar);
        }
        auto t = condition(cond);
        if (!t) return t.error();
        if (*t) return branch_result(evaluate_or_zero(args, i + 1));
    }
    return error_code::na;
}

// ---------------------------------------------------------------------------------
// IFERROR, IFNA

// Returns the first operand unless it is an error that `catches` accepts.
template <bool OnlyNa>
value iferror_scalar(const std::vector<value>& ops) {
    const value& v = ops[0];
    if (v.is_error() && (!OnlyNa || v.error() == error_code::na)) return ops[1];
    return v;
}

template <bool OnlyNa>
value iferror_common(lazy_arguments& args, call_context& ctx) {
    value v = deref(args.evaluate(0), ctx);
    if (is_multi(v)) {
        std::vector<value> ops{v, evaluate_or_zero(args, 1)};
        return map_elements(ops, ctx, iferror_scalar<OnlyNa>);
    }
    if (v.is_error() && (!OnlyNa || v.error() == error_code::na)) return branch_result(evaluate_or_zero(args, 1));
    return non_blank(std::move(v));
}

// Returns value_if_error when the value is any error, else the value.
value iferror_impl(lazy_arguments& args, call_context& ctx) { return iferror_common<false>(args, ctx); }

// Returns value_if_na when the value is #N/A, else the value.
value ifna_impl(lazy_arguments& args, call_context& ctx) { return iferror_common<true>(args, ctx); }

// ---------------------------------------------------------------------------------
// CHOOSE

// Reads CHOOSE's index: truncated, 1 ≤ index ≤ choices, else #VALUE!.
or_error<std::size_t> choose_index(const value& v, std::size_t choices) {
    if (v.is_error()) return v.error();
    if (v.is_array() || v.is_reference()) return error_code::value;
    auto n = to_number(v);
    if (!n) return n.error();
    double k = std::trunc(*n);
    if (!(k >= 1.0) || k > static_cast<double>(choices)) return error_code::value;
    return static_cast<std::size_t>(k);
}

// Picks CHOOSE's result among scalars: index, value1, value2, ...
value choose_scalar(const std::vector<value>& ops) {
    auto k = choose_index(ops[0], ops.size() - 1);
    if (!k) return k.error();
    return ops[*k];
}

// Returns the index-th value (references stay references); #VALUE! outside 1..count.
value choose_impl(lazy_arguments& args, call_context& ctx) {
    value index = deref(evaluate_or_zero(args, 0), ctx);
    if (is_multi(index)) {
        std::vector<value> ops = with_rest_evaluated(index, args);
        return map_elements(ops, ctx, choose_scalar);
    }
    auto k = choose_index(index, args.size() - 1);
    if (!k) return k.error();
    return branch_result(evaluate_or_zero(args, *k));
}

// ---------------------------------------------------------------------------------
// SWITCH

// True when SWITCH's expression equals a case value (Excel's "=": case-insensitive
// text, no conversion between types, blank as 0 / "" / FALSE).
bool switch_matches(const value& expr, const value& candidate) { return compare_values(expr, candidate) == 0; }

// Picks SWITCH's result among scalars: expression, value1, result1, ..., [default].
value switch_scalar(const std::vector<value>& ops) {
    const value& expr = ops[0];
    if (expr.is_error()) return expr;
    std::size_t pairs = (ops.size() - 1) / 2;
    for (std::size_t p = 0; p < pairs; ++p) {
        const value& candidate = ops[1 + 2 * p];
        if (candidate.is_error()) return candidate;
        if (switch_matches(expr, candidate)) return ops[2 + 2 * p];
    }
    if ((ops.size() - 1) % 2 == 1) return ops.back();
    return error_code::na;
}

// Returns the result paired with the first case value equal to the expression, else
// the default, else #N/A.
value switch_impl(lazy_arguments& args, call_context& ctx) {
    value expr = deref(evaluate_or_zero(args, 0), ctx);
    if (is_multi(expr)) {
        std::vector<value> ops = with_rest_evaluated(expr, args);
        return map_elements(ops, ctx, switch_scalar);
    }
    if (expr.is_error()) return expr;
    std::size_t pairs = (args.size() - 1) / 2;
    for (std::size_t p = 0; p < pairs; ++p) {
        value candidate = deref(evaluate_or_zero(args, 1 + 2 * p), ctx);
        if (is_multi(candidate)) {
            // An array of case values: Excel maps over it; so do we, from here on.
            std::vector<value> ops{expr};
            ops.push_back(candidate);
            for (std::size_t j = 2 + 2 * p; j < args.size(); ++j) ops.push_back(evaluate_or_zero(args, j));
            return map_elements(ops, ctx, switch_scalar);
        }
        if (candidate.is_error()) return candidate;
        if (switch_matches(expr, candidate)) return branch_result(evaluate_or_zero(args, 2 + 2 * p));
    }
    if ((args.size() - 1) % 2 == 1) return branch_result(evaluate_or_zero(args, args.size() - 1));
    return error_code::na;
}

// ---------------------------------------------------------------------------------
// AND, OR, XOR, NOT, TRUE, FALSE

struct logical_tally {
    int values = 0;  // logical values seen
    int trues = 0;   // of which TRUE
};

// Counts the logical values of AND/OR/XOR's arguments: direct numbers, booleans and
// "TRUE"/"FALSE" text; inside references and arrays only numbers and booleans (text
// and blank cells are skipped). Returns the first error met.
std::optional<error_code> tally_logicals(const arguments& args, call_context& ctx, logical_tally& tally) {
    auto count = [&](bool b) {
        ++tally.values;
        if (b) ++tally.trues;
    };
    for (std::size_t i = 0; i < args.size(); ++i) {
        const value& arg = args[i];
        if (arg.is_reference() || arg.is_array()) {
            grid g(arg, ctx);
            std::optional<error_code> failure;
            for (std::int32_t r = 0; r < g.used_rows() && !failure; ++r) {
                for (std::int32_t c = 0; c < g.used_cols(); ++c) {
                    const value& v = g.at(r, c);
                    if (v.is_error()) {
                        failure = v.error();
                        break;
                    }
                    if (v.is_boolean()) count(v.boolean());
                    else if (v.is_number()) count(v.number() != 0.0);
                }
            }
            if (failure) return failure;
            continue;
        }
        if (arg.is_error()) return arg.error();
        if (arg.is_blank()) {  // an omitted argument: =AND(TRUE,) is FALSE
            count(false);
            continue;
        }
        auto b = to_boolean(arg);  // "TRUE" converts, "abc" is #VALUE!
        if (!b) return b.error();
        count(*b);
    }
    return std::nullopt;
}

// Returns TRUE when every logical value is TRUE.
value and_impl(const arguments& args, call_context& ctx) {
    logical_tally t;
    if (auto e = tally_logicals(args, ctx, t)) return *e;
    if (t.values == 0) return error_code::value;
    return t.trues == t.values;
}

// Returns TRUE when any logical value is TRUE.
value or_impl(const arguments& args, call_context& ctx) {
    logical_tally t;
    if (auto e = tally_logicals(args, ctx, t)) return *e;
    if (t.values == 0) return error_code::value;
    return t.trues > 0;
}

// Returns TRUE when an odd number of logical values are TRUE.
value xor_impl(const arguments& args, call_context& ctx) {
    logical_tally t;
    if (auto e = tally_logicals(args, ctx, t)) return *e;
    if (t.values == 0) return error_code::value;
    return t.trues % 2 == 1;
}

// Returns the logical opposite of a scalar (blank is FALSE, so NOT of it is TRUE).
value not_impl(const arguments& args, call_context&) {
    const value& v = args[0];
    if (v.is_error()) return v;
    if (v.is_blank()) return true;
    auto b = to_boolean(v);
    if (!b) return b.error();
    return !*b;
}

// Returns TRUE.
value true_impl(const arguments&, call_context&) { return true; }

// Returns FALSE.
value false_impl(const arguments&, call_context&) { return false; }

const function_def logic_functions[] = {
    {"IF", 2, 3, fn_lazy, nullptr, if_impl,
     "Returns one value when a condition is TRUE and another when it is FALSE.", "=IF(2>1,\"yes\",\"no\") → \"yes\""},
    {"IFS", 2, 254, fn_lazy | fn_future, nullptr, ifs_impl,
     "Returns the value paired with the first TRUE condition; #N/A when none is.", "=IFS(1>2,\"a\",TRUE,\"b\") → \"b\""},
    {"IFERROR", 2, 2, fn_lazy | fn_non_strict, nullptr, iferror_impl,
     "Returns a fallback when a value is an error, else the value.", "=IFERROR(1/0,0) → 0"},
    {"IFNA", 2, 2, fn_lazy | fn_non_strict | fn_future, nullptr, ifna_impl,
     "Returns a fallback when a value is #N/A, else the value.", "=IFNA(NA(),\"none\") → \"none\""},
    {"CHOOSE", 2, 255, fn_lazy, nullptr, choose_impl,
     "Returns the value at a 1-based position in its list of values.", "=CHOOSE(2,\"a\",\"b\",\"c\") → \"b\""},
    {"SWITCH", 3, 254, fn_lazy | fn_future, nullptr, switch_impl,
     "Returns the result paired with the first value equal to an expression, or a default.",
     "=SWITCH(2,1,\"one\",2,\"two\",\"other\") → \"two\""},
    {"AND", 1, 255, fn_strict, and_impl, nullptr,
     "Returns TRUE when all its logical values are TRUE.", "=AND(TRUE,1>0) → TRUE"},
    {"OR", 1, 255, fn_strict, or_impl, nullptr,
     "Returns TRUE when any of its logical values is TRUE.", "=OR(FALSE,1>2) → FALSE"},
    {"XOR", 1, 254, fn_strict | fn_future, xor_impl, nullptr,
     "Returns TRUE when an odd number of its logical values are TRUE.", "=XOR(TRUE,TRUE) → FALSE"},
    {"NOT", 1, 1, fn_lifts, not_impl, nullptr, "Reverses a logical value.", "=NOT(FALSE) → TRUE"},
    {"TRUE", 0, 0, fn_strict, true_impl, nullptr, "Returns the logical value TRUE.", "=TRUE() → TRUE"},
    {"FALSE", 0, 0, fn_strict, false_impl, nullptr, "Returns the logical value FALSE.", "=FALSE() → FALSE"},
};

}  // namespace

void register_logic_functions(function_registry& registry) {
    for (const auto& f : logic_functions) registry.add(f);
}

}  // namespace folio

// Excel's rules for which argument values an aggregate function counts.
//
// SUM(1, TRUE, "2") = 4 but SUM(A1:A3) over the same three cells = 1: values typed
// directly as arguments are converted, values inside references and arrays are
// taken only if they are numbers. The "A" functions (AVERAGEA, MAXA, MINA) also count
// text (as 0) and booleans (as 1 or 0) inside references and arrays.
#pragma once

#include <optional>
#include <vector>

#include "folio/engine/coerce.hpp"
#include "folio/engine/function.hpp"

namespace folio {

enum class count_rule {
    numbers,     // SUM, AVERAGE, MAX, ...: in ranges and arrays only numbers
    all_values,  // AVERAGEA, MAXA, MINA: in ranges and arrays text is 0, booleans 1/0
};

// Calls f(double) for every number the arguments contribute under `rule`. Returns the
// first error met (a direct error argument, an error inside a range, or direct text
// that is not a number), or nullopt when all went well.
template <class F>
std::optional<error_code> for_each_number(const arguments& args, call_context& ctx, count_rule rule, F&& f) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        const value& arg = args[i];
        if (args.omitted(i)) { f(0.0); continue; }
        if (arg.is_reference() || arg.is_array()) {
            grid g(arg, ctx);
            std::optional<error_code> failure;
            for (std::int32_t r = 0; r < g.used_rows() && !failure; ++r) {
                for (std::int32_t c = 0; c < g.used_cols(); ++c) {
                    const value& v = g.at(r, c);
                    switch (v.type()) {
                        case value::kind::number: f(v.number()); break;
                        case value::kind::error: failure = v.error(); break;
                        case value::kind::boolean:
                            if (rule == count_rule::all_values) f(v.boolean() ? 1.0 : 0.0);
                            break;
                        case value::kind::text:
                            if (rule == count_rule::all_values) f(0.0);
                            break;
                        default: break;
                    }
                    if (failure) break;
                }
            }
            if (failure) return failure;
            continue;
        }
        if (arg.is_error()) return arg.error();
        if (arg.is_blank()) { f(0.0); continue; }
        auto n = to_number(arg);
        if (!n) return n.error();
        f(*n);
    }
    return std::nullopt;
}

// Collects the numbers for_each_number would visit into a vector.
std::optional<error_code> collect_numbers(const arguments& args, call_context& ctx, count_rule rule,
                                          std::vector<double>& out);

}  // namespace folio

// Evaluating derived metrics (see metric_evaluator.hpp).
#include "metric_evaluator.hpp"

#include <algorithm>

#include "../operators.hpp"
#include "function_calls.hpp"
#include "period_comparison.hpp"

namespace folio::eval {
namespace {

value scalar(value v) {
    if (v.is_array()) {
        const array& a = v.array_value();
        return a.rows() > 0 && a.cols() > 0 ? a.at(0, 0) : value(error_code::calc);
    }
    if (v.is_reference()) return error_code::ref;
    return v;
}

std::string memo_key(std::size_t metric, const context& c) {
    std::string key = std::to_string(metric) + ":" + std::to_string(c.grouping);
    for (std::uint32_t id : c.ids) key += "," + std::to_string(id);
    return key;
}

}  // namespace

metric_evaluator::metric_evaluator(const report::checked_program& program, const evaluation_plan& plan,
                                   const std::vector<std::unique_ptr<source_scan>>& scans, domain_set& domains,
                                   const std::vector<value>& params, call_context& ctx)
    : program_(program), plan_(plan), scans_(scans), domains_(domains), params_(params), ctx_(ctx) {}

value metric_evaluator::evaluate(const report::expr& e, const context& c) {
    return scalar(eval(e, c));
}

value metric_evaluator::base_value(std::size_t base, const context& c) const {
    const base_aggregate& b = plan_.bases()[base];
    if (b.source >= scans_.size() || !scans_[b.source]) return error_code::na;
    return scans_[b.source]->base_value(base, c.grouping, c.ids);
}

void metric_evaluator::collect_bases(const report::expr& e, std::vector<std::size_t>& out) const {
    using report::expr_kind;
    switch (e.kind) {
        case expr_kind::aggregate: {
            auto f = plan_.formulas().find(&e);
            if (f != plan_.formulas().end())
                for (std::size_t b : f->second.bases)
                    if (std::find(out.begin(), out.end(), b) == out.end()) out.push_back(b);
            return;
        }
        case expr_kind::metric: collect_bases(program_.metrics[e.index].formula, out); return;
        case expr_kind::def_call:
            if (!e.children.empty()) collect_bases(e.children[0], out);
            return;
        case expr_kind::shift: return;  // read in another context
        default:
            for (const report::expr& child : e.children) collect_bases(child, out);
            return;
    }
}

value metric_evaluator::eval(const report::expr& e, const context& c) {
    using report::expr_kind;
    switch (e.kind) {
        case expr_kind::none: return value();
        case expr_kind::number: return e.number;
        case expr_kind::text: return e.text;
        case expr_kind::boolean: return e.boolean;
        case expr_kind::error: return error_from_text(e.text).value_or(error_code::value);
        case expr_kind::array: {
            std::vector<value> cells;
            for (const report::expr& child : e.children) cells.push_back(scalar(eval(child, c)));
            return make_array(static_cast<std::int32_t>(e.array_rows), static_cast<std::int32_t>(e.array_cols),
                              std::move(cells));
        }
        case expr_kind::param: return e.index < params_.size() ? params_[e.index] : value(error_code::name);
        case expr_kind::metric: {
            const std::string key = memo_key(e.index, c);
            if (auto found = memo_.find(key); found != memo_.end()) return found->second;
            // A cycle cannot happen: the checker rejects metrics that refer to themselves.
            value v = scalar(eval(program_.metrics[e.index].formula, c));
            memo_.emplace(key, v);
            return v;
        }
        case expr_kind::def_call: return e.children.empty() ? value(error_code::value) : eval(e.children[0], c);
        case expr_kind::function: {
            if (e.function == nullptr) return error_code::name;
            std::uint64_t omitted = 0;
            for (std::size_t i = 0; i < e.children.size() && i < 64; ++i)
                if (e.children[i].kind == expr_kind::none) omitted |= std::uint64_t{1} << i;
            const argument_source argument = [&](std::size_t i) { return eval(e.children[i], c); };
            return call_function(*e.function, e.children.size(), omitted, argument, ctx_);
        }
        case expr_kind::unary: return apply_unary(e.un, eval(e.children[0], c));
        case expr_kind::percent: return apply_percent(eval(e.children[0], c));
        case expr_kind::binary: {
            const value a = eval(e.children[0], c);
            const value b = eval(e.children[1], c);
            return apply_binary(e.bin, a, b);
        }
        case expr_kind::aggregate: return aggregate(e, c);
        case expr_kind::shift: return shift(e, c);
        default: return error_code::value;  // columns and filters are row level
    }
}

value metric_evaluator::aggregate(const report::expr& e, const context& c) {
    auto found = plan_.formulas().find(&e);
    if (found == plan_.formulas().end()) return error_code::na;
    const aggregate_formula& f = found->second;
    const value first = base_value(f.bases[0], c);
    switch (f.kind) {
        case report::aggregate_kind::avg:
        case report::aggregate_kind::share:
            return apply_binary(dsl::binary_op::divide, first, base_value(f.bases[1], c));
        case report::aggregate_kind::pct:
            return apply_binary(dsl::binary_op::multiply, value(100.0),
                                apply_binary(dsl::binary_op::divide, first, base_value(f.bases[1], c)));
        default: return first;
    }
}

value metric_evaluator::shift(const report::expr& e, const context& c) {
    const std::vector<dimension_key>& keys = plan_.keys(c.grouping);
    std::size_t at = npos;
    for (std::size_t i = 0; i < keys.size(); ++i)
        if (keys[i].dimension == period_ && keys[i].grain != report::time_grain::none) at = i;
    if (at == npos) return error_code::na;
    context before = c;
    if (report::is_year_over_year(e.shift)) {
        const std::optional<std::uint32_t> year_ago = domains_.at(keys[at]).year_ago(c.ids[at]);
        if (!year_ago) return error_code::na;  // no such period a year before (ISO week 53)
        before.ids[at] = *year_ago;
    } else {
        before.ids[at] = domains_.at(keys[at]).shifted(c.ids[at], -1);
    }
    const value previous = scalar(eval(e.children[0], before));
    if (e.shift == report::shift_kind::previous || e.shift == report::shift_kind::previous_year) return previous;
    const value current = scalar(eval(e.children[0], c));
    const value change = apply_binary(dsl::binary_op::subtract, current, previous);
    if (e.shift == report::shift_kind::change || e.shift == report::shift_kind::yoy_change) return change;
    return relative_change(change, previous);  // pct_change, yoy_pct_change
}

}  // namespace folio::eval

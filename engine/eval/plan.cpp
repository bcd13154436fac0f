// Planning (see plan.hpp).
#include "plan.hpp"

#include <algorithm>

#include "expr_text.hpp"

namespace folio::eval {
namespace {

const report::expr* present(const report::expr& e) { return e.kind == report::expr_kind::none ? nullptr : &e; }

period_rule lifecycle_rule(report::aggregate_kind kind) {
    switch (kind) {
        case report::aggregate_kind::active_at_start: return period_rule::active_at_start;
        case report::aggregate_kind::active_at_end: return period_rule::active_at_end;
        case report::aggregate_kind::started: return period_rule::started;
        case report::aggregate_kind::ended: return period_rule::ended;
        default: return period_rule::none;
    }
}

}  // namespace

evaluation_plan::evaluation_plan(const report::checked_program& program, constant_evaluator constant)
    : program_(program), constant_(std::move(constant)), needs_(program.sources.size()) {}

std::size_t evaluation_plan::grouping(std::vector<dimension_key> keys) {
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    for (std::size_t i = 0; i < groupings_.size(); ++i)
        if (groupings_[i] == keys) return i;
    groupings_.push_back(std::move(keys));
    return groupings_.size() - 1;
}

const split_request* evaluation_plan::requester(std::size_t source, std::size_t dimension) const {
    auto found = requesters_.find({source, dimension});
    return found == requesters_.end() ? nullptr : &found->second;
}

std::size_t evaluation_plan::base(base_op op, const report::expr& aggregate, double k) {
    const report::expr* argument = op == base_op::rows ? nullptr : present(aggregate.children[0]);
    const report::expr* where = present(aggregate.children[1]);
    const period_rule rule = lifecycle_rule(aggregate.aggregate);
    const std::string rule_name = rule == period_rule::none ? "" : std::string(report::aggregate_name(aggregate.aggregate));
    std::string key = rule_name + std::string(base_op_name(op)) + "#" + std::to_string(aggregate.source) + "#" +
                      (argument ? expr_key(program_, *argument) : "") + "#" + (where ? expr_key(program_, *where) : "");
    if (op == base_op::percentile) key += "#" + number_text(k);
    if (auto found = base_keys_.find(key); found != base_keys_.end()) return found->second;

    base_aggregate b;
    b.op = op;
    b.source = aggregate.source;
    b.argument = argument;
    b.where = where;
    b.k = k;
    b.rule = rule;
    const std::string source = program_.sources[aggregate.source].qualified_name;
    const std::string arg = argument ? readable_text(program_, *argument) : source;
    const std::string cond = where ? " where " + readable_text(program_, *where) : "";
    switch (op) {
        case base_op::rows: b.text = (rule_name.empty() ? "count" : rule_name) + "(" + source + cond + ")"; break;
        case base_op::values: b.text = "count(" + arg + cond + ")"; break;
        case base_op::numbers: b.text = "numbers(" + arg + cond + ")"; break;
        case base_op::percentile: b.text = "percentile(" + arg + cond + ", " + number_text(k) + ")"; break;
        default: b.text = std::string(base_op_name(op)) + "(" + arg + cond + ")"; break;
    }
    bases_.push_back(std::move(b));
    base_keys_.emplace(std::move(key), bases_.size() - 1);
    return bases_.size() - 1;
}

const aggregate_formula& evaluation_plan::formula(const report::expr& e) {
    if (auto found = formulas_.find(&e); found != formulas_.end()) return found->second;
    aggregate_formula f;
    f.kind = e.aggregate;
    const bool has_argument = e.children[0].kind != report::expr_kind::none;
    switch (e.aggregate) {
        case report::aggregate_kind::count:
            f.bases.push_back(base(has_argument ? base_op::values : base_op::rows, e, 0));
            break;
        case report::aggregate_kind::distinct: f.bases.push_back(base(base_op::distinct, e, 0)); break;
        case report::aggregate_kind::sum: f.bases.push_back(base(base_op::sum, e, 0)); break;
        case report::aggregate_kind::avg:
            f.bases.push_back(base(base_op::sum, e, 0));
            f.bases.push_back(base(base_op::numbers, e, 0));
            break;
        case report::aggregate_kind::min: f.bases.push_back(base(base_op::min, e, 0)); break;
        case report::aggregate_kind::max: f.bases.push_back(base(base_op::max, e, 0)); break;
        case report::aggregate_kind::median: f.bases.push_back(base(base_op::median, e, 0)); break;
        case report::aggregate_kind::stdev: f.bases.push_back(base(base_op::stdev, e, 0)); break;
        case report::aggregate_kind::percentile: {
            const value k = constant_(e.children[2]);
            // A rank that is not a number gives #NUM! through an out-of-range k.
            f.bases.push_back(base(base_op::percentile, e, k.is_number() ? k.number() : -1.0));
            break;
        }
        case report::aggregate_kind::share:
        case report::aggregate_kind::pct:
            f.bases.push_back(base(base_op::values, e, 0));
            f.bases.push_back(base(base_op::rows, e, 0));
            break;
        case report::aggregate_kind::active_at_start:
        case report::aggregate_kind::active_at_end:
        case report::aggregate_kind::started:
        case report::aggregate_kind::ended: f.bases.push_back(base(base_op::rows, e, 0)); break;
    }
    return formulas_.emplace(&e, std::move(f)).first->second;
}

void evaluation_plan::require(const report::expr& e, std::size_t g, const split_request& who) {
    using report::expr_kind;
    switch (e.kind) {
        case expr_kind::aggregate: {
            if (e.source >= needs_.size()) return;
            const aggregate_formula& f = formula(e);
            std::set<std::size_t>& needed = needs_[e.source][g];
            needed.insert(f.bases.begin(), f.bases.end());
            for (const dimension_key& key : groupings_[g]) requesters_.try_emplace({e.source, key.dimension}, who);
            return;
        }
        case expr_kind::metric: {
            if (!visited_metrics_.insert({e.index, g}).second) return;
            const report::metric& m = program_.metrics[e.index];
            require(m.formula, g, who);
            return;
        }
        case expr_kind::def_call:
            if (!e.children.empty()) require(e.children[0], g, who);
            return;
        case expr_kind::filter:
        case expr_kind::column:
            return;
        default:
            for (const report::expr& c : e.children) require(c, g, who);
            return;
    }
}

}  // namespace folio::eval

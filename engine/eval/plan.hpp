// The plan of an evaluation: which base aggregates each source must compute for which
// groupings.
//
// Every context the selected reports show (KPI tiles by the period, table rows by
// their dimensions, chart points by axis and series, expectations and totals over all
// the data) belongs to a grouping, a set of dimension keys. Walking the metric
// formulas evaluated there (through metrics, defs and shifts) finds their aggregates;
// each becomes one or two base aggregates, deduplicated program-wide by what they
// compute, and each source gets, per grouping, the set of base aggregates to compute
// in its scan.
#pragma once

#include <functional>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "folio/engine/eval/report_result.hpp"

namespace folio::eval {

// Who first needed a source split by a dimension: for the message when its data cannot be.
struct split_request {
    std::string what;        // "metric FRT", "expression NPS - 10"
    report::location loc;
};

class evaluation_plan {
public:
    // Evaluates a constant expression (a percentile's rank).
    using constant_evaluator = std::function<value(const report::expr&)>;

    evaluation_plan(const report::checked_program& program, constant_evaluator constant);

    /// Returns the index of a grouping (its keys in any order), adding it when new.
    std::size_t grouping(std::vector<dimension_key> keys);

    /// Returns the keys of a grouping, sorted.
    const std::vector<dimension_key>& keys(std::size_t grouping) const { return groupings_[grouping]; }
    std::size_t grouping_count() const { return groupings_.size(); }

    /// Records that `e`, shown as `what` at `loc`, is evaluated in contexts of `grouping`.
    void require(const report::expr& e, std::size_t grouping, const split_request& who);

    const std::vector<base_aggregate>& bases() const { return bases_; }
    const std::unordered_map<const report::expr*, aggregate_formula>& formulas() const { return formulas_; }

    /// Returns, per grouping, the base aggregates a source computes (empty when it is not read).
    const std::map<std::size_t, std::set<std::size_t>>& needs(std::size_t source) const { return needs_[source]; }

    /// Returns who first needed `source` split by `dimension`, or null.
    const split_request* requester(std::size_t source, std::size_t dimension) const;

private:
    const report::checked_program& program_;
    constant_evaluator constant_;
    std::vector<std::vector<dimension_key>> groupings_;
    std::vector<base_aggregate> bases_;
    std::unordered_map<std::string, std::size_t> base_keys_;
    std::unordered_map<const report::expr*, aggregate_formula> formulas_;
    std::vector<std::map<std::size_t, std::set<std::size_t>>> needs_;
    std::map<std::pair<std::size_t, std::size_t>, split_request> requesters_;
    std::set<std::pair<std::size_t, std::size_t>> visited_metrics_;  // (metric, grouping)

    std::size_t base(base_op op, const report::expr& aggregate, double k);
    const aggregate_formula& formula(const report::expr& aggregate);
};

}  // namespace folio::eval

// Derived metrics: a metric formula evaluated in a context, with each aggregate taken
// from the base aggregates the scans computed there and Excel functions called through
// the registry. Errors are values (an empty group's average is #DIV/0!); previous,
// change and pct_change evaluate their metric in the same context with the period
// moved back one period of its grain.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "dimension_domain.hpp"
#include "folio/engine/function.hpp"
#include "plan.hpp"
#include "source_scan.hpp"

namespace folio::eval {

// A context: a grouping of the plan and an id per key of it.
struct context {
    std::size_t grouping = 0;
    std::vector<std::uint32_t> ids;
};

class metric_evaluator {
public:
    metric_evaluator(const report::checked_program& program, const evaluation_plan& plan,
                     const std::vector<std::unique_ptr<source_scan>>& scans, domain_set& domains,
                     const std::vector<value>& params, call_context& ctx);

    /// Sets the dimension that previous, change and pct_change move along (npos: none, they give #N/A).
    void set_period(std::size_t dimension) {
        if (dimension != period_) memo_.clear();
        period_ = dimension;
    }

    /// Returns the value of a metric-level expression in a context (a scalar).
    value evaluate(const report::expr& e, const context& c);

    /// Returns the value of a base aggregate in a context.
    value base_value(std::size_t base, const context& c) const;

    /// Returns the base aggregates `e` reads in a context of its grouping, by index (through metrics and defs).
    void collect_bases(const report::expr& e, std::vector<std::size_t>& out) const;

private:
    const report::checked_program& program_;
    const evaluation_plan& plan_;
    const std::vector<std::unique_ptr<source_scan>>& scans_;
    domain_set& domains_;
    const std::vector<value>& params_;
    call_context& ctx_;
    std::size_t period_ = npos;
    std::unordered_map<std::string, value> memo_;

    value eval(const report::expr& e, const context& c);
    value aggregate(const report::expr& e, const context& c);
    value shift(const report::expr& e, const context& c);
};

}  // namespace folio::eval

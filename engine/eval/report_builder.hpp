// One report, planned and then built: plan() records what its KPI tiles, tables and
// charts need (resolving its period to a time dimension); build() evaluates every
// tile, row and point after the scans, with the base aggregates of each context.
#pragma once

#include <functional>
#include <memory>
#include <vector>

#include "dimension_domain.hpp"
#include "folio/dsl/diagnostic.hpp"
#include "folio/engine/eval/report_result.hpp"
#include "metric_evaluator.hpp"
#include "plan.hpp"
#include "source_scan.hpp"

namespace folio::eval {

class report_builder {
public:
    report_builder(const report::checked_program& program, std::size_t report, const std::vector<value>& params);

    // Tells whether a source carries a dimension (reading the data's schema if need be).
    using carries_test = std::function<bool(std::size_t source, std::size_t dimension)>;

    /// Adds what the report needs to the plan and marks the sources whose rows it shows in `keep_rows`; false after
    /// adding a diagnostic (a period no time dimension can give). A KPI whose sources do not carry the period's
    /// dimension is planned over all the data, with a warning.
    bool plan(evaluation_plan& plan, const carries_test& carries, std::vector<bool>& keep_rows,
              dsl::diagnostic_list& diagnostics);

    /// Evaluates the report after the scans.
    report_result build(const evaluation_plan& plan, const std::vector<std::unique_ptr<source_scan>>& scans,
                        domain_set& domains, metric_evaluator& metrics);

private:
    const report::checked_program& program_;
    std::size_t index_;
    const report::report& report_;
    const std::vector<value>& params_;
    bool has_period_ = false;
    dimension_key period_;
    std::size_t kpi_grouping_ = 0;
    std::size_t total_grouping_ = 0;
    std::vector<std::size_t> block_groupings_;  // per block: tables and charts
    std::vector<const report::metric_use*> kpi_uses_;
    std::vector<bool> kpi_whole_;  // per KPI use: not split by the period

    bool resolve_period(const carries_test& carries, dsl::diagnostic_list& diagnostics);
};

}  // namespace folio::eval

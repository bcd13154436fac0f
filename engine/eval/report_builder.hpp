// One report, planned and then built: plan() records what its KPI tiles, tables and
// charts need (resolving its period to a time dimension); build() evaluates every
// tile, row and point after the scans, with the base aggregates of each context.
//
// A `to_date` report's tiles are grouped by the period cut to its first N days, N from
// the as-of date (the `as_of` param, else the last date in the data). Without the param
// that date is found by a first evaluation whose tiles are grouped by day (last_day()),
// and the report is then planned again with it.
#pragma once

#include <functional>
#include <memory>
#include <optional>
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
    /// `calendar`: the evaluation's; `to_date_end`: the as-of date of a to_date report without an as_of param, found
    /// by a first evaluation.
    report_builder(const report::checked_program& program, std::size_t report, const std::vector<value>& params,
                   const calendar_options& calendar, std::optional<double> to_date_end = std::nullopt);

    // Tells whether a source carries a dimension (reading the data's schema if need be).
    using carries_test = std::function<bool(std::size_t source, std::size_t dimension)>;

    /// Adds what the report needs to the plan and marks the sources whose rows it shows in `keep_rows`; false after
    /// adding a diagnostic (a period no time dimension can give). A KPI whose sources do not carry the period's
    /// dimension is planned over all the data, with a warning.
    bool plan(evaluation_plan& plan, const carries_test& carries, std::vector<bool>& keep_rows,
              dsl::diagnostic_list& diagnostics);

    /// Tells whether the report's tiles need the last date in the data before they can be planned (to_date without
    /// an as_of param or a to_date_end); known after plan().
    bool needs_last_day() const { return needs_last_day_; }

    /// Returns the last date with data of the KPIs' sources, after build() of a report that needs it.
    std::optional<double> last_day() const { return last_day_; }

    /// Evaluates the report after the scans.
    report_result build(const evaluation_plan& plan, const std::vector<std::unique_ptr<source_scan>>& scans,
                        domain_set& domains, metric_evaluator& metrics);

private:
    const report::checked_program& program_;
    std::size_t index_;
    const report::report& report_;
    const std::vector<value>& params_;
    calendar_options calendar_;
    bool has_period_ = false;
    dimension_key period_;
    std::optional<double> to_date_end_;  // to_date: the last day the tiles cover
    bool needs_last_day_ = false;
    std::optional<double> last_day_;
    std::size_t kpi_grouping_ = 0;
    std::size_t total_grouping_ = 0;
    std::vector<std::size_t> block_groupings_;  // per block: tables and charts
    std::vector<const report::metric_use*> kpi_uses_;
    std::vector<bool> kpi_whole_;  // per KPI use: not split by the period

    bool resolve_period(const carries_test& carries, dsl::diagnostic_list& diagnostics);
    std::optional<double> as_of() const;
};

}  // namespace folio::eval

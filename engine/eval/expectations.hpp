// `expect` assertions: planned over all the data, checked on every render. A failure
// is a diagnostic at the expectation naming the value that broke it:
//   report.folio:70:1: error: expectation failed: NPS between -100 and 100: NPS is 120.5
#pragma once

#include <vector>

#include "folio/dsl/diagnostic.hpp"
#include "folio/engine/eval/report_result.hpp"
#include "metric_evaluator.hpp"
#include "plan.hpp"

namespace folio::eval {

/// Adds what the expectations read to the plan, over all the data.
void plan_expectations(const report::checked_program& program, evaluation_plan& plan);

/// Checks every expectation; each failure is also added to `diagnostics` as an error.
std::vector<expect_result> check_expectations(const report::checked_program& program, evaluation_plan& plan,
                                              metric_evaluator& metrics, dsl::diagnostic_list& diagnostics);

}  // namespace folio::eval

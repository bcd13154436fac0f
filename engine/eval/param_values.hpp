// The values of a program's params: `--param name=value` read by the param's type,
// else the param's default (a constant expression), and the evaluator of constant
// expressions that defaults and percentile ranks use.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "folio/dsl/diagnostic.hpp"
#include "folio/engine/function.hpp"
#include "folio/engine/report/report_model.hpp"

namespace folio::eval {

/// Evaluates a constant expression (literals, params, Excel functions, operators) with the params' values.
value evaluate_constant(const report::expr& e, const std::vector<value>& params, call_context& ctx);

/// Reads `text` as a value of `type`: a number, a date (YYYY-MM-DD, as a serial), TRUE/FALSE (any case), or text;
/// nullopt when it is not one.
std::optional<value> parse_param_value(std::string_view text, report::value_type type);

/// Computes every param's value into `out` (one per checked_program::params); returns false after adding a
/// diagnostic for an unknown name, a value that does not fit its type or a param without a value.
bool compute_params(const report::checked_program& program,
                    const std::vector<std::pair<std::string, std::string>>& overrides, call_context& ctx,
                    std::vector<value>& out, dsl::diagnostic_list& diagnostics);

}  // namespace folio::eval

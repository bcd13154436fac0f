// Where charts and reports show metrics: binding a metric use (a metric's name or an
// expression over metrics), resolving the dimensions it is split by, and the check
// that every source the metric reads carries each of those dimensions.
#pragma once

#include <optional>

#include "checker_state.hpp"

namespace folio::report::detail {

// Binds the metric use `node`, written in `module`; an unknown bare name is reported
// as "unknown metric 'x'". Null after an error.
std::optional<metric_use> bind_metric_use(statement& stmt, const dsl::formula_node& node, std::size_t module);

// Resolves `name` in `module` as a dimension; null after an error.
std::optional<std::size_t> resolve_dimension(statement& stmt, std::size_t module, const dsl::identifier& name);

enum class carriage : std::uint8_t { yes, deferred, no };

// Whether `source` carries dimension `dim`: a column names it, or (schema unknown) it may.
carriage carries(const checker_state& state, std::size_t dim, std::size_t source);

// Reports "metric FRT cannot be split by manager: source tickets has no column for it"
// at the use when a source it reads cannot be split by `dim`; false then.
bool check_split(statement& stmt, const metric_use& use, std::size_t dim);

// Warns when a use counts entities of a lifecycle source (active_at_start, ended, ...)
// in a place split by none of `dims` as a time dimension (`what`: "this table"): it is
// #N/A there.
void warn_without_period(checker_state& state, const metric_use& use, const std::vector<std::size_t>& dims,
                         const std::string& what);

}  // namespace folio::report::detail

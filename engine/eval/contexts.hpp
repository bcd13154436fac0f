// Listing the contexts a table or chart shows: the groups the scans met in its
// grouping, across the sources of its metrics, with every period between the first
// and the last of each time dimension filled in (a trend shows its empty months, it
// does not skip them), in the order of the dimensions' values.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "dimension_domain.hpp"
#include "plan.hpp"
#include "source_scan.hpp"

namespace folio::eval {

/// Returns the id tuples (in the grouping's key order) of the contexts of `grouping` over `sources`: the groups met,
/// time keys filled from their first to their last period; with `cross`, every combination of the values of each
/// key (a chart's series by categories); sorted by the keys in the order of `order` (positions in the grouping).
std::vector<std::vector<std::uint32_t>> list_contexts(const evaluation_plan& plan, std::size_t grouping,
                                                      const std::vector<std::size_t>& sources,
                                                      const std::vector<std::unique_ptr<source_scan>>& scans,
                                                      domain_set& domains, const std::vector<std::size_t>& order,
                                                      bool cross);

}  // namespace folio::eval

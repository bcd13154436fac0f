// Aggregate pushdown: running a source's compiled queries (sql_compiler.hpp) on its
// database and keeping the aggregated rows as the groups and base aggregate values a
// scan would have computed, read through the same calls (base_value, list_groups).
//
// Group keys come back as values (text, numbers, booleans; time grains as the serial
// of the period's first day) and become ids of the same dimension domains the scans
// use, so a region met in a CSV source and in a PostgreSQL one is one id. A NULL
// aggregate is what the in-memory path gives over no values: #NUM! for min, max,
// median and percentile, #DIV/0! for stdev, 0 for counts and sums.
#pragma once

#include <cstdint>
#include <span>
#include <unordered_map>
#include <vector>

#include "../dimension_domain.hpp"
#include "../group_map.hpp"
#include "../plan.hpp"
#include "folio/engine/data/postgres.hpp"
#include "sql_compiler.hpp"

namespace folio::eval::sql {

class pushed_aggregates {
public:
    /// Runs every query of `compiled` on `db`, filling the groups; throws data::data_error from the database.
    void run(data::sql_database& db, const compiled_source& compiled, const evaluation_plan& plan, domain_set& domains);

    /// Returns the value of a base aggregate in the context `ids` of `grouping` (#N/A when not computed here).
    value base_value(const evaluation_plan& plan, std::size_t base, std::size_t grouping,
                     std::span<const std::uint32_t> ids) const;

    /// Appends the id tuples of the groups met in `grouping`.
    void list_groups(std::size_t grouping, std::vector<std::vector<std::uint32_t>>& out) const;

    /// Returns the number of result rows fetched (groups, over every grouping).
    std::uint64_t fetched_rows() const { return fetched_; }

    /// Returns the number of rows of the source (the rows of the groups of its first query).
    std::uint64_t source_rows() const { return source_rows_; }

private:
    struct grouping_values {
        group_map groups;
        std::unordered_map<std::size_t, std::vector<value>> values;  // per base, per group
        explicit grouping_values(std::size_t width) : groups(width) {}
    };
    std::unordered_map<std::size_t, grouping_values> groupings_;
    std::uint64_t fetched_ = 0;
    std::uint64_t source_rows_ = 0;
};

}  // namespace folio::eval::sql

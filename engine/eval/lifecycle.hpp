// Lifecycle and snapshot sources: rows that describe entities over time, aggregated
// per period by the entities' state rather than by a column of the period.
//
// A lifecycle source (`starts: "started_at", ends: "churned_at"`) has one row per
// entity with a start and an optional end date. In a context with a period, its
// ordinary aggregates (count, sum, avg, ...) run over the entities active at the
// period's end (MRR by month = the MRR of the accounts active on each month's last
// day), and the lifecycle aggregates count entities relative to the period:
//   active_at_start  started before the first day, not ended before it
//   active_at_end    started on or before the last day, not ended on or before it
//   started          start date within the period
//   ended            end date within the period
// Without a period the ordinary aggregates take every row and the lifecycle ones are
// #N/A.
//
// A snapshot source (`snapshot: "as_of", entity: "account_id"`) has a row per entity
// and date (daily MRR, seats, open tickets); in a period each entity contributes only
// its last row dated within it (its value at the period's end, not the sum over the
// days), without one its last row overall. The entity's state on that row decides the
// other dimensions (its region) and the `where`.
//
// The source's rows are few (entities, or entities × dates), so they are kept in
// memory: the scan appends its batches here, the row expressions are evaluated once
// over all of them, and each context's base aggregate is computed on demand, through
// the same accumulators as the streaming scans.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <tuple>
#include <vector>

#include "dimension_domain.hpp"
#include "folio/engine/data/load_issue.hpp"
#include "folio/engine/data/table.hpp"
#include "plan.hpp"
#include "row_program.hpp"

namespace folio::eval {

class entity_source {
public:
    entity_source(const report::checked_program& program, std::size_t source, const evaluation_plan& plan,
                  domain_set& domains);

    /// Adds the row expressions it reads to `rows`: the date (and entity) columns, the argument and `where` of every
    /// base aggregate the plan asks of the source.
    void bind(row_program& rows);

    /// Keeps a batch of the source's rows.
    void append(const data::table& batch);

    /// Evaluates the row expressions over every row kept (after the read); returns the values, one per node.
    std::vector<row_vector>& evaluate(row_program& rows);

    /// Returns the number of rows kept.
    std::size_t row_count() const { return table_ ? table_->row_count() : 0; }

    /// Records the ids of a dimension (not a time one) per row, from the scan's readers.
    void set_ids(const dimension_key& key, std::vector<std::uint32_t> ids) { ids_[key] = std::move(ids); }

    /// Checks the dates and entities once evaluated: a date column holding other values is an error (false after
    /// adding it to `data_errors`).
    bool prepare(std::vector<data::load_issue>& data_errors);

    /// Returns the value of a base aggregate in the context `ids` of a grouping with `keys`.
    value base_value(std::size_t base, const std::vector<dimension_key>& keys, std::span<const std::uint32_t> ids) const;

    /// Appends the id tuples of the contexts of a grouping with `keys` the data meets: per entity, the periods of its
    /// start and of its end (or of the last date in the data); per snapshot row, the period of its date.
    void list_groups(const std::vector<dimension_key>& keys, std::vector<std::vector<std::uint32_t>>& out) const;

private:
    const report::checked_program& program_;
    std::size_t source_;
    const evaluation_plan& plan_;
    domain_set& domains_;
    bool snapshot_ = false;
    std::vector<report::expr> columns_;               // starts, ends / snapshot, entity, as column expressions
    std::size_t first_node_ = row_program::omitted;  // starts or snapshot
    std::size_t second_node_ = row_program::omitted; // ends or entity
    std::map<std::size_t, std::pair<std::size_t, std::size_t>> base_nodes_;  // base → argument, where nodes
    std::shared_ptr<data::table> table_;
    std::vector<row_vector> values_;
    std::map<dimension_key, std::vector<std::uint32_t>> ids_;
    std::vector<double> first_day_, second_day_;     // per row: start / date, end (NaN when blank)
    std::vector<std::uint32_t> entity_of_row_;
    double latest_day_ = 0;
    // Rows in each (rule, period) asked for so far.
    mutable std::map<std::tuple<period_rule, double, double>, std::vector<std::uint8_t>> members_;

    const std::vector<std::uint8_t>& members(period_rule rule, bool has_period, double first, double next) const;
    bool date_column(std::size_t node, const std::string& column, std::vector<double>& days,
                     std::vector<data::load_issue>& data_errors) const;
};

/// Returns how a metric formula aggregates its lifecycle or snapshot sources over time, for the report to state (""
/// when it reads none): "at period end: accounts active on the last day of each period", "last value per account_id
/// in each period", "accounts counted by started_at and churned_at relative to each period".
std::string aggregation_note(const report::checked_program& program, const report::expr& formula);

}  // namespace folio::eval

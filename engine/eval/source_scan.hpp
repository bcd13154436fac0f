// One source's part of an evaluation: its data bound to the program and read once.
//
// bind() reads the schema (declared, inferred from a CSV file, or read from SQLite),
// finds the columns the program names and the columns that carry the dimensions the
// plan splits the source by (for a source without a schema block, by the dimension's
// candidate names), and sets up per grouping a group map and the accumulators of the
// base aggregates the plan asks for. scan() then streams the rows in batches: the row
// expressions are evaluated once per batch, each row's dimension values become ids,
// each grouping maps the ids to a group and the accumulators add the batch.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "accumulators.hpp"
#include "dimension_domain.hpp"
#include "folio/dsl/diagnostic.hpp"
#include "folio/engine/data/load_issue.hpp"
#include "folio/engine/data/table.hpp"
#include "folio/engine/eval/evaluate.hpp"
#include "group_map.hpp"
#include "lifecycle.hpp"
#include "plan.hpp"
#include "row_program.hpp"
#include "sql/pushdown.hpp"

namespace folio::eval {

class source_scan {
public:
    using progress_hook = std::function<void(std::uint64_t done, std::uint64_t total)>;

    source_scan(const report::checked_program& program, std::size_t source, const evaluation_plan& plan,
                const std::vector<value>& params, call_context& ctx, domain_set& domains);

    /// Reads the schema of the data once; false when it cannot be read (bind reports why).
    bool load_schema();

    /// Tells whether the source carries a dimension: a column of it is declared, or (schema unknown) the data has a
    /// column of one of its candidate names; true when the data cannot be read (the problem comes later).
    bool carries(std::size_t dimension);

    /// Binds the program to the data's schema (keeping every column when `keep_rows`); false after adding the
    /// problems to `diagnostics` or `data_errors`.
    bool bind(bool keep_rows, dsl::diagnostic_list& diagnostics, std::vector<data::load_issue>& data_errors);

    /// Reads every row once (CSV columns converted on up to `threads` threads), or, with `pushdown`, has a database
    /// source compute the aggregates (sql/source_pushdown.cpp); false after adding the problem to `data_errors`.
    bool scan(std::size_t threads, bool pushdown, const progress_hook& progress, std::vector<data::load_issue>& data_errors);

    /// Returns the value of a base aggregate of this source in the context `ids` of `grouping`.
    value base_value(std::size_t base, std::size_t grouping, std::span<const std::uint32_t> ids) const;

    /// Appends the id tuples of the groups the scan met in `grouping` (none when the grouping is not computed here).
    void list_groups(std::size_t grouping, std::vector<std::vector<std::uint32_t>>& out) const;

    /// Returns the rows kept for a `data` block (null unless bound with keep_rows).
    std::shared_ptr<const data::table> rows() const { return kept_; }

    const source_summary& summary() const { return summary_; }

private:
    // Turns the rows' values of one dimension into ids of its domain.
    struct dimension_reader {
        dimension_key key;
        std::size_t node = 0;
        dimension_domain* domain = nullptr;
        std::vector<std::uint32_t> ids;
        const data::string_pool* pool = nullptr;
        std::vector<std::uint32_t> code_ids;                    // per text code, npos until met
        std::unordered_map<std::uint64_t, std::uint32_t> number_ids;  // per day (time) or number bits

        void read(const row_vector& v, std::size_t rows);
    };

    struct accumulator_slot {
        accumulator_kind kind = accumulator_kind::rows;
        std::size_t argument = row_program::omitted;  // row program node
        std::size_t where = row_program::omitted;
        std::unique_ptr<accumulator> state;
    };

    struct grouping_state {
        std::size_t grouping = 0;
        group_map groups;
        std::vector<std::size_t> readers;                       // per key of the grouping
        std::vector<accumulator_slot> slots;
        std::unordered_map<std::size_t, std::size_t> slot_of_base;
        std::vector<std::uint32_t> group_of_row;

        explicit grouping_state(std::size_t width) : groups(width) {}
    };

    const report::checked_program& program_;
    std::size_t source_;
    const evaluation_plan& plan_;
    domain_set& domains_;
    const std::vector<value>& params_;
    row_program rows_;
    std::deque<report::expr> synthetic_;                        // dimension columns found in the data
    std::vector<dimension_reader> readers_;
    std::vector<grouping_state> groupings_;
    std::unordered_map<std::size_t, std::size_t> grouping_index_;  // plan grouping → groupings_
    bool schema_loaded_ = false;
    data::table_schema schema_;                                 // the data's columns
    std::optional<data::load_issue> schema_error_;
    data::table_schema read_schema_;                            // the columns read
    bool keep_rows_ = false;
    std::shared_ptr<data::table> kept_;
    source_summary summary_;
    std::unique_ptr<sql::pushed_aggregates> pushed_;           // the aggregates computed by the database (sql/)
    std::unique_ptr<entity_source> entities_;                   // lifecycle and snapshot sources (lifecycle.hpp)

    // Per batch.
    std::vector<row_vector> values_;
    std::unordered_map<std::size_t, std::vector<std::uint8_t>> selections_;

    std::size_t reader_for(const dimension_key& key, std::size_t node);
    std::optional<std::size_t> find_column(const std::string& name) const;
    const report::expr* dimension_column(std::size_t dimension);
    const std::vector<std::uint8_t>& selection(std::size_t node, std::size_t rows);
    void add_batch(const data::table& batch);
    // Aggregate pushdown (sql/source_pushdown.cpp): true when the database computed the aggregates or failed (then
    // `failed` is set and the problem is in data_errors); false when the rows must be read.
    bool push_down(bool enabled, std::vector<data::load_issue>& data_errors, bool& failed);
};

}  // namespace folio::eval

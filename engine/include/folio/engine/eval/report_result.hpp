// The evaluated report: the numbers of every KPI tile, table cell and chart point of one
// report, with the base aggregates they come from. The JSON writer reads it now; the
// XLSX and HTML renderers read it later.
//
// A context is a value for each dimension a cell is split by (a table row, a chart
// point, a KPI tile's period). In each context the scans computed base aggregates
// (counts, sums, minima, medians, ...: numbers a source yields for the rows in the
// context); every aggregate of a metric formula is one of them or a ratio of two
// (`aggregate_formula`), and the metric is the formula over them. The XLSX renderer
// writes the base aggregates as cells and the metric formulas as live formulas over
// them, so each context carries the values of the base aggregates its metrics read.
//
// Values are engine values: a number, text, a boolean, blank, or an Excel error such
// as #DIV/0! for an empty group. Dimension values of time dimensions are periods
// (the serial of their first day, with a label such as "2024-12").
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "folio/engine/data/table.hpp"
#include "folio/engine/report/report_model.hpp"
#include "folio/engine/value.hpp"

namespace folio::eval {

inline constexpr std::size_t npos = report::npos;

// One dimension of a grouping: a dimension of the program at a grain. A time dimension
// may appear at a coarser grain than its own (the KPI period `quarter` over a dimension
// of months); other dimensions have grain none.
struct dimension_key {
    std::size_t dimension = npos;
    report::time_grain grain = report::time_grain::none;
    // Period to date (a `to_date` report's KPI tiles): only the first to_date_days days of each period
    // count, later rows are left out (blank); 0: whole periods.
    std::uint32_t to_date_days = 0;

    friend bool operator==(const dimension_key&, const dimension_key&) = default;
    friend auto operator<=>(const dimension_key&, const dimension_key&) = default;
};

// The value a context has for one dimension.
struct dimension_value {
    value v;                 // text, number, boolean or blank; a period: the serial of its first day
    std::string label;       // as shown: "EMEA", "2024-12", "" for blank
    report::time_grain grain = report::time_grain::none;  // not none: v is a period of this grain
};

// What a base aggregate computes over the rows of a context that satisfy its `where`.
enum class base_op : std::uint8_t {
    rows,        // rows
    values,      // rows whose argument is not blank (a condition: is TRUE)
    numbers,     // numeric values of the argument (booleans count as 1 or 0; text is ignored)
    sum,         // sum of the numeric values; 0 when there are none
    min, max,    // smallest, largest numeric value; #NUM! when there are none
    median,      // MEDIAN; #NUM! when there are none
    percentile,  // PERCENTILE.INC(values, k); #NUM! when there are none or k is outside [0, 1]
    stdev,       // STDEV.S; #DIV/0! for fewer than two values
    distinct,    // distinct non-blank values
};

/// Returns "rows", "values", "numbers", "sum", ...
std::string_view base_op_name(base_op op);

// Which entities of a lifecycle source a base aggregate counts in a context's period
// (none: the rows of the context; in a period, the entities active at its end).
enum class period_rule : std::uint8_t { none, active_at_start, active_at_end, started, ended };

// One number a scan of a source yields per context.
struct base_aggregate {
    base_op op = base_op::rows;
    std::size_t source = npos;                // index into checked_program::sources
    const report::expr* argument = nullptr;   // row level; null for `rows`
    const report::expr* where = nullptr;      // row level; null: every row of the context
    double k = 0;                             // percentile: the rank
    std::string text;                         // readable: "count(surveys where surveys.score >= 9)"
    period_rule rule = period_rule::none;     // rows: the lifecycle aggregate it counts (active_at_start, ...)
};

// How an aggregate of a metric formula follows from base aggregates (indices into
// the program's base aggregates):
//   count, distinct, sum, min, max, median, percentile, stdev: bases[0]
//   avg: bases[0] / bases[1] (sum / numbers), share: bases[0] / bases[1] (values / rows),
//   pct: 100 * bases[0] / bases[1]
//   active_at_start, active_at_end, started, ended: bases[0] (rows with its period_rule)
struct aggregate_formula {
    report::aggregate_kind kind = report::aggregate_kind::count;
    std::vector<std::size_t> bases;
};

// One context with the base aggregates its metrics read there.
struct context_result {
    std::vector<dimension_key> keys;
    std::vector<dimension_value> values;                // one per key
    std::vector<std::pair<std::size_t, value>> bases;   // base aggregate index → value, by index
};

// A metric as a report shows it: a metric's name or an expression over metrics.
struct metric_info {
    std::string name;                        // as written: "NPS", "NPS - 10"
    std::size_t metric = npos;               // index into checked_program::metrics when the use names one
    const report::expr* formula = nullptr;   // the use's expression
    std::string label, description, format, unit;  // the metric's options ("" when unset)
    report::value_type type = report::value_type::unknown;
    report::better_direction better = report::better_direction::unspecified;
    bool has_target = false;
    value target;                            // evaluated over all the data
    std::string aggregation;                 // how its lifecycle or snapshot sources are aggregated over time
                                             // ("" for other metrics): "at period end: accounts active on the
                                             // last day of each period", "last value per account_id in each period"
};

// The report's period: the period KPI tiles show and the one they compare with.
struct period_info {
    bool set = false;                        // the report has a period
    dimension_key key;                       // the time dimension and the period's grain
    std::string dimension_name;
    bool has_current = false;                // false when no data falls in any period
    dimension_value current, previous;
    // Period to date (`to_date: TRUE`): the tiles cover current_first..current_last (the as-of date) and the
    // same number of days from the previous period's start, clamped to its length; date serials, whole periods
    // otherwise (0 without a current period).
    bool to_date = false;
    double current_first = 0, current_last = 0, previous_first = 0, previous_last = 0;
    // The same period a year before (previous_year in the tiles); blank for ISO week 53 without one.
    dimension_value previous_year;
    double previous_year_first = 0, previous_year_last = 0;
};

struct kpi_tile {
    std::size_t metric = 0;                  // index into report_result::metrics
    value current;                           // in the current period (over all the data without a period)
    value previous, change, pct_change;      // blank without a period
    std::string status;                      // against the target (better: higher unless lower): "good", "bad"; "" without a target
    std::string trend;                       // against the previous period: "up", "down", "flat"; "" when unknown
    bool whole_data = false;                 // the metric's sources lack the period's dimension: current is over all
                                             // the data, previous, change and pct_change are #N/A
    context_result context, previous_context;
    value previous_year, yoy_change, yoy_pct_change;  // against the same period a year before; blank without a period
    context_result previous_year_context;
};

struct table_row {
    std::vector<dimension_value> dims;       // one per `by` dimension
    std::vector<value> values;               // one per metric
    context_result context;
};

struct table_result {
    std::string title;
    std::vector<dimension_key> by;
    std::vector<std::string> by_names;
    std::vector<std::size_t> metrics;        // indices into report_result::metrics
    std::vector<table_row> rows;
    bool has_totals = false;
    table_row totals;                        // over all the data: dims are blank
};

struct chart_point {
    std::vector<dimension_value> x;          // one per `by` dimension
    value v;
    context_result context;
};

struct chart_series {
    std::string name;                        // the series value's label, or the metric's name
    std::size_t metric = 0;                  // index into report_result::metrics
    dimension_value series_value;            // blank without a series dimension
    std::vector<chart_point> points;         // one per category, in the order of chart_result::categories
};

struct chart_result {
    std::string name;
    report::chart_type type = report::chart_type::line;
    std::string title, subtitle, x_title, y_title;
    bool legend = true;
    std::vector<dimension_key> by;
    std::vector<std::string> by_names;
    dimension_key series_key;                // dimension npos without a series dimension
    std::string series_name;
    std::vector<std::size_t> metrics;        // indices into report_result::metrics
    std::vector<std::vector<dimension_value>> categories;  // the axis, in order
    std::vector<chart_series> series;
};

// The raw rows of a source, as a `data` block shows them.
struct data_result {
    std::string source;
    std::shared_ptr<const data::table> rows;
};

// An `expect` and how it went.
struct expect_result {
    report::location loc;
    std::string text;                        // as written, without `expect`
    bool passed = false;
    value v;                                 // the subject's value
    std::string message;                     // why it failed ("" when it passed)
};

// The blocks of a report in their order: an index into kpis (0), tables, charts, data or texts.
struct layout_item {
    report::block_kind kind = report::block_kind::text;
    std::size_t index = 0;
};

struct report_result {
    std::string name, title, subtitle, description, locale;
    std::size_t report = npos;               // index into checked_program::reports
    std::vector<report::output_format> outputs;
    bool outputs_set = false;                // the report has an `output:` setting
    period_info period;
    std::vector<metric_info> metrics;        // every metric the report shows, once each
    std::vector<kpi_tile> kpis;
    std::vector<table_result> tables;
    std::vector<chart_result> charts;
    std::vector<data_result> data;
    std::vector<std::string> texts;
    std::vector<layout_item> layout;
    std::vector<expect_result> expects;      // every expectation of the program
};

}  // namespace folio::eval

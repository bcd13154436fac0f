// The checked model of a report program: what the checker hands to evaluation and the
// renderers.
//
// Plain data. Every name is resolved to an index into the vectors of checked_program,
// every expression is a bound tree whose nodes say what they are (a source column, a
// filter, a metric, a param, an aggregate over one source, an Excel function from the
// registry, a def call with its body inlined), and every element keeps the location it
// was written at, so later stages can still point at the source in their messages.
// Declarations of imported modules are in the same vectors; `module` tells where each
// one comes from and `qualified_name` how the root report names it ("NPS", "acme.NPS").
//
// A source without a schema block has an unknown schema ("schema unknown until the
// data is read": an sqlite table, a csv file whose types are inferred). Its columns
// have type `unknown`; the columns the program names are listed in
// `source::referenced_columns`, and whether such a source carries a dimension is
// decided when the data is read (see dimension::candidate_names).
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "folio/dsl/formula_ast.hpp"
#include "folio/dsl/source_file.hpp"

namespace folio {
struct registered_function;
}

namespace folio::report {

inline constexpr std::size_t npos = static_cast<std::size_t>(-1);

// Where something was written: a file and a byte span in it.
struct location {
    const dsl::source_file* file = nullptr;
    dsl::source_span span;
};

// The type of a value. `unknown` is a column of a source whose schema is read with the
// data, or an expression whose type depends on one (IF over such columns, an error
// literal).
enum class value_type : std::uint8_t { unknown, number, text, boolean, date };

// "number", "text", "bool", "date" or "unknown".
std::string_view type_name(value_type type);

// The grain of a time dimension; `none` for a dimension that is not about time.
enum class time_grain : std::uint8_t { none, day, week, month, quarter, year };

// "day", "week", ...; "" for none.
std::string_view grain_name(time_grain grain);

enum class aggregate_kind : std::uint8_t {
    count,       // rows (argument none), rows where a bool argument holds, or non-blank values
    distinct,    // distinct non-blank values
    sum, avg, min, max, median, stdev,
    percentile,  // children[2] is the rank k in [0, 1]
    share,       // rows where the argument holds / rows (a fraction)
    pct,         // 100 × share
    // Lifecycle sources (`starts:`): entities counted relative to the context's period.
    active_at_start,  // started before the period's first day and not ended before it
    active_at_end,    // started on or before its last day and not ended on or before it
    started,          // start date within the period
    ended,            // end date within the period
};

// True for the lifecycle aggregates (active_at_start, active_at_end, started, ended).
inline bool is_lifecycle_aggregate(aggregate_kind kind) {
    return kind == aggregate_kind::active_at_start || kind == aggregate_kind::active_at_end ||
           kind == aggregate_kind::started || kind == aggregate_kind::ended;
}

// "count", "distinct", ...
std::string_view aggregate_name(aggregate_kind kind);

// previous(m), change(m) = m − previous(m), pct_change(m), along the report's period;
// previous_year(m) (the same period a year earlier), yoy_change(m) = m − previous_year(m),
// yoy_pct_change(m) = yoy_change(m) / ABS(previous_year(m)).
enum class shift_kind : std::uint8_t { previous, change, pct_change, previous_year, yoy_change, yoy_pct_change };

// True for the year-over-year shifts (previous_year, yoy_change, yoy_pct_change).
inline bool is_year_over_year(shift_kind kind) {
    return kind == shift_kind::previous_year || kind == shift_kind::yoy_change || kind == shift_kind::yoy_pct_change;
}

std::string_view shift_name(shift_kind kind);

enum class expr_kind : std::uint8_t {
    none,        // an absent operand: an unused aggregate slot, an omitted Excel argument
    number,      // number
    text,        // text (unescaped)
    boolean,     // boolean
    error,       // text holds the Excel error literal, "#N/A"
    array,       // an array constant: children row-major, array_rows × array_cols
    param,       // index into checked_program::params
    column,      // source, text = the column name; read row by row
    filter,      // index into checked_program::filters; a condition on one row of its source
    metric,      // index into checked_program::metrics
    def_call,    // index into checked_program::defs; children[0] is the body with the
                 // arguments substituted (evaluate it), children[1..] the arguments as written
    function,    // function = the registry row, text = its name; children are the arguments
    unary,       // un, children[0]
    binary,      // bin, children[0] op children[1]
    percent,     // children[0] / 100
    aggregate,   // aggregate over the rows of `source` in the current context;
                 // children = {argument, where condition, k}, kind none when absent
    shift,       // shift of children[0] along the period
};

// A bound expression: a tree of plain values.
struct expr {
    expr_kind kind = expr_kind::none;
    value_type type = value_type::unknown;
    location loc;
    double number = 0;
    bool boolean = false;
    std::string text;
    dsl::binary_op bin = dsl::binary_op::add;
    dsl::unary_op un = dsl::unary_op::negate;
    aggregate_kind aggregate = aggregate_kind::count;
    shift_kind shift = shift_kind::previous;
    std::size_t index = npos;   // param, filter, metric, def
    std::size_t source = npos;  // column, aggregate
    const registered_function* function = nullptr;  // points into the registry given to the checker
    std::uint32_t array_rows = 0, array_cols = 0;
    std::vector<expr> children;
};

// A constant written as an option value: `delimiter: ";"`, `header: TRUE`.
struct literal {
    value_type type = value_type::unknown;  // number, text or boolean
    double number = 0;
    bool boolean = false;
    std::string text;
};

struct named_literal {
    std::string key;
    literal value;
    location loc;
};

struct param {
    std::string name, qualified_name;
    std::size_t module = 0;
    location loc;  // the name
    value_type type = value_type::unknown;
    bool has_default = false;
    expr default_value;  // a constant expression (literals, params, Excel functions)
};

enum class source_kind : std::uint8_t { csv, sqlite, postgres };

std::string_view source_kind_name(source_kind kind);

struct column {
    std::string name;
    value_type type = value_type::unknown;
    location loc;
};

struct source {
    std::string name, qualified_name;
    std::size_t module = 0;
    location loc;
    source_kind kind = source_kind::csv;
    std::string target;                  // the positional argument: a file path, or a postgres connection
    std::filesystem::path resolved_path;  // csv and sqlite: target relative to the declaring file's folder
    std::string table, query;            // sqlite and postgres
    std::vector<named_literal> options;  // every option as written (delimiter, header, table, ...)
    bool schema_known = false;           // a schema block was written
    std::vector<column> columns;         // the schema block
    std::vector<column> referenced_columns;  // schema unknown: the columns the program names, to check on load
    // A lifecycle source (entities with a start and an optional end date: `starts:`, `ends:`) or a snapshot
    // source (a row per entity and date: `snapshot:`, `entity:`); the column names, "" when not given.
    std::string starts, ends, snapshot, entity;
};

// True for a lifecycle or snapshot source: any time dimension splits it through its dates.
inline bool is_entity_source(const source& s) { return !s.starts.empty() || !s.snapshot.empty(); }

// How a dimension is read from one source.
struct dimension_column {
    std::size_t source = npos;
    std::string column;         // the column read, empty for a computed expression
    time_grain grain = time_grain::none;
    expr value;                 // row-level expression (the column, or a computation)
    bool implicit = false;      // not written: the source has a column of the same name
    location loc;
};

struct dimension {
    std::string name, qualified_name;
    std::size_t module = 0;
    location loc;
    time_grain grain = time_grain::none;  // the grain of its columns; none if not a time dimension
    std::vector<dimension_column> columns;
    // A source with an unknown schema that no column names carries the dimension when its
    // data has a column of one of these names (the dimension's and its columns' names).
    std::vector<std::string> candidate_names;
};

struct filter {
    std::string name, qualified_name;
    std::size_t module = 0;
    location loc;
    std::size_t source = npos;  // the source whose rows it tests
    expr condition;             // bool, row level
};

// A reusable formula; calls are inlined in the expressions that use them (def_call).
struct def {
    std::string name, qualified_name;
    std::size_t module = 0;
    location loc;
    std::vector<std::string> parameters;
};

enum class better_direction : std::uint8_t { unspecified, higher, lower };

struct metric {
    std::string name, qualified_name;
    std::size_t module = 0;
    location loc;
    expr formula;
    value_type type = value_type::unknown;
    std::vector<std::size_t> sources;  // every source its aggregates read (through other metrics too), sorted
    std::string label, description, format, unit;
    bool has_target = false;
    expr target;
    better_direction better = better_direction::unspecified;
};

// A metric where a table, a chart or a KPI row shows it: a metric name, or an
// expression over metrics.
struct metric_use {
    expr value;
    std::size_t metric = npos;  // when the use is just a metric's name
    std::string text;           // as written
    std::vector<std::size_t> sources;
    location loc;
};

enum class chart_type : std::uint8_t { line, column, bar, stacked_column, stacked_bar, area, pie, doughnut, scatter, combo };

std::string_view chart_type_name(chart_type type);

struct chart {
    std::string name, qualified_name;
    std::size_t module = 0;
    location loc;
    chart_type type = chart_type::line;
    std::vector<metric_use> metrics;
    std::vector<std::size_t> by;  // dimensions along the axis
    std::size_t series = npos;    // a dimension that splits the metric into series
    std::string title, subtitle, x_title, y_title;
    bool legend = true;
};

enum class output_format : std::uint8_t { xlsx, html, json, pdf };

std::string_view output_format_name(output_format format);

// A report setting: its value and where it was set (in the report or one it extends).
template <class T>
struct setting {
    T value{};
    bool set = false;
    location loc;
};

struct period_spec {
    std::size_t dimension = npos;  // a time dimension, when the value names one
    time_grain grain = time_grain::none;
};

enum class block_kind : std::uint8_t { kpis, chart, table, data, text };

// One block of a report's layout, in order.
struct report_block {
    block_kind kind = block_kind::text;
    location loc;
    std::size_t declared_in = npos;   // the report whose text holds it (itself or one it extends)
    std::vector<metric_use> metrics;  // kpis, table
    std::size_t chart = npos;         // chart
    std::vector<std::size_t> by;      // table: dimensions
    std::size_t source = npos;        // data
    std::string text;                 // text; table: title
    bool totals = false;              // table: a totals row
    std::size_t limit = 0;            // table: at most this many rows (0: all)
    std::size_t sort_metric = npos;   // table: sort by this entry of `metrics`...
    std::size_t sort_dimension = npos;  // ... or by this dimension
    bool sort_descending = false;
};

struct report {
    std::string name, qualified_name;
    std::size_t module = 0;
    location loc;
    std::size_t extends = npos;
    setting<std::string> title, subtitle, description, locale, theme, template_path;
    setting<period_spec> period;
    setting<std::vector<output_format>> outputs;
    std::vector<report_block> blocks;  // after `extends`: inherited blocks, replaced or appended
    // The calendar (see docs/language.md, "Time"): KPI tiles from the period's start to the as-of date,
    // the day weeks start on (0 = Sunday .. 6, default 1 = Monday), the month years start in (1..12),
    // the IANA zone timestamps with an offset are converted to ("" = UTC).
    setting<bool> to_date;
    setting<int> week_start{1, false, {}}, fiscal_year_start{1, false, {}};
    setting<std::string> timezone;
};

// expect NPS between -100 and 100  |  expect responses > 0
struct expectation {
    std::size_t module = 0;
    location loc;
    expr subject;
    bool between = false;
    expr low, high;
};

struct theme_ref {
    std::size_t module = 0;
    location loc;
    std::string path;
    std::filesystem::path resolved_path;
};

struct module_info {
    std::string path;   // the file
    std::string alias;  // `as acme` in the root's import, if any
    bool root = false;
};

struct checked_program {
    std::vector<std::shared_ptr<const dsl::source_file>> files;  // keeps every location's file alive
    std::vector<module_info> modules;  // modules[0] is the root report
    std::vector<param> params;
    std::vector<source> sources;
    std::vector<dimension> dimensions;
    std::vector<filter> filters;
    std::vector<def> defs;
    std::vector<metric> metrics;
    std::vector<chart> charts;
    std::vector<report> reports;
    std::vector<expectation> expects;
    std::vector<theme_ref> themes;
    bool ok = false;  // no errors were found

    // The element the root report calls `name` ("NPS", "acme.NPS"), or null.
    const param* find_param(std::string_view name) const;
    const source* find_source(std::string_view name) const;
    const dimension* find_dimension(std::string_view name) const;
    const filter* find_filter(std::string_view name) const;
    const metric* find_metric(std::string_view name) const;
    const chart* find_chart(std::string_view name) const;
    const report* find_report(std::string_view name) const;
};

}  // namespace folio::report

// The syntax tree of a report definition (*.folio), as the parser builds it.
//
// A module is a list of declarations in source order. Expressions are the formula
// grammar's nodes (formula_ast.hpp) with byte offsets into the module's file, plus
// `where` inside aggregate arguments; names such as `surveys.score` or `acme.NPS` are
// name nodes whose text holds the dots. Every declaration, name and option keeps its
// span, so the checker can point at exactly what is wrong. Comments are kept apart,
// with their spans, for `folio fmt`.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "folio/dsl/formula_ast.hpp"
#include "folio/dsl/source_file.hpp"

namespace folio::dsl {

// An identifier as written, with where it was written.
struct identifier {
    std::string text;
    source_span span;
};

// `key: value` or `key: value1, value2` (options of sources, metrics and charts;
// the simple blocks of a report: title, period, kpis, output, locale, ...).
// Values are expressions: strings, numbers, names (`higher`, `month`, `NPS`), ...
struct option {
    identifier key;
    std::vector<formula_ptr> values;
    source_span span;  // the whole option
};

// import "cx"  |  import "acme/brand" as acme
struct import_decl {
    std::string path;
    source_span path_span;
    std::optional<identifier> alias;
};

// theme "themes/acme.toml"
struct theme_decl {
    std::string path;
    source_span path_span;
};

// param as_of: date = date(2024, 12, 31)
struct param_decl {
    identifier type;  // number | text | bool | date (checked later)
    formula_ptr default_value;  // may be null: a param without a default must be given
};

// A column of a source's schema block: `score: number`.
struct column_decl {
    identifier name;
    identifier type;
};

// source surveys = csv("data/surveys.csv", delimiter: ";") { score: number ... }
struct source_decl {
    identifier kind;  // csv | sqlite | postgres (checked later)
    std::vector<formula_ptr> arguments;  // positional
    std::vector<option> options;         // named: table: "tickets"
    bool has_schema = false;
    std::vector<column_decl> schema;
};

// dimension month = month(surveys.submitted_at), month(tickets.opened_at)
struct dimension_decl {
    std::vector<formula_ptr> columns;
};

// filter promoters = surveys.score >= 9
struct filter_decl {
    formula_ptr condition;
};

// metric NPS = pct(promoters) - pct(detractors) { label: "Net Promoter Score" ... }
struct metric_decl {
    formula_ptr formula;
    std::vector<option> options;
};

// def nps(score) = pct(score >= 9) - pct(score <= 6)
struct def_decl {
    std::vector<identifier> parameters;
    formula_ptr body;
};

// chart nps_trend = line(NPS by month, series: region)
struct chart_decl {
    identifier type;  // line | column | bar | ... (checked later)
    std::vector<formula_ptr> metrics;  // before `by`
    std::vector<identifier> by;        // dimensions after `by`
    std::vector<option> options;       // series: region, title: "..."
};

// A block inside a report.
enum class block_kind {
    setting,  // title: "...", period: month, kpis: NPS, CSAT, output: xlsx, html
    chart,    // chart nps_trend
    table,    // table by region, manager { NPS, CSAT }
    data,     // data surveys
    text,     // text "A paragraph shown in the report"
};

struct report_block {
    block_kind kind = block_kind::setting;
    source_span span;
    option setting;                  // setting
    identifier target;               // chart name, data source
    std::vector<identifier> by;      // table dimensions
    std::vector<formula_ptr> items;  // table metrics (names or expressions)
    std::vector<option> options;     // table options inside the braces after the metrics, if any
    std::string text;                // text block
};

// report executive extends acme.executive { ... }
struct report_decl {
    std::optional<identifier> extends;
    std::vector<report_block> blocks;
};

// expect NPS between -100 and 100  |  expect responses > 0
struct expect_decl {
    formula_ptr subject;
    formula_ptr low, high;  // set for the `between` form
};

enum class decl_kind { import, theme, param, source, dimension, filter, metric, def, chart, report, expect };

struct declaration {
    decl_kind kind = decl_kind::metric;
    source_span span;  // the whole declaration
    identifier name;   // empty for import, theme and expect
    std::unique_ptr<import_decl> import;
    std::unique_ptr<theme_decl> theme;
    std::unique_ptr<param_decl> param;
    std::unique_ptr<source_decl> source;
    std::unique_ptr<dimension_decl> dimension;
    std::unique_ptr<filter_decl> filter;
    std::unique_ptr<metric_decl> metric;
    std::unique_ptr<def_decl> def;
    std::unique_ptr<chart_decl> chart;
    std::unique_ptr<report_decl> report;
    std::unique_ptr<expect_decl> expect;
};

// A `// ...` comment: its text (without the slashes) and where it was.
struct comment {
    std::string text;
    source_span span;
    bool own_line = false;  // nothing but whitespace before it on its line
};

struct report_module {
    std::shared_ptr<const source_file> file;
    std::vector<declaration> declarations;
    std::vector<comment> comments;
};

}  // namespace folio::dsl

// Compiles one source's part of an evaluation plan into SQL: per grouping, one SELECT
// that groups by the dimension expressions (time grains as the serial of the period's
// first day) and computes every base aggregate the plan asks for, each with its
// `where` as a FILTER (WHERE ...) clause. Constants (literals, params, folded
// expressions) are bound as parameters; identifiers are quoted; no text from a report
// or from the data is spliced into the SQL.
//
// Row expressions translate only where SQL gives Excel's answer: columns, constants,
// + - * and negation (blank as 0), comparisons with Folio's missing-data rule (a
// comparison with a blank is FALSE, blank = "" is TRUE, <> is NOT =; text = ignores
// ASCII case), AND, OR, NOT, filters and defs over those. Anything else (a division
// that could give #DIV/0!, an Excel function, text ordering, a calendar other than
// the ISO default, lifecycle aggregates, period-to-date keys) makes the source "not
// pushable", with the reason, and the source's rows are read instead.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "../plan.hpp"
#include "folio/engine/data/column_type.hpp"
#include "folio/engine/data/postgres.hpp"
#include "folio/engine/eval/time_period.hpp"
#include "sql_dialect.hpp"

namespace folio::eval::sql {

/// What a result column holds, to turn its cells back into values.
enum class cell_kind : std::uint8_t { number, text, boolean };

/// One SELECT: the group key columns first (one per key of the grouping), then one column per base aggregate.
struct sql_query {
    std::size_t grouping = 0;
    std::string text;
    std::vector<data::sql_param> params;
    std::vector<cell_kind> key_kinds;
    std::vector<std::size_t> bases;  // plan base aggregate of each column after the keys
    std::size_t rows_column = 0;     // the column counting the rows of each group (the source's rows, summed)
};

struct compiled_source {
    std::vector<sql_query> queries;  // empty when not pushable
    std::string not_pushable;        // why the rows must be read instead ("" when pushable)
    // SQLite: a query counting values the row reader would refuse or read differently (text in a number column,
    // a malformed date); pushdown goes ahead only when it returns 0.
    std::string check;
};

struct compile_input {
    const report::checked_program& program;
    std::size_t source;
    const evaluation_plan& plan;
    const data::table_schema& schema;  // the data's columns and the types the row reader would give them
    std::function<const report::expr*(std::size_t dimension)> dimension_column;
    std::function<std::optional<value>(const report::expr&)> constant;  // a row-independent expression's value
    calendar_options calendar;
};

/// Compiles the source's groupings and base aggregates for a dialect.
compiled_source compile_source(const compile_input& input, const sql_dialect& dialect);

/// Returns the query text with its parameters appended as comments, for --explain and tests.
std::string explain_query(const sql_query& query, const sql_dialect& dialect);

}  // namespace folio::eval::sql

// Binds a formula node of the report AST into a model expression: resolves names,
// functions, aggregates and defs, computes types, and checks where each thing may be.
//
// Levels. A metric-level expression (a metric, a table cell) combines aggregates,
// metrics, params and Excel functions. A row-level expression (a filter condition, an
// aggregate's argument or `where`, a dimension column) reads the columns and filters of
// one source, one row at a time. A constant expression (a param default, a target)
// uses literals, params and Excel functions only. A def's body is checked on its own
// with its parameters as placeholders (level `generic`: names, functions and arities
// only), and again at each call, inlined, with the caller's arguments substituted: an
// error found inside the body there is reported at the call, with a note that points
// into the body.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <string_view>
#include <vector>

#include "checker_state.hpp"

namespace folio::report::detail {

enum class level : std::uint8_t { constant, row, metric, generic };

// The one source a row-level expression reads, and who reads it ("sum()", "filter 'x'").
struct row_scope {
    std::string owner;
    std::size_t source = npos;
    location first;  // where it was first read
};

// Where an expression is bound.
struct site {
    level lv = level::metric;
    std::string_view place;     // for "... cannot be used <place>": "in a filter condition", "inside 'sum'"
    row_scope* rows = nullptr;  // row level
    bool in_where = false;      // inside the `where` of an aggregate
};

// The names a def's body sees: its parameters, bound to the caller's argument nodes.
struct frame {
    const module_scope* scope = nullptr;
    const frame* caller = nullptr;  // the frame that wrote the call, for a def body
    std::size_t def = npos;
    location call;                  // the call, in the caller's file
    const std::vector<dsl::identifier>* parameters = nullptr;
    std::vector<const dsl::formula_node*> arguments;  // empty: placeholders
};

// Expressions nested deeper than this (operators, calls, def expansions) are an error,
// so no input can exhaust the stack.
inline constexpr unsigned max_expression_depth = 1000;

class expression_binder {
public:
    explicit expression_binder(statement& stmt) : stmt_(stmt), state_(stmt.state()) {}

    // Binds `node`, written in frame `f`, at site `s`. After the statement's first error
    // the result is meaningless (check stmt.failed()).
    expr bind(const dsl::formula_node& node, const frame& f, const site& s);

    // The name of a call as written, before its '(' ("nps", "acme.churn").
    static std::string_view call_name(const dsl::source_file* file, const dsl::formula_node& call);
    // The text of a name node as written (a name, or a reference-like name such as `q1`).
    static std::string name_text(const dsl::source_file* file, const dsl::formula_node& node);

    // Reports an error at `span` of frame `f`; inside a def body the error is placed at
    // the call in the statement's own text, with a note pointing into the body.
    dsl::diagnostic* fail(const frame& f, dsl::source_span span, std::string message);

private:
    statement& stmt_;
    checker_state& state_;
    unsigned depth_ = 0;
    std::size_t expanded_ = 0;  // nodes bound, to bound def expansion

    expr bind_node(const dsl::formula_node& node, const frame& f, const site& s);
    expr bind_name(const dsl::formula_node& node, const frame& f, const site& s);
    expr bind_symbol(const dsl::formula_node& node, const std::string& text, const frame& f, const site& s,
                     const lookup& found);
    expr bind_call(const dsl::formula_node& node, const frame& f, const site& s);
    expr bind_function(const dsl::formula_node& node, const registered_function& fn, const frame& f, const site& s);
    expr bind_def_call(const dsl::formula_node& node, std::string_view name, symbol def, const frame& f, const site& s);
    expr bind_aggregate(const dsl::formula_node& node, aggregate_kind kind, std::string_view name, const frame& f,
                        const site& s);
    expr bind_lifecycle(const dsl::formula_node& call, aggregate_kind kind, const dsl::formula_node* value,
                        const dsl::formula_node* condition, const frame& f, const site& s);
    expr bind_shift(const dsl::formula_node& node, shift_kind kind, std::string_view name, const frame& f,
                    const site& s);
    // A name that is a def's parameter, followed to the caller's argument (through nested defs): the node and the
    // frame it is written in; any other node is returned as is.
    std::pair<const dsl::formula_node*, const frame*> follow_parameters(const dsl::formula_node& node,
                                                                        const frame& f) const;
    // The source a name node names in frame `f`, if it names one.
    std::optional<std::size_t> source_named(const dsl::formula_node& node, const frame& f) const;
    expr bind_binary(const dsl::formula_node& node, const frame& f, const site& s);
    expr bind_unary(const dsl::formula_node& node, const frame& f, const site& s);

    // Records that the expression at `s` reads `source` at `loc` (through `what`, a
    // filter, when not empty); a second source is an error.
    void note_read(std::size_t source, location loc, const frame& f, dsl::source_span span, const site& s,
                   const std::string& what);
    // Rejects, at level `s`, a thing that only a metric-level expression may use.
    bool allow_metric_level(const frame& f, dsl::source_span span, const site& s, const std::string& what);
    location at(const frame& f, dsl::source_span span) const { return location{f.scope->file, span}; }
    void mark_used(symbol s);
};

// Binds `node` as a statement of its own at site `s` in module `module`: the helper for
// the declaration checks.
expr bind_in_module(statement& stmt, const dsl::formula_node& node, std::size_t module, const site& s);

// The sources a metric-level expression reads (its aggregates and the metrics it uses),
// sorted and without repeats.
std::vector<std::size_t> sources_read(const checker_state& state, const expr& e);

// "'+' expects a number, found text"-style type words with an article: "a number", "text".
std::string type_phrase(value_type type);

}  // namespace folio::report::detail

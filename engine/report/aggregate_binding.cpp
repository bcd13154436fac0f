// Aggregates and shifts in the expression binder.
//
// An aggregate reads the rows of one source: `count(src)`, `count(filter)`,
// `count(src where cond)`, `sum(col where cond)`, `share(cond)`, `percentile(col, k)`.
// Its argument and its `where` are bound at row level with one row_scope, so reading a
// second source (a column, or a filter over another source) is reported where it
// happens. Shifts (`previous`, `change`, `pct_change`) take a metric-level argument.
#include "expression_binder.hpp"
#include "vocabulary.hpp"

namespace folio::report::detail {
namespace {

std::string argument_count(std::size_t n) {
    return std::to_string(n) + (n == 1 ? " argument" : " arguments");
}

}  // namespace

expr expression_binder::bind_aggregate(const dsl::formula_node& node, aggregate_kind kind, std::string_view,
                                       const frame& f, const site& s) {
    const std::string word(aggregate_name(kind));
    const std::string call = word + "()";
    if (!allow_metric_level(f, span_of(node), s, "aggregate '" + word + "'")) return {};
    const std::size_t wanted = kind == aggregate_kind::percentile ? 2 : 1;
    if (node.children.size() != wanted || node.children[0]->kind == dsl::node_kind::omitted) {
        const std::size_t found = node.children.size() == 1 && node.children[0]->kind == dsl::node_kind::omitted
                                      ? 0 : node.children.size();
        fail(f, span_of(node), call + " takes " + argument_count(wanted) + ", found " + std::to_string(found));
        return {};
    }
    const dsl::formula_node* value = node.children[0].get();
    const dsl::formula_node* condition = nullptr;
    if (value->kind == dsl::node_kind::where && value->children.size() == 2) {
        condition = value->children[1].get();
        value = value->children[0].get();
    }

    const bool generic = s.lv == level::generic;
    row_scope rows;
    rows.owner = call;
    const std::string place = "inside '" + word + "'";
    site inner;
    inner.lv = generic ? level::generic : level::row;
    inner.place = place;
    inner.rows = generic ? nullptr : &rows;

    expr e;
    e.kind = expr_kind::aggregate;
    e.aggregate = kind;
    e.children.resize(3);

    // count(source): every row of the source.
    bool whole_source = false;
    if (kind == aggregate_kind::count &&
        (value->kind == dsl::node_kind::name || value->kind == dsl::node_kind::reference)) {
        const std::string text = name_text(f.scope->file, *value);
        bool is_parameter = false;
        if (f.parameters)
            for (const auto& p : *f.parameters) is_parameter = is_parameter || p.text == text;
        if (!is_parameter) {
            const lookup found = state_.find(*f.scope, text, name_space::values);
            if (found.outcome == lookup::result::found && found.sym.kind == symbol_kind::source) {
                whole_source = true;
                rows.source = found.sym.index;
                rows.first = at(f, span_of(*value));
            }
        }
    }
    if (!whole_source) {
        expr argument = bind(*value, f, inner);
        if (stmt_.failed()) return {};
        const value_type t = argument.type;
        std::string problem;
        switch (kind) {
            case aggregate_kind::share:
            case aggregate_kind::pct:
                if (t != value_type::boolean && t != value_type::unknown)
                    problem = call + " expects a condition, found " + type_phrase(t);
                break;
            case aggregate_kind::sum:
            case aggregate_kind::stdev:
                if (t == value_type::text || t == value_type::date)
                    problem = call + " expects numbers, found " + type_phrase(t);
                break;
            case aggregate_kind::avg:
            case aggregate_kind::min:
            case aggregate_kind::max:
            case aggregate_kind::median:
            case aggregate_kind::percentile:
                if (t == value_type::text) problem = call + " expects numbers, found text";
                break;
            case aggregate_kind::count:
            case aggregate_kind::distinct:
                break;
        }
        if (!problem.empty()) {
            fail(f, span_of(*value), std::move(problem));
            return {};
        }
        e.children[0] = std::move(argument);
    }
    if (condition != nullptr) {
        site where = inner;
        where.in_where = true;
        expr cond = bind(*condition, f, where);
        if (stmt_.failed()) return {};
        if (cond.type != value_type::boolean && cond.type != value_type::unknown) {
            fail(f, span_of(*condition), "'where' expects a condition, found " + type_phrase(cond.type));
            return {};
        }
        e.children[1] = std::move(cond);
    }
    if (kind == aggregate_kind::percentile) {
        site rank;
        rank.lv = generic ? level::generic : level::constant;
        rank.place = "in the rank of percentile()";
        const dsl::formula_node& k_node = *node.children[1];
        expr k = bind(k_node, f, rank);
        if (stmt_.failed()) return {};
        if (k.type != value_type::number && k.type != value_type::unknown) {
            fail(f, span_of(k_node), "the rank of percentile() must be a number, found " + type_phrase(k.type));
            return {};
        }
        if (k.kind == expr_kind::number && (k.number < 0 || k.number > 1)) {
            fail(f, span_of(k_node), "the rank of percentile() must be between 0 and 1");
            return {};
        }
        e.children[2] = std::move(k);
    }
    if (!generic && rows.source == npos) {
        fail(f, span_of(node), call + " reads no source: give it a column, a filter or a condition on a column");
        return {};
    }
    e.source = rows.source;
    e.type = value_type::number;
    if (kind == aggregate_kind::min || kind == aggregate_kind::max || kind == aggregate_kind::median ||
        kind == aggregate_kind::percentile) {
        const value_type t = e.children[0].type;
        if (t == value_type::date || t == value_type::unknown) e.type = t;
    }
    return e;
}

expr expression_binder::bind_shift(const dsl::formula_node& node, shift_kind kind, std::string_view, const frame& f,
                                   const site& s) {
    const std::string call = std::string(shift_name(kind)) + "()";
    if (!allow_metric_level(f, span_of(node), s, call)) return {};
    if (node.children.size() != 1 || node.children[0]->kind == dsl::node_kind::omitted) {
        const std::size_t found = node.children.size() == 1 ? 0 : node.children.size();
        fail(f, span_of(node), call + " takes 1 argument, found " + std::to_string(found));
        return {};
    }
    expr argument = bind(*node.children[0], f, s);
    if (stmt_.failed()) return {};
    if (kind != shift_kind::previous && (argument.type == value_type::text || argument.type == value_type::boolean)) {
        fail(f, span_of(*node.children[0]), call + " expects a number, found " + type_phrase(argument.type));
        return {};
    }
    expr e;
    e.kind = expr_kind::shift;
    e.shift = kind;
    e.type = kind == shift_kind::previous ? argument.type : value_type::number;
    if (argument.type == value_type::unknown) e.type = value_type::unknown;
    e.children.push_back(std::move(argument));
    return e;
}

}  // namespace folio::report::detail

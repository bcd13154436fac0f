// Aggregates and shifts in the expression binder.
//
// An aggregate reads the rows of one source: `count(src)`, `count(filter)`,
// `count(src where cond)`, `sum(col where cond)`, `share(cond)`, `percentile(col, k)`.
// Its argument and its `where` are bound at row level with one row_scope, so reading a
// second source (a column, or a filter over another source) is reported where it
// happens. Shifts (`previous`, `change`, `pct_change`) take a metric-level argument.
// The lifecycle aggregates (`active_at_start(accounts)`, `started`, `ended`,
// `active_at_end`) take a lifecycle source, also through a def's parameter.
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
    if (is_lifecycle_aggregate(kind)) return bind_lifecycle(node, kind, value, condition, f, s);

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

    // count(source): every row of the source, also through a def's parameter (`def n(src) = count(src)`).
    bool whole_source = false;
    if (kind == aggregate_kind::count && condition == nullptr && !generic) {
        const auto [node_found, frame_found] = follow_parameters(*value, f);
        if (const auto src = source_named(*node_found, *frame_found)) {
            whole_source = true;
            rows.source = *src;
            rows.first = at(*frame_found, span_of(*node_found));
        }
    }
    if (!whole_source && kind == aggregate_kind::count &&
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
            case aggregate_kind::active_at_start:
            case aggregate_kind::active_at_end:
            case aggregate_kind::started:
            case aggregate_kind::ended:
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

std::pair<const dsl::formula_node*, const frame*> expression_binder::follow_parameters(const dsl::formula_node& node,
                                                                                      const frame& f) const {
    const dsl::formula_node* n = &node;
    const frame* at_frame = &f;
    for (unsigned steps = 0; steps < max_expression_depth; ++steps) {
        if (n->kind != dsl::node_kind::name || at_frame->parameters == nullptr || at_frame->arguments.empty() ||
            at_frame->caller == nullptr)
            break;
        const std::string text = name_text(at_frame->scope->file, *n);
        std::size_t i = 0;
        while (i < at_frame->parameters->size() && (*at_frame->parameters)[i].text != text) ++i;
        if (i >= at_frame->parameters->size() || i >= at_frame->arguments.size() || at_frame->arguments[i] == nullptr)
            break;
        n = at_frame->arguments[i];
        at_frame = at_frame->caller;
    }
    return {n, at_frame};
}

std::optional<std::size_t> expression_binder::source_named(const dsl::formula_node& node, const frame& f) const {
    if (node.kind != dsl::node_kind::name && node.kind != dsl::node_kind::reference) return std::nullopt;
    const std::string text = name_text(f.scope->file, node);
    if (f.parameters != nullptr)
        for (const auto& p : *f.parameters)
            if (p.text == text) return std::nullopt;
    const lookup found = state_.find(*f.scope, text, name_space::values);
    if (found.outcome == lookup::result::found && found.sym.kind == symbol_kind::source) return found.sym.index;
    return std::nullopt;
}

// active_at_start(accounts), ended(accounts where accounts.tier = "Gold"): entities of a
// lifecycle source counted relative to the context's period; the source may come through
// a def's parameter, with or without its own `where`.
expr expression_binder::bind_lifecycle(const dsl::formula_node&, aggregate_kind kind,
                                       const dsl::formula_node* value, const dsl::formula_node* condition,
                                       const frame& f, const site& s) {
    const std::string word(aggregate_name(kind));
    const std::string call = word + "()";
    expr e;
    e.kind = expr_kind::aggregate;
    e.aggregate = kind;
    e.type = value_type::number;
    e.children.resize(3);
    if (s.lv == level::generic) {
        bind(*value, f, s);
        if (condition != nullptr) bind(*condition, f, s);
        return e;
    }
    auto [entities, entities_frame] = follow_parameters(*value, f);
    const frame* condition_frame = &f;
    if (entities->kind == dsl::node_kind::where && entities->children.size() == 2) {
        if (condition != nullptr) {
            fail(f, span_of(*condition), call + " takes one 'where'; its argument already has one");
            return {};
        }
        condition = entities->children[1].get();
        condition_frame = entities_frame;
        entities = entities->children[0].get();
    }
    const std::optional<std::size_t> src = source_named(*entities, *entities_frame);
    if (!src) {
        if (dsl::diagnostic* d = fail(*entities_frame, span_of(*entities), call + " expects a source of entities"))
            d->notes.push_back(note_text("for example " + word + "(accounts), over a source with a 'starts' option"));
        return {};
    }
    const source& source_model = state_.model.sources[*src];
    if (state_.declarations[static_cast<std::size_t>(symbol_kind::source)][*src].state == status::failed) {
        stmt_.poison();
        return {};
    }
    if (source_model.starts.empty()) {
        if (dsl::diagnostic* d = fail(*entities_frame, span_of(*entities),
                                      call + " needs a lifecycle source, but source " + source_model.name +
                                          " has no 'starts' option"))
            d->notes.push_back(note_at(source_model.loc, "give it the columns of each entity's start and end dates, "
                                                         "as starts: \"started_at\", ends: \"churned_at\""));
        return {};
    }
    row_scope rows;
    rows.owner = call;
    rows.source = *src;
    rows.first = at(*entities_frame, span_of(*entities));
    if (condition != nullptr) {
        site where;
        where.lv = level::row;
        where.rows = &rows;
        where.in_where = true;
        const std::string place = "inside '" + word + "'";
        where.place = place;
        expr cond = bind(*condition, *condition_frame, where);
        if (stmt_.failed()) return {};
        if (cond.type != value_type::boolean && cond.type != value_type::unknown) {
            fail(*condition_frame, span_of(*condition), "'where' expects a condition, found " + type_phrase(cond.type));
            return {};
        }
        e.children[1] = std::move(cond);
    }
    e.source = *src;
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
    // previous and previous_year keep the metric's type; the others subtract.
    const bool keeps_type = kind == shift_kind::previous || kind == shift_kind::previous_year;
    if (!keeps_type && (argument.type == value_type::text || argument.type == value_type::boolean)) {
        fail(f, span_of(*node.children[0]), call + " expects a number, found " + type_phrase(argument.type));
        return {};
    }
    expr e;
    e.kind = expr_kind::shift;
    e.shift = kind;
    e.type = keeps_type ? argument.type : value_type::number;
    if (argument.type == value_type::unknown) e.type = value_type::unknown;
    e.children.push_back(std::move(argument));
    return e;
}

}  // namespace folio::report::detail

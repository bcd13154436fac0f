// The expression binder: literals, names, operators, Excel functions and def calls.
// Aggregates and shifts are in aggregate_binding.cpp.
#include "expression_binder.hpp"

#include <algorithm>

#include "vocabulary.hpp"

namespace folio::report::detail {
namespace {

constexpr std::size_t max_expanded_nodes = 200000;


bool is_comparison(dsl::binary_op op) {
    return op == dsl::binary_op::equal || op == dsl::binary_op::not_equal || op == dsl::binary_op::less ||
           op == dsl::binary_op::less_equal || op == dsl::binary_op::greater || op == dsl::binary_op::greater_equal;
}

// True when values of types a and b cannot be compared meaningfully.
bool incomparable(value_type a, value_type b) {
    if (a == value_type::unknown || b == value_type::unknown || a == b) return false;
    const auto numeric = [](value_type t) { return t == value_type::number || t == value_type::date; };
    return !(numeric(a) && numeric(b));
}

// A single-cell reference without a sheet reads like a name (`q1`, `nps2024`).
bool name_like_reference(const dsl::formula_node& node) {
    return node.kind == dsl::node_kind::reference && !node.has_sheet && node.first.row == node.last.row &&
           node.first.col == node.last.col && node.first.row >= 0 && node.first.col >= 0 &&
           !node.first.row_absolute && !node.first.col_absolute;
}

}  // namespace

std::string type_phrase(value_type type) {
    switch (type) {
        case value_type::number: return "a number";
        case value_type::text: return "text";
        case value_type::boolean: return "a bool";
        case value_type::date: return "a date";
        case value_type::unknown: break;
    }
    return "a value of unknown type";
}

std::string_view expression_binder::call_name(const dsl::source_file* file, const dsl::formula_node& call) {
    const std::string_view text = written(file, span_of(call));
    const std::size_t paren = text.find('(');
    std::string_view name = paren == std::string_view::npos ? text : text.substr(0, paren);
    while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) name.remove_suffix(1);
    if (name.empty()) return call.text;  // a synthetic node: fall back to the parser's upper-case name
    return name;
}

std::string expression_binder::name_text(const dsl::source_file* file, const dsl::formula_node& node) {
    if (node.kind == dsl::node_kind::name) return node.text;
    return std::string(written(file, span_of(node)));
}

dsl::diagnostic* expression_binder::fail(const frame& f, dsl::source_span span, std::string message) {
    if (f.caller == nullptr) return stmt_.error(at(f, span), std::move(message));
    // Inside a def body: report at the outermost call, point into the body.
    const frame* outer = &f;
    while (outer->caller != nullptr && outer->caller->caller != nullptr) outer = outer->caller;
    dsl::diagnostic* d = stmt_.error(outer->call, std::move(message));
    if (d) d->notes.push_back(note_at(at(f, span), "in the body of def '" + state_.model.defs[f.def].name + "'"));
    return d;
}

void expression_binder::mark_used(symbol s) {
    state_.info(s).used = true;
}

expr expression_binder::bind(const dsl::formula_node& node, const frame& f, const site& s) {
    if (stmt_.failed()) return {};
    if (depth_ >= max_expression_depth) {
        fail(f, span_of(node), "the expression is nested too deeply (more than " +
                                   std::to_string(max_expression_depth) + " levels)");
        return {};
    }
    if (++expanded_ > max_expanded_nodes) {
        fail(f, span_of(node), "the expression is too large once its defs are expanded");
        return {};
    }
    ++depth_;
    expr e = bind_node(node, f, s);
    --depth_;
    if (e.loc.file == nullptr) e.loc = at(f, span_of(node));
    return e;
}

expr expression_binder::bind_node(const dsl::formula_node& node, const frame& f, const site& s) {
    expr e;
    e.loc = at(f, span_of(node));
    switch (node.kind) {
        case dsl::node_kind::number:
            e.kind = expr_kind::number;
            e.type = value_type::number;
            e.number = node.number;
            return e;
        case dsl::node_kind::text:
            e.kind = expr_kind::text;
            e.type = value_type::text;
            e.text = node.text;
            return e;
        case dsl::node_kind::boolean:
            e.kind = expr_kind::boolean;
            e.type = value_type::boolean;
            e.boolean = node.boolean;
            return e;
        case dsl::node_kind::error:
            e.kind = expr_kind::error;
            e.text = node.text;
            return e;
        case dsl::node_kind::omitted:
            return e;
        case dsl::node_kind::array:
            e.kind = expr_kind::array;
            e.array_rows = node.array_rows;
            e.array_cols = node.array_cols;
            for (const auto& child : node.children) {
                e.children.push_back(bind(*child, f, s));
                if (stmt_.failed()) return {};
            }
            return e;
        case dsl::node_kind::name:
            return bind_name(node, f, s);
        case dsl::node_kind::reference:
            if (name_like_reference(node)) return bind_name(node, f, s);
            fail(f, span_of(node), "cell references cannot be used in a report");
            return {};
        case dsl::node_kind::call:
            return bind_call(node, f, s);
        case dsl::node_kind::unary:
        case dsl::node_kind::percent:
            return bind_unary(node, f, s);
        case dsl::node_kind::binary:
            return bind_binary(node, f, s);
        case dsl::node_kind::where:
            fail(f, span_of(node), "'where' can only be used in the argument of an aggregate, as in sum(x where condition)");
            return {};
    }
    return e;
}

bool expression_binder::allow_metric_level(const frame& f, dsl::source_span span, const site& s, const std::string& what) {
    if (s.lv == level::metric || s.lv == level::generic) return true;
    dsl::diagnostic* d = fail(f, span, what + " cannot be used " + std::string(s.place));
    if (d && s.lv == level::row && s.place.starts_with("inside")) d->notes.push_back(note_text("aggregates cannot be nested"));
    return false;
}

expr expression_binder::bind_name(const dsl::formula_node& node, const frame& f, const site& s) {
    const std::string text = name_text(f.scope->file, node);
    // A def's parameter: the caller's argument, bound where the parameter is used.
    if (f.parameters != nullptr) {
        for (std::size_t i = 0; i < f.parameters->size(); ++i) {
            if ((*f.parameters)[i].text != text) continue;
            if (f.arguments.empty()) {
                expr e;  // a placeholder, while checking the def on its own
                e.loc = at(f, span_of(node));
                return e;
            }
            if (i >= f.arguments.size() || f.arguments[i] == nullptr) return {};
            return bind(*f.arguments[i], *f.caller, s);
        }
    }
    const lookup found = state_.find(*f.scope, text, name_space::values);
    if (found.outcome != lookup::result::found && found.outcome != lookup::result::column) {
        std::vector<std::string> extra;
        if (f.parameters)
            for (const auto& p : *f.parameters) extra.push_back(p.text);
        if (f.caller == nullptr) {
            report_lookup(stmt_, *f.scope, at(f, span_of(node)), text, found, name_space::values, std::nullopt, extra);
        } else if (found.outcome == lookup::result::suppressed) {
            stmt_.poison();
        } else {
            // Checked with the def on its own: an unknown name there fails the def, not its callers.
            stmt_.poison();
        }
        return {};
    }
    return bind_symbol(node, text, f, s, found);
}

expr expression_binder::bind_symbol(const dsl::formula_node& node, const std::string& text, const frame& f,
                                    const site& s, const lookup& found) {
    const dsl::source_span span = span_of(node);
    expr e;
    e.loc = at(f, span);
    checked_program& model = state_.model;
    if (state_.info(found.sym).state == status::failed) {
        stmt_.poison();
        return {};
    }
    if (found.outcome == lookup::result::column) {
        source& src = model.sources[found.sym.index];
        const std::string what = "column '" + text + "'";
        if (s.lv == level::metric) {
            if (dsl::diagnostic* d = fail(f, span, what + " must be inside an aggregate"))
                d->notes.push_back(note_text("for example avg(" + text + ")"));
            return {};
        }
        if (s.lv == level::constant) {
            fail(f, span, what + " cannot be used " + std::string(s.place));
            return {};
        }
        e.kind = expr_kind::column;
        e.source = found.sym.index;
        e.text = found.column;
        if (src.schema_known) {
            for (const column& c : src.columns)
                if (c.name == found.column) e.type = c.type;
        } else {
            const bool known = std::any_of(src.referenced_columns.begin(), src.referenced_columns.end(),
                                           [&](const column& c) { return c.name == found.column; });
            if (!known) src.referenced_columns.push_back(column{found.column, value_type::unknown, e.loc});
        }
        if (s.lv == level::row) note_read(found.sym.index, e.loc, f, span, s, "");
        return e;
    }
    const symbol sym = found.sym;
    const std::string& name = state_.name_of(sym);
    switch (sym.kind) {
        case symbol_kind::param:
            e.kind = expr_kind::param;
            e.index = sym.index;
            e.type = model.params[sym.index].type;
            return e;
        case symbol_kind::metric: {
            mark_used(sym);
            if (!allow_metric_level(f, span, s, "metric '" + name + "'")) return {};
            e.kind = expr_kind::metric;
            e.index = sym.index;
            e.type = model.metrics[sym.index].type;
            return e;
        }
        case symbol_kind::filter: {
            mark_used(sym);
            const std::string what = "filter '" + name + "'";
            if (s.lv == level::metric) {
                if (dsl::diagnostic* d = fail(f, span, what + " must be inside an aggregate"))
                    d->notes.push_back(note_text("for example count(" + text + ") or share(" + text + ")"));
                return {};
            }
            if (s.lv == level::constant) {
                fail(f, span, what + " cannot be used " + std::string(s.place));
                return {};
            }
            e.kind = expr_kind::filter;
            e.index = sym.index;
            e.type = value_type::boolean;
            if (s.lv == level::row) note_read(model.filters[sym.index].source, e.loc, f, span, s, what);
            return e;
        }
        case symbol_kind::source: {
            const std::string what = "source '" + name + "'";
            if (s.lv == level::metric) {
                if (dsl::diagnostic* d = fail(f, span, what + " must be inside an aggregate"))
                    d->notes.push_back(note_text("for example count(" + text + ")"));
            } else if (s.lv == level::row) {
                const source& src = model.sources[sym.index];
                const std::string example = src.columns.empty() ? text + ".<column>" : text + "." + src.columns.front().name;
                if (dsl::diagnostic* d = fail(f, span, what + " is not a value"))
                    d->notes.push_back(note_text("name one of its columns, such as " + example));
            } else if (s.lv == level::constant) {
                fail(f, span, what + " cannot be used " + std::string(s.place));
            } else {
                return e;
            }
            return {};
        }
        case symbol_kind::dimension: {
            const dimension& dim = model.dimensions[sym.index];
            dsl::diagnostic* d = fail(f, span, "dimension '" + name + "' is not a value");
            if (d && !dim.columns.empty() && !dim.columns.front().column.empty())
                d->notes.push_back(note_text("use the column it names, such as " +
                                             model.sources[dim.columns.front().source].name + "." +
                                             dim.columns.front().column));
            return {};
        }
        case symbol_kind::def:
            fail(f, span, "def '" + name + "' must be called with its arguments, as " + text + "(...)");
            return {};
        case symbol_kind::chart:
        case symbol_kind::report:
            break;
    }
    return {};
}

void expression_binder::note_read(std::size_t source, location loc, const frame& f, dsl::source_span span,
                                  const site& s, const std::string& what) {
    if (s.rows == nullptr || source == npos || stmt_.failed()) return;
    row_scope& rows = *s.rows;
    if (rows.source == npos) {
        rows.source = source;
        rows.first = loc;
        return;
    }
    if (rows.source == source) return;
    const std::string first = state_.model.sources[rows.source].name;
    const std::string second = state_.model.sources[source].name;
    std::string message;
    if (!what.empty()) message = what + " reads source '" + second + "', but " + rows.owner + " reads '" + first + "'";
    else if (s.in_where) message = "'where' reads source '" + second + "', but " + rows.owner + " reads '" + first + "'";
    else message = rows.owner + " reads two sources, '" + first + "' and '" + second + "'";
    if (dsl::diagnostic* d = fail(f, span, std::move(message)))
        d->notes.push_back(note_at(rows.first, rows.owner + " reads '" + first + "' here"));
}

expr expression_binder::bind_call(const dsl::formula_node& node, const frame& f, const site& s) {
    const std::string_view name = call_name(f.scope->file, node);
    const std::string key = lower_ascii(name);
    const registered_function* excel = state_.functions.find(name);

    if (auto shift = find_keyword(shifts, key)) return bind_shift(node, *shift, name, f, s);
    if (auto agg = find_keyword(aggregates, key)) {
        // sum(x), min(x), percentile(x, k): the aggregate; SUM(a, b), MAX(NPS, 0): Excel's.
        const std::size_t wanted = *agg == aggregate_kind::percentile ? 2 : 1;
        if (excel == nullptr || node.children.size() == wanted) return bind_aggregate(node, *agg, name, f, s);
    }
    // A def: by its name as written (names are case-sensitive), possibly `alias.name`.
    const lookup found = state_.find(*f.scope, name, name_space::values);
    if (found.outcome == lookup::result::found && found.sym.kind == symbol_kind::def)
        return bind_def_call(node, name, found.sym, f, s);
    if (found.outcome == lookup::result::ambiguous && f.caller == nullptr) {
        report_lookup(stmt_, *f.scope, at(f, span_of(node)), name, found, name_space::values);
        return {};
    }
    if (excel != nullptr) return bind_function(node, *excel, f, s);

    const dsl::source_span name_span{node.offset, static_cast<std::uint32_t>(name.size())};
    if (found.outcome == lookup::result::found) {
        fail(f, name_span, std::string(kind_word(found.sym.kind)) + " '" + std::string(name) + "' is not a function");
        return {};
    }
    if (found.outcome == lookup::result::suppressed || (f.caller != nullptr)) {
        stmt_.poison();
        return {};
    }
    if (found.outcome == lookup::result::not_in_module) {
        report_lookup(stmt_, *f.scope, at(f, name_span), name, found, name_space::values, symbol_kind::def);
        return {};
    }
    std::vector<std::string> candidates = state_.visible_names(*f.scope, name_space::values, symbol_kind::def);
    for (const auto& row : aggregates) candidates.emplace_back(row.name);
    for (const auto& row : shifts) candidates.emplace_back(row.name);
    for (const registered_function* fn : state_.functions.all()) candidates.push_back(fn->name);
    suggest(fail(f, name_span, "unknown function '" + std::string(name) + "'"), name, candidates);
    return {};
}

expr expression_binder::bind_function(const dsl::formula_node& node, const registered_function& fn, const frame& f,
                                      const site& s) {
    const int count = static_cast<int>(node.children.size());
    if (count < fn.def.min_args || count > fn.def.max_args) {
        std::string wanted;
        if (fn.def.min_args == fn.def.max_args) wanted = std::to_string(fn.def.min_args);
        else if (fn.def.max_args >= variadic) wanted = "at least " + std::to_string(fn.def.min_args);
        else wanted = std::to_string(fn.def.min_args) + " to " + std::to_string(fn.def.max_args);
        const bool one = fn.def.min_args == 1 && (fn.def.max_args == 1 || fn.def.max_args >= variadic);
        fail(f, span_of(node), fn.name + " takes " + wanted + (one ? " argument" : " arguments") + ", found " +
                                   std::to_string(count));
        return {};
    }
    expr e;
    e.kind = expr_kind::function;
    e.function = &fn;
    e.text = fn.name;
    std::vector<value_type> types;
    for (const auto& child : node.children) {
        e.children.push_back(bind(*child, f, s));
        if (stmt_.failed()) return {};
        types.push_back(e.children.back().type);
    }
    e.type = excel_result_type(fn.name, types);
    return e;
}

expr expression_binder::bind_def_call(const dsl::formula_node& node, std::string_view name, symbol def_sym,
                                      const frame& f, const site& s) {
    const declaration_info& info = state_.info(def_sym);
    if (info.state == status::failed) {
        stmt_.poison();
        return {};
    }
    const dsl::def_decl& decl = *info.decl->def;
    const std::size_t wanted = decl.parameters.size();
    if (node.children.size() != wanted) {
        const std::string arguments = wanted == 1 ? " argument" : " arguments";
        if (dsl::diagnostic* d = fail(f, span_of(node), "def '" + std::string(name) + "' takes " + std::to_string(wanted) +
                                                            arguments + ", found " + std::to_string(node.children.size())))
            d->notes.push_back(note_at(state_.model.defs[def_sym.index].loc, "'" + std::string(name) + "' is defined here"));
        return {};
    }
    frame body;
    body.scope = &state_.scopes[info.module];
    body.caller = &f;
    body.def = def_sym.index;
    body.call = at(f, span_of(node));
    body.parameters = &decl.parameters;
    for (const auto& child : node.children) body.arguments.push_back(child.get());
    expr e;
    e.kind = expr_kind::def_call;
    e.index = def_sym.index;
    e.text = std::string(name);
    e.loc = body.call;
    if (s.lv == level::generic) {
        // Checking a def on its own: its callees were checked on their own already.
        for (const auto& child : node.children) {
            bind(*child, f, s);
            if (stmt_.failed()) return {};
        }
        return e;
    }
    e.children.push_back(bind(*decl.body, body, s));
    if (stmt_.failed()) return {};
    e.type = e.children.front().type;
    return e;
}

expr expression_binder::bind_unary(const dsl::formula_node& node, const frame& f, const site& s) {
    if (node.children.empty()) return {};
    expr operand = bind(*node.children[0], f, s);
    if (stmt_.failed()) return {};
    const bool percent = node.kind == dsl::node_kind::percent;
    const std::string symbol = percent ? "%" : node.un == dsl::unary_op::negate ? "-" : "+";
    if (operand.type == value_type::text) {
        fail(f, span_of(*node.children[0]), "'" + symbol + "' expects a number, found text");
        return {};
    }
    expr e;
    e.kind = percent ? expr_kind::percent : expr_kind::unary;
    e.un = node.un;
    e.type = operand.type == value_type::unknown ? value_type::unknown : value_type::number;
    e.children.push_back(std::move(operand));
    return e;
}

expr expression_binder::bind_binary(const dsl::formula_node& node, const frame& f, const site& s) {
    if (node.children.size() != 2) return {};
    if (node.bin == dsl::binary_op::range) {
        fail(f, span_of(node), "ranges cannot be used in a report");
        return {};
    }
    expr left = bind(*node.children[0], f, s);
    if (stmt_.failed()) return {};
    expr right = bind(*node.children[1], f, s);
    if (stmt_.failed()) return {};
    expr e;
    e.kind = expr_kind::binary;
    e.bin = node.bin;
    const value_type a = left.type, b = right.type;
    if (node.bin == dsl::binary_op::concat) {
        e.type = value_type::text;
    } else if (is_comparison(node.bin)) {
        if (incomparable(a, b)) {
            fail(f, span_of(node), "cannot compare " + std::string(type_name(a)) + " with " + std::string(type_name(b)));
            return {};
        }
        e.type = value_type::boolean;
    } else {
        const std::string symbol(dsl::operator_text(node.bin));
        for (std::size_t i = 0; i < 2; ++i) {
            if ((i == 0 ? a : b) != value_type::text) continue;
            fail(f, span_of(*node.children[i]), "'" + symbol + "' expects a number, found text");
            return {};
        }
        e.type = value_type::number;
        if (a == value_type::unknown || b == value_type::unknown) e.type = value_type::unknown;
        if (node.bin == dsl::binary_op::add && (a == value_type::date) != (b == value_type::date))
            e.type = value_type::date;
        if (node.bin == dsl::binary_op::subtract && a == value_type::date)
            e.type = b == value_type::date ? value_type::number : value_type::date;
    }
    e.children.push_back(std::move(left));
    e.children.push_back(std::move(right));
    return e;
}

expr bind_in_module(statement& stmt, const dsl::formula_node& node, std::size_t module, const site& s) {
    expression_binder binder(stmt);
    frame f;
    f.scope = &stmt.state().scopes[module];
    return binder.bind(node, f, s);
}

std::vector<std::size_t> sources_read(const checker_state& state, const expr& e) {
    std::vector<std::size_t> out;
    std::vector<const expr*> todo{&e};
    while (!todo.empty()) {
        const expr* x = todo.back();
        todo.pop_back();
        if (x->kind == expr_kind::aggregate && x->source != npos) out.push_back(x->source);
        if (x->kind == expr_kind::metric && x->index < state.model.metrics.size()) {
            const auto& more = state.model.metrics[x->index].sources;
            out.insert(out.end(), more.begin(), more.end());
        }
        for (const expr& child : x->children) todo.push_back(&child);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace folio::report::detail

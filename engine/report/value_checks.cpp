// Params (a type and a constant default of that type), filters (a bool condition on the
// rows of one source) and defs (checked on their own: names, functions, arities; a def
// may not take the name of an aggregate or an Excel function).

#include "checker_state.hpp"
#include "expression_binder.hpp"
#include "vocabulary.hpp"

namespace folio::report::detail {
namespace {

declaration_info& info_of(checker_state& state, symbol_kind kind, std::size_t index) {
    return state.declarations[static_cast<std::size_t>(kind)][index];
}

}  // namespace

void check_param(checker_state& state, std::size_t index) {
    declaration_info& info = info_of(state, symbol_kind::param, index);
    if (info.state == status::failed) return;
    param& model = state.model.params[index];
    const dsl::param_decl& decl = *info.decl->param;
    const dsl::source_file* file = state.scopes[info.module].file;
    statement stmt(state);
    const auto type = find_keyword(value_types, decl.type.text);
    if (!type) {
        dsl::diagnostic* d = stmt.error(location{file, decl.type.span}, "unknown type '" + decl.type.text + "'");
        const std::vector<std::string> known = keyword_names(value_types);
        if (auto best = dsl::closest_match(decl.type.text, known)) {
            if (d) d->notes.push_back(note_text("did you mean '" + *best + "'?"));
        } else if (d) {
            d->notes.push_back(note_text("the param types are " + join_words(known)));
        }
    } else {
        model.type = *type;
    }
    if (!stmt.failed() && decl.default_value) {
        site s;
        s.lv = level::constant;
        s.place = "in a param default";
        model.default_value = bind_in_module(stmt, *decl.default_value, info.module, s);
        model.has_default = !stmt.failed();
        const value_type got = model.default_value.type;
        if (!stmt.failed() && got != value_type::unknown && got != model.type) {
            stmt.error(location{file, span_of(*decl.default_value)},
                       "param '" + model.name + "' is " + type_phrase(model.type) + ", but its default is " +
                           type_phrase(got));
        }
    }
    info.state = stmt.failed() ? status::failed : status::ok;
}

void check_filter(checker_state& state, std::size_t index) {
    declaration_info& info = info_of(state, symbol_kind::filter, index);
    if (info.state == status::failed) return;
    filter& model = state.model.filters[index];
    const dsl::formula_node& condition = *info.decl->filter->condition;
    const dsl::source_file* file = state.scopes[info.module].file;
    statement stmt(state);
    row_scope rows;
    rows.owner = "filter '" + model.name + "'";
    site s;
    s.lv = level::row;
    s.place = "in a filter condition";
    s.rows = &rows;
    model.condition = bind_in_module(stmt, condition, info.module, s);
    if (!stmt.failed()) {
        const value_type t = model.condition.type;
        if (t != value_type::boolean && t != value_type::unknown)
            stmt.error(location{file, span_of(condition)}, "a filter expects a condition, found " + type_phrase(t));
        else if (rows.source == npos)
            stmt.error(location{file, span_of(condition)},
                       "filter '" + model.name + "' reads no source: its condition must use a column");
    }
    model.source = rows.source;
    info.state = stmt.failed() ? status::failed : status::ok;
}

void check_def(checker_state& state, std::size_t index) {
    declaration_info& info = info_of(state, symbol_kind::def, index);
    if (info.state == status::failed) return;
    def& model = state.model.defs[index];
    const dsl::def_decl& decl = *info.decl->def;
    const module_scope& scope = state.scopes[info.module];
    statement stmt(state);
    const std::string key = lower_ascii(model.name);
    if (find_keyword(aggregates, key) || find_keyword(shifts, key)) {
        stmt.error(model.loc, "def '" + model.name + "' has the name of the aggregate " + key + "()");
    } else if (const registered_function* fn = state.functions.find(model.name)) {
        stmt.error(model.loc, "def '" + model.name + "' has the name of the Excel function " + fn->name);
    }
    for (std::size_t i = 0; i < decl.parameters.size() && !stmt.failed(); ++i) {
        model.parameters.push_back(decl.parameters[i].text);
        for (std::size_t j = 0; j < i; ++j) {
            if (decl.parameters[j].text != decl.parameters[i].text) continue;
            if (dsl::diagnostic* d = stmt.error(location{scope.file, decl.parameters[i].span},
                                                "parameter '" + decl.parameters[i].text + "' is already defined"))
                d->notes.push_back(note_at(location{scope.file, decl.parameters[j].span}, "first defined here"));
            break;
        }
    }
    if (!stmt.failed()) {
        expression_binder binder(stmt);
        frame f;
        f.scope = &scope;
        f.parameters = &decl.parameters;
        site s;
        s.lv = level::generic;
        binder.bind(*decl.body, f, s);
    }
    info.state = stmt.failed() ? status::failed : status::ok;
}

}  // namespace folio::report::detail

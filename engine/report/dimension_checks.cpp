// Dimensions: each column names how one source carries the dimension — a column
// (`surveys.region`), a column at a time grain (`month(surveys.submitted_at)`), or a
// row-level computation over one source. One column per source; every column of a
// time dimension has the same grain.
//
// A source the dimension does not name still carries it through a column of the same
// name (the dimension's, or one its other columns read): found now in a schema block,
// or when the data is read for a source whose schema is unknown.
#include <algorithm>

#include "checker_state.hpp"
#include "expression_binder.hpp"
#include "vocabulary.hpp"

namespace folio::report::detail {
void check_dimension(checker_state& state, std::size_t index) {
    declaration_info& info = state.declarations[static_cast<std::size_t>(symbol_kind::dimension)][index];
    dimension& model = state.model.dimensions[index];
    const module_scope& scope = state.scopes[info.module];
    const dsl::source_file* file = scope.file;
    statement stmt(state);
    const std::string owner = "dimension '" + model.name + "'";

    for (const auto& node_ptr : info.decl->dimension->columns) {
        if (!node_ptr || stmt.failed()) break;
        const dsl::formula_node& node = *node_ptr;
        const dsl::formula_node* inner = &node;
        time_grain grain = time_grain::none;
        if (node.kind == dsl::node_kind::call && node.children.size() == 1) {
            const std::string_view name = expression_binder::call_name(file, node);
            const dsl::source_span name_span{node.offset, static_cast<std::uint32_t>(name.size())};
            if (auto g = find_keyword(time_grains, lower_ascii(name))) {
                grain = *g;
                inner = node.children[0].get();
            } else if (state.functions.find(name) == nullptr &&
                       state.find(scope, name, name_space::values).outcome != lookup::result::found) {
                suggest(stmt.error(location{file, name_span}, "unknown time grain '" + std::string(name) + "'"), name,
                        keyword_names(time_grains));
                break;
            }
        }
        row_scope rows;
        rows.owner = owner;
        site s;
        s.lv = level::row;
        s.place = "in a dimension";
        s.rows = &rows;
        expr value = bind_in_module(stmt, *inner, info.module, s);
        if (stmt.failed()) break;
        const location loc{file, span_of(node)};
        if (grain != time_grain::none && value.type != value_type::date && value.type != value_type::unknown) {
            stmt.error(location{file, span_of(*inner)},
                       "time grain '" + std::string(grain_name(grain)) + "' needs a date, found " + type_phrase(value.type));
            break;
        }
        if (rows.source == npos) {
            stmt.error(loc, "a column of " + owner + " must read a column of a source");
            break;
        }
        const auto same_source = std::find_if(model.columns.begin(), model.columns.end(),
                                              [&](const dimension_column& c) { return c.source == rows.source; });
        if (same_source != model.columns.end()) {
            if (dsl::diagnostic* d = stmt.error(loc, owner + " already has a column of source '" +
                                                         state.model.sources[rows.source].name + "'"))
                d->notes.push_back(note_at(same_source->loc, "first given here"));
            break;
        }
        if (!model.columns.empty() && model.columns.front().grain != grain) {
            const dimension_column& first = model.columns.front();
            const auto grain_word = [](time_grain g) {
                return g == time_grain::none ? std::string("no time grain") : "the grain '" + std::string(grain_name(g)) + "'";
            };
            if (dsl::diagnostic* d = stmt.error(loc, owner + " mixes time grains: this column has " + grain_word(grain)))
                d->notes.push_back(note_at(first.loc, "this one has " + grain_word(first.grain)));
            break;
        }
        dimension_column column;
        column.source = rows.source;
        column.grain = grain;
        if (value.kind == expr_kind::column) column.column = value.text;
        column.value = std::move(value);
        column.loc = loc;
        model.columns.push_back(std::move(column));
        model.grain = grain;
    }
    if (!stmt.failed()) {
        model.candidate_names.push_back(model.name);
        for (const dimension_column& c : model.columns)
            if (!c.column.empty() && std::find(model.candidate_names.begin(), model.candidate_names.end(), c.column) ==
                                         model.candidate_names.end())
                model.candidate_names.push_back(c.column);
    }
    info.state = stmt.failed() ? status::failed : status::ok;
}

void add_implicit_dimension_columns(checker_state& state) {
    auto& infos = state.declarations[static_cast<std::size_t>(symbol_kind::dimension)];
    for (std::size_t d = 0; d < state.model.dimensions.size(); ++d) {
        if (infos[d].state != status::ok) continue;
        dimension& dim = state.model.dimensions[d];
        for (std::size_t s = 0; s < state.model.sources.size(); ++s) {
            const source& src = state.model.sources[s];
            if (!src.schema_known) continue;
            const bool named = std::any_of(dim.columns.begin(), dim.columns.end(),
                                           [&](const dimension_column& c) { return c.source == s; });
            if (named) continue;
            for (const std::string& candidate : dim.candidate_names) {
                const auto col = std::find_if(src.columns.begin(), src.columns.end(),
                                              [&](const column& c) { return c.name == candidate; });
                if (col == src.columns.end()) continue;
                if (dim.grain != time_grain::none && col->type != value_type::date) continue;
                dimension_column implicit;
                implicit.source = s;
                implicit.column = col->name;
                implicit.grain = dim.grain;
                implicit.implicit = true;
                implicit.loc = col->loc;
                implicit.value.kind = expr_kind::column;
                implicit.value.type = col->type;
                implicit.value.source = s;
                implicit.value.text = col->name;
                implicit.value.loc = col->loc;
                dim.columns.push_back(std::move(implicit));
                break;
            }
        }
    }
}

}  // namespace folio::report::detail

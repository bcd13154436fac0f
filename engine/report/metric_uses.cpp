// Metric uses and the split check. A use is split by a dimension in a table (`table by
// region { FRT }`), a chart (`line(NPS by month, series: region)`) and the KPI tiles of
// a report with a period. A source that no column of the dimension names cannot be
// split by it when its schema is known (and has no column of the same name); when its
// schema is unknown the question waits for the data. A lifecycle or snapshot source is
// split by any time dimension: the period picks its entities.
#include <algorithm>

#include "expression_binder.hpp"
#include "metric_uses.hpp"
#include "vocabulary.hpp"

namespace folio::report::detail {

std::optional<metric_use> bind_metric_use(statement& stmt, const dsl::formula_node& node, std::size_t module) {
    checker_state& state = stmt.state();
    const module_scope& scope = state.scopes[module];
    metric_use use;
    use.loc = location{scope.file, span_of(node)};
    use.text = std::string(written(scope.file, span_of(node)));
    if (node.kind == dsl::node_kind::name) {
        const lookup found = state.find(scope, node.text, name_space::values);
        if (found.outcome != lookup::result::found && found.outcome != lookup::result::column) {
            report_lookup(stmt, scope, use.loc, node.text, found, name_space::values, symbol_kind::metric);
            return std::nullopt;
        }
        if (found.outcome == lookup::result::found && found.sym.kind == symbol_kind::metric) use.metric = found.sym.index;
    }
    site s;
    s.lv = level::metric;
    use.value = bind_in_module(stmt, node, module, s);
    if (stmt.failed()) return std::nullopt;
    use.sources = sources_read(state, use.value);
    return use;
}

std::optional<std::size_t> resolve_dimension(statement& stmt, std::size_t module, const dsl::identifier& name) {
    checker_state& state = stmt.state();
    const module_scope& scope = state.scopes[module];
    const location loc{scope.file, name.span};
    const lookup found = state.find(scope, name.text, name_space::values);
    if (found.outcome != lookup::result::found) {
        if (found.outcome == lookup::result::column) {
            stmt.error(loc, "'" + name.text + "' is a column, not a dimension");
            return std::nullopt;
        }
        report_lookup(stmt, scope, loc, name.text, found, name_space::values, symbol_kind::dimension);
        return std::nullopt;
    }
    if (found.sym.kind != symbol_kind::dimension) {
        stmt.error(loc, "'" + name.text + "' is a " + std::string(kind_word(found.sym.kind)) + ", not a dimension");
        return std::nullopt;
    }
    if (state.info(found.sym).state == status::failed) {
        stmt.poison();
        return std::nullopt;
    }
    return found.sym.index;
}

carriage carries(const checker_state& state, std::size_t dim, std::size_t source) {
    const dimension& d = state.model.dimensions[dim];
    for (const dimension_column& c : d.columns)
        if (c.source == source) return carriage::yes;
    // A lifecycle or snapshot source is split by any time dimension through its dates.
    if (d.grain != time_grain::none && is_entity_source(state.model.sources[source])) return carriage::yes;
    return state.model.sources[source].schema_known ? carriage::no : carriage::deferred;
}

bool check_split(statement& stmt, const metric_use& use, std::size_t dim) {
    const checker_state& state = stmt.state();
    const dimension& d = state.model.dimensions[dim];
    for (std::size_t source : use.sources) {
        if (carries(state, dim, source) != carriage::no) continue;
        const std::string what = use.metric != npos ? "metric " + use.text : "expression " + use.text;
        dsl::diagnostic* diag = stmt.error(use.loc, what + " cannot be split by " + d.name + ": source " +
                                                        state.model.sources[source].name + " has no column for it");
        if (diag != nullptr) {
            std::vector<std::string> carriers;
            for (const dimension_column& c : d.columns) carriers.push_back(state.model.sources[c.source].name);
            diag->notes.push_back(note_at(d.loc, carriers.empty() ? "dimension " + d.name + " is declared here"
                                                                  : "dimension " + d.name + " has columns in " +
                                                                        join_words(carriers)));
        }
        return false;
    }
    return true;
}

namespace {

// The first lifecycle aggregate `e` evaluates (through metrics and defs), or null.
const expr* lifecycle_aggregate(const checked_program& model, const expr& e, unsigned depth = 0) {
    if (depth > 200) return nullptr;
    if (e.kind == expr_kind::aggregate && is_lifecycle_aggregate(e.aggregate)) return &e;
    if (e.kind == expr_kind::metric && e.index < model.metrics.size())
        return lifecycle_aggregate(model, model.metrics[e.index].formula, depth + 1);
    for (const expr& c : e.children)
        if (const expr* found = lifecycle_aggregate(model, c, depth + 1)) return found;
    return nullptr;
}

}  // namespace

void warn_without_period(checker_state& state, const metric_use& use, const std::vector<std::size_t>& dims,
                         const std::string& what) {
    for (std::size_t d : dims)
        if (state.model.dimensions[d].grain != time_grain::none) return;
    const expr* found = lifecycle_aggregate(state.model, use.value);
    if (found == nullptr) return;
    const std::string name = use.metric != npos ? "metric " + use.text : "expression " + use.text;
    dsl::diagnostic& d = state.diagnostics.warning(
        use.loc.file, use.loc.span,
        name + " is #N/A in " + what + ": " + std::string(aggregate_name(found->aggregate)) +
            "() counts entities relative to a period, and " + what + " has none");
    d.notes.push_back(note_text("split " + what + " by a time dimension, as in 'table by month' or 'line(churn by month)'"));
}

}  // namespace folio::report::detail

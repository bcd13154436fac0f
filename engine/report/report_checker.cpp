// check_program: runs the checker's passes in order (see checker_state.hpp).
//
// Sources come first (their schemas decide which columns exist), then params, then
// dimensions (which may use params), then filters, defs and metrics in dependency
// order, then charts, reports and expects, and last the unused-declaration warnings.
#include "folio/engine/report/checker.hpp"

#include "checker_state.hpp"

namespace folio::report {

checked_program check_program(const dsl::loaded_program& program, const function_registry& functions,
                              dsl::diagnostic_list& diagnostics) {
    if (program.modules.empty() || !program.modules.front()) {
        checked_program empty;
        empty.ok = !diagnostics.has_errors();
        return empty;
    }
    detail::checker_state state(program, functions, diagnostics);
    detail::collect_declarations(state);
    for (std::size_t i = 0; i < state.model.sources.size(); ++i) detail::check_source(state, i);
    const std::vector<detail::symbol> order = detail::order_declarations(state);
    for (const detail::symbol& s : order)
        if (s.kind == detail::symbol_kind::param) detail::check_param(state, s.index);
    for (std::size_t i = 0; i < state.model.dimensions.size(); ++i) detail::check_dimension(state, i);
    detail::add_implicit_dimension_columns(state);
    for (const detail::symbol& s : order) {
        switch (s.kind) {
            case detail::symbol_kind::filter: detail::check_filter(state, s.index); break;
            case detail::symbol_kind::def: detail::check_def(state, s.index); break;
            case detail::symbol_kind::metric: detail::check_metric(state, s.index); break;
            default: break;
        }
    }
    for (std::size_t i = 0; i < state.model.charts.size(); ++i) detail::check_chart(state, i);
    detail::check_reports(state);
    for (std::size_t m = 0; m < program.modules.size(); ++m)
        for (const dsl::declaration& decl : program.modules[m]->declarations)
            if (decl.kind == dsl::decl_kind::expect) detail::check_expect(state, decl, m);
    detail::warn_unused(state);
    diagnostics.sort();
    state.model.ok = !diagnostics.has_errors();
    return std::move(state.model);
}

}  // namespace folio::report

// Warnings for filters and metrics of the root report that nothing uses: no report,
// chart, expect, metric or filter refers to them. Imported modules are libraries and
// are not warned about, nor is a root file without any report (a library checked on
// its own); and while the program has errors there are no such warnings at all (a
// typo in a report makes the metric it meant look unused: fix the error first).
#include <algorithm>

#include "checker_state.hpp"

namespace folio::report::detail {

void warn_unused(checker_state& state) {
    const auto& decls = state.program.root().declarations;
    const bool has_report = std::any_of(decls.begin(), decls.end(),
                                        [](const dsl::declaration& d) { return d.kind == dsl::decl_kind::report; });
    if (!has_report || state.diagnostics.has_errors()) return;
    for (symbol_kind kind : {symbol_kind::filter, symbol_kind::metric}) {
        const auto& infos = state.declarations[static_cast<std::size_t>(kind)];
        for (std::size_t i = 0; i < infos.size(); ++i) {
            const declaration_info& info = infos[i];
            if (info.module != 0 || info.used || info.state != status::ok) continue;
            const symbol s{kind, i};
            state.diagnostics.warning(state.location_of(s).file, state.location_of(s).span,
                                      std::string(kind_word(kind)) + " '" + state.name_of(s) + "' is never used");
        }
    }
}

}  // namespace folio::report::detail

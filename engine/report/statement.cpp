// One error per statement, notes and "did you mean", and the messages for names that
// cannot be found.
#include <algorithm>

#include "checker_state.hpp"

namespace folio::report::detail {

std::string_view kind_word(symbol_kind kind) {
    switch (kind) {
        case symbol_kind::param: return "param";
        case symbol_kind::source: return "source";
        case symbol_kind::dimension: return "dimension";
        case symbol_kind::filter: return "filter";
        case symbol_kind::metric: return "metric";
        case symbol_kind::def: return "def";
        case symbol_kind::chart: return "chart";
        case symbol_kind::report: return "report";
    }
    return "name";
}

dsl::diagnostic* statement::error(location loc, std::string message) {
    if (failed_) return nullptr;
    failed_ = true;
    return &state_.diagnostics.error(loc.file, loc.span, std::move(message));
}

dsl::diagnostic_note note_at(location loc, std::string message) {
    return dsl::diagnostic_note{std::move(message), loc.file, loc.span};
}

dsl::diagnostic_note note_text(std::string message) {
    return dsl::diagnostic_note{std::move(message), nullptr, {}};
}

void suggest(dsl::diagnostic* d, std::string_view name, const std::vector<std::string>& candidates) {
    if (d == nullptr) return;
    if (auto best = dsl::closest_match(name, candidates)) d->notes.push_back(note_text("did you mean '" + *best + "'?"));
}

dsl::source_span span_of(const dsl::formula_node& node) {
    return dsl::source_span{node.offset, node.length};
}

std::string_view written(const dsl::source_file* file, dsl::source_span span) {
    if (file == nullptr) return {};
    const std::string& text = file->text();
    if (span.offset >= text.size()) return {};
    return std::string_view(text).substr(span.offset, std::min<std::size_t>(span.length, text.size() - span.offset));
}

namespace {

// The part of `loc` that covers bytes [begin, end) of the name written there.
location part_of(location loc, std::uint32_t begin, std::uint32_t end) {
    if (end <= begin || end > loc.span.length) return loc;
    return location{loc.file, dsl::source_span{loc.span.offset + begin, end - begin}};
}

}  // namespace

void report_lookup(statement& stmt, const module_scope& scope, location loc, std::string_view name,
                   const lookup& result, name_space space, std::optional<symbol_kind> wanted,
                   const std::vector<std::string>& extra) {
    checker_state& state = stmt.state();
    const std::string_view part = name.substr(std::min<std::size_t>(result.part_begin, name.size()),
                                              result.part_end > result.part_begin ? result.part_end - result.part_begin : name.size());
    const location at = part_of(loc, result.part_begin, result.part_end);
    switch (result.outcome) {
        case lookup::result::found:
        case lookup::result::column:
            return;
        case lookup::result::suppressed:
            stmt.poison();
            return;
        case lookup::result::not_found: {
            std::string word = "name";
            if (space == name_space::charts) word = "chart";
            else if (space == name_space::reports) word = "report";
            else if (wanted) word = std::string(kind_word(*wanted));
            std::vector<std::string> candidates = state.visible_names(scope, space, wanted);
            candidates.insert(candidates.end(), extra.begin(), extra.end());
            suggest(stmt.error(loc, "unknown " + word + " '" + std::string(name) + "'"), name, candidates);
            return;
        }
        case lookup::result::no_source: {
            const lookup head = state.find(scope, part, name_space::values);
            if (head.outcome == lookup::result::found) {
                stmt.error(at, "'" + std::string(part) + "' is a " + std::string(kind_word(head.sym.kind)) +
                                   ", not a source or an import");
                return;
            }
            std::vector<std::string> candidates = state.visible_names(scope, name_space::values, symbol_kind::source);
            for (const auto& [alias, module] : scope.aliases) candidates.push_back(alias);
            suggest(stmt.error(at, "unknown source '" + std::string(part) + "'"), part, candidates);
            return;
        }
        case lookup::result::no_column: {
            if (state.info(result.sym).state == status::failed) {
                stmt.poison();
                return;
            }
            const source& src = state.model.sources[result.sym.index];
            std::vector<std::string> candidates;
            for (const column& c : src.columns) candidates.push_back(c.name);
            suggest(stmt.error(at, "source '" + src.name + "' has no column '" + std::string(part) + "'"), part,
                    candidates);
            return;
        }
        case lookup::result::not_in_module: {
            const std::string alias(name.substr(0, name.find('.')));
            std::vector<std::string> candidates;
            if (result.module < state.scopes.size()) {
                const module_scope& target = state.scopes[result.module];
                const auto& table = space == name_space::charts    ? target.charts
                                    : space == name_space::reports ? target.reports
                                                                   : target.values;
                for (const auto& [n, s] : table)
                    if (!wanted || s.kind == *wanted) candidates.push_back(n);
                std::sort(candidates.begin(), candidates.end());
            }
            suggest(stmt.error(at, "'" + alias + "' has no " +
                                       std::string(space == name_space::charts    ? "chart"
                                                   : space == name_space::reports ? "report"
                                                   : wanted                       ? kind_word(*wanted)
                                                                                  : "declaration") +
                                       " '" + std::string(part) + "'"),
                    part, candidates);
            return;
        }
        case lookup::result::ambiguous: {
            dsl::diagnostic* d = stmt.error(loc, "'" + std::string(name) + "' is defined in both '" +
                                                     state.module_name(result.module) + "' and '" +
                                                     state.module_name(result.other_module) + "'");
            if (d) d->notes.push_back(note_text("write it with an import alias to choose one"));
            return;
        }
    }
}

}  // namespace folio::report::detail

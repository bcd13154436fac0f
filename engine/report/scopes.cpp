// The first pass: every declaration of every module gets its place in the model and
// its name in its module's scope; duplicates are reported here. Then name lookup:
// a module sees its own declarations, those of the modules it imports without an
// alias (not transitively), `alias.NAME` for an aliased import, and `source.column`.
#include <algorithm>
#include <filesystem>

#include "checker_state.hpp"

namespace folio::report::detail {
namespace {

// The model vector entry for a new declaration of `kind`, returning its index.
template <class T>
std::size_t add_named(std::vector<T>& items, const dsl::declaration& decl, std::size_t module, location loc,
                      const std::string& qualified) {
    T item;
    item.name = decl.name.text;
    item.qualified_name = qualified;
    item.module = module;
    item.loc = loc;
    items.push_back(std::move(item));
    return items.size() - 1;
}

std::optional<symbol_kind> kind_of(dsl::decl_kind kind) {
    switch (kind) {
        case dsl::decl_kind::param: return symbol_kind::param;
        case dsl::decl_kind::source: return symbol_kind::source;
        case dsl::decl_kind::dimension: return symbol_kind::dimension;
        case dsl::decl_kind::filter: return symbol_kind::filter;
        case dsl::decl_kind::metric: return symbol_kind::metric;
        case dsl::decl_kind::def: return symbol_kind::def;
        case dsl::decl_kind::chart: return symbol_kind::chart;
        case dsl::decl_kind::report: return symbol_kind::report;
        default: return std::nullopt;
    }
}

// True when the parser filled in the part of `decl` its kind needs.
bool complete(const dsl::declaration& decl) {
    switch (decl.kind) {
        case dsl::decl_kind::param: return decl.param != nullptr;
        case dsl::decl_kind::source: return decl.source != nullptr;
        case dsl::decl_kind::dimension: return decl.dimension != nullptr;
        case dsl::decl_kind::filter: return decl.filter != nullptr && decl.filter->condition != nullptr;
        case dsl::decl_kind::metric: return decl.metric != nullptr && decl.metric->formula != nullptr;
        case dsl::decl_kind::def: return decl.def != nullptr && decl.def->body != nullptr;
        case dsl::decl_kind::chart: return decl.chart != nullptr;
        case dsl::decl_kind::report: return decl.report != nullptr;
        default: return true;
    }
}

class collector {
public:
    explicit collector(checker_state& state) : state_(state) {}

    void run() {
        const auto& modules = state_.program.modules;
        for (std::size_t m = 0; m < modules.size(); ++m) {
            state_.model.files.push_back(modules[m]->file);
            module_info info;
            info.path = modules[m]->file ? modules[m]->file->path() : std::string();
            info.root = m == 0;
            state_.model.modules.push_back(std::move(info));
            module_scope scope;
            scope.index = m;
            scope.ast = modules[m].get();
            scope.file = modules[m]->file.get();
            state_.scopes.push_back(std::move(scope));
        }
        link_imports();
        for (std::size_t m = 0; m < modules.size(); ++m)
            for (const dsl::declaration& decl : modules[m]->declarations) add(decl, m);
    }

private:
    checker_state& state_;

    std::size_t module_index(const dsl::report_module* module) const {
        const auto& modules = state_.program.modules;
        for (std::size_t m = 0; m < modules.size(); ++m)
            if (modules[m].get() == module) return m;
        return npos;
    }

    void link_imports() {
        for (const dsl::resolved_import& link : state_.program.imports) {
            const std::size_t from = module_index(link.from);
            if (from == npos || link.import == nullptr || !link.import->import) continue;
            const std::size_t to = link.module ? module_index(link.module) : npos;
            module_scope& scope = state_.scopes[from];
            if (to == npos) scope.incomplete = true;
            const auto& alias = link.import->import->alias;
            if (!alias) {
                if (to != npos && std::find(scope.unqualified.begin(), scope.unqualified.end(), to) == scope.unqualified.end())
                    scope.unqualified.push_back(to);
                continue;
            }
            if (scope.aliases.count(alias->text) != 0) {
                statement stmt(state_);
                stmt.error(location{scope.file, alias->span}, "import alias '" + alias->text + "' is already used");
                continue;
            }
            scope.aliases.emplace(alias->text, to);
            if (from == 0 && to != npos && state_.model.modules[to].alias.empty()) state_.model.modules[to].alias = alias->text;
        }
    }

    // How the root report names a declaration `name` of module `m`.
    std::string qualified(const std::string& name, std::size_t m) const {
        const std::string& alias = state_.model.modules[m].alias;
        return m == 0 || alias.empty() ? name : alias + "." + name;
    }

    void add(const dsl::declaration& decl, std::size_t m) {
        module_scope& scope = state_.scopes[m];
        const location loc{scope.file, decl.name.span};
        if (decl.kind == dsl::decl_kind::theme) {
            add_theme(decl, m);
            return;
        }
        const auto kind = kind_of(decl.kind);
        if (!kind || decl.name.text.empty() || !complete(decl)) return;
        auto& table = *kind == symbol_kind::chart    ? scope.charts
                      : *kind == symbol_kind::report ? scope.reports
                                                     : scope.values;
        if (auto found = table.find(decl.name.text); found != table.end()) {
            report_duplicate(decl, *kind, found->second, loc);
            return;
        }
        if (&table == &scope.values && scope.aliases.count(decl.name.text) != 0) {
            statement stmt(state_);
            dsl::diagnostic* d = stmt.error(loc, "'" + decl.name.text + "' is already the name of an import");
            for (const dsl::declaration& other : scope.ast->declarations)
                if (d && other.kind == dsl::decl_kind::import && other.import && other.import->alias &&
                    other.import->alias->text == decl.name.text)
                    d->notes.push_back(note_at(location{scope.file, other.import->alias->span}, "imported here"));
            return;
        }
        const std::string q = qualified(decl.name.text, m);
        checked_program& model = state_.model;
        std::size_t index = npos;
        switch (*kind) {
            case symbol_kind::param: index = add_named(model.params, decl, m, loc, q); break;
            case symbol_kind::source: index = add_named(model.sources, decl, m, loc, q); break;
            case symbol_kind::dimension: index = add_named(model.dimensions, decl, m, loc, q); break;
            case symbol_kind::filter: index = add_named(model.filters, decl, m, loc, q); break;
            case symbol_kind::metric: index = add_named(model.metrics, decl, m, loc, q); break;
            case symbol_kind::def: index = add_named(model.defs, decl, m, loc, q); break;
            case symbol_kind::chart: index = add_named(model.charts, decl, m, loc, q); break;
            case symbol_kind::report: index = add_named(model.reports, decl, m, loc, q); break;
        }
        table.emplace(decl.name.text, symbol{*kind, index});
        state_.declarations[static_cast<std::size_t>(*kind)].push_back(declaration_info{&decl, m});
    }

    void report_duplicate(const dsl::declaration& decl, symbol_kind kind, symbol first, location loc) {
        statement stmt(state_);
        std::string message = first.kind == kind
                                  ? std::string(kind_word(kind)) + " '" + decl.name.text + "' is already defined"
                                  : "'" + decl.name.text + "' is already defined as a " + std::string(kind_word(first.kind));
        if (dsl::diagnostic* d = stmt.error(loc, std::move(message)))
            d->notes.push_back(note_at(state_.location_of(first), "first defined here"));
    }

    void add_theme(const dsl::declaration& decl, std::size_t m) {
        if (!decl.theme) return;
        const location loc{state_.scopes[m].file, decl.theme->path_span};
        for (const theme_ref& earlier : state_.model.themes) {
            if (earlier.module != m) continue;
            statement stmt(state_);
            if (dsl::diagnostic* d = stmt.error(loc, "the theme is already set"))
                d->notes.push_back(note_at(earlier.loc, "first set here"));
            return;
        }
        theme_ref theme;
        theme.module = m;
        theme.loc = loc;
        theme.path = decl.theme->path;
        const std::filesystem::path folder = std::filesystem::path(state_.model.modules[m].path).parent_path();
        theme.resolved_path = (folder / theme.path).lexically_normal();
        state_.model.themes.push_back(std::move(theme));
    }
};

// The names a table holds, of kind `wanted` when given.
void append_names(std::vector<std::string>& out, const std::unordered_map<std::string, symbol>& table,
                  std::optional<symbol_kind> wanted) {
    for (const auto& [name, sym] : table)
        if (!wanted || sym.kind == *wanted) out.push_back(name);
}

const std::unordered_map<std::string, symbol>& table_of(const module_scope& scope, name_space space) {
    return space == name_space::charts ? scope.charts : space == name_space::reports ? scope.reports : scope.values;
}

}  // namespace

void collect_declarations(checker_state& state) {
    collector(state).run();
}

const std::string& checker_state::name_of(symbol s) const {
    switch (s.kind) {
        case symbol_kind::param: return model.params[s.index].name;
        case symbol_kind::source: return model.sources[s.index].name;
        case symbol_kind::dimension: return model.dimensions[s.index].name;
        case symbol_kind::filter: return model.filters[s.index].name;
        case symbol_kind::metric: return model.metrics[s.index].name;
        case symbol_kind::def: return model.defs[s.index].name;
        case symbol_kind::chart: return model.charts[s.index].name;
        case symbol_kind::report: break;
    }
    return model.reports[s.index].name;
}

location checker_state::location_of(symbol s) const {
    switch (s.kind) {
        case symbol_kind::param: return model.params[s.index].loc;
        case symbol_kind::source: return model.sources[s.index].loc;
        case symbol_kind::dimension: return model.dimensions[s.index].loc;
        case symbol_kind::filter: return model.filters[s.index].loc;
        case symbol_kind::metric: return model.metrics[s.index].loc;
        case symbol_kind::def: return model.defs[s.index].loc;
        case symbol_kind::chart: return model.charts[s.index].loc;
        case symbol_kind::report: break;
    }
    return model.reports[s.index].loc;
}

std::string checker_state::module_name(std::size_t module) const {
    if (module >= program.modules.size()) return "?";
    for (const dsl::resolved_import& link : program.imports)
        if (link.module == program.modules[module].get() && link.import && link.import->import)
            return link.import->import->path;
    return std::filesystem::path(model.modules[module].path).filename().string();
}

lookup checker_state::find(const module_scope& scope, std::string_view name, name_space space) const {
    lookup out;
    const auto whole = static_cast<std::uint32_t>(name.size());
    const std::size_t dot = name.find('.');
    const auto& own = table_of(scope, space);

    // A plain name: own declarations, then the unaliased imports.
    auto find_plain = [&](std::string_view plain, bool own_only) -> lookup {
        lookup r;
        const std::string key(plain);
        if (auto it = own.find(key); it != own.end()) {
            r.outcome = lookup::result::found;
            r.sym = it->second;
            return r;
        }
        if (!own_only) {
            for (std::size_t m : scope.unqualified) {
                const auto& table = table_of(scopes[m], space);
                auto it = table.find(key);
                if (it == table.end()) continue;
                if (r.outcome == lookup::result::found) {
                    r.outcome = lookup::result::ambiguous;
                    r.other_module = m;
                    return r;
                }
                r.outcome = lookup::result::found;
                r.sym = it->second;
                r.module = m;
            }
        }
        if (r.outcome != lookup::result::found) r.outcome = scope.incomplete ? lookup::result::suppressed : lookup::result::not_found;
        return r;
    };

    if (dot == std::string_view::npos) {
        out = find_plain(name, false);
        out.part_begin = 0;
        out.part_end = whole;
        return out;
    }
    const std::string_view head = name.substr(0, dot);
    const std::string_view rest = name.substr(dot + 1);
    const auto rest_begin = static_cast<std::uint32_t>(dot + 1);

    if (space == name_space::values) {
        lookup h = find_plain(head, false);
        if (h.outcome == lookup::result::found && h.sym.kind == symbol_kind::source) {
            const source& src = model.sources[h.sym.index];
            out.sym = h.sym;
            out.column = std::string(rest);
            out.part_begin = rest_begin;
            out.part_end = whole;
            bool exists = !src.schema_known;
            for (const column& c : src.columns) exists = exists || c.name == rest;
            out.outcome = exists && rest.find('.') == std::string_view::npos ? lookup::result::column
                                                                            : lookup::result::no_column;
            return out;
        }
        if (h.outcome == lookup::result::found || h.outcome == lookup::result::ambiguous) {
            out.outcome = lookup::result::no_source;
            out.part_begin = 0;
            out.part_end = static_cast<std::uint32_t>(dot);
            return out;
        }
    }
    if (auto alias = scope.aliases.find(std::string(head)); alias != scope.aliases.end()) {
        if (alias->second == npos) {
            out.outcome = lookup::result::suppressed;
            return out;
        }
        const module_scope& target = scopes[alias->second];
        lookup r = find(target, rest, space);
        // Only the aliased module's own declarations are reachable through the alias.
        if (r.outcome == lookup::result::found && r.module != npos) r.outcome = lookup::result::not_found;
        if (r.outcome == lookup::result::ambiguous) r.outcome = lookup::result::not_found;
        if (r.outcome == lookup::result::suppressed && !target.incomplete) r.outcome = lookup::result::not_found;
        if (r.outcome == lookup::result::not_found || r.outcome == lookup::result::suppressed) {
            r.outcome = r.outcome == lookup::result::suppressed ? r.outcome : lookup::result::not_in_module;
            r.module = alias->second;
            r.part_begin = rest_begin;
            r.part_end = whole;
            return r;
        }
        r.part_begin += rest_begin;
        r.part_end += rest_begin;
        return r;
    }
    out.outcome = scope.incomplete ? lookup::result::suppressed
                  : space == name_space::values ? lookup::result::no_source
                                                : lookup::result::not_found;
    out.part_begin = 0;
    out.part_end = space == name_space::values ? static_cast<std::uint32_t>(dot) : whole;
    return out;
}

std::vector<std::string> checker_state::visible_names(const module_scope& scope, name_space space,
                                                      std::optional<symbol_kind> wanted) const {
    std::vector<std::string> names;
    append_names(names, table_of(scope, space), wanted);
    for (std::size_t m : scope.unqualified) append_names(names, table_of(scopes[m], space), wanted);
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return names;
}

}  // namespace folio::report::detail

// What the checker's passes share: the model being built, the scope of each module
// (its declarations by name, its imports), the status of each declaration, and the
// `statement` that enforces one error per statement.
//
// The passes run in this order (report_checker.cpp): collect the declarations of every
// module into scopes (scopes.cpp); order params, filters, defs and metrics so that each
// comes after what it uses, reporting cycles (ordering.cpp); check sources and
// dimensions, then the ordered declarations, then charts, reports and expects; warn
// about unused filters and metrics (usage.cpp).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "folio/dsl/diagnostic.hpp"
#include "folio/dsl/module_loader.hpp"
#include "folio/engine/function.hpp"
#include "folio/engine/report/report_model.hpp"

namespace folio::report::detail {

enum class symbol_kind : std::uint8_t { param, source, dimension, filter, metric, def, chart, report };
inline constexpr std::size_t symbol_kind_count = 8;

// "param", "source", ... as in the declarations' keywords.
std::string_view kind_word(symbol_kind kind);

// A declaration: its kind and its index in the model vector of that kind.
struct symbol {
    symbol_kind kind = symbol_kind::metric;
    std::size_t index = npos;
    bool operator==(const symbol&) const = default;
};

// The names a module can use. Charts and reports have their own namespaces (a report
// may be called like a dimension); everything else shares `values`.
struct module_scope {
    std::size_t index = 0;
    const dsl::report_module* ast = nullptr;
    const dsl::source_file* file = nullptr;
    std::unordered_map<std::string, symbol> values, charts, reports;
    std::vector<std::size_t> unqualified;                // modules imported without `as`
    std::unordered_map<std::string, std::size_t> aliases;  // `as acme` → module
    bool incomplete = false;  // an import failed: an unknown name may be one it would have defined
};

enum class status : std::uint8_t {
    pending,  // not checked yet
    ok,
    failed,   // has an error, or uses one that has: its users are skipped silently
};

struct declaration_info {
    const dsl::declaration* decl = nullptr;
    std::size_t module = 0;
    status state = status::pending;
    bool used = false;
};

enum class name_space : std::uint8_t { values, charts, reports };

// The outcome of looking a name up in a module.
struct lookup {
    enum class result : std::uint8_t {
        found,          // sym
        column,         // sym is the source, column the column (known to exist, or schema unknown)
        not_found,      // no such name
        no_source,      // `x.y` where x is neither a source nor an import alias
        no_column,      // `source.y` where the source's schema has no column y
        not_in_module,  // `alias.y` where the aliased module has no y
        ambiguous,      // two modules imported without alias both define it
        suppressed,     // not found, but an import failed: no error (it may be defined there)
    };
    result outcome = result::not_found;
    symbol sym;
    std::string column;
    std::size_t module = npos;         // not_in_module, ambiguous: the module searched / the first definer
    std::size_t other_module = npos;   // ambiguous: the second definer
    std::uint32_t part_begin = 0, part_end = 0;  // the bytes of the name at fault
};

struct checker_state {
    checker_state(const dsl::loaded_program& p, const function_registry& f, dsl::diagnostic_list& d)
        : program(p), functions(f), diagnostics(d) {}

    const dsl::loaded_program& program;
    const function_registry& functions;
    dsl::diagnostic_list& diagnostics;
    checked_program model;
    std::vector<module_scope> scopes;  // one per program module, same order
    std::array<std::vector<declaration_info>, symbol_kind_count> declarations;

    declaration_info& info(symbol s) { return declarations[static_cast<std::size_t>(s.kind)][s.index]; }
    const declaration_info& info(symbol s) const { return declarations[static_cast<std::size_t>(s.kind)][s.index]; }
    // The model name and location of a declaration.
    const std::string& name_of(symbol s) const;
    location location_of(symbol s) const;

    // Looks `name` up as written in `scope` (dots select an import alias or a source's column).
    lookup find(const module_scope& scope, std::string_view name, name_space space) const;
    // The names visible in `scope` in `space`, of kind `wanted` when given, for "did you mean".
    std::vector<std::string> visible_names(const module_scope& scope, name_space space,
                                           std::optional<symbol_kind> wanted = std::nullopt) const;
    // The display name of a module in messages: its import path or file name.
    std::string module_name(std::size_t module) const;
};

// A declaration, or a block of a report: it reports at most one error; after it (or
// after it met an erroneous declaration) it is `failed` and reports nothing more.
class statement {
public:
    explicit statement(checker_state& state) : state_(state) {}

    // Reports `message` at `loc` if this statement has no error yet; returns the
    // diagnostic so notes can be added, or null when it was not reported.
    dsl::diagnostic* error(location loc, std::string message);
    // Marks the statement failed without a message (it uses an erroneous declaration).
    void poison() { failed_ = true; }
    bool failed() const { return failed_; }
    checker_state& state() const { return state_; }

private:
    checker_state& state_;
    bool failed_ = false;
};

// A note at a place, and a note without one.
dsl::diagnostic_note note_at(location loc, std::string message);
dsl::diagnostic_note note_text(std::string message);
// Adds "did you mean 'x'?" to `d` when `name` is close to one of `candidates`.
void suggest(dsl::diagnostic* d, std::string_view name, const std::vector<std::string>& candidates);
// The span of a formula node, and the node's text as written in `file`.
dsl::source_span span_of(const dsl::formula_node& node);
std::string_view written(const dsl::source_file* file, dsl::source_span span);

// Reports a failed lookup of `name` (written at `loc`) with its did-you-mean note;
// `wanted` names what was expected in the message ("unknown metric 'NSP'"); extra
// candidates (a def's parameters) join the suggestions.
void report_lookup(statement& stmt, const module_scope& scope, location loc, std::string_view name,
                   const lookup& result, name_space space, std::optional<symbol_kind> wanted = std::nullopt,
                   const std::vector<std::string>& extra = {});

// The passes, in the order check_program runs them.
void collect_declarations(checker_state& state);                 // scopes.cpp
std::vector<symbol> order_declarations(checker_state& state);    // ordering.cpp
void check_source(checker_state& state, std::size_t index);      // source_checks.cpp
void check_dimension(checker_state& state, std::size_t index);   // dimension_checks.cpp
void add_implicit_dimension_columns(checker_state& state);       // dimension_checks.cpp
void check_param(checker_state& state, std::size_t index);       // value_checks.cpp
void check_filter(checker_state& state, std::size_t index);      // value_checks.cpp
void check_def(checker_state& state, std::size_t index);         // value_checks.cpp
void check_metric(checker_state& state, std::size_t index);      // metric_checks.cpp
void check_chart(checker_state& state, std::size_t index);       // chart_checks.cpp
void check_reports(checker_state& state);                        // report_checks.cpp
void check_expect(checker_state& state, const dsl::declaration& decl, std::size_t module);  // report_checks.cpp
void warn_unused(checker_state& state);                          // usage.cpp

}  // namespace folio::report::detail

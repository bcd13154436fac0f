// Orders params, filters, defs and metrics so that each is checked after everything it
// uses, and reports cycles ("metric 'a' depends on itself: a → b → a").
//
// The uses are found in the syntax (names and calls that resolve to these
// declarations, a def's parameters shadowing outer names), before anything is bound.
// Tarjan's algorithm, run without recursion so that a chain of thousands of metrics is
// fine, yields the strongly connected components dependencies first; a component with
// more than one member, or a member that uses itself, is a cycle: it is reported once,
// on its first member in source order, and every member is marked failed.
#include <algorithm>
#include <deque>

#include "checker_state.hpp"
#include "expression_binder.hpp"

namespace folio::report::detail {
namespace {

struct edge {
    std::size_t to;
    location at;  // the use
};

class dependency_graph {
public:
    explicit dependency_graph(checker_state& state) : state_(state) {
        static constexpr std::array<symbol_kind, 4> kinds{symbol_kind::param, symbol_kind::filter, symbol_kind::def,
                                                          symbol_kind::metric};
        for (symbol_kind kind : kinds) {
            base_[static_cast<std::size_t>(kind)] = nodes_.size();
            const auto& infos = state.declarations[static_cast<std::size_t>(kind)];
            for (std::size_t i = 0; i < infos.size(); ++i) nodes_.push_back(symbol{kind, i});
        }
        edges_.resize(nodes_.size());
        for (std::size_t n = 0; n < nodes_.size(); ++n) collect(n);
    }

    std::vector<symbol> order() {
        std::vector<symbol> out;
        for (const std::vector<std::size_t>& component : components()) {
            const bool cycle = component.size() > 1 || uses_itself(component.front());
            if (cycle) report_cycle(component);
            for (std::size_t n : component) out.push_back(nodes_[n]);
        }
        return out;
    }

private:
    checker_state& state_;
    std::array<std::size_t, symbol_kind_count> base_{};
    std::vector<symbol> nodes_;
    std::vector<std::vector<edge>> edges_;

    std::optional<std::size_t> node_of(symbol s) const {
        if (s.kind != symbol_kind::param && s.kind != symbol_kind::filter && s.kind != symbol_kind::def &&
            s.kind != symbol_kind::metric)
            return std::nullopt;
        return base_[static_cast<std::size_t>(s.kind)] + s.index;
    }

    void collect(std::size_t n) {
        const declaration_info& info = state_.info(nodes_[n]);
        const module_scope& scope = state_.scopes[info.module];
        const dsl::declaration& decl = *info.decl;
        switch (decl.kind) {
            case dsl::decl_kind::param:
                if (decl.param->default_value) walk(*decl.param->default_value, scope, nullptr, n, 0);
                break;
            case dsl::decl_kind::filter:
                walk(*decl.filter->condition, scope, nullptr, n, 0);
                break;
            case dsl::decl_kind::def:
                walk(*decl.def->body, scope, &decl.def->parameters, n, 0);
                break;
            case dsl::decl_kind::metric:
                walk(*decl.metric->formula, scope, nullptr, n, 0);
                for (const dsl::option& opt : decl.metric->options)
                    if (opt.key.text == "target")
                        for (const auto& value : opt.values)
                            if (value) walk(*value, scope, nullptr, n, 0);
                break;
            default:
                break;
        }
    }

    void use(std::size_t from, const module_scope& scope, std::string_view name, dsl::source_span span) {
        const lookup found = state_.find(scope, name, name_space::values);
        if (found.outcome != lookup::result::found) return;
        if (auto to = node_of(found.sym)) edges_[from].push_back(edge{*to, location{scope.file, span}});
    }

    void walk(const dsl::formula_node& node, const module_scope& scope, const std::vector<dsl::identifier>* parameters,
              std::size_t from, unsigned depth) {
        if (depth > max_expression_depth) return;
        if (node.kind == dsl::node_kind::name || node.kind == dsl::node_kind::reference) {
            const std::string text = expression_binder::name_text(scope.file, node);
            const bool shadowed = parameters && std::any_of(parameters->begin(), parameters->end(),
                                                            [&](const dsl::identifier& p) { return p.text == text; });
            if (!shadowed) use(from, scope, text, span_of(node));
        } else if (node.kind == dsl::node_kind::call) {
            const std::string_view name = expression_binder::call_name(scope.file, node);
            use(from, scope, name, dsl::source_span{node.offset, static_cast<std::uint32_t>(name.size())});
        }
        for (const auto& child : node.children)
            if (child) walk(*child, scope, parameters, from, depth + 1);
    }

    bool uses_itself(std::size_t n) const {
        return std::any_of(edges_[n].begin(), edges_[n].end(), [&](const edge& e) { return e.to == n; });
    }

    // Tarjan's strongly connected components, iteratively; dependencies come first.
    std::vector<std::vector<std::size_t>> components() const {
        const std::size_t count = nodes_.size();
        constexpr std::size_t unvisited = static_cast<std::size_t>(-1);
        std::vector<std::size_t> index(count, unvisited), low(count, 0);
        std::vector<bool> on_stack(count, false);
        std::vector<std::size_t> stack;
        std::vector<std::pair<std::size_t, std::size_t>> calls;  // node, next edge
        std::vector<std::vector<std::size_t>> out;
        std::size_t next = 0;
        for (std::size_t start = 0; start < count; ++start) {
            if (index[start] != unvisited) continue;
            calls.emplace_back(start, 0);
            index[start] = low[start] = next++;
            stack.push_back(start);
            on_stack[start] = true;
            while (!calls.empty()) {
                auto& [v, e] = calls.back();
                if (e < edges_[v].size()) {
                    const std::size_t w = edges_[v][e++].to;
                    if (index[w] == unvisited) {
                        index[w] = low[w] = next++;
                        stack.push_back(w);
                        on_stack[w] = true;
                        calls.emplace_back(w, 0);
                    } else if (on_stack[w]) {
                        low[v] = std::min(low[v], index[w]);
                    }
                    continue;
                }
                const std::size_t done = v;
                calls.pop_back();
                if (!calls.empty()) low[calls.back().first] = std::min(low[calls.back().first], low[done]);
                if (low[done] != index[done]) continue;
                std::vector<std::size_t> component;
                std::size_t w;
                do {
                    w = stack.back();
                    stack.pop_back();
                    on_stack[w] = false;
                    component.push_back(w);
                } while (w != done);
                out.push_back(std::move(component));
            }
        }
        return out;
    }

    // Source order: the root module first, then by module, then by position.
    bool before(std::size_t a, std::size_t b) const {
        const declaration_info& x = state_.info(nodes_[a]);
        const declaration_info& y = state_.info(nodes_[b]);
        if (x.module != y.module) return x.module < y.module;
        return x.decl->span.offset < y.decl->span.offset;
    }

    void report_cycle(const std::vector<std::size_t>& component) {
        std::size_t first = component.front();
        for (std::size_t n : component)
            if (before(n, first)) first = n;
        // The shortest way from `first` back to itself inside the component.
        std::vector<bool> member(nodes_.size(), false);
        for (std::size_t n : component) member[n] = true;
        std::vector<std::pair<std::size_t, const edge*>> came_from(nodes_.size(), {npos, nullptr});
        std::deque<std::size_t> queue{first};
        const edge* closing = nullptr;
        std::size_t last = first;
        while (!queue.empty() && closing == nullptr) {
            const std::size_t v = queue.front();
            queue.pop_front();
            for (const edge& e : edges_[v]) {
                if (!member[e.to]) continue;
                if (e.to == first) {
                    closing = &e;
                    last = v;
                    break;
                }
                if (came_from[e.to].second != nullptr) continue;
                came_from[e.to] = {v, &e};
                queue.push_back(e.to);
            }
        }
        std::vector<std::pair<std::size_t, const edge*>> path;  // (from, edge) in order
        if (closing != nullptr) {
            path.emplace_back(last, closing);
            for (std::size_t v = last; v != first;) {
                path.emplace_back(came_from[v].first, came_from[v].second);
                v = came_from[v].first;
            }
            std::reverse(path.begin(), path.end());
        }
        const symbol start = nodes_[first];
        std::string chain = state_.name_of(start);
        for (const auto& [from, e] : path) chain += " \u2192 " + state_.name_of(nodes_[e->to]);
        statement stmt(state_);
        dsl::diagnostic* d = stmt.error(state_.location_of(start), std::string(kind_word(start.kind)) + " '" +
                                                                       state_.name_of(start) +
                                                                       "' depends on itself: " + chain);
        if (d != nullptr) {
            for (const auto& [from, e] : path)
                d->notes.push_back(note_at(e->at, "'" + state_.name_of(nodes_[from]) + "' uses '" +
                                                      state_.name_of(nodes_[e->to]) + "' here"));
        }
        for (std::size_t n : component) state_.info(nodes_[n]).state = status::failed;
    }
};

}  // namespace

std::vector<symbol> order_declarations(checker_state& state) {
    return dependency_graph(state).order();
}

}  // namespace folio::report::detail

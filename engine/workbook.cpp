// The workbook: its public API and the recalculation (see workbook.hpp).
//
// Recalculation: the cells changed since the last one, plus every volatile formula,
// seed a walk over the dependents; the formulas reached are marked dirty and then
// evaluated in dependency order (Kahn's algorithm over the dirty subgraph), so each
// formula runs once and a chain of ten thousand cells needs no deep recursion. What
// Kahn cannot order lies on or behind a cycle: Tarjan's algorithm splits it into
// strongly connected components; the cells of a cycle get #REF! and the rest are
// evaluated in topological order.
#include "folio/engine/workbook.hpp"

#include <algorithm>
#include <stdexcept>

#include "evaluator.hpp"
#include "formula_shapes.hpp"
#include "folio/engine/coerce.hpp"
#include "workbook_state.hpp"

namespace folio {

void recollect_precedents(workbook_state& book, bound_formula& f);  // binder.cpp

namespace {

void erase_value(std::vector<std::uint32_t>& list, std::uint32_t v) {
    list.erase(std::remove(list.begin(), list.end(), v), list.end());
}

}  // namespace

// ---------------------------------------------------------------- workbook_state

sheet* workbook_state::find_sheet(std::string_view name) {
    for (auto& s : sheets)
        if (text_equals_ci(s->name(), name)) return s.get();
    return nullptr;
}

std::uint32_t workbook_state::name_slot(std::string_view name) {
    const std::string key = to_upper_utf8(name);
    auto [it, inserted] = name_index.try_emplace(key, static_cast<std::uint32_t>(names.size()));
    if (inserted) {
        defined_name n;
        n.name = std::string(name);
        names.push_back(std::move(n));
    }
    return it->second;
}

void workbook_state::add_edges(std::uint32_t f) {
    const bound_formula& b = formulas[f].bound;
    for (const reference& p : b.precedents) graph.add(f, p.on->index(), p);
    for (std::uint32_t n : b.names) names[n].users.push_back(f);
    if (b.is_volatile) volatile_formulas.push_back(f);
}

void workbook_state::remove_edges(std::uint32_t f) {
    const bound_formula& b = formulas[f].bound;
    for (const reference& p : b.precedents) graph.remove(f, p.on->index(), p);
    for (std::uint32_t n : b.names) erase_value(names[n].users, f);
    if (b.is_volatile) erase_value(volatile_formulas, f);
}

void workbook_state::install_formula(cell_address at, std::string text, bound_formula bound) {
    remove_formula(at);
    std::uint32_t f;
    if (!free_formulas.empty()) {
        f = free_formulas.back();
        free_formulas.pop_back();
    } else {
        f = static_cast<std::uint32_t>(formulas.size());
        formulas.emplace_back();
    }
    formulas[f] = formula_cell{std::move(bound), std::move(text), at, true};
    cell_slot& s = slot(at);
    s.formula = f;
    s.current = value();
    s.state = cell_state::dirty;
    add_edges(f);
    pending.push_back(at);
}

void workbook_state::remove_formula(cell_address at) {
    cell_slot* s = sheets[at.sheet]->find(at.row, at.col);
    if (s == nullptr || s->formula == 0) return;
    const std::uint32_t f = s->formula;
    remove_edges(f);
    formulas[f] = formula_cell{};
    free_formulas.push_back(f);
    s->formula = 0;
    s->state = cell_state::clean;
}

void workbook_state::refresh_edges(std::uint32_t f) {
    remove_edges(f);
    recollect_precedents(*this, formulas[f].bound);
    add_edges(f);
    pending.push_back(formulas[f].at);
}

void workbook_state::collect_affected(std::vector<std::uint32_t>& affected, std::vector<std::uint8_t>& mark) {
    auto add = [&](std::uint32_t f) {
        if (mark[f]) return;
        mark[f] = 1;
        affected.push_back(f);
    };
    for (const cell_address& at : pending) {
        const cell_slot* s = sheets[at.sheet]->find(at.row, at.col);
        if (s != nullptr && s->formula != 0) add(s->formula);
        graph.for_each_dependent(at.sheet, at.row, at.col, add);
    }
    for (std::uint32_t f : volatile_formulas) add(f);
    for (std::size_t i = 0; i < affected.size(); ++i) {
        const cell_address at = formulas[affected[i]].at;
        graph.for_each_dependent(at.sheet, at.row, at.col, add);
    }
    pending.clear();
}

namespace {

// Tarjan's strongly connected components over the formulas in `nodes`, without
// recursion. Calls emit(component) in reverse topological order of the edges
// f → dependents.
template <class Successors, class Emit>
void strongly_connected(const std::vector<std::uint32_t>& nodes, std::size_t universe, Successors&& successors,
                        Emit&& emit) {
    constexpr std::uint32_t unvisited = 0xFFFFFFFF;
    std::vector<std::uint32_t> index(universe, unvisited), low(universe, 0);
    std::vector<std::uint8_t> on_stack(universe, 0);
    std::vector<std::uint32_t> stack;
    std::uint32_t counter = 0;
    struct frame {
        std::uint32_t node;
        std::vector<std::uint32_t> next;
        std::size_t pos = 0;
    };
    for (std::uint32_t start : nodes) {
        if (index[start] != unvisited) continue;
        std::vector<frame> calls;
        auto enter = [&](std::uint32_t v) {
            index[v] = low[v] = counter++;
            stack.push_back(v);
            on_stack[v] = 1;
            calls.push_back(frame{v, successors(v)});
        };
        enter(start);
        while (!calls.empty()) {
            frame& top = calls.back();
            if (top.pos < top.next.size()) {
                const std::uint32_t w = top.next[top.pos++];
                if (index[w] == unvisited) {
                    enter(w);
                } else if (on_stack[w]) {
                    low[top.node] = std::min(low[top.node], index[w]);
                }
                continue;
            }
            const std::uint32_t v = top.node;
            if (low[v] == index[v]) {
                std::vector<std::uint32_t> component;
                std::uint32_t w;
                do {
                    w = stack.back();
                    stack.pop_back();
                    on_stack[w] = 0;
                    component.push_back(w);
                } while (w != v);
                emit(component);
            }
            calls.pop_back();
            if (!calls.empty()) low[calls.back().node] = std::min(low[calls.back().node], low[v]);
        }
    }
}

}  // namespace

void workbook_state::recalculate() {
    stats = recalc_stats{};
    std::vector<std::uint32_t> affected;
    std::vector<std::uint8_t> mark(formulas.size(), 0);
    collect_affected(affected, mark);
    if (affected.empty()) return;
    for (std::uint32_t f : affected) slot(formulas[f].at).state = cell_state::dirty;

    // Kahn: a formula runs when none of its dirty precedents is left.
    std::vector<std::uint32_t> waiting(formulas.size(), 0);
    for (std::uint32_t f : affected) {
        const cell_address at = formulas[f].at;
        graph.for_each_dependent(at.sheet, at.row, at.col, [&](std::uint32_t d) {
            if (mark[d]) ++waiting[d];
        });
    }
    std::vector<std::uint32_t> ready;
    for (std::uint32_t f : affected)
        if (waiting[f] == 0) ready.push_back(f);
    evaluator ev(*this);
    while (!ready.empty()) {
        const std::uint32_t f = ready.back();
        ready.pop_back();
        const cell_address at = formulas[f].at;
        if (slot(at).state == cell_state::dirty) ev.run(f);
        graph.for_each_dependent(at.sheet, at.row, at.col, [&](std::uint32_t d) {
            if (mark[d] && --waiting[d] == 0) ready.push_back(d);
        });
    }

    // What is still dirty lies on a cycle or downstream of one.
    std::vector<std::uint32_t> left;
    for (std::uint32_t f : affected)
        if (slot(formulas[f].at).state == cell_state::dirty) left.push_back(f);
    if (left.empty()) return;
    std::vector<std::uint8_t> in_left(formulas.size(), 0);
    for (std::uint32_t f : left) in_left[f] = 1;
    auto successors = [&](std::uint32_t f) {
        std::vector<std::uint32_t> next;
        const cell_address at = formulas[f].at;
        graph.for_each_dependent(at.sheet, at.row, at.col, [&](std::uint32_t d) {
            if (in_left[d]) next.push_back(d);
        });
        return next;
    };
    std::vector<std::vector<std::uint32_t>> components;
    strongly_connected(left, formulas.size(), successors,
                       [&](const std::vector<std::uint32_t>& c) { components.push_back(c); });
    for (auto it = components.rbegin(); it != components.rend(); ++it) {
        const std::vector<std::uint32_t>& c = *it;
        bool cycle = c.size() > 1;
        if (!cycle) {
            const auto next = successors(c.front());
            cycle = std::find(next.begin(), next.end(), c.front()) != next.end();
        }
        if (cycle) {
            ++stats.cycles_found;
            for (std::uint32_t f : c) {
                cell_slot& s = slot(formulas[f].at);
                s.current = value(error_code::ref);
                s.state = cell_state::clean;
            }
            continue;
        }
        if (slot(formulas[c.front()].at).state == cell_state::dirty) ev.run(c.front());
    }
}

// ---------------------------------------------------------------- workbook

workbook::workbook(const function_registry& functions) : state_(std::make_unique<workbook_state>(functions)) {}
workbook::~workbook() = default;
workbook::workbook(workbook&&) noexcept = default;
workbook& workbook::operator=(workbook&&) noexcept = default;

std::uint32_t workbook::add_sheet(std::string_view name) {
    if (sheet* s = state_->find_sheet(name)) return s->index();
    const auto index = static_cast<std::uint32_t>(state_->sheets.size());
    state_->shapes.clear();  // a cached formula may have bound a reference to this sheet as #REF!
    state_->sheets.push_back(std::make_unique<sheet>(std::string(name), index));
    return index;
}

const sheet* workbook::find_sheet(std::string_view name) const { return state_->find_sheet(name); }
const sheet& workbook::sheet_at(std::uint32_t index) const { return *state_->sheets.at(index); }
std::uint32_t workbook::sheet_count() const { return static_cast<std::uint32_t>(state_->sheets.size()); }

std::optional<cell_address> workbook::address(std::string_view a1, bool create) {
    auto parsed = dsl::parse_formula(a1);
    if (!parsed || parsed.root->kind != dsl::node_kind::reference) return std::nullopt;
    const dsl::formula_node& n = *parsed.root;
    if (n.first.row < 0 || n.first.col < 0 || n.first.row != n.last.row || n.first.col != n.last.col) return std::nullopt;
    if (a1.find('=') != std::string_view::npos) return std::nullopt;
    std::uint32_t sheet_index = 0;
    if (n.has_sheet) {
        const sheet* s = state_->find_sheet(n.text);
        if (s == nullptr && !create) return std::nullopt;
        sheet_index = s != nullptr ? s->index() : add_sheet(n.text);
    } else if (state_->sheets.empty()) {
        if (!create) return std::nullopt;
        sheet_index = add_sheet("Sheet1");
    }
    return cell_address{sheet_index, n.first.row, n.first.col};
}

std::string workbook::address_text(cell_address at) const {
    dsl::formula_node n;
    n.kind = dsl::node_kind::reference;
    n.has_sheet = true;
    n.text = state_->sheets.at(at.sheet)->name();
    n.first.row = n.last.row = at.row;
    n.first.col = n.last.col = at.col;
    return dsl::reference_text(n);
}

void workbook::set_value(cell_address at, value v) {
    if (v.is_reference()) v = error_code::value;  // a constant cannot be a reference
    state_->remove_formula(at);
    cell_slot& s = state_->slot(at);
    s.current = std::move(v);
    s.state = cell_state::clean;
    state_->pending.push_back(at);
}

std::optional<formula_error> workbook::set_formula(cell_address at, std::string_view formula) {
    formula_shape shape = shape_of(formula, at);
    bound_formula bound;
    auto known = state_->shapes.find(shape.key);
    if (known != state_->shapes.end() && known->second.shiftable) {
        // A copy of a formula seen before: reuse its bound tree, moved to this cell.
        bound.root = known->second.bound.root;
        bound.let_slots = known->second.bound.let_slots;
        shift_references(bound.root, at.row - known->second.origin.row, at.col - known->second.origin.col);
        recollect_precedents(*state_, bound);
    } else {
        auto parsed = dsl::parse_formula(formula);
        if (!parsed) return parsed.error;
        const sheet* home = state_->sheets.at(at.sheet).get();
        if (auto error = bind_formula(*parsed.root, formula, home, *state_, bound)) return error;
        if (state_->shapes.size() > 100000) state_->shapes.clear();  // bound the memory it takes
        state_->shapes.emplace(std::move(shape.key),
                               workbook_state::shape_entry{shape_is_shiftable(*parsed.root, shape), bound, at});
    }
    std::string text(formula);
    if (text.empty() || text.front() != '=') text.insert(text.begin(), '=');
    state_->install_formula(at, std::move(text), std::move(bound));
    return std::nullopt;
}

std::optional<formula_error> workbook::set_entry(cell_address at, std::string_view typed) {
    if (typed.size() > 1 && typed.front() == '=') return set_formula(at, typed);
    if (typed.empty()) {
        clear(at);
        return std::nullopt;
    }
    if (typed.front() == '\'') {
        set_value(at, value(typed.substr(1)));
    } else if (text_equals_ci(typed, "TRUE") || text_equals_ci(typed, "FALSE")) {
        set_value(at, value(text_equals_ci(typed, "TRUE")));
    } else if (auto e = error_from_text(typed)) {
        set_value(at, value(*e));
    } else if (auto n = text_to_number(typed)) {
        set_value(at, value(*n));
    } else {
        set_value(at, value(typed));
    }
    return std::nullopt;
}

void workbook::clear(cell_address at) {
    state_->remove_formula(at);
    if (cell_slot* s = state_->sheets.at(at.sheet)->find(at.row, at.col)) {
        s->current = value();
        s->state = cell_state::clean;
    }
    state_->pending.push_back(at);
}

namespace {

cell_address require(std::optional<cell_address> at, std::string_view text) {
    if (!at) throw std::invalid_argument("not a cell address: " + std::string(text));
    return *at;
}

}  // namespace

void workbook::set_value(std::string_view at, value v) { set_value(require(address(at, true), at), std::move(v)); }
std::optional<formula_error> workbook::set_formula(std::string_view at, std::string_view formula) {
    return set_formula(require(address(at, true), at), formula);
}
const value& workbook::get(std::string_view at) { return get(require(address(at, false), at)); }

std::optional<formula_error> workbook::define_name(std::string_view name, std::string_view formula) {
    auto parsed = dsl::parse_formula(formula);
    if (!parsed) return parsed.error;
    const std::uint32_t index = state_->name_slot(name);
    bound_formula bound;
    const sheet* home = state_->sheets.empty() ? nullptr : state_->sheets.front().get();
    if (auto error = bind_formula(*parsed.root, formula, home, *state_, bound)) return error;
    defined_name& n = state_->names[index];
    n.text = std::string(formula);
    n.bound = std::move(bound);
    n.defined = true;
    const std::vector<std::uint32_t> users = n.users;
    for (std::uint32_t f : users)
        if (state_->formulas[f].alive) state_->refresh_edges(f);
    return std::nullopt;
}

const value& workbook::get(cell_address at) {
    if (!state_->pending.empty()) state_->recalculate();
    const cell_slot* s = state_->sheets.at(at.sheet)->find(at.row, at.col);
    if (s == nullptr) return call_context::blank_value();
    return s->current;
}

std::optional<std::string> workbook::formula_text(cell_address at) const {
    const cell_slot* s = state_->sheets.at(at.sheet)->find(at.row, at.col);
    if (s == nullptr || s->formula == 0) return std::nullopt;
    return state_->formulas[s->formula].text;
}

void workbook::recalculate() { state_->recalculate(); }
const recalc_stats& workbook::last_recalc() const { return state_->stats; }

std::optional<value> workbook::evaluate(std::string_view formula, formula_error* syntax_error) {
    auto parsed = dsl::parse_formula(formula);
    if (!parsed) {
        if (syntax_error != nullptr) *syntax_error = *parsed.error;
        return std::nullopt;
    }
    if (state_->sheets.empty()) add_sheet("Sheet1");
    bound_formula bound;
    const sheet* home = state_->sheets.front().get();
    if (auto error = bind_formula(*parsed.root, formula, home, *state_, bound)) {
        if (syntax_error != nullptr) *syntax_error = *error;
        return std::nullopt;
    }
    if (!state_->pending.empty()) state_->recalculate();
    evaluator ev(*state_);
    value v = ev.evaluate_free(bound, cell_position{home, 0, 0});
    return cell_result(v, ev);
}

function_registry& workbook::functions() { return state_->functions; }
void workbook::set_clock(std::function<double()> now) { state_->clock = std::move(now); }
void workbook::set_random_seed(std::uint64_t seed) { state_->random.seed(seed); }

}  // namespace folio

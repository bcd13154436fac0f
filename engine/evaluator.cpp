// The tree-walking evaluator (see evaluator.hpp).
#include "evaluator.hpp"

#include <chrono>
#include <cmath>
#include <ctime>

#include "folio/dsl/formula_parser.hpp"
#include "folio/engine/coerce.hpp"
#include "operators.hpp"
#include "workbook_state.hpp"

namespace folio {

namespace {

constexpr int max_depth = 400;  // on-demand evaluations and names nested in one another

// Lazy arguments read straight from the call's children.
class node_arguments final : public lazy_arguments {
public:
    node_arguments(evaluator& ev, const bound_node& call) : ev_(ev), call_(call) {}
    std::size_t size() const override { return call_.children.size(); }
    bool omitted(std::size_t i) const override { return call_.children[i].k == bound_node::kind::omitted; }
    value evaluate(std::size_t i) override {
        if (omitted(i)) return value();
        return ev_.eval(call_.children[i]);
    }

private:
    evaluator& ev_;
    const bound_node& call_;
};

const value& circular_reference() {
    static const value v(error_code::ref);
    return v;
}

value blank_as_zero(const value& v) { return v.is_blank() ? value(0.0) : v; }

}  // namespace

value cell_result(const value& v, call_context& ctx) {
    if (v.is_reference()) {
        const reference& r = v.ref();
        if (r.on == nullptr) return error_code::ref;
        if (r.is_single_cell()) return blank_as_zero(ctx.cell(*r.on, r.row0, r.col0));
        grid g(v, ctx);
        std::vector<value> cells;
        cells.reserve(static_cast<std::size_t>(g.size()));
        for (std::int32_t i = 0; i < g.rows(); ++i)
            for (std::int32_t j = 0; j < g.cols(); ++j) cells.push_back(blank_as_zero(g.at(i, j)));
        return make_array(g.rows(), g.cols(), std::move(cells));
    }
    if (v.is_array()) {
        const array& a = v.array_value();
        bool has_blank = false;
        for (const value& e : a.cells()) has_blank = has_blank || e.is_blank();
        if (!has_blank) return v;
        std::vector<value> cells;
        cells.reserve(a.cells().size());
        for (const value& e : a.cells()) cells.push_back(blank_as_zero(e));
        return make_array(a.rows(), a.cols(), std::move(cells));
    }
    return blank_as_zero(v);
}

void evaluator::run(std::uint32_t f) {
    formula_cell& fc = book_.formulas[f];
    sheet& home = *book_.sheets[fc.at.sheet];
    cell_slot* slot = home.find(fc.at.row, fc.at.col);
    slot->state = cell_state::evaluating;
    const cell_position saved_at = at_;
    std::vector<value> saved_slots;
    saved_slots.swap(slots_);
    at_ = cell_position{&home, fc.at.row, fc.at.col};
    slots_.assign(fc.bound.let_slots, value());
    value result = cell_result(eval(fc.bound.root), *this);
    at_ = saved_at;
    slots_.swap(saved_slots);
    slot = home.find(fc.at.row, fc.at.col);
    slot->current = std::move(result);
    slot->state = cell_state::clean;
    ++book_.stats.formulas_evaluated;
}

value evaluator::evaluate_free(const bound_formula& formula, cell_position at) {
    at_ = at;
    slots_.assign(formula.let_slots, value());
    return eval(formula.root);
}

const value& evaluator::evaluate_pending(const sheet& s, std::int32_t row, std::int32_t col) {
    cell_slot* slot = book_.sheets[s.index()]->find(row, col);
    if (slot->state == cell_state::evaluating || depth_ >= max_depth) return circular_reference();
    ++depth_;
    run(slot->formula);
    --depth_;
    return slot->current;
}

value evaluator::eval(const bound_node& n) {
    switch (n.k) {
        case bound_node::kind::constant: return n.constant;
        case bound_node::kind::area: return value(n.area);
        case bound_node::kind::omitted: return value();
        case bound_node::kind::name: return eval_name(n);
        case bound_node::kind::let_variable: return slots_[n.index];
        case bound_node::kind::let_binding: {
            const std::size_t values = n.children.size() - 1;
            for (std::size_t i = 0; i < values; ++i) slots_[n.index + i] = eval(n.children[i]);
            return eval(n.children.back());
        }
        case bound_node::kind::call: return call(n);
        case bound_node::kind::unknown_function: {
            // A host may have registered the function since the formula was entered.
            if (const registered_function* fn = book_.functions.find(n.text)) {
                const int count = static_cast<int>(n.children.size());
                if (count < fn->def.min_args || count > fn->def.max_args) return error_code::value;
                bound_node resolved;
                resolved.k = bound_node::kind::call;
                resolved.function = fn;
                resolved.children = n.children;
                return call(resolved);
            }
            return error_code::name;
        }
        case bound_node::kind::unary: return apply_unary(n.un, eval_operand(n.children[0]));
        case bound_node::kind::percent: return apply_percent(eval_operand(n.children[0]));
        case bound_node::kind::binary:
            if (n.bin == dsl::binary_op::range) return eval_range_operator(n);
            {
                value a = eval_operand(n.children[0]);
                value b = eval_operand(n.children[1]);
                return apply_binary(n.bin, a, b);
            }
    }
    return error_code::value;
}

value evaluator::eval_operand(const bound_node& n) {
    value v = eval(n);
    if (v.is_reference()) return reference_to_value(v.ref());
    return v;
}

value evaluator::reference_to_value(const reference& r) {
    if (r.on == nullptr) return error_code::ref;
    if (r.is_single_cell()) return cell(*r.on, r.row0, r.col0);
    value as_value(r);
    grid g(as_value, *this);
    std::vector<value> cells;
    cells.reserve(static_cast<std::size_t>(g.size()));
    for (std::int32_t i = 0; i < g.rows(); ++i)
        for (std::int32_t j = 0; j < g.cols(); ++j) cells.push_back(g.at(i, j));
    return make_array(g.rows(), g.cols(), std::move(cells));
}

value evaluator::eval_name(const bound_node& n) {
    const defined_name& name = book_.names[n.index];
    if (!name.defined) return error_code::name;
    if (depth_ >= max_depth) return circular_reference();
    ++depth_;
    std::vector<value> saved;
    saved.swap(slots_);
    slots_.assign(name.bound.let_slots, value());
    value v = eval(name.bound.root);
    slots_.swap(saved);
    --depth_;
    return v;
}

value evaluator::eval_range_operator(const bound_node& n) {
    value a = eval(n.children[0]);
    value b = eval(n.children[1]);
    if (a.is_error()) return a;
    if (b.is_error()) return b;
    if (!a.is_reference() || !b.is_reference()) return error_code::value;
    const reference& x = a.ref();
    const reference& y = b.ref();
    if (x.on != y.on) return error_code::value;
    reference r;
    r.on = x.on;
    r.row0 = std::min(x.row0, y.row0);
    r.col0 = std::min(x.col0, y.col0);
    r.row1 = std::max(x.row1, y.row1);
    r.col1 = std::max(x.col1, y.col1);
    return r;
}

value evaluator::invoke(const registered_function& fn, const arguments& args) {
    if (fn.host) return fn.host(args, *this);
    return fn.def.impl(args, *this);
}

value evaluator::call(const bound_node& n) {
    const registered_function& fn = *n.function;
    const std::uint32_t flags = fn.def.flags;
    if (flags & fn_lazy) {
        node_arguments lazy(*this, n);
        return fn.def.lazy_impl(lazy, *this);
    }
    std::vector<value> args;
    args.reserve(n.children.size());
    std::uint64_t omitted = 0;
    for (std::size_t i = 0; i < n.children.size(); ++i) {
        const bound_node& child = n.children[i];
        if (child.k == bound_node::kind::omitted && i < 64) omitted |= std::uint64_t{1} << i;
        args.push_back(eval(child));
    }
    if (!(flags & fn_non_strict)) {
        for (const value& a : args)
            if (a.is_error()) return a;
    }
    if (flags & fn_lifts) return call_lifted(fn, args, omitted);
    return invoke(fn, arguments(args, omitted));
}

value evaluator::call_lifted(const registered_function& fn, std::vector<value>& args, std::uint64_t omitted) {
    // Scalar parameters: single cells become their values, ranges become arrays.
    std::int32_t rows = 1, cols = 1;
    bool lift = false;
    for (value& a : args) {
        if (a.is_reference()) a = reference_to_value(a.ref());
        if (a.is_array()) {
            const array& arr = a.array_value();
            if (arr.rows() == 1 && arr.cols() == 1) {
                value single = arr.at(0, 0);
                a = std::move(single);
                continue;
            }
            rows = lift ? broadcast_size(rows, arr.rows()) : arr.rows();
            cols = lift ? broadcast_size(cols, arr.cols()) : arr.cols();
            lift = true;
        }
    }
    const bool strict = !(fn.def.flags & fn_non_strict);
    auto call_scalar = [&](std::span<const value> scalars) -> value {
        if (strict)
            for (const value& s : scalars)
                if (s.is_error()) return s;
        value r = invoke(fn, arguments(scalars, omitted));
        if (r.is_reference()) r = reference_to_value(r.ref());
        if (r.is_array()) return r.array_value().rows() > 0 ? r.array_value().at(0, 0) : value(error_code::calc);
        return r;
    };
    if (!lift) {
        if (strict)
            for (const value& a : args)
                if (a.is_error()) return a;
        return invoke(fn, arguments(args, omitted));
    }
    static const value missing(error_code::na);
    std::vector<value> element(args.size());
    std::vector<value> out;
    out.reserve(static_cast<std::size_t>(rows) * cols);
    for (std::int32_t r = 0; r < rows; ++r) {
        for (std::int32_t c = 0; c < cols; ++c) {
            for (std::size_t i = 0; i < args.size(); ++i) element[i] = broadcast_at(args[i], r, c, missing);
            out.push_back(call_scalar(element));
        }
    }
    return make_array(rows, cols, std::move(out));
}

double evaluator::now() {
    if (book_.clock) return book_.clock();
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(
                             std::chrono::system_clock::now().time_since_epoch())
                             .count();
    const std::time_t t = static_cast<std::time_t>(seconds);
    std::tm local{};
    localtime_r(&t, &local);
    const double local_seconds = static_cast<double>(seconds) + static_cast<double>(local.tm_gmtoff);
    return 25569.0 + local_seconds / 86400.0;  // 25569 = 1970-01-01 in Excel's serials
}

double evaluator::random() {
    return std::uniform_real_distribution<double>(0.0, 1.0)(book_.random);
}

const sheet* evaluator::find_sheet(std::string_view name) const { return book_.find_sheet(name); }

bool evaluator::is_subtotal_cell(const sheet& s, std::int32_t row, std::int32_t col) const {
    const cell_slot* slot = s.find(row, col);
    return slot != nullptr && slot->formula != 0 && book_.formulas[slot->formula].bound.has_subtotal;
}

namespace {

// Reads an R1C1 part: "R" then an absolute number, "[n]" relative, or nothing (same row).
bool read_r1c1_part(std::string_view& s, char letter, std::int32_t base, std::int32_t& out, bool& present) {
    present = false;
    if (s.empty() || std::toupper(static_cast<unsigned char>(s.front())) != letter) return true;
    present = true;
    s.remove_prefix(1);
    if (!s.empty() && s.front() == '[') {
        const std::size_t close = s.find(']');
        if (close == std::string_view::npos) return false;
        std::int64_t n = 0;
        std::string_view digits = s.substr(1, close - 1);
        bool negative = !digits.empty() && digits.front() == '-';
        if (negative || (!digits.empty() && digits.front() == '+')) digits.remove_prefix(1);
        if (digits.empty() || digits.size() > 8) return false;
        for (char c : digits) {
            if (c < '0' || c > '9') return false;
            n = n * 10 + (c - '0');
        }
        out = base + static_cast<std::int32_t>(negative ? -n : n);
        s.remove_prefix(close + 1);
        return true;
    }
    std::int64_t n = 0;
    std::size_t i = 0;
    while (i < s.size() && i < 8 && s[i] >= '0' && s[i] <= '9') n = n * 10 + (s[i++] - '0');
    if (i == 0) {
        out = base;
        return true;
    }
    out = static_cast<std::int32_t>(n) - 1;
    s.remove_prefix(i);
    return true;
}

}  // namespace

value evaluator::resolve_reference(std::string_view text, bool a1) {
    const sheet* home = at_.on != nullptr ? at_.on : (book_.sheets.empty() ? nullptr : book_.sheets.front().get());
    if (a1) {
        auto parsed = dsl::parse_formula(text);
        if (!parsed || (parsed.root->kind != dsl::node_kind::reference && parsed.root->kind != dsl::node_kind::name &&
                        !(parsed.root->kind == dsl::node_kind::binary && parsed.root->bin == dsl::binary_op::range)))
            return error_code::ref;
        bound_formula bound;
        if (bind_formula(*parsed.root, text, home, book_, bound)) return error_code::ref;
        std::vector<value> saved;
        saved.swap(slots_);
        slots_.assign(bound.let_slots, value());
        value v = eval(bound.root);
        slots_.swap(saved);
        return v.is_reference() ? v : value(error_code::ref);
    }
    // R1C1: [Sheet!]R1C1[:R2C2], with R[n]/C[n] relative to the formula's cell.
    const sheet* on = home;
    if (const std::size_t bang = text.rfind('!'); bang != std::string_view::npos) {
        std::string_view name = text.substr(0, bang);
        if (name.size() >= 2 && name.front() == '\'' && name.back() == '\'') name = name.substr(1, name.size() - 2);
        on = book_.find_sheet(name);
        text = text.substr(bang + 1);
    }
    if (on == nullptr) return error_code::ref;
    reference r;
    r.on = on;
    std::int32_t rows[2] = {0, 0}, cols[2] = {0, 0};
    bool has_row[2] = {false, false}, has_col[2] = {false, false};
    for (int part = 0; part < 2; ++part) {
        if (!read_r1c1_part(text, 'R', at_.row, rows[part], has_row[part])) return error_code::ref;
        if (!read_r1c1_part(text, 'C', at_.col, cols[part], has_col[part])) return error_code::ref;
        if (!has_row[part] && !has_col[part]) return error_code::ref;
        if (part == 0) {
            if (text.empty()) {
                rows[1] = rows[0], cols[1] = cols[0], has_row[1] = has_row[0], has_col[1] = has_col[0];
                break;
            }
            if (text.front() != ':') return error_code::ref;
            text.remove_prefix(1);
        }
    }
    if (!text.empty()) return error_code::ref;
    r.row0 = has_row[0] ? std::min(rows[0], rows[1]) : 0;
    r.row1 = has_row[0] ? std::max(rows[0], rows[1]) : max_rows - 1;
    r.col0 = has_col[0] ? std::min(cols[0], cols[1]) : 0;
    r.col1 = has_col[0] ? std::max(cols[0], cols[1]) : max_cols - 1;
    if (r.row0 < 0 || r.col0 < 0 || r.row1 >= max_rows || r.col1 >= max_cols) return error_code::ref;
    return r;
}

}  // namespace folio

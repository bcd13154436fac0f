// Binds a formula's syntax tree to a workbook (see bound_formula.hpp): references get
// their sheet, calls their registry row, names their slot, LET variables their slot.
#include <algorithm>
#include <cmath>

#include "folio/engine/coerce.hpp"
#include "workbook_state.hpp"

namespace folio {

namespace {

using dsl::formula_node;
using dsl::node_kind;

class binder {
public:
    binder(std::string_view text, const sheet* home, workbook_state& book, bound_formula& out)
        : text_(text), home_(home), book_(book), out_(out) {}

    std::optional<dsl::formula_syntax_error> error;

    bound_node bind(const formula_node& n) {
        bound_node b;
        switch (n.kind) {
            case node_kind::number:
                b.constant = std::isfinite(n.number) ? value(n.number) : value(error_code::num);
                break;
            case node_kind::text: b.constant = value(n.text); break;
            case node_kind::boolean: b.constant = value(n.boolean); break;
            case node_kind::error: b.constant = value(error_from_text(n.text).value_or(error_code::value)); break;
            case node_kind::omitted: b.k = bound_node::kind::omitted; break;
            case node_kind::where: fail(n, "'where' belongs to report aggregates, not to Excel formulas"); break;
            case node_kind::reference: bind_reference(n, b); break;
            case node_kind::name: bind_name(n, b); break;
            case node_kind::array: bind_array(n, b); break;
            case node_kind::call: bind_call(n, b); break;
            case node_kind::unary:
                b.k = bound_node::kind::unary;
                b.un = n.un;
                b.children.push_back(bind(*n.children[0]));
                break;
            case node_kind::percent:
                b.k = bound_node::kind::percent;
                b.children.push_back(bind(*n.children[0]));
                break;
            case node_kind::binary:
                b.k = bound_node::kind::binary;
                b.bin = n.bin;
                b.children.push_back(bind(*n.children[0]));
                b.children.push_back(bind(*n.children[1]));
                break;
        }
        return b;
    }

private:
    void fail(const formula_node& at, std::string message) {
        if (error) return;
        dsl::formula_syntax_error e;
        e.offset = at.offset;
        e.column = 1;
        for (std::size_t i = 0; i < at.offset && i < text_.size(); ++i)
            if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++e.column;
        e.message = std::move(message);
        error = std::move(e);
    }

    void bind_reference(const formula_node& n, bound_node& b) {
        const sheet* on = home_;
        if (n.has_sheet) on = book_.find_sheet(n.text);
        if (on == nullptr && !n.has_sheet && !book_.sheets.empty()) on = book_.sheets.front().get();
        if (on == nullptr || n.first.row == -2 || n.last.row == -2 || (n.first.row < 0 && n.first.col < 0)) {
            b.constant = value(error_code::ref);
            return;
        }
        reference r;
        r.on = on;
        const bool whole_columns = n.first.row < 0;
        const bool whole_rows = n.first.col < 0;
        r.row0 = whole_columns ? 0 : std::min(n.first.row, n.last.row);
        r.row1 = whole_columns ? max_rows - 1 : std::max(n.first.row, n.last.row);
        r.col0 = whole_rows ? 0 : std::min(n.first.col, n.last.col);
        r.col1 = whole_rows ? max_cols - 1 : std::max(n.first.col, n.last.col);
        b.k = bound_node::kind::area;
        b.area = r;
        if (!n.first.row_absolute) b.relative |= bound_node::row0_relative;
        if (!n.first.col_absolute) b.relative |= bound_node::col0_relative;
        if (!n.last.row_absolute) b.relative |= bound_node::row1_relative;
        if (!n.last.col_absolute) b.relative |= bound_node::col1_relative;
    }

    void bind_name(const formula_node& n, bound_node& b) {
        const std::string key = to_upper_utf8(n.text);
        for (auto it = scope_.rbegin(); it != scope_.rend(); ++it) {
            if (it->first == key) {
                b.k = bound_node::kind::let_variable;
                b.index = it->second;
                return;
            }
        }
        b.k = bound_node::kind::name;
        b.index = book_.name_slot(n.text);
        b.text = n.text;
    }

    void bind_array(const formula_node& n, bound_node& b) {
        std::vector<value> cells;
        cells.reserve(n.children.size());
        for (const auto& child : n.children) cells.push_back(bind(*child).constant);
        b.constant = make_array(static_cast<std::int32_t>(n.array_rows), static_cast<std::int32_t>(n.array_cols),
                                std::move(cells));
    }

    void bind_call(const formula_node& n, bound_node& b) {
        std::string_view name = n.text;
        if (name == "LET" || name == "_XLFN.LET") {
            bind_let(n, b);
            return;
        }
        const registered_function* fn = book_.functions.find(name);
        const int count = static_cast<int>(n.children.size());
        if (fn != nullptr) {
            if (count < fn->def.min_args) {
                fail(n, fn->name + " needs at least " + std::to_string(fn->def.min_args) + " argument" +
                            (fn->def.min_args == 1 ? "" : "s") + ", got " + std::to_string(count));
            } else if (count > fn->def.max_args) {
                fail(n, fn->name + " takes at most " + std::to_string(fn->def.max_args) + " argument" +
                            (fn->def.max_args == 1 ? "" : "s") + ", got " + std::to_string(count));
            }
            b.k = bound_node::kind::call;
            b.function = fn;
        } else {
            b.k = bound_node::kind::unknown_function;
            b.text = std::string(name);
        }
        b.children.reserve(n.children.size());
        for (const auto& child : n.children) b.children.push_back(bind(*child));
    }

    // LET(name1, value1, [name2, value2, ...], calculation)
    void bind_let(const formula_node& n, bound_node& b) {
        const std::size_t count = n.children.size();
        if (count < 3 || count % 2 == 0) {
            fail(n, "LET needs pairs of a name and a value, then a calculation");
            return;
        }
        b.k = bound_node::kind::let_binding;
        b.index = out_.let_slots;
        const std::size_t scope_size = scope_.size();
        for (std::size_t i = 0; i + 1 < count; i += 2) {
            const formula_node& name = *n.children[i];
            if (name.kind != node_kind::name) {
                fail(name, "LET expects a name here");
                return;
            }
            b.children.push_back(bind(*n.children[i + 1]));
            scope_.emplace_back(to_upper_utf8(name.text), out_.let_slots++);
        }
        b.children.push_back(bind(*n.children[count - 1]));
        scope_.resize(scope_size);
    }

    std::string_view text_;
    const sheet* home_;
    workbook_state& book_;
    bound_formula& out_;
    std::vector<std::pair<std::string, std::uint32_t>> scope_;
};

void collect(const bound_node& b, workbook_state& book, bound_formula& out) {
    switch (b.k) {
        case bound_node::kind::area: out.precedents.push_back(b.area); break;
        case bound_node::kind::name: {
            if (std::find(out.names.begin(), out.names.end(), b.index) == out.names.end()) out.names.push_back(b.index);
            const defined_name& name = book.names[b.index];
            if (name.defined) {
                out.precedents.insert(out.precedents.end(), name.bound.precedents.begin(), name.bound.precedents.end());
                out.is_volatile = out.is_volatile || name.bound.is_volatile;
            }
            break;
        }
        case bound_node::kind::call:
            if (b.function->def.flags & fn_volatile) out.is_volatile = true;
            if (b.function->name == "SUBTOTAL" || b.function->name == "AGGREGATE") out.has_subtotal = true;
            break;
        case bound_node::kind::unknown_function: out.is_volatile = true; break;  // may be registered later
        default: break;
    }
    for (const auto& child : b.children) collect(child, book, out);
}

}  // namespace

std::optional<dsl::formula_syntax_error> bind_formula(const dsl::formula_node& root, std::string_view text,
                                                      const sheet* home, workbook_state& book, bound_formula& out) {
    binder b(text, home, book, out);
    out.root = b.bind(root);
    if (b.error) return b.error;
    collect(out.root, book, out);
    return std::nullopt;
}

// Recomputes a bound formula's precedents and volatility (after a name changed).
void recollect_precedents(workbook_state& book, bound_formula& f) {
    f.precedents.clear();
    f.names.clear();
    f.is_volatile = false;
    f.has_subtotal = false;
    collect(f.root, book, f);
}

}  // namespace folio

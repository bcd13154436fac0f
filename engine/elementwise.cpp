// Element-wise helpers for functions that map over arrays (see elementwise.hpp).
#include "folio/engine/elementwise.hpp"

#include <algorithm>

namespace folio {

value deref(const value& v, call_context& ctx) {
    if (v.is_reference() && v.ref().is_single_cell() && v.ref().on != nullptr)
        return ctx.cell(*v.ref().on, v.ref().row0, v.ref().col0);
    return v;
}

bool is_multi(const value& v) { return v.is_array() || (v.is_reference() && !v.ref().is_single_cell()); }

void widen(element_shape& shape, const value& v) {
    if (v.is_array()) {
        shape.rows = std::max(shape.rows, v.array_value().rows());
        shape.cols = std::max(shape.cols, v.array_value().cols());
    } else if (v.is_reference() && !v.ref().is_single_cell()) {
        shape.rows = std::max(shape.rows, v.ref().rows());
        shape.cols = std::max(shape.cols, v.ref().cols());
    }
}

std::optional<value> element_at(const value& v, std::int32_t r, std::int32_t c, call_context& ctx) {
    if (v.is_array()) {
        const array& a = v.array_value();
        const std::int32_t rr = a.rows() == 1 ? 0 : r;
        const std::int32_t cc = a.cols() == 1 ? 0 : c;
        if (rr >= a.rows() || cc >= a.cols()) return std::nullopt;
        return a.at(rr, cc);
    }
    if (v.is_reference()) {
        const reference& ref = v.ref();
        if (ref.on == nullptr) return value(error_code::ref);
        const std::int32_t rr = ref.rows() == 1 ? 0 : r;
        const std::int32_t cc = ref.cols() == 1 ? 0 : c;
        if (rr >= ref.rows() || cc >= ref.cols()) return std::nullopt;
        return ctx.cell(*ref.on, ref.row0 + rr, ref.col0 + cc);
    }
    return v;
}

}  // namespace folio

// Helpers for functions that map over arrays themselves (lazy functions such as IF,
// criteria given as arrays in COUNTIF, lookup values given as ranges), with the
// broadcasting the evaluator uses for fn_lifts rows: scalars everywhere, one-row and
// one-column operands along their single row or column, #N/A outside a smaller operand.
#pragma once

#include <cstdint>
#include <optional>

#include "folio/engine/function.hpp"

namespace folio {

// Returns the cell's value for a single-cell reference, the value itself otherwise.
value deref(const value& v, call_context& ctx);

// True for values that make a call map element-wise: arrays and multi-cell references.
bool is_multi(const value& v);

// The shape an element-wise call covers.
struct element_shape {
    std::int32_t rows = 1, cols = 1;
};

// Grows `shape` to cover `v` when it is an array or a multi-cell reference.
void widen(element_shape& shape, const value& v);

// Element (r, c) of an operand under broadcasting; nullopt outside a smaller operand.
std::optional<value> element_at(const value& v, std::int32_t r, std::int32_t c, call_context& ctx);

}  // namespace folio

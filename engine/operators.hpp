// Excel's operators on values: arithmetic, concatenation, comparison, negation and
// percent, element-wise over arrays with Excel's broadcasting. Private to the engine.
#pragma once

#include "folio/dsl/formula_ast.hpp"
#include "folio/engine/value.hpp"

namespace folio {

// Applies a binary operator (not the range operator) to two values that are
// scalars or arrays. The left operand's error wins.
value apply_binary(dsl::binary_op op, const value& a, const value& b);
// Applies unary minus or plus.
value apply_unary(dsl::unary_op op, const value& a);
// Applies the postfix percent operator (divides by 100).
value apply_percent(const value& a);

// Shape of the element-wise result of operands of shapes (r1 × c1) and (r2 × c2): a
// dimension of 1 stretches to the other, otherwise the larger wins and the missing
// elements become #N/A.
inline std::int32_t broadcast_size(std::int32_t a, std::int32_t b) { return a == 1 ? b : (b == 1 ? a : (a > b ? a : b)); }

// The element of `v` at (r, c) under broadcasting; `missing` when out of range.
const value& broadcast_at(const value& v, std::int32_t r, std::int32_t c, const value& missing);

}  // namespace folio

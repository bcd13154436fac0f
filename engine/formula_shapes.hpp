// Formulas copied down a column share their shape: `=D2*2+1` in F2 and `=D3*2+1` in
// F3 differ only by where they sit. The shape key writes each cell reference relative
// to the formula's cell (as R1C1 notation does), so the second and later copies skip
// parsing and binding: the first copy's bound tree is reused, its references shifted.
// Private to the engine.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "bound_formula.hpp"
#include "folio/dsl/formula_ast.hpp"
#include "folio/engine/workbook.hpp"

namespace folio {

struct formula_shape {
    std::string key;
    std::vector<std::pair<std::int32_t, std::int32_t>> cells;  // (row, col) of each cell reference, in order
};

// The shape of `text` entered in cell `at`.
formula_shape shape_of(std::string_view text, cell_address at);

// True when the parsed formula's references are exactly the cells the shape found
// (no whole rows or columns, ranges written top-left first), so that shifting the
// bound tree reproduces what binding the copy's text would give.
bool shape_is_shiftable(const dsl::formula_node& root, const formula_shape& shape);

// Moves every relative reference of a bound tree by (rows, cols).
void shift_references(bound_node& node, std::int32_t rows, std::int32_t cols);

}  // namespace folio

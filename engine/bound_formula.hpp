// A formula bound to a workbook: the syntax tree with sheets, functions, names and
// LET variables resolved, ready for the evaluator. Private to the engine.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "folio/dsl/formula_ast.hpp"
#include "folio/dsl/formula_parser.hpp"
#include "folio/engine/function.hpp"
#include "folio/engine/value.hpp"

namespace folio {

struct bound_node {
    enum class kind : std::uint8_t {
        constant,          // a literal, an array constant, or an error found while binding
        area,              // a reference to cells: `area` holds it
        name,              // a workbook-level defined name: `index`
        call,              // a registered function: `function`
        unknown_function,  // a function not (yet) registered: `text`, looked up again when evaluated
        unary,
        binary,
        percent,
        omitted,           // an empty argument
        let_binding,       // LET: children are value_1 .. value_n, calculation; `index` = first slot
        let_variable,      // a LET name: `index` = slot
    };

    // Which ends of an area are relative (no '$'), for copying a formula elsewhere.
    enum relative_bits : std::uint8_t { row0_relative = 1, col0_relative = 2, row1_relative = 4, col1_relative = 8 };

    kind k = kind::constant;
    std::uint8_t relative = 0;
    dsl::binary_op bin = dsl::binary_op::add;
    dsl::unary_op un = dsl::unary_op::negate;
    value constant;
    reference area;
    const registered_function* function = nullptr;
    std::uint32_t index = 0;
    std::string text;
    std::vector<bound_node> children;
};

struct bound_formula {
    bound_node root;
    std::uint32_t let_slots = 0;        // LET variables the formula declares
    bool is_volatile = false;           // calls NOW, RAND, OFFSET, INDIRECT, ...
    bool has_subtotal = false;          // calls SUBTOTAL or AGGREGATE
    std::vector<reference> precedents;  // every area it reads, names expanded
    std::vector<std::uint32_t> names;   // defined names it uses
};

class workbook_state;

// Binds a parsed formula written in a cell of `home` (null outside any cell).
// Returns an error (offset + message) for what Excel refuses at entry: a wrong
// number of arguments.
std::optional<dsl::formula_syntax_error> bind_formula(const dsl::formula_node& root, std::string_view text,
                                                      const sheet* home, workbook_state& book, bound_formula& out);

}  // namespace folio

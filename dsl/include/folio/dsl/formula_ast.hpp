// The syntax tree of an Excel formula, as the parser builds it.
//
// The dsl layer knows nothing of values or functions: a node records what was
// written (a number, a string, a reference, a call by name, an operator) and where,
// as a byte span in the formula text. The engine binds and evaluates it.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace folio::dsl {

enum class node_kind : std::uint8_t {
    number,     // 1.5, 1e3, .5
    text,       // "a ""quoted"" word" (text holds the unescaped string)
    boolean,    // TRUE, FALSE
    error,      // #N/A, #DIV/0! (text holds the literal as written, upper case)
    reference,  // A1, $A$1, A1:B10, C:C, 3:5, Sheet2!A1, 'My sheet'!A1:B2
    name,       // a defined name or a LET variable (text holds it as written)
    call,       // SUM(...) (text holds the upper-case function name)
    unary,      // -x, +x
    binary,     // x op y
    percent,    // x%
    array,      // {1,2;3,4} (children row-major, array_rows × array_cols)
    omitted,    // an empty argument: the middle of IF(A1,,2)
    where,      // report language only: `value where condition` inside an aggregate's argument
};

enum class binary_op : std::uint8_t {
    add, subtract, multiply, divide, power, concat,
    equal, not_equal, less, less_equal, greater, greater_equal,
    range,  // A1:INDEX(...), the ':' between two reference-valued operands
};

enum class unary_op : std::uint8_t { negate, plus };

// One end of a reference. row == -1 in a whole-column reference (C:C), col == -1 in
// a whole-row reference (3:5). Rows and columns are 0-based.
struct cell_point {
    std::int32_t row = -1;
    std::int32_t col = -1;
    bool row_absolute = false;
    bool col_absolute = false;
};

struct formula_node {
    node_kind kind = node_kind::number;
    std::uint32_t offset = 0;  // byte offset of the node in the formula text
    std::uint32_t length = 0;  // byte length of the node's text
    double number = 0;
    bool boolean = false;
    std::string text;      // text literal, error literal, name, function name or sheet name
    binary_op bin = binary_op::add;
    unary_op un = unary_op::negate;
    cell_point first, last;  // a reference: last equals first for a single cell
    bool has_sheet = false;  // a reference with an explicit sheet (text holds it)
    std::uint32_t array_rows = 0, array_cols = 0;
    std::vector<std::unique_ptr<formula_node>> children;  // operands, arguments, elements
};

using formula_ptr = std::unique_ptr<formula_node>;

// Converts column letters ("A", "xfd") to a 0-based index; -1 if invalid or beyond XFD.
std::int32_t column_from_letters(std::string_view letters);
// Converts a 0-based column index to letters: 0 → "A", 16383 → "XFD".
std::string letters_from_column(std::int32_t col);
// The symbol of a binary operator as Excel writes it: "+", "<>", ":".
std::string_view operator_text(binary_op op);
// Writes text as a string literal: quotes around it, a quote inside doubled.
std::string quote_text(std::string_view text);
// Formats a reference back to A1 text: "Sheet2!$A$1:B2", "'My sheet'!C:C".
std::string reference_text(const formula_node& ref);

}  // namespace folio::dsl

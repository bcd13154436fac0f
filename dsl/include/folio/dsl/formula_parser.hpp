// Parses Excel formula text into a syntax tree.
//
// Accepts what Excel accepts in a cell after '=' (the leading '=' itself is
// optional): literals, A1 references, inline arrays, names, calls, and every operator
// with Excel's precedence: ':' > unary - + > % > ^ > * / > + - > & > comparisons, all
// binary operators left-associative (-2^2 = 4, 2^3^2 = 64, 1+2&3 = "33").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "folio/dsl/formula_ast.hpp"

namespace folio::dsl {

// Excel's limit on the length of a formula, and our limit on nesting depth (Excel
// allows 64 levels of nested functions; a little more room for parentheses).
inline constexpr std::size_t max_formula_length = 8192;
inline constexpr int max_nesting_depth = 128;

struct formula_syntax_error {
    std::uint32_t offset = 0;  // byte offset of the problem in the formula text
    std::uint32_t column = 1;  // 1-based column in characters (UTF-8 code points)
    std::string message;       // lower case, e.g. "expected ')' to close the call to SUM"
};

struct formula_parse_result {
    formula_ptr root;  // set on success
    std::optional<formula_syntax_error> error;
    explicit operator bool() const { return root != nullptr; }
};

// Parses `text` (with or without a leading '='). Never throws for bad input.
formula_parse_result parse_formula(std::string_view text);

}  // namespace folio::dsl

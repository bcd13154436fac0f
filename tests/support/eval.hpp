// In-process evaluation for tests: a fresh workbook with the built-in functions, a
// fixed clock (2024-06-15 10:30, serial 45458.4375) and a fixed random seed.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "folio/engine/value.hpp"
#include "folio/engine/workbook.hpp"

namespace folio::testing {

inline constexpr double fixed_now = 45458.4375;

// A workbook with the built-ins, the fixed clock and seed.
workbook make_workbook();

// Evaluates a formula in an empty workbook. A formula Excel would refuse gives a
// text value "invalid: <message>".
value evaluate(std::string_view formula);

// Evaluates a formula after entering cells: {"Sheet1!A1", "entry as typed in Excel"}.
value evaluate_with(const std::vector<std::pair<std::string, std::string>>& cells, std::string_view formula);

// "type<TAB>value" as `folio eval --batch` prints it.
std::string batch_line(const value& v);

// Cells to enter before a formula: {"Sheet1!A1", "entry as typed in Excel"}.
using cells = std::vector<std::pair<std::string, std::string>>;

// Evaluates a formula in an empty workbook and returns "type<TAB>value".
std::string line(std::string_view formula);
// Evaluates a formula over cells and returns "type<TAB>value".
std::string line_with(const cells& c, std::string_view formula);

// The batch lines of a number and of an error: num("3") is "number<TAB>3".
std::string num(std::string_view text);
std::string err(std::string_view text);

}  // namespace folio::testing

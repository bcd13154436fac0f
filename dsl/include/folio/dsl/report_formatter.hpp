// Prints a report definition in its canonical layout, for `folio fmt`.
//
// The layout: one declaration per line (blocks over several lines), a blank line
// between declarations of different kinds and wherever the author left one, two
// spaces of indentation inside blocks, schema columns and report blocks one per line,
// option blocks inline when the author wrote them inline and one option per line
// otherwise, `=` aligned in runs of one-line declarations of the same kind, trailing
// comments aligned in runs of consecutive lines. Expressions are printed with binary
// operators spaced, one space after each comma, the parentheses that precedence needs
// and no others; names, numbers, booleans and references keep their text as written,
// strings are written with Excel's "" escape. Every comment keeps its place: an
// own-line comment before the line that follows it, a trailing comment after the
// line it ends; a comment written inside a construct that is printed on one line
// moves to its own line just before it.
//
// Formatting is idempotent and keeps the meaning: parsing the output gives the same
// tree (up to spans) and the same comments, in the same order.
#pragma once

#include <string>

#include "folio/dsl/formula_ast.hpp"
#include "folio/dsl/report_ast.hpp"
#include "folio/dsl/source_file.hpp"

namespace folio::dsl {

// Prints `module` (which parsed without errors) in the canonical layout, LF line
// ends and a final newline; an empty module prints as the empty string.
std::string format_report(const report_module& module);

// Prints one expression of `file` (null: no source text, literals are printed from
// their values) with normalised spacing and the parentheses precedence needs.
std::string format_expression(const formula_node& node, const source_file* file);

// True when two modules have the same declarations (spans aside) and the same
// comments in the same order (trailing whitespace aside): the formatter's promise,
// checked before `folio fmt --write` replaces a file.
bool same_syntax(const report_module& a, const report_module& b);

}  // namespace folio::dsl

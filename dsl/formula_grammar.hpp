// PEGTL rules of the Excel formula grammar. Rules only: the actions that build the
// syntax tree live in formula_parser.cpp, so that the report language can reuse the
// expression rules with its own actions.
//
// Precedence, lowest first (each level left-associative):
//   comparison  = concat { ("=" | "<>" | "<=" | ">=" | "<" | ">") concat }
//   concat      = additive { "&" additive }
//   additive    = multiplicative { ("+" | "-") multiplicative }
//   multiplicative = power { ("*" | "/") power }
//   power       = postfix { "^" postfix }
//   postfix     = prefix { "%" }
//   prefix      = ("-" | "+") prefix | range
//   range       = primary { ":" primary }
// so -2^2 = (-2)^2 and 2^3^2 = (2^3)^2, as in Excel.
#pragma once

#include <tao/pegtl.hpp>

namespace folio::dsl::grammar {

namespace pegtl = tao::pegtl;
using namespace pegtl;

// Whitespace between tokens: spaces, tabs and line breaks (Alt+Enter in Excel).
struct ws : star<one<' ', '\t', '\r', '\n'>> {};

// A character that may continue a name: letters, digits, '_', '.', '\' and any
// non-ASCII byte (names may be written in any script).
struct name_char : sor<alnum, one<'_', '.', '\\'>, range<char(0x80), char(0xFF)>> {};
struct name_start : sor<alpha, one<'_', '\\'>, range<char(0x80), char(0xFF)>> {};
// Nothing that would make the preceding token part of a longer name or a call.
struct token_end : not_at<sor<name_char, one<'('>>> {};

// number = digits ["." digits] [exponent] | "." digits [exponent]
struct exponent : seq<one<'e', 'E'>, opt<one<'+', '-'>>, plus<digit>> {};
struct number : seq<sor<seq<plus<digit>, opt<one<'.'>, star<digit>>>, seq<one<'.'>, plus<digit>>>, opt<exponent>> {};

// string = '"' { '""' | any but '"' } '"'
struct string_body : star<sor<two<'"'>, not_one<'"'>>> {};
struct string_close : one<'"'> {};
struct string_literal : seq<one<'"'>, string_body, must<string_close>> {};

// boolean = "TRUE" | "FALSE" (any case), not followed by a name character or '('
struct boolean : seq<sor<istring<'T', 'R', 'U', 'E'>, istring<'F', 'A', 'L', 'S', 'E'>>, token_end> {};

// error = "#NULL!" | "#DIV/0!" | "#VALUE!" | "#REF!" | "#NAME?" | "#NUM!" | "#N/A" | ...
struct error_literal
    : sor<istring<'#', 'N', 'U', 'L', 'L', '!'>, istring<'#', 'D', 'I', 'V', '/', '0', '!'>,
          istring<'#', 'V', 'A', 'L', 'U', 'E', '!'>, istring<'#', 'R', 'E', 'F', '!'>,
          istring<'#', 'N', 'A', 'M', 'E', '?'>, istring<'#', 'N', 'U', 'M', '!'>, istring<'#', 'N', '/', 'A'>,
          istring<'#', 'S', 'P', 'I', 'L', 'L', '!'>, istring<'#', 'C', 'A', 'L', 'C', '!'>,
          istring<'#', 'G', 'E', 'T', 'T', 'I', 'N', 'G', '_', 'D', 'A', 'T', 'A'>> {};

// sheet = "'" { "''" | any but "'" } "'" | name-like text; followed by "!"
struct quoted_sheet : seq<one<'\''>, plus<sor<two<'\''>, not_one<'\''>>>, one<'\''>> {};
struct plain_sheet : seq<name_start, star<name_char>> {};
struct sheet_prefix : seq<sor<quoted_sheet, plain_sheet>, one<'!'>> {};

// column = ["$"] 1-3 letters; row = ["$"] digits; cell = column row
struct column_part : seq<opt<one<'$'>>, rep_min_max<1, 3, alpha>> {};
struct row_part : seq<opt<one<'$'>>, range<'1', '9'>, star<digit>> {};
struct cell_part : seq<column_part, row_part> {};
struct area : sor<seq<cell_part, one<':'>, cell_part>, seq<column_part, one<':'>, column_part>,
                  seq<row_part, one<':'>, row_part>, cell_part> {};
struct reference : seq<opt<sheet_prefix>, area, token_end> {};

// array = "{" row { ";" row } "}"; row = constant { "," constant }
struct array_number : seq<opt<one<'-', '+'>>, number> {};
struct array_constant : sor<array_number, string_literal, boolean, error_literal> {};
struct array_element : seq<ws, must<array_constant>, ws> {};
struct array_row_break : one<';'> {};
struct array_row : list<array_element, one<','>> {};
struct array_close : one<'}'> {};
struct array_open : one<'{'> {};
struct array_literal : seq<array_open, list<array_row, array_row_break>, must<array_close>> {};

struct expression;

// call = name "(" [argument { "," argument }] ")"; an argument may be empty
struct function_name : seq<name_start, star<name_char>> {};
struct call_open : seq<function_name, one<'('>> {};
struct omitted_argument : at<sor<one<','>, one<')'>, eof>> {};
struct argument : seq<ws, sor<expression, omitted_argument>, ws> {};
struct call_close : one<')'> {};
struct call : seq<call_open, list<argument, one<','>>, must<call_close>> {};

// name = name_start { name_char }
struct name : seq<name_start, star<name_char>, token_end> {};

// parenthesized = "(" expression ")"
struct paren_close : one<')'> {};
struct parenthesized : seq<one<'('>, ws, must<expression>, ws, must<paren_close>> {};

struct primary : sor<parenthesized, string_literal, array_literal, error_literal, reference, number, boolean, call, name> {};

// Operands required after an operator: must<> turns their absence into an error.
struct operand_after_range : primary {};
struct range_tail : seq<one<':'>, must<operand_after_range>> {};
struct range_expr : seq<primary, star<range_tail>> {};

struct sign : one<'-', '+'> {};
struct prefix;
struct operand_after_sign : seq<prefix> {};
struct signed_expr : seq<sign, ws, must<operand_after_sign>> {};
struct prefix : sor<signed_expr, range_expr> {};

struct percent_sign : seq<ws, one<'%'>> {};
struct postfix : seq<prefix, star<percent_sign>> {};

struct power_op : one<'^'> {};
struct operand_after_power : postfix {};
struct power_tail : seq<ws, power_op, ws, must<operand_after_power>> {};
struct power : seq<postfix, star<power_tail>> {};

struct multiplicative_op : one<'*', '/'> {};
struct operand_after_multiplicative : power {};
struct multiplicative_tail : seq<ws, multiplicative_op, ws, must<operand_after_multiplicative>> {};
struct multiplicative : seq<power, star<multiplicative_tail>> {};

struct additive_op : one<'+', '-'> {};
struct operand_after_additive : multiplicative {};
struct additive_tail : seq<ws, additive_op, ws, must<operand_after_additive>> {};
struct additive : seq<multiplicative, star<additive_tail>> {};

struct concat_op : one<'&'> {};
struct operand_after_concat : additive {};
struct concat_tail : seq<ws, concat_op, ws, must<operand_after_concat>> {};
struct concat : seq<additive, star<concat_tail>> {};

struct comparison_op : sor<string<'<', '>'>, string<'<', '='>, string<'>', '='>, one<'<', '>', '='>> {};
struct operand_after_comparison : concat {};
struct comparison_tail : seq<ws, comparison_op, ws, must<operand_after_comparison>> {};
struct comparison : seq<concat, star<comparison_tail>> {};

struct expression : comparison {};

// formula = ["="] expression end-of-input
struct formula_body : expression {};
struct formula_end : eof {};
struct formula : seq<ws, opt<one<'='>>, ws, must<formula_body>, ws, must<formula_end>> {};

}  // namespace folio::dsl::grammar

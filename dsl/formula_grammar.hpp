// PEGTL rules of the expression grammar, shared by Excel formulas and the report
// language. Rules only: the actions that build the syntax tree live in
// expression_actions.hpp, so both parsers build the same nodes.
//
// The expression rules are templates over a dialect `D`, a struct of a few leaf rules
// and switches (see excel_dialect below and report_grammar.hpp):
//   D::space_before   whitespace allowed before an operator, '%', ',' or ')'
//   D::space_after    whitespace allowed after an operator, '(' or ','
//   D::string_char    a character of a string literal other than '"'
//   D::name           a name (`Rate`, `surveys.score`)
//   D::function_name  the name before '(' in a call
//   D::reference      an A1 reference, or `failure` where there are none
//   D::range_colon    the ':' range operator, or `failure`
//   D::where_keyword  `where` inside call arguments, or `failure`
//   D::argument_end   what else ends an empty argument besides ',' ')' and the end
//   D::inner          the dialect used inside parentheses and call arguments
// Excel formulas are `formula` (excel_dialect) and stay exactly as before.
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

// ---------------------------------------------------------------------------
// Rules that do not depend on the dialect.

// Whitespace between tokens of a formula: spaces, tabs and line breaks (Alt+Enter in Excel).
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

// Excel names and function names: name_start { name_char }
struct excel_name : seq<name_start, star<name_char>, token_end> {};
struct excel_function_name : seq<name_start, star<name_char>> {};

// ---------------------------------------------------------------------------
// The dialect of Excel formulas (`folio eval`, cell formulas).
struct excel_dialect {
    using space_before = ws;
    using space_after = ws;
    using string_char = not_one<'"'>;
    using name = excel_name;
    using function_name = excel_function_name;
    using reference = grammar::reference;
    using range_colon = one<':'>;
    using where_keyword = failure;
    using argument_end = failure;
    using inner = excel_dialect;
};

// ---------------------------------------------------------------------------
// Rules over a dialect.

// string = '"' { '""' | string_char } '"'
template <class D> struct string_body : star<sor<two<'"'>, typename D::string_char>> {};
struct string_close : one<'"'> {};
template <class D> struct string_literal : seq<one<'"'>, string_body<D>, must<string_close>> {};

// array = "{" row { ";" row } "}"; row = constant { "," constant }
struct array_number : seq<opt<one<'-', '+'>>, number> {};
template <class D> struct array_constant : sor<array_number, string_literal<D>, boolean, error_literal> {};
template <class D>
struct array_element : seq<typename D::space_after, must<array_constant<D>>, typename D::space_after> {};
struct array_row_break : one<';'> {};
template <class D> struct array_row : list<array_element<D>, one<','>> {};
struct array_close : one<'}'> {};
struct array_open : one<'{'> {};
template <class D> struct array_literal : seq<array_open, list<array_row<D>, array_row_break>, must<array_close>> {};

template <class D> struct expression;

// call = function_name "(" [argument { "," argument }] ")"; an argument may be empty;
// where the dialect has `where`: argument = expression ["where" expression]
template <class D> struct call_open : seq<typename D::function_name, one<'('>> {};
template <class D> struct omitted_argument : at<sor<one<','>, one<')'>, eof, typename D::argument_end>> {};
template <class D> struct where_condition : expression<D> {};
template <class D>
struct where_clause : seq<typename D::space_before, typename D::where_keyword, typename D::space_after,
                          must<where_condition<D>>> {};
template <class D> struct argument_value : seq<expression<D>, opt<where_clause<D>>> {};
template <class D>
struct argument : seq<typename D::space_after, sor<argument_value<D>, omitted_argument<D>>, typename D::space_after> {};
struct call_close : one<')'> {};
template <class D> struct call : seq<call_open<D>, list<argument<typename D::inner>, one<','>>, must<call_close>> {};

// parenthesized = "(" expression ")"
struct paren_close : one<')'> {};
template <class D>
struct parenthesized : seq<one<'('>, typename D::inner::space_after, must<expression<typename D::inner>>,
                           typename D::inner::space_after, must<paren_close>> {};

template <class D>
struct primary : sor<parenthesized<D>, string_literal<D>, array_literal<D>, error_literal, typename D::reference, number,
                     boolean, call<D>, typename D::name> {};

// Operands required after an operator: must<> turns their absence into an error.
template <class D> struct operand_after_range : primary<D> {};
template <class D> struct range_tail : seq<typename D::range_colon, must<operand_after_range<D>>> {};
template <class D> struct range_expr : seq<primary<D>, star<range_tail<D>>> {};

struct sign : one<'-', '+'> {};
template <class D> struct prefix;
template <class D> struct operand_after_sign : seq<prefix<D>> {};
template <class D> struct signed_expr : seq<sign, typename D::space_after, must<operand_after_sign<D>>> {};
template <class D> struct prefix : sor<signed_expr<D>, range_expr<D>> {};

template <class D> struct percent_sign : seq<typename D::space_before, one<'%'>> {};
template <class D> struct postfix : seq<prefix<D>, star<percent_sign<D>>> {};

// An operator's tail: space, operator, space, then the operand it requires.
template <class D, class Op, class Operand>
struct tail : seq<typename D::space_before, Op, typename D::space_after, must<Operand>> {};

struct power_op : one<'^'> {};
template <class D> struct operand_after_power : postfix<D> {};
template <class D> struct power_tail : tail<D, power_op, operand_after_power<D>> {};
template <class D> struct power : seq<postfix<D>, star<power_tail<D>>> {};

struct multiplicative_op : one<'*', '/'> {};
template <class D> struct operand_after_multiplicative : power<D> {};
template <class D> struct multiplicative_tail : tail<D, multiplicative_op, operand_after_multiplicative<D>> {};
template <class D> struct multiplicative : seq<power<D>, star<multiplicative_tail<D>>> {};

struct additive_op : one<'+', '-'> {};
template <class D> struct operand_after_additive : multiplicative<D> {};
template <class D> struct additive_tail : tail<D, additive_op, operand_after_additive<D>> {};
template <class D> struct additive : seq<multiplicative<D>, star<additive_tail<D>>> {};

struct concat_op : one<'&'> {};
template <class D> struct operand_after_concat : additive<D> {};
template <class D> struct concat_tail : tail<D, concat_op, operand_after_concat<D>> {};
template <class D> struct concat : seq<additive<D>, star<concat_tail<D>>> {};

struct comparison_op : sor<string<'<', '>'>, string<'<', '='>, string<'>', '='>, one<'<', '>', '='>> {};
template <class D> struct operand_after_comparison : concat<D> {};
template <class D> struct comparison_tail : tail<D, comparison_op, operand_after_comparison<D>> {};
template <class D> struct comparison : seq<concat<D>, star<comparison_tail<D>>> {};

template <class D> struct expression : comparison<D> {};

// ---------------------------------------------------------------------------
// formula = ["="] expression end-of-input
struct formula_body : expression<excel_dialect> {};
struct formula_end : eof {};
struct formula : seq<ws, opt<one<'='>>, ws, must<formula_body>, ws, must<formula_end>> {};

}  // namespace folio::dsl::grammar

// PEGTL rules of the report language (*.folio). Rules only: report_actions.hpp holds
// the actions that build the report_module, report_parser.cpp the error messages and
// the driver that parses one declaration at a time.
//
// Expressions are the formula grammar's rules (formula_grammar.hpp) in two report
// dialects: no A1 references and no ':' range operator, names with dots
// (`surveys.score`, `acme.NPS`), strings that end at the end of their line, `//`
// comments as whitespace and `where` inside call arguments.
//
// Lines. A declaration starts with its keyword and ends at the end of its line, unless
// the line ends where something must follow: after an operator, '=', ',', '(' or '{',
// and anywhere inside parentheses, the text goes on over line breaks. A line that
// starts in column 1 with a declaration keyword (`chart` only when followed by
// `name =`) always starts a new declaration, so an unfinished one is reported on its
// own line and never swallows the next. Inside `{ ... }` blocks (options, schema,
// report, table) entries are separated by line breaks, ',' or ';' (a trailing one is
// allowed); a `{` opens on the line of what it belongs to. Keywords are lower case.
//
// module       = { declaration line_end }
// declaration  = import | theme | param | source | dimension | filter | metric | def
//              | chart | report | expect
// import       = "import" string ["as" word]
// theme        = "theme" string
// param        = "param" word ":" word ["=" expr]
// source       = "source" word "=" word "(" [source_arg {"," source_arg}] ")" [schema]
// source_arg   = word ":" expr | expr
// schema       = "{" [column {sep column}] "}"       column = (word | string) ":" word
// dimension    = "dimension" word "=" expr {"," expr}
// filter       = "filter" word "=" expr
// metric       = "metric" word "=" expr [options]
// def          = "def" word "(" [word {"," word}] ")" "=" expr
// chart        = "chart" word "=" word "(" expr {"," expr} ["by" dotted {"," dotted}]
//                {"," word ":" expr} ")" [options]
// report       = "report" word ["extends" dotted] "{" [block {sep block}] "}"
// block        = word ":" expr {"," expr} | "chart" dotted | "data" dotted | "text" string
//              | "table" ["by" dotted {"," dotted}] "{" [entry {sep entry}] "}"
// entry        = word ":" expr {"," expr} | expr
// expect       = "expect" expr ["between" expr "and" expr]
// options      = "{" [option {sep option}] "}"        option = word ":" expr {"," expr}
// sep          = "," | ";" | line break
#pragma once

#include "formula_grammar.hpp"

namespace folio::dsl::report_grammar {

namespace pegtl = tao::pegtl;
namespace g = grammar;
using namespace pegtl;

// ---------------------------------------------------------------------------
// Characters, comments, words and keywords.

struct blank : one<' ', '\t'> {};
struct line_break : sor<one<'\n'>, string<'\r', '\n'>> {};
// comment = "//" { any but a line break }
struct comment : seq<two<'/'>, star<not_at<line_break>, any>> {};

// A letter of a word: ASCII letters, '_' and any well-formed non-ASCII character.
struct non_ascii : utf8::range<0x80, 0x10FFFF> {};
struct word_start : sor<alpha, one<'_'>, non_ascii> {};
struct word_char : sor<alnum, one<'_'>, non_ascii> {};
// word = word_start { word_char }
struct word : seq<word_start, star<word_char>> {};
// dotted = word { "." word }
struct dotted : seq<word, star<one<'.'>, word>> {};

template <char... Cs> struct keyword : seq<string<Cs...>, not_at<sor<word_char, one<'.'>>>> {};
struct kw_import : keyword<'i', 'm', 'p', 'o', 'r', 't'> {};
struct kw_theme : keyword<'t', 'h', 'e', 'm', 'e'> {};
struct kw_param : keyword<'p', 'a', 'r', 'a', 'm'> {};
struct kw_source : keyword<'s', 'o', 'u', 'r', 'c', 'e'> {};
struct kw_dimension : keyword<'d', 'i', 'm', 'e', 'n', 's', 'i', 'o', 'n'> {};
struct kw_filter : keyword<'f', 'i', 'l', 't', 'e', 'r'> {};
struct kw_metric : keyword<'m', 'e', 't', 'r', 'i', 'c'> {};
struct kw_def : keyword<'d', 'e', 'f'> {};
struct kw_chart : keyword<'c', 'h', 'a', 'r', 't'> {};
struct kw_report : keyword<'r', 'e', 'p', 'o', 'r', 't'> {};
struct kw_expect : keyword<'e', 'x', 'p', 'e', 'c', 't'> {};
struct kw_as : keyword<'a', 's'> {};
struct kw_extends : keyword<'e', 'x', 't', 'e', 'n', 'd', 's'> {};
struct kw_by : keyword<'b', 'y'> {};
struct kw_between : keyword<'b', 'e', 't', 'w', 'e', 'e', 'n'> {};
struct kw_and : keyword<'a', 'n', 'd'> {};
struct kw_where : keyword<'w', 'h', 'e', 'r', 'e'> {};
struct kw_table : keyword<'t', 'a', 'b', 'l', 'e'> {};
struct kw_data : keyword<'d', 'a', 't', 'a'> {};
struct kw_text : keyword<'t', 'e', 'x', 't'> {};

// What starts a declaration in column 1: a keyword; `chart` only as `chart name =`,
// since `chart name` alone is a block of a report.
struct decl_start : sor<kw_import, kw_theme, kw_param, kw_source, kw_dimension, kw_filter, kw_metric, kw_def, kw_report,
                        kw_expect, seq<kw_chart, star<blank>, word, star<blank>, one<'='>>> {};

// A line break that continues the current declaration: not one before a new declaration.
struct continued_break : seq<line_break, not_at<decl_start>> {};
// sp = { blank | comment }: space on the same line.
struct sp : star<sor<blank, comment>> {};
// gap = { blank | comment | continued_break }: space that may go on over lines.
struct gap : star<sor<blank, comment, continued_break>> {};
// Blank lines, comments and space between declarations.
struct between_declarations : star<sor<blank, comment, line_break>> {};

// ---------------------------------------------------------------------------
// Expressions: the formula grammar in the report dialects.

struct expr_name : dotted {};
struct expr_function_name : dotted {};

// Inside parentheses and call arguments: line breaks anywhere.
struct nested_dialect {
    using space_before = gap;
    using space_after = gap;
    using string_char = not_one<'"', '\r', '\n'>;
    using name = expr_name;
    using function_name = expr_function_name;
    using reference = failure;
    using range_colon = failure;
    using where_keyword = kw_where;
    using argument_end = line_break;  // only before a new declaration: gap stops there
    using inner = nested_dialect;
};

// At the level of a declaration: a line break ends the expression unless it follows
// an operator.
struct line_dialect : nested_dialect {
    using space_before = sp;
    using inner = nested_dialect;
};

using line_expression = g::expression<line_dialect>;
using nested_expression = g::expression<nested_dialect>;
using string_literal = g::string_literal<line_dialect>;

// ---------------------------------------------------------------------------
// Pieces shared by declarations.

// The name after a declaration keyword, and its '=' (Kw tells the messages apart).
template <class Kw> struct decl_name : word {};
template <class Kw> struct decl_equals : one<'='> {};

// Entries of a { } block are separated by ',', ';' or a line break.
struct entry_sep : seq<sp, sor<one<',', ';'>, continued_break>> {};
template <class Entry> struct entries : seq<Entry, star<entry_sep, gap, Entry>, opt<entry_sep>> {};

// option = word ":" expr {"," expr}: one per line in a block; a ',' followed by
// `word :` starts the next option instead of another value.
struct option_start : seq<word, sp, one<':'>> {};
struct option_name : word {};
struct option_colon : one<':'> {};
struct option_value : line_expression {};
struct option_next_value : line_expression {};
struct block_option : seq<option_name, sp, must<option_colon>, sp, must<option_value>,
                          star<sp, one<','>, not_at<gap, sor<option_start, one<'}'>>>, gap, must<option_next_value>>> {};
// Inside parentheses (source and chart arguments): one value per option.
struct nested_option_value : nested_expression {};
struct nested_option : seq<option_name, gap, must<option_colon>, gap, must<nested_option_value>> {};

struct options_open : one<'{'> {};
struct options_close : one<'}'> {};
struct options_block : seq<options_open, gap, opt<entries<block_option>>, gap, must<options_close>> {};

// ---------------------------------------------------------------------------
// Declarations.

// import "cx" [as acme]
struct import_path : string_literal {};
struct import_alias : word {};
struct import_decl : seq<kw_import, sp, must<import_path>, opt<sp, kw_as, sp, must<import_alias>>> {};

// theme "themes/acme.toml"
struct theme_path : string_literal {};
struct theme_decl : seq<kw_theme, sp, must<theme_path>> {};

// param as_of: date = date(2024, 12, 31)
struct param_colon : one<':'> {};
struct param_type : word {};
struct param_default : line_expression {};
struct param_decl : seq<kw_param, sp, must<decl_name<kw_param>>, sp, must<param_colon>, sp, must<param_type>,
                        opt<sp, one<'='>, gap, must<param_default>>> {};

// source surveys = csv("data/surveys.csv", delimiter: ";") { score: number ... }
struct source_kind : word {};
struct source_open : one<'('> {};
struct source_close : one<')'> {};
struct source_positional : nested_expression {};
struct source_argument : sor<seq<at<option_start>, nested_option>, source_positional> {};
struct source_next_argument : source_argument {};
struct source_arguments : seq<source_argument, star<gap, one<','>, gap, must<source_next_argument>>> {};
struct quoted_name : seq<one<'"'>, g::string_body<line_dialect>, must<g::string_close>> {};
struct column_name : sor<word, quoted_name> {};
struct column_colon : one<':'> {};
struct column_type : word {};
struct column_decl : seq<column_name, sp, must<column_colon>, sp, must<column_type>> {};
struct schema_open : one<'{'> {};
struct schema_close : one<'}'> {};
struct schema_block : seq<schema_open, gap, opt<entries<column_decl>>, gap, must<schema_close>> {};
struct source_decl
    : seq<kw_source, sp, must<decl_name<kw_source>>, sp, must<decl_equals<kw_source>>, gap, must<source_kind>, sp,
          must<source_open>, gap, opt<source_arguments>, gap, must<source_close>, opt<sp, schema_block>> {};

// dimension month = month(surveys.submitted_at), month(tickets.opened_at)
struct dimension_column : line_expression {};
struct dimension_next_column : line_expression {};
struct dimension_decl : seq<kw_dimension, sp, must<decl_name<kw_dimension>>, sp, must<decl_equals<kw_dimension>>, gap,
                            must<dimension_column>, star<sp, one<','>, gap, must<dimension_next_column>>> {};

// filter promoters = surveys.score >= 9
struct filter_condition : line_expression {};
struct filter_decl : seq<kw_filter, sp, must<decl_name<kw_filter>>, sp, must<decl_equals<kw_filter>>, gap,
                         must<filter_condition>> {};

// metric NPS = pct(promoters) - pct(detractors) { label: "Net Promoter Score" }
struct metric_formula : line_expression {};
struct metric_decl : seq<kw_metric, sp, must<decl_name<kw_metric>>, sp, must<decl_equals<kw_metric>>, gap,
                         must<metric_formula>, opt<sp, options_block>> {};

// def nps(score) = pct(score >= 9) - pct(score <= 6)
struct def_open : one<'('> {};
struct def_parameter : word {};
struct def_next_parameter : def_parameter {};
struct def_close : one<')'> {};
struct def_body : line_expression {};
struct def_decl : seq<kw_def, sp, must<decl_name<kw_def>>, sp, must<def_open>, gap,
                      opt<def_parameter, star<gap, one<','>, gap, must<def_next_parameter>>>, gap, must<def_close>, sp,
                      must<decl_equals<kw_def>>, gap, must<def_body>> {};

// chart nps_trend = line(NPS by month, series: region)
struct chart_type : word {};
struct chart_open : one<'('> {};
struct chart_metric : nested_expression {};
struct chart_next_metric : nested_expression {};
struct chart_dimension : dotted {};
struct chart_next_dimension : chart_dimension {};
struct chart_option : nested_option {};
struct chart_close : one<')'> {};
struct chart_decl
    : seq<kw_chart, sp, must<decl_name<kw_chart>>, sp, must<decl_equals<kw_chart>>, gap, must<chart_type>, sp,
          must<chart_open>, gap, must<chart_metric>,
          star<gap, one<','>, gap, not_at<option_start>, must<chart_next_metric>>,
          opt<gap, kw_by, gap, must<chart_dimension>,
              star<gap, one<','>, gap, not_at<option_start>, must<chart_next_dimension>>>,
          star<gap, one<','>, gap, must<chart_option>>, gap, must<chart_close>, opt<sp, options_block>> {};

// report executive extends acme.executive { title: "..." chart nps_trend ... }
struct setting_block : seq<at<option_start>, block_option> {};
struct chart_reference : dotted {};
struct chart_block : seq<kw_chart, sp, must<chart_reference>> {};
struct data_reference : dotted {};
struct data_block : seq<kw_data, sp, must<data_reference>> {};
struct text_string : string_literal {};
struct text_block : seq<kw_text, sp, must<text_string>> {};
struct table_dimension : dotted {};
struct table_next_dimension : table_dimension {};
struct table_item : line_expression {};
struct table_entry : sor<seq<at<option_start>, block_option>, table_item> {};
struct table_open : one<'{'> {};
struct table_close : one<'}'> {};
struct table_block : seq<kw_table, sp, opt<kw_by, sp, must<table_dimension>, star<sp, one<','>, gap, must<table_next_dimension>>>,
                         sp, must<table_open>, gap, opt<entries<table_entry>>, gap, must<table_close>> {};
struct report_block : sor<setting_block, chart_block, table_block, data_block, text_block> {};
struct extends_name : dotted {};
struct report_open : one<'{'> {};
struct report_close : one<'}'> {};
struct report_decl : seq<kw_report, sp, must<decl_name<kw_report>>, sp, opt<kw_extends, sp, must<extends_name>>, sp,
                         must<report_open>, gap, opt<entries<report_block>>, gap, must<report_close>> {};

// expect NPS between -100 and 100  |  expect responses > 0
struct expect_subject : line_expression {};
struct expect_low : line_expression {};
struct expect_and : kw_and {};
struct expect_high : line_expression {};
struct expect_decl : seq<kw_expect, sp, must<expect_subject>,
                         opt<sp, kw_between, gap, must<expect_low>, sp, must<expect_and>, gap, must<expect_high>>> {};

// ---------------------------------------------------------------------------
// One declaration and the end of its line; the parser calls this once per
// declaration, skipping between_declarations before it.
struct declaration : sor<import_decl, theme_decl, param_decl, source_decl, dimension_decl, filter_decl, metric_decl,
                         def_decl, chart_decl, report_decl, expect_decl> {};
struct declaration_end : sor<line_break, eof> {};
struct declaration_line : seq<must<declaration>, sp, must<declaration_end>> {};

// The whole module, for grammar analysis (the parser drives declarations itself).
struct module : seq<opt<utf8::bom>, between_declarations, star<declaration_line, between_declarations>, eof> {};

}  // namespace folio::dsl::report_grammar

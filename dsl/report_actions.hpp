// The actions of the report grammar (report_grammar.hpp): they collect names,
// options and blocks in `report_state` while a declaration parses, and turn it into a
// `declaration` when it is complete. Expression nodes come from the shared expression
// actions. Lookaheads (at<>, not_at<>) run no actions, and every rule with an action
// either completes or ends the declaration with an error, so no half-built pieces are
// left behind. Internal to dsl/.
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "expression_actions.hpp"
#include "folio/dsl/report_ast.hpp"
#include "report_grammar.hpp"

namespace folio::dsl::report_actions {

namespace pegtl = tao::pegtl;
namespace g = grammar;
namespace rg = report_grammar;
namespace ea = expression_actions;

// What the actions know while one declaration parses.
struct report_state : ea::expression_stack {
    declaration current;                   // the declaration being parsed
    std::vector<identifier> words;         // def parameters, schema names and types, dimensions after `by`
    std::vector<option> options;           // options of the innermost container
    std::vector<report_block> blocks;      // blocks of the report being parsed
    identifier option_key;                 // the option being parsed
    std::size_t option_frame = 0;          // node stack height where its values start
    std::vector<std::uint32_t> open_braces;  // offsets of the '{' of the blocks open
    std::optional<identifier> alias, extends;
    identifier target;                     // chart/data block target
    std::string path;                      // import/theme path, text block
    source_span path_span;
    bool has_schema = false;

    // Forgets everything of the previous declaration.
    void reset() {
        nodes.clear();
        frames.clear();
        pending_ops.clear();
        depth = 0;
        operators = 0;
        current = declaration{};
        words.clear();
        options.clear();
        blocks.clear();
        open_braces.clear();
        alias.reset();
        extends.reset();
        path.clear();
        has_schema = false;
    }
};

// Returns the span of the text `in` matched.
template <class Input>
source_span span_of(const report_state& st, const Input& in) {
    return {ea::offset_of(st, in.begin()), static_cast<std::uint32_t>(in.size())};
}

// Returns the text `in` matched as an identifier.
template <class Input>
identifier identifier_of(const report_state& st, const Input& in) {
    return identifier{in.string(), span_of(st, in)};
}

// Moves the nodes from `from` to the top of the stack out, in order.
inline std::vector<formula_ptr> take_nodes(report_state& st, std::size_t from = 0) {
    std::vector<formula_ptr> out;
    for (std::size_t i = from; i < st.nodes.size(); ++i) out.push_back(std::move(st.nodes[i]));
    st.nodes.resize(std::min(from, st.nodes.size()));
    return out;
}

// The expression actions, plus the report's own below.
template <class Rule>
struct action : ea::action<Rule> {};

template <>
struct action<rg::expr_name> {
    template <class Input>
    static void apply(const Input& in, report_state& st) { ea::push_name(in, st); }
};

template <class Kw>
struct action<rg::decl_name<Kw>> {
    template <class Input>
    static void apply(const Input& in, report_state& st) { st.current.name = identifier_of(st, in); }
};

// Options: the name opens a frame on the node stack, the option takes its values.
template <>
struct action<rg::option_name> {
    template <class Input>
    static void apply(const Input& in, report_state& st) {
        st.option_key = identifier_of(st, in);
        st.option_frame = st.nodes.size();
    }
};

struct option_action {
    template <class Input>
    static void apply(const Input& in, report_state& st) {
        option o;
        o.key = std::move(st.option_key);
        o.values = take_nodes(st, st.option_frame);
        o.span = span_of(st, in);
        st.options.push_back(std::move(o));
    }
};
template <> struct action<rg::block_option> : option_action {};
template <> struct action<rg::nested_option> : option_action {};
template <> struct action<rg::chart_option> : option_action {};

// Words collected in order: parameters, dimensions after `by`, schema names and types.
struct word_action {
    template <class Input>
    static void apply(const Input& in, report_state& st) { st.words.push_back(identifier_of(st, in)); }
};
template <> struct action<rg::def_parameter> : word_action {};
template <> struct action<rg::def_next_parameter> : word_action {};
template <> struct action<rg::chart_dimension> : word_action {};
template <> struct action<rg::chart_next_dimension> : word_action {};
template <> struct action<rg::table_dimension> : word_action {};
template <> struct action<rg::table_next_dimension> : word_action {};
template <> struct action<rg::column_type> : word_action {};
template <> struct action<rg::param_type> : word_action {};
template <> struct action<rg::source_kind> : word_action {};
template <> struct action<rg::chart_type> : word_action {};

template <>
struct action<rg::column_name> {
    template <class Input>
    static void apply(const Input& in, report_state& st) {
        identifier id = identifier_of(st, in);
        if (in.peek_char() == '"') id.text = ea::unquote(in.string_view());
        st.words.push_back(std::move(id));
    }
};

struct target_action {
    template <class Input>
    static void apply(const Input& in, report_state& st) { st.target = identifier_of(st, in); }
};
template <> struct action<rg::chart_reference> : target_action {};
template <> struct action<rg::data_reference> : target_action {};

template <>
struct action<rg::import_alias> {
    template <class Input>
    static void apply(const Input& in, report_state& st) { st.alias = identifier_of(st, in); }
};

template <>
struct action<rg::extends_name> {
    template <class Input>
    static void apply(const Input& in, report_state& st) { st.extends = identifier_of(st, in); }
};

struct path_action {
    template <class Input>
    static void apply(const Input& in, report_state& st) {
        st.path = ea::unquote(in.string_view());
        st.path_span = span_of(st, in);
    }
};
template <> struct action<rg::import_path> : path_action {};
template <> struct action<rg::theme_path> : path_action {};
template <> struct action<rg::text_string> : path_action {};

struct open_brace_action {
    template <class Input>
    static void apply(const Input& in, report_state& st) { st.open_braces.push_back(ea::offset_of(st, in.begin())); }
};
struct close_brace_action {
    template <class Input>
    static void apply(const Input&, report_state& st) {
        if (!st.open_braces.empty()) st.open_braces.pop_back();
    }
};
template <> struct action<rg::options_open> : open_brace_action {};
template <> struct action<rg::schema_open> : open_brace_action {};
template <> struct action<rg::table_open> : open_brace_action {};
template <> struct action<rg::report_open> : open_brace_action {};
template <> struct action<rg::options_close> : close_brace_action {};
template <> struct action<rg::schema_close> : close_brace_action {};
template <> struct action<rg::table_close> : close_brace_action {};
template <> struct action<rg::report_close> : close_brace_action {};

// Report blocks: each complete block joins the report being parsed.

// Adds a block of `kind` spanning the text `in` matched, and returns it.
template <class Input>
report_block& new_block(report_state& st, const Input& in, block_kind kind) {
    report_block& b = st.blocks.emplace_back();
    b.kind = kind;
    b.span = span_of(st, in);
    return b;
}

template <>
struct action<rg::setting_block> {
    template <class Input>
    static void apply(const Input& in, report_state& st) {
        report_block& b = new_block(st, in, block_kind::setting);
        b.setting = std::move(st.options.back());
        st.options.pop_back();
    }
};

template <>
struct action<rg::chart_block> {
    template <class Input>
    static void apply(const Input& in, report_state& st) { new_block(st, in, block_kind::chart).target = std::move(st.target); }
};

template <>
struct action<rg::data_block> {
    template <class Input>
    static void apply(const Input& in, report_state& st) { new_block(st, in, block_kind::data).target = std::move(st.target); }
};

template <>
struct action<rg::text_block> {
    template <class Input>
    static void apply(const Input& in, report_state& st) { new_block(st, in, block_kind::text).text = std::move(st.path); }
};

template <>
struct action<rg::table_block> {
    template <class Input>
    static void apply(const Input& in, report_state& st) {
        report_block& b = new_block(st, in, block_kind::table);
        b.by = std::move(st.words);
        st.words.clear();
        b.items = take_nodes(st);
        b.options = std::move(st.options);
        st.options.clear();
    }
};

// Declarations: each finished declaration moves into the module.

// Sets the kind and span of the declaration being parsed, and returns it.
template <class Input>
declaration& finish(report_state& st, const Input& in, decl_kind kind) {
    st.current.kind = kind;
    st.current.span = span_of(st, in);
    return st.current;
}

template <>
struct action<rg::import_decl> {
    template <class Input>
    static void apply(const Input& in, report_state& st) {
        declaration& d = finish(st, in, decl_kind::import);
        d.import = std::make_unique<import_decl>();
        d.import->path = std::move(st.path);
        d.import->path_span = st.path_span;
        d.import->alias = std::move(st.alias);
    }
};

template <>
struct action<rg::theme_decl> {
    template <class Input>
    static void apply(const Input& in, report_state& st) {
        declaration& d = finish(st, in, decl_kind::theme);
        d.theme = std::make_unique<theme_decl>();
        d.theme->path = std::move(st.path);
        d.theme->path_span = st.path_span;
    }
};

template <>
struct action<rg::param_decl> {
    template <class Input>
    static void apply(const Input& in, report_state& st) {
        declaration& d = finish(st, in, decl_kind::param);
        d.param = std::make_unique<param_decl>();
        d.param->type = std::move(st.words.front());
        if (!st.nodes.empty()) d.param->default_value = ea::pop(st);
    }
};

template <>
struct action<rg::source_decl> {
    template <class Input>
    static void apply(const Input& in, report_state& st) {
        declaration& d = finish(st, in, decl_kind::source);
        d.source = std::make_unique<source_decl>();
        d.source->kind = std::move(st.words.front());
        d.source->arguments = take_nodes(st);
        d.source->options = std::move(st.options);
        d.source->has_schema = st.has_schema;
        for (std::size_t i = 1; i + 1 < st.words.size(); i += 2)
            d.source->schema.push_back(column_decl{std::move(st.words[i]), std::move(st.words[i + 1])});
    }
};

template <>
struct action<rg::schema_block> {
    template <class Input>
    static void apply(const Input&, report_state& st) { st.has_schema = true; }
};

template <>
struct action<rg::dimension_decl> {
    template <class Input>
    static void apply(const Input& in, report_state& st) {
        declaration& d = finish(st, in, decl_kind::dimension);
        d.dimension = std::make_unique<dimension_decl>();
        d.dimension->columns = take_nodes(st);
    }
};

template <>
struct action<rg::filter_decl> {
    template <class Input>
    static void apply(const Input& in, report_state& st) {
        declaration& d = finish(st, in, decl_kind::filter);
        d.filter = std::make_unique<filter_decl>();
        d.filter->condition = ea::pop(st);
    }
};

template <>
struct action<rg::metric_decl> {
    template <class Input>
    static void apply(const Input& in, report_state& st) {
        declaration& d = finish(st, in, decl_kind::metric);
        d.metric = std::make_unique<metric_decl>();
        d.metric->formula = ea::pop(st);
        d.metric->options = std::move(st.options);
    }
};

template <>
struct action<rg::def_decl> {
    template <class Input>
    static void apply(const Input& in, report_state& st) {
        declaration& d = finish(st, in, decl_kind::def);
        d.def = std::make_unique<def_decl>();
        d.def->parameters = std::move(st.words);
        d.def->body = ea::pop(st);
    }
};

template <>
struct action<rg::chart_decl> {
    template <class Input>
    static void apply(const Input& in, report_state& st) {
        declaration& d = finish(st, in, decl_kind::chart);
        d.chart = std::make_unique<chart_decl>();
        d.chart->type = std::move(st.words.front());
        d.chart->by.assign(std::make_move_iterator(st.words.begin() + 1), std::make_move_iterator(st.words.end()));
        d.chart->metrics = take_nodes(st);
        d.chart->options = std::move(st.options);
    }
};

template <>
struct action<rg::report_decl> {
    template <class Input>
    static void apply(const Input& in, report_state& st) {
        declaration& d = finish(st, in, decl_kind::report);
        d.report = std::make_unique<report_decl>();
        d.report->extends = std::move(st.extends);
        d.report->blocks = std::move(st.blocks);
    }
};

template <>
struct action<rg::expect_decl> {
    template <class Input>
    static void apply(const Input& in, report_state& st) {
        declaration& d = finish(st, in, decl_kind::expect);
        d.expect = std::make_unique<expect_decl>();
        if (st.nodes.size() == 3) {
            d.expect->high = ea::pop(st);
            d.expect->low = ea::pop(st);
        }
        d.expect->subject = ea::pop(st);
    }
};

}  // namespace folio::dsl::report_actions

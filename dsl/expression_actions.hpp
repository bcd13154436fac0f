// PEGTL actions that build expression nodes (formula_ast.hpp) from the rules of
// formula_grammar.hpp, for every dialect: the formula parser and the report parser
// both use them, so `SUM(1, 2)` is the same tree in a cell and in a report.
//
// Actions keep a stack of finished nodes. An operator's tail rule (for example
// `additive_tail`) succeeds only after its right operand is on the stack, so its
// action pops both operands and pushes the operator node. Calls and arrays mark the
// stack height where their children start. Offsets are taken relative to
// `expression_stack::text`, which the parser sets to the whole text it parses.
// Internal to dsl/.
#pragma once

#include <cctype>
#include <charconv>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "folio/dsl/formula_ast.hpp"
#include "formula_grammar.hpp"

namespace folio::dsl::expression_actions {

namespace pegtl = tao::pegtl;
namespace g = grammar;

// The parser state the expression actions work on; parsers derive their state from it.
struct expression_stack {
    std::string_view text;
    std::vector<formula_ptr> nodes;
    std::vector<std::size_t> frames;  // stack heights where a call's or array's children start
    std::vector<char> pending_ops;    // operator characters seen, innermost last
    int depth = 0;                    // nesting of expressions and signs (see depth_guard)
    std::size_t operators = 0;        // operator nodes built (see the report parser's limit)
};

// Thrown (as a PEGTL parse_error) by the array action when rows differ in length.
inline constexpr const char* ragged_array_message = "every row of an array constant needs the same number of values";

// Returns the byte offset of `p` in the parsed text.
inline std::uint32_t offset_of(const expression_stack& st, const char* p) {
    return static_cast<std::uint32_t>(p - st.text.data());
}

// Returns a new node of `kind` covering [offset, offset + length).
inline formula_ptr make_node(node_kind kind, std::uint32_t offset, std::uint32_t length) {
    auto n = std::make_unique<formula_node>();
    n->kind = kind;
    n->offset = offset;
    n->length = length;
    return n;
}

// Removes and returns the top node.
inline formula_ptr pop(expression_stack& st) {
    formula_ptr n = std::move(st.nodes.back());
    st.nodes.pop_back();
    return n;
}

// Returns the text of a string literal as written (with its quotes), unescaped: "" is one quote.
inline std::string unquote(std::string_view literal) {
    std::string_view body = literal.substr(1, literal.size() >= 2 ? literal.size() - 2 : 0);
    std::string out;
    out.reserve(body.size());
    for (std::size_t i = 0; i < body.size(); ++i) {
        out += body[i];
        if (body[i] == '"') ++i;  // "" stands for one quote
    }
    return out;
}

constexpr std::int64_t max_row_number = 1048576;

// Reads "[$]letters[$]digits", "[$]letters" or "[$]digits" into a cell_point.
inline cell_point read_point(std::string_view s) {
    cell_point p;
    std::size_t i = 0;
    bool absolute = false;
    if (i < s.size() && s[i] == '$') { absolute = true; ++i; }
    std::size_t letters = i;
    while (letters < s.size() && std::isalpha(static_cast<unsigned char>(s[letters]))) ++letters;
    if (letters > i) {
        p.col = column_from_letters(s.substr(i, letters - i));
        p.col_absolute = absolute;
        i = letters;
        absolute = false;
        if (i < s.size() && s[i] == '$') { absolute = true; ++i; }
    }
    if (i < s.size()) {
        std::int64_t row = 0;
        for (; i < s.size() && row <= max_row_number; ++i) row = row * 10 + (s[i] - '0');
        p.row = row > max_row_number ? -2 : static_cast<std::int32_t>(row - 1);
        p.row_absolute = absolute;
    }
    return p;
}

// Operator characters are remembered until their tail rule completes.
template <class Input>
void remember_op(const Input& in, expression_stack& st) {
    std::string_view op = in.string_view();
    char code = op[0];
    if (op == "<>") code = '!';
    else if (op == "<=") code = '{';
    else if (op == ">=") code = '}';
    st.pending_ops.push_back(code);
}

inline binary_op binary_from_code(char code) {
    switch (code) {
        case '+': return binary_op::add;
        case '-': return binary_op::subtract;
        case '*': return binary_op::multiply;
        case '/': return binary_op::divide;
        case '^': return binary_op::power;
        case '&': return binary_op::concat;
        case '=': return binary_op::equal;
        case '!': return binary_op::not_equal;
        case '<': return binary_op::less;
        case '{': return binary_op::less_equal;
        case '>': return binary_op::greater;
        default: return binary_op::greater_equal;
    }
}

// Pops two operands and pushes `lhs op rhs`, op the innermost pending operator.
inline void reduce_binary(expression_stack& st) {
    auto rhs = pop(st);
    auto lhs = pop(st);
    auto n = make_node(node_kind::binary, lhs->offset, rhs->offset + rhs->length - lhs->offset);
    n->bin = binary_from_code(st.pending_ops.back());
    st.pending_ops.pop_back();
    n->children.push_back(std::move(lhs));
    n->children.push_back(std::move(rhs));
    st.nodes.push_back(std::move(n));
    ++st.operators;
}

template <class Rule>
struct action : pegtl::nothing<Rule> {};

template <>
struct action<g::number> {
    template <class Input>
    static void apply(const Input& in, expression_stack& st) {
        auto n = make_node(node_kind::number, offset_of(st, in.begin()), static_cast<std::uint32_t>(in.size()));
        const auto [end, ec] = std::from_chars(in.begin(), in.end(), n->number);
        (void)end;
        if (ec == std::errc::result_out_of_range) {
            // 1e400 is beyond a double; 1e-400 underflows to zero, as Excel reads it.
            const auto e = in.string_view().find_first_of("eE");
            const bool tiny = e != std::string_view::npos && in.string_view()[e + 1] == '-';
            n->number = tiny ? 0.0 : std::numeric_limits<double>::infinity();
        }
        st.nodes.push_back(std::move(n));
    }
};

template <class D>
struct action<g::string_literal<D>> {
    template <class Input>
    static void apply(const Input& in, expression_stack& st) {
        auto n = make_node(node_kind::text, offset_of(st, in.begin()), static_cast<std::uint32_t>(in.size()));
        n->text = unquote(in.string_view());
        st.nodes.push_back(std::move(n));
    }
};

template <>
struct action<g::boolean> {
    template <class Input>
    static void apply(const Input& in, expression_stack& st) {
        auto n = make_node(node_kind::boolean, offset_of(st, in.begin()), static_cast<std::uint32_t>(in.size()));
        n->boolean = in.size() == 4;
        st.nodes.push_back(std::move(n));
    }
};

template <>
struct action<g::error_literal> {
    template <class Input>
    static void apply(const Input& in, expression_stack& st) {
        auto n = make_node(node_kind::error, offset_of(st, in.begin()), static_cast<std::uint32_t>(in.size()));
        for (char c : in.string_view()) n->text += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        st.nodes.push_back(std::move(n));
    }
};

template <>
struct action<g::reference> {
    template <class Input>
    static void apply(const Input& in, expression_stack& st) {
        auto n = make_node(node_kind::reference, offset_of(st, in.begin()), static_cast<std::uint32_t>(in.size()));
        std::string_view s = in.string_view();
        const std::size_t bang = s.rfind('!');
        if (bang != std::string_view::npos) {
            std::string_view sheet = s.substr(0, bang);
            n->has_sheet = true;
            if (!sheet.empty() && sheet.front() == '\'') {
                sheet = sheet.substr(1, sheet.size() - 2);
                for (std::size_t i = 0; i < sheet.size(); ++i) {
                    n->text += sheet[i];
                    if (sheet[i] == '\'') ++i;  // '' stands for one quote
                }
            } else {
                n->text = std::string(sheet);
            }
            s = s.substr(bang + 1);
        }
        const std::size_t colon = s.find(':');
        n->first = read_point(s.substr(0, colon));
        n->last = colon == std::string_view::npos ? n->first : read_point(s.substr(colon + 1));
        st.nodes.push_back(std::move(n));
    }
};

// A name node holds the name as written; the dialect decides what a name is.
template <class Input>
void push_name(const Input& in, expression_stack& st) {
    auto n = make_node(node_kind::name, offset_of(st, in.begin()), static_cast<std::uint32_t>(in.size()));
    n->text = in.string();
    st.nodes.push_back(std::move(n));
}

template <>
struct action<g::excel_name> {
    template <class Input>
    static void apply(const Input& in, expression_stack& st) { push_name(in, st); }
};

template <class D>
struct action<g::call_open<D>> {
    template <class Input>
    static void apply(const Input& in, expression_stack& st) {
        auto n = make_node(node_kind::call, offset_of(st, in.begin()), static_cast<std::uint32_t>(in.size()));
        for (char c : std::string_view(in.begin(), in.size() - 1))
            n->text += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        st.nodes.push_back(std::move(n));
        st.frames.push_back(st.nodes.size());
    }
};

template <class D>
struct action<g::omitted_argument<D>> {
    template <class Input>
    static void apply(const Input& in, expression_stack& st) {
        st.nodes.push_back(make_node(node_kind::omitted, offset_of(st, in.begin()), 0));
    }
};

template <class D>
struct action<g::where_clause<D>> {
    template <class Input>
    static void apply(const Input&, expression_stack& st) {
        auto condition = pop(st);
        auto value = pop(st);
        auto n = make_node(node_kind::where, value->offset, condition->offset + condition->length - value->offset);
        n->children.push_back(std::move(value));
        n->children.push_back(std::move(condition));
        st.nodes.push_back(std::move(n));
        ++st.operators;
    }
};

template <class D>
struct action<g::call<D>> {
    template <class Input>
    static void apply(const Input& in, expression_stack& st) {
        const std::size_t start = st.frames.back();
        st.frames.pop_back();
        formula_node& call = *st.nodes[start - 1];
        call.length = static_cast<std::uint32_t>(offset_of(st, in.end()) - call.offset);
        // f() has no arguments, not one omitted argument.
        const bool no_arguments = st.nodes.size() == start + 1 && st.nodes.back()->kind == node_kind::omitted;
        if (no_arguments) {
            st.nodes.pop_back();
        } else {
            for (std::size_t i = start; i < st.nodes.size(); ++i) call.children.push_back(std::move(st.nodes[i]));
            st.nodes.resize(start);
        }
    }
};

template <>
struct action<g::array_open> {
    template <class Input>
    static void apply(const Input& in, expression_stack& st) {
        st.nodes.push_back(make_node(node_kind::array, offset_of(st, in.begin()), 1));
        st.frames.push_back(st.nodes.size());
    }
};

template <>
struct action<g::array_number> {
    template <class Input>
    static void apply(const Input& in, expression_stack& st) {
        if (in.peek_char() == '-') st.nodes.back()->number = -st.nodes.back()->number;
        st.nodes.back()->offset = offset_of(st, in.begin());
        st.nodes.back()->length = static_cast<std::uint32_t>(in.size());
    }
};

template <>
struct action<g::array_row_break> {
    template <class Input>
    static void apply(const Input& in, expression_stack& st) {
        auto marker = make_node(node_kind::omitted, offset_of(st, in.begin()), 1);
        marker->boolean = true;  // a row break, removed when the array closes
        st.nodes.push_back(std::move(marker));
    }
};

template <class D>
struct action<g::array_literal<D>> {
    template <class Input>
    static void apply(const Input& in, expression_stack& st) {
        const std::size_t start = st.frames.back();
        st.frames.pop_back();
        formula_node& arr = *st.nodes[start - 1];
        arr.length = static_cast<std::uint32_t>(offset_of(st, in.end()) - arr.offset);
        std::uint32_t rows = 1, cols = 0, in_row = 0;
        for (std::size_t i = start; i < st.nodes.size(); ++i) {
            if (st.nodes[i]->kind == node_kind::omitted) {
                if (cols == 0) cols = in_row;
                if (in_row != cols) throw pegtl::parse_error(ragged_array_message, in);
                in_row = 0;
                ++rows;
                continue;
            }
            ++in_row;
            arr.children.push_back(std::move(st.nodes[i]));
        }
        if (cols == 0) cols = in_row;
        if (in_row != cols) throw pegtl::parse_error(ragged_array_message, in);
        arr.array_rows = rows;
        arr.array_cols = cols;
        st.nodes.resize(start);
    }
};

template <class D>
struct action<g::range_tail<D>> {
    template <class Input>
    static void apply(const Input&, expression_stack& st) {
        auto rhs = pop(st);
        auto lhs = pop(st);
        auto n = make_node(node_kind::binary, lhs->offset, rhs->offset + rhs->length - lhs->offset);
        n->bin = binary_op::range;
        n->children.push_back(std::move(lhs));
        n->children.push_back(std::move(rhs));
        st.nodes.push_back(std::move(n));
        ++st.operators;
    }
};

// Operator symbols are remembered; tails reduce.
template <class Rule>
struct remember_op_action {
    template <class Input>
    static void apply(const Input& in, expression_stack& st) { remember_op(in, st); }
};
template <> struct action<g::sign> : remember_op_action<g::sign> {};
template <> struct action<g::power_op> : remember_op_action<g::power_op> {};
template <> struct action<g::multiplicative_op> : remember_op_action<g::multiplicative_op> {};
template <> struct action<g::additive_op> : remember_op_action<g::additive_op> {};
template <> struct action<g::concat_op> : remember_op_action<g::concat_op> {};
template <> struct action<g::comparison_op> : remember_op_action<g::comparison_op> {};

struct reduce_action {
    template <class Input>
    static void apply(const Input&, expression_stack& st) { reduce_binary(st); }
};
template <class D> struct action<g::power_tail<D>> : reduce_action {};
template <class D> struct action<g::multiplicative_tail<D>> : reduce_action {};
template <class D> struct action<g::additive_tail<D>> : reduce_action {};
template <class D> struct action<g::concat_tail<D>> : reduce_action {};
template <class D> struct action<g::comparison_tail<D>> : reduce_action {};

template <class D>
struct action<g::signed_expr<D>> {
    template <class Input>
    static void apply(const Input& in, expression_stack& st) {
        auto operand = pop(st);
        auto n = make_node(node_kind::unary, offset_of(st, in.begin()), static_cast<std::uint32_t>(in.size()));
        n->un = st.pending_ops.back() == '-' ? unary_op::negate : unary_op::plus;
        st.pending_ops.pop_back();
        n->children.push_back(std::move(operand));
        st.nodes.push_back(std::move(n));
        ++st.operators;
    }
};

template <class D>
struct action<g::percent_sign<D>> {
    template <class Input>
    static void apply(const Input& in, expression_stack& st) {
        auto operand = pop(st);
        auto n = make_node(node_kind::percent, operand->offset, offset_of(st, in.end()) - operand->offset);
        n->children.push_back(std::move(operand));
        st.nodes.push_back(std::move(n));
        ++st.operators;
    }
};

// Error messages for the expression rules under must<>; null for other rules.
template <class Rule> inline constexpr const char* error_message = nullptr;
template <> inline constexpr const char* error_message<g::string_close> = "unterminated text: expected a closing '\"'";
template <class D> inline constexpr const char* error_message<g::array_constant<D>> = "expected a number, text, TRUE/FALSE or an error value in the array constant";
template <> inline constexpr const char* error_message<g::array_close> = "expected ',' ';' or '}' in the array constant";
template <> inline constexpr const char* error_message<g::call_close> = "expected ',' or ')' after the function argument";
template <class D> inline constexpr const char* error_message<g::expression<D>> = "expected a value, a reference, a function call or '('";
template <> inline constexpr const char* error_message<g::paren_close> = "expected ')' to close the parenthesis";
template <class D> inline constexpr const char* error_message<g::where_condition<D>> = "expected a condition after 'where'";
template <class D> inline constexpr const char* error_message<g::operand_after_range<D>> = "expected a reference after ':'";
template <class D> inline constexpr const char* error_message<g::operand_after_sign<D>> = "expected a value after the sign";
template <class D> inline constexpr const char* error_message<g::operand_after_power<D>> = "expected a value after '^'";
template <class D> inline constexpr const char* error_message<g::operand_after_multiplicative<D>> = "expected a value after the operator";
template <class D> inline constexpr const char* error_message<g::operand_after_additive<D>> = "expected a value after the operator";
template <class D> inline constexpr const char* error_message<g::operand_after_concat<D>> = "expected a value after '&'";
template <class D> inline constexpr const char* error_message<g::operand_after_comparison<D>> = "expected a value after the comparison";

}  // namespace folio::dsl::expression_actions

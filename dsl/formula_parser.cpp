// Builds the formula syntax tree from the PEGTL grammar in formula_grammar.hpp.
//
// Actions keep a stack of finished nodes. An operator's tail rule (for example
// `additive_tail`) succeeds only after its right operand is on the stack, so its
// action pops both operands and pushes the operator node. Calls and arrays mark the
// stack height where their children start.
#include "folio/dsl/formula_parser.hpp"

#include <cctype>
#include <charconv>
#include <limits>
#include <string>
#include <vector>

#include "formula_grammar.hpp"

namespace folio::dsl {
namespace {

namespace pegtl = tao::pegtl;
namespace g = grammar;

constexpr std::int64_t max_row_number = 1048576;

struct parse_state {
    std::string_view text;
    std::vector<formula_ptr> nodes;
    std::vector<std::size_t> frames;  // stack heights where a call's or array's children start
    std::vector<char> pending_ops;    // operator characters seen, innermost last
    int depth = 0;
};

std::uint32_t offset_of(const parse_state& st, const char* p) {
    return static_cast<std::uint32_t>(p - st.text.data());
}

formula_ptr make_node(node_kind kind, std::uint32_t offset, std::uint32_t length) {
    auto n = std::make_unique<formula_node>();
    n->kind = kind;
    n->offset = offset;
    n->length = length;
    return n;
}

formula_ptr pop(parse_state& st) {
    formula_ptr n = std::move(st.nodes.back());
    st.nodes.pop_back();
    return n;
}

// Reads "[$]letters[$]digits", "[$]letters" or "[$]digits" into a cell_point.
cell_point read_point(std::string_view s) {
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

template <class Rule>
struct action : pegtl::nothing<Rule> {};

template <>
struct action<g::number> {
    template <class Input>
    static void apply(const Input& in, parse_state& st) {
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

template <>
struct action<g::string_literal> {
    template <class Input>
    static void apply(const Input& in, parse_state& st) {
        auto n = make_node(node_kind::text, offset_of(st, in.begin()), static_cast<std::uint32_t>(in.size()));
        std::string_view body(in.begin() + 1, in.size() - 2);
        n->text.reserve(body.size());
        for (std::size_t i = 0; i < body.size(); ++i) {
            n->text += body[i];
            if (body[i] == '"') ++i;  // "" stands for one quote
        }
        st.nodes.push_back(std::move(n));
    }
};

template <>
struct action<g::boolean> {
    template <class Input>
    static void apply(const Input& in, parse_state& st) {
        auto n = make_node(node_kind::boolean, offset_of(st, in.begin()), static_cast<std::uint32_t>(in.size()));
        n->boolean = in.size() == 4;
        st.nodes.push_back(std::move(n));
    }
};

template <>
struct action<g::error_literal> {
    template <class Input>
    static void apply(const Input& in, parse_state& st) {
        auto n = make_node(node_kind::error, offset_of(st, in.begin()), static_cast<std::uint32_t>(in.size()));
        for (char c : in.string_view()) n->text += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        st.nodes.push_back(std::move(n));
    }
};

template <>
struct action<g::reference> {
    template <class Input>
    static void apply(const Input& in, parse_state& st) {
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

template <>
struct action<g::name> {
    template <class Input>
    static void apply(const Input& in, parse_state& st) {
        auto n = make_node(node_kind::name, offset_of(st, in.begin()), static_cast<std::uint32_t>(in.size()));
        n->text = in.string();
        st.nodes.push_back(std::move(n));
    }
};

template <>
struct action<g::call_open> {
    template <class Input>
    static void apply(const Input& in, parse_state& st) {
        auto n = make_node(node_kind::call, offset_of(st, in.begin()), static_cast<std::uint32_t>(in.size()));
        for (char c : std::string_view(in.begin(), in.size() - 1))
            n->text += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        st.nodes.push_back(std::move(n));
        st.frames.push_back(st.nodes.size());
    }
};

template <>
struct action<g::omitted_argument> {
    template <class Input>
    static void apply(const Input& in, parse_state& st) {
        st.nodes.push_back(make_node(node_kind::omitted, offset_of(st, in.begin()), 0));
    }
};

template <>
struct action<g::call> {
    template <class Input>
    static void apply(const Input& in, parse_state& st) {
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
    static void apply(const Input& in, parse_state& st) {
        st.nodes.push_back(make_node(node_kind::array, offset_of(st, in.begin()), 1));
        st.frames.push_back(st.nodes.size());
    }
};

template <>
struct action<g::array_number> {
    template <class Input>
    static void apply(const Input& in, parse_state& st) {
        if (in.peek_char() == '-') st.nodes.back()->number = -st.nodes.back()->number;
        st.nodes.back()->offset = offset_of(st, in.begin());
        st.nodes.back()->length = static_cast<std::uint32_t>(in.size());
    }
};

template <>
struct action<g::array_row_break> {
    template <class Input>
    static void apply(const Input& in, parse_state& st) {
        auto marker = make_node(node_kind::omitted, offset_of(st, in.begin()), 1);
        marker->boolean = true;  // a row break, removed when the array closes
        st.nodes.push_back(std::move(marker));
    }
};

// Thrown (as a PEGTL parse_error) by the array action when rows differ in length.
struct ragged_array {};

template <>
struct action<g::array_literal> {
    template <class Input>
    static void apply(const Input& in, parse_state& st) {
        const std::size_t start = st.frames.back();
        st.frames.pop_back();
        formula_node& arr = *st.nodes[start - 1];
        arr.length = static_cast<std::uint32_t>(offset_of(st, in.end()) - arr.offset);
        std::uint32_t rows = 1, cols = 0, in_row = 0;
        for (std::size_t i = start; i < st.nodes.size(); ++i) {
            if (st.nodes[i]->kind == node_kind::omitted) {
                if (cols == 0) cols = in_row;
                if (in_row != cols)
                    throw pegtl::parse_error("every row of an array constant needs the same number of values", in);
                in_row = 0;
                ++rows;
                continue;
            }
            ++in_row;
            arr.children.push_back(std::move(st.nodes[i]));
        }
        if (cols == 0) cols = in_row;
        if (in_row != cols)
            throw pegtl::parse_error("every row of an array constant needs the same number of values", in);
        arr.array_rows = rows;
        arr.array_cols = cols;
        st.nodes.resize(start);
    }
};

template <>
struct action<g::range_tail> {
    template <class Input>
    static void apply(const Input&, parse_state& st) {
        auto rhs = pop(st);
        auto lhs = pop(st);
        auto n = make_node(node_kind::binary, lhs->offset, rhs->offset + rhs->length - lhs->offset);
        n->bin = binary_op::range;
        n->children.push_back(std::move(lhs));
        n->children.push_back(std::move(rhs));
        st.nodes.push_back(std::move(n));
    }
};

// Operator characters are remembered until their tail rule completes.
template <class Input>
void remember_op(const Input& in, parse_state& st) {
    std::string_view op = in.string_view();
    char code = op[0];
    if (op == "<>") code = '!';
    else if (op == "<=") code = '{';
    else if (op == ">=") code = '}';
    st.pending_ops.push_back(code);
}

template <> struct action<g::sign> { template <class I> static void apply(const I& in, parse_state& st) { remember_op(in, st); } };
template <> struct action<g::power_op> { template <class I> static void apply(const I& in, parse_state& st) { remember_op(in, st); } };
template <> struct action<g::multiplicative_op> { template <class I> static void apply(const I& in, parse_state& st) { remember_op(in, st); } };
template <> struct action<g::additive_op> { template <class I> static void apply(const I& in, parse_state& st) { remember_op(in, st); } };
template <> struct action<g::concat_op> { template <class I> static void apply(const I& in, parse_state& st) { remember_op(in, st); } };
template <> struct action<g::comparison_op> { template <class I> static void apply(const I& in, parse_state& st) { remember_op(in, st); } };

binary_op binary_from_code(char code) {
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

void reduce_binary(parse_state& st) {
    auto rhs = pop(st);
    auto lhs = pop(st);
    auto n = make_node(node_kind::binary, lhs->offset, rhs->offset + rhs->length - lhs->offset);
    n->bin = binary_from_code(st.pending_ops.back());
    st.pending_ops.pop_back();
    n->children.push_back(std::move(lhs));
    n->children.push_back(std::move(rhs));
    st.nodes.push_back(std::move(n));
}

template <> struct action<g::power_tail> { template <class I> static void apply(const I&, parse_state& st) { reduce_binary(st); } };
template <> struct action<g::multiplicative_tail> { template <class I> static void apply(const I&, parse_state& st) { reduce_binary(st); } };
template <> struct action<g::additive_tail> { template <class I> static void apply(const I&, parse_state& st) { reduce_binary(st); } };
template <> struct action<g::concat_tail> { template <class I> static void apply(const I&, parse_state& st) { reduce_binary(st); } };
template <> struct action<g::comparison_tail> { template <class I> static void apply(const I&, parse_state& st) { reduce_binary(st); } };

template <>
struct action<g::signed_expr> {
    template <class Input>
    static void apply(const Input& in, parse_state& st) {
        auto operand = pop(st);
        auto n = make_node(node_kind::unary, offset_of(st, in.begin()), static_cast<std::uint32_t>(in.size()));
        n->un = st.pending_ops.back() == '-' ? unary_op::negate : unary_op::plus;
        st.pending_ops.pop_back();
        n->children.push_back(std::move(operand));
        st.nodes.push_back(std::move(n));
    }
};

template <>
struct action<g::percent_sign> {
    template <class Input>
    static void apply(const Input& in, parse_state& st) {
        auto operand = pop(st);
        auto n = make_node(node_kind::percent, operand->offset, offset_of(st, in.end()) - operand->offset);
        n->children.push_back(std::move(operand));
        st.nodes.push_back(std::move(n));
    }
};

// Error messages for the rules under must<>.
template <class Rule> inline constexpr const char* error_message = "syntax error";
template <> inline constexpr const char* error_message<g::formula_body> = "expected a value, a reference, a function call or '('";
template <> inline constexpr const char* error_message<g::formula_end> = "unexpected text after the end of the formula";
template <> inline constexpr const char* error_message<g::string_close> = "unterminated text: expected a closing '\"'";
template <> inline constexpr const char* error_message<g::array_constant> = "expected a number, text, TRUE/FALSE or an error value in the array constant";
template <> inline constexpr const char* error_message<g::array_close> = "expected ',' ';' or '}' in the array constant";
template <> inline constexpr const char* error_message<g::call_close> = "expected ',' or ')' after the function argument";
template <> inline constexpr const char* error_message<g::expression> = "expected a value, a reference, a function call or '('";
template <> inline constexpr const char* error_message<g::paren_close> = "expected ')' to close the parenthesis";
template <> inline constexpr const char* error_message<g::operand_after_range> = "expected a reference after ':'";
template <> inline constexpr const char* error_message<g::operand_after_sign> = "expected a value after the sign";
template <> inline constexpr const char* error_message<g::operand_after_power> = "expected a value after '^'";
template <> inline constexpr const char* error_message<g::operand_after_multiplicative> = "expected a value after the operator";
template <> inline constexpr const char* error_message<g::operand_after_additive> = "expected a value after the operator";
template <> inline constexpr const char* error_message<g::operand_after_concat> = "expected a value after '&'";
template <> inline constexpr const char* error_message<g::operand_after_comparison> = "expected a value after the comparison";

// Raises errors with the messages above, and bounds nesting so that no input can
// exhaust the stack (tens of thousands of '(' end in a diagnostic).
template <class Rule>
struct raising : pegtl::normal<Rule> {
    template <class Input, class... States>
    [[noreturn]] static void raise(const Input& in, States&&...) {
        throw pegtl::parse_error(error_message<Rule>, in);
    }
};

template <class Rule>
struct control : raising<Rule> {};

template <class Rule>
struct depth_guard : raising<Rule> {
    template <class Input>
    static void start(const Input& in, parse_state& st) {
        if (++st.depth > max_nesting_depth) {
            throw pegtl::parse_error("the formula is nested too deeply (more than " +
                                         std::to_string(max_nesting_depth) + " levels)",
                                     in);
        }
    }
    template <class Input>
    static void success(const Input&, parse_state& st) { --st.depth; }
    template <class Input>
    static void failure(const Input&, parse_state& st) { --st.depth; }
};

template <> struct control<g::expression> : depth_guard<g::expression> {};
template <> struct control<g::signed_expr> : depth_guard<g::signed_expr> {};

std::uint32_t column_of(std::string_view text, std::size_t offset) {
    std::uint32_t column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
    return column;
}

formula_syntax_error make_error(std::string_view text, std::size_t offset, std::string message) {
    formula_syntax_error e;
    e.offset = static_cast<std::uint32_t>(offset);
    e.column = column_of(text, offset);
    e.message = std::move(message);
    return e;
}

}  // namespace

formula_parse_result parse_formula(std::string_view text) {
    formula_parse_result result;
    if (text.size() > max_formula_length) {
        result.error = make_error(text, max_formula_length,
                                  "the formula is longer than " + std::to_string(max_formula_length) + " characters");
        return result;
    }
    parse_state st;
    st.text = text;
    pegtl::memory_input<pegtl::tracking_mode::lazy> in(text.data(), text.size(), "formula");
    try {
        pegtl::parse<g::formula, action, control>(in, st);
    } catch (const pegtl::parse_error& e) {
        const auto& pos = e.positions().front();
        std::string message(e.message());
        if (message == error_message<g::formula_end> && pos.byte < text.size()) {
            message = "unexpected '" + std::string(1, text[pos.byte]) + "'";
            if (text[pos.byte] == ')') message += ": no '(' to match it";
        }
        result.error = make_error(text, pos.byte, std::move(message));
        return result;
    }
    result.root = std::move(st.nodes.back());
    return result;
}

}  // namespace folio::dsl

// Parses Excel formulas with the expression grammar of formula_grammar.hpp in its
// Excel dialect; the node-building actions are shared with the report parser
// (expression_actions.hpp).
#include "folio/dsl/formula_parser.hpp"

#include <string>

#include "expression_actions.hpp"
#include "formula_grammar.hpp"

namespace folio::dsl {
namespace {

namespace pegtl = tao::pegtl;
namespace g = grammar;
namespace ea = expression_actions;

using parse_state = ea::expression_stack;
using ea::action;

// Error messages for the rules under must<>: the formula's own, then the shared ones.
template <class Rule> inline constexpr const char* error_message =
    ea::error_message<Rule> != nullptr ? ea::error_message<Rule> : "syntax error";
template <> inline constexpr const char* error_message<g::formula_body> = "expected a value, a reference, a function call or '('";
template <> inline constexpr const char* error_message<g::formula_end> = "unexpected text after the end of the formula";

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

template <class D> struct control<g::expression<D>> : depth_guard<g::expression<D>> {};
template <class D> struct control<g::signed_expr<D>> : depth_guard<g::signed_expr<D>> {};

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

// Printing bound expressions (see expr_text.hpp).
#include "expr_text.hpp"

#include <charconv>

#include "folio/engine/function.hpp"

namespace folio::eval {
namespace {

using report::expr;
using report::expr_kind;

// Excel's operator precedence, higher binds tighter.
int precedence(dsl::binary_op op) {
    switch (op) {
        case dsl::binary_op::power: return 5;
        case dsl::binary_op::multiply:
        case dsl::binary_op::divide: return 4;
        case dsl::binary_op::add:
        case dsl::binary_op::subtract: return 3;
        case dsl::binary_op::concat: return 2;
        default: return 1;
    }
}

class printer {
public:
    printer(const report::checked_program& program, bool key) : program_(program), key_(key) {}

    std::string print(const expr& e) {
        switch (e.kind) {
            case expr_kind::none: return "";
            case expr_kind::number: return number_text(e.number);
            case expr_kind::text: return dsl::quote_text(e.text);
            case expr_kind::boolean: return e.boolean ? "TRUE" : "FALSE";
            case expr_kind::error: return e.text;
            case expr_kind::array: return array(e);
            case expr_kind::param: return key_ ? "param:" + program_.params[e.index].qualified_name
                                               : program_.params[e.index].qualified_name;
            case expr_kind::column: return source_name(e.source) + "." + e.text;
            case expr_kind::filter:
                if (key_) return print(program_.filters[e.index].condition);
                return program_.filters[e.index].qualified_name;
            case expr_kind::metric: return program_.metrics[e.index].qualified_name;
            case expr_kind::def_call: return def_call(e);
            case expr_kind::function: return call(e.text, e.children, 0);
            case expr_kind::unary:
                return std::string(e.un == dsl::unary_op::negate ? "-" : "+") + operand(e.children[0], 6);
            case expr_kind::percent: return operand(e.children[0], 6) + "%";
            case expr_kind::binary: {
                const int p = precedence(e.bin);
                // Left-associative: a right operand of the same precedence needs parentheses.
                return operand(e.children[0], p) + (key_ ? "" : " ") + std::string(dsl::operator_text(e.bin)) + (key_ ? "" : " ") +
                       operand(e.children[1], p + 1);
            }
            case expr_kind::aggregate: return aggregate(e);
            case expr_kind::shift: return std::string(report::shift_name(e.shift)) + "(" + print(e.children[0]) + ")";
        }
        return "";
    }

private:
    const report::checked_program& program_;
    bool key_;

    std::string source_name(std::size_t source) const {
        return source < program_.sources.size() ? program_.sources[source].qualified_name : "?";
    }

    std::string operand(const expr& e, int min_precedence) {
        std::string text = print(e);
        const bool low = e.kind == expr_kind::binary && precedence(e.bin) < min_precedence;
        return key_ || low ? "(" + text + ")" : text;
    }

    std::string call(const std::string& name, const std::vector<expr>& args, std::size_t first) {
        std::string out = name + "(";
        for (std::size_t i = first; i < args.size(); ++i) {
            if (i > first) out += key_ ? "," : ", ";
            out += print(args[i]);
        }
        return out + ")";
    }

    std::string def_call(const expr& e) {
        if (key_ || e.children.empty()) return e.children.empty() ? "" : print(e.children[0]);
        return call(program_.defs[e.index].qualified_name, e.children, 1);
    }

    std::string array(const expr& e) {
        std::string out = "{";
        for (std::size_t i = 0; i < e.children.size(); ++i) {
            if (i > 0) out += e.array_cols != 0 && i % e.array_cols == 0 ? ";" : ",";
            out += print(e.children[i]);
        }
        return out + "}";
    }

    std::string aggregate(const expr& e) {
        std::string out = std::string(report::aggregate_name(e.aggregate)) + "(";
        const bool has_argument = !e.children.empty() && e.children[0].kind != expr_kind::none;
        out += has_argument ? print(e.children[0]) : source_name(e.source);
        if (e.children.size() > 1 && e.children[1].kind != expr_kind::none) out += " where " + print(e.children[1]);
        if (e.children.size() > 2 && e.children[2].kind != expr_kind::none) out += ", " + print(e.children[2]);
        return out + ")";
    }
};

}  // namespace

std::string number_text(double n) {
    if (n == 0) return "0";
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, n);
    return std::string(buf, r.ptr);
}

std::string readable_text(const report::checked_program& program, const report::expr& e) {
    return printer(program, false).print(e);
}

std::string expr_key(const report::checked_program& program, const report::expr& e) {
    return printer(program, true).print(e);
}

}  // namespace folio::eval

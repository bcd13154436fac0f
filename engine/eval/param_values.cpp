// Param values (see param_values.hpp).
#include "param_values.hpp"

#include <charconv>
#include <optional>

#include "../operators.hpp"
#include "folio/engine/coerce.hpp"
#include "folio/engine/serial_date.hpp"
#include "function_calls.hpp"

namespace folio::eval {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

std::optional<double> strict_number(std::string_view s) {
    if (!s.empty() && s.front() == '+') s.remove_prefix(1);
    double x = 0;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), x);
    if (s.empty() || r.ec != std::errc() || r.ptr != s.data() + s.size()) return std::nullopt;
    return x;
}

std::optional<double> iso_date(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    int y = 0, m = 0, d = 0;
    if (std::from_chars(s.data(), s.data() + 4, y).ptr != s.data() + 4) return std::nullopt;
    if (std::from_chars(s.data() + 5, s.data() + 7, m).ptr != s.data() + 7) return std::nullopt;
    if (std::from_chars(s.data() + 8, s.data() + 10, d).ptr != s.data() + 10) return std::nullopt;
    if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return std::nullopt;
    return serial_from_date(y, m, d);
}

std::string type_phrase(report::value_type type) {
    switch (type) {
        case report::value_type::number: return "a number";
        case report::value_type::date: return "a date (YYYY-MM-DD)";
        case report::value_type::boolean: return "TRUE or FALSE";
        default: return "text";
    }
}

}  // namespace

value evaluate_constant(const report::expr& e, const std::vector<value>& params, call_context& ctx) {
    using report::expr_kind;
    switch (e.kind) {
        case expr_kind::none: return value();
        case expr_kind::number: return e.number;
        case expr_kind::text: return e.text;
        case expr_kind::boolean: return e.boolean;
        case expr_kind::error: return error_from_text(e.text).value_or(error_code::value);
        case expr_kind::param: return e.index < params.size() ? params[e.index] : value(error_code::name);
        case expr_kind::def_call: return e.children.empty() ? value(error_code::value) : evaluate_constant(e.children[0], params, ctx);
        case expr_kind::array: {
            std::vector<value> cells;
            for (const report::expr& c : e.children) cells.push_back(evaluate_constant(c, params, ctx));
            return make_array(static_cast<std::int32_t>(e.array_rows), static_cast<std::int32_t>(e.array_cols),
                              std::move(cells));
        }
        case expr_kind::unary: return apply_unary(e.un, evaluate_constant(e.children[0], params, ctx));
        case expr_kind::percent: return apply_percent(evaluate_constant(e.children[0], params, ctx));
        case expr_kind::binary:
            return apply_binary(e.bin, evaluate_constant(e.children[0], params, ctx),
                                evaluate_constant(e.children[1], params, ctx));
        case expr_kind::function: {
            if (e.function == nullptr) return error_code::name;
            std::uint64_t omitted = 0;
            for (std::size_t i = 0; i < e.children.size() && i < 64; ++i)
                if (e.children[i].kind == expr_kind::none) omitted |= std::uint64_t{1} << i;
            const argument_source argument = [&](std::size_t i) { return evaluate_constant(e.children[i], params, ctx); };
            value v = call_function(*e.function, e.children.size(), omitted, argument, ctx);
            if (v.is_array() && v.array_value().rows() > 0 && v.array_value().cols() > 0) return v.array_value().at(0, 0);
            return v;
        }
        default: return error_code::value;  // not constant
    }
}

std::optional<value> parse_param_value(std::string_view text, report::value_type type) {
    const std::string_view t = trim(text);
    switch (type) {
        case report::value_type::number:
            if (auto n = strict_number(t)) return value(*n);
            return std::nullopt;
        case report::value_type::date:
            if (auto d = iso_date(t)) return value(*d);
            return std::nullopt;
        case report::value_type::boolean:
            if (text_equals_ci(t, "TRUE")) return value(true);
            if (text_equals_ci(t, "FALSE")) return value(false);
            return std::nullopt;
        default: return value(std::string(text));
    }
}

bool compute_params(const report::checked_program& program,
                    const std::vector<std::pair<std::string, std::string>>& overrides, call_context& ctx,
                    std::vector<value>& out, dsl::diagnostic_list& diagnostics) {
    bool ok = true;
    out.assign(program.params.size(), value());
    std::vector<const std::string*> given(program.params.size(), nullptr);
    std::vector<std::string> names;
    for (const report::param& p : program.params) names.push_back(p.qualified_name);
    for (const auto& [name, text] : overrides) {
        const auto found = std::find(names.begin(), names.end(), name);
        if (found == names.end()) {
            dsl::diagnostic& d = diagnostics.error(nullptr, {}, "--param " + name + "=" + text + ": unknown param '" + name + "'");
            if (auto best = dsl::closest_match(name, names)) d.notes.push_back({"did you mean '" + *best + "'?", nullptr, {}});
            else if (names.empty()) d.notes.push_back({"the report declares no params", nullptr, {}});
            ok = false;
            continue;
        }
        given[static_cast<std::size_t>(found - names.begin())] = &text;
    }
    // Params in order: a default may use the params declared before it.
    for (std::size_t i = 0; i < program.params.size(); ++i) {
        const report::param& p = program.params[i];
        if (given[i] != nullptr) {
            if (auto v = parse_param_value(*given[i], p.type)) {
                out[i] = *v;
                continue;
            }
            diagnostics.error(p.loc.file, p.loc.span,
                              "--param " + p.qualified_name + "=" + *given[i] + ": param '" + p.qualified_name +
                                  "' expects " + type_phrase(p.type) + ", found '" + *given[i] + "'");
            ok = false;
            continue;
        }
        if (!p.has_default) {
            diagnostics.error(p.loc.file, p.loc.span,
                              "param '" + p.qualified_name + "' has no default: give it a value with --param " +
                                  p.qualified_name + "=...");
            ok = false;
            continue;
        }
        out[i] = evaluate_constant(p.default_value, out, ctx);
    }
    return ok;
}

}  // namespace folio::eval

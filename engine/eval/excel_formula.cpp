// Metric formulas as Excel formulas (see excel_formula.hpp).
#include "folio/engine/eval/excel_formula.hpp"

#include "expr_text.hpp"
#include "folio/engine/coerce.hpp"

namespace folio::eval {
namespace {

std::string literal(const value& v) {
    switch (v.type()) {
        case value::kind::number: return number_text(v.number());
        case value::kind::boolean: return v.boolean() ? "TRUE" : "FALSE";
        case value::kind::text: return dsl::quote_text(v.text());
        case value::kind::error: return std::string(error_text(v.error()));
        default: return "\"\"";
    }
}

class writer {
public:
    writer(const report::checked_program& program, const program_result& result, const shifted_base_cell& cell, bool xlsx)
        : program_(program), result_(result), cell_(cell), xlsx_(xlsx) {}

    std::string write(const report::expr& e, period_offset back) {
        using report::expr_kind;
        switch (e.kind) {
            case expr_kind::none: return "";
            case expr_kind::number: return number_text(e.number);
            case expr_kind::text: return dsl::quote_text(e.text);
            case expr_kind::boolean: return e.boolean ? "TRUE" : "FALSE";
            case expr_kind::error: return e.text;
            case expr_kind::array: {
                std::string out = "{";
                for (std::size_t i = 0; i < e.children.size(); ++i) {
                    if (i > 0) out += e.array_cols != 0 && i % e.array_cols == 0 ? ";" : ",";
                    out += write(e.children[i], back);
                }
                return out + "}";
            }
            case expr_kind::param:
                return e.index < result_.params.size() ? literal(result_.params[e.index]) : "#NAME?";
            case expr_kind::metric: return "(" + write(program_.metrics[e.index].formula, back) + ")";
            case expr_kind::def_call: return e.children.empty() ? "#VALUE!" : write(e.children[0], back);
            case expr_kind::function: {
                std::string name = e.text;
                if (e.function != nullptr) {
                    name = e.function->name;
                    if (xlsx_ && (e.function->def.flags & fn_future)) name = "_xlfn." + name;
                }
                std::string out = name + "(";
                for (std::size_t i = 0; i < e.children.size(); ++i) {
                    if (i > 0) out += ",";
                    out += write(e.children[i], back);
                }
                return out + ")";
            }
            case expr_kind::unary:
                return std::string(e.un == dsl::unary_op::negate ? "-" : "+") + operand(e.children[0], back);
            case expr_kind::percent: return operand(e.children[0], back) + "%";
            case expr_kind::binary:
                return operand(e.children[0], back) + std::string(dsl::operator_text(e.bin)) + operand(e.children[1], back);
            case expr_kind::aggregate: return aggregate(e, back);
            case expr_kind::shift: {
                const bool yearly = report::is_year_over_year(e.shift);
                period_offset earlier = back;
                if (yearly) ++earlier.years_back;
                else ++earlier.periods_back;
                const std::string now = "(" + write(e.children[0], back) + ")";
                const std::string before = "(" + write(e.children[0], earlier) + ")";
                switch (e.shift) {
                    case report::shift_kind::previous:
                    case report::shift_kind::previous_year: return before;
                    case report::shift_kind::change:
                    case report::shift_kind::yoy_change: return now + "-" + before;
                    default: return "(" + now + "-" + before + ")/ABS" + before;  // pct_change, yoy_pct_change
                }
            }
            default: return "#VALUE!";
        }
    }

private:
    const report::checked_program& program_;
    const program_result& result_;
    const shifted_base_cell& cell_;
    bool xlsx_;

    // An operand of an operator: binary expressions in parentheses.
    std::string operand(const report::expr& e, period_offset back) {
        std::string text = write(e, back);
        return e.kind == report::expr_kind::binary ? "(" + text + ")" : text;
    }

    std::string aggregate(const report::expr& e, period_offset back) {
        auto found = result_.formulas.find(&e);
        if (found == result_.formulas.end()) return "#N/A";
        const aggregate_formula& f = found->second;
        const std::string first = cell_(f.bases[0], back);
        switch (f.kind) {
            case report::aggregate_kind::avg:
            case report::aggregate_kind::share: return "(" + first + "/" + cell_(f.bases[1], back) + ")";
            case report::aggregate_kind::pct: return "100*(" + first + "/" + cell_(f.bases[1], back) + ")";
            default: return first;
        }
    }
};

}  // namespace

std::string excel_formula(const report::checked_program& program, const program_result& result,
                          const report::expr& e, const shifted_base_cell& cell, bool xlsx_names) {
    return writer(program, result, cell, xlsx_names).write(e, period_offset{});
}

std::string excel_formula(const report::checked_program& program, const program_result& result,
                          const report::expr& e, const base_cell& cell, bool xlsx_names) {
    const shifted_base_cell by_periods = [&cell](std::size_t base, period_offset offset) {
        return offset.years_back != 0 ? std::string("NA()") : cell(base, offset.periods_back);
    };
    return excel_formula(program, result, e, by_periods, xlsx_names);
}

}  // namespace folio::eval

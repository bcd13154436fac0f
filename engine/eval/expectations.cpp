// Expectations (see expectations.hpp).
#include "expectations.hpp"

#include "expr_text.hpp"
#include "folio/engine/coerce.hpp"

namespace folio::eval {
namespace {

bool is_comparison(const report::expr& e) {
    if (e.kind != report::expr_kind::binary) return false;
    switch (e.bin) {
        case dsl::binary_op::equal:
        case dsl::binary_op::not_equal:
        case dsl::binary_op::less:
        case dsl::binary_op::less_equal:
        case dsl::binary_op::greater:
        case dsl::binary_op::greater_equal: return true;
        default: return false;
    }
}

std::string shown(const value& v) {
    if (v.is_number()) return number_text(v.number());
    return describe(v);
}

}  // namespace

void plan_expectations(const report::checked_program& program, evaluation_plan& plan) {
    const std::size_t total = plan.grouping({});
    for (const report::expectation& e : program.expects) {
        const split_request who{"expectation", e.loc};
        plan.require(e.subject, total, who);
        if (e.between) {
            plan.require(e.low, total, who);
            plan.require(e.high, total, who);
        }
    }
}

std::vector<expect_result> check_expectations(const report::checked_program& program, evaluation_plan& plan,
                                              metric_evaluator& metrics, dsl::diagnostic_list& diagnostics) {
    std::vector<expect_result> out;
    const context total{plan.grouping({}), {}};
    metrics.set_period(npos);
    for (const report::expectation& e : program.expects) {
        expect_result r;
        r.loc = e.loc;
        r.text = readable_text(program, e.subject);
        r.v = metrics.evaluate(e.subject, total);
        std::string why;
        if (e.between) {
            r.text += " between " + readable_text(program, e.low) + " and " + readable_text(program, e.high);
            const value low = metrics.evaluate(e.low, total);
            const value high = metrics.evaluate(e.high, total);
            if (r.v.is_error() || low.is_error() || high.is_error() || r.v.is_blank()) {
                r.passed = false;
            } else {
                r.passed = compare_values(low, r.v) <= 0 && compare_values(r.v, high) <= 0;
            }
            why = readable_text(program, e.subject) + " is " + shown(r.v);
            if (low.is_error()) why = readable_text(program, e.low) + " is " + shown(low);
            if (high.is_error()) why = readable_text(program, e.high) + " is " + shown(high);
        } else {
            const auto truth = r.v.is_error() ? or_error<bool>(r.v.error()) : to_boolean(r.v);
            r.passed = truth.ok() && *truth;
            if (is_comparison(e.subject)) {
                const value left = metrics.evaluate(e.subject.children[0], total);
                why = readable_text(program, e.subject.children[0]) + " is " + shown(left);
                const report::expr& right_expr = e.subject.children[1];
                if (right_expr.kind != report::expr_kind::number && right_expr.kind != report::expr_kind::text)
                    why += " and " + readable_text(program, right_expr) + " is " + shown(metrics.evaluate(right_expr, total));
            } else {
                why = "it is " + shown(r.v);
            }
        }
        if (!r.passed) {
            r.message = "expectation failed: " + r.text + ": " + why;
            diagnostics.error(e.loc.file, e.loc.span, r.message);
        }
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace folio::eval

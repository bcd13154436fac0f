// Default number formats of metrics (see metric_format.hpp).
#include "metric_format.hpp"

namespace folio::templates {

std::string metric_format_code(const report::checked_program& program, const eval::metric_info& metric,
                               const theme& t) {
    if (!metric.format.empty()) return metric.format;
    if (metric.type == report::value_type::date) return "yyyy-mm-dd";
    // What the metric is: follow metrics defined as another metric to the expression.
    const report::expr* e = metric.formula;
    for (int depth = 0; e != nullptr && e->kind == report::expr_kind::metric && e->index < program.metrics.size() && depth < 16;
         ++depth)
        e = &program.metrics[e->index].formula;
    if (e != nullptr && e->kind == report::expr_kind::aggregate) {
        switch (e->aggregate) {
            case report::aggregate_kind::share: return t.percent_format;  // a fraction
            case report::aggregate_kind::count:
            case report::aggregate_kind::distinct: return "#,##0";        // whole numbers
            default: break;
        }
    }
    return t.number_format;
}

}  // namespace folio::templates

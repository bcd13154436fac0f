// Names of the result's enumerations (see report_result.hpp).
#include "folio/engine/eval/report_result.hpp"

namespace folio::eval {

std::string_view base_op_name(base_op op) {
    switch (op) {
        case base_op::rows: return "rows";
        case base_op::values: return "values";
        case base_op::numbers: return "numbers";
        case base_op::sum: return "sum";
        case base_op::min: return "min";
        case base_op::max: return "max";
        case base_op::median: return "median";
        case base_op::percentile: return "percentile";
        case base_op::stdev: return "stdev";
        case base_op::distinct: return "distinct";
    }
    return "";
}

}  // namespace folio::eval

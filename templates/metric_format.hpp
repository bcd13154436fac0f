// The number format a metric is shown in, for every renderer, so the workbook and the
// page round the same way: the metric's own `format:`, else a default by what the
// metric is.
#pragma once

#include <string>

#include "folio/engine/eval/report_result.hpp"
#include "folio/templates/theme.hpp"

namespace folio::templates {

/// Returns `metric`'s Excel format code (without its unit): its `format:`; else yyyy-mm-dd for a
/// date, the theme's percent format for a share(...), #,##0 for a count(...) or distinct(...), and
/// the theme's number format for anything else.
std::string metric_format_code(const report::checked_program& program, const eval::metric_info& metric,
                               const theme& t);

}  // namespace folio::templates

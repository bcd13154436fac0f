// The JSON output of a report (`folio render --format json`): the numbers of its KPI
// tiles, tables and charts, full precision, errors as {"error": "#DIV/0!"}. The schema
// is documented in docs/json.md.
#pragma once

#include <filesystem>
#include <string>

#include "folio/engine/eval/report_result.hpp"

namespace folio::eval {

/// Returns the JSON document of one evaluated report, ending in a line break.
std::string report_json(const report_result& result);

/// Writes report_json(result) to `path` through a temporary file in the same folder and a rename,
/// so readers never see half a file; throws std::runtime_error naming the file on failure.
void write_report_json(const report_result& result, const std::filesystem::path& path);

}  // namespace folio::eval

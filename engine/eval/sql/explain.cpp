// The --explain text of an evaluation (see folio/engine/eval/explain.hpp).
#include "folio/engine/eval/explain.hpp"

namespace folio::eval {

std::string explain_sources(const program_result& result) {
    std::string out;
    for (const source_summary& s : result.sources) {
        if (!out.empty()) out += "\n";
        out += s.sql.empty() ? "-- source " + s.name + ": rows are read" : s.sql;
        out += "\n";
    }
    return out;
}

}  // namespace folio::eval

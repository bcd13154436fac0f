// `folio render --explain`: what each source read sent to its database.
#pragma once

#include <string>

#include "folio/engine/eval/evaluate.hpp"

namespace folio::eval {

/// Returns, per source read, the SQL sent to its database with the parameters as comments (aggregate pushdown), or
/// why its rows were read instead; one block per source, separated by blank lines.
std::string explain_sources(const program_result& result);

}  // namespace folio::eval

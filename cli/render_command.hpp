// `folio render`: evaluates reports and writes their outputs; see docs/evaluation.md and docs/json.md.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace folio::cli {

// Runs `folio render` with the arguments after "render". Returns the exit status.
int render_command(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace folio::cli

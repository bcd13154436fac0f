// `folio eval`: evaluates formulas, one given on the command line or a batch.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace folio::cli {

// Runs `folio eval` with the arguments after "eval". Returns the exit status.
int eval_command(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace folio::cli

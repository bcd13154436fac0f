// `folio check`: see docs/cli.md.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace folio::cli {

// Runs `folio check` with the arguments after "check". Returns the exit status.
int check_command(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace folio::cli

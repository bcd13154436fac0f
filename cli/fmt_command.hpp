// `folio fmt`: see docs/cli.md.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace folio::cli {

// Runs `folio fmt` with the arguments after "fmt". Returns the exit status.
int fmt_command(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace folio::cli

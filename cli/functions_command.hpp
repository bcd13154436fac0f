// `folio functions`: the built-in functions, generated from the registry rows.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace folio::cli {

// Prints the function list: one line per function (name, description, example), or
// the Markdown reference of docs/functions.md with --markdown.
int functions_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// The Markdown reference of every built-in function (docs/functions.md).
std::string functions_markdown();

}  // namespace folio::cli

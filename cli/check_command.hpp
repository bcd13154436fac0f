// `folio check`: see docs/cli.md. Also the pieces `folio fmt` shares with it: the
// --diagnostics option, where the standard library is, printing diagnostics.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

#include "folio/dsl/diagnostic.hpp"

namespace folio::cli {

// Runs `folio check` with the arguments after "check". Returns the exit status.
int check_command(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err);

// Reads a --diagnostics value ("text" or "json") into `json`; false, after a message
// on `err`, for anything else.
bool diagnostics_format(const std::string& value, bool& json, std::ostream& err);

// The standard library folder (holds cx.folio): $FOLIO_STDLIB_DIR if set, else
// <prefix>/share/folio/stdlib beside an installed executable, else the source tree's
// stdlib/ when run from the build tree, else the configured install folder.
std::filesystem::path stdlib_dir();

// Sorts `diagnostics` and prints them: a JSON array on `out`, or text on `err`.
void print_diagnostics(dsl::diagnostic_list& diagnostics, bool json, std::ostream& out, std::ostream& err);

}  // namespace folio::cli

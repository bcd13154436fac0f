// Writing an output file whole or not at all: every renderer writes to a temporary file
// beside the target and renames it into place, so a failed render never leaves a broken
// or half-written file behind (a rename within one folder is atomic).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace folio {

/// Returns a temporary name beside `path` ("report.html.tmp-1234-0"), unique in this process.
std::filesystem::path temporary_beside(const std::filesystem::path& path);

/// Renames the finished temporary file `tmp` to `path`; returns "" or why it failed (`tmp` is then removed).
std::string move_into_place(const std::filesystem::path& tmp, const std::filesystem::path& path);

/// Writes `text` to `path` through a temporary file; returns "" or why it failed (nothing is left behind).
std::string write_file_atomically(const std::filesystem::path& path, std::string_view text);

}  // namespace folio

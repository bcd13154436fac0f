// Writing an output file whole or not at all: a temporary file beside the target, renamed into place.
#pragma once

#include <filesystem>
#include <string>

namespace folio::templates::html {

/// Writes `text` to `path` through a temporary file; throws render_error naming `path` on failure.
void write_file_atomically(const std::filesystem::path& path, const std::string& text);

/// A temporary name beside `path` ("report.html.tmp-1234"), unique to this process.
std::filesystem::path temporary_beside(const std::filesystem::path& path);

}  // namespace folio::templates::html

// The template check: every tag of a page and of the partials it includes is resolved against the
// view-model schema (view_schema.hpp), so a typo is an error with its file, line and column
// instead of a blank space in the rendered page.
//
//   report.mustache:12:9: error: unknown key 'vlaue' in 'sections.kpis.tiles' (did you mean 'value'?)
//
// Also errors: a partial no folder has, an unclosed or mismatched section, {{{key}}} (unescaped)
// on a key holding text from data, a list or object written as a value; a warning: an HTML key
// written escaped.
#pragma once

#include <string>
#include <vector>

#include "folio/dsl/diagnostic.hpp"
#include "html/template_files.hpp"

namespace folio::templates::html {

/// Checks `page` and, recursively, its partials from `library`; returns the names of the partials used.
std::vector<std::string> check_page(const dsl::source_file& page, const template_library& library,
                                    dsl::diagnostic_list& diagnostics);

}  // namespace folio::templates::html

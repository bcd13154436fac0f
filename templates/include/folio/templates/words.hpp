// The words the renderers write themselves (sheet names, headers, notes), in the shipped
// languages. Data and the report's own texts are never translated.
//
//   translate("es-MX", "Previous") → "Anterior"
//
// The table in words.cpp has one row per English phrase with its Spanish and Portuguese
// forms; a phrase missing from the table comes back as given (in English), and a test
// requires every phrase the renderers use to be in the table.
#pragma once

#include <string>
#include <string_view>

namespace folio::templates {

/// Returns `english` in the language of `locale` ("en-US", "es-ES", "es-MX", "pt-BR"; the
/// language part decides). "{}" in a phrase is a placeholder the caller fills in.
std::string_view translate(std::string_view locale, std::string_view english);

/// Returns true when the table has a row for `english`.
bool has_translation(std::string_view english);

}  // namespace folio::templates

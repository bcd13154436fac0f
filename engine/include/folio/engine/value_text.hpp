// The one-line text form of a value used by `folio eval --batch` and the tests:
// "number<TAB>0.333333333333333", "text<TAB>a\tb", "bool<TAB>TRUE", "error<TAB>#N/A".
#pragma once

#include <string>
#include <string_view>

#include "folio/engine/value.hpp"

namespace folio {

// The type word of a value: number, text, bool, error or blank. An array is named by
// its top-left element.
std::string_view type_word(const value& v);
// Escapes '\\', tab, newline and carriage return as \\ \t \n \r.
std::string escape_text(std::string_view text);
// "type<TAB>value" for a value; an array shows its top-left element.
std::string tagged_text(const value& v);
// The value as a cell would show it at full precision: numbers in General format
// (15 significant digits), TRUE/FALSE, error texts, text as is; arrays as rows of
// tab-separated values.
std::string display_text(const value& v);

}  // namespace folio

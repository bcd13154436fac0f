// The built-in HTML templates (templates/html/builtin/*.mustache), compiled into the library by
// embed_builtins.cmake: the audience pages (executive, manager, analyst, default) and their partials.
#pragma once

#include <string_view>
#include <vector>

namespace folio::templates::html {

struct builtin_template {
    std::string_view name;  // the file name without ".mustache": "tile", "executive"
    std::string_view text;
};

/// Every built-in template, sorted by name.
const std::vector<builtin_template>& builtin_templates();

}  // namespace folio::templates::html

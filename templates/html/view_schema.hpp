// The documented view model of the HTML templates: which keys each context has, what each holds
// (escaped text, trusted HTML, a flag, an object, a list). The view-model builder fills exactly
// these keys; the template check resolves every tag against them; docs/html-templates.md lists them.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace folio::templates::html {

enum class key_kind {
    text,    // a string from the report or data: always written escaped ({{key}}); false when absent
    html,    // markup Folio built and escaped itself (SVG): written with {{{key}}}; false when absent
    flag,    // true or false: for {{#key}} and {{^key}}
    object,  // a nested context: {{#key}}...{{/key}} or {{key.child}}; false when absent
    list,    // a list of contexts: {{#key}}...{{/key}} repeats for each
};

struct schema_key {
    schema_key(std::string_view n, key_kind k, std::string_view d, std::vector<schema_key> c = {})
        : name(n), kind(k), doc(d), children(std::move(c)) {}

    std::string_view name;
    key_kind kind = key_kind::text;
    std::string_view doc;              // one line for docs/html-templates.md
    std::vector<schema_key> children;  // object and list: the keys of the nested context
};

/// The root context of a page.
const schema_key& view_schema();

/// Every key as a dotted path from the root ("sections.kpis.tiles.value"), depth first.
std::vector<std::string> schema_paths();

}  // namespace folio::templates::html

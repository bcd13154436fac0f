// The HTML renderer beyond write_html (render.hpp): the page as text, and the template check.
//
// A report's page template is its `template:` setting (a built-in audience "executive",
// "manager", "analyst" or "default", or a .mustache file or a folder holding report.mustache,
// relative to the report and inside its folder), else the built-in audience named like the
// report, else "default". Partials come from the request's template_dirs first, then the
// folder of the report's own template, then the built-ins. See docs/html.md and
// docs/html-templates.md (the view-model keys).
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "folio/dsl/diagnostic.hpp"
#include "folio/templates/render.hpp"

namespace folio::templates {

/// Renders the page of `request.report`; throws render_error (with the template problems as
/// file:line:col lines) when its template does not pass check_report_template.
std::string render_html(const render_request& request, std::vector<std::string>& notes);

/// The outcome of a template check: its diagnostics and the template files they point into.
struct template_check {
    std::vector<std::shared_ptr<const dsl::source_file>> files;
    dsl::diagnostic_list diagnostics;
};

/// Checks the page template `request.report` renders with, and every partial it includes, against
/// the view model: unknown keys and partials, unclosed sections, unescaped text.
template_check check_report_template(const render_request& request);

/// Checks a template: a .mustache page, or a folder with report.mustache, with partials from
/// `template_dirs`, the page's folder and the built-ins. A built-in audience name checks that page.
template_check check_template(const std::filesystem::path& page, const std::vector<std::filesystem::path>& template_dirs);

/// Every key of the view model as a dotted path ("sections.kpis.tiles.value"), for docs and tests.
std::vector<std::string> html_view_model_keys();

}  // namespace folio::templates

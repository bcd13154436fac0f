// The view model of one report page: every key of view_schema.hpp filled from the evaluated
// report. Numbers are formatted here, once, with the Excel number-format engine in the report's
// locale (the text the XLSX cells show), and every status (on or off target, a change for the
// better or worse) is decided here, so templates only place text.
#pragma once

#include <string>
#include <vector>

#include <kainjow/mustache.hpp>

#include "folio/templates/render.hpp"

namespace folio::templates::html {

/// How many rows of a `data` block a page shows.
inline constexpr std::size_t data_rows_shown = 200;

/// Builds the view model of `request.report` for the page of `audience`; adds notes for the CLI.
kainjow::mustache::data build_view_model(const render_request& request, const std::string& audience,
                                         std::vector<std::string>& notes);


/// The current period in words in `locale`: "December 2024", "diciembre de 2024", "dezembro de 2024".
std::string period_in_words(const eval::dimension_value& period, const std::string& locale);

}  // namespace folio::templates::html

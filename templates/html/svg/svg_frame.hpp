// The parts every SVG chart shares: the <svg> element with its accessible title and
// description, palette paints with their CSS variables, the heading, the legend and
// labels that are shortened with their full text kept in a <title>.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "html/svg/svg_chart.hpp"

namespace folio::templates::svg {

inline constexpr double font_size = 12;       // labels and ticks
inline constexpr double title_size = 16;
inline constexpr const char* grid_color = "#D0D0D0";

/// Returns an id made of `[A-Za-z0-9_-]` from style.id, else "folio-" + `name`.
std::string element_id(const chart_style& style, std::string_view name);

/// Returns the palette colour of series `index` (cycled), "#RRGGBB".
std::string series_color(const chart_style& style, std::size_t index);

/// Returns ` fill="#hex" style="fill:var(--folio-series-k,#hex)"` (or stroke) for series `index`.
std::string series_paint(const chart_style& style, std::size_t index, std::string_view property);

/// Returns the same for a named CSS variable (text, grid, good, bad) and its light colour.
std::string named_paint(std::string_view variable, const std::string& color, std::string_view property);

/// Returns the CSS variable name of series `index`'s colour ("series-2"; the index cycles like the colour).
std::string series_variable(const chart_style& style, std::size_t index);

/// Returns fill and stroke together (one style attribute): ` fill=".." stroke=".." style="fill:var(..);stroke:var(..)"`.
std::string fill_and_stroke(std::string_view fill_variable, const std::string& fill, std::string_view stroke_variable,
                            const std::string& stroke);

/// Returns the text colour of the palette (#1A1A1A without one).
std::string text_color(const chart_style& style);

/// Returns black or white, whichever reads better on colour `hex` ("#RRGGBB").
std::string ink_on(const std::string& hex);

/// Returns the opening <svg> with role="img", aria-labelledby, <title> and <desc>.
std::string open_svg(const chart_style& style, const std::string& id, std::string_view css_class, double width,
                     double height, std::string_view title, std::string_view desc);

/// Returns a <text> at (x, y): `text` shortened to `max_chars` (0: whole) with the full text in a
/// <title> child when it was cut; `extra` is added to the element's attributes.
std::string label(double x, double y, std::string_view anchor, std::string_view text, std::size_t max_chars = 0,
                  std::string_view extra = {});

/// Returns the chart's title and subtitle (when style.show_title) from y = `top`, and moves `top`
/// below them.
std::string heading(const chart_style& style, std::string_view title, std::string_view subtitle, double& top);

// One entry of a legend: its name, its colour index and its mark (a square, or a line for lines).
struct legend_entry {
    std::string name;
    std::size_t color = 0;
    bool line = false;
};

/// Returns a legend laid out in rows from (left, top) within `width`, and moves `top` below it.
std::string legend(const chart_style& style, const std::vector<legend_entry>& entries, double left, double width,
                   double& top);

/// Returns a legend in one column from (left, top), each name followed by its `details` text.
std::string legend_column(const chart_style& style, const std::vector<legend_entry>& entries,
                          const std::vector<std::string>& details, double left, double top, std::size_t max_chars);

}  // namespace folio::templates::svg

// Inline SVG charts for the HTML renderer: pure functions from an evaluated chart to an
// <svg> element (text), with no scripts and no external references.
//
// Every chart has <title> and <desc>, a viewBox (it scales to its container's width),
// nice axis ticks (1, 2, 2.5, 5 × 10^n), a legend when it has several series, data
// labels where they fit, the theme's palette, and numbers formatted with the metric's
// Excel format code in the report's locale (the same text the tables show). The caller
// adds the data-table fallback next to it (data_table() gives it with the same numbers).
// All text is XML-escaped. Values that are not numbers (blank, #DIV/0!) are gaps: a line
// breaks, a bar is absent, a point is left out; never drawn as zero.
//
// Colours: each painted element carries the light palette colour as its attribute and a
// CSS variable that overrides it, so the page's dark-mode CSS can recolour every chart:
//   --folio-series-0 .. --folio-series-N  the palette's series colours (index cycles)
//   --folio-text   labels, ticks, titles     --folio-grid  grid lines and axes
//   --folio-good, --folio-bad                 the KPI bar's status colours
// e.g. <rect fill="#1F4E79" style="fill:var(--folio-series-0,#1F4E79)"/>. Classes for
// styling: svg.folio-chart (+ folio-chart-<type>), svg.folio-sparkline, svg.folio-kpi-bar.
// The <svg> has width="100%" and no fixed height; the page should give it `height:auto`.
#pragma once

#include <string>
#include <vector>

#include "folio/engine/eval/report_result.hpp"
#include "folio/templates/theme.hpp"

namespace folio::templates::svg {

struct chart_style {
    const palette* colors = nullptr;   // the theme's light palette (dark mode recolours by CSS variables)
    std::string font;                  // the body font
    std::string locale = "en-US";
    double width = 720, height = 360;  // the viewBox
    std::string id;                    // unique in the page, the prefix of the SVG's ids ("" : from the chart's name)
    std::string fallback_format;       // format code for metrics without `format` (the theme's number format;
                                       // "" : General)
    bool show_title = true;            // draw the chart's title and subtitle inside the SVG
};

/// Returns the SVG of chart `c` of report `r` (any chart_type: line, column, bar, stacked, area,
/// pie, doughnut, scatter, combo with a secondary axis).
std::string chart(const eval::report_result& r, const eval::chart_result& c, const chart_style& style);

/// Returns a small line without axes for a KPI tile: `values` in order, NaN for a gap; the last
/// number is marked. A 120×32 viewBox.
std::string sparkline(const std::vector<double>& values, const chart_style& style, const std::string& label);

/// Returns a bullet bar for a KPI tile: the value as a bar against a target mark, the bar in the
/// good or bad colour by `better` (higher unless lower); a 200×24 viewBox. NaN value: "" (no bar).
std::string kpi_bar(double value, double target, report::better_direction better, const chart_style& style,
                    const std::string& label);

/// Returns the chart's data as an HTML <table> (escaped): a row per category, a column per
/// series (scatter: per series, x and y), numbers formatted exactly as the chart labels them.
std::string data_table(const eval::report_result& r, const eval::chart_result& c, const chart_style& style);

}  // namespace folio::templates::svg

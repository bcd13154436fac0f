// The chart drawers behind svg::chart(), one file per family: cartesian_chart.cpp (line,
// column, bar, stacked, area, combo), pie_chart.cpp (pie, doughnut), scatter_chart.cpp;
// and what they share about a chart's series and its summary.
#pragma once

#include <string>
#include <vector>

#include "html/svg/svg_chart.hpp"

namespace folio::templates::svg {

std::string cartesian_chart(const eval::report_result& r, const eval::chart_result& c, const chart_style& style);
std::string pie_chart(const eval::report_result& r, const eval::chart_result& c, const chart_style& style);
std::string scatter_chart(const eval::report_result& r, const eval::chart_result& c, const chart_style& style);

/// Returns how many series each metric of `c` has (the series are metric by metric, each split
/// the same way by the series dimension); at least 1.
std::size_t series_per_metric(const eval::chart_result& c);

/// Returns the index into c.metrics of series `s`.
std::size_t metric_position(const eval::chart_result& c, std::size_t s);

/// Returns a metric's name as a reader sees it: its label, else its name.
std::string metric_name(const eval::report_result& r, std::size_t metric);

/// Returns "column chart of CSAT by region" (the start of every <desc>).
std::string describe(const eval::report_result& r, const eval::chart_result& c);

/// Returns the chart's title, or a title made from its metrics and dimensions.
std::string title_of(const eval::report_result& r, const eval::chart_result& c);

}  // namespace folio::templates::svg

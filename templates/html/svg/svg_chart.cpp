// Inline SVG charts (see svg_chart.hpp): the dispatch by chart type, the summary every
// chart describes itself with, and the data-table fallback.
#include "html/svg/svg_chart.hpp"

#include <algorithm>

#include "html/svg/chart_kinds.hpp"
#include "html/svg/svg_text.hpp"

namespace folio::templates::svg {

std::size_t series_per_metric(const eval::chart_result& c) {
    if (c.metrics.empty() || c.series.size() < c.metrics.size()) return 1;
    return c.series.size() / c.metrics.size();
}

std::size_t metric_position(const eval::chart_result& c, std::size_t s) {
    return std::min(s / series_per_metric(c), c.metrics.empty() ? std::size_t{0} : c.metrics.size() - 1);
}

std::string metric_name(const eval::report_result& r, std::size_t metric) {
    if (metric >= r.metrics.size()) return {};
    const eval::metric_info& m = r.metrics[metric];
    return m.label.empty() ? m.name : m.label;
}

static std::string join_names(const std::vector<std::string>& names) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
        out += names[i];
    }
    return out;
}

static std::string metrics_of(const eval::report_result& r, const eval::chart_result& c) {
    std::vector<std::string> names;
    for (std::size_t m : c.metrics) names.push_back(metric_name(r, m));
    return join_names(names);
}

std::string describe(const eval::report_result& r, const eval::chart_result& c) {
    std::string type(report::chart_type_name(c.type));
    for (char& ch : type)
        if (ch == '_') ch = ' ';
    std::string out = type + " chart of " + metrics_of(r, c);
    if (!c.by_names.empty()) out += " by " + join_names(c.by_names);
    if (!c.series_name.empty()) out += ", series by " + c.series_name;
    return out;
}

std::string title_of(const eval::report_result& r, const eval::chart_result& c) {
    if (!c.title.empty()) return c.title;
    std::string out = metrics_of(r, c);
    if (!c.by_names.empty()) out += " by " + join_names(c.by_names);
    return out;
}

std::string chart(const eval::report_result& r, const eval::chart_result& c, const chart_style& style) {
    switch (c.type) {
        case report::chart_type::pie:
        case report::chart_type::doughnut: return pie_chart(r, c, style);
        case report::chart_type::scatter: return scatter_chart(r, c, style);
        default: return cartesian_chart(r, c, style);
    }
}

std::string data_table(const eval::report_result& r, const eval::chart_result& c, const chart_style& style) {
    std::vector<value_formatter> formats;
    for (const eval::chart_series& s : c.series) formats.push_back(formatter_for(r, s.metric, style.fallback_format, style.locale));
    std::string header;
    for (const std::string& b : c.by_names) header += (header.empty() ? "" : " \u00B7 ") + b;
    std::string out = "<table class=\"folio-chart-data\">\n<caption>" + escape(title_of(r, c)) + "</caption>\n<thead><tr>";
    out += "<th scope=\"col\">" + escape(header) + "</th>";
    for (const eval::chart_series& s : c.series) out += "<th scope=\"col\">" + escape(s.name) + "</th>";
    out += "</tr></thead>\n<tbody>\n";
    for (std::size_t k = 0; k < c.categories.size(); ++k) {
        out += "<tr><th scope=\"row\">" + escape(category_label(c.categories[k])) + "</th>";
        for (std::size_t s = 0; s < c.series.size(); ++s) {
            const std::string cell = k < c.series[s].points.size() ? formats[s].text(c.series[s].points[k].v) : "";
            out += "<td>" + escape(cell) + "</td>";
        }
        out += "</tr>\n";
    }
    return out + "</tbody>\n</table>\n";
}

}  // namespace folio::templates::svg

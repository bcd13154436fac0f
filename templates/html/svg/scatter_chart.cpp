// Scatter charts: a point per category at (first metric, second metric), one colour per
// series of the series dimension. A category where either value is not a number has no
// point. Both axes are nice scales over the data (not forced to zero), labelled in their
// metric's format; the axis titles default to the metric names.
#include <algorithm>
#include <cctype>
#include <cmath>

#include "html/svg/chart_kinds.hpp"
#include "html/svg/nice_ticks.hpp"
#include "html/svg/svg_frame.hpp"
#include "html/svg/svg_text.hpp"

namespace folio::templates::svg {
namespace {

struct scatter_point {
    std::size_t group = 0, category = 0;
    double x = 0, y = 0;
};

}  // namespace

std::string scatter_chart(const eval::report_result& r, const eval::chart_result& c, const chart_style& style) {
    const std::size_t groups = c.metrics.size() >= 2 ? series_per_metric(c) : 0;
    const std::size_t x_metric = c.metrics.empty() ? 0 : c.metrics[0];
    const std::size_t y_metric = c.metrics.size() >= 2 ? c.metrics[1] : x_metric;
    const value_formatter x_format = formatter_for(r, x_metric, style.fallback_format, style.locale);
    const value_formatter y_format = formatter_for(r, y_metric, style.fallback_format, style.locale);

    std::vector<scatter_point> points;
    double x_lo = NAN, x_hi = NAN, y_lo = NAN, y_hi = NAN;
    for (std::size_t g = 0; g < groups && groups + g < c.series.size(); ++g) {
        const eval::chart_series& xs = c.series[g];
        const eval::chart_series& ys = c.series[groups + g];
        for (std::size_t k = 0; k < c.categories.size() && k < xs.points.size() && k < ys.points.size(); ++k) {
            const auto x = number_of(xs.points[k].v), y = number_of(ys.points[k].v);
            if (!x || !y) continue;
            points.push_back({g, k, *x, *y});
            x_lo = std::isnan(x_lo) ? *x : std::min(x_lo, *x);
            x_hi = std::isnan(x_hi) ? *x : std::max(x_hi, *x);
            y_lo = std::isnan(y_lo) ? *y : std::min(y_lo, *y);
            y_hi = std::isnan(y_hi) ? *y : std::max(y_hi, *y);
        }
    }
    const axis_scale xs = nice_scale(x_lo, x_hi, false, x_format.resolution(), 6);
    const axis_scale ys = nice_scale(y_lo, y_hi, false, y_format.resolution(), 5);
    std::vector<std::string> x_labels, y_labels;
    double y_label_width = 0;
    for (double t : xs.ticks) x_labels.push_back(x_format.number(t));
    for (double t : ys.ticks) {
        y_labels.push_back(y_format.number(t));
        y_label_width = std::max(y_label_width, text_width(y_labels.back(), font_size));
    }

    double top = 8;
    std::string body = heading(style, c.title, c.subtitle, top);
    auto group_name = [&](std::size_t g) {
        const eval::chart_series& s = c.series[g];
        return s.series_value.label.empty() ? s.name : s.series_value.label;
    };
    if (c.legend && groups > 1) {
        std::vector<legend_entry> entries;
        for (std::size_t g = 0; g < groups; ++g) entries.push_back({group_name(g), g, false});
        body += legend(style, entries, 12, style.width - 24, top);
    }
    const std::string x_title = c.x_title.empty() ? metric_name(r, x_metric) : c.x_title;
    const std::string y_title = c.y_title.empty() ? metric_name(r, y_metric) : c.y_title;
    const double left = 8 + 18 + y_label_width + 8, right = style.width - 16 - text_width(x_labels.back(), font_size) / 2;
    const double plot_top = top + 8, bottom = std::max(plot_top + 40, style.height - 8 - 18 - 20);
    auto px = [&](double x) { return left + (x - xs.min) / (xs.max - xs.min) * (right - left); };
    auto py = [&](double y) { return bottom - (y - ys.min) / (ys.max - ys.min) * (bottom - plot_top); };

    std::string grid = "<g class=\"folio-grid\" stroke-width=\"1\"" + named_paint("grid", grid_color, "stroke") + ">\n";
    std::string ticks = "<g class=\"folio-ticks\"" + named_paint("text", text_color(style), "fill") + ">\n";
    for (std::size_t i = 0; i < xs.ticks.size(); ++i) {
        const double p = px(xs.ticks[i]);
        grid += "<line x1=\"" + num(p) + "\" y1=\"" + num(plot_top) + "\" x2=\"" + num(p) + "\" y2=\"" + num(bottom) + "\"/>\n";
        ticks += label(p, bottom + 16, "middle", x_labels[i]);
    }
    for (std::size_t i = 0; i < ys.ticks.size(); ++i) {
        const double p = py(ys.ticks[i]);
        grid += "<line x1=\"" + num(left) + "\" y1=\"" + num(p) + "\" x2=\"" + num(right) + "\" y2=\"" + num(p) + "\"/>\n";
        ticks += label(left - 6, p + 4, "end", y_labels[i]);
    }
    body += grid + "</g>\n" + ticks + "</g>\n";

    // Points, with the category's name beside each when there are few enough to read.
    const bool name_points = points.size() <= 10;
    std::string marks = "<g class=\"folio-marks\">\n", names;
    for (const scatter_point& p : points) {
        const std::string category = category_label(c.categories[p.category]);
        std::string tip = category;
        if (groups > 1) tip += " (" + group_name(p.group) + ")";
        tip += ": " + x_title + " " + x_format.number(p.x) + ", " + y_title + " " + y_format.number(p.y);
        marks += "<circle cx=\"" + num(px(p.x)) + "\" cy=\"" + num(py(p.y)) + "\" r=\"4.5\" fill-opacity=\"0.85\"" +
                 series_paint(style, p.group, "fill") + "><title>" + escape(tip) + "</title></circle>\n";
        if (name_points && px(p.x) + 8 + text_width(shorten(category, 14), 11) <= right)
            names += label(px(p.x) + 7, py(p.y) - 6, "start", category, 14, " unicode-bidi=\"plaintext\"");
    }
    body += marks;
    if (!names.empty())
        body += "<g class=\"folio-data-labels\" font-size=\"11\"" + named_paint("text", text_color(style), "fill") + ">\n" + names +
                "</g>\n";
    body += "</g>\n";

    const double mid_y = (plot_top + bottom) / 2;
    body += "<g class=\"folio-axis-titles\" font-weight=\"bold\"" + named_paint("text", text_color(style), "fill") + ">\n";
    body += label((left + right) / 2, style.height - 8, "middle", x_title, 60, " unicode-bidi=\"plaintext\"");
    body += label(14, mid_y, "middle", y_title, 40,
                  " transform=\"rotate(-90 14 " + num(mid_y) + ")\" unicode-bidi=\"plaintext\"");
    body += "</g>\n";

    std::string desc = describe(r, c);
    desc[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(desc[0])));
    desc += ": " + std::to_string(points.size()) + (points.size() == 1 ? " point" : " points");
    if (!points.empty())
        desc += ", " + x_title + " from " + x_format.number(x_lo) + " to " + x_format.number(x_hi) + ", " + y_title + " from " +
                y_format.number(y_lo) + " to " + y_format.number(y_hi);
    desc += ".";
    return open_svg(style, element_id(style, c.name), "folio-chart folio-chart-scatter", style.width, style.height,
                    title_of(r, c), desc) +
           body + "</svg>\n";
}

}  // namespace folio::templates::svg

// Pie and doughnut charts: the first series, a slice per category, clockwise from the
// top in category order. Only positive numbers make slices (a pie cannot show a negative
// share, and a gap is not a zero); the description says how many were left out. The
// percentage is written in a slice wide enough for it, and a legend beside the pie lists
// every slice with its value and share.
#include <cctype>
#include <cmath>
#include <numbers>

#include "html/svg/chart_kinds.hpp"
#include "html/svg/svg_frame.hpp"
#include "html/svg/svg_text.hpp"

namespace folio::templates::svg {
namespace {

constexpr double min_label_angle = 0.35;   // radians (20°): narrower slices get no percentage

struct slice {
    std::size_t category = 0;
    double v = 0;
};

std::string xy(double cx, double cy, double r, double angle) {
    return num(cx + r * std::cos(angle)) + "," + num(cy + r * std::sin(angle));
}

}  // namespace

std::string pie_chart(const eval::report_result& r, const eval::chart_result& c, const chart_style& style) {
    const bool doughnut = c.type == report::chart_type::doughnut;
    const std::size_t metric = c.series.empty() ? (c.metrics.empty() ? 0 : c.metrics[0]) : c.series[0].metric;
    const value_formatter format = formatter_for(r, metric, style.fallback_format, style.locale);
    const value_formatter percent("0%", "", style.locale);
    std::vector<slice> slices;
    std::size_t left_out = 0;
    double total = 0;
    if (!c.series.empty()) {
        const eval::chart_series& s = c.series[0];
        for (std::size_t k = 0; k < s.points.size() && k < c.categories.size(); ++k) {
            const auto v = number_of(s.points[k].v);
            if (v && *v > 0) {
                slices.push_back({k, *v});
                total += *v;
            } else {
                ++left_out;
            }
        }
    }

    double top = 8;
    std::string body = heading(style, c.title, c.subtitle, top);
    const double radius = std::max(20.0, std::min((style.height - top - 24) / 2, style.width * 0.22));
    const double cx = 16 + radius + style.width * 0.05, cy = top + 12 + radius;
    const double inner = doughnut ? radius * 0.55 : 0;

    body += "<g class=\"folio-marks\">\n";
    double angle = -std::numbers::pi / 2;
    std::string labels;
    for (std::size_t i = 0; i < slices.size(); ++i) {
        const slice& sl = slices[i];
        const double sweep = 2 * std::numbers::pi * sl.v / total;
        const std::string tip = category_label(c.categories[sl.category]) + ": " + format.text(c.series[0].points[sl.category].v) +
                                " (" + percent.number(sl.v / total) + ")";
        std::string shape;
        if (slices.size() == 1) {
            // A whole circle: an arc cannot start and end at the same point.
            const std::string ring =
                "M" + num(cx - radius) + "," + num(cy) + " A" + num(radius) + "," + num(radius) + " 0 1 1 " + num(cx + radius) +
                "," + num(cy) + " A" + num(radius) + "," + num(radius) + " 0 1 1 " + num(cx - radius) + "," + num(cy) + " Z";
            const std::string hole = !doughnut ? std::string()
                                               : " M" + num(cx - inner) + "," + num(cy) + " A" + num(inner) + "," + num(inner) +
                                                     " 0 1 0 " + num(cx + inner) + "," + num(cy) + " A" + num(inner) + "," +
                                                     num(inner) + " 0 1 0 " + num(cx - inner) + "," + num(cy) + " Z";
            shape = "<path d=\"" + ring + hole + "\" fill-rule=\"evenodd\"";
        } else {
            const double end = angle + sweep;
            const std::string large = sweep > std::numbers::pi ? "1" : "0";
            std::string d = doughnut ? "M" + xy(cx, cy, inner, angle) + " L" + xy(cx, cy, radius, angle)
                                     : "M" + num(cx) + "," + num(cy) + " L" + xy(cx, cy, radius, angle);
            d += " A" + num(radius) + "," + num(radius) + " 0 " + large + " 1 " + xy(cx, cy, radius, end);
            if (doughnut)
                d += " L" + xy(cx, cy, inner, end) + " A" + num(inner) + "," + num(inner) + " 0 " + large + " 0 " +
                     xy(cx, cy, inner, angle);
            shape = "<path d=\"" + d + " Z\"";
        }
        body += shape + " stroke-width=\"1\"" +
                fill_and_stroke(series_variable(style, i), series_color(style, i), "background",
                                style.colors != nullptr ? style.colors->background : "#FFFFFF") +
                "><title>" + escape(tip) + "</title></path>\n";
        if (sweep >= min_label_angle) {
            const double mid = angle + sweep / 2, at = doughnut ? (radius + inner) / 2 : radius * 0.62;
            labels += label(cx + at * std::cos(mid), cy + at * std::sin(mid) + 4, "middle", percent.number(sl.v / total), 0,
                            " fill=\"" + ink_on(series_color(style, i)) + "\"");
        }
        angle += sweep;
    }
    if (!labels.empty()) body += "<g class=\"folio-data-labels\" font-weight=\"bold\">\n" + labels + "</g>\n";
    body += "</g>\n";

    if (c.legend && !slices.empty()) {
        std::vector<legend_entry> entries;
        std::vector<std::string> details;
        for (std::size_t i = 0; i < slices.size(); ++i) {
            entries.push_back({category_label(c.categories[slices[i].category]), i, false});
            details.push_back(format.text(c.series[0].points[slices[i].category].v) + " (" +
                              percent.number(slices[i].v / total) + ")");
        }
        const double legend_left = cx + radius + 32;
        const double legend_top = std::max(top + 8, cy - static_cast<double>(slices.size()) * 9);
        body += legend_column(style, entries, details, legend_left, legend_top, 24);
    }

    std::string desc = describe(r, c);
    desc[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(desc[0])));
    desc += ": " + std::to_string(slices.size()) + (slices.size() == 1 ? " slice" : " slices");
    if (!slices.empty()) desc += ", total " + format.number(total);
    if (left_out > 0)
        desc += "; " + std::to_string(left_out) +
                (left_out == 1 ? " category without a positive value is left out" : " categories without a positive value are left out");
    desc += ".";
    const std::string id = element_id(style, c.name);
    return open_svg(style, id, std::string("folio-chart folio-chart-") + (doughnut ? "doughnut" : "pie"), style.width,
                    style.height, title_of(r, c), desc) +
           body + "</svg>\n";
}

}  // namespace folio::templates::svg

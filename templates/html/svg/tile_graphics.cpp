// The small graphics of a KPI tile: the sparkline (the metric over recent periods, no
// axes, the last point marked) and the bullet bar (the value against its target).
#include <algorithm>
#include <cmath>

#include "html/svg/svg_chart.hpp"
#include "html/svg/svg_frame.hpp"
#include "html/svg/svg_text.hpp"

namespace folio::templates::svg {

std::string sparkline(const std::vector<double>& values, const chart_style& style, const std::string& label) {
    constexpr double width = 120, height = 32, pad = 4;
    double lo = NAN, hi = NAN, last = NAN;
    std::size_t count = 0;
    for (double v : values) {
        if (!std::isfinite(v)) continue;
        lo = std::isnan(lo) ? v : std::min(lo, v);
        hi = std::isnan(hi) ? v : std::max(hi, v);
        last = v;
        ++count;
    }
    if (count == 0) return {};
    const value_formatter format("", style.fallback_format, style.locale);
    const double step = values.size() > 1 ? (width - 2 * pad) / static_cast<double>(values.size() - 1) : 0;
    auto x = [&](std::size_t i) { return values.size() > 1 ? pad + step * static_cast<double>(i) : width / 2; };
    auto y = [&](double v) { return hi == lo ? height / 2 : height - pad - (v - lo) / (hi - lo) * (height - 2 * pad); };

    std::string body;
    std::string run;
    std::size_t run_points = 0, last_index = 0;
    auto flush = [&] {
        if (run_points > 1)
            body += "<polyline points=\"" + run + "\" fill=\"none\" stroke-width=\"1.75\" stroke-linejoin=\"round\"" +
                    series_paint(style, 0, "stroke") + "/>\n";
        run.clear();
        run_points = 0;
    };
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (!std::isfinite(values[i])) {
            flush();
            continue;
        }
        run += (run.empty() ? "" : " ") + num(x(i)) + "," + num(y(values[i]));
        ++run_points;
        last_index = i;
    }
    flush();
    body += "<circle cx=\"" + num(x(last_index)) + "\" cy=\"" + num(y(last)) + "\" r=\"2.75\"" +
            series_paint(style, 0, "fill") + "/>\n";

    const std::string desc = "Trend of " + label + ": " + std::to_string(values.size()) + " periods, from " +
                             format.number(lo) + " to " + format.number(hi) + ", last " + format.number(last) + ".";
    return open_svg(style, element_id(style, "spark-" + label), "folio-sparkline", width, height, label, desc) + body +
           "</svg>\n";
}

std::string kpi_bar(double value, double target, report::better_direction better, const chart_style& style,
                    const std::string& label) {
    constexpr double width = 200, height = 24, pad = 2;
    if (!std::isfinite(value)) return {};
    const bool has_target = std::isfinite(target);
    // The scale runs from 0 (or the lowest value) to a tenth beyond the larger of value and target.
    double lo = std::min(0.0, value), hi = std::max(0.0, value);
    if (has_target) {
        lo = std::min(lo, target);
        hi = std::max(hi, target);
    }
    if (hi == lo) hi = lo + 1;
    const double span = hi - lo;
    if (hi > 0) hi += span / 10;
    if (lo < 0) lo -= span / 10;
    auto x = [&](double v) { return pad + (v - lo) / (hi - lo) * (width - 2 * pad); };

    std::string fill;
    std::string status;
    if (has_target) {
        const bool good = better == report::better_direction::lower ? value <= target : value >= target;
        status = good ? "good" : "bad";
        const std::string color = style.colors != nullptr ? (good ? style.colors->good : style.colors->bad)
                                                          : (good ? "#2E7D32" : "#C62828");
        fill = named_paint(status, color, "fill");
    } else {
        fill = series_paint(style, 0, "fill");
    }
    std::string body = "<rect x=\"" + num(pad) + "\" y=\"7\" width=\"" + num(width - 2 * pad) + "\" height=\"10\" rx=\"2\"" +
                       named_paint("grid", grid_color, "fill") + "/>\n";
    const double x0 = x(0), x1 = x(value);
    body += "<rect class=\"folio-kpi-value" + (status.empty() ? std::string() : " folio-" + status) + "\" x=\"" +
            num(std::min(x0, x1)) + "\" y=\"7\" width=\"" + num(std::fabs(x1 - x0)) + "\" height=\"10\" rx=\"2\"" + fill + "/>\n";
    if (has_target)
        body += "<line class=\"folio-kpi-target\" x1=\"" + num(x(target)) + "\" y1=\"3\" x2=\"" + num(x(target)) +
                "\" y2=\"21\" stroke-width=\"2.5\"" + named_paint("text", text_color(style), "stroke") + "/>\n";

    const value_formatter format("", style.fallback_format, style.locale);
    std::string desc = label + ": " + format.number(value);
    if (has_target) desc += std::string(", target ") + format.number(target) + (status == "good" ? ", met." : ", not met.");
    else desc += ".";
    return open_svg(style, element_id(style, "bar-" + label), "folio-kpi-bar", width, height, label, desc) + body + "</svg>\n";
}

}  // namespace folio::templates::svg

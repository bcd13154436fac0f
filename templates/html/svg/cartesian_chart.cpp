// Charts on a category axis and a value axis: line, column, bar (horizontal), stacked
// column and bar, area, and combo (the first metric as columns on the left axis, the
// others as lines on a right axis with their own ticks and format).
//
// Layout: heading, legend, then the plot; the margins come from the widest tick label
// and the category labels, which turn 45° (and are thinned out) when they do not fit
// side by side. A value that is not a number is a gap: lines break there, bars and
// stack segments are absent.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <optional>

#include "html/svg/chart_kinds.hpp"
#include "html/svg/nice_ticks.hpp"
#include "html/svg/svg_frame.hpp"
#include "html/svg/svg_text.hpp"

namespace folio::templates::svg {
namespace {

using report::chart_type;

enum class mark_kind { bar, line, area };

// One value axis: its scale, the format of its labels and where it is drawn.
struct value_axis {
    axis_scale scale;
    std::optional<value_formatter> format;
    std::vector<std::string> labels;   // one per tick
    double label_width = 0;
};

constexpr std::size_t category_chars = 20;   // the longest category label before "…"
constexpr double char_width = font_size * 0.6;

class cartesian {
public:
    cartesian(const eval::report_result& r, const eval::chart_result& c, const chart_style& style)
        : r_(r), c_(c), style_(style) {
        horizontal_ = c.type == chart_type::bar || c.type == chart_type::stacked_bar;
        stacked_ = c.type == chart_type::stacked_column || c.type == chart_type::stacked_bar;
        per_metric_ = series_per_metric(c);
        for (std::size_t s = 0; s < c.series.size(); ++s) {
            mark_kind kind = mark_kind::bar;
            if (c.type == chart_type::line) kind = mark_kind::line;
            if (c.type == chart_type::area) kind = mark_kind::area;
            if (c.type == chart_type::combo) kind = metric_position(c, s) == 0 ? mark_kind::bar : mark_kind::line;
            kinds_.push_back(kind);
            axis_of_.push_back(c.type == chart_type::combo && kind == mark_kind::line ? 1 : 0);
            if (kind == mark_kind::bar) bar_series_.push_back(s);
        }
        categories_ = c.categories.size();
    }

    std::string draw() {
        scale_axes();
        double top = 8;
        std::string body = heading(style_, c_.title, c_.subtitle, top);
        if (c_.legend && c_.series.size() > 1) {
            std::vector<legend_entry> entries;
            for (std::size_t s = 0; s < c_.series.size(); ++s)
                entries.push_back({c_.series[s].name, s, kinds_[s] == mark_kind::line});
            body += legend(style_, entries, 12, style_.width - 24, top);
        }
        layout(top + 8);
        body += grid_and_axes();
        body += marks();
        body += category_labels();
        body += axis_titles();
        const std::string id = element_id(style_, c_.name);
        std::string css = "folio-chart folio-chart-" + std::string(report::chart_type_name(c_.type));
        return open_svg(style_, id, css, style_.width, style_.height, title_of(r_, c_), summary()) + body + "</svg>\n";
    }

private:
    const eval::report_result& r_;
    const eval::chart_result& c_;
    const chart_style& style_;
    bool horizontal_ = false, stacked_ = false;
    std::size_t per_metric_ = 1, categories_ = 0;
    std::vector<mark_kind> kinds_;
    std::vector<int> axis_of_;
    std::vector<std::size_t> bar_series_;
    value_axis axes_[2];
    bool secondary_ = false;
    // The plot area and the category band.
    double left_ = 0, right_ = 0, top_ = 0, bottom_ = 0, band_ = 0;
    bool rotate_ = false;
    std::size_t label_every_ = 1, label_chars_ = category_chars;

    std::optional<double> at(std::size_t s, std::size_t k) const {
        if (k >= c_.series[s].points.size()) return std::nullopt;
        return number_of(c_.series[s].points[k].v);
    }

    // Each axis's range: over its values, or over the stacks' ends when stacked; from 0 for bars and areas.
    void scale_axes() {
        double lo[2] = {NAN, NAN}, hi[2] = {NAN, NAN};
        bool zero[2] = {false, false};
        auto extend = [&](int a, double v) {
            lo[a] = std::isnan(lo[a]) ? v : std::min(lo[a], v);
            hi[a] = std::isnan(hi[a]) ? v : std::max(hi[a], v);
        };
        for (std::size_t s = 0; s < c_.series.size(); ++s) {
            const int a = axis_of_[s];
            if (a == 1) secondary_ = true;
            if (kinds_[s] != mark_kind::line) zero[a] = true;
            if (stacked_) continue;
            for (std::size_t k = 0; k < categories_; ++k)
                if (auto v = at(s, k)) extend(a, *v);
        }
        if (stacked_) {
            for (std::size_t k = 0; k < categories_; ++k) {
                double up = 0, down = 0;
                for (std::size_t s = 0; s < c_.series.size(); ++s)
                    if (auto v = at(s, k)) (*v >= 0 ? up : down) += *v;
                extend(0, up);
                extend(0, down);
            }
        }
        for (int a = 0; a < (secondary_ ? 2 : 1); ++a) {
            std::size_t first = 0;
            while (first < c_.series.size() && axis_of_[first] != a) ++first;
            const std::size_t metric = first < c_.series.size() ? c_.series[first].metric : 0;
            value_axis& axis = axes_[a];
            axis.format.emplace(formatter_for(r_, metric, style_.fallback_format, style_.locale));
            const int ticks = horizontal_ ? std::max(3, std::min(6, static_cast<int>(style_.width / 110)))
                                          : std::max(3, std::min(6, static_cast<int>(style_.height / 60)));
            axis.scale = nice_scale(lo[a], hi[a], zero[a], axis.format->resolution(), ticks);
            for (double t : axis.scale.ticks) {
                axis.labels.push_back(axis.format->number(t));
                axis.label_width = std::max(axis.label_width, text_width(axis.labels.back(), font_size));
            }
        }
    }

    std::vector<std::string> category_texts() const {
        std::vector<std::string> out;
        for (const auto& category : c_.categories) out.push_back(category_label(category));
        return out;
    }

    void layout(double plot_top) {
        const std::vector<std::string> names = category_texts();
        double widest = 0;
        for (const std::string& n : names) widest = std::max(widest, text_width(shorten(n, category_chars), font_size));
        const double x_title = c_.x_title.empty() ? 0 : 18, y_title = c_.y_title.empty() ? 0 : 18;
        top_ = plot_top;
        const std::size_t n = std::max<std::size_t>(categories_, 1);
        if (horizontal_) {
            // Categories down the left, values along the bottom.
            left_ = 8 + x_title + widest + 8;
            right_ = style_.width - 12 - axes_[0].label_width / 2;
            bottom_ = style_.height - 8 - y_title - 18;
            band_ = (bottom_ - top_) / static_cast<double>(n);
            label_every_ = static_cast<std::size_t>(std::ceil(14 / std::max(band_, 1.0)));
            return;
        }
        left_ = 8 + y_title + axes_[0].label_width + 8;
        right_ = style_.width - (secondary_ ? 8 + axes_[1].label_width + 8 : 16);
        band_ = (right_ - left_) / static_cast<double>(n);
        double label_area = 20;
        if (widest > band_ - 6) {
            // Side by side they would overlap: turn them 45° and keep every k-th when even that is too dense.
            rotate_ = true;
            label_chars_ = 16;
            double longest = 0;
            for (const std::string& name : names)
                longest = std::max(longest, text_width(shorten(name, label_chars_), font_size));
            label_area = longest * 0.71 + 16;
            // A turned label reaches left of its category: leave room for the first one.
            left_ = std::max(left_, longest * 0.71 - band_ / 2 + 8);
            band_ = (right_ - left_) / static_cast<double>(n);
            label_every_ = static_cast<std::size_t>(std::ceil(16 / std::max(band_, 1.0)));
        } else {
            label_chars_ = category_chars;
        }
        bottom_ = style_.height - 8 - x_title - label_area;
        bottom_ = std::max(bottom_, top_ + 40);
    }

    // Where value v of axis a is, along the value direction.
    double pos(int a, double v) const {
        const axis_scale& s = axes_[a].scale;
        const double t = (v - s.min) / (s.max - s.min);
        return horizontal_ ? left_ + t * (right_ - left_) : bottom_ - t * (bottom_ - top_);
    }

    // The centre of category k, along the category direction.
    double centre(std::size_t k) const {
        return (horizontal_ ? top_ : left_) + band_ * (static_cast<double>(k) + 0.5);
    }

    double baseline(int a) const {
        const axis_scale& s = axes_[a].scale;
        return pos(a, std::clamp(0.0, s.min, s.max));
    }

    std::string grid_and_axes() const {
        std::string grid = "<g class=\"folio-grid\" stroke-width=\"1\"" + named_paint("grid", grid_color, "stroke") + ">\n";
        std::string ticks = "<g class=\"folio-ticks\"" + named_paint("text", text_color(style_), "fill") + ">\n";
        const value_axis& a0 = axes_[0];
        for (std::size_t i = 0; i < a0.scale.ticks.size(); ++i) {
            const double p = pos(0, a0.scale.ticks[i]);
            if (horizontal_) {
                grid += "<line x1=\"" + num(p) + "\" y1=\"" + num(top_) + "\" x2=\"" + num(p) + "\" y2=\"" + num(bottom_) + "\"/>\n";
                ticks += label(p, bottom_ + 16, "middle", a0.labels[i]);
            } else {
                grid += "<line x1=\"" + num(left_) + "\" y1=\"" + num(p) + "\" x2=\"" + num(right_) + "\" y2=\"" + num(p) + "\"/>\n";
                ticks += label(left_ - 6, p + 4, "end", a0.labels[i]);
            }
        }
        if (secondary_) {
            const value_axis& a1 = axes_[1];
            for (std::size_t i = 0; i < a1.scale.ticks.size(); ++i)
                ticks += label(right_ + 6, pos(1, a1.scale.ticks[i]) + 4, "start", a1.labels[i]);
        }
        grid += "</g>\n";
        // The category axis, on the zero line when the values cross zero.
        const double base = baseline(0);
        std::string axis = "<g class=\"folio-axis\" stroke-width=\"1.5\"" + named_paint("text", text_color(style_), "stroke") +
                           " stroke-opacity=\"0.6\">\n";
        if (horizontal_)
            axis += "<line x1=\"" + num(base) + "\" y1=\"" + num(top_) + "\" x2=\"" + num(base) + "\" y2=\"" + num(bottom_) + "\"/>\n";
        else
            axis += "<line x1=\"" + num(left_) + "\" y1=\"" + num(base) + "\" x2=\"" + num(right_) + "\" y2=\"" + num(base) + "\"/>\n";
        axis += "</g>\n";
        return grid + axis + ticks + "</g>\n";
    }

    // A rectangle from value `from` to value `to` across `thick` pixels at offset `at` of the category direction.
    std::string bar_rect(int a, double from, double to, double at, double thick, std::size_t s, std::size_t k) const {
        const double p0 = pos(a, from), p1 = pos(a, to);
        const double lo = std::min(p0, p1), len = std::fabs(p1 - p0);
        std::string out = horizontal_ ? "<rect x=\"" + num(lo) + "\" y=\"" + num(at) + "\" width=\"" + num(len) +
                                            "\" height=\"" + num(thick) + "\""
                                      : "<rect x=\"" + num(at) + "\" y=\"" + num(lo) + "\" width=\"" + num(thick) +
                                            "\" height=\"" + num(len) + "\"";
        return out + series_paint(style_, s, "fill") + "><title>" + escape(point_text(s, k)) + "</title></rect>\n";
    }

    // "EMEA, NPS: 42" for a mark's tooltip.
    std::string point_text(std::size_t s, std::size_t k) const {
        const value_axis& axis = axes_[axis_of_[s]];
        return category_label(c_.categories[k]) + ", " + c_.series[s].name + ": " + axis.format->text(c_.series[s].points[k].v);
    }

    std::string marks() const {
        std::string out = "<g class=\"folio-marks\">\n";
        if (stacked_) {
            out += stacks();
        } else if (!bar_series_.empty()) {
            out += grouped_bars();
        }
        for (std::size_t s = 0; s < c_.series.size(); ++s)
            if (kinds_[s] != mark_kind::bar) out += line_or_area(s);
        return out + "</g>\n";
    }

    std::string grouped_bars() const {
        std::string out, labels;
        const double group = band_ * 0.7, thick = group / static_cast<double>(bar_series_.size());
        const bool show_labels = c_.type != chart_type::combo;
        for (std::size_t b = 0; b < bar_series_.size(); ++b) {
            const std::size_t s = bar_series_[b];
            out += "<g class=\"folio-series folio-series-" + std::to_string(s) + "\">\n";
            for (std::size_t k = 0; k < categories_; ++k) {
                const auto v = at(s, k);
                if (!v) continue;
                const double offset = centre(k) - group / 2 + thick * static_cast<double>(b);
                out += bar_rect(axis_of_[s], 0, *v, offset, thick, s, k);
                if (show_labels) labels += bar_label(s, k, *v, offset + thick / 2, thick);
            }
            out += "</g>\n";
        }
        if (!labels.empty())
            out += "<g class=\"folio-data-labels\" font-size=\"11\"" + named_paint("text", text_color(style_), "fill") + ">\n" +
                   labels + "</g>\n";
        return out;
    }

    // The value beside a bar's end, when it fits across the bar and inside the plot.
    std::string bar_label(std::size_t s, std::size_t k, double v, double mid, double thick) const {
        const std::string text = axes_[axis_of_[s]].format->text(c_.series[s].points[k].v);
        const double w = text_width(text, 11);
        const double end = pos(axis_of_[s], v);
        if (horizontal_) {
            if (thick < 12) return {};
            if (v >= 0 && end + 4 + w <= right_) return label(end + 4, mid + 4, "start", text);
            if (v < 0 && end - 4 - w >= left_) return label(end - 4, mid + 4, "end", text);
            if (std::fabs(end - baseline(axis_of_[s])) < w + 8) return {};
            const std::string ink = " fill=\"" + ink_on(series_color(style_, s)) + "\"";
            return v >= 0 ? label(end - 4, mid + 4, "end", text, 0, ink) : label(end + 4, mid + 4, "start", text, 0, ink);
        }
        if (w > thick + 6) return {};
        if (v >= 0 && end - 16 >= top_) return label(mid, end - 4, "middle", text);
        if (v < 0 && end + 14 <= bottom_) return label(mid, end + 13, "middle", text);
        // No room beyond the end (the bar reaches the edge of the plot): inside it, when it is long enough.
        if (w > thick - 2 || std::fabs(end - baseline(axis_of_[s])) < 20) return {};
        const std::string ink = " fill=\"" + ink_on(series_color(style_, s)) + "\"";
        return v >= 0 ? label(mid, end + 14, "middle", text, 0, ink) : label(mid, end - 5, "middle", text, 0, ink);
    }

    // Stacks: positive values upward from 0, negative values downward, in series order.
    std::string stacks() const {
        std::string out;
        const double thick = band_ * 0.6;
        std::vector<double> up(categories_, 0), down(categories_, 0);
        for (std::size_t s = 0; s < c_.series.size(); ++s) {
            out += "<g class=\"folio-series folio-series-" + std::to_string(s) + "\">\n";
            for (std::size_t k = 0; k < categories_; ++k) {
                const auto v = at(s, k);
                if (!v || *v == 0) continue;
                double& end = *v > 0 ? up[k] : down[k];
                out += bar_rect(0, end, end + *v, centre(k) - thick / 2, thick, s, k);
                end += *v;
            }
            out += "</g>\n";
        }
        return out;
    }

    std::string point(double along, double value_pos) const {
        return horizontal_ ? num(value_pos) + "," + num(along) : num(along) + "," + num(value_pos);
    }

    // One polyline (and, for an area, one filled polygon) per run of consecutive numbers.
    std::string line_or_area(std::size_t s) const {
        const int a = axis_of_[s];
        std::string out = "<g class=\"folio-series folio-series-" + std::to_string(s) + "\">\n";
        std::string markers;
        std::vector<std::size_t> run;
        const bool show_markers = categories_ <= 60;
        const bool show_labels = kinds_[s] == mark_kind::line && c_.series.size() == 1 && categories_ <= 12;
        std::string labels;
        auto flush = [&] {
            if (run.empty()) return;
            std::string pts;
            for (std::size_t k : run) pts += (pts.empty() ? "" : " ") + point(centre(k), pos(a, *at(s, k)));
            if (kinds_[s] == mark_kind::area) {
                const double base = baseline(a);
                const std::string poly = point(centre(run.front()), base) + " " + pts + " " + point(centre(run.back()), base);
                out += "<polygon points=\"" + poly + "\" fill-opacity=\"0.3\"" + series_paint(style_, s, "fill") + "/>\n";
            }
            if (run.size() > 1)
                out += "<polyline points=\"" + pts + "\" fill=\"none\" stroke-width=\"2.5\" stroke-linejoin=\"round\"" +
                       series_paint(style_, s, "stroke") + "/>\n";
            run.clear();
        };
        for (std::size_t k = 0; k < categories_; ++k) {
            const auto v = at(s, k);
            if (!v) {
                flush();
                continue;
            }
            run.push_back(k);
            // A point alone between gaps still shows, as its marker.
            if (show_markers || ((k == 0 || !at(s, k - 1)) && (k + 1 >= categories_ || !at(s, k + 1)))) {
                const double x = horizontal_ ? pos(a, *v) : centre(k), y = horizontal_ ? centre(k) : pos(a, *v);
                markers += "<circle cx=\"" + num(x) + "\" cy=\"" + num(y) + "\" r=\"3.5\"" + series_paint(style_, s, "fill") +
                           "><title>" + escape(point_text(s, k)) + "</title></circle>\n";
            }
            if (show_labels) {
                const double x = centre(k), y = pos(a, *v);
                if (y - 8 >= top_) labels += label(x, y - 8, "middle", axes_[a].format->text(c_.series[s].points[k].v));
            }
        }
        flush();
        out += markers;
        if (!labels.empty())
            out += "<g class=\"folio-data-labels\" font-size=\"11\"" + named_paint("text", text_color(style_), "fill") + ">\n" +
                   labels + "</g>\n";
        return out + "</g>\n";
    }

    std::string category_labels() const {
        const std::vector<std::string> names = category_texts();
        std::string out = "<g class=\"folio-categories\"" + named_paint("text", text_color(style_), "fill") + ">\n";
        for (std::size_t k = 0; k < names.size(); k += label_every_) {
            if (horizontal_) {
                out += label(left_ - 6, centre(k) + 4, "end", names[k], category_chars, " unicode-bidi=\"plaintext\"");
            } else if (rotate_) {
                const double x = centre(k), y = bottom_ + 14;
                out += label(x, y, "end", names[k], label_chars_,
                             " transform=\"rotate(-45 " + num(x) + " " + num(y) + ")\" unicode-bidi=\"plaintext\"");
            } else {
                out += label(centre(k), bottom_ + 16, "middle", names[k], label_chars_, " unicode-bidi=\"plaintext\"");
            }
        }
        return out + "</g>\n";
    }

    // x_title names the category axis and y_title the value axis, whichever way they run.
    std::string axis_titles() const {
        if (c_.x_title.empty() && c_.y_title.empty()) return {};
        std::string out = "<g class=\"folio-axis-titles\" font-weight=\"bold\"" + named_paint("text", text_color(style_), "fill") + ">\n";
        const double mid_x = (left_ + right_) / 2, mid_y = (top_ + bottom_) / 2;
        const std::string rotated_at_left = " transform=\"rotate(-90 " + num(14) + " " + num(mid_y) + ")\" unicode-bidi=\"plaintext\"";
        if (horizontal_) {
            if (!c_.x_title.empty()) out += label(14, mid_y, "middle", c_.x_title, 40, rotated_at_left);
            if (!c_.y_title.empty()) out += label(mid_x, style_.height - 8, "middle", c_.y_title, 60, " unicode-bidi=\"plaintext\"");
        } else {
            if (!c_.x_title.empty()) out += label(mid_x, style_.height - 8, "middle", c_.x_title, 60, " unicode-bidi=\"plaintext\"");
            if (!c_.y_title.empty()) out += label(14, mid_y, "middle", c_.y_title, 40, rotated_at_left);
        }
        return out + "</g>\n";
    }

    // "Column chart of CSAT by region: 4 categories, 1 series, values from 70% to 90%."
    std::string summary() const {
        std::string out = describe(r_, c_);
        out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
        out += ": " + std::to_string(categories_) + (categories_ == 1 ? " category, " : " categories, ") +
               std::to_string(c_.series.size()) + " series";
        if (c_.type == chart_type::combo)
            out += "; " + metric_name(r_, c_.metrics[0]) + " as columns on the left axis, the others as lines on the right axis";
        for (int a = 0; a < (secondary_ ? 2 : 1); ++a) {
            double lo = NAN, hi = NAN;
            for (std::size_t s = 0; s < c_.series.size(); ++s) {
                if (axis_of_[s] != a) continue;
                for (std::size_t k = 0; k < categories_; ++k)
                    if (auto v = at(s, k)) {
                        lo = std::isnan(lo) ? *v : std::min(lo, *v);
                        hi = std::isnan(hi) ? *v : std::max(hi, *v);
                    }
            }
            if (std::isnan(lo)) {
                out += a == 0 ? "; no values" : "; no values on the right axis";
            } else {
                out += std::string(a == 0 ? "; values from " : "; right axis from ") + axes_[a].format->number(lo) + " to " +
                       axes_[a].format->number(hi);
            }
        }
        return out + ".";
    }
};

}  // namespace

std::string cartesian_chart(const eval::report_result& r, const eval::chart_result& c, const chart_style& style) {
    return cartesian(r, c, style).draw();
}

}  // namespace folio::templates::svg

// The shared parts of SVG charts (see svg_frame.hpp).
#include "html/svg/svg_frame.hpp"

#include <algorithm>
#include <cmath>

#include "html/svg/svg_text.hpp"

namespace folio::templates::svg {

std::string element_id(const chart_style& style, std::string_view name) {
    std::string raw = style.id.empty() ? "folio-" + std::string(name) : style.id;
    for (char& ch : raw) {
        const bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-' ||
                        ch == '_';
        if (!ok) ch = '-';
    }
    if (raw.empty() || !((raw[0] >= 'a' && raw[0] <= 'z') || (raw[0] >= 'A' && raw[0] <= 'Z'))) raw = "c" + raw;
    return raw;
}

std::string series_color(const chart_style& style, std::size_t index) {
    static const std::vector<std::string> fallback{"#1F4E79", "#F28C28", "#5B9BD5", "#70AD47", "#A5A5A5", "#FFC000"};
    const std::vector<std::string>& colors =
        style.colors != nullptr && !style.colors->series.empty() ? style.colors->series : fallback;
    return colors[index % colors.size()];
}

static std::size_t palette_size(const chart_style& style) {
    return style.colors != nullptr && !style.colors->series.empty() ? style.colors->series.size() : 6;
}

std::string named_paint(std::string_view variable, const std::string& color, std::string_view property) {
    const std::string c = escape(color);
    return " " + std::string(property) + "=\"" + c + "\" style=\"" + std::string(property) + ":var(--folio-" +
           std::string(variable) + "," + c + ")\"";
}

std::string series_variable(const chart_style& style, std::size_t index) {
    return "series-" + std::to_string(index % palette_size(style));
}

std::string series_paint(const chart_style& style, std::size_t index, std::string_view property) {
    return named_paint(series_variable(style, index), series_color(style, index), property);
}

std::string fill_and_stroke(std::string_view fill_variable, const std::string& fill, std::string_view stroke_variable,
                            const std::string& stroke) {
    const std::string f = escape(fill), s = escape(stroke);
    return " fill=\"" + f + "\" stroke=\"" + s + "\" style=\"fill:var(--folio-" + std::string(fill_variable) + "," + f +
           ");stroke:var(--folio-" + std::string(stroke_variable) + "," + s + ")\"";
}

std::string text_color(const chart_style& style) {
    return style.colors != nullptr && !style.colors->text.empty() ? style.colors->text : "#1A1A1A";
}

std::string ink_on(const std::string& hex) {
    // WCAG relative luminance: black text on light colours, white on dark ones.
    if (hex.size() != 7 || hex[0] != '#') return "#FFFFFF";
    auto channel = [&](std::size_t at) {
        const double c = std::stoi(hex.substr(at, 2), nullptr, 16) / 255.0;
        return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    const double l = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
    return l > 0.179 ? "#000000" : "#FFFFFF";
}

std::string open_svg(const chart_style& style, const std::string& id, std::string_view css_class, double width,
                     double height, std::string_view title, std::string_view desc) {
    std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"" + std::string(css_class) + "\" viewBox=\"0 0 " +
                      num(width) + " " + num(height) + "\" width=\"100%\" preserveAspectRatio=\"xMidYMid meet\"" +
                      " role=\"img\" aria-labelledby=\"" + id + "-title " + id + "-desc\"";
    out += " font-family=\"" + escape(style.font.empty() ? std::string("sans-serif") : style.font + ", sans-serif") +
           "\" font-size=\"" + num(font_size) + "\">\n";
    out += "<title id=\"" + id + "-title\">" + escape(title) + "</title>\n";
    out += "<desc id=\"" + id + "-desc\">" + escape(desc) + "</desc>\n";
    return out;
}

std::string label(double x, double y, std::string_view anchor, std::string_view text, std::size_t max_chars,
                  std::string_view extra) {
    const std::string shown = shorten(text, max_chars);
    std::string out = "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\"";
    if (anchor != "start") out += " text-anchor=\"" + std::string(anchor) + "\"";
    out += std::string(extra) + ">" + escape(shown);
    if (shown.size() != text.size()) out += "<title>" + escape(text) + "</title>";
    return out + "</text>\n";
}

std::string heading(const chart_style& style, std::string_view title, std::string_view subtitle, double& top) {
    if (!style.show_title || (title.empty() && subtitle.empty())) return {};
    const std::size_t title_chars = static_cast<std::size_t>(style.width / (title_size * 0.6)) - 2;
    const std::size_t sub_chars = static_cast<std::size_t>(style.width / (font_size * 0.6)) - 2;
    std::string out = "<g class=\"folio-heading\"" + named_paint("text", text_color(style), "fill") + ">\n";
    if (!title.empty()) {
        top += title_size + 2;
        out += label(style.width / 2, top, "middle", title, title_chars,
                     " font-size=\"" + num(title_size) + "\" font-weight=\"bold\" unicode-bidi=\"plaintext\"");
        top += 4;
    }
    if (!subtitle.empty()) {
        top += font_size + 2;
        out += label(style.width / 2, top, "middle", subtitle, sub_chars, " unicode-bidi=\"plaintext\"");
        top += 4;
    }
    return out + "</g>\n";
}

static std::string mark(const chart_style& style, const legend_entry& e, double x, double y) {
    if (e.line)
        return "<line x1=\"" + num(x) + "\" y1=\"" + num(y + 5) + "\" x2=\"" + num(x + 14) + "\" y2=\"" + num(y + 5) +
               "\" stroke-width=\"2.5\"" + series_paint(style, e.color, "stroke") + "/>\n";
    return "<rect x=\"" + num(x + 2) + "\" y=\"" + num(y) + "\" width=\"10\" height=\"10\"" +
           series_paint(style, e.color, "fill") + "/>\n";
}

std::string legend(const chart_style& style, const std::vector<legend_entry>& entries, double left, double width,
                   double& top) {
    if (entries.empty()) return {};
    constexpr std::size_t max_chars = 28;
    constexpr double row = 18;
    std::string out = "<g class=\"folio-legend\"" + named_paint("text", text_color(style), "fill") + ">\n";
    double x = left, y = top + 4;
    for (const legend_entry& e : entries) {
        const double w = 20 + text_width(shorten(e.name, max_chars), font_size) + 16;
        if (x > left && x + w > left + width) {
            x = left;
            y += row;
        }
        out += mark(style, e, x, y);
        out += label(x + 18, y + 9.5, "start", e.name, max_chars, " unicode-bidi=\"plaintext\"");
        x += w;
    }
    top = y + row;
    return out + "</g>\n";
}

std::string legend_column(const chart_style& style, const std::vector<legend_entry>& entries,
                          const std::vector<std::string>& details, double left, double top, std::size_t max_chars) {
    if (entries.empty()) return {};
    std::string out = "<g class=\"folio-legend\"" + named_paint("text", text_color(style), "fill") + ">\n";
    double y = top;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        out += mark(style, entries[i], left, y);
        std::string text = entries[i].name;
        out += label(left + 18, y + 9.5, "start", text, max_chars, " unicode-bidi=\"plaintext\"");
        if (i < details.size() && !details[i].empty())
            out += label(left + 18 + text_width(shorten(text, max_chars), font_size) + 6, y + 9.5, "start", details[i], 0,
                         " fill-opacity=\"0.75\"");
        y += 18;
    }
    return out + "</g>\n";
}

}  // namespace folio::templates::svg

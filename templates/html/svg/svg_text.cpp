// Text for SVG charts (see svg_text.hpp).
#include "html/svg/svg_text.hpp"

#include <charconv>
#include <cmath>

namespace folio::templates::svg {

std::string escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default:
                // Control characters are not allowed in XML 1.0 (except tab and newlines).
                if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                    out += ' ';
                } else {
                    out += c;
                }
        }
    }
    return out;
}

std::string num(double x) {
    if (!std::isfinite(x)) return "0";
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::fixed, 2);
    if (ec != std::errc{}) return "0";
    std::string s(buf, end);
    if (s.find('.') != std::string::npos) {
        while (s.back() == '0') s.pop_back();
        if (s.back() == '.') s.pop_back();
    }
    if (s == "-0") s = "0";
    return s;
}

std::optional<double> number_of(const value& v) {
    if (v.is_number() && std::isfinite(v.number())) return v.number();
    return std::nullopt;
}

std::size_t text_length(std::string_view text) {
    std::size_t n = 0;
    for (char c : text)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

double text_width(std::string_view text, double font_size) {
    return static_cast<double>(text_length(text)) * font_size * 0.6;
}

std::string shorten(std::string_view text, std::size_t max_chars) {
    if (max_chars == 0 || text_length(text) <= max_chars) return std::string(text);
    // Keep max_chars - 1 whole code points, then the ellipsis.
    std::size_t kept = 0, at = 0;
    while (at < text.size()) {
        std::size_t next = at + 1;
        while (next < text.size() && (static_cast<unsigned char>(text[next]) & 0xC0) == 0x80) ++next;
        if (kept + 1 > max_chars - 1) break;
        ++kept;
        at = next;
    }
    return std::string(text.substr(0, at)) + "\u2026";
}

value_formatter::value_formatter(const std::string& code, const std::string& fallback, const std::string& locale)
    : locale_(find_locale(locale)) {
    if (locale_ == nullptr) locale_ = &en_us;
    for (const std::string* c : {&code, &fallback}) {
        if (c->empty()) continue;
        auto parsed = number_format::parse(*c);
        if (auto* f = std::get_if<number_format>(&parsed)) {
            format_ = *f;
            return;
        }
    }
}

std::string value_formatter::number(double x) const {
    return format_ ? format_->format(x, *locale_).text : format_general(x, *locale_);
}

std::string value_formatter::text(const value& v) const {
    if (v.is_number()) return number(v.number());
    if (v.is_error()) return std::string(error_text(v.error()));
    if (v.is_text()) return v.text();
    if (v.is_boolean()) return v.boolean() ? "TRUE" : "FALSE";
    return {};
}

double value_formatter::resolution() const {
    if (!format_) return 0;
    const std::string zero = number(0);
    double found = 0;
    for (int k = 6; k >= -6; --k) {
        const double r = std::pow(10.0, k);
        if (number(r) != zero && number(-r) != zero) found = r;
    }
    return found <= 1e-6 ? 0 : found;
}

value_formatter formatter_for(const eval::report_result& r, std::size_t metric, const std::string& fallback,
                              const std::string& locale) {
    const std::string& code = metric < r.metrics.size() ? r.metrics[metric].format : std::string();
    return value_formatter(code, fallback, locale);
}

std::string category_label(const std::vector<eval::dimension_value>& category) {
    std::string out;
    for (const eval::dimension_value& d : category) {
        if (!out.empty()) out += " \u00B7 ";
        out += d.label.empty() ? "(blank)" : d.label;
    }
    return out.empty() ? "(blank)" : out;
}

}  // namespace folio::templates::svg

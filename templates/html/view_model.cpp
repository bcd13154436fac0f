// Building the view model (see view_model.hpp and view_schema.hpp for its keys). Every key of
// the schema is set in every object, false when it has no value, so a template's {{#title}}
// inside a table never falls through to the report's title.
#include "html/view_model.hpp"

#include <cmath>
#include <fmt/format.h>

#include "folio/engine/number_format.hpp"
#include "folio/engine/serial_date.hpp"
#include "folio/engine/value.hpp"
#include "folio/templates/words.hpp"
#include "metric_format.hpp"
#include "html/svg/svg_chart.hpp"
#include "html/template_files.hpp"

namespace folio::templates::html {
namespace {

using kainjow::mustache::data;
using kainjow::mustache::list;
using kainjow::mustache::object;

data text_or_false(const std::string& s) { return s.empty() ? data(false) : data(s); }

std::string language_of(const std::string& locale) {
    const std::string lang = locale.substr(0, 2);
    if (lang == "es" || lang == "ES") return "es";
    if (lang == "pt" || lang == "PT") return "pt";
    return "en";
}

// Theme fonts go into CSS: keep only characters a font name needs, so a theme cannot break out of the style.
std::string css_font(const std::string& font) {
    std::string out;
    for (char c : font)
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ' || c == '-' || c == '_')
            out += c;
    return out.empty() ? "system-ui" : out;
}

std::string base64(const std::string& bytes) {
    static const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        const unsigned b0 = static_cast<unsigned char>(bytes[i]);
        const unsigned b1 = i + 1 < bytes.size() ? static_cast<unsigned char>(bytes[i + 1]) : 0;
        const unsigned b2 = i + 2 < bytes.size() ? static_cast<unsigned char>(bytes[i + 2]) : 0;
        const unsigned n = (b0 << 16) | (b1 << 8) | b2;
        out += alphabet[(n >> 18) & 63];
        out += alphabet[(n >> 12) & 63];
        out += i + 1 < bytes.size() ? alphabet[(n >> 6) & 63] : '=';
        out += i + 2 < bytes.size() ? alphabet[n & 63] : '=';
    }
    return out;
}

class builder {
public:
    builder(const render_request& request, std::vector<std::string>& notes)
        : request_(request), report_(request.report), theme_(request.theme), notes_(notes),
          locale_(find_locale(request.locale) != nullptr ? *find_locale(request.locale) : en_us),
          language_(language_of(request.locale)) {}

    data page(const std::string& audience) {
        data root;
        root.set("lang", language_);
        root.set("locale", std::string(locale_.tag));
        root.set("audience", audience);
        root.set("title", report_.title.empty() ? report_.name : report_.title);
        root.set("subtitle", text_or_false(report_.subtitle));
        root.set("description", text_or_false(report_.description));
        root.set("brand", brand());
        root.set("period", period());
        root.set("theme", theme_view());
        root.set("words", words());
        root.set("sections", sections());
        root.set("definitions", definitions());
        root.set("notes", page_notes());
        return root;
    }

private:
    std::string word(std::string_view english) const { return std::string(translate(request_.locale, english)); }

    std::string value_text(const value& v, const std::string& code) const {
        switch (v.type()) {
            case value::kind::number:
                return code.empty() ? format_general(v.number(), locale_) : format_number(v.number(), code, locale_);
            case value::kind::text: return v.text();
            case value::kind::boolean: return v.boolean() ? "TRUE" : "FALSE";
            case value::kind::error: return std::string(error_text(v.error()));
            default: return "";
        }
    }

    // A change with its sign: "+3", "-1.2%"; errors and blanks as value_text shows them.
    std::string signed_text(const value& v, const std::string& code) const {
        std::string text = value_text(v, code);
        if (v.is_number() && v.number() > 0 && !text.empty() && text.front() != '+') text = "+" + text;
        return text;
    }

    std::string metric_code(std::size_t m) const { return metric_format_code(request_.program, report_.metrics[m], theme_); }

    // "good" or "bad" against the metric's target ("" without one): higher is better unless `better: lower`.
    std::string target_status(const eval::metric_info& m, const value& v) const {
        if (!m.has_target || !m.target.is_number() || !v.is_number()) return "";
        const bool lower = m.better == report::better_direction::lower;
        const bool good = lower ? v.number() <= m.target.number() : v.number() >= m.target.number();
        return good ? "good" : "bad";
    }

    data brand() const {
        if (theme_.brand_name.empty() && theme_.logo.empty()) return data(false);
        data b;
        b.set("name", text_or_false(theme_.brand_name));
        std::string logo;
        if (!theme_.logo.empty()) {
            try {
                logo = "data:" + theme_.logo_mime + ";base64," + base64(read_file_text(theme_.logo));
            } catch (const std::exception& e) {
                throw render_error(std::string("cannot embed the theme's logo: ") + e.what());
            }
        }
        b.set("logo", text_or_false(logo));
        return b;
    }

    data period() const {
        const eval::period_info& p = report_.period;
        if (!p.set || !p.has_current) return data(false);
        data out;
        out.set("label", period_in_words(p.current, request_.locale));
        out.set("previous", text_or_false(period_in_words(p.previous, request_.locale)));
        out.set("dimension", p.dimension_name);
        out.set("grain", std::string(report::grain_name(p.key.grain)));
        return out;
    }

    data theme_view() const {
        auto colours = [](const palette& p) {
            data d;
            d.set("primary", p.primary);
            d.set("accent", p.accent);
            d.set("good", p.good);
            d.set("bad", p.bad);
            d.set("text", p.text);
            d.set("background", p.background);
            list series;
            for (std::size_t i = 0; i < p.series.size(); ++i) {
                data c;
                c.set("index", std::to_string(i));
                c.set("color", p.series[i]);
                series.push_back(std::move(c));
            }
            d.set("series", series);
            return d;
        };
        data t;
        t.set("light", colours(theme_.light));
        t.set("dark", colours(theme_.dark));
        t.set("heading_font", css_font(theme_.heading_font));
        t.set("body_font", css_font(theme_.body_font));
        t.set("numbers_font", css_font(theme_.numbers_font));
        return t;
    }

    data words() const {
        data w;
        const std::pair<const char*, const char*> all[] = {
            {"aggregation", "Aggregation"}, {"chart_data", "Chart data"}, {"compared_with", "Compared with"},
            {"data", "Data"}, {"definitions", "Definitions"}, {"format", "Format"}, {"formula", "Formula"},
            {"key_figures", "Key figures"}, {"made_with", "Made with"}, {"notes", "Notes"}, {"period", "Period"},
            {"previous", "Previous"}, {"target", "Target"}, {"total", "Total"}, {"vs", "vs"}, {"year_ago", "Year ago"}};
        for (const auto& [key, english] : all) w.set(key, word(english));
        return w;
    }

    data sections() {
        list out;
        for (const eval::layout_item& item : report_.layout) {
            data s;
            s.set("kpis", false);
            s.set("chart", false);
            s.set("table", false);
            s.set("data", false);
            s.set("text", false);
            switch (item.kind) {
                case report::block_kind::kpis: s.set("kpis", kpis()); break;
                case report::block_kind::chart: s.set("chart", chart(report_.charts.at(item.index))); break;
                case report::block_kind::table: s.set("table", table(report_.tables.at(item.index))); break;
                case report::block_kind::data: s.set("data", data_block(report_.data.at(item.index))); break;
                case report::block_kind::text: s.set("text", report_.texts.at(item.index)); break;
            }
            out.push_back(std::move(s));
        }
        return out;
    }

    data kpis() {
        list tiles;
        for (const eval::kpi_tile& t : report_.kpis) tiles.push_back(tile(t));
        data k;
        k.set("tiles", tiles);
        return k;
    }

    data tile(const eval::kpi_tile& t) {
        const eval::metric_info& m = report_.metrics[t.metric];
        const std::string code = metric_code(t.metric);
        const bool compared = report_.period.set && report_.period.has_current && !t.whole_data;
        data d;
        d.set("name", m.name);
        d.set("label", m.label.empty() ? m.name : m.label);
        d.set("value", value_text(t.current, code));
        d.set("unit", text_or_false(m.unit));
        d.set("status", t.status.empty() ? "neutral" : t.status);
        d.set("status_text", t.status.empty() ? data(false) : data(word(t.status == "good" ? "On target" : "Off target")));
        d.set("target", m.has_target ? text_or_false(value_text(m.target, code)) : data(false));
        d.set("period_label", compared ? text_or_false(period_in_words(report_.period.current, request_.locale)) : data(false));
        d.set("previous_label", compared ? text_or_false(period_in_words(report_.period.previous, request_.locale)) : data(false));
        const bool has_previous = compared && !t.previous.is_blank();
        d.set("previous", has_previous ? text_or_false(value_text(t.previous, code)) : data(false));
        d.set("change", has_previous ? text_or_false(signed_text(t.change, code)) : data(false));
        d.set("pct_change", has_previous && t.pct_change.is_number() ? data(signed_text(t.pct_change, theme_.percent_format)) : data(false));
        const std::string trend = has_previous ? t.trend : "";
        d.set("trend", text_or_false(trend));
        d.set("trend_text", trend.empty() ? data(false) : data(word(trend == "up" ? "Up" : trend == "down" ? "Down" : "No change")));
        d.set("arrow", trend.empty() ? data(false) : data(std::string(trend == "up" ? "▲" : trend == "down" ? "▼" : "▬")));
        std::string change_status = "neutral";
        if ((trend == "up" || trend == "down") && m.better != report::better_direction::unspecified)
            change_status = (trend == "up") == (m.better == report::better_direction::higher) ? "good" : "bad";
        d.set("change_status", change_status);
        const bool has_year = compared && t.previous_year.is_number();
        d.set("previous_year", has_year ? data(value_text(t.previous_year, code)) : data(false));
        d.set("yoy_change", has_year ? text_or_false(signed_text(t.yoy_change, code)) : data(false));
        d.set("yoy_pct_change", has_year && t.yoy_pct_change.is_number() ? data(signed_text(t.yoy_pct_change, theme_.percent_format)) : data(false));
        d.set("note", t.whole_data ? data(fmt::format(fmt::runtime(word("Over all the data: the metric's sources have no {} dimension.")),
                                                      report_.period.dimension_name))
                                  : data(false));
        d.set("sparkline", text_or_false(sparkline(t.metric, m)));
        const bool barred = m.has_target && m.target.is_number() && t.current.is_number();
        d.set("bar", barred ? text_or_false(svg::kpi_bar(t.current.number(), m.target.number(), m.better,
                                                         style("bar-" + std::to_string(++svg_count_)), d_label(m)))
                            : data(false));
        return d;
    }

    // The metric over the report's periods, when a chart shows it alone along the period's dimension.
    std::string sparkline(std::size_t metric, const eval::metric_info& m) {
        if (!report_.period.set) return "";
        for (const eval::chart_result& c : report_.charts) {
            if (c.series.size() != 1 || c.by.size() != 1 || c.by[0].dimension != report_.period.key.dimension) continue;
            const eval::chart_series& s = c.series.front();
            if (s.metric != metric) continue;
            std::vector<double> values;
            for (const eval::chart_point& p : s.points) values.push_back(p.v.is_number() ? p.v.number() : std::nan(""));
            return svg::sparkline(values, style("spark-" + std::to_string(++svg_count_)), m.label.empty() ? m.name : m.label);
        }
        return "";
    }

    svg::chart_style style(const std::string& id) const {
        svg::chart_style s;
        s.id = id;
        s.fallback_format = theme_.number_format;
        s.colors = &theme_.light;
        s.font = css_font(theme_.body_font);
        s.locale = std::string(locale_.tag);
        return s;
    }

    data cell(const std::string& text, bool numeric, bool dimension, const std::string& status, const std::string& sort) const {
        data c;
        c.set("text", text);
        c.set("numeric", numeric);
        c.set("dimension", dimension);
        c.set("status", text_or_false(status));
        c.set("sort", text_or_false(sort));
        return c;
    }

    data metric_cell(std::size_t m, const value& v) const {
        const std::string sort = v.is_number() ? fmt::format("{}", v.number()) : "";
        const bool numeric = v.is_number() || v.is_error() || report_.metrics[m].type == report::value_type::number;
        return cell(value_text(v, metric_code(m)), numeric, false, target_status(report_.metrics[m], v), sort);
    }

    data dimension_cell(const eval::dimension_value& d) const {
        return cell(d.label, false, true, "", d.v.is_number() ? fmt::format("{}", d.v.number()) : "");
    }

    static data header(const std::string& text, bool numeric) {
        data h;
        h.set("text", text);
        h.set("numeric", numeric);
        return h;
    }

    static std::string d_label(const eval::metric_info& m) { return m.label.empty() ? m.name : m.label; }

    std::string metric_header(std::size_t m) const {
        const eval::metric_info& info = report_.metrics[m];
        return info.label.empty() ? info.name : info.label;
    }

    data table(const eval::table_result& t) const {
        list headers;
        for (const std::string& name : t.by_names) headers.push_back(header(name, false));
        for (std::size_t m : t.metrics) headers.push_back(header(metric_header(m), true));
        list rows;
        for (const eval::table_row& row : t.rows) {
            list cells;
            for (const eval::dimension_value& d : row.dims) cells.push_back(dimension_cell(d));
            for (std::size_t i = 0; i < t.metrics.size(); ++i) cells.push_back(metric_cell(t.metrics[i], row.values[i]));
            data r;
            r.set("cells", cells);
            rows.push_back(std::move(r));
        }
        data out;
        out.set("title", text_or_false(t.title));
        out.set("headers", headers);
        out.set("rows", rows);
        if (t.has_totals) {
            list cells;
            for (std::size_t i = 0; i < t.by_names.size(); ++i) cells.push_back(cell(i == 0 ? word("Total") : "", false, true, "", ""));
            for (std::size_t i = 0; i < t.metrics.size(); ++i) cells.push_back(metric_cell(t.metrics[i], t.totals.values[i]));
            data totals;
            totals.set("cells", cells);
            out.set("totals", totals);
        } else {
            out.set("totals", false);
        }
        out.set("note", false);
        return out;
    }

    data chart(const eval::chart_result& c) {
        data out;
        out.set("name", c.name);
        out.set("type", std::string(report::chart_type_name(c.type)));
        std::string title = c.title;
        for (std::size_t i = 0; title.empty() && i < c.metrics.size(); ++i)
            title += metric_header(c.metrics[i]);
        for (std::size_t i = 1; c.title.empty() && i < c.metrics.size(); ++i) title += ", " + metric_header(c.metrics[i]);
        out.set("title", title.empty() ? c.name : title);
        out.set("subtitle", text_or_false(c.subtitle));
        svg::chart_style s = style("chart-" + std::to_string(++svg_count_));
        s.show_title = false;  // the page writes the title as a heading
        out.set("svg", text_or_false(svg::chart(report_, c, s)));
        // The same numbers as a table: one row per category, one column per series.
        list headers;
        std::string category;
        for (const std::string& name : c.by_names) category += (category.empty() ? "" : " · ") + name;
        headers.push_back(header(category, false));
        for (const eval::chart_series& s : c.series) headers.push_back(header(s.name, true));
        list rows;
        for (std::size_t i = 0; i < c.categories.size(); ++i) {
            list cells;
            std::string label;
            for (const eval::dimension_value& d : c.categories[i]) label += (label.empty() ? "" : " · ") + d.label;
            cells.push_back(cell(label, false, true, "", ""));
            for (const eval::chart_series& s : c.series)
                cells.push_back(i < s.points.size() ? metric_cell(s.metric, s.points[i].v) : cell("", true, false, "", ""));
            data r;
            r.set("cells", cells);
            rows.push_back(std::move(r));
        }
        out.set("headers", headers);
        out.set("rows", rows);
        return out;
    }

    std::string data_cell_text(const folio::data::column& c, std::size_t row) const {
        if (c.is_null(row)) return "";
        switch (c.type()) {
            case folio::data::column_type::number: return format_general(c.numbers()[row], locale_);
            case folio::data::column_type::date: return format_number(c.numbers()[row], "yyyy-mm-dd", locale_);
            case folio::data::column_type::timestamp: return format_number(c.numbers()[row], "yyyy-mm-dd hh:mm:ss", locale_);
            case folio::data::column_type::boolean: return c.booleans()[row] != 0 ? "TRUE" : "FALSE";
            default: return std::string(c.text_at(row));
        }
    }

    data data_block(const eval::data_result& d) {
        list headers, rows;
        const std::size_t total = d.rows ? d.rows->row_count() : 0;
        const std::size_t shown = std::min(total, data_rows_shown);
        if (d.rows) {
            for (const folio::data::column& c : d.rows->columns()) headers.push_back(header(c.name(), c.type() == folio::data::column_type::number));
            for (std::size_t row = 0; row < shown; ++row) {
                list cells;
                for (const folio::data::column& c : d.rows->columns()) {
                    const bool number = c.type() == folio::data::column_type::number && !c.is_null(row);
                    cells.push_back(cell(data_cell_text(c, row), c.type() == folio::data::column_type::number, false, "",
                                         number ? fmt::format("{}", c.numbers()[row]) : ""));
                }
                data r;
                r.set("cells", cells);
                rows.push_back(std::move(r));
            }
        }
        data out;
        out.set("source", d.source);
        out.set("headers", headers);
        out.set("rows", rows);
        out.set("shown", format_number(static_cast<double>(shown), "#,##0", locale_));
        out.set("total", format_number(static_cast<double>(total), "#,##0", locale_));
        if (shown < total) {
            out.set("note", fmt::format(fmt::runtime(word("Showing the first {} of {} rows")),
                                        format_number(static_cast<double>(shown), "#,##0", locale_),
                                        format_number(static_cast<double>(total), "#,##0", locale_)));
            notes_.push_back(fmt::format("{}: the data block of '{}' shows the first {} of {} rows", report_.name, d.source,
                                         shown, total));
        } else {
            out.set("note", false);
        }
        return out;
    }

    // The formula of a metric as written in its file, on one line.
    std::string formula_text(const eval::metric_info& m) const {
        if (m.metric == eval::npos || m.metric >= request_.program.metrics.size()) return m.name;
        const report::expr& f = request_.program.metrics[m.metric].formula;
        if (f.loc.file == nullptr || f.loc.span.length == 0) return m.name;
        std::string text = f.loc.file->text().substr(f.loc.span.offset, f.loc.span.length);
        std::string out;
        bool space = false;
        for (char c : text) {
            if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
                space = !out.empty();
                continue;
            }
            if (space) out += ' ';
            space = false;
            out += c;
        }
        return out;
    }

    data definitions() const {
        if (report_.metrics.empty()) return data(false);
        list items;
        for (std::size_t i = 0; i < report_.metrics.size(); ++i) {
            const eval::metric_info& m = report_.metrics[i];
            data d;
            d.set("name", m.name);
            d.set("label", m.label.empty() ? m.name : m.label);
            d.set("description", text_or_false(m.description));
            d.set("formula", m.metric == eval::npos ? m.name : formula_text(m));
            d.set("format", text_or_false(m.format));
            d.set("unit", text_or_false(m.unit));
            d.set("target", m.has_target ? text_or_false(value_text(m.target, metric_code(i))) : data(false));
            d.set("better", m.better == report::better_direction::unspecified ? data(false)
                            : data(word(m.better == report::better_direction::higher ? "higher is better" : "lower is better")));
            d.set("aggregation", text_or_false(m.aggregation));
            items.push_back(std::move(d));
        }
        data out;
        out.set("items", items);
        return out;
    }

    data page_notes() const {
        list items;
        auto add = [&](const std::string& text, bool warning) {
            data n;
            n.set("text", text);
            n.set("warning", warning);
            items.push_back(std::move(n));
        };
        for (const eval::metric_info& m : report_.metrics)
            if (!m.aggregation.empty()) add((m.label.empty() ? m.name : m.label) + ": " + m.aggregation, false);
        for (const eval::expect_result& e : report_.expects)
            if (!e.passed)
                add(fmt::format(fmt::runtime(word("Check failed: {}")), e.text + (e.message.empty() ? "" : " (" + e.message + ")")), true);
        if (items.empty()) return data(false);
        data out;
        out.set("items", items);
        return out;
    }

    const render_request& request_;
    const eval::report_result& report_;
    const theme& theme_;
    std::vector<std::string>& notes_;
    const format_locale& locale_;
    std::string language_;
    std::size_t svg_count_ = 0;  // numbers the SVGs' ids, unique in the page
};

}  // namespace

std::string period_in_words(const eval::dimension_value& period, const std::string& locale) {
    if (period.grain == report::time_grain::none || !period.v.is_number() || !is_valid_serial(period.v.number()))
        return period.label;
    const format_locale& loc = find_locale(locale) != nullptr ? *find_locale(locale) : en_us;
    const std::string lang = language_of(locale);
    const double serial = period.v.number();
    switch (period.grain) {
        case report::time_grain::month:
            return format_number(serial, lang == "en" ? "mmmm yyyy" : "mmmm \"de\" yyyy", loc);
        case report::time_grain::day:
            return format_number(serial, lang == "en" ? "mmmm d, yyyy" : "d \"de\" mmmm \"de\" yyyy", loc);
        case report::time_grain::year: return format_number(serial, "yyyy", loc);
        case report::time_grain::quarter: {
            const civil_date d = date_from_serial(serial);
            return (lang == "en" ? "Q" : "T") + std::to_string((d.month - 1) / 3 + 1) + " " + std::to_string(d.year);
        }
        default: return period.label;
    }
}

kainjow::mustache::data build_view_model(const render_request& request, const std::string& audience,
                                         std::vector<std::string>& notes) {
    return builder(request, notes).page(audience);
}

}  // namespace folio::templates::html

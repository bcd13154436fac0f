// The JSON output of a report (see json_output.hpp and docs/json.md).
#include "folio/engine/eval/json_output.hpp"

#include <cstdio>
#include <stdexcept>

#include "folio/engine/eval/time_period.hpp"
#include "folio/engine/output_file.hpp"
#include "json_document.hpp"

namespace folio::eval {
namespace {

json error_json(error_code e) {
    json j = json::object();
    j.set("error", json::string(error_text(e)));
    return j;
}

// A metric value: numbers in full precision (dates as ISO text when the metric is a date), errors as objects.
json value_json(const value& v, report::value_type type = report::value_type::unknown) {
    switch (v.type()) {
        case value::kind::number:
            if (type == report::value_type::date) return json::string(iso_date_text(v.number()));
            return json::number(v.number());
        case value::kind::boolean: return json::boolean(v.boolean());
        case value::kind::text: return json::string(v.text());
        case value::kind::error: return error_json(v.error());
        default: return json();
    }
}

// A dimension value: its label for text and periods, numbers and booleans as themselves, blank as null.
json dimension_json(const dimension_value& d) {
    if (d.grain != report::time_grain::none && d.v.is_number()) return json::string(d.label);
    if (d.v.is_text()) return json::string(d.label);
    return value_json(d.v);
}

std::string location_text(const report::location& loc) {
    if (loc.file == nullptr) return "";
    const dsl::line_column lc = loc.file->position(loc.span.offset);
    return loc.file->path() + ":" + std::to_string(lc.line) + ":" + std::to_string(lc.column);
}

json names_json(const std::vector<std::string>& names) {
    json a = json::array();
    for (const std::string& n : names) a.push(json::string(n));
    return a;
}

json metric_names(const report_result& r, const std::vector<std::size_t>& metrics) {
    json a = json::array();
    for (std::size_t m : metrics) a.push(json::string(r.metrics[m].name));
    return a;
}

json cell_json(const data::column& c, std::size_t row) {
    if (c.is_null(row)) return json();
    switch (c.type()) {
        case data::column_type::number: return json::number(c.numbers()[row]);
        case data::column_type::date:
        case data::column_type::timestamp: return json::string(iso_date_text(c.numbers()[row]));
        case data::column_type::boolean: return json::boolean(c.booleans()[row] != 0);
        default: return json::string(c.text_at(row));
    }
}

json metrics_json(const report_result& r) {
    json a = json::array();
    for (const metric_info& m : r.metrics) {
        json o = json::object();
        o.set("name", json::string(m.name));
        if (!m.label.empty()) o.set("label", json::string(m.label));
        if (!m.description.empty()) o.set("description", json::string(m.description));
        if (!m.format.empty()) o.set("format", json::string(m.format));
        if (!m.unit.empty()) o.set("unit", json::string(m.unit));
        if (m.better != report::better_direction::unspecified)
            o.set("better", json::string(m.better == report::better_direction::higher ? "higher" : "lower"));
        if (m.has_target) o.set("target", value_json(m.target, m.type));
        if (!m.aggregation.empty()) o.set("aggregation", json::string(m.aggregation));
        a.push(std::move(o));
    }
    return a;
}

json kpis_json(const report_result& r) {
    json a = json::array();
    for (const kpi_tile& t : r.kpis) {
        const metric_info& m = r.metrics[t.metric];
        json o = json::object();
        o.set("metric", json::string(m.name));
        const bool period = r.period.set && r.period.has_current && !t.whole_data;
        if (r.period.set) o.set("period", period ? json::string(r.period.current.label) : json());
        o.set("value", value_json(t.current, m.type));
        if (r.period.set) {
            o.set("previous_period", period ? json::string(r.period.previous.label) : json());
            o.set("previous", value_json(t.previous, m.type));
            o.set("change", value_json(t.change));
            o.set("pct_change", value_json(t.pct_change));
            const bool year_ago = period && r.period.previous_year.v.is_number();
            o.set("previous_year_period", year_ago ? json::string(r.period.previous_year.label) : json());
            o.set("previous_year", value_json(t.previous_year, m.type));
            o.set("yoy_change", value_json(t.yoy_change));
            o.set("yoy_pct_change", value_json(t.yoy_pct_change));
        }
        if (m.has_target) o.set("target", value_json(m.target, m.type));
        if (!t.status.empty()) o.set("status", json::string(t.status));
        if (!t.trend.empty()) o.set("trend", json::string(t.trend));
        a.push(std::move(o));
    }
    return a;
}

json row_json(const report_result& r, const table_result& t, const table_row& row) {
    json o = json::object();
    for (std::size_t i = 0; i < t.by_names.size(); ++i) o.set(t.by_names[i], dimension_json(row.dims[i]));
    for (std::size_t i = 0; i < t.metrics.size(); ++i)
        o.set(r.metrics[t.metrics[i]].name, value_json(row.values[i], r.metrics[t.metrics[i]].type));
    return o;
}

json tables_json(const report_result& r) {
    json a = json::array();
    for (const table_result& t : r.tables) {
        json o = json::object();
        if (!t.title.empty()) o.set("title", json::string(t.title));
        o.set("by", names_json(t.by_names));
        o.set("metrics", metric_names(r, t.metrics));
        json rows = json::array();
        for (const table_row& row : t.rows) rows.push(row_json(r, t, row));
        o.set("rows", std::move(rows));
        if (t.has_totals) {
            json totals = json::object();
            for (std::size_t i = 0; i < t.metrics.size(); ++i)
                totals.set(r.metrics[t.metrics[i]].name, value_json(t.totals.values[i], r.metrics[t.metrics[i]].type));
            o.set("totals", std::move(totals));
        }
        a.push(std::move(o));
    }
    return a;
}

json charts_json(const report_result& r) {
    json a = json::array();
    for (const chart_result& c : r.charts) {
        json o = json::object();
        o.set("name", json::string(c.name));
        o.set("type", json::string(report::chart_type_name(c.type)));
        if (!c.title.empty()) o.set("title", json::string(c.title));
        if (!c.subtitle.empty()) o.set("subtitle", json::string(c.subtitle));
        if (!c.x_title.empty()) o.set("x_title", json::string(c.x_title));
        if (!c.y_title.empty()) o.set("y_title", json::string(c.y_title));
        o.set("by", names_json(c.by_names));
        if (!c.series_name.empty()) o.set("series_by", json::string(c.series_name));
        o.set("metrics", metric_names(r, c.metrics));
        json series = json::array();
        for (const chart_series& s : c.series) {
            json so = json::object();
            so.set("name", json::string(s.name));
            so.set("metric", json::string(r.metrics[s.metric].name));
            if (!c.series_name.empty()) so.set(c.series_name, dimension_json(s.series_value));
            json points = json::array();
            for (const chart_point& p : s.points) {
                json po = json::object();
                for (std::size_t i = 0; i < c.by_names.size(); ++i) po.set(c.by_names[i], dimension_json(p.x[i]));
                po.set("value", value_json(p.v, r.metrics[s.metric].type));
                points.push(std::move(po));
            }
            so.set("points", std::move(points));
            series.push(std::move(so));
        }
        o.set("series", std::move(series));
        a.push(std::move(o));
    }
    return a;
}

json data_json(const report_result& r) {
    json a = json::array();
    for (const data_result& d : r.data) {
        json o = json::object();
        o.set("source", json::string(d.source));
        json columns = json::array();
        json rows = json::array();
        if (d.rows) {
            for (const data::column& c : d.rows->columns()) {
                json col = json::object();
                col.set("name", json::string(c.name()));
                col.set("type", json::string(data::column_type_name(c.type())));
                columns.push(std::move(col));
            }
            for (std::size_t row = 0; row < d.rows->row_count(); ++row) {
                json cells = json::array();
                for (const data::column& c : d.rows->columns()) cells.push(cell_json(c, row));
                rows.push(std::move(cells));
            }
        }
        o.set("columns", std::move(columns));
        o.set("rows", std::move(rows));
        a.push(std::move(o));
    }
    return a;
}

json expects_json(const report_result& r) {
    json a = json::array();
    for (const expect_result& e : r.expects) {
        json o = json::object();
        o.set("expect", json::string(e.text));
        o.set("location", json::string(location_text(e.loc)));
        o.set("passed", json::boolean(e.passed));
        o.set("value", value_json(e.v));
        a.push(std::move(o));
    }
    return a;
}

}  // namespace

std::string report_json(const report_result& r) {
    json doc = json::object();
    doc.set("report", json::string(r.name));
    doc.set("title", json::string(r.title));
    if (!r.subtitle.empty()) doc.set("subtitle", json::string(r.subtitle));
    if (r.period.set) {
        json p = json::object();
        p.set("dimension", json::string(r.period.dimension_name));
        p.set("grain", json::string(report::grain_name(r.period.key.grain)));
        p.set("current", r.period.has_current ? json::string(r.period.current.label) : json());
        p.set("previous", r.period.has_current ? json::string(r.period.previous.label) : json());
        const bool year_ago = r.period.has_current && r.period.previous_year.v.is_number();
        p.set("previous_year", year_ago ? json::string(r.period.previous_year.label) : json());
        // The days each period covers (whole periods, or the first days of each with to_date).
        const auto day = [&](double serial) { return r.period.has_current ? json::string(iso_date_text(serial)) : json(); };
        p.set("to_date", json::boolean(r.period.to_date));
        p.set("current_first", day(r.period.current_first));
        p.set("current_last", day(r.period.current_last));
        p.set("previous_first", day(r.period.previous_first));
        p.set("previous_last", day(r.period.previous_last));
        p.set("previous_year_first", year_ago ? day(r.period.previous_year_first) : json());
        p.set("previous_year_last", year_ago ? day(r.period.previous_year_last) : json());
        doc.set("period", std::move(p));
    }
    doc.set("metrics", metrics_json(r));
    doc.set("kpis", kpis_json(r));
    doc.set("tables", tables_json(r));
    doc.set("charts", charts_json(r));
    if (!r.data.empty()) doc.set("data", data_json(r));
    doc.set("expects", expects_json(r));
    return doc.text();
}

void write_report_json(const report_result& result, const std::filesystem::path& path) {
    if (const std::string why = write_file_atomically(path, report_json(result)); !why.empty())
        throw std::runtime_error("cannot write " + path.string() + ": " + why);
}

}  // namespace folio::eval

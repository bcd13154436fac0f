// The view-model schema (see view_schema.hpp). Keep it in step with view_model.cpp: a test builds
// the view model of the example reports and compares its keys with this tree.
#include "html/view_schema.hpp"

namespace folio::templates::html {
namespace {

using k = key_kind;

std::vector<schema_key> palette_keys() {
    return {{"primary", k::text, "headings, the header rule, table header lines"},
            {"accent", k::text, "highlights"},
            {"good", k::text, "on target, a change for the better"},
            {"bad", k::text, "off target, a change for the worse"},
            {"text", k::text, "body text"},
            {"background", k::text, "page background"},
            {"series", k::list, "the chart series colours, in order", {
                {"index", k::text, "0, 1, 2, ..."},
                {"color", k::text, "the colour"}}}};
}

std::vector<schema_key> cell_keys() {
    return {{"text", k::text, "the value as displayed (formatted with the metric's format code in the report's locale)"},
            {"numeric", k::flag, "a number (right-aligned)"},
            {"dimension", k::flag, "a dimension label that names the row (written as a row header)"},
            {"status", k::text, "\"good\" or \"bad\" against the metric's target; false without a target"},
            {"sort", k::text, "the raw number for sorting; false for text"}};
}

std::vector<schema_key> header_keys() {
    return {{"text", k::text, "the column name: a dimension's name or a metric's label"},
            {"numeric", k::flag, "the column holds numbers"}};
}

schema_key rows_key(std::string_view doc) {
    return {"rows", k::list, doc, {{"cells", k::list, "the cells of the row, in column order", cell_keys()}}};
}

schema_key build() {
    schema_key tile{"tiles", k::list, "one KPI tile per metric", {
        {"name", k::text, "the metric as written in the report (\"NPS\")"},
        {"label", k::text, "the metric's label, else its name"},
        {"value", k::text, "the value in the current period"},
        {"unit", k::text, "the metric's unit (\"min\")"},
        {"status", k::text, "\"good\", \"bad\" (against the target) or \"neutral\""},
        {"status_text", k::text, "\"On target\" / \"Off target\", translated; false without a target"},
        {"target", k::text, "the target, formatted"},
        {"period_label", k::text, "the current period (\"December 2024\")"},
        {"previous_label", k::text, "the previous period (\"November 2024\")"},
        {"previous", k::text, "the value in the previous period"},
        {"change", k::text, "current − previous, with its sign (\"+3\")"},
        {"pct_change", k::text, "the relative change (\"+7.5%\")"},
        {"trend", k::text, "\"up\", \"down\" or \"flat\""},
        {"trend_text", k::text, "the trend in words, translated (for screen readers)"},
        {"arrow", k::text, "▲, ▼ or ▬"},
        {"change_status", k::text, "\"good\", \"bad\" or \"neutral\": the change judged by the metric's `better`"},
        {"previous_year", k::text, "the value in the same period a year before"},
        {"yoy_change", k::text, "current − the year before, with its sign"},
        {"yoy_pct_change", k::text, "the relative change against the year before"},
        {"note", k::text, "why the tile has no comparison (its sources lack the period's dimension)"},
        {"sparkline", k::html, "a small SVG line of the metric over the periods, when the report charts it alone"},
        {"bar", k::html, "a small SVG bar of the value against the target, in the good or bad colour"},
    }};
    schema_key table{"table", k::object, "a table block", {
        {"title", k::text, "the table's title"},
        {"headers", k::list, "the column headers", header_keys()},
        rows_key("one row per group"),
        {"totals", k::object, "the totals row", {{"cells", k::list, "its cells (the first says \"Total\")", cell_keys()}}},
        {"note", k::text, "a note under the table"},
    }};
    schema_key chart{"chart", k::object, "a chart block", {
        {"name", k::text, "the chart's name in the report"},
        {"type", k::text, "line, column, bar, stacked_column, stacked_bar, area, pie, doughnut, scatter or combo"},
        {"title", k::text, "its title, else its name"},
        {"subtitle", k::text, "its subtitle"},
        {"svg", k::html, "the chart as inline SVG"},
        {"headers", k::list, "the columns of the same numbers as a table: the category, then one per series", header_keys()},
        rows_key("one row per category"),
    }};
    schema_key data{"data", k::object, "a `data` block: the raw rows of a source", {
        {"source", k::text, "the source's name"},
        {"headers", k::list, "one per column", header_keys()},
        rows_key("the first rows"),
        {"shown", k::text, "how many rows are shown, formatted"},
        {"total", k::text, "how many rows the source has, formatted"},
        {"note", k::text, "\"Showing the first 200 of 18,834 rows\" when rows were left out"},
    }};
    schema_key words{"words", k::object, "the templates' own words in the report's language", {
        {"aggregation", k::text, "Aggregation"}, {"chart_data", k::text, "Chart data"},
        {"compared_with", k::text, "Compared with"}, {"data", k::text, "Data"},
        {"definitions", k::text, "Definitions"}, {"format", k::text, "Format"},
        {"formula", k::text, "Formula"}, {"key_figures", k::text, "Key figures"},
        {"made_with", k::text, "Made with"}, {"notes", k::text, "Notes"},
        {"period", k::text, "Period"}, {"previous", k::text, "Previous"},
        {"target", k::text, "Target"}, {"total", k::text, "Total"},
        {"vs", k::text, "vs"}, {"year_ago", k::text, "Year ago"},
    }};
    return {"", k::object, "the page", {
        {"lang", k::text, "the language for <html lang>: \"en\", \"es\", \"pt\""},
        {"locale", k::text, "the report's locale (\"es-MX\")"},
        {"audience", k::text, "executive, manager, analyst or default; a custom template's file name"},
        {"title", k::text, "the report's title"},
        {"subtitle", k::text, "the report's subtitle"},
        {"description", k::text, "the report's description"},
        {"brand", k::object, "the theme's brand", {
            {"name", k::text, "the brand's name"},
            {"logo", k::text, "the logo as a data: URI, for <img src>"},
        }},
        {"period", k::object, "the period the KPI tiles show", {
            {"label", k::text, "the current period in words (\"diciembre de 2024\")"},
            {"previous", k::text, "the period compared with"},
            {"dimension", k::text, "the time dimension's name"},
            {"grain", k::text, "day, week, month, quarter or year"},
        }},
        {"theme", k::object, "the theme's colours (#RRGGBB) and fonts", {
            {"light", k::object, "the light palette", palette_keys()},
            {"dark", k::object, "the dark palette (dark mode)", palette_keys()},
            {"heading_font", k::text, "font of headings"},
            {"body_font", k::text, "font of text"},
            {"numbers_font", k::text, "font of numbers"},
        }},
        std::move(words),
        {"sections", k::list, "the report's blocks in their order; each has one of these keys, the others are false", {
            {"kpis", k::object, "the KPI tiles", {std::move(tile)}},
            std::move(chart),
            std::move(table),
            std::move(data),
            {"text", k::text, "a text block"},
        }},
        {"definitions", k::object, "every metric the report shows, for audits", {
            {"items", k::list, "one per metric", {
                {"name", k::text, "the metric's name"},
                {"label", k::text, "its label, else its name"},
                {"description", k::text, "its description"},
                {"formula", k::text, "its formula as written in the report"},
                {"format", k::text, "its Excel format code"},
                {"unit", k::text, "its unit"},
                {"target", k::text, "its target, formatted"},
                {"better", k::text, "\"higher is better\" or \"lower is better\", translated"},
                {"aggregation", k::text, "how a lifecycle or snapshot metric is aggregated over time"},
            }},
        }},
        {"notes", k::object, "notes about the numbers: aggregation rules, failed expectations", {
            {"items", k::list, "one per note", {
                {"text", k::text, "the note"},
                {"warning", k::flag, "a failed expectation"},
            }},
        }},
    }};
}

void collect(const schema_key& key, const std::string& prefix, std::vector<std::string>& out) {
    for (const schema_key& child : key.children) {
        const std::string path = prefix.empty() ? std::string(child.name) : prefix + "." + std::string(child.name);
        out.push_back(path);
        collect(child, path, out);
    }
}

}  // namespace

const schema_key& view_schema() {
    static const schema_key root = build();
    return root;
}

std::vector<std::string> schema_paths() {
    std::vector<std::string> out;
    collect(view_schema(), "", out);
    return out;
}

}  // namespace folio::templates::html

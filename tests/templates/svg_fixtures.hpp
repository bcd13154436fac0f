// Hand-built evaluated charts for the SVG chart tests: a report_result with a few metrics
// and chart_results whose values are written out, so every golden file follows from
// numbers visible in the test. Also the golden-file comparison (UPDATE_GOLDEN=1 rewrites).
#pragma once

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "../../templates/html/svg/svg_chart.hpp"
#include "folio/engine/eval/report_result.hpp"

namespace folio::svg_test {

inline eval::metric_info metric(std::string name, std::string format, std::string label = {}) {
    eval::metric_info m;
    m.name = std::move(name);
    m.format = std::move(format);
    m.label = std::move(label);
    m.type = report::value_type::number;
    return m;
}

inline eval::dimension_value dim(std::string label) {
    eval::dimension_value d;
    d.v = value(label);
    d.label = std::move(label);
    return d;
}

// A series of `metric` named `name` over `categories`, one value each.
inline eval::chart_series series(std::string name, std::size_t metric, const std::vector<std::string>& categories,
                                 const std::vector<value>& values, std::string series_label = {}) {
    eval::chart_series s;
    s.name = std::move(name);
    s.metric = metric;
    if (!series_label.empty()) s.series_value = dim(series_label);
    for (std::size_t k = 0; k < categories.size(); ++k) {
        eval::chart_point p;
        p.x = {dim(categories[k])};
        p.v = k < values.size() ? values[k] : value();
        s.points.push_back(std::move(p));
    }
    return s;
}

inline eval::chart_result chart(std::string name, report::chart_type type, std::string by,
                                const std::vector<std::string>& categories, std::vector<std::size_t> metrics,
                                std::vector<eval::chart_series> all_series, std::string title = {}) {
    eval::chart_result c;
    c.name = std::move(name);
    c.type = type;
    c.title = std::move(title);
    c.by_names = {std::move(by)};
    c.metrics = std::move(metrics);
    for (const std::string& k : categories) c.categories.push_back({dim(k)});
    c.series = std::move(all_series);
    return c;
}

// The report the charts belong to: metrics 0 NPS ("0"), 1 CSAT ("0%"), 2 MRR ("$#,##0"),
// 3 responses ("#,##0"), 4 churn ("0.0%").
inline eval::report_result sample_report() {
    eval::report_result r;
    r.name = "executive";
    r.title = "Executive";
    r.metrics = {metric("NPS", "0"), metric("CSAT", "0%"), metric("MRR", "$#,##0", "Monthly recurring revenue"),
                 metric("responses", "#,##0"), metric("churn", "0.0%", "Churn rate")};
    return r;
}

inline const templates::palette& test_palette() {
    static const templates::palette p{"#1F4E79", "#F28C28", "#2E7D32", "#C62828", "#1A1A1A", "#FFFFFF",
                                      {"#1F4E79", "#F28C28", "#5B9BD5", "#70AD47"}};
    return p;
}

inline templates::svg::chart_style style(std::string locale = "en-US") {
    templates::svg::chart_style s;
    s.colors = &test_palette();
    s.font = "Calibri";
    s.locale = std::move(locale);
    s.fallback_format = "#,##0.00";
    return s;
}

inline std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Compares `actual` with tests/templates/golden/<name>; UPDATE_GOLDEN=1 writes it instead.
inline void check_golden(const std::string& name, const std::string& actual) {
    const std::filesystem::path path = std::filesystem::path(FOLIO_SOURCE_DIR) / "tests/templates/golden" / name;
    if (std::getenv("UPDATE_GOLDEN") != nullptr) {
        std::ofstream(path, std::ios::binary) << actual;
        return;
    }
    INFO("golden file " << path.string() << " (UPDATE_GOLDEN=1 rewrites it)");
    REQUIRE(std::filesystem::exists(path));
    CHECK(read_text(path) == actual);
}

}  // namespace folio::svg_test

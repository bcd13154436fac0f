// The customer-health example end to end: its sample data written by the example's
// generator (built beside `folio`), then examples/customer-health/report.folio
// rendered to JSON. Checks that it renders, that tables agree with their totals and
// that the executive report's period is the data's last month.
#include <catch2/catch.hpp>

#include <cstdlib>

#include "eval_support.hpp"
#include "folio/engine/eval/json_output.hpp"

using namespace folio;
using namespace folio::eval_test;

namespace {

// The example's generator, built in the same tree as `folio`.
fs::path generator() {
    return fs::path(FOLIO_BINARY).parent_path().parent_path() / "examples" / "customer-health" / "generator" /
           "folio_example_data";
}

double number(const value& v) { return v.is_number() ? v.number() : -1e300; }

}  // namespace

TEST_CASE("the customer-health example renders to JSON", "[eval]") {
    const fs::path example = source_dir() / "examples" / "customer-health";
    if (!fs::exists(generator()) || !fs::exists(example / "report.folio")) {
        WARN("the example's generator is not built: skipped");
        return;
    }
    temp_dir dir;
    fs::copy(example / "report.folio", dir.path() / "report.folio");
    if (fs::exists(example / "themes")) fs::copy(example / "themes", dir.path() / "themes", fs::copy_options::recursive);
    const std::string command = generator().string() + " " + (dir.path() / "data").string() + " > /dev/null";
    REQUIRE(std::system(command.c_str()) == 0);

    auto e = evaluate_file(dir.path() / "report.folio");
    REQUIRE(e->result.ok);
    CHECK(!e->problems.has_errors());
    CHECK(e->result.failed_expects == 0);
    REQUIRE(e->result.reports.size() == 3);

    const eval::report_result& exec = e->report("executive");
    CHECK(exec.period.current.label == "2024-12");
    CHECK(exec.period.previous.label == "2024-11");
    for (const eval::kpi_tile& t : exec.kpis) CHECK(t.current.is_number());
    // MRR reads the lifecycle source accounts: December against November, not all the data
    // (sql_cross_check_test.cpp checks its numbers).
    CHECK_FALSE(tile(exec, "MRR").whole_data);
    CHECK(tile(exec, "MRR").previous.is_number());
    CHECK(e->text().find("is not split by") == std::string::npos);
    const double nps = number(tile(exec, "NPS").current);
    CHECK(nps >= -100);
    CHECK(nps <= 100);

    // The responses of the manager table add up to the surveys read.
    const eval::report_result& manager = e->report("manager");
    double responses = 0;
    const auto& t = manager.tables.at(0);
    for (const eval::table_row& row : t.rows) responses += number(row.values.back());
    std::uint64_t survey_rows = 0;
    for (const eval::source_summary& s : e->result.sources)
        if (s.name == "surveys") survey_rows = s.rows;
    CHECK(survey_rows > 0);
    CHECK(responses == static_cast<double>(survey_rows));

    // The analyst table has every month of the 24 for every tier.
    const eval::report_result& analyst = e->report("analyst");
    CHECK(analyst.tables.at(0).rows.size() % 24 == 0);
    REQUIRE(analyst.data.size() == 1);
    CHECK(analyst.data[0].rows->row_count() == survey_rows);

    for (const eval::report_result& r : e->result.reports) {
        const std::string json = eval::report_json(r);
        CHECK(json.rfind("{\n  \"report\": \"" + r.name + "\"", 0) == 0);
        CHECK(json.find("nan") == std::string::npos);
    }
}

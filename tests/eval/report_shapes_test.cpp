// The shapes of a report's blocks: charts with a series dimension (every series over
// every category, empty months included), tables with totals, sorting and a limit, a
// table without dimensions, KPI tiles against targets, and a KPI whose source's data
// lacks the period's dimension.
#include <catch2/catch.hpp>

#include "eval_support.hpp"

using namespace folio;
using namespace folio::eval_test;

namespace {

const char* surveys_csv =
    "region,score,submitted\n"
    "EMEA,10,2024-01-10\n"
    "EMEA,8,2024-03-05\n"
    "APAC,3,2024-01-20\n"
    "APAC,9,2024-01-21\n"
    "AMER,7,2024-03-30\n";

const char* accounts_csv =
    "account,region,mrr,status\n"
    "A1,EMEA,100,active\n"
    "A2,APAC,50.5,churned\n"
    "A3,APAC,20,active\n";

const char* program_text = R"(
source surveys = csv("data/surveys.csv") {
  region: text
  score: number
  submitted: date
}
source accounts = csv("data/accounts.csv")
dimension region = surveys.region, accounts.region
dimension month  = month(surveys.submitted)

metric responses = count(surveys)
metric avg_score = avg(surveys.score) { target: 7, better: higher }
metric wait      = avg(surveys.score) { target: 7, better: lower }
metric MRR       = sum(accounts.mrr where accounts.status = "active")

chart trend = line(responses by month, series: region)

report shapes {
  period: month
  kpis: responses, avg_score, wait, MRR
  chart trend
  table by region { responses, avg_score, sort: -responses, limit: 2, totals: TRUE }
  table { responses, MRR }
}
)";

struct fixture {
    temp_dir dir;
    std::unique_ptr<evaluation> e;
    fixture() {
        dir.write("data/surveys.csv", surveys_csv);
        dir.write("data/accounts.csv", accounts_csv);
        e = evaluate_text(dir, program_text);
    }
};

}  // namespace

TEST_CASE("a chart with a series dimension", "[eval]") {
    fixture f;
    REQUIRE(f.e->result.ok);
    const eval::report_result& r = f.e->report("shapes");
    REQUIRE(r.charts.size() == 1);
    const eval::chart_result& c = r.charts[0];
    CHECK(c.series_name == "region");
    REQUIRE(c.categories.size() == 3);  // January to March, February empty
    CHECK(c.categories[1][0].label == "2024-02");
    REQUIRE(c.series.size() == 3);
    CHECK(c.series[0].name == "AMER");
    CHECK(c.series[1].name == "APAC");
    CHECK(c.series[2].name == "EMEA");
    std::vector<value> apac;
    for (const eval::chart_point& p : c.series[1].points) apac.push_back(p.v);
    CHECK(apac == std::vector<value>{value(2.0), value(0.0), value(0.0)});
    std::vector<value> emea;
    for (const eval::chart_point& p : c.series[2].points) emea.push_back(p.v);
    CHECK(emea == std::vector<value>{value(1.0), value(0.0), value(1.0)});
}

TEST_CASE("a table sorted, limited, with totals over all the data", "[eval]") {
    fixture f;
    REQUIRE(f.e->result.ok);
    const eval::report_result& r = f.e->report("shapes");
    // By responses, descending: APAC 2, EMEA 2 (ties keep the order of the dimension), then AMER 1 cut by the limit.
    CHECK(row_labels(r, 0) == std::vector<std::string>{"APAC", "EMEA"});
    REQUIRE(r.tables[0].has_totals);
    CHECK(r.tables[0].totals.values == std::vector<value>{value(5.0), value(7.4)});
    // A table without dimensions has one row over all the data.
    CHECK(r.tables[1].rows.size() == 1);
    CHECK(r.tables[1].rows[0].values == std::vector<value>{value(5.0), value(120.0)});
}

TEST_CASE("KPI tiles against targets and a KPI without the period's dimension", "[eval]") {
    fixture f;
    REQUIRE(f.e->result.ok);
    const eval::report_result& r = f.e->report("shapes");
    CHECK(r.period.current.label == "2024-03");
    CHECK(tile(r, "avg_score").current == value(7.5));
    CHECK(tile(r, "avg_score").status == "good");
    CHECK(tile(r, "wait").status == "bad");
    // accounts has no date: MRR is over all the data, with no previous period, and a warning says so.
    const eval::kpi_tile& mrr = tile(r, "MRR");
    CHECK(mrr.whole_data);
    CHECK(mrr.current == value(120.0));
    CHECK(mrr.previous == value(error_code::na));
    CHECK(f.e->text().find("warning: metric MRR is not split by month: source accounts has no column for it; "
                           "its KPI tile shows all the data") != std::string::npos);
}

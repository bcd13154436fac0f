// Time dimensions: groupings by month, ISO week, quarter and year with the empty
// periods of a trend filled in; previous, change and pct_change across month ends
// (January 31 → February, a leap day); the KPI period picked by the data or by as_of.
#include <catch2/catch.hpp>

#include "eval_support.hpp"
#include "folio/engine/eval/json_output.hpp"

using namespace folio;
using namespace folio::eval_test;

namespace {

// Nothing in December 2023.
const char* surveys_csv =
    "id,region,score,submitted\n"
    "1,EMEA,10,2024-01-31\n"
    "2,EMEA,9,2024-02-01\n"
    "3,EMEA,6,2024-02-29\n"
    "4,EMEA,8,2024-03-01\n"
    "5,APAC,3,2023-11-15\n"
    "6,APAC,10,2024-03-31\n"
    "7,AMER,,2024-03-15\n";

const char* program_text = R"(
source surveys = csv("data/surveys.csv") {
  id: text
  region: text
  score: number
  submitted: date
}
dimension region  = surveys.region
dimension month   = month(surveys.submitted)
dimension week    = week(surveys.submitted)
dimension quarter = quarter(surveys.submitted)

metric responses = count(surveys)
metric avg_score = avg(surveys.score)
metric before    = previous(responses)
metric delta     = change(responses)
metric growth    = pct_change(responses)

report monthly {
  period: month
  kpis: responses, avg_score
  table by month { responses, avg_score, before, delta, growth }
}
report weekly {
  table by week { responses }
}
report quarterly {
  table by quarter { responses }
}
report by_month_region {
  table by month, region { responses }
}
)";

struct fixture {
    temp_dir dir;
    std::unique_ptr<evaluation> e;
    explicit fixture(const std::string& extra = "", eval::evaluate_options options = {}) {
        dir.write("data/surveys.csv", surveys_csv);
        e = evaluate_text(dir, program_text + extra, std::move(options));
    }
};

}  // namespace

TEST_CASE("a monthly trend shows its empty months", "[eval]") {
    fixture f;
    REQUIRE(f.e->text() == "");
    const eval::report_result& r = f.e->report("monthly");
    CHECK(row_labels(r, 0) == std::vector<std::string>{"2023-11", "2023-12", "2024-01", "2024-02", "2024-03"});
    CHECK(cell(r, 0, {"2023-11"}, "responses") == value(1.0));
    CHECK(cell(r, 0, {"2023-12"}, "responses") == value(0.0));
    CHECK(cell(r, 0, {"2023-12"}, "avg_score") == value(error_code::div0));
    CHECK(cell(r, 0, {"2024-01"}, "responses") == value(1.0));   // January 31
    CHECK(cell(r, 0, {"2024-02"}, "responses") == value(2.0));   // February 1 and the leap day
    CHECK(cell(r, 0, {"2024-02"}, "avg_score") == value(7.5));
    CHECK(cell(r, 0, {"2024-03"}, "responses") == value(3.0));   // March 1 to 31
    CHECK(cell(r, 0, {"2024-03"}, "avg_score") == value(9.0));   // the blank score is left out
}

TEST_CASE("previous, change and pct_change move one month back", "[eval]") {
    fixture f;
    REQUIRE(f.e->text() == "");
    const eval::report_result& r = f.e->report("monthly");
    CHECK(cell(r, 0, {"2023-11"}, "before") == value(0.0));             // October: no rows
    CHECK(cell(r, 0, {"2023-11"}, "growth") == value(error_code::div0));
    CHECK(cell(r, 0, {"2023-12"}, "before") == value(1.0));
    CHECK(cell(r, 0, {"2023-12"}, "delta") == value(-1.0));
    CHECK(cell(r, 0, {"2023-12"}, "growth") == value(-1.0));
    CHECK(cell(r, 0, {"2024-01"}, "before") == value(0.0));             // across the year end
    CHECK(cell(r, 0, {"2024-02"}, "before") == value(1.0));             // January 31 is the month before
    CHECK(cell(r, 0, {"2024-02"}, "delta") == value(1.0));
    CHECK(cell(r, 0, {"2024-02"}, "growth") == value(1.0));
    CHECK(cell(r, 0, {"2024-03"}, "before") == value(2.0));             // February has 29 days
    CHECK(cell(r, 0, {"2024-03"}, "growth") == value(0.5));
}

TEST_CASE("KPI tiles show the last period with data against the one before", "[eval]") {
    fixture f;
    REQUIRE(f.e->text() == "");
    const eval::report_result& r = f.e->report("monthly");
    REQUIRE(r.period.set);
    CHECK(r.period.current.label == "2024-03");
    CHECK(r.period.previous.label == "2024-02");
    const eval::kpi_tile& t = tile(r, "responses");
    CHECK(t.current == value(3.0));
    CHECK(t.previous == value(2.0));
    CHECK(t.change == value(1.0));
    CHECK(t.pct_change == value(0.5));
    CHECK(t.trend == "up");
    CHECK(tile(r, "avg_score").current == value(9.0));
    CHECK(tile(r, "avg_score").previous == value(7.5));
}

TEST_CASE("an as_of param picks the KPI period", "[eval]") {
    fixture f("param as_of: date = date(2024, 2, 15)\n");
    REQUIRE(f.e->text() == "");
    const eval::report_result& r = f.e->report("monthly");
    CHECK(r.period.current.label == "2024-02");
    CHECK(r.period.previous.label == "2024-01");
    CHECK(tile(r, "responses").current == value(2.0));
    CHECK(tile(r, "responses").previous == value(1.0));

    eval::evaluate_options options;
    options.params = {{"as_of", "2024-01-31"}};
    fixture g("param as_of: date = date(2024, 2, 15)\n", options);
    REQUIRE(g.e->text() == "");
    const eval::report_result& s = g.e->report("monthly");
    CHECK(s.period.current.label == "2024-01");
    CHECK(s.period.previous.label == "2023-12");
    CHECK(tile(s, "responses").current == value(1.0));
    CHECK(tile(s, "responses").previous == value(0.0));
    CHECK(tile(s, "responses").pct_change == value(error_code::div0));
}

TEST_CASE("ISO weeks and quarters", "[eval]") {
    fixture f;
    REQUIRE(f.e->text() == "");
    const eval::report_result& w = f.e->report("weekly");
    // From the week of 2023-11-15 (Monday 2023-11-13, W46) to the week of 2024-03-31 (Monday 2024-03-25, W13).
    const std::vector<std::string> weeks = row_labels(w, 0);
    REQUIRE(weeks.size() == 20);
    CHECK(weeks.front() == "2023-W46");
    CHECK(weeks.back() == "2024-W13");
    CHECK(cell(w, 0, {"2023-W47"}, "responses") == value(0.0));
    CHECK(cell(w, 0, {"2024-W05"}, "responses") == value(2.0));   // Wednesday January 31, Thursday February 1
    CHECK(cell(w, 0, {"2024-W09"}, "responses") == value(2.0));   // Thursday February 29, Friday March 1
    CHECK(cell(w, 0, {"2024-W11"}, "responses") == value(1.0));
    CHECK(cell(w, 0, {"2024-W13"}, "responses") == value(1.0));   // Sunday March 31 ends the ISO week

    const eval::report_result& q = f.e->report("quarterly");
    CHECK(row_labels(q, 0) == std::vector<std::string>{"2023-Q4", "2024-Q1"});
    CHECK(cell(q, 0, {"2023-Q4"}, "responses") == value(1.0));
    CHECK(cell(q, 0, {"2024-Q1"}, "responses") == value(6.0));
}

TEST_CASE("weeks can start on Sunday", "[eval]") {
    eval::evaluate_options options;
    options.calendar.week_start = 0;
    fixture f("", options);
    REQUIRE(f.e->text() == "");
    const eval::report_result& w = f.e->report("weekly");
    // Weeks not starting on Monday are labelled by their first day.
    CHECK(cell(w, 0, {"2024-01-28"}, "responses") == value(2.0));
    CHECK(cell(w, 0, {"2024-03-31"}, "responses") == value(1.0));  // Sunday March 31 starts a week
    CHECK(cell(w, 0, {"2024-03-24"}, "responses") == value(0.0));
}

TEST_CASE("a trend by month and region fills the months of every region", "[eval]") {
    fixture f;
    REQUIRE(f.e->text() == "");
    const eval::report_result& r = f.e->report("by_month_region");
    const std::vector<std::string> rows = row_labels(r, 0);
    CHECK(rows.size() == 15);  // 5 months × 3 regions
    CHECK(rows.front() == "2023-11|AMER");
    CHECK(rows.back() == "2024-03|EMEA");
    CHECK(cell(r, 0, {"2023-12", "EMEA"}, "responses") == value(0.0));
    CHECK(cell(r, 0, {"2024-02", "EMEA"}, "responses") == value(2.0));
    CHECK(cell(r, 0, {"2024-03", "APAC"}, "responses") == value(1.0));
}

TEST_CASE("dates without a grain, and metrics that are dates", "[eval]") {
    temp_dir dir;
    dir.write("data/surveys.csv", surveys_csv);
    auto e = evaluate_text(dir, R"(
source surveys = csv("data/surveys.csv") {
  id: text
  region: text
  score: number
  submitted: date
}
dimension day = surveys.submitted
metric responses = count(surveys)
metric last = max(surveys.submitted)
report r {
  kpis: last
  table by day { responses }
}
)");
    REQUIRE(e->text() == "");
    const eval::report_result& r = e->report("r");
    CHECK(row_labels(r, 0).front() == "2023-11-15");
    CHECK(row_labels(r, 0).size() == 7);  // the days met; a dimension without a grain is not filled
    const std::string json = eval::report_json(r);
    CHECK(json.find(R"({"metric": "last", "value": "2024-03-31"})") != std::string::npos);
    CHECK(json.find(R"({"day": "2024-02-29", "responses": 1})") != std::string::npos);
}

TEST_CASE("a period given as a grain uses a time dimension at that grain", "[eval]") {
    fixture f(R"(
report quarterly_kpis {
  period: year
  kpis: responses, growth
}
)");
    REQUIRE(f.e->text() == "");
    const eval::report_result& r = f.e->report("quarterly_kpis");
    CHECK(r.period.dimension_name == "month");
    CHECK(r.period.current.label == "2024");
    CHECK(r.period.previous.label == "2023");
    CHECK(tile(r, "responses").current == value(6.0));
    CHECK(tile(r, "responses").previous == value(1.0));
    CHECK(tile(r, "growth").current == value(5.0));   // pct_change moves back one year too
}

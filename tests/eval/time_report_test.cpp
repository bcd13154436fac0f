// Time in reports: year over year (previous_year, yoy_change, yoy_pct_change) in
// tables and KPI tiles, period-to-date tiles (as_of, or the last date in the data;
// the previous period clamped to its length), fiscal quarters, Sunday weeks and a
// report time zone, all on small files whose numbers are counted by hand; the checker's
// messages for bad settings; year-over-year shifts as Excel formulas.
#include <catch2/catch.hpp>

#include "eval_support.hpp"
#include "folio/engine/eval/excel_formula.hpp"
#include "folio/engine/eval/json_output.hpp"
#include "folio/engine/serial_date.hpp"

using namespace folio;
using namespace folio::eval_test;

namespace {

// February and March of 2023 and 2024; nothing on 2024-03-17..30.
const char* surveys_csv =
    "id,score,submitted\n"
    "1,10,2023-02-10\n"
    "2,6,2023-02-28\n"
    "3,9,2023-03-01\n"
    "4,7,2023-03-20\n"
    "5,8,2024-02-05\n"
    "6,10,2024-02-29\n"
    "7,9,2024-03-01\n"
    "8,3,2024-03-16\n"
    "9,10,2024-03-31\n";

const char* definitions = R"(
source surveys = csv("data/surveys.csv") {
  id: text
  score: number
  submitted: date
}
dimension month = month(surveys.submitted)

metric responses = count(surveys)
metric avg_score = avg(surveys.score)
metric net       = avg(surveys.score) - 9
metric last_year = previous_year(responses)
metric yoy       = yoy_change(responses)
metric yoy_pct   = yoy_pct_change(responses)
metric net_yoy   = yoy_pct_change(net)
report every_metric { table by month { responses, avg_score, net, last_year, yoy, yoy_pct, net_yoy } }
)";

double d(int y, int m, int day) { return *serial_from_date(y, m, day); }

std::unique_ptr<evaluation> run(temp_dir& dir, const std::string& reports, eval::evaluate_options options = {},
                                const char* data = surveys_csv) {
    dir.write("data/surveys.csv", data);
    return evaluate_text(dir, definitions + reports, std::move(options));
}

}  // namespace

TEST_CASE("year over year in a table by month", "[eval][time]") {
    temp_dir dir;
    // Shifts move along the report's period dimension, as previous does.
    auto e = run(dir, "report r {\n  period: month\n  table by month { responses, last_year, yoy, yoy_pct }\n}\n");
    REQUIRE(e->text() == "");
    const eval::report_result& r = e->report("r");
    CHECK(row_labels(r, 0).size() == 14);  // 2023-02 .. 2024-03
    CHECK(cell(r, 0, {"2023-02"}, "last_year") == value(0.0));
    CHECK(cell(r, 0, {"2023-02"}, "yoy_pct") == value(error_code::div0));
    CHECK(cell(r, 0, {"2024-02"}, "responses") == value(2.0));
    CHECK(cell(r, 0, {"2024-02"}, "last_year") == value(2.0));  // 2023-02, whatever February's length
    CHECK(cell(r, 0, {"2024-02"}, "yoy") == value(0.0));
    CHECK(cell(r, 0, {"2024-03"}, "last_year") == value(2.0));
    CHECK(cell(r, 0, {"2024-03"}, "yoy") == value(1.0));
    CHECK(cell(r, 0, {"2024-03"}, "yoy_pct") == value(0.5));
    CHECK(cell(r, 0, {"2023-09"}, "last_year") == value(0.0));
}

TEST_CASE("pct_change divides by the previous value's magnitude", "[eval][time]") {
    temp_dir dir;
    // The lowest score minus 10: -4 in 2023-02, -3 in 2023-03, -3 in 2023-04 (no rows: #NUM!).
    auto e = run(dir, "metric low = min(surveys.score) - 10\nmetric low_pct = pct_change(low)\n"
                      "report r {\n  period: month\n  table by month { low, low_pct }\n  kpis: low\n}\n");
    REQUIRE(e->text() == "");
    const eval::report_result& r = e->report("r");
    CHECK(cell(r, 0, {"2023-03"}, "low") == value(-3.0));
    CHECK(cell(r, 0, {"2023-03"}, "low_pct") == value(0.25));  // a rise from -4 to -3: +25 %, not -25 %
    CHECK(cell(r, 0, {"2023-04"}, "low_pct") == value(error_code::num));
    const eval::kpi_tile& t = tile(r, "low");  // 2024-03 (3 - 10) against 2024-02 (8 - 10)
    CHECK(t.change == value(-5.0));
    CHECK(t.pct_change == value(-2.5));
}

TEST_CASE("KPI tiles compare with the same period a year before", "[eval][time]") {
    temp_dir dir;
    auto e = run(dir, "report r {\n  period: month\n  kpis: responses, avg_score, net\n}\n");
    REQUIRE(e->text() == "");
    const eval::report_result& r = e->report("r");
    CHECK(r.period.current.label == "2024-03");
    CHECK(r.period.previous_year.label == "2023-03");
    CHECK_FALSE(r.period.to_date);
    CHECK(r.period.current_first == d(2024, 3, 1));
    CHECK(r.period.current_last == d(2024, 3, 31));
    CHECK(r.period.previous_last == d(2024, 2, 29));
    CHECK(r.period.previous_year_first == d(2023, 3, 1));
    CHECK(r.period.previous_year_last == d(2023, 3, 31));
    const eval::kpi_tile& n = tile(r, "responses");
    CHECK(n.current == value(3.0));
    CHECK(n.previous == value(2.0));
    CHECK(n.previous_year == value(2.0));
    CHECK(n.yoy_change == value(1.0));
    CHECK(n.yoy_pct_change == value(0.5));
    const eval::kpi_tile& a = tile(r, "avg_score");  // (9 + 3 + 10) / 3 against (9 + 7) / 2
    CHECK(a.current.number() == Approx(22.0 / 3));
    CHECK(a.previous_year == value(8.0));
    CHECK(a.yoy_change.number() == Approx(-2.0 / 3));
    CHECK(a.yoy_pct_change.number() == Approx(-1.0 / 12));
    // A negative year-earlier value: the change is divided by its magnitude.
    const eval::kpi_tile& net = tile(r, "net");  // -5/3 against -1
    CHECK(net.previous_year == value(-1.0));
    CHECK(net.yoy_pct_change.number() == Approx(-2.0 / 3));
    const std::string json = eval::report_json(r);
    CHECK(json.find(R"("previous_year": "2023-03", "to_date": false, "current_first": "2024-03-01", )"
                    R"("current_last": "2024-03-31", "previous_first": "2024-02-01", "previous_last": "2024-02-29", )"
                    R"("previous_year_first": "2023-03-01", "previous_year_last": "2023-03-31"})") != std::string::npos);
    CHECK(json.find(R"("previous_year_period": "2023-03", "previous_year": 2, "yoy_change": 1, "yoy_pct_change": 0.5)") !=
          std::string::npos);
}

TEST_CASE("period to date up to the as_of param", "[eval][time]") {
    temp_dir dir;
    const std::string program = "param as_of: date = date(2024, 3, 16)\n"
                                "report mtd {\n  period: month\n  to_date: TRUE\n  kpis: responses, avg_score\n}\n";
    auto e = run(dir, program);
    REQUIRE(e->text() == "");
    const eval::report_result& r = e->report("mtd");
    CHECK(r.period.to_date);
    CHECK(r.period.current.label == "2024-03");
    CHECK(r.period.current_first == d(2024, 3, 1));
    CHECK(r.period.current_last == d(2024, 3, 16));
    CHECK(r.period.previous_first == d(2024, 2, 1));
    CHECK(r.period.previous_last == d(2024, 2, 16));
    CHECK(r.period.previous_year_last == d(2023, 3, 16));
    const eval::kpi_tile& n = tile(r, "responses");
    CHECK(n.current == value(2.0));        // March 1 and 16
    CHECK(n.previous == value(1.0));       // February 5 (not February 29)
    CHECK(n.previous_year == value(1.0));  // 2023-03-01 (not March 20)
    CHECK(n.change == value(1.0));
    CHECK(n.yoy_pct_change == value(1.0));
    CHECK(tile(r, "avg_score").current == value(6.0));
    CHECK(tile(r, "avg_score").previous == value(8.0));

    // As of March 31, February runs to its last day: the 29th in 2024, the 28th in 2023; March 1 stays in March.
    eval::evaluate_options options;
    options.params = {{"as_of", "2024-03-31"}};
    temp_dir dir2;
    auto f = run(dir2, program, options);
    REQUIRE(f->text() == "");
    const eval::report_result& s = f->report("mtd");
    CHECK(s.period.previous_last == d(2024, 2, 29));
    CHECK(tile(s, "responses").current == value(3.0));
    CHECK(tile(s, "responses").previous == value(2.0));
    options.params = {{"as_of", "2023-03-31"}};
    temp_dir dir3;
    auto g = run(dir3, program, options);
    REQUIRE(g->text() == "");
    const eval::report_result& t = g->report("mtd");
    CHECK(t.period.previous_last == d(2023, 2, 28));
    CHECK(tile(t, "responses").current == value(2.0));
    CHECK(tile(t, "responses").previous == value(2.0));
    CHECK(tile(t, "responses").previous_year == value(0.0));
}

TEST_CASE("period to date up to the last date in the data", "[eval][time]") {
    temp_dir dir;
    // The data ends on 2024-03-16 (the last row left out).
    const std::string data(surveys_csv, std::string(surveys_csv).rfind("9,10,2024-03-31\n"));
    dir.write("data/surveys.csv", data);
    auto e = evaluate_text(dir, definitions + std::string("report mtd {\n  period: month\n  to_date: TRUE\n  kpis: responses\n}\n"
                                                          "report trend { table by month { responses } }\n"));
    REQUIRE(e->text() == "");
    const eval::report_result& r = e->report("mtd");
    CHECK(r.period.current_last == d(2024, 3, 16));
    CHECK(r.period.previous_last == d(2024, 2, 16));
    CHECK(tile(r, "responses").current == value(2.0));
    CHECK(tile(r, "responses").previous == value(1.0));
    CHECK(tile(r, "responses").previous_year == value(1.0));
    // Tables show whole periods.
    CHECK(cell(e->report("trend"), 0, {"2024-02"}, "responses") == value(2.0));
}

TEST_CASE("fiscal quarters and years from the fiscal_year_start setting", "[eval][time]") {
    temp_dir dir;
    auto e = run(dir, R"(
dimension fiscal_quarter = quarter(surveys.submitted)
dimension fiscal_year = year(surveys.submitted)
report fiscal {
  fiscal_year_start: april
  period: fiscal_quarter
  kpis: responses
  table by fiscal_quarter { responses, last_year }
  table by fiscal_year { responses }
}
)");
    REQUIRE(e->text() == "");
    const eval::report_result& r = e->report("fiscal");
    CHECK(r.period.current.label == "FY2024-Q4");  // January to March 2024
    CHECK(r.period.previous.label == "FY2024-Q3");
    CHECK(r.period.previous_year.label == "FY2023-Q4");
    CHECK(tile(r, "responses").current == value(5.0));
    CHECK(tile(r, "responses").previous == value(0.0));
    CHECK(tile(r, "responses").previous_year == value(4.0));
    CHECK(row_labels(r, 0) ==
          std::vector<std::string>{"FY2023-Q4", "FY2024-Q1", "FY2024-Q2", "FY2024-Q3", "FY2024-Q4"});
    CHECK(cell(r, 0, {"FY2024-Q4"}, "last_year") == value(4.0));
    CHECK(row_labels(r, 1) == std::vector<std::string>{"FY2023", "FY2024"});
    CHECK(cell(r, 1, {"FY2023"}, "responses") == value(4.0));
    CHECK(cell(r, 1, {"FY2024"}, "responses") == value(5.0));
}

TEST_CASE("weeks starting on Sunday from the week_start setting", "[eval][time]") {
    temp_dir dir;
    auto e = run(dir, "dimension week = week(surveys.submitted)\n"
                      "report weekly {\n  week_start: sunday\n  table by week { responses }\n}\n");
    REQUIRE(e->text() == "");
    const eval::report_result& r = e->report("weekly");
    CHECK(row_labels(r, 0).front() == "2023-02-05");             // the Sunday before Friday 2023-02-10
    CHECK(cell(r, 0, {"2024-03-10"}, "responses") == value(1.0));  // Saturday March 16
    CHECK(cell(r, 0, {"2024-03-31"}, "responses") == value(1.0));  // a Sunday starts its week
}

TEST_CASE("a report time zone moves timestamps with an offset to its local day", "[eval][time]") {
    temp_dir dir;
    dir.write("data/events.csv",
              "id,at\n"
              "1,2024-12-31T23:30:00Z\n"
              "2,2025-01-01T02:30:00Z\n"
              "3,2025-01-01T03:30:00Z\n"
              "4,2024-12-31T22:00:00\n");
    const std::string program = R"(
source events = csv("data/events.csv") { id: text
  at: date }
dimension day = day(events.at)
dimension month = month(events.at)
metric n = count(events)
)";
    auto local = evaluate_text(dir, program + "report r {\n  timezone: \"America/Sao_Paulo\"\n"
                                              "  table by day { n }\n  table by month { n }\n}\n");
    REQUIRE(local->text() == "");
    const eval::report_result& r = local->report("r");
    CHECK(cell(r, 0, {"2024-12-31"}, "n") == value(3.0));  // 20:30, 23:30 and 22:00 (no offset: local)
    CHECK(cell(r, 0, {"2025-01-01"}, "n") == value(1.0));  // 00:30
    CHECK(cell(r, 1, {"2024-12"}, "n") == value(3.0));
    auto utc = evaluate_text(dir, program + "report r {\n  table by day { n }\n}\n");
    REQUIRE(utc->text() == "");
    CHECK(cell(utc->report("r"), 0, {"2024-12-31"}, "n") == value(2.0));
    CHECK(cell(utc->report("r"), 0, {"2025-01-01"}, "n") == value(2.0));
}

TEST_CASE("bad calendar settings are check errors with the accepted values", "[eval][time]") {
    temp_dir dir;
    auto e = run(dir, "report a {\n  week_start: mondy\n  kpis: responses\n}\n");
    CHECK(e->text().find("report.folio:18:15: error: 'week_start' expects sunday, monday, tuesday, wednesday, thursday, "
                         "friday or saturday, found 'mondy'\n") == 0);
    CHECK(e->text().find("note: did you mean 'monday'?") != std::string::npos);
    auto f = run(dir, "report a {\n  fiscal_year_start: aprl\n  kpis: responses\n}\n");
    CHECK(f->text().find("error: 'fiscal_year_start' expects january, february") != std::string::npos);
    auto g = run(dir, "report a {\n  timezone: \"America/Sao_Paolo\"\n  kpis: responses\n}\n");
    CHECK(g->text().find("report.folio:18:13: error: unknown time zone 'America/Sao_Paolo'") != std::string::npos);
    CHECK(g->text().find("did you mean 'America/Sao_Paulo'?") != std::string::npos);
    auto h = run(dir, "report a {\n  to_date: TRUE\n  kpis: responses\n}\n");
    CHECK(h->text().find("report.folio:18:3: error: 'to_date' needs a 'period' for the KPI tiles") != std::string::npos);
    auto i = run(dir, "report a {\n  week_start: sunday\n  kpis: responses\n}\nreport b {\n  week_start: monday\n  kpis: responses\n}\n");
    CHECK(i->text().find("error: reports 'a' and 'b' set different week_start and cannot be rendered together") !=
          std::string::npos);
}

TEST_CASE("year-over-year shifts as Excel formulas", "[eval][time]") {
    temp_dir dir;
    auto e = run(dir, "report r {\n  period: month\n  table by month { yoy_pct, last_year }\n}\n");
    REQUIRE(e->text() == "");
    const eval::program_result& p = e->result;
    const eval::shifted_base_cell cell = [&](std::size_t b, eval::period_offset at) {
        return "[" + p.aggregates[b].text + "@" + std::to_string(at.periods_back) + "," + std::to_string(at.years_back) + "]";
    };
    const report::metric* m = e->model.find_metric("yoy_pct");
    REQUIRE(m != nullptr);
    CHECK(eval::excel_formula(e->model, p, m->formula, cell) ==
          "((([count(surveys)@0,0]))-(([count(surveys)@0,1])))/ABS(([count(surveys)@0,1]))");
    // A callback that only knows periods back writes NA() for the year before.
    const eval::base_cell periods = [&](std::size_t b, int back) { return "[" + p.aggregates[b].text + "@" + std::to_string(back) + "]"; };
    CHECK(eval::excel_formula(e->model, p, e->model.find_metric("last_year")->formula, periods) == "((NA()))");
}

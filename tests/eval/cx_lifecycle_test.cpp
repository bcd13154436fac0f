// Lifecycle sources (`starts:`, `ends:`) and snapshot sources (`snapshot:`, `entity:`):
// the entities active at a period's start and end, started and ended in it, ordinary
// aggregates at the period's end, each entity's last row of a period, the KPI tiles of
// a report with a period, what the JSON states, and the checker's and loader's errors.
// Every expected number is worked out by hand from the five accounts and the seven
// snapshot rows below.
#include <catch2/catch.hpp>

#include "eval_support.hpp"
#include "folio/engine/eval/json_output.hpp"

using namespace folio;
using namespace folio::eval_test;

namespace {

// Months of 2024 by hand (first day inclusive, next month's first day exclusive):
//        active_at_start  started    ended          active_at_end   MRR at end
//   Jan  A3               A1         -              A1 A3           400
//   Feb  A1 A3            A2 A5      A3             A1 A2 A5        380
//   Mar  A1 A2 A5         A4         A2 A4 A5       A1              100
// A5 ends on 1 March: active at the start of March, not at its end. A4 starts and ends
// in March: not in March's denominator, but in its numerator.
const char* accounts_csv =
    "id,region,mrr,started_at,churned_at\n"
    "A1,EMEA,100,2024-01-15,\n"
    "A2,EMEA,200,2024-02-01,2024-03-10\n"
    "A3,APAC,300,2023-12-31,2024-02-29\n"
    "A4,APAC,50,2024-03-01,2024-03-31\n"
    "A5,EMEA,80,2024-02-29,2024-03-01\n";

const char* lifecycle_program = R"(
import "cx"
param as_of: date = date(2024, 3, 31)
source accounts = csv("data/accounts.csv", starts: "started_at", ends: "churned_at")

dimension month  = month(accounts.started_at)
dimension region = accounts.region

metric at_start = active_at_start(accounts)
metric new      = started(accounts)
metric lost     = ended(accounts)
metric at_end   = active_at_end(accounts)
metric MRR      = sum(accounts.mrr)
metric churn    = churn_rate(accounts)
metric CRR      = crr(accounts)
metric emea_end = active_at_end(accounts where accounts.region = "EMEA")

report r {
  period: month
  kpis: MRR, churn
  table by month { at_start, new, lost, at_end, MRR, churn, CRR, emea_end }
  table by month, region { at_start, new, lost, at_end, MRR }
  table by region { MRR, churn }
}
)";

double num(const value& v) {
    REQUIRE(v.is_number());
    return v.number();
}

}  // namespace

TEST_CASE("a lifecycle source counts the entities of each period", "[eval][lifecycle]") {
    temp_dir dir;
    dir.write("data/accounts.csv", accounts_csv);
    auto e = evaluate_text(dir, lifecycle_program);
    INFO(e->text());
    REQUIRE(e->result.ok);
    const eval::report_result& r = e->report("r");

    CHECK(row_labels(r, 0) == std::vector<std::string>{"2023-12", "2024-01", "2024-02", "2024-03"});
    struct month_row {
        const char* month;
        double at_start, started, ended, at_end, mrr;
    };
    for (const month_row& m : {month_row{"2024-01", 1, 1, 0, 2, 400}, month_row{"2024-02", 2, 2, 1, 3, 380},
                               month_row{"2024-03", 3, 1, 3, 1, 100}}) {
        INFO(m.month);
        CHECK(num(cell(r, 0, {m.month}, "at_start")) == m.at_start);
        CHECK(num(cell(r, 0, {m.month}, "new")) == m.started);
        CHECK(num(cell(r, 0, {m.month}, "lost")) == m.ended);
        CHECK(num(cell(r, 0, {m.month}, "at_end")) == m.at_end);
        CHECK(num(cell(r, 0, {m.month}, "MRR")) == m.mrr);
    }
    // churn = ended / active at start; CRR = (active at end - started) / active at start.
    CHECK(num(cell(r, 0, {"2024-01"}, "churn")) == 0);
    CHECK(num(cell(r, 0, {"2024-02"}, "churn")) == 0.5);
    CHECK(num(cell(r, 0, {"2024-03"}, "churn")) == 1);
    CHECK(num(cell(r, 0, {"2024-01"}, "CRR")) == 1);
    CHECK(num(cell(r, 0, {"2024-02"}, "CRR")) == 0.5);
    CHECK(num(cell(r, 0, {"2024-03"}, "CRR")) == 0);
    CHECK(num(cell(r, 0, {"2024-03"}, "emea_end")) == 1);
    CHECK(num(cell(r, 0, {"2024-02"}, "emea_end")) == 3);
    // December 2023: A3 started; nobody was active at its start.
    CHECK(num(cell(r, 0, {"2023-12"}, "new")) == 1);
    CHECK(cell(r, 0, {"2023-12"}, "churn") == value(error_code::div0));

    // By month and region: A3 (APAC) ends in February; A2 and A5 (EMEA) start then.
    CHECK(num(cell(r, 1, {"2024-02", "EMEA"}, "at_start")) == 1);
    CHECK(num(cell(r, 1, {"2024-02", "EMEA"}, "new")) == 2);
    CHECK(num(cell(r, 1, {"2024-02", "EMEA"}, "at_end")) == 3);
    CHECK(num(cell(r, 1, {"2024-02", "EMEA"}, "MRR")) == 380);
    CHECK(num(cell(r, 1, {"2024-02", "APAC"}, "lost")) == 1);
    CHECK(num(cell(r, 1, {"2024-02", "APAC"}, "at_end")) == 0);
    CHECK(num(cell(r, 1, {"2024-03", "APAC"}, "new")) == 1);
    CHECK(num(cell(r, 1, {"2024-03", "APAC"}, "lost")) == 1);

    // Without a period: ordinary aggregates over every row, lifecycle ones #N/A.
    CHECK(num(cell(r, 2, {"EMEA"}, "MRR")) == 380);
    CHECK(num(cell(r, 2, {"APAC"}, "MRR")) == 350);
    CHECK(cell(r, 2, {"EMEA"}, "churn") == value(error_code::na));
    CHECK(e->text().find("warning: metric churn is #N/A in this table: ended() counts entities relative to a "
                         "period, and this table has none") != std::string::npos);

    // KPI tiles: March against February, per period (not over all the data).
    const eval::kpi_tile& mrr = tile(r, "MRR");
    CHECK_FALSE(mrr.whole_data);
    CHECK(num(mrr.current) == 100);
    CHECK(num(mrr.previous) == 380);
    CHECK(num(tile(r, "churn").current) == 1);
    CHECK(num(tile(r, "churn").previous) == 0.5);

    // The report states how the metrics over accounts are aggregated.
    std::string mrr_note, churn_note;
    for (const eval::metric_info& m : r.metrics) {
        if (m.name == "MRR") mrr_note = m.aggregation;
        if (m.name == "churn") churn_note = m.aggregation;
    }
    CHECK(mrr_note == "at period end: accounts active on the last day of each period");
    CHECK(churn_note == "accounts counted by started_at and churned_at relative to each period");
    const std::string json = eval::report_json(r);
    CHECK(json.find("\"aggregation\": \"at period end: accounts active on the last day of each period\"") !=
          std::string::npos);
}

TEST_CASE("a snapshot source takes each entity's last row of a period", "[eval][lifecycle]") {
    temp_dir dir;
    // B moves from APAC to EMEA in February; its rows are not in date order.
    dir.write("data/mrr.csv",
              "account,region,as_of,mrr\n"
              "A,EMEA,2024-01-10,100\n"
              "A,EMEA,2024-01-31,120\n"
              "B,APAC,2024-01-05,50\n"
              "A,EMEA,2024-02-15,130\n"
              "B,EMEA,2024-02-20,60\n"
              "B,EMEA,2024-02-10,55\n"
              "C,APAC,2024-02-01,10\n");
    auto e = evaluate_text(dir, R"(
source daily = csv("data/mrr.csv", snapshot: "as_of", entity: "account")
dimension month  = month(daily.as_of)
dimension region = daily.region
metric MRR      = sum(daily.mrr)
metric accounts = count(daily)
metric big      = count(daily where daily.mrr >= 60)
report r {
  table by month { MRR, accounts, big }
  table by month, region { MRR }
  table by region { MRR }
  table { MRR }
}
)");
    INFO(e->text());
    REQUIRE(e->result.ok);
    const eval::report_result& r = e->report("r");
    CHECK(num(cell(r, 0, {"2024-01"}, "MRR")) == 170);  // A 120 (31 Jan), B 50
    CHECK(num(cell(r, 0, {"2024-02"}, "MRR")) == 200);  // A 130, B 60 (20 Feb), C 10
    CHECK(num(cell(r, 0, {"2024-01"}, "accounts")) == 2);
    CHECK(num(cell(r, 0, {"2024-02"}, "accounts")) == 3);
    CHECK(num(cell(r, 0, {"2024-02"}, "big")) == 2);
    CHECK(num(cell(r, 1, {"2024-01", "APAC"}, "MRR")) == 50);
    CHECK(num(cell(r, 1, {"2024-02", "EMEA"}, "MRR")) == 190);
    CHECK(num(cell(r, 1, {"2024-02", "APAC"}, "MRR")) == 10);
    // Without a period: each entity's last row overall.
    CHECK(num(cell(r, 2, {"EMEA"}, "MRR")) == 190);
    CHECK(num(cell(r, 2, {"APAC"}, "MRR")) == 10);
    CHECK(num(cell(r, 3, {}, "MRR")) == 200);
    CHECK(r.metrics.at(0).aggregation == "last value per account in each period");
}

TEST_CASE("lifecycle options and aggregates are checked", "[eval][lifecycle]") {
    temp_dir dir;
    dir.write("data/accounts.csv", accounts_csv);
    const std::string schema = "{\n  id: text\n  region: text\n  mrr: number\n  started_at: date\n  churned_at: date\n}\n";
    SECTION("an unknown column, with a suggestion") {
        auto e = evaluate_text(dir, "source a = csv(\"data/accounts.csv\", starts: \"start_at\") " + schema);
        CHECK(e->text().find("report.folio:1:45: error: 'starts' names column 'start_at', which source a does not "
                             "have") != std::string::npos);
        CHECK(e->text().find("did you mean 'started_at'?") != std::string::npos);
    }
    SECTION("a column that is not a date") {
        auto e = evaluate_text(dir, "source a = csv(\"data/accounts.csv\", starts: \"mrr\") " + schema);
        CHECK(e->text().find("error: 'starts' needs a date column, but column 'mrr' is declared number") !=
              std::string::npos);
    }
    SECTION("ends without starts") {
        auto e = evaluate_text(dir, "source a = csv(\"data/accounts.csv\", ends: \"churned_at\") " + schema);
        CHECK(e->text().find("error: 'ends' needs 'starts'") != std::string::npos);
    }
    SECTION("snapshot without entity") {
        auto e = evaluate_text(dir, "source a = csv(\"data/accounts.csv\", snapshot: \"started_at\") " + schema);
        CHECK(e->text().find("error: 'snapshot' needs 'entity'") != std::string::npos);
    }
    SECTION("a lifecycle aggregate over a source without starts") {
        auto e = evaluate_text(dir, "source a = csv(\"data/accounts.csv\")\nmetric lost = ended(a)\n"
                                    "report r { table { lost } }\n");
        CHECK(e->text().find("report.folio:2:21: error: ended() needs a lifecycle source, but source a has no "
                             "'starts' option") != std::string::npos);
        CHECK(e->text().find("starts: \"started_at\", ends: \"churned_at\"") != std::string::npos);
    }
    SECTION("a lifecycle aggregate over a column") {
        auto e = evaluate_text(dir, "source a = csv(\"data/accounts.csv\", starts: \"started_at\")\n"
                                    "metric n = started(a.mrr)\nreport r { table { n } }\n");
        CHECK(e->text().find("error: started() expects a source of entities") != std::string::npos);
    }
    SECTION("a date column holding something else") {
        dir.write("data/bad.csv", "id,started_at\nA1,2024-01-01\nA2,soon\n");
        auto e = evaluate_text(dir, "source a = csv(\"data/bad.csv\", starts: \"started_at\")\n"
                                    "dimension month = month(a.started_at)\nmetric n = started(a)\n"
                                    "report r { table by month { n } }\n");
        INFO(e->text());
        CHECK_FALSE(e->result.ok);
        CHECK(e->text().find("column 'started_at' of source a holds the dates of its entities' lifecycle and expects "
                             "a date, found 'soon' (row 3)") != std::string::npos);
    }
}

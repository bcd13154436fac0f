// The same report over the example data computed four ways must give the same JSON (to a
// relative 1e-9): from CSV files (the in-memory path), from PostgreSQL with the aggregates
// pushed down, from PostgreSQL reading the rows (pushdown off), and with tickets from
// SQLite pushed down. Every aggregate kind (count of rows, values and conditions, distinct,
// sum, avg, min, max, median, percentile, stdev, share, pct) and every time grain (day,
// week, month, quarter, year) appears, with `where` conditions, filters, arithmetic,
// AND, text equality (case-insensitive) and a date as a number.
#include "pg_support.hpp"

#include <map>

#include "folio/engine/eval/json_output.hpp"

using namespace folio;
using namespace folio::pg_test;

namespace {

const char* surveys_schema = R"({
  response_id: text
  account_id: text
  submitted_at: date
  region: text
  account_manager: text
  tier: text
  score: number
  csat: number
  comment: text
})";

const char* body = R"(
dimension region  = surveys.region, tickets.region
dimension tier    = surveys.tier, tickets.tier
dimension day     = day(surveys.submitted_at), day(tickets.opened_at)
dimension week    = week(surveys.submitted_at), week(tickets.opened_at)
dimension month   = month(surveys.submitted_at), month(tickets.opened_at)
dimension quarter = quarter(surveys.submitted_at), quarter(tickets.opened_at)
dimension year    = year(surveys.submitted_at), year(tickets.opened_at)

filter promoters  = surveys.score >= 9
filter detractors = surveys.score <= 6

metric responses    = count(surveys)
metric answered     = count(surveys.csat)
metric promoter_n   = count(promoters)
metric accounts_n   = distinct(surveys.account_id)
metric score_sum    = sum(surveys.score)
metric score_avg    = avg(surveys.score)
metric csat_min     = min(surveys.csat)
metric score_max    = max(surveys.score where surveys.tier = "enterprise")
metric score_median = median(surveys.score)
metric score_p90    = percentile(surveys.score, 0.9)
metric csat_sd      = stdev(surveys.csat)
metric NPS          = pct(promoters) - pct(detractors)
metric CSAT         = share(surveys.csat >= 4)
metric mixed        = avg(surveys.score * 2 + surveys.csat - 1 where surveys.region <> "EMEA")
metric last_day     = max(surveys.submitted_at)
metric tickets_n    = count(tickets)
metric FRT          = avg(tickets.first_response_minutes)
metric FRT_phone    = sum(tickets.first_response_minutes where tickets.channel = "PHONE")
metric FCR          = share(tickets.contacts = 1)
metric contacts_max = max(tickets.contacts)
metric categories   = distinct(tickets.category)
metric quick        = count(tickets.first_response_minutes < 30)
metric open_n       = count(tickets where tickets.status <> "resolved")
metric web_min      = min(tickets.first_response_minutes where AND(tickets.contacts >= 2, tickets.channel = "web"))
metric FRT_share    = pct(tickets.first_response_minutes <= 60)
metric cond_avg     = avg(surveys.csat >= 4)
metric cond_sum     = sum(tickets.contacts = 1 where tickets.channel <> "chat")

report by_region {
  table by region { responses, answered, promoter_n, accounts_n, score_sum, score_avg, csat_min, score_max,
                    score_median, score_p90, csat_sd, NPS, CSAT, mixed, last_day,
                    tickets_n, FRT, FRT_phone, FCR, contacts_max, categories, quick, open_n, web_min, FRT_share,
                    cond_avg, cond_sum }
}
report by_week_tier {
  table by week, tier { responses, score_avg, score_median, csat_sd, NPS, tickets_n, FRT, FCR, web_min }
}
report by_month {
  period: month
  kpis: NPS, CSAT, FRT, FCR
  table by month { responses, score_p90, NPS, mixed, tickets_n, FRT_phone, categories, open_n, FRT_share }
}
report by_quarter {
  table by quarter { responses, accounts_n, score_max, csat_min, tickets_n, contacts_max, quick }
}
report by_year_region {
  table by year, region { responses, score_sum, NPS, tickets_n, FRT, FCR }
}
report by_day {
  table by day { responses, CSAT, tickets_n, FRT }
}
report overall {
  table { responses, score_median, csat_sd, NPS, tickets_n, FRT, categories }
}
)";

std::string program(const std::string& surveys, const std::string& tickets) {
    return "source surveys = " + surveys + " " + surveys_schema + "\nsource tickets = " + tickets + "\n" + body;
}

std::map<std::string, std::string> render_json(const temp_dir& dir, const std::string& text, std::string& sql,
                                               bool pushdown = true) {
    eval::evaluate_options options;
    options.pushdown = pushdown;
    auto e = evaluate_text(dir, text, options);
    INFO(e->text());
    REQUIRE(e->result.ok);
    REQUIRE(e->result.data_errors.empty());
    std::map<std::string, std::string> out;
    for (const eval::report_result& r : e->result.reports) out[r.name] = eval::report_json(r);
    sql.clear();
    for (const eval::source_summary& s : e->result.sources) sql += s.sql + "\n";
    return out;
}

void require_same(const std::map<std::string, std::string>& expected, const std::map<std::string, std::string>& got) {
    REQUIRE(expected.size() == got.size());
    REQUIRE(expected.size() == 7);
    for (const auto& [name, json] : expected) {
        INFO("report " << name);
        REQUIRE(got.count(name) == 1);
        CHECK(json_difference(json, got.at(name)) == "");
    }
}

std::string quoted(const fs::path& p) { return "\"" + p.string() + "\""; }

}  // namespace

TEST_CASE("the example data gives the same JSON from CSV, PostgreSQL (pushed down and read), and SQLite pushed down",
          "[pg][pushdown]") {
    temp_dir dir;
    export_tickets_csv(dir.path() / "tickets.csv");
    const std::string csv_surveys = "csv(" + quoted(example_data() / "surveys.csv") + ")";
    std::string sql;
    const auto expected = render_json(dir, program(csv_surveys, "csv(" + quoted(dir.path() / "tickets.csv") + ")"), sql);
    // A sanity check that the reports hold numbers at all.
    REQUIRE(expected.at("by_region").find("\"EMEA\"") != std::string::npos);

    SECTION("SQLite, tickets pushed down") {
        const auto got = render_json(
            dir, program(csv_surveys, "sqlite(" + quoted(example_data() / "support.db") + ", table: \"tickets\")"), sql);
        CHECK(sql.find("-- source tickets (sqlite): 7 queries, aggregates computed by the database") != std::string::npos);
        require_same(expected, got);
    }

    SECTION("PostgreSQL") {
        FOLIO_REQUIRE_TEST_POSTGRES(dsn);
        const std::string pg_program = program(R"(postgres("${FOLIO_TEST_PG_DSN}", table: "surveys"))",
                                               R"(postgres("${FOLIO_TEST_PG_DSN}", table: "tickets"))");
        {
            INFO("aggregates pushed down");
            const auto got = render_json(dir, pg_program, sql);
            CHECK(sql.find("-- source surveys (postgres): 7 queries, aggregates computed by the database") != std::string::npos);
            CHECK(sql.find("-- source tickets (postgres): 7 queries, aggregates computed by the database") != std::string::npos);
            require_same(expected, got);
        }
        {
            INFO("rows read (pushdown off)");
            const auto got = render_json(dir, pg_program, sql, false);
            CHECK(sql.find("rows are read: pushdown is off (FOLIO_PUSHDOWN=0)") != std::string::npos);
            require_same(expected, got);
        }
    }
}

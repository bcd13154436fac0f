// Sources read through the data layer: SQLite tables with their schema read from the
// database, a dimension a source without a schema block carries through a column of
// the dimension's name, and a source no report reads is not opened.
#include <catch2/catch.hpp>

#include <sqlite3.h>

#include "eval_support.hpp"

using namespace folio;
using namespace folio::eval_test;

namespace {

void exec(sqlite3* db, const char* sql) {
    char* message = nullptr;
    REQUIRE(sqlite3_exec(db, sql, nullptr, nullptr, &message) == SQLITE_OK);
}

void write_support_db(const fs::path& path) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    exec(db,
         "CREATE TABLE tickets (id TEXT, region TEXT, opened_at TIMESTAMP, first_response_minutes REAL, contacts INTEGER);"
         "INSERT INTO tickets VALUES ('T1', 'EMEA', '2024-01-31 23:59:00', 30, 1);"
         "INSERT INTO tickets VALUES ('T2', 'EMEA', '2024-02-01 00:01:00', 10.5, 2);"
         "INSERT INTO tickets VALUES ('T3', 'APAC', '2024-02-03 10:00:00', NULL, 1);"
         "INSERT INTO tickets VALUES ('T4', 'APAC', '2024-04-03 10:00:00', 5, 1);");
    sqlite3_close(db);
}

}  // namespace

TEST_CASE("an SQLite table read with its schema", "[eval]") {
    temp_dir dir;
    write_support_db(dir.path() / "support.db");
    dir.write("unused.csv", "x\n1\n");
    auto e = evaluate_text(dir, R"(
source tickets = sqlite("support.db", table: "tickets")
source unused = csv("missing.csv")
dimension region = tickets.region
dimension month = month(tickets.opened_at)
metric FRT = avg(tickets.first_response_minutes)
metric FCR = share(tickets.contacts = 1)
metric opened = count(tickets)
report support {
  table by region { FRT, FCR, opened }
  table by month { opened }
}
)");
    REQUIRE(e->text() == "");
    const eval::report_result& r = e->report("support");
    CHECK(cell(r, 0, {"EMEA"}, "FRT") == value(20.25));
    CHECK(cell(r, 0, {"APAC"}, "FRT") == value(5.0));
    CHECK(cell(r, 0, {"APAC"}, "FCR") == value(1.0));
    // Timestamps count for their day: 23:59 on January 31 is January.
    CHECK(row_labels(r, 1) == std::vector<std::string>{"2024-01", "2024-02", "2024-03", "2024-04"});
    CHECK(cell(r, 1, {"2024-01"}, "opened") == value(1.0));
    CHECK(cell(r, 1, {"2024-02"}, "opened") == value(2.0));
    CHECK(cell(r, 1, {"2024-03"}, "opened") == value(0.0));
    // The source nothing reads is not opened (its file does not exist).
    REQUIRE(e->result.sources.size() == 1);
    CHECK(e->result.sources[0].name == "tickets");
    CHECK(e->result.sources[0].rows == 4);
}

TEST_CASE("a source without a schema block carries a dimension by its column's name", "[eval]") {
    temp_dir dir;
    dir.write("surveys.csv", "region,manager,score\nEMEA,Ann,10\nEMEA,Bob,2\nAPAC,Ann,9\n");
    dir.write("accounts.csv", "id,region,account_manager,mrr\nA,EMEA,Ann,100\nB,APAC,Bob,50\nC,APAC,Bob,25\n");
    auto e = evaluate_text(dir, R"(
source surveys = csv("surveys.csv") {
  region: text
  manager: text
  score: number
}
source accounts = csv("accounts.csv")
dimension region = surveys.region
dimension manager = surveys.manager, accounts.account_manager
metric responses = count(surveys)
metric MRR = sum(accounts.mrr)
report r {
  table by region { responses, MRR }
  table by manager { responses, MRR }
}
)");
    REQUIRE(e->text() == "");
    const eval::report_result& r = e->report("r");
    CHECK(cell(r, 0, {"APAC"}, "MRR") == value(75.0));
    CHECK(cell(r, 0, {"EMEA"}, "MRR") == value(100.0));
    CHECK(cell(r, 1, {"Bob"}, "MRR") == value(75.0));
    CHECK(cell(r, 1, {"Bob"}, "responses") == value(1.0));
}

TEST_CASE("a dimension the data of a source lacks is an error at the metric", "[eval]") {
    temp_dir dir;
    dir.write("surveys.csv", "region,score\nEMEA,10\n");
    dir.write("accounts.csv", "id,mrr\nA,100\n");
    auto e = evaluate_text(dir, R"(source surveys = csv("surveys.csv") {
  region: text
  score: number
}
source accounts = csv("accounts.csv")
dimension region = surveys.region
metric MRR = sum(accounts.mrr)
report r {
  table by region { MRR }
}
)");
    CHECK(!e->result.ok);
    CHECK(e->text() ==
          "report.folio:9:21: error: metric MRR cannot be split by region: source accounts has no column for it\n"
          "    9 |   table by region { MRR }\n"
          "      |                     ^~~\n"
          "report.folio:6:11: note: dimension region has columns in surveys\n"
          "    6 | dimension region = surveys.region\n"
          "      |           ^~~~~~\n");
}

TEST_CASE("numbers from a column whose data is text are an error", "[eval]") {
    temp_dir dir;
    dir.write("accounts.csv", "id,mrr\nA,100\nB,lots\n");
    auto e = evaluate_text(dir, R"(source accounts = csv("accounts.csv")
metric MRR = sum(accounts.mrr)
metric mean = avg(accounts.mrr)
report r {
  kpis: MRR, mean
}
)");
    CHECK(!e->result.ok);
    CHECK(e->text() ==
          "report.folio:2:18: error: sum() expects numbers, but column 'mrr' of source accounts holds text\n"
          "    2 | metric MRR = sum(accounts.mrr)\n"
          "      |                  ^~~~~~~~~~~~\n"
          "report.folio:3:19: error: avg() expects numbers, but column 'mrr' of source accounts holds text\n"
          "    3 | metric mean = avg(accounts.mrr)\n"
          "      |                   ^~~~~~~~~~~~\n");
}

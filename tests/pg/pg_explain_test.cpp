// The SQL Folio sends, exactly: `folio render --explain` per source, identifiers quoted
// (odd characters and quotes inside), constants as $n / ?n parameters shown as comments,
// time grains as period serials, and the reason when a source's rows are read instead.
#include "pg_support.hpp"

using namespace folio;
using namespace folio::pg_test;

namespace {

void write_odd_sqlite(const fs::path& path) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    const char* sql =
        "CREATE TABLE \"odd \"\"t\"\" table\" (\"Region\" TEXT, opened_at TIMESTAMP, owner TEXT, minutes REAL, "
        "\"a;b\" INTEGER);"
        "INSERT INTO \"odd \"\"t\"\" table\" VALUES ('EMEA', '2024-01-31 23:59:00', 'O''Brien', 30, 1);"
        "INSERT INTO \"odd \"\"t\"\" table\" VALUES ('EMEA', '2024-02-01 00:01:00', 'Smith', 10.5, 2);"
        "INSERT INTO \"odd \"\"t\"\" table\" VALUES ('APAC', '2024-02-03 10:00:00', 'o''brien', NULL, 1);";
    REQUIRE(sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
}

const char* odd_report = R"(
source t = sqlite("odd.db", table: "odd ""t"" table")
dimension region = t.region
dimension month = month(t.opened_at)
metric theirs = count(t where t.owner = "O'Brien")
metric slow = avg(t.minutes + 1 where t.minutes > 20)
report r {
  table by region { theirs, slow }
  table by month { theirs }
}
)";

}  // namespace

TEST_CASE("render --explain shows the SQLite queries with quoted identifiers and bound constants", "[pg][explain]") {
    temp_dir dir;
    write_odd_sqlite(dir.path() / "odd.db");
    dir.write("report.folio", odd_report);
    std::string out, err;
    const int status = run_folio("render '" + (dir.path() / "report.folio").string() + "' --explain --out '" +
                                     (dir.path() / "out").string() + "'",
                                 dir, out, err);
    INFO(err);
    REQUIRE(status == 0);
    CHECK(out == R"(-- source t (sqlite): 2 queries, aggregates computed by the database
SELECT
  "Region",
  count(*) FILTER (WHERE (lower(coalesce("owner", '')) = lower(coalesce(?1, '')))),
  total((coalesce("minutes", 0) + ?3)) FILTER (WHERE coalesce("minutes" > ?2, FALSE)),
  count((coalesce("minutes", 0) + ?3)) FILTER (WHERE coalesce("minutes" > ?2, FALSE)),
  count(*)
FROM "odd ""t"" table"
GROUP BY 1;
-- ?1 = 'O''Brien'
-- ?2 = 20
-- ?3 = 1
SELECT
  CAST(julianday(date("opened_at", 'start of month')) - 2415018.5 AS integer),
  count(*) FILTER (WHERE (lower(coalesce("owner", '')) = lower(coalesce(?1, '')))),
  count(*)
FROM "odd ""t"" table"
GROUP BY 1;
-- ?1 = 'O''Brien'
wrote )" + (dir.path() / "out" / "r.json").string() + "\n");
    // Both O'Brien spellings count (text = ignores case), the NULL minutes is left out.
    const std::string json = read_text(dir.path() / "out" / "r.json");
    CHECK(json.find("\"theirs\"") != std::string::npos);
}

TEST_CASE("render --explain says why a source's rows are read", "[pg][explain]") {
    temp_dir dir;
    write_odd_sqlite(dir.path() / "odd.db");
    dir.write("report.folio", R"(
source t = sqlite("odd.db", table: "odd ""t"" table")
dimension region = t.region
metric m = median(t.minutes)
metric ratio = avg(t.minutes / 2)
report r { table by region { m } }
report q { table by region { ratio } }
)");
    std::string out, err;
    const std::string file = "'" + (dir.path() / "report.folio").string() + "'";
    const std::string out_dir = " --out '" + (dir.path() / "out").string() + "'";
    REQUIRE(run_folio("render " + file + " --explain --report r" + out_dir, dir, out, err) == 0);
    CHECK(out.rfind("-- source t (sqlite): rows are read: median and percentile (SQLite has no percentile_cont)\n", 0) == 0);
    REQUIRE(run_folio("render " + file + " --explain --report q" + out_dir, dir, out, err) == 0);
    CHECK(out.rfind("-- source t (sqlite): rows are read: a division, power or text operator (it can give an Excel error)\n",
                    0) == 0);
}

TEST_CASE("render --explain shows the PostgreSQL queries", "[pg][explain]") {
    FOLIO_REQUIRE_TEST_POSTGRES(dsn);
    pg_run(*dsn, "DROP TABLE IF EXISTS \"odd \"\"t\"\" table\"");
    pg_run(*dsn, "CREATE TABLE \"odd \"\"t\"\" table\" (\"Region\" text, opened_at timestamp, owner text, minutes float8)");
    pg_run(*dsn, "INSERT INTO \"odd \"\"t\"\" table\" VALUES ('EMEA', '2024-01-31 23:59:00', 'O''Brien', 30), "
                 "('EMEA', '2024-02-01 00:01:00', 'Smith', 10.5), ('APAC', '2024-02-03 10:00:00', 'o''brien', NULL)");
    temp_dir dir;
    dir.write("report.folio", R"(
source t = postgres("${FOLIO_TEST_PG_DSN}", table: "odd ""t"" table")
dimension region = t.region
dimension week = week(t.opened_at)
metric theirs = count(t where t.owner = "O'Brien")
metric typical = median(t.minutes)
metric spread = stdev(t.minutes where NOT(t.owner = "x"))
report r {
  table by region, week { theirs, typical, spread }
}
)");
    std::string out, err;
    const int status = run_folio("render '" + (dir.path() / "report.folio").string() + "' --explain --out '" +
                                     (dir.path() / "out").string() + "'",
                                 dir, out, err);
    INFO(err);
    REQUIRE(status == 0);
    CHECK(out == R"(-- source t (postgres): 1 query, aggregates computed by the database
SELECT
  "Region",
  (CAST(date_trunc('week', "opened_at") AS date) - DATE '1899-12-30'),
  count(*) FILTER (WHERE (lower(coalesce("owner", '')) = lower(coalesce($1, '')))),
  percentile_cont($2) WITHIN GROUP (ORDER BY CAST("minutes" AS double precision)),
  stddev_samp(CAST("minutes" AS double precision)) FILTER (WHERE (NOT (lower(coalesce("owner", '')) = lower(coalesce($3, ''))))),
  count(*)
FROM "odd ""t"" table"
GROUP BY 1, 2;
-- $1 = 'O''Brien'
-- $2 = 0.5
-- $3 = 'x'
wrote )" + (dir.path() / "out" / "r.json").string() + "\n");
    pg_run(*dsn, "DROP TABLE \"odd \"\"t\"\" table\"");
}

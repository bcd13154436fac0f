// Failures of PostgreSQL sources, through `folio render`: each is one clear error naming
// the source, exit status 1, no output file written, and never a password in the text.
// The server-down test needs no server; the others run against the test server.
#include <chrono>
#include <thread>

#include "pg_support.hpp"

using namespace folio;
using namespace folio::pg_test;

namespace {

// A report over one postgres source `t` with the given connection and options.
std::string report_over(const std::string& connection, const std::string& options, const std::string& metric = "sum(t.score)") {
    return "source t = postgres(\"" + connection + "\", " + options + ")\n"
           "dimension region = t.region\n"
           "metric m = " + metric + "\n"
           "report r { table by region { m } }\n";
}

struct render_outcome {
    int status = 0;
    std::string out, err;
    bool wrote = false;
};

render_outcome render(const temp_dir& dir, const std::string& text) {
    dir.write("report.folio", text);
    render_outcome o;
    const fs::path out_dir = dir.path() / "out";
    o.status = run_folio("render '" + (dir.path() / "report.folio").string() + "' --format json --out '" + out_dir.string() + "'",
                         dir, o.out, o.err);
    o.wrote = fs::exists(out_dir / "r.json") || fs::exists(out_dir / "r.json.tmp");
    return o;
}

}  // namespace

TEST_CASE("a server that is down is an error naming the source, and nothing is written", "[pg][pg_failure]") {
    temp_dir dir;
    // Port 1 on the loopback: nothing listens there.
    const render_outcome o = render(dir, report_over("host=127.0.0.1 port=1 dbname=folio user=folio password=hunter2-secret connect_timeout=5",
                                                      "table: \"surveys\""));
    INFO(o.err);
    CHECK(o.status == 1);
    CHECK_FALSE(o.wrote);
    CHECK(o.err.rfind("postgres source t: error: cannot connect: connection to server at \"127.0.0.1\", port 1 failed: "
                      "Connection refused",
                      0) == 0);
    CHECK(o.err.find("hunter2") == std::string::npos);
}

TEST_CASE("a connection text naming an unset variable says how to set it", "[pg][pg_failure]") {
    temp_dir dir;
    ::unsetenv("FOLIO_NO_SUCH_DSN");
    const render_outcome o = render(dir, report_over("${FOLIO_NO_SUCH_DSN}", "table: \"surveys\""));
    CHECK(o.status == 1);
    CHECK_FALSE(o.wrote);
    CHECK(o.err ==
          "postgres source t: error: the connection names ${FOLIO_NO_SUCH_DSN}, which is neither a text param nor an "
          "environment variable\nnote: set it with --param FOLIO_NO_SUCH_DSN=... or export FOLIO_NO_SUCH_DSN=...\n");
}

TEST_CASE("a connection text from a param, set with --param", "[pg][pg_failure]") {
    temp_dir dir;
    dir.write("report.folio", "param dsn: text = \"host=127.0.0.1 port=1 dbname=x connect_timeout=5\"\n" +
                                  report_over("${dsn}", "table: \"surveys\""));
    std::string out, err;
    const int status = run_folio("render '" + (dir.path() / "report.folio").string() + "' --out '" +
                                     (dir.path() / "out").string() + "' --param 'dsn=host=127.0.0.1 port=2 dbname=x'",
                                 dir, out, err);
    CHECK(status == 1);
    CHECK(err.find("postgres source t: error: cannot connect: connection to server at \"127.0.0.1\", port 2 failed") == 0);
}

TEST_CASE("PostgreSQL failures: wrong password, missing table or column, a failing query", "[pg][pg_failure]") {
    FOLIO_REQUIRE_TEST_POSTGRES(dsn);
    temp_dir dir;

    SECTION("wrong password") {
        const render_outcome o = render(dir, report_over(*dsn + " password=Wr0ng-S3cret", "table: \"surveys\""));
        CHECK(o.status == 1);
        CHECK_FALSE(o.wrote);
        CHECK(o.err.rfind("postgres source t: error: cannot connect: ", 0) == 0);
        CHECK(o.err.find("password authentication failed for user \"folio\"") != std::string::npos);
        CHECK(o.err.find("note: passwords come from PGPASSWORD, PGPASSFILE or ~/.pgpass") != std::string::npos);
        CHECK(o.err.find("Wr0ng") == std::string::npos);
    }
    SECTION("missing table") {
        const render_outcome o = render(dir, report_over(*dsn, "table: \"no_such_table\""));
        CHECK(o.status == 1);
        CHECK_FALSE(o.wrote);
        CHECK(o.err == "postgres source t: error: cannot read table 'no_such_table': relation \"no_such_table\" does not exist\n");
    }
    SECTION("missing column, schema read from the table") {
        const render_outcome o = render(dir, report_over(*dsn, "table: \"surveys\"", "sum(t.scor)"));
        CHECK(o.status == 1);
        CHECK_FALSE(o.wrote);
        CHECK(o.err.find("error: source t has no column 'scor'") != std::string::npos);
        CHECK(o.err.find("note: did you mean 'score'?") != std::string::npos);
    }
    SECTION("missing column, declared in a schema block") {
        dir.write("report.folio", "source t = postgres(\"" + *dsn + "\", table: \"surveys\") {\n  region: text\n  scor: number\n}\n"
                                  "dimension region = t.region\nmetric m = sum(t.scor)\nreport r { table by region { m } }\n");
        std::string out, err;
        const int status = run_folio("render '" + (dir.path() / "report.folio").string() + "' --out '" +
                                         (dir.path() / "out").string() + "'", dir, out, err);
        CHECK(status == 1);
        CHECK_FALSE(fs::exists(dir.path() / "out" / "r.json"));
        CHECK(err == "postgres source t: error: column 'scor' is not in table 'surveys'\n"
                     "note: table 'surveys' has: response_id, account_id, submitted_at, region, account_manager, tier, score, "
                     "csat, comment\n");
    }
    SECTION("a query that fails on the server") {
        const render_outcome o = render(dir, report_over(*dsn, "query: \"SELECT region, 1 / (score - score) AS score FROM surveys\""));
        CHECK(o.status == 1);
        CHECK_FALSE(o.wrote);
        CHECK(o.err == "postgres source t: error: the aggregate query failed: division by zero\n");
    }
}

TEST_CASE("a connection lost in the middle of a query is an error naming the source", "[pg][pg_failure]") {
    FOLIO_REQUIRE_TEST_POSTGRES(dsn);
    temp_dir dir;
    const std::string marker = "folio_lost_" + std::to_string(::getpid());
    // The query sleeps on the server; a second connection terminates it meanwhile.
    std::thread killer([&] {
        for (int i = 0; i < 100; ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            const std::string killed = pg_run(*dsn, "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                                                    "WHERE query LIKE '%" + marker + "%' AND query LIKE '%pg_sleep%' "
                                                    "AND pid <> pg_backend_pid()");
            if (killed != "0") return;
        }
    });
    const render_outcome o = render(dir, report_over(*dsn, "query: \"SELECT s.region, s.score, '" + marker +
                                                               "' AS tag FROM surveys s, (SELECT pg_sleep(20)) AS nap\""));
    killer.join();
    INFO(o.err);
    CHECK(o.status == 1);
    CHECK_FALSE(o.wrote);
    // libpq reports the administrator's termination or the closed socket, depending on timing.
    CHECK(o.err.rfind("postgres source t: error: the aggregate query failed: ", 0) == 0);
    CHECK((o.err.find("terminating connection due to administrator command") != std::string::npos ||
           o.err.find("server closed the connection unexpectedly") != std::string::npos));
    CHECK(o.err.find("note: the connection to the server was lost") != std::string::npos);
}

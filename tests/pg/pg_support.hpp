// Helpers for the PostgreSQL tests: the test server's connection (FOLIO_TEST_PG_DSN,
// set by `eval "$(scripts/start-test-postgres.sh)"`), skipping cleanly without one
// unless FOLIO_TEST_PG_REQUIRED=1 (CI), SQL run on the test server, the example data
// as files, running the `folio` binary, and comparing JSON documents number by number.
#pragma once

#include <sqlite3.h>
#include <sys/wait.h>

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>
#include <optional>
#include <string>

#include "../eval/eval_support.hpp"
#include "folio/engine/data/postgres.hpp"

namespace folio::pg_test {

using namespace folio::eval_test;

inline std::optional<std::string> test_dsn() {
    const char* dsn = std::getenv("FOLIO_TEST_PG_DSN");
    if (dsn == nullptr || *dsn == '\0') return std::nullopt;
    return std::string(dsn);
}

// Skips the test (with a message) when no test server is configured; fails instead when FOLIO_TEST_PG_REQUIRED=1.
#define FOLIO_REQUIRE_TEST_POSTGRES(dsn_var)                                                                  \
    const std::optional<std::string> dsn_var = ::folio::pg_test::test_dsn();                                \
    if (!dsn_var) {                                                                                         \
        const char* required = std::getenv("FOLIO_TEST_PG_REQUIRED");                                       \
        if (required != nullptr && std::string(required) == "1")                                           \
            FAIL("FOLIO_TEST_PG_REQUIRED=1 but FOLIO_TEST_PG_DSN is not set");                              \
        WARN("SKIPPED: no PostgreSQL (eval \"$(scripts/start-test-postgres.sh)\" sets FOLIO_TEST_PG_DSN)"); \
        return;                                                                                             \
    }

// Runs SQL on the test server, returning the first cell of the last row ("" when none).
inline std::string pg_run(const std::string& dsn, const std::string& sql) {
    data::postgres_options o;
    o.dsn = dsn;
    o.display_name = "test server";
    auto db = data::open_postgres_database(o);
    std::string first;
    db->run(sql, {}, [&](std::span<const data::sql_cell> cells) {
        if (!cells.empty()) first = std::string(cells[0].text);
    });
    return first;
}

inline fs::path example_data() { return source_dir() / "examples" / "customer-health" / "data"; }

// Writes the example's tickets table (support.db) as a CSV file, every field quoted.
inline void export_tickets_csv(const fs::path& out) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2((example_data() / "support.db").c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, "SELECT * FROM tickets", -1, &stmt, nullptr) == SQLITE_OK);
    std::string text;
    const int n = sqlite3_column_count(stmt);
    for (int i = 0; i < n; ++i) text += std::string(i ? "," : "") + sqlite3_column_name(stmt, i);
    text += "\n";
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        for (int i = 0; i < n; ++i) {
            if (i) text += ",";
            if (sqlite3_column_type(stmt, i) == SQLITE_NULL) continue;
            std::string v = reinterpret_cast<const char*>(sqlite3_column_text(stmt, i));
            if (sqlite3_column_type(stmt, i) == SQLITE_FLOAT) {
                char buffer[40];
                std::snprintf(buffer, sizeof buffer, "%.17g", sqlite3_column_double(stmt, i));
                v = buffer;
            }
            std::string quoted = "\"";
            for (char c : v) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
            text += quoted + "\"";
        }
        text += "\n";
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    std::ofstream(out, std::ios::binary) << text;
}

// Compares two JSON texts: equal outside numbers, numbers equal to a relative 1e-9. Returns "" or where they differ.
inline std::string json_difference(const std::string& a, const std::string& b) {
    std::size_t i = 0, j = 0;
    auto number_start = [](const std::string& s, std::size_t at) {
        return at < s.size() && (std::isdigit(static_cast<unsigned char>(s[at])) ||
                                 (s[at] == '-' && at + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[at + 1]))));
    };
    bool in_string = false;
    while (i < a.size() && j < b.size()) {
        if (!in_string && number_start(a, i) && number_start(b, j)) {
            char* end_a = nullptr;
            char* end_b = nullptr;
            const double x = std::strtod(a.c_str() + i, &end_a);
            const double y = std::strtod(b.c_str() + j, &end_b);
            if (std::fabs(x - y) > 1e-9 * std::max({1.0, std::fabs(x), std::fabs(y)}))
                return "numbers differ at " + std::to_string(i) + ": " + a.substr(i, 24) + " vs " + b.substr(j, 24) +
                       "\ncontext: " + a.substr(i > 200 ? i - 200 : 0, 260);
            i = static_cast<std::size_t>(end_a - a.c_str());
            j = static_cast<std::size_t>(end_b - b.c_str());
            continue;
        }
        if (a[i] != b[j])
            return "texts differ at " + std::to_string(i) + ": " + a.substr(i > 120 ? i - 120 : 0, 200) + "\n vs " +
                   b.substr(j > 120 ? j - 120 : 0, 200);
        if (a[i] == '"' && (i == 0 || a[i - 1] != '\\')) in_string = !in_string;
        ++i;
        ++j;
    }
    if (i != a.size() || j != b.size()) return "one text is longer";
    return "";
}

// Runs the folio binary with `args` (a shell command line tail); returns the exit status and fills out and err.
inline int run_folio(const std::string& args, const temp_dir& dir, std::string& out, std::string& err) {
    const fs::path o = dir.path() / "stdout.txt";
    const fs::path e = dir.path() / "stderr.txt";
    const std::string command = std::string("'") + FOLIO_BINARY + "' " + args + " >'" + o.string() + "' 2>'" + e.string() + "'";
    const int status = std::system(command.c_str());
    out = read_text(o);
    err = read_text(e);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace folio::pg_test

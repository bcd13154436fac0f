// SQLite sources: a table and a query, types from declared types and from values, the
// column list without rows, identifiers quoted, declared schemas, and the errors (a
// missing table, a file that is not a database, a value that does not fit).
#include <catch2/catch.hpp>

#include <sqlite3.h>

#include "data_test_files.hpp"
#include "folio/engine/data/sqlite.hpp"
#include "folio/engine/serial_date.hpp"

using namespace folio::data;
using folio::data::test::temp_dir;

namespace {

// Creates a database at `path` by running `sql`.
void make_database(const std::filesystem::path& path, const char* sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    char* error = nullptr;
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &error);
    INFO((error ? error : ""));
    sqlite3_free(error);
    sqlite3_close(db);
    REQUIRE(rc == SQLITE_OK);
}

const char* support_sql =
    "CREATE TABLE tickets (id INTEGER PRIMARY KEY, region TEXT, opened_on DATE, opened_at DATETIME, "
    "  first_response_minutes REAL, contacts INT, escalated BOOLEAN, closed TEXT, notes, \"odd \"\"name\" TEXT);"
    "INSERT INTO tickets VALUES (1, 'EMEA', '2024-01-05', '2024-01-05 10:30:00', 12.5, 1, 1, '2024-01-06', 5, 'a');"
    "INSERT INTO tickets VALUES (2, 'APAC', '2024-01-06', '2024-01-06T08:00', 30, 2, 0, NULL, 'x', 'b');"
    "INSERT INTO tickets VALUES (3, NULL, NULL, NULL, NULL, 1, 'true', '2024-01-09', 7, NULL);"
    "CREATE TABLE \"we\"\"ird\" (v INTEGER); INSERT INTO \"we\"\"ird\" VALUES (42);";

// Returns the serial of a date.
double serial(int y, int m, int d) {
    return *folio::serial_from_date(y, m, d);
}

// Returns the message of the data_error a read throws, or "".
std::string read_error(const std::filesystem::path& path, const sqlite_options& options,
                       const std::optional<table_schema>& schema = std::nullopt) {
    try {
        read_sqlite_table(path, options, schema);
    } catch (const data_error& e) {
        return e.what();
    }
    return {};
}

// Options naming the database "support.db" in messages.
sqlite_options support(std::string table, std::string query = {}) {
    sqlite_options o;
    o.table = std::move(table);
    o.query = std::move(query);
    o.display_name = "support.db";
    return o;
}

}  // namespace

TEST_CASE("sqlite: a table's schema comes from declared types and, for text, the values", "[data]") {
    temp_dir dir;
    const auto db = dir.path() / "support.db";
    make_database(db, support_sql);
    const loaded_table t = read_sqlite_table(db, support("tickets"));
    CHECK(t.data.name() == "tickets");
    CHECK(t.data.schema() == table_schema{{"id", column_type::number},
                                          {"region", column_type::text},
                                          {"opened_on", column_type::date},
                                          {"opened_at", column_type::timestamp},
                                          {"first_response_minutes", column_type::number},
                                          {"contacts", column_type::number},
                                          {"escalated", column_type::boolean},
                                          {"closed", column_type::date},
                                          {"notes", column_type::text},
                                          {"odd \"name", column_type::text}});
    const table& d = t.data;
    REQUIRE(d.row_count() == 3);
    CHECK(d.at("region").text_at(1) == "APAC");
    CHECK(d.at("region").is_null(2));
    CHECK(d.at("opened_on").numbers()[0] == serial(2024, 1, 5));
    CHECK(d.at("opened_at").numbers()[1] == Approx(serial(2024, 1, 6) + 8.0 / 24).epsilon(1e-15));
    CHECK(d.at("first_response_minutes").numbers()[0] == 12.5);
    CHECK(d.at("first_response_minutes").is_null(2));
    CHECK(d.at("escalated").value_at(2) == folio::value(true));
    CHECK(d.at("closed").numbers()[2] == serial(2024, 1, 9));
    CHECK(d.at("notes").text_at(0) == "5");  // numbers in an untyped column of mixed values read as text
    CHECK(t.summary.rows == 3);
    CHECK(infer_sqlite_schema(db, support("tickets")) == d.schema());
}

TEST_CASE("sqlite: table names are quoted identifiers", "[data]") {
    temp_dir dir;
    const auto db = dir.path() / "support.db";
    make_database(db, support_sql);
    const loaded_table t = read_sqlite_table(db, support("we\"ird"));
    CHECK(t.data.at("v").numbers()[0] == 42);
    CHECK(read_error(db, support("tickets; DROP TABLE tickets")) == "support.db: error: no such table: tickets; DROP TABLE tickets");
}

TEST_CASE("sqlite: a query's columns are typed by their values", "[data]") {
    temp_dir dir;
    const auto db = dir.path() / "support.db";
    make_database(db, support_sql);
    const loaded_table t = read_sqlite_table(
        db, support("", "select region, count(*) as n, avg(first_response_minutes) as frt, max(opened_on) as last "
                        "from tickets where region is not null group by region order by region"));
    CHECK(t.data.schema() == table_schema{{"region", column_type::text}, {"n", column_type::number},
                                          {"frt", column_type::number}, {"last", column_type::date}});
    CHECK(t.data.at("region").text_at(0) == "APAC");
    CHECK(t.data.at("frt").numbers()[1] == 12.5);
    CHECK(t.data.at("last").numbers()[1] == serial(2024, 1, 5));
    CHECK(t.data.name() == "support");
}

TEST_CASE("sqlite: columns listed without reading a row", "[data]") {
    temp_dir dir;
    const auto db = dir.path() / "support.db";
    make_database(db, support_sql);
    const auto columns = list_sqlite_columns(db, support("tickets"));
    REQUIRE(columns.size() == 10);
    CHECK(columns[2].name == "opened_on");
    CHECK(columns[2].declared_type == "DATE");
    CHECK(columns[8].declared_type.empty());
    const auto q = list_sqlite_columns(db, support("", "select id, 1 + 1 as two from tickets"));
    REQUIRE(q.size() == 2);
    CHECK(q[1].name == "two");
}

TEST_CASE("sqlite: a declared schema selects and converts columns, matched ignoring case", "[data]") {
    temp_dir dir;
    const auto db = dir.path() / "support.db";
    make_database(db, support_sql);
    const loaded_table t = read_sqlite_table(db, support("tickets"),
                                             table_schema{{"Region", column_type::text}, {"contacts", column_type::number},
                                                          {"closed", column_type::text}});
    CHECK(t.data.schema() == table_schema{{"Region", column_type::text}, {"contacts", column_type::number},
                                          {"closed", column_type::text}});
    CHECK(t.data.at("contacts").numbers()[1] == 2);
    CHECK(t.data.at("closed").text_at(0) == "2024-01-06");
    CHECK(read_error(db, support("tickets"), table_schema{{"status", column_type::text}}) ==
          "support.db: error: column 'status' is not in table 'tickets'\n"
          "note: table 'tickets' has: id, region, opened_on, opened_at, first_response_minutes, contacts, escalated, "
          "closed, notes, odd \"name");
}

TEST_CASE("sqlite: values that do not fit fail or are skipped", "[data]") {
    temp_dir dir;
    const auto db = dir.path() / "support.db";
    make_database(db, "CREATE TABLE t (minutes INTEGER, day DATE, name TEXT);"
                      "INSERT INTO t VALUES (5, '2024-01-01', 'a'), ('n/a', '2024-01-02', 'b'), (7, '01/03/2024', 'c'),"
                      "  (8, 45000, 'd'), (9, '', 'e');");
    CHECK(read_error(db, support("t")) ==
          "support.db: error: column 'minutes' expects a number, found 'n/a' (table 't', row 2)");
    sqlite_options skip = support("t");
    skip.on_error = on_error_action::skip;
    const loaded_table t = read_sqlite_table(db, skip);
    CHECK(t.data.row_count() == 2);
    CHECK(t.summary.skipped_rows == 3);
    REQUIRE(t.summary.skipped_examples.size() == 3);
    CHECK(t.summary.skipped_examples[1].text() ==
          "support.db: error: column 'day' expects a date, found '01/03/2024' (table 't', row 3)");
    CHECK(t.summary.skipped_examples[2].text() ==
          "support.db: error: column 'day' expects a date written as ISO text, found '45000' (table 't', row 4)");
    CHECK(t.data.at("day").is_null(1));  // '' is null in a date column
    CHECK(t.data.at("name").dictionary().size() == 2);  // skipped rows leave no text behind
    CHECK(read_error(db, support("", "select minutes from t"), table_schema{{"minutes", column_type::number}}) ==
          "support.db: error: column 'minutes' expects a number, found 'n/a' (query result row 2)");
}

TEST_CASE("sqlite: errors name the file and carry SQLite's message", "[data]") {
    temp_dir dir;
    const auto db = dir.path() / "support.db";
    make_database(db, support_sql);
    CHECK(read_error(db, support("ticket")) == "support.db: error: no such table: ticket");
    CHECK(read_error(dir.path() / "none.db", support("tickets")) == "support.db: error: cannot open: No such file or directory");
    const auto bad = dir.write("bad.db", "this is not a database, just some text that is long enough to look like a header....");
    CHECK(read_error(bad, support("tickets")) == "support.db: error: file is not a database");
    CHECK(read_error(db, support("", "select * from nowhere")) == "support.db: error: no such table: nowhere");
    CHECK(read_error(db, support("", "delete from tickets")) == "support.db: error: the query must be a SELECT that only reads");
    CHECK(read_error(db, support("", "select 1; select 2")) == "support.db: error: the query must be a single statement");
    CHECK(read_error(db, support("", "select 1; -- done\n")).empty());
    CHECK(read_error(db, support("", "select id, id from tickets")) ==
          "support.db: error: the result has two columns named 'id'\nnote: give them different names with AS");
    CHECK(read_error(db, support("", "")) == "support.db: error: a sqlite source needs a 'table' or a 'query'");
    CHECK(read_error(db, support("tickets", "select 1")) == "support.db: error: a sqlite source takes a 'table' or a 'query', not both");
}

TEST_CASE("sqlite: the database is opened read-only", "[data]") {
    temp_dir dir;
    const auto db = dir.path() / "support.db";
    make_database(db, support_sql);
    CHECK(read_error(db, support("", "insert into tickets(id) values (9) returning id")) ==
          "support.db: error: the query must be a SELECT that only reads");
    const loaded_table t = read_sqlite_table(db, support("tickets"));
    CHECK(t.data.row_count() == 3);
}

TEST_CASE("sqlite: batches give the same rows as the whole table", "[data]") {
    temp_dir dir;
    const auto db = dir.path() / "big.db";
    make_database(db, "CREATE TABLE t (region TEXT, v REAL);"
                      "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 9999) "
                      "INSERT INTO t SELECT 'r' || (i % 7), i * 0.5 FROM n;");
    sqlite_options options;
    options.table = "t";
    options.batch_rows = 3000;
    std::vector<std::pair<std::uint64_t, std::uint64_t>> progress;
    options.progress = [&](std::uint64_t done, std::uint64_t total) { progress.emplace_back(done, total); };
    std::size_t batches = 0, rows = 0;
    double sum = 0;
    read_sqlite_batches(db, options, std::nullopt, [&](const table_batch& b) {
        ++batches;
        rows += b.row_count();
        for (double v : b.at("v").numbers()) sum += v;
    });
    CHECK(batches == 4);
    CHECK(rows == 10000);
    CHECK(sum == 0.5 * 9999 * 10000 / 2);
    CHECK(progress == std::vector<std::pair<std::uint64_t, std::uint64_t>>{{3000, 10000}, {6000, 10000}, {9000, 10000},
                                                                           {10000, 10000}});
    const loaded_table whole = read_sqlite_table(db, options);
    CHECK(whole.data.at("region").dictionary().size() == 7);
}

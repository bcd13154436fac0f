// An independent check of the evaluator on the customer-health example data: the
// sample data written by the example's generator (as example_test.cpp does) is loaded
// into an in-memory SQLite database (the CSV files through a small RFC 4180 reader,
// tickets through ATTACH of support.db), metrics are computed there with SQL by region,
// region × manager, month and month × tier (medians in C++ from the values SQL sorts),
// and every table cell of a report evaluated by Folio must agree to a relative 1e-9,
// with the same groups on both sides.
#include <sqlite3.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "eval_support.hpp"
#include "folio/engine/eval/json_output.hpp"

using namespace folio;
using namespace folio::eval_test;

namespace {

fs::path data_generator() {
    return fs::path(FOLIO_BINARY).parent_path().parent_path() / "examples" / "customer-health" / "generator" /
           "folio_example_data";
}

// RFC 4180: fields separated by commas, records by CRLF or LF; a quoted field may hold
// commas, line breaks and doubled quotes.
std::vector<std::vector<std::string>> read_csv(const std::string& text) {
    std::vector<std::vector<std::string>> records;
    std::vector<std::string> record;
    std::string field;
    bool quoted = false, any = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c != '"') field += c;
            else if (i + 1 < text.size() && text[i + 1] == '"') field += '"', ++i;
            else quoted = false;
            continue;
        }
        if (c == '"') {
            quoted = true;
            any = true;
        } else if (c == ',') {
            record.push_back(std::move(field));
            field.clear();
            any = true;
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            if (any || !field.empty()) {
                record.push_back(std::move(field));
                records.push_back(std::move(record));
            }
            field.clear();
            record.clear();
            any = false;
        } else {
            field += c;
            any = true;
        }
    }
    if (any || !field.empty()) {
        record.push_back(std::move(field));
        records.push_back(std::move(record));
    }
    return records;
}

void exec(sqlite3* db, const std::string& sql) {
    char* message = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message);
    INFO(sql << ": " << (message ? message : ""));
    sqlite3_free(message);
    REQUIRE(rc == SQLITE_OK);
}

// Loads a CSV file into `table`; the columns of `numeric` become REAL (NULL when empty).
void load_csv(sqlite3* db, const fs::path& path, const std::string& table, const std::set<std::string>& numeric) {
    const auto records = read_csv(read_text(path));
    REQUIRE(records.size() > 1);
    const auto& header = records[0];
    std::string create = "CREATE TABLE " + table + " (", insert = "INSERT INTO " + table + " VALUES (";
    for (std::size_t i = 0; i < header.size(); ++i) {
        create += (i ? ", " : "") + header[i] + (numeric.count(header[i]) ? " REAL" : " TEXT");
        insert += i ? ", ?" : "?";
    }
    exec(db, create + ")");
    exec(db, "BEGIN");
    sqlite3_stmt* stmt = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, (insert + ")").c_str(), -1, &stmt, nullptr) == SQLITE_OK);
    for (std::size_t r = 1; r < records.size(); ++r) {
        REQUIRE(records[r].size() == header.size());
        sqlite3_reset(stmt);
        for (std::size_t i = 0; i < header.size(); ++i) {
            const std::string& v = records[r][i];
            const int at = static_cast<int>(i) + 1;
            if (numeric.count(header[i])) {
                if (v.empty()) sqlite3_bind_null(stmt, at);
                else sqlite3_bind_double(stmt, at, std::strtod(v.c_str(), nullptr));
            } else {
                sqlite3_bind_text(stmt, at, v.c_str(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
            }
        }
        REQUIRE(sqlite3_step(stmt) == SQLITE_DONE);
    }
    sqlite3_finalize(stmt);
    exec(db, "COMMIT");
}

// The results of a query whose first `keys` columns are group keys (joined with "|")
// and whose other columns are numbers (NaN for NULL).
using groups = std::map<std::string, std::vector<double>>;

std::vector<std::pair<std::string, std::vector<double>>> query(sqlite3* db, const std::string& sql, int keys) {
    std::vector<std::pair<std::string, std::vector<double>>> out;
    sqlite3_stmt* stmt = nullptr;
    INFO(sql << ": " << sqlite3_errmsg(db));
    REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        std::string key;
        for (int i = 0; i < keys; ++i) {
            const unsigned char* t = sqlite3_column_text(stmt, i);
            key += (i ? "|" : "") + std::string(t ? reinterpret_cast<const char*>(t) : "");
        }
        std::vector<double> values;
        for (int i = keys; i < sqlite3_column_count(stmt); ++i)
            values.push_back(sqlite3_column_type(stmt, i) == SQLITE_NULL ? std::nan("") : sqlite3_column_double(stmt, i));
        out.emplace_back(std::move(key), std::move(values));
    }
    sqlite3_finalize(stmt);
    REQUIRE(rc == SQLITE_DONE);
    return out;
}

groups aggregate(sqlite3* db, const std::string& sql, int keys) {
    groups out;
    for (auto& [key, values] : query(db, sql, keys)) out[key] = std::move(values);
    return out;
}

// Per group, the median of the non-null values of `column` (SQL sorts them).
std::map<std::string, double> medians(sqlite3* db, const std::string& table, const std::string& column,
                                      const std::vector<std::string>& key_exprs) {
    std::string keys;
    for (std::size_t i = 0; i < key_exprs.size(); ++i) keys += (i ? ", " : "") + key_exprs[i];
    std::map<std::string, std::vector<double>> sorted;
    for (auto& [key, values] : query(db,
                                      "SELECT " + keys + ", " + column + " FROM " + table + " WHERE " + column +
                                          " IS NOT NULL ORDER BY " + keys + ", " + column,
                                      static_cast<int>(key_exprs.size())))
        sorted[key].push_back(values[0]);
    std::map<std::string, double> out;
    for (const auto& [key, v] : sorted) {
        const std::size_t n = v.size();
        out[key] = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
    return out;
}

struct expected_metric {
    std::string name;
    // Per group key; a group missing here means the metric's source has no rows in it.
    std::map<std::string, double> values;
    bool zero_when_empty = false;  // count, sum, distinct: 0 for an empty group; else an error
};

bool close(double a, double b) { return std::fabs(a - b) <= 1e-9 * std::max({1.0, std::fabs(a), std::fabs(b)}); }

const char* const report_text = R"(
source surveys = csv("data/surveys.csv") {
  response_id: text
  account_id: text
  submitted_at: date
  region: text
  account_manager: text
  tier: text
  score: number
  csat: number
  comment: text
}
source tickets  = sqlite("data/support.db", table: "tickets")
source accounts = csv("data/accounts.csv")

dimension region  = surveys.region, tickets.region, accounts.region
dimension manager = surveys.account_manager, tickets.account_manager, accounts.account_manager
dimension tier    = surveys.tier, tickets.tier, accounts.tier
dimension month   = month(surveys.submitted_at), month(tickets.opened_at)

metric NPS          = pct(surveys.score >= 9) - pct(surveys.score <= 6)
metric CSAT         = share(surveys.csat >= 4)
metric avg_score    = avg(surveys.score)
metric median_score = median(surveys.score)
metric avg_csat     = avg(surveys.csat)
metric median_csat  = median(surveys.csat)
metric responses    = count(surveys)
metric rated        = count(surveys.csat)
metric respondents  = distinct(surveys.account_id)
metric FRT          = avg(tickets.first_response_minutes)
metric median_FRT   = median(tickets.first_response_minutes)
metric FCR          = share(tickets.contacts = 1)
metric ticket_count = count(tickets)
metric MRR          = sum(accounts.mrr where accounts.status = "active")
metric active       = count(accounts where accounts.status = "active")
metric account_ids  = distinct(accounts.account_id)

report check {
  table by region { NPS, CSAT, avg_score, median_score, avg_csat, median_csat, responses, rated, respondents, FRT, median_FRT, FCR, ticket_count, MRR, active, account_ids }
  table by region, manager { NPS, CSAT, avg_score, median_score, avg_csat, median_csat, responses, rated, respondents, FRT, median_FRT, FCR, ticket_count, MRR, active, account_ids }
  table by month { NPS, CSAT, avg_score, median_score, avg_csat, median_csat, responses, rated, respondents, FRT, median_FRT, FCR, ticket_count }
  table by month, tier { NPS, CSAT, avg_score, median_score, avg_csat, median_csat, responses, rated, respondents, FRT, median_FRT, FCR, ticket_count }
  output: json
}
)";

// The expected metrics of one grouping, keyed as the table's row labels ("EMEA|Jane Doe").
std::vector<expected_metric> expected(sqlite3* db, const std::vector<std::string>& survey_keys,
                                      const std::vector<std::string>& ticket_keys,
                                      const std::vector<std::string>& account_keys) {
    auto join = [](const std::vector<std::string>& k) {
        std::string s;
        for (std::size_t i = 0; i < k.size(); ++i) s += (i ? ", " : "") + k[i];
        return s;
    };
    const int n = static_cast<int>(survey_keys.size());
    std::vector<expected_metric> out;
    auto column = [](const groups& g, std::size_t i) {
        std::map<std::string, double> m;
        for (const auto& [k, v] : g) m[k] = v[i];
        return m;
    };

    const groups s = aggregate(db,
                               "SELECT " + join(survey_keys) +
                                   ", 100.0 * (SUM(score >= 9) - SUM(score <= 6)) / COUNT(*),"
                                   " 1.0 * SUM(csat >= 4) / COUNT(*), AVG(score), AVG(csat), COUNT(*), COUNT(csat),"
                                   " COUNT(DISTINCT account_id)"
                                   " FROM surveys GROUP BY " + join(survey_keys),
                               n);
    out.push_back({"NPS", column(s, 0), false});
    out.push_back({"CSAT", column(s, 1), false});
    out.push_back({"avg_score", column(s, 2), false});
    out.push_back({"median_score", medians(db, "surveys", "score", survey_keys), false});
    out.push_back({"avg_csat", column(s, 3), false});
    out.push_back({"median_csat", medians(db, "surveys", "csat", survey_keys), false});
    out.push_back({"responses", column(s, 4), true});
    out.push_back({"rated", column(s, 5), true});
    out.push_back({"respondents", column(s, 6), true});

    const groups t = aggregate(db,
                               "SELECT " + join(ticket_keys) +
                                   ", AVG(first_response_minutes), 1.0 * SUM(contacts = 1) / COUNT(*), COUNT(*)"
                                   " FROM support.tickets GROUP BY " + join(ticket_keys),
                               n);
    out.push_back({"FRT", column(t, 0), false});
    out.push_back({"median_FRT", medians(db, "support.tickets", "first_response_minutes", ticket_keys), false});
    out.push_back({"FCR", column(t, 1), false});
    out.push_back({"ticket_count", column(t, 2), true});

    if (!account_keys.empty()) {
        const groups a = aggregate(db,
                                   "SELECT " + join(account_keys) +
                                       ", TOTAL(CASE WHEN status = 'active' THEN mrr END), SUM(status = 'active'),"
                                       " COUNT(DISTINCT account_id) FROM accounts GROUP BY " + join(account_keys),
                                   n);
        out.push_back({"MRR", column(a, 0), true});
        out.push_back({"active", column(a, 1), true});
        out.push_back({"account_ids", column(a, 2), true});
    }
    return out;
}

// Compares table `index` of the report with the SQL results; returns the cells compared.
std::size_t compare(const eval::report_result& r, std::size_t index, const std::vector<expected_metric>& metrics) {
    const eval::table_result& t = r.tables.at(index);
    INFO("table by " << t.by_names.at(0) << (t.by_names.size() > 1 ? ", " + t.by_names[1] : std::string()));
    REQUIRE(t.metrics.size() == metrics.size());

    const std::vector<std::string> labels = row_labels(r, index);
    const std::set<std::string> folio_groups(labels.begin(), labels.end());
    CHECK(folio_groups.size() == labels.size());  // no group twice

    // Every group SQL finds in any source is a row, and every row is a group of some source.
    std::set<std::string> sql_groups;
    for (const expected_metric& m : metrics)
        for (const auto& [key, v] : m.values) sql_groups.insert(key);
    CHECK(folio_groups == sql_groups);

    std::size_t compared = 0;
    for (std::size_t row = 0; row < t.rows.size(); ++row) {
        for (std::size_t m = 0; m < metrics.size(); ++m) {
            REQUIRE(r.metrics[t.metrics[m]].name == metrics[m].name);
            const value& got = t.rows[row].values[m];
            INFO("group " << labels[row] << ", metric " << metrics[m].name);
            const auto it = metrics[m].values.find(labels[row]);
            if (it == metrics[m].values.end() || std::isnan(it->second)) {
                // No rows of the metric's source (or no values) in this group.
                if (metrics[m].zero_when_empty) {
                    REQUIRE(got.is_number());
                    CHECK(got.number() == 0);
                } else {
                    CHECK(got.is_error());
                }
                continue;
            }
            REQUIRE(got.is_number());
            INFO("folio " << got.number() << ", sql " << it->second);
            CHECK(close(got.number(), it->second));
            ++compared;
        }
    }
    return compared;
}

}  // namespace

TEST_CASE("metrics of the customer-health data agree with SQLite's", "[eval][sql]") {
    if (!fs::exists(data_generator())) {
        WARN("the example's generator is not built: skipped");
        return;
    }
    temp_dir dir;
    const std::string command = data_generator().string() + " " + (dir.path() / "data").string() + " > /dev/null";
    REQUIRE(std::system(command.c_str()) == 0);

    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(":memory:", &db) == SQLITE_OK);
    struct closer {
        sqlite3* db;
        ~closer() { sqlite3_close(db); }
    } close_db{db};
    load_csv(db, dir.path() / "data" / "surveys.csv", "surveys", {"score", "csat"});
    load_csv(db, dir.path() / "data" / "accounts.csv", "accounts", {"seats", "initial_mrr", "mrr"});
    std::string attach = "ATTACH DATABASE '" + (dir.path() / "data" / "support.db").string() + "' AS support";
    exec(db, attach);

    auto e = evaluate_text(dir, report_text);
    INFO(e->text());
    REQUIRE(e->result.ok);
    REQUIRE(!e->diagnostics.has_errors());
    REQUIRE(!e->problems.has_errors());
    const eval::report_result& r = e->report("check");
    REQUIRE(r.tables.size() == 4);

    std::size_t compared = 0;
    compared += compare(r, 0, expected(db, {"region"}, {"region"}, {"region"}));
    compared += compare(r, 1,
                        expected(db, {"region", "account_manager"}, {"region", "account_manager"},
                                 {"region", "account_manager"}));
    compared += compare(r, 2, expected(db, {"strftime('%Y-%m', submitted_at)"}, {"strftime('%Y-%m', opened_at)"}, {}));
    compared += compare(r, 3,
                        expected(db, {"strftime('%Y-%m', submitted_at)", "tier"}, {"strftime('%Y-%m', opened_at)", "tier"},
                                 {}));
    // 4 regions (16 metrics), their managers, 24 months and the months by tier (13 metrics).
    CHECK(compared > 1000);

    // The JSON written for the report has the numbers compared.
    const std::string json = eval::report_json(r);
    CHECK(json.find("\"NPS\"") != std::string::npos);
    CHECK(json.find("nan") == std::string::npos);
}

// Lifecycle metrics of the example's accounts (`starts: "started_at", ends:
// "churned_at"`) by month and by month × region, against SQL over a calendar of months
// crossed with the accounts: active at a month's start (started before its first day,
// not ended before it), started and ended in it, active at its end, churn rate (ended /
// active at start) and the MRR of the accounts active at its end; and the MRR KPI tile
// of December 2024 against November.
TEST_CASE("lifecycle metrics of the customer-health accounts agree with SQLite's", "[eval][sql][lifecycle]") {
    if (!fs::exists(data_generator())) {
        WARN("the example's generator is not built: skipped");
        return;
    }
    temp_dir dir;
    const std::string command = data_generator().string() + " " + (dir.path() / "data").string() + " > /dev/null";
    REQUIRE(std::system(command.c_str()) == 0);
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(":memory:", &db) == SQLITE_OK);
    struct closer {
        sqlite3* db;
        ~closer() { sqlite3_close(db); }
    } close_db{db};
    load_csv(db, dir.path() / "data" / "accounts.csv", "accounts", {"seats", "initial_mrr", "mrr"});

    auto e = evaluate_text(dir, R"(
param as_of: date = date(2024, 12, 31)
source accounts = csv("data/accounts.csv", starts: "started_at", ends: "churned_at")
dimension region = accounts.region
dimension month  = month(accounts.started_at)
metric at_start = active_at_start(accounts)
metric lost     = ended(accounts)
metric new      = started(accounts)
metric at_end   = active_at_end(accounts)
metric churn    = ended(accounts) / active_at_start(accounts)
metric MRR_end  = sum(accounts.mrr)
metric MRR      = sum(accounts.mrr where accounts.status = "active")
report check {
  period: month
  kpis: MRR
  table by month { at_start, lost, new, at_end, churn, MRR_end }
  table by month, region { at_start, lost, new, at_end, churn, MRR_end }
}
)");
    INFO(e->text());
    REQUIRE(e->result.ok);
    REQUIRE(!e->problems.has_errors());
    const eval::report_result& r = e->report("check");

    const std::string calendar =
        "WITH RECURSIVE months(m) AS (SELECT date(MIN(started_at), 'start of month') FROM accounts UNION ALL "
        "SELECT date(m, '+1 month') FROM months WHERE date(m, '+1 month') <= "
        "(SELECT MAX(MAX(started_at), MAX(churned_at)) FROM accounts)) ";
    const std::string next = "date(m, '+1 month')";
    const std::string at_start = "(started_at < m AND (churned_at = '' OR churned_at >= m))";
    const std::string lost = "(churned_at <> '' AND churned_at >= m AND churned_at < " + next + ")";
    const std::string at_end = "(started_at < " + next + " AND (churned_at = '' OR churned_at >= " + next + "))";
    auto lifecycle = [&](const std::vector<std::string>& keys) {
        std::string key_list;
        for (const std::string& k : keys) key_list += (key_list.empty() ? "" : ", ") + k;
        const groups g = aggregate(db,
                                   calendar + "SELECT " + key_list + ", SUM(" + at_start + "), SUM(" + lost +
                                       "), SUM(started_at >= m AND started_at < " + next + "), SUM(" + at_end +
                                       "), 1.0 * SUM(" + lost + ") / NULLIF(SUM(" + at_start + "), 0), TOTAL(CASE WHEN " +
                                       at_end + " THEN mrr END) FROM months CROSS JOIN accounts GROUP BY " + key_list,
                                   static_cast<int>(keys.size()));
        auto column = [&](std::size_t i) {
            std::map<std::string, double> m;
            for (const auto& [k, v] : g) m[k] = v[i];
            return m;
        };
        return std::vector<expected_metric>{{"at_start", column(0), true}, {"lost", column(1), true},
                                            {"new", column(2), true},      {"at_end", column(3), true},
                                            {"churn", column(4), false},   {"MRR_end", column(5), true}};
    };
    std::size_t compared = compare(r, 0, lifecycle({"strftime('%Y-%m', m)"}));
    compared += compare(r, 1, lifecycle({"strftime('%Y-%m', m)", "region"}));
    CHECK(compared > 500);

    // The MRR tile: December 2024 against November, per period.
    const eval::kpi_tile& mrr = tile(r, "MRR");
    CHECK_FALSE(mrr.whole_data);
    const groups tiles = aggregate(db,
                                   "SELECT m, TOTAL(CASE WHEN status = 'active' AND started_at < n AND (churned_at = '' "
                                   "OR churned_at >= n) THEN mrr END) FROM (SELECT '2024-11' AS m, '2024-12-01' AS n "
                                   "UNION ALL SELECT '2024-12', '2025-01-01') CROSS JOIN accounts GROUP BY m",
                                   1);
    REQUIRE(mrr.current.is_number());
    REQUIRE(mrr.previous.is_number());
    CHECK(close(mrr.current.number(), tiles.at("2024-12")[0]));
    CHECK(close(mrr.previous.number(), tiles.at("2024-11")[0]));
}

// folio_example_data_check DIR: reads back what folio_example_data wrote to DIR and
// checks what the example report relies on. It parses the CSV files with its own
// RFC 4180 reader (not the generator's code) and the tickets through SQLite, then checks
// the headers and columns, the row counts, that every survey and ticket names an
// existing account and falls within its active period, that churned_at >= started_at and
// status agrees with churned_at, value ranges (score 0-10, csat 1-5 or missing, contacts
// 1-5, first-response minutes > 0), 24 months of surveys and tickets, and that the data
// has what it is meant to exercise: quoted comments (commas, quotes, newlines), missing
// csat values, unresolved tickets, accented LATAM names. Prints a summary; exits 1 with
// one line per failed check.
#include <sqlite3.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

int failures = 0;

void fail(const std::string& what) {
    ++failures;
    if (failures <= 50) std::cerr << "FAIL: " << what << '\n';
}

using row = std::vector<std::string>;

// RFC 4180: quoted fields with doubled quotes and embedded line breaks; LF or CRLF.
std::vector<row> read_csv(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        fail("cannot read " + path);
        return {};
    }
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    std::vector<row> rows;
    row current;
    std::string field;
    bool quoted = false;
    bool field_started = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field.push_back('"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field.push_back(c);
            }
            continue;
        }
        if (c == '"' && !field_started) {
            quoted = true;
            field_started = true;
        } else if (c == ',') {
            current.push_back(std::move(field));
            field.clear();
            field_started = false;
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            current.push_back(std::move(field));
            field.clear();
            field_started = false;
            rows.push_back(std::move(current));
            current.clear();
        } else {
            field.push_back(c);
            field_started = true;
        }
    }
    if (quoted) fail(path + ": unterminated quoted field");
    if (field_started || !current.empty()) {
        fail(path + ": last line has no line break");
        current.push_back(std::move(field));
        rows.push_back(std::move(current));
    }
    return rows;
}

bool is_date(const std::string& s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (s[i] < '0' || s[i] > '9') return false;
    const int m = std::stoi(s.substr(5, 2));
    const int d = std::stoi(s.substr(8, 2));
    return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

bool to_int(const std::string& s, int& v) {
    const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    return r.ec == std::errc{} && r.ptr == s.data() + s.size();
}

bool to_double(const std::string& s, double& v) {
    const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    return r.ec == std::errc{} && r.ptr == s.data() + s.size();
}

struct account_info {
    std::string region, manager, tier, started, churned;
};

void expect_header(const std::vector<row>& rows, const row& header, const std::string& file) {
    if (rows.empty() || rows[0] != header) {
        std::string got;
        if (!rows.empty())
            for (const auto& f : rows[0]) got += f + ",";
        fail(file + ": header is not what the report expects; got " + got);
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: folio_example_data_check DIR\n";
        return 2;
    }
    const std::string dir = argv[1];

    // ---- accounts
    const auto accounts = read_csv(dir + "/accounts.csv");
    expect_header(accounts, {"account_id", "name", "country", "region", "account_manager", "tier", "plan", "seats",
                             "initial_mrr", "mrr", "status", "started_at", "churned_at"},
                  "accounts.csv");
    std::map<std::string, account_info> by_id;
    std::size_t churned = 0;
    bool accented_latam = false;
    std::set<std::string> regions, tiers;
    for (std::size_t i = 1; i < accounts.size(); ++i) {
        const row& r = accounts[i];
        const std::string at = "accounts.csv row " + std::to_string(i + 1);
        if (r.size() != 13) {
            fail(at + ": " + std::to_string(r.size()) + " fields");
            continue;
        }
        if (by_id.contains(r[0])) fail(at + ": duplicate account_id " + r[0]);
        by_id[r[0]] = {r[3], r[4], r[5], r[11], r[12]};
        regions.insert(r[3]);
        tiers.insert(r[5]);
        double mrr = 0;
        double initial = 0;
        int seats = 0;
        if (!to_double(r[9], mrr) || mrr <= 0) fail(at + ": mrr '" + r[9] + "'");
        if (!to_double(r[8], initial) || initial <= 0) fail(at + ": initial_mrr '" + r[8] + "'");
        if (!to_int(r[7], seats) || seats < 1) fail(at + ": seats '" + r[7] + "'");
        if (!is_date(r[11])) fail(at + ": started_at '" + r[11] + "'");
        if (r[10] == "churned") {
            ++churned;
            if (!is_date(r[12])) fail(at + ": churned account without a churned_at date");
            else if (r[12] < r[11]) fail(at + ": churned_at " + r[12] + " before started_at " + r[11]);
            else if (r[12] < "2023-01-01" || r[12] > "2024-12-31") fail(at + ": churned_at outside the window");
        } else if (r[10] == "active") {
            if (!r[12].empty()) fail(at + ": active account with churned_at " + r[12]);
        } else {
            fail(at + ": status '" + r[10] + "'");
        }
        if (r[11] > "2024-12-31") fail(at + ": started after the window");
        if (r[3] == "LATAM" && std::any_of(r[1].begin(), r[1].end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }))
            accented_latam = true;
    }
    const std::size_t n_accounts = by_id.size();
    if (n_accounts < 900 || n_accounts > 1200) fail("accounts: " + std::to_string(n_accounts) + " rows, expected 900-1200");
    if (churned < 50) fail("accounts: only " + std::to_string(churned) + " churned");
    if (!accented_latam) fail("accounts: no LATAM name with accents");
    if (regions != std::set<std::string>{"APAC", "EMEA", "LATAM", "North America"}) fail("accounts: unexpected regions");
    if (tiers != std::set<std::string>{"Enterprise", "Growth", "Starter"}) fail("accounts: unexpected tiers");

    // ---- surveys
    const auto surveys = read_csv(dir + "/surveys.csv");
    expect_header(surveys, {"response_id", "account_id", "submitted_at", "region", "account_manager", "tier", "score", "csat", "comment"},
                  "surveys.csv");
    std::size_t missing_csat = 0, comma = 0, quote = 0, newline = 0;
    std::set<std::string> survey_months, response_ids;
    std::map<int, std::size_t> score_counts;
    for (std::size_t i = 1; i < surveys.size(); ++i) {
        const row& r = surveys[i];
        const std::string at = "surveys.csv row " + std::to_string(i + 1);
        if (r.size() != 9) {
            fail(at + ": " + std::to_string(r.size()) + " fields");
            continue;
        }
        if (!response_ids.insert(r[0]).second) fail(at + ": duplicate response_id " + r[0]);
        auto it = by_id.find(r[1]);
        if (it == by_id.end()) {
            fail(at + ": account " + r[1] + " is not in accounts.csv");
            continue;
        }
        const account_info& a = it->second;
        if (r[3] != a.region || r[4] != a.manager || r[5] != a.tier) fail(at + ": region/manager/tier differ from the account's");
        if (!is_date(r[2]) || r[2] < "2023-01-01" || r[2] > "2024-12-31") fail(at + ": submitted_at '" + r[2] + "'");
        if (r[2] < a.started || (!a.churned.empty() && r[2] > a.churned)) fail(at + ": submitted outside the account's active period");
        survey_months.insert(r[2].substr(0, 7));
        int score = -1;
        if (!to_int(r[6], score) || score < 0 || score > 10) fail(at + ": score '" + r[6] + "'");
        else ++score_counts[score];
        int csat = 0;
        if (r[7].empty()) ++missing_csat;
        else if (!to_int(r[7], csat) || csat < 1 || csat > 5) fail(at + ": csat '" + r[7] + "'");
        comma += r[8].find(',') != std::string::npos;
        quote += r[8].find('"') != std::string::npos;
        newline += r[8].find('\n') != std::string::npos;
    }
    const std::size_t n_surveys = surveys.empty() ? 0 : surveys.size() - 1;
    if (n_surveys < 15000 || n_surveys > 30000) fail("surveys: " + std::to_string(n_surveys) + " rows, expected 15000-30000");
    if (survey_months.size() != 24) fail("surveys: " + std::to_string(survey_months.size()) + " months, expected 24");
    if (missing_csat == 0) fail("surveys: no missing csat");
    if (comma == 0 || quote == 0 || newline == 0) fail("surveys: comments lack commas, quotes or newlines");
    if (score_counts.size() != 11) fail("surveys: not every score 0-10 occurs");

    // ---- tickets
    std::size_t n_tickets = 0, unresolved = 0, unanswered = 0, fcr = 0;
    std::set<std::string> ticket_months;
    double max_frt = 0;
    sqlite3* db = nullptr;
    if (sqlite3_open_v2((dir + "/support.db").c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        fail("cannot open support.db");
    } else {
        sqlite3_stmt* st = nullptr;
        const char* sql =
            "SELECT ticket_id, account_id, opened_at, resolved_at, status, region, tier, channel, category, "
            "first_response_minutes, contacts, typeof(first_response_minutes), typeof(contacts) FROM tickets";
        if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK) {
            fail(std::string("support.db: ") + sqlite3_errmsg(db));
        } else {
            auto text = [&](int i) {
                const unsigned char* p = sqlite3_column_text(st, i);
                return p ? std::string(reinterpret_cast<const char*>(p)) : std::string();
            };
            while (sqlite3_step(st) == SQLITE_ROW) {
                ++n_tickets;
                const std::string id = text(0);
                const std::string at = "ticket " + id;
                auto it = by_id.find(text(1));
                if (it == by_id.end()) {
                    fail(at + ": account " + text(1) + " is not in accounts.csv");
                    continue;
                }
                const account_info& a = it->second;
                const std::string opened = text(2);
                const std::string opened_day = opened.substr(0, 10);
                if (opened.size() != 19 || !is_date(opened_day)) fail(at + ": opened_at '" + opened + "'");
                if (opened_day < a.started || (!a.churned.empty() && opened_day > a.churned)) fail(at + ": opened outside the account's active period");
                if (text(5) != a.region || text(6) != a.tier) fail(at + ": region/tier differ from the account's");
                ticket_months.insert(opened.substr(0, 7));
                const bool resolved = sqlite3_column_type(st, 3) != SQLITE_NULL;
                if (resolved && text(3) < opened) fail(at + ": resolved before it was opened");
                if (text(4) != (resolved ? "resolved" : "open")) fail(at + ": status disagrees with resolved_at");
                unresolved += !resolved;
                const std::string frt_type = text(11);
                if (frt_type == "null") {
                    ++unanswered;
                    if (resolved) fail(at + ": resolved without a first response");
                } else if (frt_type != "real" || sqlite3_column_double(st, 9) <= 0) {
                    fail(at + ": first_response_minutes is " + frt_type + " " + text(9));
                } else {
                    max_frt = std::max(max_frt, sqlite3_column_double(st, 9));
                }
                const int contacts = sqlite3_column_int(st, 10);
                if (text(12) != "integer" || contacts < 1 || contacts > 5) fail(at + ": contacts " + text(10));
                fcr += contacts == 1;
            }
            sqlite3_finalize(st);
        }
        sqlite3_close(db);
    }
    if (n_tickets < 5000 || n_tickets > 10000) fail("tickets: " + std::to_string(n_tickets) + " rows, expected 5000-10000");
    if (ticket_months.size() != 24) fail("tickets: " + std::to_string(ticket_months.size()) + " months, expected 24");
    if (unresolved == 0) fail("tickets: none unresolved");
    if (max_frt < 1000) fail("tickets: no first-response outliers");

    std::cout << "accounts " << n_accounts << " (" << churned << " churned), surveys " << n_surveys << " (" << missing_csat
              << " without csat; comments with commas " << comma << ", quotes " << quote << ", newlines " << newline
              << "), tickets " << n_tickets << " (" << unresolved << " unresolved, " << unanswered << " unanswered, FCR "
              << (n_tickets ? 100.0 * static_cast<double>(fcr) / static_cast<double>(n_tickets) : 0.0) << "%, max FRT "
              << max_frt << " min)\n";
    if (failures > 0) {
        std::cerr << failures << " check(s) failed\n";
        return 1;
    }
    return 0;
}

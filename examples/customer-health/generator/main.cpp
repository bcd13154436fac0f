// folio_example_data OUT_DIR [--seed N]: writes the customer-health example's data,
// OUT_DIR/surveys.csv, OUT_DIR/accounts.csv and OUT_DIR/support.db (table `tickets`),
// the files examples/customer-health/report.folio reads from its data/ folder.
//
// The output is byte-identical on every run (sample_data.cpp draws from fixed-seed
// streams; numbers are printed from integers or with std::to_chars; the SQLite file is
// built by one connection in one transaction with fixed pragmas). Each file is written
// under a temporary name in OUT_DIR and renamed into place, so a reader never sees a
// half-written file and an interrupted run leaves the previous files intact.
//
// CSV: RFC 4180 with a header row, comma-separated, LF line ends, UTF-8 without BOM;
// a field is quoted when it holds a comma, a quote, a line break or edge spaces, with
// quotes doubled. Missing values are empty fields. Dates are ISO (2024-12-31); ticket
// times are "2024-12-31 23:59:59" in the account's local time.
#include <sqlite3.h>

#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>

#include <unistd.h>

#include "calendar.hpp"
#include "sample_data.hpp"

namespace fs = std::filesystem;
using namespace folio_example;

namespace {

void append_field(std::string& out, std::string_view v) {
    const bool quote = v.find_first_of(",\"\r\n") != std::string_view::npos ||
                       (!v.empty() && (v.front() == ' ' || v.back() == ' '));
    if (!quote) {
        out += v;
        return;
    }
    out.push_back('"');
    for (char c : v) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
}

void append_int(std::string& out, std::int64_t v) {
    char buf[24];
    const auto res = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, res.ptr);
}

// Cents as a plain decimal with two places ("1249.50").
void append_money(std::string& out, std::int64_t cents) {
    append_int(out, cents / 100);
    out.push_back('.');
    out.push_back(static_cast<char>('0' + cents % 100 / 10));
    out.push_back(static_cast<char>('0' + cents % 10));
}

std::string temp_path_for(const fs::path& final_path) {
    return final_path.string() + ".tmp-" + std::to_string(::getpid());
}

void write_file(const fs::path& path, const std::string& content) {
    const std::string tmp = temp_path_for(path);
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) throw std::runtime_error("cannot write " + tmp);
        out.write(content.data(), static_cast<std::streamsize>(content.size()));
        out.close();
        if (!out) throw std::runtime_error("error writing " + tmp);
    }
    fs::rename(tmp, path);
}

std::string surveys_csv(const sample_data& data) {
    std::string out = "response_id,account_id,submitted_at,region,account_manager,tier,score,csat,comment\n";
    out.reserve(data.surveys.size() * 96);
    for (const survey_response& s : data.surveys) {
        const account& a = data.accounts[s.account];
        append_field(out, s.id);
        out.push_back(',');
        append_field(out, a.id);
        out.push_back(',');
        append_date(out, s.submitted);
        out.push_back(',');
        append_field(out, a.region);
        out.push_back(',');
        append_field(out, a.manager);
        out.push_back(',');
        append_field(out, a.tier);
        out.push_back(',');
        append_int(out, s.score);
        out.push_back(',');
        if (s.csat > 0) append_int(out, s.csat);
        out.push_back(',');
        append_field(out, s.comment);
        out.push_back('\n');
    }
    return out;
}

std::string accounts_csv(const sample_data& data) {
    std::string out =
        "account_id,name,country,region,account_manager,tier,plan,seats,initial_mrr,mrr,status,started_at,churned_at\n";
    for (const account& a : data.accounts) {
        append_field(out, a.id);
        out.push_back(',');
        append_field(out, a.name);
        out.push_back(',');
        append_field(out, a.country);
        out.push_back(',');
        append_field(out, a.region);
        out.push_back(',');
        append_field(out, a.manager);
        out.push_back(',');
        append_field(out, a.tier);
        out.push_back(',');
        append_field(out, a.plan);
        out.push_back(',');
        append_int(out, a.seats);
        out.push_back(',');
        append_money(out, a.initial_mrr_cents);
        out.push_back(',');
        append_money(out, a.mrr_cents);
        out.push_back(',');
        out += a.churned >= 0 ? "churned" : "active";
        out.push_back(',');
        append_date(out, a.started);
        out.push_back(',');
        if (a.churned >= 0) append_date(out, a.churned);
        out.push_back('\n');
    }
    return out;
}

class database {
public:
    explicit database(const std::string& path) {
        if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
            const std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
            sqlite3_close(db_);
            throw std::runtime_error("cannot create " + path + ": " + msg);
        }
    }
    ~database() { sqlite3_close(db_); }
    database(const database&) = delete;
    database& operator=(const database&) = delete;

    void exec(const char* sql) {
        char* err = nullptr;
        if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
            const std::string msg = err ? err : "unknown error";
            sqlite3_free(err);
            throw std::runtime_error(std::string("sqlite: ") + msg + " in: " + sql);
        }
    }
    sqlite3* get() { return db_; }

private:
    sqlite3* db_ = nullptr;
};

void check(sqlite3* db, int rc, const char* what) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
        throw std::runtime_error(std::string("sqlite: ") + what + ": " + sqlite3_errmsg(db));
}

void bind_text(sqlite3* db, sqlite3_stmt* st, int i, const std::string& v) {
    check(db, sqlite3_bind_text(st, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT), "bind");
}

void write_support_db(const fs::path& path, const sample_data& data) {
    const std::string tmp = temp_path_for(path);
    fs::remove(tmp);
    {
        database db(tmp);
        // Fixed layout and no journal: the file is private until it is renamed.
        db.exec("PRAGMA page_size = 4096; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;");
        db.exec(
            "CREATE TABLE tickets (\n"
            "  ticket_id TEXT PRIMARY KEY,\n"
            "  account_id TEXT NOT NULL,\n"
            "  opened_at TIMESTAMP NOT NULL,\n"
            "  resolved_at TIMESTAMP,\n"
            "  status TEXT NOT NULL,\n"
            "  region TEXT NOT NULL,\n"
            "  account_manager TEXT NOT NULL,\n"
            "  tier TEXT NOT NULL,\n"
            "  channel TEXT NOT NULL,\n"
            "  category TEXT NOT NULL,\n"
            "  first_response_minutes REAL,\n"
            "  contacts INTEGER NOT NULL\n"
            ")");
        db.exec("BEGIN");
        sqlite3_stmt* st = nullptr;
        check(db.get(),
              sqlite3_prepare_v2(db.get(), "INSERT INTO tickets VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)", -1, &st, nullptr),
              "prepare");
        for (const ticket& t : data.tickets) {
            const account& a = data.accounts[t.account];
            bind_text(db.get(), st, 1, t.id);
            bind_text(db.get(), st, 2, a.id);
            bind_text(db.get(), st, 3, timestamp_text(t.opened));
            if (t.resolved >= 0) bind_text(db.get(), st, 4, timestamp_text(t.resolved));
            else check(db.get(), sqlite3_bind_null(st, 4), "bind");
            bind_text(db.get(), st, 5, t.resolved >= 0 ? "resolved" : "open");
            bind_text(db.get(), st, 6, a.region);
            // The account's manager, so ticket metrics split by manager as survey metrics do.
            bind_text(db.get(), st, 7, a.manager);
            bind_text(db.get(), st, 8, a.tier);
            bind_text(db.get(), st, 9, t.channel);
            bind_text(db.get(), st, 10, t.category);
            // Tenths of a minute: the double nearest to n/10, which prints back as n/10.
            if (t.first_response_tenths >= 0) check(db.get(), sqlite3_bind_double(st, 11, t.first_response_tenths / 10.0), "bind");
            else check(db.get(), sqlite3_bind_null(st, 11), "bind");
            check(db.get(), sqlite3_bind_int(st, 12, t.contacts), "bind");
            check(db.get(), sqlite3_step(st), "insert");
            check(db.get(), sqlite3_reset(st), "reset");
        }
        sqlite3_finalize(st);
        db.exec("COMMIT");
    }
    fs::rename(tmp, path);
}

int usage() {
    std::cerr << "usage: folio_example_data OUT_DIR [--seed N]\n"
                 "writes OUT_DIR/surveys.csv, OUT_DIR/accounts.csv and OUT_DIR/support.db\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    std::string out_dir;
    std::uint64_t seed = default_seed;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--seed" && i + 1 < argc) {
            const std::string_view v = argv[++i];
            if (std::from_chars(v.data(), v.data() + v.size(), seed).ec != std::errc{}) return usage();
        } else if (arg == "-h" || arg == "--help") {
            usage();
            return 0;
        } else if (out_dir.empty() && !arg.starts_with("-")) {
            out_dir = arg;
        } else {
            return usage();
        }
    }
    if (out_dir.empty()) return usage();
    try {
        const fs::path dir(out_dir);
        fs::create_directories(dir);
        const sample_data data = generate_sample_data(seed);
        write_file(dir / "surveys.csv", surveys_csv(data));
        write_file(dir / "accounts.csv", accounts_csv(data));
        write_support_db(dir / "support.db", data);
        std::size_t churned = 0;
        for (const account& a : data.accounts) churned += a.churned >= 0;
        std::cout << "wrote " << (dir / "surveys.csv").string() << " (" << data.surveys.size() << " responses), "
                  << (dir / "accounts.csv").string() << " (" << data.accounts.size() << " accounts, " << churned
                  << " churned), " << (dir / "support.db").string() << " (" << data.tickets.size() << " tickets)\n";
    } catch (const std::exception& e) {
        std::cerr << "folio_example_data: " << e.what() << '\n';
        return 1;
    }
    return 0;
}

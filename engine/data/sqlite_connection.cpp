// Opening SQLite databases read-only and preparing a source's single statement.
#include "sqlite_connection.hpp"

#include <sqlite3.h>

#include <system_error>

namespace folio::data::detail {
namespace {

/// Makes an issue about the whole database.
load_issue file_issue(const std::string& display, std::string message) {
    return load_issue{display, 0, 0, 0, {}, {}, std::move(message), {}};
}

/// Tells whether the SQL text left after a statement holds only blanks and comments.
bool only_blanks_and_comments(std::string_view sql) {
    std::size_t i = 0;
    while (i < sql.size()) {
        const char c = sql[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == ';') {
            ++i;
        } else if (sql.substr(i, 2) == "--") {
            const std::size_t eol = sql.find('\n', i);
            i = eol == std::string_view::npos ? sql.size() : eol + 1;
        } else if (sql.substr(i, 2) == "/*") {
            const std::size_t close = sql.find("*/", i + 2);
            i = close == std::string_view::npos ? sql.size() : close + 2;
        } else {
            return false;
        }
    }
    return true;
}

}  // namespace

std::string quote_identifier(std::string_view name) {
    std::string out = "\"";
    for (char c : name) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
    return out;
}

std::string sqlite_display_name(const std::filesystem::path& path, const sqlite_options& options) {
    return options.display_name.empty() ? path.generic_string() : options.display_name;
}

sqlite_connection::sqlite_connection(const std::filesystem::path& path, std::string display) : display_(std::move(display)) {
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (!std::filesystem::exists(status)) throw data_error(file_issue(display_, "cannot open: No such file or directory"));
    if (std::filesystem::is_directory(status)) throw data_error(file_issue(display_, "cannot read: it is a folder"));
    std::string name = path.string();
    if (name.rfind("file:", 0) == 0) name = "./" + name;
    const int rc = sqlite3_open_v2(name.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr);
    if (rc != SQLITE_OK) {
        const std::string message = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
        sqlite3_close(db_);
        db_ = nullptr;
        throw data_error(file_issue(display_, message));
    }
}

sqlite_connection::~sqlite_connection() {
    sqlite3_close(db_);
}

data_error sqlite_connection::error() const {
    return data_error(file_issue(display_, sqlite3_errmsg(db_)));
}

sqlite_statement sqlite_connection::prepare(const sqlite_options& options, const std::vector<std::string>& columns) {
    if (options.table.empty() == options.query.empty())
        throw data_error(file_issue(display_, options.table.empty() ? "a sqlite source needs a 'table' or a 'query'"
                                                                    : "a sqlite source takes a 'table' or a 'query', not both"));
    std::string sql;
    if (!options.table.empty()) {
        std::string list;
        for (const std::string& c : columns) list += (list.empty() ? "" : ", ") + quote_identifier(c);
        sql = "SELECT " + (columns.empty() ? std::string("*") : list) + " FROM " + quote_identifier(options.table);
    } else {
        sql = options.query;
    }
    sqlite3_stmt* stmt = nullptr;
    const char* tail = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), static_cast<int>(sql.size()), &stmt, &tail) != SQLITE_OK) throw error();
    sqlite_statement statement(stmt, this);
    if (stmt == nullptr) throw data_error(file_issue(display_, "the query is empty"));
    if (!only_blanks_and_comments(std::string_view(tail, static_cast<std::size_t>(sql.c_str() + sql.size() - tail))))
        throw data_error(file_issue(display_, "the query must be a single statement"));
    if (sqlite3_stmt_readonly(stmt) == 0 || sqlite3_column_count(stmt) == 0)
        throw data_error(file_issue(display_, "the query must be a SELECT that only reads"));
    return statement;
}

sqlite_statement::~sqlite_statement() {
    sqlite3_finalize(stmt_);
}

std::vector<sqlite_column> sqlite_statement::columns() const {
    std::vector<sqlite_column> out;
    const int n = sqlite3_column_count(stmt_);
    for (int i = 0; i < n; ++i) {
        const char* name = sqlite3_column_name(stmt_, i);
        const char* declared = sqlite3_column_decltype(stmt_, i);
        out.push_back(sqlite_column{name ? name : "", declared ? declared : ""});
    }
    return out;
}

bool sqlite_statement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw connection_->error();
}

void sqlite_statement::reset() {
    sqlite3_reset(stmt_);
}

}  // namespace folio::data::detail

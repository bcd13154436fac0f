// Parameterised queries against a SQLite database for aggregate pushdown (see
// postgres.hpp: sql_database). The database is opened read-only like every SQLite
// source; values are bound to ?1, ?2, ... and never spliced into the SQL.
#include <sqlite3.h>

#include "folio/engine/data/postgres.hpp"
#include "sqlite_connection.hpp"

namespace folio::data {
namespace {

class sqlite_database final : public sql_database {
public:
    sqlite_database(const std::filesystem::path& path, const std::string& display) : db_(path, display) {}

    void run(const std::string& sql, const std::vector<sql_param>& params,
             const std::function<void(std::span<const sql_cell>)>& on_row) override {
        sqlite_options options;
        options.query = sql;
        detail::sqlite_statement statement = db_.prepare(options);
        sqlite3_stmt* stmt = statement.get();
        for (std::size_t i = 0; i < params.size(); ++i) {
            const int at = static_cast<int>(i + 1);
            const sql_param& p = params[i];
            int rc = SQLITE_OK;
            switch (p.type) {
                case sql_param::kind::number: rc = sqlite3_bind_double(stmt, at, p.number); break;
                case sql_param::kind::text:
                    rc = sqlite3_bind_text(stmt, at, p.text.c_str(), static_cast<int>(p.text.size()), SQLITE_TRANSIENT);
                    break;
                case sql_param::kind::boolean: rc = sqlite3_bind_int(stmt, at, p.boolean ? 1 : 0); break;
            }
            if (rc != SQLITE_OK) throw db_.error();
        }
        std::vector<sql_cell> cells(static_cast<std::size_t>(sqlite3_column_count(stmt)));
        while (statement.step()) {
            for (std::size_t f = 0; f < cells.size(); ++f) {
                const int field = static_cast<int>(f);
                sql_cell& cell = cells[f];
                const int kind = sqlite3_column_type(stmt, field);
                cell.null = kind == SQLITE_NULL;
                cell.has_number = kind == SQLITE_INTEGER || kind == SQLITE_FLOAT;
                cell.number = kind == SQLITE_INTEGER ? static_cast<double>(sqlite3_column_int64(stmt, field))
                                                     : sqlite3_column_double(stmt, field);
                const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, field));
                cell.text = text ? std::string_view(text, static_cast<std::size_t>(sqlite3_column_bytes(stmt, field)))
                                 : std::string_view();
            }
            on_row(cells);
        }
    }

private:
    detail::sqlite_connection db_;
};

}  // namespace

std::unique_ptr<sql_database> open_sqlite_database(const std::filesystem::path& path, const std::string& display_name) {
    return std::make_unique<sqlite_database>(path, display_name);
}

}  // namespace folio::data

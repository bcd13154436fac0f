// A libpq connection and its results, owned (RAII), with errors that name the source and
// never the password.
//
// The session is set to DateStyle ISO, TimeZone UTC and application_name folio (unless
// the connection string names one). Queries run with PQexecParams: values are always
// parameters, never text spliced into the SQL. A failed query, a lost connection and a
// failed connection all become data_error with the server's message (scrubbed of
// `password=`), prefixed by what was being done.
#pragma once

#include <libpq-fe.h>

#include <string>
#include <vector>

#include "folio/engine/data/postgres.hpp"

namespace folio::data::detail {

/// Returns `name` quoted as a PostgreSQL identifier; "schema.table" (one dot, not quoted) as "schema"."table".
std::string quote_postgres_name(std::string_view name, bool allow_schema);

class postgres_result {
public:
    explicit postgres_result(PGresult* r = nullptr) : r_(r) {}
    ~postgres_result() { PQclear(r_); }
    postgres_result(postgres_result&& o) noexcept : r_(o.r_) { o.r_ = nullptr; }
    postgres_result& operator=(postgres_result&& o) noexcept {
        std::swap(r_, o.r_);
        return *this;
    }
    postgres_result(const postgres_result&) = delete;
    postgres_result& operator=(const postgres_result&) = delete;

    PGresult* get() const { return r_; }
    int rows() const { return PQntuples(r_); }
    int fields() const { return PQnfields(r_); }
    bool is_null(int row, int field) const { return PQgetisnull(r_, row, field) != 0; }
    std::string_view text(int row, int field) const {
        return {PQgetvalue(r_, row, field), static_cast<std::size_t>(PQgetlength(r_, row, field))};
    }

private:
    PGresult* r_;
};

class postgres_connection {
public:
    /// Connects; throws data_error ("<display>: error: cannot connect: <libpq's message>").
    postgres_connection(const std::string& dsn, std::string display);
    ~postgres_connection();
    postgres_connection(const postgres_connection&) = delete;
    postgres_connection& operator=(const postgres_connection&) = delete;

    /// Runs one statement with text parameters (null pointers are NULL); throws data_error unless it returns
    /// rows or completes. `what` says what was being done ("the query failed").
    postgres_result exec(const std::string& sql, const std::vector<sql_param>& params = {},
                         const std::string& what = "the query failed");

    /// Makes the data_error for libpq's latest message.
    data_error error(const std::string& what, const PGresult* result = nullptr) const;

    const std::string& display_name() const { return display_; }

private:
    PGconn* conn_ = nullptr;
    std::string display_;
};

}  // namespace folio::data::detail

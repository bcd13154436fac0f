// PostgreSQL connections (see postgres_connection.hpp).
#include "postgres_connection.hpp"

#include <cstdio>

#include "value_parsing.hpp"

namespace folio::data {

std::string scrub_password(std::string_view text) {
    std::string out(text);
    // key=value form: password = 'value' or password=value.
    for (std::size_t at = 0; (at = out.find("password", at)) != std::string::npos;) {
        std::size_t p = at + 8;
        while (p < out.size() && out[p] == ' ') ++p;
        if (p >= out.size() || out[p] != '=') {
            at = p;
            continue;
        }
        ++p;
        while (p < out.size() && out[p] == ' ') ++p;
        std::size_t end = p;
        if (end < out.size() && out[end] == '\'') {
            for (++end; end < out.size() && out[end] != '\''; ++end)
                if (out[end] == '\\') ++end;
            if (end < out.size()) ++end;
        } else {
            while (end < out.size() && out[end] != ' ' && out[end] != '&') ++end;
        }
        out.replace(p, end - p, "***");
        at = p + 3;
    }
    // URI form: scheme://user:password@host.
    if (auto scheme = out.find("://"); scheme != std::string::npos) {
        const std::size_t start = scheme + 3;
        const std::size_t at = out.find('@', start);
        const std::size_t colon = out.find(':', start);
        const std::size_t slash = out.find('/', start);
        if (at != std::string::npos && colon != std::string::npos && colon < at && (slash == std::string::npos || at < slash))
            out.replace(colon + 1, at - colon - 1, "***");
    }
    return out;
}

namespace detail {
namespace {

std::string trimmed_message(const char* text) {
    std::string m = text ? text : "";
    // The server's pointer into the SQL ("LINE 1: ... ^") is about Folio's text, not the user's.
    if (auto line = m.find("\nLINE "); line != std::string::npos) m.erase(line);
    while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
    std::string one_line;
    for (char c : m) {
        if (c == '\n' || c == '\t') c = ' ';
        if (c == ' ' && !one_line.empty() && one_line.back() == ' ') continue;
        one_line += c;
    }
    m = one_line;
    return scrub_password(m);
}

}  // namespace

std::string quote_postgres_name(std::string_view name, bool allow_schema) {
    auto quote = [](std::string_view part) {
        std::string out = "\"";
        for (char c : part) {
            if (c == '"') out += '"';
            out += c;
        }
        return out + "\"";
    };
    const std::size_t dot = name.find('.');
    if (allow_schema && dot != std::string_view::npos && name.find('.', dot + 1) == std::string_view::npos &&
        name.find('"') == std::string_view::npos && dot > 0 && dot + 1 < name.size())
        return quote(name.substr(0, dot)) + "." + quote(name.substr(dot + 1));
    return quote(name);
}

postgres_connection::postgres_connection(const std::string& dsn, std::string display) : display_(std::move(display)) {
    // fallback_application_name: the connection string may name its own.
    const char* keywords[] = {"dbname", "fallback_application_name", "client_encoding", nullptr};
    const char* values[] = {dsn.c_str(), "folio", "UTF8", nullptr};
    conn_ = PQconnectdbParams(keywords, values, 1);
    if (conn_ == nullptr) throw data_error(load_issue{display_, 0, 0, 0, {}, {}, "cannot connect: out of memory", {}});
    if (PQstatus(conn_) != CONNECTION_OK) {
        load_issue issue{display_, 0, 0, 0, {}, {}, "cannot connect: " + trimmed_message(PQerrorMessage(conn_)), {}};
        if (issue.message.find("password") != std::string::npos)
            issue.notes.push_back("passwords come from PGPASSWORD, PGPASSFILE or ~/.pgpass (libpq's own files)");
        PQfinish(conn_);
        conn_ = nullptr;
        throw data_error(std::move(issue));
    }
    // Server notices (NOTICE: ...) are not Folio's messages.
    PQsetNoticeProcessor(conn_, [](void*, const char*) {}, nullptr);
    exec("SELECT set_config('DateStyle', 'ISO', false), set_config('TimeZone', 'UTC', false), "
         "set_config('extra_float_digits', '3', false)",
         {}, "cannot set up the session");
}

postgres_connection::~postgres_connection() { PQfinish(conn_); }

data_error postgres_connection::error(const std::string& what, const PGresult* result) const {
    const char* message = result != nullptr ? PQresultErrorMessage(result) : nullptr;
    if (message == nullptr || *message == '\0') message = PQerrorMessage(conn_);
    std::string text = trimmed_message(message);
    if (text.rfind("ERROR:", 0) == 0) text = text.substr(6);
    while (!text.empty() && text.front() == ' ') text.erase(0, 1);
    load_issue issue{display_, 0, 0, 0, {}, {}, what + ": " + text, {}};
    if (PQstatus(conn_) == CONNECTION_BAD) issue.notes.push_back("the connection to the server was lost");
    return data_error(std::move(issue));
}

postgres_result postgres_connection::exec(const std::string& sql, const std::vector<sql_param>& params,
                                          const std::string& what) {
    std::vector<std::string> texts(params.size());
    std::vector<const char*> values(params.size());
    std::vector<Oid> types(params.size());
    for (std::size_t i = 0; i < params.size(); ++i) {
        const sql_param& p = params[i];
        switch (p.type) {
            case sql_param::kind::number: {
                char buffer[32];
                std::snprintf(buffer, sizeof buffer, "%.17g", p.number);
                texts[i] = buffer;
                types[i] = 701;  // float8
                break;
            }
            case sql_param::kind::text:
                texts[i] = p.text;
                types[i] = 25;  // text
                break;
            case sql_param::kind::boolean:
                texts[i] = p.boolean ? "true" : "false";
                types[i] = 16;  // bool
                break;
        }
        values[i] = texts[i].c_str();
    }
    postgres_result r(PQexecParams(conn_, sql.c_str(), static_cast<int>(params.size()), types.data(), values.data(),
                                   nullptr, nullptr, 0));
    const ExecStatusType status = r.get() ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) throw error(what, r.get());
    return r;
}

}  // namespace detail
}  // namespace folio::data

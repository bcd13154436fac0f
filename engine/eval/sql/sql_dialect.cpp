// The PostgreSQL and SQLite dialects (see sql_dialect.hpp).
#include "sql_dialect.hpp"

namespace folio::eval::sql {

std::string sql_dialect::placeholder(std::size_t n) const {
    return (kind_ == dialect_kind::postgres ? "$" : "?") + std::to_string(n);
}

std::string sql_dialect::quote(std::string_view identifier) {
    std::string out = "\"";
    for (char c : identifier) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string sql_dialect::relation(const report::source& source) const {
    if (source.table.empty()) return "(" + source.query + ") AS \"folio_query\"";
    const std::string& t = source.table;
    const std::size_t dot = t.find('.');
    if (kind_ == dialect_kind::postgres && dot != std::string::npos && dot > 0 && dot + 1 < t.size() &&
        t.find('.', dot + 1) == std::string::npos && t.find('"') == std::string::npos)
        return quote(t.substr(0, dot)) + "." + quote(t.substr(dot + 1));
    return quote(t);
}

std::string sql_dialect::number(const std::string& column, data::column_type type) const {
    const bool pg = kind_ == dialect_kind::postgres;
    switch (type) {
        case data::column_type::number: return pg ? "CAST(" + column + " AS double precision)" : column;
        case data::column_type::boolean: return pg ? "CAST(CAST(" + column + " AS integer) AS double precision)" : column;
        case data::column_type::date:
            return pg ? "CAST(" + column + " - DATE '1899-12-30' AS double precision)"
                      : "(julianday(date(" + column + ")) - 2415018.5)";
        case data::column_type::timestamp:
            return pg ? "CAST(EXTRACT(EPOCH FROM " + column + " - TIMESTAMP '1899-12-30') / 86400 AS double precision)"
                      : "(julianday(" + column + ") - 2415018.5)";
        case data::column_type::text: return column;
    }
    return column;
}

std::string sql_dialect::period(const std::string& column, data::column_type, report::time_grain grain) const {
    if (kind_ == dialect_kind::postgres) {
        const char* unit = "day";
        switch (grain) {
            case report::time_grain::week: unit = "week"; break;
            case report::time_grain::month: unit = "month"; break;
            case report::time_grain::quarter: unit = "quarter"; break;
            case report::time_grain::year: unit = "year"; break;
            default: break;
        }
        return "(CAST(date_trunc('" + std::string(unit) + "', " + column + ") AS date) - DATE '1899-12-30')";
    }
    std::string day;
    switch (grain) {
        case report::time_grain::week: day = "date(" + column + ", 'weekday 0', '-6 days')"; break;
        case report::time_grain::month: day = "date(" + column + ", 'start of month')"; break;
        case report::time_grain::quarter:
            day = "date(" + column + ", 'start of month', '-' || ((CAST(strftime('%m', " + column +
                  ") AS integer) - 1) % 3) || ' months')";
            break;
        case report::time_grain::year: day = "date(" + column + ", 'start of year')"; break;
        default: day = "date(" + column + ")"; break;
    }
    return "CAST(julianday(" + day + ") - 2415018.5 AS integer)";
}

std::string sql_dialect::sum(const std::string& x, const std::string& filter) const {
    if (kind_ == dialect_kind::sqlite) return "total(" + x + ")" + filter;
    return "coalesce(sum(" + x + ")" + filter + ", 0)";
}

}  // namespace folio::eval::sql

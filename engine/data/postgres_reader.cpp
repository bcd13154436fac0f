// Reading the rows of a PostgreSQL table or query into typed columns, batch by batch,
// through a server-side cursor (FETCH of batch_rows rows), so memory stays flat.
//
// Types come from the server's column types (infer_postgres_schema) or a declared
// schema. Values arrive in PostgreSQL's text form and are converted as the other
// readers convert text: numbers, ISO dates and timestamps (timestamptz read at UTC),
// booleans (t/f), text. A value that does not fit a declared type is an error naming
// the column, the value and the row, or a counted skip under `on_error: skip`.
#include <algorithm>

#include "folio/engine/data/postgres.hpp"
#include "postgres_connection.hpp"
#include "value_parsing.hpp"

namespace folio::data {
namespace {

constexpr Oid bool_oid = 16, int8_oid = 20, int2_oid = 21, int4_oid = 23, oid_oid = 26, float4_oid = 700,
              float8_oid = 701, numeric_oid = 1700, date_oid = 1082, timestamp_oid = 1114, timestamptz_oid = 1184;

column_type type_of(Oid oid) {
    switch (oid) {
        case bool_oid: return column_type::boolean;
        case int8_oid:
        case int2_oid:
        case int4_oid:
        case oid_oid:
        case float4_oid:
        case float8_oid:
        case numeric_oid: return column_type::number;
        case date_oid: return column_type::date;
        case timestamp_oid:
        case timestamptz_oid: return column_type::timestamp;
        default: return column_type::text;
    }
}

std::string relation(const postgres_options& options) {
    if (!options.table.empty()) return detail::quote_postgres_name(options.table, true);
    return "(" + options.query + ") AS \"folio_query\"";
}

struct result_column {
    std::string name;
    Oid type;
};

std::vector<result_column> describe(detail::postgres_connection& db, const postgres_options& options) {
    const detail::postgres_result r = db.exec("SELECT * FROM " + relation(options) + " LIMIT 0", {},
                                              options.table.empty() ? "the query failed" : "cannot read table '" + options.table + "'");
    std::vector<result_column> out;
    for (int i = 0; i < r.fields(); ++i) out.push_back({PQfname(r.get(), i), PQftype(r.get(), i)});
    return out;
}

std::string display_of(const postgres_options& options) {
    return options.display_name.empty() ? "postgres" : options.display_name;
}

class postgres_reader {
public:
    postgres_reader(const postgres_options& options, const std::optional<table_schema>& declared)
        : options_(options), db_(options.dsn, display_of(options)) {
        const std::vector<result_column> columns = describe(db_, options);
        std::string select;
        auto add = [&](const result_column& c, column_spec spec) {
            std::string expr = detail::quote_postgres_name(c.name, false);
            if (c.type == timestamptz_oid) expr = "(" + expr + " AT TIME ZONE 'UTC')";
            select += (select.empty() ? "" : ", ") + expr;
            schema_.push_back(std::move(spec));
        };
        if (declared) {
            for (const column_spec& spec : *declared) add(columns[find(columns, spec.name)], spec);
        } else {
            for (const result_column& c : columns) add(c, {c.name, type_of(c.type)});
        }
        if (select.empty()) select = "1";
        sql_ = "SELECT " + select + " FROM " + relation(options);
    }

    const table_schema& schema() const { return schema_; }

    load_summary run(const std::function<void(const table_batch&)>& on_batch) {
        summary_.file = db_.display_name();
        summary_.schema = schema_;
        table out(options_.table.empty() ? "query" : options_.table, schema_);
        db_.exec("BEGIN READ ONLY", {}, "cannot start a read-only transaction");
        db_.exec("DECLARE folio_rows NO SCROLL CURSOR FOR " + sql_);
        const std::string fetch = "FETCH " + std::to_string(std::max<std::size_t>(1, options_.batch_rows)) + " FROM folio_rows";
        for (;;) {
            const detail::postgres_result r = db_.exec(fetch);
            if (r.rows() == 0) break;
            for (int row = 0; row < r.rows(); ++row) {
                ++row_;
                const std::size_t base = out.row_count();
                if (!convert_row(r, row, out)) {
                    out.truncate(base);
                    continue;
                }
                out.set_row_count(base + 1);
                ++summary_.rows;
            }
            if (out.row_count() > 0) on_batch(out);
            out.clear_rows();
        }
        db_.exec("COMMIT");
        return std::move(summary_);
    }

private:
    const postgres_options& options_;
    detail::postgres_connection db_;
    table_schema schema_;
    std::string sql_;
    std::uint64_t row_ = 0;
    load_summary summary_;

    std::size_t find(const std::vector<result_column>& columns, const std::string& name) const {
        for (std::size_t i = 0; i < columns.size(); ++i)
            if (columns[i].name == name) return i;
        std::optional<std::size_t> found;
        for (std::size_t i = 0; i < columns.size(); ++i)
            if (equal_ignoring_case(columns[i].name, name)) found = found ? columns.size() : i;
        if (found && *found < columns.size()) return *found;
        std::string listed;
        for (const result_column& c : columns) listed += (listed.empty() ? "" : ", ") + c.name;
        const std::string where = options_.table.empty() ? "the query's result" : "table '" + options_.table + "'";
        throw data_error(load_issue{db_.display_name(), 0, 0, 0, name, {},
                                    found ? "column '" + name + "' matches several columns of " + where + " ignoring case"
                                          : "column '" + name + "' is not in " + where,
                                    {where + " has: " + listed}});
    }

    bool misfit(std::size_t c, std::string_view found, const std::string& what) {
        if (options_.on_error == on_error_action::skip) ++summary_.skipped_rows;
        const bool keep = options_.on_error == on_error_action::fail || summary_.skipped_examples.size() < options_.max_examples;
        if (!keep) return false;
        const std::string& name = schema_[c].name;
        const std::string shown = detail::shorten_for_message(found);
        const std::string where = options_.table.empty() ? "query result row " + std::to_string(row_)
                                                         : "table '" + options_.table + "', row " + std::to_string(row_);
        load_issue issue{db_.display_name(), 0, 0, row_, name, shown,
                         "column '" + name + "' " + what + ", found '" + shown + "' (" + where + ")", {}};
        if (options_.on_error == on_error_action::fail) throw data_error(std::move(issue));
        summary_.skipped_examples.push_back(std::move(issue));
        return false;
    }

    bool convert_row(const detail::postgres_result& r, int row, table& out) {
        for (std::size_t c = 0; c < schema_.size(); ++c) {
            column& col = out.column_at(c);
            const int field = static_cast<int>(c);
            if (r.is_null(row, field)) {
                col.push_null();
                continue;
            }
            const std::string_view text = r.text(row, field);
            if (schema_[c].type != column_type::text && detail::trim_blanks(text).empty()) {
                col.push_null();
                continue;
            }
            switch (schema_[c].type) {
                case column_type::number:
                    if (auto v = detail::parse_number(detail::trim_blanks(text), '.')) col.push_number(*v);
                    else return misfit(c, text, "expects a number");
                    break;
                case column_type::boolean:
                    if (auto v = text == "t" ? std::optional<bool>(true) : text == "f" ? std::optional<bool>(false)
                                                                                       : detail::parse_bool(text, true))
                        col.push_boolean(*v);
                    else return misfit(c, text, "expects a bool (true or false, 1 or 0)");
                    break;
                case column_type::date:
                case column_type::timestamp: {
                    const detail::date_reading d = detail::parse_iso_date_time(detail::trim_blanks(text));
                    const char* kind = schema_[c].type == column_type::date ? "a date" : "a timestamp";
                    if (d.state == detail::date_reading::status::out_of_range)
                        return misfit(c, text, std::string("expects ") + kind + " from 1900-01-01 to 9999-12-31");
                    if (d.state != detail::date_reading::status::ok) return misfit(c, text, std::string("expects ") + kind);
                    col.push_number(schema_[c].type == column_type::date ? static_cast<double>(static_cast<std::int64_t>(d.serial))
                                                                         : d.serial);
                    break;
                }
                case column_type::text: col.push_text(text); break;
            }
        }
        return true;
    }
};

}  // namespace

table_schema infer_postgres_schema(const postgres_options& options) {
    detail::postgres_connection db(options.dsn, display_of(options));
    table_schema schema;
    for (const result_column& c : describe(db, options)) schema.push_back({c.name, type_of(c.type)});
    return schema;
}

load_summary read_postgres_batches(const postgres_options& options, const std::optional<table_schema>& schema,
                                   const std::function<void(const table_batch&)>& on_batch) {
    postgres_reader reader(options, schema);
    return reader.run(on_batch);
}

namespace {

class postgres_database final : public sql_database {
public:
    explicit postgres_database(const postgres_options& options) : db_(options.dsn, display_of(options)) {}

    void run(const std::string& sql, const std::vector<sql_param>& params,
             const std::function<void(std::span<const sql_cell>)>& on_row) override {
        const detail::postgres_result r = db_.exec(sql, params, "the aggregate query failed");
        std::vector<sql_cell> cells(static_cast<std::size_t>(r.fields()));
        for (int row = 0; row < r.rows(); ++row) {
            for (int f = 0; f < r.fields(); ++f) {
                sql_cell& cell = cells[static_cast<std::size_t>(f)];
                cell.null = r.is_null(row, f);
                cell.has_number = false;
                cell.text = cell.null ? std::string_view() : r.text(row, f);
            }
            on_row(cells);
        }
    }

private:
    detail::postgres_connection db_;
};

}  // namespace

std::unique_ptr<sql_database> open_postgres_database(const postgres_options& options) {
    return std::make_unique<postgres_database>(options);
}

}  // namespace folio::data

// Reading the rows of a SQLite table or query into typed columns, batch by batch or whole.
//
// A table source with a declared schema selects only the declared columns (quoted
// identifiers); a query source reads its result columns by name. Each value is converted
// by its storage class: numbers from INTEGER and REAL (and text that is exactly a number),
// dates and timestamps from ISO text, booleans from 0/1 and true/false, text from text (and
// from numbers as SQLite writes them). Text is interned only once every other value of the
// row fitted, so a skipped row leaves nothing in the dictionaries.
#include <sqlite3.h>

#include <algorithm>
#include <optional>

#include "folio/engine/data/sqlite.hpp"
#include "folio/engine/data/time_zone.hpp"
#include "sqlite_connection.hpp"
#include "sqlite_schema.hpp"
#include "value_parsing.hpp"

namespace folio::data {
namespace {

/// A schema column and the result column it is read from.
struct target {
    int field;
    std::size_t column;
    column_type type;
};

class sqlite_reader {
public:
    sqlite_reader(const std::filesystem::path& path, const sqlite_options& options, const std::optional<table_schema>& declared)
        : options_(options), db_(path, detail::sqlite_display_name(path, options)) {
        detail::sqlite_statement all = db_.prepare(options);
        const std::vector<sqlite_column> columns = all.columns();
        std::vector<int> fields;
        if (declared) {
            schema_ = *declared;
            for (const column_spec& spec : schema_) fields.push_back(find_column(columns, spec.name));
        } else {
            detail::require_unique_columns(columns, db_.display_name());
            schema_ = detail::schema_of(all, columns);
            for (std::size_t i = 0; i < columns.size(); ++i) fields.push_back(static_cast<int>(i));
        }
        if (declared && !options.table.empty()) {
            std::vector<std::string> names;
            for (int f : fields) names.push_back(columns[static_cast<std::size_t>(f)].name);
            statement_.emplace(db_.prepare(options, names));
            for (std::size_t i = 0; i < fields.size(); ++i) fields[i] = static_cast<int>(i);
        } else {
            statement_.emplace(std::move(all));
        }
        for (std::size_t c = 0; c < schema_.size(); ++c) {
            const target t{fields[c], c, schema_[c].type};
            (t.type == column_type::text ? texts_ : typed_).push_back(t);
        }
        pending_.resize(texts_.size());
    }

    const table_schema& schema() const { return schema_; }

    /// Reads every row into `out`, handing it to `on_batch` and clearing it each `flush_rows` rows.
    load_summary run(table& out, std::size_t flush_rows, const std::function<void(const table_batch&)>* on_batch) {
        summary_.file = db_.display_name();
        summary_.schema = schema_;
        const std::uint64_t total = options_.progress ? count_rows() : 0;
        const std::uint64_t report_every = std::max<std::size_t>(1, options_.batch_rows);
        std::uint64_t next_report = report_every;
        while (statement_->step()) {
            if (options_.progress && row_ >= next_report) {
                options_.progress(row_, total);
                next_report += report_every;
            }
            ++row_;
            const std::size_t base = out.row_count();
            if (!convert_row(out)) {
                out.truncate(base);
                continue;
            }
            out.set_row_count(base + 1);
            ++summary_.rows;
            if (on_batch != nullptr && out.row_count() >= flush_rows) {
                (*on_batch)(out);
                out.clear_rows();
            }
        }
        if (on_batch != nullptr && out.row_count() > 0) {
            (*on_batch)(out);
            out.clear_rows();
        }
        if (options_.progress) options_.progress(row_, total);
        return std::move(summary_);
    }

private:
    const sqlite_options& options_;
    detail::sqlite_connection db_;
    std::optional<detail::sqlite_statement> statement_;
    table_schema schema_;
    std::vector<target> typed_, texts_;
    struct pending_text {
        std::uint64_t hash;
        std::uint32_t code;  // string_pool::npos when new
        bool null;
    };
    std::vector<pending_text> pending_;  // each text field of the row being read
    std::uint64_t row_ = 0;
    load_summary summary_;

    /// Returns the number of rows of a table source (SELECT count(*)), 0 for a query.
    std::uint64_t count_rows() {
        if (options_.table.empty()) return 0;
        sqlite_options count = options_;
        count.table.clear();
        count.query = "SELECT count(*) FROM " + detail::quote_identifier(options_.table);
        detail::sqlite_statement statement = db_.prepare(count);
        return statement.step() ? static_cast<std::uint64_t>(sqlite3_column_int64(statement.get(), 0)) : 0;
    }

    /// Returns the result column of a declared name (exact, else ignoring case); throws data_error when missing.
    int find_column(const std::vector<sqlite_column>& columns, const std::string& name) const {
        for (std::size_t i = 0; i < columns.size(); ++i)
            if (columns[i].name == name) return static_cast<int>(i);
        std::optional<std::size_t> found;
        for (std::size_t i = 0; i < columns.size(); ++i) {
            if (!equal_ignoring_case(columns[i].name, name)) continue;
            if (found) found = columns.size();
            else found = i;
        }
        if (found && *found < columns.size()) return static_cast<int>(*found);
        std::string listed;
        for (const sqlite_column& c : columns) listed += (listed.empty() ? "" : ", ") + c.name;
        const std::string where = options_.table.empty() ? "the query's result" : "table '" + options_.table + "'";
        throw data_error(load_issue{db_.display_name(), 0, 0, 0, name, {},
                                    found ? "column '" + name + "' matches several columns of " + where + " ignoring case"
                                          : "column '" + name + "' is not in " + where,
                                    {where + " has: " + listed}});
    }

    /// Fails the load, or counts the row as skipped keeping the first few reasons.
    void misfit(const target& t, std::string_view found, std::string what) {
        const bool keep = options_.on_error == on_error_action::fail || summary_.skipped_examples.size() < options_.max_examples;
        if (options_.on_error == on_error_action::skip) ++summary_.skipped_rows;
        if (!keep) return;
        const std::string& name = schema_[t.column].name;
        const std::string shown = detail::shorten_for_message(found);
        const std::string where = options_.table.empty() ? "query result row " + std::to_string(row_)
                                                         : "table '" + options_.table + "', row " + std::to_string(row_);
        load_issue issue{db_.display_name(), 0, 0, row_, name, shown,
                         "column '" + name + "' " + what + (found.data() ? ", found '" + shown + "'" : std::string()) +
                             " (" + where + ")",
                         {}};
        if (options_.on_error == on_error_action::fail) throw data_error(std::move(issue));
        summary_.skipped_examples.push_back(std::move(issue));
    }

    /// Converts one row's values into `out`; false (after rejecting the row) when one does not fit.
    bool convert_row(table& out) {
        sqlite3_stmt* stmt = statement_->get();
        for (const target& t : typed_) {
            column& col = out.column_at(t.column);
            const int kind = sqlite3_column_type(stmt, t.field);
            if (kind == SQLITE_NULL) {
                col.push_null();
                continue;
            }
            std::string_view text;
            if (kind == SQLITE_TEXT) {
                text = std::string_view(reinterpret_cast<const char*>(sqlite3_column_text(stmt, t.field)),
                                        static_cast<std::size_t>(sqlite3_column_bytes(stmt, t.field)));
                if (detail::trim_blanks(text).empty()) {
                    col.push_null();
                    continue;
                }
            }
            if (kind == SQLITE_BLOB) return misfit(t, {}, std::string("expects ") + article(t.type) + ", found a blob"), false;
            switch (t.type) {
                case column_type::number:
                    if (kind == SQLITE_INTEGER) col.push_number(static_cast<double>(sqlite3_column_int64(stmt, t.field)));
                    else if (kind == SQLITE_FLOAT) col.push_number(sqlite3_column_double(stmt, t.field));
                    else if (auto v = detail::parse_number(text, '.')) col.push_number(*v);
                    else return misfit(t, text, "expects a number"), false;
                    break;
                case column_type::boolean: {
                    std::optional<bool> v;
                    if (kind == SQLITE_INTEGER) {
                        const auto n = sqlite3_column_int64(stmt, t.field);
                        if (n == 0 || n == 1) v = n == 1;
                    } else if (kind == SQLITE_TEXT) {
                        v = detail::parse_bool(text, true);
                    }
                    if (!v) return misfit(t, value_text(stmt, t.field), "expects a bool (true or false, 1 or 0)"), false;
                    col.push_boolean(*v);
                    break;
                }
                case column_type::date:
                case column_type::timestamp: {
                    const char* kind_name = t.type == column_type::date ? "a date" : "a timestamp";
                    if (kind != SQLITE_TEXT)
                        return misfit(t, value_text(stmt, t.field), std::string("expects ") + kind_name + " written as ISO text"), false;
                    const detail::date_reading r = detail::parse_iso_date_time(detail::trim_blanks(text));
                    if (r.state == detail::date_reading::status::out_of_range)
                        return misfit(t, text, std::string("expects ") + kind_name + " from 1900-01-01 to 9999-12-31"), false;
                    if (r.state != detail::date_reading::status::ok)
                        return misfit(t, text, std::string("expects ") + kind_name), false;
                    // An instant with an offset in the report's time zone; a date column keeps the (local) day.
                    const double serial =
                        r.zoned && options_.zone ? options_.zone->local_from_utc(r.serial) : r.serial;
                    col.push_number(t.type == column_type::date ? static_cast<double>(static_cast<std::int64_t>(serial))
                                                                : serial);
                    break;
                }
                case column_type::text: break;
            }
        }
        return convert_texts(out);
    }

    /// Looks every text value up, checks new strings are UTF-8, then interns and appends them.
    bool convert_texts(table& out) {
        sqlite3_stmt* stmt = statement_->get();
        for (std::size_t i = 0; i < texts_.size(); ++i) {
            const target& t = texts_[i];
            const int kind = sqlite3_column_type(stmt, t.field);
            if (kind == SQLITE_NULL) {
                pending_[i] = {0, 0, true};
                continue;
            }
            if (kind == SQLITE_BLOB) return misfit(t, {}, "expects text, found a blob"), false;
            const std::string_view text = value_text(stmt, t.field);
            const std::uint64_t h = string_pool::hash(text);
            const std::uint32_t code = out.column_at(t.column).dictionary().find(text, h);
            if (code == string_pool::npos && !detail::is_valid_utf8(text))
                return misfit(t, {}, "is not valid UTF-8"), false;
            pending_[i] = {h, code, false};
        }
        for (std::size_t i = 0; i < texts_.size(); ++i) {
            column& col = out.column_at(texts_[i].column);
            auto [h, code, null] = pending_[i];
            if (null) {
                col.push_null();
                continue;
            }
            if (code == string_pool::npos) code = col.shared_dictionary()->insert_new(value_text(stmt, texts_[i].field), h);
            col.push_code(code);
        }
        return true;
    }

    /// Returns a value as SQLite writes it as text (valid until the next step).
    static std::string_view value_text(sqlite3_stmt* stmt, int field) {
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, field));
        if (text == nullptr) return std::string_view("", 0);
        return std::string_view(text, static_cast<std::size_t>(sqlite3_column_bytes(stmt, field)));
    }

    /// Returns "a number", "a date", ... for messages.
    static std::string article(column_type type) {
        switch (type) {
            case column_type::number: return "a number";
            case column_type::boolean: return "a bool";
            case column_type::date: return "a date";
            case column_type::timestamp: return "a timestamp";
            case column_type::text: return "text";
        }
        return "text";
    }
};

/// Returns the table name for a source: the table's, or the file's stem for a query.
std::string table_name(const std::filesystem::path& path, const sqlite_options& options) {
    return options.table.empty() ? path.stem().string() : options.table;
}

}  // namespace

load_summary read_sqlite_batches(const std::filesystem::path& path, const sqlite_options& options,
                                 const std::optional<table_schema>& schema,
                                 const std::function<void(const table_batch&)>& on_batch) {
    sqlite_reader reader(path, options, schema);
    table batch(table_name(path, options), reader.schema());
    return reader.run(batch, options.batch_rows == 0 ? 1 : options.batch_rows, &on_batch);
}

loaded_table read_sqlite_table(const std::filesystem::path& path, const sqlite_options& options,
                               const std::optional<table_schema>& schema) {
    sqlite_reader reader(path, options, schema);
    loaded_table result{table(table_name(path, options), reader.schema()), {}};
    result.summary = reader.run(result.data, static_cast<std::size_t>(-1), nullptr);
    return result;
}

}  // namespace folio::data

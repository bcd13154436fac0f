// The pushdown step of a source's scan (source_scan::push_down, declared in
// source_scan.hpp): for a sqlite or postgres source, compile the plan's groupings and
// base aggregates into SQL, run it on the database, and keep the aggregated rows
// instead of reading the source's rows. A source whose expressions SQL cannot express
// faithfully, or whose rows a data block shows, is read row by row as before; the
// reason is kept for `folio render --explain`. evaluate_options::pushdown false (the CLI:
// FOLIO_PUSHDOWN=0 in the environment) reads every source's rows, to compare.
#include "../source_reading.hpp"
#include "../source_scan.hpp"

namespace folio::eval {
namespace {

// Keeps the columns whose declared type is the server's; lists the others.
data::table_schema matching_columns(const data::table_schema& declared, const data::table_schema& server,
                                    std::string& mismatched) {
    data::table_schema out;
    for (const data::column_spec& c : declared) {
        auto at = data::find_column(server, c.name);
        if (!at) at = data::find_column_case_insensitive(server, c.name);
        if (at && server[*at].type == c.type) {
            out.push_back(c);
            continue;
        }
        if (at) {
            mismatched += (mismatched.empty() ? "" : ", ") + c.name + " (declared " +
                          std::string(data::column_type_name(c.type)) + ", the server's type reads as " +
                          std::string(data::column_type_name(server[*at].type)) + ")";
        }
    }
    return out;
}

}  // namespace

bool source_scan::push_down(bool enabled, std::vector<data::load_issue>& data_errors, bool& failed) {
    const report::source& src = program_.sources[source_];
    if (src.kind == report::source_kind::csv) return false;
    const bool postgres = src.kind == report::source_kind::postgres;
    const std::string header = "-- source " + src.qualified_name + " (" + std::string(report::source_kind_name(src.kind)) + "): ";
    if (entities_) {
        summary_.sql = header + "rows are read: a lifecycle or snapshot source";
        return false;
    }
    if (keep_rows_) {
        summary_.sql = header + "rows are read: a data block shows them";
        return false;
    }
    if (!enabled) {
        summary_.sql = header + "rows are read: pushdown is off (FOLIO_PUSHDOWN=0)";
        return false;
    }
    const sql::sql_dialect dialect(postgres ? sql::dialect_kind::postgres : sql::dialect_kind::sqlite);
    std::string display = src.resolved_path.string();
    try {
        data::table_schema schema = schema_;
        std::string mismatched;
        std::optional<data::postgres_options> pg;
        if (postgres) {
            pg = postgres_options_of(src, {&program_, &params_});
            display = pg->display_name;
            if (src.schema_known) schema = matching_columns(schema_, data::infer_postgres_schema(*pg), mismatched);
        }
        const sql::compile_input input{
            program_, source_, plan_, schema, [this](std::size_t d) { return dimension_column(d); },
            [this](const report::expr& e) -> std::optional<value> {
                const std::size_t node = rows_.add(e);
                if (const value* v = rows_.constant(node)) return *v;
                return std::nullopt;
            },
            domains_.calendar()};
        const sql::compiled_source compiled = sql::compile_source(input, dialect);
        if (!compiled.not_pushable.empty()) {
            summary_.sql = header + "rows are read: " + compiled.not_pushable;
            if (!mismatched.empty()) summary_.sql += "; column types differ from the schema block: " + mismatched;
            return false;
        }
        std::unique_ptr<data::sql_database> db =
            postgres ? data::open_postgres_database(*pg) : data::open_sqlite_database(src.resolved_path, display);
        if (!compiled.check.empty()) {
            double misfits = 0;
            db->run(compiled.check, {}, [&](std::span<const data::sql_cell> cells) {
                misfits = cells[0].has_number ? cells[0].number : 1;
            });
            if (misfits != 0) {
                summary_.sql = header + "rows are read: " + std::to_string(static_cast<long long>(misfits)) +
                               " values need the row reader's conversion or checks (text in a number column, a "
                               "malformed date, ...)";
                return false;
            }
        }
        auto pushed = std::make_unique<sql::pushed_aggregates>();
        pushed->run(*db, compiled, plan_, domains_);
        summary_.sql = header + std::to_string(compiled.queries.size()) +
                       (compiled.queries.size() == 1 ? " query" : " queries") + ", aggregates computed by the database";
        for (const sql::sql_query& q : compiled.queries) summary_.sql += "\n" + sql::explain_query(q, dialect);
        summary_.rows = pushed->source_rows();
        pushed_ = std::move(pushed);
        return true;
    } catch (const data::data_error& e) {
        data::load_issue issue = e.issue();
        if (issue.file.empty()) issue.file = display;
        data_errors.push_back(std::move(issue));
        failed = true;
        return true;
    }
}

}  // namespace folio::eval

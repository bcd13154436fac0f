// Compiling a source's aggregates into SQL (see sql_compiler.hpp).
#include "sql_compiler.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

namespace folio::eval::sql {
namespace {

// Thrown inside the compiler when something has no faithful SQL form.
struct not_pushable {
    std::string reason;
};

// A translated row expression. condition: TRUE or FALSE, never NULL; boolean: a bool column (NULL when blank);
// number and text: NULL when blank (only when nullable).
enum class kind : std::uint8_t { number, condition, boolean, text };

struct fragment {
    std::string sql;
    kind k = kind::number;
    bool nullable = false;
    bool constant = false;
    const report::expr* column = nullptr;  // a plain column
    data::column_type column_type = data::column_type::text;
};

bool is_ascii(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::string upper(std::string s) {
    for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

// Tells whether an expression reads no row (its value is a constant).
bool row_independent(const report::expr& e, const report::checked_program& program) {
    using report::expr_kind;
    switch (e.kind) {
        case expr_kind::column:
        case expr_kind::filter:
        case expr_kind::aggregate:
        case expr_kind::metric:
        case expr_kind::shift: return false;
        case expr_kind::def_call: return e.children.empty() || row_independent(e.children[0], program);
        default:
            return std::all_of(e.children.begin(), e.children.end(),
                               [&](const report::expr& c) { return row_independent(c, program); });
    }
}

class compiler {
public:
    compiler(const compile_input& in, const sql_dialect& d) : in_(in), d_(d) {}

    compiled_source run() {
        compiled_source out;
        try {
            check_settings();
            for (const auto& [g, bases] : in_.plan.needs(in_.source)) out.queries.push_back(query(g, bases));
            out.check = check_query();
        } catch (const not_pushable& e) {
            out.queries.clear();
            out.not_pushable = e.reason;
        }
        return out;
    }

private:
    const compile_input& in_;
    const sql_dialect& d_;
    std::vector<data::sql_param> params_;
    std::vector<std::pair<std::string, data::column_type>> columns_read_;

    const report::source& source() const { return in_.program.sources[in_.source]; }

    void check_settings() const {
        if (in_.calendar.zone) throw not_pushable{"the report sets a time zone"};
    }

    // Binds a constant; an equal constant of the same query shares its placeholder.
    std::string param(data::sql_param p) {
        for (std::size_t i = 0; i < params_.size(); ++i) {
            const data::sql_param& q = params_[i];
            if (q.type == p.type && q.text == p.text && q.boolean == p.boolean &&
                (q.number == p.number || (std::isnan(q.number) && std::isnan(p.number))))
                return d_.placeholder(i + 1);
        }
        params_.push_back(std::move(p));
        return d_.placeholder(params_.size());
    }

    fragment constant(const report::expr& e) {
        std::optional<value> v = in_.constant(e);
        if (!v) throw not_pushable{"a constant could not be evaluated"};
        fragment f;
        f.constant = true;
        if (v->is_number()) {
            data::sql_param p;
            p.number = v->number();
            f.sql = param(p);
            f.k = kind::number;
        } else if (v->is_text()) {
            data::sql_param p;
            p.type = data::sql_param::kind::text;
            p.text = v->text();
            f.sql = param(p);
            f.k = kind::text;
        } else if (v->is_boolean()) {
            f.sql = v->boolean() ? "TRUE" : "FALSE";
            f.k = kind::condition;
        } else {
            throw not_pushable{"a constant is blank or an error"};
        }
        return f;
    }

    fragment column(const report::expr& e) {
        std::optional<std::size_t> at = data::find_column(in_.schema, e.text);
        if (!at) at = data::find_column_case_insensitive(in_.schema, e.text);
        if (!at) throw not_pushable{"column '" + e.text + "' is not in the data"};
        const data::column_spec& spec = in_.schema[*at];
        const std::string q = sql_dialect::quote(spec.name);
        if (std::none_of(columns_read_.begin(), columns_read_.end(), [&](const auto& c) { return c.first == q; }))
            columns_read_.emplace_back(q, spec.type);
        fragment f;
        f.nullable = true;
        f.column = &e;
        f.column_type = spec.type;
        switch (spec.type) {
            case data::column_type::text:
                f.sql = q;
                f.k = kind::text;
                break;
            case data::column_type::boolean:
                f.sql = q;
                f.k = kind::boolean;
                break;
            default:
                f.sql = d_.number(q, spec.type);
                f.k = kind::number;
                break;
        }
        return f;
    }

    std::string as_number(const fragment& f) {
        switch (f.k) {
            case kind::number: return f.sql;
            case kind::condition: return "(CASE WHEN " + f.sql + " THEN 1.0 ELSE 0.0 END)";
            case kind::boolean: return "(CASE WHEN " + f.sql + " THEN 1.0 WHEN NOT " + f.sql + " THEN 0.0 END)";
            case kind::text: break;
        }
        throw not_pushable{"text is used as a number"};
    }

    std::string as_condition(const fragment& f) {
        switch (f.k) {
            case kind::condition: return f.sql;
            case kind::boolean: return "(" + f.sql + " IS TRUE)";
            case kind::number: return f.nullable ? "(" + f.sql + " IS NOT NULL AND " + f.sql + " <> 0)" : "(" + f.sql + " <> 0)";
            case kind::text: break;
        }
        throw not_pushable{"text is used as a condition"};
    }

    static std::string blank_as_zero(const std::string& sql, bool nullable) {
        return nullable ? "coalesce(" + sql + ", 0)" : sql;
    }

    fragment arithmetic(const report::expr& e) {
        const fragment a = expr(e.children[0]);
        const fragment b = expr(e.children[1]);
        if (a.k == kind::text || b.k == kind::text) throw not_pushable{"arithmetic on text"};
        const char* op = e.bin == dsl::binary_op::add ? " + " : e.bin == dsl::binary_op::subtract ? " - " : " * ";
        fragment f;
        f.sql = "(" + blank_as_zero(as_number(a), a.nullable || a.k == kind::boolean) + op +
                blank_as_zero(as_number(b), b.nullable || b.k == kind::boolean) + ")";
        return f;
    }

    fragment comparison(const report::expr& e) {
        const fragment a = expr(e.children[0]);
        const fragment b = expr(e.children[1]);
        const dsl::binary_op op = e.bin;
        const bool equality = op == dsl::binary_op::equal || op == dsl::binary_op::not_equal;
        fragment f;
        f.k = kind::condition;
        std::string eq;
        if (a.k == kind::number && b.k == kind::number) {
            if (!equality) {
                const char* o = op == dsl::binary_op::less ? " < " : op == dsl::binary_op::less_equal ? " <= "
                                : op == dsl::binary_op::greater ? " > " : " >= ";
                f.sql = (a.nullable || b.nullable) ? "coalesce(" + a.sql + o + b.sql + ", FALSE)" : "(" + a.sql + o + b.sql + ")";
                return f;
            }
            // Blank = blank holds; blank = a number does not.
            if (a.nullable && b.nullable)
                eq = "(CASE WHEN " + a.sql + " IS NULL OR " + b.sql + " IS NULL THEN (" + a.sql + " IS NULL AND " + b.sql +
                     " IS NULL) ELSE " + a.sql + " = " + b.sql + " END)";
            else if (a.nullable || b.nullable)
                eq = "coalesce(" + a.sql + " = " + b.sql + ", FALSE)";
            else
                eq = "(" + a.sql + " = " + b.sql + ")";
        } else if (a.k == kind::text && b.k == kind::text && equality) {
            // Case-insensitive as Excel; blank equals "". Only against an ASCII constant, where lower() is exact.
            const fragment& c = a.constant ? a : b;
            if (!c.constant) throw not_pushable{"a comparison of two text columns"};
            const std::size_t index = std::stoul(c.sql.substr(1)) - 1;
            if (!is_ascii(params_[index].text)) throw not_pushable{"a text comparison with non-ASCII letters"};
            eq = "(lower(coalesce(" + a.sql + ", '')) = lower(coalesce(" + b.sql + ", '')))";
        } else if ((a.k == kind::boolean || a.k == kind::condition) && (b.k == kind::boolean || b.k == kind::condition) &&
                   equality) {
            const std::string x = a.k == kind::boolean ? "(" + a.sql + " IS TRUE)" : a.sql;
            const std::string y = b.k == kind::boolean ? "(" + b.sql + " IS TRUE)" : b.sql;
            const bool blanks = a.k == kind::boolean || b.k == kind::boolean;
            eq = blanks ? "(CASE WHEN " + a.sql + " IS NULL OR " + b.sql + " IS NULL THEN (" + a.sql + " IS NULL AND " +
                              b.sql + " IS NULL) ELSE " + x + " = " + y + " END)"
                        : "(" + x + " = " + y + ")";
        } else {
            throw not_pushable{"a comparison of values of different kinds, or an ordering of text"};
        }
        f.sql = op == dsl::binary_op::equal ? eq : "(NOT " + eq + ")";
        return f;
    }

    fragment function(const report::expr& e) {
        const std::string name = upper(e.text);
        if (name != "AND" && name != "OR" && name != "NOT") throw not_pushable{"the function " + name + " runs row by row"};
        if (e.children.empty() || (name == "NOT" && e.children.size() != 1)) throw not_pushable{name + " arguments"};
        std::vector<std::string> parts;
        for (const report::expr& c : e.children) {
            const fragment f = expr(c);
            if (f.k != kind::condition) throw not_pushable{name + " of values that may be blank"};
            parts.push_back(f.sql);
        }
        fragment f;
        f.k = kind::condition;
        if (name == "NOT") {
            f.sql = "(NOT " + parts[0] + ")";
            return f;
        }
        f.sql = "(";
        for (std::size_t i = 0; i < parts.size(); ++i) f.sql += (i ? (name == "AND" ? " AND " : " OR ") : "") + parts[i];
        f.sql += ")";
        return f;
    }

    fragment expr(const report::expr& e) {
        using report::expr_kind;
        if (e.kind != expr_kind::column && row_independent(e, in_.program)) return constant(e);
        switch (e.kind) {
            case expr_kind::column: return column(e);
            case expr_kind::filter: return expr(in_.program.filters[e.index].condition);
            case expr_kind::def_call:
                if (e.children.empty()) break;
                return expr(e.children[0]);
            case expr_kind::unary: {
                const fragment a = expr(e.children[0]);
                if (e.un == dsl::unary_op::plus) return a;
                fragment f;
                f.sql = "(-" + blank_as_zero(as_number(a), a.nullable || a.k == kind::boolean) + ")";
                return f;
            }
            case expr_kind::percent: {
                const fragment a = expr(e.children[0]);
                fragment f;
                f.sql = "(" + blank_as_zero(as_number(a), a.nullable || a.k == kind::boolean) + " / 100.0)";
                return f;
            }
            case expr_kind::binary:
                switch (e.bin) {
                    case dsl::binary_op::add:
                    case dsl::binary_op::subtract:
                    case dsl::binary_op::multiply: return arithmetic(e);
                    case dsl::binary_op::equal:
                    case dsl::binary_op::not_equal:
                    case dsl::binary_op::less:
                    case dsl::binary_op::less_equal:
                    case dsl::binary_op::greater:
                    case dsl::binary_op::greater_equal: return comparison(e);
                    default: throw not_pushable{"a division, power or text operator (it can give an Excel error)"};
                }
            case expr_kind::function: return function(e);
            default: break;
        }
        throw not_pushable{"an expression kind SQL does not express"};
    }

    std::string key(const dimension_key& k, cell_kind& out) {
        if (k.to_date_days != 0) throw not_pushable{"a period-to-date comparison"};
        const report::expr* e = in_.dimension_column(k.dimension);
        if (e == nullptr) throw not_pushable{"a dimension without a column"};
        if (k.grain != report::time_grain::none) {
            if (k.grain == report::time_grain::week && in_.calendar.week_start != 1)
                throw not_pushable{"weeks that do not start on Monday"};
            if ((k.grain == report::time_grain::quarter || k.grain == report::time_grain::year) &&
                in_.calendar.fiscal_year_start != 1)
                throw not_pushable{"a fiscal year"};
            const fragment f = expr(*e);
            if (f.column == nullptr || (f.column_type != data::column_type::date && f.column_type != data::column_type::timestamp))
                throw not_pushable{"a time dimension that is not a date or timestamp column"};
            out = cell_kind::number;
            return d_.period(sql_dialect::quote(column_name(*f.column)), f.column_type, k.grain);
        }
        const fragment f = expr(*e);
        switch (f.k) {
            case kind::number: out = cell_kind::number; return f.sql;
            case kind::text: out = cell_kind::text; return f.sql;
            default: out = cell_kind::boolean; return f.sql;
        }
    }

    std::string column_name(const report::expr& e) const {
        std::optional<std::size_t> at = data::find_column(in_.schema, e.text);
        if (!at) at = data::find_column_case_insensitive(in_.schema, e.text);
        return in_.schema[*at].name;
    }

    std::string aggregate(const base_aggregate& b) {
        if (b.rule != period_rule::none) throw not_pushable{"a lifecycle aggregate"};
        std::string where;
        if (b.where) where = as_condition(expr(*b.where));
        auto filter = [&](const std::string& extra = {}) {
            std::string all = where;
            if (!extra.empty()) all = all.empty() ? extra : where + " AND " + extra;
            return all.empty() ? std::string() : " FILTER (WHERE " + all + ")";
        };
        if (b.op == base_op::rows) return "count(*)" + filter();
        const fragment a = expr(*b.argument);
        switch (b.op) {
            case base_op::values:
                if (a.k == kind::condition || a.k == kind::boolean) return "count(*)" + filter(as_condition(a));
                return "count(" + a.sql + ")" + filter();
            case base_op::distinct: return "count(DISTINCT " + a.sql + ")" + filter();
            case base_op::numbers:
                if (a.k == kind::text) throw not_pushable{"numbers of a text column"};
                return "count(" + as_number(a) + ")" + filter();
            case base_op::sum:
                if (a.k == kind::text) throw not_pushable{"a sum of a text column"};
                return d_.sum(as_number(a), filter());
            case base_op::min: return "min(" + as_number(a) + ")" + filter();
            case base_op::max: return "max(" + as_number(a) + ")" + filter();
            case base_op::median:
            case base_op::percentile: {
                if (!d_.has_order_statistics()) throw not_pushable{"median and percentile (SQLite has no percentile_cont)"};
                const double k = b.op == base_op::median ? 0.5 : b.k;
                if (!(k >= 0 && k <= 1)) throw not_pushable{"a percentile rank outside [0, 1]"};
                data::sql_param p;
                p.number = k;
                const std::string rank = param(p);
                return "percentile_cont(" + rank + ") WITHIN GROUP (ORDER BY " + as_number(a) + ")" + filter();
            }
            case base_op::stdev:
                if (!d_.has_order_statistics()) throw not_pushable{"stdev (SQLite has no stddev_samp)"};
                return "stddev_samp(" + as_number(a) + ")" + filter();
            default: break;
        }
        throw not_pushable{"an aggregate SQL does not express"};
    }

    sql_query query(std::size_t g, const std::set<std::size_t>& bases) {
        params_.clear();
        sql_query q;
        q.grouping = g;
        std::vector<std::string> columns;
        for (const dimension_key& k : in_.plan.keys(g)) {
            cell_kind c = cell_kind::number;
            columns.push_back(key(k, c));
            q.key_kinds.push_back(c);
        }
        for (std::size_t b : bases) {
            columns.push_back(aggregate(in_.plan.bases()[b]));
            q.bases.push_back(b);
        }
        // The rows of each group, for the source's row count: the rows aggregate when asked, else one more column.
        const auto rows = std::find(columns.begin() + static_cast<std::ptrdiff_t>(q.key_kinds.size()), columns.end(), "count(*)");
        q.rows_column = static_cast<std::size_t>(rows - columns.begin());
        if (rows == columns.end()) columns.push_back("count(*)");
        q.text = "SELECT";
        for (std::size_t i = 0; i < columns.size(); ++i) q.text += (i ? ",\n  " : "\n  ") + columns[i];
        q.text += "\nFROM " + d_.relation(source());
        if (!q.key_kinds.empty()) {
            q.text += "\nGROUP BY ";
            for (std::size_t i = 0; i < q.key_kinds.size(); ++i) q.text += (i ? ", " : "") + std::to_string(i + 1);
        }
        q.params = std::move(params_);
        params_.clear();
        return q;
    }

    // SQLite stores any value in any column: count the values the row reader would refuse or read otherwise.
    std::string check_query() const {
        if (d_.kind() != dialect_kind::sqlite || columns_read_.empty()) return {};
        std::string any;
        for (const auto& [q, type] : columns_read_) {
            std::string bad;
            switch (type) {
                case data::column_type::number: bad = "typeof(" + q + ") NOT IN ('integer', 'real', 'null')"; break;
                case data::column_type::boolean:
                    bad = "NOT (" + q + " IS NULL OR (typeof(" + q + ") = 'integer' AND " + q + " IN (0, 1)))";
                    break;
                case data::column_type::date:
                case data::column_type::timestamp:
                    bad = "NOT (" + q + " IS NULL OR (typeof(" + q + ") = 'text' AND julianday(" + q +
                          ") IS NOT NULL AND " + q + " >= '1900-01-01' AND " + q + " GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'))";
                    break;
                case data::column_type::text: bad = "typeof(" + q + ") NOT IN ('text', 'null')"; break;
            }
            any += (any.empty() ? "" : "\n   OR ") + bad;
        }
        return "SELECT count(*) FROM " + d_.relation(source()) + "\nWHERE " + any;
    }
};

std::string param_text(const data::sql_param& p) {
    switch (p.type) {
        case data::sql_param::kind::number: {
            char buffer[32];
            const auto end = std::to_chars(buffer, buffer + sizeof buffer, p.number).ptr;  // shortest exact text
            return std::string(buffer, end);
        }
        case data::sql_param::kind::text: {
            std::string out = "'";
            for (char c : p.text) {
                if (c == '\'') out += '\'';
                out += c;
            }
            return out + "'";
        }
        case data::sql_param::kind::boolean: return p.boolean ? "TRUE" : "FALSE";
    }
    return {};
}

}  // namespace

compiled_source compile_source(const compile_input& input, const sql_dialect& dialect) {
    return compiler(input, dialect).run();
}

std::string explain_query(const sql_query& query, const sql_dialect& dialect) {
    std::string out = query.text + ";";
    for (std::size_t i = 0; i < query.params.size(); ++i)
        out += "\n-- " + dialect.placeholder(i + 1) + " = " + param_text(query.params[i]);
    return out;
}

}  // namespace folio::eval::sql

// Reading report sources (see source_reading.hpp).
#include "source_reading.hpp"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <optional>

namespace folio::eval {
namespace {

const report::literal* option(const report::source& source, std::string_view key) {
    for (const report::named_literal& o : source.options)
        if (o.key == key) return &o.value;
    return nullptr;
}

[[noreturn]] void bad_option(const report::source& source, const std::string& message) {
    data::load_issue issue;
    issue.file = source.resolved_path.string();
    issue.message = message;
    throw data::data_error(std::move(issue));
}

std::string text_option(const report::source& source, std::string_view key, std::string fallback) {
    const report::literal* v = option(source, key);
    return v != nullptr && v->type == report::value_type::text ? v->text : fallback;
}

data::on_error_action on_error_of(const report::source& source) {
    const std::string action = text_option(source, "on_error", "fail");
    if (action == "skip") return data::on_error_action::skip;
    if (action != "fail") bad_option(source, "on_error must be 'fail' or 'skip', not '" + action + "'");
    return data::on_error_action::fail;
}

}  // namespace

data::column_type column_type_of(report::value_type type) {
    switch (type) {
        case report::value_type::number: return data::column_type::number;
        case report::value_type::boolean: return data::column_type::boolean;
        case report::value_type::date: return data::column_type::date;
        default: return data::column_type::text;
    }
}

data::csv_options csv_options_of(const report::source& source) {
    data::csv_options options;
    auto character = [&](std::string_view key, char& out) {
        const std::string text = text_option(source, key, std::string(1, out));
        if (text.size() != 1) bad_option(source, std::string(key) + " must be one character, not '" + text + "'");
        out = text[0];
    };
    character("delimiter", options.delimiter);
    character("quote", options.quote);
    character("decimal", options.decimal);
    if (const report::literal* header = option(source, "header"); header && header->type == report::value_type::boolean)
        options.header = header->boolean;
    options.date_format = text_option(source, "date_format", "");
    options.encoding = text_option(source, "encoding", options.encoding);
    if (const report::literal* null = option(source, "null"); null && null->type == report::value_type::text)
        options.null_markers = {"", null->text};
    options.on_error = on_error_of(source);
    const std::string problem = data::check_csv_options(options);
    if (!problem.empty()) bad_option(source, problem);
    return options;
}

data::sqlite_options sqlite_options_of(const report::source& source) {
    data::sqlite_options options;
    options.table = source.table;
    options.query = source.query;
    options.on_error = on_error_of(source);
    return options;
}

data::postgres_options postgres_options_of(const report::source& source, const connection_context& context) {
    data::postgres_options options;
    options.display_name = "postgres source " + source.qualified_name;
    options.table = source.table;
    options.query = source.query;
    options.on_error = on_error_of(source);
    const std::string& text = source.target;
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t open = text.find("${", at);
        const std::size_t close = open == std::string::npos ? std::string::npos : text.find('}', open);
        if (close == std::string::npos) {
            options.dsn += text.substr(at);
            break;
        }
        options.dsn += text.substr(at, open - at);
        const std::string name = text.substr(open + 2, close - open - 2);
        std::optional<std::string> found;
        if (context.program != nullptr && context.params != nullptr) {
            const report::param* p = context.program->find_param(name);
            const std::size_t index = p ? static_cast<std::size_t>(p - context.program->params.data()) : report::npos;
            if (index < context.params->size() && (*context.params)[index].is_text()) found = (*context.params)[index].text();
        }
        if (!found) {
            if (const char* env = std::getenv(name.c_str())) found = env;
        }
        if (!found) {
            data::load_issue issue;
            issue.file = options.display_name;
            issue.message = "the connection names ${" + name + "}, which is neither a text param nor an environment variable";
            issue.notes.push_back("set it with --param " + name + "=... or export " + name + "=...");
            throw data::data_error(std::move(issue));
        }
        options.dsn += *found;
        at = close + 1;
    }
    return options;
}

data::table_schema data_schema(const report::source& source, const connection_context& context) {
    if (source.schema_known) {
        data::table_schema schema;
        for (const report::column& c : source.columns) schema.push_back({c.name, column_type_of(c.type)});
        return schema;
    }
    switch (source.kind) {
        case report::source_kind::csv: return data::infer_csv_schema(source.resolved_path, csv_options_of(source));
        case report::source_kind::sqlite: return data::infer_sqlite_schema(source.resolved_path, sqlite_options_of(source));
        case report::source_kind::postgres: return data::infer_postgres_schema(postgres_options_of(source, context));
    }
    bad_option(source, "unknown source kind");
}

data::load_summary read_source(const report::source& source, const data::table_schema& schema, std::size_t threads,
                               const std::function<void(std::uint64_t, std::uint64_t)>& progress,
                               const std::function<void(const data::table_batch&)>& on_batch,
                               const std::shared_ptr<const data::time_zone>& zone, const connection_context& context) {
    switch (source.kind) {
        case report::source_kind::csv: {
            data::csv_options options = csv_options_of(source);
            if (progress) options.progress = progress;
            options.threads = std::max<std::size_t>(1, threads);
            options.zone = zone;
            return data::read_csv_batches(source.resolved_path, options, schema, on_batch);
        }
        case report::source_kind::sqlite: {
            data::sqlite_options options = sqlite_options_of(source);
            options.zone = zone;
            return data::read_sqlite_batches(source.resolved_path, options, schema, on_batch);
        }
        case report::source_kind::postgres:
            return data::read_postgres_batches(postgres_options_of(source, context), schema, on_batch);
    }
    bad_option(source, "unknown source kind");
}

}  // namespace folio::eval

// Reading report sources (see source_reading.hpp).
#include "source_reading.hpp"

#include <algorithm>
#include <charconv>

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

data::table_schema data_schema(const report::source& source) {
    if (source.schema_known) {
        data::table_schema schema;
        for (const report::column& c : source.columns) schema.push_back({c.name, column_type_of(c.type)});
        return schema;
    }
    switch (source.kind) {
        case report::source_kind::csv: return data::infer_csv_schema(source.resolved_path, csv_options_of(source));
        case report::source_kind::sqlite: return data::infer_sqlite_schema(source.resolved_path, sqlite_options_of(source));
        default: bad_option(source, "postgres sources are not supported yet");
    }
}

data::load_summary read_source(const report::source& source, const data::table_schema& schema, std::size_t threads,
                               const std::function<void(std::uint64_t, std::uint64_t)>& progress,
                               const std::function<void(const data::table_batch&)>& on_batch) {
    switch (source.kind) {
        case report::source_kind::csv: {
            data::csv_options options = csv_options_of(source);
            if (progress) options.progress = progress;
            options.threads = std::max<std::size_t>(1, threads);
            return data::read_csv_batches(source.resolved_path, options, schema, on_batch);
        }
        case report::source_kind::sqlite:
            return data::read_sqlite_batches(source.resolved_path, sqlite_options_of(source), schema, on_batch);
        default: bad_option(source, "postgres sources are not supported yet");
    }
}

}  // namespace folio::eval

// Reading CSV rows into typed columns, batch by batch or into one table.
//
// One pass over the file. With one thread, the scanner splits a group of 128 records at a
// time without copying and csv_converter turns them into typed columns; every `batch_rows`
// rows the batch goes to the callback and is cleared. With more threads the rest of the
// file after the header is read in chunks of whole records converted in parallel
// (csv_parallel_read.hpp); the callback still gets the batches in file order, on the
// calling thread, with the same dictionaries, codes, rows, skips and messages. Columns the
// schema does not name are split but never converted.
//
// A bad record is either the error that ends the load (the first in file order, its first
// bad column: typed columns before text ones) or, under `on_error: skip`, removed and
// counted, the first few reasons kept.
#include <algorithm>
#include <optional>
#include <vector>

#include "csv_converter.hpp"
#include "csv_parallel_read.hpp"
#include "csv_scanner.hpp"
#include "folio/engine/data/csv.hpp"

namespace folio::data {
namespace {

constexpr std::size_t group_rows = 128;

/// Returns the options the header scanner uses: a chunked read reports progress itself.
csv_options scanner_options(const csv_options& options) {
    csv_options own = options;
    if (options.threads > 1) own.progress = nullptr;
    return own;
}

class csv_reader {
public:
    csv_reader(const std::filesystem::path& path, const csv_options& options, std::optional<table_schema> schema)
        : path_(path),
          options_(options),
          scanner_options_(scanner_options(options)),
          layout_(options, schema ? std::move(*schema) : infer_csv_schema(path, options), !schema || options.schema_inferred),
          scanner_(path, scanner_options_) {
        map_columns(path);
    }

    /// Reads every row into `out`, handing it to `on_batch` and clearing it each `flush_rows` rows.
    load_summary run(table& out, std::size_t flush_rows, const std::function<void(const table_batch&)>* on_batch) {
        summary_.file = scanner_.display_name();
        summary_.schema = layout_.schema;
        if (options_.threads > 1) {
            detail::chunked_read how;
            how.start = scanner_.next_offset();
            how.rows_before = scanner_.row();
            how.threads = options_.threads;
            detail::read_chunks(path_, layout_, scanner_, how, out, flush_rows, on_batch, summary_);
            return std::move(summary_);
        }
        detail::csv_converter converter(layout_);
        out.reserve(std::min<std::size_t>(flush_rows, std::size_t{1} << 16));
        for (;;) {
            const std::size_t room = flush_rows - std::min(flush_rows, out.row_count());
            if (!scanner_.next_group(group_, std::max<std::size_t>(1, std::min(group_rows, room)))) break;
            convert_group(converter, out);
            if (on_batch != nullptr && out.row_count() >= flush_rows) {
                (*on_batch)(out);
                out.clear_rows();
            }
        }
        if (on_batch != nullptr && out.row_count() > 0) {
            (*on_batch)(out);
            out.clear_rows();
        }
        summary_.bytes = scanner_.bytes_read();
        return std::move(summary_);
    }

    const table_schema& schema() const { return layout_.schema; }

private:
    std::filesystem::path path_;
    const csv_options& options_;
    csv_options scanner_options_;
    detail::csv_layout layout_;
    detail::csv_scanner scanner_;
    load_summary summary_;
    detail::csv_group group_;
    std::vector<detail::pending_issue> issues_;

    /// Finds each schema column in the header (exactly, else ignoring case) or by position.
    void map_columns(const std::filesystem::path& path) {
        const detail::csv_header header = detail::read_header(scanner_, options_, path);
        layout_.expected_fields = options_.header ? header.names.size() : layout_.schema.size();
        for (std::size_t c = 0; c < layout_.schema.size(); ++c)
            layout_.place(c, options_.header ? find_in_header(header, layout_.schema[c].name) : c);
    }

    /// Returns the header field of a declared column; throws data_error when it is missing or ambiguous.
    std::size_t find_in_header(const detail::csv_header& header, const std::string& name) {
        std::optional<std::size_t> found;
        for (std::size_t i = 0; i < header.names.size() && !found; ++i)
            if (header.names[i] == name) found = i;
        if (!found) {
            std::vector<std::size_t> similar;
            for (std::size_t i = 0; i < header.names.size(); ++i)
                if (equal_ignoring_case(header.names[i], name)) similar.push_back(i);
            if (similar.size() == 1) found = similar[0];
            if (similar.size() > 1)
                throw data_error(load_issue{scanner_.display_name(), 1, 1, 1, name, {},
                                            "column '" + name + "' matches several header columns ignoring case", {}});
        }
        if (!found) {
            std::string listed;
            for (std::size_t i = 0; i < header.names.size() && i < 20; ++i) listed += (i ? ", " : "") + header.names[i];
            if (header.names.size() > 20) listed += ", ...";
            throw data_error(load_issue{scanner_.display_name(), 1, 1, 1, name, {}, "column '" + name + "' is not in the header",
                                        {"the header has: " + listed}});
        }
        detail::require_unique_name(scanner_, header, *found);
        return *found;
    }

    /// Converts the records of the group into `out`, then fails the load with the first bad
    /// record, or counts them, keeps the first few reasons and removes them.
    void convert_group(detail::csv_converter& converter, table& out) {
        const std::size_t base = out.row_count();
        const bool skip = options_.on_error == on_error_action::skip;
        const bool details = !skip || summary_.skipped_examples.size() < options_.max_examples;
        issues_.clear();
        const std::size_t bad = converter.convert(group_, out, details, issues_);
        summary_.rows += group_.size() - bad;
        if (bad == 0) return;
        for (detail::pending_issue& p : issues_) {
            if (skip && summary_.skipped_examples.size() >= options_.max_examples) break;
            const std::uint64_t row = group_.rows[p.record];
            load_issue issue = scanner_.issue_at(p.where, std::move(p.message) + layout_.row_note(row), row);
            issue.column_name = std::move(p.column_name);
            issue.value = std::move(p.value);
            issue.notes = std::move(p.notes);
            if (!skip) throw data_error(std::move(issue));
            summary_.skipped_examples.push_back(std::move(issue));
        }
        summary_.skipped_rows += bad;
        out.remove_rows(base, converter.bad());
    }
};

/// Returns the table name for a file: its stem ("surveys" for data/surveys.csv).
std::string table_name(const std::filesystem::path& path) {
    return path.stem().string();
}

}  // namespace

load_summary read_csv_batches(const std::filesystem::path& path, const csv_options& options,
                              const std::optional<table_schema>& schema,
                              const std::function<void(const table_batch&)>& on_batch) {
    detail::require_valid_options(path, options);
    csv_reader reader(path, options, schema);
    table batch(table_name(path), reader.schema());
    return reader.run(batch, options.batch_rows, &on_batch);
}

loaded_table read_csv_table(const std::filesystem::path& path, const csv_options& options,
                            const std::optional<table_schema>& schema) {
    detail::require_valid_options(path, options);
    csv_reader reader(path, options, schema);
    loaded_table result{table(table_name(path), reader.schema()), {}};
    result.summary = reader.run(result.data, static_cast<std::size_t>(-1), nullptr);
    return result;
}

}  // namespace folio::data

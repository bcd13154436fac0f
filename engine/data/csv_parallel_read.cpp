// The chunked read (see csv_parallel_read.hpp): converting a chunk on whichever thread is
// free, and taking the chunks back in file order on the calling thread.
#include "csv_parallel_read.hpp"

#include <algorithm>
#include <deque>
#include <memory>
#include <optional>

#include "csv_chunks.hpp"
#include "ordered_jobs.hpp"

namespace folio::data::detail {
namespace {

constexpr std::size_t group_rows = 128;               // records converted together (they stay in cache)
constexpr std::size_t largest_chunk = std::size_t{1} << 20;
constexpr std::size_t smallest_chunk = std::size_t{1} << 12;
constexpr std::uint64_t progress_step = std::uint64_t{4} << 20;

/// What converting a chunk gives: tables with dictionaries of their own, and its problems.
struct chunk_outcome {
    std::vector<table> pieces;            // at most flush_rows rows each
    std::uint64_t rows = 0;               // spreadsheet rows the chunk spans (records and blank lines)
    std::uint64_t skipped = 0;
    std::vector<deferred_issue> examples;  // skipped records, the first few
    std::optional<deferred_issue> fatal;   // the problem that ends the load
};

struct chunk_work {
    csv_chunk chunk;
    chunk_outcome outcome;
};

/// One thread's scratch space.
struct worker {
    explicit worker(const csv_layout& layout)
        : converter(layout), splitter(layout.options.delimiter, layout.options.quote) {}

    csv_converter converter;
    csv_splitter splitter;
    csv_group group;
    std::vector<pending_issue> issues;
};

/// Locates a problem of a record of `chunk` whose row, counted from the chunk's start, is `row`.
deferred_issue defer(pending_issue&& p, const csv_chunk& chunk, std::uint64_t row) {
    return deferred_issue{chunk.offset + static_cast<std::uint64_t>(p.where - chunk.begin()),
                          row,
                          std::move(p.message),
                          std::move(p.column_name),
                          std::move(p.value),
                          std::move(p.notes),
                          true};
}

/// Returns about how many records the chunk holds after `cursor`, judged by the `rows` before it.
std::size_t likely_rows(const csv_chunk& chunk, const char* cursor, std::uint64_t rows) {
    const double per_row = static_cast<double>(cursor - chunk.begin()) / static_cast<double>(rows);
    return static_cast<std::size_t>(static_cast<double>(chunk.end() - cursor) / per_row * 1.1) + 1;
}

/// Splits and converts the records of a chunk.
void convert_chunk(const csv_chunk& chunk, const csv_layout& layout, const std::string& name, std::size_t piece_rows,
                   worker& w, chunk_outcome& out) {
    const csv_options& options = layout.options;
    const bool skip = options.on_error == on_error_action::skip;
    const char* cursor = chunk.begin();
    const char* const end = chunk.end();
    csv_group& group = w.group;
    std::uint64_t row = 0;
    std::optional<deferred_issue> malformed;
    bool reserved = false;  // the piece has room for the rows the chunk likely holds
    while (!malformed) {
        if (out.pieces.empty() || out.pieces.back().row_count() >= piece_rows) {
            out.pieces.emplace_back(name, layout.schema);
            reserved = false;
        }
        table& piece = out.pieces.back();
        if (!reserved && row > 0) {
            piece.reserve(piece.row_count() + std::min(piece_rows - piece.row_count(), likely_rows(chunk, cursor, row)));
            reserved = true;
        }
        const std::size_t max = std::min(group_rows, piece_rows - piece.row_count());
        group.fields.clear();
        group.rows.clear();
        group.starts.assign(1, 0);
        bool at_end = false;
        while (group.size() < max) {
            const char* error_at = nullptr;
            const char* p = cursor;
            const std::size_t before = group.fields.size();
            // The chunk ends at a record's end, so it is the end of the data for the splitter.
            const split_status status = w.splitter.split(p, end, true, group.fields, error_at);
            if (status == split_status::record) {
                cursor = p;
                group.rows.push_back(++row);
                group.starts.push_back(static_cast<std::uint32_t>(group.fields.size()));
                continue;
            }
            if (status == split_status::blank_line) {
                cursor = p;
                ++row;
                continue;
            }
            group.fields.resize(before);
            at_end = true;
            if (status == split_status::unclosed_quote || status == split_status::text_after_quote)
                malformed = deferred_issue{chunk.offset + static_cast<std::uint64_t>(error_at - chunk.begin()),
                                           row + 1,
                                           status == split_status::unclosed_quote
                                               ? "quoted field is not closed before the end of the file"
                                               : "unexpected text after the closing quote of a field",
                                           {}, {}, {}, false};
            break;
        }
        if (group.size() > 0) {
            const std::size_t base = piece.row_count();
            w.issues.clear();
            const bool details = !skip || out.examples.size() < options.max_examples;
            const std::size_t bad = w.converter.convert(group, piece, details, w.issues);
            if (bad > 0) {
                if (!skip) {
                    piece.truncate(base);
                    const std::uint64_t at = group.rows[w.issues.front().record];
                    out.fatal = defer(std::move(w.issues.front()), chunk, at);
                    out.rows = row;
                    return;
                }
                for (pending_issue& p : w.issues) {
                    if (out.examples.size() >= options.max_examples) break;
                    const std::uint64_t at = group.rows[p.record];
                    out.examples.push_back(defer(std::move(p), chunk, at));
                }
                out.skipped += bad;
                piece.remove_rows(base, w.converter.bad());
            }
        }
        if (at_end) break;
    }
    out.fatal = std::move(malformed);
    out.rows = row;
}

/// Returns `piece` with its text columns re-coded into the dictionaries of `shared`'s columns.
table share_dictionaries(table& piece, const table& shared) {
    table result(piece.name());
    const std::size_t n = piece.row_count();
    result.set_row_count(n);
    std::vector<std::uint32_t> code_of;
    for (std::size_t c = 0; c < piece.column_count(); ++c) {
        column& local = piece.column_at(c);
        if (local.type() != column_type::text) {
            result.add_column(std::move(local));
            continue;
        }
        const std::shared_ptr<string_pool>& dictionary = shared.column_at(c).shared_dictionary();
        const string_pool& own = local.dictionary();
        code_of.resize(own.size());
        for (std::uint32_t k = 0; k < own.size(); ++k) code_of[k] = dictionary->intern(own.at(k));  // in first-seen order
        column recoded(local.name(), column_type::text, dictionary);
        recoded.extend(n);
        const std::uint32_t* from = local.codes().data();
        std::uint32_t* to = recoded.mutable_codes().data();
        for (std::size_t r = 0; r < n; ++r) {
            const std::uint32_t k = from[r];
            to[r] = k == column::null_code ? column::null_code : code_of[k];
        }
        if (local.null_count() > 0)
            for (std::size_t r = 0; r < n; ++r)
                if (from[r] == column::null_code) recoded.set_null(r);
        result.add_column(std::move(recoded));
    }
    return result;
}

/// Makes the message of a problem whose chunk starts after `rows_before` rows.
load_issue locate(csv_scanner& scanner, const csv_layout& layout, deferred_issue&& d, std::uint64_t rows_before) {
    const std::uint64_t row = rows_before + d.row;
    load_issue issue = scanner.issue_at_offset(d.offset, d.with_row_note ? d.message + layout.row_note(row) : d.message, row);
    issue.column_name = std::move(d.column_name);
    issue.value = std::move(d.value);
    issue.notes = std::move(d.notes);
    return issue;
}

}  // namespace

void read_chunks(const std::filesystem::path& path, const csv_layout& layout, csv_scanner& scanner,
                 const chunked_read& how, table& out, std::size_t flush_rows,
                 const std::function<void(const table_batch&)>* on_batch, load_summary& summary) {
    const csv_options& options = layout.options;
    const std::size_t threads = std::max<std::size_t>(1, how.threads);
    std::uint64_t file_size = 0;
    {
        std::error_code ec;
        const auto size = std::filesystem::file_size(path, ec);
        file_size = ec ? 0 : static_cast<std::uint64_t>(size);
    }
    // Chunks small enough that every thread gets several, large enough to cost little each.
    std::size_t chunk_bytes = how.chunk_bytes;
    if (chunk_bytes == 0)
        chunk_bytes = static_cast<std::size_t>(std::clamp<std::uint64_t>((file_size - std::min(file_size, how.start)) / (8 * threads),
                                                                         smallest_chunk, largest_chunk));
    csv_chunk_reader reader(path, scanner.display_name(), how.start, chunk_bytes, options.delimiter, options.quote);
    const std::size_t piece_rows = std::max<std::size_t>(1, flush_rows);
    const std::string& name = out.name();

    std::vector<std::unique_ptr<worker>> workers;
    for (std::size_t t = 0; t < threads; ++t) workers.push_back(std::make_unique<worker>(layout));
    ordered_jobs jobs(threads - 1);  // after `workers`: destroyed (helpers joined) before them
    std::deque<std::shared_ptr<chunk_work>> in_flight;
    const std::size_t most_in_flight = 2 * threads + 2;

    std::uint64_t rows_before = how.rows_before;
    std::uint64_t done = how.start, reported = 0;
    bool more = true;
    for (;;) {
        while (more && in_flight.size() < most_in_flight) {
            auto work = std::make_shared<chunk_work>();
            if (!reader.next(work->chunk)) {
                more = false;
                break;
            }
            in_flight.push_back(work);
            jobs.submit([work, &layout, &workers, &name, piece_rows](std::size_t thread) {
                convert_chunk(work->chunk, layout, name, piece_rows, *workers[thread], work->outcome);
            });
        }
        if (in_flight.empty()) break;
        jobs.take_oldest();
        const std::shared_ptr<chunk_work> work = std::move(in_flight.front());
        in_flight.pop_front();
        reader.recycle(std::move(work->chunk.bytes));

        chunk_outcome& outcome = work->outcome;
        for (table& piece : outcome.pieces) {
            if (piece.row_count() == 0) continue;
            const table rows = share_dictionaries(piece, out);
            summary.rows += rows.row_count();
            if (on_batch != nullptr) (*on_batch)(rows);
            else out.append(rows);
        }
        for (deferred_issue& d : outcome.examples)
            if (summary.skipped_examples.size() < options.max_examples)
                summary.skipped_examples.push_back(locate(scanner, layout, std::move(d), rows_before));
        summary.skipped_rows += outcome.skipped;
        if (outcome.fatal) throw data_error(locate(scanner, layout, std::move(*outcome.fatal), rows_before));
        rows_before += outcome.rows;
        done = work->chunk.offset + work->chunk.size;
        if (options.progress && done - reported >= progress_step) {
            options.progress(done, file_size);
            reported = done;
        }
    }
    if (options.progress && reported != done) options.progress(done, file_size);
    summary.bytes = done;
}

}  // namespace folio::data::detail

// Reading CSV rows into typed columns, batch by batch or into one table.
//
// One pass over the file. The scanner splits a group of records at a time (128, or 8192
// when several threads convert) without copying; each schema column then converts its field
// of every record of the group in one tight loop (numbers with the fast parser, dates with
// the ISO or date_format parser, text through the column's dictionary, whose slots are
// prefetched a few records ahead so that high-cardinality columns do not wait on memory).
// Columns are independent tasks: with `threads` > 1 they run on a small pool while the
// batches still reach the callback whole, in file order, on the calling thread. Every
// `batch_rows` rows the batch goes to the callback and is cleared. Columns the schema does
// not name are split but never converted.
//
// Conversion runs in two steps. First every typed column converts and every text column
// looks its values up (checking new strings are UTF-8), each noting the records that do not
// fit; then, knowing all bad records, text columns append their codes, interning new
// strings only for good records, so a skipped row leaves nothing in the dictionaries. A bad
// record is either the error that ends the load (the first in file order, its first bad
// column in schema order) or, under `on_error: skip`, removed and counted.
#include <algorithm>
#include <array>
#include <optional>
#include <vector>

#include "csv_scanner.hpp"
#include "folio/engine/data/csv.hpp"
#include "null_markers.hpp"
#include "task_pool.hpp"
#include "value_parsing.hpp"

namespace folio::data {
namespace {

using detail::csv_field;

constexpr std::size_t serial_group_rows = 128;
constexpr std::size_t parallel_group_rows = 8192;
constexpr std::size_t prefetch_distance = 16;

/// Where a schema column's values come from.
struct target {
    std::size_t field;   // index of the field in a record
    std::size_t column;  // index of the column in the output table
    column_type type;
};

/// The first problem found in a record of the group, before it is located in the file.
struct pending_issue {
    std::size_t record;
    const char* where;
    std::string message;
    std::string column_name;
    std::string value;
    std::vector<std::string> notes;
};

/// What one column task found: the records that do not fit and, when wanted, why.
struct task_findings {
    std::vector<std::uint32_t> bad;       // records, ascending
    std::vector<pending_issue> issues;    // one per bad record, when messages are wanted
    std::string scratch;                  // for values with doubled quotes
};

class csv_reader {
public:
    csv_reader(const std::filesystem::path& path, const csv_options& options, std::optional<table_schema> schema)
        : options_(options),
          inferred_(!schema || options.schema_inferred),
          schema_(schema ? std::move(*schema) : infer_csv_schema(path, options)),
          scanner_(path, options),
          nulls_(options.null_markers),
          pool_(std::max<std::size_t>(1, options.threads)),
          group_rows_(pool_.threads() > 1 ? parallel_group_rows : serial_group_rows) {
        if (!options.date_format.empty()) {
            std::string error;
            format_ = detail::date_format::compile(options.date_format, error);
        }
        // Parse first, test for a null marker only when parsing fails, unless a marker would parse.
        markers_first_[static_cast<std::size_t>(column_type::number)] =
            nulls_.any_accepted([&](std::string_view m) { return detail::parse_number(m, options.decimal).has_value(); });
        markers_first_[static_cast<std::size_t>(column_type::boolean)] =
            nulls_.any_accepted([](std::string_view m) { return detail::parse_bool(m, true).has_value(); });
        const bool date_marker = nulls_.any_accepted([&](std::string_view m) {
            return detail::parse_date_time(detail::trim_blanks(m), format_ ? &*format_ : nullptr).state !=
                   detail::date_reading::status::not_a_date;
        });
        markers_first_[static_cast<std::size_t>(column_type::date)] = date_marker;
        markers_first_[static_cast<std::size_t>(column_type::timestamp)] = date_marker;
        map_columns(path);
    }

    /// Reads every row into `out`, handing it to `on_batch` and clearing it each `flush_rows` rows.
    load_summary run(table& out, std::size_t flush_rows, const std::function<void(const table_batch&)>* on_batch) {
        summary_.file = scanner_.display_name();
        summary_.schema = schema_;
        out.reserve(std::min<std::size_t>(flush_rows, std::size_t{1} << 16));
        for (;;) {
            const std::size_t room = flush_rows - std::min(flush_rows, out.row_count());
            if (!scanner_.next_group(group_, std::max<std::size_t>(1, std::min(group_rows_, room)))) break;
            convert_group(out);
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

    const table_schema& schema() const { return schema_; }

private:
    const csv_options& options_;
    bool inferred_;
    table_schema schema_;
    detail::csv_scanner scanner_;
    detail::null_markers nulls_;
    std::optional<detail::date_format> format_;
    std::array<bool, 5> markers_first_{};  // per column type: some null marker is also a valid value
    std::vector<target> typed_;   // number, bool, date, timestamp columns
    std::vector<target> texts_;   // text columns
    std::size_t expected_fields_ = 0;
    load_summary summary_;

    detail::task_pool pool_;
    std::size_t group_rows_;

    // The group being converted.
    detail::csv_group group_;
    std::vector<std::uint8_t> bad_;             // per record: it does not fit
    std::size_t bad_count_ = 0;
    bool detail_ = true;                        // build messages for bad records (they fail the load or are kept)
    std::vector<task_findings> findings_;       // per column task: typed_ then texts_
    std::vector<std::uint64_t> hashes_;         // per text column and record
    std::vector<std::uint32_t> codes_;          // per text column and record: the code, npos when new
    std::vector<std::uint8_t> text_nulls_;      // per text column and record

    /// Finds each schema column in the header (exactly, else ignoring case) or by position.
    void map_columns(const std::filesystem::path& path) {
        const detail::csv_header header = detail::read_header(scanner_, options_, path);
        expected_fields_ = options_.header ? header.names.size() : schema_.size();
        for (std::size_t c = 0; c < schema_.size(); ++c) {
            std::size_t field = c;
            if (options_.header) field = find_in_header(header, schema_[c].name);
            const target t{field, c, schema_[c].type};
            (t.type == column_type::text ? texts_ : typed_).push_back(t);
        }
        hashes_.resize(texts_.size() * group_rows_);
        codes_.resize(texts_.size() * group_rows_);
        text_nulls_.resize(texts_.size() * group_rows_);
        findings_.resize(typed_.size() + texts_.size());
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

    /// Returns " (row N, counting the header as row 1)", or " (row N)" without a header.
    std::string row_note(std::size_t record) const {
        const std::string row = std::to_string(group_.rows[record]);
        return options_.header ? " (row " + row + ", counting the header as row 1)" : " (row " + row + ")";
    }

    /// Converts the records of the group into `out`, then settles the ones that did not fit.
    void convert_group(table& out) {
        const std::size_t n = group_.size();
        const std::size_t base = out.row_count();
        bad_.assign(n, 0);
        bad_count_ = 0;
        detail_ = options_.on_error == on_error_action::fail || summary_.skipped_examples.size() < options_.max_examples;
        std::vector<pending_issue> issues;
        for (std::size_t r = 0; r < n; ++r)
            if (group_.width(r) != expected_fields_) wrong_width(r, issues);
        for (task_findings& f : findings_) {
            f.bad.clear();
            f.issues.clear();
        }
        pool_.run(typed_.size() + texts_.size(), [&](std::size_t task) {
            if (task < typed_.size()) {
                convert_typed(typed_[task], out.column_at(typed_[task].column), findings_[task]);
            } else {
                const std::size_t i = task - typed_.size();
                look_up_texts(i, out.column_at(texts_[i].column), findings_[task]);
            }
        });
        merge_findings(issues);
        pool_.run(texts_.size(), [&](std::size_t i) { append_texts(i, out.column_at(texts_[i].column)); });
        out.set_row_count(base + n);
        if (bad_count_ > 0) settle_bad_records(out, base, issues);
        summary_.rows += n - bad_count_;
    }

    /// Marks the records the column tasks found bad, keeping for each its first issue in schema order.
    void merge_findings(std::vector<pending_issue>& issues) {
        for (task_findings& f : findings_) {
            for (std::size_t k = 0; k < f.bad.size(); ++k) {  // with messages, f.issues[k] is about f.bad[k]
                const std::uint32_t r = f.bad[k];
                if (bad_[r] != 0) continue;
                bad_[r] = 1;
                ++bad_count_;
                if (detail_) issues.push_back(std::move(f.issues[k]));
            }
        }
    }

    /// Fails the load with the first bad record, or counts them, keeps the first few reasons and removes them.
    void settle_bad_records(table& out, std::size_t base, std::vector<pending_issue>& issues) {
        std::sort(issues.begin(), issues.end(), [](const pending_issue& a, const pending_issue& b) { return a.record < b.record; });
        for (pending_issue& p : issues) {
            if (options_.on_error == on_error_action::skip && summary_.skipped_examples.size() >= options_.max_examples) break;
            load_issue issue = scanner_.issue_at(p.where, std::move(p.message), group_.rows[p.record]);
            issue.column_name = std::move(p.column_name);
            issue.value = std::move(p.value);
            issue.notes = std::move(p.notes);
            if (options_.on_error == on_error_action::fail) throw data_error(std::move(issue));
            summary_.skipped_examples.push_back(std::move(issue));
        }
        summary_.skipped_rows += bad_count_;
        out.remove_rows(base, bad_);
    }

    /// Marks a record whose number of fields differs from the header's (or the schema's).
    void wrong_width(std::size_t r, std::vector<pending_issue>& issues) {
        bad_[r] = 1;
        ++bad_count_;
        if (!detail_) return;
        const std::size_t width = group_.width(r);
        const char* where = width > expected_fields_ ? group_.field(r, expected_fields_).start() : group_.field(r, 0).start();
        pending_issue p{r, where,
                        "expected " + std::to_string(expected_fields_) + (expected_fields_ == 1 ? " field" : " fields") +
                            ", found " + std::to_string(width) + row_note(r),
                        {}, {}, {}};
        if (!options_.header) p.notes.push_back("without a header, each row has one field per schema column");
        issues.push_back(std::move(p));
    }

    /// Notes that record r does not fit the column of `t` because of `text`.
    void misfit(std::size_t r, const target& t, std::string_view text, const char* what, task_findings& found,
                bool show_value = true) const {
        found.bad.push_back(static_cast<std::uint32_t>(r));
        if (!detail_) return;
        const std::string& name = schema_[t.column].name;
        const std::string shown = detail::shorten_for_message(text);
        pending_issue p{r, group_.field(r, t.field).start(),
                        "column '" + name + "' " + what + (show_value ? ", found '" + shown + "'" : std::string()) + row_note(r),
                        name, show_value ? shown : std::string(), {}};
        if (t.type == column_type::number) {
            const char other = options_.decimal == '.' ? ',' : '.';
            if (detail::parse_number(text, other))
                p.notes.push_back(std::string("the decimal separator is '") + options_.decimal + "'; set decimal: \"" + other +
                                  "\" if the file writes numbers with '" + other + "'");
        }
        if (inferred_ && show_value)
            p.notes.push_back("the column's type was inferred from the first " + std::to_string(options_.infer_rows) +
                              " rows; declare it in a schema block to read it as another type");
        found.issues.push_back(std::move(p));
    }

    /// Returns a field's value (doubled quotes made single in `scratch`; the view lasts until the next call).
    std::string_view value_of(const csv_field& field, std::string& scratch) const {
        return field.doubled_quotes ? splitter_value(field, scratch) : field.raw();
    }

    /// Returns a quoted field's content with doubled quotes made single, in `scratch`.
    std::string_view splitter_value(const csv_field& field, std::string& scratch) const {
        scratch.clear();
        const char* p = field.begin;
        const char* end = p + field.size;
        while (p != end) {
            scratch.push_back(*p);
            p += (*p == options_.quote && p + 1 != end && p[1] == options_.quote) ? 2 : 1;
        }
        return scratch;
    }

    /// Tells whether a value is a null marker, as written or without surrounding blanks.
    bool is_null_marker(std::string_view text) const {
        if (nulls_.contains(text)) return true;
        if (text.empty()) return false;
        const char f = text.front(), b = text.back();
        return (f == ' ' || f == '\t' || b == ' ' || b == '\t') && nulls_.contains(detail::trim_blanks(text));
    }

    /// Converts the field of a number, bool, date or timestamp column in every record of the
    /// group, writing into rows reserved at once (a task touches its column object once).
    void convert_typed(const target& t, column& col, task_findings& found) const {
        const std::size_t n = group_.size();
        const std::size_t base = col.size();
        col.extend(n);
        const bool markers_first = markers_first_[static_cast<std::size_t>(t.type)];
        double* numbers = stores_numbers(t.type) ? col.mutable_numbers().data() + base : nullptr;
        std::uint8_t* booleans = t.type == column_type::boolean ? col.mutable_booleans().data() + base : nullptr;
        for (std::size_t r = 0; r < n; ++r) {
            if (bad_[r] != 0) {
                col.set_null(base + r);  // a placeholder, removed with the record
                continue;
            }
            const std::string_view text = value_of(group_.field(r, t.field), found.scratch);
            if (markers_first && is_null_marker(text)) {
                col.set_null(base + r);
                continue;
            }
            if (convert_value(t, text, numbers, booleans, r)) continue;
            if (!is_null_marker(text)) misfit_value(r, t, text, found);
            col.set_null(base + r);  // a null, or a placeholder for the bad record
        }
    }

    /// Writes the value of `text` at index r of `numbers` or `booleans` (the one the column has); false when it does not fit.
    bool convert_value(const target& t, std::string_view text, double* numbers, std::uint8_t* booleans, std::size_t r) const {
        switch (t.type) {
            case column_type::number:
                if (const std::optional<double> v = detail::parse_number(text, options_.decimal)) {
                    numbers[r] = *v;
                    return true;
                }
                return false;
            case column_type::boolean:
                if (const std::optional<bool> v = detail::parse_bool(text, true)) {
                    booleans[r] = *v ? 1 : 0;
                    return true;
                }
                return false;
            case column_type::date:
            case column_type::timestamp: {
                const detail::date_reading d = detail::parse_date_time(detail::trim_blanks(text), format_ ? &*format_ : nullptr);
                if (d.state != detail::date_reading::status::ok) return false;
                // A date column keeps the day of a date-time.
                numbers[r] = t.type == column_type::date ? static_cast<double>(static_cast<std::int64_t>(d.serial)) : d.serial;
                return true;
            }
            case column_type::text: break;
        }
        return false;
    }

    /// Notes that `text` does not fit the column of `t`, saying what the column expects.
    void misfit_value(std::size_t r, const target& t, std::string_view text, task_findings& found) const {
        switch (t.type) {
            case column_type::number: misfit(r, t, text, "expects a number", found); return;
            case column_type::boolean: misfit(r, t, text, "expects a bool (true or false)", found); return;
            case column_type::date:
            case column_type::timestamp: {
                const bool out_of_range = detail::parse_date_time(detail::trim_blanks(text), format_ ? &*format_ : nullptr).state ==
                                          detail::date_reading::status::out_of_range;
                const bool date = t.type == column_type::date;
                if (out_of_range)
                    misfit(r, t, text, date ? "expects a date from 1900-01-01 to 9999-12-31"
                                            : "expects a timestamp from 1900-01-01 to 9999-12-31", found);
                else
                    misfit(r, t, text, date ? "expects a date" : "expects a timestamp", found);
                return;
            }
            case column_type::text: return;
        }
    }

    /// Hashes the text column's fields, looks them up (prefetching the dictionary slots a few
    /// records ahead), and checks that strings the dictionary does not hold yet are UTF-8.
    void look_up_texts(std::size_t i, const column& col, task_findings& found) {
        const target& t = texts_[i];
        const string_pool& pool = col.dictionary();
        std::uint64_t* hashes = hashes_.data() + i * group_rows_;
        std::uint32_t* codes = codes_.data() + i * group_rows_;
        std::uint8_t* nulls = text_nulls_.data() + i * group_rows_;
        const std::size_t n = group_.size();
        for (std::size_t r = 0; r < n; ++r) {
            if (bad_[r] != 0) continue;
            const std::string_view text = value_of(group_.field(r, t.field), found.scratch);
            nulls[r] = nulls_.contains(text) ? 1 : 0;
            if (nulls[r] == 0) hashes[r] = string_pool::hash(text);
        }
        for (std::size_t r = 0; r < n && r < prefetch_distance; ++r)
            if (bad_[r] == 0 && nulls[r] == 0) pool.prefetch(hashes[r]);
        for (std::size_t r = 0; r < n; ++r) {
            const std::size_t ahead = r + prefetch_distance;
            if (ahead < n && bad_[ahead] == 0 && nulls[ahead] == 0) pool.prefetch(hashes[ahead]);
            if (bad_[r] != 0 || nulls[r] != 0) continue;
            const std::string_view text = value_of(group_.field(r, t.field), found.scratch);
            codes[r] = pool.find(text, hashes[r]);
            if (codes[r] == string_pool::npos && !detail::is_valid_utf8(text))
                misfit(r, t, text, "is not valid UTF-8 (only UTF-8 is supported)", found, false);
        }
    }

    /// Appends the text column's codes, interning new strings (bad records get placeholders).
    void append_texts(std::size_t i, column& col) {
        const target& t = texts_[i];
        const std::uint64_t* hashes = hashes_.data() + i * group_rows_;
        const std::uint32_t* codes = codes_.data() + i * group_rows_;
        const std::uint8_t* nulls = text_nulls_.data() + i * group_rows_;
        string_pool& pool = *col.shared_dictionary();
        std::string& scratch = findings_[typed_.size() + i].scratch;
        const std::size_t n = group_.size();
        const std::size_t base = col.size();
        col.extend(n);
        std::uint32_t* out = col.mutable_codes().data() + base;
        for (std::size_t r = 0; r < n; ++r) {
            if (bad_[r] != 0 || nulls[r] != 0) {
                out[r] = column::null_code;
                col.set_null(base + r);
                continue;
            }
            // A string new to the dictionary may occur twice in a group: intern looks again.
            out[r] = codes[r] != string_pool::npos ? codes[r] : pool.intern(value_of(group_.field(r, t.field), scratch), hashes[r]);
        }
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

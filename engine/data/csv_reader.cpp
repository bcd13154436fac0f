// Reading CSV rows into typed columns, batch by batch or into one table.
//
// One pass over the file. The scanner splits up to 64 records at a time (a group) without
// copying; each schema column then converts its field of every record of the group in one
// tight loop (numbers with the fast parser, dates with the ISO or date_format parser, text
// through the column's dictionary, whose slots are prefetched a group ahead so that
// high-cardinality columns do not wait on memory). Every `batch_rows` rows the batch goes to
// the callback and is cleared. Columns the schema does not name are split but never
// converted.
//
// A record whose value does not fit is either the error that ends the load (the first bad
// record in file order, its first bad column in schema order) or, under `on_error: skip`,
// removed from the group's rows and counted. Text is interned only after every other value
// of the group was converted and every new string passed the UTF-8 check, so a skipped row
// leaves nothing behind in the dictionaries.
#include <algorithm>
#include <array>
#include <optional>
#include <vector>

#include "csv_scanner.hpp"
#include "folio/engine/data/csv.hpp"
#include "null_markers.hpp"
#include "value_parsing.hpp"

namespace folio::data {
namespace {

using detail::csv_field;

constexpr std::size_t group_rows = 64;

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

class csv_reader {
public:
    csv_reader(const std::filesystem::path& path, const csv_options& options, std::optional<table_schema> schema)
        : options_(options),
          inferred_(!schema || options.schema_inferred),
          schema_(schema ? std::move(*schema) : infer_csv_schema(path, options)),
          scanner_(path, options),
          nulls_(options.null_markers) {
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
            if (!scanner_.next_group(group_, std::max<std::size_t>(1, std::min(group_rows, room)))) break;
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

    // The group being converted.
    detail::csv_group group_;
    std::vector<std::uint8_t> bad_;             // per record: it does not fit
    std::size_t bad_count_ = 0;
    bool detail_ = true;                        // build messages for bad records (they fail the load or are kept)
    std::vector<pending_issue> issues_;
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
        hashes_.resize(texts_.size() * group_rows);
        codes_.resize(texts_.size() * group_rows);
        text_nulls_.resize(texts_.size() * group_rows);
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
        issues_.clear();
        detail_ = options_.on_error == on_error_action::fail || summary_.skipped_examples.size() < options_.max_examples;
        for (std::size_t r = 0; r < n; ++r)
            if (group_.width(r) != expected_fields_) wrong_width(r);
        for (const target& t : typed_) convert_typed(t, out.column_at(t.column));
        for (std::size_t i = 0; i < texts_.size(); ++i) look_up_texts(i, out.column_at(texts_[i].column));
        for (std::size_t i = 0; i < texts_.size(); ++i) append_texts(i, out.column_at(texts_[i].column));
        out.set_row_count(base + n);
        if (bad_count_ > 0) settle_bad_records(out, base);
        summary_.rows += n - bad_count_;
    }

    /// Marks a record bad; `describe` builds its issue when messages are wanted and it is the record's first.
    template <class Describe>
    void mark_bad(std::size_t r, Describe&& describe) {
        if (bad_[r] != 0) return;
        bad_[r] = 1;
        ++bad_count_;
        if (detail_) issues_.push_back(describe());
    }

    /// Fails the load with the first bad record, or counts them, keeps the first few reasons and removes them.
    void settle_bad_records(table& out, std::size_t base) {
        std::sort(issues_.begin(), issues_.end(), [](const pending_issue& a, const pending_issue& b) { return a.record < b.record; });
        for (pending_issue& p : issues_) {
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
    void wrong_width(std::size_t r) {
        mark_bad(r, [&] {
            const std::size_t width = group_.width(r);
            const char* where = width > expected_fields_ ? group_.field(r, expected_fields_).start() : group_.field(r, 0).start();
            pending_issue p{r, where,
                            "expected " + std::to_string(expected_fields_) + (expected_fields_ == 1 ? " field" : " fields") +
                                ", found " + std::to_string(width) + row_note(r),
                            {}, {}, {}};
            if (!options_.header) p.notes.push_back("without a header, each row has one field per schema column");
            return p;
        });
    }

    /// Marks a record bad because its field does not fit the column of `t`.
    void misfit(std::size_t r, const target& t, std::string_view text, const char* what, bool show_value = true) {
        mark_bad(r, [&] {
            const std::string& name = schema_[t.column].name;
            const std::string shown = detail::shorten_for_message(text);
            pending_issue p{r, group_.field(r, t.field).start(),
                            "column '" + name + "' " + what + (show_value ? ", found '" + shown + "'" : std::string()) + row_note(r),
                            name, show_value ? shown : std::string(), {}};
            if (t.type == column_type::number) {
                const char other = options_.decimal == '.' ? ',' : '.';
                if (detail::parse_number(text, other))
                    p.notes.push_back(std::string("the decimal separator is '") + options_.decimal + "'; set decimal: \"" +
                                      other + "\" if the file writes numbers with '" + other + "'");
            }
            if (inferred_ && show_value)
                p.notes.push_back("the column's type was inferred from the first " + std::to_string(options_.infer_rows) +
                                  " rows; declare it in a schema block to read it as another type");
            return p;
        });
    }

    /// Returns a field's value (doubled quotes made single; the view lasts until the next call).
    std::string_view value_of(const csv_field& field) { return field.doubled_quotes ? scanner_.value(field) : field.raw(); }

    /// Tells whether a value is a null marker, as written or without surrounding blanks.
    bool is_null_marker(std::string_view text) const {
        if (nulls_.contains(text)) return true;
        if (text.empty()) return false;
        const char f = text.front(), b = text.back();
        return (f == ' ' || f == '\t' || b == ' ' || b == '\t') && nulls_.contains(detail::trim_blanks(text));
    }

    /// Converts the field of a number, bool, date or timestamp column in every record of the group.
    void convert_typed(const target& t, column& col) {
        const std::size_t n = group_.size();
        const bool markers_first = markers_first_[static_cast<std::size_t>(t.type)];
        for (std::size_t r = 0; r < n; ++r) {
            if (bad_[r] != 0) {
                col.push_null();  // a placeholder, removed with the record
                continue;
            }
            const std::string_view text = value_of(group_.field(r, t.field));
            if (markers_first && is_null_marker(text)) {
                col.push_null();
                continue;
            }
            if (convert_value(t, text, col)) continue;
            if (!markers_first && is_null_marker(text)) {
                col.push_null();
                continue;
            }
            misfit_value(r, t, text);
            col.push_null();  // a placeholder for the bad record
        }
    }

    /// Appends the value of `text` to a number, bool, date or timestamp column; false when it does not fit.
    bool convert_value(const target& t, std::string_view text, column& col) const {
        switch (t.type) {
            case column_type::number:
                if (const std::optional<double> v = detail::parse_number(text, options_.decimal)) {
                    col.push_number(*v);
                    return true;
                }
                return false;
            case column_type::boolean:
                if (const std::optional<bool> v = detail::parse_bool(text, true)) {
                    col.push_boolean(*v);
                    return true;
                }
                return false;
            case column_type::date:
            case column_type::timestamp: {
                const detail::date_reading d = detail::parse_date_time(detail::trim_blanks(text), format_ ? &*format_ : nullptr);
                if (d.state != detail::date_reading::status::ok) return false;
                // A date column keeps the day of a date-time.
                col.push_number(t.type == column_type::date ? static_cast<double>(static_cast<std::int64_t>(d.serial)) : d.serial);
                return true;
            }
            case column_type::text: break;
        }
        return false;
    }

    /// Marks a record bad because `text` does not fit the column of `t`, saying what the column expects.
    void misfit_value(std::size_t r, const target& t, std::string_view text) {
        switch (t.type) {
            case column_type::number: misfit(r, t, text, "expects a number"); return;
            case column_type::boolean: misfit(r, t, text, "expects a bool (true or false)"); return;
            case column_type::date:
            case column_type::timestamp: {
                const bool out_of_range = detail::parse_date_time(detail::trim_blanks(text), format_ ? &*format_ : nullptr).state ==
                                          detail::date_reading::status::out_of_range;
                const bool date = t.type == column_type::date;
                if (out_of_range)
                    misfit(r, t, text, date ? "expects a date from 1900-01-01 to 9999-12-31"
                                            : "expects a timestamp from 1900-01-01 to 9999-12-31");
                else
                    misfit(r, t, text, date ? "expects a date" : "expects a timestamp");
                return;
            }
            case column_type::text: return;
        }
    }

    /// Hashes the text column's fields, prefetches their dictionary slots, looks them up, and
    /// checks that strings the dictionary does not hold yet are UTF-8.
    void look_up_texts(std::size_t i, const column& col) {
        const target& t = texts_[i];
        const string_pool& pool = col.dictionary();
        std::uint64_t* hashes = hashes_.data() + i * group_rows;
        std::uint32_t* codes = codes_.data() + i * group_rows;
        std::uint8_t* nulls = text_nulls_.data() + i * group_rows;
        const std::size_t n = group_.size();
        for (std::size_t r = 0; r < n; ++r) {
            if (bad_[r] != 0) continue;
            const std::string_view text = value_of(group_.field(r, t.field));
            nulls[r] = nulls_.contains(text) ? 1 : 0;
            if (nulls[r] != 0) continue;
            hashes[r] = string_pool::hash(text);
            pool.prefetch(hashes[r]);
        }
        for (std::size_t r = 0; r < n; ++r) {
            if (bad_[r] != 0 || nulls[r] != 0) continue;
            const std::string_view text = value_of(group_.field(r, t.field));
            codes[r] = pool.find(text, hashes[r]);
            if (codes[r] == string_pool::npos && !detail::is_valid_utf8(text))
                misfit(r, t, text, "is not valid UTF-8 (only UTF-8 is supported)", false);
        }
    }

    /// Appends the text column's codes, interning new strings (records found bad get placeholders).
    void append_texts(std::size_t i, column& col) {
        const target& t = texts_[i];
        const std::uint64_t* hashes = hashes_.data() + i * group_rows;
        const std::uint32_t* codes = codes_.data() + i * group_rows;
        const std::uint8_t* nulls = text_nulls_.data() + i * group_rows;
        string_pool& pool = *col.shared_dictionary();
        const std::size_t n = group_.size();
        for (std::size_t r = 0; r < n; ++r) {
            if (bad_[r] != 0 || nulls[r] != 0) {
                col.push_null();
                continue;
            }
            // A string new to the dictionary may occur twice in a group: intern looks again.
            col.push_code(codes[r] != string_pool::npos ? codes[r] : pool.intern(value_of(group_.field(r, t.field)), hashes[r]));
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

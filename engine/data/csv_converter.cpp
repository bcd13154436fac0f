// Column-at-a-time conversion of a group of CSV records (see csv_converter.hpp).
#include "csv_converter.hpp"

#include <algorithm>
#include <array>
#include <cstring>

#include "folio/engine/data/time_zone.hpp"

namespace folio::data::detail {
namespace {

constexpr std::size_t prefetch_distance = 16;

// Up to this many strings a dictionary is searched by comparing (lengths first), not hashing:
// grouping columns (regions, statuses, tiers) hold a handful of values.
constexpr std::uint32_t small_dictionary = 8;

}  // namespace

csv_layout::csv_layout(const csv_options& options_in, table_schema schema_in, bool inferred_in)
    : options(options_in), schema(std::move(schema_in)), inferred(inferred_in), nulls(options_in.null_markers) {
    if (!options.date_format.empty()) {
        std::string error;
        format = date_format::compile(options.date_format, error);
    }
    // Parse first, test for a null marker only when parsing fails, unless a marker would parse.
    markers_first[static_cast<std::size_t>(column_type::number)] =
        nulls.any_accepted([&](std::string_view m) { return parse_number(m, options.decimal).has_value(); });
    markers_first[static_cast<std::size_t>(column_type::boolean)] =
        nulls.any_accepted([](std::string_view m) { return parse_bool(m, true).has_value(); });
    const bool date_marker = nulls.any_accepted([&](std::string_view m) {
        return parse_date_time(trim_blanks(m), format ? &*format : nullptr).state != date_reading::status::not_a_date;
    });
    markers_first[static_cast<std::size_t>(column_type::date)] = date_marker;
    markers_first[static_cast<std::size_t>(column_type::timestamp)] = date_marker;
}

void csv_layout::place(std::size_t column, std::size_t field) {
    const csv_target t{field, column, schema[column].type};
    (t.type == column_type::text ? texts : typed).push_back(t);
}

std::string csv_layout::row_note(std::uint64_t row) const {
    const std::string n = std::to_string(row);
    return options.header ? " (row " + n + ", counting the header as row 1)" : " (row " + n + ")";
}

csv_converter::csv_converter(const csv_layout& layout) : layout_(layout) {
    findings_.resize(layout.typed.size() + layout.texts.size());
    last_.resize(layout.typed.size());
}

std::size_t csv_converter::convert(const csv_group& group, table& out, bool details, std::vector<pending_issue>& issues) {
    group_ = &group;
    details_ = details;
    const std::size_t n = group.size();
    const std::size_t base = out.row_count();
    const std::size_t texts = layout_.texts.size();
    const std::size_t before = issues.size();
    bad_.assign(n, 0);
    bad_count_ = 0;
    for (std::size_t r = 0; r < n; ++r)
        if (group.width(r) != layout_.expected_fields) wrong_width(r, issues);
    for (findings& f : findings_) {
        f.bad.clear();
        f.issues.clear();
    }
    if (hashes_.size() < texts * n) {
        hashes_.resize(texts * n);
        codes_.resize(texts * n);
        text_nulls_.resize(texts * n);
    }
    for (std::size_t i = 0; i < layout_.typed.size(); ++i)
        convert_typed(layout_.typed[i], out.column_at(layout_.typed[i].column), findings_[i], last_[i]);
    for (std::size_t i = 0; i < texts; ++i)
        look_up_texts(i, out.column_at(layout_.texts[i].column), findings_[layout_.typed.size() + i]);

    // Mark the records the columns found bad, keeping for each its first issue (typed columns first).
    for (findings& f : findings_) {
        for (std::size_t k = 0; k < f.bad.size(); ++k) {  // with messages, f.issues[k] is about f.bad[k]
            const std::uint32_t r = f.bad[k];
            if (bad_[r] != 0) continue;
            bad_[r] = 1;
            ++bad_count_;
            if (details_) issues.push_back(std::move(f.issues[k]));
        }
    }
    for (std::size_t i = 0; i < texts; ++i) append_texts(i, out.column_at(layout_.texts[i].column));
    out.set_row_count(base + n);
    std::stable_sort(issues.begin() + static_cast<std::ptrdiff_t>(before), issues.end(),
                     [](const pending_issue& a, const pending_issue& b) { return a.record < b.record; });
    return bad_count_;
}

void csv_converter::wrong_width(std::size_t r, std::vector<pending_issue>& issues) {
    bad_[r] = 1;
    ++bad_count_;
    if (!details_) return;
    const std::size_t expected = layout_.expected_fields;
    const std::size_t width = group_->width(r);
    const char* where = width > expected ? group_->field(r, expected).start() : group_->field(r, 0).start();
    pending_issue p{r, where,
                    "expected " + std::to_string(expected) + (expected == 1 ? " field" : " fields") + ", found " +
                        std::to_string(width),
                    {}, {}, {}};
    if (!layout_.options.header) p.notes.push_back("without a header, each row has one field per schema column");
    issues.push_back(std::move(p));
}

void csv_converter::misfit(std::size_t r, const csv_target& t, std::string_view text, const char* what, findings& found,
                           bool show_value) {
    found.bad.push_back(static_cast<std::uint32_t>(r));
    if (!details_) return;
    const csv_options& options = layout_.options;
    const std::string& name = layout_.schema[t.column].name;
    const std::string shown = shorten_for_message(text);
    pending_issue p{r, group_->field(r, t.field).start(),
                    "column '" + name + "' " + what + (show_value ? ", found '" + shown + "'" : std::string()), name,
                    show_value ? shown : std::string(), {}};
    if (t.type == column_type::number) {
        const char other = options.decimal == '.' ? ',' : '.';
        if (parse_number(text, other))
            p.notes.push_back(std::string("the decimal separator is '") + options.decimal + "'; set decimal: \"" + other +
                              "\" if the file writes numbers with '" + other + "'");
    }
    if (layout_.inferred && show_value)
        p.notes.push_back("the column's type was inferred from the first " + std::to_string(options.infer_rows) +
                          " rows; declare it in a schema block to read it as another type");
    found.issues.push_back(std::move(p));
}

std::string_view csv_converter::value_of(const csv_field& field) {
    if (!field.doubled_quotes) return field.raw();
    const char quote = layout_.options.quote;
    scratch_.clear();
    const char* p = field.begin;
    const char* end = p + field.size;
    while (p != end) {
        scratch_.push_back(*p);
        p += (*p == quote && p + 1 != end && p[1] == quote) ? 2 : 1;
    }
    return scratch_;
}

bool csv_converter::is_null_marker(std::string_view text) const {
    const null_markers& nulls = layout_.nulls;
    if (nulls.contains(text)) return true;
    if (text.empty()) return false;
    const char f = text.front(), b = text.back();
    return (f == ' ' || f == '\t' || b == ' ' || b == '\t') && nulls.contains(trim_blanks(text));
}

void csv_converter::convert_typed(const csv_target& t, column& col, findings& found, last_value& last) {
    const std::size_t n = group_->size();
    const std::size_t base = col.size();
    col.extend(n);
    const bool markers_first = layout_.markers_first[static_cast<std::size_t>(t.type)];
    double* numbers = stores_numbers(t.type) ? col.mutable_numbers().data() + base : nullptr;
    std::uint8_t* booleans = t.type == column_type::boolean ? col.mutable_booleans().data() + base : nullptr;
    // Dates cost a parse and a calendar computation, and files are often sorted by date:
    // a value equal to the last one converted takes its number.
    const bool remember = t.type == column_type::date || t.type == column_type::timestamp;
    for (std::size_t r = 0; r < n; ++r) {
        if (bad_[r] != 0) {
            col.set_null(base + r);  // a placeholder, removed with the record
            continue;
        }
        const std::string_view text = value_of(group_->field(r, t.field));
        if (remember && last.valid && text == last.text) {
            numbers[r] = last.number;
            continue;
        }
        if (markers_first && is_null_marker(text)) {
            col.set_null(base + r);
            continue;
        }
        if (convert_value(t, text, numbers, booleans, r)) {
            if (remember) {
                last.text.assign(text);
                last.number = numbers[r];
                last.valid = true;
            }
            continue;
        }
        if (!is_null_marker(text)) misfit_value(r, t, text, found);
        col.set_null(base + r);  // a null, or a placeholder for the bad record
    }
}

bool csv_converter::convert_value(const csv_target& t, std::string_view text, double* numbers, std::uint8_t* booleans,
                                  std::size_t r) const {
    switch (t.type) {
        case column_type::number: return parse_number_to(text, layout_.options.decimal, numbers[r]);
        case column_type::boolean:
            if (const std::optional<bool> v = parse_bool(text, true)) {
                booleans[r] = *v ? 1 : 0;
                return true;
            }
            return false;
        case column_type::date:
        case column_type::timestamp: {
            const date_reading d = parse_date_time(trim_blanks(text), layout_.format ? &*layout_.format : nullptr);
            if (d.state != date_reading::status::ok) return false;
            // An instant with an offset in the report's time zone; a date column keeps the (local) day.
            const double serial = d.zoned && layout_.options.zone ? layout_.options.zone->local_from_utc(d.serial) : d.serial;
            numbers[r] = t.type == column_type::date ? static_cast<double>(static_cast<std::int64_t>(serial)) : serial;
            return true;
        }
        case column_type::text: break;
    }
    return false;
}

void csv_converter::misfit_value(std::size_t r, const csv_target& t, std::string_view text, findings& found) {
    switch (t.type) {
        case column_type::number: misfit(r, t, text, "expects a number", found); return;
        case column_type::boolean: misfit(r, t, text, "expects a bool (true or false)", found); return;
        case column_type::date:
        case column_type::timestamp: {
            const bool out_of_range = parse_date_time(trim_blanks(text), layout_.format ? &*layout_.format : nullptr).state ==
                                      date_reading::status::out_of_range;
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

void csv_converter::look_up_texts(std::size_t i, const column& col, findings& found) {
    const csv_target& t = layout_.texts[i];
    const string_pool& pool = col.dictionary();
    const std::size_t n = group_->size();
    std::uint64_t* hashes = hashes_.data() + i * n;
    std::uint32_t* codes = codes_.data() + i * n;
    std::uint8_t* nulls = text_nulls_.data() + i * n;
    if (pool.size() <= small_dictionary) {
        look_up_in_small(i, pool, found);
        return;
    }
    for (std::size_t r = 0; r < n; ++r) {
        if (bad_[r] != 0) continue;
        const std::string_view text = value_of(group_->field(r, t.field));
        nulls[r] = layout_.nulls.contains(text) ? 1 : 0;
        if (nulls[r] == 0) hashes[r] = string_pool::hash(text);
    }
    for (std::size_t r = 0; r < n && r < prefetch_distance; ++r)
        if (bad_[r] == 0 && nulls[r] == 0) pool.prefetch(hashes[r]);
    for (std::size_t r = 0; r < n; ++r) {
        const std::size_t ahead = r + prefetch_distance;
        if (ahead < n && bad_[ahead] == 0 && nulls[ahead] == 0) pool.prefetch(hashes[ahead]);
        if (bad_[r] != 0 || nulls[r] != 0) continue;
        const std::string_view text = value_of(group_->field(r, t.field));
        codes[r] = pool.find(text, hashes[r]);
        if (codes[r] == string_pool::npos && !is_valid_utf8(text))
            misfit(r, t, text, "is not valid UTF-8 (only UTF-8 is supported)", found, false);
    }
}

void csv_converter::look_up_in_small(std::size_t i, const string_pool& pool, findings& found) {
    const csv_target& t = layout_.texts[i];
    const std::size_t n = group_->size();
    std::uint64_t* hashes = hashes_.data() + i * n;
    std::uint32_t* codes = codes_.data() + i * n;
    std::uint8_t* nulls = text_nulls_.data() + i * n;
    std::array<std::string_view, small_dictionary> known;  // stable: nothing is interned until append_texts
    const std::uint32_t size = pool.size();
    for (std::uint32_t c = 0; c < size; ++c) known[c] = pool.at(c);
    for (std::size_t r = 0; r < n; ++r) {
        if (bad_[r] != 0) continue;
        const std::string_view text = value_of(group_->field(r, t.field));
        nulls[r] = layout_.nulls.contains(text) ? 1 : 0;
        if (nulls[r] != 0) continue;
        std::uint32_t code = string_pool::npos;
        for (std::uint32_t c = 0; c < size; ++c) {
            if (known[c].size() == text.size() && std::memcmp(known[c].data(), text.data(), text.size()) == 0) {
                code = c;
                break;
            }
        }
        codes[r] = code;
        if (code != string_pool::npos) continue;
        hashes[r] = string_pool::hash(text);  // append_texts interns it
        if (!is_valid_utf8(text)) misfit(r, t, text, "is not valid UTF-8 (only UTF-8 is supported)", found, false);
    }
}

void csv_converter::append_texts(std::size_t i, column& col) {
    const csv_target& t = layout_.texts[i];
    const std::size_t n = group_->size();
    const std::uint64_t* hashes = hashes_.data() + i * n;
    const std::uint32_t* codes = codes_.data() + i * n;
    const std::uint8_t* nulls = text_nulls_.data() + i * n;
    string_pool& pool = *col.shared_dictionary();
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
        out[r] = codes[r] != string_pool::npos ? codes[r] : pool.intern(value_of(group_->field(r, t.field)), hashes[r]);
    }
}

}  // namespace folio::data::detail

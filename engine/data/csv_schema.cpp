// The columns of a CSV file without reading its rows into a table: the header, and types
// inferred from a sample of the data.
//
// Inference looks at every non-null value of the first `infer_rows` rows of a column: all
// numbers (with the file's decimal separator) make a number column; all ISO dates (or
// dates in the file's date_format) a date column, a timestamp column if any has a time;
// all true/false a bool column; anything else, or no value at all, a text column. Numbers
// win over booleans, so a column of 0 and 1 is a number.
#include <optional>
#include <vector>

#include "csv_scanner.hpp"
#include "folio/engine/data/csv.hpp"
#include "null_markers.hpp"
#include "value_parsing.hpp"

namespace folio::data {
namespace {

/// What the sampled values of one column could all be.
struct column_evidence {
    bool any = false;
    bool numbers = true;
    bool booleans = true;
    bool dates = true;
    bool times = false;

    /// Returns the type these values support.
    column_type type() const {
        if (!any) return column_type::text;
        if (numbers) return column_type::number;
        if (booleans) return column_type::boolean;
        if (dates) return times ? column_type::timestamp : column_type::date;
        return column_type::text;
    }

    /// Tells whether only text is left.
    bool settled() const { return any && !numbers && !booleans && !dates; }
};

/// Returns options that report no progress (sampling is not the load the user watches).
csv_options without_progress(const csv_options& options) {
    csv_options quiet = options;
    quiet.progress = nullptr;
    return quiet;
}

}  // namespace

std::vector<std::string> read_csv_header(const std::filesystem::path& path, const csv_options& options) {
    detail::require_valid_options(path, options);
    const csv_options quiet = without_progress(options);
    detail::csv_scanner scanner(path, quiet);
    return detail::read_header(scanner, quiet, path).names;
}

table_schema infer_csv_schema(const std::filesystem::path& path, const csv_options& options) {
    detail::require_valid_options(path, options);
    const csv_options quiet = without_progress(options);
    detail::csv_scanner scanner(path, quiet);
    const detail::csv_header header = detail::read_header(scanner, quiet, path);
    for (std::size_t i = 0; i < header.offsets.size(); ++i) detail::require_unique_name(scanner, header, i);

    std::optional<detail::date_format> format;
    if (!options.date_format.empty()) {
        std::string error;
        format = detail::date_format::compile(options.date_format, error);
    }
    const detail::null_markers nulls(options.null_markers);
    std::vector<column_evidence> evidence(header.names.size());
    std::vector<detail::csv_field> fields;
    for (std::size_t rows = 0; (options.infer_rows == 0 || rows < options.infer_rows) && scanner.next(fields); ++rows) {
        const std::size_t n = std::min(fields.size(), evidence.size());
        for (std::size_t i = 0; i < n; ++i) {
            column_evidence& e = evidence[i];
            if (e.settled()) continue;
            const std::string_view text = scanner.value(fields[i]);
            if (nulls.contains(text)) continue;
            const std::string_view trimmed = detail::trim_blanks(text);
            if (nulls.contains(trimmed)) continue;
            e.any = true;
            if (e.numbers && !detail::parse_number(trimmed, options.decimal)) e.numbers = false;
            if (e.booleans && !detail::parse_bool(trimmed, false)) e.booleans = false;
            if (e.dates) {
                const detail::date_reading r = detail::parse_date_time(trimmed, format ? &*format : nullptr);
                if (r.state != detail::date_reading::status::ok) e.dates = false;
                else e.times = e.times || r.has_time;
            }
        }
    }
    table_schema schema;
    schema.reserve(header.names.size());
    for (std::size_t i = 0; i < header.names.size(); ++i) schema.push_back(column_spec{header.names[i], evidence[i].type()});
    return schema;
}

}  // namespace folio::data

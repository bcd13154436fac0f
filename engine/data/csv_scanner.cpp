// Record-by-record reading of a CSV file with row counting and located issues, the header,
// and the checks of the options.
#include "csv_scanner.hpp"

#include <algorithm>

#include "value_parsing.hpp"

namespace folio::data::detail {

std::string csv_display_name(const std::filesystem::path& path, const csv_options& options) {
    return options.display_name.empty() ? path.generic_string() : options.display_name;
}

void require_valid_options(const std::filesystem::path& path, const csv_options& options) {
    std::string problem = check_csv_options(options);
    if (!problem.empty()) throw data_error(load_issue{csv_display_name(path, options), 0, 0, 0, {}, {}, std::move(problem), {}});
}

csv_scanner::csv_scanner(const std::filesystem::path& path, const csv_options& options)
    : display_(csv_display_name(path, options)),
      input_(path, display_, options.progress),
      splitter_(options.delimiter, options.quote),
      locator_(path),
      cursor_(input_.begin()) {}

bool csv_scanner::next(std::vector<csv_field>& fields) {
    for (;;) {
        const char* error_at = nullptr;
        const char* p = cursor_;
        fields.clear();
        const split_status status = splitter_.split(p, input_.end(), input_.at_eof(), fields, error_at);
        switch (status) {
            case split_status::record:
                cursor_ = p;
                ++row_;
                return true;
            case split_status::blank_line:
                cursor_ = p;
                ++row_;
                continue;
            case split_status::need_more:
                input_.refill(cursor_);
                cursor_ = input_.begin();
                continue;
            case split_status::end_of_data:
                return false;
            case split_status::unclosed_quote:
            case split_status::text_after_quote:
                malformed(status, error_at);
        }
    }
}

bool csv_scanner::next_group(csv_group& group, std::size_t max) {
    group.fields.clear();
    group.rows.clear();
    group.starts.assign(1, 0);
    while (group.size() < max) {
        const char* error_at = nullptr;
        const char* p = cursor_;
        const std::size_t before = group.fields.size();
        const split_status status = splitter_.split(p, input_.end(), input_.at_eof(), group.fields, error_at);
        switch (status) {
            case split_status::record:
                cursor_ = p;
                group.rows.push_back(++row_);
                group.starts.push_back(static_cast<std::uint32_t>(group.fields.size()));
                continue;
            case split_status::blank_line:
                cursor_ = p;
                ++row_;
                continue;
            case split_status::need_more:
                group.fields.resize(before);
                if (group.size() > 0) return true;  // the group's fields point into the window: refill next time
                input_.refill(cursor_);
                cursor_ = input_.begin();
                continue;
            case split_status::end_of_data:
                group.fields.resize(before);
                return group.size() > 0;
            case split_status::unclosed_quote:
            case split_status::text_after_quote:
                group.fields.resize(before);
                if (group.size() > 0) return true;
                malformed(status, error_at);
        }
    }
    return true;
}

void csv_scanner::malformed(split_status status, const char* error_at) {
    ++row_;
    throw data_error(issue_at(error_at, status == split_status::unclosed_quote
                                            ? "quoted field is not closed before the end of the file"
                                            : "unexpected text after the closing quote of a field"));
}

load_issue csv_scanner::issue_at(const char* where, std::string message, std::uint64_t row) {
    return issue_at_offset(input_.offset_of(where), std::move(message), row);
}

load_issue csv_scanner::issue_at_offset(std::uint64_t offset, std::string message, std::uint64_t row) {
    const text_position at = locator_.locate(offset);
    load_issue issue;
    issue.file = display_;
    issue.line = at.line;
    issue.column = at.column;
    issue.row = row != 0 ? row : row_;
    issue.message = std::move(message);
    return issue;
}

csv_header read_header(csv_scanner& scanner, const csv_options& options, const std::filesystem::path& path) {
    std::vector<csv_field> fields;
    csv_header header;
    if (!options.header) {
        csv_options quiet = options;
        quiet.progress = nullptr;
        csv_scanner peek(path, quiet);
        if (peek.next(fields))
            for (std::size_t i = 0; i < fields.size(); ++i) header.names.push_back("column" + std::to_string(i + 1));
        return header;
    }
    if (!scanner.next(fields))
        throw data_error(load_issue{scanner.display_name(), 0, 0, 0, {}, {}, "the file is empty: there is no header row", {}});
    for (const csv_field& f : fields) {
        std::string name(scanner.value(f));
        if (!is_valid_utf8(name))
            throw data_error(scanner.issue_at(f.start(), "the header is not valid UTF-8 (only UTF-8 is supported)"));
        if (name.empty()) name = "column" + std::to_string(header.names.size() + 1);
        header.names.push_back(std::move(name));
        header.offsets.push_back(scanner.offset_of(f.start()));
    }
    return header;
}

void require_unique_name(csv_scanner& scanner, const csv_header& header, std::size_t index) {
    for (std::size_t j = 0; j < header.names.size(); ++j) {
        if (j == index || header.names[j] != header.names[index]) continue;
        const std::size_t first = std::min(j, index), second = std::max(j, index);
        load_issue issue = scanner.issue_at_offset(header.offsets[second], "column '" + header.names[index] +
                                                                               "' appears twice in the header (fields " +
                                                                               std::to_string(first + 1) + " and " +
                                                                               std::to_string(second + 1) + ")");
        issue.row = 1;
        throw data_error(std::move(issue));
    }
}

}  // namespace folio::data::detail

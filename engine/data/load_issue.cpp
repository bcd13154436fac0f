// Formatting load issues and summaries as compiler-style messages.
#include "folio/engine/data/load_issue.hpp"

namespace folio::data {

std::string load_issue::text(std::string_view severity) const {
    std::string out = file;
    if (line > 0) {
        out += ':' + std::to_string(line);
        if (column > 0) out += ':' + std::to_string(column);
    }
    out += ": ";
    out += severity;
    out += ": ";
    out += message;
    for (const std::string& note : notes) out += "\nnote: " + note;
    return out;
}

data_error::data_error(load_issue issue) : std::runtime_error(issue.text()), issue_(std::move(issue)) {}

std::string load_summary::warning_text() const {
    if (skipped_rows == 0) return {};
    std::string out = file + ": warning: " + std::to_string(skipped_rows) + (skipped_rows == 1 ? " row" : " rows") +
                      " skipped (on_error: skip)";
    for (const load_issue& issue : skipped_examples) {
        load_issue example = issue;
        example.notes.clear();
        out += "\n" + example.text("note");
    }
    if (skipped_rows > skipped_examples.size())
        out += "\nnote: and " + std::to_string(skipped_rows - skipped_examples.size()) + " more";
    return out;
}

}  // namespace folio::data

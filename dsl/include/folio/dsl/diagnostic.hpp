// Compiler-style diagnostics: one struct for every error and warning the front end
// reports, printed as
//
//   report.folio:12:7: error: unknown function 'SUMIFZ'
//      12 | metric total = SUMIFZ(tickets.minutes, ">0")
//         |                ^~~~~~
//   note: did you mean 'SUMIFS'?
//
// Message texts are fixed and lower case so tests can match them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "folio/dsl/source_file.hpp"

namespace folio::dsl {

enum class severity { error, warning, note };

// A related place ("first defined here") or a plain hint ("did you mean 'NPS'?").
struct diagnostic_note {
    std::string message;
    const source_file* file = nullptr;  // null for a note without a place
    source_span span;
};

struct diagnostic {
    severity level = severity::error;
    const source_file* file = nullptr;  // null for a problem with no place (a missing file given on the command line)
    source_span span;
    std::string message;
    std::vector<diagnostic_note> notes;
};

// Collects diagnostics; several per run, sorted by file and position when printed.
class diagnostic_list {
public:
    void add(diagnostic d) { items_.push_back(std::move(d)); }
    diagnostic& error(const source_file* file, source_span span, std::string message);
    diagnostic& warning(const source_file* file, source_span span, std::string message);

    bool has_errors() const;
    std::size_t error_count() const;
    const std::vector<diagnostic>& items() const { return items_; }
    // Sorts by file path, then offset, keeping the order of equal positions.
    void sort();

private:
    std::vector<diagnostic> items_;
};

// Prints diagnostics as text (above), one after another.
std::string format_text(const diagnostic_list& list);
// Prints diagnostics as a JSON array for editors and CI, one diagnostic per line and
// no line break after the closing bracket ("[]" when there are none):
// [{"severity":"error","file":"r.folio","line":12,"column":7,"end_line":12,"end_column":13,
//   "message":"...","notes":[{"message":"...","file":...,"line":...,"column":...}]}]
std::string format_json(const diagnostic_list& list);

// The closest candidate to `name` by edit distance (case-insensitive), if it is close
// enough to be a likely typo; for "did you mean" notes.
std::optional<std::string> closest_match(std::string_view name, const std::vector<std::string>& candidates);

}  // namespace folio::dsl

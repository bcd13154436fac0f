// The renderers: one evaluated report into one file.
//
// Each writes to a temporary file beside `path` and renames it into place, so a failed
// render never leaves a broken or half-written file. Failures throw render_error with a
// message that names the file. Notes are things a user should know about an output that
// was written (a chart type a format cannot show natively, rows cut at Excel's limit):
// the CLI prints them as "note: ..." lines.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "folio/engine/eval/evaluate.hpp"
#include "folio/templates/theme.hpp"

namespace folio::templates {

struct render_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct render_request {
    const report::checked_program& program;
    const eval::program_result& result;      // the whole evaluation (params, base aggregates, formulas)
    const eval::report_result& report;       // the report to render, one of result.reports
    const templates::theme& theme;
    std::string locale;                      // locale_for_report()
    std::vector<std::filesystem::path> template_dirs;  // HTML: user/library template folders, searched first
};

/// Writes the report as an XLSX workbook at `path`; returns the notes.
std::vector<std::string> write_xlsx(const render_request& request, const std::filesystem::path& path);

/// Writes the report as one self-contained HTML file at `path`; returns the notes.
std::vector<std::string> write_html(const render_request& request, const std::filesystem::path& path);

/// Prints the report's HTML to PDF with headless Chromium at `path`; throws render_error saying how to
/// install Chromium when it is missing.
std::vector<std::string> write_pdf(const render_request& request, const std::filesystem::path& path);

}  // namespace folio::templates

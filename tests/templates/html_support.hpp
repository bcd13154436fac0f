// Helpers for the HTML renderer's tests: a report evaluated and rendered to a page in memory,
// golden files under tests/templates/golden (UPDATE_GOLDEN=1 rewrites them), and the page with
// its inline SVG charts cut out (the SVG helper's own tests pin those down).
#pragma once

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <regex>
#include <string>
#include <vector>

#include "eval/eval_support.hpp"
#include "folio/templates/html.hpp"
#include "folio/templates/render.hpp"
#include "folio/templates/theme.hpp"

namespace folio::html_test {

namespace fs = std::filesystem;
using eval_test::evaluation;
using eval_test::temp_dir;

// A report ready to render: its evaluation, theme and request.
struct page_fixture {
    std::unique_ptr<evaluation> e;
    templates::theme theme;
    std::unique_ptr<templates::render_request> request;

    page_fixture(std::unique_ptr<evaluation> evaluated, const std::string& report, std::vector<fs::path> template_dirs = {})
        : e(std::move(evaluated)) {
        INFO(e->text());
        REQUIRE_FALSE(e->diagnostics.has_errors());
        const eval::report_result& r = e->report(report);
        const report::report& declared = e->model.reports.at(r.report);
        dsl::diagnostic_list problems;
        theme = templates::theme_for_report(e->model, declared, problems);
        REQUIRE_FALSE(problems.has_errors());
        request = std::make_unique<templates::render_request>(templates::render_request{
            e->model, e->result, r, theme, templates::locale_for_report(declared, theme), std::move(template_dirs)});
    }

    std::string page(std::vector<std::string>* notes_out = nullptr) const {
        std::vector<std::string> notes;
        std::string text = templates::render_html(*request, notes);
        if (notes_out != nullptr) *notes_out = notes;
        return text;
    }
};

inline page_fixture example(const std::string& report) {
    return page_fixture(eval_test::evaluate_file(eval_test::source_dir() / "examples/customer-health/report.folio"), report);
}

// The page with every <svg>...</svg> replaced by <svg/>.
inline std::string without_svg(const std::string& page) {
    std::string out;
    std::size_t at = 0;
    while (true) {
        const std::size_t open = page.find("<svg", at);
        if (open == std::string::npos) break;
        const std::size_t close = page.find("</svg>", open);
        if (close == std::string::npos) break;
        out += page.substr(at, open - at) + "<svg/>";
        at = close + 6;
    }
    return out + page.substr(at);
}

// Compares `text` with golden file `name`; UPDATE_GOLDEN=1 writes it instead.
inline void check_golden(const std::string& name, const std::string& text) {
    const fs::path path = eval_test::source_dir() / "tests/templates/golden" / name;
    if (const char* update = std::getenv("UPDATE_GOLDEN"); update != nullptr && std::string(update) == "1") {
        fs::create_directories(path.parent_path());
        std::ofstream(path, std::ios::binary) << text;
        SUCCEED("updated " << path.string());
        return;
    }
    const std::string expected = eval_test::read_text(path);
    REQUIRE_FALSE(expected.empty());
    if (text != expected) {
        // Show the first differing line rather than two large pages.
        std::size_t line = 1, at = 0;
        while (at < text.size() && at < expected.size() && text[at] == expected[at]) {
            if (text[at] == '\n') ++line;
            ++at;
        }
        auto line_of = [&](const std::string& s) {
            const std::size_t start = s.rfind('\n', at == 0 ? 0 : at - 1);
            const std::size_t begin = start == std::string::npos ? 0 : start + 1;
            return s.substr(begin, s.find('\n', begin) - begin);
        };
        FAIL(name << " differs at line " << line << "\n  expected: " << line_of(expected) << "\n  actual:   " << line_of(text)
                  << "\n(UPDATE_GOLDEN=1 rewrites the golden files)");
    }
}

inline std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

}  // namespace folio::html_test

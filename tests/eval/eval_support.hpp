// Helpers for the evaluation tests: a temporary folder holding a report and its data,
// a program loaded, checked and evaluated from it, and short ways to read a table
// cell or a KPI tile of the result.
#pragma once

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "folio/dsl/diagnostic.hpp"
#include "folio/dsl/module_loader.hpp"
#include "folio/engine/eval/evaluate.hpp"
#include "folio/engine/report/checker.hpp"
#include "folio/stdlib/builtins.hpp"

namespace folio::eval_test {

namespace fs = std::filesystem;

inline fs::path source_dir() { return fs::path(FOLIO_SOURCE_DIR); }

// A fresh folder below the system temp folder, removed at the end of the test.
class temp_dir {
public:
    temp_dir() {
        static std::atomic<unsigned> counter{0};
        const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
        path_ = fs::temp_directory_path() /
                ("folio-eval-" + std::to_string(::getpid()) + "-" + std::to_string(stamp) + "-" + std::to_string(counter++));
        fs::create_directories(path_);
    }
    ~temp_dir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    temp_dir(const temp_dir&) = delete;
    temp_dir& operator=(const temp_dir&) = delete;

    const fs::path& path() const { return path_; }

    // Writes `text` to `name` (folders made as needed) and returns its path.
    fs::path write(const std::string& name, const std::string& text) const {
        const fs::path p = path_ / name;
        fs::create_directories(p.parent_path());
        std::ofstream out(p, std::ios::binary);
        out << text;
        return p;
    }

private:
    fs::path path_;
};

inline std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// A program loaded from a file, checked and evaluated, with everything kept alive.
struct evaluation {
    dsl::diagnostic_list diagnostics;   // loading and checking
    dsl::loaded_program program;
    report::checked_program model;
    dsl::diagnostic_list problems;      // evaluation
    eval::program_result result;
    fs::path folder;

    // The diagnostics of loading and checking, then of evaluation, with the folder shown as "".
    std::string text() const {
        std::string out = dsl::format_text(diagnostics) + dsl::format_text(problems);
        for (const data::load_issue& issue : result.data_errors) out += issue.text() + "\n";
        const std::string prefix = folder.string() + "/";
        for (std::size_t at = out.find(prefix); at != std::string::npos; at = out.find(prefix, at)) out.erase(at, prefix.size());
        return out;
    }

    const eval::report_result& report(const std::string& name) const {
        for (const eval::report_result& r : result.reports)
            if (r.name == name) return r;
        throw std::runtime_error("no report " + name);
    }
};

// Loads, checks and evaluates the report file `path` (stdlib from the source tree).
inline std::unique_ptr<evaluation> evaluate_file(const fs::path& path, eval::evaluate_options options = {}) {
    auto e = std::make_unique<evaluation>();
    e->folder = path.parent_path();
    dsl::library_paths paths;
    paths.stdlib_dir = source_dir() / "stdlib";
    paths.use_folio_path = false;
    e->program = dsl::load_program(path, paths, e->diagnostics);
    e->model = report::check_program(e->program, builtin_functions(), e->diagnostics);
    if (e->diagnostics.has_errors()) return e;
    e->result = eval::evaluate_program(e->model, options, e->problems);
    return e;
}

// Writes `folio` as report.folio in `dir` and evaluates it.
inline std::unique_ptr<evaluation> evaluate_text(const temp_dir& dir, const std::string& folio,
                                                 eval::evaluate_options options = {}) {
    return evaluate_file(dir.write("report.folio", folio), std::move(options));
}

// The value of `metric` in the row of `table` whose dimension labels are `labels`; #N/A text when there is none.
inline value cell(const eval::report_result& r, std::size_t table, const std::vector<std::string>& labels,
                  const std::string& metric) {
    const eval::table_result& t = r.tables.at(table);
    for (const eval::table_row& row : t.rows) {
        bool match = row.dims.size() == labels.size();
        for (std::size_t i = 0; match && i < labels.size(); ++i) match = row.dims[i].label == labels[i];
        if (!match) continue;
        for (std::size_t m = 0; m < t.metrics.size(); ++m)
            if (r.metrics[t.metrics[m]].name == metric) return row.values[m];
    }
    return value("no such cell");
}

// The labels of the rows of a table, one string per row ("EMEA", "2024-01|Gold").
inline std::vector<std::string> row_labels(const eval::report_result& r, std::size_t table) {
    std::vector<std::string> out;
    for (const eval::table_row& row : r.tables.at(table).rows) {
        std::string label;
        for (std::size_t i = 0; i < row.dims.size(); ++i) label += (i ? "|" : "") + row.dims[i].label;
        out.push_back(label);
    }
    return out;
}

// The KPI tile of `metric`.
inline const eval::kpi_tile& tile(const eval::report_result& r, const std::string& metric) {
    for (const eval::kpi_tile& t : r.kpis)
        if (r.metrics[t.metric].name == metric) return t;
    throw std::runtime_error("no tile " + metric);
}

}  // namespace folio::eval_test

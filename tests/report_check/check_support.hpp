// Helpers for the checker tests: load a report (from a file or from text) with the
// repository's stdlib folder and the cases' library folder, check it with the built-in
// functions, and print the diagnostics with stable, repository-relative paths.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "folio/dsl/diagnostic.hpp"
#include "folio/dsl/module_loader.hpp"
#include "folio/engine/report/checker.hpp"
#include "folio/stdlib/builtins.hpp"

namespace folio::test {

inline std::filesystem::path source_dir() {
    return std::filesystem::path(FOLIO_SOURCE_DIR);
}

inline std::filesystem::path cases_dir() {
    return source_dir() / "tests" / "report_check" / "cases";
}

// The paths the tests load with: stdlib/ for `import "cx"`, cases/lib for libraries.
inline dsl::library_paths test_paths() {
    dsl::library_paths paths;
    paths.stdlib_dir = source_dir() / "stdlib";
    paths.lib_dirs.push_back(cases_dir() / "lib");
    paths.use_folio_path = false;
    return paths;
}

inline std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// Replaces every `from` in `text` with `to`.
inline std::string replace_all(std::string text, const std::string& from, const std::string& to) {
    if (from.empty()) return text;
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

// One checked program and everything it needs kept alive.
struct checked {
    dsl::diagnostic_list diagnostics;
    dsl::loaded_program program;
    report::checked_program model;

    // The diagnostics as text, with the cases folder and the stdlib folder shown relative.
    std::string text() const {
        std::string out = dsl::format_text(diagnostics);
        out = replace_all(out, cases_dir().string() + "/", "");
        out = replace_all(out, cases_dir().string(), "cases");
        out = replace_all(out, (source_dir() / "stdlib").string() + "/", "stdlib/");
        out = replace_all(out, (source_dir() / "stdlib").string(), "stdlib");
        return out;
    }
    std::size_t warnings() const {
        std::size_t n = 0;
        for (const auto& d : diagnostics.items()) n += d.level == dsl::severity::warning ? 1 : 0;
        return n;
    }
};

// Loads and checks `text` as the file `name` in the cases folder.
inline std::unique_ptr<checked> check_text(const std::string& name, std::string text) {
    auto out = std::make_unique<checked>();
    out->program = dsl::load_program_text(name, std::move(text), cases_dir(), test_paths(), out->diagnostics);
    out->model = report::check_program(out->program, builtin_functions(), out->diagnostics);
    return out;
}

// Loads and checks the file at `path`.
inline std::unique_ptr<checked> check_file(const std::filesystem::path& path) {
    auto out = std::make_unique<checked>();
    out->program = dsl::load_program(path, test_paths(), out->diagnostics);
    out->model = report::check_program(out->program, builtin_functions(), out->diagnostics);
    return out;
}

}  // namespace folio::test

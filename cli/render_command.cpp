// `folio render FILE [--report NAME]... [--format json,xlsx,html] [--out DIR]
// [--param NAME=VALUE]... [--keep-going] [--lib DIR]... [--explain]`: loads and checks a report
// program like `folio check`, evaluates the selected reports and writes
// DIR/<report>.<format> (DIR defaults to out/). Without --format each report renders
// in the formats of its `output:` setting (json when it has none), in the theme the
// report names.
// Exit status: 0 when everything was written, 1 on errors (check, data, output) and on
// failed expectations unless --keep-going, 2 for a bad command line.
#include "render_command.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <ostream>
#include <unistd.h>

#include "check_command.hpp"
#include "folio/dsl/diagnostic.hpp"
#include "folio/dsl/module_loader.hpp"
#include "folio/engine/eval/evaluate.hpp"
#include "folio/engine/eval/explain.hpp"
#include "folio/engine/eval/json_output.hpp"
#include "folio/engine/report/checker.hpp"
#include "folio/stdlib/builtins.hpp"
#include "folio/templates/render.hpp"
#include "folio/templates/theme.hpp"

namespace folio::cli {
namespace {

namespace fs = std::filesystem;

constexpr const char* render_usage =
    "usage: folio render FILE [--report NAME]... [--format json,xlsx,html] [--out DIR]\n"
    "                         [--param NAME=VALUE]... [--keep-going] [--lib DIR]... [--explain]\n";

struct render_options {
    std::string file;
    std::vector<std::string> reports;
    std::vector<report::output_format> formats;  // empty: each report's own
    fs::path out = "out";
    std::vector<std::pair<std::string, std::string>> params;
    bool keep_going = false;
    bool explain = false;  // print the SQL each database source was sent
    std::vector<fs::path> lib_dirs;
};

// Reads a comma list of formats; false (after a message) for an unknown one.
bool parse_formats(const std::string& list, std::vector<report::output_format>& out, std::ostream& err) {
    std::size_t start = 0;
    while (start <= list.size()) {
        const std::size_t comma = std::min(list.find(',', start), list.size());
        const std::string name = list.substr(start, comma - start);
        start = comma + 1;
        if (name.empty()) continue;
        bool found = false;
        for (auto f : {report::output_format::xlsx, report::output_format::html, report::output_format::json,
                       report::output_format::pdf}) {
            if (report::output_format_name(f) != name) continue;
            if (std::find(out.begin(), out.end(), f) == out.end()) out.push_back(f);
            found = true;
        }
        if (!found) {
            err << "folio render: unknown format '" << name << "' (the formats are json, xlsx, html and pdf)\n";
            return false;
        }
    }
    if (out.empty()) {
        err << "folio render: --format needs at least one format\n";
        return false;
    }
    return true;
}

// Reads the command line into `opts`; false (after a message on `err`) if it is wrong.
bool parse_arguments(const std::vector<std::string>& args, render_options& opts, std::ostream& err) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string a = args[i];
        std::string value;
        bool has_value = false;
        if (a.rfind("--", 0) == 0) {
            if (const std::size_t eq = a.find('='); eq != std::string::npos) {
                value = a.substr(eq + 1);
                a = a.substr(0, eq);
                has_value = true;
            }
        }
        const bool takes_value = a == "--report" || a == "--format" || a == "--out" || a == "--param" || a == "--lib";
        if (takes_value && !has_value) {
            if (i + 1 == args.size()) {
                err << "folio render: " << a << " needs a value\n" << render_usage;
                return false;
            }
            value = args[++i];
        }
        if (a == "--report") {
            opts.reports.push_back(value);
        } else if (a == "--format") {
            if (!parse_formats(value, opts.formats, err)) return false;
        } else if (a == "--out") {
            opts.out = value;
        } else if (a == "--lib") {
            opts.lib_dirs.emplace_back(value);
        } else if (a == "--param") {
            const std::size_t eq = value.find('=');
            if (eq == std::string::npos || eq == 0) {
                err << "folio render: --param expects NAME=VALUE, found '" << value << "'\n";
                return false;
            }
            opts.params.emplace_back(value.substr(0, eq), value.substr(eq + 1));
        } else if (a == "--keep-going" && !has_value) {
            opts.keep_going = true;
        } else if (a == "--explain" && !has_value) {
            opts.explain = true;
        } else if (a == "--help" || a == "-h") {
            err << render_usage;
            return false;
        } else if (a.size() > 1 && a[0] == '-') {
            err << "folio render: unknown option '" << args[i] << "'\n" << render_usage;
            return false;
        } else if (!opts.file.empty()) {
            err << "folio render: one file at a time\n" << render_usage;
            return false;
        } else {
            opts.file = a;
        }
    }
    if (opts.file.empty()) {
        err << "folio render: no file given\n" << render_usage;
        return false;
    }
    return true;
}

// The template folders of the --lib libraries: each one's templates/ folder, whose
// partials and pages override the built-in ones (docs/html-templates.md).
std::vector<fs::path> library_templates(const std::vector<fs::path>& lib_dirs) {
    std::vector<fs::path> dirs;
    std::error_code ec;
    for (const fs::path& lib : lib_dirs)
        if (fs::is_directory(lib / "templates", ec)) dirs.push_back(lib / "templates");
    return dirs;
}

// Writes report `r` in format `f` at `path`; returns the renderer's notes.
std::vector<std::string> write_output(report::output_format f, const templates::render_request& request,
                                      const fs::path& path) {
    switch (f) {
        case report::output_format::json: eval::write_report_json(request.report, path); return {};
        case report::output_format::xlsx: return templates::write_xlsx(request, path);
        case report::output_format::html: return templates::write_html(request, path);
        case report::output_format::pdf: return templates::write_pdf(request, path);
    }
    return {};
}

// Shows the progress of long loads on a terminal: "loading surveys: 42%".
void show_progress(std::string_view source, std::uint64_t done, std::uint64_t total) {
    if (total == 0) return;
    const auto percent = static_cast<int>(100.0 * static_cast<double>(done) / static_cast<double>(total));
    std::fprintf(stderr, "\rloading %.*s: %3d%%", static_cast<int>(source.size()), source.data(), percent);
    if (done >= total) std::fprintf(stderr, "\r\033[K");
    std::fflush(stderr);
}

}  // namespace

int render_command(const std::vector<std::string>& args, std::istream&, std::ostream& out, std::ostream& err) {
    render_options opts;
    if (!parse_arguments(args, opts, err)) return 2;

    dsl::library_paths paths;
    paths.stdlib_dir = stdlib_dir();
    paths.lib_dirs = opts.lib_dirs;
    dsl::diagnostic_list diagnostics;
    const dsl::loaded_program program = dsl::load_program(opts.file, paths, diagnostics);
    const report::checked_program model = report::check_program(program, builtin_functions(), diagnostics);
    print_diagnostics(diagnostics, false, out, err);
    if (diagnostics.has_errors()) return 1;

    eval::evaluate_options options;
    options.reports = opts.reports;
    options.params = opts.params;
    // FOLIO_PUSHDOWN=0 reads database sources row by row, to compare with pushdown (docs/scaling.md).
    if (const char* pushdown = std::getenv("FOLIO_PUSHDOWN"); pushdown != nullptr)
        options.pushdown = std::string_view(pushdown) != "0" && std::string_view(pushdown) != "off";
    if (::isatty(2)) options.progress = show_progress;
    dsl::diagnostic_list problems;
    const eval::program_result result = eval::evaluate_program(model, options, problems);
    print_diagnostics(problems, false, out, err);
    if (opts.explain) out << eval::explain_sources(result);
    for (const data::load_issue& issue : result.data_errors) err << issue.text() << '\n';
    for (const eval::source_summary& s : result.sources)
        if (!s.warning.empty()) err << s.warning << (s.warning.back() == '\n' ? "" : "\n");
    if (!result.ok) return 1;

    std::error_code ec;
    fs::create_directories(opts.out, ec);
    if (ec) {
        err << "folio render: cannot create " << opts.out.string() << ": " << ec.message() << '\n';
        return 1;
    }
    bool failed = false;
    for (const eval::report_result& r : result.reports) {
        std::vector<report::output_format> formats = opts.formats;
        if (formats.empty()) formats = r.outputs_set ? r.outputs : std::vector{report::output_format::json};
        const report::report& declared = model.reports[r.report];
        dsl::diagnostic_list theme_problems;
        const templates::theme theme = templates::theme_for_report(model, declared, theme_problems);
        print_diagnostics(theme_problems, false, out, err);
        if (theme_problems.has_errors()) {
            failed = true;
            continue;
        }
        const templates::render_request request{model, result, r, theme, templates::locale_for_report(declared, theme),
                                                library_templates(opts.lib_dirs)};
        for (report::output_format f : formats) {
            const fs::path path = opts.out / (r.name + "." + std::string(report::output_format_name(f)));
            try {
                for (const std::string& note : write_output(f, request, path))
                    err << "folio render: note: " << note << '\n';
                out << "wrote " << path.string() << '\n';
            } catch (const std::exception& e) {
                err << "folio render: " << e.what() << '\n';
                failed = true;
            }
        }
    }
    if (failed) return 1;
    if (result.failed_expects > 0 && !opts.keep_going) return 1;
    return 0;
}

}  // namespace folio::cli

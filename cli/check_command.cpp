// `folio check FILE [--lib DIR]... [--diagnostics=text|json]`: loads a report and its
// imports, checks it, and prints the diagnostics sorted by file and position — as
// compiler text on stderr, or as a JSON array on stdout. Exit status 1 on any error,
// 0 otherwise (warnings allowed), 2 for a bad command line. FILE `-` reads stdin.
#include "check_command.hpp"

#include <cstdlib>
#include <filesystem>
#include <iterator>
#include <ostream>
#include <sstream>

#include "folio/dsl/diagnostic.hpp"
#include "folio/dsl/module_loader.hpp"
#include "folio/engine/report/checker.hpp"
#include "folio/stdlib/builtins.hpp"

namespace folio::cli {
namespace {

namespace fs = std::filesystem;

constexpr const char* check_usage = "usage: folio check FILE|- [--lib DIR]... [--diagnostics=text|json]\n";

struct check_options {
    std::string file;
    std::vector<fs::path> lib_dirs;
    bool json = false;
};

// Reads the command line into `opts`; false (after a message on `err`) if it is wrong.
bool parse_arguments(const std::vector<std::string>& args, check_options& opts, std::ostream& err) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--lib" || a == "--diagnostics") {
            if (i + 1 == args.size()) {
                err << "folio check: " << a << " needs a value\n" << check_usage;
                return false;
            }
            const std::string& value = args[++i];
            if (a == "--lib") opts.lib_dirs.emplace_back(value);
            else if (!diagnostics_format(value, opts.json, err)) return false;
        } else if (a.rfind("--lib=", 0) == 0) {
            opts.lib_dirs.emplace_back(a.substr(6));
        } else if (a.rfind("--diagnostics=", 0) == 0) {
            if (!diagnostics_format(a.substr(14), opts.json, err)) return false;
        } else if (a == "--help" || a == "-h") {
            err << check_usage;
            return false;
        } else if (a.size() > 1 && a[0] == '-') {
            err << "folio check: unknown option '" << a << "'\n" << check_usage;
            return false;
        } else if (!opts.file.empty()) {
            err << "folio check: one file at a time\n" << check_usage;
            return false;
        } else {
            opts.file = a;
        }
    }
    if (opts.file.empty()) {
        err << "folio check: no file given\n" << check_usage;
        return false;
    }
    return true;
}

}  // namespace

bool diagnostics_format(const std::string& value, bool& json, std::ostream& err) {
    if (value == "text" || value == "json") {
        json = value == "json";
        return true;
    }
    err << "folio: --diagnostics must be 'text' or 'json', not '" << value << "'\n";
    return false;
}

fs::path stdlib_dir() {
    if (const char* env = std::getenv("FOLIO_STDLIB_DIR"); env && *env) return env;
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const fs::path installed = exe.parent_path().parent_path() / "share" / "folio" / "stdlib";
        if (fs::exists(installed / "cx.folio", ec)) return installed;
    }
#ifdef FOLIO_SOURCE_STDLIB_DIR
    if (fs::exists(fs::path(FOLIO_SOURCE_STDLIB_DIR) / "cx.folio", ec)) return FOLIO_SOURCE_STDLIB_DIR;
#endif
#ifdef FOLIO_INSTALLED_STDLIB_DIR
    return FOLIO_INSTALLED_STDLIB_DIR;
#else
    return {};
#endif
}

void print_diagnostics(dsl::diagnostic_list& diagnostics, bool json, std::ostream& out, std::ostream& err) {
    diagnostics.sort();
    if (json) out << dsl::format_json(diagnostics) << '\n';
    else err << dsl::format_text(diagnostics);
}

int check_command(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err) {
    check_options opts;
    if (!parse_arguments(args, opts, err)) return 2;
    dsl::library_paths paths;
    paths.stdlib_dir = stdlib_dir();
    paths.lib_dirs = opts.lib_dirs;
    dsl::diagnostic_list diagnostics;
    dsl::loaded_program program;
    if (opts.file == "-") {
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        std::error_code ec;
        fs::path here = fs::current_path(ec);
        program = dsl::load_program_text("<stdin>", std::move(text), here, paths, diagnostics);
    } else {
        program = dsl::load_program(opts.file, paths, diagnostics);
    }
    if (!program.modules.empty()) report::check_program(program, builtin_functions(), diagnostics);
    print_diagnostics(diagnostics, opts.json, out, err);
    return diagnostics.has_errors() ? 1 : 0;
}

}  // namespace folio::cli

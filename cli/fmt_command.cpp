// `folio fmt FILE [--diagnostics=text|json]` prints the canonical layout of a report
// definition; `folio fmt --write FILE...` rewrites files in place (through a temporary
// file in the same folder, renamed over the original, and only when something
// changes); `folio fmt --check FILE...` lists on stdout the files that are not in
// canonical layout and exits 1 if there are any. A file with syntax errors prints
// its diagnostics, exits 1 and is never rewritten. FILE `-` reads stdin.
//
// Before anything is written the output is parsed again and compared with the input
// (same declarations and comments), so a formatter bug can never change a file's
// meaning: it ends in an internal error instead.
#include "fmt_command.hpp"

#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <memory>
#include <ostream>
#include <sstream>

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check_command.hpp"
#include "folio/dsl/report_formatter.hpp"
#include "folio/dsl/report_parser.hpp"

namespace folio::cli {
namespace {

namespace fs = std::filesystem;

constexpr const char* fmt_usage =
    "usage: folio fmt FILE|- [--diagnostics=text|json]\n"
    "       folio fmt --write FILE...\n"
    "       folio fmt --check FILE...|-\n";

enum class fmt_mode { print, write, check };

struct fmt_options {
    fmt_mode mode = fmt_mode::print;
    std::vector<std::string> files;
    bool json = false;
};

// Reads the command line into `opts`; false (after a message on `err`) if it is wrong.
bool parse_arguments(const std::vector<std::string>& args, fmt_options& opts, std::ostream& err) {
    bool write = false, check = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--write" || a == "-w") {
            write = true;
        } else if (a == "--check") {
            check = true;
        } else if (a == "--diagnostics") {
            if (i + 1 == args.size()) {
                err << "folio fmt: --diagnostics needs a value\n" << fmt_usage;
                return false;
            }
            if (!diagnostics_format(args[++i], opts.json, err)) return false;
        } else if (a.rfind("--diagnostics=", 0) == 0) {
            if (!diagnostics_format(a.substr(14), opts.json, err)) return false;
        } else if (a.size() > 1 && a[0] == '-') {
            err << "folio fmt: unknown option '" << a << "'\n" << fmt_usage;
            return false;
        } else {
            opts.files.push_back(a);
        }
    }
    if (write && check) {
        err << "folio fmt: --write and --check cannot be used together\n" << fmt_usage;
        return false;
    }
    opts.mode = write ? fmt_mode::write : check ? fmt_mode::check : fmt_mode::print;
    if (opts.files.empty()) {
        err << "folio fmt: no file given\n" << fmt_usage;
        return false;
    }
    if (opts.mode == fmt_mode::print && opts.files.size() > 1) {
        err << "folio fmt: one file at a time (or --write / --check)\n" << fmt_usage;
        return false;
    }
    if (opts.mode == fmt_mode::write)
        for (const auto& f : opts.files)
            if (f == "-") {
                err << "folio fmt: --write needs files, not stdin\n" << fmt_usage;
                return false;
            }
    return true;
}

// The system's reason for the last failure, in lower case like every message.
std::string last_error() {
    std::string reason = std::strerror(errno);
    if (!reason.empty()) reason[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(reason[0])));
    return reason;
}

// Reads a whole file into `text`; on failure returns the reason.
std::string read_file(const std::string& path, std::string& text) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) return "is a directory";
    errno = 0;
    std::ifstream file(path, std::ios::binary);
    if (!file) return errno ? last_error() : "cannot open";
    text.assign(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
    if (file.bad()) return errno ? last_error() : "read error";
    return {};
}

// Writes `text` to a new file beside `file` and renames it over `file` (over the file
// a symlink points to, keeping the link), keeping the file's permissions; on failure
// returns the reason and leaves `file` untouched.
std::string replace_file(const std::string& file, const std::string& text) {
    std::error_code ec;
    const fs::path target = fs::is_symlink(file, ec) ? fs::canonical(file, ec) : fs::path(file);
    if (ec) return ec.message();
    const std::string path = target.string();
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::string temp = (folder / ("." + target.filename().string() + ".fmt-XXXXXX")).string();
    const int fd = ::mkstemp(temp.data());
    if (fd < 0) return last_error();
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0) ::fchmod(fd, st.st_mode & 07777);
    std::size_t written = 0;
    while (written < text.size()) {
        const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            const std::string reason = last_error();
            ::close(fd);
            ::unlink(temp.c_str());
            return reason;
        }
        written += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        const std::string reason = last_error();
        ::unlink(temp.c_str());
        return reason;
    }
    if (::rename(temp.c_str(), path.c_str()) != 0) {
        const std::string reason = last_error();
        ::unlink(temp.c_str());
        return reason;
    }
    return {};
}

// Formats one file according to `opts`; returns its exit status (0 or 1).
int format_one(const std::string& file, const fmt_options& opts, std::istream& in, std::ostream& out,
               std::ostream& err) {
    dsl::diagnostic_list diagnostics;
    std::string text;
    const bool from_stdin = file == "-";
    if (from_stdin) {
        text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    } else if (const std::string failure = read_file(file, text); !failure.empty()) {
        diagnostics.error(nullptr, {}, "cannot read '" + file + "': " + failure);
        print_diagnostics(diagnostics, opts.json, out, err);
        return 1;
    }
    auto source = std::make_shared<const dsl::source_file>(from_stdin ? "<stdin>" : file, text);
    const dsl::report_module module = dsl::parse_report(source, diagnostics);
    if (diagnostics.has_errors()) {
        print_diagnostics(diagnostics, opts.json, out, err);
        return 1;
    }
    const std::string formatted = dsl::format_report(module);

    // The promise: the output parses to the same declarations and comments.
    dsl::diagnostic_list again_diagnostics;
    auto again_source = std::make_shared<const dsl::source_file>(source->path(), formatted);
    const dsl::report_module again = dsl::parse_report(again_source, again_diagnostics);
    if (again_diagnostics.has_errors() || !dsl::same_syntax(module, again)) {
        err << "folio fmt: internal error: the canonical layout of '" << source->path()
            << "' would change its meaning; the file is left as it is\n";
        return 1;
    }

    switch (opts.mode) {
        case fmt_mode::print: out << formatted; return 0;
        case fmt_mode::check:
            if (formatted == text) return 0;
            out << source->path() << '\n';
            return 1;
        case fmt_mode::write: {
            if (formatted == text) return 0;
            const std::string failure = replace_file(file, formatted);
            if (failure.empty()) return 0;
            diagnostics.error(nullptr, {}, "cannot write '" + file + "': " + failure);
            print_diagnostics(diagnostics, opts.json, out, err);
            return 1;
        }
    }
    return 1;
}

}  // namespace

int fmt_command(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err) {
    fmt_options opts;
    if (!parse_arguments(args, opts, err)) return 2;
    int status = 0;
    for (const std::string& file : opts.files)
        if (format_one(file, opts, in, out, err) != 0) status = 1;
    return status;
}

}  // namespace folio::cli

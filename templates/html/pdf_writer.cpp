// write_pdf (see render.hpp): the report's HTML page printed by headless Chromium. The page is
// written to a private temporary folder, Chromium prints it to a temporary PDF beside the target
// (no network: the page has none to ask for, and background networking is off), and the PDF is
// renamed into place. Chromium is run directly (no shell), with a time limit.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <thread>

#include "folio/templates/html.hpp"
#include "folio/templates/render.hpp"
#include "folio/engine/output_file.hpp"

extern char** environ;

namespace folio::templates {
namespace {

namespace fs = std::filesystem;

const char* install_hint = "PDF output needs Chromium: apt-get install chromium (or set FOLIO_CHROMIUM to its path)";

bool is_executable(const fs::path& p) {
    std::error_code ec;
    return fs::is_regular_file(p, ec) && ::access(p.c_str(), X_OK) == 0;
}

// FOLIO_CHROMIUM, else chromium, chromium-browser, google-chrome on PATH; empty when there is none.
fs::path find_chromium() {
    if (const char* env = std::getenv("FOLIO_CHROMIUM"); env != nullptr && *env != '\0') return is_executable(env) ? fs::path(env) : fs::path();
    const char* path = std::getenv("PATH");
    const std::string dirs = path != nullptr ? path : "/usr/bin:/bin";
    for (const char* name : {"chromium", "chromium-browser", "google-chrome"}) {
        std::size_t start = 0;
        while (start <= dirs.size()) {
            std::size_t end = dirs.find(':', start);
            if (end == std::string::npos) end = dirs.size();
            const fs::path candidate = fs::path(dirs.substr(start, end - start)) / name;
            if (end > start && is_executable(candidate)) return candidate;
            start = end + 1;
        }
    }
    return {};
}

// A private temporary folder, removed when it goes out of scope.
class temp_folder {
public:
    temp_folder() {
        std::string pattern = (fs::temp_directory_path() / "folio-pdf-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) throw render_error("cannot create a temporary folder for the PDF");
        path_ = pattern;
    }
    ~temp_folder() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    temp_folder(const temp_folder&) = delete;
    temp_folder& operator=(const temp_folder&) = delete;
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

// Runs `args` with stdout and stderr into `log`; returns the exit status, or -1 after killing it at the time limit.
int run(const std::vector<std::string>& args, const fs::path& log, std::chrono::seconds limit) {
    std::vector<char*> argv;
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    pid_t pid = 0;
    const int started = ::posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (started != 0) return -2;
    const auto deadline = std::chrono::steady_clock::now() + limit;
    int status = 0;
    while (true) {
        const pid_t done = ::waitpid(pid, &status, WNOHANG);
        if (done == pid) return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
        if (done < 0) return -2;
        if (std::chrono::steady_clock::now() > deadline) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            return -1;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

std::string tail_of(const fs::path& log) {
    std::ifstream in(log);
    std::string line, last;
    while (std::getline(in, line))
        if (!line.empty()) last = line;
    return last;
}

}  // namespace

std::vector<std::string> write_pdf(const render_request& request, const fs::path& path) {
    const fs::path chromium = find_chromium();
    if (chromium.empty()) throw render_error("cannot write " + path.string() + ": " + install_hint);
    std::vector<std::string> notes;
    std::string page;
    try {
        page = render_html(request, notes);
    } catch (const render_error& e) {
        throw render_error("cannot write " + path.string() + ": " + e.what());
    }
    temp_folder work;
    const fs::path html_file = work.path() / (request.report.name + ".html");
    if (const std::string why = write_file_atomically(html_file, page); !why.empty())
        throw render_error("cannot write " + path.string() + ": " + why);
    const fs::path tmp = temporary_beside(path);
    const fs::path log = work.path() / "chromium.log";
    const std::vector<std::string> args{
        chromium.string(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
        "--host-resolver-rules=MAP * ~NOTFOUND", "--user-data-dir=" + (work.path() / "profile").string(),
        "--no-pdf-header-footer", "--print-to-pdf=" + fs::absolute(tmp).string(), "file://" + fs::absolute(html_file).string()};
    const int status = run(args, log, std::chrono::seconds(120));
    std::error_code ec;
    const bool written = fs::is_regular_file(tmp, ec) && fs::file_size(tmp, ec) > 0;
    if (status != 0 || !written) {
        fs::remove(tmp, ec);
        std::string why = status == -1 ? "Chromium did not finish within 120 seconds"
                        : status == -2 ? "cannot start " + chromium.string()
                                       : "Chromium failed (exit status " + std::to_string(status) + ")";
        const std::string last = tail_of(log);
        if (!last.empty() && status != -2) why += ": " + last;
        throw render_error("cannot write " + path.string() + ": " + why);
    }
    fs::rename(tmp, path, ec);
    if (ec) {
        std::error_code ignored;
        fs::remove(tmp, ignored);
        throw render_error("cannot write " + path.string() + ": " + ec.message());
    }
    return notes;
}

}  // namespace folio::templates

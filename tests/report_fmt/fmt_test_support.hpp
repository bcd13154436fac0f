// Helpers for the formatter and CLI tests: reading files, finding every .folio file
// of the source tree, a temporary folder removed at the end of a test, and the
// formatter's round trip (format, parse again, compare).
#pragma once

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "folio/dsl/diagnostic.hpp"
#include "folio/dsl/report_ast.hpp"
#include "folio/dsl/report_formatter.hpp"
#include "folio/dsl/report_parser.hpp"

namespace folio::fmt_test {

namespace fs = std::filesystem;

inline const fs::path source_dir{FOLIO_SOURCE_DIR};

// The bytes of a file ("" if it cannot be read).
inline std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline void write_file(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out << text;
}

// Every *.folio file below `folders` (relative to the source tree), sorted.
inline std::vector<fs::path> folio_files(const std::vector<std::string>& folders) {
    std::vector<fs::path> files;
    for (const auto& folder : folders) {
        const fs::path root = source_dir / folder;
        if (!fs::exists(root)) continue;
        for (const auto& entry : fs::recursive_directory_iterator(root))
            if (entry.is_regular_file() && entry.path().extension() == ".folio") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

// A parsed module with the file it was parsed from.
struct parsed {
    dsl::report_module module;
    dsl::diagnostic_list diagnostics;
};

inline parsed parse(const std::string& path, const std::string& text) {
    parsed p;
    p.module = dsl::parse_report(std::make_shared<const dsl::source_file>(path, text), p.diagnostics);
    return p;
}

// A fresh folder below the system temp folder, removed with its contents at the end.
class temp_folder {
public:
    temp_folder() {
        static std::atomic<unsigned> counter{0};
        const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
        path_ = fs::temp_directory_path() / ("folio-fmt-" + std::to_string(::getpid()) + "-" + std::to_string(stamp) +
                                             "-" + std::to_string(counter++));
        fs::create_directories(path_);
    }
    ~temp_folder() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    temp_folder(const temp_folder&) = delete;
    temp_folder& operator=(const temp_folder&) = delete;

    const fs::path& path() const { return path_; }
    // Writes `text` to `relative` below the folder and returns the full path.
    fs::path write(const std::string& relative, const std::string& text) const {
        write_file(path_ / relative, text);
        return path_ / relative;
    }
    // The names of the files in the folder, sorted.
    std::vector<std::string> listing() const {
        std::vector<std::string> names;
        for (const auto& e : fs::directory_iterator(path_)) names.push_back(e.path().filename().string());
        std::sort(names.begin(), names.end());
        return names;
    }

private:
    fs::path path_;
};

}  // namespace folio::fmt_test

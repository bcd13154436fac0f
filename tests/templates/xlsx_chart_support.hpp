// Helpers for the tests of the XLSX chart and data sheets: a workbook opened on a
// report's render_request (as the workbook writer opens it), closed into a file, and
// the file described by xlsx_data_describe.py (openpyxl + the parts' XML) for
// comparison with a golden file.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>

#include "eval/eval_support.hpp"
#include "folio/templates/render.hpp"
#include "folio/templates/theme.hpp"
#include "xlsx/xlsx_book.hpp"

namespace folio::xlsx_test {

namespace fs = std::filesystem;
using templates::xlsx::xlsx_book;

inline fs::path golden_dir() { return eval_test::source_dir() / "tests" / "templates" / "golden"; }

// Whether /usr/bin/python3 with openpyxl is there; when it is not, a test fails under
// FOLIO_REQUIRE_TOOLS=1 (CI) and is skipped with a message otherwise.
inline bool have_openpyxl() {
    static const bool ok = std::system("/usr/bin/python3 -c 'import openpyxl' >/dev/null 2>&1") == 0;
    return ok;
}
inline bool tools_required() {
    const char* v = std::getenv("FOLIO_REQUIRE_TOOLS");
    return v != nullptr && std::string(v) == "1";
}
#define FOLIO_NEED_OPENPYXL()                                                                              \
    do {                                                                                                   \
        if (!folio::xlsx_test::have_openpyxl()) {                                                          \
            if (folio::xlsx_test::tools_required()) FAIL("/usr/bin/python3 with openpyxl is required");   \
            WARN("skipped: /usr/bin/python3 with openpyxl is missing (apt-get install python3-openpyxl)"); \
            return;                                                                                        \
        }                                                                                                  \
    } while (false)

// Opens a workbook at `path` for `request`, lets `fill` write into it, closes it, and
// returns the book's notes.
inline std::vector<std::string> write_book(const fs::path& path, const templates::render_request& request,
                                           bool constant_memory, const std::function<void(xlsx_book&)>& fill) {
    lxw_workbook_options options{};
    options.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
    const std::string tmp = fs::temp_directory_path().string();
    options.tmpdir = const_cast<char*>(tmp.c_str());
    xlsx_book book{request};
    book.workbook = workbook_new_opt(path.c_str(), &options);
    book.constant_memory = constant_memory;
    if (book.workbook == nullptr) throw std::runtime_error("cannot create " + path.string());
    fill(book);
    const lxw_error status = workbook_close(book.workbook);
    if (status != LXW_NO_ERROR) throw std::runtime_error(std::string("workbook_close: ") + lxw_strerror(status));
    return book.notes;
}

// The description of the workbook at `path` (see xlsx_data_describe.py).
inline std::string describe(const fs::path& path) {
    const std::string command = "/usr/bin/python3 '" +
                                (eval_test::source_dir() / "tests" / "templates" / "xlsx_data_describe.py").string() +
                                "' '" + path.string() + "' 2>&1";
    FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr) throw std::runtime_error("cannot run " + command);
    std::string out;
    char buf[4096];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, pipe)) > 0;) out.append(buf, n);
    if (pclose(pipe) != 0) throw std::runtime_error("xlsx_data_describe.py failed:\n" + out);
    return out;
}

// Compares `actual` with the golden file `name`; UPDATE_GOLDEN=1 rewrites it instead.
inline void check_golden(const std::string& name, const std::string& actual) {
    const fs::path path = golden_dir() / name;
    if (std::getenv("UPDATE_GOLDEN") != nullptr) {
        fs::create_directories(path.parent_path());
        std::ofstream(path, std::ios::binary) << actual;
        return;
    }
    INFO("golden file tests/templates/golden/" << name << " (UPDATE_GOLDEN=1 rewrites it)");
    REQUIRE(fs::exists(path));
    CHECK(eval_test::read_text(path) == actual);
}

}  // namespace folio::xlsx_test

// Golden diagnostics: every cases/<name>.folio is checked and its diagnostics, printed
// as `folio check` prints them, must equal cases/<name>.expected exactly (an empty
// file for a case that must check cleanly). Each case is one mistake a user makes.
// UPDATE_GOLDEN=1 rewrites the .expected files, so a change shows up as a diff.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>

#include "check_support.hpp"

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> case_files() {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(folio::test::cases_dir()))
        if (entry.is_regular_file() && entry.path().extension() == ".folio") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

bool updating() {
    const char* update = std::getenv("UPDATE_GOLDEN");
    return update != nullptr && std::string(update) == "1";
}

}  // namespace

TEST_CASE("report check: golden diagnostics for every case", "[report_check][golden]") {
    const std::vector<fs::path> files = case_files();
    REQUIRE(!files.empty());
    std::size_t mistakes = 0;
    for (const fs::path& file : files) {
        const std::string name = file.filename().string();
        auto result = folio::test::check_text(name, folio::test::read_text(file));
        const std::string actual = result->text();
        fs::path expected_path = file;
        expected_path.replace_extension(".expected");
        if (updating()) {
            std::ofstream(expected_path, std::ios::binary) << actual;
        } else {
            INFO("case " << name << " (UPDATE_GOLDEN=1 rewrites the expectation)");
            REQUIRE(fs::exists(expected_path));
            CHECK(actual == folio::test::read_text(expected_path));
        }
        if (actual.find(": error: ") != std::string::npos || actual.find(": warning: ") != std::string::npos) ++mistakes;
    }
    CHECK(mistakes >= 40);
}

TEST_CASE("report check: every expectation has its case", "[report_check][golden]") {
    for (const auto& entry : fs::directory_iterator(folio::test::cases_dir())) {
        if (entry.path().extension() != ".expected") continue;
        fs::path folio_file = entry.path();
        folio_file.replace_extension(".folio");
        INFO(entry.path().filename().string());
        CHECK(fs::exists(folio_file));
    }
}

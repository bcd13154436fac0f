// Runs the formula conformance corpus: every tests/conformance/cases/*.tsv line is
// `formula<TAB>type<TAB>value`, with expected values from LibreOffice recalculating a
// workbook or from Microsoft's documentation (see tests/conformance/README.md).
// Formulas run in one workbook loaded with tests/conformance/data.cells; numbers
// match to a relative 1e-9.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <catch2/catch.hpp>

#include "cells_file.hpp"
#include "folio/engine/value_text.hpp"
#include "support/eval.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path corpus = fs::path(FOLIO_SOURCE_DIR) / "tests" / "conformance";

std::vector<std::string> split_tabs(const std::string& line) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (;;) {
        const std::size_t tab = line.find('\t', start);
        parts.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
        if (tab == std::string::npos) break;
        start = tab + 1;
    }
    return parts;
}

bool numbers_match(const std::string& expected, const std::string& actual) {
    const double e = std::stod(expected);
    const double a = std::stod(actual);
    if (e == a) return true;
    return std::fabs(e - a) <= 1e-9 * std::max(std::fabs(e), std::fabs(a)) || std::fabs(e - a) < 1e-300;
}

}  // namespace

TEST_CASE("conformance corpus", "[conformance]") {
    folio::workbook book = folio::testing::make_workbook();
    std::ifstream cells(corpus / "data.cells", std::ios::binary);
    REQUIRE(cells);
    auto load_error = folio::cli::load_cells(cells, "data.cells", book);
    REQUIRE_FALSE(load_error.has_value());

    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(corpus / "cases"))
        if (entry.path().extension() == ".tsv") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() >= 10);

    std::size_t total = 0;
    for (const fs::path& file : files) {
        SECTION(file.filename().string()) {
            std::ifstream in(file, std::ios::binary);
            std::string line;
            std::size_t number = 0;
            while (std::getline(in, line)) {
                ++number;
                if (line.empty() || line.front() == '#') continue;
                const auto parts = split_tabs(line);
                REQUIRE(parts.size() >= 3);
                ++total;
                folio::formula_error error;
                auto result = book.evaluate(parts[0], &error);
                const std::string actual = result ? folio::tagged_text(*result) : "invalid\t" + error.message;
                const std::string expected = parts[1] + "\t" + parts[2];
                INFO(file.filename().string() << ":" << number << ": " << parts[0]);
                if (result && parts[1] == "number" && folio::type_word(*result) == std::string("number")) {
                    CHECK(numbers_match(parts[2], actual.substr(actual.find('\t') + 1)));
                    if (!numbers_match(parts[2], actual.substr(actual.find('\t') + 1))) CHECK(actual == expected);
                } else {
                    CHECK(actual == expected);
                }
            }
        }
    }
}

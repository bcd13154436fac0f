// Golden layouts: each tests/report_fmt/cases/NAME.in.folio (messy, as people write
// it) formats to exactly NAME.out.folio, and NAME.out.folio is already canonical.
// UPDATE_GOLDEN=1 rewrites the .out.folio files so that reviews see the diff.
#include <cstdlib>

#include <catch2/catch.hpp>

#include "fmt_test_support.hpp"

using namespace folio;
using namespace folio::fmt_test;

TEST_CASE("fmt golden cases", "[fmt]") {
    const fs::path cases = source_dir / "tests/report_fmt/cases";
    const bool update = std::getenv("UPDATE_GOLDEN") != nullptr;
    std::vector<fs::path> inputs;
    for (const auto& e : fs::directory_iterator(cases)) {
        const std::string name = e.path().filename().string();
        if (name.size() > 9 && name.compare(name.size() - 9, 9, ".in.folio") == 0) inputs.push_back(e.path());
    }
    std::sort(inputs.begin(), inputs.end());
    REQUIRE(inputs.size() >= 10);
    for (const auto& input : inputs) {
        const std::string name = input.filename().string();
        const fs::path expected_path = cases / (name.substr(0, name.size() - 9) + ".out.folio");
        DYNAMIC_SECTION(name) {
            const parsed in = parse(name, read_file(input));
            INFO(dsl::format_text(in.diagnostics));
            REQUIRE_FALSE(in.diagnostics.has_errors());
            const std::string actual = dsl::format_report(in.module);
            if (update) write_file(expected_path, actual);
            const std::string expected = read_file(expected_path);
            CHECK(actual == expected);
            const parsed out = parse(expected_path.filename().string(), expected);
            REQUIRE_FALSE(out.diagnostics.has_errors());
            CHECK(dsl::format_report(out.module) == expected);
            CHECK(dsl::same_syntax(in.module, out.module));
        }
    }
}

// `folio fmt` over every .folio file of the tree (examples/, stdlib/, tests/): the
// canonical layout parses, has the same declarations and comments as the input, and
// formatting it again changes nothing. Files that do not parse (the parser's and
// checker's error cases) are skipped; there must be files that do.
#include <catch2/catch.hpp>

#include "fmt_test_support.hpp"

using namespace folio;
using namespace folio::fmt_test;

TEST_CASE("fmt round-trips every .folio file of the tree", "[fmt]") {
    const auto files = folio_files({"examples", "stdlib", "tests", "docs"});
    std::size_t formatted = 0;
    for (const auto& path : files) {
        const std::string text = read_file(path);
        const parsed input = parse(path.string(), text);
        if (input.diagnostics.has_errors()) continue;
        INFO(path.string());
        const std::string once = dsl::format_report(input.module);
        const parsed output = parse(path.string(), once);
        INFO(dsl::format_text(output.diagnostics));
        REQUIRE_FALSE(output.diagnostics.has_errors());
        CHECK(dsl::same_syntax(input.module, output.module));
        CHECK(output.module.comments.size() == input.module.comments.size());
        CHECK(dsl::format_report(output.module) == once);
        ++formatted;
    }
    CHECK(formatted >= 2);  // at least examples/customer-health and stdlib/cx
}

TEST_CASE("the example report keeps every comment, in order", "[fmt]") {
    const fs::path path = source_dir / "examples/customer-health/report.folio";
    const parsed input = parse(path.string(), read_file(path));
    REQUIRE_FALSE(input.diagnostics.has_errors());
    const std::string once = dsl::format_report(input.module);
    std::size_t at = 0;
    for (const auto& c : input.module.comments) {
        std::string text = "//" + c.text;
        while (!text.empty() && (text.back() == ' ' || text.back() == '\r')) text.pop_back();
        const std::size_t found = once.find(text, at);
        INFO(text);
        REQUIRE(found != std::string::npos);
        at = found + text.size();
    }
}

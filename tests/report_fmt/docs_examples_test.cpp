// The documentation cannot rot: every ```folio block of docs/language.md, and every
// report under examples/, parses and checks without errors (warnings allowed). Each block is
// checked on its own, as if it were a file beside examples/customer-health/report.folio
// (so `theme "themes/acme.toml"` finds the example's theme and `import "cx"` the stdlib).
#include <sstream>

#include <catch2/catch.hpp>

#include "check_command.hpp"
#include "fmt_test_support.hpp"
#include "folio/dsl/module_loader.hpp"
#include "folio/engine/report/checker.hpp"
#include "folio/stdlib/builtins.hpp"

using namespace folio;
using namespace folio::fmt_test;

namespace {

struct doc_block {
    std::size_t line;  // 1-based line of the opening fence
    std::string text;
    bool canonical;    // not marked `<!-- fmt: off -->` on the line before the fence
};

// The ```folio blocks of a Markdown file.
std::vector<doc_block> folio_blocks(const std::string& markdown) {
    std::vector<doc_block> blocks;
    std::istringstream in(markdown);
    std::string line;
    std::size_t number = 0;
    bool inside = false;
    doc_block current;
    std::string previous;
    while (std::getline(in, line)) {
        ++number;
        if (!inside && line.rfind("```folio", 0) == 0) {
            inside = true;
            current = {number, {}, previous != "<!-- fmt: off -->"};
        } else if (inside && line.rfind("```", 0) == 0) {
            inside = false;
            blocks.push_back(current);
        } else if (inside) {
            current.text += line + "\n";
        }
        previous = line;
    }
    return blocks;
}

dsl::library_paths test_paths() {
    dsl::library_paths paths;
    paths.stdlib_dir = source_dir / "stdlib";
    paths.lib_dirs = {source_dir / "examples/lib"};  // import "acme/brand"
    paths.use_folio_path = false;
    return paths;
}

}  // namespace

TEST_CASE("every folio example in docs/language.md parses and checks", "[fmt][docs]") {
    const fs::path doc = source_dir / "docs/language.md";
    const auto blocks = folio_blocks(read_file(doc));
    REQUIRE(blocks.size() >= 20);
    for (const auto& block : blocks) {
        const std::string where = "docs/language.md:" + std::to_string(block.line);
        dsl::diagnostic_list diagnostics;
        auto program = dsl::load_program_text(where, block.text, source_dir / "examples/customer-health", test_paths(), diagnostics);
        if (!program.modules.empty()) report::check_program(program, builtin_functions(), diagnostics);
        diagnostics.sort();
        INFO(where << "\n" << block.text << dsl::format_text(diagnostics));
        CHECK_FALSE(diagnostics.has_errors());
    }
}

TEST_CASE("the examples of docs/language.md are in canonical layout", "[fmt][docs]") {
    // Except those marked <!-- fmt: off -->: the sketch, verbatim, and the example of
    // a formula broken over lines.
    std::size_t canonical = 0;
    for (const auto& block : folio_blocks(read_file(source_dir / "docs/language.md"))) {
        if (!block.canonical) continue;
        const parsed p = parse("docs/language.md", block.text);
        INFO("docs/language.md:" << block.line << "\n" << dsl::format_text(p.diagnostics));
        REQUIRE_FALSE(p.diagnostics.has_errors());
        CHECK(dsl::format_report(p.module) == block.text);
        ++canonical;
    }
    CHECK(canonical >= 15);
}

TEST_CASE("every example report checks without errors", "[fmt][docs]") {
    const auto files = folio_files({"examples"});
    REQUIRE_FALSE(files.empty());
    for (const auto& path : files) {
        dsl::diagnostic_list diagnostics;
        auto program = dsl::load_program(path, test_paths(), diagnostics);
        if (!program.modules.empty()) report::check_program(program, builtin_functions(), diagnostics);
        diagnostics.sort();
        INFO(path.string() << "\n" << dsl::format_text(diagnostics));
        CHECK_FALSE(diagnostics.has_errors());
    }
}

TEST_CASE("the example report is the sketch of the design, verbatim", "[fmt][docs]") {
    const std::string example = read_file(source_dir / "examples/customer-health/report.folio");
    REQUIRE(example.rfind("// examples/customer-health/report.folio\n", 0) == 0);
    // The same text is the first example of docs/language.md.
    const auto blocks = folio_blocks(read_file(source_dir / "docs/language.md"));
    REQUIRE_FALSE(blocks.empty());
    CHECK(blocks.front().text == example);
    // And the sketch itself, where the design folder sits beside the source tree, but for
    // one addition: the accounts source says which columns date each account's lifecycle,
    // so MRR and churn follow the report's period (docs/evaluation.md, "Lifecycle and snapshot sources").
    const fs::path design = source_dir.parent_path() / "shared/design/language.md";
    if (fs::exists(design)) {
        const auto sketch = folio_blocks(read_file(design));
        REQUIRE_FALSE(sketch.empty());
        const std::string with_lifecycle =
            "source accounts = csv(\"data/accounts.csv\", starts: \"started_at\", ends: \"churned_at\")  "
            "// schema inferred from the data\n";
        const std::string as_sketched =
            "source accounts = csv(\"data/accounts.csv\")                        // schema inferred from the data\n";
        std::string example_as_sketched = example;
        const std::size_t at = example_as_sketched.find(with_lifecycle);
        REQUIRE(at != std::string::npos);
        example_as_sketched.replace(at, with_lifecycle.size(), as_sketched);
        CHECK(sketch.front().text == example_as_sketched);
    }
}

// The formatter's promise on inputs nobody wrote by hand: every .folio file of the
// tree, with comments, blank lines and spaces sprinkled in at random (a fixed seed),
// formats to something that parses to the same tree and comments, and formatting
// that again changes nothing. Mutations that break the syntax are skipped.
#include <random>
#include <sstream>

#include <catch2/catch.hpp>

#include "fmt_test_support.hpp"

using namespace folio;
using namespace folio::fmt_test;

namespace {

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) lines.push_back(line);
    return lines;
}

// One random variation of `text`.
std::string mutate(const std::string& text, std::mt19937& rng) {
    std::vector<std::string> lines = split_lines(text);
    std::string out;
    std::uniform_int_distribution<int> die(0, 9);
    int note = 0;
    for (std::string line : lines) {
        switch (die(rng)) {
            case 0: out += "\n"; break;                                            // a blank line
            case 1: out += std::string(die(rng), ' ') + "// note " + std::to_string(note++) + "\n"; break;
            case 2: line += std::string(1 + die(rng), ' ') + "// trailing " + std::to_string(note++); break;
            case 3: {  // doubled spaces (inside strings too: the tree changes, the promise holds)
                std::string wide;
                for (char c : line) wide += c == ' ' ? std::string("  ") : std::string(1, c);
                line = wide;
                break;
            }
            case 4:
                if (!line.empty() && line[0] == ' ') line = "      " + line;  // deeper indentation
                break;
            default: break;
        }
        out += line + "\n";
    }
    return out;
}

}  // namespace

TEST_CASE("fmt keeps its promise on randomly varied files", "[fmt]") {
    std::mt19937 rng(20240601);
    std::size_t checked = 0;
    for (const auto& path : folio_files({"examples", "stdlib", "tests/report_fmt"})) {
        const std::string original = read_file(path);
        if (parse(path.string(), original).diagnostics.has_errors()) continue;
        for (int round = 0; round < 40; ++round) {
            const std::string text = mutate(original, rng);
            const parsed input = parse(path.string(), text);
            if (input.diagnostics.has_errors()) continue;
            const std::string once = dsl::format_report(input.module);
            const parsed output = parse(path.string(), once);
            INFO(path.string() << " variation:\n" << text << "\nformatted:\n" << once);
            REQUIRE_FALSE(output.diagnostics.has_errors());
            REQUIRE(dsl::same_syntax(input.module, output.module));
            REQUIRE(dsl::format_report(output.module) == once);
            ++checked;
        }
    }
    CHECK(checked >= 200);
}

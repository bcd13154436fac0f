// The checker never crashes and never hangs: random token-level mutations of the
// language.md example (deleted, duplicated and swapped tokens, stray characters), long
// operator chains, deep def call chains, long metric chains and cycles all end with
// diagnostics or a clean check, within bounded time. Seeds are fixed, so a failure
// reproduces.
#include <catch2/catch.hpp>

#include <chrono>
#include <random>

#include "check_support.hpp"

namespace {

// Splits `text` into tokens: runs of word characters, single other characters.
std::vector<std::string> tokens_of(const std::string& text) {
    std::vector<std::string> out;
    std::string word;
    for (char c : text) {
        const bool word_char = std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.';
        if (word_char) {
            word += c;
            continue;
        }
        if (!word.empty()) out.push_back(std::move(word));
        word.clear();
        out.emplace_back(1, c);
    }
    if (!word.empty()) out.push_back(word);
    return out;
}

}  // namespace

TEST_CASE("robustness: random mutations of the language example", "[report_check][robustness]") {
    const std::string original =
        folio::test::read_text(folio::test::cases_dir() / "language_example.folio");
    const std::vector<std::string> tokens = tokens_of(original);
    const std::vector<std::string> strays{"(", ")", "{", "}", ",", "where", "by", "=", "\"", "sum(", "NPS",
                                          "surveys.score", "-", "extends", "\n", "metric x = ", "%", "month("};
    std::mt19937 random(20240531);
    for (int round = 0; round < 300; ++round) {
        std::vector<std::string> mutated = tokens;
        const int edits = 1 + static_cast<int>(random() % 4);
        for (int e = 0; e < edits && !mutated.empty(); ++e) {
            const std::size_t at = random() % mutated.size();
            switch (random() % 4) {
                case 0: mutated.erase(mutated.begin() + static_cast<std::ptrdiff_t>(at)); break;
                case 1: mutated.insert(mutated.begin() + static_cast<std::ptrdiff_t>(at), mutated[random() % mutated.size()]); break;
                case 2: std::swap(mutated[at], mutated[random() % mutated.size()]); break;
                default: mutated.insert(mutated.begin() + static_cast<std::ptrdiff_t>(at), strays[random() % strays.size()]); break;
            }
        }
        std::string text;
        for (const std::string& t : mutated) text += t;
        auto result = folio::test::check_text("mutated.folio", text);
        (void)result->text();
    }
    SUCCEED("no crash");
}

TEST_CASE("robustness: long chains and deep expansions end quickly", "[report_check][robustness]") {
    const auto start = std::chrono::steady_clock::now();
    SECTION("a long operator chain") {
        std::string text = "source s = csv(\"s.csv\") { x: number }\nmetric m = count(s)";
        for (int i = 0; i < 5000; ++i) text += " + count(s)";
        text += "\n";
        auto result = folio::test::check_text("chain.folio", text);
        CHECK(result->diagnostics.has_errors());
    }
    SECTION("the longest operator chain the parser takes checks cleanly") {
        std::string text = "source s = csv(\"s.csv\") { x: number }\nmetric m = count(s)";
        for (int i = 0; i < 990; ++i) text += " + count(s)";
        text += "\nexpect m > 0\n";
        auto result = folio::test::check_text("chain.folio", text);
        INFO(result->text().substr(0, 2000));
        CHECK_FALSE(result->diagnostics.has_errors());
    }
    SECTION("a chain of 3,000 metrics") {
        std::string text = "source s = csv(\"s.csv\") { x: number }\nmetric m0 = sum(s.x)\n";
        for (int i = 1; i < 3000; ++i) text += "metric m" + std::to_string(i) + " = m" + std::to_string(i - 1) + " + 1\n";
        auto result = folio::test::check_text("metrics.folio", text);
        CHECK_FALSE(result->diagnostics.has_errors());
        CHECK(result->model.metrics.back().sources.size() == 1);
    }
    SECTION("a cycle through 1,000 metrics") {
        std::string text = "metric m0 = m999 + 1\n";
        for (int i = 1; i < 1000; ++i) text += "metric m" + std::to_string(i) + " = m" + std::to_string(i - 1) + " + 1\n";
        auto result = folio::test::check_text("cycle.folio", text);
        CHECK(result->diagnostics.error_count() == 1);
    }
    SECTION("defs that double at every level") {
        std::string text = "source s = csv(\"s.csv\") { x: number }\ndef d0(v) = v + v\n";
        for (int i = 1; i < 40; ++i)
            text += "def d" + std::to_string(i) + "(v) = d" + std::to_string(i - 1) + "(v) + d" + std::to_string(i - 1) + "(v)\n";
        text += "metric m = sum(d39(s.x))\n";
        auto result = folio::test::check_text("defs.folio", text);
        CHECK(result->diagnostics.has_errors());
    }
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    CHECK(seconds < 20.0);
}

// docs/functions.md is generated from the registry rows; it must stay current.
// Regenerate with: ./build/cli/folio functions --markdown > docs/functions.md
#include <cmath>
#include <cstring>
#include <fstream>
#include <regex>
#include <sstream>

#include <catch2/catch.hpp>

#include "folio/engine/value_text.hpp"
#include "folio/stdlib/builtins.hpp"
#include "functions_command.hpp"
#include "support/eval.hpp"

TEST_CASE("docs/functions.md lists every registered function", "[cli][docs]") {
    std::ifstream file(std::string(FOLIO_SOURCE_DIR) + "/docs/functions.md", std::ios::binary);
    REQUIRE(file);
    std::stringstream text;
    text << file.rdbuf();
    INFO("regenerate: ./build/cli/folio functions --markdown > docs/functions.md");
    CHECK(text.str() == folio::cli::functions_markdown());
}

TEST_CASE("every function row has a description", "[cli][docs]") {
    for (const folio::registered_function* fn : folio::builtin_functions().all()) {
        INFO(fn->name);
        CHECK_FALSE(fn->def.description.empty());
    }
}

// Every row's example "=FORMULA → RESULT" is checked by evaluating it, so the docs
// cannot claim what the engine does not do. Examples over cells (A1:A3) and volatile
// functions are skipped; numbers match to a relative 1e-9 (the
// iterative financial functions converge to about that).
TEST_CASE("every function example evaluates to its stated result", "[cli][docs]") {
    const std::regex cell_ref("(^|[^A-Za-z_.\"])\\$?[A-Z]{1,3}\\$?[0-9]+");
    std::size_t checked = 0;
    for (const folio::registered_function* fn : folio::builtin_functions().all()) {
        const std::string example(fn->def.example);
        const std::size_t arrow = example.find("→");
        if (arrow == std::string::npos || (fn->def.flags & folio::fn_volatile)) continue;
        const std::string formula = example.substr(0, example.find_last_not_of(' ', arrow - 1) + 1);
        const std::string expected = example.substr(example.find_first_not_of(' ', arrow + std::strlen("→")));
        if (std::regex_search(formula, cell_ref) || formula.find(" with ") != std::string::npos) continue;
        INFO(fn->name << ": " << example);
        const folio::value v = folio::testing::evaluate(formula);
        ++checked;
        if (v.is_number()) {
            char* end = nullptr;
            const double e = std::strtod(expected.c_str(), &end);
            REQUIRE(end != expected.c_str());
            CHECK(std::fabs(v.number() - e) <= 1e-9 * std::max(1.0, std::fabs(e)));
        } else if (v.is_array()) {
            CHECK(folio::describe(v) == expected);
        } else {
            std::string shown = folio::display_text(v);
            if (v.is_text() && expected.size() >= 2 && expected.front() == '"') shown = "\"" + shown + "\"";
            CHECK(shown == expected);
        }
    }
    CHECK(checked > 150);
}

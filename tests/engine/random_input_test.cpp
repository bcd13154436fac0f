// Any text given to the evaluator ends in a value or a syntax error: never a crash,
// a hang or a sanitizer report. A bounded run of random and mutated formulas.
#include <random>

#include <catch2/catch.hpp>

#include "folio/engine/value_text.hpp"
#include "folio/stdlib/builtins.hpp"
#include "support/eval.hpp"

namespace {

const char* const seeds[] = {
    "=SUM(A1:B3)*2",         "=IF(A1>2,\"x\",{1,2;3,4})", "=VLOOKUP(2,A1:B3,2,FALSE)", "=INDEX(A1:B3,2,1)",
    "=TEXT(1234.5,\"#,##0.00\")", "=DATE(2024,2,30)-1",  "=-2^2&\"a\"%",            "=COUNTIFS(A:A,\">1\",B:B,\"<>x\")",
    "=OFFSET(A1,1,1,2,2)",  "=INDIRECT(\"R1C1\",FALSE)", "=LET(x,1,x+x)",           "=SUMPRODUCT((A1:A3>1)*B1:B3)",
    "=MID(\"héllo\",2,3)",  "=XLOOKUP(3,A1:A3,B1:B3,,-1)", "=1:1",                  "=A1:INDEX(B1:B3,2)",
};

const char alphabet[] = "=+-*/^&%<>(),:;{}\"'!$#ABCDXYZ0123456789.eE ,SUMIFVLOOKUPINDEX\t";

}  // namespace

TEST_CASE("random and mutated formulas never crash the evaluator", "[fuzz]") {
    folio::workbook book = folio::testing::make_workbook();
    book.add_sheet("Sheet1");
    for (int r = 1; r <= 3; ++r) {
        book.set_value("Sheet1!A" + std::to_string(r), r);
        book.set_value("Sheet1!B" + std::to_string(r), "x" + std::to_string(r));
    }
    std::mt19937 rng(12345);
    auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
    std::size_t parsed = 0;
    for (int i = 0; i < 4000; ++i) {
        std::string f;
        if (i % 2 == 0) {
            f = seeds[pick(std::size(seeds))];
            const int edits = 1 + static_cast<int>(pick(4));
            for (int e = 0; e < edits && !f.empty(); ++e) {
                const std::size_t at = pick(f.size());
                switch (pick(3)) {
                    case 0: f.erase(at, 1); break;
                    case 1: f.insert(f.begin() + static_cast<long>(at), alphabet[pick(sizeof alphabet - 1)]); break;
                    default: f[at] = static_cast<char>(pick(256)); break;
                }
            }
        } else {
            const std::size_t len = pick(40);
            for (std::size_t k = 0; k < len; ++k) f += alphabet[pick(sizeof alphabet - 1)];
        }
        folio::formula_error error;
        auto result = book.evaluate(f, &error);
        if (result) {
            ++parsed;
            CHECK_FALSE(folio::tagged_text(*result).empty());
        } else {
            CHECK_FALSE(error.message.empty());
            CHECK(error.column >= 1);
        }
    }
    CHECK(parsed > 100);
}

// libFuzzer target for the report front end: parses arbitrary bytes as a .folio file
// and prints the diagnostics; when the input parses, formats it and requires that the
// canonical layout parses to the same tree and comments and is a fixed point of the
// formatter. Any crash, hang, sanitizer report or abort() here is a bug.
//
//   cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DFOLIO_FUZZ=ON
//   cmake --build build-fuzz --target report_parser_fuzz
//   build-fuzz/fuzz/report_parser_fuzz -max_len=65536 fuzz/corpus/ examples/ stdlib/
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "folio/dsl/diagnostic.hpp"
#include "folio/dsl/report_formatter.hpp"
#include "folio/dsl/report_parser.hpp"

namespace {

using namespace folio::dsl;

// Stops the run with the input that broke the formatter's promise.
[[noreturn]] void fail(const char* what, const std::string& text) {
    std::fprintf(stderr, "report_parser_fuzz: %s\n--- formatted ---\n%s\n", what, text.c_str());
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto file = std::make_shared<const source_file>("fuzz.folio", std::string(reinterpret_cast<const char*>(data), size));
    diagnostic_list diagnostics;
    const report_module module = parse_report(file, diagnostics);
    diagnostics.sort();
    (void)format_text(diagnostics);
    (void)format_json(diagnostics);
    if (diagnostics.has_errors()) return 0;

    const std::string once = format_report(module);
    auto again_file = std::make_shared<const source_file>("fuzz.folio", once);
    diagnostic_list again_diagnostics;
    const report_module again = parse_report(again_file, again_diagnostics);
    if (again_diagnostics.has_errors()) fail("the canonical layout does not parse", once);
    if (!same_syntax(module, again)) fail("the canonical layout changes the tree or the comments", once);
    if (format_report(again) != once) fail("formatting is not idempotent", once);
    return 0;
}

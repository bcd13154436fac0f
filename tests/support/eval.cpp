// In-process evaluation for tests (see eval.hpp).
#include "support/eval.hpp"

#include <stdexcept>

#include "folio/engine/value_text.hpp"
#include "folio/stdlib/builtins.hpp"

namespace folio::testing {

workbook make_workbook() {
    workbook book(builtin_functions());
    book.set_clock([] { return fixed_now; });
    book.set_random_seed(20240615);
    return book;
}

value evaluate(std::string_view formula) { return evaluate_with({}, formula); }

value evaluate_with(const std::vector<std::pair<std::string, std::string>>& cells, std::string_view formula) {
    workbook book = make_workbook();
    for (const auto& [address, entry] : cells) {
        auto at = book.address(address, true);
        if (!at) throw std::invalid_argument("bad test cell address " + address);
        if (auto error = book.set_entry(*at, entry))
            throw std::invalid_argument("bad test cell formula " + entry + ": " + error->message);
    }
    formula_error error;
    auto result = book.evaluate(formula, &error);
    if (!result) return value("invalid: " + error.message);
    return *result;
}

std::string batch_line(const value& v) { return tagged_text(v); }

std::string line(std::string_view formula) { return batch_line(evaluate(formula)); }

std::string line_with(const cells& c, std::string_view formula) { return batch_line(evaluate_with(c, formula)); }

std::string num(std::string_view text) { return "number\t" + std::string(text); }

std::string err(std::string_view text) { return "error\t" + std::string(text); }

}  // namespace folio::testing

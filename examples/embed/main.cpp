// Embedding Folio in a C++ program: a sheet of survey answers, formulas over it,
// a host function, and an edit that recalculates only what depends on it.
#include <iostream>

#include "folio/engine/coerce.hpp"
#include "folio/engine/value_text.hpp"
#include "folio/engine/workbook.hpp"
#include "folio/stdlib/builtins.hpp"

int main() {
    folio::workbook book(folio::builtin_functions());
    book.add_sheet("Surveys");
    const char* regions[] = {"North", "North", "North", "North", "South"};
    const double scores[] = {10, 9, 3, 7, 8};
    for (int i = 0; i < 5; ++i) {
        book.set_value("Surveys!A" + std::to_string(i + 1), regions[i]);
        book.set_value("Surveys!B" + std::to_string(i + 1), scores[i]);
    }

    // A host function: the NPS of promoter and detractor counts over a total.
    book.functions().add_host("NPS_OF", 3, 3, [](const folio::arguments& args, folio::call_context& ctx) -> folio::value {
        double n[3];
        for (int i = 0; i < 3; ++i) {
            auto x = folio::to_number(folio::to_scalar(args[static_cast<std::size_t>(i)], ctx));
            if (!x) return x.error();
            n[i] = *x;
        }
        if (n[2] == 0) return folio::error_code::div0;
        return (n[0] - n[1]) / n[2] * 100;
    });

    book.add_sheet("Summary");
    book.define_name("Scores", "=Surveys!$B$1:$B$5");
    book.set_formula("Summary!A1", "=COUNTIFS(Surveys!A1:A5,\"north\",Scores,\">=9\")");
    book.set_formula("Summary!A2", "=COUNTIFS(Surveys!A1:A5,\"north\",Scores,\"<=6\")");
    book.set_formula("Summary!A3", "=COUNTIF(Surveys!A1:A5,\"north\")");
    book.set_formula("Summary!A4", "=NPS_OF(A1,A2,A3)");

    std::cout << "NPS North = " << folio::display_text(book.get("Summary!A4")) << "\n";
    book.set_value("Surveys!B3", 9);  // a detractor becomes a promoter
    std::cout << "after the edit: NPS North = " << folio::display_text(book.get("Summary!A4")) << "\n";
    std::cout << "formulas recalculated: " << book.last_recalc().formulas_evaluated << "\n";
    return 0;
}

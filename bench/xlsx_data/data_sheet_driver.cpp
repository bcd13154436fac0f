// folio_bench_xlsx_data REPORT.folio REPORT_NAME OUT.xlsx: the Folio side of the
// xlsx_data benchmark without the rest of the workbook. Loads, checks and evaluates the
// report file as `folio render` does, then writes only the report's `data` blocks with
// write_data_sheet (streaming when needs_constant_memory says so). run.sh uses it with
// --driver, to measure the data sheet on its own (and before `folio render --format
// xlsx` existed, in place of it).
#include <filesystem>
#include <iostream>

#include "folio/dsl/diagnostic.hpp"
#include "folio/dsl/module_loader.hpp"
#include "folio/engine/eval/evaluate.hpp"
#include "folio/engine/report/checker.hpp"
#include "folio/stdlib/builtins.hpp"
#include "folio/templates/theme.hpp"
#include "xlsx/xlsx_book.hpp"

using namespace folio;

int main(int argc, char** argv) {
    if (argc != 4) {
        std::cerr << "usage: folio_bench_xlsx_data REPORT.folio REPORT_NAME OUT.xlsx\n";
        return 2;
    }
    dsl::diagnostic_list diagnostics;
    dsl::library_paths paths;
    paths.stdlib_dir = std::filesystem::path(FOLIO_SOURCE_DIR) / "stdlib";
    paths.use_folio_path = false;
    const dsl::loaded_program program = dsl::load_program(argv[1], paths, diagnostics);
    const report::checked_program model = report::check_program(program, builtin_functions(), diagnostics);
    if (diagnostics.has_errors()) {
        std::cerr << dsl::format_text(diagnostics);
        return 1;
    }
    dsl::diagnostic_list problems;
    const eval::program_result result = eval::evaluate_program(model, {}, problems);
    if (problems.has_errors()) {
        std::cerr << dsl::format_text(problems);
        return 1;
    }
    for (const eval::report_result& r : result.reports) {
        if (r.name != argv[2]) continue;
        const templates::theme theme = templates::default_theme();
        const templates::render_request request{model, result, r, theme, "en-US", {}};
        templates::xlsx::xlsx_book book(request);
        book.constant_memory = templates::xlsx::needs_constant_memory(r);
        lxw_workbook_options options{};
        options.constant_memory = book.constant_memory ? 1 : 0;
        options.use_zip64 = 1;
        book.workbook = workbook_new_opt(argv[3], &options);
        if (book.workbook == nullptr) {
            std::cerr << "error: cannot create " << argv[3] << "\n";
            return 1;
        }
        for (const eval::data_result& d : r.data) templates::xlsx::write_data_sheet(book, d);
        if (const lxw_error status = workbook_close(book.workbook); status != LXW_NO_ERROR) {
            std::cerr << "error: " << argv[3] << ": " << lxw_strerror(status) << "\n";
            return 1;
        }
        for (const std::string& note : book.notes) std::cout << "note: " << note << "\n";
        std::cout << (book.constant_memory ? "streamed" : "in memory") << "\n";
        return 0;
    }
    std::cerr << "error: no report " << argv[2] << " in " << argv[1] << "\n";
    return 1;
}

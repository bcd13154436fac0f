// `folio eval 'FORMULA'` prints one value; `folio eval --batch FILE|- [--cells FILE]`
// prints one `type<TAB>value` line per input line, and `invalid<TAB>column N: ...`
// for a line that does not parse, then goes on.
#include "eval_command.hpp"

#include <fstream>
#include <iostream>
#include <optional>

#include "cells_file.hpp"
#include "folio/engine/value_text.hpp"
#include "folio/engine/workbook.hpp"
#include "folio/stdlib/builtins.hpp"

namespace folio::cli {

namespace {

constexpr const char* usage =
    "usage: folio eval 'FORMULA' [--cells FILE]\n"
    "       folio eval --batch FILE|- [--cells FILE]\n";

void print_syntax_error(std::ostream& err, std::string_view formula, const formula_error& e) {
    err << "error: " << e.message << " (column " << e.column << ")\n";
    err << "  " << formula << "\n  ";
    std::size_t col = 1;
    for (std::size_t i = 0; i < formula.size() && col < e.column; ++i) {
        if ((static_cast<unsigned char>(formula[i]) & 0xC0) == 0x80) continue;
        err << (formula[i] == '\t' ? '\t' : ' ');
        ++col;
    }
    err << "^\n";
}

// Loads --cells into the workbook; false (after printing the error) when it failed.
bool load_cells_option(const std::optional<std::string>& path, workbook& book, std::ostream& err) {
    if (!path) return true;
    std::ifstream file(*path, std::ios::binary);
    if (!file) {
        err << "error: cannot open cells file '" << *path << "'\n";
        return false;
    }
    if (auto e = load_cells(file, *path, book)) {
        err << e->file << ":" << e->line << ":" << e->column << ": error: " << e->message << "\n";
        err << "  " << e->source_line << "\n";
        return false;
    }
    return true;
}

void run_batch(std::istream& in, workbook& book, std::ostream& out) {
    std::string line;
    bool first = true;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (first && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
        first = false;
        formula_error error;
        auto result = book.evaluate(line, &error);
        if (!result) {
            out << "invalid\tcolumn " << error.column << ": " << escape_text(error.message) << '\n';
            continue;
        }
        out << tagged_text(*result) << '\n';
    }
}

}  // namespace

int eval_command(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err) {
    std::optional<std::string> batch, cells, formula;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if ((a == "--batch" || a == "--cells") && i + 1 < args.size()) {
            (a == "--batch" ? batch : cells) = args[++i];
        } else if (a == "--help" || a == "-h") {
            out << usage;
            return 0;
        } else if (!formula && (a.empty() || a.front() != '-' || a.size() == 1 || std::isdigit(static_cast<unsigned char>(a[1])) || a[1] == '(' || a[1] == '.')) {
            formula = a;
        } else {
            err << "error: unexpected argument '" << a << "'\n" << usage;
            return 2;
        }
    }
    if (batch.has_value() == formula.has_value()) {
        err << usage;
        return 2;
    }
    workbook book(builtin_functions());
    if (!load_cells_option(cells, book, err)) return 2;
    if (batch) {
        if (*batch == "-") {
            run_batch(in, book, out);
        } else {
            std::ifstream file(*batch, std::ios::binary);
            if (!file) {
                err << "error: cannot open batch file '" << *batch << "'\n";
                return 2;
            }
            run_batch(file, book, out);
        }
        return 0;
    }
    formula_error error;
    auto result = book.evaluate(*formula, &error);
    if (!result) {
        print_syntax_error(err, *formula, error);
        return 1;
    }
    out << display_text(*result) << '\n';
    return 0;
}

}  // namespace folio::cli

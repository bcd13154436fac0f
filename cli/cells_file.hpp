// Reads a cells file into a workbook: one cell per line, "Sheet!A1<TAB>entry", the
// entry read as if typed into that cell in Excel (en-US).
#pragma once

#include <istream>
#include <optional>
#include <string>

#include "folio/engine/workbook.hpp"

namespace folio::cli {

// A problem in a cells file, with its 1-based line and column.
struct cells_file_error {
    std::string file;
    std::size_t line = 0;
    std::size_t column = 0;
    std::string message;
    std::string source_line;
};

// Loads every line of `in` (named `file` in messages) into `book`. Stops at the first
// bad line and returns its error.
std::optional<cells_file_error> load_cells(std::istream& in, const std::string& file, workbook& book);

}  // namespace folio::cli

// Reading cells files (see cells_file.hpp).
#include "cells_file.hpp"

namespace folio::cli {

std::optional<cells_file_error> load_cells(std::istream& in, const std::string& file, workbook& book) {
    std::string line;
    std::size_t number = 0;
    auto fail = [&](std::size_t column, std::string message) {
        return cells_file_error{file, number, column, std::move(message), line};
    };
    while (std::getline(in, line)) {
        ++number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (number == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
        if (line.empty()) continue;
        const std::size_t tab = line.find('\t');
        if (tab == std::string::npos)
            return fail(line.size() + 1, "expected a tab between the cell address and its entry (Sheet!A1<TAB>entry)");
        const std::string address = line.substr(0, tab);
        auto at = book.address(address, true);
        if (!at) return fail(1, "'" + address + "' is not a cell address; write it like Data!B2 or 'My sheet'!B2");
        const std::string entry = line.substr(tab + 1);
        if (auto error = book.set_entry(*at, entry))
            return fail(tab + 1 + error->column, "invalid formula: " + error->message);
    }
    return std::nullopt;
}

}  // namespace folio::cli

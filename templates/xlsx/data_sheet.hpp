// The sheet of a `data` block, with the limits it works to (see xlsx_book.hpp for the
// functions the workbook writer calls; this header adds what tests need to reach).
#pragma once

#include <cstddef>

#include "xlsx/xlsx_book.hpp"

namespace folio::templates::xlsx {

// Excel's rows per sheet, the header row included.
inline constexpr std::size_t excel_max_rows = 1'048'576;

// Above this many cells in a report's data blocks the workbook streams (constant-memory
// mode). An in-memory cell costs libxlsxwriter about 130 bytes (the cell, its place in
// the row's tree, its string; measured: the analyst report's surveys sheet at 5,000 and
// 50,000 rows differ by 55 MB), so 500,000 cells cost about 65 MB and a million-row sheet
// of 9 columns over a gigabyte, where streaming needs a few megabytes. Below the
// threshold the sheet stays in memory, which lets the data be an Excel table.
inline constexpr std::size_t constant_memory_cells = 500'000;

// Excel tables up to this many rows; larger sheets get an autofilter (a table of a
// million rows makes Excel slow to open and to filter).
inline constexpr std::size_t max_table_rows = 100'000;

/// write_data_sheet with a sheet limit of `max_rows` rows (header included) instead of
/// Excel's, so tests can check the cut without writing a million rows.
void write_data_sheet_limited(xlsx_book& book, const eval::data_result& d, std::size_t max_rows);

}  // namespace folio::templates::xlsx

// The workbook being written: what every part of the XLSX renderer shares.
//
// xlsx_writer.cpp opens the workbook, writes the sheets in order and closes it; the
// parts (summary, table, calculation, chart and data sheets) add to the book through
// this struct. libxlsxwriter owns the sheets and formats; formats are created once and
// looked up by a key, because Excel limits a workbook's distinct cell formats.
//
// Constant-memory mode (large `data` blocks) means each sheet's cells must be written
// row by row, top to bottom: every part writes its sheet in one pass.
#pragma once

#include <map>
#include <string>
#include <vector>
#include <xlsxwriter.h>

#include "folio/templates/render.hpp"

namespace folio::templates::xlsx {

struct xlsx_book {
    explicit xlsx_book(const render_request& r) : request(r) {}

    const render_request& request;
    lxw_workbook* workbook = nullptr;
    bool constant_memory = false;            // a data block is large: cells stream row by row
    std::vector<std::string> notes;          // returned by write_xlsx
    std::map<std::string, lxw_format*> formats;  // by key, see format_for()
    std::vector<std::string> sheet_names;    // lower-case, see fresh_sheet_name() (xlsx_cells.hpp)
    std::vector<std::string> defined_names;  // lower-case, see fresh_defined_name()
    lxw_worksheet* chart_data = nullptr;     // the "Chart data" sheet, made by the first insert_chart

    /// Returns the word in the report's language (words.hpp).
    std::string_view word(std::string_view english) const;
};

// Charts (chart_writer.cpp): writes the values of chart `c` on the "Chart data" sheet
// (numbers, not formulas, so viewers that do not recalculate show them) and inserts the
// native chart(s) into `sheet` with their top-left corner at (row, col). Returns the
// number of rows the chart occupies on `sheet`. A combo chart becomes two aligned charts
// and a note (libxlsxwriter 1.1.4 has no combined charts or secondary axes).
lxw_row_t insert_chart(xlsx_book& book, lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col,
                       const eval::chart_result& c);

// Data blocks (data_sheet.cpp): the raw rows of `d` on their own sheet, typed cells, an
// Excel table when small, an autofilter in constant-memory mode; rows past Excel's
// limit are cut with a note in the sheet and in `book.notes`.
void write_data_sheet(xlsx_book& book, const eval::data_result& d);

// Whether the workbook must stream (constant-memory mode): a data block above the row
// count where holding the sheet in memory would cost more than the target allows.
bool needs_constant_memory(const eval::report_result& r);

}  // namespace folio::templates::xlsx

// The "Chart data" sheet: the numbers every chart of the workbook draws.
//
// Each chart gets a block: a title row, a header row (the axis dimension, then one
// column per series) and one row per category. Values are written as numbers in the
// metric's number format, never as formulas (libxlsxwriter caches 0 for formula cells,
// and viewers that do not recalculate would draw zeros); an error value such as #DIV/0!
// leaves its cell blank, so the chart shows a gap instead of a zero. Blocks follow each
// other top to bottom with a blank row between, so the sheet is written row by row as
// constant-memory mode requires.
#pragma once

#include <string>
#include <vector>

#include "xlsx/chart_cache.hpp"
#include "xlsx/xlsx_book.hpp"

namespace folio::templates::xlsx {

// Where one chart's values went, with the values for the chart's caches.
struct chart_data_block {
    std::string sheet;                       // the "Chart data" sheet's name (translated; book.chart_data)
    lxw_row_t header_row = 0;                // series names; category rows follow
    lxw_row_t first_row = 0, last_row = 0;   // the category rows (one blank row when there are none)
    std::vector<cached_point> categories;    // the category labels
    struct series_column {
        lxw_col_t col = 0;
        cached_point name;                   // the header cell
        std::vector<cached_point> values;    // one per category row
    };
    std::vector<series_column> series;       // one per chart_result::series, in order
};

/// Writes the values of chart `c` below the blocks already on the "Chart data" sheet
/// (creating the sheet on first use) and returns where they are.
chart_data_block write_chart_data(xlsx_book& book, const eval::chart_result& c);

/// Returns the text of the category labels of one point of the axis ("EMEA", "2024-12",
/// "EMEA / Gold" for two dimensions).
std::string category_label(const std::vector<eval::dimension_value>& category);

/// Returns the number format of series `s`'s values: its metric's (metric_number_format).
std::string value_format(const xlsx_book& book, const eval::chart_result& c, const eval::chart_series& s);

}  // namespace folio::templates::xlsx

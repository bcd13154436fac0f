// The sheets xlsx_writer.cpp puts together, in the order of the workbook's tabs:
//
//   Summary       brand header, KPI tiles (live formulas over the calculation sheet), then the
//                 report's blocks in order (charts inline, links to the table and data sheets, texts)
//   <table>       one sheet per table block: dimensions, metric formulas, a totals row, and the base
//                 aggregates the formulas read in a collapsed column group at the right
//   Calculation   the base aggregates of every KPI tile in the current and the previous period and
//                 the same period a year before
//   <data>        data blocks (data_sheet.cpp), then "Chart data" (chart_writer.cpp)
//
// Sheet names are chosen first, so that formulas and links can point to sheets written later.
#pragma once

#include <string>
#include <vector>
#include <xlsxwriter.h>

#include "xlsx/xlsx_book.hpp"
#include "xlsx/xlsx_cells.hpp"

namespace folio::templates::xlsx {

// Where the KPI tiles' base aggregates are on the calculation sheet.
struct kpi_calculation {
    std::string sheet;                  // its name; "" when the report has no KPI tiles
    std::vector<lxw_row_t> first_row;   // per tile: the row of its first base aggregate
    static constexpr lxw_col_t current_col = 2, previous_col = 3, year_ago_col = 4;
};

// The names of the sheets the summary links to and reads.
struct sheet_plan {
    std::string summary;
    std::vector<std::string> tables;    // per report_result::tables
    kpi_calculation calculation;
};

/// Lays out the calculation sheet (rows per tile); names it when there are tiles.
kpi_calculation plan_kpi_calculation(xlsx_book& book);

/// Writes the summary sheet; defines one name per KPI metric at its value cell.
void write_summary_sheet(xlsx_book& book, const sheet_plan& plan);

/// Writes the sheet of table `t` named `name`.
void write_table_sheet(xlsx_book& book, const eval::table_result& t, const std::string& name);

/// Writes the calculation sheet the plan describes.
void write_calculation_sheet(xlsx_book& book, const kpi_calculation& plan);

/// Print setup shared by the sheets: landscape, one page wide, brand and title in the header,
/// page numbers in the footer; `repeat_row` (if any) repeats on every page.
void set_print_layout(xlsx_book& book, lxw_worksheet* sheet, int repeat_row = -1);

/// The date the report is "as of": its `as_of` parameter when that is a date, else the last day of
/// its current period; 0 when neither.
double as_of_serial(const xlsx_book& book);

/// The header style of table-like blocks: bold, the theme's primary colour behind white text.
cell_style header_style(const xlsx_book& book);

}  // namespace folio::templates::xlsx

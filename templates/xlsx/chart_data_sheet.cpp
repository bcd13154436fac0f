// The "Chart data" sheet (see chart_data_sheet.hpp).
#include "xlsx/chart_data_sheet.hpp"

#include <cmath>

#include "xlsx/xlsx_cells.hpp"

namespace folio::templates::xlsx {
namespace {

// The sheet (made on first use, named in the report's language), and the first free row
// on it: a blank row after the last block.
lxw_row_t next_row(xlsx_book& book) {
    if (lxw_worksheet* sheet = book.chart_data) {
        // libxlsxwriter tracks the rows written (dim_rowmax), in constant-memory mode too.
        return sheet->dim_rowmin == LXW_ROW_MAX ? 0 : sheet->dim_rowmax + 2;
    }
    const std::string name = fresh_sheet_name(book, book.word("Chart data"));
    book.chart_data = workbook_add_worksheet(book.workbook, name.c_str());
    if (book.chart_data == nullptr) throw render_error("cannot add the sheet \"" + name + "\"");
    worksheet_set_column(book.chart_data, 0, 0, 24, nullptr);
    worksheet_set_column(book.chart_data, 1, 40, 14, nullptr);
    return 0;
}

}  // namespace

std::string category_label(const std::vector<eval::dimension_value>& category) {
    std::string label;
    for (std::size_t i = 0; i < category.size(); ++i) label += (i ? " / " : "") + category[i].label;
    return label;
}

std::string value_format(const xlsx_book& book, const eval::chart_result&, const eval::chart_series& s) {
    return metric_number_format(book, book.request.report.metrics.at(s.metric));
}

chart_data_block write_chart_data(xlsx_book& book, const eval::chart_result& c) {
    chart_data_block block;
    const lxw_row_t row = next_row(book);
    lxw_worksheet* sheet = book.chart_data;
    block.sheet = sheet->name;
    lxw_format* bold = format_for(book, {"", 0, true});

    // Title row, then the header row.
    write_text(sheet, row, 0, c.title.empty() ? c.name : c.title, bold);
    block.header_row = row + 1;
    std::string axis;
    for (std::size_t i = 0; i < c.by_names.size(); ++i) axis += (i ? " / " : "") + c.by_names[i];
    write_text(sheet, block.header_row, 0, axis, bold);
    for (std::size_t s = 0; s < c.series.size(); ++s) {
        chart_data_block::series_column column;
        column.col = static_cast<lxw_col_t>(s + 1);
        column.name = cached_point::of_text(c.series[s].name);
        write_text(sheet, block.header_row, column.col, c.series[s].name, bold);
        block.series.push_back(std::move(column));
    }

    // One row per category, left to right.
    block.first_row = block.header_row + 1;
    const std::size_t rows = std::max<std::size_t>(c.categories.size(), 1);
    block.last_row = static_cast<lxw_row_t>(block.first_row + rows - 1);
    std::vector<lxw_format*> formats;
    for (const eval::chart_series& s : c.series)
        formats.push_back(format_for(book, {"", 0, false, false, false, "", "", value_format(book, c, s)}));
    for (std::size_t i = 0; i < c.categories.size(); ++i) {
        const lxw_row_t r = static_cast<lxw_row_t>(block.first_row + i);
        const std::string label = category_label(c.categories[i]);
        write_text(sheet, r, 0, label, nullptr);
        block.categories.push_back(cached_point::of_text(label));
        for (std::size_t s = 0; s < c.series.size(); ++s) {
            const value* v = i < c.series[s].points.size() ? &c.series[s].points[i].v : nullptr;
            if (v != nullptr && v->is_number() && std::isfinite(v->number())) {
                worksheet_write_number(sheet, r, block.series[s].col, v->number(), formats[s]);
                block.series[s].values.push_back(cached_point::of_number(v->number()));
            } else if (v != nullptr && v->is_boolean()) {
                worksheet_write_number(sheet, r, block.series[s].col, v->boolean() ? 1 : 0, formats[s]);
                block.series[s].values.push_back(cached_point::of_number(v->boolean() ? 1 : 0));
            } else {
                block.series[s].values.push_back(cached_point::gap());  // an error, blank or text: a gap
            }
        }
    }
    if (c.categories.empty()) {
        block.categories.push_back(cached_point::gap());
        for (auto& s : block.series) s.values.push_back(cached_point::gap());
    }
    return block;
}

}  // namespace folio::templates::xlsx

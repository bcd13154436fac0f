// The calculation sheet (see xlsx_parts.hpp): per KPI tile, the base aggregates its formula reads,
// in the current and the previous period and the same period a year before, written as values. The summary's tiles are formulas
// over these cells, so a reader sees which counts and sums make each KPI.
//
//   Metric | Base aggregate                              | 2024-12 | 2024-11 | 2023-12
//   NPS    | count(promoters)                             |     413 |     539 |     380
#include "xlsx/xlsx_parts.hpp"

namespace folio::templates::xlsx {

kpi_calculation plan_kpi_calculation(xlsx_book& book) {
    kpi_calculation plan;
    const eval::report_result& r = book.request.report;
    if (r.kpis.empty()) return plan;
    plan.sheet = fresh_sheet_name(book, book.word("Calculation"));
    lxw_row_t row = 2;  // below the title and the header
    for (const eval::kpi_tile& t : r.kpis) {
        plan.first_row.push_back(row);
        row += static_cast<lxw_row_t>(t.context.bases.size());
    }
    return plan;
}

void write_calculation_sheet(xlsx_book& book, const kpi_calculation& plan) {
    if (plan.sheet.empty()) return;
    const eval::report_result& r = book.request.report;
    const theme& t = book.request.theme;
    lxw_worksheet* sheet = workbook_add_worksheet(book.workbook, plan.sheet.c_str());
    if (sheet == nullptr) throw render_error("cannot add the sheet '" + plan.sheet + "'");
    set_print_layout(book, sheet, 1);
    worksheet_set_column(sheet, 0, 0, 24, nullptr);
    worksheet_set_column(sheet, 1, 1, 60, nullptr);
    worksheet_set_column(sheet, 2, 4, 16, nullptr);

    write_text(sheet, 0, 0, std::string(book.word("Base aggregates of the KPI tiles")),
               format_for(book, {t.heading_font, 14, true, false, false, t.light.primary}));
    const bool period = r.period.set && r.period.has_current;
    cell_style head = header_style(book);
    cell_style head_right = head;
    head_right.right = true;
    write_text(sheet, 1, 0, book.word("Metric"), format_for(book, head));
    write_text(sheet, 1, 1, book.word("Base aggregate"), format_for(book, head));
    write_text(sheet, 1, kpi_calculation::current_col, period ? r.period.current.label : std::string(book.word("Value")),
               format_for(book, head_right));
    if (period) write_text(sheet, 1, kpi_calculation::previous_col, r.period.previous.label, format_for(book, head_right));
    if (period) write_text(sheet, 1, kpi_calculation::year_ago_col, r.period.previous_year.label, format_for(book, head_right));
    worksheet_freeze_panes(sheet, 2, 0);

    lxw_format* name_format = format_for(book, {"", 0, true});
    lxw_format* text_format = format_for(book, {});
    lxw_format* number_format = format_for(book, {t.numbers_font});
    for (std::size_t i = 0; i < r.kpis.size(); ++i) {
        const eval::kpi_tile& tile = r.kpis[i];
        const eval::metric_info& m = r.metrics[tile.metric];
        for (std::size_t b = 0; b < tile.context.bases.size(); ++b) {
            const lxw_row_t row = plan.first_row[i] + static_cast<lxw_row_t>(b);
            const auto& [base, current] = tile.context.bases[b];
            write_text(sheet, row, 0, b == 0 ? m.name : std::string(), b == 0 ? name_format : text_format);
            const auto& aggregates = book.request.result.aggregates;
            write_text(sheet, row, 1, base < aggregates.size() ? aggregates[base].text : std::string(), text_format);
            write_value(sheet, row, kpi_calculation::current_col, current, number_format);
            if (tile.whole_data && period) write_text(sheet, row, kpi_calculation::year_ago_col + 1, book.word("Over all the data"), text_format);
            if (!period || tile.whole_data) continue;
            for (const auto& [previous_base, previous] : tile.previous_context.bases)
                if (previous_base == base) write_value(sheet, row, kpi_calculation::previous_col, previous, number_format);
            for (const auto& [year_base, year_ago] : tile.previous_year_context.bases)
                if (year_base == base) write_value(sheet, row, kpi_calculation::year_ago_col, year_ago, number_format);
        }
    }
}

}  // namespace folio::templates::xlsx

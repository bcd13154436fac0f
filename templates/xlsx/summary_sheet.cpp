// The summary sheet (see xlsx_parts.hpp): the brand header, the KPI tiles and the report's
// blocks in their order. Written top to bottom in one pass (constant-memory mode).
#include <cstdint>
#include <fstream>

#include "folio/engine/eval/time_period.hpp"
#include "folio/engine/number_format.hpp"
#include "xlsx/metric_cells.hpp"
#include "xlsx/xlsx_parts.hpp"

namespace folio::templates::xlsx {
namespace {

constexpr double logo_height_px = 40;

// The pixel size of a PNG or JPEG file; {0, 0} when unknown.
std::pair<double, double> image_size(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::string head(64 * 1024, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    const auto byte = [&](std::size_t i) { return static_cast<unsigned>(static_cast<unsigned char>(head[i])); };
    if (head.size() >= 24 && head.compare(1, 3, "PNG") == 0)
        return {double((byte(16) << 24) | (byte(17) << 16) | (byte(18) << 8) | byte(19)),
                double((byte(20) << 24) | (byte(21) << 16) | (byte(22) << 8) | byte(23))};
    // JPEG: walk the segments to a start-of-frame marker.
    for (std::size_t i = 2; i + 9 < head.size() && byte(i) == 0xFF;) {
        const unsigned marker = byte(i + 1);
        const std::size_t length = (byte(i + 2) << 8) | byte(i + 3);
        if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC)
            return {double((byte(i + 7) << 8) | byte(i + 8)), double((byte(i + 5) << 8) | byte(i + 6))};
        i += 2 + length;
    }
    return {0, 0};
}

class summary_writer {
public:
    summary_writer(xlsx_book& book, const sheet_plan& plan)
        : book_(book), plan_(plan), r_(book.request.report), t_(book.request.theme) {}

    void write() {
        sheet_ = workbook_add_worksheet(book_.workbook, plan_.summary.c_str());
        if (sheet_ == nullptr) throw render_error("cannot add the sheet '" + plan_.summary + "'");
        worksheet_gridlines(sheet_, LXW_HIDE_ALL_GRIDLINES);
        worksheet_set_column(sheet_, 0, 0, 34, nullptr);
        worksheet_set_column(sheet_, 1, 7, 15, nullptr);
        set_print_layout(book_, sheet_);
        header();
        for (const eval::layout_item& item : r_.layout) {
            switch (item.kind) {
                case report::block_kind::kpis: tiles(); break;
                case report::block_kind::chart: chart(item.index); break;
                case report::block_kind::table: table_link(item.index); break;
                case report::block_kind::data: data_line(item.index); break;
                case report::block_kind::text: text(item.index); break;
            }
        }
    }

private:
    xlsx_book& book_;
    const sheet_plan& plan_;
    const eval::report_result& r_;
    const theme& t_;
    lxw_worksheet* sheet_ = nullptr;
    lxw_row_t row_ = 0;
    bool tiles_written_ = false;

    // Brand (logo or name), title, subtitle, and the period line.
    void header() {
        const bool logo = !t_.raster_logo.empty();
        worksheet_set_row(sheet_, 0, 32, nullptr);
        if (logo) {
            const auto [w, h] = image_size(t_.raster_logo);
            lxw_image_options opt{};
            opt.x_offset = 2;
            opt.y_offset = 2;
            opt.x_scale = opt.y_scale = h > 0 ? logo_height_px / h : 1.0;
            opt.object_position = LXW_OBJECT_MOVE_DONT_SIZE;
            const std::string alt = t_.brand_name.empty() ? std::string("logo") : t_.brand_name;
            opt.description = const_cast<char*>(alt.c_str());
            (void)w;
            if (worksheet_insert_image_opt(sheet_, 0, 0, t_.raster_logo.string().c_str(), &opt) != LXW_NO_ERROR)
                book_.notes.push_back("the theme's logo " + t_.raster_logo.filename().string() + " could not be embedded");
        } else if (!t_.logo.empty()) {
            book_.notes.push_back("the theme's logo " + t_.logo.filename().string() +
                                  " is an SVG, which the workbook cannot embed: it shows the brand name instead "
                                  "(give the theme a PNG or JPEG `raster_logo` for the workbook)");
        }
        if (!t_.brand_name.empty())
            write_text(sheet_, 0, logo ? 1 : 0, t_.brand_name,
                       format_for(book_, {t_.heading_font, 14, true, false, false, t_.light.primary}));
        write_text(sheet_, 1, 0, r_.title.empty() ? r_.name : r_.title,
                   format_for(book_, {t_.heading_font, 20, true, false, false, t_.light.text}));
        worksheet_set_row(sheet_, 1, 28, nullptr);
        row_ = 2;
        const cell_style quiet{"", 0, false, true, false, "#595959"};
        if (!r_.subtitle.empty()) write_text(sheet_, row_++, 0, r_.subtitle, format_for(book_, quiet));
        std::string line;
        const eval::period_info& p = r_.period;
        if (p.set && p.has_current) {
            line = std::string(book_.word("Period")) + ": " + p.current.label + "  ·  " + std::string(book_.word("Previous")) +
                   ": " + p.previous.label;
            if (p.to_date)
                line += "  ·  " + eval::iso_date_text(p.current_first) + " – " + eval::iso_date_text(p.current_last);
        }
        if (const double as_of = as_of_serial(book_); as_of > 0)
            line += (line.empty() ? "" : "  ·  ") + std::string(book_.word("As of")) + " " + eval::iso_date_text(as_of);
        if (!line.empty()) write_text(sheet_, row_++, 0, line, format_for(book_, quiet));
        if (!r_.description.empty()) write_text(sheet_, row_++, 0, r_.description, format_for(book_, quiet));
        ++row_;
    }

    // One row per tile: label, value, previous, change, change %, target.
    void tiles() {
        if (tiles_written_ || r_.kpis.empty()) return;
        tiles_written_ = true;
        const bool period = r_.period.set;
        std::vector<std::string> heads{"Metric", "Value"};
        if (period) heads.insert(heads.end(), {"Previous", "Change", "Change %", "Year ago", "YoY %"});
        heads.push_back("Target");
        cell_style head_right = header_style(book_);
        head_right.right = true;
        for (std::size_t c = 0; c < heads.size(); ++c)
            write_text(sheet_, row_, static_cast<lxw_col_t>(c), book_.word(heads[c]),
                       format_for(book_, c == 0 ? header_style(book_) : head_right));
        ++row_;
        for (std::size_t i = 0; i < r_.kpis.size(); ++i) tile(i, period);
        ++row_;
    }

    void tile(std::size_t index, bool period) {
        const eval::kpi_tile& tile = r_.kpis[index];
        const eval::metric_info& m = r_.metrics[tile.metric];
        const std::string code = metric_number_format(book_, m);
        const lxw_row_t row = row_++;
        worksheet_set_row(sheet_, row, 22, nullptr);

        // Label, with the metric's description and how it is aggregated over time as the comment.
        write_text(sheet_, row, 0, m.label.empty() ? m.name : m.label, format_for(book_, {"", 12, true, false, false, t_.light.text}));
        std::string about = m.description;
        if (!m.aggregation.empty()) about += (about.empty() ? "" : "\n") + m.aggregation;
        if (!about.empty()) worksheet_write_comment(sheet_, row, 0, about.c_str());

        // Value, coloured by the target: a formula over the tile's base aggregates on the calculation sheet.
        const std::string status_colour = tile.status == "good" ? t_.light.good : tile.status == "bad" ? t_.light.bad : t_.light.text;
        cell_style value_style{t_.numbers_font, 14, true, false, false, status_colour, "", code};
        value_style.right = true;
        const auto& calc = plan_.calculation;
        const auto ref = [&](std::size_t position, eval::period_offset offset) {
            const lxw_col_t col = offset.years_back > 0 ? kpi_calculation::year_ago_col
                                : offset.periods_back > 0 ? kpi_calculation::previous_col : kpi_calculation::current_col;
            return sheet_ref(calc.sheet, calc.first_row[index] + static_cast<lxw_row_t>(position), col);
        };
        const bool compare = period && r_.period.has_current && !tile.whole_data;
        const bool year_ago = compare && !tile.previous_year_context.bases.empty();
        const base_lookup now = context_lookup(tile.context, compare ? &tile.previous_context : nullptr,
                                               year_ago ? &tile.previous_year_context : nullptr, ref);
        write_metric_cell(book_, sheet_, row, 1, m, tile.current, now, format_for(book_, value_style));
        if (m.metric != eval::npos)
            workbook_define_name(book_.workbook, fresh_defined_name(book_, m.name).c_str(),
                                 ("=" + sheet_ref(plan_.summary, row, 1)).c_str());
        if (tile.whole_data && period) {
            std::string why(book_.word("Over all the data: the metric's sources have no {} dimension."));
            why.replace(why.find("{}"), 2, r_.period.dimension_name);
            worksheet_write_comment(sheet_, row, 1, why.c_str());
        }

        lxw_col_t col = 2;
        if (period) {
            cell_style plain{t_.numbers_font, 11, false, false, false, "#595959", "", code};
            plain.right = true;
            // The previous period and the year before: the same formula, one period or one year back.
            const base_lookup before = [&](std::size_t base, eval::period_offset o) { return now(base, {o.periods_back + 1, o.years_back}); };
            const base_lookup last_year = [&](std::size_t base, eval::period_offset o) { return now(base, {o.periods_back, o.years_back + 1}); };
            if (compare) write_metric_cell(book_, sheet_, row, col, m, tile.previous, before, format_for(book_, plain));
            else write_value(sheet_, row, col, tile.previous, format_for(book_, plain));
            // Change and change %: formulas over the two cells, as Folio computes them.
            const bool up_is_good = m.better != report::better_direction::lower;
            const std::string trend_colour = tile.trend == "up" ? (up_is_good ? t_.light.good : t_.light.bad)
                                           : tile.trend == "down" ? (up_is_good ? t_.light.bad : t_.light.good)
                                           : "#595959";
            cell_style change{t_.numbers_font, 11, false, false, false,
                              m.better == report::better_direction::unspecified ? std::string("#595959") : trend_colour, "",
                              arrow_number_format(code)};
            change.right = true;
            cell_style change_pct = change;
            change_pct.number_format = arrow_number_format(t_.percent_format);
            const std::string value_cell = cell_ref(row, 1), previous_cell = cell_ref(row, 2), change_cell = cell_ref(row, 3),
                              year_cell = cell_ref(row, 5);
            if (compare) {
                write_formula(sheet_, row, 3, value_cell + "-" + previous_cell, tile.change, format_for(book_, change));
                write_formula(sheet_, row, 4, change_cell + "/ABS(" + previous_cell + ")", tile.pct_change, format_for(book_, change_pct));
            } else {
                write_value(sheet_, row, 3, tile.change, format_for(book_, change));
                write_value(sheet_, row, 4, tile.pct_change, format_for(book_, change_pct));
            }
            // A year before and the change against it, over the size of the year-ago value (as Folio computes it).
            cell_style yoy = change_pct;
            yoy.color = "#595959";
            if (year_ago) {
                write_metric_cell(book_, sheet_, row, 5, m, tile.previous_year, last_year, format_for(book_, plain));
                write_formula(sheet_, row, 6, "(" + value_cell + "-" + year_cell + ")/ABS(" + year_cell + ")", tile.yoy_pct_change,
                              format_for(book_, yoy));
            } else {
                write_value(sheet_, row, 5, tile.previous_year, format_for(book_, plain));
                write_value(sheet_, row, 6, tile.yoy_pct_change, format_for(book_, yoy));
            }
            col = 7;
        }
        if (m.has_target) {
            cell_style target{t_.numbers_font, 11, false, false, false, "#595959", "", code};
            target.right = true;
            write_value(sheet_, row, col, m.target, format_for(book_, target));
        }
    }

    void chart(std::size_t index) {
        if (index >= r_.charts.size()) return;
        const lxw_row_t used = insert_chart(book_, sheet_, row_, 0, r_.charts[index]);
        row_ += used + (used > 0 ? 1 : 0);
    }

    // A link to the table's sheet: "Table: NPS by region →".
    void table_link(std::size_t index) {
        if (index >= r_.tables.size() || index >= plan_.tables.size()) return;
        const eval::table_result& t = r_.tables[index];
        const std::string label = std::string(book_.word("Table")) + ": " + plan_.tables[index] + "  →";
        const std::string url = "internal:" + sheet_ref(plan_.tables[index], 0, 0);
        cell_style link{"", 11, false, false, false, t_.light.primary};
        worksheet_write_url_opt(sheet_, row_, 0, url.c_str(), format_for(book_, link), label.c_str(), nullptr);
        std::string size = count_text(t.rows.size()) + " " + std::string(book_.word(t.rows.size() == 1 ? "row" : "rows"));
        write_text(sheet_, row_, 1, size, format_for(book_, {"", 0, false, true, false, "#595959"}));
        row_ += 2;
    }

    void data_line(std::size_t index) {
        if (index >= r_.data.size()) return;
        const eval::data_result& d = r_.data[index];
        std::string line = std::string(book_.word("Data")) + ": " + d.source;
        if (d.rows) line += " (" + count_text(d.rows->row_count()) + " " + std::string(book_.word("rows")) + ")";
        write_text(sheet_, row_, 0, line, format_for(book_, {"", 0, false, true, false, "#595959"}));
        row_ += 2;
    }

    // A count as the report's locale writes it: 18,834 (en-US), 18.834 (es-ES).
    std::string count_text(std::size_t n) const {
        const format_locale* locale = find_locale(book_.request.locale);
        return format_number(static_cast<double>(n), "#,##0", locale != nullptr ? *locale : en_us);
    }

    void text(std::size_t index) {
        if (index >= r_.texts.size()) return;
        write_text(sheet_, row_, 0, r_.texts[index], format_for(book_, {"", 11, false, false, false, t_.light.text}));
        row_ += 2;
    }
};

}  // namespace

double as_of_serial(const xlsx_book& book) {
    const auto& params = book.request.program.params;
    for (std::size_t i = 0; i < params.size() && i < book.request.result.params.size(); ++i)
        if (params[i].name == "as_of" && book.request.result.params[i].is_number()) return book.request.result.params[i].number();
    const eval::period_info& p = book.request.report.period;
    return p.set && p.has_current ? p.current_last : 0;
}

cell_style header_style(const xlsx_book& book) {
    const theme& t = book.request.theme;
    cell_style s{t.heading_font, 11, true, false, false, "#FFFFFF", t.light.primary};
    s.border_bottom = true;
    return s;
}

void set_print_layout(xlsx_book& book, lxw_worksheet* sheet, int repeat_row) {
    const eval::report_result& r = book.request.report;
    worksheet_set_landscape(sheet);
    worksheet_set_paper(sheet, 9);  // A4
    worksheet_fit_to_pages(sheet, 1, 0);
    if (repeat_row >= 0) worksheet_repeat_rows(sheet, static_cast<lxw_row_t>(repeat_row), static_cast<lxw_row_t>(repeat_row));
    const std::string brand = book.request.theme.brand_name;
    const std::string header = "&L" + header_text(brand) + "&R" + header_text(r.title.empty() ? r.name : r.title);
    worksheet_set_header(sheet, header.c_str());
    const std::string footer = "&L" + header_text(r.name) + "&R" + std::string(book.word("Page &P of &N"));
    worksheet_set_footer(sheet, footer.c_str());
}

void write_summary_sheet(xlsx_book& book, const sheet_plan& plan) { summary_writer(book, plan).write(); }

}  // namespace folio::templates::xlsx

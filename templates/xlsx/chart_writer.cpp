// Native Excel charts (see xlsx_book.hpp).
//
// Each chart block becomes a libxlsxwriter chart whose series read the chart's block on
// the "Chart data" sheet (chart_data_sheet.hpp): one series per metric and value of the
// `series:` dimension, the categories down column A. The series' caches are filled
// with the same values (chart_cache.hpp), so the chart shows real numbers in viewers
// that do not recalculate, in constant-memory mode too. Series names are ranges on
// that sheet rather than literal names: libxlsxwriter reads a literal name starting
// with "=" as a formula, and names come from the data.
//
// Types: line, column, bar, stacked column and bar, area, pie, doughnut and scatter
// map to Excel's; a scatter's two metrics are x and y (one series per series value). A
// combo (columns for the first metric, lines for the others) cannot be one chart in
// libxlsxwriter 1.1.4, which has no combined charts or secondary axes: it becomes a
// column chart with a line chart of the same width and categories right below it, and
// a note says so.
#include <algorithm>

#include "xlsx/chart_data_sheet.hpp"
#include "xlsx/xlsx_book.hpp"
#include "xlsx/xlsx_cells.hpp"

namespace folio::templates::xlsx {
namespace {

// A chart's size: 720 × 320 pixels, 16 rows of the default 20-pixel height.
constexpr double chart_width_px = 720, chart_height_px = 320;
constexpr lxw_row_t chart_rows = 16;
constexpr double default_width_px = 480, default_height_px = 288;  // libxlsxwriter's chart size

// Text shown as a label, never read as a formula (libxlsxwriter treats "=..." as a range).
std::string as_label(const std::string& text) { return !text.empty() && text[0] == '=' ? " " + text : text; }

std::uint8_t excel_type(report::chart_type type) {
    using report::chart_type;
    switch (type) {
        case chart_type::line: return LXW_CHART_LINE;
        case chart_type::column: return LXW_CHART_COLUMN;
        case chart_type::bar: return LXW_CHART_BAR;
        case chart_type::stacked_column: return LXW_CHART_COLUMN_STACKED;
        case chart_type::stacked_bar: return LXW_CHART_BAR_STACKED;
        case chart_type::area: return LXW_CHART_AREA;
        case chart_type::pie: return LXW_CHART_PIE;
        case chart_type::doughnut: return LXW_CHART_DOUGHNUT;
        case chart_type::scatter: return LXW_CHART_SCATTER_STRAIGHT_WITH_MARKERS;
        case chart_type::combo: return LXW_CHART_COLUMN;
    }
    return LXW_CHART_LINE;
}

bool horizontal(std::uint8_t type) { return type == LXW_CHART_BAR || type == LXW_CHART_BAR_STACKED; }
bool round(std::uint8_t type) { return type == LXW_CHART_PIE || type == LXW_CHART_DOUGHNUT; }
bool lines(std::uint8_t type) { return type == LXW_CHART_LINE; }
bool scatter(std::uint8_t type) { return type == LXW_CHART_SCATTER_STRAIGHT_WITH_MARKERS; }

// Builds charts from one chart block's data.
class chart_builder {
public:
    chart_builder(xlsx_book& book, const eval::chart_result& c, const chart_data_block& data)
        : book_(book), c_(c), data_(data) {}

    // A chart of `type` showing the series `which` (indices into c.series).
    lxw_chart* make(std::uint8_t type, const std::vector<std::size_t>& which) {
        lxw_chart* chart = workbook_add_chart(book_.workbook, type);
        if (chart == nullptr) throw render_error("cannot add chart " + c_.name);
        if (scatter(type)) {
            add_scatter_series(chart, which);
        } else {
            for (std::size_t k = 0; k < which.size(); ++k) add_series(chart, type, which[k], k);
        }
        decorate(chart, type, which);
        return chart;
    }

private:
    xlsx_book& book_;
    const eval::chart_result& c_;
    const chart_data_block& data_;

    lxw_color_t series_color(std::size_t k) const {
        const auto& colors = book_.request.theme.light.series;
        return colors.empty() ? 0x4472C4 : colour(colors[k % colors.size()]);
    }

    // Points the series' name at its header cell (with the cached text).
    void set_name(lxw_chart_series* series, const chart_data_block::series_column& column) {
        chart_series_set_name_range(series, data_.sheet.c_str(), data_.header_row, column.col);
        set_cache(series->title.range, {column.name});
    }

    void add_series(lxw_chart* chart, std::uint8_t type, std::size_t s, std::size_t k) {
        const chart_data_block::series_column& column = data_.series[s];
        lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
        chart_series_set_categories(series, data_.sheet.c_str(), data_.first_row, 0, data_.last_row, 0);
        chart_series_set_values(series, data_.sheet.c_str(), data_.first_row, column.col, data_.last_row, column.col);
        set_cache(series->categories, data_.categories);
        set_cache(series->values, column.values);
        set_name(series, column);
        if (round(type)) {
            // One colour per slice, in category order.
            std::vector<lxw_chart_fill> fills(data_.categories.size());
            std::vector<lxw_chart_point> points(fills.size());
            std::vector<lxw_chart_point*> list;
            for (std::size_t i = 0; i < fills.size(); ++i) {
                fills[i].color = series_color(i);
                points[i].fill = &fills[i];
                list.push_back(&points[i]);
            }
            list.push_back(nullptr);
            chart_series_set_points(series, list.data());  // copies the points
        } else if (lines(type)) {
            lxw_chart_line line{};
            line.color = series_color(k);
            line.width = 2.25f;
            chart_series_set_line(series, &line);
            chart_series_set_marker_type(series, LXW_CHART_MARKER_NONE);
        } else {
            lxw_chart_fill fill{};
            fill.color = series_color(k);
            chart_series_set_fill(series, &fill);
        }
    }

    // A scatter's series are the chart's first half (x: the first metric) paired with
    // its second half (y: the second metric), one pair per series value.
    void add_scatter_series(lxw_chart* chart, const std::vector<std::size_t>& which) {
        const std::size_t pairs = which.size() / 2;
        for (std::size_t k = 0; k < pairs; ++k) {
            const chart_data_block::series_column& x = data_.series[which[k]];
            const chart_data_block::series_column& y = data_.series[which[k + pairs]];
            lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
            chart_series_set_categories(series, data_.sheet.c_str(), data_.first_row, x.col, data_.last_row, x.col);
            chart_series_set_values(series, data_.sheet.c_str(), data_.first_row, y.col, data_.last_row, y.col);
            set_cache(series->categories, x.values);
            set_cache(series->values, y.values);
            set_name(series, y);
            lxw_chart_line line{};
            line.none = 1;  // points, not a line through them in category order
            chart_series_set_line(series, &line);
            chart_series_set_marker_type(series, LXW_CHART_MARKER_CIRCLE);
            lxw_chart_fill fill{};
            fill.color = series_color(k);
            chart_series_set_marker_fill(series, &fill);
            lxw_chart_line border{};
            border.color = series_color(k);
            chart_series_set_marker_line(series, &border);
        }
    }

    std::string metric_format(std::size_t s) const { return value_format(book_, c_, c_.series.at(s)); }

    void decorate(lxw_chart* chart, std::uint8_t type, const std::vector<std::size_t>& which) {
        std::string title = c_.title.empty() ? std::string() : c_.title;
        if (!c_.subtitle.empty()) title += (title.empty() ? "" : "\n") + c_.subtitle;
        if (!title.empty()) chart_title_set_name(chart, as_label(title).c_str());
        if (!c_.legend) {
            chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
        } else {
            chart_legend_set_position(chart, round(type) ? LXW_CHART_LEGEND_RIGHT : LXW_CHART_LEGEND_BOTTOM);
        }
        chart_show_blanks_as(chart, LXW_CHART_BLANKS_AS_GAP);
        if (round(type)) return;  // no axes
        // Bar charts draw the categories on the vertical axis; libxlsxwriter's x_axis is
        // the horizontal one, the values' axis there.
        lxw_chart_axis* category_axis = horizontal(type) ? chart->y_axis : chart->x_axis;
        lxw_chart_axis* value_axis = horizontal(type) ? chart->x_axis : chart->y_axis;
        if (!c_.x_title.empty()) chart_axis_set_name(category_axis, as_label(c_.x_title).c_str());
        if (!c_.y_title.empty()) chart_axis_set_name(value_axis, as_label(c_.y_title).c_str());
        if (which.empty()) return;
        const auto set_format = [](lxw_chart_axis* axis, const std::string& code) {
            if (!code.empty()) chart_axis_set_num_format(axis, code.c_str());
        };
        if (scatter(type)) {
            set_format(chart->x_axis, metric_format(which.front()));
            set_format(chart->y_axis, metric_format(which.back()));
        } else {
            set_format(value_axis, metric_format(which.front()));
        }
    }
};

void place(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, lxw_chart* chart, const std::string& alt_text) {
    lxw_chart_options options{};
    options.x_scale = chart_width_px / default_width_px;
    options.y_scale = chart_height_px / default_height_px;
    options.description = const_cast<char*>(alt_text.c_str());
    worksheet_insert_chart_opt(sheet, row, col, chart, &options);
}

}  // namespace

lxw_row_t insert_chart(xlsx_book& book, lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, const eval::chart_result& c) {
    const chart_data_block data = write_chart_data(book, c);
    chart_builder builder(book, c, data);
    const std::uint8_t type = excel_type(c.type);
    const std::string alt_text = c.title.empty() ? c.name : c.title;

    std::vector<std::size_t> all(c.series.size());
    for (std::size_t s = 0; s < all.size(); ++s) all[s] = s;
    if (c.type != report::chart_type::combo || c.metrics.empty()) {
        place(sheet, row, col, builder.make(type, all), alt_text);
        return chart_rows;
    }

    // A combo: the first metric's series as columns, the others' as lines, in two charts.
    std::vector<std::size_t> columns, others;
    for (std::size_t s : all) (c.series[s].metric == c.metrics.front() ? columns : others).push_back(s);
    place(sheet, row, col, builder.make(LXW_CHART_COLUMN, columns), alt_text);
    place(sheet, row + chart_rows, col, builder.make(LXW_CHART_LINE, others), alt_text);
    book.notes.push_back("chart " + c.name +
                         ": Excel charts written by Folio cannot combine columns and lines, so the workbook shows two "
                         "aligned charts, columns above lines (the HTML output shows one combined chart)");
    return 2 * chart_rows;
}

}  // namespace folio::templates::xlsx

// A table block's sheet (see xlsx_parts.hpp):
//
//   row 0   title                                            Base aggregates (grouped, collapsed)
//   row 1   region | NPS | CSAT | FRT                        count(...) | rows(...) | ...
//   row 2.. EMEA   | =100*(E3/F3)-100*(G3/F3) | ...          118        | 350       | ...
//   last    Total  | the same formulas over the totals' own base aggregates
//
// Metric cells are formulas over the base aggregates of their row (relative references, so a
// reader can follow them); the totals row reads base aggregates Folio computed over all the data,
// never a sum of the rows. Header styling, number formats, frozen panes, an autofilter, fitted
// column widths and conditional formats (traffic light against a target, a colour scale without one).
#include <algorithm>
#include <map>

#include "xlsx/metric_cells.hpp"
#include "xlsx/xlsx_parts.hpp"

namespace folio::templates::xlsx {
namespace {

constexpr lxw_row_t title_row = 0, header_row = 1, first_row = 2;

// `hex` mixed with white: a light fill for a conditional format.
std::string tint(const std::string& hex, double white) {
    const lxw_color_t c = colour(hex);
    char out[8];
    const auto mix = [&](unsigned shift) {
        const double v = static_cast<double>((c >> shift) & 0xFF);
        return static_cast<unsigned>(v + (255.0 - v) * white + 0.5);
    };
    std::snprintf(out, sizeof out, "#%02X%02X%02X", mix(16), mix(8), mix(0));
    return out;
}

// A dimension value as a cell: periods and text by their label, numbers and booleans as themselves.
value dimension_cell(const eval::dimension_value& d) {
    if (d.grain != report::time_grain::none || d.v.is_text()) return value(d.label);
    return d.v;
}

class table_writer {
public:
    table_writer(xlsx_book& book, const eval::table_result& t, const std::string& name)
        : book_(book), t_(t), name_(name), r_(book.request.report), theme_(book.request.theme) {}

    void write() {
        sheet_ = workbook_add_worksheet(book_.workbook, name_.c_str());
        if (sheet_ == nullptr) throw render_error("cannot add the sheet '" + name_ + "'");
        layout_bases();
        dims_ = static_cast<lxw_col_t>(t_.by_names.size());
        metrics_ = static_cast<lxw_col_t>(t_.metrics.size());
        for (std::size_t m : t_.metrics) codes_.push_back(metric_number_format(book_, r_.metrics[m]));
        widths_.assign(dims_ + metrics_, 8);
        set_print_layout(book_, sheet_, static_cast<int>(header_row));
        set_columns();

        write_text(sheet_, title_row, 0, t_.title.empty() ? name_ : t_.title,
                   format_for(book_, {theme_.heading_font, 14, true, false, false, theme_.light.primary}));
        if (!bases_.empty())
            write_text(sheet_, title_row, base_col(0), book_.word("Base aggregates"), format_for(book_, {"", 0, true}));
        header();
        lxw_row_t row = first_row;
        for (const eval::table_row& data : t_.rows) write_row(row++, data, false);
        const lxw_row_t last_data = row - 1;
        if (t_.has_totals) write_row(row++, t_.totals, true);

        worksheet_freeze_panes(sheet_, first_row, dims_);
        if (!t_.rows.empty()) {
            worksheet_autofilter(sheet_, header_row, 0, last_data, dims_ + metrics_ - 1);
            for (lxw_col_t m = 0; m < metrics_; ++m) conditional_format(m, last_data);
        }
        fit_columns();
    }

private:
    xlsx_book& book_;
    const eval::table_result& t_;
    const std::string& name_;
    const eval::report_result& r_;
    const theme& theme_;
    lxw_worksheet* sheet_ = nullptr;
    lxw_col_t dims_ = 0, metrics_ = 0;
    std::vector<std::size_t> bases_;         // base aggregate indices, one column each
    std::map<std::size_t, std::size_t> base_position_;
    std::vector<std::string> codes_;         // number format per metric
    std::vector<std::size_t> widths_;        // characters, per dimension and metric column

    lxw_col_t base_col(std::size_t position) const { return dims_ + metrics_ + static_cast<lxw_col_t>(position); }

    void layout_bases() {
        std::vector<std::size_t> all;
        for (const eval::table_row& row : t_.rows)
            for (const auto& b : row.context.bases) all.push_back(b.first);
        for (const auto& b : t_.totals.context.bases) all.push_back(b.first);
        std::sort(all.begin(), all.end());
        all.erase(std::unique(all.begin(), all.end()), all.end());
        bases_ = all;
        for (std::size_t i = 0; i < bases_.size(); ++i) base_position_[bases_[i]] = i;
    }

    // The base aggregate columns: one collapsed outline group (click + to show them).
    void set_columns() {
        if (bases_.empty()) return;
        lxw_row_col_options grouped{};
        grouped.hidden = 1;
        grouped.level = 1;
        worksheet_set_column_opt(sheet_, base_col(0), base_col(bases_.size() - 1), 28, nullptr, &grouped);
        lxw_row_col_options after{};
        after.collapsed = 1;
        worksheet_set_column_opt(sheet_, base_col(bases_.size()), base_col(bases_.size()), 8.43, nullptr, &after);
        worksheet_outline_settings(sheet_, 1, 1, 1, 0);
    }

    void header() {
        const cell_style left = header_style(book_);
        cell_style right = left;
        right.right = true;
        cell_style wrapped = left;
        wrapped.wrap = true;
        for (lxw_col_t c = 0; c < dims_; ++c) {
            write_text(sheet_, header_row, c, t_.by_names[c], format_for(book_, left));
            widths_[c] = std::max(widths_[c], t_.by_names[c].size() + 4);
        }
        for (lxw_col_t m = 0; m < metrics_; ++m) {
            const eval::metric_info& info = r_.metrics[t_.metrics[m]];
            write_text(sheet_, header_row, dims_ + m, info.name, format_for(book_, right));
            widths_[dims_ + m] = std::max(widths_[dims_ + m], info.name.size() + 4);
            std::string about = info.label;
            if (!info.description.empty()) about += (about.empty() ? "" : ": ") + info.description;
            if (!info.aggregation.empty()) about += (about.empty() ? "" : "\n") + info.aggregation;
            if (!about.empty()) worksheet_write_comment(sheet_, header_row, dims_ + m, about.c_str());
        }
        const auto& aggregates = book_.request.result.aggregates;
        for (std::size_t b = 0; b < bases_.size(); ++b)
            write_text(sheet_, header_row, base_col(b), bases_[b] < aggregates.size() ? aggregates[bases_[b]].text : "",
                       format_for(book_, wrapped));
    }

    void write_row(lxw_row_t row, const eval::table_row& data, bool totals) {
        cell_style text{"", 0, totals};
        text.border_top = totals;
        for (lxw_col_t c = 0; c < dims_; ++c) {
            if (totals) {
                write_text(sheet_, row, c, c == 0 ? book_.word("Total") : "", format_for(book_, text));
                continue;
            }
            const value v = dimension_cell(data.dims[c]);
            write_value(sheet_, row, c, v, format_for(book_, text));
            widths_[c] = std::max(widths_[c], display_width(v, "") + 2);
        }
        const base_lookup lookup = context_lookup(data.context, nullptr, nullptr, [&](std::size_t position, eval::period_offset) {
            return cell_ref(row, base_col(base_position_.at(data.context.bases[position].first)));
        });
        for (lxw_col_t m = 0; m < metrics_; ++m) {
            cell_style number{theme_.numbers_font, 0, totals, false, false, "", "", codes_[m]};
            number.border_top = totals;
            const value& v = m < data.values.size() ? data.values[m] : value();
            write_metric_cell(book_, sheet_, row, dims_ + m, r_.metrics[t_.metrics[m]], v, lookup, format_for(book_, number));
            widths_[dims_ + m] = std::max(widths_[dims_ + m], display_width(v, codes_[m]) + 2);
        }
        lxw_format* base_format = format_for(book_, {theme_.numbers_font});
        for (const auto& [base, v] : data.context.bases) write_value(sheet_, row, base_col(base_position_.at(base)), v, base_format);
    }

    // Traffic light against the metric's target; without one, a colour scale in the direction of `better`.
    void conditional_format(lxw_col_t m, lxw_row_t last) {
        const eval::metric_info& info = r_.metrics[t_.metrics[m]];
        const lxw_col_t col = dims_ + m;
        const bool lower = info.better == report::better_direction::lower;
        const std::string good = tint(theme_.light.good, 0.75), bad = tint(theme_.light.bad, 0.75);
        if (info.has_target && info.target.is_number()) {
            lxw_conditional_format pass{};
            pass.type = LXW_CONDITIONAL_TYPE_CELL;
            pass.criteria = lower ? LXW_CONDITIONAL_CRITERIA_LESS_THAN_OR_EQUAL_TO : LXW_CONDITIONAL_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
            pass.value = info.target.number();
            pass.format = conditional_fill(good);
            worksheet_conditional_format_range(sheet_, first_row, col, last, col, &pass);
            lxw_conditional_format fail{};
            fail.type = LXW_CONDITIONAL_TYPE_CELL;
            fail.criteria = lower ? LXW_CONDITIONAL_CRITERIA_GREATER_THAN : LXW_CONDITIONAL_CRITERIA_LESS_THAN;
            fail.value = info.target.number();
            fail.format = conditional_fill(bad);
            worksheet_conditional_format_range(sheet_, first_row, col, last, col, &fail);
            return;
        }
        const bool numbers = std::any_of(t_.rows.begin(), t_.rows.end(),
                                         [&](const eval::table_row& row) { return m < row.values.size() && row.values[m].is_number(); });
        if (!numbers || info.type == report::value_type::date) return;
        lxw_conditional_format scale{};
        scale.type = LXW_CONDITIONAL_2_COLOR_SCALE;
        if (info.better == report::better_direction::unspecified) {
            scale.min_color = colour("#FFFFFF");
            scale.max_color = colour(tint(theme_.light.primary, 0.6));
        } else {
            scale.min_color = colour(lower ? good : bad);
            scale.max_color = colour(lower ? bad : good);
        }
        worksheet_conditional_format_range(sheet_, first_row, col, last, col, &scale);
    }

    lxw_format* conditional_fill(const std::string& fill) {
        const std::string key = "conditional|" + fill;
        if (auto found = book_.formats.find(key); found != book_.formats.end()) return found->second;
        lxw_format* f = workbook_add_format(book_.workbook);
        format_set_bg_color(f, colour(fill));
        book_.formats.emplace(key, f);
        return f;
    }

    void fit_columns() {
        for (lxw_col_t c = 0; c < dims_ + metrics_; ++c)
            worksheet_set_column(sheet_, c, c, static_cast<double>(std::min<std::size_t>(widths_[c], 60)), nullptr);
    }
};

}  // namespace

void write_table_sheet(xlsx_book& book, const eval::table_result& t, const std::string& name) {
    table_writer(book, t, name).write();
}

}  // namespace folio::templates::xlsx

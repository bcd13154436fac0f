// The small pieces every sheet of the workbook writes with: cell formats by description
// (created once per workbook), cell references, safe cell values, cached formulas, the
// number format of a metric, valid sheet and defined names.
//
// Values from data are written as what they are (a text starting with "=" stays text);
// only the renderer's own formula text goes through write_formula.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <xlsxwriter.h>

#include "xlsx/xlsx_book.hpp"

namespace folio::templates::xlsx {

// What a cell looks like; equal descriptions share one libxlsxwriter format.
struct cell_style {
    cell_style(std::string font_ = "", double size_ = 0, bool bold_ = false, bool italic_ = false, bool wrap_ = false,
               std::string color_ = "", std::string fill_ = "", std::string number_format_ = "")
        : font(std::move(font_)), size(size_), bold(bold_), italic(italic_), wrap(wrap_), color(std::move(color_)),
          fill(std::move(fill_)), number_format(std::move(number_format_)) {}

    std::string font;                 // "" : the theme's body font
    double size = 0;                  // points; 0: 11
    bool bold = false, italic = false, wrap = false;
    std::string color;                // "#RRGGBB"; "": default
    std::string fill;                 // "#RRGGBB"; "": none
    std::string number_format;        // Excel code; "": General
    bool border_bottom = false, border_top = false;
    bool right = false;               // right-aligned
};

/// Returns the book's format for `style`, creating it on first use.
lxw_format* format_for(xlsx_book& book, const cell_style& style);

/// Returns "#RRGGBB" as a libxlsxwriter colour.
lxw_color_t colour(std::string_view hex);

/// Returns "A1"-style text for a zero-based cell; `absolute` gives "$A$1".
std::string cell_ref(lxw_row_t row, lxw_col_t col, bool absolute = false);

/// Returns a reference to a cell of another sheet: "'Calc sheet'!$C$4".
std::string sheet_ref(std::string_view sheet, lxw_row_t row, lxw_col_t col);

/// Writes a value from Folio: numbers, booleans, text (always as text, never a formula),
/// blanks, and errors as the error itself (a formula such as =#DIV/0!).
void write_value(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, const value& v, lxw_format* format);

/// Writes text as text (never a formula), cut at Excel's 32,767-character limit.
void write_text(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, std::string_view text, lxw_format* format);

/// Writes `formula` (without '=') with `cached` as its stored result, so viewers that do not
/// recalculate show Folio's number. Errors are cached as their text (libxlsxwriter 1.1.4 cannot
/// store an error result).
void write_formula(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, const std::string& formula,
                   const value& cached, lxw_format* format);

/// Returns the Excel number format of a metric: its `format:`, else the theme's default for its
/// kind (percent for share(...) metrics), with its unit appended as a literal (`0.0" min"`).
std::string metric_number_format(const xlsx_book& book, const eval::metric_info& m);

/// Returns `code` with "▲ ", "▼ " and "= " in front of its positive, negative and zero sections.
std::string arrow_number_format(const std::string& code);

/// Returns a new sheet name from `text`: Excel's characters and 31-character limit, not used yet.
std::string fresh_sheet_name(xlsx_book& book, std::string_view text);

/// Returns a valid Excel defined name for `text` not used yet in the book ("MRR1" → "MRR1_",
/// "first response" → "first_response"); records it.
std::string fresh_defined_name(xlsx_book& book, std::string_view text);

/// Returns how wide (in characters) `v` shows in number format `code`.
std::size_t display_width(const value& v, const std::string& code);

/// Escapes '&' for a page header or footer.
std::string header_text(std::string_view text);

}  // namespace folio::templates::xlsx

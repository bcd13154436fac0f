// Metric formulas and their cells (see metric_cells.hpp).
#include "xlsx/metric_cells.hpp"

#include <array>
#include <cctype>

#include "xlsx/xlsx_cells.hpp"

namespace folio::templates::xlsx {
namespace {

// Functions Folio knows that LibreOffice 7.4 (Debian 12) does not evaluate from an .xlsx file: a formula
// using one would show #NAME? there, so the value is written instead.
constexpr std::array<std::string_view, 12> missing_in_libreoffice = {
    "XLOOKUP(", "XMATCH(", "LET(", "LAMBDA(", "FILTER(", "UNIQUE(", "SORT(", "SORTBY(", "SEQUENCE(",
    "RANDARRAY(", "NETWORKDAYS.INTL(", "WORKDAY.INTL("};

// The function of `formula` LibreOffice lacks, or "".
std::string missing_function(const std::string& formula) {
    for (std::string_view name : missing_in_libreoffice) {
        for (std::size_t at = formula.find(name); at != std::string::npos; at = formula.find(name, at + 1)) {
            // A whole name: not the tail of a longer one (SORT( inside SORTBY( is matched by SORTBY( itself).
            const char before = at == 0 ? ' ' : formula[at - 1];
            if (std::isalnum(static_cast<unsigned char>(before)) || before == '_') {
                if (at >= 6 && formula.compare(at - 6, 6, "_xlfn.") == 0) return std::string(name.substr(0, name.size() - 1));
                continue;
            }
            return std::string(name.substr(0, name.size() - 1));
        }
    }
    return "";
}

}  // namespace

metric_formula formula_for(const xlsx_book& book, const eval::metric_info& m, const base_lookup& cell) {
    metric_formula out;
    if (m.formula == nullptr) {
        out.why_not = std::string(book.word("Folio's value: this metric has no formula to write."));
        return out;
    }
    bool missing = false;
    const eval::shifted_base_cell lookup = [&](std::size_t base, eval::period_offset offset) {
        std::string ref = cell(base, offset);
        if (ref.empty()) {
            missing = true;
            return std::string("#N/A");
        }
        return ref;
    };
    // A use that names a metric is that metric's formula (excel_formula would wrap it in parentheses).
    const report::expr* e = m.formula;
    const auto& metrics = book.request.program.metrics;
    for (int depth = 0; e->kind == report::expr_kind::metric && e->index < metrics.size() && depth < 16; ++depth)
        e = &metrics[e->index].formula;
    std::string text = eval::excel_formula(book.request.program, book.request.result, *e, lookup, true);
    if (missing) {
        out.why_not = std::string(book.word("Folio's value: the metric reads an earlier period whose base aggregates are not in this workbook."));
        return out;
    }
    if (const std::string name = missing_function(text); !name.empty()) {
        std::string why(book.word("Folio's value: LibreOffice has no {} function, so a formula would not recalculate there."));
        why.replace(why.find("{}"), 2, name);
        out.why_not = why;
        return out;
    }
    out.text = std::move(text);
    return out;
}

bool write_metric_cell(xlsx_book& book, lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col,
                       const eval::metric_info& m, const value& cached, const base_lookup& cell, lxw_format* format) {
    const metric_formula f = formula_for(book, m, cell);
    if (!f.text.empty()) {
        write_formula(sheet, row, col, f.text, cached, format);
        return true;
    }
    write_value(sheet, row, col, cached, format);
    worksheet_write_comment(sheet, row, col, f.why_not.c_str());
    return false;
}

base_lookup context_lookup(const eval::context_result& now, const eval::context_result* previous,
                           const eval::context_result* year_ago, base_position_ref ref) {
    return [&now, previous, year_ago, ref = std::move(ref)](std::size_t base, eval::period_offset offset) -> std::string {
        // Rows and columns follow the current context's bases; the other period must have the base too.
        const eval::context_result* c = nullptr;
        if (offset.periods_back == 0 && offset.years_back == 0) c = &now;
        else if (offset.periods_back == 1 && offset.years_back == 0) c = previous;
        else if (offset.periods_back == 0 && offset.years_back == 1) c = year_ago;
        if (c == nullptr) return "";
        const auto has = [base](const eval::context_result& x) {
            for (const auto& b : x.bases)
                if (b.first == base) return true;
            return false;
        };
        if (!has(*c)) return "";
        for (std::size_t i = 0; i < now.bases.size(); ++i)
            if (now.bases[i].first == base) return ref(i, offset);
        return "";
    };
}

}  // namespace folio::templates::xlsx

// The XLSX renderer (see render.hpp): one workbook per report, with libxlsxwriter.
//
// Opens the workbook under a temporary name beside the target, names the sheets, writes them
// in tab order (xlsx_parts.hpp), sets the document properties and renames the file into place;
// a failure removes the temporary file, so no half-written workbook is ever left behind.
// Document dates are fixed (the report's as-of date), so the same input gives the same parts.
#include <ctime>

#include "folio/engine/output_file.hpp"
#include "folio/templates/render.hpp"
#include "folio/templates/words.hpp"
#include "xlsx/xlsx_parts.hpp"

namespace folio::templates {
namespace xlsx {
namespace {

namespace fs = std::filesystem;

// 1900-system date serial → seconds since 1970 (UTC); 2000-01-01 when the report has no date.
std::time_t document_time(double serial) {
    if (serial <= 25569) return 946684800;
    return static_cast<std::time_t>((serial - 25569.0) * 86400.0);
}

void set_properties(xlsx_book& book) {
    const eval::report_result& r = book.request.report;
    const std::string title = r.title.empty() ? r.name : r.title;
    const std::string subject = !r.subtitle.empty() ? r.subtitle : r.description;
    std::string keywords = "Folio, " + r.name;
    for (const eval::kpi_tile& t : r.kpis) keywords += ", " + r.metrics[t.metric].name;
    const std::string company = book.request.theme.brand_name;
    const std::string author = company.empty() ? std::string("Folio") : company;
    lxw_doc_properties p{};
    p.title = const_cast<char*>(title.c_str());
    p.subject = const_cast<char*>(subject.c_str());
    p.author = const_cast<char*>(author.c_str());
    p.company = const_cast<char*>(company.c_str());
    p.keywords = const_cast<char*>(keywords.c_str());
    p.comments = const_cast<char*>(r.description.c_str());
    p.created = document_time(as_of_serial(book));
    workbook_set_properties(book.workbook, &p);
}

// Every sheet in tab order: the summary, the tables, the calculation sheet, then the data blocks.
void write_sheets(xlsx_book& book) {
    const eval::report_result& r = book.request.report;
    sheet_plan plan;
    plan.summary = fresh_sheet_name(book, book.word("Summary"));
    for (std::size_t i = 0; i < r.tables.size(); ++i) {
        const eval::table_result& t = r.tables[i];
        std::string wanted = t.title;
        if (wanted.empty()) {
            wanted = std::string(book.word("By")) + " ";
            for (std::size_t d = 0; d < t.by_names.size(); ++d) wanted += (d ? ", " : "") + t.by_names[d];
            if (t.by_names.empty()) wanted = std::string(book.word("Table")) + " " + std::to_string(i + 1);
        }
        plan.tables.push_back(fresh_sheet_name(book, wanted));
    }
    plan.calculation = plan_kpi_calculation(book);

    write_summary_sheet(book, plan);
    for (std::size_t i = 0; i < r.tables.size(); ++i) write_table_sheet(book, r.tables[i], plan.tables[i]);
    write_calculation_sheet(book, plan.calculation);
    for (const eval::layout_item& item : r.layout)
        if (item.kind == report::block_kind::data && item.index < r.data.size()) write_data_sheet(book, r.data[item.index]);
    set_properties(book);
}

}  // namespace

std::string_view xlsx_book::word(std::string_view english) const { return translate(request.locale, english); }

}  // namespace xlsx

std::vector<std::string> write_xlsx(const render_request& request, const std::filesystem::path& path) {
    namespace fs = std::filesystem;
    const fs::path tmp = temporary_beside(path);
    xlsx::xlsx_book book(request);
    book.constant_memory = xlsx::needs_constant_memory(request.report);
    lxw_workbook_options options{};
    options.constant_memory = book.constant_memory ? 1 : 0;
    options.use_zip64 = 1;
    const std::string tmp_name = tmp.string();
    book.workbook = workbook_new_opt(tmp_name.c_str(), &options);
    if (book.workbook == nullptr) throw render_error(path.string() + ": cannot create the workbook");
    std::error_code ec;
    try {
        xlsx::write_sheets(book);
    } catch (const std::exception& e) {
        workbook_close(book.workbook);
        fs::remove(tmp, ec);
        throw render_error(path.string() + ": " + e.what());
    }
    if (const lxw_error status = workbook_close(book.workbook); status != LXW_NO_ERROR) {
        fs::remove(tmp, ec);
        throw render_error(path.string() + ": cannot write the workbook: " + lxw_strerror(status));
    }
    if (const std::string why = move_into_place(tmp, path); !why.empty())
        throw render_error(path.string() + ": cannot write the workbook: " + why);
    return book.notes;
}

}  // namespace folio::templates

// Choosing a report's page template, checking it and rendering the page (see html.hpp).
#include <algorithm>

#include <kainjow/mustache.hpp>

#include "folio/templates/html.hpp"
#include "html/template_check.hpp"
#include "html/template_files.hpp"
#include "html/view_model.hpp"
#include "html/view_schema.hpp"

namespace folio::templates {
namespace {

namespace fs = std::filesystem;
using html::page_template;
using html::template_library;

std::string place(const report::location& loc) {
    if (loc.file == nullptr) return "";
    const dsl::line_column lc = loc.file->position(loc.span.offset);
    return loc.file->path() + ":" + std::to_string(lc.line) + ":" + std::to_string(lc.column) + ": ";
}

bool is_builtin_audience(const std::string& name) {
    return std::find(std::begin(html::builtin_audiences), std::end(html::builtin_audiences), name) !=
           std::end(html::builtin_audiences);
}

// The page `name` names: a built-in audience (which a template folder may override), a .mustache
// file or a folder with report.mustache. `folder`: where relative paths start and must stay.
page_template page_at(const std::string& name, const fs::path& folder, const std::vector<fs::path>& dirs,
                      const std::string& where) {
    page_template p;
    if (is_builtin_audience(name)) {
        p.audience = name;
        p.library = std::make_shared<template_library>(dirs, fs::path());
        p.page = p.library->find(name);
        return p;
    }
    const fs::path relative(name);
    if (relative.is_absolute() || relative.has_root_name())
        throw render_error(where + "the template '" + name +
                           "' must be a built-in audience (executive, manager, analyst, default) or a path relative to the report's folder");
    const fs::path target = (folder / relative).lexically_normal();
    if (auto why = html::inside_folder(folder, target))
        throw render_error(where + "the template '" + name + "' is outside the report's folder (" + *why +
                           "): templates cannot read outside their allowed folders");
    std::error_code ec;
    fs::path file = target;
    fs::path own = target.parent_path();
    if (fs::is_directory(target, ec)) {
        file = target / "report.mustache";
        own = target;
    }
    if (!fs::is_regular_file(file, ec))
        throw render_error(where + "cannot find the template '" + name + "' (looked for " + file.string() + ")");
    p.audience = (file.filename() == "report.mustache" ? own.filename() : file.stem()).string();
    p.library = std::make_shared<template_library>(dirs, own);
    p.page = std::make_shared<const dsl::source_file>(file.string(), html::read_file_text(file));
    return p;
}

page_template choose_page(const render_request& request) {
    const report::report& declared = request.program.reports.at(request.report.report);
    if (declared.template_path.set) {
        const report::location& loc = declared.template_path.loc;
        const fs::path folder = loc.file != nullptr ? fs::path(loc.file->path()).parent_path() : fs::path(".");
        return page_at(declared.template_path.value, folder, request.template_dirs, place(loc));
    }
    const std::string audience = is_builtin_audience(request.report.name) ? request.report.name : "default";
    return page_at(audience, fs::path(), request.template_dirs, "");
}

template_check check_page_template(const page_template& p) {
    template_check out;
    html::check_page(*p.page, *p.library, out.diagnostics);
    out.files = p.library->files();
    out.files.push_back(p.page);
    return out;
}

}  // namespace

std::string render_html(const render_request& request, std::vector<std::string>& notes) {
    const page_template p = choose_page(request);
    dsl::diagnostic_list problems;
    const std::vector<std::string> partials = html::check_page(*p.page, *p.library, problems);
    if (problems.has_errors()) {
        problems.sort();
        std::string text = dsl::format_text(problems);
        while (!text.empty() && text.back() == '\n') text.pop_back();
        throw render_error("the HTML template of report '" + request.report.name + "' has errors:\n" + text);
    }
    for (const dsl::diagnostic& d : problems.items()) {
        const dsl::line_column lc = d.file != nullptr ? d.file->position(d.span.offset) : dsl::line_column{};
        notes.push_back((d.file != nullptr ? d.file->path() + ":" + std::to_string(lc.line) + ":" + std::to_string(lc.column) + ": " : "") +
                        d.message);
    }
    kainjow::mustache::data root = html::build_view_model(request, p.audience, notes);
    // kainjow looks partials up among the data's keys; the check made sure no key has a partial's name.
    for (const std::string& name : partials) root.set(name, p.library->find(name)->text());
    kainjow::mustache::mustache page{p.page->text()};
    std::string text = page.render(root);
    if (!page.is_valid()) throw render_error("cannot render the HTML template " + p.page->path() + ": " + page.error_message());
    return text;
}

template_check check_report_template(const render_request& request) { return check_page_template(choose_page(request)); }

template_check check_template(const fs::path& page, const std::vector<fs::path>& template_dirs) {
    const std::string name = page.string();
    if (is_builtin_audience(name)) return check_page_template(page_at(name, fs::path(), template_dirs, ""));
    const fs::path folder = page.has_parent_path() ? page.parent_path() : fs::path(".");
    return check_page_template(page_at(page.filename().string(), folder, template_dirs, ""));
}

std::vector<std::string> html_view_model_keys() { return html::schema_paths(); }

}  // namespace folio::templates

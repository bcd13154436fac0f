// Formats, references, safe values and names for the workbook's sheets (see xlsx_cells.hpp).
#include "xlsx/xlsx_cells.hpp"

#include <algorithm>
#include <cctype>

#include "folio/engine/number_format.hpp"
#include "metric_format.hpp"
#include "folio/templates/words.hpp"

namespace folio::templates::xlsx {
namespace {

constexpr std::size_t max_cell_text = 32767;

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// The first `chars` UTF-8 characters of `text`.
std::string_view first_characters(std::string_view text, std::size_t chars) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (is_continuation(static_cast<unsigned char>(text[i]))) continue;
        if (count == chars) return text.substr(0, i);
        ++count;
    }
    return text;
}

std::size_t character_count(std::string_view text) {
    std::size_t count = 0;
    for (char c : text) count += is_continuation(static_cast<unsigned char>(c)) ? 0 : 1;
    return count;
}

bool contains(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

// Whether `name` reads as a cell reference ("MRR1", "XFD1048576", "R1C1", "R", "C12"), which Excel refuses
// as a defined name.
bool looks_like_cell(const std::string& name) {
    std::size_t letters = 0;
    while (letters < name.size() && std::isalpha(static_cast<unsigned char>(name[letters]))) ++letters;
    const bool digits_follow = letters < name.size() &&
        std::all_of(name.begin() + static_cast<long>(letters), name.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    if (letters >= 1 && letters <= 3 && digits_follow) return true;
    // R1C1 forms: R, C, Rn, Cn, RnCn.
    const std::string up = [&] {
        std::string u = name;
        for (char& c : u) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        return u;
    }();
    std::size_t i = 0;
    if (i < up.size() && up[i] == 'R') {
        ++i;
        while (i < up.size() && std::isdigit(static_cast<unsigned char>(up[i]))) ++i;
    }
    if (i < up.size() && up[i] == 'C') {
        ++i;
        while (i < up.size() && std::isdigit(static_cast<unsigned char>(up[i]))) ++i;
    }
    return i == up.size() && i > 0;
}

// Whether a metric's formula is a share(...), a fraction shown as a percent by default.

}  // namespace

lxw_color_t colour(std::string_view hex) {
    if (hex.size() != 7 || hex[0] != '#') return LXW_COLOR_BLACK;
    return static_cast<lxw_color_t>(std::stoul(std::string(hex.substr(1)), nullptr, 16));
}

lxw_format* format_for(xlsx_book& book, const cell_style& s) {
    const std::string font = s.font.empty() ? book.request.theme.body_font : s.font;
    const std::string key = font + '|' + std::to_string(s.size) + '|' + (s.bold ? 'b' : '-') + (s.italic ? 'i' : '-') +
                            (s.wrap ? 'w' : '-') + (s.border_bottom ? '_' : '-') + (s.border_top ? '^' : '-') +
                            (s.right ? 'r' : '-') + '|' + s.color + '|' + s.fill + '|' + s.number_format;
    if (auto found = book.formats.find(key); found != book.formats.end()) return found->second;
    lxw_format* f = workbook_add_format(book.workbook);
    if (!font.empty()) format_set_font_name(f, font.c_str());
    if (s.size > 0) format_set_font_size(f, s.size);
    if (s.bold) format_set_bold(f);
    if (s.italic) format_set_italic(f);
    if (s.wrap) format_set_text_wrap(f);
    if (!s.color.empty()) format_set_font_color(f, colour(s.color));
    if (!s.fill.empty()) {
        format_set_pattern(f, LXW_PATTERN_SOLID);
        format_set_bg_color(f, colour(s.fill));
    }
    if (!s.number_format.empty()) format_set_num_format(f, s.number_format.c_str());
    if (s.border_bottom) format_set_bottom(f, LXW_BORDER_THIN);
    if (s.border_top) format_set_top(f, LXW_BORDER_THIN);
    if (s.right) format_set_align(f, LXW_ALIGN_RIGHT);
    format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    book.formats.emplace(key, f);
    return f;
}

std::string cell_ref(lxw_row_t row, lxw_col_t col, bool absolute) {
    std::string letters;
    for (unsigned n = col + 1; n > 0; n = (n - 1) / 26) letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
    const std::string dollar = absolute ? "$" : "";
    return dollar + letters + dollar + std::to_string(row + 1);
}

std::string sheet_ref(std::string_view sheet, lxw_row_t row, lxw_col_t col) {
    std::string quoted = "'";
    for (char c : sheet) {
        quoted.push_back(c);
        if (c == '\'') quoted.push_back('\'');
    }
    return quoted + "'!" + cell_ref(row, col, true);
}

void write_text(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, std::string_view text, lxw_format* format) {
    const std::string cut(text.size() > max_cell_text ? first_characters(text, max_cell_text) : text);
    if (cut.empty()) worksheet_write_blank(sheet, row, col, format);
    else worksheet_write_string(sheet, row, col, cut.c_str(), format);
}

void write_value(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, const value& v, lxw_format* format) {
    switch (v.type()) {
        case value::kind::number: worksheet_write_number(sheet, row, col, v.number(), format); break;
        case value::kind::boolean: worksheet_write_boolean(sheet, row, col, v.boolean() ? 1 : 0, format); break;
        case value::kind::text: write_text(sheet, row, col, v.text(), format); break;
        case value::kind::error: {
            const std::string text(error_text(v.error()));
            worksheet_write_formula_str(sheet, row, col, ("=" + text).c_str(), format, text.c_str());
            break;
        }
        default: worksheet_write_blank(sheet, row, col, format); break;
    }
}

void write_formula(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, const std::string& formula,
                   const value& cached, lxw_format* format) {
    const std::string text = "=" + formula;
    switch (cached.type()) {
        case value::kind::number: worksheet_write_formula_num(sheet, row, col, text.c_str(), format, cached.number()); break;
        case value::kind::boolean:
            worksheet_write_formula_num(sheet, row, col, text.c_str(), format, cached.boolean() ? 1 : 0);
            break;
        case value::kind::text: worksheet_write_formula_str(sheet, row, col, text.c_str(), format, cached.text().c_str()); break;
        case value::kind::error:
            worksheet_write_formula_str(sheet, row, col, text.c_str(), format, std::string(error_text(cached.error())).c_str());
            break;
        default: worksheet_write_formula_num(sheet, row, col, text.c_str(), format, 0); break;
    }
}

std::string metric_number_format(const xlsx_book& book, const eval::metric_info& m) {
    const std::string code = metric_format_code(book.request.program, m, book.request.theme);
    if (m.unit.empty()) return code;
    std::string unit;
    for (char c : m.unit)
        if (c != '"') unit.push_back(c);
    // The unit goes after the number in each numeric section (not in a text section with @).
    std::string out, section;
    bool quoted = false;
    const auto flush = [&] {
        out += section;
        if (section.find('@') == std::string::npos && !section.empty()) out += "\" " + unit + "\"";
        section.clear();
    };
    for (char c : code) {
        if (c == '"') quoted = !quoted;
        if (c == ';' && !quoted) {
            flush();
            out += ';';
            continue;
        }
        section.push_back(c);
    }
    flush();
    return out;
}

std::string arrow_number_format(const std::string& code) {
    // The first section is the number's look; Excel shows negative numbers in the second section without a
    // minus sign, so the arrow carries the sign.
    std::string first;
    bool quoted = false;
    for (char c : code) {
        if (c == '"') quoted = !quoted;
        if (c == ';' && !quoted) break;
        first.push_back(c);
    }
    return "\"▲ \"" + first + ";\"▼ \"" + first + ";\"= \"" + first;
}

std::string fresh_sheet_name(xlsx_book& book, std::string_view text) {
    constexpr std::size_t limit = 31;
    std::string base;
    for (char c : text) {
        const bool forbidden = c == '[' || c == ']' || c == ':' || c == '*' || c == '?' || c == '/' || c == '\\' ||
                               static_cast<unsigned char>(c) < 0x20;
        base.push_back(forbidden ? ' ' : c);
    }
    const auto trim = [](std::string& s) {
        while (!s.empty() && (s.back() == ' ' || s.back() == '\'')) s.pop_back();
        std::size_t start = 0;
        while (start < s.size() && (s[start] == ' ' || s[start] == '\'')) ++start;
        s.erase(0, start);
    };
    trim(base);
    if (base.empty()) base = "Sheet";
    base = std::string(first_characters(base, limit));
    trim(base);
    std::string name = base;
    for (int n = 2; contains(book.sheet_names, lower(name)) || lower(name) == "history"; ++n) {
        const std::string suffix = " (" + std::to_string(n) + ")";
        name = std::string(first_characters(base, limit - character_count(suffix)));
        trim(name);
        name += suffix;
    }
    book.sheet_names.push_back(lower(name));
    return name;
}

std::string fresh_defined_name(xlsx_book& book, std::string_view text) {
    std::string name;
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        name.push_back(std::isalnum(u) || c == '_' || c == '.' || u >= 0x80 ? c : '_');
    }
    if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0])) || name[0] == '.') name.insert(0, "_");
    if (looks_like_cell(name) || lower(name) == "true" || lower(name) == "false") name += "_";
    if (name.size() > 240) name.resize(240);
    std::string out = name;
    for (int n = 2; contains(book.defined_names, lower(out)); ++n) out = name + "_" + std::to_string(n);
    book.defined_names.push_back(lower(out));
    return out;
}

std::size_t display_width(const value& v, const std::string& code) {
    switch (v.type()) {
        case value::kind::number: return character_count(format_number(v.number(), code.empty() ? "General" : code));
        case value::kind::boolean: return v.boolean() ? 4 : 5;
        case value::kind::text: return character_count(v.text());
        case value::kind::error: return error_text(v.error()).size();
        default: return 0;
    }
}

std::string header_text(std::string_view text) {
    std::string out;
    for (char c : text) {
        out.push_back(c);
        if (c == '&') out.push_back('&');
    }
    return std::string(first_characters(out, 100));
}

}  // namespace folio::templates::xlsx

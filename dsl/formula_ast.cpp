// A1 column letters and reference text for the formula syntax tree.
#include "folio/dsl/formula_ast.hpp"

#include <cctype>

namespace folio::dsl {

std::int32_t column_from_letters(std::string_view letters) {
    if (letters.empty() || letters.size() > 3) return -1;
    std::int32_t col = 0;
    for (char c : letters) {
        if (!std::isalpha(static_cast<unsigned char>(c))) return -1;
        col = col * 26 + (std::toupper(static_cast<unsigned char>(c)) - 'A' + 1);
    }
    return col > 16384 ? -1 : col - 1;
}

std::string letters_from_column(std::int32_t col) {
    std::string letters;
    for (std::int32_t n = col + 1; n > 0; n = (n - 1) / 26)
        letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
    return letters;
}

std::string_view operator_text(binary_op op) {
    switch (op) {
        case binary_op::add: return "+";
        case binary_op::subtract: return "-";
        case binary_op::multiply: return "*";
        case binary_op::divide: return "/";
        case binary_op::power: return "^";
        case binary_op::concat: return "&";
        case binary_op::equal: return "=";
        case binary_op::not_equal: return "<>";
        case binary_op::less: return "<";
        case binary_op::less_equal: return "<=";
        case binary_op::greater: return ">";
        case binary_op::greater_equal: return ">=";
        case binary_op::range: return ":";
    }
    return "?";
}

std::string quote_text(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        out += c;
        if (c == '"') out += '"';
    }
    return out + "\"";
}

namespace {

bool sheet_needs_quotes(std::string_view sheet) {
    if (sheet.empty() || std::isdigit(static_cast<unsigned char>(sheet.front()))) return true;
    for (char c : sheet) {
        const auto u = static_cast<unsigned char>(c);
        if (!(std::isalnum(u) || c == '_' || c == '.' || u >= 0x80)) return true;
    }
    return false;
}

std::string point_text(const cell_point& p) {
    std::string s;
    if (p.col >= 0) {
        if (p.col_absolute) s += '$';
        s += letters_from_column(p.col);
    }
    if (p.row >= 0) {
        if (p.row_absolute) s += '$';
        s += std::to_string(p.row + 1);
    }
    return s;
}

}  // namespace

std::string reference_text(const formula_node& ref) {
    std::string s;
    if (ref.has_sheet) {
        if (sheet_needs_quotes(ref.text)) {
            s += '\'';
            for (char c : ref.text) {
                s += c;
                if (c == '\'') s += '\'';
            }
            s += '\'';
        } else {
            s += ref.text;
        }
        s += '!';
    }
    s += point_text(ref.first);
    const bool single = ref.first.row == ref.last.row && ref.first.col == ref.last.col &&
                        ref.first.row >= 0 && ref.first.col >= 0;
    if (!single) {
        s += ':';
        s += point_text(ref.last);
    }
    return s;
}

}  // namespace folio::dsl

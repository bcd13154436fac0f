// Shape keys of formulas and shifting of bound trees (see formula_shapes.hpp).
#include "formula_shapes.hpp"

#include <cctype>

namespace folio {

namespace {

bool is_name_char(char c) {
    const auto u = static_cast<unsigned char>(c);
    return std::isalnum(u) || c == '_' || c == '.' || c == '\\' || u >= 0x80;
}

bool is_alpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Matches a cell reference "[$]A-ZZZ[$]row" at text[i] as the formula grammar does
// (column_part row_part token_end, not a sheet name before '!'). On success sets
// the end position and the 0-based cell with its absolute flags.
bool match_cell(std::string_view t, std::size_t i, std::size_t& end, std::int32_t& row, std::int32_t& col,
                bool& row_abs, bool& col_abs) {
    std::size_t j = i;
    col_abs = j < t.size() && t[j] == '$';
    if (col_abs) ++j;
    const std::size_t letters = j;
    while (j < t.size() && is_alpha(t[j]) && j - letters < 4) ++j;
    if (j == letters || j - letters > 3) return false;
    std::int32_t c = 0;
    for (std::size_t k = letters; k < j; ++k) c = c * 26 + (std::toupper(static_cast<unsigned char>(t[k])) - 'A' + 1);
    row_abs = j < t.size() && t[j] == '$';
    if (row_abs) ++j;
    if (j >= t.size() || t[j] < '1' || t[j] > '9') return false;
    std::int64_t r = 0;
    while (j < t.size() && is_digit(t[j]) && r <= max_rows) r = r * 10 + (t[j++] - '0');
    if (j < t.size() && (is_name_char(t[j]) || t[j] == '(' || t[j] == '!')) return false;
    if (r > max_rows || c > max_cols) return false;
    end = j;
    row = static_cast<std::int32_t>(r - 1);
    col = c - 1;
    return true;
}

void collect_points(const dsl::formula_node& n, std::vector<std::pair<std::int32_t, std::int32_t>>& out, bool& ok) {
    if (n.kind == dsl::node_kind::reference) {
        const auto& a = n.first;
        const auto& b = n.last;
        if (a.row < 0 || a.col < 0 || b.row < 0 || b.col < 0 || a.row > b.row || a.col > b.col) ok = false;
        out.emplace_back(a.row, a.col);
        if (a.row != b.row || a.col != b.col) out.emplace_back(b.row, b.col);
    }
    for (const auto& child : n.children) collect_points(*child, out, ok);
}

}  // namespace

formula_shape shape_of(std::string_view t, cell_address at) {
    formula_shape shape;
    shape.key.reserve(t.size() + 16);
    shape.key += std::to_string(at.sheet);
    shape.key += '|';
    std::size_t i = 0;
    while (i < t.size()) {
        const char c = t[i];
        if (c == '"' || c == '\'') {  // text and quoted sheet names are copied as they are
            std::size_t j = i + 1;
            while (j < t.size()) {
                if (t[j] == c) {
                    if (j + 1 < t.size() && t[j + 1] == c) {
                        j += 2;
                        continue;
                    }
                    break;
                }
                ++j;
            }
            const std::size_t end = j < t.size() ? j + 1 : j;
            shape.key.append(t.substr(i, end - i));
            i = end;
            continue;
        }
        const bool starts_token = (is_name_char(c) || c == '$') && (i == 0 || !is_name_char(t[i - 1]));
        if (starts_token) {
            std::size_t end;
            std::int32_t row, col;
            bool row_abs, col_abs;
            if (match_cell(t, i, end, row, col, row_abs, col_abs)) {
                shape.key += '\x01';
                shape.key += row_abs ? 'R' : 'r';
                shape.key += std::to_string(row_abs ? row : row - at.row);
                shape.key += col_abs ? 'C' : 'c';
                shape.key += std::to_string(col_abs ? col : col - at.col);
                shape.cells.emplace_back(row, col);
                i = end;
                continue;
            }
            std::size_t j = i + 1;
            while (j < t.size() && (is_name_char(t[j]) || t[j] == '$')) ++j;
            shape.key.append(t.substr(i, j - i));
            i = j;
            continue;
        }
        shape.key += c;
        ++i;
    }
    return shape;
}

bool shape_is_shiftable(const dsl::formula_node& root, const formula_shape& shape) {
    std::vector<std::pair<std::int32_t, std::int32_t>> points;
    bool ok = true;
    collect_points(root, points, ok);
    return ok && points == shape.cells;
}

void shift_references(bound_node& node, std::int32_t rows, std::int32_t cols) {
    if (node.k == bound_node::kind::area) {
        if (node.relative & bound_node::row0_relative) node.area.row0 += rows;
        if (node.relative & bound_node::col0_relative) node.area.col0 += cols;
        if (node.relative & bound_node::row1_relative) node.area.row1 += rows;
        if (node.relative & bound_node::col1_relative) node.area.col1 += cols;
    }
    for (bound_node& child : node.children) shift_references(child, rows, cols);
}

}  // namespace folio

// The lookup and reference functions: VLOOKUP, HLOOKUP, LOOKUP, MATCH, XMATCH,
// XLOOKUP, INDEX, OFFSET, INDIRECT, ROW, ROWS, COLUMN and COLUMNS.
//
// Exact lookups compare like Excel's "=": same type only, text ignoring case; MATCH,
// VLOOKUP and HLOOKUP also take * ? ~ wildcards in exact mode, XLOOKUP and XMATCH
// only in match mode 2. Approximate lookups (VLOOKUP's default, MATCH 1 and -1,
// LOOKUP, XLOOKUP's binary search modes) use a binary search as Excel does, so on
// unsorted data they give Excel's answers rather than a linear scan's: items of
// another type than the lookup value are passed over by type order (numbers < text <
// booleans), blank and error items are skipped, and among equal items the last wins
// (which makes =LOOKUP(2,1/(A1:A9="x"),B1:B9) find the last "x"). INDEX, OFFSET,
// INDIRECT and XLOOKUP return references, so =SUM(INDEX(A1:C3,0,2)) sums a column.
// A lookup value (or INDEX position) that is an array or a multi-cell range makes
// the call return an array of results, one per element.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <vector>

#include "folio/engine/coerce.hpp"
#include "folio/engine/criteria.hpp"
#include "folio/engine/function.hpp"
#include "folio/engine/elementwise.hpp"
#include "folio/stdlib/builtins.hpp"

namespace folio {
namespace {

// ---------------------------------------------------------------------------------
// Element-wise calls.


// Reduces a result to one array element: a reference to its (top-left) cell's value,
// an array to its top-left element, blank to 0.
value as_element(const value& v, call_context& ctx) {
    if (v.is_reference()) {
        const reference& ref = v.ref();
        if (ref.on == nullptr) return error_code::ref;
        return as_element(ctx.cell(*ref.on, ref.row0, ref.col0), ctx);
    }
    if (v.is_array()) {
        const array& a = v.array_value();
        if (a.rows() == 0 || a.cols() == 0) return error_code::calc;
        return as_element(a.at(0, 0), ctx);
    }
    if (v.is_blank()) return 0.0;
    return v;
}

// Calls f(params) with the arguments, the `lifted` ones dereferenced to scalars; when
// one of those is an array or a multi-cell range, calls it once per element and
// returns the array of results (#N/A outside a smaller operand).
template <class F>
value lift(const arguments& args, std::initializer_list<std::size_t> lifted, call_context& ctx, F&& f) {
    std::vector<value> params(args.begin(), args.end());
    std::int32_t rows = 1, cols = 1;
    bool multi = false;
    for (std::size_t i : lifted) {
        if (i >= params.size()) continue;
        const value& v = params[i];
        if (v.is_array()) {
            multi = true;
            rows = std::max(rows, v.array_value().rows());
            cols = std::max(cols, v.array_value().cols());
        } else if (is_multi(v)) {
            multi = true;
            rows = std::max(rows, v.ref().rows());
            cols = std::max(cols, v.ref().cols());
        } else {
            params[i] = deref(v, ctx);
        }
    }
    if (!multi) return f(params);
    std::vector<value> out;
    out.reserve(static_cast<std::size_t>(rows) * cols);
    std::vector<value> p = params;
    for (std::int32_t r = 0; r < rows; ++r) {
        for (std::int32_t c = 0; c < cols; ++c) {
            bool outside = false;
            for (std::size_t i : lifted) {
                if (i >= args.size() || !is_multi(args[i])) continue;
                std::optional<value> e = element_at(args[i], r, c, ctx);
                if (!e) outside = true;
                else p[i] = std::move(*e);
            }
            out.push_back(outside ? value(error_code::na) : as_element(f(p), ctx));
        }
    }
    return make_array(rows, cols, std::move(out));
}

// Reads an argument as a number: references by implicit intersection, arrays by
// their top-left element.
or_error<double> number_of(const value& v, call_context& ctx) {
    value s = to_scalar(v, ctx);
    if (s.is_error()) return s.error();
    return to_number(s);
}

// Reads an argument as a number truncated toward zero, as Excel reads indexes.
or_error<double> index_of(const value& v, call_context& ctx) {
    auto n = number_of(v, ctx);
    if (!n) return n.error();
    return std::trunc(*n);
}

// Functions never return blank: a blank cell's value comes out as 0.
value non_blank(const value& v) {
    if (v.is_blank()) return 0.0;
    return v;
}

// ---------------------------------------------------------------------------------
// Comparing and searching.

// Excel's type order for lookups: numbers < text < booleans; -1 for blank and errors,
// which searches skip.
int rank(const value& v) {
    switch (v.type()) {
        case value::kind::number: return 0;
        case value::kind::text: return 1;
        case value::kind::boolean: return 2;
        default: return -1;
    }
}

// Numbers equal as Excel shows them: to 15 significant digits.
bool numbers_equal(double a, double b) {
    if (a == b) return true;
    double scale = std::max(std::fabs(a), std::fabs(b));
    if (std::fabs(a - b) > scale * 2e-14) return false;
    return round_to_15_digits(a) == round_to_15_digits(b);
}

// Three-way comparison of two values of the same rank.
int compare_same(const value& a, const value& b) {
    switch (a.type()) {
        case value::kind::number:
            if (numbers_equal(a.number(), b.number())) return 0;
            return a.number() < b.number() ? -1 : 1;
        case value::kind::text: return text_compare_ci(a.text(), b.text());
        case value::kind::boolean: return static_cast<int>(a.boolean()) - static_cast<int>(b.boolean());
        default: return 0;
    }
}

// The value searched for, prepared once: its text pattern when it is text.
struct needle {
    value x;
    text_pattern pattern;

    needle(value v, bool wildcards) : x(std::move(v)) {
        if (x.is_text()) pattern = text_pattern(x.text(), wildcards);
    }

    // True when an item equals the value (text by pattern, blank only blank).
    bool equals(const value& item) const {
        switch (x.type()) {
            case value::kind::number: return item.is_number() && numbers_equal(item.number(), x.number());
            case value::kind::text: return item.is_text() && pattern.matches(item.text());
            case value::kind::boolean: return item.is_boolean() && item.boolean() == x.boolean();
            case value::kind::blank: return item.is_blank();
            default: return false;
        }
    }
};

// One row or one column of a grid, as a list of items.
struct line {
    const grid* g = nullptr;
    bool vertical = true;
    std::int32_t fixed = 0;   // the column (vertical) or row (horizontal) read
    std::int32_t length = 0;  // logical length
    std::int32_t used = 0;    // items past it are blank

    const value& at(std::int32_t i) const { return vertical ? g->at(i, fixed) : g->at(fixed, i); }
};

// Makes the line of column `col` (vertical) or row `row` of a grid.
line make_line(const grid& g, bool vertical, std::int32_t fixed) {
    line l;
    l.g = &g;
    l.vertical = vertical;
    l.fixed = fixed;
    l.length = vertical ? g.rows() : g.cols();
    l.used = std::min(l.length, vertical ? g.used_rows() : g.used_cols());
    return l;
}

// Returns the index of the last item before or equal to x in the list's order
// (ascending: item <= x; descending: item >= x), or strictly before with `strict`,
// among items of x's type, by Excel's binary search; -1 when there is none. Items of
// other types are placed by type order; blank and error items are stepped over.
std::int32_t binary_search(const line& l, const value& x, bool descending, bool strict) {
    std::int32_t lo = 0, hi = l.used - 1, found = -1;
    const int rx = rank(x);
    while (lo <= hi) {
        std::int32_t mid = lo + (hi - lo) / 2;
        std::int32_t m = mid;
        while (m <= hi && rank(l.at(m)) < 0) ++m;
        if (m > hi) {
            hi = mid - 1;
            continue;
        }
        const value& v = l.at(m);
        int rv = rank(v);
        int cmp = rv != rx ? (rv < rx ? -1 : 1) : compare_same(v, x);
        if (descending) cmp = -cmp;
        if (strict ? cmp < 0 : cmp <= 0) {
            if (rv == rx) found = m;
            lo = m + 1;
        } else {
            hi = mid - 1;
        }
    }
    return found;
}

// Returns the first item after `from` of x's type in a sorted list, or -1 when items
// of a type that sorts after x's come first.
std::int32_t next_of_type(const line& l, std::int32_t from, const value& x, bool descending) {
    const int rx = rank(x);
    for (std::int32_t k = from + 1; k < l.used; ++k) {
        int r = rank(l.at(k));
        if (r < 0) continue;
        if (r == rx) return k;
        if (descending ? r < rx : r > rx) return -1;
    }
    return -1;
}

// Returns the index of the first item equal to the needle (linear, forward), or -1.
std::int32_t find_first(const line& l, const needle& n) {
    for (std::int32_t i = 0; i < l.used; ++i)
        if (n.equals(l.at(i))) return i;
    if (n.x.is_blank() && l.used < l.length) return l.used;
    return -1;
}

// A lookup value as MATCH, VLOOKUP and LOOKUP see it: blank counts as 0.
value lookup_value_of(const value& v) {
    if (v.is_blank()) return 0.0;
    return v;
}

// Approximate search (ascending: last item <= x; descending: last item >= x) or exact
// first match with wildcards: the shared core of MATCH, VLOOKUP and HLOOKUP.
std::int32_t classic_search(const line& l, const value& x, int match_type) {
    if (match_type == 0) return find_first(l, needle(x, true));
    return binary_search(l, x, match_type < 0, false);
}

// XLOOKUP's and XMATCH's search: match_mode 0 exact, -1 exact or next smaller, 1 exact
// or next larger, 2 wildcards; search_mode 1 first to last, -1 last to first, 2 and -2
// binary search on ascending / descending data.
std::int32_t x_search(const line& l, const value& x, int match_mode, int search_mode) {
    if (search_mode == 2 || search_mode == -2) {
        const bool descending = search_mode == -2;
        if (x.is_blank()) return find_first(l, needle(x, false));
        std::int32_t i;
        if (match_mode == 0 || match_mode == 2) {
            i = binary_search(l, x, descending, false);
            return i >= 0 && compare_same(l.at(i), x) == 0 ? i : -1;
        }
        // The "before or equal" side in the list's order gives one neighbour, the
        // first item after the strictly-before ones the other.
        bool before_side = descending ? match_mode == 1 : match_mode == -1;
        if (before_side) return binary_search(l, x, descending, false);
        i = binary_search(l, x, descending, true);
        return next_of_type(l, i, x, descending);
    }

    const needle n(x, match_mode == 2);
    const bool forward = search_mode == 1;
    if (x.is_blank() && !forward && l.used < l.length) return l.length - 1;
    std::int32_t best = -1;
    const int rx = rank(x);
    for (std::int32_t k = 0; k < l.used; ++k) {
        std::int32_t i = forward ? k : l.used - 1 - k;
        const value& v = l.at(i);
        if (n.equals(v)) return i;
        if ((match_mode == -1 || match_mode == 1) && rx >= 0 && rank(v) == rx) {
            int cmp = compare_same(v, x);
            if (match_mode == -1 && cmp < 0 && (best < 0 || compare_same(v, l.at(best)) > 0)) best = i;
            if (match_mode == 1 && cmp > 0 && (best < 0 || compare_same(v, l.at(best)) < 0)) best = i;
        }
    }
    if (best < 0 && x.is_blank() && forward && l.used < l.length) return l.used;
    return best;
}

// ---------------------------------------------------------------------------------
// VLOOKUP, HLOOKUP, LOOKUP, MATCH, XMATCH, XLOOKUP.

// The shared body of VLOOKUP (vertical) and HLOOKUP: finds the lookup value in the
// first column (row) and returns the item `index` columns (rows) along.
value table_lookup(const std::vector<value>& p, const arguments& args, call_context& ctx, bool vertical) {
    for (std::size_t i = 0; i < 3; ++i)
        if (p[i].is_error()) return p[i];
    auto index = to_number(p[2]);
    if (!index) return index.error();
    bool approximate = true;
    if (args.size() > 3) {
        if (p[3].is_error()) return p[3];
        auto b = to_boolean(p[3]);
        if (!b) return b.error();
        approximate = *b;
    }
    double idx = std::trunc(*index);
    if (idx < 1) return error_code::value;
    grid g(p[1], ctx);
    if (idx > (vertical ? g.cols() : g.rows())) return error_code::ref;
    std::int32_t k = static_cast<std::int32_t>(idx) - 1;
    line l = make_line(g, vertical, 0);
    std::int32_t i = classic_search(l, lookup_value_of(p[0]), approximate ? 1 : 0);
    if (i < 0) return error_code::na;
    return non_blank(vertical ? g.at(i, k) : g.at(k, i));
}

// Finds a value in the first column of a table and returns the value in column col_index of that row.
value vlookup_impl(const arguments& args, call_context& ctx) {
    return lift(args, {0, 2, 3}, ctx, [&](const std::vector<value>& p) { return table_lookup(p, args, ctx, true); });
}

// Finds a value in the first row of a table and returns the value in row row_index of that column.
value hlookup_impl(const arguments& args, call_context& ctx) {
    return lift(args, {0, 2, 3}, ctx, [&](const std::vector<value>& p) { return table_lookup(p, args, ctx, false); });
}

// Returns item i of LOOKUP's result vector; a reference result vector reads on past
// its end along its direction, as Excel does.
value result_item(const value& result, std::int32_t i, call_context& ctx) {
    if (result.is_reference()) {
        const reference& ref = result.ref();
        if (ref.on == nullptr) return error_code::ref;
        bool horizontal = ref.rows() == 1 && ref.cols() > 1;
        std::int32_t row = horizontal ? ref.row0 : ref.row0 + i;
        std::int32_t col = horizontal ? ref.col0 + i : ref.col0;
        if (row >= max_rows || col >= max_cols) return error_code::na;
        return non_blank(ctx.cell(*ref.on, row, col));
    }
    grid g(result, ctx);
    bool horizontal = g.rows() == 1;
    if (horizontal ? i >= g.cols() : (i >= g.rows() || g.cols() != 1)) return error_code::na;
    return non_blank(horizontal ? g.at(0, i) : g.at(i, 0));
}

// LOOKUP's vector form (lookup_vector, result_vector) and array form (one array:
// searches its first row when wider than tall, else its first column, and returns
// from the last row / column), always by approximate search.
value lookup_one(const std::vector<value>& p, call_context& ctx) {
    if (p[0].is_error()) return p[0];
    value x = lookup_value_of(p[0]);
    grid g(p[1], ctx);
    bool horizontal = g.cols() > g.rows();
    line l = make_line(g, !horizontal, 0);
    std::int32_t i = binary_search(l, x, false, false);
    if (i < 0) return error_code::na;
    if (p.size() > 2) return result_item(p[2], i, ctx);
    return non_blank(horizontal ? g.at(g.rows() - 1, i) : g.at(i, g.cols() - 1));
}

// Looks a value up in a sorted vector and returns the matching item of a result vector (or of the array's last row/column).
value lookup_impl(const arguments& args, call_context& ctx) {
    return lift(args, {0}, ctx, [&](const std::vector<value>& p) { return lookup_one(p, ctx); });
}

// Makes the search line of a one-row or one-column lookup array; nullopt for a 2-D one.
std::optional<line> vector_line(const grid& g) {
    if (g.cols() == 1) return make_line(g, true, 0);
    if (g.rows() == 1) return make_line(g, false, 0);
    return std::nullopt;
}

// MATCH for one lookup value.
value match_one(const std::vector<value>& p, call_context& ctx) {
    if (p[0].is_error()) return p[0];
    int match_type = 1;
    if (p.size() > 2) {
        if (p[2].is_error()) return p[2];
        auto t = to_number(p[2]);
        if (!t) return t.error();
        match_type = *t > 0 ? 1 : (*t < 0 ? -1 : 0);
    }
    grid g(p[1], ctx);
    auto l = vector_line(g);
    if (!l) return error_code::na;
    std::int32_t i = classic_search(*l, lookup_value_of(p[0]), match_type);
    if (i < 0) return error_code::na;
    return static_cast<double>(i + 1);
}

// Returns the 1-based position of a value in a row or column: 0 exact (wildcards), 1 largest <= (ascending), -1 smallest >= (descending).
value match_impl(const arguments& args, call_context& ctx) {
    return lift(args, {0, 2}, ctx, [&](const std::vector<value>& p) { return match_one(p, ctx); });
}

// Reads XLOOKUP's / XMATCH's match_mode and search_mode arguments.
std::optional<error_code> read_modes(const arguments& args, std::size_t at, call_context& ctx, int& match_mode,
                                     int& search_mode) {
    match_mode = 0;
    search_mode = 1;
    if (args.has(at)) {
        if (args[at].is_error()) return args[at].error();
        auto m = index_of(args[at], ctx);
        if (!m) return m.error();
        if (*m != 0 && *m != -1 && *m != 1 && *m != 2) return error_code::value;
        match_mode = static_cast<int>(*m);
    }
    if (args.has(at + 1)) {
        if (args[at + 1].is_error()) return args[at + 1].error();
        auto s = index_of(args[at + 1], ctx);
        if (!s) return s.error();
        if (*s != 1 && *s != -1 && *s != 2 && *s != -2) return error_code::value;
        search_mode = static_cast<int>(*s);
    }
    return std::nullopt;
}

// Returns the 1-based position of a value in a row or column, with XLOOKUP's match and search modes.
value xmatch_impl(const arguments& args, call_context& ctx) {
    int match_mode = 0, search_mode = 1;
    if (auto e = read_modes(args, 2, ctx, match_mode, search_mode)) return *e;
    grid g(args[1], ctx);
    auto l = vector_line(g);
    if (!l) return error_code::value;
    return lift(args, {0}, ctx, [&](const std::vector<value>& p) -> value {
        if (p[0].is_error()) return p[0];
        std::int32_t i = x_search(*l, p[0], match_mode, search_mode);
        if (i < 0) return error_code::na;
        return static_cast<double>(i + 1);
    });
}

// Finds a value in a row or column and returns the matching row (column) of return_array, as a reference when it is one; if_not_found or #N/A when absent.
value xlookup_impl(const arguments& args, call_context& ctx) {
    // Non-strict so that an error if_not_found is returned only when needed.
    for (std::size_t i : {1u, 2u})
        if (args[i].is_error()) return args[i];
    int match_mode = 0, search_mode = 1;
    if (auto e = read_modes(args, 4, ctx, match_mode, search_mode)) return *e;
    grid g(args[1], ctx);
    auto l = vector_line(g);
    if (!l) return error_code::value;
    const value& result = args[2];
    std::int32_t result_rows, result_cols;
    if (result.is_reference()) {
        if (result.ref().on == nullptr) return error_code::ref;
        result_rows = result.ref().rows();
        result_cols = result.ref().cols();
    } else if (result.is_array()) {
        result_rows = result.array_value().rows();
        result_cols = result.array_value().cols();
    } else {
        result_rows = result_cols = 1;
    }
    // A one-cell lookup array pairs with a one-row return array (vertical) first.
    bool vertical = l->vertical;
    if (g.rows() == 1 && g.cols() == 1) vertical = result_rows == 1 || result_cols != 1;
    if (vertical ? result_rows != l->length : result_cols != l->length) return error_code::value;
    if (vertical != l->vertical) *l = make_line(g, vertical, 0);

    return lift(args, {0}, ctx, [&](const std::vector<value>& p) -> value {
        if (p[0].is_error()) return p[0];
        std::int32_t i = x_search(*l, p[0], match_mode, search_mode);
        if (i < 0) {
            if (args.has(3)) return non_blank(args[3]);
            return error_code::na;
        }
        if (result.is_reference()) {
            reference r = result.ref();
            if (vertical) r.row0 = r.row1 = r.row0 + i;
            else r.col0 = r.col1 = r.col0 + i;
            return r;
        }
        if (result.is_array()) {
            const array& a = result.array_value();
            if (vertical) {
                if (a.cols() == 1) return non_blank(a.at(i, 0));
                std::vector<value> cells;
                for (std::int32_t c = 0; c < a.cols(); ++c) cells.push_back(non_blank(a.at(i, c)));
                return make_array(1, a.cols(), std::move(cells));
            }
            if (a.rows() == 1) return non_blank(a.at(0, i));
            std::vector<value> cells;
            for (std::int32_t r = 0; r < a.rows(); ++r) cells.push_back(non_blank(a.at(r, i)));
            return make_array(a.rows(), 1, std::move(cells));
        }
        return non_blank(result);
    });
}

// ---------------------------------------------------------------------------------
// INDEX, OFFSET, INDIRECT, ROW, ROWS, COLUMN, COLUMNS.

// INDEX for one (row, column) pair: a reference for a reference, else a value or sub-array.
value index_one(const value& source, const std::vector<value>& p, bool has_column) {
    for (std::size_t i = 1; i < p.size() && i < 3; ++i)
        if (p[i].is_error()) return p[i];
    std::int32_t rows = 1, cols = 1;
    if (source.is_reference()) {
        rows = source.ref().rows();
        cols = source.ref().cols();
    } else if (source.is_array()) {
        rows = source.array_value().rows();
        cols = source.array_value().cols();
    }
    auto row_n = to_number(p[1]);
    if (!row_n) return row_n.error();
    double row = std::trunc(*row_n), col = 0;
    if (has_column) {
        auto col_n = to_number(p[2]);
        if (!col_n) return col_n.error();
        col = std::trunc(*col_n);
    } else if (rows == 1 && cols > 1) {
        // Microsoft: with one row, the only index is the column.
        col = row;
        row = 0;
    }
    if (row < 0 || col < 0) return error_code::value;
    if (row > rows || col > cols) return error_code::ref;
    std::int32_t r0 = row == 0 ? 0 : static_cast<std::int32_t>(row) - 1;
    std::int32_t r1 = row == 0 ? rows - 1 : r0;
    std::int32_t c0 = col == 0 ? 0 : static_cast<std::int32_t>(col) - 1;
    std::int32_t c1 = col == 0 ? cols - 1 : c0;

    if (source.is_reference()) {
        reference r = source.ref();
        if (r.on == nullptr) return error_code::ref;
        r.row1 = r.row0 + r1;
        r.col1 = r.col0 + c1;
        r.row0 += r0;
        r.col0 += c0;
        return r;
    }
    if (source.is_array()) {
        const array& a = source.array_value();
        if (r0 == r1 && c0 == c1) return non_blank(a.at(r0, c0));
        std::vector<value> cells;
        for (std::int32_t r = r0; r <= r1; ++r)
            for (std::int32_t c = c0; c <= c1; ++c) cells.push_back(non_blank(a.at(r, c)));
        return make_array(r1 - r0 + 1, c1 - c0 + 1, std::move(cells));
    }
    return non_blank(source);
}

// Returns the cell (reference) or element at a row and column of a range or array; 0 selects a whole column or row; #REF! out of range.
value index_impl(const arguments& args, call_context& ctx) {
    if (args.has(3)) {
        auto area = index_of(args[3], ctx);
        if (!area) return area.error();
        if (*area < 1) return error_code::value;
        if (*area != 1) return error_code::ref;
    }
    const value& source = args[0];
    const bool has_column = args.size() >= 3;
    return lift(args, {1, 2}, ctx, [&](const std::vector<value>& p) { return index_one(source, p, has_column); });
}

// Returns the reference `rows` rows and `cols` columns away from a reference, optionally resized; #REF! off the sheet.
value offset_impl(const arguments& args, call_context& ctx) {
    if (!args[0].is_reference() || args[0].ref().on == nullptr) return error_code::value;
    const reference& base = args[0].ref();
    auto rows = index_of(args[1], ctx);
    if (!rows) return rows.error();
    auto cols = index_of(args[2], ctx);
    if (!cols) return cols.error();
    double height = base.rows(), width = base.cols();
    if (args.has(3)) {
        auto h = index_of(args[3], ctx);
        if (!h) return h.error();
        height = *h;
    }
    if (args.has(4)) {
        auto w = index_of(args[4], ctx);
        if (!w) return w.error();
        width = *w;
    }
    if (height == 0 || width == 0) return error_code::ref;
    double r0 = base.row0 + *rows, c0 = base.col0 + *cols;
    double r1 = r0 + height - 1, c1 = c0 + width - 1;
    if (height < 0) {  // a negative height (width) reaches up (left) from the start
        r1 = r0;
        r0 = r0 + height + 1;
    }
    if (width < 0) {
        c1 = c0;
        c0 = c0 + width + 1;
    }
    if (r0 < 0 || c0 < 0 || r1 >= max_rows || c1 >= max_cols) return error_code::ref;
    reference r;
    r.on = base.on;
    r.row0 = static_cast<std::int32_t>(r0);
    r.col0 = static_cast<std::int32_t>(c0);
    r.row1 = static_cast<std::int32_t>(r1);
    r.col1 = static_cast<std::int32_t>(c1);
    return r;
}

// Returns the reference named by a text in A1 (default) or R1C1 style; #REF! when it names none.
value indirect_impl(const arguments& args, call_context& ctx) {
    return lift(args, {0, 1}, ctx, [&](const std::vector<value>& p) -> value {
        if (p[0].is_error()) return p[0];
        bool a1 = true;
        if (p.size() > 1 && !args.omitted(1)) {
            if (p[1].is_error()) return p[1];
            auto b = to_boolean(p[1]);
            if (!b) return b.error();
            a1 = *b;
        }
        auto text = to_text(p[0]);
        if (!text) return text.error();
        return ctx.resolve_reference(*text, a1);
    });
}

// Returns the row number of a reference (an array of them for several rows), or of the formula's own cell.
value row_impl(const arguments& args, call_context& ctx) {
    if (args.size() == 0 || args.omitted(0)) return static_cast<double>(ctx.current_cell().row + 1);
    if (!args[0].is_reference()) return error_code::value;
    const reference& r = args[0].ref();
    if (r.rows() == 1) return static_cast<double>(r.row0 + 1);
    std::vector<value> cells;
    cells.reserve(static_cast<std::size_t>(r.rows()));
    for (std::int32_t i = r.row0; i <= r.row1; ++i) cells.emplace_back(static_cast<double>(i + 1));
    return make_array(r.rows(), 1, std::move(cells));
}

// Returns the column number of a reference (an array of them for several columns), or of the formula's own cell.
value column_impl(const arguments& args, call_context& ctx) {
    if (args.size() == 0 || args.omitted(0)) return static_cast<double>(ctx.current_cell().col + 1);
    if (!args[0].is_reference()) return error_code::value;
    const reference& r = args[0].ref();
    if (r.cols() == 1) return static_cast<double>(r.col0 + 1);
    std::vector<value> cells;
    cells.reserve(static_cast<std::size_t>(r.cols()));
    for (std::int32_t i = r.col0; i <= r.col1; ++i) cells.emplace_back(static_cast<double>(i + 1));
    return make_array(1, r.cols(), std::move(cells));
}

// Returns the number of rows of a reference or array (1 for a single value).
value rows_impl(const arguments& args, call_context&) {
    const value& v = args[0];
    if (v.is_reference()) return static_cast<double>(v.ref().rows());
    if (v.is_array()) return static_cast<double>(v.array_value().rows());
    return 1.0;
}

// Returns the number of columns of a reference or array (1 for a single value).
value columns_impl(const arguments& args, call_context&) {
    const value& v = args[0];
    if (v.is_reference()) return static_cast<double>(v.ref().cols());
    if (v.is_array()) return static_cast<double>(v.array_value().cols());
    return 1.0;
}

const function_def lookup_functions[] = {
    {"VLOOKUP", 3, 4, fn_strict, vlookup_impl, nullptr,
     "Finds a value in a table's first column and returns a value from the same row.",
     "=VLOOKUP(2,{1,\"a\";2,\"b\"},2,FALSE) → \"b\""},
    {"HLOOKUP", 3, 4, fn_strict, hlookup_impl, nullptr,
     "Finds a value in a table's first row and returns a value from the same column.",
     "=HLOOKUP(2,{1,2;\"a\",\"b\"},2,FALSE) → \"b\""},
    {"LOOKUP", 2, 3, fn_strict, lookup_impl, nullptr,
     "Finds the largest item not above a value in a sorted vector and returns its counterpart.",
     "=LOOKUP(2.5,{1,2,3},{\"a\",\"b\",\"c\"}) → \"b\""},
    {"MATCH", 2, 3, fn_strict, match_impl, nullptr,
     "Returns the position of a value in a row or column (exact, or approximate on sorted data).",
     "=MATCH(\"b\",{\"a\",\"b\",\"c\"},0) → 2"},
    {"XMATCH", 2, 4, fn_strict | fn_future, xmatch_impl, nullptr,
     "Returns the position of a value in a row or column, with match and search modes.",
     "=XMATCH(3,{5,3,1}) → 2"},
    {"XLOOKUP", 3, 6, fn_non_strict | fn_future, xlookup_impl, nullptr,
     "Finds a value in a row or column and returns the matching item of another; a fallback when absent.",
     "=XLOOKUP(\"b\",{\"a\";\"b\"},{1;2}) → 2"},
    {"INDEX", 2, 4, fn_strict, index_impl, nullptr,
     "Returns the cell or value at a row and column of a range or array (0 = whole column or row).",
     "=INDEX({1,2;3,4},2,1) → 3"},
    {"OFFSET", 3, 5, fn_volatile, offset_impl, nullptr,
     "Returns a reference moved and optionally resized from a starting reference.", "=OFFSET(A1,1,2) → C2"},
    {"INDIRECT", 1, 2, fn_volatile, indirect_impl, nullptr,
     "Returns the reference named by a text (A1 or R1C1 style).", "=INDIRECT(\"B\"&2) → the value of B2"},
    {"ROW", 0, 1, fn_strict, row_impl, nullptr,
     "Returns the row number of a reference, or of the formula's cell.", "=ROW(C5) → 5"},
    {"ROWS", 1, 1, fn_strict, rows_impl, nullptr,
     "Returns the number of rows of a reference or array.", "=ROWS({1;2;3}) → 3"},
    {"COLUMN", 0, 1, fn_strict, column_impl, nullptr,
     "Returns the column number of a reference, or of the formula's cell.", "=COLUMN(C5) → 3"},
    {"COLUMNS", 1, 1, fn_strict, columns_impl, nullptr,
     "Returns the number of columns of a reference or array.", "=COLUMNS({1,2,3}) → 3"},
};

}  // namespace

void register_lookup_functions(function_registry& registry) {
    for (const auto& f : lookup_functions) registry.add(f);
}

}  // namespace folio

// The dynamic-array functions: FILTER, UNIQUE, SORT and SORTBY (Excel 365).
//
// Each reads its source (a reference, an array or a single value) into a row-major
// table of values and returns a new array; blank cells come out as 0, as a spilled
// blank shows. Comparisons follow Excel: text ignores case, 1 and "1" differ, and
// sorting orders numbers < text < FALSE < TRUE < errors, with blank cells last in
// either direction; sorts are stable. An empty result is #CALC! (FILTER's if_empty
// replaces it). Sizes that do not fit (an include or by_array of the wrong length,
// a sort_index past the last column) are #VALUE!.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <numeric>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "folio/engine/coerce.hpp"
#include "folio/engine/function.hpp"
#include "folio/stdlib/builtins.hpp"

namespace folio {
namespace {

// A row-major copy of a reference's, array's or single value's cells.
struct table {
    std::int32_t rows = 0, cols = 0;
    std::vector<value> cells;

    const value& at(std::int32_t r, std::int32_t c) const { return cells[static_cast<std::size_t>(r) * cols + c]; }
};

// Reads a value into a table (blank cells stay blank).
table read_table(const value& v, call_context& ctx) {
    table t;
    grid g(v, ctx);
    t.rows = g.rows();
    t.cols = g.cols();
    t.cells.resize(static_cast<std::size_t>(t.rows) * t.cols);
    g.for_each([&](std::int32_t r, std::int32_t c, const value& x) { t.cells[static_cast<std::size_t>(r) * t.cols + c] = x; });
    return t;
}

// Functions never return blank: a spilled blank cell shows 0.
value non_blank(const value& v) {
    if (v.is_blank()) return 0.0;
    return v;
}

// Builds the result array from the chosen rows (or columns, `by_col`) of a table.
value pick(const table& t, const std::vector<std::int32_t>& chosen, bool by_col) {
    std::vector<value> cells;
    if (!by_col) {
        cells.reserve(chosen.size() * static_cast<std::size_t>(t.cols));
        for (std::int32_t r : chosen)
            for (std::int32_t c = 0; c < t.cols; ++c) cells.push_back(non_blank(t.at(r, c)));
        return make_array(static_cast<std::int32_t>(chosen.size()), t.cols, std::move(cells));
    }
    cells.reserve(chosen.size() * static_cast<std::size_t>(t.rows));
    for (std::int32_t r = 0; r < t.rows; ++r)
        for (std::int32_t c : chosen) cells.push_back(non_blank(t.at(r, c)));
    return make_array(t.rows, static_cast<std::int32_t>(chosen.size()), std::move(cells));
}

// Reads an optional scalar argument as a logical value (omitted: `fallback`).
or_error<bool> flag_arg(const arguments& args, std::size_t i, bool fallback, call_context& ctx) {
    if (!args.has(i)) return fallback;
    value s = to_scalar(args[i], ctx);
    if (s.is_error()) return s.error();
    return to_boolean(s);
}

// Reads a scalar as an integer truncated toward zero.
or_error<double> integer_of(const value& v) {
    if (v.is_error()) return v.error();
    auto n = to_number(v);
    if (!n) return n.error();
    return std::trunc(*n);
}

// ---------------------------------------------------------------------------------
// FILTER

// Returns the rows (or columns) of an array whose include value is TRUE; if_empty or #CALC! when none is.
value filter_impl(const arguments& args, call_context& ctx) {
    // Non-strict so that an error if_empty matters only when nothing is kept.
    if (args[0].is_error()) return args[0];
    if (args[1].is_error()) return args[1];
    table source = read_table(args[0], ctx);
    table include = read_table(args[1], ctx);
    bool by_col;
    if (include.cols == 1 && include.rows == source.rows)
        by_col = false;
    else if (include.rows == 1 && include.cols == source.cols)
        by_col = true;
    else
        return error_code::value;
    std::vector<std::int32_t> kept;
    for (const value& v : include.cells) {
        std::int32_t i = static_cast<std::int32_t>(&v - include.cells.data());
        switch (v.type()) {
            case value::kind::error: return v.error();
            case value::kind::number:
                if (v.number() != 0) kept.push_back(i);
                break;
            case value::kind::boolean:
                if (v.boolean()) kept.push_back(i);
                break;
            case value::kind::blank: break;
            default: return error_code::value;  // text is not a condition
        }
    }
    if (kept.empty()) {
        if (args.has(2)) return non_blank(args[2]);
        return error_code::calc;
    }
    return pick(source, kept, by_col);
}

// ---------------------------------------------------------------------------------
// UNIQUE

// Appends a key for one value to `key`: equal keys for values UNIQUE treats as equal
// (text without case, numbers to 15 digits, blank apart from 0 and "").
void append_key(std::string& key, const value& v) {
    switch (v.type()) {
        case value::kind::blank: key += 'b'; break;
        case value::kind::number: {
            double n = round_to_15_digits(v.number());
            if (n == 0) n = 0;  // -0 and 0 are one key
            char bytes[sizeof n];
            std::memcpy(bytes, &n, sizeof n);
            key += 'n';
            key.append(bytes, sizeof n);
            break;
        }
        case value::kind::boolean: key += v.boolean() ? "t" : "f"; break;
        case value::kind::error:
            key += 'e';
            key += static_cast<char>(v.error());
            break;
        case value::kind::text: {
            std::string lower = to_lower_utf8(v.text());
            key += 's';
            key += std::to_string(lower.size());
            key += ':';
            key += lower;
            break;
        }
        default: key += '?'; break;
    }
}

// Returns the distinct rows (or columns) of an array in order of first appearance, or those that appear exactly once.
value unique_impl(const arguments& args, call_context& ctx) {
    auto by_col = flag_arg(args, 1, false, ctx);
    if (!by_col) return by_col.error();
    auto exactly_once = flag_arg(args, 2, false, ctx);
    if (!exactly_once) return exactly_once.error();
    table t = read_table(args[0], ctx);
    const std::int32_t n = *by_col ? t.cols : t.rows;
    const std::int32_t width = *by_col ? t.rows : t.cols;

    std::unordered_map<std::string, std::int32_t> seen;  // key → number of occurrences
    std::vector<std::string> keys(static_cast<std::size_t>(n));
    std::vector<std::int32_t> first;
    std::string key;
    for (std::int32_t i = 0; i < n; ++i) {
        key.clear();
        for (std::int32_t j = 0; j < width; ++j) append_key(key, *by_col ? t.at(j, i) : t.at(i, j));
        auto [it, inserted] = seen.try_emplace(key, 0);
        if (inserted) first.push_back(i);
        ++it->second;
        keys[static_cast<std::size_t>(i)] = key;
    }
    std::vector<std::int32_t> chosen;
    for (std::int32_t i : first)
        if (!*exactly_once || seen[keys[static_cast<std::size_t>(i)]] == 1) chosen.push_back(i);
    if (chosen.empty()) return error_code::calc;
    return pick(t, chosen, *by_col);
}

// ---------------------------------------------------------------------------------
// SORT and SORTBY

// Sort rank: numbers, text, booleans, errors, then blank cells (always last).
int sort_rank(const value& v) {
    switch (v.type()) {
        case value::kind::number: return 0;
        case value::kind::text: return 1;
        case value::kind::boolean: return 2;
        case value::kind::error: return 3;
        default: return 4;
    }
}

// Compares two values for sorting in the given order (1 ascending, -1 descending);
// blank cells sort last either way.
int sort_compare(const value& a, const value& b, int order) {
    int ra = sort_rank(a), rb = sort_rank(b);
    if (ra == 4 || rb == 4) return (ra == 4) - (rb == 4);
    int cmp;
    if (ra != rb) {
        cmp = ra < rb ? -1 : 1;
    } else {
        switch (a.type()) {
            case value::kind::number: cmp = a.number() < b.number() ? -1 : (a.number() > b.number() ? 1 : 0); break;
            case value::kind::text: cmp = text_compare_ci(a.text(), b.text()); break;
            case value::kind::boolean: cmp = static_cast<int>(a.boolean()) - static_cast<int>(b.boolean()); break;
            default: cmp = 0; break;
        }
    }
    return order < 0 ? -cmp : cmp;
}

// One sort key: a line of values (one per row or column sorted) and its order.
struct sort_key {
    std::vector<value> values;
    int order = 1;
};

// Stable-sorts the positions 0..n-1 by the keys, in turn.
std::vector<std::int32_t> sorted_positions(std::int32_t n, const std::vector<sort_key>& keys) {
    std::vector<std::int32_t> order(static_cast<std::size_t>(n));
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::int32_t a, std::int32_t b) {
        for (const sort_key& k : keys) {
            int cmp = sort_compare(k.values[static_cast<std::size_t>(a)], k.values[static_cast<std::size_t>(b)], k.order);
            if (cmp != 0) return cmp < 0;
        }
        return false;
    });
    return order;
}

// Reads an order argument element: 1 or -1, else #VALUE!.
or_error<int> order_of(const value& v) {
    auto n = integer_of(v);
    if (!n) return n.error();
    if (*n == 1) return 1;
    if (*n == -1) return -1;
    return error_code::value;
}

// Returns the rows (or columns) of an array sorted by one or more of its columns (rows): sort_index and sort_order may be arrays.
value sort_impl(const arguments& args, call_context& ctx) {
    auto by_col = flag_arg(args, 3, false, ctx);
    if (!by_col) return by_col.error();
    table t = read_table(args[0], ctx);
    const std::int32_t n = *by_col ? t.cols : t.rows;
    const std::int32_t width = *by_col ? t.rows : t.cols;

    std::vector<value> indexes{1.0}, orders{1.0};
    if (args.has(1)) indexes = read_table(args[1], ctx).cells;
    if (args.has(2)) orders = read_table(args[2], ctx).cells;
    if (orders.size() != 1 && orders.size() != indexes.size()) return error_code::value;

    std::vector<sort_key> keys;
    for (std::size_t k = 0; k < indexes.size(); ++k) {
        auto index = integer_of(indexes[k]);
        if (!index) return index.error();
        if (*index < 1 || *index > width) return error_code::value;
        auto order = order_of(orders.size() == 1 ? orders[0] : orders[k]);
        if (!order) return order.error();
        sort_key key;
        key.order = *order;
        std::int32_t j = static_cast<std::int32_t>(*index) - 1;
        key.values.reserve(static_cast<std::size_t>(n));
        for (std::int32_t i = 0; i < n; ++i) key.values.push_back(*by_col ? t.at(j, i) : t.at(i, j));
        keys.push_back(std::move(key));
    }
    return pick(t, sorted_positions(n, keys), *by_col);
}

// Returns the rows (or columns) of an array sorted by the values of other rows or columns of the same length.
value sortby_impl(const arguments& args, call_context& ctx) {
    table t = read_table(args[0], ctx);
    std::optional<bool> by_col;
    std::vector<sort_key> keys;
    for (std::size_t i = 1; i < args.size(); i += 2) {
        table by = read_table(args[i], ctx);
        bool column_key;
        if (by.cols == 1 && by.rows == t.rows && (!by_col || !*by_col))
            column_key = false;  // a column: sorts rows
        else if (by.rows == 1 && by.cols == t.cols && (!by_col || *by_col))
            column_key = true;   // a row: sorts columns
        else
            return error_code::value;
        by_col = column_key;
        sort_key key;
        key.values = std::move(by.cells);
        if (args.has(i + 1)) {
            value s = to_scalar(args[i + 1], ctx);
            auto order = order_of(s);
            if (!order) return order.error();
            key.order = *order;
        }
        keys.push_back(std::move(key));
    }
    const std::int32_t n = *by_col ? t.cols : t.rows;
    return pick(t, sorted_positions(n, keys), *by_col);
}

const function_def dynamic_array_functions[] = {
    {"FILTER", 2, 3, fn_non_strict | fn_future, filter_impl, nullptr,
     "Returns the rows or columns of an array whose include value is TRUE; if_empty or #CALC! when none is.",
     "=FILTER({1;2;3},{TRUE;FALSE;TRUE}) → {1;3}"},
    {"UNIQUE", 1, 3, fn_future, unique_impl, nullptr,
     "Returns the distinct rows (or columns) of an array, or those that occur exactly once.",
     "=UNIQUE({1;2;1}) → {1;2}"},
    {"SORT", 1, 4, fn_future, sort_impl, nullptr,
     "Returns an array sorted by one or more of its columns (or rows).", "=SORT({3;1;2}) → {1;2;3}"},
    {"SORTBY", 2, 253, fn_future, sortby_impl, nullptr,
     "Returns an array sorted by the values of other arrays of the same length.",
     "=SORTBY({\"a\";\"b\"},{2;1}) → {\"b\";\"a\"}"},
};

}  // namespace

void register_dynamic_array_functions(function_registry& registry) {
    for (const auto& f : dynamic_array_functions) registry.add(f);
}

}  // namespace folio

// The conditional aggregates: SUMIF, SUMIFS, COUNTIF, COUNTIFS, AVERAGEIF, AVERAGEIFS,
// MAXIFS and MINIFS.
//
// Each call parses its criteria once (folio::criterion) and walks the criteria ranges
// row by row, testing a row's cells in turn and stopping at the first that fails, so
// SUMIFS over ten thousand rows and several criteria allocates nothing per cell. Only
// the used part of the ranges is walked; the blank cells past it (A:A runs to row
// 1,048,576) are counted in one step when every criterion accepts a blank cell.
// Excel's rules: criteria ranges (and sum, average, max ranges) must be references,
// else #VALUE!; the *IFS functions need ranges of one shape, else #VALUE!; SUMIF and
// AVERAGEIF read their sum range from its top-left cell in the shape of the criteria
// range; errors in a criteria range only fail to match, errors in a matched sum cell
// are the result; AVERAGEIF(S) of no number is #DIV/0!, MAXIFS and MINIFS of none 0.
// A criterion given as an array or a multi-cell range makes the function return an
// array of results, one per criterion (=COUNTIF(A1:A10,{"a","b"})).
#include <algorithm>
#include <cstdint>
#include <optional>
#include <vector>

#include "folio/engine/coerce.hpp"
#include "folio/engine/criteria.hpp"
#include "folio/engine/elementwise.hpp"
#include "folio/engine/function.hpp"
#include "folio/stdlib/builtins.hpp"

namespace folio {
namespace {

// ---------------------------------------------------------------------------------
// Element-wise criteria (a criterion that is an array or a multi-cell range).


// ---------------------------------------------------------------------------------
// The scan shared by every function of the family.

enum class aggregate { sum, count, average, max, min };

// One call's inputs: the target range (the cells summed, averaged or compared; none
// for COUNTIF(S)) and the criteria ranges, all references of one shape.
struct scan_plan {
    const value* target = nullptr;
    std::vector<const value*> ranges;
    std::int32_t rows = 0, cols = 0;
};

// Aggregates the target cells whose row satisfies every criterion.
value run_scan(const scan_plan& plan, const std::vector<criterion>& crits, aggregate kind, call_context& ctx) {
    std::vector<grid> grids;
    grids.reserve(plan.ranges.size());
    std::int32_t used_rows = 0, used_cols = 0;
    for (const value* range : plan.ranges) {
        grids.emplace_back(*range, ctx);
        used_rows = std::max(used_rows, grids.back().used_rows());
        used_cols = std::max(used_cols, grids.back().used_cols());
    }
    std::optional<grid> target;
    if (plan.target != nullptr) {
        target.emplace(*plan.target, ctx);
        used_rows = std::max(used_rows, target->used_rows());
        used_cols = std::max(used_cols, target->used_cols());
    }
    used_rows = std::min(used_rows, plan.rows);
    used_cols = std::min(used_cols, plan.cols);

    double total = 0, best = 0;
    std::int64_t count = 0;
    const std::size_t n = grids.size();
    for (std::int32_t r = 0; r < used_rows; ++r) {
        for (std::int32_t c = 0; c < used_cols; ++c) {
            std::size_t k = 0;
            while (k < n && crits[k].matches(grids[k].at(r, c))) ++k;
            if (k < n) continue;
            if (kind == aggregate::count) {
                ++count;
                continue;
            }
            // A target clipped at the sheet's edge reads blank past it.
            if (r >= target->rows() || c >= target->cols()) continue;
            const value& v = target->at(r, c);
            if (v.is_error()) return v.error();
            if (!v.is_number()) continue;
            double x = v.number();
            switch (kind) {
                case aggregate::sum:
                case aggregate::average: total += x; break;
                case aggregate::max: best = count == 0 ? x : std::max(best, x); break;
                case aggregate::min: best = count == 0 ? x : std::min(best, x); break;
                case aggregate::count: break;
            }
            ++count;
        }
    }

    switch (kind) {
        case aggregate::count: {
            // The unused part holds only blank cells: they match together or not at all.
            bool blanks_match = std::all_of(crits.begin(), crits.end(), [](const criterion& c) { return c.matches_blank(); });
            if (blanks_match) {
                std::int64_t all = static_cast<std::int64_t>(plan.rows) * plan.cols;
                count += all - static_cast<std::int64_t>(used_rows) * used_cols;
            }
            return static_cast<double>(count);
        }
        case aggregate::sum: return total;
        case aggregate::average:
            if (count == 0) return error_code::div0;
            return total / static_cast<double>(count);
        case aggregate::max:
        case aggregate::min: return count == 0 ? 0.0 : best;
    }
    return error_code::value;
}

// Evaluates the scan once per criterion, or, when a criterion is an array or a
// multi-cell range, once per element, returning the array of results.
value scan_with_criteria(const scan_plan& plan, const arguments& args, const std::vector<std::size_t>& criteria_at,
                         aggregate kind, call_context& ctx) {
    std::int32_t rows = 1, cols = 1;
    bool lifted = false;
    for (std::size_t i : criteria_at) {
        const value& v = args[i];
        if (!is_multi(v)) continue;
        lifted = true;
        if (v.is_array()) {
            rows = std::max(rows, v.array_value().rows());
            cols = std::max(cols, v.array_value().cols());
        } else {
            rows = std::max(rows, v.ref().rows());
            cols = std::max(cols, v.ref().cols());
        }
    }
    std::vector<criterion> crits(criteria_at.size());
    if (!lifted) {
        for (std::size_t k = 0; k < criteria_at.size(); ++k) crits[k] = criterion::parse(deref(args[criteria_at[k]], ctx));
        return run_scan(plan, crits, kind, ctx);
    }
    std::vector<value> cells;
    cells.reserve(static_cast<std::size_t>(rows) * cols);
    for (std::int32_t r = 0; r < rows; ++r) {
        for (std::int32_t c = 0; c < cols; ++c) {
            bool outside = false;
            for (std::size_t k = 0; k < criteria_at.size() && !outside; ++k) {
                const value& arg = args[criteria_at[k]];
                std::optional<value> e = is_multi(arg) ? element_at(arg, r, c, ctx) : deref(arg, ctx);
                if (!e) outside = true;
                else crits[k] = criterion::parse(*e);
            }
            cells.push_back(outside ? value(error_code::na) : run_scan(plan, crits, kind, ctx));
        }
    }
    return make_array(rows, cols, std::move(cells));
}

// True when a value is a reference to a sheet.
bool is_range(const value& v) { return v.is_reference() && v.ref().on != nullptr; }

// The range of `shape`'s size whose top-left cell is `from`'s, clipped to the sheet:
// how SUMIF and AVERAGEIF read a sum range of another size.
value resized(const reference& from, const reference& shape) {
    reference r = from;
    r.row1 = std::min<std::int32_t>(from.row0 + shape.rows() - 1, max_rows - 1);
    r.col1 = std::min<std::int32_t>(from.col0 + shape.cols() - 1, max_cols - 1);
    return r;
}

// SUMIF, COUNTIF and AVERAGEIF: (range, criterion[, target_range]).
value single_criterion(const arguments& args, call_context& ctx, aggregate kind) {
    if (!is_range(args[0])) return error_code::value;
    scan_plan plan;
    plan.ranges.push_back(&args[0]);
    plan.rows = args[0].ref().rows();
    plan.cols = args[0].ref().cols();
    value target;
    if (kind != aggregate::count) {
        if (args.has(2)) {
            if (!is_range(args[2])) return error_code::value;
            target = resized(args[2].ref(), args[0].ref());
        } else {
            target = args[0];
        }
        plan.target = &target;
    }
    return scan_with_criteria(plan, args, {1}, kind, ctx);
}

// SUMIFS, AVERAGEIFS, MAXIFS, MINIFS (target first) and COUNTIFS (no target):
// pairs of criteria range and criterion, every range of the first range's shape.
value multiple_criteria(const arguments& args, call_context& ctx, aggregate kind) {
    std::size_t first_pair = kind == aggregate::count ? 0 : 1;
    if (args.size() < first_pair + 2 || (args.size() - first_pair) % 2 != 0) return error_code::value;
    if (!is_range(args[0])) return error_code::value;
    scan_plan plan;
    if (first_pair == 1) plan.target = &args[0];
    plan.rows = args[0].ref().rows();
    plan.cols = args[0].ref().cols();
    std::vector<std::size_t> criteria_at;
    for (std::size_t i = first_pair; i < args.size(); i += 2) {
        if (!is_range(args[i])) return error_code::value;
        if (args[i].ref().rows() != plan.rows || args[i].ref().cols() != plan.cols) return error_code::value;
        plan.ranges.push_back(&args[i]);
        criteria_at.push_back(i + 1);
    }
    return scan_with_criteria(plan, args, criteria_at, kind, ctx);
}

// Sums the cells of sum_range (or range) whose range cell meets the criterion.
value sumif_impl(const arguments& args, call_context& ctx) { return single_criterion(args, ctx, aggregate::sum); }

// Counts the cells of a range that meet the criterion.
value countif_impl(const arguments& args, call_context& ctx) { return single_criterion(args, ctx, aggregate::count); }

// Averages the numbers of average_range (or range) whose range cell meets the criterion; #DIV/0! for none.
value averageif_impl(const arguments& args, call_context& ctx) {
    return single_criterion(args, ctx, aggregate::average);
}

// Sums the cells of sum_range whose rows meet every criterion.
value sumifs_impl(const arguments& args, call_context& ctx) { return multiple_criteria(args, ctx, aggregate::sum); }

// Counts the positions where every criteria range meets its criterion.
value countifs_impl(const arguments& args, call_context& ctx) { return multiple_criteria(args, ctx, aggregate::count); }

// Averages the numbers of average_range whose rows meet every criterion; #DIV/0! for none.
value averageifs_impl(const arguments& args, call_context& ctx) {
    return multiple_criteria(args, ctx, aggregate::average);
}

// Returns the largest number of max_range whose row meets every criterion; 0 for none.
value maxifs_impl(const arguments& args, call_context& ctx) { return multiple_criteria(args, ctx, aggregate::max); }

// Returns the smallest number of min_range whose row meets every criterion; 0 for none.
value minifs_impl(const arguments& args, call_context& ctx) { return multiple_criteria(args, ctx, aggregate::min); }

const function_def conditional_functions[] = {
    {"SUMIF", 2, 3, fn_strict, sumif_impl, nullptr,
     "Sums the cells that meet a criterion.", "=SUMIF(A1:A4,\">2\") with 1,2,3,4 → 7"},
    {"SUMIFS", 3, 255, fn_strict, sumifs_impl, nullptr,
     "Sums the cells whose rows meet every criterion.", "=SUMIFS(B1:B4,A1:A4,\"a\",C1:C4,\">0\")"},
    {"COUNTIF", 2, 2, fn_strict, countif_impl, nullptr,
     "Counts the cells that meet a criterion.", "=COUNTIF(A1:A4,\"<>\") counts non-blank cells"},
    {"COUNTIFS", 2, 254, fn_strict, countifs_impl, nullptr,
     "Counts the positions where every range meets its criterion.", "=COUNTIFS(A1:A4,\"a\",B1:B4,\">1\")"},
    {"AVERAGEIF", 2, 3, fn_strict, averageif_impl, nullptr,
     "Averages the cells that meet a criterion; #DIV/0! when none does.", "=AVERAGEIF(A1:A4,\">2\") with 1,2,3,4 → 3.5"},
    {"AVERAGEIFS", 3, 255, fn_strict, averageifs_impl, nullptr,
     "Averages the cells whose rows meet every criterion; #DIV/0! when none does.",
     "=AVERAGEIFS(B1:B4,A1:A4,\"a\")"},
    {"MAXIFS", 3, 255, fn_future, maxifs_impl, nullptr,
     "Returns the largest number whose row meets every criterion; 0 when none does.", "=MAXIFS(B1:B4,A1:A4,\"a\")"},
    {"MINIFS", 3, 255, fn_future, minifs_impl, nullptr,
     "Returns the smallest number whose row meets every criterion; 0 when none does.", "=MINIFS(B1:B4,A1:A4,\"a\")"},
};

}  // namespace

void register_conditional_functions(function_registry& registry) {
    for (const auto& f : conditional_functions) registry.add(f);
}

}  // namespace folio

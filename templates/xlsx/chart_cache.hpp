// The cached values of a chart's ranges, filled by Folio rather than by libxlsxwriter.
//
// A chart part stores, beside each range it reads (categories, values, a series name),
// a copy of the cells' values; viewers that do not recalculate (Quick Look, a chart
// pasted into slides) draw from that copy only. libxlsxwriter fills it from the cells at
// close, but not in constant-memory mode, whose rows are already on disk by then. So
// the chart writer hands the values it wrote to the "Chart data" sheet to set_cache as
// well, which fills the range's cache and tells libxlsxwriter to leave it alone: the
// caches are the same in both modes. (This writes lxw_series_range's fields, which
// chart.h declares but documents as internal; libxlsxwriter 1.1.4 frees the points it
// holds with free(), so they are allocated with calloc/strdup.)
#pragma once

#include <string>
#include <vector>
#include <xlsxwriter.h>

namespace folio::templates::xlsx {

// One cell of a cached range: a number, a text, or nothing (an error value: the chart
// shows a gap, not a zero).
struct cached_point {
    enum class kind { number, text, gap } what = kind::gap;
    double number = 0;
    std::string text;

    static cached_point of_number(double v) { return {kind::number, v, {}}; }
    static cached_point of_text(std::string s) { return {kind::text, 0, std::move(s)}; }
    static cached_point gap() { return {}; }
};

/// Replaces the cache of `range` with `points` (in range order) and marks it as filled.
void set_cache(lxw_series_range* range, const std::vector<cached_point>& points);

}  // namespace folio::templates::xlsx

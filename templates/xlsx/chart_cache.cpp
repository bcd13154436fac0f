// Filling a chart range's cached values (see chart_cache.hpp).
#include "xlsx/chart_cache.hpp"

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <new>

namespace folio::templates::xlsx {

void set_cache(lxw_series_range* range, const std::vector<cached_point>& points) {
    if (range == nullptr || range->data_cache == nullptr) return;
    // Drop whatever is there (nothing, for a range just made).
    while (!STAILQ_EMPTY(range->data_cache)) {
        lxw_series_data_point* p = STAILQ_FIRST(range->data_cache);
        STAILQ_REMOVE_HEAD(range->data_cache, list_pointers);
        std::free(p->string);
        std::free(p);
    }
    range->has_string_cache = 0;
    if (points.size() > UINT16_MAX) {
        // More points than the part's count can say (Excel draws 32,000 at most anyway):
        // no cache, so Excel reads the cells.
        range->ignore_cache = 1;
        return;
    }
    for (const cached_point& point : points) {
        auto* p = static_cast<lxw_series_data_point*>(std::calloc(1, sizeof(lxw_series_data_point)));
        if (p == nullptr) throw std::bad_alloc();
        switch (point.what) {
            case cached_point::kind::number: p->number = point.number; break;
            case cached_point::kind::text:
                p->string = strdup(point.text.c_str());
                if (p->string == nullptr) {
                    std::free(p);
                    throw std::bad_alloc();
                }
                p->is_string = 1;
                range->has_string_cache = 1;
                break;
            case cached_point::kind::gap: p->no_data = 1; break;
        }
        STAILQ_INSERT_TAIL(range->data_cache, p, list_pointers);
    }
    range->num_data_points = static_cast<std::uint16_t>(points.size());
    range->ignore_cache = 1;  // libxlsxwriter must not read the cells again (or fail to, when streaming)
}

}  // namespace folio::templates::xlsx

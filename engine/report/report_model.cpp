// Lookups in the checked model by the name the root report uses.
#include <algorithm>

#include "folio/engine/report/report_model.hpp"

namespace folio::report {
namespace {

// The element named `name` by the root, preferring the root's own declarations.
template <class T>
const T* find_named(const std::vector<T>& items, std::string_view name) {
    const T* found = nullptr;
    for (const T& item : items) {
        if (item.qualified_name != name) continue;
        if (item.module == 0) return &item;
        if (found == nullptr) found = &item;
    }
    return found;
}

}  // namespace

const param* checked_program::find_param(std::string_view name) const { return find_named(params, name); }
const source* checked_program::find_source(std::string_view name) const { return find_named(sources, name); }
const dimension* checked_program::find_dimension(std::string_view name) const { return find_named(dimensions, name); }
const filter* checked_program::find_filter(std::string_view name) const { return find_named(filters, name); }
const metric* checked_program::find_metric(std::string_view name) const { return find_named(metrics, name); }
const chart* checked_program::find_chart(std::string_view name) const { return find_named(charts, name); }
const report* checked_program::find_report(std::string_view name) const { return find_named(reports, name); }

}  // namespace folio::report

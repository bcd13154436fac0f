// Listing contexts (see contexts.hpp).
#include "contexts.hpp"

#include <algorithm>
#include <set>

namespace folio::eval {

std::vector<std::vector<std::uint32_t>> list_contexts(const evaluation_plan& plan, std::size_t grouping,
                                                      const std::vector<std::size_t>& sources,
                                                      const std::vector<std::unique_ptr<source_scan>>& scans,
                                                      domain_set& domains, const std::vector<std::size_t>& order,
                                                      bool cross) {
    const std::vector<dimension_key>& keys = plan.keys(grouping);
    const std::size_t width = keys.size();
    std::vector<std::vector<std::uint32_t>> met;
    for (std::size_t s : sources)
        if (s < scans.size() && scans[s]) scans[s]->list_groups(grouping, met);
    std::sort(met.begin(), met.end());
    met.erase(std::unique(met.begin(), met.end()), met.end());
    if (width == 0) return {std::vector<std::uint32_t>{}};

    // Per time key, every period from the first to the last met (and blank, if met).
    std::vector<std::vector<std::uint32_t>> ranges(width);
    std::vector<bool> filled(width, false);
    for (std::size_t i = 0; i < width; ++i) {
        if (keys[i].grain == report::time_grain::none && !cross) continue;
        dimension_domain& domain = domains.at(keys[i]);
        std::set<std::uint32_t> seen;
        for (const auto& t : met) seen.insert(t[i]);
        std::vector<std::uint32_t> values(seen.begin(), seen.end());
        if (keys[i].grain != report::time_grain::none) {
            double first = 0, last = 0;
            bool any = false;
            std::vector<std::uint32_t> others;
            for (std::uint32_t id : values) {
                const value& v = domain.at(id).v;
                if (!v.is_number()) {
                    others.push_back(id);
                    continue;
                }
                first = any ? std::min(first, v.number()) : v.number();
                last = any ? std::max(last, v.number()) : v.number();
                any = true;
            }
            values.clear();
            // At most 100,000 periods: a stray date far away must not make millions of rows.
            for (double p = first; any && p <= last && values.size() < 100000;
                 p = shift_period(p, keys[i].grain, 1))
                values.push_back(domain.intern_period(p));
            values.insert(values.end(), others.begin(), others.end());
        }
        ranges[i] = std::move(values);
        filled[i] = true;
    }

    // The other keys keep the combinations met; the filled ones take every value of their range.
    std::vector<std::vector<std::uint32_t>> rest;
    for (const auto& t : met) {
        std::vector<std::uint32_t> r;
        for (std::size_t i = 0; i < width; ++i)
            if (!filled[i]) r.push_back(t[i]);
        rest.push_back(std::move(r));
    }
    std::sort(rest.begin(), rest.end());
    rest.erase(std::unique(rest.begin(), rest.end()), rest.end());
    if (met.empty()) rest.clear();

    std::vector<std::vector<std::uint32_t>> out;
    for (const auto& r : rest) {
        std::vector<std::vector<std::uint32_t>> partial{{}};
        for (std::size_t i = 0, j = 0; i < width; ++i) {
            std::vector<std::vector<std::uint32_t>> next;
            if (!filled[i]) {
                for (auto p : partial) {
                    p.push_back(r[j]);
                    next.push_back(std::move(p));
                }
                ++j;
            } else {
                for (const auto& p : partial)
                    for (std::uint32_t id : ranges[i]) {
                        auto q = p;
                        q.push_back(id);
                        next.push_back(std::move(q));
                    }
            }
            partial = std::move(next);
        }
        for (auto& p : partial) out.push_back(std::move(p));
    }

    std::sort(out.begin(), out.end(), [&](const auto& a, const auto& b) {
        for (std::size_t i : order) {
            if (a[i] == b[i]) continue;
            dimension_domain& d = domains.at(keys[i]);
            if (d.less(a[i], b[i])) return true;
            if (d.less(b[i], a[i])) return false;
        }
        return a < b;
    });
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace folio::eval

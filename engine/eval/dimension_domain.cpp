// Domains of dimension values (see dimension_domain.hpp).
#include "dimension_domain.hpp"

#include <cmath>
#include <cstring>

#include "folio/engine/coerce.hpp"

namespace folio::eval {
namespace {

std::string bits_key(char tag, double d) {
    if (d == 0) d = 0;  // -0 and 0 are one value
    std::uint64_t bits = 0;
    std::memcpy(&bits, &d, sizeof bits);
    return std::string(1, tag) + std::to_string(bits);
}

// Sort classes: numbers and periods, text, booleans, errors, blank.
int rank(const value& v) {
    switch (v.type()) {
        case value::kind::number: return 0;
        case value::kind::text: return 1;
        case value::kind::boolean: return 2;
        case value::kind::error: return 3;
        default: return 4;
    }
}

}  // namespace

std::uint32_t dimension_domain::add(std::string key, dimension_value v) {
    auto [it, inserted] = ids_.try_emplace(std::move(key), static_cast<std::uint32_t>(values_.size()));
    if (inserted) values_.push_back(std::move(v));
    return it->second;
}

std::uint32_t dimension_domain::intern_period(double start) {
    dimension_value v;
    v.v = start;
    v.grain = key_.grain;
    v.label = period_label(start, key_.grain, calendar_);
    return add(bits_key('p', start), std::move(v));
}

std::uint32_t dimension_domain::intern(const value& in) {
    const value& v = in.is_array() ? in.array_value().at(0, 0) : in;
    if (is_time() && v.is_number()) {
        const double start = period_start(v.number(), key_.grain, calendar_);
        // Period to date: days past the cut-off are left out of every period.
        if (key_.to_date_days != 0 && std::floor(v.number()) - start >= key_.to_date_days) return blank_id();
        return intern_period(start);
    }
    dimension_value out;
    out.v = v;
    switch (v.type()) {
        case value::kind::blank: return add("b", std::move(out));
        case value::kind::number: {
            if (dates_) {
                out.grain = report::time_grain::day;
                out.label = iso_date_text(v.number());
                return add(bits_key('n', v.number()), std::move(out));
            }
            out.label = number_to_text(v.number());
            return add(bits_key('n', v.number()), std::move(out));
        }
        case value::kind::boolean:
            out.label = v.boolean() ? "TRUE" : "FALSE";
            return add(v.boolean() ? "T" : "F", std::move(out));
        case value::kind::text:
            out.label = v.text();
            return add("t" + v.text(), std::move(out));
        case value::kind::error:
            out.label = std::string(error_text(v.error()));
            return add("e" + out.label, std::move(out));
        default:
            out.v = error_code::value;
            out.label = "#VALUE!";
            return add("e#VALUE!", std::move(out));
    }
}

std::uint32_t dimension_domain::shifted(std::uint32_t id, int steps) {
    const dimension_value& v = values_[id];
    if (!is_time() || !v.v.is_number()) return id;
    return intern_period(shift_period(v.v.number(), key_.grain, steps));
}

std::optional<std::uint32_t> dimension_domain::year_ago(std::uint32_t id) {
    const dimension_value& v = values_[id];
    if (!is_time() || !v.v.is_number()) return id;
    const std::optional<double> start = year_ago_period(v.v.number(), key_.grain, calendar_);
    if (!start) return std::nullopt;
    return intern_period(*start);
}

bool dimension_domain::less(std::uint32_t a, std::uint32_t b) const {
    const value& x = values_[a].v;
    const value& y = values_[b].v;
    const int ra = rank(x), rb = rank(y);
    if (ra != rb) return ra < rb;
    switch (x.type()) {
        case value::kind::number: return x.number() < y.number();
        case value::kind::text: {
            const int c = text_compare_ci(x.text(), y.text());
            return c != 0 ? c < 0 : x.text() < y.text();
        }
        case value::kind::boolean: return !x.boolean() && y.boolean();
        case value::kind::error: return static_cast<int>(x.error()) < static_cast<int>(y.error());
        default: return false;
    }
}

dimension_domain& domain_set::at(const dimension_key& key) {
    auto& slot = domains_[key];
    if (!slot) slot = std::make_unique<dimension_domain>(key, calendar_);
    return *slot;
}

}  // namespace folio::eval

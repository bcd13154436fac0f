// The calendar of an evaluation (see report_calendar.hpp).
#include "report_calendar.hpp"

#include <string>

#include "folio/engine/data/time_zone.hpp"

namespace folio::eval {
namespace {

// Takes one setting of a report into `value`, unless another report set it differently (false after the error).
template <class T>
bool take(const report::checked_program& program, std::size_t r, const report::setting<T> report::report::*member,
          const char* key, T& value, std::optional<std::size_t>& set_by, dsl::diagnostic_list& diagnostics) {
    const report::setting<T>& s = program.reports[r].*member;
    if (!s.set) return true;
    if (set_by) {
        const report::setting<T>& first = program.reports[*set_by].*member;
        if (first.value == s.value) return true;
        dsl::diagnostic& d = diagnostics.error(s.loc.file, s.loc.span,
                                               "reports '" + program.reports[*set_by].qualified_name + "' and '" +
                                                   program.reports[r].qualified_name + "' set different " + key +
                                                   " and cannot be rendered together");
        d.notes.push_back({"the other " + std::string(key) + " is set here", first.loc.file, first.loc.span});
        d.notes.push_back({"render them one at a time with --report NAME", nullptr, {}});
        return false;
    }
    set_by = r;
    value = s.value;
    return true;
}

}  // namespace

std::optional<calendar_options> report_calendar(const report::checked_program& program,
                                                const std::vector<std::size_t>& selected, calendar_options base,
                                                dsl::diagnostic_list& diagnostics) {
    std::optional<std::size_t> week_by, fiscal_by, zone_by;
    std::string zone;
    bool ok = true;
    for (std::size_t r : selected) {
        ok = take(program, r, &report::report::week_start, "week_start", base.week_start, week_by, diagnostics) && ok;
        ok = take(program, r, &report::report::fiscal_year_start, "fiscal_year_start", base.fiscal_year_start, fiscal_by,
                  diagnostics) && ok;
        ok = take(program, r, &report::report::timezone, "timezone", zone, zone_by, diagnostics) && ok;
    }
    if (!ok) return std::nullopt;
    if (zone_by) {
        base.zone = data::time_zone::find(zone);
        if (!base.zone) {  // the checker found it; the database changed since
            const report::setting<std::string>& s = program.reports[*zone_by].timezone;
            diagnostics.error(s.loc.file, s.loc.span, "unknown time zone '" + zone + "'");
            return std::nullopt;
        }
    }
    return base;
}

}  // namespace folio::eval

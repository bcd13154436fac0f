// Calendar settings of reports (see calendar_settings.hpp). Day and month names are
// rows of vocabulary.hpp; a time zone must be in the system's tz database.
#include "calendar_settings.hpp"

#include "folio/engine/data/time_zone.hpp"
#include "option_checks.hpp"

namespace folio::report::detail {
namespace {

template <std::size_t N>
std::optional<int> named_value(statement& stmt, const dsl::source_file* file, const dsl::option& opt,
                               const std::array<keyword<int>, N>& table) {
    const std::optional<std::string> word = word_value(stmt, file, opt, keyword_names(table));
    if (!word) return std::nullopt;
    return find_keyword(table, *word);
}

bool read_timezone(statement& stmt, const dsl::source_file* file, const dsl::option& opt, report& model, location loc) {
    const std::optional<std::string> name = text_value(stmt, file, opt);
    if (!name) return false;
    if (!data::time_zone::find(*name)) {
        dsl::diagnostic* d = stmt.error(location{file, span_of(*opt.values[0])}, "unknown time zone '" + *name + "'");
        const std::vector<std::string> names = data::time_zone::names();
        if (names.empty()) {
            if (d) d->notes.push_back(note_text("the system's time zone database (/usr/share/zoneinfo) cannot be read"));
            return false;
        }
        if (auto best = dsl::closest_match(*name, names)) {
            if (d) d->notes.push_back(note_text("did you mean '" + *best + "'?"));
        } else if (d) {
            d->notes.push_back(note_text("a time zone is an IANA name such as \"America/Sao_Paulo\", \"Europe/Madrid\" or \"UTC\""));
        }
        return false;
    }
    model.timezone = setting<std::string>{*name, true, loc};
    return true;
}

}  // namespace

bool read_calendar_setting(statement& stmt, const dsl::source_file* file, const dsl::option& opt, report_setting which,
                           report& model, location loc) {
    switch (which) {
        case report_setting::to_date: {
            const std::optional<bool> on = bool_value(stmt, file, opt);
            if (!on) return false;
            model.to_date = setting<bool>{*on, true, loc};
            return true;
        }
        case report_setting::week_start: {
            const std::optional<int> day = named_value(stmt, file, opt, weekdays);
            if (!day) return false;
            model.week_start = setting<int>{*day, true, loc};
            return true;
        }
        case report_setting::fiscal_year_start: {
            const std::optional<int> month = named_value(stmt, file, opt, months);
            if (!month) return false;
            model.fiscal_year_start = setting<int>{*month, true, loc};
            return true;
        }
        case report_setting::timezone: return read_timezone(stmt, file, opt, model, loc);
        default: return false;
    }
}

void inherit_calendar(const report& parent, report& child) {
    child.to_date = parent.to_date;
    child.week_start = parent.week_start;
    child.fiscal_year_start = parent.fiscal_year_start;
    child.timezone = parent.timezone;
}

void check_calendar(statement& stmt, const report& model) {
    if (model.to_date.set && model.to_date.value && !model.period.set) {
        if (dsl::diagnostic* d = stmt.error(model.to_date.loc, "'to_date' needs a 'period' for the KPI tiles"))
            d->notes.push_back(note_text("for example: period: month"));
    }
}

}  // namespace folio::report::detail

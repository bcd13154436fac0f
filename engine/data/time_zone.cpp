// IANA time zones through libdate-tz (see time_zone.hpp). The library reads the
// compiled zone files of the system's tz database (USE_OS_TZDB); its types stay here.
#include "folio/engine/data/time_zone.hpp"

#include <date/tz.h>

#include <chrono>
#include <cmath>
#include <exception>

namespace folio::data {
namespace {

constexpr double unix_epoch_serial = 25569;  // 1970-01-01 in the 1900 date system
constexpr double seconds_per_day = 86400;
constexpr int last_listed_year = 2037;  // the compiled zone files list transitions up to this year

// An instant after the listed years, moved to the latest listed year whose same month starts on the same weekday,
// keeping its distance from the month's start: a rule such as "last Sunday of March at 01:00 UTC" then falls on
// the same side of it. (February 29 lands on March 1 of a common year.)
date::sys_seconds listed_equivalent(date::sys_seconds instant) {
    const date::sys_days day = date::floor<date::days>(instant);
    const date::year_month_day ymd{day};
    if (ymd.year() <= date::year{last_listed_year}) return instant;
    const date::sys_days first = date::sys_days{ymd.year() / ymd.month() / 1};
    const date::weekday weekday{first};
    for (int y = last_listed_year; y > last_listed_year - 14; --y) {
        const date::sys_days candidate = date::sys_days{date::year{y} / ymd.month() / 1};
        if (date::weekday{candidate} == weekday) return instant - first + candidate;
    }
    return instant;  // not reached: a month's first weekday repeats within 11 years
}

const date::time_zone* library_zone(const void* zone) { return static_cast<const date::time_zone*>(zone); }

}  // namespace

std::shared_ptr<const time_zone> time_zone::find(std::string_view name) {
    if (name.empty()) return nullptr;
    try {
        const date::time_zone* zone = date::locate_zone(name);
        return std::make_shared<const time_zone>(std::string(name), zone);
    } catch (const std::exception&) {
        return nullptr;  // no such zone, or no tz database
    }
}

std::vector<std::string> time_zone::names() {
    std::vector<std::string> out;
    try {
        for (const date::time_zone& zone : date::get_tzdb().zones) out.emplace_back(zone.name());
    } catch (const std::exception&) {
    }
    return out;
}

long time_zone::offset_seconds(double utc_serial) const {
    const long long seconds = std::llround((utc_serial - unix_epoch_serial) * seconds_per_day);
    const date::sys_seconds instant = listed_equivalent(date::sys_seconds{std::chrono::seconds{seconds}});
    return static_cast<long>(library_zone(zone_)->get_info(instant).offset.count());
}

double time_zone::local_from_utc(double utc_serial) const {
    return utc_serial + static_cast<double>(offset_seconds(utc_serial)) / seconds_per_day;
}

}  // namespace folio::data

// A time zone of the IANA tz database ("America/Sao_Paulo", "Europe/Madrid", "UTC"),
// for converting instants written with an offset or Z into a report's local time.
//
// The rules come from the system's tz database (/usr/share/zoneinfo, Debian's tzdata)
// through the date library's tz part (libdate-tz), so daylight-saving changes, past
// and present, are the database's. Its compiled files (Debian's are "fat") list
// transitions up to 2037; a later instant takes the offset of the same moment of the
// same month in the latest listed year where that month starts on the same weekday, so
// a zone's current rule ("last Sunday of March") goes on.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace folio::data {

class time_zone {
public:
    /// Returns the zone called `name` (exact IANA spelling), or null when the tz database has no such zone.
    static std::shared_ptr<const time_zone> find(std::string_view name);

    /// Returns the names of the zones in the tz database (for "did you mean"); empty when it cannot be read.
    static std::vector<std::string> names();

    const std::string& name() const { return name_; }

    /// Returns the local date serial (Excel 1900 system, time of day as a fraction) of the instant `utc_serial`.
    double local_from_utc(double utc_serial) const;

    /// Returns the offset from UTC, in seconds, at the instant `utc_serial`.
    long offset_seconds(double utc_serial) const;

    explicit time_zone(std::string name, const void* zone) : name_(std::move(name)), zone_(zone) {}

private:
    std::string name_;
    const void* zone_;  // the date library's zone, kept out of this header
};

}  // namespace folio::data

// IANA time zones: offsets from the system's tz database across daylight-saving
// changes (São Paulo's abolished DST, Madrid's current rules, and past 2037), and
// timestamps read from a CSV file or an SQLite table with an offset or Z moved to the
// local day.
#include <catch2/catch.hpp>

#include <sqlite3.h>

#include "eval_support.hpp"
#include "folio/engine/data/csv.hpp"
#include "folio/engine/data/sqlite.hpp"
#include "folio/engine/data/time_zone.hpp"
#include "folio/engine/serial_date.hpp"

using namespace folio;
using namespace folio::eval_test;

namespace {

// The UTC instant y-m-d h:m as a date serial.
double utc(int y, int m, int d, int h, int min) { return *serial_from_date(y, m, d) + (h * 60 + min) / 1440.0; }

long offset(const data::time_zone& zone, double serial) { return zone.offset_seconds(serial); }

}  // namespace

TEST_CASE("time zones: offsets across daylight-saving changes", "[eval][time]") {
    const auto sao_paulo = data::time_zone::find("America/Sao_Paulo");
    const auto madrid = data::time_zone::find("Europe/Madrid");
    REQUIRE(sao_paulo);
    REQUIRE(madrid);
    CHECK(sao_paulo->name() == "America/Sao_Paulo");
    // São Paulo had summer time until 2019: -02 in January 2016, -03 in July 2016 and since.
    CHECK(offset(*sao_paulo, utc(2016, 1, 15, 12, 0)) == -7200);
    CHECK(offset(*sao_paulo, utc(2016, 7, 15, 12, 0)) == -10800);
    CHECK(offset(*sao_paulo, utc(2024, 1, 15, 12, 0)) == -10800);
    // Summer time began at local midnight on 2018-11-04 (03:00 UTC).
    CHECK(offset(*sao_paulo, utc(2018, 11, 4, 2, 59)) == -10800);
    CHECK(offset(*sao_paulo, utc(2018, 11, 4, 3, 0)) == -7200);
    // Madrid: CET, CEST from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October.
    CHECK(offset(*madrid, utc(2024, 3, 31, 0, 59)) == 3600);
    CHECK(offset(*madrid, utc(2024, 3, 31, 1, 0)) == 7200);
    CHECK(offset(*madrid, utc(2024, 10, 27, 0, 59)) == 7200);
    CHECK(offset(*madrid, utc(2024, 10, 27, 1, 0)) == 3600);
    // Beyond the compiled transitions (2037) the current rule goes on.
    CHECK(offset(*madrid, utc(2045, 7, 1, 12, 0)) == 7200);
    CHECK(offset(*madrid, utc(2045, 1, 1, 12, 0)) == 3600);
    CHECK(offset(*madrid, utc(2099, 3, 29, 0, 59)) == 3600);  // last Sunday of March 2099
    CHECK(offset(*madrid, utc(2099, 3, 29, 1, 0)) == 7200);
    CHECK(offset(*madrid, utc(9999, 7, 1, 0, 0)) == 7200);
    CHECK(offset(*sao_paulo, utc(2045, 1, 15, 12, 0)) == -10800);  // no summer time since 2019, in 2045 either
    CHECK(offset(*sao_paulo, utc(2040, 2, 29, 12, 0)) == -10800);
    // Local serials: 23:30 UTC on New Year's Eve is 20:30 in São Paulo and 00:30 the next day in Madrid.
    CHECK(sao_paulo->local_from_utc(utc(2024, 12, 31, 23, 30)) == Approx(utc(2024, 12, 31, 20, 30)).epsilon(1e-12));
    CHECK(madrid->local_from_utc(utc(2024, 12, 31, 23, 30)) == Approx(utc(2025, 1, 1, 0, 30)).epsilon(1e-12));

    CHECK(data::time_zone::find("UTC"));
    CHECK(data::time_zone::find("UTC")->offset_seconds(utc(2024, 7, 1, 0, 0)) == 0);
    CHECK_FALSE(data::time_zone::find("Mars/Olympus_Mons"));
    CHECK_FALSE(data::time_zone::find(""));
    const std::vector<std::string> names = data::time_zone::names();
    CHECK(std::find(names.begin(), names.end(), "Europe/Madrid") != names.end());
}

TEST_CASE("time zones: CSV timestamps with an offset take the zone's local day", "[eval][time]") {
    temp_dir dir;
    const fs::path path = dir.write("events.csv",
                                    "at,day\n"
                                    "2024-12-31T23:30:00Z,2024-12-31T23:30:00Z\n"
                                    "2025-01-01T02:30:00+00:00,2025-01-01T02:30:00+00:00\n"
                                    "2025-01-01T03:30:00Z,2025-01-01T03:30:00Z\n"
                                    "2024-12-31T22:00:00,2024-12-31T22:00:00\n"
                                    "2025-01-01T01:00:00+01:00,2025-01-01T01:00:00+01:00\n");
    const data::table_schema schema{{"at", data::column_type::timestamp}, {"day", data::column_type::date}};
    data::csv_options options;
    options.zone = data::time_zone::find("America/Sao_Paulo");
    REQUIRE(options.zone);
    const data::loaded_table local = data::read_csv_table(path, options, schema);
    const auto at = local.data.at("at").numbers();
    const auto day = local.data.at("day").numbers();
    REQUIRE(at.size() == 5);
    CHECK(at[0] == Approx(utc(2024, 12, 31, 20, 30)).epsilon(1e-12));
    CHECK(at[1] == Approx(utc(2024, 12, 31, 23, 30)).epsilon(1e-12));
    CHECK(at[2] == Approx(utc(2025, 1, 1, 0, 30)).epsilon(1e-12));
    CHECK(at[3] == Approx(utc(2024, 12, 31, 22, 0)).epsilon(1e-12));  // no offset: already local
    CHECK(at[4] == Approx(utc(2024, 12, 31, 21, 0)).epsilon(1e-12));  // 00:00 UTC
    const double new_years_eve = *serial_from_date(2024, 12, 31);
    CHECK(std::vector<double>(day.begin(), day.end()) ==
          std::vector<double>{new_years_eve, new_years_eve, new_years_eve + 1, new_years_eve, new_years_eve});

    // Without a zone, instants stay in UTC.
    const data::loaded_table plain = data::read_csv_table(path, data::csv_options{}, schema);
    const auto utc_day = plain.data.at("day").numbers();
    CHECK(std::vector<double>(utc_day.begin(), utc_day.end()) ==
          std::vector<double>{new_years_eve, new_years_eve + 1, new_years_eve + 1, new_years_eve, new_years_eve + 1});
}

TEST_CASE("time zones: SQLite timestamps with an offset take the zone's local day", "[eval][time]") {
    temp_dir dir;
    const fs::path path = dir.path() / "events.db";
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db,
                         "CREATE TABLE events (at TIMESTAMP, day DATE);"
                         "INSERT INTO events VALUES ('2024-03-31T00:30:00Z', '2024-03-30T23:30:00Z'),"
                         "('2024-03-31 03:00:00', '2024-03-31T01:00:00+00:00');",
                         nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
    data::sqlite_options options;
    options.table = "events";
    options.zone = data::time_zone::find("Europe/Madrid");
    const data::table_schema schema{{"at", data::column_type::timestamp}, {"day", data::column_type::date}};
    const data::loaded_table t = data::read_sqlite_table(path, options, schema);
    const auto at = t.data.at("at").numbers();
    const auto day = t.data.at("day").numbers();
    REQUIRE(at.size() == 2);
    CHECK(at[0] == Approx(utc(2024, 3, 31, 1, 30)).epsilon(1e-12));  // CET, before the change at 01:00 UTC
    CHECK(at[1] == Approx(utc(2024, 3, 31, 3, 0)).epsilon(1e-12));   // no offset: already local
    CHECK(day[0] == *serial_from_date(2024, 3, 31));                  // 00:30 in Madrid
    CHECK(day[1] == *serial_from_date(2024, 3, 31));                  // 03:00 CEST
}

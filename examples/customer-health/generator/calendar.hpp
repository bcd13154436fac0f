// Civil dates for the example data: days since 1970-01-01 to and from year/month/day
// (Howard Hinnant's algorithms, exact for the proleptic Gregorian calendar), weekdays,
// month arithmetic, and ISO 8601 text ("2024-12-31", "2024-12-31 23:59:59").
#pragma once

#include <cstdint>
#include <string>

namespace folio_example {

struct civil {
    int year;
    int month;  // 1-12
    int day;    // 1-31
};

constexpr std::int64_t days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return static_cast<std::int64_t>(era) * 146097 + doe - 719468;
}

constexpr civil civil_from_days(std::int64_t z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const int doe = static_cast<int>(z - era * 146097);
    const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int mp = (5 * doy + 2) / 153;
    const int d = doy - (153 * mp + 2) / 5 + 1;
    const int m = mp < 10 ? mp + 3 : mp - 9;
    const int y = static_cast<int>(yoe + era * 400) + (m <= 2);
    return civil{y, m, d};
}

// 0 = Sunday ... 6 = Saturday.
constexpr int weekday(std::int64_t days) { return static_cast<int>((days % 7 + 11) % 7); }
constexpr bool is_weekend(std::int64_t days) { return weekday(days) == 0 || weekday(days) == 6; }

// Months counted from year 0 (year * 12 + month - 1), so month arithmetic is addition.
constexpr int month_index(int year, int month) { return year * 12 + month - 1; }
constexpr std::int64_t first_day_of(int month_idx) { return days_from_civil(month_idx / 12, month_idx % 12 + 1, 1); }
constexpr std::int64_t last_day_of(int month_idx) { return first_day_of(month_idx + 1) - 1; }
constexpr int month_of_days(std::int64_t days) {
    const civil c = civil_from_days(days);
    return month_index(c.year, c.month);
}

inline void append_2(std::string& out, int v) {
    out.push_back(static_cast<char>('0' + v / 10));
    out.push_back(static_cast<char>('0' + v % 10));
}

inline void append_date(std::string& out, std::int64_t days) {
    const civil c = civil_from_days(days);
    append_2(out, c.year / 100);
    append_2(out, c.year % 100);
    out.push_back('-');
    append_2(out, c.month);
    out.push_back('-');
    append_2(out, c.day);
}

inline std::string date_text(std::int64_t days) {
    std::string s;
    append_date(s, days);
    return s;
}

// Seconds since 1970-01-01 00:00:00 (no time zone: the data's local time) as
// "YYYY-MM-DD HH:MM:SS".
inline std::string timestamp_text(std::int64_t seconds) {
    std::int64_t days = seconds / 86400;
    std::int64_t rest = seconds % 86400;
    if (rest < 0) {
        rest += 86400;
        --days;
    }
    std::string s;
    append_date(s, days);
    s.push_back(' ');
    append_2(s, static_cast<int>(rest / 3600));
    s.push_back(':');
    append_2(s, static_cast<int>(rest / 60 % 60));
    s.push_back(':');
    append_2(s, static_cast<int>(rest % 60));
    return s;
}

}  // namespace folio_example

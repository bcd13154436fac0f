// Excel's 1900 date system: conversions between serials and calendar dates, week numbers,
// month arithmetic and the en-US date/time text parser behind DATEVALUE, TIMEVALUE and VALUE.
//
// Internally dates go through Howard Hinnant's proleptic Gregorian day counts; the one place
// where Excel differs from the real calendar (the phantom 1900-02-29) is handled by
// `first_of_month_serial`, which adds one day to every month from March 1900 on, and by
// `date_from_serial`, which maps serial 60 back to February 29. Text parsing scans the input
// into numbers, words and punctuation and then tries every reading of the date and time parts,
// so that "Jan 31 10:30" is not taken as January of year 10.
#include "folio/engine/serial_date.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <vector>

namespace folio {
namespace {

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic

/// Returns a / b rounded toward negative infinity (b > 0).
std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b;
    return (a % b != 0 && a < 0) ? q - 1 : q;
}

/// Returns the number of days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar.
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2 ? 1 : 0;
    const std::int64_t era = floor_div(y, 400);
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

/// Returns the proleptic Gregorian date that is `z` days after 1970-01-01.
civil_date civil_from_days(std::int64_t z) {
    z += 719468;
    const std::int64_t era = floor_div(z, 146097);
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2 ? 1 : 0);
    return {static_cast<int>(y), static_cast<int>(m), static_cast<int>(d)};
}

/// Day count of 1899-12-31, the real date of serial 0.
const std::int64_t serial_epoch = days_from_civil(1899, 12, 31);

/// Returns the serial of the first day of a month of Excel's calendar (month in 1..12).
std::int64_t first_of_month_serial(std::int64_t year, int month) {
    std::int64_t real = days_from_civil(year, static_cast<unsigned>(month), 1) - serial_epoch;
    bool after_phantom_day = year > 1900 || (year == 1900 && month >= 3);
    return after_phantom_day ? real + 1 : real;
}

/// Returns the year of a serial as the calendar has it, taking serial 0 as 1899-12-31.
int real_year_of_serial(std::int64_t serial) {
    if (serial <= 0) return civil_from_days(serial + serial_epoch).year;
    return date_from_serial(static_cast<double>(serial)).year;
}

// ---------------------------------------------------------------------------------------------
// Text scanning for parse_date_time

enum class piece_kind { number, word, punct, space };

struct text_piece {
    piece_kind kind;
    std::string_view text;
};

/// Splits text into runs of digits, runs of ASCII letters, runs of spaces and single
/// punctuation characters.
std::vector<text_piece> scan_pieces(std::string_view text) {
    std::vector<text_piece> pieces;
    std::size_t i = 0;
    auto run = [&](auto pred) {
        std::size_t j = i;
        while (j < text.size() && pred(static_cast<unsigned char>(text[j]))) ++j;
        return j;
    };
    while (i < text.size()) {
        auto c = static_cast<unsigned char>(text[i]);
        std::size_t j;
        piece_kind kind;
        if (std::isdigit(c)) {
            j = run([](unsigned char x) { return std::isdigit(x) != 0; });
            kind = piece_kind::number;
        } else if (std::isalpha(c)) {
            j = run([](unsigned char x) { return std::isalpha(x) != 0; });
            kind = piece_kind::word;
        } else if (c == ' ' || c == '\t') {
            j = run([](unsigned char x) { return x == ' ' || x == '\t'; });
            kind = piece_kind::space;
        } else {
            j = i + 1;
            kind = piece_kind::punct;
        }
        pieces.push_back({kind, text.substr(i, j - i)});
        i = j;
    }
    return pieces;
}

/// Compares ASCII text case-insensitively.
bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(a[i])) !=
            std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    }
    return true;
}

constexpr std::array<std::string_view, 12> english_months = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

constexpr std::array<std::string_view, 7> english_days = {
    "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};

/// Returns the month (1-12) named by an English full or three-letter name (or "Sept").
std::optional<int> month_from_name(std::string_view word) {
    for (int i = 0; i < 12; ++i) {
        auto name = english_months[static_cast<std::size_t>(i)];
        if (iequals(word, name) || iequals(word, name.substr(0, 3))) return i + 1;
    }
    if (iequals(word, "sept")) return 9;
    return std::nullopt;
}

/// Tells whether a word is an English day name, full or three letters.
bool is_day_name(std::string_view word) {
    return std::any_of(english_days.begin(), english_days.end(), [&](std::string_view name) {
        return iequals(word, name) || iequals(word, name.substr(0, 3));
    });
}

/// A reading of part of the text: its value and the index of the first piece after it.
template <typename T>
struct reading {
    T value;
    std::size_t end;
};

/// Reads dates and times from scanned pieces; every function lists all readings from `at`.
class date_text_reader {
public:
    date_text_reader(std::vector<text_piece> pieces, int default_year)
        : pieces_(std::move(pieces)), default_year_(default_year) {}

    /// Returns the serial of the whole text, or nullopt when no reading covers it.
    std::optional<double> read_all() const {
        std::size_t start = skip_day_name(0);
        for (const auto& date : dates(start)) {
            if (date.end == pieces_.size()) return date.value;
            for (std::size_t after : time_starts(date.end)) {
                for (const auto& time : times(after)) {
                    if (time.end == pieces_.size()) return date.value + time.value;
                }
            }
        }
        for (const auto& time : times(start)) {
            if (time.end == pieces_.size()) return time.value;
            if (!is(time.end, piece_kind::space)) continue;
            for (const auto& date : dates(time.end + 1)) {
                if (date.end == pieces_.size()) return date.value + time.value;
            }
        }
        return std::nullopt;
    }

private:
    std::vector<text_piece> pieces_;
    int default_year_;

    bool is(std::size_t i, piece_kind kind) const {
        return i < pieces_.size() && pieces_[i].kind == kind;
    }

    bool is_punct(std::size_t i, char c) const {
        return is(i, piece_kind::punct) && pieces_[i].text[0] == c;
    }

    /// Returns the value of the number piece at i when it has at most `max_digits` digits.
    std::optional<int> number_at(std::size_t i, std::size_t max_digits = 4) const {
        if (!is(i, piece_kind::number) || pieces_[i].text.size() > max_digits) return std::nullopt;
        int value = 0;
        for (char c : pieces_[i].text) value = value * 10 + (c - '0');
        return value;
    }

    /// Returns the year written by the number piece at i: four digits as written, one or two
    /// digits as 1930-2029 (00-29 are 20xx), anything else nullopt.
    std::optional<int> year_at(std::size_t i) const {
        auto value = number_at(i);
        if (!value) return std::nullopt;
        std::size_t digits = pieces_[i].text.size();
        if (digits == 4) return *value;
        if (digits <= 2) return *value < 30 ? 2000 + *value : 1900 + *value;
        return std::nullopt;
    }

    /// Skips a leading day name ("Wednesday, ") that Excel ignores.
    std::size_t skip_day_name(std::size_t i) const {
        if (!is(i, piece_kind::word) || !is_day_name(pieces_[i].text)) return i;
        std::size_t j = i + 1;
        if (is_punct(j, ',')) ++j;
        if (is(j, piece_kind::space)) ++j;
        return j;
    }

    /// Returns the positions where a time may start after a date ending at i.
    std::vector<std::size_t> time_starts(std::size_t i) const {
        std::vector<std::size_t> starts;
        if (is(i, piece_kind::space)) starts.push_back(i + 1);
        if (is(i, piece_kind::word) && iequals(pieces_[i].text, "T")) starts.push_back(i + 1);
        return starts;
    }

    /// Adds the reading year-month-day ending at `end` when the date exists in Excel's calendar.
    void add_date(std::vector<reading<double>>& out, int year, int month, int day,
                  std::size_t end) const {
        if (year < 1900 || year > 9999 || month < 1 || month > 12) return;
        if (day < 1 || day > days_in_month(year, month)) return;
        out.push_back({serial_from_civil(year, month, day), end});
    }

    /// Adds the reading of "month, then a number": a day of the default year when it is a
    /// valid day, otherwise a year (Excel reads "Jan-24" as 24 January, "Jan-2024" and
    /// "Jan-32" as the first of the month).
    void add_month_and_number(std::vector<reading<double>>& out, int month, std::size_t i) const {
        auto value = number_at(i);
        if (!value) return;
        std::size_t digits = pieces_[i].text.size();
        if (digits <= 2 && *value >= 1 && *value <= days_in_month(default_year_, month)) {
            add_date(out, default_year_, month, *value, i + 1);
        } else if (auto year = year_at(i)) {
            add_date(out, *year, month, 1, i + 1);
        }
    }

    /// Lists all date readings starting at i.
    std::vector<reading<double>> dates(std::size_t i) const {
        std::vector<reading<double>> out;
        numeric_dates(i, out);
        day_month_name_dates(i, out);
        month_name_dates(i, out);
        return out;
    }

    /// Reads m/d/y, m/d, m/y, y-m-d and y/m with '/' or '-' as the separator.
    void numeric_dates(std::size_t i, std::vector<reading<double>>& out) const {
        auto first = number_at(i);
        if (!first) return;
        char sep = is_punct(i + 1, '/') ? '/' : is_punct(i + 1, '-') ? '-' : '\0';
        if (sep == '\0' || !number_at(i + 2)) return;
        int second = *number_at(i + 2);
        bool year_first = pieces_[i].text.size() == 4;
        if (is_punct(i + 3, sep)) {
            if (year_first) {
                if (auto day = number_at(i + 4, 2)) add_date(out, *first, second, *day, i + 5);
            } else if (auto year = year_at(i + 4); year && pieces_[i].text.size() <= 2 &&
                                                     pieces_[i + 2].text.size() <= 2) {
                add_date(out, *year, *first, second, i + 5);
            }
        }
        if (year_first) {
            if (pieces_[i + 2].text.size() <= 2) add_date(out, *first, second, 1, i + 3);
        } else if (pieces_[i].text.size() <= 2 && *first >= 1 && *first <= 12) {
            add_month_and_number(out, *first, i + 2);
        }
    }

    /// Returns the index after a date separator ('-', '/', or spaces) at i, or i itself.
    std::size_t skip_separator(std::size_t i) const {
        if (is_punct(i, '-') || is_punct(i, '/') || is(i, piece_kind::space)) return i + 1;
        return i;
    }

    /// Reads d-mmm-y, d mmm y and d-mmm.
    void day_month_name_dates(std::size_t i, std::vector<reading<double>>& out) const {
        auto day = number_at(i, 2);
        if (!day) return;
        std::size_t m = skip_separator(i + 1);
        if (!is(m, piece_kind::word)) return;
        auto month = month_from_name(pieces_[m].text);
        if (!month) return;
        add_date(out, default_year_, *month, *day, m + 1);
        std::size_t y = skip_separator(m + 1);
        if (is_punct(m + 1, ',')) y = is(m + 2, piece_kind::space) ? m + 3 : m + 2;
        if (y != m + 1) {
            if (auto year = year_at(y)) add_date(out, *year, *month, *day, y + 1);
        }
    }

    /// Reads mmm d, y / mmm d y / mmm-y / mmm d.
    void month_name_dates(std::size_t i, std::vector<reading<double>>& out) const {
        if (!is(i, piece_kind::word)) return;
        auto month = month_from_name(pieces_[i].text);
        if (!month) return;
        std::size_t n = skip_separator(i + 1);
        if (n == i + 1) return;
        add_month_and_number(out, *month, n);
        auto day = number_at(n, 2);
        if (!day) return;
        std::size_t y = n + 1;
        if (is_punct(y, ',')) ++y;
        if (is(y, piece_kind::space) || is_punct(y, '-') || is_punct(y, '/')) ++y;
        if (y == n + 1) return;
        if (auto year = year_at(y); year && pieces_[y].text.size() == 4) {
            add_date(out, *year, *month, *day, y + 1);
        } else if (year && is_punct(n + 1, ',')) {
            add_date(out, *year, *month, *day, y + 1);
        }
    }

    /// Returns the hours an AM/PM word at j adds (0 or 12), or nullopt when j is no such word.
    std::optional<int> meridiem_at(std::size_t j) const {
        if (!is(j, piece_kind::word)) return std::nullopt;
        auto w = pieces_[j].text;
        if (iequals(w, "AM") || iequals(w, "A")) return 0;
        if (iequals(w, "PM") || iequals(w, "P")) return 12;
        return std::nullopt;
    }

    /// Adds the time reading h:m:s ending at `end`, applying an AM/PM word that follows
    /// (optionally after a space).
    void add_time(std::vector<reading<double>>& out, int hour, int minute, double second,
                  std::size_t end) const {
        if (minute >= 60 || second >= 60.0) return;
        auto fraction = [&](int h) {
            return (h * 3600.0 + minute * 60.0 + second) / 86400.0;
        };
        std::size_t j = is(end, piece_kind::space) ? end + 1 : end;
        if (auto offset = meridiem_at(j)) {
            if (hour <= 12) out.push_back({fraction(hour % 12 + *offset), j + 1});
        }
        if (hour < 10000) out.push_back({fraction(hour), end});
    }

    /// Returns the value of "digits" after a decimal point as a fraction (".5" -> 0.5).
    double decimal_fraction(std::size_t i) const {
        double value = 0.0, scale = 1.0;
        for (char c : pieces_[i].text) {
            scale /= 10.0;
            value += (c - '0') * scale;
        }
        return value;
    }

    /// Lists all time readings starting at i: h:mm, h:mm:ss, h:mm:ss.f, mm:ss.f, h AM/PM.
    std::vector<reading<double>> times(std::size_t i) const {
        std::vector<reading<double>> out;
        auto first = number_at(i);
        if (!first) return out;
        if (!is_punct(i + 1, ':')) {
            std::size_t j = is(i + 1, piece_kind::space) ? i + 2 : i + 1;
            if (auto offset = meridiem_at(j); offset && *first >= 0 && *first <= 12) {
                out.push_back({(*first % 12 + *offset) * 3600.0 / 86400.0, j + 1});
            }
            return out;
        }
        auto second = number_at(i + 2, 2);
        if (!second) return out;
        if (is_punct(i + 3, '.') && is(i + 4, piece_kind::number)) {
            // m:ss.f — minutes and seconds with a fraction.
            if (*first < 10000 && *second < 60) {
                double s = *second + decimal_fraction(i + 4);
                out.push_back({(*first * 60.0 + s) / 86400.0, i + 5});
            }
            return out;
        }
        if (is_punct(i + 3, ':')) {
            auto third = number_at(i + 4, 2);
            if (!third) return out;
            std::size_t end = i + 5;
            double seconds = *third;
            if (is_punct(end, '.') && is(end + 1, piece_kind::number)) {
                seconds += decimal_fraction(end + 1);
                end += 2;
            }
            add_time(out, *first, *second, seconds, end);
            return out;
        }
        add_time(out, *first, *second, 0.0, i + 3);
        return out;
    }
};

/// Returns text without leading and trailing spaces and tabs.
std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

}  // namespace

// -------------------------------------------------------------------------------------------------
// Serials and calendar dates

double serial_from_civil(std::int64_t year, std::int64_t month, std::int64_t day) {
    std::int64_t months = year * 12 + (month - 1);
    std::int64_t y = floor_div(months, 12);
    auto m = static_cast<int>(months - y * 12 + 1);
    return static_cast<double>(first_of_month_serial(y, m) + day - 1);
}

std::optional<double> serial_from_date(double year, double month, double day) {
    if (!std::isfinite(year) || !std::isfinite(month) || !std::isfinite(day)) return std::nullopt;
    double y = std::trunc(year), m = std::trunc(month), d = std::trunc(day);
    if (y < 0 || y >= 10000) return std::nullopt;
    if (y < 1900) y += 1900;
    // Beyond these bounds no rollover can land inside 1900-9999.
    if (std::fabs(m) > 1e9 || std::fabs(d) > 1e12) return std::nullopt;
    double serial = serial_from_civil(static_cast<std::int64_t>(y), static_cast<std::int64_t>(m),
                                      static_cast<std::int64_t>(d));
    if (serial < 0 || serial > max_date_serial) return std::nullopt;
    return serial;
}

std::optional<double> serial_from_time(double hour, double minute, double second) {
    if (!std::isfinite(hour) || !std::isfinite(minute) || !std::isfinite(second)) {
        return std::nullopt;
    }
    double h = std::trunc(hour), m = std::trunc(minute), s = std::trunc(second);
    if (std::fabs(h) > 32767 || std::fabs(m) > 32767 || std::fabs(s) > 32767) return std::nullopt;
    double total = h * 3600 + m * 60 + s;
    if (total < 0) return std::nullopt;
    return std::fmod(total, 86400.0) / 86400.0;
}

bool is_valid_serial(double serial) {
    return serial >= 0 && serial < max_date_serial + 1;
}

civil_date date_from_serial(double serial) {
    auto n = static_cast<std::int64_t>(std::floor(serial));
    if (n == 0) return {1900, 1, 0};
    if (n == 60) return {1900, 2, 29};
    std::int64_t real = n < 60 ? n : n - 1;
    return civil_from_days(real + serial_epoch);
}

int weekday_from_serial(double serial) {
    auto n = static_cast<std::int64_t>(std::floor(serial));
    return static_cast<int>(((n + 6) % 7 + 7) % 7);
}

date_time_parts split_date_time(double serial, int second_decimals) {
    second_decimals = std::clamp(second_decimals, 0, 3);
    std::int64_t unit = 1;
    for (int i = 0; i < second_decimals; ++i) unit *= 10;
    const std::int64_t per_day = 86400 * unit;
    double day = std::floor(serial);
    std::int64_t ticks = std::llround((serial - day) * static_cast<double>(per_day));
    auto whole_day = static_cast<std::int64_t>(day);
    if (ticks >= per_day) {
        ++whole_day;
        ticks -= per_day;
    }
    std::int64_t seconds = ticks / unit;
    clock_time time{};
    time.hour = static_cast<int>(seconds / 3600);
    time.minute = static_cast<int>(seconds / 60 % 60);
    time.second = static_cast<int>(seconds % 60);
    time.millis = static_cast<double>((ticks % unit) * (1000 / unit));
    return {whole_day, time};
}

clock_time time_from_serial(double serial) {
    return split_date_time(serial, 3).time;
}

std::optional<double> parse_date_time(std::string_view text, int default_year) {
    text = trim(text);
    if (text.empty()) return std::nullopt;
    return date_text_reader(scan_pieces(text), default_year).read_all();
}

// -------------------------------------------------------------------------------------------------
// Months and weeks

bool is_leap_year(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
    static constexpr std::array<int, 12> lengths = {31, 28, 31, 30, 31, 30,
                                                    31, 31, 30, 31, 30, 31};
    if (month == 2 && (is_leap_year(year) || year == 1900)) return 29;
    return lengths[static_cast<std::size_t>(std::clamp(month, 1, 12) - 1)];
}

namespace {

/// The year and month reached by moving a date by whole months, and the day it started on.
struct month_target {
    std::int64_t year;
    int month;
    int day;
};

/// Moves the (truncated) serial by whole months.
month_target shift_months(double serial, int months) {
    civil_date date = date_from_serial(std::trunc(serial));
    std::int64_t total = static_cast<std::int64_t>(date.year) * 12 + (date.month - 1) + months;
    std::int64_t year = floor_div(total, 12);
    return {year, static_cast<int>(total - year * 12 + 1), date.day};
}

/// Returns days_in_month for years outside int range by mapping them onto the 400-year cycle.
int days_in_month_any(std::int64_t year, int month) {
    if (year == 1900) return days_in_month(1900, month);
    auto cycle_year = static_cast<int>(2000 + ((year % 400) + 400) % 400);
    return days_in_month(cycle_year, month);
}
}  // namespace

double serial_add_months(double serial, int months) {
    month_target t = shift_months(serial, months);
    int day = std::min(t.day, days_in_month_any(t.year, t.month));
    return serial_from_civil(t.year, t.month, day);
}

double eomonth(double serial, int months) {
    month_target t = shift_months(serial, months);
    return serial_from_civil(t.year, t.month, days_in_month_any(t.year, t.month));
}

int iso_week_number(double serial) {
    auto n = static_cast<std::int64_t>(std::floor(serial));
    int days_since_monday = (weekday_from_serial(static_cast<double>(n)) + 6) % 7;
    std::int64_t thursday = n - days_since_monday + 3;
    int year = real_year_of_serial(thursday);
    auto jan1 = static_cast<std::int64_t>(serial_from_civil(year, 1, 1));
    return static_cast<int>(floor_div(thursday - jan1, 7) + 1);
}

std::optional<int> week_number(double serial, int return_type) {
    int first_weekday;  // 0 = Sunday
    switch (return_type) {
        case 1: case 17: first_weekday = 0; break;
        case 2: case 11: first_weekday = 1; break;
        case 12: first_weekday = 2; break;
        case 13: first_weekday = 3; break;
        case 14: first_weekday = 4; break;
        case 15: first_weekday = 5; break;
        case 16: first_weekday = 6; break;
        case 21: return iso_week_number(serial);
        default: return std::nullopt;
    }
    auto n = static_cast<std::int64_t>(std::floor(serial));
    int year = date_from_serial(static_cast<double>(n)).year;
    auto jan1 = static_cast<std::int64_t>(serial_from_civil(year, 1, 1));
    int offset = (weekday_from_serial(static_cast<double>(jan1)) - first_weekday + 7) % 7;
    return static_cast<int>(floor_div(n - jan1 + offset, 7) + 1);
}

}  // namespace folio

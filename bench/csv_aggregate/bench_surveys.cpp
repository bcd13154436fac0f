// folio_bench_surveys N OUT.csv [--seed S]: writes N survey rows for the csv_aggregate
// benchmark, about 57 bytes a row (1e6 rows ≈ 57 MB, 1e7 ≈ 570 MB):
//
//   response_id,submitted_at,region,score,csat,first_response_minutes,contacts,mrr,status
//   R00000001,2023-01-01,North America,9,5,37.5,1,1249.50,active
//
// One wide row per response, so one file carries all five benchmark metrics (NPS, CSAT
// share, mean first-response time, FCR share, sum of active MRR by region × month).
// Rows are in date order over the 24 months 2023-01-01 to 2024-12-31, spread evenly;
// region weights 35/30/20/15 %; NPS per region drifts month by month; about 5 % of csat
// and 2 % of first_response_minutes are empty (missing), the rest are plain unquoted
// values. The output is identical on every run and machine: splitmix64 with a fixed seed,
// integer arithmetic for every printed number (minutes in tenths, MRR in cents), and the
// only floating point is IEEE +, *, / (built with -ffp-contract=off). Written to
// OUT.csv.tmp-PID and renamed when complete.
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include <unistd.h>

namespace {

class rng {
public:
    explicit rng(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    std::uint32_t below(std::uint32_t n) {
        return static_cast<std::uint32_t>(((next() >> 32) * static_cast<std::uint64_t>(n)) >> 32);
    }

private:
    std::uint64_t state_;
};

// e^x from +, *, / and ldexp (see examples/customer-health/generator/random.hpp).
double det_exp(double x) {
    constexpr double ln2 = 0.6931471805599453;
    const double k = std::floor(x / ln2 + 0.5);
    const double r = x - k * ln2;
    double term = 1.0;
    double sum = 1.0;
    for (int i = 1; i <= 16; ++i) {
        term = term * r / i;
        sum = sum + term;
    }
    return std::ldexp(sum, static_cast<int>(k));
}

// Approximately N(0, 1): four uniforms (Irwin-Hall, rescaled); cheap and exact to repeat.
double normal(rng& r) {
    const double s = r.uniform() + r.uniform() + r.uniform() + r.uniform();
    return (s - 2.0) * 1.7320508075688772;  // sqrt(12 / 4)
}

constexpr std::array<std::string_view, 4> region_names{"North America", "EMEA", "LATAM", "APAC"};
constexpr std::array<double, 4> region_cumulative{0.35, 0.65, 0.85, 1.0};
constexpr std::array<double, 4> nps_start{36, 28, 52, 22};
constexpr std::array<double, 4> nps_end{44, 38, 36, 34};
constexpr std::array<double, 12> nps_season{-4, -1, 2, 4, 5, 3, 0, -2, 1, 3, -1, -6};

constexpr std::int64_t days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return static_cast<std::int64_t>(era) * 146097 + doe - 719468;
}

struct day_text {
    char text[10];
    int month;  // 0-23
};

class output {
public:
    explicit output(std::FILE* f) : f_(f) { buf_.reserve(capacity); }
    void put(std::string_view s) {
        buf_.append(s);
        if (buf_.size() >= capacity - 256) flush();
    }
    void put(char c) { buf_.push_back(c); }
    void put_uint(std::uint64_t v) {
        char tmp[24];
        const auto r = std::to_chars(tmp, tmp + sizeof tmp, v);
        buf_.append(tmp, r.ptr);
    }
    // value / 10^places, e.g. (12345, 2) → "123.45"
    void put_fixed(std::uint64_t v, int places) {
        std::uint64_t scale = 1;
        for (int i = 0; i < places; ++i) scale *= 10;
        put_uint(v / scale);
        buf_.push_back('.');
        char digits[20];
        std::uint64_t frac = v % scale;
        for (int i = places - 1; i >= 0; --i) {
            digits[i] = static_cast<char>('0' + frac % 10);
            frac /= 10;
        }
        buf_.append(digits, static_cast<std::size_t>(places));
    }
    bool flush() {
        if (!buf_.empty() && std::fwrite(buf_.data(), 1, buf_.size(), f_) != buf_.size()) failed_ = true;
        buf_.clear();
        return !failed_;
    }
    bool failed() const { return failed_; }

private:
    static constexpr std::size_t capacity = 1 << 20;
    std::FILE* f_;
    std::string buf_;
    bool failed_ = false;
};

int usage() {
    std::cerr << "usage: folio_bench_surveys N OUT.csv [--seed S]\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3 && argc != 5) return usage();
    std::uint64_t rows = 0;
    std::uint64_t seed = 57;
    const std::string_view n_text = argv[1];
    const auto parsed = std::from_chars(n_text.data(), n_text.data() + n_text.size(), rows);
    if (parsed.ec != std::errc{} || parsed.ptr != n_text.data() + n_text.size()) {
        // also accept 1e6, 1e7
        double d = 0;
        const auto as_double = std::from_chars(n_text.data(), n_text.data() + n_text.size(), d);
        if (as_double.ec != std::errc{} || as_double.ptr != n_text.data() + n_text.size() || d < 0) return usage();
        rows = static_cast<std::uint64_t>(d);
    }
    if (argc == 5) {
        const std::string_view s = argv[4];
        if (std::string_view(argv[3]) != "--seed" || std::from_chars(s.data(), s.data() + s.size(), seed).ec != std::errc{})
            return usage();
    }
    const std::string path = argv[2];
    const std::string tmp = path + ".tmp-" + std::to_string(::getpid());

    // The 731 days of the window as text, with their month.
    const std::int64_t first = days_from_civil(2023, 1, 1);
    const std::int64_t days = days_from_civil(2025, 1, 1) - first;
    std::vector<day_text> calendar(static_cast<std::size_t>(days));
    for (int y = 2023, idx = 0; y <= 2024; ++y)
        for (int m = 1; m <= 12; ++m)
            for (std::int64_t d = days_from_civil(y, m, 1); d < days_from_civil(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1); ++d, ++idx) {
                const int day = static_cast<int>(d - days_from_civil(y, m, 1)) + 1;
                day_text& dt = calendar[static_cast<std::size_t>(idx)];
                const int parts[] = {y / 100, y % 100, -1, m, -1, day};
                char* p = dt.text;
                for (int part : parts) {
                    if (part < 0) {
                        *p++ = '-';
                        continue;
                    }
                    *p++ = static_cast<char>('0' + part / 10);
                    *p++ = static_cast<char>('0' + part % 10);
                }
                dt.month = (y - 2023) * 12 + m - 1;
            }

    // Promoter and detractor shares per region and month.
    std::array<std::array<double, 24>, 4> promoters{};
    std::array<std::array<double, 24>, 4> detractors{};
    for (std::size_t r = 0; r < 4; ++r)
        for (std::size_t m = 0; m < 24; ++m) {
            const double t = static_cast<double>(m) / 23.0;
            const double nps = (nps_start[r] + (nps_end[r] - nps_start[r]) * t + nps_season[m % 12]) / 100.0;
            promoters[r][m] = (0.74 + nps) / 2.0;
            detractors[r][m] = (0.74 - nps) / 2.0;
        }

    std::FILE* f = std::fopen(tmp.c_str(), "wb");
    if (!f) {
        std::cerr << "folio_bench_surveys: cannot write " << tmp << '\n';
        return 1;
    }
    output out(f);
    out.put("response_id,submitted_at,region,score,csat,first_response_minutes,contacts,mrr,status\n");
    rng r(seed);
    for (std::uint64_t i = 0; i < rows; ++i) {
        const day_text& day = calendar[static_cast<std::size_t>(rows ? i * static_cast<std::uint64_t>(days) / rows : 0)];
        const double ur = r.uniform();
        std::size_t region = 0;
        while (ur >= region_cumulative[region] && region < 3) ++region;
        const auto month = static_cast<std::size_t>(day.month);

        // R00000001
        char id[9];
        std::uint64_t v = i + 1;
        for (int k = 8; k >= 1; --k) {
            id[k] = static_cast<char>('0' + v % 10);
            v /= 10;
        }
        id[0] = 'R';
        out.put(std::string_view(id, 9));
        out.put(',');
        out.put(std::string_view(day.text, 10));
        out.put(',');
        out.put(region_names[region]);
        out.put(',');

        const double us = r.uniform();
        int score;
        if (us < promoters[region][month]) score = r.below(100) < 45 ? 10 : 9;
        else if (us < promoters[region][month] + detractors[region][month]) score = static_cast<int>(r.below(100) < 55 ? 5 + r.below(2) : r.below(5));
        else score = r.below(100) < 45 ? 7 : 8;
        out.put_uint(static_cast<std::uint64_t>(score));
        out.put(',');

        // csat follows the score; 5 % missing
        if (r.below(100) >= 5) {
            const std::uint32_t u = r.below(100);
            int csat;
            if (score >= 9) csat = u < 60 ? 5 : u < 93 ? 4 : 3;
            else if (score >= 7) csat = u < 15 ? 5 : u < 65 ? 4 : u < 93 ? 3 : 2;
            else csat = u < 2 ? 5 : u < 15 ? 4 : u < 50 ? 3 : u < 80 ? 2 : 1;
            out.put_uint(static_cast<std::uint64_t>(csat));
        }
        out.put(',');

        // first response in minutes, log-normal around 150 min, one decimal; 2 % missing
        if (r.below(100) >= 2) {
            const double minutes = 150.0 * det_exp(1.1 * normal(r));
            const auto tenths = static_cast<std::uint64_t>(std::floor(minutes * 10.0 + 0.5));
            out.put_fixed(tenths < 1 ? 1 : tenths, 1);
        }
        out.put(',');

        // contacts: 1 (resolved at first contact) about 70 % of the time
        const std::uint32_t uc = r.below(100);
        out.put_uint(uc < 70 ? 1 : uc < 85 ? 2 : uc < 93 ? 3 : uc < 97 ? 4 : 5);
        out.put(',');

        // the account's MRR in cents: log-normal around $9,000
        const double mrr = 9000.0 * det_exp(0.9 * normal(r));
        out.put_fixed(static_cast<std::uint64_t>(std::floor(mrr * 100.0 + 0.5)), 2);
        out.put(',');
        out.put(r.below(100) < 88 ? std::string_view("active") : std::string_view("churned"));
        out.put('\n');
    }
    const bool ok = out.flush() && std::fclose(f) == 0;
    if (!ok) {
        std::cerr << "folio_bench_surveys: error writing " << tmp << '\n';
        std::remove(tmp.c_str());
        return 1;
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        std::cerr << "folio_bench_surveys: cannot rename " << tmp << " to " << path << ": " << ec.message() << '\n';
        return 1;
    }
    return 0;
}

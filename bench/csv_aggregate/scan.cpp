// folio_bench_scan FILE.csv [--threads N] [--out RESULT.csv]: the floor of the
// csv_aggregate benchmark, a plain single-pass scan with no engine around it.
//
// It computes what bench.folio and the DuckDB query compute, by region × month:
//   nps        = 100 × rows with score >= 9 / rows − 100 × rows with score <= 6 / rows
//   csat_share = rows with csat >= 4 / rows            (a missing csat counts as not >= 4)
//   frt_mean   = mean of first_response_minutes over the rows that have one
//   fcr_share  = rows with contacts = 1 / rows
//   mrr        = sum of mrr over the rows with status = "active"
// The file is split into N byte ranges (default 2) moved to line starts; each thread
// streams its range with pread in 4 MiB blocks (the file is never held whole), finds
// the fields of each line, parses the ones it needs (dates as YYYY-MM, integers by hand,
// decimals with std::from_chars) and adds to a per-thread hash map keyed by region and
// month; the maps are merged at the end. Columns are found by name in the header. It
// reads plain unquoted CSV only (what folio_bench_surveys writes) and stops at a quote.
//
// Prints one JSON line ({"engine":"scan","rows":...,"groups":...,"ms":...}) and, with
// --out, writes the groups as CSV sorted by region and month, numbers in shortest
// round-trip form, for run.sh to compare with DuckDB's and Folio's results.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

namespace {

struct totals {
    std::uint64_t rows = 0;
    std::uint64_t promoters = 0;
    std::uint64_t detractors = 0;
    std::uint64_t csat_positive = 0;
    std::uint64_t frt_count = 0;
    double frt_sum = 0.0;
    std::uint64_t first_contact = 0;
    double mrr_active = 0.0;

    void add(const totals& o) {
        rows += o.rows;
        promoters += o.promoters;
        detractors += o.detractors;
        csat_positive += o.csat_positive;
        frt_count += o.frt_count;
        frt_sum += o.frt_sum;
        first_contact += o.first_contact;
        mrr_active += o.mrr_active;
    }
};

enum column : int { c_date, c_region, c_score, c_csat, c_frt, c_contacts, c_mrr, c_status, c_count };
constexpr const char* column_names[c_count] = {"submitted_at", "region", "score", "csat",
                                               "first_response_minutes", "contacts", "mrr", "status"};

struct layout {
    std::vector<int> role;  // per field of a line: a column, or -1
    int last_needed = 0;    // the last field index that matters
};

// One thread's work: its groups, the region names it met, its row count.
struct partial {
    std::unordered_map<std::uint64_t, totals> groups;  // key: region id << 32 | month
    std::vector<std::string> regions;
    std::string error;
};

int small_int(std::string_view s, bool& ok) {
    if (s.empty() || s.size() > 3) {
        ok = false;
        return 0;
    }
    int v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') {
            ok = false;
            return 0;
        }
        v = v * 10 + (c - '0');
    }
    return v;
}

class scanner {
public:
    scanner(int fd, const layout& lay, partial& out) : fd_(fd), lay_(lay), out_(out) {}

    // Lines whose first byte lies in [begin, end).
    void run(std::uint64_t begin, std::uint64_t end, std::uint64_t file_size) {
        constexpr std::size_t block = 4u << 20;
        std::vector<char> buf(block + 4096);
        std::string carry;
        std::uint64_t pos = begin;
        bool done = false;
        while (!done && pos < file_size) {
            const std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(block, file_size - pos));
            const ssize_t got = ::pread(fd_, buf.data(), want, static_cast<off_t>(pos));
            if (got <= 0) {
                out_.error = "read error";
                return;
            }
            const char* p = buf.data();
            const char* stop = p + got;
            const std::uint64_t chunk_start = pos;
            pos += static_cast<std::uint64_t>(got);
            if (!carry.empty()) {  // finish the line cut by the previous block
                const char* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(stop - p)));
                if (!nl) {
                    carry.append(p, stop);
                    continue;
                }
                carry.append(p, nl);
                if (!line(carry.data(), carry.data() + carry.size())) return;
                carry.clear();
                p = nl + 1;
            }
            while (p < stop) {
                if (chunk_start + static_cast<std::uint64_t>(p - buf.data()) >= end) {
                    done = true;
                    break;
                }
                const char* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(stop - p)));
                if (!nl) {
                    carry.assign(p, stop);
                    break;
                }
                if (!line(p, nl)) return;
                p = nl + 1;
            }
        }
        if (!carry.empty() && !done) line(carry.data(), carry.data() + carry.size());
    }

private:
    int fd_;
    const layout& lay_;
    partial& out_;
    std::uint64_t last_key_ = ~std::uint64_t{0};
    totals* last_totals_ = nullptr;

    std::uint32_t region_id(std::string_view name) {
        for (std::size_t i = 0; i < out_.regions.size(); ++i)
            if (out_.regions[i] == name) return static_cast<std::uint32_t>(i);
        out_.regions.emplace_back(name);
        return static_cast<std::uint32_t>(out_.regions.size() - 1);
    }

    bool fail(const char* what, const char* b, const char* e) {
        out_.error = std::string(what) + " in line: " + std::string(b, e);
        return false;
    }

    bool line(const char* b, const char* e) {
        if (e > b && e[-1] == '\r') --e;
        if (b == e) return true;
        std::string_view f[c_count];
        const char* p = b;
        for (int i = 0; i <= lay_.last_needed; ++i) {
            const char* comma = static_cast<const char*>(std::memchr(p, ',', static_cast<std::size_t>(e - p)));
            const char* fe = comma ? comma : e;
            if (i < static_cast<int>(lay_.role.size()) && lay_.role[static_cast<std::size_t>(i)] >= 0)
                f[lay_.role[static_cast<std::size_t>(i)]] = std::string_view(p, static_cast<std::size_t>(fe - p));
            if (!comma) {
                if (i < lay_.last_needed) return fail("too few fields", b, e);
                break;
            }
            p = comma + 1;
        }
        if (std::memchr(b, '"', static_cast<std::size_t>(e - b))) return fail("quoted field (not supported)", b, e);

        const std::string_view date = f[c_date];
        if (date.size() < 7 || date[4] != '-') return fail("bad date", b, e);
        bool ok = true;
        const int year = small_int(date.substr(0, 2), ok) * 100 + small_int(date.substr(2, 2), ok);
        const int month = small_int(date.substr(5, 2), ok);
        const std::uint64_t key = (static_cast<std::uint64_t>(region_id(f[c_region])) << 32) |
                                  static_cast<std::uint64_t>(year * 12 + month - 1);
        if (key != last_key_) {
            last_totals_ = &out_.groups[key];
            last_key_ = key;
        }
        totals& t = *last_totals_;
        ++t.rows;
        const int score = small_int(f[c_score], ok);
        t.promoters += score >= 9;
        t.detractors += score <= 6;
        if (!f[c_csat].empty()) t.csat_positive += small_int(f[c_csat], ok) >= 4;
        if (!f[c_frt].empty()) {
            double v = 0;
            const auto r = std::from_chars(f[c_frt].data(), f[c_frt].data() + f[c_frt].size(), v);
            if (r.ec != std::errc{} || r.ptr != f[c_frt].data() + f[c_frt].size()) return fail("bad first_response_minutes", b, e);
            t.frt_sum += v;
            ++t.frt_count;
        }
        t.first_contact += small_int(f[c_contacts], ok) == 1;
        if (f[c_status] == "active") {
            double v = 0;
            const auto r = std::from_chars(f[c_mrr].data(), f[c_mrr].data() + f[c_mrr].size(), v);
            if (r.ec != std::errc{} || r.ptr != f[c_mrr].data() + f[c_mrr].size()) return fail("bad mrr", b, e);
            t.mrr_active += v;
        }
        if (!ok) return fail("bad number", b, e);
        return true;
    }
};

std::string number_text(double v) {
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

int usage() {
    std::cerr << "usage: folio_bench_scan FILE.csv [--threads N] [--out RESULT.csv]\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    std::string path;
    std::string out_path;
    int threads = 2;
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        if (a == "--threads" && i + 1 < argc) threads = std::max(1, std::atoi(argv[++i]));
        else if (a == "--out" && i + 1 < argc) out_path = argv[++i];
        else if (path.empty() && !a.starts_with("--")) path = a;
        else return usage();
    }
    if (path.empty()) return usage();
    const auto start = std::chrono::steady_clock::now();

    const int fd = ::open(path.c_str(), O_RDONLY);
    struct stat st {};
    if (fd < 0 || ::fstat(fd, &st) != 0) {
        std::cerr << "folio_bench_scan: cannot open " << path << '\n';
        return 1;
    }
    const auto size = static_cast<std::uint64_t>(st.st_size);

    // The header: which field is which column.
    std::string header(std::min<std::uint64_t>(size, 64 * 1024), '\0');
    const ssize_t hn = ::pread(fd, header.data(), header.size(), 0);
    const std::size_t header_end = header.find('\n');
    if (hn <= 0 || header_end == std::string::npos) {
        std::cerr << "folio_bench_scan: no header line in " << path << '\n';
        return 1;
    }
    header.resize(header_end);
    if (!header.empty() && header.back() == '\r') header.pop_back();
    if (header.starts_with("\xEF\xBB\xBF")) header.erase(0, 3);
    layout lay;
    int found = 0;
    for (std::size_t b = 0, i = 0;; ++i) {
        const std::size_t comma = header.find(',', b);
        const std::string name = header.substr(b, comma == std::string::npos ? std::string::npos : comma - b);
        int role = -1;
        for (int c = 0; c < c_count; ++c)
            if (name == column_names[c]) role = c;
        lay.role.push_back(role);
        if (role >= 0) {
            ++found;
            lay.last_needed = static_cast<int>(i);
        }
        if (comma == std::string::npos) break;
        b = comma + 1;
    }
    if (found != c_count) {
        std::cerr << "folio_bench_scan: the header lacks a column among submitted_at, region, score, csat, "
                     "first_response_minutes, contacts, mrr, status\n";
        return 1;
    }

    // Byte ranges moved to line starts: a thread takes the lines that begin in its range.
    const std::uint64_t body = header_end + 1;
    std::vector<std::uint64_t> cuts{body};
    for (int k = 1; k < threads; ++k) {
        std::uint64_t c = body + (size - body) * static_cast<std::uint64_t>(k) / static_cast<std::uint64_t>(threads);
        char ch = 0;
        while (c < size && ::pread(fd, &ch, 1, static_cast<off_t>(c - 1)) == 1 && ch != '\n') ++c;
        cuts.push_back(std::max(c, cuts.back()));
    }
    cuts.push_back(size);

    std::vector<partial> parts(static_cast<std::size_t>(threads));
    std::vector<std::thread> pool;
    for (int k = 0; k < threads; ++k)
        pool.emplace_back([&, k] {
            scanner s(fd, lay, parts[static_cast<std::size_t>(k)]);
            s.run(cuts[static_cast<std::size_t>(k)], cuts[static_cast<std::size_t>(k) + 1], size);
        });
    for (auto& t : pool) t.join();
    ::close(fd);

    // Merge by region name and month.
    std::map<std::pair<std::string, int>, totals> merged;
    std::uint64_t rows = 0;
    for (const partial& p : parts) {
        if (!p.error.empty()) {
            std::cerr << "folio_bench_scan: " << p.error << '\n';
            return 1;
        }
        for (const auto& [key, t] : p.groups) {
            merged[{p.regions[key >> 32], static_cast<int>(key & 0xffffffffu)}].add(t);
            rows += t.rows;
        }
    }
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();

    if (!out_path.empty()) {
        std::ofstream out(out_path, std::ios::binary);
        out << "region,month,nps,csat_share,frt_mean,fcr_share,mrr\n";
        for (const auto& [key, t] : merged) {
            const double n = static_cast<double>(t.rows);
            const int y = key.second / 12;
            const int m = key.second % 12 + 1;
            char month[8] = {static_cast<char>('0' + y / 1000), static_cast<char>('0' + y / 100 % 10),
                             static_cast<char>('0' + y / 10 % 10), static_cast<char>('0' + y % 10), '-',
                             static_cast<char>('0' + m / 10), static_cast<char>('0' + m % 10), '\0'};
            out << key.first << ',' << month << ','
                << number_text(100.0 * static_cast<double>(t.promoters) / n - 100.0 * static_cast<double>(t.detractors) / n) << ','
                << number_text(static_cast<double>(t.csat_positive) / n) << ','
                << (t.frt_count ? number_text(t.frt_sum / static_cast<double>(t.frt_count)) : std::string()) << ','
                << number_text(static_cast<double>(t.first_contact) / n) << ',' << number_text(t.mrr_active) << '\n';
        }
        if (!out) {
            std::cerr << "folio_bench_scan: cannot write " << out_path << '\n';
            return 1;
        }
    }
    std::cout << "{\"engine\":\"scan\",\"threads\":" << threads << ",\"rows\":" << rows << ",\"groups\":" << merged.size()
              << ",\"ms\":" << number_text(ms) << "}\n";
    return 0;
}

// A measurement, not a check: the single-core throughput of the CSV reader on a generated
// survey file of 10^6 rows (about 57 bytes a row, the benchmark's shape). Hidden from the
// default run; `folio_tests "[data_bench]"` prints MB/s for a declared schema (streamed and
// whole), an inferred one and subsets of the columns, and the wall time of the benchmark's
// columns with one and two converting threads. FOLIO_DATA_BENCH_ROWS overrides the row count.
#include <catch2/catch.hpp>

#include <time.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>

#include "data_test_files.hpp"

using namespace folio::data;
using folio::data::test::temp_dir;

namespace {

// Writes the survey file: response_id, account_id, submitted_at, region, account_manager,
// tier, score, csat, minutes, fcr, mrr.
std::string survey_file(std::size_t rows) {
    static const char* regions[] = {"EMEA", "APAC", "AMER", "LATAM", "ANZ", "DACH", "NORDIC", "UKI"};
    static const char* tiers[] = {"Gold", "Silver", "Bronze"};
    std::mt19937_64 rng(42);
    std::string text = "response_id,account_id,submitted_at,region,account_manager,tier,score,csat,minutes,fcr,mrr\n";
    text.reserve(rows * 60 + 100);
    char line[160];
    for (std::size_t i = 0; i < rows; ++i) {
        const std::uint64_t r = rng();
        const int month = 1 + static_cast<int>(r % 24);
        const int n = std::snprintf(line, sizeof line, "R%06zu,A%04u,%04d-%02d-%02u,%s,m%02u,%s,%u,%u,%u.%u,%s,%u.%u\n", i,
                                    static_cast<unsigned>((r >> 8) % 10000), 2023 + (month - 1) / 12, 1 + (month - 1) % 12,
                                    static_cast<unsigned>(1 + (r >> 20) % 28), regions[(r >> 25) % 8],
                                    static_cast<unsigned>((r >> 28) % 40), tiers[(r >> 34) % 3],
                                    static_cast<unsigned>((r >> 36) % 11), static_cast<unsigned>(1 + (r >> 40) % 5),
                                    static_cast<unsigned>((r >> 43) % 240), static_cast<unsigned>((r >> 51) % 10),
                                    (r >> 55) % 2 ? "true" : "false", static_cast<unsigned>((r >> 13) % 5000),
                                    static_cast<unsigned>((r >> 4) % 10));
        text.append(line, static_cast<std::size_t>(n));
    }
    return text;
}

// Returns the CPU seconds this thread has used.
double thread_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// Returns the CPU seconds `work` takes on this thread, the best of three runs (CPU time,
// not wall time, so that other work on a shared machine disturbs the figure less).
template <class F>
double best_of_three(F&& work) {
    double best = 1e300;
    for (int i = 0; i < 3; ++i) {
        const double start = thread_seconds();
        work();
        best = std::min(best, thread_seconds() - start);
    }
    return best;
}

}  // namespace

TEST_CASE("csv throughput on a generated survey file", "[.][data_bench]") {
    const char* env = std::getenv("FOLIO_DATA_BENCH_ROWS");
    const std::size_t rows = env ? static_cast<std::size_t>(std::strtoull(env, nullptr, 10)) : 1000000;
    temp_dir dir;
    const std::string text = survey_file(rows);
    const auto path = dir.write("surveys.csv", text);
    const double mb = static_cast<double>(text.size()) / 1e6;
    const table_schema schema = {{"response_id", column_type::text}, {"account_id", column_type::text},
                                 {"submitted_at", column_type::date}, {"region", column_type::text},
                                 {"account_manager", column_type::text}, {"tier", column_type::text},
                                 {"score", column_type::number},        {"csat", column_type::number},
                                 {"minutes", column_type::number},      {"fcr", column_type::boolean},
                                 {"mrr", column_type::number}};
    csv_options options;

    double sum = 0;
    std::size_t seen = 0;
    const double streamed = best_of_three([&] {
        sum = 0;
        seen = 0;
        read_csv_batches(path, options, schema, [&](const table_batch& b) {
            seen += b.row_count();
            for (double v : b.at("mrr").numbers()) sum += v;
        });
    });
    REQUIRE(seen == rows);
    std::size_t whole_rows = 0, memory = 0, distinct_ids = 0;
    const double whole = best_of_three([&] {
        const loaded_table t = read_csv_table(path, options, schema);
        whole_rows = t.data.row_count();
        memory = t.data.memory_bytes();
        distinct_ids = t.data.at("response_id").dictionary().size();
    });
    REQUIRE(whole_rows == rows);
    table_schema inferred_schema;
    const double inferred = best_of_three([&] {
        std::size_t n = 0;
        read_csv_batches(path, options, std::nullopt, [&](const table_batch& b) { n += b.row_count(); });
        inferred_schema = infer_csv_schema(path, options);
    });
    CHECK(inferred_schema == schema);
    const double no_text = best_of_three([&] {
        read_csv_batches(path, options,
                         table_schema{{"submitted_at", column_type::date}, {"score", column_type::number},
                                      {"csat", column_type::number}, {"minutes", column_type::number},
                                      {"fcr", column_type::boolean}, {"mrr", column_type::number}},
                         [&](const table_batch&) {});
    });
    const double split_only = best_of_three([&] { read_csv_batches(path, options, table_schema{}, [&](const table_batch&) {}); });
    const double ids_only = best_of_three(
        [&] { read_csv_batches(path, options, table_schema{{"response_id", column_type::text}}, [&](const table_batch&) {}); });
    const double grouping_only = best_of_three([&] {
        read_csv_batches(path, options,
                         table_schema{{"region", column_type::text}, {"submitted_at", column_type::date},
                                      {"score", column_type::number}},
                         [&](const table_batch&) {});
    });
    // The benchmark's columns with two converting threads: wall time, since two threads work.
    csv_options two = options;
    two.threads = 2;
    const table_schema benchmark = {{"region", column_type::text},   {"submitted_at", column_type::date},
                                    {"score", column_type::number},  {"csat", column_type::number},
                                    {"minutes", column_type::number}, {"fcr", column_type::boolean},
                                    {"mrr", column_type::number}};
    double one_thread = 1e300, two_threads = 1e300;
    for (int i = 0; i < 3; ++i) {
        auto start = std::chrono::steady_clock::now();
        read_csv_batches(path, options, benchmark, [&](const table_batch&) {});
        one_thread = std::min(one_thread, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        start = std::chrono::steady_clock::now();
        read_csv_batches(path, two, benchmark, [&](const table_batch&) {});
        two_threads = std::min(two_threads, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    std::printf("csv throughput (CPU time of one thread): %zu rows, %.1f MB (%.1f bytes/row)\n", rows, mb, static_cast<double>(text.size()) / rows);
    std::printf("  all 11 columns, streamed:      %.3f s  %.0f MB/s\n", streamed, mb / streamed);
    std::printf("  all 11 columns, whole table:   %.3f s  %.0f MB/s  (%.1f MB in memory, %zu distinct ids)\n", whole,
                mb / whole, static_cast<double>(memory) / 1e6, distinct_ids);
    std::printf("  inferred schema + streamed:    %.3f s  %.0f MB/s (two passes over the sample)\n", inferred,
                mb / inferred);
    std::printf("  6 non-text columns, streamed:  %.3f s  %.0f MB/s\n", no_text, mb / no_text);
    std::printf("  region, date, score, streamed: %.3f s  %.0f MB/s\n", grouping_only, mb / grouping_only);
    std::printf("  response_id only, streamed:    %.3f s  %.0f MB/s\n", ids_only, mb / ids_only);
    std::printf("  splitting only (no columns):   %.3f s  %.0f MB/s\n", split_only, mb / split_only);
    std::printf("wall time, the benchmark's 7 columns (region, date, 4 numbers, a bool), streamed:\n");
    std::printf("  1 thread:                      %.3f s  %.0f MB/s\n", one_thread, mb / one_thread);
    std::printf("  2 threads:                     %.3f s  %.0f MB/s\n", two_threads, mb / two_threads);
}

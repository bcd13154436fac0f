// The streaming read: batches of batch_rows rows whose totals equal the whole-table read,
// text codes stable across batches, a dictionary without duplicates, and progress reports.
#include <catch2/catch.hpp>

#include <map>

#include "data_test_files.hpp"

using namespace folio::data;
using folio::data::test::named;
using folio::data::test::temp_dir;

namespace {

// Writes a survey-like file of `rows` rows with a few bad scores and quoted comments.
std::string survey_text(int rows) {
    static const char* regions[] = {"EMEA", "APAC", "AMER", "LATAM", "ANZ", "DACH", "NORDICS", "UKI"};
    std::string text = "response_id,region,score,submitted_at,fcr,comment\r\n";
    for (int i = 0; i < rows; ++i) {
        text += "R" + std::to_string(i) + "," + regions[(i * 7) % 8] + ",";
        text += (i % 1000 == 999) ? "n/a" : std::to_string(i % 11);
        const int month = 1 + i % 12;
        text += std::string(",2024-") + (month < 10 ? "0" : "") + std::to_string(month) + "-1" + std::to_string(i % 10);
        text += i % 2 ? ",true," : ",false,";
        text += i % 5 == 0 ? "\"line one\nline \"\"two\"\"\"" : "";
        text += "\r\n";
    }
    return text;
}

}  // namespace

TEST_CASE("csv streaming: batches give the same totals as the whole table", "[data]") {
    temp_dir dir;
    const auto path = dir.write("s.csv", survey_text(20000));
    csv_options options = named();
    options.batch_rows = 4096;
    options.on_error = on_error_action::skip;
    options.infer_rows = 0;
    const table_schema schema = {{"region", column_type::text}, {"score", column_type::number},
                                 {"submitted_at", column_type::date}, {"fcr", column_type::boolean}};

    std::size_t batches = 0, rows = 0, largest = 0;
    double score_sum = 0;
    std::map<std::string, double> by_region;
    std::vector<std::string> codes_seen;  // region text of each code, as first seen
    const string_pool* pool = nullptr;
    const load_summary streamed = read_csv_batches(path, options, schema, [&](const table_batch& b) {
        ++batches;
        rows += b.row_count();
        largest = std::max(largest, b.row_count());
        const column& region = b.at("region");
        const column& score = b.at("score");
        if (pool == nullptr) pool = &region.dictionary();
        CHECK(pool == &region.dictionary());  // one dictionary for the whole read
        for (std::size_t r = 0; r < b.row_count(); ++r) {
            const std::uint32_t code = region.codes()[r];
            if (code >= codes_seen.size()) codes_seen.resize(code + 1);
            if (codes_seen[code].empty()) codes_seen[code] = region.text_at(r);
            CHECK(codes_seen[code] == region.text_at(r));  // a code means the same text in every batch
            score_sum += score.numbers()[r];
            by_region[std::string(region.text_at(r))] += score.numbers()[r];
        }
    });
    const loaded_table whole = read_csv_table(path, options, schema);
    CHECK(batches == 5);
    CHECK(largest == 4096);
    CHECK(rows == whole.data.row_count());
    CHECK(streamed.rows == whole.summary.rows);
    CHECK(streamed.skipped_rows == 20);
    CHECK(whole.summary.skipped_rows == 20);
    double whole_sum = 0;
    std::map<std::string, double> whole_by_region;
    const column& region = whole.data.at("region");
    for (std::size_t r = 0; r < whole.data.row_count(); ++r) {
        whole_sum += whole.data.at("score").numbers()[r];
        whole_by_region[std::string(region.text_at(r))] += whole.data.at("score").numbers()[r];
    }
    CHECK(score_sum == whole_sum);
    CHECK(by_region == whole_by_region);
    CHECK(region.dictionary().size() == 8);
    CHECK(codes_seen.size() == 8);
}

TEST_CASE("csv streaming: progress reports bytes read up to the file's size", "[data]") {
    temp_dir dir;
    const std::string text = survey_text(150000);
    const auto path = dir.write("s.csv", text);
    csv_options options = named();
    options.on_error = on_error_action::skip;
    std::vector<std::pair<std::uint64_t, std::uint64_t>> calls;
    options.progress = [&](std::uint64_t done, std::uint64_t total) { calls.emplace_back(done, total); };
    std::size_t rows = 0;
    read_csv_batches(path, options, std::nullopt, [&](const table_batch& b) { rows += b.row_count(); });
    REQUIRE(calls.size() >= 2);
    for (std::size_t i = 1; i < calls.size(); ++i) CHECK(calls[i].first >= calls[i - 1].first);
    CHECK(calls.back().first == text.size());
    CHECK(calls.back().second == text.size());
    CHECK(rows == 150000);  // inferred: "n/a" among the sampled scores makes the column text
}

TEST_CASE("csv streaming: the header and inferred schema without reading rows into a table", "[data]") {
    temp_dir dir;
    const auto path = dir.write("s.csv", survey_text(10));
    CHECK(read_csv_header(path, named()) ==
          std::vector<std::string>{"response_id", "region", "score", "submitted_at", "fcr", "comment"});
    CHECK(infer_csv_schema(path, named()) == table_schema{{"response_id", column_type::text},
                                                          {"region", column_type::text},
                                                          {"score", column_type::number},
                                                          {"submitted_at", column_type::date},
                                                          {"fcr", column_type::boolean},
                                                          {"comment", column_type::text}});
}

TEST_CASE("csv streaming: a schema of no columns still counts rows", "[data]") {
    temp_dir dir;
    const auto path = dir.write("s.csv", survey_text(100));
    csv_options options = named();
    options.on_error = on_error_action::skip;
    const loaded_table t = read_csv_table(path, options, table_schema{});
    CHECK(t.data.row_count() == 100);
    CHECK(t.data.column_count() == 0);
    CHECK(t.data.name() == "s");
}

TEST_CASE("csv streaming: converting with two threads gives the same table, skips and errors", "[data]") {
    temp_dir dir;
    std::string text = survey_text(30000);
    text += "R,EMEA,5,2024-01-10,maybe,\n";  // a bad bool near the end
    const auto path = dir.write("s.csv", text);
    const table_schema schema = {{"response_id", column_type::text}, {"region", column_type::text},
                                 {"score", column_type::number},     {"submitted_at", column_type::date},
                                 {"fcr", column_type::boolean},      {"comment", column_type::text}};
    csv_options one = named();
    one.on_error = on_error_action::skip;
    csv_options two = one;
    two.threads = 2;
    const loaded_table a = read_csv_table(path, one, schema);
    const loaded_table b = read_csv_table(path, two, schema);
    REQUIRE(a.data.row_count() == b.data.row_count());
    CHECK(a.summary.skipped_rows == 31);
    CHECK(b.summary.skipped_rows == 31);
    REQUIRE(a.summary.skipped_examples.size() == b.summary.skipped_examples.size());
    for (std::size_t i = 0; i < a.summary.skipped_examples.size(); ++i)
        CHECK(a.summary.skipped_examples[i].text() == b.summary.skipped_examples[i].text());
    for (std::size_t c = 0; c < schema.size(); ++c) {
        const column& x = a.data.column_at(c);
        const column& y = b.data.column_at(c);
        CHECK(x.null_count() == y.null_count());
        for (std::size_t r = 0; r < a.data.row_count(); ++r) {
            if (!(x.value_at(r) == y.value_at(r))) {
                FAIL_CHECK("column " << x.name() << " differs at row " << r);
                break;
            }
        }
    }
    CHECK(std::vector<std::uint32_t>(a.data.at("region").codes().begin(), a.data.at("region").codes().end()) ==
          std::vector<std::uint32_t>(b.data.at("region").codes().begin(), b.data.at("region").codes().end()));

    csv_options fail = two;
    fail.on_error = on_error_action::fail;
    CHECK_THROWS_WITH(read_csv_table(path, fail, schema),
                      "surveys.csv:1201:11: error: column 'score' expects a number, found 'n/a' (row 1001, counting the header "
                      "as row 1)");  // 200 comments above it span two lines
    std::size_t rows = 0;
    fail.on_error = on_error_action::skip;
    fail.batch_rows = 10000;
    read_csv_batches(path, fail, schema, [&](const table_batch& batch) {
        CHECK(batch.row_count() <= 10000);
        rows += batch.row_count();
    });
    CHECK(rows == a.data.row_count());
}

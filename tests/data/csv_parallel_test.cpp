// The chunked read on several threads gives what the one-thread read gives: the same
// table (values, nulls, text codes), the same batches' totals, the same skipped rows and
// reasons, and the same error, at the same line, column and row, wherever the chunks are
// cut (the files below are cut into 4-16 KB chunks: quoted line breaks, CRLFs and blank
// lines straddle many cuts).
#include <catch2/catch.hpp>

#include <map>

#include "data_test_files.hpp"

using namespace folio::data;
using folio::data::test::named;
using folio::data::test::temp_dir;

namespace {

const table_schema schema = {{"id", column_type::text},      {"region", column_type::text},
                             {"score", column_type::number}, {"submitted_at", column_type::date},
                             {"fcr", column_type::boolean},  {"comment", column_type::text}};

// A survey file of `rows` records: CRLF line ends, quoted comments spanning lines (LF and
// CRLF inside), doubled quotes, blank lines, UTF-8, a byte-order mark, empty scores, and
// no line break after the last record.
struct survey_file {
    std::string text;
    std::uint64_t lines = 1;  // the line the next record starts on
    std::uint64_t rows = 1;   // the spreadsheet row of the last record written (the header is row 1)
};

survey_file survey(int rows) {
    static const char* regions[] = {"EMEA", "APAC", "AMER", "Zürich", "ANZ"};
    survey_file f;
    f.text = "\xEF\xBB\xBF" "id,region,score,submitted_at,fcr,comment\r\n";
    f.lines = 2;
    for (int i = 0; i < rows; ++i) {
        std::string record = "R" + std::to_string(i) + "," + regions[(i * 7) % 5] + ",";
        record += i % 13 == 0 ? "" : std::to_string(i % 11);
        record += ",2024-0" + std::to_string(1 + i % 9) + "-1" + std::to_string(i % 10);
        record += i % 2 ? ",true," : ",FALSE,";
        if (i % 5 == 0) {
            record += "\"line one\nline \"\"two\"\"\r\n,end\"";
            f.lines += 2;
        } else if (i % 7 == 0) {
            record += "\"\"";
        } else {
            record += "c" + std::to_string(i % 3);
        }
        f.text += record;
        ++f.rows;
        if (i + 1 < rows) {
            f.text += "\r\n";
            ++f.lines;
        }
        if (i % 97 == 0 && i + 1 < rows) {
            f.text += "\n";  // a blank line: a row of its own
            ++f.lines;
            ++f.rows;
        }
    }
    return f;
}

// Compares two tables value by value and code by code.
void check_same(const table& a, const table& b) {
    REQUIRE(a.row_count() == b.row_count());
    REQUIRE(a.column_count() == b.column_count());
    for (std::size_t c = 0; c < a.column_count(); ++c) {
        const column& x = a.column_at(c);
        const column& y = b.column_at(c);
        CHECK(x.null_count() == y.null_count());
        for (std::size_t r = 0; r < a.row_count(); ++r) {
            if (!(x.value_at(r) == y.value_at(r)) || x.is_null(r) != y.is_null(r)) {
                FAIL_CHECK("column " << x.name() << " differs at row " << r);
                break;
            }
        }
        if (x.type() == column_type::text) {
            CHECK(std::vector<std::uint32_t>(x.codes().begin(), x.codes().end()) ==
                  std::vector<std::uint32_t>(y.codes().begin(), y.codes().end()));
            CHECK(x.dictionary().size() == y.dictionary().size());
        }
    }
}

// The message of the error reading `path` throws, or "" when it reads.
std::string error_reading(const std::filesystem::path& path, const csv_options& options) {
    try {
        read_csv_table(path, options, schema);
    } catch (const data_error& e) {
        return e.what();
    }
    return {};
}

}  // namespace

TEST_CASE("csv parallel: any number of threads reads the same table", "[data]") {
    temp_dir dir;
    const survey_file f = survey(3000);
    const auto path = dir.write("s.csv", f.text);
    const loaded_table one = read_csv_table(path, named(), schema);
    REQUIRE(one.data.row_count() == 3000);
    CHECK(one.summary.rows == 3000);
    CHECK(one.data.at("comment").text_at(5) == "line one\nline \"two\"\r\n,end");
    CHECK(one.data.at("region").text_at(4) == "Zürich");
    for (std::size_t threads : {2, 3, 7}) {
        INFO(threads << " threads");
        csv_options options = named();
        options.threads = threads;
        const loaded_table many = read_csv_table(path, options, schema);
        check_same(one.data, many.data);
        CHECK(many.summary.rows == 3000);
        CHECK(many.summary.bytes == f.text.size());
    }
}

TEST_CASE("csv parallel: batches in file order, one dictionary, progress to the end", "[data]") {
    temp_dir dir;
    const survey_file f = survey(3000);
    const auto path = dir.write("s.csv", f.text);
    csv_options options = named();
    options.threads = 3;
    options.batch_rows = 500;
    std::vector<std::pair<std::uint64_t, std::uint64_t>> progress;
    options.progress = [&](std::uint64_t done, std::uint64_t total) { progress.emplace_back(done, total); };
    std::vector<std::string> ids;
    const string_pool* pool = nullptr;
    std::size_t batches = 0;
    const load_summary s = read_csv_batches(path, options, schema, [&](const table_batch& b) {
        ++batches;
        CHECK(b.row_count() > 0);
        CHECK(b.row_count() <= 500);
        if (pool == nullptr) pool = &b.at("region").dictionary();
        CHECK(pool == &b.at("region").dictionary());
        for (std::size_t r = 0; r < b.row_count(); ++r) ids.emplace_back(b.at("id").text_at(r));
    });
    CHECK(s.rows == 3000);
    REQUIRE(ids.size() == 3000);
    for (std::size_t i = 0; i < ids.size(); ++i)
        if (ids[i] != "R" + std::to_string(i)) FAIL_CHECK("row " << i << " is " << ids[i]);
    CHECK(batches >= 6);
    REQUIRE(!progress.empty());
    for (std::size_t i = 1; i < progress.size(); ++i) CHECK(progress[i].first > progress[i - 1].first);
    CHECK(progress.back() == std::pair<std::uint64_t, std::uint64_t>(f.text.size(), f.text.size()));
}

TEST_CASE("csv parallel: skipped rows, their reasons and the rows they name are the same", "[data]") {
    temp_dir dir;
    survey_file f = survey(3000);
    // Bad values far apart, so that they fall in different chunks: the reasons kept are the first five in the file.
    std::string text = f.text;
    std::size_t replaced = 0;
    for (std::size_t at = text.find(",2024-03-1"); at != std::string::npos; at = text.find(",2024-03-1", at + 1))
        if (++replaced % 40 == 0) text.replace(at + 1, 4, "20x4");
    const auto path = dir.write("s.csv", text);
    csv_options options = named();
    options.on_error = on_error_action::skip;
    const loaded_table one = read_csv_table(path, options, schema);
    CHECK(one.summary.skipped_rows == replaced / 40);
    REQUIRE(one.summary.skipped_examples.size() == 5);
    for (std::size_t threads : {2, 3, 7}) {
        INFO(threads << " threads");
        options.threads = threads;
        const loaded_table many = read_csv_table(path, options, schema);
        check_same(one.data, many.data);
        CHECK(many.summary.skipped_rows == one.summary.skipped_rows);
        CHECK(many.summary.warning_text() == one.summary.warning_text());
    }
}

TEST_CASE("csv parallel: the error that ends a load names the same line, column and row", "[data]") {
    temp_dir dir;
    // A bad score in the last record: its line and row computed while writing the file.
    survey_file f = survey(2500);
    f.text += "\r\nR-bad,EMEA,n/a,2024-01-01,true,x";
    const std::string expected = "surveys.csv:" + std::to_string(f.lines + 1) +
                                 ":12: error: column 'score' expects a number, found 'n/a' (row " +
                                 std::to_string(f.rows + 1) + ", counting the header as row 1)";
    const auto late = dir.write("late.csv", f.text);
    // The same file with problems of other kinds half-way, and with two bad records (the first wins).
    const survey_file g = survey(1200);
    const auto width = dir.write("width.csv", g.text + "\r\nR,EMEA,1,2024-01-01\r\n" + survey(1200).text.substr(45));
    const auto quote = dir.write("quote.csv", g.text + "\r\nR,EMEA,1,2024-01-01,true,\"x\"y\r\n" + survey(300).text.substr(45));
    const auto utf8 = dir.write("utf8.csv", g.text + "\r\nR,\xE9t\xE9,1,2024-01-01,true,\r\n" + survey(300).text.substr(45));
    const auto two = dir.write("two.csv", g.text + "\r\nR,EMEA,1,2024-01-41,true,\r\n" + survey(1200).text.substr(45) +
                                              "\r\nR,EMEA,x,2024-01-01,true,");
    CHECK(error_reading(late, named()) == expected);
    for (const auto& path : {late, width, quote, utf8, two}) {
        const std::string serial = error_reading(path, named());
        CHECK(!serial.empty());
        for (std::size_t threads : {2, 3, 7}) {
            INFO(path.filename() << ", " << threads << " threads");
            csv_options options = named();
            options.threads = threads;
            CHECK(error_reading(path, options) == serial);
            options.on_error = on_error_action::skip;
            csv_options serial_skip = named();
            serial_skip.on_error = on_error_action::skip;
            CHECK(error_reading(path, options) == error_reading(path, serial_skip));  // malformed quotes fail even then
        }
    }
    CHECK(error_reading(width, named()).find("expected 6 fields, found 4 (row ") != std::string::npos);
    CHECK(error_reading(quote, named()).find("unexpected text after the closing quote") != std::string::npos);
    CHECK(error_reading(utf8, named()).find("is not valid UTF-8") != std::string::npos);
    CHECK(error_reading(two, named()).find("expects a date") != std::string::npos);
}

TEST_CASE("csv parallel: small files, empty files and files without a header", "[data]") {
    temp_dir dir;
    csv_options seven = named();
    seven.threads = 7;
    // Fewer records than threads.
    const loaded_table t = read_csv_table(dir.write("a.csv", "id,score\nr1,5\n\"r\n2\",6"), seven,
                                          table_schema{{"id", column_type::text}, {"score", column_type::number}});
    REQUIRE(t.data.row_count() == 2);
    CHECK(t.data.at("id").text_at(1) == "r\n2");
    CHECK(t.data.at("score").numbers()[1] == 6);
    // Only a header, and an empty last line.
    CHECK(read_csv_table(dir.write("b.csv", "id,score\r\n"), seven).data.row_count() == 0);
    CHECK(read_csv_table(dir.write("c.csv", "id,score\n1,2\n\n"), seven).data.row_count() == 1);
    // Without a header, rows count from 1 and the byte-order mark is skipped.
    csv_options no_header = seven;
    no_header.header = false;
    const table_schema two = {{"id", column_type::text}, {"score", column_type::number}};
    const auto path = dir.write("d.csv", "\xEF\xBB\xBF" "r1,1\nr2,2\n\nr3,x\n");
    CHECK_THROWS_WITH(read_csv_table(path, no_header, two),
                      "surveys.csv:4:4: error: column 'score' expects a number, found 'x' (row 4)");
    const loaded_table d = read_csv_table(dir.write("e.csv", "\xEF\xBB\xBF" "r1,1\nr2,2\n"), no_header, two);
    REQUIRE(d.data.row_count() == 2);
    CHECK(d.data.at("id").text_at(0) == "r1");
}

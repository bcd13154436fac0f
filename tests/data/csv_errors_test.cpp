// Every CSV error message, exactly: file:line:column, the spreadsheet row (the header is
// row 1), the column and the value; and `on_error: skip`, which turns value errors into a
// count of skipped rows with the first few reasons.
#include <catch2/catch.hpp>

#include "data_test_files.hpp"

using namespace folio::data;
using folio::data::test::error_of;
using folio::data::test::named;
using folio::data::test::read_text;
using folio::data::test::temp_dir;

namespace {

const table_schema surveys = {{"response_id", column_type::text}, {"score", column_type::number},
                              {"submitted_at", column_type::date}};

}  // namespace

TEST_CASE("csv errors: a value that does not fit names file:line:col, row, column and value", "[data]") {
    CHECK(error_of("response_id,score,submitted_at\nr1,9,2024-01-05\nr2,n/a,2024-01-06\n", named(), surveys) ==
          "surveys.csv:3:4: error: column 'score' expects a number, found 'n/a' (row 3, counting the header as row 1)");
    // A quoted field with a line break makes line and row differ; the column points at the quote.
    CHECK(error_of("response_id,score,submitted_at\n\"r\n1\",9,2024-01-05\nr2,8,\"5 Jan\"\n", named(), surveys) ==
          "surveys.csv:4:6: error: column 'submitted_at' expects a date, found '5 Jan' (row 3, counting the header as row 1)");
    // Columns count characters, not bytes.
    CHECK(error_of("response_id,score,submitted_at\n\"\xC3\xA9t\xC3\xA9\",x,2024-01-05\n", named(), surveys) ==
          "surveys.csv:2:7: error: column 'score' expects a number, found 'x' (row 2, counting the header as row 1)");
    // A byte-order mark is not a column; CRLF is one line break.
    CHECK(error_of("\xEF\xBB\xBF" "score\r\n1\r\nx\r\n", named(), table_schema{{"score", column_type::number}}) ==
          "surveys.csv:3:1: error: column 'score' expects a number, found 'x' (row 3, counting the header as row 1)");
    csv_options no_header = named();
    no_header.header = false;
    CHECK(error_of("r1,9,2024-01-05\nr2,ten,2024-01-06\n", no_header, surveys) ==
          "surveys.csv:2:4: error: column 'score' expects a number, found 'ten' (row 2)");
}

TEST_CASE("csv errors: the first bad row in the file is the one reported", "[data]") {
    // Row 3 is bad in a later column than row 4; row 2 has too many fields only after row 5's.
    std::string text = "response_id,score,submitted_at\nr1,1,2024-01-01\nr2,2,2024-13-01\nr3,x,2024-01-01\n";
    CHECK(error_of(text, named(), surveys) ==
          "surveys.csv:3:6: error: column 'submitted_at' expects a date, found '2024-13-01' (row 3, counting the header as row 1)");
    text = "response_id,score,submitted_at\n";
    for (int i = 0; i < 200; ++i) text += "r,1,2024-01-01\n";
    text += "r,1\n";
    CHECK(error_of(text, named(), surveys) ==
          "surveys.csv:202:1: error: expected 3 fields, found 2 (row 202, counting the header as row 1)");
}

TEST_CASE("csv errors: long values are shortened and line breaks shown as \\n", "[data]") {
    const std::string value = "a\n" + std::string(100, 'b');
    const std::string e = error_of("score\n\"" + value + "\"\n", named(), table_schema{{"score", column_type::number}});
    CHECK(e == "surveys.csv:2:1: error: column 'score' expects a number, found 'a\\n" + std::string(58, 'b') +
                   "...' (row 2, counting the header as row 1)");
}

TEST_CASE("csv errors: missing and extra fields", "[data]") {
    CHECK(error_of("response_id,score,submitted_at\nr1,9\n", named(), surveys) ==
          "surveys.csv:2:1: error: expected 3 fields, found 2 (row 2, counting the header as row 1)");
    CHECK(error_of("response_id,score,submitted_at\nr1,9,2024-01-05,extra\n", named(), surveys) ==
          "surveys.csv:2:17: error: expected 3 fields, found 4 (row 2, counting the header as row 1)");
    csv_options no_header = named();
    no_header.header = false;
    CHECK(error_of("r1,9\n", no_header, surveys) ==
          "surveys.csv:1:1: error: expected 3 fields, found 2 (row 1)\n"
          "note: without a header, each row has one field per schema column");
}

TEST_CASE("csv errors: a declared column missing from the header", "[data]") {
    CHECK(error_of("response_id,scores,submitted_at\n", named(), surveys) ==
          "surveys.csv:1:1: error: column 'score' is not in the header\n"
          "note: the header has: response_id, scores, submitted_at");
    CHECK(error_of("response_id,Score,SCORE,submitted_at\n", named(), surveys) ==
          "surveys.csv:1:1: error: column 'score' matches several header columns ignoring case");
    CHECK(error_of("response_id,score,score,submitted_at\n", named(), surveys) ==
          "surveys.csv:1:19: error: column 'score' appears twice in the header (fields 2 and 3)");
    // A duplicate the schema does not read is no problem; inference reads every column.
    CHECK(error_of("response_id,score,submitted_at,x,x\n", named(), surveys).empty());
    CHECK(error_of("x,y,x\n1,2,3\n") == "surveys.csv:1:5: error: column 'x' appears twice in the header (fields 1 and 3)");
}

TEST_CASE("csv errors: malformed quoting", "[data]") {
    CHECK(error_of("id,note\n1,\"open\n2,b\n") == "surveys.csv:2:3: error: quoted field is not closed before the end of the file");
    CHECK(error_of("id,note\n1,\"a\"b\n") == "surveys.csv:2:6: error: unexpected text after the closing quote of a field");
}

TEST_CASE("csv errors: files that cannot be read and options that make no sense", "[data]") {
    temp_dir dir;
    try {
        read_csv_table(dir.path() / "missing.csv", named());
        FAIL("no error");
    } catch (const data_error& e) {
        CHECK(std::string(e.what()) == "surveys.csv: error: cannot open: No such file or directory");
        CHECK(e.issue().line == 0);
    }
    CHECK_THROWS_WITH(read_csv_table(dir.path(), named()), "surveys.csv: error: cannot read: it is a folder");
    CHECK(error_of("") == "surveys.csv: error: the file is empty: there is no header row");
    csv_options options = named();
    options.decimal = ',';
    CHECK(error_of("a\n1\n", options) ==
          "surveys.csv: error: the decimal separator and the delimiter are both ',' (files with decimal ',' usually use "
          "delimiter ';')");
    options = named();
    options.encoding = "latin1";
    CHECK(error_of("a\n1\n", options) == "surveys.csv: error: encoding 'latin1' is not supported: only UTF-8 is");
    options.encoding = "UTF-8";
    CHECK(error_of("a\n1\n", options).empty());
    options.delimiter = '"';
    CHECK(error_of("a\n1\n", options) == "surveys.csv: error: the delimiter and the quote are both '\"'");
    CHECK(check_csv_options(csv_options{}).empty());
}

TEST_CASE("csv errors: text that is not UTF-8", "[data]") {
    CHECK(error_of("id,note\n1,caf\xE9\n") ==
          "surveys.csv:2:3: error: column 'note' is not valid UTF-8 (only UTF-8 is supported) (row 2, counting the header as row 1)");
    CHECK(error_of("id,caf\xE9\n1,2\n") == "surveys.csv:1:4: error: the header is not valid UTF-8 (only UTF-8 is supported)");
}

TEST_CASE("csv errors: without a path to show, messages use the path as given", "[data]") {
    temp_dir dir;
    const auto path = dir.write("t.csv", "n\nx\n");
    try {
        read_csv_table(path, csv_options{}, table_schema{{"n", column_type::number}});
        FAIL("no error");
    } catch (const data_error& e) {
        CHECK(std::string(e.what()).rfind(path.generic_string() + ":2:1: error: column 'n'", 0) == 0);
        CHECK(e.issue().file == path.generic_string());
        CHECK(e.issue().line == 2);
        CHECK(e.issue().column == 1);
        CHECK(e.issue().row == 2);
        CHECK(e.issue().column_name == "n");
        CHECK(e.issue().value == "x");
    }
}

TEST_CASE("csv on_error skip: bad rows are left out, counted, and the first few kept", "[data]") {
    csv_options options = named();
    options.on_error = on_error_action::skip;
    options.max_examples = 2;
    std::string text = "response_id,score,submitted_at\n";
    for (int i = 0; i < 10; ++i) text += "r" + std::to_string(i) + "," + (i % 3 == 0 ? "bad" : std::to_string(i)) + ",2024-01-05\n";
    text += "short,1\n";
    text += "new-" "text,x,2024-01-05\n";  // its id must not reach the dictionary
    const auto t = read_text(text, options, surveys);
    CHECK(t.data.row_count() == 6);
    CHECK(t.summary.rows == 6);
    CHECK(t.summary.skipped_rows == 6);
    REQUIRE(t.summary.skipped_examples.size() == 2);
    CHECK(t.summary.skipped_examples[0].text() ==
          "surveys.csv:2:4: error: column 'score' expects a number, found 'bad' (row 2, counting the header as row 1)");
    CHECK(t.summary.skipped_examples[1].row == 5);
    CHECK(t.data.at("response_id").dictionary().size() == 6);
    CHECK(t.data.at("response_id").dictionary().find("new-text") == string_pool::npos);
    CHECK(t.data.at("score").numbers()[0] == 1);
    CHECK(t.summary.warning_text() ==
          "surveys.csv: warning: 6 rows skipped (on_error: skip)\n"
          "surveys.csv:2:4: note: column 'score' expects a number, found 'bad' (row 2, counting the header as row 1)\n"
          "surveys.csv:5:4: note: column 'score' expects a number, found 'bad' (row 5, counting the header as row 1)\n"
          "note: and 4 more");
}

TEST_CASE("csv on_error skip: malformed quoting still fails", "[data]") {
    csv_options options = named();
    options.on_error = on_error_action::skip;
    CHECK(error_of("id,note\n1,\"a\"b\n", options) == "surveys.csv:2:6: error: unexpected text after the closing quote of a field");
    CHECK(read_text("id\n1\n", options).summary.warning_text().empty());
}

// The CSV format as RFC 4180 writes it and as real exports bend it: quoted fields, doubled
// quotes, line breaks inside quotes, CRLF and lone CR, a UTF-8 byte-order mark, ';' with a
// decimal comma (es-ES, pt-BR exports), files without a header, blank lines.
#include <catch2/catch.hpp>

#include "data_test_files.hpp"

using namespace folio::data;
using folio::data::test::error_of;
using folio::data::test::named;
using folio::data::test::read_text;

namespace {

// Returns the texts of a column, "<null>" for nulls.
std::vector<std::string> texts(const table& t, std::string_view name) {
    std::vector<std::string> out;
    const column& c = t.at(name);
    for (std::size_t r = 0; r < c.size(); ++r) out.push_back(c.is_null(r) ? "<null>" : std::string(c.text_at(r)));
    return out;
}

// Returns the numbers of a column, -999 for nulls.
std::vector<double> numbers(const table& t, std::string_view name) {
    std::vector<double> out;
    const column& c = t.at(name);
    for (std::size_t r = 0; r < c.size(); ++r) out.push_back(c.is_null(r) ? -999 : c.numbers()[r]);
    return out;
}

const table_schema id_note = {{"id", column_type::text}, {"note", column_type::text}};

}  // namespace

TEST_CASE("csv: quoted fields hold delimiters, doubled quotes and line breaks", "[data]") {
    const auto t = read_text("id,note\n"
                             "1,\"a, b\"\n"
                             "2,\"she said \"\"hi\"\"\"\n"
                             "3,\"two\nlines\"\n"
                             "4,\"\"\n"
                             "5,plain \"quote\" inside\n",
                             named(), id_note);
    CHECK(t.data.row_count() == 5);
    CHECK(texts(t.data, "note") == std::vector<std::string>{"a, b", "she said \"hi\"", "two\nlines", "<null>",
                                                             "plain \"quote\" inside"});
}

TEST_CASE("csv: CRLF, LF and lone CR all end records; a last record needs no line break", "[data]") {
    const auto crlf = read_text("id,note\r\n1,a\r\n2,\"x\r\ny\"\r\n3,c", named(), id_note);
    CHECK(texts(crlf.data, "note") == std::vector<std::string>{"a", "x\r\ny", "c"});
    const auto cr = read_text("id,note\r1,a\r2,b\r", named(), id_note);
    CHECK(texts(cr.data, "id") == std::vector<std::string>{"1", "2"});
}

TEST_CASE("csv: a UTF-8 byte-order mark is skipped, UTF-16 is refused", "[data]") {
    const auto t = read_text("\xEF\xBB\xBFid,note\n1,caf\xC3\xA9\n");
    REQUIRE(t.data.column_count() == 2);
    CHECK(t.data.column_at(0).name() == "id");
    CHECK(texts(t.data, "note") == std::vector<std::string>{"caf\xC3\xA9"});
    CHECK(error_of(std::string("\xFF\xFEi\0d\0", 6)) ==
          "surveys.csv: error: the file is UTF-16 or UTF-32; only UTF-8 is supported");
}

TEST_CASE("csv: delimiter ';' with decimal ',' reads 1,5 as one and a half", "[data]") {
    csv_options options = named();
    options.delimiter = ';';
    options.decimal = ',';
    const auto t = read_text("region;mrr;score\nEMEA;1,5;9\nAPAC;\"1234,25\";-0,5\nAMER;7;1e3\n", options);
    CHECK(t.data.schema() == table_schema{{"region", column_type::text}, {"mrr", column_type::number},
                                          {"score", column_type::number}});
    CHECK(numbers(t.data, "mrr") == std::vector<double>{1.5, 1234.25, 7});
    CHECK(numbers(t.data, "score") == std::vector<double>{9, -0.5, 1000});
}

TEST_CASE("csv: tab-separated files", "[data]") {
    csv_options options = named();
    options.delimiter = '\t';
    const auto t = read_text("a\tb\nx y\t2\n", options);
    CHECK(texts(t.data, "a") == std::vector<std::string>{"x y"});
    CHECK(numbers(t.data, "b") == std::vector<double>{2});
}

TEST_CASE("csv: without a header, columns are column1, column2, ... or the schema's by position", "[data]") {
    csv_options options = named();
    options.header = false;
    const auto inferred = read_text("EMEA,9\nAPAC,7\n", options);
    CHECK(inferred.data.schema() == table_schema{{"column1", column_type::text}, {"column2", column_type::number}});
    CHECK(inferred.data.row_count() == 2);
    const auto declared = read_text("EMEA,9\nAPAC,7\n", options, table_schema{{"region", column_type::text}, {"score", column_type::number}});
    CHECK(texts(declared.data, "region") == std::vector<std::string>{"EMEA", "APAC"});
    CHECK(numbers(declared.data, "score") == std::vector<double>{9, 7});
    CHECK(read_csv_header(folio::data::test::temp_dir().write("x.csv", "a,b,c\n"), options) ==
          std::vector<std::string>{"column1", "column2", "column3"});
}

TEST_CASE("csv: blank lines are skipped but still count as spreadsheet rows", "[data]") {
    const std::string text = "id,score\n1,5\n\n2,x\n\n";
    const auto e = error_of(text, named(), table_schema{{"id", column_type::text}, {"score", column_type::number}});
    CHECK(e == "surveys.csv:4:3: error: column 'score' expects a number, found 'x' (row 4, counting the header as row 1)");
    const auto t = read_text("id\n1\n\n2\n\n");
    CHECK(t.data.row_count() == 2);
}

TEST_CASE("csv: a header-only file has no rows and text columns", "[data]") {
    const auto t = read_text("id,score\n");
    CHECK(t.data.row_count() == 0);
    CHECK(t.data.schema() == table_schema{{"id", column_type::text}, {"score", column_type::text}});
}

TEST_CASE("csv: unnamed header fields are named by position", "[data]") {
    const auto t = read_text("id,,x\n1,2,3\n");
    CHECK(t.data.schema()[1].name == "column2");
}

TEST_CASE("csv: a custom quote character", "[data]") {
    csv_options options = named();
    options.quote = '\'';
    const auto t = read_text("id,note\n1,'a,b'\n2,'it''s'\n", options, id_note);
    CHECK(texts(t.data, "note") == std::vector<std::string>{"a,b", "it's"});
}

TEST_CASE("csv: records longer than the read buffer and files of many chunks", "[data]") {
    std::string big(9u << 20, 'x');
    std::string text = "id,note\n1,\"" + big + "\"\n";
    for (int i = 0; i < 200000; ++i) text += std::to_string(i) + ",\"row, " + std::to_string(i % 7) + "\"\n";
    const auto t = read_text(text, named(), id_note);
    REQUIRE(t.data.row_count() == 200001);
    CHECK(t.data.at("note").text_at(0).size() == big.size());
    CHECK(t.data.at("note").text_at(200000) == "row, 2");
    CHECK(t.data.at("note").dictionary().size() == 8);
    CHECK(t.summary.bytes == text.size());
}

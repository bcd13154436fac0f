// Typing CSV values: declared schemas against inferred ones, numbers read exactly and only
// with the declared decimal separator, ISO dates and date_format patterns as Excel serials,
// booleans, and null markers.
#include <catch2/catch.hpp>

#include "data_test_files.hpp"
#include "folio/engine/serial_date.hpp"

using namespace folio::data;
using folio::data::test::error_of;
using folio::data::test::named;
using folio::data::test::read_text;

namespace {

// Returns the serial of a date, for readable expectations.
double serial(int y, int m, int d) {
    return *folio::serial_from_date(y, m, d);
}

}  // namespace

TEST_CASE("csv: inference types numbers, dates, timestamps, bools and text", "[data]") {
    const auto t = read_text(
        "id,score,submitted_at,opened,fcr,region,empty,mixed,binary\n"
        "r1,9,2024-01-05,2024-01-05 10:30,true,EMEA,,1,0\n"
        "r2,-1.25,2024-02-29,2024-01-06T08:00:00Z,FALSE,APAC,NA,x,1\n"
        "r3,NA,,2024-01-07,True,,,2024-01-01,1\n");
    CHECK(t.data.schema() == table_schema{{"id", column_type::text},
                                          {"score", column_type::number},
                                          {"submitted_at", column_type::date},
                                          {"opened", column_type::timestamp},
                                          {"fcr", column_type::boolean},
                                          {"region", column_type::text},
                                          {"empty", column_type::text},
                                          {"mixed", column_type::text},
                                          {"binary", column_type::number}});
    const table& d = t.data;
    CHECK(d.at("score").numbers()[1] == -1.25);
    CHECK(d.at("score").is_null(2));
    CHECK(d.at("submitted_at").numbers()[0] == serial(2024, 1, 5));
    CHECK(d.at("submitted_at").numbers()[1] == serial(2024, 2, 29));
    CHECK(d.at("submitted_at").is_null(2));
    CHECK(d.at("opened").numbers()[0] == Approx(serial(2024, 1, 5) + 10.5 / 24).epsilon(1e-15));
    CHECK(d.at("opened").numbers()[1] == Approx(serial(2024, 1, 6) + 8.0 / 24).epsilon(1e-15));
    CHECK(d.at("opened").numbers()[2] == serial(2024, 1, 7));
    CHECK(d.at("fcr").value_at(1) == folio::value(false));
    CHECK(d.at("fcr").value_at(2) == folio::value(true));
    CHECK(d.at("empty").null_count() == 3);
    CHECK(d.at("mixed").text_at(2) == "2024-01-01");
}

TEST_CASE("csv: inference samples infer_rows rows; a later misfit names the inference", "[data]") {
    csv_options options = named();
    options.infer_rows = 2;
    CHECK(error_of("n\n1\n2\nthree\n", options) ==
          "surveys.csv:4:1: error: column 'n' expects a number, found 'three' (row 4, counting the header as row 1)\n"
          "note: the column's type was inferred from the first 2 rows; declare it in a schema block to read it as another type");
    // A schema inferred first and passed to the read says so too when the read is told.
    folio::data::test::temp_dir dir;
    const auto path = dir.write("surveys.csv", "n\n1\n2\nthree\n");
    const table_schema schema = infer_csv_schema(path, options);
    options.schema_inferred = true;
    CHECK_THROWS_WITH(read_csv_table(path, options, schema),
                      Catch::Contains("note: the column's type was inferred from the first 2 rows"));
    options.infer_rows = 0;  // the whole file
    CHECK(read_text("n\n1\n2\nthree\n", options).data.schema()[0].type == column_type::text);
}

TEST_CASE("csv: a declared schema reads only its columns, in its order, with its names", "[data]") {
    const auto t = read_text("ID,comment,Score,extra\nr1,\"long, text\",9,x\nr2,,7,y\n", named(),
                             table_schema{{"score", column_type::number}, {"ID", column_type::text}});
    CHECK(t.data.schema() == table_schema{{"score", column_type::number}, {"ID", column_type::text}});
    CHECK(t.data.at("score").numbers()[1] == 7);
    CHECK(t.data.at("ID").text_at(0) == "r1");
    CHECK(t.summary.schema == t.data.schema());
}

TEST_CASE("csv: numbers are exact, signed, with exponents, and never read through a locale", "[data]") {
    const table_schema n = {{"n", column_type::number}};
    const auto t = read_text("n\n0.1\n-0.3\n+5\n 12 \n1e-3\n123456789012345678\n0.30000000000000004\n.5\n5.\n", named(), n);
    const auto v = t.data.at("n").numbers();
    CHECK(v[0] == 0.1);
    CHECK(v[1] == -0.3);
    CHECK(v[2] == 5);
    CHECK(v[3] == 12);
    CHECK(v[4] == 0.001);
    CHECK(v[5] == 123456789012345678.0);
    CHECK(v[6] == 0.30000000000000004);
    CHECK(v[7] == 0.5);
    CHECK(v[8] == 5);
    for (const char* bad : {"inf", "nan", "0x1A", "1,5", "1.234,5", "12abc", "--1", "1e", "$5", "5%", "1 000"})
        CHECK_FALSE(error_of(std::string("n\n\"") + bad + "\"\n", named(), n).empty());
}

TEST_CASE("csv: '1,5' in a number column with decimal '.' is an error, never 1 or 15", "[data]") {
    CHECK(error_of("id,mrr\na,\"1,5\"\n", named(), table_schema{{"mrr", column_type::number}}) ==
          "surveys.csv:2:3: error: column 'mrr' expects a number, found '1,5' (row 2, counting the header as row 1)\n"
          "note: the decimal separator is '.'; set decimal: \",\" if the file writes numbers with ','");
    csv_options comma = named();
    comma.delimiter = ';';
    comma.decimal = ',';
    CHECK(error_of("mrr\n1.5\n", comma, table_schema{{"mrr", column_type::number}}) ==
          "surveys.csv:2:1: error: column 'mrr' expects a number, found '1.5' (row 2, counting the header as row 1)\n"
          "note: the decimal separator is ','; set decimal: \".\" if the file writes numbers with '.'");
}

TEST_CASE("csv: date_format reads day-first, month-first and date-time patterns", "[data]") {
    csv_options options = named();
    options.date_format = "%d/%m/%Y";
    const table_schema d = {{"d", column_type::date}};
    auto t = read_text("d\n05/01/2024\n5/1/2024\n2024-01-05\n29/02/2024\n", options, d);
    CHECK(t.data.at("d").numbers()[0] == serial(2024, 1, 5));
    CHECK(t.data.at("d").numbers()[1] == serial(2024, 1, 5));
    CHECK(t.data.at("d").numbers()[2] == serial(2024, 1, 5));  // ISO is always understood
    CHECK(t.data.at("d").numbers()[3] == serial(2024, 2, 29));
    CHECK(error_of("d\n31/02/2024\n", options, d) ==
          "surveys.csv:2:1: error: column 'd' expects a date, found '31/02/2024' (row 2, counting the header as row 1)");

    options.date_format = "%m/%d/%Y";
    t = read_text("d\n01/05/2024\n12/31/1999\n", options, d);
    CHECK(t.data.at("d").numbers()[0] == serial(2024, 1, 5));
    CHECK(t.data.at("d").numbers()[1] == serial(1999, 12, 31));

    options.date_format = "%Y-%m-%d %H:%M";
    t = read_text("at\n2024-01-05 17:45\n", options);
    CHECK(t.data.schema()[0].type == column_type::timestamp);
    CHECK(t.data.at("at").numbers()[0] == Approx(serial(2024, 1, 5) + (17 * 60 + 45) / 1440.0).epsilon(1e-15));

    options.date_format = "%d %b %Y %I:%M %p";
    t = read_text("at\n5 Jan 2024 12:15 AM\n\"7 dec 2023 1:00 PM\"\n", options);
    CHECK(t.data.at("at").numbers()[0] == Approx(serial(2024, 1, 5) + 15 / 1440.0).epsilon(1e-15));
    CHECK(t.data.at("at").numbers()[1] == Approx(serial(2023, 12, 7) + 13 / 24.0).epsilon(1e-15));

    options.date_format = "%Y%m%d";
    t = read_text("d\n20240105\n", options, d);
    CHECK(t.data.at("d").numbers()[0] == serial(2024, 1, 5));
}

TEST_CASE("csv: a date column keeps the day of a date-time; timestamps keep the time and honour offsets", "[data]") {
    const auto t = read_text("d,ts\n2024-01-05 23:59:59,2024-01-05T23:30:00+02:00\n2024-01-06,2024-01-06T00:00:00.5Z\n", named(),
                             table_schema{{"d", column_type::date}, {"ts", column_type::timestamp}});
    CHECK(t.data.at("d").numbers()[0] == serial(2024, 1, 5));
    CHECK(t.data.at("ts").numbers()[0] == Approx(serial(2024, 1, 5) + 21.5 / 24).epsilon(1e-15));
    CHECK(t.data.at("ts").numbers()[1] == Approx(serial(2024, 1, 6) + 0.5 / 86400).epsilon(1e-15));
}

TEST_CASE("csv: dates outside Excel's calendar and impossible dates are errors", "[data]") {
    const table_schema d = {{"d", column_type::date}};
    CHECK(error_of("d\n1899-12-31\n", named(), d) ==
          "surveys.csv:2:1: error: column 'd' expects a date from 1900-01-01 to 9999-12-31, found '1899-12-31' (row 2, "
          "counting the header as row 1)");
    CHECK(error_of("d\n2023-02-29\n", named(), d) ==
          "surveys.csv:2:1: error: column 'd' expects a date, found '2023-02-29' (row 2, counting the header as row 1)");
    CHECK(error_of("d\n2024-13-01\n", named(), d) ==
          "surveys.csv:2:1: error: column 'd' expects a date, found '2024-13-01' (row 2, counting the header as row 1)");
    CHECK(read_text("d\n1900-01-01\n", named(), d).data.at("d").numbers()[0] == 1);
}

TEST_CASE("csv: bad date formats are refused before reading", "[data]") {
    csv_options options = named();
    options.date_format = "%d/%m";
    CHECK(error_of("d\n1/2\n", options) == "surveys.csv: error: date_format '%d/%m' has no year (%Y or %y)");
    options.date_format = "%Y-%q";
    CHECK(error_of("d\n1/2\n", options) == "surveys.csv: error: date_format '%Y-%q' has an unknown directive '%q'");
}

TEST_CASE("csv: booleans read true/false in any case and 1/0 when declared", "[data]") {
    const auto t = read_text("b\ntrue\nFALSE\n1\n0\nTrue\n\n", named(), table_schema{{"b", column_type::boolean}});
    const column& b = t.data.at("b");
    CHECK(std::vector<std::uint8_t>(b.booleans().begin(), b.booleans().end()) == std::vector<std::uint8_t>{1, 0, 1, 0, 1});
    CHECK(error_of("b\nyes\n", named(), table_schema{{"b", column_type::boolean}}) ==
          "surveys.csv:2:1: error: column 'b' expects a bool (true or false), found 'yes' (row 2, counting the header as row 1)");
}

TEST_CASE("csv: null markers are nulls in every type; other texts are values", "[data]") {
    const table_schema s = {{"n", column_type::number}, {"t", column_type::text}, {"d", column_type::date}};
    const auto t = read_text("n,t,d\nNA,N/A,null\nNULL,,\n\"\",\"\",NA\n1,na,2024-01-01\n", named(), s);
    CHECK(t.data.at("n").null_count() == 3);
    CHECK(t.data.at("t").null_count() == 3);
    CHECK(t.data.at("d").null_count() == 3);
    CHECK(t.data.at("t").text_at(3) == "na");

    csv_options custom = named();
    custom.null_markers = {"-", "?"};
    const auto c = read_text("n,t\n-,\n?,x\n", custom, table_schema{{"n", column_type::number}, {"t", column_type::text}});
    CHECK(c.data.at("n").null_count() == 2);
    CHECK(c.data.at("t").null_count() == 0);
    CHECK(c.data.at("t").text_at(0).empty());  // "" is a value once it is not a marker
    CHECK(error_of("n\nNA\n", custom, table_schema{{"n", column_type::number}}) ==
          "surveys.csv:2:1: error: column 'n' expects a number, found 'NA' (row 2, counting the header as row 1)");
}

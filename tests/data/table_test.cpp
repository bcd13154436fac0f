// Columnar tables: typed columns with null masks, dictionary-encoded text (stable codes,
// one copy of each string), lookups by name, appending and truncating rows.
#include <catch2/catch.hpp>

#include "folio/engine/data/table.hpp"

using namespace folio::data;

TEST_CASE("a string pool gives dense stable codes and keeps one copy of each string", "[data]") {
    string_pool pool;
    CHECK(pool.intern("EMEA") == 0);
    CHECK(pool.intern("APAC") == 1);
    CHECK(pool.intern("EMEA") == 0);
    CHECK(pool.intern("") == 2);
    CHECK(pool.size() == 3);
    CHECK(pool.text_bytes() == 8);
    CHECK(pool.at(1) == "APAC");
    CHECK(pool.find("NA") == string_pool::npos);
    CHECK(pool.find("APAC") == 1);
}

TEST_CASE("a string pool keeps codes through growth of its index", "[data]") {
    string_pool pool;
    for (int i = 0; i < 100000; ++i) REQUIRE(pool.intern("value-" + std::to_string(i)) == static_cast<std::uint32_t>(i));
    for (int i = 0; i < 100000; i += 997) CHECK(pool.find("value-" + std::to_string(i)) == static_cast<std::uint32_t>(i));
    CHECK(pool.at(99999) == "value-99999");
    CHECK(pool.size() == 100000);
    // Strings that differ only after their eighth byte, or only in length, stay apart.
    CHECK(pool.intern("value-1234567890a") != pool.intern("value-1234567890b"));
    CHECK(pool.intern(std::string_view("a\0", 2)) != pool.intern("a"));
}

TEST_CASE("columns keep values, nulls and dictionary codes", "[data]") {
    column score("score", column_type::number);
    score.push_number(9);
    score.push_null();
    score.push_number(-1.5);
    CHECK(score.size() == 3);
    CHECK(score.null_count() == 1);
    CHECK_FALSE(score.is_null(0));
    CHECK(score.is_null(1));
    CHECK(score.numbers()[2] == -1.5);
    CHECK(score.value_at(1).is_blank());
    CHECK(score.value_at(0) == folio::value(9.0));

    column region("region", column_type::text);
    for (const char* r : {"EMEA", "APAC", "EMEA", "AMER", "APAC"}) region.push_text(r);
    region.push_null();
    CHECK(region.dictionary().size() == 3);
    CHECK(std::vector<std::uint32_t>(region.codes().begin(), region.codes().end()) ==
          std::vector<std::uint32_t>{0, 1, 0, 2, 1, column::null_code});
    CHECK(region.text_at(3) == "AMER");
    CHECK(region.text_at(5).empty());
    CHECK(region.is_null(5));

    column fcr("fcr", column_type::boolean);
    fcr.push_boolean(true);
    fcr.push_boolean(false);
    CHECK(fcr.value_at(0) == folio::value(true));
    CHECK(fcr.booleans()[1] == 0);
}

TEST_CASE("truncating a column drops rows and their nulls", "[data]") {
    column c("x", column_type::number);
    for (int i = 0; i < 130; ++i) {
        if (i % 3 == 0) c.push_null();
        else c.push_number(i);
    }
    CHECK(c.null_count() == 44);
    c.truncate(64);
    CHECK(c.size() == 64);
    CHECK(c.null_count() == 22);
    c.truncate(1);
    CHECK(c.null_count() == 1);
    c.clear();
    CHECK(c.size() == 0);
    CHECK(c.null_count() == 0);
    c.push_number(1);
    CHECK_FALSE(c.is_null(0));
}

TEST_CASE("appending columns re-codes text unless the dictionary is shared", "[data]") {
    column a("region", column_type::text);
    a.push_text("EMEA");
    column b("region", column_type::text);
    b.push_text("APAC");
    b.push_null();
    b.push_text("EMEA");
    a.append(b);
    CHECK(a.size() == 4);
    CHECK(a.text_at(1) == "APAC");
    CHECK(a.text_at(3) == "EMEA");
    CHECK(a.codes()[3] == 0);
    CHECK(a.is_null(2));
    CHECK(a.null_count() == 1);

    column shared("region", column_type::text, a.shared_dictionary());
    shared.push_code(1);
    a.append(shared);
    CHECK(a.text_at(4) == "APAC");
}

TEST_CASE("tables find columns by name, exactly or ignoring case", "[data]") {
    table t("surveys", {{"Region", column_type::text}, {"score", column_type::number}, {"SCORE", column_type::number},
                        {"tier", column_type::text}});
    CHECK(t.column_count() == 4);
    CHECK(t.find("Region") != nullptr);
    CHECK(t.find("region") == nullptr);
    CHECK(t.find_case_insensitive("region") == &t.column_at(0));
    CHECK(t.find_case_insensitive("SCORE") == &t.column_at(2));  // the exact match wins
    CHECK(t.find_case_insensitive("Score") == nullptr);          // ambiguous
    CHECK(t.find_case_insensitive("TIER") == &t.column_at(3));
    CHECK_THROWS_WITH(t.at("mrr"), "table 'surveys' has no column 'mrr'");
    CHECK(t.schema()[1] == column_spec{"score", column_type::number});
    CHECK(column_type_from_name("bool") == column_type::boolean);
    CHECK(column_type_name(column_type::timestamp) == "timestamp");
    CHECK_FALSE(column_type_from_name("integer"));
}

TEST_CASE("tables append batches and count rows without columns", "[data]") {
    table whole("t", {{"n", column_type::number}});
    table batch("t", {{"n", column_type::number}});
    batch.column_at(0).push_number(1);
    batch.column_at(0).push_number(2);
    batch.set_row_count(2);
    whole.append(batch);
    whole.append(batch);
    CHECK(whole.row_count() == 4);
    CHECK(whole.column_at(0).numbers()[3] == 2);
    whole.truncate(3);
    CHECK(whole.row_count() == 3);
    CHECK(whole.column_at(0).size() == 3);

    table counted("rows");
    counted.set_row_count(10);
    CHECK(counted.row_count() == 10);
}

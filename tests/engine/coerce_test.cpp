// Excel's conversions: numbers as text (15 significant digits), text as numbers,
// ordering of values, and UTF-8 case folding.
#include <catch2/catch.hpp>

#include "folio/engine/coerce.hpp"

using namespace folio;

TEST_CASE("numbers become text with at most 15 significant digits", "[coerce]") {
    CHECK(number_to_text(0) == "0");
    CHECK(number_to_text(-0.0) == "0");
    CHECK(number_to_text(1) == "1");
    CHECK(number_to_text(-2.5) == "-2.5");
    CHECK(number_to_text(1.0 / 3) == "0.333333333333333");
    CHECK(number_to_text(2.0 / 3) == "0.666666666666667");
    CHECK(number_to_text(0.1 + 0.2) == "0.3");
    CHECK(number_to_text(123456789012345.0) == "123456789012345");
    CHECK(number_to_text(1e15) == "1E+15");
    CHECK(number_to_text(1234567890123456.0) == "1.23456789012346E+15");
    CHECK(number_to_text(1e20) == "1E+20");
    CHECK(number_to_text(-1.5e300) == "-1.5E+300");
    CHECK(number_to_text(0.0001) == "0.0001");
    CHECK(number_to_text(1e-10) == "1E-10");
    CHECK(number_to_text(1.25e-12) == "1.25E-12");
    CHECK(number_to_text(100) == "100");
    CHECK(number_to_text(45322) == "45322");
}

TEST_CASE("text becomes a number as Excel en-US reads it", "[coerce]") {
    CHECK(text_to_number("12") == 12);
    CHECK(text_to_number(" 12 ") == 12);
    CHECK(text_to_number("-1.5") == -1.5);
    CHECK(text_to_number("+3") == 3);
    CHECK(text_to_number("1,234.5") == 1234.5);
    CHECK(text_to_number("$1,234.50") == 1234.5);
    CHECK(text_to_number("-$5") == -5);
    CHECK(text_to_number("(5)") == -5);
    CHECK(text_to_number("50%") == 0.5);
    CHECK(text_to_number("1e3") == 1000);
    CHECK(text_to_number(".5") == 0.5);
    CHECK(text_to_number("1 1/2") == 1.5);
    CHECK(text_to_number("0 3/4") == 0.75);
    CHECK(text_to_number("2024-01-31") == 45322);
    CHECK(text_to_number("1/31/2024") == 45322);
    CHECK(text_to_number("12:00") == 0.5);
    CHECK_FALSE(text_to_number(""));
    CHECK_FALSE(text_to_number("TRUE"));
    CHECK_FALSE(text_to_number("abc"));
    CHECK_FALSE(text_to_number("1,,2"));
    CHECK_FALSE(text_to_number("1.2.3"));
    CHECK_FALSE(text_to_number("--1"));
}

TEST_CASE("scalar conversions", "[coerce]") {
    CHECK(*to_number(value()) == 0);
    CHECK(*to_number(value(true)) == 1);
    CHECK(to_number(value("x")).error() == error_code::value);
    CHECK(to_number(value(error_code::na)).error() == error_code::na);
    CHECK(*to_text(value(1.5)) == "1.5");
    CHECK(*to_text(value(false)) == "FALSE");
    CHECK(*to_text(value()) == "");
    CHECK(*to_boolean(value("true")) == true);
    CHECK(*to_boolean(value(0.0)) == false);
    CHECK(to_boolean(value("yes")).error() == error_code::value);
}

TEST_CASE("values order as Excel's comparison operators do", "[coerce]") {
    CHECK(compare_values(value(1), value("a")) < 0);
    CHECK(compare_values(value("zzz"), value(true)) < 0);
    CHECK(compare_values(value(false), value(true)) < 0);
    CHECK(compare_values(value("abc"), value("ABC")) == 0);
    CHECK(compare_values(value("a"), value("B")) < 0);
    CHECK(compare_values(value(), value(0)) == 0);
    CHECK(compare_values(value(), value("")) == 0);
    CHECK(compare_values(value(), value(false)) == 0);
    CHECK(compare_values(value(0.1 + 0.2), value(0.3)) == 0);
    CHECK(compare_values(value("ñandú"), value("ÑANDÚ")) == 0);
}

TEST_CASE("UTF-8 case mapping covers Spanish and Portuguese letters", "[coerce]") {
    CHECK(to_upper_utf8("ação ñandú über") == "AÇÃO ÑANDÚ ÜBER");
    CHECK(to_lower_utf8("ÁÉÍÓÚ ÇÑ") == "áéíóú çñ");
    CHECK(to_upper_utf8("straße") == "STRAßE");
    CHECK(text_equals_ci("São Paulo", "SÃO PAULO"));
    CHECK(to_upper_utf8("\xff\xfe") == "\xff\xfe");  // invalid bytes pass through
}

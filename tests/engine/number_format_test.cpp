// Tests for Excel number format codes as TEXT() and cells display them.
//
// Sources for the expected strings, cited beside the cases:
// - [codes]  Microsoft support, "Number format codes" / "Review guidelines for customizing a
//            number format" (the documented examples: ####.# shows 1234.59 as 1234.6, etc.).
// - [text]   Microsoft support, "TEXT function" (its examples: TEXT(4.34,"# ?/?") = "4 1/3",
//            TRIM(TEXT(0.34,"# ?/?")) = "1/3", so TEXT itself returns " 1/3").
// - [ecma]   ECMA-376 Part 1, 18.8.31 numFmts.
// - [lo]     confirmed by recalculating TEXT() in LibreOffice Calc 7.4 where it agrees with Excel.
// - [ssf]    SheetJS SSF, whose tests were generated from Excel (fractions, commas).
// Where LibreOffice differs from Excel the Excel behaviour is tested and the difference noted.
#include "folio/engine/number_format.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <variant>
#include <vector>

using folio::format_locale;
using folio::number_format;

namespace {

struct format_case {
    double value;
    const char* code;
    const char* expected;
};

/// Checks every case with format_number under a locale.
void check_cases(const std::vector<format_case>& cases,
                 const format_locale& locale = folio::en_us) {
    for (const auto& c : cases) {
        INFO("format \"" << c.code << "\" value " << c.value);
        CHECK(folio::format_number(c.value, c.code, locale) == c.expected);
    }
}

/// Parses a code that must be valid.
number_format parsed(const char* code) {
    auto result = number_format::parse(code);
    REQUIRE(std::holds_alternative<number_format>(result));
    return std::get<number_format>(result);
}

/// Returns the parse error of a code that must be invalid.
folio::format_error parse_error(const char* code) {
    auto result = number_format::parse(code);
    REQUIRE(std::holds_alternative<folio::format_error>(result));
    return std::get<folio::format_error>(result);
}

const format_locale& locale(const char* tag) {
    const format_locale* found = folio::find_locale(tag);
    REQUIRE(found != nullptr);
    return *found;
}

}  // namespace

TEST_CASE("rounding is half away from zero on the 15-digit decimal value", "[number_format]") {
    check_cases({
        {1.005, "0.00", "1.01"},     // binary 1.00499999... but Excel shows 1.01
        {2.675, "0.00", "2.68"},     // [lo]
        {2.5, "0", "3"},
        {-2.5, "0", "-3"},
        {0.5, "0", "1"},
        {1.5, "0", "2"},
        {-1.5, "0", "-2"},
        {0.0005, "0.000", "0.001"},  // [lo]
        {99.995, "0.00", "100.00"},  // [lo]
        {1234652.68499999999995, "#,###.00", "1,234,652.69"},  // [ssf] comma.tsv
        {0.1 + 0.2, "0.00000000000000000", "0.30000000000000000"},
        {1152921504606846976.0, "0", "1152921504606850000"},  // 2^60: 15 digits then zeros [lo]
        {1e20, "0", "100000000000000000000"},
        {2e-20, "0.00", "0.00"},
    });
}

TEST_CASE("negative numbers that round to zero keep their minus sign", "[number_format]") {
    // Excel shows "negative zero": -0.000001325 with two decimals is -0.00 (Allen Wyatt,
    // "Getting Rid of Negative Zero Amounts", excelribbon.tips.net T009901). LibreOffice shows 0.
    check_cases({
        {-0.4, "0", "-0"},
        {-0.001, "0.00", "-0.00"},
        {-0.000001325, "0.00", "-0.00"},
        {-0.001, "0.00;(0.00)", "(0.00)"},  // the negative section is chosen by the value
        {-0.0, "0", "0"},
    });
}

TEST_CASE("digit placeholders 0 # ?", "[number_format]") {
    check_cases({
        {1234.59, "####.#", "1234.6"},      // [codes]
        {8.9, "#.000", "8.900"},            // [codes]
        {0.631, "0.#", "0.6"},              // [codes]
        {12, "#.0#", "12.0"},               // [codes]
        {1234.568, "#.0#", "1234.57"},      // [codes]
        {44.398, "???.???", " 44.398"},     // [codes] decimals aligned with spaces
        {102.65, "???.???", "102.65 "},     // [codes]
        {2.8, "???.???", "  2.8  "},        // [codes]
        {1234, "0000000", "0001234"},       // [text]
        {5, "00000", "00005"},
        {12, "000", "012"},
        {-12, "000", "-012"},               // [lo]
        {5, "???", "  5"},
        {5, "?.??", "5.  "},
        {1.5, "?.??", "1.5 "},
        {0, "#", ""},                       // # shows nothing for an insignificant zero
        {0, "#.##", "."},
        {0.5, "#.##", ".5"},
        {1, "0.#", "1."},                   // Excel keeps the decimal point (LibreOffice drops it)
        {1, "#.##", "1."},
        {12.5, ".00", "12.50"},             // integer digits appear even without placeholders
        {0.5, ".00", ".50"},
        {0.5, "0.00", "0.50"},
        {123.456, "0.0", "123.5"},
        {123.456, "#", "123"},
        {5, "0.0?", "5.0 "},                // [lo]
        {5.25, "0.0?", "5.25"},
        {5.2, "0.??", "5.2 "},
        {0.1, "0.0000000000000000000", "0.1000000000000000000"},
        {123, "0 \"abc\" 0", "12 abc 3"},   // [lo] digits flow around literals
    });
}

TEST_CASE("digits fill placeholders around literals from the right", "[number_format]") {
    check_cases({
        {123, "000-00-0000", "000-00-0123"},
        {123456789, "000-00-0000", "123-45-6789"},
        {1234567890, "(###) ###-####", "(123) 456-7890"},
        {12345, "00000-0000", "00001-2345"},
        // [text] TEXT(1234567898,"[<=9999999]###-####;(###) ###-####") = "(123) 456-7898"
        {1234567898, "[<=9999999]###-####;(###) ###-####", "(123) 456-7898"},
        {4567898, "[<=9999999]###-####;(###) ###-####", "456-7898"},
    });
}

TEST_CASE("thousands separators and scaling commas", "[number_format]") {
    check_cases({
        {12000, "#,###", "12,000"},         // [codes]
        {12000, "#,", "12"},                // [codes] a trailing comma divides by 1000
        {12200000, "0.0,,", "12.2"},        // [codes]
        {1234.567, "#,##0.00", "1,234.57"},
        {1234.567, "#,##0", "1,235"},
        {-1234.567, "#,##0.00", "-1,234.57"},
        {0, "#,##0", "0"},
        {0, "#,##0.00", "0.00"},
        {0, "#,###", ""},
        {123456789, "#,##0", "123,456,789"},
        {1234567890123, "#,##0", "1,234,567,890,123"},
        {5, "0,000", "0,005"},
        {1234567, "#,##0,", "1,235"},
        {1234567, "#,##0,,", "1"},
        {1234567, "0.0,,\"M\"", "1.2M"},
        {1234567, "#,##0.0,\"K\"", "1,234.6K"},
        {999999, "0.0,,", "1.0"},
        {0.99, "#.0000,", ".0010"},         // [ssf] comma.tsv
        {123.456, "#.0000,,", ".0001"},     // [ssf] comma.tsv
        {1234567, "#.0000,,", "1.2346"},    // [ssf] comma.tsv
        {100000, "#,##0,,", "0"},           // [lo]
        {1500000, "#,##0,,\"M\"", "2M"},    // [lo]
        {1234, "#,##0.00 \"units\"", "1,234.00 units"},
    });
}

TEST_CASE("percent multiplies by 100 for each sign", "[number_format]") {
    check_cases({
        {0.285, "0.0%", "28.5%"},   // [text]
        {0.125, "0%", "13%"},
        {0.125, "0.0%", "12.5%"},
        {0.1234, "0.00%", "12.34%"},
        {-0.125, "0%", "-13%"},
        {12, "#,##0%", "1,200%"},
        {1, "0.00%", "100.00%"},
        {0.005, "0%%", "50%%"},     // 0.005 x 100 x 100 (LibreOffice scales once)
        {123.456, "0.0 %", "12345.6 %"},
        {0.0105, "0.0%", "1.1%"},   // 1.05 after scaling in decimal, rounds up
    });
}

TEST_CASE("scientific notation", "[number_format]") {
    check_cases({
        {12200000, "0.00E+00", "1.22E+07"},   // [text]
        {12345, "0.00E+00", "1.23E+04"},
        {0.00012345, "0.00E+00", "1.23E-04"},
        {12345, "0.00E-00", "1.23E04"},        // E- shows only negative signs
        {0.00012345, "0.00E-00", "1.23E-04"},
        {0, "0.00E+00", "0.00E+00"},
        {9.999, "0.00E+00", "1.00E+01"},       // rounding carries into the exponent
        {1e100, "0.00E+00", "1.00E+100"},
        {1e-100, "0.00E+00", "1.00E-100"},
        {-12345, "0.00E+00", "-1.23E+04"},
        {12345, "0.0e+0", "1.2e+4"},
        {123456789, "0E+0", "1E+8"},
        {1, "#,##0.00E+00", "1.00E+00"},
        // ##0.0E+0 is engineering notation: the exponent is a multiple of 3 [lo].
        {12345, "##0.0E+0", "12.3E+3"},
        {1234, "##0.0E+0", "1.2E+3"},
        {123456, "##0.0E+0", "123.5E+3"},
        {1234567, "##0.0E+0", "1.2E+6"},
        {0.0012345, "##0.0E+0", "1.2E-3"},
        {999.96, "##0.0E+0", "1.0E+3"},
        // With zeros the exponent is a multiple of the placeholder count too [lo].
        {12345, "00.00E+00", "01.23E+04"},
        {1234, "000.0E+00", "001.2E+03"},
    });
}

TEST_CASE("fractions", "[number_format]") {
    check_cases({
        {4.34, "# ?/?", "4 1/3"},  // [text]
        {0.34, "# ?/?", " 1/3"},   // [text] TRIM(TEXT(0.34,"# ?/?")) = "1/3"
        // (Codes with "??" before "/" are split in two literals to avoid trigraph warnings.)
        {5.25,
         "# ???"
         "/???",
         "5   1/4  "},  // [codes] aligned: numerator right, denominator left
        {5.3,
         "# ???"
         "/???",
         "5   3/10 "},  // [codes]
        {1.5, "# ?/?", "1 1/2"},
        {0.5, "# ?/?", " 1/2"},
        {5, "# ?/?", "5    "},  // [ssf] an integer blanks the fraction part
        {0, "# ?/?", "0    "},  // [ssf]
        {-1.5, "# ?/?", "-1 1/2"},
        {-0.5, "# ?/?", "- 1/2"},
        {3.14159265,
         "# ??"
         "/??",
         "3 14/99"},  // closest fraction with a 2-digit denominator
        {3.14159265,
         "# ???"
         "/???",
         "3  16/113"},
        {0.333, "# ?/?", " 1/3"},
        {1.99, "# ?/?", "2    "},
        {0.99, "# ?/?", "1    "},
        {1.5,
         "# ??"
         "/??",
         "1  1/2 "},
        {1.5, "0 ?/?", "1 1/2"},
        {0.5, "0 ?/?", "0 1/2"},
        {12.75, "#,##0 ?/?", "12 3/4"},
        {1.5, "?/?", "3/2"},  // no whole part: an improper fraction
        {0, "?/?", "0/1"},
        {1.25, "#/#", "5/4"},
        // A fixed denominator is not reduced (Microsoft KB 893691: 0.25 in sixteenths is 4/16).
        {0.25, "# ?/16", " 4/16"},
        {0.25, "?/16", "4/16"},
        {2.5, "# ?/8", "2 4/8"},
        {2, "# ?/8", "2    "},
        {5.3, "# ?/2", "5 1/2"},
        {0.375, "# ?/4", " 2/4"},  // 1.5 quarters round half away from zero (LibreOffice: 1/4)
        {0.375, "# ?/100", " 38/100"},
        {0.75, "# ?/?%", "75    %"},
    });
}

TEST_CASE("sections: positive;negative;zero;text", "[number_format]") {
    check_cases({
        {-5, "#,##0.00;(#,##0.00)", "(5.00)"},   // the negative section shows the absolute value
        {5, "#,##0.00;(#,##0.00)", "5.00"},
        {0, "0.00;(0.00)", "0.00"},              // two sections: the first also formats zero
        {0, "0;-0;\"zero\"", "zero"},
        {-5, "0;-0;\"zero\"", "-5"},
        {5, "0;-0;\"zero\"", "5"},
        {-5, "0;", ""},                          // an empty section shows nothing
        {5, "0;", "5"},
        {0, "0;-0;", ""},
        {0, ";;;", ""},
        {-5, "0;-0;0;@", "-5"},
        {-1234.5, "#,##0.00_);(#,##0.00)", "(1,234.50)"},  // [lo]
        {1234.5, "#,##0.00_);(#,##0.00)", "1,234.50 "},    // _) leaves a space
        {-5, "$#,##0.00", "-$5.00"},             // one section: the minus goes in front
        {-5, "\"Total \"0", "-Total 5"},
        {-5, "0\" USD\"", "-5 USD"},
        {5, "0;0;0;@", "5"},
    });
}

TEST_CASE("conditions", "[number_format]") {
    check_cases({
        {150, "[>=100]\"big\";\"small\"", "big"},
        {50, "[>=100]\"big\";\"small\"", "small"},
        {-50, "[>=100]\"big\";\"small\"", "small"},
        {-50, "[>=100]0;0", "50"},        // only the first section shows a minus sign [lo]
        {-50, "[<0]0;0", "50"},           // [<0] selects negatives: no sign [lo]
        {-50, "[<=100]0;[>100]0", "-50"},
        {-5, "[>=100]0;0;0", "5"},        // [lo]
        {50, "[>=100]0;0;0", "50"},
        {500, "[<1000]0;[<1000000]0.0,\"K\";0.0,,\"M\"", "500"},
        {50000, "[<1000]0;[<1000000]0.0,\"K\";0.0,,\"M\"", "50.0K"},
        {5000000, "[<1000]0;[<1000000]0.0,\"K\";0.0,,\"M\"", "5.0M"},
        {-5, "[<1000]0;[<1000000]0.0,\"K\";0.0,,\"M\"", "-5"},
        {5, "[=5]\"five\";\"other\"", "five"},
        {6, "[=5]\"five\";\"other\"", "other"},
        {1, "[=1]0\" item\";0\" items\"", "1 item"},
        {2, "[=1]0\" item\";0\" items\"", "2 items"},
        {-5, "[<0]\"neg\";[>0]\"pos\";\"zero\"", "neg"},
        {0, "[<0]\"neg\";[>0]\"pos\";\"zero\"", "zero"},
        {2.5, "[<>2.5]\"other\";\"two and a half\"", "two and a half"},
        {-3, "[>-2.5]0;\"low\"", "low"},
        // [codes] "[Red][<=100];[Blue][>100]": sections with only a colour and a condition
        // show the number as General.
        {50, "[Red][<=100];[Blue][>100]", "50"},
        {150, "[Red][<=100];[Blue][>100]", "150"},
        {-5, "[Red][<=100];[Blue][>100]", "-5"},
    });
}

TEST_CASE("colours are reported as RGB", "[number_format]") {
    auto red_negative = parsed("#,##0.00;[Red](#,##0.00)");
    auto shown = red_negative.format(-5);
    CHECK(shown.text == "(5.00)");
    CHECK(shown.color == "#FF0000");
    CHECK_FALSE(red_negative.format(5).color.has_value());
    CHECK(parsed("[Blue]0").format(1).color == "#0000FF");
    CHECK(parsed("[GREEN]0").format(1).color == "#00FF00");  // names are case-insensitive
    CHECK(parsed("[Color10]0").format(1).color == "#008000");
    CHECK(parse_error("[Color 3]0").message == "unknown bracket code");
    CHECK(parse_error("[Color57]0").message == "unknown bracket code");
    auto conditional = parsed("[Red][<=100]0;[Blue][>100]0");
    CHECK(conditional.format(150).color == "#0000FF");
    CHECK(conditional.format(50).color == "#FF0000");
    auto text_colour = parsed("0;0;0;[Magenta]@");
    CHECK(text_colour.format_text("x").color == "#FF00FF");
}

TEST_CASE("literals, escapes, spacing and fill", "[number_format]") {
    check_cases({
        {5, "\\$0", "$5"},
        {5, "0\\%", "5%"},              // an escaped percent does not scale
        {5, "\"$\"0", "$5"},
        {5, "0_)", "5 "},               // _x is a space as wide as x
        {5, "_(0_)", " 5 "},
        {5, "0*-", "5"},                // *x fills the cell; TEXT shows nothing [lo]
        {1234, "**0", "1234"},          // [lo]
        {5, "+0", "+5"},
        {5, "(0)", "(5)"},
        {5, "0 \"a;b\"", "5 a;b"},     // semicolons in quotes do not split sections
        {5, "0\\;", "5;"},
        {1234, "0 \xE2\x82\xAC", "1234 \xE2\x82\xAC"},  // UTF-8 literals pass through
        {1234, "\xC2\xA3#,##0", "\xC2\xA3" "1,234"},
        // The accounting format (Excel's built-in 44) [lo].
        {1234, "_($* #,##0.00_)", " $1,234.00 "},
        {-1234, "_($* #,##0.00_);_($* (#,##0.00);_($* \"-\"??_);_(@_)", " $(1,234.00)"},
        {0, "_($* #,##0.00_);_($* (#,##0.00);_($* \"-\"??_);_(@_)", " $-   "},
    });
}

TEST_CASE("currency and locale blocks", "[number_format]") {
    check_cases({
        {1234, "[$\xE2\x82\xAC-2] #,##0.00", "\xE2\x82\xAC 1,234.00"},
        {1234, "[$R$-416] #,##0.00", "R$ 1,234.00"},
        {1234, "#,##0.00 [$\xE2\x82\xAC-407]", "1,234.00 \xE2\x82\xAC"},
        {1234, "[$USD] #,##0", "USD 1,234"},
        {1234, "[$\xE2\x82\xAC-x-euro2] #,##0", "\xE2\x82\xAC 1,234"},
        {45322, "[$-409]mmmm d, yyyy", "January 31, 2024"},
        {45322, "[$-x-sysdate]dddd, mmmm dd, yyyy", "Wednesday, January 31, 2024"},
        // A known LCID chooses the month and day names, whatever the display locale.
        {45322, "[$-C0A]dddd d mmmm yyyy", "mi\xC3\xA9rcoles 31 enero 2024"},
        {45322, "[$-416]mmmm", "janeiro"},
        {45322, "[$-80A]mmm", "ene"},
    });
}

TEST_CASE("General", "[number_format]") {
    // General shows what a cell shows: at most 11 characters, trailing zeros dropped,
    // scientific notation when that keeps more digits. Width-independent General is Excel's
    // "11 digit logic" that its CSV export also uses (SheetJS issue #2689; #2078 shows Excel
    // displaying 5512940468989 as 5.51294E+12). LibreOffice's TEXT(x,"General") shows full
    // precision instead.
    check_cases({
        {5, "General", "5"},
        {-5, "General", "-5"},
        {0, "General", "0"},
        {0.5, "General", "0.5"},
        {0.1 + 0.2, "General", "0.3"},
        {1.0 / 3, "General", "0.333333333"},
        {2.0 / 3, "General", "0.666666667"},
        {-1.0 / 3, "General", "-0.333333333"},
        {12345678901, "General", "12345678901"},
        {123456789012, "General", "1.23457E+11"},
        {1234567890123, "General", "1.23457E+12"},
        {5512940468989, "General", "5.51294E+12"},
        {543212345, "General", "543212345"},
        {1234567890.5, "General", "1234567891"},
        {123456.789012, "General", "123456.789"},
        {1e15, "General", "1E+15"},
        {99999999999.9, "General", "1E+11"},
        {0.0001234567, "General", "0.000123457"},
        {0.00001, "General", "0.00001"},
        {0.000012345, "General", "0.000012345"},  // all five digits fit in 11 characters
        {0.0000123456, "General", "1.23456E-05"},
        {1e-10, "General", "1E-10"},
        {1.5e-9, "General", "1.5E-09"},
        {1e100, "General", "1E+100"},
        {5, "\"x\"General", "x5"},
        {-5, "General;(General)", "(5)"},
        {5, "general", "5"},
        {5, "[Red]", "5"},
    });
    CHECK(folio::format_general(1.0 / 3) == "0.333333333");
}

TEST_CASE("dates", "[number_format][date]") {
    const double jan31 = 45322;  // 2024-01-31, a Wednesday
    check_cases({
        {jan31, "yyyy-mm-dd", "2024-01-31"},
        {jan31, "m/d/yyyy", "1/31/2024"},
        {jan31, "m/d/yy", "1/31/24"},
        {jan31, "d-mmm-yy", "31-Jan-24"},
        {jan31, "d-mmm", "31-Jan"},
        {jan31, "mmm-yy", "Jan-24"},
        {jan31, "mmmm", "January"},
        {jan31, "mmmmm", "J"},           // [codes] mmmmm: first letter of the month
        {jan31, "mmmmmm", "January"},
        {jan31, "ddd", "Wed"},
        {jan31, "dddd", "Wednesday"},
        {jan31, "dd/mm/yyyy", "31/01/2024"},
        {jan31, "yy", "24"},
        {jan31, "yyy", "2024"},          // three or more y: four digits
        {jan31, "y", "24"},
        {jan31, "e", "2024"},
        {jan31, "d", "31"},
        {jan31, "m", "1"},
        {jan31, "mm", "01"},
        {jan31, "YYYY-MM-DD", "2024-01-31"},  // codes are case-insensitive [ecma example]
        {jan31 + 0.5, "dddd, mmmm d, yyyy", "Wednesday, January 31, 2024"},
        {45293, "d", "2"},
        {45293, "dd", "02"},
        {jan31, "yyyy\"\xE5\xB9\xB4\"m\"\xE6\x9C\x88\"d\"\xE6\x97\xA5\"",
         "2024\xE5\xB9\xB4" "1\xE6\x9C\x88" "31\xE6\x97\xA5"},
    });
}

TEST_CASE("dates around Excel's 1900 bug and out of range", "[number_format][date]") {
    check_cases({
        {0, "yyyy-mm-dd", "1900-01-00"},  // Excel shows serial 0 as January 0, 1900
        {1, "yyyy-mm-dd", "1900-01-01"},
        {59, "yyyy-mm-dd", "1900-02-28"},
        {60, "yyyy-mm-dd", "1900-02-29"},
        {61, "yyyy-mm-dd", "1900-03-01"},
        {60, "dddd", "Wednesday"},
        {1, "dddd", "Sunday"},
        {0, "dddd", "Saturday"},
        {2958465, "yyyy-mm-dd", "9999-12-31"},
    });
    auto iso = parsed("yyyy-mm-dd");
    CHECK(iso.format(2958466).out_of_range);
    CHECK(iso.format(-1).out_of_range);  // TEXT gives #VALUE!, a cell shows #####
    CHECK(iso.format(-1).text == "#####");
    CHECK(parsed("[h]:mm").format(-1).out_of_range);
    CHECK(parsed("h:mm").format(-0.5).out_of_range);
    CHECK(parsed("yyyy;yyyy").format(-1).text == "1900");  // a negative section takes |value|
}

TEST_CASE("times", "[number_format][date]") {
    const double morning = 45322.4375;  // 10:30
    const double evening = 45322.9375;  // 22:30
    check_cases({
        {morning, "h:mm", "10:30"},
        {morning, "hh:mm", "10:30"},
        {morning, "h:mm AM/PM", "10:30 AM"},
        {morning, "h:mm:ss AM/PM", "10:30:00 AM"},
        {evening, "h:mm AM/PM", "10:30 PM"},
        // [codes] am/pm and a/p show in the case they are written.
        {evening, "hh:mm am/pm", "10:30 pm"},
        {evening, "h A/P", "10 P"},
        {evening, "h a/p", "10 p"},
        {0.7, "h:mm:ss A/P", "4:48:00 P"},
        {45322, "h:mm AM/PM", "12:00 AM"},
        {45322.5, "h:mm AM/PM", "12:00 PM"},
        {morning, "m/d/yy h:mm", "1/31/24 10:30"},
        {morning, "yyyy-mm-dd hh:mm:ss", "2024-01-31 10:30:00"},
        {morning, "dddd, mmmm d, yyyy h:mm AM/PM", "Wednesday, January 31, 2024 10:30 AM"},
        {0.75, "h", "18"},
        {0.75, "hh", "18"},
        {0.125, "hh", "03"},
        {morning, "mm", "01"},           // mm alone is the month
        {morning, "h:m", "10:30"},
        {morning, "h \"h\" m \"m\"", "10 h 30 m"},  // m after h is minutes across literals
        {morning, "m \"min\"", "1 min"},
        {0.5, "mm:ss", "00:00"},         // m before ss is minutes
    });
}

TEST_CASE("elapsed time and fractional seconds", "[number_format][date]") {
    check_cases({
        {1.5, "[h]:mm:ss", "36:00:00"},
        {0.1823, "[h]:mm", "4:22"},  // [codes]: [h]:mm shows elapsed hours
        {1.5, "[hh]:mm", "36:00"},
        {1.5, "[m]", "2160"},
        {1.5, "[mm]:ss", "2160:00"},
        {1.5, "[s]", "129600"},
        {0.0000115741, "[s].000", "1.000"},
        {0.5, "mm:ss.00", "00:00.00"},
        {0.4376793981, "hh:mm:ss.0", "10:30:15.5"},
        {0.4376793981, "hh:mm:ss.00", "10:30:15.50"},
        {(10 * 3600 + 30 * 60 + 15.6) / 86400, "h:mm:ss", "10:30:16"},  // rounded, not truncated
        {45322.0000001, "yyyy-mm-dd h:mm:ss.000", "2024-01-31 0:00:00.009"},
        // Times round to the second before they are split, carrying into the day.
        {0.000011574, "mm:ss.0", "00:01.0"},  // 0.99999 s (LibreOffice truncates: 00:00.9)
        {0.99999999, "hh:mm:ss", "00:00:00"},
        {0.999994, "hh:mm:ss", "23:59:59"},
        {45322.999994, "yyyy-mm-dd hh:mm:ss", "2024-01-31 23:59:59"},
        {45322.999999, "yyyy-mm-dd hh:mm:ss", "2024-02-01 00:00:00"},
        {45322.999999, "yyyy-mm-dd", "2024-01-31"},  // no time shown: no rounding
        {10.0 / 24 + 29.0 / 1440 + 59.6 / 86400, "h:mm",
         "10:30"},  // h:mm does not round to minutes
        {10.0 / 24 + 29.0 / 1440 + 59.4 / 86400, "h:mm", "10:29"},
    });
}

TEST_CASE("text values and the text section", "[number_format][text]") {
    CHECK(parsed("0.00").format_text("abc").text == "abc");  // no text section: shown as is
    CHECK(parsed("0;0;0;@").format_text("abc").text == "abc");
    CHECK(parsed("0;0;0;\"pre \"@\" post\"").format_text("abc").text == "pre abc post");
    CHECK(parsed("0;0;0;\"text\"").format_text("abc").text == "text");
    CHECK(parsed("@").format_text("abc").text == "abc");
    CHECK(parsed("\"[\"@\"]\"").format_text("abc").text == "[abc]");
    CHECK(parsed("0.00;@").format_text("abc").text == "abc");
    CHECK(parsed("_(@_)").format_text("abc").text == " abc ");
    CHECK(parsed("@@").format_text("ab").text == "abab");
    // A format whose only section is text shows numbers as General.
    check_cases({
        {5, "@", "5"},
        {1.5, "@", "1.5"},
        {-5, "0.00;@", "-5.00"},  // a last section with @ is the text section
    });
}

TEST_CASE("locales change only the display", "[number_format][locale]") {
    const format_locale& es_es = locale("es-ES");
    const format_locale& es_mx = locale("es-MX");
    const format_locale& pt_br = locale("pt-BR");
    const double evening = 45322.9375;
    check_cases({{1234.5, "#,##0.00", "1.234,50"},
                 {0.5, "General", "0,5"},
                 {1234567890123, "General", "1,23457E+12"},
                 {0.125, "0.0%", "12,5%"},
                 {12345, "0.00E+00", "1,23E+04"},
                 {45322, "mmm mmmmm ddd", "ene e mi\xC3\xA9"},
                 {evening, "dddd, d \"de\" mmmm \"de\" yyyy h:mm AM/PM",
                  "mi\xC3\xA9rcoles, 31 de enero de 2024 10:30 p. m."},
                 {0.4376793981, "hh:mm:ss.00", "10:30:15,50"},
                 {45322, "dd/mm/yyyy", "31/01/2024"},
                 {45322, "[$-409]mmmm", "January"}},
                es_es);
    check_cases({{1234.5, "#,##0.00", "1,234.50"},
                 {0.5, "General", "0.5"},
                 {45322, "mmmm", "enero"},
                 {evening, "h:mm AM/PM", "10:30 p. m."}},
                es_mx);
    check_cases({{1234.5, "#,##0.00", "1.234,50"},
                 {1234.5, "[$R$-416] #,##0.00", "R$ 1.234,50"},
                 {45322, "dddd, d \"de\" mmmm \"de\" yyyy",
                  "quarta-feira, 31 de janeiro de 2024"},
                 {45322, "mmm ddd", "jan qua"},
                 {45352, "mmmm", "mar\xC3\xA7o"}},
                pt_br);
}

TEST_CASE("find_locale", "[number_format][locale]") {
    CHECK(folio::find_locale("en-US") == &folio::en_us);
    CHECK(folio::find_locale("es_es")->decimal_separator == ",");
    CHECK(folio::find_locale("ES-MX")->thousands_separator == ",");
    CHECK(folio::find_locale("pt-BR")->month_names[0] == "janeiro");
    CHECK(folio::find_locale("es-ES")->month_names[0] == "enero");
    CHECK(folio::find_locale("fr-FR") == nullptr);
}

TEST_CASE("invalid format codes report an offset and a message", "[number_format][errors]") {
    auto check_error = [](const char* code, std::size_t offset, const char* message) {
        INFO("code " << code);
        auto e = parse_error(code);
        CHECK(e.offset == offset);
        CHECK(e.message == message);
    };
    check_error("0.00\"abc", 4, "unterminated quoted text");
    check_error("[Red0.00", 0, "unterminated bracket");
    check_error("[Purple]0", 0, "unknown bracket code");
    check_error("0;0;0;@;0", 7, "too many sections");
    check_error("0\\", 1, "missing character after backslash");
    check_error("0_", 1, "missing character after underscore");
    check_error("0*", 1, "missing character after asterisk");
    check_error("[>abc]0", 0, "invalid condition");
    check_error("[>1][<5]0", 4, "more than one condition in a section");
    check_error("yyyy 0.00", 5, "number code in a date format");
    check_error("0.00 @", 0, "digit placeholder with text placeholder");
    check_error("@;0", 0, "text section before the last section");
    check_error("0;0;[>5]0", 4, "only the first two sections may have conditions");
    check_error("0.0 ?/?", 1, "decimal point in a fraction format");
    check_error("hh:mm:ss.0000", 12, "too many decimals for seconds");
    check_error("0;0;0;0", 6, "number code in a text format");
    check_error("General 0", 8, "digit placeholder with general");
    check_error("[]0", 0, "empty brackets");
    CHECK(folio::format_number(5, "[Purple]0") == "5");  // invalid codes format as General
}

TEST_CASE("number_format reports what it is", "[number_format]") {
    CHECK(parsed("yyyy-mm-dd").is_date_time());
    CHECK(parsed("[h]:mm").is_date_time());
    CHECK_FALSE(parsed("0.00").is_date_time());
    CHECK_FALSE(parsed("@").is_date_time());
    CHECK(parsed("#,##0").code() == "#,##0");
    CHECK(parsed("").format(5).text.empty());  // an empty code shows nothing
}

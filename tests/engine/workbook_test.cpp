// The embedding API: cells, formulas, names, host functions, incremental
// recalculation in dependency order, and circular references.
#include <catch2/catch.hpp>

#include "folio/engine/coerce.hpp"
#include "folio/engine/value_text.hpp"
#include "support/eval.hpp"

using folio::value;
using folio::testing::make_workbook;

namespace {

std::string shown(folio::workbook& book, std::string_view at) { return folio::tagged_text(book.get(at)); }

}  // namespace

TEST_CASE("values and formulas in cells", "[workbook]") {
    auto book = make_workbook();
    book.add_sheet("Data");
    book.set_value("Data!A1", 9);
    book.set_value("Data!A2", "text");
    REQUIRE_FALSE(book.set_formula("Data!B1", "=A1*2"));
    REQUIRE_FALSE(book.set_formula("Data!B2", "=A2&\"!\""));
    REQUIRE_FALSE(book.set_formula("Data!B3", "=A3"));  // a formula never shows blank
    CHECK(shown(book, "Data!B1") == "number\t18");
    CHECK(shown(book, "Data!B2") == "text\ttext!");
    CHECK(shown(book, "Data!B3") == "number\t0");
    CHECK(book.formula_text(*book.address("Data!B1")) == "=A1*2");
    CHECK_FALSE(book.formula_text(*book.address("Data!A1")).has_value());
}

TEST_CASE("a formula Excel would refuse is reported with its column", "[workbook]") {
    auto book = make_workbook();
    auto error = book.set_formula("Sheet1!A1", "=SUM(1,");
    REQUIRE(error);
    CHECK(error->column == 8);
    auto arity = book.set_formula("Sheet1!A1", "=ROUND(1)");
    REQUIRE(arity);
    CHECK(arity->message == "ROUND needs at least 2 arguments, got 1");
    CHECK(arity->column == 2);
}

TEST_CASE("entries are read as Excel reads typed text", "[workbook]") {
    auto book = make_workbook();
    auto at = [&](const char* a) { return *book.address(a, true); };
    book.set_entry(at("S!A1"), "42");
    book.set_entry(at("S!A2"), "'42");
    book.set_entry(at("S!A3"), "true");
    book.set_entry(at("S!A4"), "50%");
    book.set_entry(at("S!A5"), "hello");
    book.set_entry(at("S!A6"), "#N/A");
    book.set_entry(at("S!A7"), "=A1+A4");
    book.set_entry(at("S!A8"), "2024-01-31");
    CHECK(shown(book, "S!A1") == "number\t42");
    CHECK(shown(book, "S!A2") == "text\t42");
    CHECK(shown(book, "S!A3") == "bool\tTRUE");
    CHECK(shown(book, "S!A4") == "number\t0.5");
    CHECK(shown(book, "S!A5") == "text\thello");
    CHECK(shown(book, "S!A6") == "error\t#N/A");
    CHECK(shown(book, "S!A7") == "number\t42.5");
    CHECK(shown(book, "S!A8") == "number\t45322");
}

TEST_CASE("a change recalculates only its dependents", "[workbook]") {
    auto book = make_workbook();
    book.add_sheet("S");
    for (int r = 1; r <= 100; ++r) {
        book.set_value("S!A" + std::to_string(r), r);
        book.set_formula("S!B" + std::to_string(r), "=A" + std::to_string(r) + "*2");
    }
    book.set_formula("S!C1", "=SUM(B1:B100)");
    book.set_formula("S!D1", "=A1+1");
    CHECK(shown(book, "S!C1") == "number\t10100");
    CHECK(book.last_recalc().formulas_evaluated == 102);

    book.set_value("S!A50", 0);
    CHECK(shown(book, "S!C1") == "number\t10000");
    CHECK(book.last_recalc().formulas_evaluated == 2);  // B50 and C1

    book.set_value("S!A1", 10);
    CHECK(shown(book, "S!D1") == "number\t11");
    CHECK(book.last_recalc().formulas_evaluated == 3);  // B1, C1, D1
}

TEST_CASE("a long chain evaluates in order without deep recursion", "[workbook]") {
    auto book = make_workbook();
    book.add_sheet("S");
    const int n = 20000;
    book.set_value("S!A1", 1);
    for (int r = 2; r <= n; ++r) book.set_formula("S!A" + std::to_string(r), "=A" + std::to_string(r - 1) + "+1");
    CHECK(shown(book, "S!A" + std::to_string(n)) == "number\t20000");
    book.set_value("S!A1", 5);
    CHECK(shown(book, "S!A" + std::to_string(n)) == "number\t20004");
    CHECK(book.last_recalc().formulas_evaluated == static_cast<std::size_t>(n - 1));
}

TEST_CASE("circular references become #REF! and never hang", "[workbook]") {
    auto book = make_workbook();
    book.add_sheet("S");
    book.set_formula("S!A1", "=B1+1");
    book.set_formula("S!B1", "=A1+1");
    book.set_formula("S!C1", "=A1*2");  // downstream of the cycle
    book.set_formula("S!D1", "=D1");    // a cell reading itself
    book.set_value("S!E1", 7);
    book.set_formula("S!F1", "=E1*3");  // unrelated
    CHECK(shown(book, "S!A1") == "error\t#REF!");
    CHECK(shown(book, "S!B1") == "error\t#REF!");
    CHECK(shown(book, "S!C1") == "error\t#REF!");
    CHECK(shown(book, "S!D1") == "error\t#REF!");
    CHECK(shown(book, "S!F1") == "number\t21");
    CHECK(book.last_recalc().cycles_found == 2);

    // Breaking the cycle brings the values back.
    book.set_value("S!B1", 1);
    CHECK(shown(book, "S!A1") == "number\t2");
    CHECK(shown(book, "S!C1") == "number\t4");
}

TEST_CASE("cycles through a range and through dynamic references", "[workbook]") {
    auto book = make_workbook();
    book.add_sheet("S");
    book.set_formula("S!A3", "=SUM(A1:A5)");
    CHECK(shown(book, "S!A3") == "error\t#REF!");
    book.set_formula("S!B1", "=INDIRECT(\"B2\")");
    book.set_formula("S!B2", "=INDIRECT(\"B1\")");
    CHECK(shown(book, "S!B1") == "error\t#REF!");
}

TEST_CASE("defined names", "[workbook]") {
    auto book = make_workbook();
    book.add_sheet("Data");
    book.set_value("Data!A1", 0.25);
    book.set_formula("Data!B1", "=100*Rate");
    CHECK(shown(book, "Data!B1") == "error\t#NAME?");
    REQUIRE_FALSE(book.define_name("Rate", "=Data!$A$1"));
    CHECK(shown(book, "Data!B1") == "number\t25");
    book.set_value("Data!A1", 0.5);
    CHECK(shown(book, "Data!B1") == "number\t50");
    REQUIRE_FALSE(book.define_name("rate", "=0.1"));
    CHECK(shown(book, "Data!B1") == "number\t10");
}

TEST_CASE("host functions", "[workbook]") {
    auto book = make_workbook();
    book.set_formula("Sheet1!A2", "=DOUBLE_IT(A1)");
    CHECK(shown(book, "Sheet1!A2") == "error\t#NAME?");
    book.functions().add_host("DOUBLE_IT", 1, 1, [](const folio::arguments& args, folio::call_context& ctx) -> value {
        auto n = folio::to_number(folio::to_scalar(args[0], ctx));
        if (!n) return n.error();
        return *n * 2;
    });
    book.set_value("Sheet1!A1", 21);
    CHECK(shown(book, "Sheet1!A2") == "number\t42");
}

TEST_CASE("arrays and ranges in formulas", "[workbook]") {
    auto book = make_workbook();
    book.add_sheet("S");
    book.set_value("S!A1", 1);
    book.set_value("S!A2", 2);
    book.set_value("S!A3", 3);
    book.set_formula("S!B1", "=A1:A3*10");
    const value& v = book.get("S!B1");
    REQUIRE(v.is_array());
    CHECK(folio::describe(v) == "{10;20;30}");
    CHECK(folio::describe(*book.evaluate("={1,2;3,4}+{10;20}")) == "{11,12;23,24}");
    CHECK(folio::describe(*book.evaluate("={1,2,3}+{1,2}")) == "{2,4,#N/A}");
}

TEST_CASE("operators follow Excel's coercion and error rules", "[workbook]") {
    using folio::testing::evaluate;
    using folio::testing::batch_line;
    CHECK(batch_line(evaluate("=-2^2")) == "number\t4");
    CHECK(batch_line(evaluate("=2^3^2")) == "number\t64");
    CHECK(batch_line(evaluate("=1+2&3")) == "text\t33");
    CHECK(batch_line(evaluate("=\"1\"+1")) == "number\t2");
    CHECK(batch_line(evaluate("=TRUE+1")) == "number\t2");
    CHECK(batch_line(evaluate("=\"TRUE\"+1")) == "error\t#VALUE!");
    CHECK(batch_line(evaluate("=\"\"+1")) == "error\t#VALUE!");
    CHECK(batch_line(evaluate("=1/0+#N/A")) == "error\t#DIV/0!");
    CHECK(batch_line(evaluate("=0^0")) == "error\t#NUM!");
    CHECK(batch_line(evaluate("=0.1+0.2=0.3")) == "bool\tTRUE");
    CHECK(batch_line(evaluate("=1/3&\"\"")) == "text\t0.333333333333333");
    CHECK(batch_line(evaluate("=\"a\"<\"B\"")) == "bool\tTRUE");
    CHECK(batch_line(evaluate("=\"A\"=\"a\"")) == "bool\tTRUE");
    CHECK(batch_line(evaluate("=1<\"a\"")) == "bool\tTRUE");
    CHECK(batch_line(evaluate("=\"z\"<FALSE")) == "bool\tTRUE");
    CHECK(batch_line(evaluate("=50%")) == "number\t0.5");
    CHECK(batch_line(evaluate("=\"$1,234.50\"*1")) == "number\t1234.5");
    CHECK(batch_line(evaluate("=\"(5)\"*1")) == "number\t-5");
    CHECK(batch_line(evaluate("=\"50%\"*1")) == "number\t0.5");
    CHECK(batch_line(evaluate("=(-8)^(1/3)")) == "error\t#NUM!");
    CHECK(batch_line(evaluate("=1E+308*10")) == "error\t#NUM!");
    CHECK(batch_line(evaluate("=Sheet9!A1")) == "error\t#REF!");
    CHECK(batch_line(evaluate("=NOSUCHFUNCTION(1)")) == "error\t#NAME?");
    CHECK(batch_line(evaluate("=LET(x,2,y,x*3,x+y)")) == "number\t8");
}

TEST_CASE("formulas copied down and across keep Excel's relative and absolute references", "[workbook]") {
    auto book = make_workbook();
    book.add_sheet("S");
    for (int r = 1; r <= 5; ++r) {
        book.set_value("S!A" + std::to_string(r), r);
        book.set_value("S!B" + std::to_string(r), 10 * r);
    }
    book.set_value("S!E1", 1000);
    for (int r = 1; r <= 5; ++r) {
        const std::string n = std::to_string(r);
        book.set_formula("S!C" + n, "=A" + n + "*2+$E$1+B$1");                // relative, absolute, mixed
        book.set_formula("S!D" + n, "=SUM($A$1:A" + n + ")&\"|A1\"&'S'!B" + n);  // text that looks like a reference
        book.set_formula("S!F" + n, "=SUM(A:A)+ROW()");                        // whole columns are not shifted
    }
    book.set_formula("S!G1", "=A1*2+$E$1+B$1");  // the same text one column over: its own references
    CHECK(shown(book, "S!C1") == "number\t1012");
    CHECK(shown(book, "S!C4") == "number\t1018");
    CHECK(shown(book, "S!D3") == "text\t6|A130");
    CHECK(shown(book, "S!D5") == "text\t15|A150");
    CHECK(shown(book, "S!F2") == "number\t17");
    CHECK(shown(book, "S!G1") == "number\t1012");
    CHECK(book.formula_text(*book.address("S!C4")) == "=A4*2+$E$1+B$1");
    book.set_value("S!A4", 100);
    CHECK(shown(book, "S!C4") == "number\t1210");
    CHECK(shown(book, "S!D5") == "text\t111|A150");
}

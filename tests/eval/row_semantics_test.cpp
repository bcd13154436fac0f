// Row-level expressions inside aggregates and Excel functions over metrics: arithmetic
// over columns, IF and ISBLANK per row, conditions on text (case-insensitive, as
// Excel's `=`), comparisons with missing values, errors in rows, booleans, and
// IFERROR / ROUND / MAX over metric values.
#include <catch2/catch.hpp>

#include "eval_support.hpp"

using namespace folio;
using namespace folio::eval_test;

namespace {

const char* orders_csv =
    "order,kind,price,qty,paid,code\n"
    "1,sale,10,2,true,A\n"
    "2,sale,5,,false,a\n"
    "3,REFUND,4,1,true,\n"
    "4,sale,,3,true,B\n"
    "5,sale,2.5,0,false,B\n";

const char* program_text = R"(
source orders = csv("data/orders.csv") {
  order: text
  kind: text
  price: number
  qty: number
  paid: bool
  code: text
}
metric revenue   = sum(orders.price * orders.qty)
metric net       = sum(IF(orders.kind = "refund", -orders.price, orders.price))
metric priced    = count(orders where NOT(ISBLANK(orders.price)))
metric sales     = count(orders where orders.kind = "SALE")
metric paid_n    = count(orders.paid)
metric paid_sum  = sum(orders.paid)
metric not_five  = count(orders where orders.qty <> 5)
metric no_code   = count(orders where orders.code = "")
metric big_qty   = count(orders where orders.qty > 0)
metric per_unit  = sum(orders.price / orders.qty)
metric unit_rows = count(orders where orders.price / orders.qty > 1)
metric codes     = distinct(orders.code)
metric prices    = distinct(orders.price)
metric ratio     = IFERROR(revenue / sum(orders.qty where orders.kind = "none"), -1)
metric rounded   = ROUND(revenue / 3, 2)
metric larger    = MAX(revenue, net)
metric label     = "orders: " & TEXT(sales, "0")

report r {
  kpis: revenue, net, priced, sales, paid_n, paid_sum, not_five, no_code, big_qty, per_unit, unit_rows, codes, prices, ratio, rounded, larger, label
}
)";

value kpi(const eval::report_result& r, const std::string& name) { return tile(r, name).current; }

}  // namespace

TEST_CASE("row expressions follow Excel, with a rule for missing values in comparisons", "[eval]") {
    temp_dir dir;
    dir.write("data/orders.csv", orders_csv);
    auto e = evaluate_text(dir, program_text);
    REQUIRE(e->text() == "");
    const eval::report_result& r = e->report("r");
    // Arithmetic takes a blank as 0: 10*2 + 5*0 + 4*1 + 0*3 + 2.5*0.
    CHECK(kpi(r, "revenue") == value(24.0));
    // IF per row; "REFUND" = "refund" ignoring case: 10 + 5 - 4 + (blank) + 2.5.
    CHECK(kpi(r, "net") == value(13.5));
    CHECK(kpi(r, "priced") == value(4.0));
    CHECK(kpi(r, "sales") == value(4.0));
    // count() of a condition counts where it is TRUE; sum() takes TRUE as 1.
    CHECK(kpi(r, "paid_n") == value(3.0));
    CHECK(kpi(r, "paid_sum") == value(3.0));
    // A missing qty is not = 5, so it is <> 5; a missing code equals "".
    CHECK(kpi(r, "not_five") == value(5.0));
    CHECK(kpi(r, "no_code") == value(1.0));
    // ... and a missing value satisfies no ordering comparison.
    CHECK(kpi(r, "big_qty") == value(3.0));
    // An error in a row (5 / blank, 2.5 / 0) makes the aggregate that error, in the argument and in the where.
    CHECK(kpi(r, "per_unit") == value(error_code::div0));
    CHECK(kpi(r, "unit_rows") == value(error_code::div0));
    // distinct is exact for text ("A" and "a" are two) and leaves blanks out.
    CHECK(kpi(r, "codes") == value(3.0));
    CHECK(kpi(r, "prices") == value(4.0));
}

TEST_CASE("Excel functions over metric values", "[eval]") {
    temp_dir dir;
    dir.write("data/orders.csv", orders_csv);
    auto e = evaluate_text(dir, program_text);
    REQUIRE(e->text() == "");
    const eval::report_result& r = e->report("r");
    CHECK(kpi(r, "ratio") == value(-1.0));    // 24 / 0 is #DIV/0!, caught by IFERROR
    CHECK(kpi(r, "rounded") == value(8.0));
    CHECK(kpi(r, "larger") == value(24.0));
    CHECK(kpi(r, "label") == value("orders: 4"));
}

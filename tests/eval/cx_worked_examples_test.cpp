// The worked examples of the KPI sheet (design/kpis.md), reproduced through the defs of
// stdlib/cx.folio: a small data file per example (tests/eval/cx_examples/, or written
// row by row here when the example counts hundreds of customers), a report importing
// "cx", and the example's number.
#include <catch2/catch.hpp>

#include <sstream>

#include "eval_support.hpp"

using namespace folio;
using namespace folio::eval_test;

namespace {

fs::path examples() { return source_dir() / "tests" / "eval" / "cx_examples"; }

// A folder with the example files copied into data/.
void copy_examples(const temp_dir& dir) {
    fs::create_directories(dir.path() / "data");
    for (const auto& entry : fs::directory_iterator(examples()))
        if (entry.path().extension() == ".csv") fs::copy(entry.path(), dir.path() / "data" / entry.path().filename());
}

// `count` lines of `line` (each given its number, from `first`).
std::string repeat(int count, int first, const std::string& line_before_number, const std::string& line_after_number) {
    std::ostringstream out;
    for (int i = 0; i < count; ++i) out << line_before_number << (first + i) << line_after_number << "\n";
    return out.str();
}

double number_in(const value& v) {
    REQUIRE(v.is_number());
    return v.number();
}

}  // namespace

TEST_CASE("the survey KPIs reproduce their worked examples", "[eval][cx]") {
    temp_dir dir;
    copy_examples(dir);
    // CSAT: wave 1 has 40 positive responses (4 or 5) of 50, wave 2 30 of 50.
    std::string csat = "id,wave,csat\n";
    for (int i = 0; i < 50; ++i) csat += "a" + std::to_string(i) + ",1," + (i < 40 ? (i % 2 ? "4" : "5") : (i % 3 ? "2" : "3")) + "\n";
    for (int i = 0; i < 50; ++i) csat += "b" + std::to_string(i) + ",2," + (i < 30 ? "4" : "1") + "\n";
    dir.write("data/csat.csv", csat);
    auto e = evaluate_text(dir, R"(
import "cx"
source nps_responses = csv("data/nps.csv")
source csat_responses = csv("data/csat.csv")
source effort = csv("data/effort.csv")
dimension wave = csat_responses.wave
metric NPS  = nps(nps_responses.score)
metric CSAT = csat(csat_responses.csat)
metric CES  = ces(effort.effort)
report r {
  table { NPS, CES }
  table by wave { CSAT }
}
)");
    INFO(e->text());
    REQUIRE(e->result.ok);
    const eval::report_result& r = e->report("r");
    // 70 % promoters and 10 % detractors -> 60.
    CHECK(number_in(cell(r, 0, {}, "NPS")) == Approx(60).epsilon(1e-12));
    // Ratings 2, 3 and 7 -> 4.
    CHECK(number_in(cell(r, 0, {}, "CES")) == 4);
    // 40 positive of 50 -> 80 %; 30 of 50 -> 60 %.
    CHECK(number_in(cell(r, 1, {"1"}, "CSAT")) == 0.8);
    CHECK(number_in(cell(r, 1, {"2"}, "CSAT")) == 0.6);
}

TEST_CASE("churn rate and CRR reproduce their worked examples", "[eval][cx]") {
    temp_dir dir;
    // Segment A: 1,000 customers at the start of May 2024; 60 of them churn in May, and 4
    // of the 10 acquired in May churn in May too (numerator, not denominator): 64 lost ->
    // 6.4 %. 50 churned in April, before the period: in neither. Segment B: 250 at the
    // start, 20 lost -> 8 %.
    std::string accounts = "id,segment,started_at,churned_at\n";
    accounts += repeat(60, 0, "A", ",A,2024-01-01,2024-05-10");
    accounts += repeat(940, 60, "A", ",A,2024-01-01,");
    accounts += repeat(4, 1000, "A", ",A,2024-05-05,2024-05-25");
    accounts += repeat(6, 1004, "A", ",A,2024-05-05,");
    accounts += repeat(50, 1010, "A", ",A,2023-06-01,2024-04-30");
    accounts += repeat(20, 0, "B", ",B,2024-02-01,2024-05-31");
    accounts += repeat(230, 20, "B", ",B,2024-02-01,");
    dir.write("data/accounts.csv", accounts);
    // CRR: 200 customers at the start of June 2024, 20 of them lost and 20 acquired in
    // June: E = 200, N = 20, S = 200 -> 90 %.
    std::string retention = "id,started_at,churned_at\n";
    retention += repeat(20, 0, "C", ",2024-01-15,2024-06-15");
    retention += repeat(180, 20, "C", ",2024-01-15,");
    retention += repeat(20, 200, "C", ",2024-06-03,");
    dir.write("data/retention.csv", retention);
    auto e = evaluate_text(dir, R"(
import "cx"
source accounts = csv("data/accounts.csv", starts: "started_at", ends: "churned_at")
source customers = csv("data/retention.csv", starts: "started_at", ends: "churned_at")
dimension month = month(accounts.started_at), month(customers.started_at)
dimension segment = accounts.segment
metric churn = churn_rate(accounts)
metric churn_b = churn_rate(accounts where accounts.segment = "B")
metric retention = crr(customers)
report r {
  table by month, segment { churn }
  table by month { churn_b, retention }
}
)");
    INFO(e->text());
    REQUIRE(e->result.ok);
    const eval::report_result& r = e->report("r");
    CHECK(number_in(cell(r, 0, {"2024-05", "A"}, "churn")) == 0.064);
    CHECK(number_in(cell(r, 0, {"2024-05", "B"}, "churn")) == 0.08);
    CHECK(number_in(cell(r, 1, {"2024-05"}, "churn_b")) == 0.08);
    CHECK(number_in(cell(r, 1, {"2024-06"}, "retention")) == 0.9);
}

TEST_CASE("the revenue KPIs reproduce their worked examples", "[eval][cx]") {
    temp_dir dir;
    copy_examples(dir);
    // MRR: 1,000 active customers paying $750 (and 100 that churned in March).
    std::string accounts = "id,status,mrr,initial_mrr,started_at,churned_at\n";
    accounts += repeat(1000, 0, "M", ",active,750,700,2024-01-01,");
    accounts += repeat(100, 1000, "M", ",churned,750,750,2024-01-01,2024-03-15");
    dir.write("data/accounts.csv", accounts);
    // APV: $10,000 over 100 orders.
    std::string purchases = "id,amount\n" + repeat(50, 0, "P", ",60") + repeat(50, 50, "P", ",140");
    dir.write("data/purchases.csv", purchases);
    auto e = evaluate_text(dir, R"(
import "cx"
param as_of: date = date(2024, 5, 31)
source accounts = csv("data/accounts.csv", starts: "started_at", ends: "churned_at")
source orders = csv("data/orders.csv")
source purchases = csv("data/purchases.csv")
source revenue = csv("data/revenue.csv")
dimension month = month(accounts.started_at)
metric MRR = mrr(accounts.mrr, accounts.status = "active")
metric expansion = expansion_mrr(accounts.mrr, accounts.initial_mrr)
metric order_value = apv(orders.amount)
metric per_month = count(orders) / distinct(orders.customer)
metric CLV_monthly = clv(order_value, per_month, 24)
metric CLV_yearly = clv(order_value, 5, 3)
metric APV = apv(purchases.amount)
metric total_revenue = sum(revenue.amount)
metric existing_revenue = sum(revenue.amount where revenue.customer_type = "existing")
metric net_new = net_new_revenue(total_revenue, existing_revenue)
report r {
  period: month
  kpis: MRR, expansion
  table { MRR, CLV_monthly, CLV_yearly, APV, net_new }
}
)");
    INFO(e->text());
    REQUIRE(e->result.ok);
    const eval::report_result& r = e->report("r");
    // 1,000 customers x $750 -> $750,000, in May (the KPI tile) and over every row.
    CHECK(number_in(tile(r, "MRR").current) == 750000);
    CHECK(number_in(cell(r, 0, {}, "MRR")) == 750000);
    // Expansion MRR in May: $50 above the base for each of the 1,000 accounts active at its end.
    CHECK(number_in(tile(r, "expansion").current) == 50000);
    // $50 x 3 a month x 24 months -> $3,600; $50 x 5 a year x 3 years -> $750.
    CHECK(number_in(cell(r, 0, {}, "CLV_monthly")) == 3600);
    CHECK(number_in(cell(r, 0, {}, "CLV_yearly")) == 750);
    // $10,000 over 100 orders -> $100.
    CHECK(number_in(cell(r, 0, {}, "APV")) == 100);
    // +$100,000 in total, $40,000 from existing customers -> $60,000.
    CHECK(number_in(cell(r, 0, {}, "net_new")) == 60000);
}

TEST_CASE("the support KPIs reproduce their worked examples", "[eval][cx]") {
    temp_dir dir;
    copy_examples(dir);
    // AWT: 500 minutes of waiting over 200 calls.
    dir.write("data/calls.csv", "id,wait\n" + repeat(100, 0, "W", ",2") + repeat(100, 100, "W", ",3"));
    auto e = evaluate_text(dir, R"(
import "cx"
source complaints = csv("data/complaints.csv")
source calls = csv("data/calls.csv")
metric resolution = avg_resolution_time(complaints.opened, complaints.resolved)
metric AWT = awt(calls.wait)
report r { table { resolution, AWT } }
)");
    INFO(e->text());
    REQUIRE(e->result.ok);
    const eval::report_result& r = e->report("r");
    // Opened on Monday, resolved on Wednesday -> 2 days (the open complaint is left out).
    CHECK(number_in(cell(r, 0, {}, "resolution")) == 2);
    // 500 minutes over 200 calls -> 2.5.
    CHECK(number_in(cell(r, 0, {}, "AWT")) == 2.5);
}

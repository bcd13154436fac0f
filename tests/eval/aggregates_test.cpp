// Aggregates by a text dimension, checked against values worked out by hand from a
// seven-row survey file: NPS, CSAT, avg, median, percentile, stdev, share, pct,
// count, distinct, min, max, where, filters, and what an empty group gives.
#include <catch2/catch.hpp>

#include "eval_support.hpp"
#include "folio/engine/eval/excel_formula.hpp"

using namespace folio;
using namespace folio::eval_test;

namespace {

// Seven responses in three regions; AMER's only score is missing.
const char* surveys_csv =
    "id,region,tier,score,csat,submitted\n"
    "1,EMEA,Gold,10,5,2024-01-31\n"
    "2,EMEA,Gold,9,4,2024-02-01\n"
    "3,EMEA,Silver,6,3,2024-02-29\n"
    "4,EMEA,Silver,8,,2024-03-01\n"
    "5,APAC,Gold,3,1,2023-11-15\n"
    "6,APAC,gold,10,5,2024-03-31\n"
    "7,AMER,Silver,,4,2024-03-15\n";

// Tickets reach a region (LATAM) that has no survey.
const char* tickets_csv =
    "ticket,region,opened,minutes,contacts\n"
    "T1,EMEA,2024-01-31 23:30,30,1\n"
    "T2,LATAM,2024-02-10 08:00,10,2\n"
    "T3,LATAM,2024-02-11 09:00,,1\n";

const char* program_text = R"(
source surveys = csv("data/surveys.csv") {
  id: text
  region: text
  tier: text
  score: number
  csat: number
  submitted: date
}
source tickets = csv("data/tickets.csv")

dimension region = surveys.region, tickets.region

filter promoters  = surveys.score >= 9
filter detractors = surveys.score <= 6

metric responses = count(surveys)
metric NPS       = pct(promoters) - pct(detractors)
metric CSAT      = share(surveys.csat >= 4)
metric avg_score = avg(surveys.score)
metric med       = median(surveys.score)
metric p25       = percentile(surveys.score, 0.25)
metric sd        = stdev(surveys.score)
metric low       = min(surveys.score)
metric high      = max(surveys.score)
metric tiers     = distinct(surveys.tier)
metric gold      = count(surveys where surveys.tier = "Gold")
metric gold_sum  = sum(surveys.score where surveys.tier = "gold")
metric answered  = count(surveys.score)
metric promoted  = count(promoters)
metric FRT       = avg(tickets.minutes)
metric FCR       = share(tickets.contacts = 1)
metric tickets_n = count(tickets)
metric fast      = pct(tickets.minutes < 20)

report scores {
  table by region { responses, NPS, CSAT, avg_score, med, p25, sd, low, high }
}
report counts {
  table by region { tiers, gold, gold_sum, answered, promoted }
}
report both {
  table by region { responses, NPS, FRT, FCR, tickets_n, fast }
}
)";

struct fixture {
    temp_dir dir;
    std::unique_ptr<evaluation> e;
    fixture() {
        dir.write("data/surveys.csv", surveys_csv);
        dir.write("data/tickets.csv", tickets_csv);
        e = evaluate_text(dir, program_text);
    }
    const eval::report_result& r(const std::string& name = "scores") const { return e->report(name); }
};

}  // namespace

TEST_CASE("aggregates by a text dimension", "[eval]") {
    fixture f;
    REQUIRE(f.e->text() == "");
    REQUIRE(f.e->result.ok);
    const eval::report_result& r = f.r();
    CHECK(row_labels(r, 0) == std::vector<std::string>{"AMER", "APAC", "EMEA"});

    // EMEA: scores 10, 9, 6, 8; csat 5, 4, 3, blank.
    CHECK(cell(r, 0, {"EMEA"}, "responses") == value(4.0));
    CHECK(cell(r, 0, {"EMEA"}, "NPS") == value(25.0));           // 100 * 2/4 - 100 * 1/4
    CHECK(cell(r, 0, {"EMEA"}, "CSAT") == value(0.5));           // a blank csat is not >= 4
    CHECK(cell(r, 0, {"EMEA"}, "avg_score") == value(8.25));
    CHECK(cell(r, 0, {"EMEA"}, "med") == value(8.5));            // (8 + 9) / 2
    CHECK(cell(r, 0, {"EMEA"}, "p25") == value(7.5));            // rank 0.75: 6 + 0.75 * (8 - 6)
    CHECK(cell(r, 0, {"EMEA"}, "sd").number() == Approx(1.707825127659933).epsilon(1e-15));  // sqrt(8.75 / 3)
    CHECK(cell(r, 0, {"EMEA"}, "low") == value(6.0));
    CHECK(cell(r, 0, {"EMEA"}, "high") == value(10.0));

    // APAC: scores 3, 10.
    CHECK(cell(r, 0, {"APAC"}, "NPS") == value(0.0));
    CHECK(cell(r, 0, {"APAC"}, "avg_score") == value(6.5));
    CHECK(cell(r, 0, {"APAC"}, "med") == value(6.5));
    CHECK(cell(r, 0, {"APAC"}, "p25") == value(4.75));           // 3 + 0.25 * 7
    CHECK(cell(r, 0, {"APAC"}, "sd").number() == Approx(4.949747468305833).epsilon(1e-15));  // sqrt(24.5)

    // AMER: one response without a score. Blanks are left out, so the order statistics
    // have nothing to work on (as AVERAGE, MEDIAN, PERCENTILE.INC, STDEV.S, MIN of no numbers).
    CHECK(cell(r, 0, {"AMER"}, "responses") == value(1.0));
    CHECK(cell(r, 0, {"AMER"}, "NPS") == value(0.0));            // a blank score is neither
    CHECK(cell(r, 0, {"AMER"}, "CSAT") == value(1.0));
    CHECK(cell(r, 0, {"AMER"}, "avg_score") == value(error_code::div0));
    CHECK(cell(r, 0, {"AMER"}, "med") == value(error_code::num));
    CHECK(cell(r, 0, {"AMER"}, "p25") == value(error_code::num));
    CHECK(cell(r, 0, {"AMER"}, "sd") == value(error_code::div0));
    CHECK(cell(r, 0, {"AMER"}, "low") == value(error_code::num));
    CHECK(cell(r, 0, {"AMER"}, "high") == value(error_code::num));
}

TEST_CASE("distinct, count and sum with where and filters", "[eval]") {
    fixture f;
    REQUIRE(f.e->result.ok);
    const eval::report_result& r = f.r("counts");
    // Text is distinct exactly ("Gold" and "gold" are two values); `=` is case-insensitive, as in Excel.
    CHECK(cell(r, 0, {"APAC"}, "tiers") == value(2.0));
    CHECK(cell(r, 0, {"EMEA"}, "tiers") == value(2.0));
    CHECK(cell(r, 0, {"APAC"}, "gold") == value(2.0));
    CHECK(cell(r, 0, {"EMEA"}, "gold") == value(2.0));
    CHECK(cell(r, 0, {"APAC"}, "gold_sum") == value(13.0));
    CHECK(cell(r, 0, {"EMEA"}, "gold_sum") == value(19.0));
    CHECK(cell(r, 0, {"AMER"}, "gold_sum") == value(0.0));       // a sum of nothing is 0
    CHECK(cell(r, 0, {"AMER"}, "answered") == value(0.0));       // count(col): non-blank values
    CHECK(cell(r, 0, {"EMEA"}, "answered") == value(4.0));
    CHECK(cell(r, 0, {"EMEA"}, "promoted") == value(2.0));
}

TEST_CASE("metrics over two sources by a conformed dimension", "[eval]") {
    fixture f;
    REQUIRE(f.e->result.ok);
    const eval::report_result& r = f.r("both");
    // LATAM has tickets but no survey: its survey metrics are empty groups.
    CHECK(row_labels(r, 0) == std::vector<std::string>{"AMER", "APAC", "EMEA", "LATAM"});
    CHECK(cell(r, 0, {"LATAM"}, "responses") == value(0.0));
    CHECK(cell(r, 0, {"LATAM"}, "NPS") == value(error_code::div0));  // share of nothing
    CHECK(cell(r, 0, {"LATAM"}, "FRT") == value(10.0));              // the blank minutes are left out
    CHECK(cell(r, 0, {"LATAM"}, "FCR") == value(0.5));
    CHECK(cell(r, 0, {"LATAM"}, "tickets_n") == value(2.0));
    CHECK(cell(r, 0, {"LATAM"}, "fast") == value(50.0));             // a blank is not < 20
    CHECK(cell(r, 0, {"EMEA"}, "FRT") == value(30.0));
    CHECK(cell(r, 0, {"AMER"}, "FRT") == value(error_code::div0));
    CHECK(cell(r, 0, {"AMER"}, "FCR") == value(error_code::div0));
    CHECK(cell(r, 0, {"AMER"}, "tickets_n") == value(0.0));
}

TEST_CASE("base aggregates are shared and kept in each context", "[eval]") {
    fixture f;
    REQUIRE(f.e->result.ok);
    const eval::program_result& p = f.e->result;
    // NPS and CSAT share the row count; count(promoters) is the values base of pct(promoters).
    std::vector<std::string> texts;
    for (const eval::base_aggregate& b : p.aggregates) texts.push_back(b.text);
    CHECK(std::count(texts.begin(), texts.end(), "count(surveys)") == 1);
    CHECK(std::count(texts.begin(), texts.end(), "count(promoters)") == 1);
    const eval::report_result& r = f.r();
    const eval::table_row& emea = r.tables[0].rows[2];
    REQUIRE(emea.dims[0].label == "EMEA");
    std::vector<std::pair<std::string, value>> bases;
    for (const auto& [b, v] : emea.context.bases) bases.emplace_back(p.aggregates[b].text, v);
    CHECK(std::find(bases.begin(), bases.end(), std::pair<std::string, value>{"count(surveys)", value(4.0)}) != bases.end());
    CHECK(std::find(bases.begin(), bases.end(), std::pair<std::string, value>{"count(promoters)", value(2.0)}) != bases.end());
    CHECK(std::find(bases.begin(), bases.end(), std::pair<std::string, value>{"sum(surveys.score)", value(33.0)}) != bases.end());
    CHECK(std::find(bases.begin(), bases.end(), std::pair<std::string, value>{"numbers(surveys.score)", value(4.0)}) != bases.end());
}

TEST_CASE("metric formulas as Excel formulas over the base aggregates", "[eval]") {
    fixture f;
    REQUIRE(f.e->result.ok);
    const eval::program_result& p = f.e->result;
    const eval::report_result& r = f.r();
    const eval::base_cell cell = [&](std::size_t b, int back) {
        return "[" + p.aggregates[b].text + (back > 0 ? " before" : "") + "]";
    };
    auto formula = [&](const std::string& metric) {
        for (const eval::metric_info& m : r.metrics)
            if (m.name == metric) return eval::excel_formula(f.e->model, p, *m.formula, cell);
        return std::string("no metric");
    };
    CHECK(formula("NPS") == "(100*([count(promoters)]/[count(surveys)])-100*([count(detractors)]/[count(surveys)]))");
    CHECK(formula("avg_score") == "(([sum(surveys.score)]/[numbers(surveys.score)]))");
    CHECK(formula("p25") == "([percentile(surveys.score, 0.25)])");
    CHECK(formula("CSAT") == "(([count(surveys.csat >= 4)]/[count(surveys)]))");
}

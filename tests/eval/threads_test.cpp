// A report evaluated with one thread and with several gives the same numbers (sums,
// averages, medians, percentiles, stdev, min, max, distinct, shares), the same skipped
// rows and the same data errors with the same rows: the CSV is read in chunks on several
// threads, but the rows reach the aggregates in file order.
#include <catch2/catch.hpp>

#include <cmath>
#include <map>

#include "eval_support.hpp"

using namespace folio;
using namespace folio::eval_test;

namespace {

const char* program_text = R"(
source surveys = csv("data/surveys.csv"%OPTIONS%) {
  id: text
  region: text
  submitted: date
  score: number
  csat: number
  minutes: number
  mrr: number
  status: text
  tier: text
}

dimension region = surveys.region
dimension month  = month(surveys.submitted)

filter promoters  = surveys.score >= 9
filter detractors = surveys.score <= 6

metric responses = count(surveys)
metric NPS  = pct(promoters) - pct(detractors)
metric CSAT = share(surveys.csat >= 4)
metric FRT  = avg(surveys.minutes)
metric MRR  = sum(surveys.mrr where surveys.status = "active")
metric med  = median(surveys.minutes)
metric p90  = percentile(surveys.minutes, 0.9)
metric sd   = stdev(surveys.mrr)
metric low  = min(surveys.mrr)
metric high = max(surveys.mrr)
metric ids  = distinct(surveys.id)
metric tiers = distinct(surveys.tier)

report r {
  table by region, month { responses, NPS, CSAT, FRT, MRR, med, p90, sd, low, high, ids, tiers }
  table { responses, MRR, sd, ids }
}
)";

struct survey_data {
    std::string text;
    std::map<std::string, int> responses;  // per region, computed while writing
    double active_mrr = 0;                 // over every row
};

// 30,000 surveys (about 1.6 MB: chunks of 25-100 KB) with quoted comments across lines,
// empty values and a few ids repeated.
survey_data surveys(int rows) {
    static const char* regions[] = {"EMEA", "APAC", "AMER", "LATAM"};
    static const char* tiers[] = {"Gold", "Silver", "Bronze"};
    survey_data d;
    d.text = "id,comment,region,submitted,score,csat,minutes,mrr,status,tier\n";
    std::uint64_t x = 12345;
    auto next = [&x](std::uint64_t n) {
        x = x * 6364136223846793005ull + 1442695040888963407ull;
        return (x >> 33) % n;
    };
    for (int i = 0; i < rows; ++i) {
        const std::string region = regions[next(4)];
        ++d.responses[region];
        const std::uint64_t cents = 1000 + next(500000);
        const bool active = next(5) != 0;
        if (active) d.active_mrr += static_cast<double>(cents) / 100;
        d.text += "S" + std::to_string(i % 29000) + ",";
        d.text += i % 9 == 0 ? "\"multi\nline, \"\"quoted\"\"\"" : "ok";
        d.text += "," + region + ",2024-" + std::to_string(10 + next(3)) + "-" + std::to_string(10 + next(18)) + ",";
        d.text += std::to_string(next(11)) + ",";
        d.text += (i % 17 == 0 ? std::string() : std::to_string(1 + next(5))) + ",";
        d.text += (i % 23 == 0 ? std::string() : std::to_string(next(100000) / 10.0).substr(0, 6)) + ",";
        d.text += std::to_string(cents / 100) + "." + (cents % 100 < 10 ? "0" : "") + std::to_string(cents % 100) + ",";
        d.text += active ? "active," : "churned,";
        d.text += tiers[next(3)];
        d.text += "\n";
    }
    return d;
}

std::unique_ptr<evaluation> evaluate_with(const temp_dir& dir, const std::string& options, std::size_t threads) {
    std::string text = program_text;
    text.replace(text.find("%OPTIONS%"), 9, options);
    eval::evaluate_options o;
    o.threads = threads;
    return evaluate_text(dir, text, o);
}

}  // namespace

TEST_CASE("one thread and several give the same aggregates", "[eval]") {
    temp_dir dir;
    const survey_data data = surveys(30000);
    dir.write("data/surveys.csv", data.text);
    const auto one = evaluate_with(dir, "", 1);
    REQUIRE(one->text() == "");
    const eval::report_result& r1 = one->report("r");
    REQUIRE(r1.tables.size() == 2);
    CHECK(r1.tables[0].rows.size() == 12);  // 4 regions × 3 months
    CHECK(row_labels(r1, 0).front() == "AMER|2024-10");
    for (const auto& [region, n] : data.responses) {
        double total = 0;
        for (const char* month : {"2024-10", "2024-11", "2024-12"}) total += cell(r1, 0, {region, month}, "responses").number();
        CHECK(total == n);
    }
    const value mrr = cell(r1, 1, {}, "MRR");
    REQUIRE(mrr.is_number());
    CHECK(std::abs(mrr.number() - data.active_mrr) <= 1e-9 * data.active_mrr);
    CHECK(cell(r1, 1, {}, "ids") == value(29000.0));

    for (std::size_t threads : {2, 3, 7}) {
        INFO(threads << " threads");
        const auto many = evaluate_with(dir, "", threads);
        REQUIRE(many->text() == "");
        const eval::report_result& r = many->report("r");
        for (std::size_t t = 0; t < 2; ++t) {
            REQUIRE(row_labels(r, t) == row_labels(r1, t));
            for (std::size_t row = 0; row < r.tables[t].rows.size(); ++row) {
                const auto& a = r1.tables[t].rows[row].values;
                const auto& b = r.tables[t].rows[row].values;
                REQUIRE(a.size() == b.size());
                for (std::size_t m = 0; m < a.size(); ++m) {
                    INFO("table " << t << ", row " << row << ", metric " << m);
                    REQUIRE(a[m].is_number() == b[m].is_number());
                    if (a[m].is_number())
                        CHECK(std::abs(a[m].number() - b[m].number()) <= 1e-12 * std::abs(a[m].number()));
                    else
                        CHECK(a[m] == b[m]);
                }
            }
        }
        REQUIRE(many->result.sources.size() == 1);
        CHECK(many->result.sources[0].rows == 30000);
    }
}

TEST_CASE("one thread and several skip the same rows and report the same errors", "[eval]") {
    temp_dir dir;
    survey_data data = surveys(20000);
    // Bad values spread over the file: a score, a date, a record with a field missing.
    std::string& text = data.text;
    const std::size_t a = text.find("\nS5000,") + 1;
    text.replace(text.find(",2024-", a), 6, ",2O24-");
    const std::size_t b = text.find("\nS12000,") + 1;
    text.insert(text.find('\n', b), ",extra");
    const std::size_t c = text.find("\nS18000,") + 1;
    text.replace(text.find(",active,", c) - 3, 1, "x");
    dir.write("data/surveys.csv", text);

    const auto serial = evaluate_with(dir, ", on_error: \"skip\"", 1);
    REQUIRE(serial->result.ok);
    REQUIRE(serial->result.sources.size() == 1);
    CHECK(serial->result.sources[0].skipped_rows == 3);
    CHECK(serial->result.sources[0].rows == 19997);
    const std::string failed = evaluate_with(dir, "", 1)->text();
    // S5000 is on line 5002 plus the 556 comments above it that span two lines, and is row 5002.
    const std::size_t bad_date = text.find(",2O24-") + 1;
    CHECK(failed == "data/surveys.csv:5558:" + std::to_string(bad_date - a + 1) +
                        ": error: column 'submitted' expects a date, found '" + text.substr(bad_date, 10) +
                        "' (row 5002, counting the header as row 1)\n");
    for (std::size_t threads : {2, 3, 7}) {
        INFO(threads << " threads");
        const auto skipped = evaluate_with(dir, ", on_error: \"skip\"", threads);
        REQUIRE(skipped->result.ok);
        CHECK(skipped->result.sources[0].skipped_rows == 3);
        CHECK(skipped->result.sources[0].rows == 19997);
        CHECK(skipped->result.sources[0].warning == serial->result.sources[0].warning);
        CHECK(cell(skipped->report("r"), 1, {}, "MRR") == cell(serial->report("r"), 1, {}, "MRR"));
        CHECK(evaluate_with(dir, "", threads)->text() == failed);
    }
}

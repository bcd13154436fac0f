// The checked model: what evaluation and the renderers will read. The language.md
// example checks cleanly and binds as described; `extends` resolution, imports with
// and without an alias, def inlining, aggregates and Excel functions.
#include <catch2/catch.hpp>

#include <algorithm>

#include "check_support.hpp"

using namespace folio::report;

namespace {

std::size_t index_of_source(const checked_program& model, std::string_view name) {
    const source* s = model.find_source(name);
    REQUIRE(s != nullptr);
    return static_cast<std::size_t>(s - model.sources.data());
}

std::size_t index_of_dimension(const checked_program& model, std::string_view name) {
    const dimension* d = model.find_dimension(name);
    REQUIRE(d != nullptr);
    return static_cast<std::size_t>(d - model.dimensions.data());
}

bool references_column(const source& s, std::string_view column) {
    return std::any_of(s.referenced_columns.begin(), s.referenced_columns.end(),
                       [&](const folio::report::column& c) { return c.name == column; });
}

}  // namespace

TEST_CASE("model: the language.md example checks with no errors and no warnings", "[report_check][model]") {
    auto result = folio::test::check_file(folio::test::cases_dir() / "language_example.folio");
    INFO(result->text());
    CHECK(result->diagnostics.items().empty());
    CHECK(result->model.ok);
}

TEST_CASE("model: the examples/customer-health report checks cleanly", "[report_check][model]") {
    const auto path = folio::test::source_dir() / "examples" / "customer-health" / "report.folio";
    if (!std::filesystem::exists(path)) return;
    auto result = folio::test::check_file(path);
    INFO(result->text());
    CHECK(result->diagnostics.items().empty());
}

TEST_CASE("model: sources, dimensions, metrics and reports of the language.md example", "[report_check][model]") {
    auto result = folio::test::check_file(folio::test::cases_dir() / "language_example.folio");
    const checked_program& model = result->model;
    REQUIRE(model.ok);
    const std::size_t surveys = index_of_source(model, "surveys");
    const std::size_t tickets = index_of_source(model, "tickets");
    const std::size_t accounts = index_of_source(model, "accounts");

    SECTION("params") {
        const param* as_of = model.find_param("as_of");
        REQUIRE(as_of != nullptr);
        CHECK(as_of->type == value_type::date);
        CHECK(as_of->has_default);
        CHECK(as_of->default_value.kind == expr_kind::function);
        CHECK(as_of->default_value.text == "DATE");
    }
    SECTION("sources: a schema block, or a schema read with the data") {
        const source& s = model.sources[surveys];
        CHECK(s.kind == source_kind::csv);
        CHECK(s.schema_known);
        CHECK(s.columns.size() == 9);
        CHECK(s.columns[2].name == "submitted_at");
        CHECK(s.columns[2].type == value_type::date);
        CHECK(s.resolved_path.filename() == "surveys.csv");
        const source& t = model.sources[tickets];
        CHECK(t.kind == source_kind::sqlite);
        CHECK(t.table == "tickets");
        CHECK_FALSE(t.schema_known);
        CHECK(references_column(t, "first_response_minutes"));
        CHECK(references_column(t, "opened_at"));
        CHECK_FALSE(model.sources[accounts].schema_known);
    }
    SECTION("dimensions: conformed columns and time grains") {
        const dimension& month = model.dimensions[index_of_dimension(model, "month")];
        CHECK(month.grain == time_grain::month);
        REQUIRE(month.columns.size() == 2);
        CHECK(month.columns[0].source == surveys);
        CHECK(month.columns[0].column == "submitted_at");
        CHECK(month.columns[1].source == tickets);
        CHECK(month.columns[1].grain == time_grain::month);
        const dimension& region = model.dimensions[index_of_dimension(model, "region")];
        CHECK(region.grain == time_grain::none);
        CHECK(region.columns.size() == 3);
        const dimension& manager = model.dimensions[index_of_dimension(model, "manager")];
        CHECK(std::find(manager.candidate_names.begin(), manager.candidate_names.end(), "account_manager") !=
              manager.candidate_names.end());
    }
    SECTION("filters read one source") {
        const filter* promoters = model.find_filter("promoters");
        REQUIRE(promoters != nullptr);
        CHECK(promoters->source == surveys);
        CHECK(promoters->condition.type == value_type::boolean);
    }
    SECTION("metrics: the source each aggregate reads, types and options") {
        const metric* nps = model.find_metric("NPS");
        REQUIRE(nps != nullptr);
        CHECK(nps->sources == std::vector<std::size_t>{surveys});
        CHECK(nps->type == value_type::number);
        CHECK(nps->label == "Net Promoter Score");
        CHECK(nps->format == "0");
        CHECK(nps->has_target);
        CHECK(nps->target.number == 40);
        CHECK(nps->better == better_direction::higher);
        REQUIRE(nps->formula.kind == expr_kind::binary);
        const expr& left = nps->formula.children[0];
        CHECK(left.kind == expr_kind::aggregate);
        CHECK(left.aggregate == aggregate_kind::pct);
        CHECK(left.source == surveys);
        CHECK(left.children[0].kind == expr_kind::filter);

        const metric* frt = model.find_metric("FRT");
        REQUIRE(frt != nullptr);
        CHECK(frt->sources == std::vector<std::size_t>{tickets});
        CHECK(frt->unit == "min");
        CHECK(frt->better == better_direction::lower);

        const metric* mrr = model.find_metric("MRR");
        REQUIRE(mrr != nullptr);
        CHECK(mrr->sources == std::vector<std::size_t>{accounts});
        CHECK(mrr->formula.aggregate == aggregate_kind::sum);
        CHECK(mrr->formula.children[0].kind == expr_kind::column);
        CHECK(mrr->formula.children[1].kind == expr_kind::binary);  // where accounts.status = "active"

        const metric* responses = model.find_metric("responses");
        REQUIRE(responses != nullptr);
        CHECK(responses->formula.aggregate == aggregate_kind::count);
        CHECK(responses->formula.children[0].kind == expr_kind::none);
        CHECK(responses->formula.source == surveys);
    }
    SECTION("charts") {
        const chart* trend = model.find_chart("nps_trend");
        REQUIRE(trend != nullptr);
        CHECK(trend->type == chart_type::line);
        CHECK(trend->by == std::vector<std::size_t>{index_of_dimension(model, "month")});
        CHECK(trend->series == index_of_dimension(model, "region"));
        REQUIRE(trend->metrics.size() == 1);
        CHECK(trend->metrics[0].metric == static_cast<std::size_t>(model.find_metric("NPS") - model.metrics.data()));
    }
    SECTION("reports: settings and blocks in order") {
        const report* executive = model.find_report("executive");
        REQUIRE(executive != nullptr);
        CHECK(executive->title.value == "Customer health");
        CHECK(executive->period.set);
        CHECK(executive->period.value.dimension == index_of_dimension(model, "month"));
        CHECK(executive->period.value.grain == time_grain::month);
        CHECK(executive->outputs.value == std::vector<output_format>{output_format::xlsx, output_format::html});
        REQUIRE(executive->blocks.size() == 3);
        CHECK(executive->blocks[0].kind == block_kind::kpis);
        CHECK(executive->blocks[0].metrics.size() == 4);
        CHECK(executive->blocks[1].kind == block_kind::chart);
        CHECK(executive->blocks[2].kind == block_kind::table);
        CHECK(executive->blocks[2].by == std::vector<std::size_t>{index_of_dimension(model, "region")});
        const report* analyst = model.find_report("analyst");
        REQUIRE(analyst != nullptr);
        REQUIRE(analyst->blocks.size() == 2);
        CHECK(analyst->blocks[1].kind == block_kind::data);
        CHECK(analyst->blocks[1].source == surveys);
        CHECK(analyst->outputs.value.size() == 3);
    }
    SECTION("expects") {
        REQUIRE(model.expects.size() == 1);
        CHECK(model.expects[0].between);
        CHECK(model.expects[0].subject.kind == expr_kind::metric);
    }
}

TEST_CASE("model: a report that extends another gets its blocks, and redefined blocks replace them",
          "[report_check][model]") {
    auto result = folio::test::check_text("extends.folio", R"(source s = csv("s.csv") {
  region: text
  tier: text
  score: number
}
dimension region = s.region
dimension tier = s.tier
metric a = avg(s.score)
metric b = sum(s.score)
metric c = count(s)
chart by_region = column(a by region)

report base {
  title: "Base"
  output: xlsx, html
  kpis: a, b
  table by region { a }
  chart by_region
  text "The end."
}

report child extends base {
  title: "Child"
  table by region { b, c }
  table by tier { a }
}
)");
    INFO(result->text());
    REQUIRE(result->model.ok);
    const report* child = result->model.find_report("child");
    REQUIRE(child != nullptr);
    CHECK(child->extends == static_cast<std::size_t>(result->model.find_report("base") - result->model.reports.data()));
    CHECK(child->title.value == "Child");
    CHECK(child->outputs.value.size() == 2);  // inherited
    REQUIRE(child->blocks.size() == 5);
    CHECK(child->blocks[0].kind == block_kind::kpis);
    CHECK(child->blocks[1].kind == block_kind::table);  // replaced in place
    CHECK(child->blocks[1].metrics.size() == 2);
    CHECK(child->blocks[1].metrics[0].text == "b");
    CHECK(child->blocks[2].kind == block_kind::chart);
    CHECK(child->blocks[3].kind == block_kind::text);
    CHECK(child->blocks[4].kind == block_kind::table);  // appended
    CHECK(child->blocks[4].metrics[0].text == "a");
    CHECK(child->blocks[1].declared_in != child->blocks[0].declared_in);
}

TEST_CASE("model: imports with and without an alias; defs are inlined", "[report_check][model]") {
    auto result = folio::test::check_text("imports.folio", R"(import "cx"
import "acme/brand" as acme

source surveys = csv("surveys.csv") {
  score: number
  region: text
}
dimension region = surveys.region

metric NPS = nps(surveys.score)
metric acme_nps = acme.nps_of(surveys.score)
metric rounded = round(NPS, 1)

report mine extends acme.executive {
  title: "Mine"
  table by region { NPS, acme_nps, rounded }
}
)");
    INFO(result->text());
    REQUIRE(result->model.ok);
    const checked_program& model = result->model;
    const metric* nps = model.find_metric("NPS");
    REQUIRE(nps != nullptr);
    REQUIRE(nps->formula.kind == expr_kind::def_call);
    CHECK(model.defs[nps->formula.index].name == "nps");
    CHECK(model.defs[nps->formula.index].parameters == std::vector<std::string>{"score"});
    const expr& body = nps->formula.children.at(0);
    CHECK(body.kind == expr_kind::binary);
    CHECK(body.children[0].kind == expr_kind::aggregate);
    CHECK(body.children[0].source == index_of_source(model, "surveys"));
    CHECK(nps->sources == std::vector<std::size_t>{index_of_source(model, "surveys")});

    const metric* acme_nps = model.find_metric("acme_nps");
    REQUIRE(acme_nps != nullptr);
    CHECK(model.defs[acme_nps->formula.index].qualified_name == "acme.nps_of");

    const metric* rounded = model.find_metric("rounded");
    REQUIRE(rounded != nullptr);
    CHECK(rounded->formula.kind == expr_kind::function);
    CHECK(rounded->formula.text == "ROUND");
    CHECK(rounded->formula.function != nullptr);

    CHECK(model.find_metric("acme.avg_visit") != nullptr);
    const report* mine = model.find_report("mine");
    REQUIRE(mine != nullptr);
    CHECK(mine->title.value == "Mine");
    CHECK(mine->subtitle.value == "Prepared by Acme Analytics");
    REQUIRE(mine->blocks.size() == 2);
    CHECK(mine->blocks[0].kind == block_kind::kpis);
    CHECK(mine->blocks[0].metrics[0].metric ==
          static_cast<std::size_t>(model.find_metric("acme.avg_visit") - model.metrics.data()));
    CHECK(mine->blocks[1].kind == block_kind::table);
}

TEST_CASE("model: the stdlib cx library checks cleanly on its own", "[report_check][model]") {
    auto result = folio::test::check_file(folio::test::source_dir() / "stdlib" / "cx.folio");
    INFO(result->text());
    CHECK(result->diagnostics.items().empty());
    CHECK(result->model.defs.size() >= 20);
}

TEST_CASE("model: every cx def expands over a source without errors", "[report_check][model]") {
    auto result = folio::test::check_text("cx_all.folio", R"(import "cx"
param weight: number = 2
source r = csv("rows.csv") {
  score: number
  contacts: number
  minutes: number
  opened: date
  resolved: date
  flag: bool
  other: bool
  user: text
  region: text
}
dimension region = r.region
metric m_nps = nps(r.score)
metric m_csat = csat(r.score)
metric m_csat_at = csat_at(r.score, 8)
metric m_ces = ces(r.score)
metric m_fcr = fcr(r.contacts)
metric m_frt = frt(r.minutes)
metric m_art = avg_response_time(r.minutes)
metric m_res = avg_resolution_time(r.opened, r.resolved)
metric m_awt = awt(r.minutes)
metric m_feedback = feedback_response_rate(r.flag)
metric m_iqs = iqs(r.score, r.minutes)
metric m_mrr = mrr(r.minutes, r.region = "EU")
metric m_renewal = renewal_rate(r.flag, r.other)
metric m_upsell = upsell_rate(r.flag)
metric m_apv = apv(r.minutes)
metric m_clv = clv(m_apv, 3, 24)
metric m_hclv = historical_clv(r.minutes, 0.25)
metric m_crc = crc(sum(r.minutes), count(r))
metric m_cac = cac(sum(r.minutes), count(r where r.flag))
metric m_nnr = net_new_revenue(m_mrr, 100)
metric m_conv = conversion_rate(r.flag)
metric m_win = win_rate(r.flag, r.other)
metric m_cycle = sales_cycle_days(r.opened, r.resolved)
metric m_active = active_users(r.user)
metric m_health = health_score(m_csat, m_nps / 100, m_fcr, m_upsell, 4, 3, weight, 1)
report all {
  table by region { m_nps, m_csat, m_csat_at, m_ces, m_fcr, m_frt, m_art, m_res, m_awt, m_feedback, m_iqs, m_mrr, m_renewal, m_upsell, m_clv, m_hclv, m_crc, m_cac, m_nnr, m_conv, m_win, m_cycle, m_active, m_health }
}
)");
    INFO(result->text());
    CHECK(result->diagnostics.items().empty());
}

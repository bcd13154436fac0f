// The report grammar, construct by construct: each case parses a few declarations and
// compares the printed tree (report_dump.hpp). The whole sketch of language.md parses
// without a diagnostic, and spans point where the text is.
#include <catch2/catch.hpp>
#include <tao/pegtl/contrib/analyze.hpp>

#include "../../dsl/report_grammar.hpp"
#include "report_dump.hpp"

using folio::test::parse;
using folio::test::parsed;

namespace {

// The example of /work/shared/design/language.md ("A whole report"), verbatim.
const char* const sketch = R"folio(// examples/customer-health/report.folio
// One definition, three audiences.
import "cx"                          // stdlib KPI library: nps(), csat(), churn_rate(), ...

theme "themes/acme.toml"

param as_of: date = date(2024, 12, 31)

source surveys = csv("data/surveys.csv") {
  response_id: text
  account_id: text
  submitted_at: date
  region: text
  account_manager: text
  tier: text
  score: number            // 0-10, "How likely are you to recommend us?"
  csat: number             // 1-5
  comment: text
}
source tickets  = sqlite("data/support.db", table: "tickets")   // schema read from the table
source accounts = csv("data/accounts.csv")                        // schema inferred from the data

// A dimension is conformed: it names the column that carries it in each source.
dimension region  = surveys.region, tickets.region, accounts.region
dimension manager = surveys.account_manager, accounts.account_manager
dimension tier    = surveys.tier, tickets.tier, accounts.tier
dimension month   = month(surveys.submitted_at), month(tickets.opened_at)

filter promoters  = surveys.score >= 9
filter detractors = surveys.score <= 6

metric NPS = pct(promoters) - pct(detractors) {
  label: "Net Promoter Score"
  format: "0"
  target: 40
  better: higher
}
metric CSAT  = share(surveys.csat >= 4)                { format: "0.0%" }
metric FRT   = avg(tickets.first_response_minutes)     { format: "0.0", unit: "min", better: lower }
metric FCR   = share(tickets.contacts = 1)             { format: "0%" }
metric MRR   = sum(accounts.mrr where accounts.status = "active") { format: "$#,##0" }
metric responses = count(surveys)

chart nps_trend   = line(NPS by month, series: region)
chart csat_region = column(CSAT by region)

report executive {
  title: "Customer health"
  period: month                      // KPI tiles show the last month up to as_of, vs the month before
  kpis: NPS, CSAT, FRT, MRR
  chart nps_trend
  table by region { NPS, CSAT, FRT }
  output: xlsx, html
}

report manager {
  title: "Accounts by region and manager"
  table by region, manager { NPS, CSAT, FRT, FCR, responses }
  chart csat_region
  output: xlsx, html
}

report analyst {
  title: "Operational detail"
  table by month, tier { NPS, CSAT, FRT, FCR, responses }
  data surveys                        // the raw rows, as a sheet / appendix table
  output: xlsx, html, json
}

expect NPS between -100 and 100      // checked on every render; a failure is reported, not hidden
)folio";

const char* const sketch_tree =
    R"(import "cx"
theme "themes/acme.toml"
param as_of: date = DATE(2024,12,31)
source surveys = csv("data/surveys.csv") {response_id: text, account_id: text, submitted_at: date, region: text, account_manager: text, tier: text, score: number, csat: number, comment: text}
source tickets = sqlite("data/support.db"; table: "tickets")
source accounts = csv("data/accounts.csv")
dimension region = surveys.region, tickets.region, accounts.region
dimension manager = surveys.account_manager, accounts.account_manager
dimension tier = surveys.tier, tickets.tier, accounts.tier
dimension month = MONTH(surveys.submitted_at), MONTH(tickets.opened_at)
filter promoters = (surveys.score>=9)
filter detractors = (surveys.score<=6)
metric NPS = (PCT(promoters)-PCT(detractors)) {label: "Net Promoter Score"; format: "0"; target: 40; better: higher}
metric CSAT = SHARE((surveys.csat>=4)) {format: "0.0%"}
metric FRT = AVG(tickets.first_response_minutes) {format: "0.0"; unit: "min"; better: lower}
metric FCR = SHARE((tickets.contacts=1)) {format: "0%"}
metric MRR = SUM(accounts.mrr where (accounts.status="active")) {format: "$#,##0"}
metric responses = COUNT(surveys)
chart nps_trend = line(NPS by month; series: region)
chart csat_region = column(CSAT by region)
report executive {title: "Customer health" | period: month | kpis: NPS, CSAT, FRT, MRR | chart nps_trend | table by region {NPS, CSAT, FRT} | output: xlsx, html}
report manager {title: "Accounts by region and manager" | table by region, manager {NPS, CSAT, FRT, FCR, responses} | chart csat_region | output: xlsx, html}
report analyst {title: "Operational detail" | table by month, tier {NPS, CSAT, FRT, FCR, responses} | data surveys | output: xlsx, html, json}
expect NPS between neg(100) and 100
)";

}  // namespace

TEST_CASE("the report grammar has no rule that can loop without progress", "[report_parser]") {
    CHECK(tao::pegtl::analyze<folio::dsl::report_grammar::module>() == 0);
}

TEST_CASE("the sketch of language.md parses without a diagnostic", "[report_parser]") {
    auto r = parse(sketch);
    CHECK(format_text(r.diagnostics).empty());
    CHECK(folio::test::dump(r.module) == sketch_tree);
    CHECK(r.module.declarations.size() == 24);
    CHECK(r.module.comments.size() == 11);
}

TEST_CASE("import and theme", "[report_parser]") {
    CHECK(parsed("import \"cx\"") == "import \"cx\"");
    CHECK(parsed("import \"acme/brand\" as acme") == "import \"acme/brand\" as acme");
    CHECK(parsed("import   \"a \"\"q\"\"\"   as   b   // c") == "import \"a \"q\"\" as b");
    CHECK(parsed("theme \"themes/acme.toml\"") == "theme \"themes/acme.toml\"");
}

TEST_CASE("param", "[report_parser]") {
    CHECK(parsed("param as_of: date = date(2024, 12, 31)") == "param as_of: date = DATE(2024,12,31)");
    CHECK(parsed("param region_name: text") == "param region_name: text");
    CHECK(parsed("param threshold : number = 9") == "param threshold: number = 9");
    CHECK(parsed("param limit: number =\n  10 * 2") == "param limit: number = (10*2)");
}

TEST_CASE("source with arguments, options and a schema", "[report_parser]") {
    CHECK(parsed("source s = csv(\"a.csv\")") == "source s = csv(\"a.csv\")");
    CHECK(parsed("source s = csv(\"a.csv\", delimiter: \";\", header: TRUE)") ==
          "source s = csv(\"a.csv\"; delimiter: \";\"; header: TRUE)");
    CHECK(parsed("source t = sqlite(\"db.sqlite\", table: \"tickets\")") == "source t = sqlite(\"db.sqlite\"; table: \"tickets\")");
    CHECK(parsed("source p = postgres(\n  \"host=x\",\n  query: \"select 1\"\n)") ==
          "source p = postgres(\"host=x\"; query: \"select 1\")");
    CHECK(parsed("source s = csv(\"a.csv\") {\n  a: text\n\n  // a comment line\n  b: number   // trailing\n}") ==
          "source s = csv(\"a.csv\") {a: text, b: number}");
    CHECK(parsed("source s = csv(\"a.csv\") { a: text, b: date; c: bool }") == "source s = csv(\"a.csv\") {a: text, b: date, c: bool}");
    CHECK(parsed("source s = csv(\"a.csv\") {\n  \"First name\": text\n}") == "source s = csv(\"a.csv\") {First name: text}");
    CHECK(parsed("source s = csv(\"a.csv\") {}") == "source s = csv(\"a.csv\") {}");
    CHECK(parsed("source s = csv()") == "source s = csv()");
    auto r = parse("source s = csv(\"a.csv\") {}\nsource t = csv(\"b.csv\")");
    REQUIRE(r.module.declarations.size() == 2);
    CHECK(r.module.declarations[0].source->has_schema);
    CHECK(!r.module.declarations[1].source->has_schema);
}

TEST_CASE("dimension, filter and metric", "[report_parser]") {
    CHECK(parsed("dimension region = surveys.region, tickets.region") == "dimension region = surveys.region, tickets.region");
    CHECK(parsed("dimension month = month(surveys.submitted_at),\n    month(tickets.opened_at)") ==
          "dimension month = MONTH(surveys.submitted_at), MONTH(tickets.opened_at)");
    CHECK(parsed("dimension week = week(s.at)") == "dimension week = WEEK(s.at)");
    CHECK(parsed("filter active = accounts.status = \"active\"") == "filter active = (accounts.status=\"active\")");
    CHECK(parsed("filter big = s.a > 1 & \"x\"") == "filter big = (s.a>(1&\"x\"))");
    CHECK(parsed("metric m = count(surveys where surveys.score >= 9)") == "metric m = COUNT(surveys where (surveys.score>=9))");
    CHECK(parsed("metric m = percentile(s.x where s.y = 1, 0.9)") == "metric m = PERCENTILE(s.x where (s.y=1),0.9)");
    CHECK(parsed("metric m = IFERROR(a / b, 0)") == "metric m = IFERROR((a/b),0)");
    CHECK(parsed("metric m = MRR - churned_mrr") == "metric m = (MRR-churned_mrr)");
    CHECK(parsed("metric m = acme.NPS * 2") == "metric m = (acme.NPS*2)");
    CHECK(parsed("metric m = pct_change(NPS)") == "metric m = PCT_CHANGE(NPS)");
    CHECK(parsed("metric m = -2^2 + 50%") == "metric m = ((neg(2)^2)+percent(50))");
    CHECK(parsed("metric m = #N/A") == "metric m = #N/A");
    CHECK(parsed("metric m = {1,2;3,4}") == "metric m = {2x2:1,2,3,4}");
    CHECK(parsed("metric m = TRUE") == "metric m = TRUE");
    CHECK(parsed("metric m = \"a \"\"b\"\"\"") == "metric m = \"a \"b\"\"");
    CHECK(parsed("metric m = _xlfn.XLOOKUP(1, a, b)") == "metric m = _XLFN.XLOOKUP(1,a,b)");
    CHECK(parsed("metric m = LOG10(A1)") == "metric m = LOG10(A1)");  // no A1 references in a report
    CHECK(parsed("metric m = count(s) { label: \"x\"; format: \"0\" }") == "metric m = COUNT(s) {label: \"x\"; format: \"0\"}");
    CHECK(parsed("metric m = count(s) {\n}") == "metric m = COUNT(s)");
    CHECK(parsed("metric m = count(s) {\n  description: \"a\",\n  target: 40,\n}") ==
          "metric m = COUNT(s) {description: \"a\"; target: 40}");
    CHECK(parsed("metric m = sum(s.x where s.y = 1 and) ").rfind("error@", 0) == 0);
}

TEST_CASE("expressions go on over lines after an operator, '(' or ','", "[report_parser]") {
    CHECK(parsed("metric m = a +\n  b") == "metric m = (a+b)");
    CHECK(parsed("metric m =\n  a") == "metric m = a");
    CHECK(parsed("metric m = IFERROR(\n  a / b,   // the ratio\n  0\n)") == "metric m = IFERROR((a/b),0)");
    CHECK(parsed("metric m = (a\n  + b)") == "metric m = (a+b)");
    CHECK(parsed("metric m = a\nmetric n = b") == "metric m = a\nmetric n = b");
    // An operator at the start of the next line does not continue the expression.
    CHECK(parsed("metric m = a\n  + b") ==
          "error@2:3: expected a declaration (import, theme, param, source, dimension, filter, metric, def, chart, report or expect)");
}

TEST_CASE("def", "[report_parser]") {
    CHECK(parsed("def nps(score) = pct(score >= 9) - pct(score <= 6)") ==
          "def nps(score) = (PCT((score>=9))-PCT((score<=6)))");
    CHECK(parsed("def ratio(a, b) = IFERROR(a / b, 0)") == "def ratio(a, b) = IFERROR((a/b),0)");
    CHECK(parsed("def zero() = 0") == "def zero() = 0");
    CHECK(parsed("def f(\n  a,\n  b\n) = a") == "def f(a, b) = a");
}

TEST_CASE("chart", "[report_parser]") {
    CHECK(parsed("chart t = line(NPS by month, series: region)") == "chart t = line(NPS by month; series: region)");
    CHECK(parsed("chart c = column(CSAT by region)") == "chart c = column(CSAT by region)");
    CHECK(parsed("chart c = bar(NPS, CSAT by region, tier, title: \"x\", stacked: TRUE)") ==
          "chart c = bar(NPS, CSAT by region, tier; title: \"x\"; stacked: TRUE)");
    CHECK(parsed("chart p = pie(responses, title: \"x\")") == "chart p = pie(responses; title: \"x\")");
    CHECK(parsed("chart c = line(\n  NPS\n  by month,\n  series: region\n) { title: \"t\" }") ==
          "chart c = line(NPS by month; series: region; title: \"t\")");
}

TEST_CASE("report blocks", "[report_parser]") {
    CHECK(parsed("report r {\n  title: \"T\"\n  period: month\n  kpis: NPS, CSAT\n  chart nps_trend\n"
                 "  table by region, manager { NPS, CSAT }\n  data surveys\n  text \"Hello\"\n  output: xlsx, html\n"
                 "  locale: \"es-MX\"\n}") ==
          "report r {title: \"T\" | period: month | kpis: NPS, CSAT | chart nps_trend | table by region, manager {NPS, CSAT} | "
          "data surveys | text \"Hello\" | output: xlsx, html | locale: \"es-MX\"}");
    CHECK(parsed("report x extends acme.executive {\n  title: \"Mine\"\n}") == "report x extends acme.executive {title: \"Mine\"}");
    CHECK(parsed("report e {}") == "report e {}");
    CHECK(parsed("report e { title: \"a\", output: json }") == "report e {title: \"a\" | output: json}");
    CHECK(parsed("report e {\n  table { NPS }\n  table by region {\n    NPS\n    CSAT\n    sort: NPS\n  }\n}") ==
          "report e {table {NPS} | table by region {NPS, CSAT; sort: NPS}}");
    CHECK(parsed("report e {\n  table by region { NPS - CSAT, IFERROR(a/b, 0) }\n}") ==
          "report e {table by region {(NPS-CSAT), IFERROR((a/b),0)}}");
    // Blocks may be written in column 1: `chart name` without '=' is a block.
    CHECK(parsed("report e {\nchart nps_trend\n}") == "report e {chart nps_trend}");
    CHECK(parsed("report e {\n  chart: x\n}") == "report e {chart: x}");
}

TEST_CASE("expect", "[report_parser]") {
    CHECK(parsed("expect NPS between -100 and 100") == "expect NPS between neg(100) and 100");
    CHECK(parsed("expect responses > 0") == "expect (responses>0)");
    CHECK(parsed("expect MRR between 0 and\n  1000") == "expect MRR between 0 and 1000");
}

TEST_CASE("keywords are lower case and whole words", "[report_parser]") {
    CHECK(parsed("metric_x = 1").rfind("error@1:1: expected a declaration", 0) == 0);
    CHECK(parsed("Metric x = 1").rfind("error@1:1: expected a declaration", 0) == 0);
    CHECK(parsed("metric metric = 1") == "metric metric = 1");
    CHECK(parsed("metric by = where + between") == "metric by = (where+between)");
}

TEST_CASE("comments are kept with their spans", "[report_parser]") {
    auto r = parse("// head\nmetric m = 1 // tail\n  // indented\nmetric s = \"// not a comment\"\n");
    REQUIRE(r.module.comments.size() == 3);
    CHECK(r.module.comments[0].text == " head");
    CHECK(r.module.comments[0].own_line);
    CHECK(r.module.comments[0].span.offset == 0);
    CHECK(r.module.comments[0].span.length == 7);
    CHECK(r.module.comments[1].text == " tail");
    CHECK(!r.module.comments[1].own_line);
    CHECK(r.file->position(r.module.comments[1].span.offset).line == 2);
    CHECK(r.file->position(r.module.comments[1].span.offset).column == 14);
    CHECK(r.module.comments[2].own_line);
    CHECK(r.module.declarations.size() == 2);
}

TEST_CASE("spans point at the text", "[report_parser]") {
    auto r = parse(sketch);
    const auto& decls = r.module.declarations;
    const auto at = [&](folio::dsl::source_span s) {
        const auto p = r.file->position(s.offset);
        return std::to_string(p.line) + ":" + std::to_string(p.column) + "+" + std::to_string(s.length);
    };
    const auto text = [&](folio::dsl::source_span s) { return r.file->text().substr(s.offset, s.length); };
    // import "cx"
    CHECK(at(decls[0].span) == "3:1+11");
    CHECK(at(decls[0].import->path_span) == "3:8+4");
    // param as_of: date = date(2024, 12, 31)
    CHECK(at(decls[2].name.span) == "7:7+5");
    CHECK(at(decls[2].param->type.span) == "7:14+4");
    const auto& date = *decls[2].param->default_value;
    CHECK(text({date.offset, date.length}) == "date(2024, 12, 31)");
    CHECK(text({date.children[2]->offset, date.children[2]->length}) == "31");
    // source surveys: the whole block, a column of the schema
    CHECK(text(decls[3].span).starts_with("source surveys = csv("));
    CHECK(text(decls[3].span).ends_with("comment: text\n}"));
    CHECK(at(decls[3].source->schema[6].name.span) == "16:3+5");
    CHECK(at(decls[3].source->schema[6].type.span) == "16:10+6");
    // source tickets: the option
    CHECK(text(decls[4].source->options[0].span) == "table: \"tickets\"");
    CHECK(at(decls[4].source->options[0].key.span) == "20:45+5");
    // metric NPS = pct(promoters) - pct(detractors) { ... }
    const auto& nps = decls[12];
    CHECK(nps.name.text == "NPS");
    CHECK(at(nps.name.span) == "32:8+3");
    CHECK(text(nps.span).ends_with("better: higher\n}"));
    const auto& minus = *nps.metric->formula;
    CHECK(text({minus.offset, minus.length}) == "pct(promoters) - pct(detractors)");
    CHECK(text({minus.children[1]->children[0]->offset, minus.children[1]->children[0]->length}) == "detractors");
    CHECK(at(nps.metric->options[2].span) == "35:3+10");
    // metric MRR = sum(accounts.mrr where accounts.status = "active")
    const auto& where = *decls[16].metric->formula->children[0];
    CHECK(text({where.offset, where.length}) == "accounts.mrr where accounts.status = \"active\"");
    // report executive: blocks
    const auto& exec = decls[20];
    CHECK(at(exec.report->blocks[3].span) == "51:3+15");
    CHECK(at(exec.report->blocks[3].target.span) == "51:9+9");
    CHECK(text(exec.report->blocks[4].span) == "table by region { NPS, CSAT, FRT }");
    CHECK(at(exec.report->blocks[4].by[0].span) == "52:12+6");
    CHECK(text(exec.report->blocks[2].setting.span) == "kpis: NPS, CSAT, FRT, MRR");
    // expect NPS between -100 and 100
    CHECK(text(decls[23].span) == "expect NPS between -100 and 100");
    const auto& low = *decls[23].expect->low;
    CHECK(at({low.offset, low.length}) == "70:20+4");
}

TEST_CASE("a byte order mark and CRLF line ends are accepted", "[report_parser]") {
    std::string crlf;
    for (const char* p = sketch; *p; ++p) {
        if (*p == '\n') crlf += '\r';
        crlf += *p;
    }
    auto r = parse("\xEF\xBB\xBF" + crlf);
    CHECK(format_text(r.diagnostics).empty());
    CHECK(folio::test::dump(r.module) == sketch_tree);
    REQUIRE(r.module.comments.size() == 11);
    CHECK(r.module.comments[0].span.offset == 3);
    CHECK(r.module.comments[0].text == " examples/customer-health/report.folio");  // no '\r'
    CHECK(r.file->position(r.module.declarations[0].span.offset).line == 3);
    CHECK(r.file->position(r.module.declarations[0].span.offset).column == 1);
}

TEST_CASE("names may be written in any script", "[report_parser]") {
    CHECK(parsed("metric año = count(encuestas.puntuación)") == "metric año = COUNT(encuestas.puntuación)");
    CHECK(parsed("dimension région = s.région") == "dimension région = s.région");
}

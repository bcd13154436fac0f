// `folio render`: the JSON file of a tiny report, byte for byte; --format over the
// report's list; expectations and --keep-going; params; data errors with their place;
// a library's template overrides.
#include <catch2/catch.hpp>

#include <sstream>

#include "eval_support.hpp"
#include "render_command.hpp"

using namespace folio;
using namespace folio::eval_test;

namespace {

struct run_result {
    int status;
    std::string out, err;
};

// Runs `folio render` with `args`, showing the folder's path as "" in the output.
run_result render(const temp_dir& dir, std::vector<std::string> args) {
    std::istringstream in;
    std::ostringstream out, err;
    const int status = folio::cli::render_command(args, in, out, err);
    auto strip = [&](std::string s) {
        const std::string prefix = dir.path().string() + "/";
        for (std::size_t at = s.find(prefix); at != std::string::npos; at = s.find(prefix, at)) s.erase(at, prefix.size());
        return s;
    };
    return {status, strip(out.str()), strip(err.str())};
}

const char* tiny_csv =
    "region,score\n"
    "EU,4\n"
    "EU,5\n"
    "US,\n";

const char* tiny_folio = R"(source s = csv("data/s.csv") {
  region: text
  score: number
}
dimension region = s.region
metric n = count(s)
metric avg_score = avg(s.score) { label: "Average score", format: "0.0", target: 5, better: higher }
report tiny {
  title: "Tiny"
  kpis: n, avg_score
  table by region { n, avg_score }
  output: json
}
expect n > 0
)";

const char* tiny_json = R"({
  "report": "tiny",
  "title": "Tiny",
  "metrics": [
    {"name": "n"},
    {"name": "avg_score", "label": "Average score", "format": "0.0", "better": "higher", "target": 5}
  ],
  "kpis": [
    {"metric": "n", "value": 3},
    {"metric": "avg_score", "value": 4.5, "target": 5, "status": "bad"}
  ],
  "tables": [
    {
      "by": ["region"],
      "metrics": ["n", "avg_score"],
      "rows": [
        {"region": "EU", "n": 2, "avg_score": 4.5},
        {"region": "US", "n": 1, "avg_score": {"error": "#DIV/0!"}}
      ]
    }
  ],
  "charts": [],
  "expects": [
    {"expect": "n > 0", "location": "report.folio:14:1", "passed": true, "value": true}
  ]
}
)";

}  // namespace

TEST_CASE("folio render writes the JSON of a tiny report", "[eval]") {
    temp_dir dir;
    dir.write("data/s.csv", tiny_csv);
    const fs::path file = dir.write("report.folio", tiny_folio);
    const fs::path out = dir.path() / "out";
    const run_result r = render(dir, {file.string(), "--out", out.string()});
    CHECK(r.err == "");
    CHECK(r.out == "wrote out/tiny.json\n");
    CHECK(r.status == 0);
    CHECK(read_text(out / "tiny.json") == std::string(tiny_json).replace(std::string(tiny_json).find("report.folio"), 12,
                                                                            file.string()));
    // No temporary file is left behind.
    CHECK(std::distance(fs::directory_iterator(out), fs::directory_iterator()) == 1);
}

TEST_CASE("folio render: --format overrides the report's output list", "[eval]") {
    temp_dir dir;
    dir.write("data/s.csv", tiny_csv);
    std::string text = tiny_folio;
    text.replace(text.find("output: json"), 12, "output: xlsx, html");
    const fs::path file = dir.write("report.folio", text);
    const fs::path out = dir.path() / "out";

    // --format json overrides the report's list.
    run_result r = render(dir, {file.string(), "--out", out.string(), "--format=json"});
    CHECK(r.status == 0);
    CHECK(fs::exists(out / "tiny.json"));

    r = render(dir, {file.string(), "--format", "docx"});
    CHECK(r.status == 2);
    CHECK(r.err == "folio render: unknown format 'docx' (the formats are json, xlsx, html and pdf)\n");
}

TEST_CASE("folio render: a failed expectation sets the exit status unless --keep-going", "[eval]") {
    temp_dir dir;
    dir.write("data/s.csv", tiny_csv);
    std::string text = tiny_folio;
    text.replace(text.find("expect n > 0"), 12, "expect n > 5");
    const fs::path file = dir.write("report.folio", text);
    const fs::path out = dir.path() / "out";
    run_result r = render(dir, {file.string(), "--out", out.string()});
    CHECK(r.status == 1);
    CHECK(r.err ==
          "report.folio:14:1: error: expectation failed: n > 5: n is 3\n"
          "   14 | expect n > 5\n"
          "      | ^~~~~~~~~~~~\n");
    // The output is written all the same, with the failure in it.
    CHECK(read_text(out / "tiny.json").find(R"({"expect": "n > 5", "location": )") != std::string::npos);
    r = render(dir, {file.string(), "--out", out.string(), "--keep-going"});
    CHECK(r.status == 0);
    CHECK(r.err.find("expectation failed: n > 5: n is 3") != std::string::npos);
}

TEST_CASE("folio render: params from the command line", "[eval]") {
    temp_dir dir;
    dir.write("data/s.csv", tiny_csv);
    std::string text = tiny_folio;
    text.replace(text.find("metric n = count(s)"), 19, "param min_score: number = 5\nmetric n = count(s where s.score >= min_score)");
    const fs::path file = dir.write("report.folio", text);
    const fs::path out = dir.path() / "out";
    run_result r = render(dir, {file.string(), "--out", out.string(), "--param", "min_score=4"});
    CHECK(r.status == 0);
    CHECK(read_text(out / "tiny.json").find(R"({"region": "EU", "n": 2,)") != std::string::npos);
    r = render(dir, {file.string(), "--out", out.string()});
    CHECK(r.status == 0);
    CHECK(read_text(out / "tiny.json").find(R"({"region": "EU", "n": 1,)") != std::string::npos);

    r = render(dir, {file.string(), "--out", out.string(), "--param", "min_score=four"});
    CHECK(r.status == 1);
    CHECK(r.err ==
          "report.folio:6:7: error: --param min_score=four: param 'min_score' expects a number, found 'four'\n"
          "    6 | param min_score: number = 5\n"
          "      |       ^~~~~~~~~\n");
    r = render(dir, {file.string(), "--out", out.string(), "--param", "min_scor=4"});
    CHECK(r.status == 1);
    CHECK(r.err ==
          "folio: error: --param min_scor=4: unknown param 'min_scor'\n"
          "note: did you mean 'min_score'?\n");
    r = render(dir, {file.string(), "--param", "min_score"});
    CHECK(r.status == 2);
}

TEST_CASE("folio render: reports by name", "[eval]") {
    temp_dir dir;
    dir.write("data/s.csv", tiny_csv);
    const fs::path file = dir.write("report.folio", tiny_folio);
    const fs::path out = dir.path() / "out";
    run_result r = render(dir, {file.string(), "--out", out.string(), "--report", "tiny"});
    CHECK(r.status == 0);
    r = render(dir, {file.string(), "--out", out.string(), "--report", "tiyn"});
    CHECK(r.status == 1);
    CHECK(r.err == "folio: error: unknown report 'tiyn'\nnote: did you mean 'tiny'?\n");
}

TEST_CASE("folio render: data errors name the file, line, column and value", "[eval]") {
    temp_dir dir;
    dir.write("data/s.csv", "region,score\nEU,4\nEU,n/a\n");
    const fs::path file = dir.write("report.folio", tiny_folio);
    run_result r = render(dir, {file.string(), "--out", (dir.path() / "out").string()});
    CHECK(r.status == 1);
    CHECK(r.err.rfind("data/s.csv:3:4: error: ", 0) == 0);
    CHECK(r.err.find("'n/a'") != std::string::npos);
    CHECK(!fs::exists(dir.path() / "out" / "tiny.json"));

    dir.write("data/t.csv", "region,minutes\nEU,4\n");
    const fs::path other = dir.write("other.folio", R"(source t = csv("data/t.csv")
metric m = avg(t.minute)
report x {
  kpis: m
}
)");
    r = render(dir, {other.string(), "--out", (dir.path() / "out").string()});
    CHECK(r.status == 1);
    CHECK(r.err ==
          "other.folio:2:16: error: source t has no column 'minute'\n"
          "    2 | metric m = avg(t.minute)\n"
          "      |                ^~~~~~~~\n"
          "note: did you mean 'minutes'?\n");
}

TEST_CASE("folio render: a library's templates folder overrides built-in partials", "[eval][html]") {
    temp_dir dir;
    dir.write("data/s.csv", tiny_csv);
    const fs::path file = dir.write("report.folio", tiny_folio);
    dir.write("lib/acme/templates/tile.mustache", "<p class=\"acme-tile\">{{label}}={{value}}</p>\n");
    const fs::path out = dir.path() / "out";
    const run_result r = render(dir, {file.string(), "--out", out.string(), "--format", "html", "--lib",
                                      (dir.path() / "lib/acme").string()});
    INFO(r.err);
    CHECK(r.status == 0);
    const std::string page = read_text(out / "tiny.html");
    CHECK(page.find("<p class=\"acme-tile\">n=3</p>") != std::string::npos);
    CHECK(page.find("<p class=\"acme-tile\">Average score=4.5</p>") != std::string::npos);
    CHECK(page.find("class=\"tile ") == std::string::npos);  // the built-in tile is not used
}

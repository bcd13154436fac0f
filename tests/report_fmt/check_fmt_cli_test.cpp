// The `folio check` and `folio fmt` contracts: exit status 0 (clean or warnings only),
// 1 (errors, or files not formatted) and 2 (bad command line); diagnostics as text on
// stderr or JSON on stdout; `fmt --write` rewrites only what changes and never a file
// that does not parse; `-` reads stdin.
#include <sys/wait.h>

#include <cstdlib>
#include <sstream>

#include <catch2/catch.hpp>

#include "check_command.hpp"
#include "fmt_command.hpp"
#include "fmt_test_support.hpp"

using namespace folio;
using namespace folio::fmt_test;

namespace {

struct run_result {
    int status;
    std::string out, err;
};

run_result check(std::vector<std::string> args, const std::string& input = "") {
    std::istringstream in(input);
    std::ostringstream out, err;
    const int status = cli::check_command(args, in, out, err);
    return {status, out.str(), err.str()};
}

run_result fmt(std::vector<std::string> args, const std::string& input = "") {
    std::istringstream in(input);
    std::ostringstream out, err;
    const int status = cli::fmt_command(args, in, out, err);
    return {status, out.str(), err.str()};
}

const std::string clean_report =
    "source s = csv(\"s.csv\") {\n"
    "  score: number\n"
    "}\n"
    "\n"
    "metric total = sum(s.score)\n"
    "\n"
    "report r {\n"
    "  kpis: total\n"
    "}\n";

// The same report, written carelessly.
const std::string messy_report =
    "source s=csv( \"s.csv\" ){score:number}\n"
    "metric total=sum( s.score )\n"
    "report r{kpis:total}\n";

const std::string report_with_error =
    "source s = csv(\"s.csv\") {\n"
    "  score: number\n"
    "}\n"
    "\n"
    "metric total = sum(s.score)\n"
    "\n"
    "report r {\n"
    "  kpis: totl\n"
    "}\n";

const std::string syntax_error = "metric total = sum(s.score\nreport r {\n";

}  // namespace

TEST_CASE("folio check: exit status and text diagnostics", "[fmt][cli]") {
    temp_folder dir;
    const auto good = dir.write("good.folio", clean_report).string();
    const auto bad = dir.write("bad.folio", report_with_error).string();

    const auto ok = check({good});
    INFO(ok.err);
    CHECK(ok.status == 0);
    CHECK(ok.out.empty());
    CHECK(ok.err.find("error") == std::string::npos);

    const auto failed = check({bad});
    CHECK(failed.status == 1);
    CHECK(failed.out.empty());
    CHECK(failed.err.find(bad + ":8:9: error: ") != std::string::npos);
    CHECK(failed.err.find("    8 |   kpis: totl") != std::string::npos);
    CHECK(failed.err.find("^~~~") != std::string::npos);
    CHECK(failed.err.find("'total'") != std::string::npos);  // did you mean

    const auto missing = check({(dir.path() / "nothing.folio").string()});
    CHECK(missing.status == 1);
    CHECK(missing.err.find("error:") != std::string::npos);

    const auto parse_failed = check({dir.write("syntax.folio", syntax_error).string()});
    CHECK(parse_failed.status == 1);
    CHECK(parse_failed.err.find("syntax.folio:") != std::string::npos);
}

TEST_CASE("folio check --diagnostics=json prints an array on stdout", "[fmt][cli]") {
    temp_folder dir;
    const auto bad = dir.write("bad.folio", report_with_error).string();
    for (const auto& args : {std::vector<std::string>{bad, "--diagnostics=json"},
                             std::vector<std::string>{"--diagnostics", "json", bad}}) {
        const auto r = check(args);
        CHECK(r.status == 1);
        CHECK(r.err.empty());
        REQUIRE(r.out.size() > 2);
        CHECK(r.out.rfind("[\n{\"severity\":\"error\",\"file\":\"" + bad + "\",", 0) == 0);
        CHECK(r.out.substr(r.out.size() - 2) == "]\n");
        CHECK(r.out.find("\"line\":8") != std::string::npos);
        CHECK(r.out.find("\"column\":9") != std::string::npos);
        CHECK(r.out.find("\"message\":\"") != std::string::npos);
        CHECK(r.out.find("\"notes\":[") != std::string::npos);
    }
    const auto clean = check({dir.write("good.folio", clean_report).string(), "--diagnostics=json"});
    CHECK(clean.status == 0);
    CHECK(clean.out == "[]\n");
}

TEST_CASE("folio check reads stdin and takes --lib folders", "[fmt][cli]") {
    CHECK(check({"-"}, clean_report).status == 0);
    const auto r = check({"-"}, report_with_error);
    CHECK(r.status == 1);
    CHECK(r.err.find("<stdin>:8:9: error: ") != std::string::npos);

    temp_folder dir;
    dir.write("lib/acme/kpis.folio", "def twice(x) = 2 * x\n");
    const auto user = dir.write("user.folio", "import \"acme/kpis\" as acme\n\n" + clean_report).string();
    CHECK(check({user}).status == 1);  // the library is not on the path
    const auto with_lib = check({user, "--lib", (dir.path() / "lib").string()});
    INFO(with_lib.err);
    CHECK(with_lib.status == 0);
    CHECK(check({user, "--lib=" + (dir.path() / "lib").string()}).status == 0);
}

TEST_CASE("folio check: usage errors exit 2", "[fmt][cli]") {
    CHECK(check({}).status == 2);
    CHECK(check({"a.folio", "b.folio"}).status == 2);
    CHECK(check({"a.folio", "--diagnostics=xml"}).status == 2);
    CHECK(check({"a.folio", "--frobnicate"}).status == 2);
    CHECK(check({"a.folio", "--lib"}).status == 2);
    CHECK(check({"--diagnostics=xml", "a.folio"}).err.find("usage") == std::string::npos);
}

TEST_CASE("folio fmt prints the canonical layout", "[fmt][cli]") {
    temp_folder dir;
    const auto messy = dir.write("messy.folio", messy_report).string();
    const auto r = fmt({messy});
    CHECK(r.status == 0);
    CHECK(r.out == clean_report);
    CHECK(read_file(messy) == messy_report);  // printing never writes
    CHECK(fmt({"-"}, messy_report).out == clean_report);

    const auto broken = fmt({dir.write("broken.folio", syntax_error).string()});
    CHECK(broken.status == 1);
    CHECK(broken.out.empty());
    CHECK(broken.err.find("broken.folio:") != std::string::npos);
    CHECK(broken.err.find("error:") != std::string::npos);

    const auto json = fmt({(dir.path() / "broken.folio").string(), "--diagnostics=json"});
    CHECK(json.status == 1);
    CHECK(json.out.rfind("[\n{\"severity\":\"error\"", 0) == 0);
}

TEST_CASE("folio fmt --check names the files that are not formatted", "[fmt][cli]") {
    temp_folder dir;
    const auto messy = dir.write("messy.folio", messy_report).string();
    const auto clean = dir.write("clean.folio", clean_report).string();
    CHECK(fmt({"--check", clean}).status == 0);
    CHECK(fmt({"--check", clean}).out.empty());
    const auto r = fmt({"--check", clean, messy});
    CHECK(r.status == 1);
    CHECK(r.out == messy + "\n");
    CHECK(read_file(messy) == messy_report);
    CHECK(fmt({"--check", "-"}, messy_report).status == 1);
    CHECK(fmt({"--check", "-"}, clean_report).status == 0);
    // CRLF line ends and a BOM are accepted but not canonical.
    CHECK(fmt({"--check", dir.write("crlf.folio", "metric a = 1\r\n").string()}).status == 1);
}

TEST_CASE("folio fmt --write rewrites in place, only what parses and changes", "[fmt][cli]") {
    temp_folder dir;
    const auto messy = dir.write("messy.folio", messy_report);
    const auto clean = dir.write("clean.folio", clean_report);
    const auto broken = dir.write("broken.folio", syntax_error);
    const auto clean_time = fs::last_write_time(clean);

    const auto r = fmt({"--write", messy.string(), clean.string()});
    CHECK(r.status == 0);
    CHECK(r.out.empty());
    CHECK(read_file(messy) == clean_report);
    CHECK(read_file(clean) == clean_report);
    CHECK(fs::last_write_time(clean) == clean_time);  // unchanged: not written

    const auto b = fmt({"--write", broken.string()});
    CHECK(b.status == 1);
    CHECK(b.err.find("error:") != std::string::npos);
    CHECK(read_file(broken) == syntax_error);
    // No temporary file is left behind.
    CHECK(dir.listing() == std::vector<std::string>{"broken.folio", "clean.folio", "messy.folio"});
}

TEST_CASE("folio fmt --write through a symlink rewrites the file it points to", "[fmt][cli]") {
    temp_folder dir;
    const auto real = dir.write("real.folio", messy_report);
    const auto link = dir.path() / "link.folio";
    fs::create_symlink(real.filename(), link);
    CHECK(fmt({"--write", link.string()}).status == 0);
    CHECK(fs::is_symlink(link));
    CHECK(read_file(real) == clean_report);
    CHECK(dir.listing() == std::vector<std::string>{"link.folio", "real.folio"});
}

TEST_CASE("folio fmt: usage errors exit 2", "[fmt][cli]") {
    CHECK(fmt({}).status == 2);
    CHECK(fmt({"--write", "--check", "a.folio"}).status == 2);
    CHECK(fmt({"--write", "-"}).status == 2);
    CHECK(fmt({"a.folio", "b.folio"}).status == 2);
    CHECK(fmt({"--indent=4", "a.folio"}).status == 2);
    CHECK(fmt({"a.folio", "--diagnostics=yaml"}).status == 2);
}

TEST_CASE("the folio executable wires check and fmt to their exit status", "[fmt][cli]") {
    temp_folder dir;
    const auto good = dir.write("good.folio", clean_report).string();
    const auto bad = dir.write("bad.folio", report_with_error).string();
    const auto run = [](const std::string& command) {
        const int status = std::system((command + " >/dev/null 2>&1").c_str());
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    };
    const std::string folio = FOLIO_BINARY;
    CHECK(run(folio + " check '" + good + "'") == 0);
    CHECK(run(folio + " check '" + bad + "'") == 1);
    CHECK(run(folio + " check") == 2);
    CHECK(run(folio + " fmt --check '" + good + "'") == 0);
    CHECK(run(folio + " fmt '" + bad + "'") == 0);
    CHECK(run(folio + " check '" + (source_dir / "examples/customer-health/report.folio").string() + "'") == 0);
}

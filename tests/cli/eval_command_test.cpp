// The `folio eval` contract: one value; batches print one `type<TAB>value` line per
// input line, `invalid<TAB>...` for lines that do not parse; --cells loads sheets.
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "eval_command.hpp"

namespace {

struct run_result {
    int status;
    std::string out, err;
};

run_result run(std::vector<std::string> args, const std::string& input = "") {
    std::istringstream in(input);
    std::ostringstream out, err;
    const int status = folio::cli::eval_command(args, in, out, err);
    return {status, out.str(), err.str()};
}

}  // namespace

TEST_CASE("folio eval prints one value", "[cli]") {
    CHECK(run({"=1+2"}).out == "3\n");
    CHECK(run({"1/3"}).out == "0.333333333333333\n");
    CHECK(run({"=\"a\"&\"b\""}).out == "ab\n");
    CHECK(run({"=1/0"}).out == "#DIV/0!\n");
    CHECK(run({"=1>0"}).out == "TRUE\n");
    CHECK(run({"={1,2;3,4}"}).out == "1\t2\n3\t4\n");
    CHECK(run({"-1"}).out == "-1\n");
    auto bad = run({"=SUM(1,"});
    CHECK(bad.status == 1);
    CHECK(bad.err == "error: expected ',' or ')' after the function argument (column 8)\n  =SUM(1,\n         ^\n");
}

TEST_CASE("folio eval --batch prints one line per input line", "[cli]") {
    const std::string input =
        "=1+1\n"
        "=\"a\tb\\c\"&CHAR(10)\n"
        "=TRUE\n"
        "=NA()\n"
        "=SUM(1,\n"
        "\n"
        "={\"x\",2}\n"
        "=1E+20\n"
        "=123456789012345678\r\n";
    auto r = run({"--batch", "-"}, input);
    CHECK(r.status == 0);
    CHECK(r.out ==
          "number\t2\n"
          "text\ta\\tb\\\\c\\n\n"
          "bool\tTRUE\n"
          "error\t#N/A\n"
          "invalid\tcolumn 8: expected ',' or ')' after the function argument\n"
          "invalid\tcolumn 1: expected a value, a reference, a function call or '('\n"
          "text\tx\n"
          "number\t1E+20\n"
          "number\t1.23456789012346E+17\n");
}

TEST_CASE("folio eval --cells loads sheets the batch can read", "[cli]") {
    const std::string path = "eval_command_test.cells";
    {
        std::ofstream f(path);
        f << "Data!A1\t10\nData!A2\t=A1*2\n'My sheet'!B2\t'007\nData!A3\tTRUE\n";
    }
    auto r = run({"--batch", "-", "--cells", path}, "=SUM(Data!A1:A3)\n='My sheet'!B2\n=Data!A3\n");
    CHECK(r.out == "number\t30\ntext\t007\nbool\tTRUE\n");
    {
        std::ofstream f(path);
        f << "Data!A1\t10\nnot an address\t5\n";
    }
    auto bad = run({"--batch", "-", "--cells", path}, "=1\n");
    CHECK(bad.status == 2);
    CHECK(bad.err.find("eval_command_test.cells:2:1: error: 'not an address' is not a cell address") == 0);
}

// The formula grammar: literals, references, operators with Excel's precedence, and
// errors with their columns. Trees are printed back in a fully parenthesised form.
#include <catch2/catch.hpp>
#include <tao/pegtl/contrib/analyze.hpp>

#include "../../dsl/formula_grammar.hpp"
#include "folio/dsl/formula_parser.hpp"

using namespace folio::dsl;

namespace {

std::string show(const formula_node& n) {
    switch (n.kind) {
        case node_kind::number: {
            std::ostringstream s;
            s << n.number;
            return s.str();
        }
        case node_kind::text: return "\"" + n.text + "\"";
        case node_kind::boolean: return n.boolean ? "TRUE" : "FALSE";
        case node_kind::error: return n.text;
        case node_kind::reference: return reference_text(n);
        case node_kind::name: return "name:" + n.text;
        case node_kind::omitted: return "_";
        case node_kind::where: return "where(" + show(*n.children[0]) + "," + show(*n.children[1]) + ")";
        case node_kind::unary: return std::string(n.un == unary_op::negate ? "neg" : "pos") + "(" + show(*n.children[0]) + ")";
        case node_kind::percent: return "pct(" + show(*n.children[0]) + ")";
        case node_kind::binary: return "(" + show(*n.children[0]) + std::string(operator_text(n.bin)) + show(*n.children[1]) + ")";
        case node_kind::call: {
            std::string s = n.text + "[";
            for (std::size_t i = 0; i < n.children.size(); ++i) s += (i ? "," : "") + show(*n.children[i]);
            return s + "]";
        }
        case node_kind::array: {
            std::string s = "{" + std::to_string(n.array_rows) + "x" + std::to_string(n.array_cols) + ":";
            for (std::size_t i = 0; i < n.children.size(); ++i) s += (i ? "," : "") + show(*n.children[i]);
            return s + "}";
        }
    }
    return "?";
}

std::string parsed(std::string_view text) {
    auto r = parse_formula(text);
    if (!r) return "error@" + std::to_string(r.error->column) + ": " + r.error->message;
    return show(*r.root);
}

}  // namespace

TEST_CASE("the grammar has no rule that can loop without progress", "[dsl]") {
    CHECK(tao::pegtl::analyze<folio::dsl::grammar::formula>() == 0);
}

TEST_CASE("literals", "[dsl]") {
    CHECK(parsed("=1") == "1");
    CHECK(parsed("1.5") == "1.5");
    CHECK(parsed("=.5") == "0.5");
    CHECK(parsed("=1e3") == "1000");
    CHECK(parsed("=1.5E-2") == "0.015");
    CHECK(parsed("=\"a \"\"q\"\" b\"") == "\"a \"q\" b\"");
    CHECK(parsed("=\"\"") == "\"\"");
    CHECK(parsed("=true") == "TRUE");
    CHECK(parsed("=FALSE") == "FALSE");
    CHECK(parsed("=#n/a") == "#N/A");
    CHECK(parsed("=#DIV/0!") == "#DIV/0!");
    CHECK(parsed("=#NAME?") == "#NAME?");
}

TEST_CASE("references", "[dsl]") {
    CHECK(parsed("=A1") == "A1");
    CHECK(parsed("=$A$1") == "$A$1");
    CHECK(parsed("=a$1") == "A$1");
    CHECK(parsed("=A1:B10") == "A1:B10");
    CHECK(parsed("=C:C") == "C:C");
    CHECK(parsed("=$C:$D") == "$C:$D");
    CHECK(parsed("=3:5") == "3:5");
    CHECK(parsed("=Sheet2!A1") == "Sheet2!A1");
    CHECK(parsed("='My sheet'!A1:B2") == "'My sheet'!A1:B2");
    CHECK(parsed("='It''s'!A1") == "'It''s'!A1");
    CHECK(parsed("=XFD1048576") == "XFD1048576");
    CHECK(parsed("=A1:INDEX(B1:B3,2)") == "(A1:INDEX[B1:B3,2])");
}

TEST_CASE("names and calls", "[dsl]") {
    CHECK(parsed("=Rate") == "name:Rate");
    CHECK(parsed("=LOG10(100)") == "LOG10[100]");
    CHECK(parsed("=A1B") == "name:A1B");
    CHECK(parsed("=sum(1,2)") == "SUM[1,2]");
    CHECK(parsed("=PI()") == "PI[]");
    CHECK(parsed("=IF(A1,,2)") == "IF[A1,_,2]");
    CHECK(parsed("=SUM(,)") == "SUM[_,_]");
    CHECK(parsed("=STDEV.S(A1:A3)") == "STDEV.S[A1:A3]");
    CHECK(parsed("=_xlfn.XLOOKUP(1,A:A,B:B)") == "_XLFN.XLOOKUP[1,A:A,B:B]");
    CHECK(parsed("=TRUE()") == "TRUE[]");
    CHECK(parsed("= SUM( 1 , 2 ) ") == "SUM[1,2]");
}

TEST_CASE("inline arrays", "[dsl]") {
    CHECK(parsed("={1,2;3,4}") == "{2x2:1,2,3,4}");
    CHECK(parsed("={\"a\",TRUE,#N/A,-1.5}") == "{1x4:\"a\",TRUE,#N/A,-1.5}");
    CHECK(parsed("={1;2;3}") == "{3x1:1,2,3}");
    CHECK(parsed("={1,2;3}").rfind("error@", 0) == 0);
    CHECK(parsed("={1,A1}").rfind("error@", 0) == 0);
}

TEST_CASE("operators follow Excel's precedence and associativity", "[dsl]") {
    CHECK(parsed("=-2^2") == "(neg(2)^2)");
    CHECK(parsed("=2^3^2") == "((2^3)^2)");
    CHECK(parsed("=1+2&3") == "((1+2)&3)");
    CHECK(parsed("=1+2*3") == "(1+(2*3))");
    CHECK(parsed("=1-2-3") == "((1-2)-3)");
    CHECK(parsed("=8/4/2") == "((8/4)/2)");
    CHECK(parsed("=50%") == "pct(50)");
    CHECK(parsed("=2^50%") == "(2^pct(50))");
    CHECK(parsed("=-50%") == "pct(neg(50))");
    CHECK(parsed("=1<2=TRUE") == "((1<2)=TRUE)");
    CHECK(parsed("=A1<>B1") == "(A1<>B1)");
    CHECK(parsed("=1<=2") == "(1<=2)");
    CHECK(parsed("=1>=2") == "(1>=2)");
    CHECK(parsed("=2^-1") == "(2^neg(1))");
    CHECK(parsed("=--A1") == "neg(neg(A1))");
    CHECK(parsed("=+1") == "pos(1)");
    CHECK(parsed("=1 - -1") == "(1-neg(1))");
    CHECK(parsed("=\"a\"&\"b\"&\"c\"") == "((\"a\"&\"b\")&\"c\")");
    CHECK(parsed("=(1+2)*3") == "((1+2)*3)");
}

TEST_CASE("syntax errors name their column", "[dsl]") {
    CHECK(parsed("") == "error@1: expected a value, a reference, a function call or '('");
    CHECK(parsed("=") == "error@2: expected a value, a reference, a function call or '('");
    CHECK(parsed("=1+") == "error@4: expected a value after the operator");
    CHECK(parsed("=SUM(1,2") == "error@9: expected ',' or ')' after the function argument");
    CHECK(parsed("=(1") == "error@4: expected ')' to close the parenthesis");
    CHECK(parsed("=1)") == "error@3: unexpected ')': no '(' to match it");
    CHECK(parsed("=\"abc") == "error@6: unterminated text: expected a closing '\"'");
    CHECK(parsed("=1 2") == "error@4: unexpected '2'");
    CHECK(parsed("=SUM(1 2)") == "error@8: expected ',' or ')' after the function argument");
    CHECK(parsed("=A1:") == "error@5: expected a reference after ':'");
    CHECK(parsed("=\"é\"+") == "error@6: expected a value after the operator");
}

TEST_CASE("no input exhausts the parser", "[dsl]") {
    CHECK(parsed(std::string(20000, '(') + "1" + std::string(20000, ')')).find("longer than 8192") != std::string::npos);
    CHECK(parsed(std::string(3000, '(') + "1" + std::string(3000, ')')).find("nested too deeply") != std::string::npos);
    CHECK(parsed("=" + std::string(8000, '-') + "1").find("nested too deeply") != std::string::npos);
    std::string nested = "=";
    for (int i = 0; i < 100; ++i) nested += "SUM(";
    nested += "1";
    for (int i = 0; i < 100; ++i) nested += ")";
    CHECK(parsed(nested).rfind("SUM[SUM[", 0) == 0);
    std::string chain = "=1";
    for (int i = 0; i < 4000; ++i) chain += "+1";
    CHECK(parse_formula(chain));
}

TEST_CASE("column letters", "[dsl]") {
    CHECK(column_from_letters("A") == 0);
    CHECK(column_from_letters("z") == 25);
    CHECK(column_from_letters("AA") == 26);
    CHECK(column_from_letters("XFD") == 16383);
    CHECK(column_from_letters("XFE") == -1);
    CHECK(column_from_letters("ABCD") == -1);
    CHECK(letters_from_column(0) == "A");
    CHECK(letters_from_column(27) == "AB");
    CHECK(letters_from_column(16383) == "XFD");
}

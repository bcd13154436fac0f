// Specification tests for the text family. Besides Microsoft's documented examples
// they pin down the choices Folio makes where Excel's behaviour is subtle: positions
// count UTF-16 code units (LEN of an emoji is 2, as in Excel), case mapping covers
// accented letters, TRIM only touches the ASCII space, CHAR / CODE use Windows-1252,
// and results longer than 32,767 characters are #VALUE!.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "support/eval.hpp"

namespace {

using folio::testing::batch_line;
using folio::testing::evaluate;
using folio::testing::evaluate_with;
using folio::testing::cells;

using folio::testing::line;

using folio::testing::line_with;

// B1:B4 hold "a", (blank), "b", 1.5; C1:C2 hold "-" and "+"; D1 holds #DIV/0!.
const cells sample = {
    {"Sheet1!B1", "a"}, {"Sheet1!B3", "b"}, {"Sheet1!B4", "1.5"},
    {"Sheet1!C1", "-"}, {"Sheet1!C2", "+"}, {"Sheet1!D1", "=1/0"},
};

}  // namespace

TEST_CASE("LEFT, RIGHT and MID", "[text][left]") {
    CHECK(line("=LEFT(\"Sale Price\",4)") == "text\tSale");
    CHECK(line("=LEFT(\"Sweden\")") == "text\tS");
    CHECK(line("=LEFT(\"abc\",)") == "text\t");  // an empty count is 0
    CHECK(line("=LEFT(\"abc\",99)") == "text\tabc");
    CHECK(line("=LEFT(\"abc\",-1)") == "error\t#VALUE!");
    CHECK(line("=LEFT(12345,2)") == "text\t12");
    CHECK(line("=LEFT(TRUE,2)") == "text\tTR");
    CHECK(line("=RIGHT(\"Stock Number\",6)") == "text\tNumber");
    CHECK(line("=RIGHT(\"Price\")") == "text\te");
    CHECK(line("=RIGHT(\"abc\",-1)") == "error\t#VALUE!");
    CHECK(line("=MID(\"Fluid Flow\",1,5)") == "text\tFluid");
    CHECK(line("=MID(\"Fluid Flow\",7,20)") == "text\tFlow");
    CHECK(line("=MID(\"Fluid Flow\",20,5)") == "text\t");
    CHECK(line("=MID(\"abc\",1.9,1)") == "text\ta");
    CHECK(line("=MID(\"abc\",0,1)") == "error\t#VALUE!");
    CHECK(line("=MID(\"abc\",1,-1)") == "error\t#VALUE!");
    CHECK(line("=INDEX(LEFT({\"ab\",\"cd\"},1),1,2)") == "text\tc");
}

TEST_CASE("Lengths and positions count UTF-16 code units, as Excel does", "[text][len][unicode]") {
    CHECK(line("=LEN(\"Phoenix, AZ\")") == "number\t11");
    CHECK(line("=LEN(\"\")") == "number\t0");
    CHECK(line("=LEN(TRUE)") == "number\t4");
    CHECK(line("=LEN(1/3)") == "number\t17");
    CHECK(line("=LEN(\"ñandú\")") == "number\t5");
    CHECK(line("=LEN(\"€\")") == "number\t1");
    CHECK(line("=LEN(\"😀\")") == "number\t2");  // outside the BMP: a surrogate pair in Excel
    CHECK(line("=LEFT(\"ñandú\",2)") == "text\tña");
    CHECK(line("=RIGHT(\"a😀\",2)") == "text\t😀");
    CHECK(line("=MID(\"x😀y\",4,1)") == "text\ty");
    CHECK(line("=FIND(\"y\",\"x😀y\")") == "number\t4");
    // Half a surrogate pair cannot be UTF-8: it becomes U+FFFD, one unit long.
    CHECK(line("=LEFT(\"😀\",1)") == "text\t\xEF\xBF\xBD");
    CHECK(line("=LEN(LEFT(\"😀\",1))") == "number\t1");
}

TEST_CASE("TRIM collapses ASCII spaces only", "[text][trim]") {
    CHECK(line("=TRIM(\" First Quarter Earnings \")") == "text\tFirst Quarter Earnings");
    CHECK(line("=TRIM(\"  a   b  c  \")") == "text\ta b c");
    CHECK(line("=TRIM(\"   \")") == "text\t");
    // support.microsoft.com TRIM: the non-breaking space (160) is not removed.
    CHECK(line("=LEN(TRIM(CHAR(160)&\"a\"))") == "number\t2");
    CHECK(line("=TRIM(\"a\"&CHAR(9)&\" b\")") == "text\ta\\t b");  // the tab stays (batch_line escapes it)
}

TEST_CASE("UPPER, LOWER and PROPER handle accented letters", "[text][case]") {
    CHECK(line("=UPPER(\"total\")") == "text\tTOTAL");
    CHECK(line("=LOWER(\"E. E. Cummings\")") == "text\te. e. cummings");
    CHECK(line("=UPPER(\"joão ñandú\")") == "text\tJOÃO ÑANDÚ");
    CHECK(line("=LOWER(\"ÉCOLE ÀÇÕ\")") == "text\técole àçõ");
    CHECK(line("=UPPER(12.5)") == "text\t12.5");
    CHECK(line("=PROPER(\"this is a TITLE\")") == "text\tThis Is A Title");
    CHECK(line("=PROPER(\"2-way street\")") == "text\t2-Way Street");
    CHECK(line("=PROPER(\"76BudGet\")") == "text\t76Budget");
    CHECK(line("=PROPER(\"joão ñandú\")") == "text\tJoão Ñandú");
    CHECK(line("=PROPER(\"SÃO PAULO\")") == "text\tSão Paulo");
    CHECK(line("=PROPER(\"straße\")") == "text\tStraße");  // ß continues the word
    // Any non-letter starts a word, the apostrophe included, as in Excel.
    CHECK(line("=PROPER(\"don't\")") == "text\tDon'T");
}

TEST_CASE("CLEAN removes the control characters 0 to 31", "[text][clean]") {
    CHECK(line("=CLEAN(CHAR(9)&\"Monthly report\"&CHAR(10))") == "text\tMonthly report");
    CHECK(line("=LEN(CLEAN(CHAR(7)&\"x\"&CHAR(31)))") == "number\t1");
    CHECK(line("=LEN(CLEAN(CHAR(127)&CHAR(129)))") == "number\t2");  // not 127, not 129
}

TEST_CASE("SUBSTITUTE and REPLACE", "[text][substitute]") {
    CHECK(line("=SUBSTITUTE(\"Sales Data\",\"Sales\",\"Cost\")") == "text\tCost Data");
    CHECK(line("=SUBSTITUTE(\"Quarter 1, 2008\",\"1\",\"2\",1)") == "text\tQuarter 2, 2008");
    CHECK(line("=SUBSTITUTE(\"Quarter 1, 2011\",\"1\",\"2\",3)") == "text\tQuarter 1, 2012");
    CHECK(line("=SUBSTITUTE(\"aaa\",\"a\",\"bb\")") == "text\tbbbbbb");
    CHECK(line("=SUBSTITUTE(\"aaa\",\"aa\",\"b\")") == "text\tba");  // left to right, no overlap
    CHECK(line("=SUBSTITUTE(\"aaa\",\"\",\"b\")") == "text\taaa");
    CHECK(line("=SUBSTITUTE(\"Aaa\",\"a\",\"b\")") == "text\tAbb");  // case-sensitive
    CHECK(line("=SUBSTITUTE(\"abc\",\"a\",\"b\",5)") == "text\tabc");
    CHECK(line("=SUBSTITUTE(\"abc\",\"a\",\"b\",0)") == "error\t#VALUE!");
    CHECK(line("=SUBSTITUTE(\"ñaña\",\"ñ\",\"n\")") == "text\tnana");
    CHECK(line("=REPLACE(\"abcdefghijk\",6,5,\"*\")") == "text\tabcde*k");
    CHECK(line("=REPLACE(\"2009\",3,2,\"10\")") == "text\t2010");
    CHECK(line("=REPLACE(\"123456\",1,3,\"@\")") == "text\t@456");
    CHECK(line("=REPLACE(\"abc\",10,1,\"X\")") == "text\tabcX");
    CHECK(line("=REPLACE(\"abc\",2,0,\"X\")") == "text\taXbc");
    CHECK(line("=REPLACE(\"abc\",0,1,\"X\")") == "error\t#VALUE!");
    CHECK(line("=REPLACE(\"abc\",1,-1,\"X\")") == "error\t#VALUE!");
}

TEST_CASE("FIND is case-sensitive and has no wildcards", "[text][find]") {
    CHECK(line("=FIND(\"M\",\"Miriam McGovern\")") == "number\t1");
    CHECK(line("=FIND(\"m\",\"Miriam McGovern\")") == "number\t6");
    CHECK(line("=FIND(\"M\",\"Miriam McGovern\",3)") == "number\t8");
    CHECK(line("=FIND(\"z\",\"abc\")") == "error\t#VALUE!");
    CHECK(line("=FIND(\"*\",\"a*b\")") == "number\t2");
    CHECK(line("=FIND(\"?\",\"a*b\")") == "error\t#VALUE!");
    CHECK(line("=FIND(1,12341)") == "number\t1");
    // support.microsoft.com FIND: empty find_text matches at start_num; start_num below 1
    // or beyond the length of within_text is #VALUE!.
    CHECK(line("=FIND(\"\",\"abc\")") == "number\t1");
    CHECK(line("=FIND(\"\",\"abc\",3)") == "number\t3");
    CHECK(line("=FIND(\"a\",\"abc\",0)") == "error\t#VALUE!");
    CHECK(line("=FIND(\"c\",\"abc\",4)") == "error\t#VALUE!");
}

TEST_CASE("SEARCH ignores case and understands * ? ~", "[text][search]") {
    CHECK(line("=SEARCH(\"e\",\"Statements\",6)") == "number\t7");
    CHECK(line("=SEARCH(\"margin\",\"Profit Margin\")") == "number\t8");
    CHECK(line("=SEARCH(\"p*t\",\"Profit Margin\")") == "number\t1");
    CHECK(line("=SEARCH(\"?r\",\"Profit Margin\")") == "number\t1");
    CHECK(line("=SEARCH(\"b*d\",\"abcabd\")") == "number\t2");
    CHECK(line("=SEARCH(\"*c\",\"abc\")") == "number\t1");
    CHECK(line("=SEARCH(\"~*\",\"a*b\")") == "number\t2");
    CHECK(line("=SEARCH(\"~?\",\"what?\")") == "number\t5");
    CHECK(line("=SEARCH(\"~~\",\"a~b\")") == "number\t2");
    CHECK(line("=SEARCH(\"ÉCOLE\",\"l'école\")") == "number\t3");
    CHECK(line("=SEARCH(\"z\",\"abc\")") == "error\t#VALUE!");
    CHECK(line("=SEARCH(\"b\",\"abc\",4)") == "error\t#VALUE!");
    CHECK(line("=SEARCH(\"x?z\",\"xz\")") == "error\t#VALUE!");
}

TEST_CASE("TEXTJOIN", "[text][textjoin]") {
    CHECK(line("=TEXTJOIN(\", \",TRUE,\"The\",\"sun\",\"will\",\"come\",\"up\")") ==
          "text\tThe, sun, will, come, up");
    CHECK(line("=TEXTJOIN(\"-\",TRUE,\"a\",\"\",\"b\")") == "text\ta-b");
    CHECK(line("=TEXTJOIN(\"-\",FALSE,\"a\",\"\",\"b\")") == "text\ta--b");
    CHECK(line("=TEXTJOIN(\";\",TRUE,{\"x\",\"y\";\"z\",\"w\"})") == "text\tx;y;z;w");  // row by row
    CHECK(line("=TEXTJOIN(\"\",TRUE,1,2,TRUE)") == "text\t12TRUE");
    CHECK(line_with(sample, "=TEXTJOIN(\",\",TRUE,B1:B4)") == "text\ta,b,1.5");
    CHECK(line_with(sample, "=TEXTJOIN(\",\",FALSE,B1:B4)") == "text\ta,,b,1.5");
    CHECK(line_with(sample, "=TEXTJOIN(\",\",FALSE,B1:B5)") == "text\ta,,b,1.5,");
    // support.microsoft.com TEXTJOIN: a range of delimiters is used in turn.
    CHECK(line("=TEXTJOIN({\"-\",\"+\"},TRUE,\"a\",\"b\",\"c\",\"d\")") == "text\ta-b+c-d");
    CHECK(line_with(sample, "=TEXTJOIN(C1:C2,TRUE,\"a\",\"b\",\"c\")") == "text\ta-b+c");
    CHECK(line_with(sample, "=TEXTJOIN(\",\",TRUE,B1,D1)") == "error\t#DIV/0!");
    CHECK(line("=TEXTJOIN(\",\",\"x\",\"a\")") == "error\t#VALUE!");
    CHECK(line("=TEXTJOIN(\",\",TRUE,\"\")") == "text\t");
    // Over 32,767 characters: #VALUE!.
    CHECK(line("=TEXTJOIN(\",\",TRUE,REPT(\"a\",20000),REPT(\"b\",20000))") == "error\t#VALUE!");
    CHECK(line("=LEN(TEXTJOIN(\",\",TRUE,REPT(\"a\",16383),REPT(\"b\",16383)))") == "number\t32767");
}

TEST_CASE("CONCAT and CONCATENATE", "[text][concat]") {
    CHECK(line("=CONCAT(\"The\",\" \",\"sun\")") == "text\tThe sun");
    CHECK(line("=CONCAT({\"a\",\"b\";\"c\",\"d\"})") == "text\tabcd");
    CHECK(line_with(sample, "=CONCAT(B1:B4,\"!\")") == "text\tab1.5!");
    CHECK(line_with(sample, "=CONCAT(B1,D1)") == "error\t#DIV/0!");
    CHECK(line("=CONCAT(REPT(\"a\",20000),REPT(\"b\",20000))") == "error\t#VALUE!");
    CHECK(line("=CONCATENATE(\"Stream \",\"population for \",\"brook trout\")") ==
          "text\tStream population for brook trout");
    CHECK(line("=CONCATENATE(\"a\",1,TRUE)") == "text\ta1TRUE");
    CHECK(line("=CONCATENATE(\"a\",1/0)") == "error\t#DIV/0!");
    CHECK(line_with(sample, "=CONCATENATE(B1,B2,B3)") == "text\tab");
    CHECK(line("=INDEX(CONCATENATE({\"a\",\"b\"},\"!\"),1,2)") == "text\tb!");
    CHECK(line("=CONCATENATE(REPT(\"a\",20000),REPT(\"b\",20000))") == "error\t#VALUE!");
}

TEST_CASE("VALUE, REPT and EXACT", "[text][value]") {
    CHECK(line("=VALUE(\"$1,000\")") == "number\t1000");
    CHECK(line("=VALUE(\"  42  \")") == "number\t42");
    CHECK(line("=VALUE(\"50%\")") == "number\t0.5");
    CHECK(line("=VALUE(\"(5)\")") == "number\t-5");
    CHECK(line("=VALUE(5)") == "number\t5");
    CHECK(line("=VALUE(\"abc\")") == "error\t#VALUE!");
    CHECK(line("=VALUE(\"\")") == "error\t#VALUE!");
    CHECK(line("=VALUE(TRUE)") == "error\t#VALUE!");
    CHECK(line_with(sample, "=VALUE(B2)") == "number\t0");
    CHECK(line("=REPT(\"*-\",3)") == "text\t*-*-*-");
    CHECK(line("=REPT(\"ab\",2.9)") == "text\tabab");
    CHECK(line("=REPT(\"ab\",0)") == "text\t");
    CHECK(line("=REPT(\"a\",-1)") == "error\t#VALUE!");
    // support.microsoft.com REPT: a result longer than 32,767 characters is #VALUE!.
    CHECK(line("=LEN(REPT(\"a\",32767))") == "number\t32767");
    CHECK(line("=REPT(\"a\",32768)") == "error\t#VALUE!");
    CHECK(line("=REPT(\"ab\",16384)") == "error\t#VALUE!");
    CHECK(line("=EXACT(\"word\",\"word\")") == "bool\tTRUE");
    CHECK(line("=EXACT(\"Word\",\"word\")") == "bool\tFALSE");
    CHECK(line("=EXACT(\"w ord\",\"word\")") == "bool\tFALSE");
    CHECK(line("=EXACT(1,\"1\")") == "bool\tTRUE");
    CHECK(line_with(sample, "=EXACT(B2,\"\")") == "bool\tTRUE");
}

TEST_CASE("CHAR and CODE use Windows-1252", "[text][char]") {
    CHECK(line("=CHAR(65)") == "text\tA");
    CHECK(line("=CHAR(65.9)") == "text\tA");
    CHECK(line("=CHAR(\"66\")") == "text\tB");
    CHECK(line("=CHAR(128)") == "text\t€");
    CHECK(line("=CHAR(150)") == "text\t–");
    CHECK(line("=CHAR(233)") == "text\té");
    CHECK(line("=CHAR(0)") == "error\t#VALUE!");
    CHECK(line("=CHAR(256)") == "error\t#VALUE!");
    CHECK(line("=CODE(\"A\")") == "number\t65");
    CHECK(line("=CODE(\"abc\")") == "number\t97");
    CHECK(line("=CODE(1)") == "number\t49");
    CHECK(line("=CODE(\"€\")") == "number\t128");
    CHECK(line("=CODE(\"é\")") == "number\t233");
    CHECK(line("=CODE(CHAR(153))") == "number\t153");
    CHECK(line("=CODE(\"Ā\")") == "number\t63");  // not in Windows-1252: "?"
    CHECK(line("=CODE(\"\")") == "error\t#VALUE!");
}

TEST_CASE("UNICHAR, UNICODE and NUMBERVALUE", "[text][unicode]") {
    CHECK(line("=UNICHAR(66)") == "text\tB");
    CHECK(line("=UNICHAR(8364)") == "text\t€");
    CHECK(line("=UNICHAR(128512)") == "text\t😀");
    CHECK(line("=UNICHAR(0)") == "error\t#VALUE!");
    CHECK(line("=UNICODE(\"B\")") == "number\t66");
    CHECK(line("=UNICODE(\"😀\")") == "number\t128512");
    CHECK(line("=UNICODE(\"\")") == "error\t#VALUE!");
    // support.microsoft.com NUMBERVALUE examples.
    CHECK(line("=NUMBERVALUE(\"2.500,27\",\",\",\".\")") == "number\t2500.27");
    CHECK(line("=NUMBERVALUE(\"3.5%\")") == "number\t0.035");
    CHECK(line("=NUMBERVALUE(\" 1 234 \")") == "number\t1234");
    CHECK(line("=NUMBERVALUE(\"\")") == "number\t0");
    CHECK(line("=NUMBERVALUE(\"1.2.3\")") == "error\t#VALUE!");
    CHECK(line("=NUMBERVALUE(\"1.000,5\",\".\",\",\")") == "error\t#VALUE!");
}

TEST_CASE("TEXT formats through the shared number format engine", "[text][text_fn]") {
    // support.microsoft.com TEXT examples.
    CHECK(line("=TEXT(1234.567,\"$#,##0.00\")") == "text\t$1,234.57");
    CHECK(line("=TEXT(0.285,\"0.0%\")") == "text\t28.5%");
    CHECK(line("=TEXT(45306,\"dddd, mmmm d, yyyy\")") == "text\tMonday, January 15, 2024");
    CHECK(line("=TEXT(1.005,\"0.00\")") == "text\t1.01");  // half away from zero on the decimal value
    CHECK(line("=TEXT(-5,\"0;(0)\")") == "text\t(5)");
    CHECK(line("=TEXT(5,0)") == "text\t5");  // a numeric code is its text
    CHECK(line_with(sample, "=TEXT(B2,\"0.0\")") == "text\t0.0");  // a blank cell is 0
    CHECK(line("=INDEX(TEXT({1,2},\"00\"),1,2)") == "text\t02");
}

TEST_CASE("TEXT of text: numeric text converts, other text takes the text section", "[text][text_fn]") {
    CHECK(line("=TEXT(\"12.5\",\"0.00\")") == "text\t12.50");
    CHECK(line("=TEXT(\"abc\",\"0\")") == "text\tabc");
    CHECK(line("=TEXT(\"abc\",\"@\")") == "text\tabc");
    CHECK(line("=TEXT(\"abc\",\"\"\"<\"\"@\"\">\"\"\")") == "text\t<abc>");
    CHECK(line("=TEXT(\"x\",\"0;0;0;\"\"text: \"\"@\")") == "text\ttext: x");
    CHECK(line("=TEXT(5,\"0;0;0;\"\"text: \"\"@\")") == "text\t5");
    CHECK(line("=TEXT(TRUE,\"0.00\")") == "text\tTRUE");
}

TEST_CASE("TEXT errors", "[text][text_fn]") {
    CHECK(line("=TEXT(1/0,\"0\")") == "error\t#DIV/0!");
    CHECK(line("=TEXT(5,\"[Red\")") == "error\t#VALUE!");          // an invalid code
    CHECK(line("=TEXT(-1,\"yyyy-mm-dd\")") == "error\t#VALUE!");    // no such date
}

TEST_CASE("FIXED and DOLLAR", "[text][fixed]") {
    // support.microsoft.com FIXED examples.
    CHECK(line("=FIXED(1234.567,1)") == "text\t1,234.6");
    CHECK(line("=FIXED(1234.567,-1)") == "text\t1,230");
    CHECK(line("=FIXED(-1234.567,-1,TRUE)") == "text\t-1230");
    CHECK(line("=FIXED(44.332)") == "text\t44.33");
    CHECK(line("=FIXED(2.5,0)") == "text\t3");
    CHECK(line("=FIXED(1,128)") == "error\t#VALUE!");
    // support.microsoft.com DOLLAR examples: negative amounts in parentheses.
    CHECK(line("=DOLLAR(1234.567,2)") == "text\t$1,234.57");
    CHECK(line("=DOLLAR(1234.567,-2)") == "text\t$1,200");
    CHECK(line("=DOLLAR(-1234.567,-2)") == "text\t($1,200)");
    CHECK(line("=DOLLAR(-0.123,4)") == "text\t($0.1230)");
    CHECK(line("=DOLLAR(99.888)") == "text\t$99.89");
}

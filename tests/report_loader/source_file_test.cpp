// source_file: byte offsets to 1-based lines and columns counted in characters,
// line texts without their line breaks, CRLF and a byte order mark.
#include <catch2/catch.hpp>

#include "folio/dsl/source_file.hpp"

using folio::dsl::line_column;
using folio::dsl::source_file;

namespace {

std::string at(const source_file& f, std::uint32_t offset) {
    const line_column lc = f.position(offset);
    return std::to_string(lc.line) + ":" + std::to_string(lc.column);
}

}  // namespace

TEST_CASE("source_file: ASCII lines and columns", "[report_loader][source_file]") {
    const source_file f("r.folio", "ab\ncd\n\nxyz");
    CHECK(f.path() == "r.folio");
    CHECK(f.line_count() == 4);
    CHECK(at(f, 0) == "1:1");
    CHECK(at(f, 1) == "1:2");
    CHECK(at(f, 2) == "1:3");  // the "\n" itself: just after the last character
    CHECK(at(f, 3) == "2:1");
    CHECK(at(f, 4) == "2:2");
    CHECK(at(f, 6) == "3:1");
    CHECK(at(f, 7) == "4:1");
    CHECK(at(f, 10) == "4:4");  // the end
    CHECK(at(f, 1000) == "4:4");  // past the end maps to the end
    CHECK(f.line_text(1) == "ab");
    CHECK(f.line_text(2) == "cd");
    CHECK(f.line_text(3) == "");
    CHECK(f.line_text(4) == "xyz");
    CHECK(f.line_text(0) == "");
    CHECK(f.line_text(5) == "");
}

TEST_CASE("source_file: columns count UTF-8 characters, not bytes", "[report_loader][source_file]") {
    const source_file f("r.folio", "x \xE2\x86\x92 y\n\xC3\xA9t\xC3\xA9 = 1");  // "x → y", "été = 1"
    CHECK(at(f, 2) == "1:3");  // the arrow
    CHECK(at(f, 5) == "1:4");  // the space after the 3-byte arrow
    CHECK(at(f, 6) == "1:5");
    CHECK(at(f, 8) == "2:1");
    CHECK(at(f, 10) == "2:2");  // "t" after the 2-byte "é"
    CHECK(at(f, 14) == "2:5");  // "="
    CHECK(f.line_text(2) == "\xC3\xA9t\xC3\xA9 = 1");
    // An emoji (4 bytes) is one column.
    const source_file g("r.folio", "\xF0\x9F\x98\x80x");
    CHECK(at(g, 4) == "1:2");
}

TEST_CASE("source_file: each byte of invalid UTF-8 is one column", "[report_loader][source_file]") {
    const source_file f("r.folio", "\xFF\xFE" "a\xC3" "b\xE2\x82");
    CHECK(at(f, 1) == "1:2");
    CHECK(at(f, 2) == "1:3");  // "a"
    CHECK(at(f, 4) == "1:5");  // "b" after a truncated 2-byte sequence
    CHECK(at(f, 7) == "1:8");  // the end, after a truncated 3-byte sequence
}

TEST_CASE("source_file: CRLF line ends", "[report_loader][source_file]") {
    const source_file f("r.folio", "a = 1\r\nbb = 2\r\n");
    CHECK(f.line_count() == 3);
    CHECK(f.line_text(1) == "a = 1");
    CHECK(f.line_text(2) == "bb = 2");
    CHECK(f.line_text(3) == "");
    CHECK(at(f, 5) == "1:6");  // the "\r"
    CHECK(at(f, 7) == "2:1");
    CHECK(at(f, 10) == "2:4");
    CHECK(at(f, 15) == "3:1");
    // A lone "\r" is no line break.
    const source_file g("r.folio", "a\rb");
    CHECK(g.line_count() == 1);
    CHECK(g.line_text(1) == "a\rb");
}

TEST_CASE("source_file: the last line without a newline", "[report_loader][source_file]") {
    const source_file f("r.folio", "first\nlast");
    CHECK(f.line_count() == 2);
    CHECK(f.line_text(2) == "last");
    CHECK(at(f, 10) == "2:5");
    const source_file crlf("r.folio", "first\r\nlast\r");  // a trailing lone "\r" stays
    CHECK(crlf.line_text(2) == "last\r");
}

TEST_CASE("source_file: a byte order mark has no column", "[report_loader][source_file]") {
    const source_file f("r.folio", "\xEF\xBB\xBFmetric x = 1\nb");
    CHECK(at(f, 0) == "1:1");
    CHECK(at(f, 3) == "1:1");
    CHECK(at(f, 10) == "1:8");
    CHECK(f.line_text(1) == "metric x = 1");
    CHECK(f.line_text(2) == "b");
    const source_file only("r.folio", "\xEF\xBB\xBF");
    CHECK(only.line_text(1) == "");
    CHECK(at(only, 3) == "1:1");
}

TEST_CASE("source_file: empty text", "[report_loader][source_file]") {
    const source_file f("r.folio", "");
    CHECK(f.line_count() == 1);
    CHECK(at(f, 0) == "1:1");
    CHECK(f.line_text(1) == "");
    const source_file none;
    CHECK(none.line_count() == 0);
}

// The diagnostic printers: golden text in the compiler layout (header, gutter,
// caret line, notes) and the JSON array for editors, with its escaping.
#include <catch2/catch.hpp>

#include "folio/dsl/diagnostic.hpp"

using namespace folio::dsl;

namespace {

// The span of the first occurrence of `what` in `file`, `length` bytes long (its
// own length by default).
source_span span_of(const source_file& file, std::string_view what, std::uint32_t length = 0) {
    const auto offset = static_cast<std::uint32_t>(file.text().find(what));
    REQUIRE(offset != std::string::npos);
    return {offset, length ? length : static_cast<std::uint32_t>(what.size())};
}

}  // namespace

TEST_CASE("format_text: an error with a hint note", "[report_loader][diagnostic]") {
    std::string text;
    for (int i = 1; i <= 11; ++i) text += "// line " + std::to_string(i) + "\n";
    text += "metric total = SUMIFZ(tickets.minutes, \">0\")\n";
    const source_file file("report.folio", text);
    diagnostic_list list;
    list.error(&file, span_of(file, "SUMIFZ"), "unknown function 'SUMIFZ'")
        .notes.push_back({"did you mean 'SUMIFS'?", nullptr, {}});
    CHECK(format_text(list) ==
          "report.folio:12:16: error: unknown function 'SUMIFZ'\n"
          "   12 | metric total = SUMIFZ(tickets.minutes, \">0\")\n"
          "      |                ^~~~~~\n"
          "note: did you mean 'SUMIFS'?\n");
    CHECK(list.has_errors());
    CHECK(list.error_count() == 1);
}

TEST_CASE("format_text: a note with a place shows its own line", "[report_loader][diagnostic]") {
    const source_file file("r.folio", "metric NPS = 1\nmetric CSAT = 2\nmetric NPS = 3\n");
    diagnostic_list list;
    const source_span second{static_cast<std::uint32_t>(file.text().rfind("NPS")), 3};
    list.error(&file, second, "duplicate metric 'NPS'").notes.push_back({"first defined here", &file, span_of(file, "NPS")});
    CHECK(format_text(list) ==
          "r.folio:3:8: error: duplicate metric 'NPS'\n"
          "    3 | metric NPS = 3\n"
          "      |        ^~~\n"
          "r.folio:1:8: note: first defined here\n"
          "    1 | metric NPS = 1\n"
          "      |        ^~~\n");
}

TEST_CASE("format_text: a warning", "[report_loader][diagnostic]") {
    const source_file file("r.folio", "source s = csv(\"s.csv\")\nfilter big = s.x > 9\n");
    diagnostic_list list;
    list.warning(&file, span_of(file, "big"), "unused filter 'big'");
    CHECK(format_text(list) ==
          "r.folio:2:8: warning: unused filter 'big'\n"
          "    2 | filter big = s.x > 9\n"
          "      |        ^~~\n");
    CHECK_FALSE(list.has_errors());
    CHECK(list.error_count() == 0);
}

TEST_CASE("format_text: tabs before the span stay tabs", "[report_loader][diagnostic]") {
    const source_file file("r.folio", "\tmetric\tX = 1\n");
    diagnostic_list list;
    list.error(&file, span_of(file, "X"), "bad");
    CHECK(format_text(list) ==
          "r.folio:1:9: error: bad\n"
          "    1 | \tmetric\tX = 1\n"
          "      | \t      \t^\n");
}

TEST_CASE("format_text: a span past the end of its line underlines to the end", "[report_loader][diagnostic]") {
    const source_file file("r.folio", "x abc\nnext\n");
    diagnostic_list list;
    list.error(&file, span_of(file, "abc", 40), "too long");
    CHECK(format_text(list) ==
          "r.folio:1:3: error: too long\n"
          "    1 | x abc\n"
          "      |   ^~~\n");
}

TEST_CASE("format_text: a span over several lines underlines the first line", "[report_loader][diagnostic]") {
    const source_file file("r.folio", "metric a = (1 +\n  2\n");
    diagnostic_list list;
    list.error(&file, span_of(file, "(1 +", 9), "spans lines");
    CHECK(format_text(list) ==
          "r.folio:1:12: error: spans lines\n"
          "    1 | metric a = (1 +\n"
          "      |            ^~~~\n");
}

TEST_CASE("format_text: empty spans, line ends and the end of the file", "[report_loader][diagnostic]") {
    const source_file file("r.folio", "metric a = \r\n");
    diagnostic_list list;
    list.error(&file, {11, 0}, "expected an expression");  // at the "\r"
    list.error(&file, {13, 0}, "unexpected end of input");  // after the last line break
    CHECK(format_text(list) ==
          "r.folio:1:12: error: expected an expression\n"
          "    1 | metric a = \n"
          "      |            ^\n"
          "r.folio:2:1: error: unexpected end of input\n"
          "    2 |\n"
          "      | ^\n");
}

TEST_CASE("format_text: control characters and invalid UTF-8 show as U+FFFD", "[report_loader][diagnostic]") {
    const source_file file("r.folio", "a\x01" "b \xFF" "c\x1B[2J\n");
    diagnostic_list list;
    list.error(&file, span_of(file, "c"), "odd");
    CHECK(format_text(list) ==
          "r.folio:1:6: error: odd\n"
          "    1 | a\xEF\xBF\xBD" "b \xEF\xBF\xBD" "c\xEF\xBF\xBD[2J\n"
          "      |      ^\n");
}

TEST_CASE("format_text: wide characters take two columns in the caret line", "[report_loader][diagnostic]") {
    const source_file file("r.folio", "\xE5\x90\x8D\xE5\x89\x8D = x\n");  // 名前 = x
    diagnostic_list list;
    list.error(&file, span_of(file, "x"), "wide");
    CHECK(format_text(list) ==
          "r.folio:1:6: error: wide\n"
          "    1 | \xE5\x90\x8D\xE5\x89\x8D = x\n"
          "      |        ^\n");
}

TEST_CASE("format_text: a very long line is shown as a window", "[report_loader][diagnostic]") {
    std::string line(5000, 'a');
    line.replace(3000, 3, "BAD");
    const source_file file("r.folio", line + "\n");
    diagnostic_list list;
    list.error(&file, span_of(file, "BAD"), "bad");
    const std::string shown = "..." + line.substr(2872, 3 + 2 * 128) + "...";
    CHECK(format_text(list) ==
          "r.folio:1:3001: error: bad\n"
          "    1 | " + shown + "\n"
          "      | " + std::string(3 + 128, ' ') + "^~~\n");
}

TEST_CASE("format_text: the gutter widens for long files", "[report_loader][diagnostic]") {
    const source_file file("r.folio", std::string(123456, '\n') + "x\n");
    diagnostic_list list;
    list.error(&file, span_of(file, "x"), "far");
    CHECK(format_text(list) ==
          "r.folio:123457:1: error: far\n"
          "123457 | x\n"
          "       | ^\n");
}

TEST_CASE("format_text: a problem without a file", "[report_loader][diagnostic]") {
    diagnostic_list list;
    list.error(nullptr, {}, "cannot read 'x.folio': no such file or directory");
    CHECK(format_text(list) == "folio: error: cannot read 'x.folio': no such file or directory\n");
}

TEST_CASE("diagnostic_list: printed sorted by file, then position, stably", "[report_loader][diagnostic]") {
    const source_file a("a.folio", "one two\n");
    const source_file b("b.folio", "three\n");
    diagnostic_list list;
    list.error(&b, {0, 5}, "b first");
    list.warning(&a, {4, 3}, "a second");
    list.error(&a, {0, 3}, "a first");
    list.error(&a, {4, 3}, "a second again");
    list.error(nullptr, {}, "no file");
    const std::string text = format_text(list);
    const auto pos = [&](const char* s) { return text.find(s); };
    CHECK(pos("no file") < pos("a first"));
    CHECK(pos("a first") < pos("a second"));
    CHECK(pos("a second") < pos("a second again"));
    CHECK(pos("a second again") < pos("b first"));
    CHECK(list.items().front().message == "b first");  // printing does not reorder the list
    list.sort();
    CHECK(list.items()[0].message == "no file");
    CHECK(list.items()[1].message == "a first");
    CHECK(list.items()[2].message == "a second");
    CHECK(list.items()[3].message == "a second again");
    CHECK(list.items()[4].message == "b first");
    CHECK(list.error_count() == 4);
}

TEST_CASE("format_json: the documented array", "[report_loader][diagnostic]") {
    std::string text;
    for (int i = 1; i <= 11; ++i) text += "\n";
    text += "metric total = SUMIFZ(x)\n";
    const source_file file("r.folio", text);
    diagnostic_list list;
    CHECK(format_json(list) == "[]");
    auto& d = list.error(&file, span_of(file, "SUMIFZ"), "unknown function 'SUMIFZ'");
    d.notes.push_back({"did you mean 'SUMIFS'?", nullptr, {}});
    d.notes.push_back({"defined here", &file, span_of(file, "total")});
    list.warning(nullptr, {}, "no place");
    CHECK(format_json(list) ==
          "[\n"
          "{\"severity\":\"warning\",\"file\":null,\"line\":null,\"column\":null,\"end_line\":null,\"end_column\":null,"
          "\"message\":\"no place\",\"notes\":[]},\n"
          "{\"severity\":\"error\",\"file\":\"r.folio\",\"line\":12,\"column\":16,\"end_line\":12,\"end_column\":22,"
          "\"message\":\"unknown function 'SUMIFZ'\",\"notes\":["
          "{\"message\":\"did you mean 'SUMIFS'?\",\"file\":null,\"line\":null,\"column\":null},"
          "{\"message\":\"defined here\",\"file\":\"r.folio\",\"line\":12,\"column\":8}]}\n"
          "]");
}

TEST_CASE("format_json: strings are escaped", "[report_loader][diagnostic]") {
    const source_file file("dir\\\"odd\".folio", "x");
    diagnostic_list list;
    list.error(&file, {0, 1}, "quote \" backslash \\ newline \n tab \t cr \r nul " + std::string(1, '\0') +
                                  " bell \x07 del \x7F bad \xFF\xC3 ok \xC3\xA9 \xE2\x82\xAC");
    CHECK(format_json(list) ==
          "[\n"
          "{\"severity\":\"error\",\"file\":\"dir\\\\\\\"odd\\\".folio\",\"line\":1,\"column\":1,\"end_line\":1,"
          "\"end_column\":2,\"message\":\"quote \\\" backslash \\\\ newline \\n tab \\t cr \\r nul \\u0000 bell \\u0007 "
          "del \\u007f bad \\ufffd\\ufffd ok \xC3\xA9 \xE2\x82\xAC\",\"notes\":[]}\n"
          "]");
}

TEST_CASE("format_json: a span running past the end of the file", "[report_loader][diagnostic]") {
    const source_file file("r.folio", "ab\ncd");
    diagnostic_list list;
    list.error(&file, {4, 0xFFFFFFFFu}, "huge");
    CHECK(format_json(list).find("\"line\":2,\"column\":2,\"end_line\":2,\"end_column\":3") != std::string::npos);
    CHECK(format_text(list) == "r.folio:2:2: error: huge\n    2 | cd\n      |  ^\n");
}

// True when `s` is well-formed UTF-8 whose only control character is "\n" (and
// "\t" when `tabs`).
bool clean_utf8(const std::string& s, bool tabs) {
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            if ((c < 0x20 && c != '\n' && !(tabs && c == '\t')) || c == 0x7F) return false;
            ++i;
            continue;
        }
        const std::size_t n = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
        if (n == 0 || i + n > s.size()) return false;
        for (std::size_t k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        i += n;
    }
    return true;
}

TEST_CASE("format_text and format_json: random text and spans", "[report_loader][diagnostic]") {
    // Bytes, line breaks, tabs, control characters and broken UTF-8 in any order, in
    // the source and in the messages: the printers stay in bounds, print valid UTF-8
    // and no control characters but line breaks (and tabs in source lines).
    std::uint32_t seed = 12345;
    const auto next = [&] { return seed = seed * 1103515245u + 12345u, (seed >> 8) & 0xFFFF; };
    const std::string alphabet = std::string("ab \t\r\n\x01\x7F", 8) + "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\xFF\xE5\x90\x8D";
    bool clean = true;
    for (int round = 0; round < 2000 && clean; ++round) {
        std::string text;
        const auto size = next() % 64;
        for (unsigned i = 0; i < size; ++i) text += alphabet[next() % alphabet.size()];
        if (round % 100 == 0) text = std::string(3000, 'x') + text;  // long lines too
        const source_file file("r.folio", text);
        diagnostic_list list;
        const std::uint32_t offset = next() % (text.size() + 3);
        const std::uint32_t length = round % 7 == 0 ? 0xFFFFFFFFu : next() % 10;
        list.error(&file, {offset, length}, text).notes.push_back({text, &file, {length, offset}});
        list.warning(nullptr, {}, text).notes.push_back({text, nullptr, {}});
        clean = clean_utf8(format_text(list), true) && clean_utf8(format_json(list), false);
        INFO("round " << round);
        CHECK(clean);
    }
}

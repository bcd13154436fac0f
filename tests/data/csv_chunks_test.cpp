// Cutting a CSV file into chunks of whole records for the parallel read: where the last
// record of some bytes ends (quotes, doubled quotes, CR, CRLF, a quote inside an unquoted
// field), and that the chunks of a file, whatever their size, hold exactly the records of
// the whole file, with quoted line breaks straddling every possible cut.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "../../engine/data/csv_chunks.hpp"
#include "../../engine/data/csv_splitter.hpp"
#include "data_test_files.hpp"

using namespace folio::data;
using folio::data::detail::csv_chunk;
using folio::data::detail::csv_chunk_reader;
using folio::data::detail::last_record_end;
using folio::data::test::temp_dir;

namespace {

// The offset where last_record_end puts the cut in `text` (read as if more could follow).
std::size_t cut(const std::string& text) {
    return static_cast<std::size_t>(last_record_end(text.data(), text.data() + text.size(), ',', '"') - text.data());
}

// The records of `bytes` (with a sentinel after them), one string each: the fields joined
// by '|', "(blank)" for an empty line, "(error)" for a malformed record (which ends them).
std::vector<std::string> records_of(const char* begin, const char* end) {
    detail::csv_splitter splitter(',', '"');
    std::vector<std::string> out;
    std::vector<detail::csv_field> fields;
    std::string scratch;
    const char* cursor = begin;
    for (;;) {
        fields.clear();
        const char* error_at = nullptr;
        const detail::split_status s = splitter.split(cursor, end, true, fields, error_at);
        if (s == detail::split_status::end_of_data) return out;
        if (s == detail::split_status::blank_line) {
            out.push_back("(blank)");
            continue;
        }
        if (s != detail::split_status::record) {
            out.push_back("(error)");
            return out;
        }
        std::string record;
        for (std::size_t i = 0; i < fields.size(); ++i) record += (i ? "|" : "") + std::string(splitter.value(fields[i], scratch));
        out.push_back(record);
    }
}

// The records of a whole text.
std::vector<std::string> records_of(const std::string& text) {
    std::vector<char> buffer(text.begin(), text.end());
    buffer.push_back('\n');
    buffer.resize(buffer.size() + 64, 0);
    return records_of(buffer.data(), buffer.data() + text.size());
}

struct chunked {
    std::vector<std::string> records;  // of every chunk, in order
    std::string bytes;                 // the chunks one after another
    std::size_t chunks = 0;
};

// Reads the file from `start` in chunks of about `chunk_bytes` bytes.
chunked read_chunked(const std::filesystem::path& path, std::uint64_t start, std::size_t chunk_bytes) {
    csv_chunk_reader reader(path, "surveys.csv", start, chunk_bytes, ',', '"');
    chunked out;
    std::uint64_t offset = start;
    for (;;) {
        csv_chunk chunk;
        if (!reader.next(chunk)) break;
        CHECK(chunk.offset == offset);
        CHECK(*chunk.end() == '\n');  // the sentinel
        offset += chunk.size;
        ++out.chunks;
        out.bytes.append(chunk.begin(), chunk.size);
        for (std::string& r : records_of(chunk.begin(), chunk.end())) out.records.push_back(std::move(r));
        reader.recycle(std::move(chunk.bytes));
    }
    return out;
}

}  // namespace

TEST_CASE("csv chunks: the last record end follows quotes and line breaks", "[data]") {
    CHECK(cut("a,b\nc,d\ne,") == 8);
    CHECK(cut("a,b\nc,d\n") == 8);
    CHECK(cut("a,b") == 0);                  // no record is known to end
    CHECK(cut("\"a\nb\",c\nd,\"e\nf") == 8);  // line breaks inside quotes are data
    CHECK(cut("a,\"x\ny") == 0);
    CHECK(cut("a,\"x\"\"\ny\"\nz") == 10);    // a doubled quote does not close the field
    CHECK(cut("a,\"x\"") == 0);              // the quote may be the first of a doubled pair
    CHECK(cut("a,\"x\"\"") == 0);
    CHECK(cut("a,\"x\",\n") == 7);
    CHECK(cut("5 \"inch\nb\n") == 10);       // a quote inside an unquoted field is a character
    CHECK(cut("a\"\nb") == 3);
    CHECK(cut("a,b\r\nc") == 5);             // CRLF is one line break
    CHECK(cut("a,b\r\nc\r") == 5);           // a CR at the end may be half of a CRLF
    CHECK(cut("a,b\rc,d\r\"e\"") == 8);      // a lone CR ends a line
    CHECK(cut("\n\n\n") == 3);               // empty lines end rows too
    CHECK(cut("\"a\"\n\"b") == 4);
    CHECK(cut("x\n\"a\nb\"\"\n\"\"\"\n") == 13);  // the field holds a\nb"\n"
}

TEST_CASE("csv chunks: any chunk size gives the records of the whole file", "[data]") {
    temp_dir dir;
    const std::vector<std::string> texts = {
        // Quoted fields with line breaks, doubled quotes and delimiters, LF.
        "id,comment,score\n1,\"line one\nline two\",9\n2,\"say \"\"hi\"\"\n,again\",7\n3,plain,\n4,\"\",5\n",
        // CRLF, lone CR, blank lines, quoted CRLF, no line break at the end.
        "a,b\r\n1,\"x\r\ny\"\r\n\r\n2,z\r3,\"\r\"\r\n\n4,w",
        // An empty last line and a last record ending in a quote.
        "a,b\n1,\"2\"\n\n",
        // A quote inside an unquoted field followed by a line break.
        "a,b\n5 \"inch,x\n\"q\nq\",y\n",
        // Quoted fields longer than the chunks.
        "a\n\"" + std::string(50, 'x') + "\n" + std::string(30, 'y') + "\"\nb\n",
    };
    for (std::size_t t = 0; t < texts.size(); ++t) {
        const std::string& text = texts[t];
        const auto path = dir.write("s" + std::to_string(t) + ".csv", text);
        const std::vector<std::string> whole = records_of(text);
        for (std::size_t size = 1; size <= text.size() + 1; ++size) {
            INFO("text " << t << ", chunks of " << size << " bytes");
            const chunked c = read_chunked(path, 0, size);
            CHECK(c.bytes == text);
            CHECK(c.records == whole);
        }
    }
}

TEST_CASE("csv chunks: reading from after the header and a byte-order mark", "[data]") {
    temp_dir dir;
    const std::string text = "\xEF\xBB\xBF" "id,score\r\n1,\"9\r\n\"\r\n2,8\r\n";
    const auto path = dir.write("s.csv", text);
    const chunked from_bom = read_chunked(path, 3, 4);
    CHECK(from_bom.records == std::vector<std::string>{"id|score", "1|9\r\n", "2|8"});
    const chunked after_header = read_chunked(path, 13, 2);
    CHECK(after_header.records == std::vector<std::string>{"1|9\r\n", "2|8"});
    CHECK(after_header.bytes == text.substr(13));
}

TEST_CASE("csv chunks: an empty rest, an unclosed quote and a file smaller than a chunk", "[data]") {
    temp_dir dir;
    const auto header_only = dir.write("h.csv", "id,score\n");
    CHECK(read_chunked(header_only, 9, 1024).chunks == 0);
    const auto unclosed = dir.write("u.csv", "a\n1\n\"open\n2\n3\n");
    const chunked c = read_chunked(unclosed, 0, 3);
    CHECK(c.records == std::vector<std::string>{"a", "1", "(error)"});  // the rest of the file is one chunk
    const auto tiny = dir.write("t.csv", "a\n1");
    const chunked one = read_chunked(tiny, 0, 1 << 20);
    CHECK(one.chunks == 1);
    CHECK(one.records == std::vector<std::string>{"a", "1"});
}

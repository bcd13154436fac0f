// RFC 4180 record splitting: one record of a CSV window into fields, without copying.
//
// A field is quoted when it starts with the quote character; inside, a doubled quote is
// one quote and delimiters and line breaks are data. An unquoted field runs to the next
// delimiter or line break (a quote inside it is an ordinary character). Records end at LF,
// CRLF or a lone CR; an empty line is reported as a blank line, not a record. The window
// must be followed by a '\n' sentinel (csv_input provides it), so the scanning loop stops
// at the end without a bounds check; a record cut by the end of the window asks for more.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace folio::data::detail {

/// One field of a record, pointing into the window.
struct csv_field {
    const char* begin = nullptr;   // the content: inside the quotes of a quoted field
    std::uint32_t size = 0;
    bool quoted = false;
    bool doubled_quotes = false;   // the content still holds "" pairs

    /// Returns where the field starts in the file text (its opening quote when quoted).
    const char* start() const { return quoted ? begin - 1 : begin; }

    /// Returns the content, with doubled quotes still doubled.
    std::string_view raw() const { return std::string_view(begin, size); }
};

enum class split_status : std::uint8_t {
    record,            // a record was split; the cursor is past its line break
    blank_line,        // an empty line was skipped
    need_more,         // the record runs past the window: refill and split again from the same place
    end_of_data,       // nothing is left
    unclosed_quote,    // a quoted field runs to the end of the file
    text_after_quote,  // a closing quote is followed by something other than a delimiter or line break
};

class csv_splitter {
public:
    csv_splitter(char delimiter, char quote);

    /// Splits the record at `cursor` (advancing it past the record), appending its fields to
    /// `fields` (which may keep a partial record after need_more or an error: the caller trims
    /// it); on an error `error_at` points at the offending quote or character.
    split_status split(const char*& cursor, const char* end, bool eof, std::vector<csv_field>& fields,
                       const char*& error_at) const;

    /// Returns a field's value: its content, with doubled quotes made single in `scratch` when it has any.
    std::string_view value(const csv_field& field, std::string& scratch) const;

private:
    char delimiter_;
    char quote_;
    std::array<bool, 256> stops_{};  // delimiter, '\n', '\r'
};

}  // namespace folio::data::detail

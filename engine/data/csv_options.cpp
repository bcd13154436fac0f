// Checking the options of a CSV source before any byte is read.
#include <string>

#include "folio/engine/data/csv.hpp"
#include "value_parsing.hpp"

namespace folio::data {

std::string check_csv_options(const csv_options& options) {
    const auto shown = [](char c) {
        if (c == '\t') return std::string("tab");
        if (c == '\n') return std::string("a line break");
        if (c == '\r') return std::string("a carriage return");
        return "'" + std::string(1, c) + "'";
    };
    if (options.delimiter == '\n' || options.delimiter == '\r' || options.delimiter == '\0')
        return "the delimiter cannot be " + shown(options.delimiter);
    if (options.quote == '\n' || options.quote == '\r' || options.quote == '\0')
        return "the quote cannot be " + shown(options.quote);
    if (options.delimiter == options.quote) return "the delimiter and the quote are both " + shown(options.quote);
    if (options.decimal != '.' && options.decimal != ',')
        return "the decimal separator must be '.' or ',', found " + shown(options.decimal);
    if (options.decimal == options.delimiter)
        return "the decimal separator and the delimiter are both " + shown(options.decimal) +
               " (files with decimal ',' usually use delimiter ';')";
    std::string encoding;
    for (char c : options.encoding) encoding.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    if (encoding != "utf-8" && encoding != "utf8" && encoding != "utf-8-sig")
        return "encoding '" + options.encoding + "' is not supported: only UTF-8 is";
    if (!options.date_format.empty()) {
        std::string error;
        if (!detail::date_format::compile(options.date_format, error)) return error;
    }
    if (options.batch_rows == 0) return "batch_rows must be at least 1";
    return {};
}

}  // namespace folio::data

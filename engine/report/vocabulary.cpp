// The names of the model's enums, and the result types of Excel functions as the
// checker sees them.
//
// The function registry knows arities but not types, so the few families whose
// result is not a number are listed here: text functions, predicates, date
// constructors, and the functions that return one of their arguments.
#include "vocabulary.hpp"

#include <algorithm>

namespace folio::report {

std::string_view type_name(value_type type) {
    switch (type) {
        case value_type::number: return "number";
        case value_type::text: return "text";
        case value_type::boolean: return "bool";
        case value_type::date: return "date";
        case value_type::unknown: break;
    }
    return "unknown";
}

std::string_view grain_name(time_grain grain) {
    for (const auto& row : detail::time_grains)
        if (row.value == grain) return row.name;
    return "";
}

std::string_view aggregate_name(aggregate_kind kind) {
    for (const auto& row : detail::aggregates)
        if (row.value == kind) return row.name;
    return "";
}

std::string_view shift_name(shift_kind kind) {
    for (const auto& row : detail::shifts)
        if (row.value == kind) return row.name;
    return "";
}

std::string_view source_kind_name(source_kind kind) {
    for (const auto& row : detail::source_kinds)
        if (row.value == kind) return row.name;
    return "";
}

std::string_view chart_type_name(chart_type type) {
    for (const auto& row : detail::chart_types)
        if (row.value == type) return row.name;
    return "";
}

std::string_view output_format_name(output_format format) {
    for (const auto& row : detail::output_formats)
        if (row.value == format) return row.name;
    return "";
}

}  // namespace folio::report

namespace folio::report::detail {
namespace {

constexpr std::array<std::string_view, 27> text_functions{
    "ADDRESS", "CHAR", "CLEAN", "CONCAT", "CONCATENATE", "DOLLAR", "FIXED", "LEFT", "LOWER", "MID",
    "PROPER", "REPLACE", "REPT", "RIGHT", "SUBSTITUTE", "T", "TEXT", "TEXTJOIN", "TRIM", "UNICHAR", "UPPER",
    "TEXTBEFORE", "TEXTAFTER", "VALUETOTEXT", "ARRAYTOTEXT", "FORMULATEXT", "CELL",
};

constexpr std::array<std::string_view, 20> bool_functions{
    "AND", "EXACT", "FALSE", "ISBLANK", "ISERR", "ISERROR", "ISEVEN", "ISFORMULA", "ISLOGICAL", "ISNA",
    "ISNONTEXT", "ISNUMBER", "ISODD", "ISREF", "ISTEXT", "NOT", "OR", "TRUE", "XOR", "ISOMITTED",
};

constexpr std::array<std::string_view, 8> date_functions{
    "DATE", "DATEVALUE", "EDATE", "EOMONTH", "NOW", "TODAY", "WORKDAY", "WORKDAY.INTL",
};

// Functions that return one of their arguments: the result is the common type of the
// arguments at these positions (every position from `first` on, every `step`).
struct pass_through {
    std::string_view name;
    std::size_t first;
    std::size_t step;
};

constexpr std::array<pass_through, 9> pass_through_functions{{
    {"IF", 1, 1}, {"IFERROR", 0, 1}, {"IFNA", 0, 1}, {"IFS", 1, 2}, {"CHOOSE", 1, 1}, {"MIN", 0, 1},
    {"MAX", 0, 1}, {"MEDIAN", 0, 1}, {"SWITCH", 2, 2},
}};

template <std::size_t N>
bool listed(const std::array<std::string_view, N>& names, std::string_view name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string join_words(const std::vector<std::string>& words, std::string_view last) {
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i > 0) out += i + 1 == words.size() ? std::string(last) : std::string(", ");
        out += words[i];
    }
    return out;
}

value_type excel_result_type(std::string_view name, const std::vector<value_type>& arguments) {
    if (listed(text_functions, name)) return value_type::text;
    if (listed(bool_functions, name)) return value_type::boolean;
    if (listed(date_functions, name)) return value_type::date;
    for (const pass_through& row : pass_through_functions) {
        if (row.name != name) continue;
        std::optional<value_type> common;
        for (std::size_t i = row.first; i < arguments.size(); i += row.step) {
            // SWITCH(value, match1, result1, ..., default): a trailing default is a result too.
            if (!common) common = arguments[i];
            else if (*common != arguments[i]) return value_type::unknown;
        }
        if (row.name == "SWITCH" && arguments.size() % 2 == 0 && !arguments.empty() && common &&
            *common != arguments.back())
            return value_type::unknown;
        // MIN, MAX and MEDIAN of numbers and bools are numbers.
        if (common && *common == value_type::boolean && row.first == 0 && row.name != "IFERROR" && row.name != "IFNA")
            return value_type::number;
        return common.value_or(value_type::unknown);
    }
    if (name == "INDEX" || name == "XLOOKUP" || name == "VLOOKUP" || name == "HLOOKUP" || name == "LOOKUP" ||
        name == "OFFSET" || name == "INDIRECT" || name == "FILTER" || name == "SORT" || name == "SORTBY" ||
        name == "UNIQUE" || name == "NA")
        return value_type::unknown;
    return value_type::number;
}

}  // namespace folio::report::detail

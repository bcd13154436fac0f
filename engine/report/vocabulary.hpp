// The words of the report language the checker accepts, in one place: chart types,
// time grains, output formats, source kinds and their options, column types, the
// options of metrics, charts and tables, the report settings, the aggregates.
//
// Adding a chart type, an option or a setting starts with a row here; the checker
// suggests the closest row for a misspelt word ("did you mean 'line'?").
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "folio/engine/report/report_model.hpp"

namespace folio::report::detail {

template <class E>
struct keyword {
    std::string_view name;
    E value;
};

// The value of the row called `name` (exact spelling), if any.
template <class E, std::size_t N>
std::optional<E> find_keyword(const std::array<keyword<E>, N>& table, std::string_view name) {
    for (const keyword<E>& row : table)
        if (row.name == name) return row.value;
    return std::nullopt;
}

// The names of the rows, for "did you mean" and for notes that list them.
template <class E, std::size_t N>
std::vector<std::string> keyword_names(const std::array<keyword<E>, N>& table) {
    std::vector<std::string> names;
    for (const keyword<E>& row : table) names.emplace_back(row.name);
    return names;
}

// `s` with ASCII letters in lower case (keywords are matched this way where case does not matter).
std::string lower_ascii(std::string_view s);

// "a, b and c".
std::string join_words(const std::vector<std::string>& words, std::string_view last = " and ");

inline constexpr std::array<keyword<chart_type>, 10> chart_types{{
    {"line", chart_type::line}, {"column", chart_type::column}, {"bar", chart_type::bar},
    {"stacked_column", chart_type::stacked_column}, {"stacked_bar", chart_type::stacked_bar},
    {"area", chart_type::area}, {"pie", chart_type::pie}, {"doughnut", chart_type::doughnut},
    {"scatter", chart_type::scatter}, {"combo", chart_type::combo},
}};

inline constexpr std::array<keyword<time_grain>, 5> time_grains{{
    {"day", time_grain::day}, {"week", time_grain::week}, {"month", time_grain::month},
    {"quarter", time_grain::quarter}, {"year", time_grain::year},
}};

inline constexpr std::array<keyword<output_format>, 4> output_formats{{
    {"xlsx", output_format::xlsx}, {"html", output_format::html}, {"json", output_format::json},
    {"pdf", output_format::pdf},
}};

inline constexpr std::array<keyword<source_kind>, 3> source_kinds{{
    {"csv", source_kind::csv}, {"sqlite", source_kind::sqlite}, {"postgres", source_kind::postgres},
}};

// Column and param types.
inline constexpr std::array<keyword<value_type>, 4> value_types{{
    {"number", value_type::number}, {"text", value_type::text}, {"bool", value_type::boolean},
    {"date", value_type::date},
}};

inline constexpr std::array<keyword<aggregate_kind>, 15> aggregates{{
    {"count", aggregate_kind::count}, {"distinct", aggregate_kind::distinct}, {"sum", aggregate_kind::sum},
    {"avg", aggregate_kind::avg}, {"min", aggregate_kind::min}, {"max", aggregate_kind::max},
    {"median", aggregate_kind::median}, {"percentile", aggregate_kind::percentile},
    {"stdev", aggregate_kind::stdev}, {"share", aggregate_kind::share}, {"pct", aggregate_kind::pct},
    {"active_at_start", aggregate_kind::active_at_start}, {"active_at_end", aggregate_kind::active_at_end},
    {"started", aggregate_kind::started}, {"ended", aggregate_kind::ended},
}};

inline constexpr std::array<keyword<shift_kind>, 6> shifts{{
    {"previous", shift_kind::previous}, {"change", shift_kind::change}, {"pct_change", shift_kind::pct_change},
    {"previous_year", shift_kind::previous_year}, {"yoy_change", shift_kind::yoy_change},
    {"yoy_pct_change", shift_kind::yoy_pct_change},
}};

// What an option's value must be.
enum class option_value : std::uint8_t {
    text,       // one text in quotes
    boolean,    // TRUE or FALSE
    number,     // a constant number expression (a literal, params)
    count,      // a whole number >= 0
    character,  // one character in quotes
    format,     // a number format code in quotes
    direction,  // higher | lower
    dimension,  // the name of a dimension
    sort,       // a metric of the table or a dimension, `-` in front for descending
};

struct option_spec {
    std::string_view name;
    option_value value;
};

inline constexpr std::array<option_spec, 6> metric_options{{
    {"label", option_value::text}, {"description", option_value::text}, {"format", option_value::format},
    {"unit", option_value::text}, {"target", option_value::number}, {"better", option_value::direction},
}};

inline constexpr std::array<option_spec, 6> chart_options{{
    {"title", option_value::text}, {"subtitle", option_value::text}, {"series", option_value::dimension},
    {"x_title", option_value::text}, {"y_title", option_value::text}, {"legend", option_value::boolean},
}};

inline constexpr std::array<option_spec, 4> table_options{{
    {"title", option_value::text}, {"totals", option_value::boolean}, {"sort", option_value::sort},
    {"limit", option_value::count},
}};

inline constexpr std::array<option_spec, 8> csv_options{{
    {"delimiter", option_value::character}, {"quote", option_value::character},
    {"decimal", option_value::character},   {"header", option_value::boolean},
    {"encoding", option_value::text},       {"date_format", option_value::text},
    {"on_error", option_value::text},  // fail | skip, checked below
    {"null", option_value::text},      // the text that marks a missing value, besides ""
}};

inline constexpr std::array<option_spec, 2> database_options{{
    {"table", option_value::text}, {"query", option_value::text},
}};

// Options of every source kind: the date columns of a lifecycle source, the date and
// entity columns of a snapshot source.
inline constexpr std::array<option_spec, 4> entity_options{{
    {"starts", option_value::text}, {"ends", option_value::text},
    {"snapshot", option_value::text}, {"entity", option_value::text},
}};

// The settings of a report (`key: value` blocks).
enum class report_setting : std::uint8_t { title, subtitle, description, period, kpis, output, locale, theme, template_path,
                                           to_date, week_start, fiscal_year_start, timezone };

inline constexpr std::array<keyword<report_setting>, 13> report_settings{{
    {"title", report_setting::title}, {"subtitle", report_setting::subtitle},
    {"description", report_setting::description}, {"period", report_setting::period},
    {"kpis", report_setting::kpis}, {"output", report_setting::output}, {"locale", report_setting::locale},
    {"theme", report_setting::theme}, {"template", report_setting::template_path},
    {"to_date", report_setting::to_date}, {"week_start", report_setting::week_start},
    {"fiscal_year_start", report_setting::fiscal_year_start}, {"timezone", report_setting::timezone},
}};

// The values of week_start (day numbers as WEEKDAY's minus one: 0 = Sunday) and fiscal_year_start.
inline constexpr std::array<keyword<int>, 7> weekdays{{
    {"sunday", 0}, {"monday", 1}, {"tuesday", 2}, {"wednesday", 3}, {"thursday", 4}, {"friday", 5}, {"saturday", 6},
}};

inline constexpr std::array<keyword<int>, 12> months{{
    {"january", 1}, {"february", 2}, {"march", 3}, {"april", 4}, {"may", 5}, {"june", 6},
    {"july", 7}, {"august", 8}, {"september", 9}, {"october", 10}, {"november", 11}, {"december", 12},
}};

// The option spec called `name` in `table`, or null.
template <std::size_t N>
const option_spec* find_option(const std::array<option_spec, N>& table, std::string_view name) {
    for (const option_spec& row : table)
        if (row.name == name) return &row;
    return nullptr;
}

template <std::size_t N>
std::vector<std::string> option_names(const std::array<option_spec, N>& table) {
    std::vector<std::string> names;
    for (const option_spec& row : table) names.emplace_back(row.name);
    return names;
}

// The type an Excel function returns given its upper-case name and the types of its
// arguments (IF and IFERROR return their branches' common type); number by default.
value_type excel_result_type(std::string_view name, const std::vector<value_type>& arguments);

}  // namespace folio::report::detail

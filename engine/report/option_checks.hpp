// Reading `key: value` options and settings: one value, text in quotes, TRUE/FALSE,
// one character, a whole number, a bare word, a number format code; duplicates and
// unknown keys. Each helper reports its problem through the statement and returns
// nothing then.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "checker_state.hpp"

namespace folio::report::detail {

// Reports the first key given twice in `options` ("option 'label' is given twice").
bool check_duplicate_options(statement& stmt, const dsl::source_file* file, const std::vector<dsl::option>& options);

// Reports an unknown key: "unknown <what> 'lable'" with a suggestion from `known`.
void report_unknown_key(statement& stmt, const dsl::source_file* file, const dsl::option& opt, const std::string& what,
                        const std::vector<std::string>& known);

// The only value of `opt`, or null after "'label' takes one value, found 2".
const dsl::formula_node* single_value(statement& stmt, const dsl::source_file* file, const dsl::option& opt);
// One text in quotes.
std::optional<std::string> text_value(statement& stmt, const dsl::source_file* file, const dsl::option& opt);
// TRUE or FALSE.
std::optional<bool> bool_value(statement& stmt, const dsl::source_file* file, const dsl::option& opt);
// One character in quotes.
std::optional<std::string> character_value(statement& stmt, const dsl::source_file* file, const dsl::option& opt);
// A whole number >= 0.
std::optional<std::size_t> count_value(statement& stmt, const dsl::source_file* file, const dsl::option& opt);
// A bare word (a name), one of `allowed`.
std::optional<std::string> word_value(statement& stmt, const dsl::source_file* file, const dsl::option& opt,
                                      const std::vector<std::string>& allowed);
// A valid Excel number format code in quotes; an invalid one is reported at the
// offending character inside the string.
std::optional<std::string> format_value(statement& stmt, const dsl::source_file* file, const dsl::option& opt);
// A literal (text, number, TRUE/FALSE) as written.
std::optional<literal> literal_value(statement& stmt, const dsl::source_file* file, const dsl::option& opt);

}  // namespace folio::report::detail

// Report evaluation: turns a checked report program into numbers.
//
// evaluate_program plans what the selected reports and the program's expectations need
// (per source: groupings by dimensions and the base aggregates of the metric formulas,
// deduplicated), reads each source once, in batches, updating per grouping a map from
// group to aggregate states, and then evaluates the derived metrics in every context
// with the formula engine (Excel functions through the registry rows the checker bound,
// errors as values).
// See docs/evaluation.md.
//
// Problems with a place in the report (a --param value that does not fit, a metric that
// cannot be split by a dimension its source's data lacks, a failed expectation) are
// added to the diagnostic list; problems with the data (a missing file, a value that
// does not fit its column) come back as load issues naming the file, row and column.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "folio/dsl/diagnostic.hpp"
#include "folio/engine/data/load_issue.hpp"
#include "folio/engine/eval/report_result.hpp"
#include "folio/engine/eval/time_period.hpp"
#include "folio/engine/report/report_model.hpp"

namespace folio::eval {

struct evaluate_options {
    std::vector<std::string> reports;                            // names to evaluate; empty: every report
    std::vector<std::pair<std::string, std::string>> params;     // --param name=value, in order
    calendar_options calendar;
    std::size_t threads = 0;                                     // threads a CSV read may use; 0: the machine's cores
    bool pushdown = true;                                        // database sources compute their aggregates in SQL
    std::function<double()> clock;                               // NOW() and TODAY() as a serial; empty: the system clock
    // Called now and then while a source loads: the source's name, bytes read, file size.
    std::function<void(std::string_view source, std::uint64_t done, std::uint64_t total)> progress;
};

// How one source was read.
struct source_summary {
    std::string name;
    std::uint64_t rows = 0;
    std::uint64_t skipped_rows = 0;
    std::string warning;                                          // load_summary::warning_text(), "" if none
    std::string sql;  // database sources: the SQL sent (aggregate pushdown) or why the rows were read (render --explain)
};

struct program_result {
    std::vector<value> params;                                    // per checked_program::params
    std::vector<base_aggregate> aggregates;                       // the base aggregates of every metric used
    std::unordered_map<const report::expr*, aggregate_formula> formulas;  // per aggregate node of the formulas used
    std::vector<report_result> reports;                           // in the order of the program
    std::vector<expect_result> expects;                           // in the order of the program
    std::vector<source_summary> sources;                          // the sources read
    std::vector<data::load_issue> data_errors;                    // sources that could not be read
    std::size_t failed_expects = 0;
    bool ok = false;                                              // reports were evaluated (expectations apart)
};

/// Evaluates the reports `options` selects (every report when none) and every expectation of `program`,
/// which must be free of check errors; problems go to `diagnostics` and program_result::data_errors.
program_result evaluate_program(const report::checked_program& program, const evaluate_options& options,
                                dsl::diagnostic_list& diagnostics);

}  // namespace folio::eval

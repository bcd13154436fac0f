// evaluate_program (see evaluate.hpp): params, the plan of the selected reports and
// the expectations, one bind and one scan per source read, then the derived metrics
// of every report and the expectations. A `to_date` report without an `as_of` param
// needs the last date in the data to plan its tiles: the first evaluation finds it,
// and a second one (reading the sources again) uses it.
#include <algorithm>
#include <memory>
#include <optional>
#include <thread>

#include "expectations.hpp"
#include "folio/engine/eval/evaluate.hpp"
#include "function_calls.hpp"
#include "metric_evaluator.hpp"
#include "param_values.hpp"
#include "plan.hpp"
#include "report_calendar.hpp"
#include "report_builder.hpp"
#include "source_scan.hpp"

namespace folio::eval {
namespace {

// The reports to evaluate: those named (false after a diagnostic for an unknown name), else all.
bool select_reports(const report::checked_program& program, const std::vector<std::string>& names,
                    std::vector<std::size_t>& out, dsl::diagnostic_list& diagnostics) {
    if (names.empty()) {
        for (std::size_t r = 0; r < program.reports.size(); ++r) out.push_back(r);
        return true;
    }
    std::vector<std::string> known;
    for (const report::report& r : program.reports) known.push_back(r.qualified_name);
    bool ok = true;
    for (const std::string& name : names) {
        const report::report* found = program.find_report(name);
        if (found == nullptr) {
            dsl::diagnostic& d = diagnostics.error(nullptr, {}, "unknown report '" + name + "'");
            if (auto best = dsl::closest_match(name, known)) d.notes.push_back({"did you mean '" + *best + "'?", nullptr, {}});
            else if (known.empty()) d.notes.push_back({"the program declares no reports", nullptr, {}});
            ok = false;
            continue;
        }
        const auto index = static_cast<std::size_t>(found - program.reports.data());
        if (std::find(out.begin(), out.end(), index) == out.end()) out.push_back(index);
    }
    return ok;
}

// One evaluation. `to_date_ends`: per report, the as-of date of its to_date tiles found by an earlier pass; the last
// days of the reports that still need one are put in `last_days` (true when there is any).
program_result evaluate_pass(const report::checked_program& program, const evaluate_options& options,
                             const std::vector<std::optional<double>>& to_date_ends,
                             std::vector<std::optional<double>>& last_days, bool& needs_last_days,
                             dsl::diagnostic_list& diagnostics) {
    program_result result;
    report_call_context ctx(options.clock);
    bool ok = compute_params(program, options.params, ctx, result.params, diagnostics);
    std::vector<std::size_t> selected;
    ok = select_reports(program, options.reports, selected, diagnostics) && ok;
    if (!ok) return result;
    const std::optional<calendar_options> calendar = report_calendar(program, selected, options.calendar, diagnostics);
    if (!calendar) return result;

    evaluation_plan plan(program, [&](const report::expr& e) { return evaluate_constant(e, result.params, ctx); });
    domain_set domains(*calendar);
    std::vector<std::unique_ptr<source_scan>> scans(program.sources.size());
    for (std::size_t s = 0; s < program.sources.size(); ++s)
        scans[s] = std::make_unique<source_scan>(program, s, plan, result.params, ctx, domains);
    const report_builder::carries_test carries = [&](std::size_t s, std::size_t d) { return scans[s]->carries(d); };

    std::vector<bool> keep_rows(program.sources.size(), false);
    std::vector<report_builder> builders;
    for (std::size_t r : selected) {
        builders.emplace_back(program, r, result.params, *calendar, to_date_ends[r]);
        ok = builders.back().plan(plan, carries, keep_rows, diagnostics) && ok;
        needs_last_days = needs_last_days || builders.back().needs_last_day();
    }
    plan_expectations(program, plan);
    if (!ok) return result;

    // Only the sources something reads.
    for (std::size_t s = 0; s < program.sources.size(); ++s) {
        if (plan.needs(s).empty() && !keep_rows[s]) {
            scans[s].reset();
            continue;
        }
        ok = scans[s]->bind(keep_rows[s], diagnostics, result.data_errors) && ok;
    }
    if (!ok) return result;
    const std::size_t threads = options.threads != 0 ? options.threads
                                                     : std::max<std::size_t>(1, std::thread::hardware_concurrency());
    for (std::size_t s = 0; s < scans.size(); ++s) {
        if (!scans[s]) continue;
        source_scan::progress_hook progress;
        if (options.progress) {
            const std::string name = program.sources[s].qualified_name;
            progress = [&options, name](std::uint64_t done, std::uint64_t total) { options.progress(name, done, total); };
        }
        ok = scans[s]->scan(threads, options.pushdown, progress, result.data_errors) && ok;
        result.sources.push_back(scans[s]->summary());
    }
    if (!ok) return result;

    metric_evaluator metrics(program, plan, scans, domains, result.params, ctx);
    for (std::size_t k = 0; k < builders.size(); ++k) {
        result.reports.push_back(builders[k].build(plan, scans, domains, metrics));
        if (builders[k].needs_last_day()) last_days[selected[k]] = builders[k].last_day();
    }
    result.expects = check_expectations(program, plan, metrics, diagnostics);
    for (const expect_result& e : result.expects) result.failed_expects += e.passed ? 0 : 1;
    for (report_result& r : result.reports) r.expects = result.expects;
    result.aggregates = plan.bases();
    result.formulas = plan.formulas();
    result.ok = true;
    return result;
}

}  // namespace

program_result evaluate_program(const report::checked_program& program, const evaluate_options& options,
                                dsl::diagnostic_list& diagnostics) {
    const std::vector<std::optional<double>> none(program.reports.size());
    std::vector<std::optional<double>> last_days(program.reports.size());
    bool needs_last_days = false;
    dsl::diagnostic_list first;
    program_result result = evaluate_pass(program, options, none, last_days, needs_last_days, first);
    if (!needs_last_days || !result.ok) {
        for (const dsl::diagnostic& d : first.items()) diagnostics.add(d);
        return result;
    }
    std::vector<std::optional<double>> unused(program.reports.size());
    bool again = false;  // only for reports without a dated row: their tiles stay empty
    return evaluate_pass(program, options, last_days, unused, again, diagnostics);
}

}  // namespace folio::eval

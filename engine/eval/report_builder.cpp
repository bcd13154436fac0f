// Planning and building one report (see report_builder.hpp).
#include "report_builder.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "../operators.hpp"
#include "contexts.hpp"
#include "period_comparison.hpp"
#include "lifecycle.hpp"
#include "folio/engine/coerce.hpp"

namespace folio::eval {
namespace {

split_request requester(const report::metric_use& use) {
    return split_request{(use.metric != npos ? "metric " : "expression ") + use.text, use.loc};
}

// Positions in the grouping's keys of the dimensions `dims`, in their order.
std::vector<std::size_t> positions(const std::vector<dimension_key>& keys, const std::vector<dimension_key>& dims) {
    std::vector<std::size_t> out;
    for (const dimension_key& d : dims)
        out.push_back(static_cast<std::size_t>(std::find(keys.begin(), keys.end(), d) - keys.begin()));
    return out;
}

// Orders metric values for sorting: numbers, then text and booleans, then errors and blanks.
int value_class(const value& v) {
    if (v.is_number()) return 0;
    if (v.is_text() || v.is_boolean()) return 1;
    return 2;
}

// The days the tiles' periods cover: whole periods, or (to date, up to `end`) the first days of each, as many as the
// current period has up to `end`, clamped to the period's length.
void describe_ranges(period_info& period, std::optional<double> end) {
    const report::time_grain grain = period.key.grain;
    const auto range = [&](const dimension_value& v, double& first, double& last) {
        if (!v.v.is_number()) return;
        first = v.v.number();
        const double days = period_days(first, grain);
        last = first + (period.key.to_date_days != 0 ? std::min<double>(period.key.to_date_days, days) : days) - 1;
    };
    period.to_date = period.key.to_date_days != 0;
    range(period.current, period.current_first, period.current_last);
    if (period.to_date && end) period.current_last = std::floor(*end);
    range(period.previous, period.previous_first, period.previous_last);
    range(period.previous_year, period.previous_year_first, period.previous_year_last);
}

}  // namespace

report_builder::report_builder(const report::checked_program& program, std::size_t report,
                               const std::vector<value>& params, const calendar_options& calendar,
                               std::optional<double> to_date_end)
    : program_(program), index_(report), report_(program.reports[report]), params_(params), calendar_(calendar),
      to_date_end_(to_date_end) {}

std::optional<double> report_builder::as_of() const {
    for (std::size_t p = 0; p < program_.params.size(); ++p)
        if (program_.params[p].qualified_name == "as_of" && program_.params[p].type == report::value_type::date &&
            params_[p].is_number())
            return params_[p].number();
    return std::nullopt;
}

bool report_builder::resolve_period(const carries_test& carries, dsl::diagnostic_list& diagnostics) {
    if (!report_.period.set) return true;
    const report::period_spec& p = report_.period.value;
    if (p.dimension != npos) {
        period_ = dimension_key{p.dimension, program_.dimensions[p.dimension].grain};
        has_period_ = true;
        return true;
    }
    // A grain: the first time dimension that the sources of the KPI tiles carry.
    std::set<std::size_t> sources;
    for (const report::report_block& b : report_.blocks)
        if (b.kind == report::block_kind::kpis)
            for (const report::metric_use& use : b.metrics) sources.insert(use.sources.begin(), use.sources.end());
    for (std::size_t d = 0; d < program_.dimensions.size(); ++d) {
        const report::dimension& dim = program_.dimensions[d];
        if (dim.grain == report::time_grain::none || dim.columns.empty()) continue;
        const bool carried = std::all_of(sources.begin(), sources.end(), [&](std::size_t s) { return carries(s, d); });
        if (!carried) continue;
        period_ = dimension_key{d, p.grain};
        has_period_ = true;
        return true;
    }
    diagnostics.error(report_.period.loc.file, report_.period.loc.span,
                      "period '" + std::string(report::grain_name(p.grain)) +
                          "' needs a time dimension that the sources of the KPIs carry, such as "
                          "'dimension month = month(surveys.submitted_at)'");
    return false;
}

bool report_builder::plan(evaluation_plan& plan, const carries_test& carries, std::vector<bool>& keep_rows,
                          dsl::diagnostic_list& diagnostics) {
    if (!resolve_period(carries, diagnostics)) return false;
    if (has_period_ && report_.to_date.value) {
        // Period to date: each period cut to as many days as the current one has up to the as-of date; without
        // that date yet, the tiles are grouped by day to find the last one.
        if (!to_date_end_) to_date_end_ = as_of();
        if (to_date_end_) {
            const double day = std::floor(*to_date_end_);
            period_.to_date_days = static_cast<std::uint32_t>(day - period_start(day, period_.grain, calendar_) + 1);
        } else {
            needs_last_day_ = true;
            period_.grain = report::time_grain::day;
        }
    }
    total_grouping_ = plan.grouping({});
    kpi_grouping_ = has_period_ ? plan.grouping({period_}) : total_grouping_;
    block_groupings_.assign(report_.blocks.size(), total_grouping_);
    auto use_everywhere = [&](const report::metric_use& use, std::size_t g) {
        plan.require(use.value, g, requester(use));
        if (use.metric != npos && program_.metrics[use.metric].has_target)
            plan.require(program_.metrics[use.metric].target, total_grouping_, requester(use));
    };
    for (std::size_t i = 0; i < report_.blocks.size(); ++i) {
        const report::report_block& block = report_.blocks[i];
        switch (block.kind) {
            case report::block_kind::kpis:
                for (const report::metric_use& use : block.metrics) {
                    kpi_uses_.push_back(&use);
                    // A source without the period's dimension (known only from its data) cannot be split by it.
                    const auto missing = std::find_if(use.sources.begin(), use.sources.end(), [&](std::size_t s) {
                        return has_period_ && !carries(s, period_.dimension);
                    });
                    kpi_whole_.push_back(missing != use.sources.end());
                    if (missing == use.sources.end()) {
                        use_everywhere(use, kpi_grouping_);
                        continue;
                    }
                    use_everywhere(use, total_grouping_);
                    const std::string dim = program_.dimensions[period_.dimension].name;
                    diagnostics.warning(use.loc.file, use.loc.span,
                                        requester(use).what + " is not split by " + dim + ": source " +
                                            program_.sources[*missing].name +
                                            " has no column for it; its KPI tile shows all the data");
                }
                break;
            case report::block_kind::table: {
                std::vector<dimension_key> keys;
                for (std::size_t d : block.by) keys.push_back({d, program_.dimensions[d].grain});
                block_groupings_[i] = plan.grouping(keys);
                for (const report::metric_use& use : block.metrics) {
                    use_everywhere(use, block_groupings_[i]);
                    if (block.totals) plan.require(use.value, total_grouping_, requester(use));
                }
                break;
            }
            case report::block_kind::chart: {
                const report::chart& chart = program_.charts[block.chart];
                std::vector<dimension_key> keys;
                for (std::size_t d : chart.by) keys.push_back({d, program_.dimensions[d].grain});
                if (chart.series != npos) keys.push_back({chart.series, program_.dimensions[chart.series].grain});
                block_groupings_[i] = plan.grouping(keys);
                for (const report::metric_use& use : chart.metrics) use_everywhere(use, block_groupings_[i]);
                break;
            }
            case report::block_kind::data:
                if (block.source < keep_rows.size()) keep_rows[block.source] = true;
                break;
            case report::block_kind::text: break;
        }
    }
    return true;
}

namespace {

// Builds one report's result after the scans: its metrics, period, tiles, tables and charts.
class report_assembly {
public:
    report_assembly(const report::checked_program& program, const evaluation_plan& plan,
                    const std::vector<std::unique_ptr<source_scan>>& scans, domain_set& domains,
                    metric_evaluator& metrics, std::size_t total_grouping, report_result& r)
        : program_(program), plan_(plan), scans_(scans), domains_(domains), metrics_(metrics),
          total_{total_grouping, {}}, r_(r) {}

    // The context's dimension values and the base aggregates `exprs` read there.
    context_result make_context(const context& c, const std::vector<const report::expr*>& exprs) {
        context_result out;
        out.keys = plan_.keys(c.grouping);
        for (std::size_t i = 0; i < out.keys.size(); ++i) out.values.push_back(domains_.at(out.keys[i]).at(c.ids[i]));
        std::vector<std::size_t> bases;
        for (const report::expr* e : exprs) metrics_.collect_bases(*e, bases);
        std::sort(bases.begin(), bases.end());
        for (std::size_t b : bases) out.bases.emplace_back(b, metrics_.base_value(b, c));
        return out;
    }

    // The index of a use in the report's metrics, added on first sight.
    std::size_t metric_index(const report::metric_use& use) {
        for (std::size_t i = 0; i < r_.metrics.size(); ++i)
            if (r_.metrics[i].name == use.text) return i;
        metric_info info;
        info.name = use.text;
        info.metric = use.metric;
        info.formula = &use.value;
        info.type = use.value.type;
        if (use.metric != npos) {
            const report::metric& m = program_.metrics[use.metric];
            info.label = m.label;
            info.description = m.description;
            info.format = m.format;
            info.unit = m.unit;
            info.better = m.better;
            info.type = m.type;
            info.has_target = m.has_target;
            if (m.has_target) info.target = metrics_.evaluate(m.target, total_);
        }
        info.aggregation = aggregation_note(program_, use.value);
        r_.metrics.push_back(std::move(info));
        return r_.metrics.size() - 1;
    }

    // One tile: in the current period against the previous one and the one a year before (null: none), or over all
    // the data.
    kpi_tile tile(const report::metric_use& use, bool whole_data, const context& now, const context& before,
                  const context* year_ago) {
        kpi_tile t;
        t.metric = metric_index(use);
        const metric_info& info = r_.metrics[t.metric];
        t.whole_data = r_.period.set && whole_data;
        if (t.whole_data) {
            t.current = metrics_.evaluate(use.value, total_);
            t.previous = t.change = t.pct_change = error_code::na;
            t.previous_year = t.yoy_change = t.yoy_pct_change = error_code::na;
            t.context = make_context(total_, {&use.value});
        } else if (r_.period.set) {
            t.current = metrics_.evaluate(use.value, now);
            t.previous = r_.period.has_current ? metrics_.evaluate(use.value, before) : value(error_code::na);
            t.change = apply_binary(dsl::binary_op::subtract, t.current, t.previous);
            t.pct_change = relative_change(t.change, t.previous);
            t.context = make_context(now, {&use.value});
            t.previous_context = make_context(before, {&use.value});
            if (t.change.is_number()) t.trend = t.change.number() > 0 ? "up" : t.change.number() < 0 ? "down" : "flat";
            t.previous_year = r_.period.has_current && year_ago ? metrics_.evaluate(use.value, *year_ago) : value(error_code::na);
            t.yoy_change = apply_binary(dsl::binary_op::subtract, t.current, t.previous_year);
            t.yoy_pct_change = relative_change(t.yoy_change, t.previous_year);
            if (year_ago) t.previous_year_context = make_context(*year_ago, {&use.value});
        } else {
            t.current = metrics_.evaluate(use.value, total_);
            t.context = make_context(total_, {&use.value});
        }
        if (info.has_target && t.current.is_number() && info.target.is_number()) {
            const bool lower = info.better == report::better_direction::lower;
            const double v = t.current.number(), goal = info.target.number();
            t.status = (lower ? v <= goal : v >= goal) ? "good" : "bad";
        }
        return t;
    }

    table_result table(const report::report_block& block, std::size_t g) {
        table_result t;
        t.title = block.text;
        const std::vector<dimension_key>& keys = plan_.keys(g);
        for (std::size_t d : block.by) {
            t.by.push_back({d, program_.dimensions[d].grain});
            t.by_names.push_back(program_.dimensions[d].name);
        }
        std::vector<const report::expr*> exprs;
        std::set<std::size_t> sources;
        for (const report::metric_use& use : block.metrics) {
            t.metrics.push_back(metric_index(use));
            exprs.push_back(&use.value);
            sources.insert(use.sources.begin(), use.sources.end());
        }
        std::vector<std::size_t> order = positions(keys, t.by);
        if (block.sort_dimension != npos) {
            const auto at = std::find(block.by.begin(), block.by.end(), block.sort_dimension) - block.by.begin();
            std::rotate(order.begin(), order.begin() + at, order.begin() + at + 1);
        }
        for (const auto& ids : list_contexts(plan_, g, {sources.begin(), sources.end()}, scans_, domains_, order, false)) {
            table_row row;
            const context c{g, ids};
            for (std::size_t p : positions(keys, t.by)) row.dims.push_back(domains_.at(keys[p]).at(ids[p]));
            for (const report::metric_use& use : block.metrics) row.values.push_back(metrics_.evaluate(use.value, c));
            row.context = make_context(c, exprs);
            t.rows.push_back(std::move(row));
        }
        if (block.sort_dimension != npos && block.sort_descending) std::reverse(t.rows.begin(), t.rows.end());
        if (block.sort_metric != npos) {
            const std::size_t m = block.sort_metric;
            const bool desc = block.sort_descending;
            std::stable_sort(t.rows.begin(), t.rows.end(), [&](const table_row& a, const table_row& b) {
                const value& x = a.values[m];
                const value& y = b.values[m];
                const int cx = value_class(x), cy = value_class(y);
                if (cx != cy) return cx < cy;
                if (cx == 2) return false;
                const int c = compare_values(x, y);
                return desc ? c > 0 : c < 0;
            });
        }
        if (block.limit > 0 && t.rows.size() > block.limit) t.rows.resize(block.limit);
        if (block.totals) {
            t.has_totals = true;
            t.totals.dims.assign(t.by.size(), dimension_value{});
            for (const report::metric_use& use : block.metrics) t.totals.values.push_back(metrics_.evaluate(use.value, total_));
            t.totals.context = make_context(total_, exprs);
        }
        return t;
    }

    chart_result chart(const report::chart& chart, std::size_t g) {
        chart_result ch;
        ch.name = chart.qualified_name;
        ch.type = chart.type;
        ch.title = chart.title;
        ch.subtitle = chart.subtitle;
        ch.x_title = chart.x_title;
        ch.y_title = chart.y_title;
        ch.legend = chart.legend;
        const std::vector<dimension_key>& keys = plan_.keys(g);
        for (std::size_t d : chart.by) {
            ch.by.push_back({d, program_.dimensions[d].grain});
            ch.by_names.push_back(program_.dimensions[d].name);
        }
        std::vector<dimension_key> ordered = ch.by;
        if (chart.series != npos) {
            ch.series_key = {chart.series, program_.dimensions[chart.series].grain};
            ch.series_name = program_.dimensions[chart.series].name;
            ordered.insert(ordered.begin(), ch.series_key);
        }
        std::set<std::size_t> sources;
        for (const report::metric_use& use : chart.metrics) {
            ch.metrics.push_back(metric_index(use));
            sources.insert(use.sources.begin(), use.sources.end());
        }
        const auto tuples =
            list_contexts(plan_, g, {sources.begin(), sources.end()}, scans_, domains_, positions(keys, ordered), true);
        const std::vector<std::size_t> x_at = positions(keys, ch.by);
        const std::size_t series_at = chart.series != npos ? positions(keys, {ch.series_key})[0] : npos;
        // Categories in order of first appearance (the tuples are sorted by series, then categories).
        std::vector<std::vector<std::uint32_t>> categories;
        std::vector<std::uint32_t> series_ids;
        for (const auto& ids : tuples) {
            std::vector<std::uint32_t> x;
            for (std::size_t p : x_at) x.push_back(ids[p]);
            if (std::find(categories.begin(), categories.end(), x) == categories.end()) categories.push_back(x);
            if (series_at != npos && std::find(series_ids.begin(), series_ids.end(), ids[series_at]) == series_ids.end())
                series_ids.push_back(ids[series_at]);
        }
        for (const auto& x : categories) {
            std::vector<dimension_value> values;
            for (std::size_t k = 0; k < x.size(); ++k) values.push_back(domains_.at(keys[x_at[k]]).at(x[k]));
            ch.categories.push_back(std::move(values));
        }
        if (series_at == npos) series_ids.push_back(0);
        for (std::size_t m = 0; m < chart.metrics.size(); ++m) {
            const report::metric_use& use = chart.metrics[m];
            for (std::uint32_t sid : series_ids) {
                chart_series s;
                s.metric = ch.metrics[m];
                if (series_at != npos) {
                    s.series_value = domains_.at(keys[series_at]).at(sid);
                    s.name = chart.metrics.size() == 1 ? s.series_value.label : use.text + ": " + s.series_value.label;
                } else {
                    s.name = use.text;
                }
                for (std::size_t k = 0; k < categories.size(); ++k) {
                    context c{g, std::vector<std::uint32_t>(keys.size(), 0)};
                    for (std::size_t q = 0; q < x_at.size(); ++q) c.ids[x_at[q]] = categories[k][q];
                    if (series_at != npos) c.ids[series_at] = sid;
                    chart_point point;
                    point.x = ch.categories[k];
                    point.v = metrics_.evaluate(use.value, c);
                    point.context = make_context(c, {&use.value});
                    s.points.push_back(std::move(point));
                }
                ch.series.push_back(std::move(s));
            }
        }
        return ch;
    }

private:
    const report::checked_program& program_;
    const evaluation_plan& plan_;
    const std::vector<std::unique_ptr<source_scan>>& scans_;
    domain_set& domains_;
    metric_evaluator& metrics_;
    const context total_;
    report_result& r_;
};

}  // namespace

report_result report_builder::build(const evaluation_plan& plan, const std::vector<std::unique_ptr<source_scan>>& scans,
                                    domain_set& domains, metric_evaluator& metrics) {
    report_result r;
    r.report = index_;
    r.name = report_.qualified_name;
    r.title = report_.title.set ? report_.title.value : report_.name;
    r.subtitle = report_.subtitle.value;
    r.description = report_.description.value;
    r.locale = report_.locale.value;
    r.outputs_set = report_.outputs.set;
    r.outputs = report_.outputs.value;
    metrics.set_period(has_period_ ? period_.dimension : npos);
    report_assembly assembly(program_, plan, scans, domains, metrics, total_grouping_, r);

    // The period: the one holding as_of (a date param of that name), else the last one with data.
    std::uint32_t current = 0, previous = 0;
    std::optional<std::uint32_t> year_ago;
    if (has_period_) {
        dimension_domain& domain = domains.at(period_);
        r.period.set = true;
        r.period.key = period_;
        r.period.dimension_name = program_.dimensions[period_.dimension].name;
        std::optional<double> start;
        if (const std::optional<double> end = to_date_end_ ? to_date_end_ : as_of())
            start = period_start(*end, period_.grain, domains.calendar());
        if (!start) {
            std::set<std::size_t> sources;
            for (std::size_t k = 0; k < kpi_uses_.size(); ++k)
                if (!kpi_whole_[k]) sources.insert(kpi_uses_[k]->sources.begin(), kpi_uses_[k]->sources.end());
            std::vector<std::vector<std::uint32_t>> groups;
            for (std::size_t s : sources)
                if (s < scans.size() && scans[s]) scans[s]->list_groups(kpi_grouping_, groups);
            for (const auto& g : groups) {
                const value& v = domain.at(g[0]).v;
                if (v.is_number() && (!start || v.number() > *start)) start = v.number();
            }
        }
        if (needs_last_day_) last_day_ = start;  // grouped by day: the last day with data
        if (start) {
            current = domain.intern_period(*start);
            previous = domain.shifted(current, -1);
            year_ago = domain.year_ago(current);
            r.period.has_current = true;
            r.period.current = domain.at(current);
            r.period.previous = domain.at(previous);
            if (year_ago) r.period.previous_year = domain.at(*year_ago);
            describe_ranges(r.period, to_date_end_);
        } else {
            // No dated rows: the tiles show the (empty) blank period.
            current = previous = domain.blank_id();
        }
    }

    for (std::size_t i = 0; i < report_.blocks.size(); ++i) {
        const report::report_block& block = report_.blocks[i];
        switch (block.kind) {
            case report::block_kind::kpis: {
                const context now{kpi_grouping_, {current}}, before{kpi_grouping_, {previous}};
                const context a_year_before{kpi_grouping_, {year_ago.value_or(0)}};
                for (const report::metric_use& use : block.metrics) {
                    const auto k = static_cast<std::size_t>(std::find(kpi_uses_.begin(), kpi_uses_.end(), &use) -
                                                             kpi_uses_.begin());
                    r.kpis.push_back(assembly.tile(use, k < kpi_whole_.size() && kpi_whole_[k], now, before,
                                                   year_ago ? &a_year_before : nullptr));
                }
                r.layout.push_back({block.kind, 0});
                break;
            }
            case report::block_kind::table:
                r.layout.push_back({block.kind, r.tables.size()});
                r.tables.push_back(assembly.table(block, block_groupings_[i]));
                break;
            case report::block_kind::chart:
                r.layout.push_back({block.kind, r.charts.size()});
                r.charts.push_back(assembly.chart(program_.charts[block.chart], block_groupings_[i]));
                break;
            case report::block_kind::data: {
                data_result d;
                d.source = program_.sources[block.source].qualified_name;
                if (block.source < scans.size() && scans[block.source]) d.rows = scans[block.source]->rows();
                r.layout.push_back({block.kind, r.data.size()});
                r.data.push_back(std::move(d));
                break;
            }
            case report::block_kind::text:
                r.layout.push_back({block.kind, r.texts.size()});
                r.texts.push_back(block.text);
                break;
        }
    }
    return r;
}

}  // namespace folio::eval

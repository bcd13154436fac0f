// Reports and expects.
//
// A report is a list of blocks; each block is a statement of its own (one error each).
// Settings: title, subtitle, description, theme, template (text), locale (a known
// locale), period (a time dimension or a grain), kpis (metrics), output (formats), and
// the calendar (to_date, week_start, fiscal_year_start, timezone: calendar_settings.cpp).
// Layout blocks: kpis, `chart NAME`, `table by DIMS { METRICS [options] }`,
// `data SOURCE`, `text "..."`. `report a extends b` starts from b's resolved settings
// and blocks; a block of a with the same key (the same setting, the same chart, a table
// by the same dimensions, the data of the same source) replaces b's in place, the
// others are appended. Reports are resolved parents first; an `extends` cycle is
// reported once. KPI tiles are split by the period's dimension, when it names one.
#include <algorithm>
#include <unordered_map>

#include "calendar_settings.hpp"
#include "expression_binder.hpp"
#include "folio/engine/number_format.hpp"
#include "metric_uses.hpp"
#include "option_checks.hpp"
#include "vocabulary.hpp"

namespace folio::report::detail {
namespace {

// A resolved block and the key by which a report that extends it may replace it.
struct keyed_block {
    std::string key;  // empty for text blocks: never replaced
    bool layout = true;  // false for a setting other than kpis: it only needs its key checked
    report_block block;
};

class reports_check {
public:
    explicit reports_check(checker_state& state)
        : state_(state), infos_(state.declarations[static_cast<std::size_t>(symbol_kind::report)]) {}

    void run() {
        const std::size_t count = infos_.size();
        parent_.assign(count, npos);
        resolved_.resize(count);
        for (std::size_t i = 0; i < count; ++i) resolve_extends(i);
        for (std::size_t i : order()) check_report(i);
    }

private:
    checker_state& state_;
    std::vector<declaration_info>& infos_;
    std::vector<std::size_t> parent_;
    std::vector<std::vector<keyed_block>> resolved_;

    const dsl::source_file* file_of(std::size_t i) const { return state_.scopes[infos_[i].module].file; }

    void resolve_extends(std::size_t i) {
        const auto& extends = infos_[i].decl->report->extends;
        if (!extends) return;
        statement stmt(state_);
        const module_scope& scope = state_.scopes[infos_[i].module];
        const location loc{scope.file, extends->span};
        const lookup found = state_.find(scope, extends->text, name_space::reports);
        if (found.outcome != lookup::result::found) {
            report_lookup(stmt, scope, loc, extends->text, found, name_space::reports);
            infos_[i].state = status::failed;
            return;
        }
        parent_[i] = found.sym.index;
    }

    // Reports, parents before children; members of an extends cycle are reported and failed.
    std::vector<std::size_t> order() {
        const std::size_t count = infos_.size();
        std::vector<std::uint8_t> mark(count, 0);  // 0 new, 1 on the current chain, 2 done
        std::vector<std::size_t> out;
        for (std::size_t i = 0; i < count; ++i) {
            std::vector<std::size_t> chain;
            std::size_t cur = i;
            while (cur != npos && mark[cur] == 0) {
                mark[cur] = 1;
                chain.push_back(cur);
                cur = parent_[cur];
            }
            if (cur != npos && mark[cur] == 1) {
                const auto begin = std::find(chain.begin(), chain.end(), cur);
                report_cycle(std::vector<std::size_t>(begin, chain.end()));
            }
            for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
                mark[*it] = 2;
                out.push_back(*it);
            }
        }
        return out;
    }

    void report_cycle(const std::vector<std::size_t>& members) {
        std::size_t first = 0;
        for (std::size_t k = 1; k < members.size(); ++k) {
            const declaration_info& a = infos_[members[k]];
            const declaration_info& b = infos_[members[first]];
            if (a.module < b.module || (a.module == b.module && a.decl->span.offset < b.decl->span.offset)) first = k;
        }
        std::string chain;
        for (std::size_t k = 0; k <= members.size(); ++k) {
            if (k > 0) chain += " \u2192 ";
            chain += state_.model.reports[members[(first + k) % members.size()]].name;
        }
        const std::size_t start = members[first];
        statement stmt(state_);
        stmt.error(location{file_of(start), infos_[start].decl->report->extends->span},
                   "report '" + state_.model.reports[start].name + "' extends itself: " + chain);
        for (std::size_t m : members) infos_[m].state = status::failed;
    }

    void check_report(std::size_t i) {
        declaration_info& info = infos_[i];
        if (info.state == status::failed) return;
        report& model = state_.model.reports[i];
        bool failed = false;
        std::vector<keyed_block> blocks;
        if (parent_[i] != npos) {
            model.extends = parent_[i];
            if (infos_[parent_[i]].state != status::ok) {
                failed = true;
            } else {
                const report& parent = state_.model.reports[parent_[i]];
                model.title = parent.title;
                model.subtitle = parent.subtitle;
                model.description = parent.description;
                model.locale = parent.locale;
                model.theme = parent.theme;
                model.template_path = parent.template_path;
                model.period = parent.period;
                model.outputs = parent.outputs;
                inherit_calendar(parent, model);
                blocks = resolved_[parent_[i]];
            }
        }
        const std::size_t inherited = blocks.size();
        std::unordered_map<std::string, location> own_keys;
        bool period_set_here = false;
        for (const dsl::report_block& block : info.decl->report->blocks) {
            statement stmt(state_);
            std::optional<keyed_block> made = check_block(stmt, i, block, model, period_set_here);
            if (stmt.failed()) {
                failed = true;
                continue;
            }
            if (!made) continue;
            if (!made->key.empty()) {
                if (auto seen = own_keys.find(made->key); seen != own_keys.end()) {
                    if (dsl::diagnostic* d = stmt.error(made->block.loc, duplicate_message(made->key, made->block)))
                        d->notes.push_back(note_at(seen->second, "first given here"));
                    failed = true;
                    continue;
                }
                own_keys.emplace(made->key, made->block.loc);
            }
            if (!made->layout) continue;
            auto replaced = made->key.empty() ? blocks.end()
                                              : std::find_if(blocks.begin(), blocks.begin() + static_cast<std::ptrdiff_t>(inherited),
                                                             [&](const keyed_block& b) { return b.key == made->key; });
            if (replaced != blocks.begin() + static_cast<std::ptrdiff_t>(inherited) && replaced != blocks.end())
                *replaced = std::move(*made);
            else
                blocks.push_back(std::move(*made));
        }
        {
            statement stmt(state_);
            check_calendar(stmt, model);
            failed = failed || stmt.failed();
        }
        // KPI tiles follow the period: their metrics must be splittable by its dimension.
        if (model.period.set && model.period.value.dimension != npos) {
            for (const keyed_block& b : blocks) {
                if (b.block.kind != block_kind::kpis || (b.block.declared_in != i && !period_set_here)) continue;
                statement stmt(state_);
                for (const metric_use& use : b.block.metrics)
                    if (!check_split(stmt, use, model.period.value.dimension)) break;
                failed = failed || stmt.failed();
            }
        }
        for (const keyed_block& b : blocks) model.blocks.push_back(b.block);
        resolved_[i] = std::move(blocks);
        info.state = failed ? status::failed : status::ok;
    }

    std::string duplicate_message(const std::string& key, const report_block& block) const {
        if (key.starts_with("setting:")) return "'" + key.substr(8) + "' is already set in this report";
        if (block.kind == block_kind::chart) return "chart '" + state_.model.charts[block.chart].name + "' is already in this report";
        if (block.kind == block_kind::data)
            return "this report already shows the data of '" + state_.model.sources[block.source].name + "'";
        std::vector<std::string> names;
        for (std::size_t dim : block.by) names.push_back(state_.model.dimensions[dim].name);
        return "this report already has a table by " + join_words(names, ", ");
    }

    // Checks one block; returns the layout block it makes (settings go into `model`).
    std::optional<keyed_block> check_block(statement& stmt, std::size_t i, const dsl::report_block& block, report& model,
                                           bool& period_set_here) {
        const std::size_t module = infos_[i].module;
        const dsl::source_file* file = file_of(i);
        keyed_block out;
        out.block.loc = location{file, block.span};
        out.block.declared_in = i;
        switch (block.kind) {
            case dsl::block_kind::setting:
                return check_setting(stmt, i, block, model, period_set_here);
            case dsl::block_kind::chart: {
                const module_scope& scope = state_.scopes[module];
                const location loc{file, block.target.span};
                const lookup found = state_.find(scope, block.target.text, name_space::charts);
                if (found.outcome != lookup::result::found) {
                    report_lookup(stmt, scope, loc, block.target.text, found, name_space::charts);
                    return std::nullopt;
                }
                if (state_.info(found.sym).state != status::ok) {
                    stmt.poison();
                    return std::nullopt;
                }
                out.block.kind = block_kind::chart;
                out.block.chart = found.sym.index;
                out.key = "chart:" + std::to_string(found.sym.index);
                return out;
            }
            case dsl::block_kind::data: {
                const module_scope& scope = state_.scopes[module];
                const location loc{file, block.target.span};
                const lookup found = state_.find(scope, block.target.text, name_space::values);
                if (found.outcome != lookup::result::found) {
                    if (found.outcome == lookup::result::column) stmt.error(loc, "'" + block.target.text + "' is a column, not a source");
                    else report_lookup(stmt, scope, loc, block.target.text, found, name_space::values, symbol_kind::source);
                    return std::nullopt;
                }
                if (found.sym.kind != symbol_kind::source) {
                    stmt.error(loc, "'" + block.target.text + "' is a " + std::string(kind_word(found.sym.kind)) +
                                        ", not a source");
                    return std::nullopt;
                }
                if (state_.info(found.sym).state != status::ok) {
                    stmt.poison();
                    return std::nullopt;
                }
                out.block.kind = block_kind::data;
                out.block.source = found.sym.index;
                out.key = "data:" + std::to_string(found.sym.index);
                return out;
            }
            case dsl::block_kind::text:
                out.block.kind = block_kind::text;
                out.block.text = block.text;
                return out;
            case dsl::block_kind::table:
                return check_table(stmt, module, block, std::move(out));
        }
        return std::nullopt;
    }

    std::optional<keyed_block> check_table(statement& stmt, std::size_t module, const dsl::report_block& block,
                                           keyed_block out) {
        const dsl::source_file* file = state_.scopes[module].file;
        out.block.kind = block_kind::table;
        out.key = "table:";
        for (const dsl::identifier& name : block.by) {
            auto dim = resolve_dimension(stmt, module, name);
            if (!dim) return std::nullopt;
            out.block.by.push_back(*dim);
            out.key += std::to_string(*dim) + ",";
        }
        for (const auto& item : block.items) {
            if (!item) continue;
            auto use = bind_metric_use(stmt, *item, module);
            if (!use) return std::nullopt;
            out.block.metrics.push_back(std::move(*use));
        }
        if (out.block.metrics.empty()) {
            stmt.error(out.block.loc, "a table needs at least one metric");
            return std::nullopt;
        }
        if (!check_duplicate_options(stmt, file, block.options)) return std::nullopt;
        for (const dsl::option& opt : block.options) {
            const option_spec* spec = find_option(table_options, opt.key.text);
            if (spec == nullptr) {
                report_unknown_key(stmt, file, opt, "table option", option_names(table_options));
                return std::nullopt;
            }
            if (spec->value == option_value::text) {
                auto text = text_value(stmt, file, opt);
                if (!text) return std::nullopt;
                out.block.text = *text;
            } else if (spec->value == option_value::boolean) {
                auto b = bool_value(stmt, file, opt);
                if (!b) return std::nullopt;
                out.block.totals = *b;
            } else if (spec->value == option_value::count) {
                auto n = count_value(stmt, file, opt);
                if (!n) return std::nullopt;
                out.block.limit = *n;
            } else if (spec->value == option_value::sort) {
                if (!read_sort(stmt, file, opt, out.block)) return std::nullopt;
            }
        }
        for (const metric_use& use : out.block.metrics)
            for (std::size_t dim : out.block.by)
                if (!check_split(stmt, use, dim)) return std::nullopt;
        for (const metric_use& use : out.block.metrics) warn_without_period(state_, use, out.block.by, "this table");
        return out;
    }

    bool read_sort(statement& stmt, const dsl::source_file* file, const dsl::option& opt, report_block& table) {
        const dsl::formula_node* value = single_value(stmt, file, opt);
        if (value == nullptr) return false;
        const dsl::formula_node* name = value;
        bool descending = false;
        if (value->kind == dsl::node_kind::unary && value->un == dsl::unary_op::negate && value->children.size() == 1) {
            name = value->children[0].get();
            descending = true;
        }
        std::vector<std::string> candidates;
        if (name->kind == dsl::node_kind::name) {
            for (std::size_t m = 0; m < table.metrics.size(); ++m) {
                candidates.push_back(table.metrics[m].text);
                if (table.metrics[m].text == name->text) {
                    table.sort_metric = m;
                    table.sort_descending = descending;
                    return true;
                }
            }
            for (std::size_t dim : table.by) {
                candidates.push_back(state_.model.dimensions[dim].name);
                if (state_.model.dimensions[dim].name == name->text) {
                    table.sort_dimension = dim;
                    table.sort_descending = descending;
                    return true;
                }
            }
        }
        dsl::diagnostic* d = stmt.error(location{file, span_of(*value)},
                                        "'sort' expects a metric or a dimension of the table, with '-' for descending");
        if (name->kind == dsl::node_kind::name) suggest(d, name->text, candidates);
        return false;
    }

    std::optional<keyed_block> check_setting(statement& stmt, std::size_t i, const dsl::report_block& block,
                                             report& model, bool& period_set_here) {
        const std::size_t module = infos_[i].module;
        const dsl::source_file* file = file_of(i);
        const dsl::option& opt = block.setting;
        const location loc{file, block.span};
        const auto which = find_keyword(report_settings, opt.key.text);
        if (!which) {
            std::vector<std::string> known = keyword_names(report_settings);
            for (const char* word : {"chart", "table", "data", "text"}) known.emplace_back(word);
            report_unknown_key(stmt, file, opt, "report setting", known);
            return std::nullopt;
        }
        const auto set_text = [&](setting<std::string>& target) -> std::optional<keyed_block> {
            auto text = text_value(stmt, file, opt);
            if (!text) return std::nullopt;
            target = setting<std::string>{*text, true, loc};
            return setting_key(opt, loc, i);
        };
        switch (*which) {
            case report_setting::title: return set_text(model.title);
            case report_setting::subtitle: return set_text(model.subtitle);
            case report_setting::description: return set_text(model.description);
            case report_setting::theme: return set_text(model.theme);
            case report_setting::template_path: return set_text(model.template_path);
            case report_setting::locale: {
                auto text = text_value(stmt, file, opt);
                if (!text) return std::nullopt;
                if (find_locale(*text) == nullptr) {
                    if (dsl::diagnostic* d = stmt.error(location{file, span_of(*opt.values[0])}, "unknown locale '" + *text + "'"))
                        d->notes.push_back(note_text("the locales are en-US, es-ES, es-MX and pt-BR"));
                    return std::nullopt;
                }
                model.locale = setting<std::string>{*text, true, loc};
                return setting_key(opt, loc, i);
            }
            case report_setting::to_date:
            case report_setting::week_start:
            case report_setting::fiscal_year_start:
            case report_setting::timezone:
                if (!read_calendar_setting(stmt, file, opt, *which, model, loc)) return std::nullopt;
                return setting_key(opt, loc, i);
            case report_setting::period: {
                auto p = read_period(stmt, module, opt);
                if (!p) return std::nullopt;
                model.period = setting<period_spec>{*p, true, loc};
                period_set_here = true;
                return setting_key(opt, loc, i);
            }
            case report_setting::output: {
                std::vector<output_format> formats;
                if (opt.values.empty()) {
                    stmt.error(loc, "'output' needs a value");
                    return std::nullopt;
                }
                for (const auto& value : opt.values) {
                    if (!value) continue;
                    const std::string word =
                        value->kind == dsl::node_kind::text ? value->text : std::string(written(file, span_of(*value)));
                    const auto format = find_keyword(output_formats, word);
                    if (!format) {
                        dsl::diagnostic* d = stmt.error(location{file, span_of(*value)}, "unknown output format '" + word + "'");
                        const std::vector<std::string> known = keyword_names(output_formats);
                        if (auto best = dsl::closest_match(word, known)) {
                            if (d) d->notes.push_back(note_text("did you mean '" + *best + "'?"));
                        } else if (d) {
                            d->notes.push_back(note_text("the output formats are " + join_words(known)));
                        }
                        return std::nullopt;
                    }
                    if (std::find(formats.begin(), formats.end(), *format) != formats.end()) {
                        stmt.error(location{file, span_of(*value)}, "output format '" + word + "' is listed twice");
                        return std::nullopt;
                    }
                    formats.push_back(*format);
                }
                model.outputs = setting<std::vector<output_format>>{formats, true, loc};
                return setting_key(opt, loc, i);
            }
            case report_setting::kpis: {
                keyed_block out = setting_key(opt, loc, i);
                out.block.kind = block_kind::kpis;
                if (opt.values.empty()) {
                    stmt.error(loc, "'kpis' needs at least one metric");
                    return std::nullopt;
                }
                for (const auto& value : opt.values) {
                    if (!value) continue;
                    auto use = bind_metric_use(stmt, *value, module);
                    if (!use) return std::nullopt;
                    out.block.metrics.push_back(std::move(*use));
                }
                return out;
            }
        }
        return std::nullopt;
    }

    // The key of a setting, so that a second one in the same report is reported; only
    // kpis make a layout block.
    keyed_block setting_key(const dsl::option& opt, location loc, std::size_t i) const {
        keyed_block out;
        out.key = "setting:" + opt.key.text;
        out.layout = opt.key.text == "kpis";
        out.block.loc = loc;
        out.block.declared_in = i;
        return out;
    }

    std::optional<period_spec> read_period(statement& stmt, std::size_t module, const dsl::option& opt) {
        const dsl::source_file* file = state_.scopes[module].file;
        const dsl::formula_node* value = single_value(stmt, file, opt);
        if (value == nullptr) return std::nullopt;
        const location loc{file, span_of(*value)};
        const std::string word(written(file, span_of(*value)));
        if (value->kind == dsl::node_kind::name) {
            const lookup found = state_.find(state_.scopes[module], value->text, name_space::values);
            if (found.outcome == lookup::result::found && found.sym.kind == symbol_kind::dimension) {
                if (state_.info(found.sym).state != status::ok) {
                    stmt.poison();
                    return std::nullopt;
                }
                const dimension& dim = state_.model.dimensions[found.sym.index];
                if (dim.grain == time_grain::none) {
                    stmt.error(loc, "period '" + word + "' is not a time dimension");
                    return std::nullopt;
                }
                return period_spec{found.sym.index, dim.grain};
            }
            if (auto grain = find_keyword(time_grains, value->text)) return period_spec{npos, *grain};
        }
        std::vector<std::string> candidates = keyword_names(time_grains);
        const auto& infos = state_.declarations[static_cast<std::size_t>(symbol_kind::dimension)];
        for (std::size_t d = 0; d < state_.model.dimensions.size(); ++d)
            if (infos[d].state == status::ok && state_.model.dimensions[d].grain != time_grain::none)
                candidates.push_back(state_.model.dimensions[d].name);
        dsl::diagnostic* d = stmt.error(loc, "unknown period '" + word + "'");
        if (auto best = dsl::closest_match(word, candidates)) {
            if (d) d->notes.push_back(note_text("did you mean '" + *best + "'?"));
        } else if (d) {
            d->notes.push_back(note_text("a period is a time dimension or a grain: day, week, month, quarter or year"));
        }
        return std::nullopt;
    }
};

}  // namespace

void check_reports(checker_state& state) {
    reports_check(state).run();
}

void check_expect(checker_state& state, const dsl::declaration& decl, std::size_t module) {
    if (!decl.expect || !decl.expect->subject) return;
    const dsl::expect_decl& e = *decl.expect;
    const dsl::source_file* file = state.scopes[module].file;
    statement stmt(state);
    site s;
    s.lv = level::metric;
    expectation model;
    model.module = module;
    model.loc = location{file, decl.span};
    model.subject = bind_in_module(stmt, *e.subject, module, s);
    if (stmt.failed()) return;
    const value_type t = model.subject.type;
    if (e.low && e.high) {
        model.between = true;
        if (t != value_type::number && t != value_type::date && t != value_type::unknown) {
            stmt.error(location{file, span_of(*e.subject)}, "'between' expects a number, found " + type_phrase(t));
            return;
        }
        for (const dsl::formula_node* bound : {e.low.get(), e.high.get()}) {
            expr b = bind_in_module(stmt, *bound, module, s);
            if (stmt.failed()) return;
            if (b.type != value_type::number && b.type != value_type::date && b.type != value_type::unknown) {
                stmt.error(location{file, span_of(*bound)}, "'between' expects a number, found " + type_phrase(b.type));
                return;
            }
            (bound == e.low.get() ? model.low : model.high) = std::move(b);
        }
    } else if (t != value_type::boolean && t != value_type::unknown) {
        if (dsl::diagnostic* d = stmt.error(location{file, span_of(*e.subject)},
                                            "an expect needs a condition, found " + type_phrase(t)))
            d->notes.push_back(note_text("for example: expect NPS between -100 and 100, or expect responses > 0"));
        return;
    }
    state.model.expects.push_back(std::move(model));
}

}  // namespace folio::report::detail

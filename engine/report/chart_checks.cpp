// Charts: `type(metrics by dimensions, options)`. The type is one of the chart types;
// a pie or doughnut shows one metric over at most one dimension, a scatter two metrics,
// a combo at least two; every chart has a dimension; options are title, subtitle,
// series (a dimension), x_title, y_title and legend. Every metric must be splittable by
// the dimensions and the series.
#include "checker_state.hpp"
#include "metric_uses.hpp"
#include "option_checks.hpp"
#include "vocabulary.hpp"

namespace folio::report::detail {
namespace {

class chart_check {
public:
    chart_check(checker_state& state, std::size_t index)
        : state_(state), stmt_(state), info_(state.declarations[static_cast<std::size_t>(symbol_kind::chart)][index]),
          decl_(*info_.decl->chart), file_(state.scopes[info_.module].file), model_(state.model.charts[index]) {}

    void run() {
        (void)(type() && dimensions() && options() && metrics() && shape() && splits());
        info_.state = stmt_.failed() ? status::failed : status::ok;
    }

private:
    checker_state& state_;
    statement stmt_;
    declaration_info& info_;
    const dsl::chart_decl& decl_;
    const dsl::source_file* file_;
    chart& model_;

    location at(dsl::source_span span) const { return location{file_, span}; }

    bool type() {
        const auto type = find_keyword(chart_types, decl_.type.text);
        if (!type) {
            dsl::diagnostic* d = stmt_.error(at(decl_.type.span), "unknown chart type '" + decl_.type.text + "'");
            const std::vector<std::string> known = keyword_names(chart_types);
            if (auto best = dsl::closest_match(decl_.type.text, known)) {
                if (d) d->notes.push_back(note_text("did you mean '" + *best + "'?"));
            } else if (d) {
                d->notes.push_back(note_text("the chart types are " + join_words(known)));
            }
            return false;
        }
        model_.type = *type;
        return true;
    }

    bool dimensions() {
        for (const dsl::identifier& name : decl_.by) {
            auto dim = resolve_dimension(stmt_, info_.module, name);
            if (!dim) return false;
            model_.by.push_back(*dim);
        }
        return true;
    }

    bool options() {
        if (!check_duplicate_options(stmt_, file_, decl_.options)) return false;
        for (const dsl::option& opt : decl_.options) {
            const option_spec* spec = find_option(chart_options, opt.key.text);
            if (spec == nullptr) {
                report_unknown_key(stmt_, file_, opt, "chart option", option_names(chart_options));
                return false;
            }
            if (spec->value == option_value::text) {
                auto text = text_value(stmt_, file_, opt);
                if (!text) return false;
                std::string& target = opt.key.text == "title"      ? model_.title
                                      : opt.key.text == "subtitle" ? model_.subtitle
                                      : opt.key.text == "x_title"  ? model_.x_title
                                                                   : model_.y_title;
                target = *text;
            } else if (spec->value == option_value::boolean) {
                auto b = bool_value(stmt_, file_, opt);
                if (!b) return false;
                model_.legend = *b;
            } else if (spec->value == option_value::dimension) {
                const dsl::formula_node* value = single_value(stmt_, file_, opt);
                if (value == nullptr) return false;
                if (value->kind != dsl::node_kind::name) {
                    stmt_.error(at(span_of(*value)), "'" + opt.key.text + "' expects the name of a dimension");
                    return false;
                }
                auto dim = resolve_dimension(stmt_, info_.module, dsl::identifier{value->text, span_of(*value)});
                if (!dim) return false;
                model_.series = *dim;
            }
        }
        return true;
    }

    bool metrics() {
        for (const auto& node : decl_.metrics) {
            if (!node) continue;
            auto use = bind_metric_use(stmt_, *node, info_.module);
            if (!use) return false;
            model_.metrics.push_back(std::move(*use));
        }
        return true;
    }

    bool shape() {
        const std::string type(chart_type_name(model_.type));
        const std::string a = type == "area" ? "an " : "a ";
        const std::size_t count = model_.metrics.size();
        const location whole = at(decl_.type.span);
        const location second = count > 1 ? model_.metrics[1].loc : whole;
        if (model_.by.empty()) {
            stmt_.error(model_.loc, "chart '" + model_.name + "' needs a dimension, as in " + type + "(" +
                                        (count > 0 ? model_.metrics[0].text : std::string("NPS")) + " by month)");
            return false;
        }
        if (model_.type == chart_type::pie || model_.type == chart_type::doughnut) {
            if (count != 1) {
                stmt_.error(second, a + type + " chart shows one metric, found " + std::to_string(count));
                return false;
            }
            if (model_.by.size() > 1) {
                stmt_.error(at(decl_.by[1].span), a + type + " chart takes one dimension, found " +
                                                      std::to_string(model_.by.size()));
                return false;
            }
            if (model_.series != npos) {
                stmt_.error(whole, a + type + " chart has no series");
                return false;
            }
        }
        if (model_.type == chart_type::scatter && count != 2) {
            stmt_.error(count > 2 ? model_.metrics[2].loc : whole,
                        "a scatter chart needs two metrics (x and y), found " + std::to_string(count));
            return false;
        }
        if (model_.type == chart_type::combo && count < 2) {
            stmt_.error(whole, "a combo chart needs at least two metrics, found " + std::to_string(count));
            return false;
        }
        return true;
    }

    bool splits() {
        std::vector<std::size_t> dims = model_.by;
        if (model_.series != npos) dims.push_back(model_.series);
        for (const metric_use& use : model_.metrics)
            for (std::size_t dim : dims)
                if (!check_split(stmt_, use, dim)) return false;
        for (const metric_use& use : model_.metrics) warn_without_period(stmt_.state(), use, dims, "this chart");
        return true;
    }
};

}  // namespace

void check_chart(checker_state& state, std::size_t index) {
    chart_check(state, index).run();
}

}  // namespace folio::report::detail

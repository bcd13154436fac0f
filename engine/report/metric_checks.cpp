// Metrics: the formula (metric level), the sources it reads, and its options — label,
// description, unit (text), format (an Excel number format code), target (a constant
// number), better (higher | lower).
#include "checker_state.hpp"
#include "expression_binder.hpp"
#include "option_checks.hpp"
#include "vocabulary.hpp"

namespace folio::report::detail {
namespace {

// Reads one option of a metric into the model; false after an error.
bool read_option(statement& stmt, metric& model, std::size_t module, const dsl::option& opt) {
    const dsl::source_file* file = stmt.state().scopes[module].file;
    const option_spec* spec = find_option(metric_options, opt.key.text);
    if (spec == nullptr) {
        report_unknown_key(stmt, file, opt, "metric option", option_names(metric_options));
        return false;
    }
    switch (spec->value) {
        case option_value::text: {
            auto text = text_value(stmt, file, opt);
            if (!text) return false;
            if (opt.key.text == "label") model.label = *text;
            else if (opt.key.text == "description") model.description = *text;
            else model.unit = *text;
            return true;
        }
        case option_value::format: {
            auto code = format_value(stmt, file, opt);
            if (!code) return false;
            model.format = *code;
            return true;
        }
        case option_value::direction: {
            auto word = word_value(stmt, file, opt, {"higher", "lower"});
            if (!word) return false;
            model.better = *word == "higher" ? better_direction::higher : better_direction::lower;
            return true;
        }
        case option_value::number: {
            const dsl::formula_node* value = single_value(stmt, file, opt);
            if (value == nullptr) return false;
            site s;
            s.lv = level::constant;
            s.place = "in a target";
            model.target = bind_in_module(stmt, *value, module, s);
            if (stmt.failed()) return false;
            const value_type t = model.target.type;
            const bool fits = t == value_type::unknown || t == value_type::number ||
                              (t == value_type::date && model.type == value_type::date);
            if (!fits) {
                stmt.error(location{file, span_of(*value)}, "a target expects a number, found " + type_phrase(t));
                return false;
            }
            model.has_target = true;
            return true;
        }
        default:
            return true;
    }
}

}  // namespace

void check_metric(checker_state& state, std::size_t index) {
    declaration_info& info = state.declarations[static_cast<std::size_t>(symbol_kind::metric)][index];
    if (info.state == status::failed) return;
    metric& model = state.model.metrics[index];
    const dsl::metric_decl& decl = *info.decl->metric;
    statement stmt(state);
    site s;
    s.lv = level::metric;
    model.formula = bind_in_module(stmt, *decl.formula, info.module, s);
    if (!stmt.failed()) {
        model.type = model.formula.type;
        model.sources = sources_read(state, model.formula);
        if (check_duplicate_options(stmt, state.scopes[info.module].file, decl.options)) {
            for (const dsl::option& opt : decl.options)
                if (!read_option(stmt, model, info.module, opt)) break;
        }
    }
    info.state = stmt.failed() ? status::failed : status::ok;
}

}  // namespace folio::report::detail

// Sources: the kind (csv, sqlite, postgres), the positional argument (a file path or a
// connection), the options each kind takes, and the schema block. A source without a
// schema block has an unknown schema: its columns are checked when the data is read.
// `starts`/`ends` (lifecycle) and `snapshot`/`entity` (snapshot) name columns of the
// source: checked against the schema block here, or against the data on load.
#include <algorithm>
#include <filesystem>

#include "checker_state.hpp"
#include "option_checks.hpp"
#include "vocabulary.hpp"

namespace folio::report::detail {
namespace {

class source_check {
public:
    source_check(checker_state& state, std::size_t index)
        : state_(state), stmt_(state), info_(state.declarations[static_cast<std::size_t>(symbol_kind::source)][index]),
          decl_(*info_.decl->source), file_(state.scopes[info_.module].file), model_(state.model.sources[index]) {}

    void run() {
        (void)(kind() && schema() && argument() && options());
        info_.state = stmt_.failed() ? status::failed : status::ok;
    }

private:
    checker_state& state_;
    statement stmt_;
    declaration_info& info_;
    const dsl::source_decl& decl_;
    const dsl::source_file* file_;
    source& model_;

    location at(dsl::source_span span) const { return location{file_, span}; }

    bool kind() {
        const auto kind = find_keyword(source_kinds, decl_.kind.text);
        if (!kind) {
            dsl::diagnostic* d = stmt_.error(at(decl_.kind.span), "unknown source kind '" + decl_.kind.text + "'");
            const std::vector<std::string> known = keyword_names(source_kinds);
            if (auto best = dsl::closest_match(decl_.kind.text, known)) {
                if (d) d->notes.push_back(note_text("did you mean '" + *best + "'?"));
            } else if (d) {
                d->notes.push_back(note_text("the source kinds are " + join_words(known)));
            }
            return false;
        }
        model_.kind = *kind;
        return true;
    }

    // The schema first: even a source with a bad option keeps its columns for its users.
    bool schema() {
        model_.schema_known = decl_.has_schema;
        for (std::size_t i = 0; i < decl_.schema.size(); ++i) {
            const dsl::column_decl& col = decl_.schema[i];
            for (std::size_t j = 0; j < i; ++j) {
                if (decl_.schema[j].name.text != col.name.text) continue;
                if (dsl::diagnostic* d = stmt_.error(at(col.name.span), "column '" + col.name.text + "' is already defined"))
                    d->notes.push_back(note_at(at(decl_.schema[j].name.span), "first defined here"));
                return false;
            }
            const auto type = find_keyword(value_types, col.type.text);
            if (!type) {
                dsl::diagnostic* d = stmt_.error(at(col.type.span), "unknown column type '" + col.type.text + "'");
                const std::vector<std::string> known = keyword_names(value_types);
                if (auto best = dsl::closest_match(col.type.text, known)) {
                    if (d) d->notes.push_back(note_text("did you mean '" + *best + "'?"));
                } else if (d) {
                    d->notes.push_back(note_text("the column types are " + join_words(known)));
                }
                return false;
            }
            model_.columns.push_back(column{col.name.text, *type, at(col.name.span)});
        }
        return true;
    }

    bool argument() {
        const std::string kind(source_kind_name(model_.kind));
        const std::size_t count = decl_.arguments.size();
        if (count != 1 || !decl_.arguments[0]) {
            const dsl::source_span span = count > 1 && decl_.arguments[1] ? span_of(*decl_.arguments[1]) : decl_.kind.span;
            stmt_.error(at(span), kind + "() takes 1 argument, found " + std::to_string(count));
            return false;
        }
        const dsl::formula_node& arg = *decl_.arguments[0];
        const std::string what = model_.kind == source_kind::postgres ? "the connection" : "the file path";
        if (arg.kind != dsl::node_kind::text) {
            stmt_.error(at(span_of(arg)), what + " of a " + kind + " source must be text in quotes");
            return false;
        }
        if (arg.text.empty()) {
            stmt_.error(at(span_of(arg)), what + " of a " + kind + " source is empty");
            return false;
        }
        model_.target = arg.text;
        if (model_.kind != source_kind::postgres) {
            const std::filesystem::path folder = std::filesystem::path(file_ ? file_->path() : "").parent_path();
            model_.resolved_path = (folder / arg.text).lexically_normal();
        }
        return true;
    }

    bool options() {
        if (!check_duplicate_options(stmt_, file_, decl_.options)) return false;
        const bool csv = model_.kind == source_kind::csv;
        const std::string kind(source_kind_name(model_.kind));
        const dsl::option* table = nullptr;
        const dsl::option* query = nullptr;
        for (const dsl::option& opt : decl_.options) {
            const option_spec* spec = csv ? find_option(csv_options, opt.key.text) : find_option(database_options, opt.key.text);
            if (spec == nullptr) spec = find_option(entity_options, opt.key.text);
            if (spec == nullptr) {
                std::vector<std::string> known = csv ? option_names(csv_options) : option_names(database_options);
                for (const std::string& name : option_names(entity_options)) known.push_back(name);
                report_unknown_key(stmt_, file_, opt, kind + " option", known);
                return false;
            }
            literal value;
            if (spec->value == option_value::character) {
                auto c = character_value(stmt_, file_, opt);
                if (!c) return false;
                value.type = value_type::text;
                value.text = *c;
            } else if (spec->value == option_value::boolean) {
                auto b = bool_value(stmt_, file_, opt);
                if (!b) return false;
                value.type = value_type::boolean;
                value.boolean = *b;
            } else {
                auto t = text_value(stmt_, file_, opt);
                if (!t) return false;
                value.type = value_type::text;
                value.text = *t;
            }
            if (opt.key.text == "on_error" && value.text != "fail" && value.text != "skip") {
                stmt_.error(at(opt.span), "on_error takes \"fail\" or \"skip\", found \"" + value.text + "\"");
                return false;
            }
            if (opt.key.text == "decimal" && value.text != "." && value.text != ",") {
                stmt_.error(at(opt.span), "decimal takes \".\" or \",\", found \"" + value.text + "\"");
                return false;
            }
            if (opt.key.text == "table") {
                table = &opt;
                model_.table = value.text;
            } else if (opt.key.text == "query") {
                query = &opt;
                model_.query = value.text;
            }
            model_.options.push_back(named_literal{opt.key.text, value, at(opt.span)});
            if (find_option(entity_options, opt.key.text) != nullptr && !entity_column(opt, value.text)) return false;
        }
        if (!entity_options_fit()) return false;
        if (csv) return true;
        if (table == nullptr && query == nullptr) {
            stmt_.error(at(decl_.kind.span), "a " + kind + " source needs a 'table' or a 'query' option");
            return false;
        }
        if (table != nullptr && query != nullptr) {
            const dsl::option* second = table->span.offset > query->span.offset ? table : query;
            stmt_.error(at(second->key.span), "a " + kind + " source takes a 'table' or a 'query', not both");
            return false;
        }
        return true;
    }

    // `starts`, `ends`, `snapshot`, `entity`: a column of the source (a date, but for the entity), checked now when
    // the schema is declared, else when the data is read.
    bool entity_column(const dsl::option& opt, const std::string& name) {
        const std::string& key = opt.key.text;
        const location loc = at(span_of(*opt.values[0]));
        if (name.empty()) {
            stmt_.error(loc, "'" + key + "' names a column of the source, found an empty text");
            return false;
        }
        if (model_.schema_known) {
            const column* found = nullptr;
            std::vector<std::string> names;
            for (const column& c : model_.columns) {
                names.push_back(c.name);
                if (c.name == name) found = &c;
            }
            if (found == nullptr) {
                dsl::diagnostic* d =
                    stmt_.error(loc, "'" + key + "' names column '" + name + "', which source " + model_.name + " does not have");
                if (auto best = dsl::closest_match(name, names)) {
                    if (d) d->notes.push_back(note_text("did you mean '" + *best + "'?"));
                } else if (d) {
                    d->notes.push_back(note_text("its columns are " + join_words(names)));
                }
                return false;
            }
            if (key != "entity" && found->type != value_type::date) {
                if (dsl::diagnostic* d = stmt_.error(loc, "'" + key + "' needs a date column, but column '" + name +
                                                              "' is declared " + std::string(type_name(found->type))))
                    d->notes.push_back(note_at(found->loc, "declare it as '" + name + ": date'"));
                return false;
            }
        } else if (std::none_of(model_.referenced_columns.begin(), model_.referenced_columns.end(),
                                [&](const column& c) { return c.name == name; })) {
            model_.referenced_columns.push_back(column{name, value_type::unknown, loc});
        }
        if (key == "starts") model_.starts = name;
        else if (key == "ends") model_.ends = name;
        else if (key == "snapshot") model_.snapshot = name;
        else model_.entity = name;
        return true;
    }

    // A lifecycle source has `starts` (and maybe `ends`); a snapshot source `snapshot` and `entity`; not both.
    bool entity_options_fit() {
        const auto where = [&](std::string_view key) {
            for (const named_literal& o : model_.options)
                if (o.key == key) return o.loc;
            return at(decl_.kind.span);
        };
        if (!model_.ends.empty() && model_.starts.empty()) {
            stmt_.error(where("ends"), "'ends' needs 'starts': the column of the date each entity starts");
            return false;
        }
        if (!model_.snapshot.empty() && model_.entity.empty()) {
            stmt_.error(where("snapshot"), "'snapshot' needs 'entity': the column that names the entity of a row, "
                                           "as entity: \"account_id\"");
            return false;
        }
        if (!model_.entity.empty() && model_.snapshot.empty()) {
            stmt_.error(where("entity"), "'entity' needs 'snapshot': the date column of each row");
            return false;
        }
        if (!model_.starts.empty() && !model_.snapshot.empty()) {
            stmt_.error(where("snapshot"), "a source takes 'starts' (a lifecycle source) or 'snapshot' (a snapshot "
                                           "source), not both");
            return false;
        }
        return true;
    }
};

}  // namespace

void check_source(checker_state& state, std::size_t index) {
    source_check(state, index).run();
}

}  // namespace folio::report::detail

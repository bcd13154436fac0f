// Binding and scanning one source (see source_scan.hpp).
#include "source_scan.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "folio/engine/coerce.hpp"
#include "source_reading.hpp"

namespace folio::eval {
namespace {

std::string join(const std::vector<std::string>& words) {
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i > 0) out += i + 1 == words.size() ? " and " : ", ";
        out += words[i];
    }
    return out;
}

bool is_time_type(data::column_type t) { return t == data::column_type::date || t == data::column_type::timestamp; }

std::uint64_t number_bits(double x) {
    if (x == 0) x = 0;
    std::uint64_t b = 0;
    std::memcpy(&b, &x, sizeof b);
    return b;
}

}  // namespace

source_scan::source_scan(const report::checked_program& program, std::size_t source, const evaluation_plan& plan,
                         const std::vector<value>& params, call_context& ctx, domain_set& domains)
    : program_(program), source_(source), plan_(plan), domains_(domains), params_(params), rows_(program, params, ctx) {
    summary_.name = program.sources[source].qualified_name;
    if (report::is_entity_source(program.sources[source]))
        entities_ = std::make_unique<entity_source>(program, source, plan, domains);
}

std::size_t source_scan::reader_for(const dimension_key& key, std::size_t node) {
    for (std::size_t i = 0; i < readers_.size(); ++i)
        if (readers_[i].key == key) return i;
    dimension_reader r;
    r.key = key;
    r.node = node;
    r.domain = &domains_.at(key);
    readers_.push_back(std::move(r));
    return readers_.size() - 1;
}

bool source_scan::load_schema() {
    if (!schema_loaded_) {
        schema_loaded_ = true;
        try {
            schema_ = data_schema(program_.sources[source_], {&program_, &params_});
        } catch (const data::data_error& e) {
            schema_error_ = e.issue();
        }
    }
    return !schema_error_;
}

std::optional<std::size_t> source_scan::find_column(const std::string& name) const {
    if (auto exact = data::find_column(schema_, name)) return exact;
    return data::find_column_case_insensitive(schema_, name);
}

const report::expr* source_scan::dimension_column(std::size_t d) {
    const report::dimension& dim = program_.dimensions[d];
    for (const report::dimension_column& c : dim.columns)
        if (c.source == source_) return &c.value;
    if (program_.sources[source_].schema_known) return nullptr;
    for (const report::expr& e : synthetic_)
        if (e.index == d) return &e;
    for (const std::string& candidate : dim.candidate_names) {
        auto at = find_column(candidate);
        if (!at || (dim.grain != report::time_grain::none && !is_time_type(schema_[*at].type))) continue;
        report::expr e;
        e.kind = report::expr_kind::column;
        e.source = source_;
        e.index = d;  // marks the dimension it carries
        e.text = schema_[*at].name;
        e.loc = dim.loc;
        synthetic_.push_back(std::move(e));
        return &synthetic_.back();
    }
    return nullptr;
}

bool source_scan::carries(std::size_t dimension) {
    // A lifecycle or snapshot source is split by any time dimension through its dates.
    if (entities_ && program_.dimensions[dimension].grain != report::time_grain::none) return true;
    if (!program_.sources[source_].schema_known && !load_schema()) return true;
    return dimension_column(dimension) != nullptr;
}

bool source_scan::bind(bool keep_rows, dsl::diagnostic_list& diagnostics, std::vector<data::load_issue>& data_errors) {
    const report::source& src = program_.sources[source_];
    keep_rows_ = keep_rows;
    if (!load_schema()) {
        data_errors.push_back(*schema_error_);
        return false;
    }
    std::vector<std::string> names;
    for (const data::column_spec& c : schema_) names.push_back(c.name);

    bool ok = true;
    // The column of each dimension the plan splits this source by.
    for (const auto& [g, bases] : plan_.needs(source_)) {
        for (const dimension_key& key : plan_.keys(g)) {
            const report::dimension& dim = program_.dimensions[key.dimension];
            if (entities_ && key.grain != report::time_grain::none) continue;  // its dates decide the period
            const report::expr* value_expr = dimension_column(key.dimension);
            if (value_expr == nullptr) {
                if (std::any_of(readers_.begin(), readers_.end(), [&](const dimension_reader& r) { return r.key == key; }))
                    continue;
                const split_request* who = plan_.requester(source_, key.dimension);
                dsl::diagnostic d;
                d.file = who ? who->loc.file : dim.loc.file;
                d.span = who ? who->loc.span : dim.loc.span;
                d.message = (who ? who->what : "a metric") + " cannot be split by " + dim.name + ": source " +
                            src.name + " has no column for it";
                std::vector<std::string> carriers;
                for (const report::dimension_column& c : dim.columns) carriers.push_back(program_.sources[c.source].name);
                d.notes.push_back({carriers.empty() ? "dimension " + dim.name + " is declared here"
                                                    : "dimension " + dim.name + " has columns in " + join(carriers),
                                   dim.loc.file, dim.loc.span});
                diagnostics.add(std::move(d));
                ok = false;
                // Register a reader anyway so each missing dimension is reported once.
                reader_for(key, row_program::omitted);
                continue;
            }
            reader_for(key, rows_.add(*value_expr));
            // A dimension of dates without a grain shows its values as dates.
            const bool dates = value_expr->type == report::value_type::date ||
                               (value_expr->kind == report::expr_kind::column && find_column(value_expr->text) &&
                                is_time_type(schema_[*find_column(value_expr->text)].type));
            if (dates && key.grain == report::time_grain::none) domains_.at(key).show_as_dates();
        }
    }
    if (!ok) return false;

    // Numbers from a column whose type only the data tells: text there would be left out silently.
    std::vector<std::pair<const report::expr*, report::aggregate_kind>> numeric;
    for (const auto& [node, f] : plan_.formulas()) {
        const bool counts = f.kind == report::aggregate_kind::count || f.kind == report::aggregate_kind::distinct ||
                            f.kind == report::aggregate_kind::share || f.kind == report::aggregate_kind::pct;
        if (node->source == source_ && !counts && node->children[0].kind == report::expr_kind::column)
            numeric.emplace_back(&node->children[0], f.kind);
    }
    std::sort(numeric.begin(), numeric.end(), [](const auto& x, const auto& y) {
        return x.first->loc.span.offset < y.first->loc.span.offset;
    });
    for (const auto& [argument, kind] : numeric) {
        const auto at = find_column(argument->text);
        if (!at || schema_[*at].type != data::column_type::text) continue;
        diagnostics.error(argument->loc.file, argument->loc.span,
                          std::string(report::aggregate_name(kind)) + "() expects numbers, but column '" +
                              schema_[*at].name + "' of source " + src.name + " holds text");
        ok = false;
    }
    if (!ok) return false;

    // The accumulators of each grouping (an entity source computes its aggregates per context instead).
    if (entities_) entities_->bind(rows_);
    for (const auto& [g, bases] : plan_.needs(source_)) {
        if (entities_) break;
        grouping_state gs(plan_.keys(g).size());
        gs.grouping = g;
        for (const dimension_key& key : plan_.keys(g)) gs.readers.push_back(reader_for(key, 0));
        for (std::size_t b : bases) {
            const base_aggregate& base = plan_.bases()[b];
            const accumulator_kind kind = accumulator_for(base.op);
            const std::size_t argument = base.argument ? rows_.add(*base.argument) : row_program::omitted;
            const std::size_t where = base.where ? rows_.add(*base.where) : row_program::omitted;
            auto same = std::find_if(gs.slots.begin(), gs.slots.end(), [&](const accumulator_slot& s) {
                return s.kind == kind && s.argument == argument && s.where == where;
            });
            if (same == gs.slots.end()) {
                gs.slots.push_back(accumulator_slot{kind, argument, where, nullptr});
                same = gs.slots.end() - 1;
            }
            gs.slot_of_base[b] = static_cast<std::size_t>(same - gs.slots.begin());
        }
        for (accumulator_slot& slot : gs.slots) {
            bool spread = false;
            for (const auto& [b, s] : gs.slot_of_base)
                spread = spread || (&gs.slots[s] == &slot && plan_.bases()[b].op == base_op::stdev);
            slot.state = make_accumulator(slot.kind, spread);
        }
        grouping_index_[g] = groupings_.size();
        groupings_.push_back(std::move(gs));
    }

    // The columns read: the ones the program names (every one for a data block), in the data's order.
    std::vector<bool> wanted(schema_.size(), keep_rows);
    for (row_program::column_ref& ref : rows_.columns()) {
        auto at = find_column(ref.name);
        if (!at) {
            dsl::diagnostic& d = diagnostics.error(ref.loc.file, ref.loc.span,
                                                   "source " + src.name + " has no column '" + ref.name + "'");
            if (auto best = dsl::closest_match(ref.name, names)) d.notes.push_back({"did you mean '" + *best + "'?", nullptr, {}});
            else d.notes.push_back({"its columns are " + join(names), nullptr, {}});
            ok = false;
            continue;
        }
        wanted[*at] = true;
    }
    if (!ok) return false;
    if (std::none_of(wanted.begin(), wanted.end(), [](bool w) { return w; }) && !schema_.empty()) wanted[0] = true;
    std::vector<std::size_t> position(schema_.size(), row_program::omitted);
    for (std::size_t i = 0; i < schema_.size(); ++i) {
        if (!wanted[i]) continue;
        position[i] = read_schema_.size();
        read_schema_.push_back(schema_[i]);
    }
    for (row_program::column_ref& ref : rows_.columns()) ref.index = position[*find_column(ref.name)];
    return true;
}

void source_scan::dimension_reader::read(const row_vector& v, std::size_t rows) {
    ids.resize(rows);
    const bool time = domain->is_time();
    switch (v.kind) {
        case row_kind::text: {
            if (pool != v.pool) {
                pool = v.pool;
                code_ids.clear();
            }
            if (code_ids.size() < pool->size()) code_ids.resize(pool->size(), group_map::npos);
            const std::uint32_t blank = domain->blank_id();
            for (std::size_t r = 0; r < rows; ++r) {
                const std::uint32_t code = v.codes[r];
                if (code == data::column::null_code) {
                    ids[r] = blank;
                    continue;
                }
                std::uint32_t& id = code_ids[code];
                if (id == group_map::npos) id = domain->intern(value(pool->at(code)));
                ids[r] = id;
            }
            return;
        }
        case row_kind::number: {
            const std::uint32_t blank = domain->blank_id();
            std::uint64_t last_key = 0;
            std::uint32_t last_id = group_map::npos;
            for (std::size_t r = 0; r < rows; ++r) {
                const std::uint8_t s = v.status_at(r);
                if (s == status_blank) {
                    ids[r] = blank;
                    continue;
                }
                if (is_error_status(s)) {
                    ids[r] = domain->intern(value(status_error(s)));
                    continue;
                }
                const double x = v.numbers[r];
                const std::uint64_t key = time ? static_cast<std::uint64_t>(static_cast<std::int64_t>(std::floor(x)))
                                               : number_bits(x);
                if (last_id == group_map::npos || key != last_key) {
                    auto [it, inserted] = number_ids.try_emplace(key, 0);
                    if (inserted) it->second = domain->intern(value(x));
                    last_key = key;
                    last_id = it->second;
                }
                ids[r] = last_id;
            }
            return;
        }
        default:
            if (v.kind == row_kind::scalar) {
                std::fill(ids.begin(), ids.end(), domain->intern(v.scalar));
                return;
            }
            for (std::size_t r = 0; r < rows; ++r) ids[r] = domain->intern(v.at(r));
            return;
    }
}

const std::vector<std::uint8_t>& source_scan::selection(std::size_t node, std::size_t rows) {
    auto [it, inserted] = selections_.try_emplace(node);
    std::vector<std::uint8_t>& take = it->second;
    if (!inserted) return take;
    const row_vector& v = values_[node];
    take.resize(rows);
    switch (v.kind) {
        case row_kind::boolean:
            for (std::size_t r = 0; r < rows; ++r) {
                const std::uint8_t s = v.status_at(r);
                take[r] = s == status_value ? v.booleans[r] : (s == status_blank ? 0 : s);
            }
            break;
        case row_kind::number:
            for (std::size_t r = 0; r < rows; ++r) {
                const std::uint8_t s = v.status_at(r);
                take[r] = s == status_value ? (v.numbers[r] != 0 ? 1 : 0) : (s == status_blank ? 0 : s);
            }
            break;
        case row_kind::scalar: std::fill(take.begin(), take.end(), condition_status(v.scalar)); break;
        default:
            for (std::size_t r = 0; r < rows; ++r) take[r] = condition_status(v.at(r));
            break;
    }
    return take;
}

void source_scan::add_batch(const data::table& batch) {
    const std::size_t rows = batch.row_count();
    if (entities_) entities_->append(batch);
    rows_.evaluate(batch, values_);
    selections_.clear();
    for (dimension_reader& r : readers_) r.read(values_[r.node], rows);
    std::vector<std::span<const std::uint32_t>> columns;
    for (grouping_state& gs : groupings_) {
        columns.clear();
        for (std::size_t r : gs.readers) columns.emplace_back(readers_[r].ids);
        gs.groups.assign(columns, rows, gs.group_of_row);
        const std::size_t groups = gs.groups.size();
        for (accumulator_slot& slot : gs.slots) {
            slot.state->resize(groups);
            std::span<const std::uint8_t> take;
            if (slot.where != row_program::omitted) take = selection(slot.where, rows);
            const row_vector* argument = slot.argument == row_program::omitted ? nullptr : &values_[slot.argument];
            slot.state->add(gs.group_of_row, take, argument);
        }
    }
    if (keep_rows_) {
        if (!kept_) {
            kept_ = std::make_shared<data::table>(program_.sources[source_].qualified_name);
            for (const data::column& c : batch.columns())
                kept_->add_column(data::column(c.name(), c.type(), c.shared_dictionary()));
        }
        kept_->append(batch);
    }
}

bool source_scan::scan(std::size_t threads, bool pushdown, const progress_hook& progress,
                       std::vector<data::load_issue>& data_errors) {
    const report::source& src = program_.sources[source_];
    if (bool failed = false; push_down(pushdown, data_errors, failed)) return !failed;
    try {
        const data::load_summary summary =
            read_source(
                src, read_schema_, threads, progress, [&](const data::table_batch& batch) { add_batch(batch); },
                domains_.calendar().zone, {&program_, &params_});
        summary_.rows = summary.rows;
        summary_.skipped_rows = summary.skipped_rows;
        summary_.warning = summary.warning_text();
    } catch (const data::data_error& e) {
        data_errors.push_back(e.issue());
        return false;
    }
    for (grouping_state& gs : groupings_)
        for (accumulator_slot& slot : gs.slots) slot.state->finish();
    values_.clear();
    selections_.clear();
    if (entities_) {
        // Every row at once: the dimension ids per row for the entity source's contexts.
        std::vector<row_vector>& all = entities_->evaluate(rows_);
        for (dimension_reader& r : readers_) {
            if (entities_->row_count() == 0) break;
            if (r.node == row_program::omitted) continue;
            r.read(all[r.node], entities_->row_count());
            entities_->set_ids(r.key, r.ids);
        }
        return entities_->prepare(data_errors);
    }
    return true;
}

value source_scan::base_value(std::size_t base, std::size_t grouping, std::span<const std::uint32_t> ids) const {
    const base_aggregate& b = plan_.bases()[base];
    if (entities_) return entities_->base_value(base, plan_.keys(grouping), ids);
    if (pushed_) return pushed_->base_value(plan_, base, grouping, ids);
    auto gi = grouping_index_.find(grouping);
    if (gi == grouping_index_.end()) return error_code::na;
    const grouping_state& gs = groupings_[gi->second];
    auto slot = gs.slot_of_base.find(base);
    if (slot == gs.slot_of_base.end()) return error_code::na;
    const std::uint32_t group = gs.groups.find(ids);
    if (group == group_map::npos) return empty_result(b.op, b.k);
    return gs.slots[slot->second].state->result(b.op, b.k, group);
}

void source_scan::list_groups(std::size_t grouping, std::vector<std::vector<std::uint32_t>>& out) const {
    if (pushed_) {
        pushed_->list_groups(grouping, out);
        return;
    }
    if (entities_) {
        if (!plan_.needs(source_).empty() && plan_.needs(source_).count(grouping) != 0)
            entities_->list_groups(plan_.keys(grouping), out);
        return;
    }
    auto gi = grouping_index_.find(grouping);
    if (gi == grouping_index_.end()) return;
    const grouping_state& gs = groupings_[gi->second];
    for (std::uint32_t g = 0; g < gs.groups.size(); ++g) {
        auto key = gs.groups.key(g);
        out.emplace_back(key.begin(), key.end());
    }
}

}  // namespace folio::eval

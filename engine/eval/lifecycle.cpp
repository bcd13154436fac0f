// Lifecycle and snapshot sources (see lifecycle.hpp).
#include "lifecycle.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <set>
#include <unordered_map>

#include "accumulators.hpp"
#include "folio/engine/coerce.hpp"
#include "folio/engine/eval/time_period.hpp"
#include "folio/engine/value_text.hpp"

namespace folio::eval {
namespace {

constexpr double no_day = std::numeric_limits<double>::quiet_NaN();

const report::named_literal* option_of(const report::source& src, std::string_view key) {
    for (const report::named_literal& o : src.options)
        if (o.key == key) return &o;
    return nullptr;
}

// A key that tells entities apart: the type and the exact value.
std::string entity_key(const value& v) {
    if (v.is_blank()) return "_";
    if (v.is_number()) {
        double x = v.number();
        if (x == 0) x = 0;
        std::string key(1 + sizeof x, 'n');
        std::memcpy(key.data() + 1, &x, sizeof x);
        return key;
    }
    if (v.is_text()) return "t" + v.text();
    if (v.is_boolean()) return v.boolean() ? "b1" : "b0";
    return "e" + std::to_string(static_cast<int>(v.error()));
}

}  // namespace

entity_source::entity_source(const report::checked_program& program, std::size_t source, const evaluation_plan& plan,
                             domain_set& domains)
    : program_(program), source_(source), plan_(plan), domains_(domains),
      snapshot_(!program.sources[source].snapshot.empty()) {}

void entity_source::bind(row_program& rows) {
    const report::source& src = program_.sources[source_];
    const char* first_key = snapshot_ ? "snapshot" : "starts";
    const char* second_key = snapshot_ ? "entity" : "ends";
    const std::string& first = snapshot_ ? src.snapshot : src.starts;
    const std::string& second = snapshot_ ? src.entity : src.ends;
    auto column = [&](const char* key, const std::string& name) {
        report::expr e;
        e.kind = report::expr_kind::column;
        e.source = source_;
        e.text = name;
        const report::named_literal* written = option_of(src, key);
        e.loc = written != nullptr ? written->loc : src.loc;
        return e;
    };
    columns_.clear();
    columns_.push_back(column(first_key, first));
    if (!second.empty()) columns_.push_back(column(second_key, second));
    first_node_ = rows.add(columns_[0]);
    second_node_ = columns_.size() > 1 ? rows.add(columns_[1]) : row_program::omitted;
    for (const auto& [g, bases] : plan_.needs(source_)) {
        for (std::size_t b : bases) {
            const base_aggregate& base = plan_.bases()[b];
            const std::size_t argument = base.argument ? rows.add(*base.argument) : row_program::omitted;
            const std::size_t where = base.where ? rows.add(*base.where) : row_program::omitted;
            base_nodes_[b] = {argument, where};
        }
    }
}

void entity_source::append(const data::table& batch) {
    if (!table_) {
        table_ = std::make_shared<data::table>(program_.sources[source_].qualified_name);
        for (const data::column& c : batch.columns())
            table_->add_column(data::column(c.name(), c.type(), c.shared_dictionary()));
    }
    table_->append(batch);
}

std::vector<row_vector>& entity_source::evaluate(row_program& rows) {
    if (table_) rows.evaluate(*table_, values_);
    return values_;
}

bool entity_source::date_column(std::size_t node, const std::string& column, std::vector<double>& days,
                                std::vector<data::load_issue>& data_errors) const {
    const report::source& src = program_.sources[source_];
    const std::size_t n = row_count();
    days.assign(n, no_day);
    if (node == row_program::omitted || n == 0) return true;
    const report::named_literal* header = option_of(src, "header");
    const bool has_header = src.kind != report::source_kind::csv || header == nullptr || header->value.boolean;
    for (std::size_t r = 0; r < n; ++r) {
        const value v = values_[node].at(r);
        if (v.is_blank()) continue;
        if (v.is_number()) {
            days[r] = std::floor(v.number());  // a timestamp counts for its day
            continue;
        }
        // A column typed text by the data (one cell is not a date) still holds dates in its other cells.
        if (const auto serial = v.is_text() ? text_to_number(v.text()) : std::nullopt) {
            days[r] = std::floor(*serial);
            continue;
        }
        data::load_issue issue;
        issue.file = src.resolved_path.string();
        issue.row = src.kind == report::source_kind::csv ? r + (has_header ? 2 : 1) : r + 1;
        issue.column_name = column;
        issue.value = v.is_text() ? v.text() : display_text(v);
        issue.message = "column '" + column + "' of source " + src.name + " holds the dates of " +
                        (snapshot_ ? "its snapshots" : "its entities' lifecycle") + " and expects a date, found '" +
                        issue.value + "' (row " + std::to_string(issue.row) + ")";
        issue.notes.push_back("write dates as YYYY-MM-DD, or leave the cell empty" +
                              std::string(snapshot_ ? "" : " for an entity that has not ended"));
        data_errors.push_back(std::move(issue));
        return false;
    }
    return true;
}

bool entity_source::prepare(std::vector<data::load_issue>& data_errors) {
    const std::size_t n = row_count();
    const std::string& first = columns_.empty() ? std::string() : columns_[0].text;
    if (!date_column(first_node_, first, first_day_, data_errors)) return false;
    if (snapshot_) {
        std::unordered_map<std::string, std::uint32_t> entities;
        entity_of_row_.assign(n, 0);
        for (std::size_t r = 0; r < n; ++r) {
            const auto [it, inserted] =
                entities.try_emplace(entity_key(values_[second_node_].at(r)), static_cast<std::uint32_t>(entities.size()));
            entity_of_row_[r] = it->second;
        }
        second_day_.assign(n, no_day);
    } else if (!date_column(second_node_, columns_.size() > 1 ? columns_[1].text : std::string(), second_day_,
                            data_errors)) {
        return false;
    }
    bool any = false;
    for (std::size_t r = 0; r < n; ++r) {
        for (double d : {first_day_[r], second_day_[r]}) {
            if (std::isnan(d)) continue;
            latest_day_ = any ? std::max(latest_day_, d) : d;
            any = true;
        }
    }
    return true;
}

const std::vector<std::uint8_t>& entity_source::members(period_rule rule, bool has_period, double first,
                                                        double next) const {
    if (!has_period) first = next = -std::numeric_limits<double>::infinity();
    const auto key = std::make_tuple(snapshot_ ? period_rule::none : rule, first, next);
    if (auto found = members_.find(key); found != members_.end()) return found->second;
    const std::size_t n = row_count();
    std::vector<std::uint8_t> in(n, 0);
    if (snapshot_) {
        // Each entity's last row dated within the period (the later row on a tie).
        std::vector<std::size_t> last(n, static_cast<std::size_t>(-1));
        for (std::size_t r = 0; r < n; ++r) {
            const double day = first_day_[r];
            if (std::isnan(day) || (has_period && (day < first || day >= next))) continue;
            std::size_t& best = last[entity_of_row_[r]];
            if (best == static_cast<std::size_t>(-1) || first_day_[best] <= day) best = r;
        }
        for (std::size_t r : last)
            if (r != static_cast<std::size_t>(-1)) in[r] = 1;
    } else {
        for (std::size_t r = 0; r < n; ++r) {
            const double start = first_day_[r], end = second_day_[r];
            const bool started = !std::isnan(start);
            const bool ended = !std::isnan(end);
            bool take = false;
            if (!has_period) {
                take = rule == period_rule::none;
            } else {
                switch (rule) {
                    case period_rule::none:
                    case period_rule::active_at_end: take = started && start < next && (!ended || end >= next); break;
                    case period_rule::active_at_start: take = started && start < first && (!ended || end >= first); break;
                    case period_rule::started: take = started && start >= first && start < next; break;
                    case period_rule::ended: take = ended && end >= first && end < next; break;
                }
            }
            in[r] = take ? 1 : 0;
        }
    }
    return members_.emplace(key, std::move(in)).first->second;
}

value entity_source::base_value(std::size_t base, const std::vector<dimension_key>& keys,
                                std::span<const std::uint32_t> ids) const {
    const base_aggregate& b = plan_.bases()[base];
    const auto nodes = base_nodes_.find(base);
    if (nodes == base_nodes_.end()) return error_code::na;
    std::size_t time = npos;
    for (std::size_t i = 0; i < keys.size() && time == npos; ++i)
        if (keys[i].grain != report::time_grain::none) time = i;
    double first = 0, next = 0;
    if (time != npos) {
        const dimension_value& period = domains_.at(keys[time]).at(ids[time]);
        if (!period.v.is_number()) return empty_result(b.op, b.k);  // the blank period: no entity is in it
        first = period.v.number();
        next = shift_period(first, keys[time].grain, 1);
    } else if (b.rule != period_rule::none) {
        return error_code::na;  // a lifecycle aggregate needs a period
    }
    const std::vector<std::uint8_t>& in = members(b.rule, time != npos, first, next);

    // The other dimensions of the context, read from the row that represents the entity.
    std::vector<const std::vector<std::uint32_t>*> dims(keys.size(), nullptr);
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (i == time || keys[i].grain != report::time_grain::none) continue;
        if (auto found = ids_.find(keys[i]); found != ids_.end()) dims[i] = &found->second;
    }
    const std::size_t n = row_count();
    const auto [argument, where] = nodes->second;
    std::vector<std::uint8_t> take(n, 0);
    for (std::size_t r = 0; r < n; ++r) {
        if (in[r] == 0) continue;
        bool match = true;
        for (std::size_t i = 0; i < keys.size() && match; ++i)
            match = dims[i] == nullptr || (*dims[i])[r] == ids[i];
        if (!match) continue;
        take[r] = where == row_program::omitted ? 1 : condition_status(values_[where].at(r));
    }
    const std::vector<std::uint32_t> groups(n, 0);
    std::unique_ptr<accumulator> state = make_accumulator(accumulator_for(b.op), b.op == base_op::stdev);
    state->resize(1);
    if (n > 0) {
        const row_vector* values = argument == row_program::omitted ? nullptr : &values_[argument];
        state->add(groups, take, values);
    }
    state->finish();
    return state->result(b.op, b.k, 0);
}

void entity_source::list_groups(const std::vector<dimension_key>& keys,
                                std::vector<std::vector<std::uint32_t>>& out) const {
    const std::size_t n = row_count();
    std::vector<const std::vector<std::uint32_t>*> dims(keys.size(), nullptr);
    bool timed = false;
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (keys[i].grain != report::time_grain::none) timed = true;
        else if (auto found = ids_.find(keys[i]); found != ids_.end()) dims[i] = &found->second;
    }
    std::set<std::vector<std::uint32_t>> met;
    auto add = [&](std::size_t r, double day) {
        std::vector<std::uint32_t> tuple(keys.size(), 0);
        for (std::size_t i = 0; i < keys.size(); ++i) {
            if (keys[i].grain != report::time_grain::none) tuple[i] = domains_.at(keys[i]).intern(value(day));
            else if (dims[i] != nullptr) tuple[i] = (*dims[i])[r];
        }
        met.insert(std::move(tuple));
    };
    for (std::size_t r = 0; r < n; ++r) {
        const double start = first_day_[r], end = second_day_[r];
        if (!timed) {
            add(r, 0);
            continue;
        }
        if (std::isnan(start)) continue;
        add(r, start);
        if (!snapshot_) add(r, std::isnan(end) ? latest_day_ : end);
    }
    out.insert(out.end(), met.begin(), met.end());
}

std::string aggregation_note(const report::checked_program& program, const report::expr& formula) {
    // The sources read by ordinary aggregates and by lifecycle aggregates, through metrics and defs.
    std::set<std::size_t> ordinary, lifecycle, metrics;
    std::vector<const report::expr*> todo{&formula};
    while (!todo.empty()) {
        const report::expr* e = todo.back();
        todo.pop_back();
        if (e->kind == report::expr_kind::aggregate && e->source < program.sources.size())
            (report::is_lifecycle_aggregate(e->aggregate) ? lifecycle : ordinary).insert(e->source);
        if (e->kind == report::expr_kind::metric && e->index < program.metrics.size() && metrics.insert(e->index).second)
            todo.push_back(&program.metrics[e->index].formula);
        for (const report::expr& c : e->children) todo.push_back(&c);
    }
    std::vector<std::string> notes;
    for (std::size_t s = 0; s < program.sources.size(); ++s) {
        const report::source& src = program.sources[s];
        if (!src.snapshot.empty() && ordinary.count(s) != 0)
            notes.push_back("last value per " + src.entity + " in each period");
        if (src.starts.empty()) continue;
        if (ordinary.count(s) != 0) notes.push_back("at period end: " + src.name + " active on the last day of each period");
        if (lifecycle.count(s) != 0)
            notes.push_back(src.name + " counted by " + src.starts + (src.ends.empty() ? "" : " and " + src.ends) +
                            " relative to each period");
    }
    std::string out;
    for (const std::string& note : notes) out += (out.empty() ? "" : "; ") + note;
    return out;
}

}  // namespace folio::eval

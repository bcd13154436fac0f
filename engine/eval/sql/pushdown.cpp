// Running pushed-down queries (see pushdown.hpp).
#include "pushdown.hpp"

#include <charconv>

#include "../accumulators.hpp"

namespace folio::eval::sql {
namespace {

std::optional<double> number_of(const data::sql_cell& cell) {
    if (cell.has_number) return cell.number;
    double x = 0;
    const char* first = cell.text.data();
    const char* last = first + cell.text.size();
    if (!cell.text.empty() && *first == '+') ++first;
    const auto [end, ec] = std::from_chars(first, last, x);
    if (ec != std::errc() || end != last) return std::nullopt;
    return x;
}

[[noreturn]] void bad_cell(const data::sql_cell& cell) {
    data::load_issue issue;
    issue.message = "the database returned '" + std::string(cell.text) + "' where a number was expected";
    throw data::data_error(std::move(issue));
}

value key_value(const data::sql_cell& cell, cell_kind kind) {
    if (cell.null) return value();
    switch (kind) {
        case cell_kind::number: {
            auto x = number_of(cell);
            if (!x) bad_cell(cell);
            return *x;
        }
        case cell_kind::text: return value(std::string(cell.text));
        case cell_kind::boolean:
            if (cell.has_number) return value(cell.number != 0);
            return value(cell.text == "t" || cell.text == "true" || cell.text == "1");
    }
    return value();
}

}  // namespace

void pushed_aggregates::run(data::sql_database& db, const compiled_source& compiled, const evaluation_plan& plan,
                            domain_set& domains) {
    for (const sql_query& q : compiled.queries) {
        const std::vector<dimension_key>& keys = plan.keys(q.grouping);
        auto [it, inserted] = groupings_.try_emplace(q.grouping, keys.size());
        grouping_values& gv = it->second;
        std::vector<std::uint32_t> ids(keys.size());
        const bool first = &q == &compiled.queries.front();
        db.run(q.text, q.params, [&](std::span<const data::sql_cell> cells) {
            ++fetched_;
            if (first && q.rows_column < cells.size()) source_rows_ += static_cast<std::uint64_t>(number_of(cells[q.rows_column]).value_or(0));
            for (std::size_t i = 0; i < keys.size(); ++i) ids[i] = domains.at(keys[i]).intern(key_value(cells[i], q.key_kinds[i]));
            const std::uint32_t group = gv.groups.intern(ids.data());
            for (std::size_t c = 0; c < q.bases.size(); ++c) {
                const base_aggregate& b = plan.bases()[q.bases[c]];
                std::vector<value>& column = gv.values[q.bases[c]];
                if (column.size() <= group) column.resize(group + 1, empty_result(b.op, b.k));
                const data::sql_cell& cell = cells[keys.size() + c];
                if (cell.null) {
                    column[group] = empty_result(b.op, b.k);
                    continue;
                }
                auto x = number_of(cell);
                if (!x) bad_cell(cell);
                column[group] = *x;
            }
        });
    }
}

value pushed_aggregates::base_value(const evaluation_plan& plan, std::size_t base, std::size_t grouping,
                                    std::span<const std::uint32_t> ids) const {
    const base_aggregate& b = plan.bases()[base];
    auto gi = groupings_.find(grouping);
    if (gi == groupings_.end()) return error_code::na;
    auto column = gi->second.values.find(base);
    if (column == gi->second.values.end()) return error_code::na;
    const std::uint32_t group = gi->second.groups.find(ids);
    if (group == group_map::npos || group >= column->second.size()) return empty_result(b.op, b.k);
    return column->second[group];
}

void pushed_aggregates::list_groups(std::size_t grouping, std::vector<std::vector<std::uint32_t>>& out) const {
    auto gi = groupings_.find(grouping);
    if (gi == groupings_.end()) return;
    const group_map& groups = gi->second.groups;
    if (groups.width() == 0 && gi->second.values.empty()) return;
    for (std::uint32_t g = 0; g < groups.size(); ++g) {
        auto key = groups.key(g);
        out.emplace_back(key.begin(), key.end());
    }
}

}  // namespace folio::eval::sql

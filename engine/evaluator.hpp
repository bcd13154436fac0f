// Evaluates bound formulas: the tree walk, function calls (strictness, lifting over
// arrays, lazy arguments), LET variables, names, and on-demand evaluation of cells
// reached through dynamic references. Private to the engine.
#pragma once

#include <cstdint>
#include <vector>

#include "bound_formula.hpp"
#include "folio/engine/function.hpp"

namespace folio {

class workbook_state;

class evaluator final : public call_context {
public:
    explicit evaluator(workbook_state& book) : book_(book) {}

    // Evaluates formula f and stores its value in its cell.
    void run(std::uint32_t f);
    // Evaluates a formula outside any cell, as if it were in cell `at`.
    value evaluate_free(const bound_formula& formula, cell_position at);

    // Evaluates a node; cell references stay references.
    value eval(const bound_node& n);
    // Evaluates a node to an operand: references become the cell's value or an array.
    value eval_operand(const bound_node& n);

    cell_position current_cell() const override { return at_; }
    double now() override;
    double random() override;
    value resolve_reference(std::string_view text, bool a1) override;
    const sheet* find_sheet(std::string_view name) const override;
    bool is_subtotal_cell(const sheet& s, std::int32_t row, std::int32_t col) const override;

protected:
    const value& evaluate_pending(const sheet& s, std::int32_t row, std::int32_t col) override;

private:
    value call(const bound_node& n);
    value call_lifted(const registered_function& fn, std::vector<value>& args, std::uint64_t omitted);
    value invoke(const registered_function& fn, const arguments& args);
    value eval_name(const bound_node& n);
    value eval_range_operator(const bound_node& n);
    value reference_to_value(const reference& r);

    workbook_state& book_;
    cell_position at_;
    std::vector<value> slots_;  // LET variables of the formula being evaluated
    int depth_ = 0;             // nesting of on-demand evaluations and names
};

// A formula's final value as a cell shows it: a reference becomes its value (blank
// as 0) or an array of values.
value cell_result(const value& v, call_context& ctx);

}  // namespace folio

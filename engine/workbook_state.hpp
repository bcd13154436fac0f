// The inside of a workbook: sheets, formulas, names, the dependency graph and the
// recalculation bookkeeping. Private to the engine; the public face is workbook.hpp.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "bound_formula.hpp"
#include "dependency_graph.hpp"
#include "folio/engine/workbook.hpp"

namespace folio {

struct formula_cell {
    bound_formula bound;
    std::string text;
    cell_address at;
    bool alive = false;
};

struct defined_name {
    std::string name;
    std::string text;
    bound_formula bound;
    bool defined = false;
    std::vector<std::uint32_t> users;  // formulas that mention the name
};

class workbook_state {
public:
    explicit workbook_state(const function_registry& fns) : functions(fns) {}

    function_registry functions;
    std::vector<std::unique_ptr<sheet>> sheets;
    std::vector<formula_cell> formulas{1};  // index 0 unused: slot.formula 0 means "constant"
    std::vector<std::uint32_t> free_formulas;
    std::vector<defined_name> names;
    std::unordered_map<std::string, std::uint32_t> name_index;  // upper-case name → index
    dependency_graph graph;
    std::vector<cell_address> pending;  // cells changed since the last recalculation
    std::vector<std::uint32_t> volatile_formulas;
    recalc_stats stats;
    // Bound formulas by shape (formula_shapes.hpp), so copies skip parse and bind.
    struct shape_entry {
        bool shiftable = false;
        bound_formula bound;
        cell_address origin;
    };
    std::unordered_map<std::string, shape_entry> shapes;
    std::function<double()> clock;
    std::mt19937_64 random{std::random_device{}()};

    sheet* find_sheet(std::string_view name);
    // The index of the defined name, creating an undefined entry the first time.
    std::uint32_t name_slot(std::string_view name);
    cell_slot& slot(cell_address at) { return sheets[at.sheet]->slot(at.row, at.col); }

    // Installs a bound formula in a cell, with its edges.
    void install_formula(cell_address at, std::string text, bound_formula bound);
    // Removes the formula of a cell (if any) and its edges.
    void remove_formula(cell_address at);
    // Re-records the edges of formula f after a name it uses changed.
    void refresh_edges(std::uint32_t f);
    void recalculate();

private:
    void add_edges(std::uint32_t f);
    void remove_edges(std::uint32_t f);
    void collect_affected(std::vector<std::uint32_t>& affected, std::vector<std::uint8_t>& mark);
};

}  // namespace folio

// The embeddable spreadsheet: sheets of cells holding values and Excel formulas,
// defined names, host functions, and incremental recalculation.
//
//   folio::workbook book(folio::builtin_functions());
//   book.add_sheet("Data");
//   book.set_value("Data!A1", 9);
//   book.set_formula("Data!B1", "=A1*2");
//   book.get("Data!B1");  // 18
//
// Changing a cell recalculates only the formulas that depend on it, in dependency
// order; a circular reference makes the cells of the cycle #REF! ("circular
// reference", as Google Sheets reports it) instead of hanging.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "folio/dsl/formula_parser.hpp"
#include "folio/engine/function.hpp"
#include "folio/engine/value.hpp"

namespace folio {

struct cell_address {
    std::uint32_t sheet = 0;  // index in the workbook, in order of creation
    std::int32_t row = 0;     // 0-based
    std::int32_t col = 0;     // 0-based
    friend bool operator==(const cell_address&, const cell_address&) = default;
};

// Why a formula could not be entered: a syntax error or a wrong argument count,
// which Excel also refuses at entry. `column` is 1-based within the formula text.
using formula_error = dsl::formula_syntax_error;

// Counters of the last recalculation, to check that only what changed was redone.
struct recalc_stats {
    std::size_t formulas_evaluated = 0;
    std::size_t cycles_found = 0;
};

class workbook_state;

class workbook {
public:
    // A workbook whose formulas may call the functions of `functions` (copied, so
    // the host may add its own with functions()).
    explicit workbook(const function_registry& functions);
    ~workbook();
    workbook(const workbook&) = delete;
    workbook& operator=(const workbook&) = delete;
    workbook(workbook&&) noexcept;
    workbook& operator=(workbook&&) noexcept;

    // Adds a sheet, or returns the existing one with that name (case-insensitive).
    std::uint32_t add_sheet(std::string_view name);
    // The sheet called `name`, or null.
    const sheet* find_sheet(std::string_view name) const;
    const sheet& sheet_at(std::uint32_t index) const;
    std::uint32_t sheet_count() const;

    // Reads "Sheet!B2", "'My sheet'!B2" or "B2" (on the first sheet). Unknown sheets
    // are created when `create` is true, else nullopt.
    std::optional<cell_address> address(std::string_view a1, bool create = false);
    // Formats an address as "Sheet!B2".
    std::string address_text(cell_address at) const;

    // Puts a constant in a cell (a formula there is removed).
    void set_value(cell_address at, value v);
    // Puts a formula in a cell; returns the error when Excel would refuse it.
    std::optional<formula_error> set_formula(cell_address at, std::string_view formula);
    // Puts what a user typed, read as Excel en-US reads it: "=..." a formula, a
    // number, TRUE/FALSE, "'text" forced to text, anything else text.
    std::optional<formula_error> set_entry(cell_address at, std::string_view typed);
    // Empties a cell.
    void clear(cell_address at);

    // String-address conveniences; they throw std::invalid_argument on a bad address.
    void set_value(std::string_view at, value v);
    std::optional<formula_error> set_formula(std::string_view at, std::string_view formula);
    const value& get(std::string_view at);

    // Defines (or redefines) a workbook-level name, e.g. "TaxRate" as "=Data!$B$1".
    std::optional<formula_error> define_name(std::string_view name, std::string_view formula);

    // The value of a cell, recalculating what is pending first. A formula's value is
    // never blank (=A3 over an empty A3 gives 0); a formula returning an array holds
    // the array.
    const value& get(cell_address at);
    // The formula text of a cell ("=A1*2"), or nullopt for a constant.
    std::optional<std::string> formula_text(cell_address at) const;

    // Brings every cell up to date; volatile functions (NOW, RAND, OFFSET, INDIRECT)
    // are recalculated each time.
    void recalculate();
    const recalc_stats& last_recalc() const;

    // Evaluates a formula that lives in no cell, as if typed into a cell of the first
    // sheet (unqualified references point there). The result may be an array;
    // nullopt when the formula cannot be entered (the error goes to *syntax_error).
    std::optional<value> evaluate(std::string_view formula, formula_error* syntax_error = nullptr);

    // Host functions: add with functions().add_host(...); formulas entered before a
    // function existed pick it up on the next recalculation.
    function_registry& functions();

    // The clock behind NOW() and TODAY(), as an Excel serial number (local time by default).
    void set_clock(std::function<double()> now);
    // Seeds RAND() and RANDBETWEEN() for reproducible runs.
    void set_random_seed(std::uint64_t seed);

private:
    std::unique_ptr<workbook_state> state_;
};

}  // namespace folio

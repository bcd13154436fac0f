// What a worksheet function sees: its arguments, the services of the evaluation that
// calls it, and the registry row that describes it.
//
// Adding a function means writing `value f(const arguments&, call_context&)` and one
// row in its family's table in stdlib/ (see stdlib/math.cpp). The evaluator applies
// the row's flags before the body runs:
//  - strict (the default): an argument that evaluated directly to an error makes the
//    call return that error (the leftmost); errors inside ranges and arrays are the
//    body's business;
//  - fn_lifts: every parameter is a scalar, so an array or multi-cell range argument
//    makes the call run element-wise and return an array (=LEN(A1:A3));
//  - fn_lazy: the body evaluates arguments itself, on demand (IF, IFERROR, CHOOSE).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "folio/engine/sheet.hpp"
#include "folio/engine/value.hpp"

namespace folio {

// Where the formula being evaluated lives; `on` is null outside a workbook cell.
struct cell_position {
    const sheet* on = nullptr;
    std::int32_t row = 0, col = 0;
};

// Services the evaluator offers to functions.
class call_context {
public:
    virtual ~call_context() = default;

    // Returns the current value of a cell, evaluating it first when it is a formula
    // that is not up to date yet (only dynamic references such as INDIRECT get there).
    const value& cell(const sheet& s, std::int32_t row, std::int32_t col) {
        const cell_slot* slot = s.find(row, col);
        if (slot == nullptr) return blank_value();
        if (slot->state != cell_state::clean) return evaluate_pending(s, row, col);
        return slot->current;
    }

    // The cell whose formula is being evaluated.
    virtual cell_position current_cell() const = 0;
    // The current date and time as an Excel serial number (fixed in tests).
    virtual double now() = 0;
    // A uniformly distributed number in [0, 1).
    virtual double random() = 0;
    // Resolves reference text ("B2", "Data!A1:C3", R1C1 when a1 is false) to a
    // reference value, or #REF!.
    virtual value resolve_reference(std::string_view text, bool a1) = 0;
    // Finds a sheet by name (case-insensitive); null if none.
    virtual const sheet* find_sheet(std::string_view name) const = 0;
    // True when the cell holds a formula that calls SUBTOTAL or AGGREGATE, whose
    // results SUBTOTAL and AGGREGATE skip so that totals do not count subtotals twice.
    virtual bool is_subtotal_cell(const sheet& s, std::int32_t row, std::int32_t col) const {
        (void)s, (void)row, (void)col;
        return false;
    }

    static const value& blank_value();

protected:
    virtual const value& evaluate_pending(const sheet& s, std::int32_t row, std::int32_t col) = 0;
};

// The arguments of one call, already evaluated. References stay references, so a
// function can iterate a range without copying it; `omitted(i)` tells an empty
// argument (=IF(A1,,2)) apart from a blank cell.
class arguments {
public:
    arguments(std::span<const value> values, std::uint64_t omitted_mask)
        : values_(values), omitted_(omitted_mask) {}

    std::size_t size() const { return values_.size(); }
    const value& operator[](std::size_t i) const { return values_[i]; }
    bool omitted(std::size_t i) const { return i < 64 && ((omitted_ >> i) & 1u) != 0; }
    bool has(std::size_t i) const { return i < size() && !omitted(i); }
    auto begin() const { return values_.begin(); }
    auto end() const { return values_.end(); }
    std::span<const value> values() const { return values_; }

private:
    std::span<const value> values_;
    std::uint64_t omitted_;
};

// Arguments of a lazy function: evaluated only when the body asks for them.
class lazy_arguments {
public:
    virtual ~lazy_arguments() = default;
    virtual std::size_t size() const = 0;
    virtual bool omitted(std::size_t i) const = 0;
    // Evaluates argument i (references stay references).
    virtual value evaluate(std::size_t i) = 0;
};

using function_impl = value (*)(const arguments& args, call_context& ctx);
using lazy_function_impl = value (*)(lazy_arguments& args, call_context& ctx);
using host_function = std::function<value(const arguments& args, call_context& ctx)>;

// Flags of a function row.
enum function_flags : std::uint32_t {
    fn_strict = 0,          // default: direct error arguments short-circuit
    fn_non_strict = 1u << 0,  // the body sees error arguments (ISERROR, COUNT, COUNTA)
    fn_volatile = 1u << 1,    // recalculated on every recalculation (NOW, RAND, OFFSET)
    fn_lifts = 1u << 2,       // scalar parameters: arrays map element-wise
    fn_lazy = 1u << 3,        // uses lazy_impl
    fn_future = 1u << 4,      // newer than Excel 2007: written as _xlfn.NAME in .xlsx
};

inline constexpr int variadic = 255;

// One registry row.
struct function_def {
    std::string_view name;  // upper case, as Excel spells it: "STDEV.S"
    int min_args = 0;
    int max_args = 0;       // `variadic` for up to 255
    std::uint32_t flags = fn_strict;
    function_impl impl = nullptr;
    lazy_function_impl lazy_impl = nullptr;
    std::string_view description;  // one line, for `folio functions` and the docs
    std::string_view example;      // a formula and its value: "=ROUND(2.5,0) → 3"
};

// A registered function: its row plus the callable the evaluator invokes.
struct registered_function {
    function_def def;
    std::string name;  // owned copy of def.name
    host_function host;  // set for host functions; otherwise def.impl / def.lazy_impl
};

// Functions by name, case-insensitive; the "_xlfn." prefix of xlsx files is accepted.
class function_registry {
public:
    // Adds (or replaces) a function described by a table row.
    void add(const function_def& def);
    // Adds (or replaces) a host function implemented by any callable.
    void add_host(std::string_view name, int min_args, int max_args, host_function fn,
                  std::uint32_t flags = fn_strict, std::string_view description = {});
    // Returns the function called `name`, or null.
    const registered_function* find(std::string_view name) const;
    // All functions, sorted by name.
    std::vector<const registered_function*> all() const;
    std::size_t size() const { return functions_.size(); }

    function_registry() = default;
    function_registry(const function_registry& other);
    function_registry& operator=(const function_registry& other);

private:
    void store(std::shared_ptr<registered_function> entry);
    std::unordered_map<std::string, std::shared_ptr<registered_function>> functions_;
};

// A read-only rectangular view over a reference, an array or a single value, with
// the cells of a reference read through the context (so pending formulas evaluate).
class grid {
public:
    grid(const value& v, call_context& ctx);

    // Logical size: a whole-column reference has 1,048,576 rows.
    std::int32_t rows() const { return rows_; }
    std::int32_t cols() const { return cols_; }
    // The part that can hold non-blank cells; beyond it every cell is blank.
    std::int32_t used_rows() const { return used_rows_; }
    std::int32_t used_cols() const { return used_cols_; }
    std::int64_t size() const { return static_cast<std::int64_t>(rows_) * cols_; }
    bool is_reference() const { return ref_ != nullptr; }
    const reference* ref() const { return ref_; }

    // The value at (r, c), 0-based within the view; blank outside the used part.
    const value& at(std::int32_t r, std::int32_t c) const {
        if (ref_ != nullptr) return ctx_->cell(*ref_->on, ref_->row0 + r, ref_->col0 + c);
        if (array_ != nullptr) return array_->at(r, c);
        return *single_;
    }

    // Calls f(r, c, value) for every cell of the used part, row by row.
    template <class F>
    void for_each(F&& f) const {
        for (std::int32_t r = 0; r < used_rows_; ++r)
            for (std::int32_t c = 0; c < used_cols_; ++c) f(r, c, at(r, c));
    }

private:
    const reference* ref_ = nullptr;
    const array* array_ = nullptr;
    const value* single_ = nullptr;
    call_context* ctx_;
    std::int32_t rows_ = 1, cols_ = 1, used_rows_ = 1, used_cols_ = 1;
};

}  // namespace folio

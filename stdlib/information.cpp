// The information functions: ISBLANK, ISNUMBER, ISTEXT, ISNONTEXT, ISLOGICAL,
// ISERROR, ISERR, ISNA, ISREF, ISEVEN, ISODD, ISFORMULA, N, T, TYPE, ERROR.TYPE, NA.
//
// The IS* tests are non-strict (they see error arguments) and lift: =ISNUMBER(A1:A3)
// gives an array of booleans. They never convert: ISNUMBER("1") is FALSE and
// ISBLANK("") is FALSE, because only a reference to an empty cell is blank. ISREF and
// ISFORMULA need the reference itself, so they do not lift; TYPE and N / T look at
// references too (a multi-cell reference is TYPE 64; N and T read its first cell).
#include <cmath>
#include <cstdint>
#include <vector>

#include "folio/engine/coerce.hpp"
#include "folio/engine/function.hpp"
#include "folio/engine/sheet.hpp"
#include "folio/stdlib/builtins.hpp"

namespace folio {
namespace {

// Returns TRUE for an empty cell (a blank value: the evaluator dereferences the reference).
value isblank_impl(const arguments& args, call_context&) {
    if (args.omitted(0)) return false;
    return args[0].is_blank();
}

// Returns TRUE for a number (numeric text is not a number).
value isnumber_impl(const arguments& args, call_context&) { return args[0].is_number(); }

// Returns TRUE for text, including "".
value istext_impl(const arguments& args, call_context&) { return args[0].is_text(); }

// Returns TRUE for anything but text, blank cells and errors included.
value isnontext_impl(const arguments& args, call_context&) { return !args[0].is_text(); }

// Returns TRUE for TRUE or FALSE.
value islogical_impl(const arguments& args, call_context&) { return args[0].is_boolean(); }

// Returns TRUE for any error value.
value iserror_impl(const arguments& args, call_context&) { return args[0].is_error(); }

// Returns TRUE for any error value except #N/A.
value iserr_impl(const arguments& args, call_context&) {
    return args[0].is_error() && args[0].error() != error_code::na;
}

// Returns TRUE for #N/A only.
value isna_impl(const arguments& args, call_context&) {
    return args[0].is_error() && args[0].error() == error_code::na;
}

// Returns TRUE when the argument is a reference (of any size), FALSE for any other value.
value isref_impl(const arguments& args, call_context&) { return args[0].is_reference(); }

// Reads ISEVEN/ISODD's number: truncated; numeric text converts, other text and
// booleans are #VALUE! (Analysis ToolPak functions refuse booleans), blank is 0.
or_error<double> parity_operand(const value& v) {
    if (v.is_error()) return v.error();
    if (v.is_boolean()) return error_code::value;
    if (v.is_blank()) return 0.0;
    auto n = to_number(v);
    if (!n) return n.error();
    return std::trunc(*n);
}

// Returns TRUE when the truncated number is even.
value iseven_impl(const arguments& args, call_context&) {
    auto n = parity_operand(args[0]);
    if (!n) return n.error();
    return std::fmod(*n, 2.0) == 0.0;
}

// Returns TRUE when the truncated number is odd.
value isodd_impl(const arguments& args, call_context&) {
    auto n = parity_operand(args[0]);
    if (!n) return n.error();
    return std::fmod(*n, 2.0) != 0.0;
}

// Returns TRUE when the referenced cell holds a formula; a multi-cell reference gives
// an array of answers; a value that is not a reference is #VALUE!.
value isformula_impl(const arguments& args, call_context&) {
    const value& arg = args[0];
    if (arg.is_error()) return arg;
    if (!arg.is_reference()) return error_code::value;
    const reference& ref = arg.ref();
    if (ref.on == nullptr) return error_code::ref;
    auto has_formula = [&](std::int32_t row, std::int32_t col) -> value {
        const cell_slot* slot = ref.on->find(row, col);
        return slot != nullptr && slot->formula != 0;
    };
    if (ref.is_single_cell()) return has_formula(ref.row0, ref.col0);
    std::vector<value> cells;
    cells.reserve(static_cast<std::size_t>(ref.rows()) * static_cast<std::size_t>(ref.cols()));
    for (std::int32_t r = ref.row0; r <= ref.row1; ++r)
        for (std::int32_t c = ref.col0; c <= ref.col1; ++c) cells.push_back(has_formula(r, c));
    return make_array(ref.rows(), ref.cols(), std::move(cells));
}

// Applies a scalar conversion to a value the way N and T take their argument: a
// reference gives its first (top-left) cell, an array maps element-wise.
template <class F>
value first_cell_or_map(const value& arg, call_context& ctx, F&& scalar) {
    if (arg.is_reference()) {
        const reference& ref = arg.ref();
        if (ref.on == nullptr) return error_code::ref;
        return scalar(ctx.cell(*ref.on, ref.row0, ref.col0));
    }
    if (arg.is_array()) {
        const array& a = arg.array_value();
        std::vector<value> cells;
        cells.reserve(a.cells().size());
        for (const value& v : a.cells()) cells.push_back(scalar(v));
        return make_array(a.rows(), a.cols(), std::move(cells));
    }
    return scalar(arg);
}

// N of a scalar: numbers unchanged, TRUE 1, errors unchanged, anything else 0.
value n_scalar(const value& v) {
    if (v.is_number() || v.is_error()) return v;
    if (v.is_boolean()) return v.boolean() ? 1.0 : 0.0;
    return 0.0;
}

// T of a scalar: text unchanged, errors unchanged, anything else "".
value t_scalar(const value& v) {
    if (v.is_text() || v.is_error()) return v;
    return std::string();
}

// Returns a number for numbers and TRUE (1), else 0; errors pass through.
value n_impl(const arguments& args, call_context& ctx) { return first_cell_or_map(args[0], ctx, n_scalar); }

// Returns text unchanged and "" for anything else; errors pass through.
value t_impl(const arguments& args, call_context& ctx) { return first_cell_or_map(args[0], ctx, t_scalar); }

// Returns the type code of a value: number (or blank) 1, text 2, boolean 4, error 16,
// array or multi-cell reference 64.
value type_impl(const arguments& args, call_context& ctx) {
    value v = args[0];
    if (v.is_reference()) {
        const reference& ref = v.ref();
        if (!ref.is_single_cell()) return 64.0;
        if (ref.on == nullptr) return 16.0;
        v = ctx.cell(*ref.on, ref.row0, ref.col0);
    }
    switch (v.type()) {
        case value::kind::blank:
        case value::kind::number: return 1.0;
        case value::kind::text: return 2.0;
        case value::kind::boolean: return 4.0;
        case value::kind::error: return 16.0;
        case value::kind::array:
        case value::kind::reference: return 64.0;
    }
    return 1.0;
}

// Returns the number of an error value (#NULL! 1 … #N/A 7, #SPILL! 9, #CALC! 14), or
// #N/A for a value that is not an error.
value error_type_impl(const arguments& args, call_context&) {
    if (!args[0].is_error()) return error_code::na;
    return static_cast<double>(static_cast<int>(args[0].error()));
}

// Returns #N/A.
value na_impl(const arguments&, call_context&) { return error_code::na; }

constexpr std::uint32_t is_test = fn_non_strict | fn_lifts;

const function_def information_functions[] = {
    {"ISBLANK", 1, 1, is_test, isblank_impl, nullptr,
     "Returns TRUE when a reference points to an empty cell.", "=ISBLANK(\"\") → FALSE"},
    {"ISNUMBER", 1, 1, is_test, isnumber_impl, nullptr,
     "Returns TRUE when a value is a number.", "=ISNUMBER(\"1\") → FALSE"},
    {"ISTEXT", 1, 1, is_test, istext_impl, nullptr,
     "Returns TRUE when a value is text.", "=ISTEXT(\"\") → TRUE"},
    {"ISNONTEXT", 1, 1, is_test, isnontext_impl, nullptr,
     "Returns TRUE when a value is not text.", "=ISNONTEXT(1) → TRUE"},
    {"ISLOGICAL", 1, 1, is_test, islogical_impl, nullptr,
     "Returns TRUE when a value is TRUE or FALSE.", "=ISLOGICAL(FALSE) → TRUE"},
    {"ISERROR", 1, 1, is_test, iserror_impl, nullptr,
     "Returns TRUE when a value is any error.", "=ISERROR(1/0) → TRUE"},
    {"ISERR", 1, 1, is_test, iserr_impl, nullptr,
     "Returns TRUE when a value is an error other than #N/A.", "=ISERR(NA()) → FALSE"},
    {"ISNA", 1, 1, is_test, isna_impl, nullptr,
     "Returns TRUE when a value is #N/A.", "=ISNA(NA()) → TRUE"},
    {"ISREF", 1, 1, fn_non_strict, isref_impl, nullptr,
     "Returns TRUE when a value is a reference.", "=ISREF(A1) → TRUE"},
    {"ISEVEN", 1, 1, fn_lifts, iseven_impl, nullptr,
     "Returns TRUE when the truncated number is even.", "=ISEVEN(2.5) → TRUE"},
    {"ISODD", 1, 1, fn_lifts, isodd_impl, nullptr,
     "Returns TRUE when the truncated number is odd.", "=ISODD(-3) → TRUE"},
    {"ISFORMULA", 1, 1, fn_future, isformula_impl, nullptr,
     "Returns TRUE when a referenced cell holds a formula.", "=ISFORMULA(A1) → FALSE"},
    {"N", 1, 1, fn_strict, n_impl, nullptr,
     "Converts a value to a number: TRUE is 1, text and FALSE are 0.", "=N(TRUE) → 1"},
    {"T", 1, 1, fn_strict, t_impl, nullptr,
     "Returns text unchanged and \"\" for any other value.", "=T(1) → \"\""},
    {"TYPE", 1, 1, fn_non_strict, type_impl, nullptr,
     "Returns the type of a value: 1 number, 2 text, 4 logical, 16 error, 64 array.", "=TYPE(\"a\") → 2"},
    {"ERROR.TYPE", 1, 1, is_test, error_type_impl, nullptr,
     "Returns the number of an error value; #N/A when the value is no error.", "=ERROR.TYPE(1/0) → 2"},
    {"NA", 0, 0, fn_strict, na_impl, nullptr, "Returns the #N/A error.", "=NA() → #N/A"},
};

}  // namespace

void register_information_functions(function_registry& registry) {
    for (const auto& f : information_functions) registry.add(f);
}

}  // namespace folio

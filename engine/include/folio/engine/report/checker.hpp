// The semantic checker of the report language: binds a loaded program (the root report
// and its imports) into a checked_program and reports what is wrong with it.
//
// Names resolve in the module that writes them: its own declarations first, then the
// declarations of modules it imports without an alias (`import "cx"`), and
// `alias.NAME` for `import "acme/brand" as acme`. Expressions are typed (number, text,
// bool, date) through operators, Excel functions (found in the registry given,
// case-insensitively), aggregates and defs (inlined at each call). Each declaration,
// and each block of a report, is one statement: it gets at most one error, and a
// statement that uses an erroneous declaration is skipped without a follow-up error.
// Messages are fixed and lower case; the diagnostics are sorted by position at the end.
#pragma once

#include "folio/dsl/diagnostic.hpp"
#include "folio/dsl/module_loader.hpp"
#include "folio/engine/function.hpp"
#include "folio/engine/report/report_model.hpp"

namespace folio::report {

// Checks `program`, adding errors and warnings to `diagnostics`; returns the model
// (complete for the declarations without errors; `ok` when the list has no errors).
checked_program check_program(const dsl::loaded_program& program, const function_registry& functions,
                              dsl::diagnostic_list& diagnostics);

}  // namespace folio::report

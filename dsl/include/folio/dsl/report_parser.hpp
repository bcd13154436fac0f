// Parses a report definition (*.folio) into a report_module.
//
// The grammar (dsl/report_grammar.hpp) reuses the formula grammar's expression rules
// with `//` comments as whitespace and `where` inside aggregate arguments. After a
// syntax error the parser skips to the next line that starts a declaration
// (import, theme, param, source, dimension, filter, metric, def, chart, report,
// expect) and goes on, so one run reports several errors. A UTF-8 BOM and CRLF line
// ends are accepted; invalid UTF-8, NUL bytes, megabyte lines and deep nesting end in
// a diagnostic, never a crash.
#pragma once

#include <memory>

#include "folio/dsl/diagnostic.hpp"
#include "folio/dsl/report_ast.hpp"

namespace folio::dsl {

// Parses `file`; syntax errors go to `diagnostics`. The module holds every
// declaration that parsed.
report_module parse_report(std::shared_ptr<const source_file> file, diagnostic_list& diagnostics);

}  // namespace folio::dsl

// The built-in worksheet functions, one family per file under stdlib/.
//
// Each family registers its table of rows; builtin_functions() holds them all and is
// what a workbook uses unless the host passes its own registry.
#pragma once

#include "folio/engine/function.hpp"

namespace folio {

void register_math_functions(function_registry& registry);         // stdlib/math.cpp
void register_statistics_functions(function_registry& registry);   // stdlib/statistics.cpp
void register_trigonometry_functions(function_registry& registry);  // stdlib/trigonometry.cpp
void register_integer_functions(function_registry& registry);      // stdlib/integer.cpp
void register_conditional_functions(function_registry& registry);  // stdlib/conditional.cpp
void register_lookup_functions(function_registry& registry);       // stdlib/lookup.cpp
void register_dynamic_array_functions(function_registry& registry);  // stdlib/dynamic_array.cpp
void register_logic_functions(function_registry& registry);        // stdlib/logic.cpp
void register_information_functions(function_registry& registry);  // stdlib/information.cpp
void register_text_functions(function_registry& registry);         // stdlib/text.cpp
void register_date_time_functions(function_registry& registry);    // stdlib/date_time.cpp
void register_financial_functions(function_registry& registry);    // stdlib/financial.cpp

// All built-in functions (built once, on first use).
const function_registry& builtin_functions();

}  // namespace folio

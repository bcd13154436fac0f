// Collects every built-in function family into one registry.
#include "folio/stdlib/builtins.hpp"

namespace folio {

const function_registry& builtin_functions() {
    static const function_registry registry = [] {
        function_registry r;
        register_math_functions(r);
        register_statistics_functions(r);
        register_trigonometry_functions(r);
        register_integer_functions(r);
        register_conditional_functions(r);
        register_lookup_functions(r);
        register_dynamic_array_functions(r);
        register_logic_functions(r);
        register_information_functions(r);
        register_text_functions(r);
        register_date_time_functions(r);
        register_financial_functions(r);
        return r;
    }();
    return registry;
}

}  // namespace folio

// Calls of registry functions from report formulas (see function_calls.hpp). The flag
// handling mirrors the workbook evaluator's (engine/evaluator.cpp) so that a function
// behaves the same in a cell and in a metric.
#include "function_calls.hpp"

#include <chrono>

#include "../operators.hpp"

namespace folio::eval {
namespace {

class source_arguments final : public lazy_arguments {
public:
    source_arguments(std::size_t count, std::uint64_t omitted, const argument_source& source)
        : count_(count), omitted_(omitted), source_(source) {}
    std::size_t size() const override { return count_; }
    bool omitted(std::size_t i) const override { return i < 64 && ((omitted_ >> i) & 1u) != 0; }
    value evaluate(std::size_t i) override { return omitted(i) ? value() : source_(i); }

private:
    std::size_t count_;
    std::uint64_t omitted_;
    const argument_source& source_;
};

value invoke(const registered_function& fn, const arguments& args, call_context& ctx) {
    if (fn.host) return fn.host(args, ctx);
    return fn.def.impl(args, ctx);
}

// A scalar result: the top-left element of an array, #REF! for a reference.
value scalar_result(value r) {
    if (r.is_reference()) return error_code::ref;
    if (r.is_array()) return r.array_value().rows() > 0 && r.array_value().cols() > 0 ? r.array_value().at(0, 0)
                                                                                      : value(error_code::calc);
    return r;
}

value call_lifted(const registered_function& fn, std::vector<value>& args, std::uint64_t omitted, call_context& ctx) {
    std::int32_t rows = 1, cols = 1;
    bool lift = false;
    for (value& a : args) {
        if (!a.is_array()) continue;
        const array& arr = a.array_value();
        if (arr.rows() == 1 && arr.cols() == 1) {
            value single = arr.at(0, 0);
            a = std::move(single);
            continue;
        }
        rows = lift ? broadcast_size(rows, arr.rows()) : arr.rows();
        cols = lift ? broadcast_size(cols, arr.cols()) : arr.cols();
        lift = true;
    }
    const bool strict = !(fn.def.flags & fn_non_strict);
    if (!lift) {
        if (strict)
            for (const value& a : args)
                if (a.is_error()) return a;
        return invoke(fn, arguments(args, omitted), ctx);
    }
    static const value missing(error_code::na);
    std::vector<value> element(args.size());
    std::vector<value> out;
    out.reserve(static_cast<std::size_t>(rows) * cols);
    for (std::int32_t r = 0; r < rows; ++r) {
        for (std::int32_t c = 0; c < cols; ++c) {
            bool failed = false;
            for (std::size_t i = 0; i < args.size(); ++i) {
                element[i] = broadcast_at(args[i], r, c, missing);
                if (strict && element[i].is_error() && !failed) {
                    out.push_back(element[i]);
                    failed = true;
                }
            }
            if (!failed) out.push_back(scalar_result(invoke(fn, arguments(element, omitted), ctx)));
        }
    }
    return make_array(rows, cols, std::move(out));
}

}  // namespace

report_call_context::report_call_context(std::function<double()> clock) : clock_(std::move(clock)) {}

double report_call_context::now() {
    if (clock_) return clock_();
    const auto seconds =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    // 25569 is the serial of 1970-01-01; the report clock is UTC.
    return 25569.0 + static_cast<double>(seconds) / 86400.0;
}

double report_call_context::random() {
    return std::uniform_real_distribution<double>(0.0, 1.0)(random_);
}

value report_call_context::resolve_reference(std::string_view, bool) { return error_code::ref; }

const sheet* report_call_context::find_sheet(std::string_view) const { return nullptr; }

const value& report_call_context::evaluate_pending(const sheet&, std::int32_t, std::int32_t) {
    static const value ref(error_code::ref);
    return ref;
}

value call_function(const registered_function& fn, std::size_t count, std::uint64_t omitted,
                    const argument_source& argument, call_context& ctx) {
    const std::uint32_t flags = fn.def.flags;
    if (flags & fn_lazy) {
        source_arguments lazy(count, omitted, argument);
        value r = fn.def.lazy_impl(lazy, ctx);
        return r.is_reference() ? value(error_code::ref) : r;
    }
    std::vector<value> args;
    args.reserve(count);
    for (std::size_t i = 0; i < count; ++i) args.push_back(i < 64 && ((omitted >> i) & 1u) ? value() : argument(i));
    if (!(flags & fn_non_strict))
        for (const value& a : args)
            if (a.is_error()) return a;
    value r = (flags & fn_lifts) ? call_lifted(fn, args, omitted, ctx) : invoke(fn, arguments(args, omitted), ctx);
    return r.is_reference() ? value(error_code::ref) : r;
}

}  // namespace folio::eval

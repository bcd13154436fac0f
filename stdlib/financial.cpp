// The financial family: time value of money (PMT, IPMT, PPMT, PV, FV, NPER, RATE),
// discounted cash flows (NPV, IRR, XNPV, XIRR), depreciation (SLN, SYD, DDB) and interest
// rate conversion (EFFECT, NOMINAL).
//
// All of PMT, PV, FV, NPER and RATE solve one annuity equation,
//     pv·(1+r)^n + pmt·(1+r·type)·((1+r)^n − 1)/r + fv = 0     (r ≠ 0)
//     pv + pmt·n + fv = 0                                        (r = 0)
// for one of its unknowns, with Excel's sign convention (money paid out is negative) and
// `type` 0 (payments at the end of each period, the default) or 1 (at the beginning; any
// non-zero type counts as 1, as in Excel). The solvers use Newton's method from a guess of
// 10% and give #NUM! when successive results do not agree within 0.0000001 in time: IRR
// within Microsoft's documented 20 iterations, XIRR within 100. RATE's documentation also
// says 20, but Excel solves 30-year monthly loans (=RATE(360,-1199.10,200000) → 0.5%) that
// need about 40 Newton steps from 10%, so RATE allows 150 (as LibreOffice does).
// A result that overflows or is not a number is #NUM!, as in Excel.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "folio/engine/coerce.hpp"
#include "folio/engine/function.hpp"
#include "folio/engine/serial_date.hpp"
#include "folio/stdlib/builtins.hpp"

namespace folio {
namespace {

constexpr double default_guess = 0.1;
constexpr double newton_tolerance = 1e-7;  // "within 0.0000001" (RATE and IRR documentation)
constexpr int newton_iterations = 20;
constexpr int rate_iterations = 150;
constexpr double xirr_tolerance = 1e-10;   // tighter than Excel's 0.000001%, for full digits
constexpr int xirr_iterations = 100;

// Reads optional numeric argument i, or `fallback` when it is absent or omitted.
or_error<double> number_arg(const arguments& args, std::size_t i, double fallback = 0.0) {
    if (!args.has(i)) return fallback;
    return to_number(args[i]);
}

// Reads optional argument i as a payment type: false (end of period) unless non-zero.
or_error<bool> type_arg(const arguments& args, std::size_t i) {
    auto t = number_arg(args, i);
    if (!t) return t.error();
    return *t != 0.0;
}

// Wraps a computed number, turning infinities and NaN into #NUM!.
value finite_or_num(double x) {
    if (!std::isfinite(x)) return error_code::num;
    return x;
}

// Returns the future value of the annuity (FV's formula).
double future_value(double rate, double nper, double pmt, double pv, bool due) {
    if (rate == 0.0) return -(pv + pmt * nper);
    const double growth = std::pow(1.0 + rate, nper);
    return -(pv * growth + pmt * (due ? 1.0 + rate : 1.0) * (growth - 1.0) / rate);
}

// Returns the present value of the annuity (PV's formula).
double present_value(double rate, double nper, double pmt, double fv, bool due) {
    if (rate == 0.0) return -(fv + pmt * nper);
    const double growth = std::pow(1.0 + rate, nper);
    return -(fv + pmt * (due ? 1.0 + rate : 1.0) * (growth - 1.0) / rate) / growth;
}

// Returns the payment per period of the annuity (PMT's formula); nper must not be 0.
double payment(double rate, double nper, double pv, double fv, bool due) {
    if (rate == 0.0) return -(pv + fv) / nper;
    const double growth = std::pow(1.0 + rate, nper);
    return -rate * (pv * growth + fv) / ((due ? 1.0 + rate : 1.0) * (growth - 1.0));
}

// Solves the annuity equation for the rate by Newton's method from `guess`; nullopt when
// successive estimates do not agree within 1e-7 after 150 iterations, or when they only
// creep towards −100% (the equation has no root, e.g. =RATE(10,0,100)).
std::optional<double> solve_rate(double nper, double pmt, double pv, double fv, bool due, double guess) {
    // A payment at the start of each period is a payment at the end plus one made now and
    // one fewer at the end: pv·g + pmt·(1+r)(g−1)/r + fv = (pv+pmt)·g + pmt·(g−1)/r + (fv−pmt).
    if (due) {
        pv += pmt;
        fv -= pmt;
    }
    double x = guess;
    for (int i = 0; i < rate_iterations; ++i) {
        const double pow_n1 = std::pow(1.0 + x, nper - 1.0);
        const double pow_n = pow_n1 * (1.0 + x);
        double series, series_slope;  // (g−1)/x and its derivative
        if (x == 0.0) {
            series = nper;
            series_slope = nper * (nper - 1.0) / 2.0;
        } else {
            series = (pow_n - 1.0) / x;
            series_slope = nper * pow_n1 / x - series / x;
        }
        const double f = pv * pow_n + pmt * series + fv;
        const double slope = pv * nper * pow_n1 + pmt * series_slope;
        if (f == 0.0) return x;
        if (slope == 0.0 || !std::isfinite(f) || !std::isfinite(slope)) return std::nullopt;
        const double next = x - f / slope;
        if (!std::isfinite(next)) return std::nullopt;
        const bool converged = std::fabs(next - x) < newton_tolerance;
        x = next;
        if (converged) break;
        if (i == rate_iterations - 1) return std::nullopt;
    }
    if (x <= -1.0 + 1e-6) return std::nullopt;
    return x;
}

// Returns Σ values[i]·(1+rate)^−i, the net present value with the first flow at time 0,
// and its derivative with respect to rate.
std::pair<double, double> npv_at_zero(const std::vector<double>& values, double rate) {
    double sum = 0.0, slope = 0.0;
    for (std::size_t i = 0; i < values.size(); ++i) {
        const double t = static_cast<double>(i);
        sum += values[i] / std::pow(1.0 + rate, t);
        slope -= t * values[i] / std::pow(1.0 + rate, t + 1.0);
    }
    return {sum, slope};
}

// True when the flows hold at least one positive and one negative amount.
bool has_sign_change(const std::vector<double>& values) {
    bool positive = false, negative = false;
    for (double v : values) {
        positive = positive || v > 0.0;
        negative = negative || v < 0.0;
    }
    return positive && negative;
}

// Collects the numbers of a range, array or single value, row by row, skipping text,
// booleans and blanks inside ranges and arrays (IRR's rule); the first error wins.
std::optional<error_code> range_numbers(const value& arg, call_context& ctx, std::vector<double>& out) {
    if (!arg.is_reference() && !arg.is_array()) {
        if (arg.is_error()) return arg.error();
        auto n = to_number(arg);
        if (!n) return n.error();
        out.push_back(*n);
        return std::nullopt;
    }
    grid g(arg, ctx);
    for (std::int32_t r = 0; r < g.used_rows(); ++r) {
        for (std::int32_t c = 0; c < g.used_cols(); ++c) {
            const value& v = g.at(r, c);
            if (v.is_error()) return v.error();
            if (v.is_number()) out.push_back(v.number());
        }
    }
    return std::nullopt;
}

// Cash flows with their dates, as XNPV and XIRR take them.
struct dated_flows {
    std::vector<double> amounts;
    std::vector<double> days;  // whole days after the first date
};

// Reads XNPV/XIRR's values and dates: both must hold the same number of cells (#NUM!),
// every cell a number (#VALUE! otherwise; errors pass through), dates truncated to whole
// days, valid serials (#NUM!) and none before the first date (#NUM!).
or_error<dated_flows> read_dated_flows(const value& values_arg, const value& dates_arg, call_context& ctx) {
    grid amounts(values_arg, ctx);
    grid dates(dates_arg, ctx);
    if (amounts.size() != dates.size()) return error_code::num;
    dated_flows flows;
    const std::int64_t count = amounts.size();
    const bool direct_amounts = !values_arg.is_reference() && !values_arg.is_array();
    const bool direct_dates = !dates_arg.is_reference() && !dates_arg.is_array();
    // A cell must hold a number; text such as "1/1/2008" counts only as a direct argument.
    auto cell_number = [](const value& v, bool direct) -> or_error<double> {
        if (v.is_number()) return v.number();
        if (v.is_error()) return v.error();
        if (direct && !v.is_blank()) return to_number(v);
        return error_code::value;
    };
    std::optional<error_code> failure;
    double first = 0.0;
    for (std::int64_t i = 0; i < count; ++i) {
        auto a = cell_number(amounts.at(static_cast<std::int32_t>(i / amounts.cols()),
                                        static_cast<std::int32_t>(i % amounts.cols())),
                             direct_amounts);
        if (!a) return a.error();
        auto d = cell_number(dates.at(static_cast<std::int32_t>(i / dates.cols()),
                                      static_cast<std::int32_t>(i % dates.cols())),
                             direct_dates);
        if (!d) return d.error();
        flows.amounts.push_back(*a);
        flows.days.push_back(std::trunc(*d));
        const double day = flows.days.back();
        if (!is_valid_serial(day)) failure = failure.value_or(error_code::num);
        if (i == 0) first = day;
        if (day < first) failure = failure.value_or(error_code::num);
    }
    if (failure) return *failure;
    for (double& day : flows.days) day -= first;
    return flows;
}

// Returns Σ amount·(1+rate)^(−days/365) and its derivative with respect to rate.
std::pair<double, double> xnpv_at(const dated_flows& flows, double rate) {
    double sum = 0.0, slope = 0.0;
    for (std::size_t i = 0; i < flows.amounts.size(); ++i) {
        const double years = flows.days[i] / 365.0;
        const double discount = std::pow(1.0 + rate, years);
        sum += flows.amounts[i] / discount;
        slope -= years * flows.amounts[i] / (discount * (1.0 + rate));
    }
    return {sum, slope};
}

// PMT(rate, nper, pv, [fv], [type]): the payment per period of a loan or annuity; nper 0
// is #NUM!.
value pmt_impl(const arguments& args, call_context&) {
    auto rate = number_arg(args, 0);
    if (!rate) return rate.error();
    auto nper = number_arg(args, 1);
    if (!nper) return nper.error();
    auto pv = number_arg(args, 2);
    if (!pv) return pv.error();
    auto fv = number_arg(args, 3);
    if (!fv) return fv.error();
    auto due = type_arg(args, 4);
    if (!due) return due.error();
    if (*nper == 0.0) return error_code::num;
    return finite_or_num(payment(*rate, *nper, *pv, *fv, *due));
}

// PV(rate, nper, pmt, [fv], [type]): the present value of a series of equal payments.
value pv_impl(const arguments& args, call_context&) {
    auto rate = number_arg(args, 0);
    if (!rate) return rate.error();
    auto nper = number_arg(args, 1);
    if (!nper) return nper.error();
    auto pmt = number_arg(args, 2);
    if (!pmt) return pmt.error();
    auto fv = number_arg(args, 3);
    if (!fv) return fv.error();
    auto due = type_arg(args, 4);
    if (!due) return due.error();
    return finite_or_num(present_value(*rate, *nper, *pmt, *fv, *due));
}

// FV(rate, nper, pmt, [pv], [type]): the future value of a series of equal payments.
value fv_impl(const arguments& args, call_context&) {
    auto rate = number_arg(args, 0);
    if (!rate) return rate.error();
    auto nper = number_arg(args, 1);
    if (!nper) return nper.error();
    auto pmt = number_arg(args, 2);
    if (!pmt) return pmt.error();
    auto pv = number_arg(args, 3);
    if (!pv) return pv.error();
    auto due = type_arg(args, 4);
    if (!due) return due.error();
    return finite_or_num(future_value(*rate, *nper, *pmt, *pv, *due));
}

// NPER(rate, pmt, pv, [fv], [type]): the number of periods; #NUM! when none fits.
value nper_impl(const arguments& args, call_context&) {
    auto rate = number_arg(args, 0);
    if (!rate) return rate.error();
    auto pmt = number_arg(args, 1);
    if (!pmt) return pmt.error();
    auto pv = number_arg(args, 2);
    if (!pv) return pv.error();
    auto fv = number_arg(args, 3);
    if (!fv) return fv.error();
    auto due = type_arg(args, 4);
    if (!due) return due.error();
    const double r = *rate;
    if (r == 0.0) {
        if (*pmt == 0.0) return error_code::num;
        return finite_or_num(-(*pv + *fv) / *pmt);
    }
    if (r <= -1.0) return error_code::num;
    const double a = *pmt * (*due ? 1.0 + r : 1.0);
    const double ratio = (a - *fv * r) / (a + *pv * r);
    if (!(ratio > 0.0)) return error_code::num;
    return finite_or_num(std::log(ratio) / std::log1p(r));
}

// RATE(nper, pmt, pv, [fv], [type], [guess]): the interest rate per period, by Newton's
// method (20 iterations from guess, default 10%); #NUM! when it does not converge.
value rate_impl(const arguments& args, call_context&) {
    auto nper = number_arg(args, 0);
    if (!nper) return nper.error();
    auto pmt = number_arg(args, 1);
    if (!pmt) return pmt.error();
    auto pv = number_arg(args, 2);
    if (!pv) return pv.error();
    auto fv = number_arg(args, 3);
    if (!fv) return fv.error();
    auto due = type_arg(args, 4);
    if (!due) return due.error();
    auto guess = number_arg(args, 5, default_guess);
    if (!guess) return guess.error();
    if (*nper <= 0.0) return error_code::num;
    auto r = solve_rate(*nper, *pmt, *pv, *fv, *due, *guess);
    if (!r) return error_code::num;
    return *r;
}

// NPV(rate, value1, ...): Σ value_i/(1+rate)^i for i = 1, 2, ... over the values that
// count: typed directly, numbers, booleans, numeric text and omitted arguments (as 0),
// while other text is ignored; inside ranges and arrays numbers only, so blanks, text
// and booleans take no period. An error inside a range is the result.
value npv_impl(const arguments& args, call_context& ctx) {
    const value rate_arg = to_scalar(args[0], ctx);
    if (rate_arg.is_error()) return rate_arg.error();
    auto rate = to_number(rate_arg);
    if (!rate) return rate.error();
    std::vector<double> flows;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const value& arg = args[i];
        if (arg.is_reference() || arg.is_array()) {
            if (auto failure = range_numbers(arg, ctx, flows)) return *failure;
        } else if (args.omitted(i)) {
            flows.push_back(0.0);
        } else if (arg.is_error()) {
            return arg.error();
        } else if (auto n = to_number(arg)) {
            flows.push_back(*n);  // text that is not a number is ignored (Microsoft's NPV remarks)
        }
    }
    const double factor = 1.0 + *rate;
    if (factor == 0.0) return error_code::div0;
    double sum = 0.0;
    for (std::size_t i = 0; i < flows.size(); ++i) sum += flows[i] / std::pow(factor, static_cast<double>(i + 1));
    return finite_or_num(sum);
}

// IRR(values, [guess]): the rate at which the flows' NPV (first flow now) is zero, by
// Newton's method; #NUM! without both a positive and a negative flow or on no convergence.
value irr_impl(const arguments& args, call_context& ctx) {
    std::vector<double> values;
    if (auto failure = range_numbers(args[0], ctx, values)) return *failure;
    double x = default_guess;
    if (args.has(1)) {
        const value guess_arg = to_scalar(args[1], ctx);
        if (guess_arg.is_error()) return guess_arg.error();
        auto guess = to_number(guess_arg);
        if (!guess) return guess.error();
        x = *guess;
    }
    if (!has_sign_change(values)) return error_code::num;
    for (int i = 0; i < newton_iterations; ++i) {
        const auto [f, slope] = npv_at_zero(values, x);
        if (slope == 0.0 || !std::isfinite(f) || !std::isfinite(slope)) return error_code::num;
        const double next = x - f / slope;
        if (!std::isfinite(next)) return error_code::num;
        if (std::fabs(next - x) < newton_tolerance) return next <= -1.0 ? value(error_code::num) : value(next);
        x = next;
    }
    return error_code::num;
}

// XNPV(rate, values, dates): Σ value_i/(1+rate)^((date_i − date_1)/365).
value xnpv_impl(const arguments& args, call_context& ctx) {
    const value rate_arg = to_scalar(args[0], ctx);
    if (rate_arg.is_error()) return rate_arg.error();
    auto rate = to_number(rate_arg);
    if (!rate) return rate.error();
    auto flows = read_dated_flows(args[1], args[2], ctx);
    if (!flows) return flows.error();
    if (*rate <= -1.0) return error_code::num;
    return finite_or_num(xnpv_at(*flows, *rate).first);
}

// XIRR(values, dates, [guess]): the rate at which XNPV is zero, by Newton's method from
// guess (default 10%); #NUM! without both signs among the flows or on no convergence.
value xirr_impl(const arguments& args, call_context& ctx) {
    auto flows = read_dated_flows(args[0], args[1], ctx);
    if (!flows) return flows.error();
    double x = default_guess;
    if (args.has(2)) {
        const value guess_arg = to_scalar(args[2], ctx);
        if (guess_arg.is_error()) return guess_arg.error();
        auto guess = to_number(guess_arg);
        if (!guess) return guess.error();
        x = *guess;
    }
    if (x <= -1.0 || !has_sign_change(flows->amounts)) return error_code::num;
    for (int i = 0; i < xirr_iterations; ++i) {
        const auto [f, slope] = xnpv_at(*flows, x);
        if (slope == 0.0 || !std::isfinite(f) || !std::isfinite(slope)) return error_code::num;
        double next = x - f / slope;
        if (!std::isfinite(next)) return error_code::num;
        if (next <= -1.0) next = (x - 1.0) / 2.0;  // stay where (1+rate)^t is defined
        if (std::fabs(next - x) < xirr_tolerance) return next;
        x = next;
    }
    return error_code::num;
}

// SLN(cost, salvage, life): straight-line depreciation per period; life 0 is #DIV/0!.
value sln_impl(const arguments& args, call_context&) {
    auto cost = number_arg(args, 0);
    if (!cost) return cost.error();
    auto salvage = number_arg(args, 1);
    if (!salvage) return salvage.error();
    auto life = number_arg(args, 2);
    if (!life) return life.error();
    if (*life == 0.0) return error_code::div0;
    return finite_or_num((*cost - *salvage) / *life);
}

// EFFECT(nominal_rate, npery): (1 + nominal/npery)^npery − 1 with npery truncated;
// nominal ≤ 0 or npery < 1 is #NUM!.
value effect_impl(const arguments& args, call_context&) {
    auto nominal = number_arg(args, 0);
    if (!nominal) return nominal.error();
    auto npery = number_arg(args, 1);
    if (!npery) return npery.error();
    const double periods = std::trunc(*npery);
    if (*nominal <= 0.0 || periods < 1.0) return error_code::num;
    return finite_or_num(std::pow(1.0 + *nominal / periods, periods) - 1.0);
}

// Returns the interest part of payment `per` of the annuity (IPMT's formula): the balance
// after per − 1 payments times the rate; nothing is due in period 1 when paying in advance.
double interest_part(double rate, double per, double nper, double pv, double fv, bool due) {
    const double pmt = payment(rate, nper, pv, fv, due);
    double balance;
    if (per == 1.0)
        balance = due ? 0.0 : -pv;
    else if (due)
        balance = future_value(rate, per - 2.0, pmt, pv, true) - pmt;
    else
        balance = future_value(rate, per - 1.0, pmt, pv, false);
    return balance * rate;
}

// Reads IPMT/PPMT's arguments (rate, per, nper, pv, [fv], [type]) and returns the interest
// and the whole payment of period `per`; per outside 1 .. nper is #NUM!.
or_error<std::pair<double, double>> period_parts(const arguments& args) {
    auto rate = number_arg(args, 0);
    if (!rate) return rate.error();
    auto per = number_arg(args, 1);
    if (!per) return per.error();
    auto nper = number_arg(args, 2);
    if (!nper) return nper.error();
    auto pv = number_arg(args, 3);
    if (!pv) return pv.error();
    auto fv = number_arg(args, 4);
    if (!fv) return fv.error();
    auto due = type_arg(args, 5);
    if (!due) return due.error();
    if (*per < 1.0 || *per > *nper || *nper == 0.0) return error_code::num;
    const double interest = interest_part(*rate, *per, *nper, *pv, *fv, *due);
    const double total = payment(*rate, *nper, *pv, *fv, *due);
    if (!std::isfinite(interest) || !std::isfinite(total)) return error_code::num;
    return std::pair{interest, total};
}

// IPMT(rate, per, nper, pv, [fv], [type]): the interest part of one payment.
value ipmt_impl(const arguments& args, call_context&) {
    auto parts = period_parts(args);
    if (!parts) return parts.error();
    return parts->first;
}

// PPMT(rate, per, nper, pv, [fv], [type]): the principal part of one payment (PMT − IPMT).
value ppmt_impl(const arguments& args, call_context&) {
    auto parts = period_parts(args);
    if (!parts) return parts.error();
    return parts->second - parts->first;
}

// NOMINAL(effect_rate, npery): npery·((1 + effect)^(1/npery) − 1) with npery truncated;
// effect ≤ 0 or npery < 1 is #NUM!.
value nominal_impl(const arguments& args, call_context&) {
    auto effect = number_arg(args, 0);
    if (!effect) return effect.error();
    auto npery = number_arg(args, 1);
    if (!npery) return npery.error();
    const double periods = std::trunc(*npery);
    if (*effect <= 0.0 || periods < 1.0) return error_code::num;
    return finite_or_num(periods * (std::pow(1.0 + *effect, 1.0 / periods) - 1.0));
}

// SYD(cost, salvage, life, per): sum-of-years'-digits depreciation for period per;
// life ≤ 0, per ≤ 0 or per > life is #NUM!.
value syd_impl(const arguments& args, call_context&) {
    auto cost = number_arg(args, 0);
    if (!cost) return cost.error();
    auto salvage = number_arg(args, 1);
    if (!salvage) return salvage.error();
    auto life = number_arg(args, 2);
    if (!life) return life.error();
    auto per = number_arg(args, 3);
    if (!per) return per.error();
    if (*life <= 0.0 || *per <= 0.0 || *per > *life) return error_code::num;
    return finite_or_num((*cost - *salvage) * (*life - *per + 1.0) * 2.0 / (*life * (*life + 1.0)));
}

// DDB(cost, salvage, life, period, [factor]): declining-balance depreciation at factor/life
// a period (factor 2 by default), never taking the book value below salvage. Negative
// cost or salvage, salvage above cost, factor ≤ 0, period < 1 or period > life is #NUM!.
value ddb_impl(const arguments& args, call_context&) {
    auto cost = number_arg(args, 0);
    if (!cost) return cost.error();
    auto salvage = number_arg(args, 1);
    if (!salvage) return salvage.error();
    auto life = number_arg(args, 2);
    if (!life) return life.error();
    auto period = number_arg(args, 3);
    if (!period) return period.error();
    auto factor = number_arg(args, 4, 2.0);
    if (!factor) return factor.error();
    if (*cost < 0.0 || *salvage < 0.0 || *salvage > *cost || *life <= 0.0 || *factor <= 0.0 || *period < 1.0 ||
        *period > *life)
        return error_code::num;
    double rate = *factor / *life;
    double before;  // book value at the start of the period
    if (rate >= 1.0) {
        rate = 1.0;
        before = *period == 1.0 ? *cost : 0.0;
    } else {
        before = *cost * std::pow(1.0 - rate, *period - 1.0);
    }
    const double after = *cost * std::pow(1.0 - rate, *period);
    const double depreciation = after < *salvage ? before - *salvage : before - after;
    return finite_or_num(std::max(depreciation, 0.0));
}

const function_def financial_functions[] = {
    {"DDB", 4, 5, fn_lifts, ddb_impl, nullptr,
     "Returns the double-declining-balance (or factor) depreciation of an asset for a period.",
     "=DDB(2400,300,10,2,1.5) → 306"},
    {"EFFECT", 2, 2, fn_lifts, effect_impl, nullptr,
     "Returns the effective annual rate of a nominal rate compounded npery times a year.",
     "=EFFECT(5.25%,4) → 0.0535426673707584"},
    {"FV", 3, 5, fn_lifts, fv_impl, nullptr, "Returns the future value of an investment of periodic equal payments.",
     "=FV(0.5%,10,-200,-500,1) → 2581.40337406012"},
    {"IPMT", 4, 6, fn_lifts, ipmt_impl, nullptr, "Returns the interest part of one payment of a loan or annuity.",
     "=IPMT(10%/12,1,36,8000) → -66.6666666666667"},
    {"IRR", 1, 2, fn_strict, irr_impl, nullptr,
     "Returns the internal rate of return of periodic cash flows (first flow now).",
     "=IRR({-70000,12000,15000,18000,21000,26000}) → 0.0866309480365316"},
    {"NOMINAL", 2, 2, fn_lifts, nominal_impl, nullptr,
     "Returns the nominal annual rate of an effective rate compounded npery times a year.",
     "=NOMINAL(5.3543%,4) → 0.052500319868356"},
    {"NPER", 3, 5, fn_lifts, nper_impl, nullptr, "Returns the number of periods of an investment or loan.",
     "=NPER(1%,-100,-1000,10000,1) → 59.6738656742946"},
    {"NPV", 2, variadic, fn_strict, npv_impl, nullptr,
     "Returns the net present value of periodic cash flows at the end of each period.",
     "=NPV(10%,-10000,3000,4200,6800) → 1188.44341233522"},
    {"PMT", 3, 5, fn_lifts, pmt_impl, nullptr, "Returns the payment per period of a loan or annuity.",
     "=PMT(8%/12,10,10000) → -1037.03208935915"},
    {"PPMT", 4, 6, fn_lifts, ppmt_impl, nullptr, "Returns the principal part of one payment of a loan or annuity.",
     "=PPMT(10%/12,1,24,2000) → -75.6231860083666"},
    {"PV", 3, 5, fn_lifts, pv_impl, nullptr, "Returns the present value of a series of equal payments.",
     "=PV(8%/12,12*20,500) → -59777.1458511878"},
    {"RATE", 3, 6, fn_lifts, rate_impl, nullptr, "Returns the interest rate per period of an annuity.",
     "=RATE(48,-200,8000) → 0.00770147248820137"},
    {"SLN", 3, 3, fn_lifts, sln_impl, nullptr, "Returns the straight-line depreciation of an asset for one period.",
     "=SLN(30000,7500,10) → 2250"},
    {"SYD", 4, 4, fn_lifts, syd_impl, nullptr, "Returns the sum-of-years'-digits depreciation of an asset for a period.",
     "=SYD(30000,7500,10,1) → 4090.90909090909"},
    {"XIRR", 2, 3, fn_strict, xirr_impl, nullptr, "Returns the internal rate of return of dated cash flows.",
     "=XIRR({-10000,2750,4250,3250,2750},{39448,39508,39751,39859,39904}) → 0.373362533509583"},
    {"XNPV", 3, 3, fn_strict, xnpv_impl, nullptr, "Returns the net present value of dated cash flows.",
     "=XNPV(9%,{-10000,2750,4250,3250,2750},{39448,39508,39751,39859,39904}) → 2086.64760203153"},
};

}  // namespace

void register_financial_functions(function_registry& r) {
    for (const auto& f : financial_functions) r.add(f);
}

}  // namespace folio

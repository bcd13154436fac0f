// The accumulators of base aggregates (see accumulators.hpp).
#include "accumulators.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <unordered_map>
#include <unordered_set>

#include "folio/engine/coerce.hpp"

namespace folio::eval {
namespace {

// Calls number(group, x) for every selected numeric value (booleans as 1 or 0) and error(group, status) for every
// selected error (of the argument or of the row's condition). Blank and text are left out.
template <class Number, class Error>
void visit_numbers(std::span<const std::uint32_t> groups, std::span<const std::uint8_t> take, const row_vector& arg,
                   Number&& number, Error&& error) {
    const std::size_t rows = groups.size();
    auto selected = [&](std::size_t r) {
        if (take.empty()) return true;
        const std::uint8_t t = take[r];
        if (t == 1) return true;
        if (t != 0) error(groups[r], t);
        return false;
    };
    switch (arg.kind) {
        case row_kind::number:
            if (take.empty() && arg.status.empty()) {
                for (std::size_t r = 0; r < rows; ++r) number(groups[r], arg.numbers[r]);
                return;
            }
            for (std::size_t r = 0; r < rows; ++r) {
                if (!selected(r)) continue;
                const std::uint8_t s = arg.status_at(r);
                if (s == status_value) number(groups[r], arg.numbers[r]);
                else if (is_error_status(s)) error(groups[r], s);
            }
            return;
        case row_kind::boolean:
            for (std::size_t r = 0; r < rows; ++r) {
                if (!selected(r)) continue;
                const std::uint8_t s = arg.status_at(r);
                if (s == status_value) number(groups[r], arg.booleans[r] ? 1.0 : 0.0);
                else if (is_error_status(s)) error(groups[r], s);
            }
            return;
        case row_kind::text:
            for (std::size_t r = 0; r < rows; ++r) selected(r);
            return;
        case row_kind::mixed:
        case row_kind::scalar:
            for (std::size_t r = 0; r < rows; ++r) {
                if (!selected(r)) continue;
                const value& v = arg.kind == row_kind::mixed ? arg.mixed[r] : arg.scalar;
                if (v.is_number()) number(groups[r], v.number());
                else if (v.is_boolean()) number(groups[r], v.boolean() ? 1.0 : 0.0);
                else if (v.is_error()) error(groups[r], error_status(v.error()));
            }
            return;
    }
}

// The first error of each group.
class error_slots {
public:
    void resize(std::size_t groups) {
        if (errors_.size() < groups) errors_.resize(groups, 0);
    }
    void set(std::uint32_t group, std::uint8_t status) {
        if (errors_[group] == 0) errors_[group] = status;
    }
    bool has(std::size_t group) const { return group < errors_.size() && errors_[group] != 0; }
    value error(std::size_t group) const { return status_error(errors_[group]); }

private:
    std::vector<std::uint8_t> errors_;
};

class rows_accumulator final : public accumulator {
public:
    void resize(std::size_t groups) override {
        if (counts_.size() < groups) counts_.resize(groups, 0);
        errors_.resize(groups);
    }
    void add(std::span<const std::uint32_t> groups, std::span<const std::uint8_t> take, const row_vector*) override {
        if (take.empty()) {
            for (std::uint32_t g : groups) ++counts_[g];
            return;
        }
        for (std::size_t r = 0; r < groups.size(); ++r) {
            const std::uint8_t t = take[r];
            if (t == 1) ++counts_[groups[r]];
            else if (t != 0) errors_.set(groups[r], t);
        }
    }
    value result(base_op op, double k, std::size_t group) const override {
        if (errors_.has(group)) return errors_.error(group);
        if (group >= counts_.size()) return empty_result(op, k);
        return static_cast<double>(counts_[group]);
    }

private:
    std::vector<std::uint64_t> counts_;
    error_slots errors_;
};

// Rows whose argument is not blank; a condition counts where it is TRUE.
class values_accumulator final : public accumulator {
public:
    void resize(std::size_t groups) override {
        if (counts_.size() < groups) counts_.resize(groups, 0);
        errors_.resize(groups);
    }
    void add(std::span<const std::uint32_t> groups, std::span<const std::uint8_t> take, const row_vector* arg) override {
        const std::size_t rows = groups.size();
        // A condition without blanks or errors, on every row: add its bytes.
        if (arg->kind == row_kind::boolean && arg->status.empty() && take.empty()) {
            for (std::size_t r = 0; r < rows; ++r) counts_[groups[r]] += arg->booleans[r];
            return;
        }
        auto selected = [&](std::size_t r) {
            if (take.empty() || take[r] == 1) return true;
            if (take[r] != 0) errors_.set(groups[r], take[r]);
            return false;
        };
        switch (arg->kind) {
            case row_kind::number:
            case row_kind::boolean: {
                const bool boolean = arg->kind == row_kind::boolean;
                for (std::size_t r = 0; r < rows; ++r) {
                    if (!selected(r)) continue;
                    const std::uint8_t s = arg->status_at(r);
                    if (s == status_value) counts_[groups[r]] += boolean ? arg->booleans[r] : 1u;
                    else if (is_error_status(s)) errors_.set(groups[r], s);
                }
                return;
            }
            case row_kind::text:
                for (std::size_t r = 0; r < rows; ++r)
                    if (selected(r) && arg->codes[r] != data::column::null_code) ++counts_[groups[r]];
                return;
            default:
                for (std::size_t r = 0; r < rows; ++r) {
                    if (!selected(r)) continue;
                    const value& v = arg->kind == row_kind::mixed ? arg->mixed[r] : arg->scalar;
                    if (v.is_error()) errors_.set(groups[r], error_status(v.error()));
                    else if (v.is_boolean() ? v.boolean() : !v.is_blank()) ++counts_[groups[r]];
                }
                return;
        }
    }
    value result(base_op op, double k, std::size_t group) const override {
        if (errors_.has(group)) return errors_.error(group);
        if (group >= counts_.size()) return empty_result(op, k);
        return static_cast<double>(counts_[group]);
    }

private:
    std::vector<std::uint64_t> counts_;
    error_slots errors_;
};

// Count, sum, min, max and (with `spread`) Welford's running mean and sum of squared
// deviations. The sum is compensated (Neumaier), so the sum of 1e6 prices of 75.10 is
// the double nearest to the exact sum and does not drift with the number of rows.
class numeric_accumulator final : public accumulator {
public:
    explicit numeric_accumulator(bool spread) : spread_(spread) {}

    void resize(std::size_t groups) override {
        if (states_.size() < groups) states_.resize(groups);
        errors_.resize(groups);
    }
    void add(std::span<const std::uint32_t> groups, std::span<const std::uint8_t> take, const row_vector* arg) override {
        auto error = [&](std::uint32_t g, std::uint8_t s) { errors_.set(g, s); };
        if (spread_) {
            visit_numbers(groups, take, *arg, [&](std::uint32_t g, double x) {
                state& st = states_[g];
                step(st, x);
                const double delta = x - st.mean;
                st.mean += delta / static_cast<double>(st.n);
                st.m2 += delta * (x - st.mean);
            }, error);
        } else {
            visit_numbers(groups, take, *arg, [&](std::uint32_t g, double x) { step(states_[g], x); }, error);
        }
    }
    value result(base_op op, double k, std::size_t group) const override {
        if (errors_.has(group)) return errors_.error(group);
        if (group >= states_.size() || states_[group].n == 0) return empty_result(op, k);
        const state& st = states_[group];
        switch (op) {
            case base_op::numbers: return static_cast<double>(st.n);
            case base_op::sum: return finite(st.sum + st.compensation);
            case base_op::min: return st.min;
            case base_op::max: return st.max;
            case base_op::stdev:
                if (st.n < 2) return error_code::div0;
                return finite(std::sqrt(std::max(0.0, st.m2) / static_cast<double>(st.n - 1)));
            default: return error_code::value;
        }
    }

private:
    struct state {
        std::uint64_t n = 0;
        double sum = 0, compensation = 0, min = 0, max = 0, mean = 0, m2 = 0;
    };
    bool spread_;
    std::vector<state> states_;
    error_slots errors_;

    static void step(state& st, double x) {
        if (st.n == 0 || x < st.min) st.min = x;
        if (st.n == 0 || x > st.max) st.max = x;
        const double t = st.sum + x;
        st.compensation += std::fabs(st.sum) >= std::fabs(x) ? (st.sum - t) + x : (x - t) + st.sum;
        st.sum = t;
        ++st.n;
    }
    static value finite(double x) { return std::isfinite(x) ? value(x) : value(error_code::num); }
};

// Every numeric value, for MEDIAN and PERCENTILE.INC.
class collect_accumulator final : public accumulator {
public:
    void resize(std::size_t groups) override {
        if (values_.size() < groups) values_.resize(groups);
        errors_.resize(groups);
    }
    void add(std::span<const std::uint32_t> groups, std::span<const std::uint8_t> take, const row_vector* arg) override {
        visit_numbers(groups, take, *arg, [&](std::uint32_t g, double x) { values_[g].push_back(x); },
                      [&](std::uint32_t g, std::uint8_t s) { errors_.set(g, s); });
    }
    void finish() override {
        for (auto& v : values_) std::sort(v.begin(), v.end());
    }
    value result(base_op op, double k, std::size_t group) const override {
        if (errors_.has(group)) return errors_.error(group);
        if (group >= values_.size() || values_[group].empty()) return empty_result(op, k);
        const std::vector<double>& xs = values_[group];
        const std::size_t n = xs.size();
        if (op == base_op::median) {
            // MEDIAN: the middle value, or the mean of the two middle values.
            if (n % 2 == 1) return xs[n / 2];
            return (xs[n / 2 - 1] + xs[n / 2]) / 2;
        }
        // PERCENTILE.INC: interpolate at rank k (n - 1), the rank's integer part taken to 15 digits.
        if (k < 0 || k > 1) return error_code::num;
        const double rank = k * static_cast<double>(n - 1);
        const double whole = std::clamp(std::floor(round_to_15_digits(rank)), 0.0, static_cast<double>(n - 1));
        const auto i = static_cast<std::size_t>(whole);
        const double fraction = std::clamp(rank - whole, 0.0, 1.0);
        if (i + 1 >= n || fraction == 0.0) return xs[i];
        return xs[i] + fraction * (xs[i + 1] - xs[i]);
    }

private:
    std::vector<std::vector<double>> values_;
    error_slots errors_;
};

// Distinct non-blank values: numbers by their bits, text exactly (codes of one
// dictionary, translated into the accumulator's own), booleans.
class distinct_accumulator final : public accumulator {
public:
    void resize(std::size_t groups) override {
        if (sets_.size() < groups) sets_.resize(groups);
        errors_.resize(groups);
    }
    void add(std::span<const std::uint32_t> groups, std::span<const std::uint8_t> take, const row_vector* arg) override {
        std::vector<std::uint32_t>* translation = nullptr;
        if (arg->kind == row_kind::text) {
            translation = &translations_[arg->pool];
            if (translation->size() < arg->pool->size()) translation->resize(arg->pool->size(), data::string_pool::npos);
        }
        for (std::size_t r = 0; r < groups.size(); ++r) {
            const std::uint32_t g = groups[r];
            if (!take.empty() && take[r] != 1) {
                if (take[r] != 0) errors_.set(g, take[r]);
                continue;
            }
            group_set& set = sets_[g];
            switch (arg->kind) {
                case row_kind::number: {
                    const std::uint8_t s = arg->status_at(r);
                    if (s == status_value) set.numbers.insert(bits(arg->numbers[r]));
                    else if (is_error_status(s)) errors_.set(g, s);
                    break;
                }
                case row_kind::boolean: {
                    const std::uint8_t s = arg->status_at(r);
                    if (s == status_value) set.booleans |= arg->booleans[r] ? 2 : 1;
                    else if (is_error_status(s)) errors_.set(g, s);
                    break;
                }
                case row_kind::text: {
                    const std::uint32_t code = arg->codes[r];
                    if (code == data::column::null_code) break;
                    std::uint32_t& own = (*translation)[code];
                    if (own == data::string_pool::npos) own = texts_.intern(arg->pool->at(code));
                    set.texts.insert(own);
                    break;
                }
                default: {
                    const value& v = arg->kind == row_kind::mixed ? arg->mixed[r] : arg->scalar;
                    if (v.is_number()) set.numbers.insert(bits(v.number()));
                    else if (v.is_boolean()) set.booleans |= v.boolean() ? 2 : 1;
                    else if (v.is_text()) set.texts.insert(texts_.intern(v.text()));
                    else if (v.is_error()) errors_.set(g, error_status(v.error()));
                    break;
                }
            }
        }
    }
    value result(base_op op, double k, std::size_t group) const override {
        if (errors_.has(group)) return errors_.error(group);
        if (group >= sets_.size()) return empty_result(op, k);
        const group_set& set = sets_[group];
        const int booleans = (set.booleans & 1) + ((set.booleans >> 1) & 1);
        return static_cast<double>(set.numbers.size() + set.texts.size() + static_cast<std::size_t>(booleans));
    }

private:
    struct group_set {
        std::unordered_set<std::uint64_t> numbers;
        std::unordered_set<std::uint32_t> texts;
        std::uint8_t booleans = 0;  // bit 0: FALSE seen, bit 1: TRUE seen
    };
    std::vector<group_set> sets_;
    data::string_pool texts_;
    std::unordered_map<const data::string_pool*, std::vector<std::uint32_t>> translations_;
    error_slots errors_;

    static std::uint64_t bits(double x) {
        if (x == 0) x = 0;
        std::uint64_t b = 0;
        std::memcpy(&b, &x, sizeof b);
        return b;
    }
};

}  // namespace

accumulator_kind accumulator_for(base_op op) {
    switch (op) {
        case base_op::rows: return accumulator_kind::rows;
        case base_op::values: return accumulator_kind::values;
        case base_op::median:
        case base_op::percentile: return accumulator_kind::collect;
        case base_op::distinct: return accumulator_kind::distinct;
        default: return accumulator_kind::numeric;
    }
}

std::unique_ptr<accumulator> make_accumulator(accumulator_kind kind, bool spread) {
    switch (kind) {
        case accumulator_kind::rows: return std::make_unique<rows_accumulator>();
        case accumulator_kind::values: return std::make_unique<values_accumulator>();
        case accumulator_kind::numeric: return std::make_unique<numeric_accumulator>(spread);
        case accumulator_kind::collect: return std::make_unique<collect_accumulator>();
        case accumulator_kind::distinct: return std::make_unique<distinct_accumulator>();
    }
    return nullptr;
}

value empty_result(base_op op, double) {
    switch (op) {
        case base_op::rows:
        case base_op::values:
        case base_op::numbers:
        case base_op::sum:
        case base_op::distinct: return 0.0;
        case base_op::stdev: return error_code::div0;
        default: return error_code::num;
    }
}

}  // namespace folio::eval

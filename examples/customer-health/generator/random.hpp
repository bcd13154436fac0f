// A small, fully specified pseudo-random generator for the example data.
//
// The sample data must come out byte for byte the same on every machine, so nothing here
// uses <random>'s distributions (their algorithms differ between standard libraries) or
// libm's transcendental functions (exp, log, cos are not guaranteed to round the same
// everywhere). Everything is splitmix64 plus IEEE-754 +, -, *, / and sqrt, which are
// exactly specified; the targets build with -ffp-contract=off so no fused multiply-add
// changes a rounding. Independent streams come from hashing a seed with a few keys
// (account, month, purpose), so changing how tickets are drawn does not move surveys.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <span>

namespace folio_example {

// splitmix64's finaliser: a bijective 64-bit mix.
constexpr std::uint64_t mix64(std::uint64_t z) {
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

// e^x from +, *, / and ldexp only: x = k ln2 + r with |r| <= ln2/2, then a Taylor series
// for e^r (error below 1e-16 relative), scaled by 2^k exactly.
inline double det_exp(double x) {
    if (x < -700.0) return 0.0;
    if (x > 700.0) x = 700.0;
    constexpr double ln2 = 0.6931471805599453;
    const double k = std::floor(x / ln2 + 0.5);
    const double r = x - k * ln2;
    double term = 1.0;
    double sum = 1.0;
    for (int i = 1; i <= 18; ++i) {
        term = term * r / i;
        sum = sum + term;
    }
    return std::ldexp(sum, static_cast<int>(k));
}

class rng {
public:
    explicit rng(std::uint64_t seed) : state_(seed) {}

    // A stream keyed by up to three numbers (e.g. purpose, account, month).
    static rng stream(std::uint64_t seed, std::uint64_t a, std::uint64_t b = 0, std::uint64_t c = 0) {
        std::uint64_t h = mix64(seed ^ 0x6a09e667f3bcc909ULL);
        h = mix64(h ^ (a + 0x9e3779b97f4a7c15ULL));
        h = mix64(h ^ (b + 0x3c6ef372fe94f82bULL));
        h = mix64(h ^ (c + 0xa54ff53a5f1d36f1ULL));
        return rng(h);
    }

    std::uint64_t next() {
        state_ += 0x9e3779b97f4a7c15ULL;
        return mix64(state_);
    }

    // Uniform in [0, 1), 53 random bits.
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }

    // Uniform integer in [0, n), n > 0 (multiply-shift on 32 bits: bias below 2^-32·n).
    std::uint32_t below(std::uint32_t n) {
        return static_cast<std::uint32_t>(((next() >> 32) * static_cast<std::uint64_t>(n)) >> 32);
    }
    // Uniform integer in [lo, hi].
    int between(int lo, int hi) { return lo + static_cast<int>(below(static_cast<std::uint32_t>(hi - lo + 1))); }

    bool chance(double p) { return uniform() < p; }

    // Approximately standard normal: Irwin-Hall, the sum of 12 uniforms minus 6
    // (tails end at ±6, which suits sample data).
    double normal() {
        double s = 0.0;
        for (int i = 0; i < 12; ++i) s = s + uniform();
        return s - 6.0;
    }

    // Log-normal with the given median and log-scale sigma.
    double lognormal(double median, double sigma) { return median * det_exp(sigma * normal()); }

    // Poisson(lambda), Knuth's product of uniforms (lambda is small here).
    int poisson(double lambda) {
        if (lambda <= 0.0) return 0;
        const double limit = det_exp(-lambda);
        int k = 0;
        double p = uniform();
        while (p > limit) {
            ++k;
            p = p * uniform();
        }
        return k;
    }

    // An index drawn with the given (not necessarily normalised) weights.
    std::size_t weighted(std::span<const double> weights) {
        double total = 0.0;
        for (double w : weights) total = total + w;
        double u = uniform() * total;
        for (std::size_t i = 0; i < weights.size(); ++i) {
            if (u < weights[i]) return i;
            u = u - weights[i];
        }
        return weights.size() - 1;
    }

    template <typename T, std::size_t N>
    const T& pick(const T (&items)[N]) {
        return items[below(static_cast<std::uint32_t>(N))];
    }

private:
    std::uint64_t state_;
};

}  // namespace folio_example

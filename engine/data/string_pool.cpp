// The dictionary behind text columns: strings in one buffer, an open-addressing hash table
// (linear probing, at most half full) from a string to its code.
//
// The hash reads eight bytes at a time and mixes with a 64×64→128-bit multiply (the idea of
// wyhash); short strings, the common case for categorical columns, cost a few instructions.
// A slot keeps the hash's high 32 bits as a tag, so a probe compares strings only when the
// tags agree, and growing the index moves slots without reading a string.
#include "folio/engine/data/string_pool.hpp"

#include <cstring>
#include <stdexcept>

namespace folio::data {
namespace {

constexpr std::uint64_t k0 = 0xa0761d6478bd642fULL;
constexpr std::uint64_t k1 = 0xe7037ed1a0b428dbULL;
constexpr std::uint64_t k2 = 0x8ebc6af09c88c6e3ULL;

/// Multiplies a by b to 128 bits and folds the halves together.
inline std::uint64_t mix(std::uint64_t a, std::uint64_t b) {
    const unsigned __int128 r = static_cast<unsigned __int128>(a) * b;
    return static_cast<std::uint64_t>(r) ^ static_cast<std::uint64_t>(r >> 64);
}

/// Reads eight bytes at p, unaligned.
inline std::uint64_t load64(const char* p) {
    std::uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
}

/// Reads four bytes at p, unaligned.
inline std::uint64_t load32(const char* p) {
    std::uint32_t v;
    std::memcpy(&v, p, 4);
    return v;
}

/// Tells whether the n bytes at a and b are equal, reading only those bytes (short strings without a call).
inline bool same_bytes(const char* a, const char* b, std::size_t n) {
    if (n > 16) return std::memcmp(a, b, n) == 0;
    if (n >= 8) return load64(a) == load64(b) && load64(a + n - 8) == load64(b + n - 8);
    if (n >= 4) return load32(a) == load32(b) && load32(a + n - 4) == load32(b + n - 4);
    if (n == 0) return true;
    return a[0] == b[0] && a[n >> 1] == b[n >> 1] && a[n - 1] == b[n - 1];
}

}  // namespace

std::uint64_t string_pool::hash(std::string_view text) {
    const char* p = text.data();
    std::size_t n = text.size();
    std::uint64_t h = k0 ^ n;
    while (n > 8) {
        h = mix(h ^ load64(p), k1);
        p += 8;
        n -= 8;
    }
    std::uint64_t tail = 0;
    if (n >= 4) {
        tail = (load32(p) << 32) | load32(p + n - 4);
    } else if (n > 0) {
        const auto b = [&](std::size_t i) { return static_cast<std::uint64_t>(static_cast<unsigned char>(p[i])); };
        tail = (b(0) << 16) | (b(n >> 1) << 8) | b(n - 1);
    }
    return mix(h ^ tail, k2 ^ text.size());
}

string_pool::string_pool() : offsets_{0}, slots_(16), mask_(15) {}

std::uint32_t string_pool::find(std::string_view text, std::uint64_t h) const {
    const std::uint32_t tag = tag_of(h);
    for (std::size_t i = tag & mask_;; i = (i + 1) & mask_) {
        const slot s = slots_[i];
        if (s.code == 0) return npos;
        if (s.tag == tag) {
            const std::uint32_t code = s.code - 1;
            const std::uint64_t begin = offsets_[code];
            const std::uint64_t size = offsets_[code + 1] - begin;
            if (size == text.size() && same_bytes(chars_.data() + begin, text.data(), size)) return code;
        }
    }
}

std::uint32_t string_pool::intern(std::string_view text, std::uint64_t h) {
    const std::uint32_t code = find(text, h);
    return code != npos ? code : insert_new(text, h);
}

std::uint32_t string_pool::insert_new(std::string_view text, std::uint64_t h) {
    if ((std::size_t{size()} + 1) * 2 > slots_.size()) grow();
    const std::uint32_t code = size();
    chars_.append(text);
    offsets_.push_back(chars_.size());
    const std::uint32_t tag = tag_of(h);
    std::size_t i = tag & mask_;
    while (slots_[i].code != 0) i = (i + 1) & mask_;
    slots_[i] = slot{tag, code + 1};
    return code;
}

void string_pool::grow() {
    if (slots_.size() >= (std::size_t{1} << 32)) throw std::length_error("string_pool: more than 2^31 distinct strings");
    std::vector<slot> bigger(slots_.size() * 2);
    const std::size_t mask = bigger.size() - 1;
    for (const slot s : slots_) {
        if (s.code == 0) continue;
        std::size_t i = s.tag & mask;
        while (bigger[i].code != 0) i = (i + 1) & mask;
        bigger[i] = s;
    }
    slots_ = std::move(bigger);
    mask_ = mask;
}

std::size_t string_pool::memory_bytes() const {
    return chars_.capacity() + offsets_.capacity() * sizeof(std::uint64_t) + slots_.capacity() * sizeof(slot);
}

}  // namespace folio::data

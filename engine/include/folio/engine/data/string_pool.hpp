// A dictionary of distinct strings: every text column keeps its values as 32-bit codes into
// one of these.
//
// Codes are dense (0, 1, 2, ... in order of first appearance) and stable: a string keeps its
// code for the life of the pool, so codes from different batches of one read compare equal
// and can index per-group arrays directly. The characters live in one growing buffer and a
// flat open-addressing hash table maps a string to its code, so interning a string that is
// already there costs one hash and one comparison and allocates nothing. A pool holds up to
// 2^31 strings.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace folio::data {

class string_pool {
public:
    /// The code `find` returns for a string that is not in the pool.
    static constexpr std::uint32_t npos = 0xFFFFFFFFu;

    string_pool();

    /// Returns the code of `text`, adding it to the pool when it is new.
    std::uint32_t intern(std::string_view text) { return intern(text, hash(text)); }

    /// Returns the code of `text` whose hash() is `h`, adding it when it is new.
    std::uint32_t intern(std::string_view text, std::uint64_t h);

    /// Returns the code of `text`, or npos when the pool does not hold it.
    std::uint32_t find(std::string_view text) const { return find(text, hash(text)); }

    /// Returns the code of `text` whose hash() is `h`, or npos.
    std::uint32_t find(std::string_view text, std::uint64_t h) const;

    /// Adds `text` (whose hash() is `h`), which must not be in the pool yet, and returns its code.
    std::uint32_t insert_new(std::string_view text, std::uint64_t h);

    /// Returns the string of a code below size(); the view lasts until the next insertion.
    std::string_view at(std::uint32_t code) const {
        return std::string_view(chars_.data() + offsets_[code], offsets_[code + 1] - offsets_[code]);
    }

    /// Returns the number of distinct strings.
    std::uint32_t size() const { return static_cast<std::uint32_t>(offsets_.size() - 1); }

    /// Returns the bytes of text held (without separators or the index).
    std::size_t text_bytes() const { return chars_.size(); }

    /// Returns the memory the pool holds, in bytes.
    std::size_t memory_bytes() const;

    /// Returns the 64-bit hash the pool uses for a string (fast, not cryptographic).
    static std::uint64_t hash(std::string_view text);

    /// Asks the CPU to fetch the index slot of hash `h` ahead of a lookup (a hint, no effect on results).
    void prefetch(std::uint64_t h) const { __builtin_prefetch(&slots_[tag_of(h) & mask_]); }

private:
    // A slot's tag is the hash's high 32 bits; its low bits also choose the slot, so the
    // index grows without hashing the strings again.
    struct slot {
        std::uint32_t tag = 0;
        std::uint32_t code = 0;  // the code + 1; 0 marks an empty slot
    };

    static std::uint32_t tag_of(std::uint64_t h) { return static_cast<std::uint32_t>(h >> 32); }

    std::string chars_;
    std::vector<std::uint64_t> offsets_;  // size() + 1 entries: string i is [offsets_[i], offsets_[i + 1])
    std::vector<slot> slots_;             // a power of two, at most half full
    std::size_t mask_ = 0;

    void grow();
};

}  // namespace folio::data

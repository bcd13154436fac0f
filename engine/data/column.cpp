// Typed columns: appending, truncating and re-coding rows, and reading a cell as a value.
#include "folio/engine/data/column.hpp"

#include <algorithm>
#include <stdexcept>

namespace folio::data {

column::column(std::string name, column_type type, std::shared_ptr<string_pool> dictionary)
    : name_(std::move(name)), type_(type), dictionary_(std::move(dictionary)) {
    if (type_ == column_type::text && !dictionary_) dictionary_ = std::make_shared<string_pool>();
    if (type_ != column_type::text) dictionary_.reset();
}

value column::value_at(std::size_t row) const {
    if (is_null(row)) return value();
    switch (type_) {
        case column_type::number:
        case column_type::date:
        case column_type::timestamp: return value(numbers_[row]);
        case column_type::boolean: return value(booleans_[row] != 0);
        case column_type::text: return value(std::string(dictionary_->at(codes_[row])));
    }
    return value();
}

void column::push_null() {
    const std::size_t row = size_;
    switch (type_) {
        case column_type::number:
        case column_type::date:
        case column_type::timestamp: numbers_.push_back(0); break;
        case column_type::boolean: booleans_.push_back(0); break;
        case column_type::text: codes_.push_back(null_code); break;
    }
    ++size_;
    if (null_bits_.size() <= (row >> 6)) null_bits_.resize((row >> 6) + 1, 0);
    null_bits_[row >> 6] |= std::uint64_t{1} << (row & 63);
    ++null_count_;
}

void column::extend(std::size_t rows) {
    switch (type_) {
        case column_type::number:
        case column_type::date:
        case column_type::timestamp: numbers_.resize(size_ + rows); break;
        case column_type::boolean: booleans_.resize(size_ + rows); break;
        case column_type::text: codes_.resize(size_ + rows); break;
    }
    size_ += rows;
}

void column::append(const column& other) {
    if (other.type_ != type_) throw std::logic_error("column::append: the types differ");
    const std::size_t base = size_;
    switch (type_) {
        case column_type::number:
        case column_type::date:
        case column_type::timestamp: numbers_.insert(numbers_.end(), other.numbers_.begin(), other.numbers_.end()); break;
        case column_type::boolean: booleans_.insert(booleans_.end(), other.booleans_.begin(), other.booleans_.end()); break;
        case column_type::text:
            if (other.dictionary_ == dictionary_) {
                codes_.insert(codes_.end(), other.codes_.begin(), other.codes_.end());
            } else {
                codes_.reserve(codes_.size() + other.size_);
                for (std::uint32_t code : other.codes_)
                    codes_.push_back(code == null_code ? null_code : dictionary_->intern(other.dictionary_->at(code)));
            }
            break;
    }
    size_ += other.size_;
    if (other.null_count_ == 0) return;
    null_bits_.resize(((size_ + 63) >> 6), 0);
    for (std::size_t r = 0; r < other.size_; ++r) {
        if (!other.is_null(r)) continue;
        const std::size_t row = base + r;
        null_bits_[row >> 6] |= std::uint64_t{1} << (row & 63);
    }
    null_count_ += other.null_count_;
}

void column::reserve(std::size_t rows) {
    switch (type_) {
        case column_type::number:
        case column_type::date:
        case column_type::timestamp: numbers_.reserve(rows); break;
        case column_type::boolean: booleans_.reserve(rows); break;
        case column_type::text: codes_.reserve(rows); break;
    }
}

void column::truncate(std::size_t rows) {
    if (rows >= size_) return;
    numbers_.resize(std::min(numbers_.size(), rows));
    booleans_.resize(std::min(booleans_.size(), rows));
    codes_.resize(std::min(codes_.size(), rows));
    size_ = rows;
    if (null_count_ == 0) return;
    null_bits_.resize((rows + 63) >> 6);
    if ((rows & 63) != 0) null_bits_.back() &= (std::uint64_t{1} << (rows & 63)) - 1;
    std::size_t count = 0;
    for (std::uint64_t word : null_bits_) count += static_cast<std::size_t>(__builtin_popcountll(word));
    null_count_ = count;
    if (null_count_ == 0) null_bits_.clear();
}

void column::remove_rows(std::size_t first, std::span<const std::uint8_t> drop) {
    const std::size_t old_size = size_;
    std::vector<std::uint8_t> kept_nulls;
    std::size_t tail_nulls = 0;
    std::size_t write = first;
    for (std::size_t read = first; read < old_size; ++read) {
        const bool null = is_null(read);
        tail_nulls += null ? 1 : 0;
        const std::size_t i = read - first;
        if (i < drop.size() && drop[i] != 0) continue;
        switch (type_) {
            case column_type::number:
            case column_type::date:
            case column_type::timestamp: numbers_[write] = numbers_[read]; break;
            case column_type::boolean: booleans_[write] = booleans_[read]; break;
            case column_type::text: codes_[write] = codes_[read]; break;
        }
        kept_nulls.push_back(null ? 1 : 0);
        ++write;
    }
    if (tail_nulls > 0) {
        for (std::size_t row = first; row < old_size && (row >> 6) < null_bits_.size(); ++row)
            null_bits_[row >> 6] &= ~(std::uint64_t{1} << (row & 63));
        null_count_ -= tail_nulls;
    }
    for (std::size_t i = 0; i < kept_nulls.size(); ++i) {
        if (kept_nulls[i] == 0) continue;
        const std::size_t row = first + i;
        if (null_bits_.size() <= (row >> 6)) null_bits_.resize((row >> 6) + 1, 0);
        null_bits_[row >> 6] |= std::uint64_t{1} << (row & 63);
        ++null_count_;
    }
    size_ = write;
    numbers_.resize(std::min(numbers_.size(), write));
    booleans_.resize(std::min(booleans_.size(), write));
    codes_.resize(std::min(codes_.size(), write));
    null_bits_.resize(std::min(null_bits_.size(), (write + 63) >> 6));
    if (null_count_ == 0) null_bits_.clear();
}

std::size_t column::memory_bytes() const {
    return numbers_.capacity() * sizeof(double) + codes_.capacity() * sizeof(std::uint32_t) + booleans_.capacity() +
           null_bits_.capacity() * sizeof(std::uint64_t);
}

}  // namespace folio::data

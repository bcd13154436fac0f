// A result that is either a T or an Excel error value.
//
// Coercions and argument readers return it so that a function body reads
//   auto n = to_number(arg); if (!n) return n.error();
// and errors flow on as values, never as exceptions.
#pragma once

#include <utility>

#include "folio/engine/value.hpp"

namespace folio {

template <class T>
class or_error {
public:
    or_error(T v) : value_(std::move(v)), error_(), ok_(true) {}
    or_error(error_code e) : value_(), error_(e), ok_(false) {}

    explicit operator bool() const { return ok_; }
    bool ok() const { return ok_; }
    const T& operator*() const { return value_; }
    T& operator*() { return value_; }
    const T* operator->() const { return &value_; }
    error_code error() const { return error_; }

private:
    T value_;
    error_code error_;
    bool ok_;
};

}  // namespace folio

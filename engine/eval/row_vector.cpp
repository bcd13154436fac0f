// Typed vectors of row values (see row_vector.hpp).
#include "row_vector.hpp"

#include "folio/engine/coerce.hpp"

namespace folio::eval {

value row_vector::at(std::size_t row) const {
    switch (kind) {
        case row_kind::scalar: return scalar;
        case row_kind::number: {
            const std::uint8_t s = status_at(row);
            if (s == status_value) return numbers[row];
            if (s == status_blank) return value();
            return status_error(s);
        }
        case row_kind::boolean: {
            const std::uint8_t s = status_at(row);
            if (s == status_value) return booleans[row] != 0;
            if (s == status_blank) return value();
            return status_error(s);
        }
        case row_kind::text: {
            const std::uint32_t code = codes[row];
            if (code == data::column::null_code) return value();
            return value(pool->at(code));
        }
        case row_kind::mixed: return mixed[row];
    }
    return value();
}

void row_vector::set_scalar(value v) {
    kind = row_kind::scalar;
    scalar = std::move(v);
    status = {};
}

void row_vector::view_column(const data::column& column) {
    status = {};
    switch (column.type()) {
        case data::column_type::text:
            kind = row_kind::text;
            codes = column.codes();
            pool = &column.dictionary();
            return;
        case data::column_type::boolean: kind = row_kind::boolean; booleans = column.booleans(); break;
        default: kind = row_kind::number; numbers = column.numbers(); break;
    }
    if (column.null_count() == 0) return;
    own_status.assign(column.size(), status_value);
    for (std::size_t r = 0; r < column.size(); ++r)
        if (column.is_null(r)) own_status[r] = status_blank;
    status = own_status;
}

void row_vector::make_numbers(std::size_t n) {
    kind = row_kind::number;
    own_numbers.assign(n, 0.0);
    numbers = own_numbers;
    status = {};
}

void row_vector::make_booleans(std::size_t n) {
    kind = row_kind::boolean;
    own_booleans.assign(n, 0);
    booleans = own_booleans;
    status = {};
}

void row_vector::make_mixed(std::size_t n) {
    kind = row_kind::mixed;
    own_mixed.assign(n, value());
    mixed = own_mixed;
    status = {};
}

std::vector<std::uint8_t>& row_vector::make_status() {
    const std::size_t n = kind == row_kind::boolean ? booleans.size() : numbers.size();
    own_status.assign(n, status_value);
    status = own_status;
    return own_status;
}

void row_vector::normalize() {
    if (kind != row_kind::mixed) return;
    bool numbers_only = true, booleans_only = true, special = false;
    for (value& v : own_mixed) {
        if (v.is_array()) v = v.array_value().rows() > 0 ? v.array_value().at(0, 0) : value(error_code::calc);
        switch (v.type()) {
            case value::kind::number: booleans_only = false; break;
            case value::kind::boolean: numbers_only = false; break;
            case value::kind::blank:
            case value::kind::error: special = true; break;
            default: numbers_only = booleans_only = false; break;
        }
    }
    if (own_mixed.empty() || (!numbers_only && !booleans_only)) return;
    std::vector<value> values = std::move(own_mixed);
    own_mixed.clear();
    const std::size_t n = values.size();
    if (numbers_only) make_numbers(n);
    else make_booleans(n);
    if (special) make_status();
    for (std::size_t r = 0; r < n; ++r) {
        const value& v = values[r];
        if (v.is_number()) own_numbers[r] = v.number();
        else if (v.is_boolean()) own_booleans[r] = v.boolean() ? 1 : 0;
        else if (v.is_blank()) own_status[r] = status_blank;
        else if (v.is_error()) own_status[r] = error_status(v.error());
    }
}

std::uint8_t condition_status(const value& v) {
    if (v.is_blank()) return 0;
    if (v.is_error()) return error_status(v.error());
    auto b = to_boolean(v);
    if (!b) return error_status(b.error());
    return *b ? 1 : 0;
}

}  // namespace folio::eval

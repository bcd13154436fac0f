// Error texts, array construction and printing of values.
#include "folio/engine/value.hpp"

#include <array>
#include <cctype>

#include "folio/engine/coerce.hpp"

namespace folio {

namespace {

struct error_name {
    error_code code;
    std::string_view text;
};

constexpr std::array<error_name, 10> error_names{{
    {error_code::null_intersection, "#NULL!"},
    {error_code::div0, "#DIV/0!"},
    {error_code::value, "#VALUE!"},
    {error_code::ref, "#REF!"},
    {error_code::name, "#NAME?"},
    {error_code::num, "#NUM!"},
    {error_code::na, "#N/A"},
    {error_code::getting_data, "#GETTING_DATA"},
    {error_code::spill, "#SPILL!"},
    {error_code::calc, "#CALC!"},
}};

}  // namespace

std::string_view error_text(error_code code) {
    for (const auto& e : error_names)
        if (e.code == code) return e.text;
    return "#VALUE!";
}

std::optional<error_code> error_from_text(std::string_view text) {
    for (const auto& e : error_names) {
        if (e.text.size() != text.size()) continue;
        bool same = true;
        for (std::size_t i = 0; i < text.size() && same; ++i)
            same = std::toupper(static_cast<unsigned char>(text[i])) == e.text[i];
        if (same) return e.code;
    }
    return std::nullopt;
}

bool operator==(const value& a, const value& b) {
    if (a.type() != b.type()) return false;
    if (a.is_array()) return a.array_value() == b.array_value();
    return a.data_ == b.data_;
}

value make_array(std::int32_t rows, std::int32_t cols, std::vector<value> cells) {
    return value(std::make_shared<const array>(rows, cols, std::move(cells)));
}

std::string describe(const value& v) {
    switch (v.type()) {
        case value::kind::blank: return "<blank>";
        case value::kind::number: return number_to_text(v.number());
        case value::kind::boolean: return v.boolean() ? "TRUE" : "FALSE";
        case value::kind::text: return "\"" + v.text() + "\"";
        case value::kind::error: return std::string(error_text(v.error()));
        case value::kind::reference: {
            const reference& r = v.ref();
            return "<reference " + std::to_string(r.rows()) + "x" + std::to_string(r.cols()) + ">";
        }
        case value::kind::array: {
            const array& a = v.array_value();
            std::string s = "{";
            for (std::int32_t r = 0; r < a.rows(); ++r) {
                if (r > 0) s += ';';
                for (std::int32_t c = 0; c < a.cols(); ++c) {
                    if (c > 0) s += ',';
                    s += describe(a.at(r, c));
                }
            }
            return s + "}";
        }
    }
    return {};
}

}  // namespace folio

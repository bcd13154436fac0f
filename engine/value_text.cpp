// Text forms of values for the command line and the tests (see value_text.hpp).
#include "folio/engine/value_text.hpp"

#include "folio/engine/coerce.hpp"

namespace folio {

namespace {

const value& top_left(const value& v) {
    if (v.is_array() && v.array_value().rows() > 0 && v.array_value().cols() > 0) return v.array_value().at(0, 0);
    return v;
}

}  // namespace

std::string_view type_word(const value& input) {
    const value& v = top_left(input);
    switch (v.type()) {
        case value::kind::number: return "number";
        case value::kind::text: return "text";
        case value::kind::boolean: return "bool";
        case value::kind::error: return "error";
        default: return "blank";
    }
}

std::string escape_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '\\': out += "\\\\"; break;
            case '\t': out += "\\t"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            default: out += c;
        }
    }
    return out;
}

std::string tagged_text(const value& input) {
    const value& v = top_left(input);
    std::string out(type_word(v));
    out += '\t';
    if (v.is_text()) {
        out += escape_text(v.text());
    } else if (!v.is_blank()) {
        out += display_text(v);
    }
    return out;
}

std::string display_text(const value& v) {
    switch (v.type()) {
        case value::kind::blank: return "";
        case value::kind::number: return number_to_text(v.number());
        case value::kind::boolean: return v.boolean() ? "TRUE" : "FALSE";
        case value::kind::text: return v.text();
        case value::kind::error: return std::string(error_text(v.error()));
        case value::kind::reference: return "#VALUE!";
        case value::kind::array: {
            const array& a = v.array_value();
            std::string out;
            for (std::int32_t r = 0; r < a.rows(); ++r) {
                if (r > 0) out += '\n';
                for (std::int32_t c = 0; c < a.cols(); ++c) {
                    if (c > 0) out += '\t';
                    out += display_text(a.at(r, c));
                }
            }
            return out;
        }
    }
    return {};
}

}  // namespace folio

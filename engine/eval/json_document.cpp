// The JSON builder (see json_document.hpp).
#include "json_document.hpp"

#include <cmath>
#include <cstdio>

#include "expr_text.hpp"

namespace folio::eval {

std::string json_quote(std::string_view s) {
    std::string out = "\"";
    for (unsigned char c : s) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            default:
                if (c < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", c);
                    out += buf;
                } else {
                    out += static_cast<char>(c);
                }
        }
    }
    return out + "\"";
}

json json::number(double n) {
    json j;
    j.scalar_ = std::isfinite(n) ? number_text(n) : "null";
    return j;
}

json json::string(std::string_view s) {
    json j;
    j.scalar_ = json_quote(s);
    return j;
}

json json::boolean(bool b) {
    json j;
    j.scalar_ = b ? "true" : "false";
    return j;
}

json json::object() {
    json j;
    j.kind_ = kind::object;
    return j;
}

json json::array() {
    json j;
    j.kind_ = kind::array;
    return j;
}

json& json::set(std::string key, json v) {
    members_.emplace_back(std::move(key), std::move(v));
    return members_.back().second;
}

json& json::push(json v) {
    items_.push_back(std::move(v));
    return items_.back();
}

// An object of scalars only.
bool json::flat() const {
    if (kind_ != kind::object) return false;
    for (const auto& [k, v] : members_)
        if (v.is_container()) return false;
    return true;
}

// An array of scalars, or an object of scalars and flat objects.
bool json::inline_container() const {
    if (kind_ == kind::array) {
        for (const json& v : items_)
            if (v.is_container() && !(v.kind_ == kind::array && v.items_.empty())) return false;
        return true;
    }
    for (const auto& [k, v] : members_)
        if (v.is_container() && !v.flat() && !(v.kind_ == kind::array && v.items_.empty())) return false;
    return true;
}

void json::write(std::string& out, int indent) const {
    if (kind_ == kind::scalar) {
        out += scalar_;
        return;
    }
    const bool is_object = kind_ == kind::object;
    const std::size_t count = is_object ? members_.size() : items_.size();
    out += is_object ? '{' : '[';
    if (count == 0) {
        out += is_object ? '}' : ']';
        return;
    }
    const bool one_line = inline_container();
    for (std::size_t i = 0; i < count; ++i) {
        if (one_line) {
            if (i > 0) out += ", ";
        } else {
            if (i > 0) out += ',';
            out += '\n';
            out.append(static_cast<std::size_t>(indent + 2), ' ');
        }
        if (is_object) {
            out += json_quote(members_[i].first);
            out += ": ";
            members_[i].second.write(out, indent + 2);
        } else {
            items_[i].write(out, indent + 2);
        }
    }
    if (!one_line) {
        out += '\n';
        out.append(static_cast<std::size_t>(indent), ' ');
    }
    out += is_object ? '}' : ']';
}

std::string json::text() const {
    std::string out;
    write(out, 0);
    out += '\n';
    return out;
}

}  // namespace folio::eval

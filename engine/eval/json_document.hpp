// A small JSON document builder for the outputs: scalars written when they are added
// (numbers in their shortest round-trip form), objects keeping their members in
// order, and a printer that puts a container on one line when it holds only scalars
// and flat objects (a table row, an error cell), else one member per line.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace folio::eval {

class json {
public:
    /// Makes null.
    json() = default;

    static json number(double n);
    static json string(std::string_view s);
    static json boolean(bool b);
    static json object();
    static json array();

    /// Adds a member to an object; returns it.
    json& set(std::string key, json v);
    /// Appends an item to an array; returns it.
    json& push(json v);

    bool is_container() const { return kind_ == kind::object || kind_ == kind::array; }

    /// Returns the document as text: two-space indents, a line break at the end.
    std::string text() const;

private:
    enum class kind { scalar, object, array };
    kind kind_ = kind::scalar;
    std::string scalar_ = "null";
    std::vector<std::pair<std::string, json>> members_;
    std::vector<json> items_;

    bool flat() const;
    bool inline_container() const;
    void write(std::string& out, int indent) const;
};

/// Returns `s` as a JSON string literal.
std::string json_quote(std::string_view s);

}  // namespace folio::eval

// Option values: the shapes a `key: value` may take, with fixed messages.
#include "option_checks.hpp"

#include <cmath>

#include "folio/engine/number_format.hpp"
#include "vocabulary.hpp"

namespace folio::report::detail {
namespace {

location loc_of(const dsl::source_file* file, dsl::source_span span) {
    return location{file, span};
}

std::string key_of(const dsl::option& opt) {
    return "'" + opt.key.text + "'";
}

// Bytes of the UTF-8 character starting at `p` (1 for a stray byte).
std::uint32_t char_length(unsigned char lead) {
    if (lead >= 0xF0) return 4;
    if (lead >= 0xE0) return 3;
    if (lead >= 0xC0) return 2;
    return 1;
}

// The number of characters (code points) in UTF-8 text.
std::size_t char_count(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80 ? 1 : 0;
    return n;
}

}  // namespace

bool check_duplicate_options(statement& stmt, const dsl::source_file* file, const std::vector<dsl::option>& options) {
    for (std::size_t i = 0; i < options.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j) {
            if (options[j].key.text != options[i].key.text) continue;
            if (dsl::diagnostic* d = stmt.error(loc_of(file, options[i].key.span),
                                                "option " + key_of(options[i]) + " is given twice"))
                d->notes.push_back(note_at(loc_of(file, options[j].key.span), "first given here"));
            return false;
        }
    }
    return true;
}

void report_unknown_key(statement& stmt, const dsl::source_file* file, const dsl::option& opt, const std::string& what,
                        const std::vector<std::string>& known) {
    dsl::diagnostic* d = stmt.error(loc_of(file, opt.key.span), "unknown " + what + " '" + opt.key.text + "'");
    if (d == nullptr) return;
    if (auto best = dsl::closest_match(opt.key.text, known)) d->notes.push_back(note_text("did you mean '" + *best + "'?"));
    else d->notes.push_back(note_text("the options are " + join_words(known)));
}

const dsl::formula_node* single_value(statement& stmt, const dsl::source_file* file, const dsl::option& opt) {
    if (opt.values.size() == 1 && opt.values[0]) return opt.values[0].get();
    if (opt.values.empty() || !opt.values[0]) {
        stmt.error(loc_of(file, opt.span), key_of(opt) + " needs a value");
        return nullptr;
    }
    stmt.error(loc_of(file, span_of(*opt.values[1])),
               key_of(opt) + " takes one value, found " + std::to_string(opt.values.size()));
    return nullptr;
}

std::optional<std::string> text_value(statement& stmt, const dsl::source_file* file, const dsl::option& opt) {
    const dsl::formula_node* v = single_value(stmt, file, opt);
    if (v == nullptr) return std::nullopt;
    if (v->kind != dsl::node_kind::text) {
        stmt.error(loc_of(file, span_of(*v)), key_of(opt) + " expects text in quotes");
        return std::nullopt;
    }
    return v->text;
}

std::optional<bool> bool_value(statement& stmt, const dsl::source_file* file, const dsl::option& opt) {
    const dsl::formula_node* v = single_value(stmt, file, opt);
    if (v == nullptr) return std::nullopt;
    if (v->kind != dsl::node_kind::boolean) {
        stmt.error(loc_of(file, span_of(*v)), key_of(opt) + " expects TRUE or FALSE");
        return std::nullopt;
    }
    return v->boolean;
}

std::optional<std::string> character_value(statement& stmt, const dsl::source_file* file, const dsl::option& opt) {
    const dsl::formula_node* v = single_value(stmt, file, opt);
    if (v == nullptr) return std::nullopt;
    if (v->kind != dsl::node_kind::text || char_count(v->text) != 1) {
        stmt.error(loc_of(file, span_of(*v)), key_of(opt) + " expects one character in quotes");
        return std::nullopt;
    }
    return v->text;
}

std::optional<std::size_t> count_value(statement& stmt, const dsl::source_file* file, const dsl::option& opt) {
    const dsl::formula_node* v = single_value(stmt, file, opt);
    if (v == nullptr) return std::nullopt;
    if (v->kind != dsl::node_kind::number || v->number < 0 || v->number != std::floor(v->number) || v->number > 1e9) {
        stmt.error(loc_of(file, span_of(*v)), key_of(opt) + " expects a whole number");
        return std::nullopt;
    }
    return static_cast<std::size_t>(v->number);
}

std::optional<std::string> word_value(statement& stmt, const dsl::source_file* file, const dsl::option& opt,
                                      const std::vector<std::string>& allowed) {
    const dsl::formula_node* v = single_value(stmt, file, opt);
    if (v == nullptr) return std::nullopt;
    const std::string_view text = written(file, span_of(*v));
    for (const std::string& word : allowed)
        if (v->kind == dsl::node_kind::name && text == word) return word;
    dsl::diagnostic* d = stmt.error(loc_of(file, span_of(*v)),
                                    key_of(opt) + " expects " + join_words(allowed, " or ") + ", found '" +
                                        std::string(text) + "'");
    suggest(d, text, allowed);
    return std::nullopt;
}

std::optional<std::string> format_value(statement& stmt, const dsl::source_file* file, const dsl::option& opt) {
    const std::optional<std::string> code = text_value(stmt, file, opt);
    if (!code) return std::nullopt;
    auto parsed = number_format::parse(*code);
    const format_error* problem = std::get_if<format_error>(&parsed);
    if (problem == nullptr) return code;
    // Map the offset in the unescaped code to the bytes of the literal ("" is one quote).
    const dsl::formula_node& node = *opt.values[0];
    const std::string_view raw = written(file, span_of(node));
    location at = loc_of(file, span_of(node));
    if (raw.size() >= 2 && raw.front() == '"') {
        std::size_t i = 1;
        for (std::size_t u = 0; u < problem->offset && i + 1 < raw.size(); ++u) i += raw[i] == '"' ? 2 : 1;
        if (i + 1 < raw.size()) {
            const std::uint32_t length = std::min<std::uint32_t>(char_length(static_cast<unsigned char>(raw[i])),
                                                                 static_cast<std::uint32_t>(raw.size() - 1 - i));
            at.span = dsl::source_span{node.offset + static_cast<std::uint32_t>(i), std::max<std::uint32_t>(length, 1)};
        }
    }
    stmt.error(at, "invalid number format: " + problem->message);
    return std::nullopt;
}

std::optional<literal> literal_value(statement& stmt, const dsl::source_file* file, const dsl::option& opt) {
    const dsl::formula_node* v = single_value(stmt, file, opt);
    if (v == nullptr) return std::nullopt;
    literal out;
    switch (v->kind) {
        case dsl::node_kind::text:
            out.type = value_type::text;
            out.text = v->text;
            return out;
        case dsl::node_kind::number:
            out.type = value_type::number;
            out.number = v->number;
            return out;
        case dsl::node_kind::boolean:
            out.type = value_type::boolean;
            out.boolean = v->boolean;
            return out;
        default:
            stmt.error(loc_of(file, span_of(*v)), key_of(opt) + " expects a constant: text in quotes, a number, TRUE or FALSE");
            return std::nullopt;
    }
}

}  // namespace folio::report::detail

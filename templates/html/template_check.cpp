// The template check (see template_check.hpp). A small Mustache tokenizer walks the text; a stack
// of schema contexts mirrors the contexts kainjow renders with, so a name resolves here exactly
// when it resolves at render time (innermost context first, dotted names through objects).
#include "html/template_check.hpp"

#include <algorithm>
#include <set>
#include <tuple>

#include <kainjow/mustache.hpp>

#include "html/view_schema.hpp"

namespace folio::templates::html {
namespace {

struct tag {
    char kind = 'v';          // v {{x}}, u {{{x}}} or {{&x}}, # ^ / > ! =
    std::string name;
    std::uint32_t offset = 0;  // of the "{{"
    std::uint32_t name_offset = 0;
    std::uint32_t length = 0;  // of the whole tag
};

struct frame {
    const schema_key* node = nullptr;  // the context whose keys are visible; null: a text or flag section
    std::string name;                  // the section as written
    std::string path;                  // the context's dotted path, for messages
    std::uint32_t offset = 0;          // of the opening tag
};

std::string trim(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    const auto last = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(first, last - first + 1));
}

const schema_key* child(const schema_key* node, std::string_view name) {
    if (node == nullptr) return nullptr;
    for (const schema_key& c : node->children)
        if (c.name == name) return &c;
    return nullptr;
}

std::vector<std::string> split(const std::string& name) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t dot = name.find('.'); dot != std::string::npos; dot = name.find('.', start)) {
        out.push_back(name.substr(start, dot - start));
        start = dot + 1;
    }
    out.push_back(name.substr(start));
    return out;
}

void all_key_names(const schema_key& key, std::set<std::string>& out) {
    for (const schema_key& c : key.children) {
        out.emplace(c.name);
        all_key_names(c, out);
    }
}

class checker {
public:
    checker(const template_library& library, dsl::diagnostic_list& diagnostics)
        : library_(library), diagnostics_(diagnostics) {
        all_key_names(view_schema(), key_names_);
    }

    void check(const dsl::source_file& file, std::vector<frame>& stack) {
        const std::size_t errors_before = diagnostics_.error_count();
        const std::size_t depth = stack.size();
        const std::string& text = file.text();
        std::size_t at = 0;
        while (true) {
            const std::size_t open = text.find("{{", at);
            if (open == std::string::npos) break;
            tag t;
            if (!read_tag(file, open, t)) return;
            at = t.offset + t.length;
            on_tag(file, t, stack);
            if (t.kind == '=') return;
        }
        while (stack.size() > depth) {
            const frame& f = stack.back();
            error(file, f.offset, 2, "section '{{#" + f.name + "}}' is not closed; add {{/" + f.name + "}}");
            stack.pop_back();
        }
        // kainjow's own parser, for anything the walk above does not know (its messages have no line).
        if (diagnostics_.error_count() == errors_before) {
            kainjow::mustache::mustache parsed{file.text()};
            if (!parsed.is_valid()) error(file, 0, 1, "not a valid Mustache template: " + parsed.error_message());
        }
    }

    std::vector<std::string> partials() const { return {used_.begin(), used_.end()}; }

private:
    bool read_tag(const dsl::source_file& file, std::size_t open, tag& t) {
        const std::string& text = file.text();
        t.offset = static_cast<std::uint32_t>(open);
        const bool triple = text.compare(open, 3, "{{{") == 0;
        const std::string close = triple ? "}}}" : "}}";
        const std::size_t inner = open + (triple ? 3 : 2);
        const std::size_t end = text.find(close, inner);
        if (end == std::string::npos) {
            error(file, t.offset, 2, "this tag is not closed with '" + close + "'");
            return false;
        }
        t.length = static_cast<std::uint32_t>(end + close.size() - open);
        std::string_view body(text.data() + inner, end - inner);
        std::size_t name_start = inner;
        if (triple) {
            t.kind = 'u';
        } else if (!body.empty() && std::string_view("&#^/>!=").find(body.front()) != std::string_view::npos) {
            t.kind = body.front();
            body.remove_prefix(1);
            ++name_start;
        }
        const auto first = body.find_first_not_of(" \t\r\n");
        t.name_offset = static_cast<std::uint32_t>(name_start + (first == std::string_view::npos ? 0 : first));
        t.name = trim(body);
        if (t.kind == '&') t.kind = 'u';
        return true;
    }

    void on_tag(const dsl::source_file& file, const tag& t, std::vector<frame>& stack) {
        switch (t.kind) {
            case '!': return;
            case '=':
                error(file, t.offset, t.length, "changing the delimiters ({{=...=}}) is not supported in Folio templates");
                return;
            case '>': partial(file, t, stack); return;
            case '/': {
                if (stack.size() <= base_depth_.back()) {
                    error(file, t.name_offset, name_length(t), "'{{/" + t.name + "}}' closes no open section");
                    return;
                }
                if (stack.back().name != t.name) {
                    const auto lc = file.position(stack.back().offset);
                    error(file, t.name_offset, name_length(t),
                          "'{{/" + t.name + "}}' does not close the open section '{{#" + stack.back().name + "}}' (line " +
                              std::to_string(lc.line) + ")");
                }
                stack.pop_back();
                return;
            }
            default: break;
        }
        const schema_key* key = resolve(file, t, stack);
        if (t.kind == '#' || t.kind == '^') {
            frame f;
            f.name = t.name;
            f.offset = t.offset;
            // A section on an object or list enters it; on text or a flag (or an inverted section) it only tests.
            if (t.kind == '#' && key != nullptr && (key->kind == key_kind::object || key->kind == key_kind::list)) {
                f.node = key;
                f.path = context_path(stack, t.name);
            }
            stack.push_back(std::move(f));
            return;
        }
        if (key == nullptr) return;
        if (t.kind == 'u' && key->kind != key_kind::html) {
            error(file, t.name_offset, name_length(t),
                  "'" + t.name + "' holds text from the report or its data and must stay escaped: write {{" + t.name +
                      "}}, not {{{" + t.name + "}}}");
        } else if (t.kind == 'v' && key->kind == key_kind::html) {
            diagnostics_.warning(&file, {t.name_offset, name_length(t)},
                                 "'" + t.name + "' is HTML that Folio built: {{" + t.name +
                                     "}} shows its markup as text; write {{{" + t.name + "}}}");
        } else if (key->kind == key_kind::list || key->kind == key_kind::object) {
            const char* what = key->kind == key_kind::list ? "a list" : "an object";
            error(file, t.name_offset, name_length(t),
                  "'" + t.name + "' is " + what + ", not a value: write {{#" + t.name + "}}...{{/" + t.name + "}}");
        }
    }

    static std::uint32_t name_length(const tag& t) { return std::max<std::uint32_t>(1, static_cast<std::uint32_t>(t.name.size())); }

    static std::string context_path(const std::vector<frame>& stack, const std::string& name) {
        for (auto it = stack.rbegin(); it != stack.rend(); ++it)
            if (it->node != nullptr) {
                const schema_key* found = child(it->node, split(name).front());
                if (found != nullptr) return it->path.empty() ? name : it->path + "." + name;
            }
        return name;
    }

    // The key `t.name` names in the current stack, or null (after reporting an unknown key).
    const schema_key* resolve(const dsl::source_file& file, const tag& t, const std::vector<frame>& stack) {
        if (t.name == ".") return &current_item_;
        if (t.name.empty()) {
            error(file, t.offset, t.length, "empty tag: write a key name, such as {{title}}");
            return nullptr;
        }
        const std::vector<std::string> parts = split(t.name);
        for (auto it = stack.rbegin(); it != stack.rend(); ++it) {
            const schema_key* key = child(it->node, parts.front());
            if (key == nullptr) continue;
            for (std::size_t i = 1; i < parts.size(); ++i) {
                const schema_key* next = child(key, parts[i]);
                if (next == nullptr) {
                    unknown(file, t, parts[i], key, it->path.empty() ? parts.front() : it->path + "." + parts.front());
                    return nullptr;
                }
                key = next;
            }
            return key;
        }
        // Not found in any context: suggest among every name visible here.
        std::vector<std::string> visible;
        for (auto it = stack.rbegin(); it != stack.rend(); ++it)
            if (it->node != nullptr)
                for (const schema_key& c : it->node->children) visible.emplace_back(c.name);
        std::string message = "unknown key '" + t.name + "'";
        const std::string where = innermost_path(stack);
        if (!where.empty()) message += " in '" + where + "'";
        if (auto close = dsl::closest_match(parts.front(), visible)) {
            std::string suggestion = *close;
            for (std::size_t i = 1; i < parts.size(); ++i) suggestion += "." + parts[i];
            message += " (did you mean '" + suggestion + "'?)";
        }
        error(file, t.name_offset, name_length(t), message);
        return nullptr;
    }

    static std::string innermost_path(const std::vector<frame>& stack) {
        for (auto it = stack.rbegin(); it != stack.rend(); ++it)
            if (it->node != nullptr) return it->path;
        return {};
    }

    void unknown(const dsl::source_file& file, const tag& t, const std::string& part, const schema_key* parent,
                 const std::string& parent_path) {
        std::vector<std::string> names;
        for (const schema_key& c : parent->children) names.emplace_back(c.name);
        std::string message = "unknown key '" + t.name + "': '" + parent_path + "' has no '" + part + "'";
        if (auto close = dsl::closest_match(part, names)) {
            const std::string prefix = t.name.substr(0, t.name.size() - part.size());
            message += " (did you mean '" + prefix + *close + "'?)";
        }
        error(file, t.name_offset, name_length(t), message);
    }

    void partial(const dsl::source_file& file, const tag& t, std::vector<frame>& stack) {
        if (!is_partial_name(t.name)) {
            error(file, t.name_offset, name_length(t),
                  "'" + t.name + "' is not a partial name: use letters, digits, '_' and '-' (a partial is NAME.mustache in a template folder)");
            return;
        }
        if (key_names_.count(t.name) != 0) {
            error(file, t.name_offset, name_length(t),
                  "the partial '" + t.name + "' has the name of a view-model key, which would hide it: rename the partial");
            return;
        }
        const auto found = library_.find(t.name);
        if (!found) {
            std::string message = "unknown partial '" + t.name + "': no template folder and no built-in has " + t.name + ".mustache";
            if (auto close = dsl::closest_match(t.name, library_.names())) message += " (did you mean '" + *close + "'?)";
            error(file, t.name_offset, name_length(t), message);
            return;
        }
        if (std::find(chain_.begin(), chain_.end(), t.name) != chain_.end()) {
            error(file, t.name_offset, name_length(t), "the partial '" + t.name + "' includes itself");
            return;
        }
        used_.insert(t.name);
        chain_.push_back(t.name);
        base_depth_.push_back(stack.size());
        check(*found, stack);
        base_depth_.pop_back();
        chain_.pop_back();
    }

    void error(const dsl::source_file& file, std::uint32_t offset, std::uint32_t length, std::string message) {
        // A partial included from several places reports each problem once.
        if (!reported_.emplace(&file, offset, message).second) return;
        diagnostics_.error(&file, {offset, length}, std::move(message));
    }

    const template_library& library_;
    dsl::diagnostic_list& diagnostics_;
    std::set<std::string> key_names_;
    std::set<std::string> used_;
    std::vector<std::string> chain_;
    std::vector<std::size_t> base_depth_{1};
    std::set<std::tuple<const dsl::source_file*, std::uint32_t, std::string>> reported_;
    const schema_key current_item_{".", key_kind::text, "the current item", {}};
};

}  // namespace

std::vector<std::string> check_page(const dsl::source_file& page, const template_library& library,
                                    dsl::diagnostic_list& diagnostics) {
    checker c(library, diagnostics);
    std::vector<frame> stack{frame{&view_schema(), "", "", 0}};
    c.check(page, stack);
    return c.partials();
}

}  // namespace folio::templates::html

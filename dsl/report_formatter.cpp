// The canonical layout of a report definition (`folio fmt`).
//
// Works in three steps. First each declaration becomes output lines, each remembering
// the range of source bytes it prints, its indentation and whether it opens or closes
// a block. Then every comment is placed by its offset: a comment after the content of
// a line ends that line (or, written on its own line, goes before the next line); a
// comment inside the range of a line printed as one moves to its own line before it.
// Last, blank lines (between kinds of declarations and where the source had them)
// and alignment (`=` in runs of one-line declarations of a kind, trailing comments in
// runs of consecutive lines) are decided on the finished sequence, so a second run
// sees exactly the structure the first one printed: formatting is idempotent.
#include "folio/dsl/report_formatter.hpp"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <string_view>
#include <vector>

namespace folio::dsl {
namespace {

std::uint32_t end_of(source_span s) { return s.offset + s.length; }
std::uint32_t end_of(const formula_node& n) { return n.offset + n.length; }


// True when a and b are equal ignoring ASCII case.
bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const auto x = static_cast<unsigned char>(a[i]), y = static_cast<unsigned char>(b[i]);
        if ((x >= 'a' && x <= 'z' ? x - 32 : x) != (y >= 'a' && y <= 'z' ? y - 32 : y)) return false;
    }
    return true;
}

// How tightly an expression binds; an operand that binds less tightly than its place
// requires is printed in parentheses. `where` binds loosest, primaries tightest.
int precedence(const formula_node& n) {
    switch (n.kind) {
        case node_kind::where: return 0;
        case node_kind::binary:
            switch (n.bin) {
                case binary_op::equal: case binary_op::not_equal: case binary_op::less:
                case binary_op::less_equal: case binary_op::greater: case binary_op::greater_equal: return 1;
                case binary_op::concat: return 2;
                case binary_op::add: case binary_op::subtract: return 3;
                case binary_op::multiply: case binary_op::divide: return 4;
                case binary_op::power: return 5;
                case binary_op::range: return 8;
            }
            return 1;
        case node_kind::percent: return 6;
        case node_kind::unary: return 7;
        default: return 9;
    }
}

// An operator with the spaces the canonical layout puts around it (none around ':').
std::string spaced_operator(binary_op op) {
    if (op == binary_op::range) return ":";
    return " " + std::string(operator_text(op)) + " ";
}

// Prints expressions with an explicit stack, so that a left-deep chain of a million
// `+` cannot exhaust the call stack.
class expression_printer {
public:
    explicit expression_printer(std::string_view source) : source_(source) {}

    // Appends `root` to `out`.
    void print(const formula_node& root, std::string& out) {
        std::vector<task> stack;
        stack.push_back({&root, 0, {}});
        while (!stack.empty()) {
            task t = std::move(stack.back());
            stack.pop_back();
            if (!t.node) {
                out += t.literal;
                continue;
            }
            expand(*t.node, t.min_precedence, stack, out);
        }
    }

private:
    struct task {
        const formula_node* node;  // null: append `literal`
        int min_precedence;
        std::string literal;
    };

    // The source text of a node, or empty when there is none to trust.
    std::string_view span_text(const formula_node& n) const {
        if (n.length == 0 || std::size_t(n.offset) + n.length > source_.size()) return {};
        return source_.substr(n.offset, n.length);
    }

    std::string number_text(const formula_node& n) const {
        const std::string_view s = span_text(n);
        const bool looks_numeric = !s.empty() && s.find_first_not_of("0123456789.eE+-") == std::string_view::npos;
        if (looks_numeric) return std::string(s);
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%.17g", n.number);
        return buffer;
    }

    // The function name as written (the tree holds it in upper case).
    std::string call_name(const formula_node& n) const {
        const std::string_view s = span_text(n);
        const std::size_t paren = s.find('(');
        if (paren != std::string_view::npos) {
            std::string_view name = s.substr(0, paren);
            while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) name.remove_suffix(1);
            if (iequals(name, n.text)) return std::string(name);
        }
        return n.text;
    }

    void push_literal(std::vector<task>& stack, std::string text) { stack.push_back({nullptr, 0, std::move(text)}); }
    void push_node(std::vector<task>& stack, const formula_node* n, int min) { stack.push_back({n, min, {}}); }

    // Prints a leaf into `out`, or pushes the parts of a compound node (last part first).
    void expand(const formula_node& n, int min, std::vector<task>& stack, std::string& out) {
        if (precedence(n) < min) {
            push_literal(stack, ")");
            push_node(stack, &n, -1);
            push_literal(stack, "(");
            return;
        }
        switch (n.kind) {
            case node_kind::number: out += number_text(n); return;
            case node_kind::text: out += quote_text(n.text); return;
            case node_kind::boolean: {
                const std::string_view s = span_text(n);
                if (iequals(s, n.boolean ? "TRUE" : "FALSE")) out += s;
                else out += n.boolean ? "TRUE" : "FALSE";
                return;
            }
            case node_kind::error: out += n.text; return;
            case node_kind::reference: {
                const std::string_view s = span_text(n);
                if (!s.empty() && s.find_first_of(" \t\r\n") == std::string_view::npos) out += s;
                else out += reference_text(n);
                return;
            }
            case node_kind::name: out += n.text; return;
            case node_kind::omitted: return;
            case node_kind::unary:
                if (n.children.empty()) return;
                push_node(stack, n.children[0].get(), 7);
                push_literal(stack, n.un == unary_op::negate ? "-" : "+");
                return;
            case node_kind::percent:
                if (n.children.empty()) return;
                push_literal(stack, "%");
                push_node(stack, n.children[0].get(), 6);
                return;
            case node_kind::binary: {
                if (n.children.size() != 2) return;
                const int p = precedence(n);
                push_node(stack, n.children[1].get(), p + 1);
                push_literal(stack, spaced_operator(n.bin));
                push_node(stack, n.children[0].get(), p);
                return;
            }
            case node_kind::where:
                if (n.children.size() != 2) return;
                push_node(stack, n.children[1].get(), 1);
                push_literal(stack, " where ");
                push_node(stack, n.children[0].get(), 1);
                return;
            case node_kind::call:
                push_literal(stack, ")");
                for (std::size_t i = n.children.size(); i-- > 0;) {
                    push_node(stack, n.children[i].get(), 0);
                    if (i > 0) push_literal(stack, n.children[i]->kind == node_kind::omitted ? "," : ", ");
                }
                push_literal(stack, call_name(n) + "(");
                return;
            case node_kind::array: {
                push_literal(stack, "}");
                const std::size_t cols = n.array_cols == 0 ? 1 : n.array_cols;
                for (std::size_t i = n.children.size(); i-- > 0;) {
                    push_node(stack, n.children[i].get(), 0);
                    if (i > 0) push_literal(stack, i % cols == 0 ? "; " : ", ");
                }
                push_literal(stack, "{");
                return;
            }
        }
    }

    std::string_view source_;
};

// One line of output: code (with an optional trailing comment) or an own-line comment.
struct out_line {
    int indent = 0;
    std::string text;
    std::uint32_t begin = 0, end = 0;  // the source bytes it prints
    bool opens = false;                // ends with '{'
    bool closes = false;               // is '}'
    bool is_comment = false;
    bool kind_change = false;          // the first line of a declaration whose kind differs from the one before
    int align_kind = -1;               // a one-line declaration whose '=' may be aligned
    std::size_t name_end = 0;          // where that alignment pads
    const comment* trailing = nullptr;
    bool blank_before = false;
};

// True when `s` can be written bare: a letter, '_' or non-ASCII character, then
// letters, digits, '_' or non-ASCII characters (a schema column named otherwise is
// written as a string).
bool is_word(std::string_view s) {
    if (s.empty()) return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
        if (!letter && !(i > 0 && c >= '0' && c <= '9')) return false;
    }
    return true;
}

// Display width in code points, for alignment.
std::size_t width(std::string_view s) {
    std::size_t w = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++w;
    return w;
}

// True when the source bytes [a, b) contain an empty line.
bool has_blank_line(std::string_view source, std::uint32_t a, std::uint32_t b) {
    if (b > source.size()) b = static_cast<std::uint32_t>(source.size());
    bool after_newline = false;
    for (std::uint32_t i = a; i < b; ++i) {
        const char c = source[i];
        if (c == '\n') {
            if (after_newline) return true;
            after_newline = true;
        } else if (c != ' ' && c != '\t' && c != '\r') {
            after_newline = false;
        }
    }
    return false;
}

// A comment as printed: "//" and its text, without trailing spaces.
std::string comment_text(const comment& c) {
    std::string_view t = c.text;
    while (!t.empty() && (t.back() == ' ' || t.back() == '\t' || t.back() == '\r' || t.back() == '\n'))
        t.remove_suffix(1);
    return "//" + std::string(t);
}

// The canonical layout of one module (see the file comment for the three steps).
class layout {
public:
    explicit layout(const report_module& module)
        : module_(module), source_(module.file ? std::string_view(module.file->text()) : std::string_view()),
          printer_(source_) {}

    // The whole formatted text.
    std::string run() {
        std::optional<decl_kind> previous;
        for (const declaration& d : module_.declarations) {
            const std::size_t first = lines_.size();
            add_declaration(d);
            if (lines_.size() == first) continue;
            lines_[first].kind_change = previous && *previous != d.kind;
            previous = d.kind;
        }
        // Begins must not go backwards for the search below.
        for (std::size_t i = 1; i < lines_.size(); ++i) lines_[i].begin = std::max(lines_[i].begin, lines_[i - 1].begin);
        std::vector<out_line> items = place_comments();
        decide_blank_lines(items);
        align_equals(items);
        return render(items);
    }

private:
    // One expression as printed; "" for a missing one.
    std::string expr(const formula_node* n) {
        std::string s;
        if (n) printer_.print(*n, s);
        return s;
    }

    // Expressions separated by ", ".
    std::string expr_list(const std::vector<formula_ptr>& list) {
        std::string s;
        for (std::size_t i = 0; i < list.size(); ++i) {
            if (i > 0) s += ", ";
            if (list[i]) printer_.print(*list[i], s);
        }
        return s;
    }

    // Names separated by ", ".
    static std::string ident_list(const std::vector<identifier>& list) {
        std::string s;
        for (std::size_t i = 0; i < list.size(); ++i) {
            if (i > 0) s += ", ";
            s += list[i].text;
        }
        return s;
    }

    // `key: value, value`.
    std::string option_text(const option& o) { return o.key.text + ": " + expr_list(o.values); }

    // Options separated by ", ", as inside parentheses or an inline block.
    std::string option_list(const std::vector<option>& options) {
        std::string s;
        for (std::size_t i = 0; i < options.size(); ++i) {
            if (i > 0) s += ", ";
            s += option_text(options[i]);
        }
        return s;
    }

    // Appends a code line printing the source bytes [begin, end).
    out_line& add(int indent, std::string text, std::uint32_t begin, std::uint32_t end) {
        out_line l;
        l.indent = indent;
        l.text = std::move(text);
        l.begin = begin;
        l.end = std::max(begin, end);
        lines_.push_back(std::move(l));
        return lines_.back();
    }

    // The '}' that ends a block reaching to `block_end`.
    void add_close(int indent, std::uint32_t block_end) {
        out_line& l = add(indent, "}", block_end > 0 ? block_end - 1 : 0, block_end);
        l.closes = true;
    }

    // A block of `key: value` lines, the way it was written: inline when the first
    // option began on the line of the code before it (`header_end`), else one per line.
    bool options_inline(std::uint32_t header_end, const std::vector<option>& options) const {
        if (source_.empty() || options.empty()) return false;
        const std::uint32_t first = options.front().span.offset;
        if (first < header_end || first > source_.size()) return false;
        return source_.substr(header_end, first - header_end).find('\n') == std::string_view::npos;
    }

    // A declaration on one line: `keyword name` + rest; `alignable` lets its '=' line up.
    void add_one_line(const declaration& d, std::string keyword, std::string rest, bool alignable) {
        std::string text = keyword + " " + d.name.text;
        const std::size_t name_end = text.size();
        text += rest;
        out_line& l = add(0, std::move(text), d.span.offset, end_of(d.span));
        if (alignable) {
            l.align_kind = static_cast<int>(d.kind);
            l.name_end = name_end;
        }
    }

    // The lines of one declaration.
    void add_declaration(const declaration& d) {
        const std::uint32_t begin = d.span.offset, end = end_of(d.span);
        switch (d.kind) {
            case decl_kind::import:
                if (!d.import) return;
                add(0, "import " + quote_text(d.import->path) + (d.import->alias ? " as " + d.import->alias->text : ""),
                    begin, end);
                return;
            case decl_kind::theme:
                if (!d.theme) return;
                add(0, "theme " + quote_text(d.theme->path), begin, end);
                return;
            case decl_kind::param: {
                if (!d.param) return;
                std::string rest = ": " + d.param->type.text;
                if (d.param->default_value) rest += " = " + expr(d.param->default_value.get());
                add_one_line(d, "param", std::move(rest), false);
                return;
            }
            case decl_kind::source: add_source(d); return;
            case decl_kind::dimension:
                if (!d.dimension) return;
                add_one_line(d, "dimension", " = " + expr_list(d.dimension->columns), true);
                return;
            case decl_kind::filter:
                if (!d.filter) return;
                add_one_line(d, "filter", " = " + expr(d.filter->condition.get()), true);
                return;
            case decl_kind::metric: add_metric(d); return;
            case decl_kind::def: {
                if (!d.def) return;
                add_one_line(d, "def", "(" + ident_list(d.def->parameters) + ") = " + expr(d.def->body.get()), false);
                return;
            }
            case decl_kind::chart: {
                if (!d.chart) return;
                const chart_decl& c = *d.chart;
                std::string args = expr_list(c.metrics);
                if (!c.by.empty()) args += " by " + ident_list(c.by);
                // Options go inside the parentheses, where each takes one value; an
                // option with several values needs the block after them.
                const bool in_block = std::any_of(c.options.begin(), c.options.end(),
                                                  [](const option& o) { return o.values.size() != 1; });
                if (!c.options.empty() && !in_block) args += (args.empty() ? "" : ", ") + option_list(c.options);
                std::string rest = " = " + c.type.text + "(" + args + ")";
                if (in_block) rest += " { " + option_list(c.options) + " }";
                add_one_line(d, "chart", std::move(rest), true);
                return;
            }
            case decl_kind::report: add_report(d); return;
            case decl_kind::expect: {
                if (!d.expect) return;
                const expect_decl& e = *d.expect;
                std::string text = "expect " + expr(e.subject.get());
                if (e.low && e.high) text += " between " + expr(e.low.get()) + " and " + expr(e.high.get());
                add(0, std::move(text), begin, end);
                return;
            }
        }
    }

    // A source: one line, or a header, one line per schema column and '}'.
    void add_source(const declaration& d) {
        if (!d.source) return;
        const source_decl& s = *d.source;
        std::string call = s.kind.text + "(" + expr_list(s.arguments);
        if (!s.options.empty()) call += (s.arguments.empty() ? "" : ", ") + option_list(s.options);
        call += ")";
        if (!s.has_schema || s.schema.empty()) {
            add_one_line(d, "source", " = " + call + (s.has_schema ? " {}" : ""), !s.has_schema);
            return;
        }
        std::uint32_t header_end = std::max(end_of(d.name.span), end_of(s.kind.span));
        for (const auto& a : s.arguments)
            if (a) header_end = std::max(header_end, end_of(*a));
        for (const auto& o : s.options) header_end = std::max(header_end, end_of(o.span));
        add(0, "source " + d.name.text + " = " + call + " {", d.span.offset, header_end).opens = true;
        for (const column_decl& c : s.schema)
            add(2, (is_word(c.name.text) ? c.name.text : quote_text(c.name.text)) + ": " + c.type.text, c.name.span.offset,
                end_of(c.type.span));
        add_close(0, end_of(d.span));
    }

    // A metric: one line (options inline if written so), or a block of options.
    void add_metric(const declaration& d) {
        if (!d.metric) return;
        const metric_decl& m = *d.metric;
        const std::string head = " = " + expr(m.formula.get());
        if (m.options.empty()) {
            add_one_line(d, "metric", head, true);
            return;
        }
        const std::uint32_t header_end = m.formula ? end_of(*m.formula) : end_of(d.name.span);
        if (options_inline(header_end, m.options)) {
            add_one_line(d, "metric", head + " { " + option_list(m.options) + " }", true);
            return;
        }
        add(0, "metric " + d.name.text + head + " {", d.span.offset, header_end).opens = true;
        for (const option& o : m.options) add(2, option_text(o), o.span.offset, end_of(o.span));
        add_close(0, end_of(d.span));
    }

    // A report: its header, one line per block, '}'.
    void add_report(const declaration& d) {
        if (!d.report) return;
        const report_decl& r = *d.report;
        std::string head = "report " + d.name.text;
        std::uint32_t header_end = end_of(d.name.span);
        if (r.extends) {
            head += " extends " + r.extends->text;
            header_end = end_of(r.extends->span);
        }
        if (r.blocks.empty()) {
            add(0, head + " {}", d.span.offset, end_of(d.span));
            return;
        }
        add(0, head + " {", d.span.offset, header_end).opens = true;
        for (const report_block& b : r.blocks) add_block(b);
        add_close(0, end_of(d.span));
    }

    // One block of a report, indented by two.
    void add_block(const report_block& b) {
        const std::uint32_t begin = b.span.offset, end = end_of(b.span);
        switch (b.kind) {
            case block_kind::setting: add(2, option_text(b.setting), begin, end); return;
            case block_kind::chart: add(2, "chart " + b.target.text, begin, end); return;
            case block_kind::data: add(2, "data " + b.target.text, begin, end); return;
            case block_kind::text: add(2, "text " + quote_text(b.text), begin, end); return;
            case block_kind::table: {
                std::string head = "table";
                if (!b.by.empty()) head += " by " + ident_list(b.by);
                if (b.items.empty() && b.options.empty()) {
                    add(2, head + " {}", begin, end);
                    return;
                }
                std::string entries = expr_list(b.items);
                if (!b.options.empty()) entries += (entries.empty() ? "" : ", ") + option_list(b.options);
                // Inline when the first entry was written on the line of `table`; else the
                // metrics on one line and the options one per line.
                const std::uint32_t header_end = b.by.empty() ? begin + 5 : end_of(b.by.back().span);
                std::uint32_t first = end;
                if (!b.items.empty() && b.items.front()) first = std::min(first, b.items.front()->offset);
                if (!b.options.empty()) first = std::min(first, b.options.front().span.offset);
                const bool written_inline = !source_.empty() && first >= header_end && first <= source_.size() &&
                                            source_.substr(header_end, first - header_end).find('\n') == std::string_view::npos;
                if (written_inline) {
                    add(2, head + " { " + entries + " }", begin, end);
                    return;
                }
                add(2, head + " {", begin, header_end).opens = true;
                if (!b.items.empty()) {
                    const std::uint32_t items_begin = b.items.front() ? b.items.front()->offset : header_end;
                    const std::uint32_t items_end = b.items.back() ? end_of(*b.items.back()) : items_begin;
                    add(4, expr_list(b.items), items_begin, items_end);
                }
                for (const option& o : b.options) add(4, option_text(o), o.span.offset, end_of(o.span));
                add_close(2, end);
                return;
            }
        }
    }

    // Merges the module's comments into the code lines (see the file comment).
    std::vector<out_line> place_comments() {
        std::vector<const comment*> comments;
        for (const comment& c : module_.comments) comments.push_back(&c);
        std::stable_sort(comments.begin(), comments.end(),
                         [](const comment* a, const comment* b) { return a->span.offset < b->span.offset; });
        const std::size_t n = lines_.size();
        std::vector<std::vector<const comment*>> before(n + 1);
        for (const comment* c : comments) {
            const std::uint32_t at = c->span.offset;
            auto it = std::upper_bound(lines_.begin(), lines_.end(), at,
                                       [](std::uint32_t v, const out_line& l) { return v < l.begin; });
            if (it == lines_.begin()) {
                before[0].push_back(c);
                continue;
            }
            const std::size_t i = static_cast<std::size_t>(it - lines_.begin()) - 1;
            if (at < lines_[i].end) before[i].push_back(c);
            else if (!c->own_line && !lines_[i].trailing) lines_[i].trailing = c;
            else before[i + 1].push_back(c);
        }
        std::vector<out_line> items;
        items.reserve(n + comments.size());
        for (std::size_t i = 0; i <= n; ++i) {
            const int indent = i == n ? 0 : lines_[i].indent + (lines_[i].closes ? 2 : 0);
            for (const comment* c : before[i]) {
                out_line l;
                l.indent = indent;
                l.text = comment_text(*c);
                l.begin = c->span.offset;
                l.end = end_of(c->span);
                l.is_comment = true;
                items.push_back(std::move(l));
            }
            if (i < n) items.push_back(std::move(lines_[i]));
        }
        return items;
    }

    // A blank line where the source had one (not just inside '{' or before '}') and
    // before each declaration, with the comments just above it, whose kind differs
    // from the one before.
    void decide_blank_lines(std::vector<out_line>& items) const {
        for (std::size_t k = 1; k < items.size(); ++k) {
            const out_line& prev = items[k - 1];
            out_line& cur = items[k];
            if (prev.opens || cur.closes) continue;
            const std::uint32_t prev_end = prev.trailing ? std::max(prev.end, end_of(prev.trailing->span)) : prev.end;
            if (prev_end < cur.begin && has_blank_line(source_, prev_end, cur.begin)) cur.blank_before = true;
        }
        for (std::size_t k = 0; k < items.size(); ++k) {
            if (!items[k].kind_change) continue;
            std::size_t first = k;
            while (first > 0 && items[first - 1].is_comment) --first;
            if (first > 0) items[first].blank_before = true;
        }
    }

    // Pads names so that '=' lines up in runs of one-line declarations of one kind.
    static void align_equals(std::vector<out_line>& items) {
        std::size_t k = 0;
        while (k < items.size()) {
            if (items[k].align_kind < 0) {
                ++k;
                continue;
            }
            std::size_t end = k + 1;
            while (end < items.size() && items[end].align_kind == items[k].align_kind && !items[end].blank_before) ++end;
            if (end - k > 1) {
                std::size_t widest = 0;
                for (std::size_t i = k; i < end; ++i)
                    widest = std::max(widest, width(std::string_view(items[i].text).substr(0, items[i].name_end)));
                for (std::size_t i = k; i < end; ++i) {
                    const std::size_t w = width(std::string_view(items[i].text).substr(0, items[i].name_end));
                    items[i].text.insert(items[i].name_end, widest - w, ' ');
                }
            }
            k = end;
        }
    }

    // The text of the lines; trailing comments line up in runs of consecutive lines
    // that all have one.
    static std::string render(const std::vector<out_line>& items) {
        std::vector<std::size_t> comment_column(items.size(), 0);
        std::size_t k = 0;
        while (k < items.size()) {
            if (!items[k].trailing) {
                ++k;
                continue;
            }
            std::size_t end = k + 1;
            while (end < items.size() && items[end].trailing && !items[end].blank_before &&
                   items[end].indent == items[k].indent)
                ++end;
            std::size_t widest = 0;
            for (std::size_t i = k; i < end; ++i) widest = std::max(widest, items[i].indent + width(items[i].text));
            for (std::size_t i = k; i < end; ++i) comment_column[i] = widest + 2;
            k = end;
        }
        std::string out;
        for (std::size_t i = 0; i < items.size(); ++i) {
            const out_line& l = items[i];
            if (l.blank_before && i > 0) out += '\n';
            out.append(static_cast<std::size_t>(l.indent), ' ');
            out += l.text;
            if (l.trailing) {
                out.append(comment_column[i] - (l.indent + width(l.text)), ' ');
                out += comment_text(*l.trailing);
            }
            out += '\n';
        }
        return out;
    }

    const report_module& module_;
    std::string_view source_;
    expression_printer printer_;
    std::vector<out_line> lines_;
};

// --- same_syntax: the trees of two modules, spans aside ---

// True when two expressions are the same tree (offsets aside); iterative, for deep trees.
bool same_expression(const formula_node* a, const formula_node* b) {
    std::vector<std::pair<const formula_node*, const formula_node*>> stack{{a, b}};
    while (!stack.empty()) {
        auto [x, y] = stack.back();
        stack.pop_back();
        if (!x || !y) {
            if (x != y) return false;
            continue;
        }
        if (x->kind != y->kind || x->text != y->text || x->children.size() != y->children.size()) return false;
        switch (x->kind) {
            case node_kind::number:
                if (x->number != y->number && !(x->number != x->number && y->number != y->number)) return false;
                break;
            case node_kind::boolean: if (x->boolean != y->boolean) return false; break;
            case node_kind::binary: if (x->bin != y->bin) return false; break;
            case node_kind::unary: if (x->un != y->un) return false; break;
            case node_kind::reference:
                if (x->has_sheet != y->has_sheet || x->first.row != y->first.row || x->first.col != y->first.col ||
                    x->last.row != y->last.row || x->last.col != y->last.col ||
                    x->first.row_absolute != y->first.row_absolute || x->first.col_absolute != y->first.col_absolute ||
                    x->last.row_absolute != y->last.row_absolute || x->last.col_absolute != y->last.col_absolute)
                    return false;
                break;
            case node_kind::array:
                if (x->array_rows != y->array_rows || x->array_cols != y->array_cols) return false;
                break;
            default: break;
        }
        for (std::size_t i = 0; i < x->children.size(); ++i) stack.emplace_back(x->children[i].get(), y->children[i].get());
    }
    return true;
}

// True when two lists of expressions are the same, element by element.
bool same_list(const std::vector<formula_ptr>& a, const std::vector<formula_ptr>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (!same_expression(a[i].get(), b[i].get())) return false;
    return true;
}

// True when two lists of names have the same texts.
bool same_ids(const std::vector<identifier>& a, const std::vector<identifier>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].text != b[i].text) return false;
    return true;
}

// True when two options have the same key and values.
bool same_option(const option& a, const option& b) { return a.key.text == b.key.text && same_list(a.values, b.values); }

// True when two lists of options are the same, in order.
bool same_options(const std::vector<option>& a, const std::vector<option>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (!same_option(a[i], b[i])) return false;
    return true;
}

// True when two report blocks are the same.
bool same_block(const report_block& a, const report_block& b) {
    if (a.kind != b.kind) return false;
    switch (a.kind) {
        case block_kind::setting: return same_option(a.setting, b.setting);
        case block_kind::chart:
        case block_kind::data: return a.target.text == b.target.text;
        case block_kind::text: return a.text == b.text;
        case block_kind::table:
            return same_ids(a.by, b.by) && same_list(a.items, b.items) && same_options(a.options, b.options);
    }
    return false;
}

// True when both pointers are set or both are null.
template <class T>
bool both_or_neither(const std::unique_ptr<T>& a, const std::unique_ptr<T>& b) {
    return (a == nullptr) == (b == nullptr);
}

// True when two declarations are the same, spans aside.
bool same_declaration(const declaration& a, const declaration& b) {
    if (a.kind != b.kind || a.name.text != b.name.text) return false;
    if (!both_or_neither(a.import, b.import) || !both_or_neither(a.theme, b.theme) ||
        !both_or_neither(a.param, b.param) || !both_or_neither(a.source, b.source) ||
        !both_or_neither(a.dimension, b.dimension) || !both_or_neither(a.filter, b.filter) ||
        !both_or_neither(a.metric, b.metric) || !both_or_neither(a.def, b.def) || !both_or_neither(a.chart, b.chart) ||
        !both_or_neither(a.report, b.report) || !both_or_neither(a.expect, b.expect))
        return false;
    if (a.import && (a.import->path != b.import->path || a.import->alias.has_value() != b.import->alias.has_value() ||
                     (a.import->alias && a.import->alias->text != b.import->alias->text)))
        return false;
    if (a.theme && a.theme->path != b.theme->path) return false;
    if (a.param && (a.param->type.text != b.param->type.text ||
                    !same_expression(a.param->default_value.get(), b.param->default_value.get())))
        return false;
    if (a.source) {
        const source_decl &x = *a.source, &y = *b.source;
        if (x.kind.text != y.kind.text || !same_list(x.arguments, y.arguments) || !same_options(x.options, y.options) ||
            x.has_schema != y.has_schema || x.schema.size() != y.schema.size())
            return false;
        for (std::size_t i = 0; i < x.schema.size(); ++i)
            if (x.schema[i].name.text != y.schema[i].name.text || x.schema[i].type.text != y.schema[i].type.text)
                return false;
    }
    if (a.dimension && !same_list(a.dimension->columns, b.dimension->columns)) return false;
    if (a.filter && !same_expression(a.filter->condition.get(), b.filter->condition.get())) return false;
    if (a.metric && (!same_expression(a.metric->formula.get(), b.metric->formula.get()) ||
                     !same_options(a.metric->options, b.metric->options)))
        return false;
    if (a.def && (!same_ids(a.def->parameters, b.def->parameters) || !same_expression(a.def->body.get(), b.def->body.get())))
        return false;
    if (a.chart && (a.chart->type.text != b.chart->type.text || !same_list(a.chart->metrics, b.chart->metrics) ||
                    !same_ids(a.chart->by, b.chart->by) || !same_options(a.chart->options, b.chart->options)))
        return false;
    if (a.report) {
        const report_decl &x = *a.report, &y = *b.report;
        if (x.extends.has_value() != y.extends.has_value() || (x.extends && x.extends->text != y.extends->text) ||
            x.blocks.size() != y.blocks.size())
            return false;
        for (std::size_t i = 0; i < x.blocks.size(); ++i)
            if (!same_block(x.blocks[i], y.blocks[i])) return false;
    }
    if (a.expect && (!same_expression(a.expect->subject.get(), b.expect->subject.get()) ||
                     !same_expression(a.expect->low.get(), b.expect->low.get()) ||
                     !same_expression(a.expect->high.get(), b.expect->high.get())))
        return false;
    return true;
}

}  // namespace

std::string format_report(const report_module& module) { return layout(module).run(); }

std::string format_expression(const formula_node& node, const source_file* file) {
    std::string out;
    expression_printer(file ? std::string_view(file->text()) : std::string_view()).print(node, out);
    return out;
}

bool same_syntax(const report_module& a, const report_module& b) {
    if (a.declarations.size() != b.declarations.size() || a.comments.size() != b.comments.size()) return false;
    for (std::size_t i = 0; i < a.declarations.size(); ++i)
        if (!same_declaration(a.declarations[i], b.declarations[i])) return false;
    for (std::size_t i = 0; i < a.comments.size(); ++i)
        if (comment_text(a.comments[i]) != comment_text(b.comments[i])) return false;
    return true;
}

}  // namespace folio::dsl

// Builds a report_module from the PEGTL grammar in report_grammar.hpp.
//
// The parser runs the grammar once per declaration with the actions of
// report_actions.hpp, and raises the messages of the table below. A syntax error ends the declaration with one diagnostic, and parsing
// resumes at the next line that starts in column 1 with a declaration keyword, so a
// run reports one error per broken declaration and no cascades.
//
// Comments are collected by a separate scan of the text (outside string literals,
// `//` to the end of the line), which is what the grammar skips as whitespace.
// Limits keep every input cheap: nesting of expressions (max_nesting_depth),
// operators per declaration (max_operators) and syntax errors per file.
#include "folio/dsl/report_parser.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

#include "expression_actions.hpp"
#include "folio/dsl/formula_parser.hpp"
#include "report_actions.hpp"
#include "report_grammar.hpp"
#include "utf8.hpp"

namespace folio::dsl {
namespace {

namespace pegtl = tao::pegtl;
namespace g = grammar;
namespace rg = report_grammar;
namespace ea = expression_actions;

// More operators than this in one declaration is no report but a tree too deep for
// the recursive passes after the parser (a chain a+b+c+... nests as deep as it is
// long); nesting of parentheses and calls is bounded by max_nesting_depth.
constexpr std::size_t max_operators = 1000;
// After this many syntax errors the rest of the file is not parsed.
constexpr std::size_t max_syntax_errors = 50;

// A syntax error: where, what, and the rule kind for notes.
struct syntax_failure {
    const char* at = nullptr;
    std::string message;
    const char* block = nullptr;  // for a missing '}': what the block holds ("report", "table", ...)
};

using report_actions::report_state;
using report_actions::action;

// ---------------------------------------------------------------------------
// Error messages for the rules under must<>.

template <class Rule> inline constexpr const char* message = nullptr;
template <> inline constexpr const char* message<rg::declaration> =
    "expected a declaration (import, theme, param, source, dimension, filter, metric, def, chart, report or expect)";
template <> inline constexpr const char* message<rg::declaration_end> = "expected the end of the line";

template <> inline constexpr const char* message<rg::decl_name<rg::kw_param>> = "expected a name after 'param'";
template <> inline constexpr const char* message<rg::decl_name<rg::kw_source>> = "expected a name after 'source'";
template <> inline constexpr const char* message<rg::decl_name<rg::kw_dimension>> = "expected a name after 'dimension'";
template <> inline constexpr const char* message<rg::decl_name<rg::kw_filter>> = "expected a name after 'filter'";
template <> inline constexpr const char* message<rg::decl_name<rg::kw_metric>> = "expected a name after 'metric'";
template <> inline constexpr const char* message<rg::decl_name<rg::kw_def>> = "expected a name after 'def'";
template <> inline constexpr const char* message<rg::decl_name<rg::kw_chart>> = "expected a name after 'chart'";
template <> inline constexpr const char* message<rg::decl_name<rg::kw_report>> = "expected a name after 'report'";
template <> inline constexpr const char* message<rg::decl_equals<rg::kw_source>> = "expected '=' after the source name";
template <> inline constexpr const char* message<rg::decl_equals<rg::kw_dimension>> = "expected '=' after the dimension name";
template <> inline constexpr const char* message<rg::decl_equals<rg::kw_filter>> = "expected '=' after the filter name";
template <> inline constexpr const char* message<rg::decl_equals<rg::kw_metric>> = "expected '=' after the metric name";
template <> inline constexpr const char* message<rg::decl_equals<rg::kw_def>> = "expected '=' after the def's parameters";
template <> inline constexpr const char* message<rg::decl_equals<rg::kw_chart>> = "expected '=' after the chart name";

template <> inline constexpr const char* message<rg::option_colon> = "expected ':' after the option name";
template <> inline constexpr const char* message<rg::option_value> = "expected a value after ':'";
template <> inline constexpr const char* message<rg::option_next_value> = "expected a value after ','";
template <> inline constexpr const char* message<rg::nested_option_value> = "expected a value after ':'";
template <> inline constexpr const char* message<rg::options_close> = "expected an option (name: value) or '}'";

template <> inline constexpr const char* message<rg::import_path> = "expected a quoted path after 'import'";
template <> inline constexpr const char* message<rg::import_alias> = "expected a name after 'as'";
template <> inline constexpr const char* message<rg::theme_path> = "expected a quoted path after 'theme'";
template <> inline constexpr const char* message<rg::param_colon> = "expected ':' and a type after the param name";
template <> inline constexpr const char* message<rg::param_type> = "expected a type (number, text, bool or date) after ':'";
template <> inline constexpr const char* message<rg::param_default> = "expected a default value after '='";
template <> inline constexpr const char* message<rg::source_kind> = "expected a source kind such as csv(...) after '='";
template <> inline constexpr const char* message<rg::source_open> = "expected '(' after the source kind";
template <> inline constexpr const char* message<rg::source_next_argument> = "expected an argument after ','";
template <> inline constexpr const char* message<rg::source_close> = "expected ',' or ')' after the source argument";
template <> inline constexpr const char* message<rg::column_colon> = "expected ':' after the column name";
template <> inline constexpr const char* message<rg::column_type> = "expected a type (number, text, bool or date) after ':'";
template <> inline constexpr const char* message<rg::schema_close> = "expected a column (name: type) or '}'";
template <> inline constexpr const char* message<rg::dimension_column> = "expected a column such as source.column after '='";
template <> inline constexpr const char* message<rg::dimension_next_column> = "expected a column after ','";
template <> inline constexpr const char* message<rg::filter_condition> = "expected a condition after '='";
template <> inline constexpr const char* message<rg::metric_formula> = "expected a formula after '='";
template <> inline constexpr const char* message<rg::def_open> = "expected '(' and the parameters after the def name";
template <> inline constexpr const char* message<rg::def_next_parameter> = "expected a parameter name after ','";
template <> inline constexpr const char* message<rg::def_close> = "expected ',' or ')' after the parameter";
template <> inline constexpr const char* message<rg::def_body> = "expected a formula after '='";
template <> inline constexpr const char* message<rg::chart_type> = "expected a chart type such as line(...) after '='";
template <> inline constexpr const char* message<rg::chart_open> = "expected '(' after the chart type";
template <> inline constexpr const char* message<rg::chart_metric> = "expected a metric after '('";
template <> inline constexpr const char* message<rg::chart_next_metric> = "expected a metric after ','";
template <> inline constexpr const char* message<rg::chart_dimension> = "expected a dimension after 'by'";
template <> inline constexpr const char* message<rg::chart_next_dimension> = "expected a dimension after ','";
template <> inline constexpr const char* message<rg::chart_option> = "expected an option (name: value) after ','";
template <> inline constexpr const char* message<rg::chart_close> = "expected ',', 'by' or ')' in the chart";
template <> inline constexpr const char* message<rg::chart_reference> = "expected a chart name after 'chart'";
template <> inline constexpr const char* message<rg::data_reference> = "expected a source name after 'data'";
template <> inline constexpr const char* message<rg::text_string> = "expected a quoted text after 'text'";
template <> inline constexpr const char* message<rg::table_dimension> = "expected a dimension after 'by'";
template <> inline constexpr const char* message<rg::table_next_dimension> = "expected a dimension after ','";
template <> inline constexpr const char* message<rg::table_open> = "expected '{' and the table's metrics";
template <> inline constexpr const char* message<rg::table_close> = "expected a metric, an option (name: value) or '}'";
template <> inline constexpr const char* message<rg::extends_name> = "expected a report name after 'extends'";
template <> inline constexpr const char* message<rg::report_open> = "expected '{' after the report name";
template <> inline constexpr const char* message<rg::report_close> =
    "expected a report block (a setting such as 'title:', chart, table, data or text) or '}'";
template <> inline constexpr const char* message<rg::expect_subject> = "expected a condition or a metric after 'expect'";
template <> inline constexpr const char* message<rg::expect_low> = "expected a lower bound after 'between'";
template <> inline constexpr const char* message<rg::expect_and> = "expected 'and' after the lower bound";
template <> inline constexpr const char* message<rg::expect_high> = "expected an upper bound after 'and'";
// The shared expression rule whose formula message mentions references (a report has none).
template <> inline constexpr const char* message<rg::nested_expression> = "expected a value, a name, a function call or '('";

// What to say when `Rule` is missing: the report's message, else the expression's.
template <class Rule>
constexpr const char* message_for() {
    if constexpr (message<Rule> != nullptr) return message<Rule>;
    else if constexpr (ea::error_message<Rule> != nullptr) return ea::error_message<Rule>;
    else return "syntax error";
}

// For the rules that close a block: what the block holds, for "expected '}' to close the ...".
template <class Rule> inline constexpr const char* block_of = nullptr;
template <> inline constexpr const char* block_of<rg::options_close> = "options";
template <> inline constexpr const char* block_of<rg::schema_close> = "schema";
template <> inline constexpr const char* block_of<rg::table_close> = "table";
template <> inline constexpr const char* block_of<rg::report_close> = "report";

// ---------------------------------------------------------------------------
// Control: errors as syntax_failure, and the limits.

template <class Input>
void check_operators(const Input& in, const report_state& st) {
    if (st.operators > max_operators)
        throw syntax_failure{in.current(), "the expression is too long (more than " + std::to_string(max_operators) + " operators)"};
}

template <class Rule>
struct raising : pegtl::normal<Rule> {
    template <class Input, class... States>
    [[noreturn]] static void raise(const Input& in, States&&...) {
        throw syntax_failure{in.current(), message_for<Rule>(), block_of<Rule>};
    }
    template <class Input>
    static void success(const Input& in, report_state& st) { check_operators(in, st); }
};

template <class Rule>
struct control : raising<Rule> {};

template <class Rule>
struct depth_guard : raising<Rule> {
    template <class Input>
    static void start(const Input& in, report_state& st) {
        if (++st.depth > max_nesting_depth)
            throw syntax_failure{in.current(), "the expression is nested too deeply (more than " +
                                                   std::to_string(max_nesting_depth) + " levels)"};
    }
    template <class Input>
    static void success(const Input& in, report_state& st) {
        --st.depth;
        check_operators(in, st);
    }
    template <class Input>
    static void failure(const Input&, report_state& st) { --st.depth; }
};

template <class D> struct control<g::expression<D>> : depth_guard<g::expression<D>> {};
template <class D> struct control<g::signed_expr<D>> : depth_guard<g::signed_expr<D>> {};

// ---------------------------------------------------------------------------
// The driver: declarations one by one, comments, recovery.

using input = pegtl::memory_input<pegtl::tracking_mode::lazy, pegtl::eol::lf_crlf, const char*>;

// True if `rule` matches at `p` (without actions).
template <class Rule>
bool matches_at(const char* p, const char* end) {
    input in(p, end, "");
    try {
        return pegtl::parse<Rule>(in);
    } catch (const pegtl::parse_error&) {
        return false;
    }
}

// Collects the `//` comments outside string literals (which end at their line's end).
std::vector<comment> scan_comments(std::string_view text, std::size_t start) {
    std::vector<comment> out;
    bool in_string = false;
    bool line_blank = true;
    for (std::size_t i = start; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\n') {
            in_string = false;
            line_blank = true;
            continue;
        }
        if (in_string) {
            if (c == '"') in_string = false;  // "" reopens at once
            continue;
        }
        if (c == '"') {
            in_string = true;
            line_blank = false;
        } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') {
            std::size_t end = text.find('\n', i);
            if (end == std::string_view::npos) end = text.size();
            if (end > i && text[end - 1] == '\r') --end;
            comment cm;
            cm.text = std::string(text.substr(i + 2, end - i - 2));
            cm.span = {static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(end - i)};
            cm.own_line = line_blank;
            out.push_back(std::move(cm));
            i = end - 1;
            line_blank = false;
        } else if (c != ' ' && c != '\t' && c != '\r') {
            line_blank = false;
        }
    }
    return out;
}

bool is_word_byte(unsigned char c) { return std::isalnum(c) || c == '_' || c >= 0x80; }

class report_parser {
public:
    report_parser(std::shared_ptr<const source_file> file, diagnostic_list& diagnostics)
        : file_(std::move(file)), diagnostics_(diagnostics), text_(file_->text()) {}

    // Parses the whole file into `module`.
    report_module run() {
        report_module module;
        module.file = file_;
        if (text_.size() >= 0xFFFFFFF0u) {
            diagnostics_.error(file_.get(), {0, 0}, "the file is too large (4 GiB or more)");
            return module;
        }
        std::size_t pos = text_.starts_with("\xEF\xBB\xBF") ? 3 : 0;
        module.comments = scan_comments(text_, pos);
        comments_ = &module.comments;
        report_state st;
        st.text = text_;
        const char* const begin = text_.data();
        const char* const end = begin + text_.size();
        std::size_t errors = 0;
        while (true) {
            pos = skip_between(pos);
            if (pos >= text_.size()) break;
            st.reset();
            input in(begin + pos, end, file_->path().c_str());
            try {
                pegtl::parse<rg::declaration_line, action, control>(in, st);
                module.declarations.push_back(std::move(st.current));
                pos = static_cast<std::size_t>(in.current() - begin);
                continue;
            } catch (const syntax_failure& e) {
                report(pos, static_cast<std::size_t>(e.at - begin), e.message, e.block, st.open_braces);
                pos = resume_after(pos, static_cast<std::size_t>(e.at - begin));
            } catch (const pegtl::parse_error& e) {
                const std::size_t at = pos + e.positions().front().byte;
                report(pos, at, std::string(e.message()), nullptr, st.open_braces);
                pos = resume_after(pos, at);
            }
            if (++errors == max_syntax_errors) {
                if (pos < text_.size())
                    diagnostics_.error(file_.get(), {static_cast<std::uint32_t>(pos), 0}, "too many syntax errors; stopping here");
                break;
            }
        }
        return module;
    }

private:
    // Skips blank lines, spaces and comments from `pos`.
    std::size_t skip_between(std::size_t pos) const {
        input in(text_.data() + pos, text_.data() + text_.size(), "");
        pegtl::parse<rg::between_declarations>(in);
        return static_cast<std::size_t>(in.current() - text_.data());
    }

    // True if a line starts at `pos` with a declaration keyword in column 1.
    bool declaration_line_at(std::size_t pos) const {
        return matches_at<rg::decl_start>(text_.data() + pos, text_.data() + text_.size());
    }

    // Where to go on after an error at `at` in the declaration that started at `start`:
    // the error's own line if it is a declaration line after `start`, else the next one.
    std::size_t resume_after(std::size_t start, std::size_t at) const {
        std::size_t line = at;
        while (line > 0 && text_[line - 1] != '\n') --line;
        if (line > start && line == at && declaration_line_at(line)) return line;
        std::size_t next = at;
        while (true) {
            next = text_.find('\n', next);
            if (next == std::string_view::npos) return text_.size();
            ++next;
            if (declaration_line_at(next)) return next;
        }
    }

    // The end of the last token before `at`, skipping space, line breaks and comments.
    std::size_t previous_token_end(std::size_t at, std::size_t floor) const {
        std::size_t p = at;
        while (p > floor) {
            const char c = text_[p - 1];
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                --p;
                continue;
            }
            const auto it = std::lower_bound(comments_->begin(), comments_->end(), p, [](const comment& cm, std::size_t v) {
                return cm.span.offset + cm.span.length < v;
            });
            if (it != comments_->end() && it->span.offset + it->span.length == p && it->span.offset >= floor) {
                p = it->span.offset;
                continue;
            }
            break;
        }
        return p;
    }

    // Length of the token at `at` for the underline: a word, one character, or nothing
    // at the end of a line.
    std::uint32_t token_length(std::size_t at) const {
        if (at >= text_.size() || text_[at] == '\n' || text_[at] == '\r') return 0;
        std::size_t p = at;
        while (p < text_.size() && p - at < 64 && is_word_byte(static_cast<unsigned char>(text_[p]))) {
            const utf8::decoded d = utf8::decode(text_, p);
            if (!d.valid) break;
            p += d.length;
        }
        if (p == at) p = at + utf8::decode(text_, at).length;
        return static_cast<std::uint32_t>(p - at);
    }

    // Describes a byte that no rule accepts, or returns nothing for ordinary text.
    std::optional<std::string> bad_character(std::size_t at) const {
        if (at >= text_.size()) return std::nullopt;
        const unsigned char c = static_cast<unsigned char>(text_[at]);
        if (c >= 0x80) {
            if (!utf8::decode(text_, at).valid) return std::string("invalid UTF-8 byte");
            return std::nullopt;
        }
        if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) {
            if (c == '\r' && at + 1 < text_.size() && text_[at + 1] == '\n') return std::nullopt;
            char buffer[48];
            std::snprintf(buffer, sizeof buffer, "unexpected character U+%04X", static_cast<unsigned>(c));
            return std::string(buffer);
        }
        return std::nullopt;
    }

    // Adds the diagnostic for an error at `at` in the declaration that started at `start`.
    void report(std::size_t start, std::size_t at, std::string message, const char* block,
                const std::vector<std::uint32_t>& braces) {
        at = std::min(at, text_.size());
        diagnostic d;
        d.level = severity::error;
        d.file = file_.get();
        if (auto bad = bad_character(at)) {
            d.span = {static_cast<std::uint32_t>(at), 1};
            d.message = std::move(*bad);
            diagnostics_.add(std::move(d));
            return;
        }
        const bool at_line_end = at >= text_.size() || text_[at] == '\n' || text_[at] == '\r';
        const bool expected = message.starts_with("expected");
        if (at == start && message == message_for<rg::declaration>()) {
            const std::size_t length = token_length(at);
            const std::string word(text_.substr(at, length));
            static const std::vector<std::string> keywords = {"import", "theme",  "param", "source",
                                                              "dimension", "filter", "metric", "def",
                                                              "chart",  "report", "expect"};
            if (length > 0 && is_word_byte(static_cast<unsigned char>(word[0]))) {
                if (auto close = closest_match(word, keywords))
                    d.notes.push_back({"did you mean '" + *close + "'?", nullptr, {}});
            }
        }
        if (message == message_for<rg::declaration_end>() && !at_line_end) {
            message = "unexpected '" + std::string(text_.substr(at, token_length(at))) + "': expected the end of the line";
        }
        // Something missing at the end of a line is reported after the last token, as
        // "expected ';'" is; an unexpected token is reported where it is.
        std::size_t where = at;
        if (expected && at_line_end) where = previous_token_end(at, start);
        if (block != nullptr && !braces.empty()) {
            // A block that meets the next declaration or the end of the file is unclosed.
            if (at >= text_.size() || (at_line_end && declaration_line_at(next_line(at)))) {
                message = std::string("expected '}' to close the ") + block;
                d.notes.push_back({"the block opens here", file_.get(), {braces.back(), 1}});
            }
        }
        d.span = {static_cast<std::uint32_t>(where), where == at ? token_length(at) : 0};
        d.message = std::move(message);
        diagnostics_.add(std::move(d));
    }

    // The start of the line after the one holding `at` (the end of the text if none).
    std::size_t next_line(std::size_t at) const {
        const std::size_t nl = text_.find('\n', at);
        return nl == std::string_view::npos ? text_.size() : nl + 1;
    }

    std::shared_ptr<const source_file> file_;
    diagnostic_list& diagnostics_;
    std::string_view text_;
    const std::vector<comment>* comments_ = nullptr;
};

}  // namespace

report_module parse_report(std::shared_ptr<const source_file> file, diagnostic_list& diagnostics) {
    return report_parser(std::move(file), diagnostics).run();
}

}  // namespace folio::dsl

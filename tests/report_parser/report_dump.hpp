// A printed form of the report syntax tree for the parser tests: one line per
// declaration, expressions fully parenthesised, calls upper case as the parser
// stores them, e.g.
//   metric NPS = (PCT(promoters)-PCT(detractors)) {label: "Net Promoter Score"; target: 40}
//   report executive {title: "Customer health" | chart nps_trend | table by region {NPS, CSAT}}
#pragma once

#include <sstream>
#include <string>

#include "folio/dsl/report_ast.hpp"
#include "folio/dsl/report_parser.hpp"

namespace folio::test {

inline std::string dump(const dsl::formula_node& n);

inline std::string dump_list(const std::vector<dsl::formula_ptr>& list, const char* sep = ", ") {
    std::string s;
    for (std::size_t i = 0; i < list.size(); ++i) s += (i ? sep : "") + dump(*list[i]);
    return s;
}

inline std::string dump(const dsl::formula_node& n) {
    using dsl::binary_op;
    using dsl::node_kind;
    switch (n.kind) {
        case node_kind::number: {
            std::ostringstream s;
            s << n.number;
            return s.str();
        }
        case node_kind::text: return "\"" + n.text + "\"";
        case node_kind::boolean: return n.boolean ? "TRUE" : "FALSE";
        case node_kind::error: return n.text;
        case node_kind::reference: return "ref:" + dsl::reference_text(n);
        case node_kind::name: return n.text;
        case node_kind::omitted: return "_";
        case node_kind::unary: return std::string(n.un == dsl::unary_op::negate ? "neg" : "pos") + "(" + dump(*n.children[0]) + ")";
        case node_kind::percent: return "percent(" + dump(*n.children[0]) + ")";
        case node_kind::where: return dump(*n.children[0]) + " where " + dump(*n.children[1]);
        case node_kind::call: return n.text + "(" + dump_list(n.children, ",") + ")";
        case node_kind::array: return "{" + std::to_string(n.array_rows) + "x" + std::to_string(n.array_cols) + ":" + dump_list(n.children, ",") + "}";
        case node_kind::binary: {
            static const char* const ops[] = {"+", "-", "*", "/", "^", "&", "=", "<>", "<", "<=", ">", ">=", ":"};
            return "(" + dump(*n.children[0]) + ops[static_cast<int>(n.bin)] + dump(*n.children[1]) + ")";
        }
    }
    return "?";
}

inline std::string dump(const dsl::option& o) { return o.key.text + ": " + dump_list(o.values); }

inline std::string dump_options(const std::vector<dsl::option>& options) {
    std::string s;
    for (std::size_t i = 0; i < options.size(); ++i) s += (i ? "; " : "") + dump(options[i]);
    return s;
}

inline std::string dump_words(const std::vector<dsl::identifier>& words) {
    std::string s;
    for (std::size_t i = 0; i < words.size(); ++i) s += (i ? ", " : "") + words[i].text;
    return s;
}

inline std::string dump(const dsl::report_block& b) {
    switch (b.kind) {
        case dsl::block_kind::setting: return dump(b.setting);
        case dsl::block_kind::chart: return "chart " + b.target.text;
        case dsl::block_kind::data: return "data " + b.target.text;
        case dsl::block_kind::text: return "text \"" + b.text + "\"";
        case dsl::block_kind::table: {
            std::string s = "table";
            if (!b.by.empty()) s += " by " + dump_words(b.by);
            s += " {" + dump_list(b.items);
            if (!b.options.empty()) s += "; " + dump_options(b.options);
            return s + "}";
        }
    }
    return "?";
}

inline std::string dump(const dsl::declaration& d) {
    using dsl::decl_kind;
    const std::string name = d.name.text;
    switch (d.kind) {
        case decl_kind::import: return "import \"" + d.import->path + "\"" + (d.import->alias ? " as " + d.import->alias->text : "");
        case decl_kind::theme: return "theme \"" + d.theme->path + "\"";
        case decl_kind::param:
            return "param " + name + ": " + d.param->type.text +
                   (d.param->default_value ? " = " + dump(*d.param->default_value) : "");
        case decl_kind::source: {
            std::string s = "source " + name + " = " + d.source->kind.text + "(" + dump_list(d.source->arguments);
            if (!d.source->options.empty()) s += "; " + dump_options(d.source->options);
            s += ")";
            if (d.source->has_schema) {
                s += " {";
                for (std::size_t i = 0; i < d.source->schema.size(); ++i)
                    s += (i ? ", " : "") + d.source->schema[i].name.text + ": " + d.source->schema[i].type.text;
                s += "}";
            }
            return s;
        }
        case decl_kind::dimension: return "dimension " + name + " = " + dump_list(d.dimension->columns);
        case decl_kind::filter: return "filter " + name + " = " + dump(*d.filter->condition);
        case decl_kind::metric: {
            std::string s = "metric " + name + " = " + dump(*d.metric->formula);
            if (!d.metric->options.empty()) s += " {" + dump_options(d.metric->options) + "}";
            return s;
        }
        case decl_kind::def: return "def " + name + "(" + dump_words(d.def->parameters) + ") = " + dump(*d.def->body);
        case decl_kind::chart: {
            std::string s = "chart " + name + " = " + d.chart->type.text + "(" + dump_list(d.chart->metrics);
            if (!d.chart->by.empty()) s += " by " + dump_words(d.chart->by);
            if (!d.chart->options.empty()) s += "; " + dump_options(d.chart->options);
            return s + ")";
        }
        case decl_kind::report: {
            std::string s = "report " + name + (d.report->extends ? " extends " + d.report->extends->text : "") + " {";
            for (std::size_t i = 0; i < d.report->blocks.size(); ++i) s += (i ? " | " : "") + dump(d.report->blocks[i]);
            return s + "}";
        }
        case decl_kind::expect:
            return "expect " + dump(*d.expect->subject) +
                   (d.expect->low ? " between " + dump(*d.expect->low) + " and " + dump(*d.expect->high) : "");
    }
    return "?";
}

inline std::string dump(const dsl::report_module& m) {
    std::string s;
    for (const auto& d : m.declarations) s += dump(d) + "\n";
    return s;
}

// The result of parsing `text` as "r.folio": the module and its diagnostics.
struct parsed_report {
    std::shared_ptr<dsl::source_file> file;
    dsl::diagnostic_list diagnostics;
    dsl::report_module module;
};

inline parsed_report parse(std::string text) {
    parsed_report r;
    r.file = std::make_shared<dsl::source_file>("r.folio", std::move(text));
    r.module = dsl::parse_report(r.file, r.diagnostics);
    r.diagnostics.sort();
    return r;
}

// The printed tree of `text`, or its first diagnostic as "error@line:col: message".
inline std::string parsed(std::string text) {
    parsed_report r = parse(std::move(text));
    if (!r.diagnostics.items().empty()) {
        const auto& d = r.diagnostics.items().front();
        const auto pos = r.file->position(d.span.offset);
        return "error@" + std::to_string(pos.line) + ":" + std::to_string(pos.column) + ": " + d.message;
    }
    std::string s = dump(r.module);
    if (!s.empty()) s.pop_back();  // the last "\n"
    return s;
}

}  // namespace folio::test

// Row-level expressions of one source compiled into a list of nodes and evaluated a
// batch at a time: every node turns into a typed vector over the batch's rows, so a
// filter like `surveys.score >= 9` costs one tight loop per batch, shared by every
// aggregate that uses it (equal expressions are one node).
//
// Semantics are Excel's, with one rule for missing data: a comparison with a blank
// cell (a null in the data) is FALSE, except that blank `=` blank or "" is TRUE and
// `<>` is the opposite of `=`, as COUNTIFS criteria and SQL conditions treat missing
// values. Arithmetic takes blank as 0, as Excel does.
#pragma once

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

#include "folio/engine/data/table.hpp"
#include "folio/engine/function.hpp"
#include "folio/engine/report/report_model.hpp"
#include "row_vector.hpp"

namespace folio::eval {

class row_program {
public:
    static constexpr std::size_t omitted = static_cast<std::size_t>(-1);

    // A column the program reads, by the name the report uses.
    struct column_ref {
        std::string name;
        report::location loc;    // where it was first named
        std::size_t index = omitted;  // its position in the batches, once bound
    };

    row_program(const report::checked_program& program, const std::vector<value>& params, call_context& ctx);

    /// Adds a row-level expression (equal expressions share a node); returns its node.
    std::size_t add(const report::expr& e);

    /// Returns the columns read, to be bound to positions in the batches.
    std::vector<column_ref>& columns() { return columns_; }
    const std::vector<column_ref>& columns() const { return columns_; }

    /// Returns the number of nodes.
    std::size_t size() const { return nodes_.size(); }

    /// Returns the node's constant value when it does not depend on the row.
    const value* constant(std::size_t node) const;

    /// Evaluates every node over `batch`, whose columns are at the bound positions; out[i] holds node i.
    void evaluate(const data::table& batch, std::vector<row_vector>& out);

private:
    enum class op : std::uint8_t { constant, column, unary, percent, binary, function };

    struct node {
        op kind = op::constant;
        value constant;
        std::size_t column = omitted;
        dsl::binary_op bin = dsl::binary_op::add;
        dsl::unary_op un = dsl::unary_op::negate;
        const registered_function* function = nullptr;
        std::vector<std::size_t> children;  // `omitted` for an omitted argument
    };

    // Comparison results per text code of one dictionary, for codes [0, results.size()).
    struct text_cache {
        const data::string_pool* pool = nullptr;
        std::vector<std::int8_t> results;
    };

    const report::checked_program& program_;
    const std::vector<value>& params_;
    call_context& ctx_;
    std::vector<node> nodes_;
    std::vector<column_ref> columns_;
    std::unordered_map<std::string, std::size_t> by_key_;
    std::unordered_map<std::size_t, text_cache> text_caches_;

    std::size_t push(node n, std::string key);
    std::size_t compile(const report::expr& e);
    std::size_t fold(node n, std::string key);

    void unary(const node& n, const std::vector<row_vector>& in, row_vector& out, std::size_t rows);
    void binary(std::size_t i, const std::vector<row_vector>& in, row_vector& out, std::size_t rows);
    void function(const node& n, const std::vector<row_vector>& in, row_vector& out, std::size_t rows);
};

/// Applies a binary operator to two row values with the missing-data rule for comparisons.
value row_binary(dsl::binary_op op, const value& a, const value& b);

}  // namespace folio::eval

// Parsing and matching of Excel criteria (see criteria.hpp for the rules).
//
// matches() runs once per cell of SUMIFS/COUNTIFS ranges, the hottest loop of a
// typical workbook, so it works on bytes: ASCII text is folded on the fly and only
// text with non-ASCII letters takes the slower, allocating Unicode path. Facts that
// are not obvious are cited from Apache POI's Countif, whose matchers were checked
// against Excel: "=" does not match empty text while "" does, "<>" matches empty text
// but not blank cells, and "<>123" matches every text cell, even "123".
#include "folio/engine/criteria.hpp"

#include <algorithm>
#include <cmath>
#include <string_view>

#include "folio/engine/coerce.hpp"

namespace folio {
namespace {

constexpr std::int16_t any_sequence = -1;  // '*'
constexpr std::int16_t any_one = -2;       // '?'

// True when every byte of the text is ASCII.
bool is_ascii(std::string_view s) {
    for (unsigned char c : s)
        if (c >= 0x80) return false;
    return true;
}

// Lower-cases one ASCII byte.
inline unsigned char fold(unsigned char c) { return (c >= 'A' && c <= 'Z') ? static_cast<unsigned char>(c + 32) : c; }

// Returns the length of the UTF-8 sequence starting with byte c (1 for stray bytes).
inline std::size_t utf8_length(unsigned char c) {
    if (c < 0xC0) return 1;
    if (c < 0xE0) return 2;
    if (c < 0xF0) return 3;
    return 4;
}

// Matches already-folded text against a compiled wildcard pattern; `fold_text` folds
// ASCII letters of the text on the fly. '?' consumes one UTF-8 character.
bool glob(std::string_view text, const std::vector<std::int16_t>& pattern, bool fold_text) {
    std::size_t t = 0, p = 0, n = text.size(), m = pattern.size();
    std::size_t star = m, mark = 0;  // star == m: no '*' seen yet
    while (t < n) {
        if (p < m) {
            std::int16_t tok = pattern[p];
            if (tok == any_sequence) {
                star = p++;
                mark = t;
                continue;
            }
            if (tok == any_one) {
                t += utf8_length(static_cast<unsigned char>(text[t]));
                ++p;
                continue;
            }
            unsigned char c = static_cast<unsigned char>(text[t]);
            if (fold_text) c = fold(c);
            if (c == static_cast<unsigned char>(tok)) {
                ++t;
                ++p;
                continue;
            }
        }
        if (star == m) return false;
        p = star + 1;
        mark += utf8_length(static_cast<unsigned char>(text[mark]));
        t = mark;
    }
    while (p < m && pattern[p] == any_sequence) ++p;
    return p == m && t <= n;
}

// Numbers equal as Excel shows them: to 15 significant digits.
bool numbers_equal(double a, double b) {
    if (a == b) return true;
    double scale = std::max(std::fabs(a), std::fabs(b));
    if (std::fabs(a - b) > scale * 2e-14) return false;
    return round_to_15_digits(a) == round_to_15_digits(b);
}

}  // namespace

criterion criterion::parse(const value& crit) {
    criterion c;
    switch (crit.type()) {
        case value::kind::blank:  // Microsoft: an empty criteria cell counts as 0
            c.kind_ = operand::number;
            c.number_ = 0;
            break;
        case value::kind::number:
            c.kind_ = operand::number;
            c.number_ = crit.number();
            break;
        case value::kind::boolean:
            c.kind_ = operand::boolean;
            c.boolean_ = crit.boolean();
            break;
        case value::kind::error:
            c.kind_ = operand::error;
            c.error_ = crit.error();
            break;
        case value::kind::array: {
            const array& a = crit.array_value();
            if (a.rows() > 0 && a.cols() > 0) return parse(a.at(0, 0));
            c.kind_ = operand::error;  // an error operand with "<" never matches
            c.op_ = op::lt;
            break;
        }
        case value::kind::reference:
            c.kind_ = operand::error;  // callers dereference first; never matches
            c.op_ = op::lt;
            break;
        case value::kind::text: {
            std::string_view s = crit.text();
            std::size_t skip = 0;
            if (s.starts_with("<=")) {
                c.op_ = op::le;
                skip = 2;
            } else if (s.starts_with("<>")) {
                c.op_ = op::ne;
                skip = 2;
            } else if (s.starts_with(">=")) {
                c.op_ = op::ge;
                skip = 2;
            } else if (s.starts_with("<")) {
                c.op_ = op::lt;
                skip = 1;
            } else if (s.starts_with(">")) {
                c.op_ = op::gt;
                skip = 1;
            } else if (s.starts_with("=")) {
                c.op_ = op::eq;
                c.explicit_eq_ = true;
                skip = 1;
            }
            std::string_view rest = s.substr(skip);
            if (rest.empty()) {
                c.kind_ = operand::empty;
            } else if (text_equals_ci(rest, "TRUE") || text_equals_ci(rest, "FALSE")) {
                c.kind_ = operand::boolean;
                c.boolean_ = text_equals_ci(rest, "TRUE");
            } else if (auto n = text_to_number(rest)) {
                c.kind_ = operand::number;
                c.number_ = *n;
            } else if (auto e = error_from_text(rest)) {
                c.kind_ = operand::error;
                c.error_ = *e;
            } else {
                c.kind_ = operand::text;
                c.text_ = std::string(rest);
                // Wildcards apply to = and <> only; "<a*" compares with the text "a*".
                if (c.op_ == op::eq || c.op_ == op::ne) c.pattern_ = text_pattern(rest, true);
            }
            break;
        }
    }
    // A blank cell is "not equal" to every operand but the empty one; "" and "="
    // match it, "<>" and the ordering operators do not.
    if (c.kind_ == operand::empty)
        c.blank_matches_ = c.op_ == op::eq;
    else
        c.blank_matches_ = c.op_ == op::ne;
    return c;
}

bool criterion::matches(const value& cell) const {
    switch (cell.type()) {
        case value::kind::blank:
            return blank_matches_;
        case value::kind::number:
            if (kind_ == operand::number) return matches_number(cell.number());
            return op_ == op::ne;
        case value::kind::boolean:
            if (kind_ == operand::boolean) {
                int cmp = static_cast<int>(cell.boolean()) - static_cast<int>(boolean_);
                switch (op_) {
                    case op::eq: return cmp == 0;
                    case op::ne: return cmp != 0;
                    case op::lt: return cmp < 0;
                    case op::le: return cmp <= 0;
                    case op::gt: return cmp > 0;
                    case op::ge: return cmp >= 0;
                }
            }
            return op_ == op::ne;
        case value::kind::text: {
            const std::string& s = cell.text();
            switch (kind_) {
                case operand::text:
                    return matches_text(s);
                case operand::number:
                    // Text that reads as the number matches "=" (POI: "123" matches 123);
                    // "<>123" matches every text cell and the ordering operators none.
                    if (op_ == op::eq) {
                        auto n = text_to_number(s);
                        return n && numbers_equal(*n, number_);
                    }
                    return op_ == op::ne;
                case operand::empty:
                    // "" matches empty text, "=" does not (POI, checked against Excel);
                    // "<>" matches it; ">" and ">=" match any other text.
                    if (s.empty()) return op_ == op::ne || (op_ == op::eq && !explicit_eq_);
                    return op_ == op::ne || op_ == op::gt || op_ == op::ge;
                default:
                    return op_ == op::ne;
            }
        }
        case value::kind::error:
            if (kind_ == operand::error) {
                if (op_ == op::eq) return cell.error() == error_;
                if (op_ == op::ne) return cell.error() != error_;
                return false;
            }
            return op_ == op::ne;
        default:
            return false;
    }
}

bool criterion::matches_number(double n) const {
    bool equal = numbers_equal(n, number_);
    switch (op_) {
        case op::eq: return equal;
        case op::ne: return !equal;
        case op::lt: return !equal && n < number_;
        case op::le: return equal || n < number_;
        case op::gt: return !equal && n > number_;
        case op::ge: return equal || n > number_;
    }
    return false;
}

bool criterion::matches_text(const std::string& s) const {
    switch (op_) {
        case op::eq: return pattern_.matches(s);
        case op::ne: return !pattern_.matches(s);
        case op::lt: return text_compare_ci(s, text_) < 0;
        case op::le: return text_compare_ci(s, text_) <= 0;
        case op::gt: return text_compare_ci(s, text_) > 0;
        case op::ge: return text_compare_ci(s, text_) >= 0;
    }
    return false;
}

text_pattern::text_pattern(std::string_view pattern, bool wildcards) {
    std::string lower = to_lower_utf8(pattern);
    for (std::size_t i = 0; i < lower.size(); ++i) {
        char ch = lower[i];
        if (wildcards && ch == '~' && i + 1 < lower.size() &&
            (lower[i + 1] == '*' || lower[i + 1] == '?' || lower[i + 1] == '~')) {
            ch = lower[++i];
        } else if (wildcards && ch == '*') {
            tokens_.push_back(any_sequence);
            wildcard_ = true;
            continue;
        } else if (wildcards && ch == '?') {
            tokens_.push_back(any_one);
            wildcard_ = true;
            continue;
        }
        tokens_.push_back(static_cast<std::int16_t>(static_cast<unsigned char>(ch)));
        folded_.push_back(ch);
    }
    if (!wildcard_) tokens_.clear();
    ascii_ = is_ascii(folded_);
}

bool text_pattern::matches(std::string_view s) const {
    if (wildcard_) {
        if (is_ascii(s)) return glob(s, tokens_, true);
        return glob(to_lower_utf8(s), tokens_, false);
    }
    if (ascii_) {
        // An ASCII literal: a text with other bytes cannot be equal, so bytes decide.
        if (s.size() != folded_.size()) return false;
        for (std::size_t i = 0; i < s.size(); ++i)
            if (fold(static_cast<unsigned char>(s[i])) != static_cast<unsigned char>(folded_[i])) return false;
        return true;
    }
    return text_equals_ci(s, folded_);
}

}  // namespace folio

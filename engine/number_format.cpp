// Excel number format codes: parsing into sections of tokens, and rendering numbers and text.
//
// The pipeline has three stages. `split_sections` cuts the code at unquoted semicolons;
// `tokenize_section` turns each piece into raw tokens (placeholders, literals, date codes,
// bracket blocks); `resolve_section` decides what kind of section it is (number, scientific,
// fraction, General, date/time, text) and gives every token its final meaning: which commas are
// thousands separators and which scale by 1000, which `m` is a minute, which digits are a
// numerator. Rendering then picks a section for the value (Excel's sign and condition rules,
// modelled on LibreOffice's reading of them) and walks its tokens.
//
// Numbers are rendered from their decimal digits, never through printf: a value is first
// reduced to 15 significant digits (what Excel stores and shows), then rounded half away from
// zero in decimal, so 1.005 with "0.00" is "1.01" and 2^60 with "0" ends in zeros like Excel's.
#include "folio/engine/number_format.hpp"

#include "folio/engine/serial_date.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <vector>

namespace folio {

// -------------------------------------------------------------------------------------------------
// Locales

const format_locale en_us{
    "en-US", ".", ",", "/", ":",
    {"January", "February", "March", "April", "May", "June", "July", "August", "September",
     "October", "November", "December"},
    {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
    {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"},
    {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"},
    "AM", "PM", 0x0409};

namespace {

const format_locale es_es{
    "es-ES", ",", ".", "/", ":",
    {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
     "octubre", "noviembre", "diciembre"},
    {"ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"},
    {"domingo", "lunes", "martes", "mi\xC3\xA9rcoles", "jueves", "viernes", "s\xC3\xA1" "bado"},
    {"dom", "lun", "mar", "mi\xC3\xA9", "jue", "vie", "s\xC3\xA1" "b"},
    "a. m.", "p. m.", 0x0C0A};

const format_locale es_mx{
    "es-MX", ".", ",", "/", ":",
    es_es.month_names, es_es.month_abbreviations, es_es.day_names, es_es.day_abbreviations,
    "a. m.", "p. m.", 0x080A};

const format_locale pt_br{
    "pt-BR", ",", ".", "/", ":",
    {"janeiro", "fevereiro", "mar\xC3\xA7o", "abril", "maio", "junho", "julho", "agosto",
     "setembro", "outubro", "novembro", "dezembro"},
    {"jan", "fev", "mar", "abr", "mai", "jun", "jul", "ago", "set", "out", "nov", "dez"},
    {"domingo", "segunda-feira", "ter\xC3\xA7" "a-feira", "quarta-feira", "quinta-feira",
     "sexta-feira", "s\xC3\xA1" "bado"},
    {"dom", "seg", "ter", "qua", "qui", "sex", "s\xC3\xA1" "b"},
    "AM", "PM", 0x0416};

const std::array<const format_locale*, 4> builtin_locales = {&en_us, &es_es, &es_mx, &pt_br};

/// Returns the built-in locale with a Windows language id (the low 16 bits of an LCID).
const format_locale* find_locale_by_lcid(std::uint32_t lcid) {
    std::uint32_t language = lcid & 0xFFFF;
    if (language == 0x040A) return &es_es;  // Spanish, traditional sort
    for (const format_locale* locale : builtin_locales) {
        if (locale->lcid == language) return locale;
    }
    return nullptr;
}

/// Lower-cases an ASCII character.
char ascii_lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

/// Tells whether `text` starts with `prefix`, ignoring ASCII case.
bool starts_with_nocase(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        if (ascii_lower(text[i]) != ascii_lower(prefix[i])) return false;
    }
    return true;
}

/// Compares two strings ignoring ASCII case.
bool equals_nocase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && starts_with_nocase(a, b);
}

}  // namespace

const format_locale* find_locale(std::string_view tag) {
    for (const format_locale* locale : builtin_locales) {
        if (tag.size() != locale->tag.size()) continue;
        bool same = true;
        for (std::size_t i = 0; i < tag.size() && same; ++i) {
            char a = tag[i] == '_' ? '-' : ascii_lower(tag[i]);
            same = a == ascii_lower(locale->tag[i]);
        }
        if (same) return locale;
    }
    return nullptr;
}

// -------------------------------------------------------------------------------------------------
// Parsed form

namespace {

enum class token_kind : std::uint8_t {
    literal,          // text shown as is
    skip,             // _x: a space as wide as x
    fill,             // *x: x repeated to fill the cell; TEXT() shows nothing
    digit,            // 0 # ?
    decimal_point,    // .
    comma,            // , before resolution
    percent,          // %
    exponent,         // E+ E- e+ e-
    slash,            // / before resolution
    colon,            // : before resolution
    number_literal,   // digits 1-9..., a fixed denominator or plain text
    general,          // General
    text,             // @
    year, month, day, hour, minute, second, subsecond, am_pm,
    elapsed_hours, elapsed_minutes, elapsed_seconds,
    fraction_slash,   // the / of a fraction
    denominator,      // a fixed denominator such as the 8 of ?/8
    date_separator,   // a bare / in a date format
    time_separator,   // a bare : in a date format
};

enum class digit_role : std::uint8_t { integer, decimal, exponent, numerator, denominator };

struct token {
    token_kind kind;
    std::string text;  // literal text, placeholder character, AM/PM spelling, exponent letters
    int count = 0;     // letters of a date code (yyyy = 4), digits of a subsecond
    digit_role role = digit_role::integer;
    std::size_t offset = 0;  // position in the format code
};

enum class section_kind : std::uint8_t { number, scientific, fraction, general, date, text };

enum class compare_op : std::uint8_t { lt, le, gt, ge, eq, ne };

struct condition {
    compare_op op;
    double value;
};

struct section {
    section_kind kind = section_kind::number;
    std::vector<token> tokens;
    std::optional<condition> cond;
    std::optional<std::string> color;
    const format_locale* names = nullptr;  // month/day names chosen by [$-LCID]
    std::size_t offset = 0;                // where the section starts in the code
    // Number sections.
    bool thousands = false;
    int scale = 0;  // power of ten applied before rendering: % adds 2, a scaling comma takes 3
    std::string integer_pattern, decimal_pattern, exponent_pattern;
    std::string numerator_pattern, denominator_pattern;
    std::int64_t fixed_denominator = 0;
    // Date sections.
    bool twelve_hour = false;
    bool has_time = false;
    int subsecond_digits = 0;
};

/// Returns the byte length of the UTF-8 code point starting at text[i].
std::size_t code_point_length(std::string_view text, std::size_t i) {
    auto c = static_cast<unsigned char>(text[i]);
    std::size_t n = c < 0x80           ? 1
                    : (c >> 5) == 0x6  ? 2
                    : (c >> 4) == 0xE  ? 3
                    : (c >> 3) == 0x1E ? 4
                                       : 1;
    return std::min(n, text.size() - i);
}

/// Builds the error reported for the code at `offset`.
format_error error_at(std::size_t offset, std::string message) {
    return format_error{offset, std::move(message)};
}

// -------------------------------------------------------------------------------------------------
// Splitting and tokenizing

/// The characters [begin, end) of one section in the format code.
struct span {
    std::size_t begin;
    std::size_t end;
};

/// Splits the code at semicolons outside quotes, brackets and escapes.
std::vector<span> split_sections(std::string_view code) {
    std::vector<span> spans;
    std::size_t start = 0;
    for (std::size_t i = 0; i < code.size(); ++i) {
        char c = code[i];
        if (c == '"') {
            std::size_t close = code.find('"', i + 1);
            i = close == std::string_view::npos ? code.size() : close;
        } else if (c == '[') {
            std::size_t close = code.find(']', i + 1);
            i = close == std::string_view::npos ? code.size() : close;
        } else if ((c == '\\' || c == '_' || c == '*') && i + 1 < code.size()) {
            i += code_point_length(code, i + 1);
        } else if (c == ';') {
            spans.push_back({start, i});
            start = i + 1;
        }
    }
    spans.push_back({start, code.size()});
    return spans;
}

/// Returns the "#RRGGBB" of an Excel colour name or [ColorN] index, or nullopt.
std::optional<std::string> color_from_name(std::string_view name) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 8> named = {{
        {"black", "#000000"}, {"white", "#FFFFFF"}, {"red", "#FF0000"}, {"green", "#00FF00"},
        {"blue", "#0000FF"}, {"yellow", "#FFFF00"}, {"magenta", "#FF00FF"}, {"cyan", "#00FFFF"},
    }};
    // Excel's default 56-colour palette, [Color1] to [Color56].
    static constexpr std::array<std::string_view, 56> palette = {
        "#000000", "#FFFFFF", "#FF0000", "#00FF00", "#0000FF", "#FFFF00", "#FF00FF", "#00FFFF",
        "#800000", "#008000", "#000080", "#808000", "#800080", "#008080", "#C0C0C0", "#808080",
        "#9999FF", "#993366", "#FFFFCC", "#CCFFFF", "#660066", "#FF8080", "#0066CC", "#CCCCFF",
        "#000080", "#FF00FF", "#FFFF00", "#00FFFF", "#800080", "#800000", "#008080", "#0000FF",
        "#00CCFF", "#CCFFFF", "#CCFFCC", "#FFFF99", "#99CCFF", "#FF99CC", "#CC99FF", "#FFCC99",
        "#3366FF", "#33CCCC", "#99CC00", "#FFCC00", "#FF9900", "#FF6600", "#666699", "#969696",
        "#003366", "#339966", "#003300", "#333300", "#993300", "#993366", "#333399", "#333333",
    };
    for (const auto& [key, rgb] : named) {
        if (equals_nocase(name, key)) return std::string(rgb);
    }
    if (starts_with_nocase(name, "color") && name.size() > 5) {
        int index = 0;
        auto digits = name.substr(5);
        auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), index);
        if (ec == std::errc{} && ptr == digits.data() + digits.size() && index >= 1 &&
            index <= 56) {
            return std::string(palette[static_cast<std::size_t>(index - 1)]);
        }
    }
    return std::nullopt;
}

/// Parses a condition such as ">=100" or "<-1.5".
std::optional<condition> parse_condition(std::string_view text) {
    static constexpr std::array<std::pair<std::string_view, compare_op>, 6> ops = {{
        {"<=", compare_op::le}, {">=", compare_op::ge}, {"<>", compare_op::ne},
        {"<", compare_op::lt}, {">", compare_op::gt}, {"=", compare_op::eq},
    }};
    for (const auto& [symbol, op] : ops) {
        if (text.substr(0, symbol.size()) != symbol) continue;
        auto number = text.substr(symbol.size());
        while (!number.empty() && number.front() == ' ') number.remove_prefix(1);
        if (!number.empty() && number.front() == '+') number.remove_prefix(1);
        double value = 0;
        auto [ptr, ec] = std::from_chars(number.data(), number.data() + number.size(), value);
        if (number.empty() || ec != std::errc{} || ptr != number.data() + number.size()) {
            return std::nullopt;
        }
        return condition{op, value};
    }
    return std::nullopt;
}

/// Reads the contents of a [...] block at `offset`: colour, condition, currency/locale or
/// elapsed time.
std::optional<format_error> read_bracket(std::string_view content, std::size_t offset,
                                         section& s) {
    if (content.empty()) return error_at(offset, "empty brackets");
    if (content.front() == '$') {
        auto rest = content.substr(1);
        std::size_t dash = rest.find('-');
        auto symbol = rest.substr(0, dash);
        if (!symbol.empty())
            s.tokens.push_back({token_kind::literal, std::string(symbol), 0, {}, offset});
        if (dash != std::string_view::npos) {
            auto id = rest.substr(dash + 1);
            std::uint32_t lcid = 0;
            auto [ptr, ec] = std::from_chars(id.data(), id.data() + id.size(), lcid, 16);
            if (ec == std::errc{} && ptr == id.data() + id.size())
                s.names = find_locale_by_lcid(lcid);
        }
        return std::nullopt;
    }
    if (content.front() == '<' || content.front() == '>' || content.front() == '=') {
        auto cond = parse_condition(content);
        if (!cond) return error_at(offset, "invalid condition");
        if (s.cond) return error_at(offset, "more than one condition in a section");
        s.cond = cond;
        return std::nullopt;
    }
    char first = ascii_lower(content.front());
    bool elapsed = (first == 'h' || first == 'm' || first == 's') &&
                   std::all_of(content.begin(), content.end(),
                               [&](char c) { return ascii_lower(c) == first; });
    if (elapsed) {
        token_kind kind = first == 'h' ? token_kind::elapsed_hours
                          : first == 'm' ? token_kind::elapsed_minutes
                                         : token_kind::elapsed_seconds;
        s.tokens.push_back(
            {kind, std::string(content), static_cast<int>(content.size()), {}, offset});
        return std::nullopt;
    }
    if (auto color = color_from_name(content)) {
        s.color = color;
        return std::nullopt;
    }
    return error_at(offset, "unknown bracket code");
}

/// Returns the kind of a date code letter (y m d h s e), or nullopt.
std::optional<token_kind> date_letter_kind(char c) {
    switch (ascii_lower(c)) {
        case 'y': case 'e': return token_kind::year;
        case 'm': return token_kind::month;
        case 'd': return token_kind::day;
        case 'h': return token_kind::hour;
        case 's': return token_kind::second;
        default: return std::nullopt;
    }
}

/// Turns code[begin, end) into the raw tokens, colour, condition and locale of a section.
std::optional<format_error> tokenize_section(std::string_view code, span where, section& s) {
    s.offset = where.begin;
    auto push = [&](token_kind kind, std::string text, std::size_t at, int count = 0) {
        s.tokens.push_back({kind, std::move(text), count, digit_role::integer, at});
    };
    std::size_t i = where.begin;
    while (i < where.end) {
        const char c = code[i];
        const std::size_t at = i;
        const std::string_view rest = code.substr(i, where.end - i);
        if (c == '"') {
            std::size_t close = code.find('"', i + 1);
            if (close == std::string_view::npos || close >= where.end) {
                return error_at(at, "unterminated quoted text");
            }
            push(token_kind::literal, std::string(code.substr(i + 1, close - i - 1)), at);
            i = close + 1;
        } else if (c == '\\' || c == '_' || c == '*') {
            if (i + 1 >= where.end) {
                return error_at(at, c == '\\' ? "missing character after backslash"
                                    : c == '_' ? "missing character after underscore"
                                               : "missing character after asterisk");
            }
            std::size_t n = code_point_length(code, i + 1);
            token_kind kind = c == '\\' ? token_kind::literal : c == '_' ? token_kind::skip
                                                                          : token_kind::fill;
            push(kind, std::string(code.substr(i + 1, n)), at);
            i += 1 + n;
        } else if (c == '[') {
            std::size_t close = code.find(']', i + 1);
            if (close == std::string_view::npos || close >= where.end) {
                return error_at(at, "unterminated bracket");
            }
            if (auto err = read_bracket(code.substr(i + 1, close - i - 1), at, s)) return err;
            i = close + 1;
        } else if (c == '0' || c == '#' || c == '?') {
            push(token_kind::digit, std::string(1, c), at);
            ++i;
        } else if (c >= '1' && c <= '9') {
            std::size_t j = i;
            while (j < where.end && code[j] >= '0' && code[j] <= '9') ++j;
            push(token_kind::number_literal, std::string(code.substr(i, j - i)), at);
            i = j;
        } else if ((c == 'E' || c == 'e') && rest.size() > 1 &&
                   (rest[1] == '+' || rest[1] == '-')) {
            push(token_kind::exponent, std::string(rest.substr(0, 2)), at);
            i += 2;
        } else if (starts_with_nocase(rest, "general")) {
            push(token_kind::general, std::string(rest.substr(0, 7)), at);
            i += 7;
        } else if (starts_with_nocase(rest, "am/pm")) {
            push(token_kind::am_pm, std::string(rest.substr(0, 5)), at);
            i += 5;
        } else if (starts_with_nocase(rest, "a/p")) {
            push(token_kind::am_pm, std::string(rest.substr(0, 3)), at);
            i += 3;
        } else if (auto date_kind = date_letter_kind(c)) {
            std::size_t j = i;
            while (j < where.end && ascii_lower(code[j]) == ascii_lower(c)) ++j;
            int count = ascii_lower(c) == 'e' ? 4 : static_cast<int>(j - i);
            push(*date_kind, std::string(code.substr(i, j - i)), at, count);
            i = j;
        } else if ((c == 'b' || c == 'B') && rest.size() > 1 &&
                   (rest[1] == '1' || rest[1] == '2')) {
            return error_at(at, "unsupported calendar");
        } else {
            token_kind kind = c == '.'   ? token_kind::decimal_point
                              : c == ',' ? token_kind::comma
                              : c == '%' ? token_kind::percent
                              : c == '@' ? token_kind::text
                              : c == '/' ? token_kind::slash
                              : c == ':' ? token_kind::colon
                                         : token_kind::literal;
            std::size_t n = code_point_length(code, i);
            push(kind, std::string(code.substr(i, n)), at);
            i += n;
        }
    }
    return std::nullopt;
}

// -------------------------------------------------------------------------------------------------
// Resolving sections

/// Tells whether a token is a date or time code (y m d h s, AM/PM, [h] [m] [s]).
bool is_date_code(token_kind kind) {
    switch (kind) {
        case token_kind::year: case token_kind::month: case token_kind::day:
        case token_kind::hour: case token_kind::minute: case token_kind::second:
        case token_kind::am_pm: case token_kind::elapsed_hours: case token_kind::elapsed_minutes:
        case token_kind::elapsed_seconds:
            return true;
        default:
            return false;
    }
}

/// Tells whether a section has a token of this kind.
bool has_kind(const section& s, token_kind kind) {
    return std::any_of(s.tokens.begin(), s.tokens.end(),
                       [&](const token& t) { return t.kind == kind; });
}

/// Returns the first token of this kind in a section, or nullptr.
const token* find_kind(const section& s, token_kind kind) {
    auto it = std::find_if(s.tokens.begin(), s.tokens.end(),
                           [&](const token& t) { return t.kind == kind; });
    return it == s.tokens.end() ? nullptr : &*it;
}

/// Turns punctuation that has no meaning in this kind of section into literal text.
void punctuation_to_literal(token& t) {
    switch (t.kind) {
        case token_kind::decimal_point: case token_kind::comma: case token_kind::percent:
        case token_kind::slash: case token_kind::colon: case token_kind::number_literal:
            t.kind = token_kind::literal;
            break;
        default:
            break;
    }
}

/// Returns the nearest date code before (step -1) or after (step +1) index i, skipping
/// literals and separators.
const token* neighbour_date_code(const std::vector<token>& tokens, std::size_t i, int step) {
    for (auto j = static_cast<std::ptrdiff_t>(i) + step;
         j >= 0 && j < static_cast<std::ptrdiff_t>(tokens.size()); j += step) {
        const token& t = tokens[static_cast<std::size_t>(j)];
        if (is_date_code(t.kind) || t.kind == token_kind::subsecond) return &t;
    }
    return nullptr;
}

/// Resolves a date/time section: fractional seconds, minutes versus months, separators.
std::optional<format_error> resolve_date_section(section& s) {
    s.kind = section_kind::date;
    std::vector<token> out;
    for (std::size_t i = 0; i < s.tokens.size(); ++i) {
        token t = s.tokens[i];
        bool after_seconds = !out.empty() && (out.back().kind == token_kind::second ||
                                              out.back().kind == token_kind::elapsed_seconds);
        if (t.kind == token_kind::decimal_point && after_seconds && i + 1 < s.tokens.size() &&
            s.tokens[i + 1].kind == token_kind::digit && s.tokens[i + 1].text == "0") {
            std::size_t j = i + 1;
            while (j < s.tokens.size() && s.tokens[j].kind == token_kind::digit &&
                   s.tokens[j].text == "0")
                ++j;
            int digits = static_cast<int>(j - i - 1);
            if (digits > 3)
                return error_at(s.tokens[i + 4].offset, "too many decimals for seconds");
            out.push_back({token_kind::subsecond, "", digits, {}, t.offset});
            s.subsecond_digits = std::max(s.subsecond_digits, digits);
            i = j - 1;
            continue;
        }
        switch (t.kind) {
            case token_kind::digit: case token_kind::exponent: case token_kind::general:
                return error_at(t.offset, "number code in a date format");
            case token_kind::text:
                return error_at(t.offset, "text placeholder in a date format");
            case token_kind::slash: t.kind = token_kind::date_separator; break;
            case token_kind::colon: t.kind = token_kind::time_separator; break;
            default: punctuation_to_literal(t); break;
        }
        out.push_back(std::move(t));
    }
    // "m" and "mm" are minutes right after an hour or right before seconds.
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (out[i].kind != token_kind::month || out[i].count > 2) continue;
        const token* before = neighbour_date_code(out, i, -1);
        const token* after = neighbour_date_code(out, i, +1);
        bool after_hour = before && (before->kind == token_kind::hour ||
                                     before->kind == token_kind::elapsed_hours);
        bool before_second = after && (after->kind == token_kind::second ||
                                       after->kind == token_kind::elapsed_seconds);
        if (after_hour || before_second) out[i].kind = token_kind::minute;
    }
    for (token& t : out) {
        switch (t.kind) {
            case token_kind::year: t.count = t.count <= 2 ? 2 : 4; break;
            case token_kind::month: t.count = t.count > 5 ? 4 : t.count; break;
            case token_kind::day: t.count = std::min(t.count, 4); break;
            case token_kind::hour: case token_kind::minute: case token_kind::second:
                t.count = std::min(t.count, 2);
                break;
            default: break;
        }
        s.twelve_hour = s.twelve_hour || t.kind == token_kind::am_pm;
        s.has_time = s.has_time || (is_date_code(t.kind) && t.kind != token_kind::year &&
                                    t.kind != token_kind::month && t.kind != token_kind::day);
    }
    s.tokens = std::move(out);
    return std::nullopt;
}

/// Resolves a text (@) section: only literals and text placeholders may appear.
std::optional<format_error> resolve_text_section(section& s) {
    s.kind = section_kind::text;
    for (token& t : s.tokens) {
        if (t.kind == token_kind::digit || t.kind == token_kind::general ||
            t.kind == token_kind::exponent) {
            return error_at(t.offset, "number code in a text format");
        }
        if (is_date_code(t.kind)) return error_at(t.offset, "date code in a text format");
        punctuation_to_literal(t);
    }
    return std::nullopt;
}

/// Resolves a General section: General plus literals.
std::optional<format_error> resolve_general_section(section& s) {
    s.kind = section_kind::general;
    for (token& t : s.tokens) {
        if (t.kind == token_kind::digit || t.kind == token_kind::exponent) {
            return error_at(t.offset, "digit placeholder with general");
        }
        punctuation_to_literal(t);
    }
    return std::nullopt;
}

/// Returns the index of the fraction slash: a '/' with digit placeholders before it and digit
/// placeholders or a number after it (spaces allowed in between), or npos.
std::size_t find_fraction_slash(const std::vector<token>& tokens) {
    auto is_space = [](const token& t) { return t.kind == token_kind::literal && t.text == " "; };
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (tokens[i].kind != token_kind::slash) continue;
        std::size_t before = i;
        while (before > 0 && is_space(tokens[before - 1])) --before;
        std::size_t after = i + 1;
        while (after < tokens.size() && is_space(tokens[after])) ++after;
        if (before == 0 || tokens[before - 1].kind != token_kind::digit) continue;
        if (after < tokens.size() && (tokens[after].kind == token_kind::digit ||
                                      tokens[after].kind == token_kind::number_literal)) {
            return i;
        }
    }
    return std::string::npos;
}

/// Gives the digits of a fraction section their roles: the placeholders right before the
/// slash are the numerator, those before them the whole part, and the placeholders (or the
/// number) right after the slash the denominator.
std::optional<format_error> resolve_fraction(section& s, std::size_t slash) {
    s.kind = section_kind::fraction;
    auto& tokens = s.tokens;
    tokens[slash].kind = token_kind::fraction_slash;
    auto is_placeholder = [&](std::size_t i) { return tokens[i].kind == token_kind::digit; };
    std::size_t numerator_end = slash;
    while (!is_placeholder(numerator_end - 1)) --numerator_end;
    std::size_t numerator_begin = numerator_end;
    while (numerator_begin > 0 && is_placeholder(numerator_begin - 1)) --numerator_begin;
    std::size_t denominator_begin = slash + 1;
    while (!is_placeholder(denominator_begin) &&
           tokens[denominator_begin].kind != token_kind::number_literal) {
        ++denominator_begin;
    }
    std::size_t denominator_end = denominator_begin + 1;
    token& first = tokens[denominator_begin];
    if (first.kind == token_kind::number_literal) {
        first.kind = token_kind::denominator;
        std::from_chars(first.text.data(), first.text.data() + first.text.size(),
                        s.fixed_denominator);
    } else {
        while (denominator_end < tokens.size() && is_placeholder(denominator_end))
            ++denominator_end;
    }
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        token& t = tokens[i];
        if (t.kind == token_kind::decimal_point) {
            return error_at(t.offset, "decimal point in a fraction format");
        }
        if (t.kind == token_kind::exponent)
            return error_at(t.offset, "exponent in a fraction format");
        if (t.kind != token_kind::digit) continue;
        if (i < numerator_begin) {
            t.role = digit_role::integer;
            s.integer_pattern += t.text;
        } else if (i < numerator_end) {
            t.role = digit_role::numerator;
            s.numerator_pattern += t.text;
        } else if (i >= denominator_begin && i < denominator_end) {
            t.role = digit_role::denominator;
            s.denominator_pattern += t.text;
        } else {
            t.kind = token_kind::literal;  // a stray placeholder after the fraction
        }
    }
    if (s.fixed_denominator == 0 && s.denominator_pattern.empty()) {
        return error_at(first.offset, "fraction without a denominator");
    }
    return std::nullopt;
}

/// Gives the digits of a number or scientific section their roles.
void assign_number_roles(section& s) {
    bool seen_point = false, seen_exponent = false;
    for (token& t : s.tokens) {
        if (t.kind == token_kind::exponent) {
            if (seen_exponent) t.kind = token_kind::literal;
            seen_exponent = true;
        } else if (t.kind == token_kind::decimal_point) {
            if (seen_point || seen_exponent) t.kind = token_kind::literal;
            seen_point = true;
        } else if (t.kind == token_kind::digit) {
            t.role = seen_exponent ? digit_role::exponent
                     : seen_point  ? digit_role::decimal
                                   : digit_role::integer;
            std::string& pattern = seen_exponent ? s.exponent_pattern
                                   : seen_point  ? s.decimal_pattern
                                                 : s.integer_pattern;
            pattern += t.text;
        }
    }
    s.kind = seen_exponent ? section_kind::scientific : section_kind::number;
}

/// Resolves commas: between integer placeholders they turn on thousands separators; right
/// after a placeholder (and not before another) each one divides by 1000; between decimal
/// placeholders they are dropped; after anything else they are literal commas.
void resolve_commas(section& s) {
    std::vector<token> out;
    auto& tokens = s.tokens;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (tokens[i].kind != token_kind::comma) {
            out.push_back(std::move(tokens[i]));
            continue;
        }
        std::size_t j = i;
        while (j < tokens.size() && tokens[j].kind == token_kind::comma) ++j;
        const token* before = out.empty() ? nullptr : &out.back();
        const token* after = j < tokens.size() ? &tokens[j] : nullptr;
        bool digit_before = before && before->kind == token_kind::digit;
        bool digit_after = after && after->kind == token_kind::digit;
        if (digit_before && digit_after && before->role == digit_role::integer &&
            after->role == digit_role::integer) {
            s.thousands = true;
        } else if (digit_before && !digit_after) {
            s.scale -= 3 * static_cast<int>(j - i);
        } else if (!digit_before) {
            for (std::size_t k = i; k < j; ++k) {
                out.push_back({token_kind::literal, ",", 0, {}, tokens[k].offset});
            }
        }
        i = j - 1;
    }
    tokens = std::move(out);
}

/// Resolves a number section (fixed, scientific or fraction).
std::optional<format_error> resolve_number_section(section& s) {
    std::size_t slash = find_fraction_slash(s.tokens);
    if (slash != std::string::npos) {
        if (auto err = resolve_fraction(s, slash)) return err;
    } else {
        assign_number_roles(s);
    }
    resolve_commas(s);
    for (token& t : s.tokens) {
        if (t.kind == token_kind::percent) s.scale += 2;
        if (t.kind == token_kind::slash || t.kind == token_kind::colon ||
            t.kind == token_kind::number_literal || t.kind == token_kind::comma) {
            t.kind = token_kind::literal;
        }
    }
    return std::nullopt;
}

/// Decides what kind of section this is and resolves its tokens. A section that holds only a
/// colour or condition ("[Red][<=100]") shows the number as General.
std::optional<format_error> resolve_section(section& s, bool text_only, bool has_code) {
    if (s.tokens.empty() && has_code && !text_only) {
        s.tokens.push_back({token_kind::general, "General", 0, {}, s.offset});
    }
    bool has_date = std::any_of(s.tokens.begin(), s.tokens.end(),
                                [](const token& t) { return is_date_code(t.kind); });
    if (text_only) return resolve_text_section(s);
    if (has_date) return resolve_date_section(s);
    if (has_kind(s, token_kind::text)) {
        if (const token* t = find_kind(s, token_kind::digit)) {
            return error_at(t->offset, "digit placeholder with text placeholder");
        }
        return resolve_text_section(s);
    }
    if (has_kind(s, token_kind::general)) return resolve_general_section(s);
    return resolve_number_section(s);
}

}  // namespace

struct number_format::impl {
    std::string code;
    std::vector<section> numeric;  // positive; negative; zero (one to three)
    std::optional<section> text;   // the section used for text values
};

number_format::number_format(std::shared_ptr<const impl> parsed) : impl_(std::move(parsed)) {}

std::variant<number_format, format_error> number_format::parse(std::string_view code) {
    std::vector<span> spans = split_sections(code);
    if (spans.size() > 4) return error_at(spans[4].begin - 1, "too many sections");
    auto parsed = std::make_shared<impl>();
    parsed->code = std::string(code);
    for (std::size_t i = 0; i < spans.size(); ++i) {
        section s;
        if (auto err = tokenize_section(code, spans[i], s)) return *err;
        if (auto err = resolve_section(s, i == 3, spans[i].end > spans[i].begin)) return *err;
        bool is_last = i + 1 == spans.size();
        if (s.kind == section_kind::text && (i == 3 || is_last)) {
            parsed->text = std::move(s);
        } else if (s.kind == section_kind::text) {
            return error_at(spans[i].begin, "text section before the last section");
        } else {
            parsed->numeric.push_back(std::move(s));
        }
    }
    for (std::size_t i = 2; i < parsed->numeric.size(); ++i) {
        if (parsed->numeric[i].cond) {
            return error_at(parsed->numeric[i].offset,
                            "only the first two sections may have conditions");
        }
    }
    if (parsed->text && parsed->text->cond) {
        return error_at(parsed->text->offset, "the text section cannot have a condition");
    }
    return number_format(std::move(parsed));
}

// -------------------------------------------------------------------------------------------------
// Decimal digits

namespace {

/// A non-negative decimal: value = 0.digits × 10^point, i.e. `point` digits before the
/// decimal point (negative for leading zeros). Zero has no digits.
struct decimal {
    std::string digits;
    int point = 0;
};

/// Returns the decimal digits of a finite non-negative value rounded to 15 significant
/// digits, trailing zeros removed.
decimal to_decimal(double value) {
    decimal d;
    if (!(value > 0)) return d;
    char buffer[64];
    auto result = std::to_chars(buffer, buffer + sizeof buffer, value,
                                std::chars_format::scientific, 14);
    std::string_view text(buffer, static_cast<std::size_t>(result.ptr - buffer));
    std::size_t e = text.find('e');
    for (char c : text.substr(0, e)) {
        if (c != '.') d.digits += c;
    }
    auto exponent_text = text.substr(e + 1);
    bool negative = exponent_text.front() == '-';
    int exponent = 0;
    exponent_text.remove_prefix(1);
    std::from_chars(exponent_text.data(), exponent_text.data() + exponent_text.size(), exponent);
    d.point = (negative ? -exponent : exponent) + 1;
    while (!d.digits.empty() && d.digits.back() == '0') d.digits.pop_back();
    return d;
}

/// Adds one to a string of decimal digits.
void increment(std::string& digits) {
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        if (*it != '9') {
            ++*it;
            return;
        }
        *it = '0';
    }
    digits.insert(digits.begin(), '1');
}

/// A decimal rounded to a fixed number of decimals: integer digits ("" for zero) and exactly
/// that many fraction digits.
struct fixed_digits {
    std::string integer;
    std::string fraction;
};

/// Rounds a decimal half away from zero to `decimals` places.
fixed_digits round_fixed(const decimal& d, int decimals) {
    const int kept = d.point + decimals;  // digits at or above the last kept place
    const auto length = static_cast<int>(d.digits.size());
    std::string n;
    if (kept >= length) {
        n = d.digits + std::string(static_cast<std::size_t>(kept - length), '0');
    } else if (kept >= 0) {
        n = d.digits.substr(0, static_cast<std::size_t>(kept));
        if (d.digits[static_cast<std::size_t>(kept)] >= '5') increment(n);
    }
    if (n.size() < static_cast<std::size_t>(decimals)) {
        n.insert(0, static_cast<std::size_t>(decimals) - n.size(), '0');
    }
    fixed_digits f;
    f.fraction = n.substr(n.size() - static_cast<std::size_t>(decimals));
    f.integer = n.substr(0, n.size() - static_cast<std::size_t>(decimals));
    std::size_t first = f.integer.find_first_not_of('0');
    f.integer = first == std::string::npos ? "" : f.integer.substr(first);
    return f;
}

/// Returns the decimal with its point moved `shift` places to the right.
decimal shifted(decimal d, int shift) {
    if (!d.digits.empty()) d.point += shift;
    return d;
}

/// Returns digits without trailing zeros.
std::string strip_trailing_zeros(std::string digits) {
    while (!digits.empty() && digits.back() == '0') digits.pop_back();
    return digits;
}

/// Formats a mantissa and exponent as General's scientific form, e.g. "1.23457E+12".
std::string general_scientific(const decimal& d, const format_locale& locale) {
    int exponent = d.point - 1;
    int decimals = std::abs(exponent) >= 100 ? 4 : 5;
    fixed_digits m = round_fixed(decimal{d.digits, 1}, decimals);
    if (m.integer.size() > 1) {  // 9.999999 rounded up to 10.00000
        ++exponent;
        m = round_fixed(decimal{"1", 1}, decimals);
    }
    std::string fraction = strip_trailing_zeros(m.fraction);
    std::string text = m.integer;
    if (!fraction.empty()) text += std::string(locale.decimal_separator) + fraction;
    std::string digits = std::to_string(std::abs(exponent));
    if (digits.size() < 2) digits.insert(0, "0");
    return text + (exponent < 0 ? "E-" : "E+") + digits;
}

}  // namespace

std::string format_general(double value, const format_locale& locale) {
    if (!std::isfinite(value)) return "#NUM!";
    std::string sign = value < 0 ? "-" : "";
    decimal d = to_decimal(std::fabs(value));
    if (d.digits.empty()) return "0";
    const int exponent = d.point - 1;
    const auto length = static_cast<int>(d.digits.size());
    // Fixed notation fits in 11 characters: up to 11 integer digits, or "0." and 9 decimals.
    bool fixed;
    int decimals;
    if (exponent >= 0) {
        fixed = exponent <= 10;
        decimals = std::max(0, 9 - exponent);
    } else {
        int significant = 10 + exponent;  // digits that "0.000ddd" has room for
        fixed = significant >= 6 || length <= significant;
        decimals = 9;
    }
    if (fixed) {
        fixed_digits f = round_fixed(d, decimals);
        if (f.integer.size() <= 11) {
            std::string fraction = strip_trailing_zeros(f.fraction);
            std::string text = f.integer.empty() ? "0" : f.integer;
            if (!fraction.empty()) text += std::string(locale.decimal_separator) + fraction;
            if (text == "0") return "0";
            return sign + text;
        }
    }
    return sign + general_scientific(d, locale);
}

// -------------------------------------------------------------------------------------------------
// Rendering numbers

namespace {

/// Returns what a placeholder shows where there is no digit: '0' a zero, '?' a space, '#'
/// nothing ('\0').
char placeholder_padding(char placeholder) {
    return placeholder == '0' ? '0' : placeholder == '?' ? ' ' : '\0';
}

/// Distributes integer digits over placeholders right to left: returns the text of each
/// placeholder; extra digits go to the first one; `separator` (when not empty) goes between
/// groups of three.
std::vector<std::string> place_integer(const std::string& digits, const std::string& pattern,
                                       std::string_view separator) {
    const std::size_t k = pattern.size(), length = digits.size();
    const std::size_t total = std::max(length, k);
    auto char_at = [&](std::size_t g) -> char {
        if (g < length) return digits[length - 1 - g];
        return placeholder_padding(pattern[k - 1 - g]);
    };
    auto emit = [&](std::string& out, std::size_t g) {
        char c = char_at(g);
        if (c != '\0') out += c;
        if (!separator.empty() && g > 0 && g % 3 == 0) {
            if (c >= '0' && c <= '9') out += separator;
            else if (c == ' ') out += ' ';
        }
    };
    std::vector<std::string> out(k);
    for (std::size_t j = 0; j < k; ++j) {
        if (j == 0) {
            for (std::size_t g = total; g-- > k - 1;) emit(out[0], g);
        } else {
            emit(out[j], k - 1 - j);
        }
    }
    return out;
}

/// Distributes fraction digits over placeholders left to right; trailing zeros under '#'
/// disappear and under '?' become spaces.
std::vector<std::string> place_decimals(const std::string& digits, const std::string& pattern) {
    std::vector<std::string> out(pattern.size());
    for (std::size_t j = 0; j < pattern.size(); ++j) out[j] = std::string(1, digits[j]);
    for (std::size_t j = pattern.size(); j-- > 0;) {
        if (digits[j] != '0' || pattern[j] == '0') break;
        out[j] = pattern[j] == '?' ? " " : "";
    }
    return out;
}

/// Left-aligns a denominator in its placeholders, padding on the right.
std::string place_denominator(const std::string& digits, const std::string& pattern) {
    std::string out = digits;
    for (std::size_t j = digits.size(); j < pattern.size(); ++j) {
        char pad = placeholder_padding(pattern[j]);
        if (pad != '\0') out += pad;
    }
    return out;
}

/// Appends the text of a token that means the same in every kind of section; returns false
/// for any other token.
bool emit_plain(const token& t, std::string& out) {
    switch (t.kind) {
        case token_kind::literal: out += t.text; return true;
        case token_kind::skip: out += ' '; return true;
        case token_kind::fill: return true;
        case token_kind::percent: out += '%'; return true;
        default: return false;
    }
}

/// Renders a fixed-point number section for a non-negative value.
std::string render_fixed(const section& s, double value, const format_locale& locale) {
    decimal d = shifted(to_decimal(value), s.scale);
    fixed_digits f = round_fixed(d, static_cast<int>(s.decimal_pattern.size()));
    auto integers = place_integer(f.integer, s.integer_pattern,
                                  s.thousands ? locale.thousands_separator : std::string_view{});
    auto decimals = place_decimals(f.fraction, s.decimal_pattern);
    std::string out;
    std::size_t next_integer = 0, next_decimal = 0;
    for (const token& t : s.tokens) {
        if (emit_plain(t, out)) continue;
        if (t.kind == token_kind::digit && t.role == digit_role::integer) {
            out += integers[next_integer++];
        } else if (t.kind == token_kind::digit) {
            out += decimals[next_decimal++];
        } else if (t.kind == token_kind::decimal_point) {
            if (s.integer_pattern.empty()) out += f.integer;
            out += locale.decimal_separator;
        }
    }
    return out;
}

/// Returns a / b rounded toward negative infinity (b > 0).
std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b;
    return (a % b != 0 && a < 0) ? q - 1 : q;
}

/// Renders a scientific section for a non-negative value. With one integer placeholder the
/// mantissa has one digit (1.23E+04); with k > 1 the exponent is a multiple of k and the
/// placeholders pad the mantissa (##0.0E+0 gives 12.3E+3, 00.00E+00 gives 01.23E+04).
std::string render_scientific(const section& s, double value, const format_locale& locale) {
    const auto integer_places = static_cast<int>(s.integer_pattern.size());
    const auto decimal_places = static_cast<int>(s.decimal_pattern.size());
    decimal d = shifted(to_decimal(value), s.scale);
    int exponent = 0;
    fixed_digits mantissa{"", std::string(static_cast<std::size_t>(decimal_places), '0')};
    if (!d.digits.empty()) {
        int magnitude = d.point - 1;  // value = d.ddd × 10^magnitude
        for (int attempt = 0; attempt < 2; ++attempt) {
            exponent = integer_places > 1
                           ? static_cast<int>(floor_div(magnitude, integer_places)) * integer_places
                           : magnitude - integer_places + 1;
            int expected = integer_places > 1 ? magnitude - exponent + 1 : integer_places;
            mantissa = round_fixed(decimal{d.digits, d.point - exponent}, decimal_places);
            if (static_cast<int>(mantissa.integer.size()) <= expected) break;
            ++magnitude;  // rounding carried into a new digit: 9.99 -> 10.0
        }
    }
    auto integers = place_integer(mantissa.integer, s.integer_pattern, {});
    auto decimals = place_decimals(mantissa.fraction, s.decimal_pattern);
    auto exponents = place_integer(std::to_string(std::abs(exponent)), s.exponent_pattern, {});
    std::string out;
    std::size_t ni = 0, nd = 0, ne = 0;
    for (const token& t : s.tokens) {
        if (emit_plain(t, out)) continue;
        if (t.kind == token_kind::digit) {
            if (t.role == digit_role::integer) out += integers[ni++];
            else if (t.role == digit_role::decimal) out += decimals[nd++];
            else out += exponents[ne++];
        } else if (t.kind == token_kind::decimal_point) {
            if (s.integer_pattern.empty()) out += mantissa.integer;
            out += locale.decimal_separator;
        } else if (t.kind == token_kind::exponent) {
            out += t.text[0];
            if (exponent < 0) out += '-';
            else if (t.text[1] == '+') out += '+';
        }
    }
    return out;
}

/// Returns the fraction p/q closest to x (0 <= x < 1) with q <= max_denominator, preferring
/// the smaller denominator on ties (continued fractions with semiconvergents).
std::pair<std::int64_t, std::int64_t> best_fraction(double x, std::int64_t max_denominator) {
    if (x <= 0) return {0, 1};
    std::int64_t p0 = 0, q0 = 1, p1 = 1, q1 = 0;
    double r = x;
    for (int step = 0; step < 64; ++step) {
        double a_real = std::floor(r);
        if (q1 != 0 && a_real > static_cast<double>((max_denominator - q0) / q1)) break;
        auto a = static_cast<std::int64_t>(a_real);
        std::int64_t q2 = q0 + a * q1;
        if (q2 > max_denominator) break;
        std::int64_t p2 = p0 + a * p1;
        p0 = p1; q0 = q1; p1 = p2; q1 = q2;
        double rest = r - a_real;
        if (rest < 1e-12) break;
        r = 1.0 / rest;
    }
    std::int64_t k = (max_denominator - q0) / q1;
    std::int64_t ps = p0 + k * p1, qs = q0 + k * q1;
    auto error = [&](std::int64_t p, std::int64_t q) {
        return std::fabs(static_cast<long double>(p) / static_cast<long double>(q) - x);
    };
    if (qs > 0 && error(ps, qs) < error(p1, q1)) return {ps, qs};
    if (qs > 0 && error(ps, qs) == error(p1, q1) && qs < q1) return {ps, qs};
    return {p1, q1};
}

/// Renders a fraction section (# ?/?, ?/8, # ??/100) for a non-negative value.
std::string render_fraction(const section& s, double value, const format_locale& locale) {
    value *= std::pow(10.0, s.scale);
    if (value >= 1e15) return format_general(value, locale);
    const bool mixed = !s.integer_pattern.empty();
    std::int64_t whole = 0, numerator = 0, denominator = 1;
    double integral = std::floor(value);
    double rest = value - integral;
    if (s.fixed_denominator > 0) {
        denominator = s.fixed_denominator;
        numerator = std::llround(rest * static_cast<double>(denominator));
    } else {
        auto places =
            std::min<std::size_t>(std::max<std::size_t>(s.denominator_pattern.size(), 1), 7);
        std::int64_t max_denominator = 1;
        for (std::size_t i = 0; i < places; ++i) max_denominator *= 10;
        auto [p, q] = best_fraction(rest, max_denominator - 1);
        numerator = p;
        denominator = q;
    }
    whole = static_cast<std::int64_t>(integral) + numerator / denominator;
    numerator %= denominator;
    if (!mixed) {
        numerator += whole * denominator;
        whole = 0;
    }
    const bool blank = mixed && numerator == 0;  // "5    ": the fraction part turns to spaces
    std::string whole_digits = whole != 0 ? std::to_string(whole) : (numerator == 0 ? "0" : "");
    auto wholes = place_integer(whole_digits, s.integer_pattern,
                                s.thousands ? locale.thousands_separator : std::string_view{});
    auto numerators = place_integer(std::to_string(numerator), s.numerator_pattern, {});
    std::string denominator_text =
        place_denominator(std::to_string(denominator), s.denominator_pattern);
    std::string out;
    std::size_t nw = 0, nn = 0;
    bool denominator_done = false;
    for (const token& t : s.tokens) {
        if (emit_plain(t, out)) continue;
        switch (t.kind) {
            case token_kind::digit:
                if (t.role == digit_role::integer) {
                    out += wholes[nw++];
                } else if (t.role == digit_role::numerator) {
                    out += blank ? " " : numerators[nn++];
                } else if (blank) {
                    out += ' ';
                } else if (!denominator_done) {
                    out += denominator_text;
                    denominator_done = true;
                }
                break;
            case token_kind::fraction_slash: out += blank ? " " : "/"; break;
            case token_kind::denominator:
                out += blank ? std::string(t.text.size(), ' ') : t.text;
                break;
            default: break;
        }
    }
    return out;
}

/// Renders a General section (General with literals around it).
std::string render_general(const section& s, double value, const format_locale& locale) {
    std::string out;
    for (const token& t : s.tokens) {
        if (emit_plain(t, out)) continue;
        if (t.kind == token_kind::general) out += format_general(value, locale);
    }
    return out;
}

/// Pads a non-negative number with zeros to at least `width` digits.
std::string padded(std::int64_t value, int width) {
    std::string digits = std::to_string(value);
    if (static_cast<int>(digits.size()) < width) {
        digits.insert(0, static_cast<std::size_t>(width) - digits.size(), '0');
    }
    return digits;
}

/// Returns the first UTF-8 code point of a name (mmmmm shows "J" for January).
std::string first_letter(std::string_view name) {
    return name.empty() ? std::string() : std::string(name.substr(0, code_point_length(name, 0)));
}

/// Returns the AM/PM or A/P text for an hour: "am/pm" and "a/p" written in lower case show
/// lower case, "A/P" shows the first letter in upper case, "AM/PM" the locale's words.
std::string meridiem_text(const token& t, int hour, const format_locale& names) {
    std::string_view word = hour < 12 ? names.am : names.pm;
    const bool lower = t.text[0] >= 'a' && t.text[0] <= 'z';
    std::string out = t.text.size() == 3 ? first_letter(word) : std::string(word);
    for (char& c : out) {
        if (lower) c = ascii_lower(c);
        else if (t.text.size() == 3 && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    return out;
}

/// Renders a date/time section; nullopt when the value is outside Excel's dates.
std::optional<std::string> render_date(const section& s, double value,
                                       const format_locale& locale) {
    if (!(value >= 0) || value >= max_date_serial + 1) return std::nullopt;
    date_time_parts parts{static_cast<std::int64_t>(std::floor(value)), {0, 0, 0, 0.0}};
    if (s.has_time) parts = split_date_time(value, s.subsecond_digits);
    if (parts.day > static_cast<std::int64_t>(max_date_serial)) return std::nullopt;
    const format_locale& names = s.names ? *s.names : locale;
    const auto day_serial = static_cast<double>(parts.day);
    const civil_date date = date_from_serial(day_serial);
    const clock_time& time = parts.time;
    const std::int64_t total_hours = parts.day * 24 + time.hour;
    const std::int64_t total_minutes = total_hours * 60 + time.minute;
    const std::int64_t total_seconds = total_minutes * 60 + time.second;
    const auto month_index = static_cast<std::size_t>(date.month - 1);
    const auto weekday = static_cast<std::size_t>(weekday_from_serial(day_serial));
    std::string out;
    for (const token& t : s.tokens) {
        if (emit_plain(t, out)) continue;
        switch (t.kind) {
            case token_kind::year:
                out += t.count == 2 ? padded(date.year % 100, 2) : padded(date.year, 4);
                break;
            case token_kind::month:
                if (t.count <= 2) out += padded(date.month, t.count);
                else if (t.count == 3) out += names.month_abbreviations[month_index];
                else if (t.count == 4) out += names.month_names[month_index];
                else out += first_letter(names.month_names[month_index]);
                break;
            case token_kind::day:
                if (t.count <= 2) out += padded(date.day, t.count);
                else if (t.count == 3) out += names.day_abbreviations[weekday];
                else out += names.day_names[weekday];
                break;
            case token_kind::hour: {
                int hour = time.hour;
                if (s.twelve_hour) hour = hour % 12 == 0 ? 12 : hour % 12;
                out += padded(hour, t.count);
                break;
            }
            case token_kind::minute: out += padded(time.minute, t.count); break;
            case token_kind::second: out += padded(time.second, t.count); break;
            case token_kind::subsecond:
                out += locale.decimal_separator;
                out += padded(static_cast<std::int64_t>(time.millis), 3)
                           .substr(0, static_cast<std::size_t>(t.count));
                break;
            case token_kind::am_pm: out += meridiem_text(t, time.hour, names); break;
            case token_kind::elapsed_hours: out += padded(total_hours, t.count); break;
            case token_kind::elapsed_minutes: out += padded(total_minutes, t.count); break;
            case token_kind::elapsed_seconds: out += padded(total_seconds, t.count); break;
            case token_kind::date_separator: out += locale.date_separator; break;
            case token_kind::time_separator: out += locale.time_separator; break;
            default: break;
        }
    }
    return out;
}

/// Renders a text section with `text` in place of each @.
std::string render_text(const section& s, std::string_view text) {
    std::string out;
    for (const token& t : s.tokens) {
        if (emit_plain(t, out)) continue;
        if (t.kind == token_kind::text) out += text;
    }
    return out;
}

// -------------------------------------------------------------------------------------------------
// Choosing a section

/// A section condition after defaults are filled in; `always` matches every value.
struct effective_condition {
    bool always = true;
    compare_op op = compare_op::ge;
    double limit = 0;

    /// Tells whether the value satisfies the condition.
    bool matches(double v) const {
        if (always) return true;
        switch (op) {
            case compare_op::lt: return v < limit;
            case compare_op::le: return v <= limit;
            case compare_op::gt: return v > limit;
            case compare_op::ge: return v >= limit;
            case compare_op::eq: return v == limit;
            case compare_op::ne: return v != limit;
        }
        return false;
    }
};

/// Returns the effective form of a condition written in the code.
effective_condition explicit_condition(const condition& c) {
    return {false, c.op, c.value};
}

/// The section chosen for a value, and whether a minus sign goes in front of it.
struct section_choice {
    const section* chosen;  // nullptr: no section applies, show General
    bool minus;
};

/// Picks the section for a value: without conditions positive;negative;zero (with two
/// sections the first also takes zero); with conditions the first section whose condition
/// holds, else the next one. Only the first section shows a minus sign, and not when its
/// condition selects negative numbers ([<0]); later sections show the absolute value. This is
/// LibreOffice's reading of Excel (GetSubformatIndex, IsFirstSubformatRealNegative).
section_choice choose_section(const std::vector<section>& sections, double v) {
    const std::size_t n = sections.size();
    const condition* c1 = sections[0].cond ? &*sections[0].cond : nullptr;
    const condition* c2 = n > 1 && sections[1].cond ? &*sections[1].cond : nullptr;
    effective_condition e1, e2;
    if (c1) e1 = explicit_condition(*c1);
    else if (n >= 2) e1 = {false, (n == 2 && !c2) ? compare_op::ge : compare_op::gt, 0};
    if (c2) e2 = explicit_condition(*c2);
    else if (n >= 3) e2 = {false, compare_op::lt, 0};
    std::size_t index = e1.matches(v) ? 0 : e2.matches(v) ? 1 : 2;
    if (index >= n) return {nullptr, v < 0};
    const bool first_is_negative =
        !e1.always && e1.limit == 0 && (e1.op == compare_op::lt || e1.op == compare_op::le);
    return {&sections[index], v < 0 && index == 0 && !first_is_negative};
}

/// Renders a section for a magnitude; nullopt when a date is out of range.
std::optional<std::string> render_section(const section& s, double magnitude,
                                          const format_locale& locale) {
    switch (s.kind) {
        case section_kind::number: return render_fixed(s, magnitude, locale);
        case section_kind::scientific: return render_scientific(s, magnitude, locale);
        case section_kind::fraction: return render_fraction(s, magnitude, locale);
        case section_kind::general: return render_general(s, magnitude, locale);
        case section_kind::date: return render_date(s, magnitude, locale);
        case section_kind::text: break;  // text sections never format numbers
    }
    return std::nullopt;
}

/// Returns what a date format shows for a value outside Excel's dates.
formatted out_of_range_result() {
    formatted f;
    f.text = "#####";
    f.out_of_range = true;
    return f;
}

}  // namespace

formatted number_format::format(double value, const format_locale& locale) const {
    if (!std::isfinite(value)) return out_of_range_result();
    if (value == 0) value = 0;  // -0 formats as 0
    formatted result;
    if (impl_->numeric.empty()) {  // only a text section: numbers show as General
        result.text = format_general(value, locale);
        return result;
    }
    section_choice choice = choose_section(impl_->numeric, value);
    if (!choice.chosen) {
        result.text = format_general(value, locale);
        return result;
    }
    const section& s = *choice.chosen;
    if (s.kind == section_kind::date && choice.minus) return out_of_range_result();
    std::optional<std::string> text = render_section(s, std::fabs(value), locale);
    if (!text) return out_of_range_result();
    result.color = s.color;
    result.text = (choice.minus && !s.tokens.empty()) ? "-" + *text : std::move(*text);
    return result;
}

formatted number_format::format_text(
    std::string_view text, const format_locale& /*locale: text needs no separators*/) const {
    formatted result;
    if (!impl_->text) {
        result.text = std::string(text);
        return result;
    }
    result.text = render_text(*impl_->text, text);
    result.color = impl_->text->color;
    return result;
}

bool number_format::is_date_time() const {
    return !impl_->numeric.empty() && impl_->numeric[0].kind == section_kind::date;
}

const std::string& number_format::code() const {
    return impl_->code;
}

std::string format_number(double value, std::string_view code, const format_locale& locale) {
    auto parsed = number_format::parse(code);
    if (const auto* format = std::get_if<number_format>(&parsed)) {
        return format->format(value, locale).text;
    }
    return format_general(value, locale);
}

}  // namespace folio

// The renderers' own words: every phrase the XLSX and HTML renderers pass to word() or
// translate() has a Spanish and Portuguese row in templates/words.cpp (a phrase without
// one would show in English in a Spanish report).
#include <catch2/catch.hpp>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "../eval/eval_support.hpp"
#include "folio/templates/words.hpp"

using namespace folio;

namespace {

// The literals of `inner` that are phrases: those that are not the right side of a comparison
// (`t.status == "good" ? "On target" : "Off target"` has two phrases).
void add_phrases(const std::string& inner, std::set<std::string>& found) {
    static const std::regex literal(R"re((==|!=)?\s*"((?:[^"\\]|\\.)*)")re");
    for (auto it = std::sregex_iterator(inner.begin(), inner.end(), literal); it != std::sregex_iterator(); ++it)
        if (!(*it)[1].matched && (*it)[2].length() > 0) found.insert((*it)[2].str());
}

// The phrases written as literals in the renderers' calls word(...) and translate(locale, ...),
// and in the {"key", "Phrase"} table of the HTML view model's words().
std::set<std::string> phrases_in(const std::string& text) {
    std::set<std::string> found;
    static const std::regex call(R"re(\b(word|translate)\()re");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), call); it != std::sregex_iterator(); ++it) {
        // The call's arguments: up to the matching parenthesis, strings skipped.
        std::size_t i = static_cast<std::size_t>(it->position() + it->length());
        const std::size_t begin = i;
        int depth = 1;
        for (; i < text.size() && depth > 0; ++i) {
            if (text[i] == '"') {
                for (++i; i < text.size() && text[i] != '"'; ++i)
                    if (text[i] == '\\') ++i;
            } else if (text[i] == '(') {
                ++depth;
            } else if (text[i] == ')') {
                --depth;
            }
        }
        std::string inner = text.substr(begin, i - begin);
        if ((*it)[1] == "translate") inner = inner.substr(std::min(inner.find(','), inner.size()));  // after the locale
        add_phrases(inner, found);
    }
    if (const std::size_t words = text.find("data words() const"); words != std::string::npos) {
        const std::string table = text.substr(words, text.find("return w;", words) - words);
        static const std::regex row(R"re(\{"[a-z_]+", "([^"]+)"\})re");
        for (auto it = std::sregex_iterator(table.begin(), table.end(), row); it != std::sregex_iterator(); ++it)
            found.insert((*it)[1].str());
    }
    return found;
}

}  // namespace

TEST_CASE("every phrase the renderers use has its translations", "[templates][words]") {
    std::set<std::string> phrases;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(eval_test::source_dir() / "templates")) {
        if (entry.path().extension() != ".cpp" || entry.path().filename() == "words.cpp") continue;
        std::ifstream in(entry.path());
        std::stringstream text;
        text << in.rdbuf();
        for (const std::string& p : phrases_in(text.str())) phrases.insert(p);
    }
    CHECK(phrases.size() >= 40);  // the scan finds the calls: literals, branches, the words table
    CHECK(phrases.count("No change") == 1);
    CHECK(phrases.count("Year ago") == 1);
    CHECK(phrases.count("Only the first {} of {} rows are shown: an Excel sheet holds at most 1,048,576 rows.") == 1);
    for (const std::string& p : phrases) {
        INFO(p);
        CHECK(templates::has_translation(p));
    }
    CHECK(templates::translate("es-MX", "Previous") == "Anterior");
    CHECK(templates::translate("pt-BR", "Previous") == "Anterior");
    CHECK(templates::translate("en-US", "Previous") == "Previous");
    CHECK(templates::translate("es-ES", "not a phrase of the table") == "not a phrase of the table");
}

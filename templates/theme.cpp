// Reading theme files (see theme.hpp). toml++ is parsed here only, so its header is
// compiled once.
#include "folio/templates/theme.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>
#include <toml++/toml.h>

#include "folio/engine/number_format.hpp"

namespace folio::templates {
namespace {

namespace fs = std::filesystem;

// The span of a toml++ source region in `file` (at least one character).
dsl::source_span span_of(const dsl::source_file& file, const toml::source_region& region) {
    const std::uint32_t begin = file.offset({region.begin.line, region.begin.column});
    std::uint32_t end = file.offset({region.end.line, region.end.column});
    if (region.end.line != region.begin.line || end < begin) end = begin;
    return {begin, std::max<std::uint32_t>(end - begin, 1)};
}

bool is_colour(std::string_view text) {
    if (text.size() != 7 || text[0] != '#') return false;
    for (char c : text.substr(1))
        if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
    return true;
}

// Reads one theme file into a theme that starts as the default one.
class theme_reader {
public:
    theme_reader(std::shared_ptr<const dsl::source_file> file, dsl::diagnostic_list& diagnostics)
        : file_(std::move(file)), diagnostics_(diagnostics) {}

    void read(const toml::table& root, theme& out) {
        for (const auto& [key, node] : root) {
            const std::string name(key.str());
            if (name == "locale") {
                read_locale(node, out.locale);
            } else if (name == "brand") {
                read_table(node, "brand", {"name", "logo", "raster_logo"}, [&](const std::string& k, const toml::node& v) {
                    if (k == "name") {
                        read_text(v, "brand.name", out.brand_name);
                    } else if (k == "logo") {
                        out.logo = read_logo(v, "brand.logo", true, out.logo_mime);
                    } else {
                        std::string mime;
                        raster_logo_ = read_logo(v, "brand.raster_logo", false, mime);
                    }
                });
            } else if (name == "colors") {
                read_table(node, "colors", {"light", "dark"}, [&](const std::string& k, const toml::node& v) {
                    read_palette(v, "colors." + k, k == "light" ? out.light : out.dark);
                });
            } else if (name == "fonts") {
                read_table(node, "fonts", {"heading", "body", "numbers"}, [&](const std::string& k, const toml::node& v) {
                    read_text(v, "fonts." + k, k == "heading" ? out.heading_font : k == "body" ? out.body_font : out.numbers_font);
                });
            } else if (name == "formats") {
                read_table(node, "formats", {"number", "percent", "currency"}, [&](const std::string& k, const toml::node& v) {
                    std::string& target = k == "number" ? out.number_format : k == "percent" ? out.percent_format : out.currency_format;
                    if (read_text(v, "formats." + k, target)) check_format(v, target);
                });
            } else {
                unknown(key.source(), name, "", {"locale", "brand", "colors", "fonts", "formats"});
            }
        }
        out.raster_logo = !raster_logo_.empty() ? raster_logo_ : out.logo_mime != "image/svg+xml" ? out.logo : fs::path();
    }

private:
    template <class Read>
    void read_table(const toml::node& node, const std::string& path, const std::vector<std::string>& keys, Read read) {
        const toml::table* table = node.as_table();
        if (table == nullptr) {
            error(node.source(), "'" + path + "' in a theme must be a table ([" + path + "])");
            return;
        }
        for (const auto& [key, value] : *table) {
            const std::string name(key.str());
            if (std::find(keys.begin(), keys.end(), name) == keys.end()) unknown(key.source(), name, path + ".", keys);
            else read(name, value);
        }
    }

    bool read_text(const toml::node& node, const std::string& path, std::string& out) {
        const auto* text = node.as_string();
        if (text == nullptr) {
            error(node.source(), "'" + path + "' in a theme must be a string");
            return false;
        }
        out = text->get();
        return true;
    }

    void read_locale(const toml::node& node, std::string& out) {
        std::string tag;
        if (!read_text(node, "locale", tag)) return;
        if (find_locale(tag) == nullptr) {
            error(node.source(), "unknown locale '" + tag + "' (the locales are en-US, es-ES, es-MX and pt-BR)");
            return;
        }
        out = tag;
    }

    void read_palette(const toml::node& node, const std::string& path, palette& out) {
        const std::vector<std::string> keys{"primary", "accent", "good", "bad", "text", "background", "series"};
        read_table(node, path, keys, [&](const std::string& k, const toml::node& v) {
            if (k == "series") {
                const toml::array* list = v.as_array();
                if (list == nullptr || list->empty()) {
                    error(v.source(), "'" + path + ".series' must be a list of colours such as [\"#1F4E79\", \"#F28C28\"]");
                    return;
                }
                std::vector<std::string> colours;
                for (const toml::node& item : *list) {
                    std::string colour;
                    if (!read_colour(item, path + ".series", colour)) return;
                    colours.push_back(colour);
                }
                out.series = std::move(colours);
                return;
            }
            std::string& target = k == "primary" ? out.primary : k == "accent" ? out.accent : k == "good" ? out.good
                                : k == "bad" ? out.bad : k == "text" ? out.text : out.background;
            read_colour(v, path + "." + k, target);
        });
    }

    bool read_colour(const toml::node& node, const std::string& path, std::string& out) {
        std::string text;
        if (!read_text(node, path, text)) return false;
        if (!is_colour(text)) {
            error(node.source(), "'" + path + "' must be a colour written #RRGGBB, not '" + text + "'");
            return false;
        }
        for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        out = text;
        return true;
    }

    void check_format(const toml::node& node, const std::string& code) {
        const auto parsed = number_format::parse(code);
        if (const auto* problem = std::get_if<format_error>(&parsed))
            error(node.source(), "'" + code + "' is not an Excel number format: " + problem->message);
    }

    // A logo: a file in the theme's folder (or below it), never outside; an SVG only when
    // `svg_allowed`. Returns the resolved path (empty after an error) and sets `mime`.
    fs::path read_logo(const toml::node& node, const std::string& path, bool svg_allowed, std::string& mime) {
        std::string text;
        if (!read_text(node, path, text)) return {};
        const fs::path relative(text);
        if (relative.is_absolute() || relative.has_root_name()) {
            error(node.source(), "the logo must be a path relative to the theme's folder, not '" + text + "'");
            return {};
        }
        const fs::path folder = fs::path(file_->path()).parent_path();
        std::error_code ec;
        const fs::path root = fs::weakly_canonical(folder.empty() ? fs::path(".") : folder, ec);
        const fs::path target = fs::weakly_canonical((folder / relative), ec);
        const auto [r, t] = std::mismatch(root.begin(), root.end(), target.begin(), target.end());
        if (r != root.end()) {
            error(node.source(), "the logo '" + text + "' is outside the theme's folder; copy it next to the theme");
            return {};
        }
        if (!fs::is_regular_file(target, ec)) {
            error(node.source(), "cannot find the logo '" + text + "' (looked for " + target.string() + ")");
            return {};
        }
        std::string ext = target.extension().string();
        for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (ext == ".svg" && svg_allowed) mime = "image/svg+xml";
        else if (ext == ".png") mime = "image/png";
        else if (ext == ".jpg" || ext == ".jpeg") mime = "image/jpeg";
        else {
            error(node.source(), std::string("'") + path + "' must be " + (svg_allowed ? "an .svg, " : "a ") +
                                     ".png or .jpg file, not '" + text + "'");
            return {};
        }
        return target;
    }

    void unknown(const toml::source_region& where, const std::string& name, const std::string& prefix,
                 const std::vector<std::string>& keys) {
        dsl::diagnostic& d = diagnostics_.warning(file_.get(), span_of(*file_, where),
                                                  "unknown key '" + prefix + name + "' in a theme; it is ignored");
        if (auto close = dsl::closest_match(name, keys)) d.notes.push_back({"did you mean '" + prefix + *close + "'?", nullptr, {}});
    }

    void error(const toml::source_region& where, std::string message) {
        diagnostics_.error(file_.get(), span_of(*file_, where), std::move(message));
    }

    std::shared_ptr<const dsl::source_file> file_;
    dsl::diagnostic_list& diagnostics_;
    fs::path raster_logo_;  // [brand] raster_logo, read before or after `logo`
};

}  // namespace

theme default_theme() {
    theme t;
    t.light = {"#1F4E79", "#F28C28", "#2E7D32", "#C62828", "#1A1A1A", "#FFFFFF",
               {"#1F4E79", "#F28C28", "#5B9BD5", "#70AD47", "#A5A5A5", "#FFC000"}};
    t.dark = {"#5B9BD5", "#F4B183", "#81C784", "#E57373", "#F2F2F2", "#1E1E1E",
              {"#5B9BD5", "#F4B183", "#9DC3E6", "#A9D18E", "#C9C9C9", "#FFD966"}};
    t.heading_font = "Calibri";
    t.body_font = "Calibri";
    t.numbers_font = "Calibri";
    t.number_format = "#,##0.00";
    t.percent_format = "0.0%";
    t.currency_format = "$#,##0";
    return t;
}

theme load_theme(const fs::path& file, dsl::diagnostic_list& diagnostics) {
    theme out = default_theme();
    out.file = file;
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        diagnostics.error(nullptr, {}, "cannot read the theme " + file.string());
        return out;
    }
    std::ostringstream text;
    text << in.rdbuf();
    auto source = std::make_shared<const dsl::source_file>(file.string(), text.str());
    out.source = source;
    toml::table root;
    try {
        root = toml::parse(source->text(), source->path());
    } catch (const toml::parse_error& e) {
        diagnostics.error(source.get(), span_of(*source, e.source()), "malformed theme: " + std::string(e.description()));
        return out;
    }
    theme_reader(source, diagnostics).read(root, out);
    return out;
}

theme theme_for_report(const report::checked_program& program, const report::report& r,
                       dsl::diagnostic_list& diagnostics) {
    if (r.theme.set) {
        const fs::path folder = r.theme.loc.file != nullptr ? fs::path(r.theme.loc.file->path()).parent_path() : fs::path();
        return load_theme((folder / r.theme.value).lexically_normal(), diagnostics);
    }
    if (!program.themes.empty()) return load_theme(program.themes.front().resolved_path, diagnostics);
    return default_theme();
}

std::string locale_for_report(const report::report& r, const theme& t) {
    if (r.locale.set && !r.locale.value.empty()) return r.locale.value;
    if (!t.locale.empty()) return t.locale;
    return "en-US";
}

}  // namespace folio::templates

// Themes: the TOML file's keys and defaults, its errors with line and column, the logo rule, and
// the WCAG AA contrast (4.5:1) of the colours the HTML page writes as text, in both palettes of
// the default theme and of the example theme.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "eval/eval_support.hpp"
#include "folio/templates/theme.hpp"

using namespace folio;
using namespace folio::templates;
using folio::eval_test::temp_dir;

namespace {

theme load(const temp_dir& dir, const std::string& toml, std::string& diagnostics) {
    dsl::diagnostic_list list;
    theme t = load_theme(dir.write("theme.toml", toml), list);
    diagnostics = dsl::format_text(list);
    const std::string prefix = dir.path().string() + "/";
    for (std::size_t at = diagnostics.find(prefix); at != std::string::npos; at = diagnostics.find(prefix, at))
        diagnostics.erase(at, prefix.size());
    return t;
}

struct rgb {
    double r, g, b;
};

rgb parse(const std::string& hex) {
    REQUIRE(hex.size() == 7);
    auto channel = [&](int at) { return std::stoi(hex.substr(static_cast<std::size_t>(at), 2), nullptr, 16) / 255.0; };
    return {channel(1), channel(3), channel(5)};
}

// color-mix(in srgb, a p, b): the page's muted text and tile panels are mixes of the palette.
rgb mix(const rgb& a, double p, const rgb& b) {
    return {a.r * p + b.r * (1 - p), a.g * p + b.g * (1 - p), a.b * p + b.b * (1 - p)};
}

// WCAG 2 relative luminance and contrast ratio.
double luminance(const rgb& c) {
    auto linear = [](double v) { return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b);
}

double contrast(const rgb& a, const rgb& b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// Every colour the stylesheet (templates/html/builtin/style.mustache) writes as text, on the page
// background and on the tile panel (5% primary over the background).
void require_readable(const palette& p, const std::string& name) {
    const rgb background = parse(p.background);
    const rgb panel = mix(parse(p.primary), 0.05, background);
    const rgb muted = mix(parse(p.text), 0.70, background);
    const std::pair<const char*, rgb> texts[] = {{"text", parse(p.text)}, {"primary", parse(p.primary)},
                                                  {"good", parse(p.good)},  {"bad", parse(p.bad)},
                                                  {"muted text", muted}};
    for (const auto& [what, colour] : texts) {
        INFO(name << ": " << what);
        CHECK(contrast(colour, background) >= 4.5);
        CHECK(contrast(colour, panel) >= 4.5);
    }
}

}  // namespace

TEST_CASE("the contrast formula gives WCAG's reference ratios", "[theme]") {
    CHECK(contrast(parse("#000000"), parse("#FFFFFF")) == Approx(21.0));
    CHECK(contrast(parse("#777777"), parse("#FFFFFF")) == Approx(4.48).epsilon(0.005));
    CHECK(contrast(parse("#767676"), parse("#FFFFFF")) == Approx(4.54).epsilon(0.005));
}

TEST_CASE("both palettes of the default and the example theme pass WCAG AA", "[theme][html]") {
    const theme d = default_theme();
    require_readable(d.light, "default light");
    require_readable(d.dark, "default dark");
    dsl::diagnostic_list diagnostics;
    const theme acme = load_theme(eval_test::source_dir() / "examples/customer-health/themes/acme.toml", diagnostics);
    REQUIRE(dsl::format_text(diagnostics).empty());
    require_readable(acme.light, "acme light");
    require_readable(acme.dark, "acme dark");
}

TEST_CASE("a theme reads every key and keeps the defaults for the rest", "[theme]") {
    temp_dir dir;
    dir.write("logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
    std::string problems;
    const theme t = load(dir, R"(locale = "pt-BR"
[brand]
name = "Acme"
logo = "logo.svg"
[colors.light]
primary = "#112233"
series = ["#aabbcc"]
[fonts]
body = "Inter"
[formats]
percent = "0%"
)", problems);
    CHECK(problems.empty());
    CHECK(t.locale == "pt-BR");
    CHECK(t.brand_name == "Acme");
    CHECK(t.logo.filename() == "logo.svg");
    CHECK(t.logo_mime == "image/svg+xml");
    CHECK(t.light.primary == "#112233");
    CHECK(t.light.series == std::vector<std::string>{"#AABBCC"});  // colours are upper-cased
    CHECK(t.light.background == "#FFFFFF");                        // the default's
    CHECK(t.dark.primary == default_theme().dark.primary);
    CHECK(t.body_font == "Inter");
    CHECK(t.heading_font == "Calibri");
    CHECK(t.percent_format == "0%");
    CHECK(t.number_format == "#,##0.00");
}

TEST_CASE("theme errors name the line and column", "[theme]") {
    temp_dir dir;
    std::string problems;
    load(dir, "[colors.light]\nprimary = \"blue\"\n[fonts]\nbody = 12\n[formats]\nnumber = \"0.0.0[\"\n", problems);
    CHECK(problems.find("theme.toml:2:11: error: 'colors.light.primary' must be a colour written #RRGGBB, not 'blue'") != std::string::npos);
    CHECK(problems.find("theme.toml:4:8: error: 'fonts.body' in a theme must be a string") != std::string::npos);
    CHECK(problems.find("theme.toml:6:10: error: '0.0.0[' is not an Excel number format") != std::string::npos);

    load(dir, "[colors.light]\nprimry = \"#000000\"\n", problems);
    CHECK(problems.find("theme.toml:2:1: warning: unknown key 'colors.light.primry' in a theme; it is ignored") != std::string::npos);
    CHECK(problems.find("did you mean 'colors.light.primary'?") != std::string::npos);

    load(dir, "locale = \"fr-FR\"\n", problems);
    CHECK(problems.find("theme.toml:1:10: error: unknown locale 'fr-FR' (the locales are en-US, es-ES, es-MX and pt-BR)") !=
          std::string::npos);

    load(dir, "[brand\nname = 1\n", problems);
    CHECK(problems.find("theme.toml:1:") != std::string::npos);
    CHECK(problems.find("error: malformed theme") != std::string::npos);
}

TEST_CASE("the logo must be an image file inside the theme's folder", "[theme]") {
    temp_dir dir;
    dir.write("outside.svg", "<svg/>");
    dir.write("themes/notes.txt", "text");
    std::string problems;
    dsl::diagnostic_list list;
    auto theme_file = dir.write("themes/t.toml", "[brand]\nlogo = \"../outside.svg\"\n");
    const theme outside = load_theme(theme_file, list);  // kept: the diagnostics point into its text
    CHECK(dsl::format_text(list).find("error: the logo '../outside.svg' is outside the theme's folder; copy it next to the theme") !=
          std::string::npos);

    load(dir, "[brand]\nlogo = \"/etc/passwd\"\n", problems);
    CHECK(problems.find("theme.toml:2:8: error: the logo must be a path relative to the theme's folder, not '/etc/passwd'") !=
          std::string::npos);

    dsl::diagnostic_list list2;
    const theme not_image = load_theme(dir.write("themes/u.toml", "[brand]\nlogo = \"notes.txt\"\n"), list2);
    CHECK(dsl::format_text(list2).find("u.toml:2:8: error: 'brand.logo' must be an .svg, .png or .jpg file, not 'notes.txt'") !=
          std::string::npos);

    // The workbook's logo must be a raster image; without one, a PNG `logo` serves.
    dir.write("themes/logo.svg", "<svg/>");
    dir.write("themes/logo.png", "png");
    dsl::diagnostic_list list3;
    const theme svg_raster = load_theme(dir.write("themes/v.toml", "[brand]\nraster_logo = \"logo.svg\"\n"), list3);
    CHECK(dsl::format_text(list3).find("v.toml:2:15: error: 'brand.raster_logo' must be a .png or .jpg file, not 'logo.svg'") !=
          std::string::npos);
    dsl::diagnostic_list list4;
    const theme both = load_theme(dir.write("themes/w.toml", "[brand]\nlogo = \"logo.svg\"\nraster_logo = \"logo.png\"\n"), list4);
    CHECK_FALSE(list4.has_errors());
    CHECK(both.logo.filename() == "logo.svg");
    CHECK(both.raster_logo.filename() == "logo.png");
    const theme png_only = load_theme(dir.write("themes/x.toml", "[brand]\nlogo = \"logo.png\"\n"), list4);
    CHECK(png_only.raster_logo == png_only.logo);
    const theme svg_only = load_theme(dir.write("themes/y.toml", "[brand]\nlogo = \"logo.svg\"\n"), list4);
    CHECK(svg_only.raster_logo.empty());

    load(dir, "[brand]\nlogo = \"missing.png\"\n", problems);
    CHECK(problems.find("error: cannot find the logo 'missing.png'") != std::string::npos);
}

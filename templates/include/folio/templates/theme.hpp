// A theme: the brand a report is rendered in. The same TOML file drives the XLSX and the
// HTML renderer:
//
//   locale = "es-MX"
//   [brand]        name = "Acme Analytics", logo = "acme-logo.svg"
//                  raster_logo = "acme-logo.png" (for formats that cannot show SVG: XLSX)
//   [colors.light] primary, accent, good, bad, text, background = "#RRGGBB", series = [...]
//   [colors.dark]  the same keys, for dark mode (HTML)
//   [fonts]        heading, body, numbers
//   [formats]      number, percent, currency: Excel format codes for metrics without `format`
//
// Every key is optional; what a file leaves out comes from the built-in default theme. The
// logo must be an SVG, PNG or JPEG file inside the theme's folder (no absolute paths, no
// `..` or symlinks out of it): a theme shared by a library cannot read other files.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "folio/dsl/diagnostic.hpp"
#include "folio/engine/report/report_model.hpp"

namespace folio::templates {

struct palette {
    std::string primary, accent, good, bad, text, background;  // "#RRGGBB"
    std::vector<std::string> series;                            // chart series colours, at least one
};

struct theme {
    std::filesystem::path file;      // the TOML file; empty for the default theme
    std::shared_ptr<const dsl::source_file> source;  // its text, which diagnostics point into
    std::string brand_name;          // "" when unset
    std::filesystem::path logo;      // resolved and checked; empty when unset
    std::string logo_mime;           // "image/svg+xml", "image/png" or "image/jpeg"
    std::filesystem::path raster_logo;  // a PNG or JPEG logo: `raster_logo`, else `logo` when it is one
    palette light, dark;
    std::string heading_font, body_font, numbers_font;
    std::string number_format, percent_format, currency_format;  // Excel format codes
    std::string locale;              // "" when the theme does not set one
};

/// Returns the built-in theme (neutral blue, Calibri/Segoe UI, en-US formats).
theme default_theme();

/// Reads a theme file; problems go to `diagnostics` with their line and column (unknown keys
/// are warnings with a suggestion, malformed colours and a logo outside the folder are errors).
theme load_theme(const std::filesystem::path& file, dsl::diagnostic_list& diagnostics);

/// Returns the theme report `r` uses: its `theme:` setting, else the program's `theme "..."`
/// declaration, else the default theme.
theme theme_for_report(const report::checked_program& program, const report::report& r,
                       dsl::diagnostic_list& diagnostics);

/// Returns the locale a report renders in: the report's `locale:`, else the theme's, else "en-US".
std::string locale_for_report(const report::report& r, const theme& t);

}  // namespace folio::templates

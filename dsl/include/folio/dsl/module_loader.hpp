// Loads a report and everything it imports.
//
// `import "cx"` and `import "acme/brand" as acme` are looked up, in order, in the
// folder of the importing file, the library folders (--lib DIR, then FOLIO_PATH
// entries, then the aliases of a folio.toml manifest beside the root report), and the
// installed stdlib folder; "acme/brand" names acme/brand.folio below one of them. An
// import may not resolve outside these roots (no "../" escapes, no symlinks out), a
// missing import and an import cycle are errors pointing at the import.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "folio/dsl/diagnostic.hpp"
#include "folio/dsl/report_ast.hpp"

namespace folio::dsl {

// folio.toml beside the root report:
//   [package]
//   name = "acme-reports"
//   version = "1.2.0"
//   [libraries]
//   acme = "libs/acme"        # alias → folder, relative to the manifest
struct manifest {
    std::string name;
    std::string version;
    std::vector<std::pair<std::string, std::filesystem::path>> libraries;
};

struct library_paths {
    std::filesystem::path stdlib_dir;            // the installed stdlib folder (holds cx.folio)
    std::vector<std::filesystem::path> lib_dirs;  // --lib DIR, in order
    bool use_folio_path = true;                  // also read FOLIO_PATH (':'-separated)
};

// One import resolved: the declaration in `from`, the module it loads.
struct resolved_import {
    const report_module* from = nullptr;
    const declaration* import = nullptr;
    const report_module* module = nullptr;  // null when it could not be loaded
};

struct loaded_program {
    std::vector<std::unique_ptr<report_module>> modules;  // modules[0] is the root report
    std::vector<resolved_import> imports;
    std::optional<manifest> package;  // the folio.toml found beside the root, if any
    std::shared_ptr<const source_file> manifest_file;  // its text, which diagnostics may point at

    const report_module& root() const { return *modules.front(); }
};

// Reads, parses and loads `root` and its imports, each file once. Problems (a file
// that cannot be read, syntax errors, missing or cyclic imports, a bad manifest) go
// to `diagnostics`; what could be loaded is returned. modules[0] always exists (an
// empty module when the root cannot be read); an import that is missing, escapes
// the roots or closes a cycle has module == nullptr. The diagnostics point into the
// returned program's files: keep it alive while printing them.
loaded_program load_program(const std::filesystem::path& root, const library_paths& paths,
                            diagnostic_list& diagnostics);

// Loads a program from text in memory (tests, `folio check -`): imports resolve as
// for a file in `directory`.
loaded_program load_program_text(std::string path, std::string text, const std::filesystem::path& directory,
                                 const library_paths& paths, diagnostic_list& diagnostics);

}  // namespace folio::dsl

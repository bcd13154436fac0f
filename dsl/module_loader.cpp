// Loads a report and, depth first, everything it imports.
//
// An import "a/b" names the file a/b.folio (a path already ending in ".folio" is
// taken as it is) below one of the search folders, tried in order: the folder of the
// importing file, each --lib DIR, each FOLIO_PATH entry, the folder of a folio.toml
// library alias when the first segment of the path is that alias ("acme/brand" with
// `acme = "libs/acme"` → libs/acme/brand.folio), and the stdlib folder.
//
// The allowed roots are the root report's folder and all library folders. Every
// candidate is compared as a weakly canonical path (symlinks resolved) against them:
// an absolute import, a "../" that climbs out, or a symlink whose target lies
// outside is refused at the import, whether or not the target exists. Each file is
// loaded once, keyed by its canonical path; an import of a file that is still being
// loaded closes a cycle and is reported with the chain of files.
#include "folio/dsl/module_loader.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <system_error>

#include <toml++/toml.h>

#include "folio/dsl/report_parser.hpp"

namespace folio::dsl {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t max_file_bytes = 16u << 20;  // 16 MB
constexpr std::size_t max_import_depth = 200;
constexpr std::size_t max_suggestion_entries = 2000;  // directory entries read for "did you mean"

// The message of an error code, starting in lower case like every diagnostic.
std::string lower_first(std::string text) {
    if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') text[0] = static_cast<char>(text[0] - 'A' + 'a');
    return text;
}

// Reads the whole file at `path` as bytes into `text`; on failure returns why
// ("no such file or directory", "is a directory", "file is larger than 16 MB").
std::optional<std::string> read_whole_file(const fs::path& path, std::string& text) {
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec) return lower_first(ec.message());
    if (fs::is_directory(status)) return std::string("is a directory");
    std::FILE* file = std::fopen(path.c_str(), "rb");
    if (!file) return lower_first(std::generic_category().message(errno));
    text.clear();
    char buffer[65536];
    std::size_t got = 0;
    bool too_large = false;
    while ((got = std::fread(buffer, 1, sizeof buffer, file)) > 0) {
        if (text.size() + got > max_file_bytes) {
            too_large = true;
            break;
        }
        text.append(buffer, got);
    }
    const bool failed = std::ferror(file) != 0;
    std::fclose(file);
    if (too_large) return std::string("file is larger than 16 MB");
    if (failed) return std::string("read error");
    return std::nullopt;
}

// The path with empty meaning the current folder.
fs::path or_current(const fs::path& p) {
    return p.empty() ? fs::path(".") : p;
}

// The weakly canonical form of `p` without a trailing separator; empty on error.
fs::path canonical_form(const fs::path& p) {
    std::error_code ec;
    fs::path c = fs::weakly_canonical(fs::absolute(or_current(p), ec), ec);
    if (ec) return {};
    if (!c.has_filename() && c.has_parent_path() && c != c.root_path()) c = c.parent_path();
    return c;
}

// True when the canonical path `child` is `root` or lies below it.
bool is_within(const fs::path& child, const fs::path& root) {
    auto c = child.begin();
    for (auto r = root.begin(); r != root.end(); ++r, ++c) {
        if (r->empty()) continue;  // a trailing separator
        if (c == child.end() || *c != *r) return false;
    }
    return true;
}

// The span of a toml++ source region in `file` (at least its first character).
source_span span_of(const source_file& file, const toml::source_region& region) {
    const std::uint32_t begin = file.offset({region.begin.line, region.begin.column});
    std::uint32_t end = file.offset({region.end.line, region.end.column});
    if (region.end.line != region.begin.line || end < begin) end = begin;
    return {begin, std::max<std::uint32_t>(end - begin, 1)};
}

// One folder an import is looked for in.
struct search_folder {
    fs::path dir;
    std::string alias;  // set for a folio.toml alias: the import must start with "alias/"
};

class loader {
public:
    loader(const library_paths& paths, diagnostic_list& diagnostics) : paths_(paths), diagnostics_(diagnostics) {}

    // Loads the program whose root has `path` and `text` (or failed to read with
    // `read_error`), importing relative to `folder`.
    loaded_program run(std::string path, std::string text, std::optional<std::string> read_error,
                       const fs::path& folder) {
        read_manifest(folder);
        collect_roots(folder);
        auto file = std::make_shared<source_file>(path, std::move(text));
        if (read_error) {
            diagnostics_.error(nullptr, {}, "cannot read '" + path + "': " + *read_error);
            auto module = std::make_unique<report_module>();
            module->file = file;
            program_.modules.push_back(std::move(module));
            return std::move(program_);
        }
        fs::path key = canonical_form(or_current(folder) / fs::path(path).filename());
        load_module(std::move(file), key, folder);
        return std::move(program_);
    }

private:
    const library_paths& paths_;
    diagnostic_list& diagnostics_;
    loaded_program program_;
    std::vector<search_folder> libraries_;  // --lib, FOLIO_PATH, aliases, in search order
    std::vector<fs::path> roots_;            // canonical allowed roots
    std::map<fs::path, const report_module*> loaded_;
    // A file being loaded and the import (in the file before it) that loaded it.
    struct open_file {
        fs::path key;
        const report_module* module = nullptr;
        const source_file* via_file = nullptr;
        source_span via;
    };
    std::vector<open_file> stack_;  // outermost first

    // Parses `file` (imported at `via` in `via_file`, if not the root), records it
    // under `key` and loads its imports from `folder`.
    void load_module(std::shared_ptr<source_file> file, const fs::path& key, const fs::path& folder,
                     const source_file* via_file = nullptr, source_span via = {}) {
        auto module = std::make_unique<report_module>(parse_report(file, diagnostics_));
        module->file = file;
        const report_module* self = module.get();
        program_.modules.push_back(std::move(module));
        if (!key.empty()) loaded_[key] = self;
        stack_.push_back({key, self, via_file, via});
        for (const declaration& decl : self->declarations) {
            if (decl.kind != decl_kind::import || !decl.import) continue;
            const std::size_t index = program_.imports.size();
            program_.imports.push_back(resolved_import{self, &decl, nullptr});
            program_.imports[index].module = load_import(*self, *decl.import, folder);
        }
        stack_.pop_back();
    }

    // Resolves and loads one import of `from`; null when it could not be loaded.
    const report_module* load_import(const report_module& from, const import_decl& import, const fs::path& folder) {
        const source_file* file = from.file.get();
        const std::string& name = import.path;
        const source_span at = import.path_span;
        if (name.empty()) {
            diagnostics_.error(file, at, "empty import path");
            return nullptr;
        }
        for (unsigned char c : name) {
            if (c < 0x20 || c == 0x7F) {
                diagnostics_.error(file, at, "import path contains a control character");
                return nullptr;
            }
        }
        if (name.front() == '/' || fs::path(name).has_root_path()) {
            diagnostics_.error(file, at, "import '" + name + "' must be a relative path");
            return nullptr;
        }
        if (stack_.size() > max_import_depth) {
            diagnostics_.error(file, at, "imports are nested more than " + std::to_string(max_import_depth) + " deep");
            return nullptr;
        }
        const std::string file_name = name.ends_with(".folio") ? name : name + ".folio";

        std::vector<search_folder> tried;
        for (const search_folder& where : search_order(folder)) {
            std::string relative = file_name;
            if (!where.alias.empty()) {
                if (!file_name.starts_with(where.alias + "/")) continue;
                relative = file_name.substr(where.alias.size() + 1);
            }
            tried.push_back(where);
            const fs::path candidate = (or_current(where.dir) / relative).lexically_normal();
            const fs::path key = canonical_form(candidate);
            if (key.empty()) continue;
            if (!inside_roots(key)) {
                diagnostics_.error(file, at, "import '" + name + "' leads outside the allowed folders")
                    .notes.push_back({"it resolves to '" + key.string() + "'", nullptr, {}});
                return nullptr;
            }
            std::error_code ec;
            const fs::file_status status = fs::status(candidate, ec);
            if (ec || !fs::exists(status) || fs::is_directory(status)) continue;
            return open_import(file, at, name, candidate, key);
        }
        report_missing(file, at, name, tried);
        return nullptr;
    }

    // Loads the file an import found (once), or reports the cycle it closes.
    const report_module* open_import(const source_file* file, source_span at, const std::string& name,
                                     const fs::path& candidate, const fs::path& key) {
        for (std::size_t i = 0; i < stack_.size(); ++i) {
            if (stack_[i].key != key) continue;
            std::vector<const report_module*> chain;
            for (std::size_t k = i; k < stack_.size(); ++k) chain.push_back(stack_[k].module);
            chain.push_back(stack_[i].module);
            const std::vector<std::string> names = chain_names(chain);
            std::string text;
            for (const std::string& part : names) text += (text.empty() ? "" : " \u2192 ") + part;
            diagnostic& d = diagnostics_.error(file, at, "import cycle: " + text);
            for (std::size_t k = i + 1; k < stack_.size(); ++k)
                d.notes.push_back({"'" + names[k - i] + "' is imported here", stack_[k].via_file, stack_[k].via});
            return nullptr;
        }
        if (auto found = loaded_.find(key); found != loaded_.end()) return found->second;
        std::error_code ec;
        if (!fs::is_regular_file(candidate, ec)) {
            diagnostics_.error(file, at, "cannot read import '" + name + "': not a regular file");
            return nullptr;
        }
        std::string text;
        if (auto problem = read_whole_file(candidate, text)) {
            diagnostics_.error(file, at, "cannot read import '" + name + "': " + *problem);
            return nullptr;
        }
        const std::size_t index = program_.modules.size();
        load_module(std::make_shared<source_file>(candidate.string(), std::move(text)), key, candidate.parent_path(), file,
                    at);
        return program_.modules[index].get();
    }

    // The names of the files of a cycle: file names, or whole paths when names repeat.
    static std::vector<std::string> chain_names(const std::vector<const report_module*>& chain) {
        bool ambiguous = false;
        for (std::size_t i = 0; i < chain.size(); ++i) {
            for (std::size_t k = 0; k < i; ++k) {
                const std::string& a = chain[i]->file->path();
                const std::string& b = chain[k]->file->path();
                if (a != b && fs::path(a).filename() == fs::path(b).filename()) ambiguous = true;
            }
        }
        std::vector<std::string> names;
        for (const report_module* m : chain) names.push_back(ambiguous ? m->file->path() : fs::path(m->file->path()).filename().string());
        return names;
    }

    // Reports an import found in none of the folders it was looked for in, listing
    // them and the closest import name that does exist.
    void report_missing(const source_file* file, source_span at, const std::string& name,
                        const std::vector<search_folder>& tried) {
        diagnostic& d = diagnostics_.error(file, at, "cannot find import '" + name + "'");
        const std::string wanted = name.ends_with(".folio") ? name.substr(0, name.size() - 6) : name;
        std::string folders;
        std::vector<fs::path> seen;
        std::vector<std::string> names;
        for (const search_folder& where : tried) {
            const fs::path shown = or_current(where.dir).lexically_normal();
            if (std::find(seen.begin(), seen.end(), shown) != seen.end()) continue;
            seen.push_back(shown);
            folders += (folders.empty() ? "'" : ", '") + shown.string() + "'";
            collect_names(where, wanted, names);
        }
        d.notes.push_back({"searched in " + folders, nullptr, {}});
        if (auto suggestion = closest_match(wanted, names)) d.notes.push_back({"did you mean '" + *suggestion + "'?", nullptr, {}});
    }

    // Adds the import names of the .folio files in `where` that sit in the same
    // subfolder as `wanted` would ("acme/brand" → the files of acme/).
    static void collect_names(const search_folder& where, const std::string& wanted, std::vector<std::string>& names) {
        std::string relative = wanted;
        std::string prefix;
        if (!where.alias.empty()) {
            relative = wanted.substr(where.alias.size() + 1);
            prefix = where.alias + "/";
        }
        const fs::path sub = fs::path(relative).parent_path();
        if (!sub.empty()) prefix += sub.generic_string() + "/";
        std::error_code ec;
        fs::directory_iterator it(or_current(where.dir) / sub, ec);
        std::size_t count = 0;
        for (; !ec && it != fs::directory_iterator() && count < max_suggestion_entries; it.increment(ec), ++count) {
            const fs::path& p = it->path();
            if (p.extension() != ".folio") continue;
            std::string import_name = prefix + p.stem().string();
            if (std::find(names.begin(), names.end(), import_name) == names.end()) names.push_back(import_name);
        }
    }

    // The folders an import from `folder` is looked for in, in order.
    std::vector<search_folder> search_order(const fs::path& folder) const {
        std::vector<search_folder> order;
        order.push_back({folder, {}});
        order.insert(order.end(), libraries_.begin(), libraries_.end());
        if (!paths_.stdlib_dir.empty()) order.push_back({paths_.stdlib_dir, {}});
        return order;
    }

    // True when the canonical path `key` lies in one of the allowed roots.
    bool inside_roots(const fs::path& key) const {
        return std::any_of(roots_.begin(), roots_.end(), [&](const fs::path& root) { return is_within(key, root); });
    }

    // Gathers the library folders (--lib, FOLIO_PATH, manifest aliases) and the
    // canonical allowed roots.
    void collect_roots(const fs::path& folder) {
        for (const fs::path& dir : paths_.lib_dirs) libraries_.push_back({dir, {}});
        if (paths_.use_folio_path) {
            if (const char* env = std::getenv("FOLIO_PATH")) {
                std::string_view rest = env;
                while (!rest.empty()) {
                    const std::size_t colon = rest.find(':');
                    const std::string_view entry = rest.substr(0, colon);
                    if (!entry.empty()) libraries_.push_back({fs::path(std::string(entry)), {}});
                    rest = colon == std::string_view::npos ? std::string_view() : rest.substr(colon + 1);
                }
            }
        }
        if (program_.package) {
            const fs::path base = or_current(folder);
            for (const auto& [alias, dir] : program_.package->libraries) libraries_.push_back({base / dir, alias});
        }
        std::vector<fs::path> all{folder};
        for (const search_folder& where : libraries_) all.push_back(where.dir);
        if (!paths_.stdlib_dir.empty()) all.push_back(paths_.stdlib_dir);
        for (const fs::path& dir : all) {
            fs::path root = canonical_form(dir);
            if (!root.empty()) roots_.push_back(std::move(root));
        }
    }

    // Reads folio.toml in `folder`, if there is one, into program_.package.
    void read_manifest(const fs::path& folder) {
        const fs::path path = (or_current(folder) / "folio.toml").lexically_normal();
        std::error_code ec;
        if (!fs::exists(path, ec)) return;
        std::string text;
        if (auto problem = read_whole_file(path, text)) {
            diagnostics_.error(nullptr, {}, "cannot read '" + path.string() + "': " + *problem);
            return;
        }
        auto file = std::make_shared<source_file>(path.string(), std::move(text));
        program_.manifest_file = file;
        toml::table table;
        try {
            table = toml::parse(file->text(), file->path());
        } catch (const toml::parse_error& e) {
            diagnostics_.error(file.get(), span_of(*file, e.source()),
                               "malformed folio.toml: " + lower_first(std::string(e.description())));
            return;
        }
        manifest result;
        for (auto&& [key, node] : table) {
            const std::string name(key.str());
            if (name == "package") read_package(*file, node, result);
            else if (name == "libraries") read_libraries(*file, folder, node, result);
            else diagnostics_.warning(file.get(), span_of(*file, key.source()), "unknown key '" + name + "' in folio.toml");
        }
        program_.package = std::move(result);
    }

    // Reads [package]: name and version, both strings.
    void read_package(const source_file& file, const toml::node& node, manifest& result) {
        const toml::table* table = node.as_table();
        if (!table) {
            diagnostics_.error(&file, span_of(file, node.source()), "'package' in folio.toml must be a table");
            return;
        }
        for (auto&& [key, value] : *table) {
            const std::string name(key.str());
            std::string* field = name == "name" ? &result.name : name == "version" ? &result.version : nullptr;
            if (!field) {
                diagnostics_.warning(&file, span_of(file, key.source()), "unknown key 'package." + name + "' in folio.toml");
            } else if (const auto* text = value.as_string()) {
                *field = text->get();
            } else {
                diagnostics_.error(&file, span_of(file, value.source()), "'package." + name + "' in folio.toml must be a string");
            }
        }
    }

    // Reads [libraries]: alias = "folder", the folder relative to the manifest.
    void read_libraries(const source_file& file, const fs::path& folder, const toml::node& node, manifest& result) {
        const toml::table* table = node.as_table();
        if (!table) {
            diagnostics_.error(&file, span_of(file, node.source()), "'libraries' in folio.toml must be a table");
            return;
        }
        for (auto&& [key, value] : *table) {
            const std::string alias(key.str());
            const auto* text = value.as_string();
            if (alias.empty() || alias.find('/') != std::string::npos) {
                diagnostics_.error(&file, span_of(file, key.source()), "library name '" + alias + "' in folio.toml must be a plain name");
                continue;
            }
            if (!text || text->get().empty()) {
                diagnostics_.error(&file, span_of(file, value.source()),
                                   "library '" + alias + "' in folio.toml must be a folder name (a string)");
                continue;
            }
            const fs::path dir(text->get());
            std::error_code ec;
            if (!fs::is_directory(or_current(folder) / dir, ec)) {
                diagnostics_.error(&file, span_of(file, value.source()), "library folder '" + text->get() + "' does not exist");
                continue;
            }
            result.libraries.emplace_back(alias, dir);
        }
    }
};

}  // namespace

loaded_program load_program(const std::filesystem::path& root, const library_paths& paths,
                            diagnostic_list& diagnostics) {
    std::string text;
    std::optional<std::string> problem = read_whole_file(root, text);
    return loader(paths, diagnostics).run(root.string(), std::move(text), std::move(problem), root.parent_path());
}

loaded_program load_program_text(std::string path, std::string text, const std::filesystem::path& directory,
                                 const library_paths& paths, diagnostic_list& diagnostics) {
    return loader(paths, diagnostics).run(std::move(path), std::move(text), std::nullopt, directory);
}

}  // namespace folio::dsl

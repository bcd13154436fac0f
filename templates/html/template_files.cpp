// Finding and reading HTML templates (see template_files.hpp).
#include "html/template_files.hpp"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

#include "html/builtin_templates.hpp"

namespace folio::templates::html {

namespace fs = std::filesystem;

bool is_partial_name(std::string_view name) {
    if (name.empty() || name.size() > 100) return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    });
}

std::optional<std::string> inside_folder(const fs::path& root, const fs::path& candidate) {
    std::error_code ec;
    const fs::path r = fs::weakly_canonical(root.empty() ? fs::path(".") : root, ec);
    const fs::path c = fs::weakly_canonical(candidate, ec);
    const auto [ri, ci] = std::mismatch(r.begin(), r.end(), c.begin(), c.end());
    if (ri != r.end()) return "it is outside " + r.string();
    return std::nullopt;
}

std::string read_file_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

template_library::template_library(std::vector<fs::path> search_dirs, fs::path own_folder)
    : folders_(std::move(search_dirs)) {
    if (!own_folder.empty()) folders_.push_back(std::move(own_folder));
}

std::shared_ptr<const dsl::source_file> template_library::find(const std::string& name) const {
    if (!is_partial_name(name)) return nullptr;
    if (auto it = cache_.find(name); it != cache_.end()) return it->second;
    std::shared_ptr<const dsl::source_file> found;
    for (const fs::path& folder : folders_) {
        const fs::path file = folder / (name + ".mustache");
        std::error_code ec;
        // A symlink in a template folder must not lead out of it.
        if (!fs::is_regular_file(file, ec) || inside_folder(folder, file)) continue;
        found = std::make_shared<const dsl::source_file>(file.string(), read_file_text(file));
        break;
    }
    if (!found) {
        for (const builtin_template& b : builtin_templates())
            if (b.name == name)
                found = std::make_shared<const dsl::source_file>("builtin:" + name + ".mustache", std::string(b.text));
    }
    cache_[name] = found;
    return found;
}

std::vector<std::shared_ptr<const dsl::source_file>> template_library::files() const {
    std::vector<std::shared_ptr<const dsl::source_file>> out;
    for (const auto& [name, file] : cache_)
        if (file) out.push_back(file);
    return out;
}

std::vector<std::string> template_library::names() const {
    std::set<std::string> out;
    for (const builtin_template& b : builtin_templates()) out.emplace(b.name);
    for (const fs::path& folder : folders_) {
        std::error_code ec;
        for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec))
            if (it->path().extension() == ".mustache") out.insert(it->path().stem().string());
    }
    return {out.begin(), out.end()};
}

}  // namespace folio::templates::html

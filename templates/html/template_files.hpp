// Where HTML templates come from, and the folders they may be read from.
//
// A page template is a built-in audience ("executive", "manager", "analyst", "default"), a
// .mustache file, or a folder holding report.mustache and its partials. Partials ({{> name}})
// are looked up in the template folders of the render request first (a library's overrides),
// then in the folder of the report's own template, then among the built-ins. Names are plain
// (letters, digits, '_' and '-'), so a partial cannot name a file outside those folders; a
// template path in a report must stay inside the report's folder (no absolute paths, no '..'
// or symlinks out of it).
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "folio/dsl/source_file.hpp"

namespace folio::templates::html {

/// The built-in audience pages.
inline constexpr const char* builtin_audiences[] = {"executive", "manager", "analyst", "default"};

/// True for a name a partial may have.
bool is_partial_name(std::string_view name);

class template_library {
public:
    /// `search_dirs`: searched first, in order; `own_folder`: the folder of a report's own template ("" for none).
    template_library(std::vector<std::filesystem::path> search_dirs, std::filesystem::path own_folder);

    /// The template `name` (without ".mustache"), or null when no folder and no built-in has it.
    /// Files are read once; the returned file stays alive as long as the library.
    std::shared_ptr<const dsl::source_file> find(const std::string& name) const;

    /// Every name find() could return (for "did you mean" suggestions).
    std::vector<std::string> names() const;

    /// Every file find() has read so far (diagnostics point into them).
    std::vector<std::shared_ptr<const dsl::source_file>> files() const;

private:
    std::vector<std::filesystem::path> folders_;  // search order, before the built-ins
    mutable std::map<std::string, std::shared_ptr<const dsl::source_file>> cache_;
};

/// The page template of a report and the library its partials come from.
struct page_template {
    std::string audience;                         // the built-in audience, or the custom file's stem
    std::shared_ptr<const dsl::source_file> page; // the page's text
    std::shared_ptr<template_library> library;
};

/// Returns why `candidate` is not inside `root` (checked after resolving symlinks), or nothing when it is.
std::optional<std::string> inside_folder(const std::filesystem::path& root, const std::filesystem::path& candidate);

/// Reads a text file; throws std::runtime_error naming it when it cannot be read.
std::string read_file_text(const std::filesystem::path& path);

}  // namespace folio::templates::html

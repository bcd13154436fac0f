// The values a dimension takes across every source, each with a small id.
//
// Scans turn a row's dimension value into an id of the dimension's domain (through
// caches per source column, so a text code or a date costs a lookup), and groups,
// contexts and results speak in ids. One domain per dimension key (dimension and
// grain): conformed dimensions meet here, "EMEA" in surveys and in tickets is one id.
// Text is grouped exactly (case and spaces matter), as SQL's GROUP BY does.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "folio/engine/eval/report_result.hpp"
#include "folio/engine/eval/time_period.hpp"

namespace folio::eval {

class dimension_domain {
public:
    dimension_domain(dimension_key key, calendar_options calendar) : key_(key), calendar_(calendar) {}

    const dimension_key& key() const { return key_; }
    bool is_time() const { return key_.grain != report::time_grain::none; }

    /// Returns the id of a row value: for a time dimension a date serial (its period is taken), else any scalar.
    std::uint32_t intern(const value& v);

    /// Returns the id of the period starting at `start` (time dimensions).
    std::uint32_t intern_period(double start);

    /// Makes the numbers of a dimension without a grain show as dates ("2024-12-31"), for a dimension of dates.
    void show_as_dates() { dates_ = true; }

    /// Returns the id of blank.
    std::uint32_t blank_id() { return intern(value()); }

    /// Returns the value of an id.
    const dimension_value& at(std::uint32_t id) const { return values_[id]; }

    /// Returns the number of ids.
    std::size_t size() const { return values_.size(); }

    /// Returns the id of the period `steps` periods away from the period `id` (time dimensions; blank stays blank).
    std::uint32_t shifted(std::uint32_t id, int steps);

    /// Returns the id of the same period a year before the period `id` (see year_ago_period; blank stays blank),
    /// nullopt when there is none (ISO week 53 of a year whose year before has 52).
    std::optional<std::uint32_t> year_ago(std::uint32_t id);

    /// Tells whether id a sorts before id b: numbers and periods ascending, then text (case-insensitively), booleans, blank last.
    bool less(std::uint32_t a, std::uint32_t b) const;

private:
    dimension_key key_;
    calendar_options calendar_;
    bool dates_ = false;
    std::vector<dimension_value> values_;
    std::unordered_map<std::string, std::uint32_t> ids_;

    std::uint32_t add(std::string key, dimension_value v);
};

// The domains of every dimension key of an evaluation.
class domain_set {
public:
    explicit domain_set(calendar_options calendar) : calendar_(calendar) {}

    /// Returns the domain of a key, making it when it is new.
    dimension_domain& at(const dimension_key& key);

    const calendar_options& calendar() const { return calendar_; }

private:
    calendar_options calendar_;
    std::map<dimension_key, std::unique_ptr<dimension_domain>> domains_;
};

}  // namespace folio::eval

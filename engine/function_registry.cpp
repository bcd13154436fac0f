// The function registry, the grid view over arguments, and aggregate collection.
#include <algorithm>

#include "folio/engine/aggregate.hpp"
#include "folio/engine/coerce.hpp"
#include "folio/engine/function.hpp"

namespace folio {

namespace {

// Registry keys: upper case, without the "_xlfn." / "_xlws." prefixes of xlsx files.
std::string registry_key(std::string_view name) {
    std::string key = to_upper_utf8(name);
    for (std::string_view prefix : {"_XLFN._XLWS.", "_XLFN.", "_XLWS."}) {
        if (key.size() > prefix.size() && key.compare(0, prefix.size(), prefix) == 0) {
            key.erase(0, prefix.size());
            break;
        }
    }
    return key;
}

}  // namespace

const value& call_context::blank_value() {
    static const value blank;
    return blank;
}

void function_registry::add(const function_def& def) {
    auto entry = std::make_shared<registered_function>();
    entry->def = def;
    entry->name = registry_key(def.name);
    entry->def.name = entry->name;
    store(std::move(entry));
}

void function_registry::add_host(std::string_view name, int min_args, int max_args, host_function fn,
                                 std::uint32_t flags, std::string_view description) {
    auto entry = std::make_shared<registered_function>();
    entry->name = registry_key(name);
    entry->def.name = entry->name;
    entry->def.min_args = min_args;
    entry->def.max_args = max_args;
    entry->def.flags = flags & ~static_cast<std::uint32_t>(fn_lazy);
    entry->def.description = description;
    entry->host = std::move(fn);
    store(std::move(entry));
}

void function_registry::store(std::shared_ptr<registered_function> entry) {
    // Replacing keeps the object's address: bound formulas hold pointers to it.
    auto [it, inserted] = functions_.try_emplace(entry->name, entry);
    if (!inserted) {
        *it->second = *entry;
        it->second->def.name = it->second->name;
    }
}

const registered_function* function_registry::find(std::string_view name) const {
    auto it = functions_.find(registry_key(name));
    return it == functions_.end() ? nullptr : it->second.get();
}

std::vector<const registered_function*> function_registry::all() const {
    std::vector<const registered_function*> out;
    out.reserve(functions_.size());
    for (const auto& [key, entry] : functions_) out.push_back(entry.get());
    std::sort(out.begin(), out.end(), [](auto* a, auto* b) { return a->name < b->name; });
    return out;
}

grid::grid(const value& v, call_context& ctx) : ctx_(&ctx) {
    if (v.is_reference()) {
        ref_ = &v.ref();
        rows_ = ref_->rows();
        cols_ = ref_->cols();
        if (ref_->on == nullptr) {
            used_rows_ = used_cols_ = 0;
            return;
        }
        used_rows_ = std::clamp(ref_->on->used_rows() - ref_->row0, 0, rows_);
        used_cols_ = std::clamp(ref_->on->used_cols() - ref_->col0, 0, cols_);
    } else if (v.is_array()) {
        array_ = &v.array_value();
        rows_ = used_rows_ = array_->rows();
        cols_ = used_cols_ = array_->cols();
    } else {
        single_ = &v;
    }
}

std::optional<error_code> collect_numbers(const arguments& args, call_context& ctx, count_rule rule,
                                          std::vector<double>& out) {
    return for_each_number(args, ctx, rule, [&](double n) { out.push_back(n); });
}

}  // namespace folio

namespace folio {

// Copies are deep, so that a workbook's own registry can change without touching
// the one it was made from.
function_registry::function_registry(const function_registry& other) { *this = other; }

function_registry& function_registry::operator=(const function_registry& other) {
    if (this == &other) return *this;
    functions_.clear();
    for (const auto& [key, entry] : other.functions_) {
        auto copy = std::make_shared<registered_function>(*entry);
        copy->def.name = copy->name;
        functions_.emplace(key, std::move(copy));
    }
    return *this;
}

}  // namespace folio

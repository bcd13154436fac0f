// Helpers for the data-layer tests: a file with given bytes in a fresh temporary folder,
// removed with the folder at the end of the test, and short ways to read a CSV text.
#pragma once

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>

#include "folio/engine/data/csv.hpp"

namespace folio::data::test {

// A fresh folder below the system temp folder with a name no other run uses.
class temp_dir {
public:
    temp_dir() {
        static std::atomic<unsigned> counter{0};
        const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
        path_ = std::filesystem::temp_directory_path() / ("folio-data-" + std::to_string(::getpid()) + "-" +
                                                          std::to_string(stamp) + "-" + std::to_string(counter++));
        std::filesystem::create_directories(path_);
    }
    ~temp_dir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    temp_dir(const temp_dir&) = delete;
    temp_dir& operator=(const temp_dir&) = delete;

    const std::filesystem::path& path() const { return path_; }

    // Writes `bytes` to `name` in the folder and returns its path.
    std::filesystem::path write(const std::string& name, std::string_view bytes) const {
        const std::filesystem::path p = path_ / name;
        std::ofstream out(p, std::ios::binary);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        return p;
    }

private:
    std::filesystem::path path_;
};

// Options that name the file "surveys.csv" in messages, whatever its temporary path.
inline csv_options named(csv_options options = {}, std::string name = "surveys.csv") {
    options.display_name = std::move(name);
    return options;
}

// Reads CSV text as a whole table.
inline loaded_table read_text(std::string_view text, const csv_options& options = named(),
                              const std::optional<table_schema>& schema = std::nullopt) {
    temp_dir dir;
    return read_csv_table(dir.write("surveys.csv", text), options, schema);
}

// Returns the message of the data_error that reading the text throws, or "" when it reads.
inline std::string error_of(std::string_view text, const csv_options& options = named(),
                            const std::optional<table_schema>& schema = std::nullopt) {
    try {
        read_text(text, options, schema);
    } catch (const data_error& e) {
        return e.what();
    }
    return {};
}

}  // namespace folio::data::test

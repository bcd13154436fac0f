// Atomic output files (see output_file.hpp).
#include "folio/engine/output_file.hpp"

#include <unistd.h>

#include <atomic>
#include <fstream>
#include <system_error>

namespace folio {

std::filesystem::path temporary_beside(const std::filesystem::path& path) {
    static std::atomic<unsigned> counter{0};
    std::filesystem::path tmp = path;
    tmp += ".tmp-" + std::to_string(static_cast<long>(::getpid())) + "-" + std::to_string(counter++);
    return tmp;
}

std::string move_into_place(const std::filesystem::path& tmp, const std::filesystem::path& path) {
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (!ec) return {};
    const std::string why = ec.message();
    std::filesystem::remove(tmp, ec);
    return why;
}

std::string write_file_atomically(const std::filesystem::path& path, std::string_view text) {
    const std::filesystem::path tmp = temporary_beside(path);
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
        out.flush();
        if (!out) {
            std::error_code ec;
            std::filesystem::remove(tmp, ec);
            return "the file cannot be created or the disk is full";
        }
    }
    return move_into_place(tmp, path);
}

}  // namespace folio

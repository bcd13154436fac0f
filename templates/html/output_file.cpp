// Atomic output files (see output_file.hpp).
#include "html/output_file.hpp"

#include <unistd.h>

#include <atomic>
#include <fstream>
#include <system_error>

#include "folio/templates/render.hpp"

namespace folio::templates::html {

std::filesystem::path temporary_beside(const std::filesystem::path& path) {
    static std::atomic<unsigned> counter{0};
    std::filesystem::path tmp = path;
    tmp += ".tmp-" + std::to_string(static_cast<long>(::getpid())) + "-" + std::to_string(counter++);
    return tmp;
}

void write_file_atomically(const std::filesystem::path& path, const std::string& text) {
    const std::filesystem::path tmp = temporary_beside(path);
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << text;
        out.flush();
        if (!out) {
            std::error_code ec;
            std::filesystem::remove(tmp, ec);
            throw render_error("cannot write " + path.string() + ": the file cannot be created or the disk is full");
        }
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        std::error_code ignored;
        std::filesystem::remove(tmp, ignored);
        throw render_error("cannot write " + path.string() + ": " + ec.message());
    }
}

}  // namespace folio::templates::html

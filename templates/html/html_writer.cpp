// write_html (see render.hpp): the page rendered, written to a temporary file beside the target
// and renamed into place, so a failed render never leaves a half-written page.
#include "folio/engine/output_file.hpp"
#include "folio/templates/html.hpp"
#include "folio/templates/render.hpp"

namespace folio::templates {

std::vector<std::string> write_html(const render_request& request, const std::filesystem::path& path) {
    std::vector<std::string> notes;
    std::string text;
    try {
        text = render_html(request, notes);
    } catch (const render_error& e) {
        throw render_error("cannot write " + path.string() + ": " + e.what());
    }
    if (const std::string why = write_file_atomically(path, text); !why.empty())
        throw render_error("cannot write " + path.string() + ": " + why);
    return notes;
}

}  // namespace folio::templates

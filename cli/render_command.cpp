// Placeholder until report evaluation lands.
#include "render_command.hpp"

#include <ostream>

namespace folio::cli {

int render_command(const std::vector<std::string>&, std::istream&, std::ostream&, std::ostream& err) {
    err << "folio render: not available yet\n";
    return 2;
}

}  // namespace folio::cli

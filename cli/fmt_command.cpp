// Placeholder until the report front end lands.
#include "fmt_command.hpp"

#include <ostream>

namespace folio::cli {

int fmt_command(const std::vector<std::string>&, std::istream&, std::ostream&, std::ostream& err) {
    err << "folio fmt: not available yet\n";
    return 2;
}

}  // namespace folio::cli

// Placeholder until the report front end lands.
#include "check_command.hpp"

#include <ostream>

namespace folio::cli {

int check_command(const std::vector<std::string>&, std::istream&, std::ostream&, std::ostream& err) {
    err << "folio check: not available yet\n";
    return 2;
}

}  // namespace folio::cli

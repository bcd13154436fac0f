// The `folio` command: dispatches to its subcommands.
#include <iostream>
#include <string>
#include <vector>

#include "check_command.hpp"
#include "eval_command.hpp"
#include "fmt_command.hpp"
#include "functions_command.hpp"
#include "render_command.hpp"

namespace {

constexpr const char* usage =
    "usage: folio <command> [options]\n"
    "\n"
    "commands:\n"
    "  eval 'FORMULA'                 evaluate an Excel formula and print its value\n"
    "  eval --batch FILE|- [--cells FILE]\n"
    "                                 evaluate one formula per line: type<TAB>value\n"
    "  check FILE                     parse and check a report definition\n"
    "  fmt FILE [--write|--check]     print a report definition in canonical layout\n"
    "  render FILE [--report NAME] [--format json] [--out DIR] [--param k=v]\n"
    "                                 evaluate a report and write its outputs\n"
    "  functions [--markdown]         list the built-in functions\n"
    "  version                        print the version\n";

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        std::cout << usage;
        return args.empty() ? 2 : 0;
    }
    const std::string command = args[0];
    args.erase(args.begin());
    try {
        if (command == "eval") return folio::cli::eval_command(args, std::cin, std::cout, std::cerr);
        if (command == "check") return folio::cli::check_command(args, std::cin, std::cout, std::cerr);
        if (command == "fmt") return folio::cli::fmt_command(args, std::cin, std::cout, std::cerr);
        if (command == "render") return folio::cli::render_command(args, std::cin, std::cout, std::cerr);
        if (command == "functions") return folio::cli::functions_command(args, std::cout, std::cerr);
        if (command == "version" || command == "--version") {
            std::cout << "folio 0.1.0\n";
            return 0;
        }
    } catch (const std::exception& e) {
        std::cerr << "folio: internal error: " << e.what() << '\n';
        return 3;
    }
    std::cerr << "folio: unknown command '" << command << "'\n" << usage;
    return 2;
}

// The module loader: where imports are found and in which order, folio.toml
// manifests and their mistakes, imports that try to leave the allowed folders,
// cycles, missing imports and files that cannot be read.
#include <catch2/catch.hpp>

#include "folio/dsl/module_loader.hpp"
#include "report_loader/temp_folder.hpp"

using namespace folio::dsl;
using folio::test::scoped_env;
using folio::test::temp_folder;
namespace fs = std::filesystem;

namespace {

// A loaded program with the diagnostics that point into it.
struct loaded {
    diagnostic_list diagnostics;
    loaded_program program;

    std::string text() const { return format_text(diagnostics); }
    // The file paths of the modules, in load order.
    std::vector<std::string> paths() const {
        std::vector<std::string> out;
        for (const auto& m : program.modules) out.push_back(m->file->path());
        return out;
    }
};

std::unique_ptr<loaded> load(const fs::path& root, library_paths paths = {}) {
    auto result = std::make_unique<loaded>();
    result->program = load_program(root, paths, result->diagnostics);
    return result;
}

library_paths no_env() {
    library_paths paths;
    paths.use_folio_path = false;
    return paths;
}

// The only diagnostic, which must be an error.
const diagnostic& only_error(const loaded& l) {
    INFO(l.text());
    REQUIRE(l.diagnostics.items().size() == 1);
    REQUIRE(l.diagnostics.items()[0].level == severity::error);
    return l.diagnostics.items()[0];
}

// The import declaration of `module` whose path is `path`.
const declaration& import_of(const report_module& module, const std::string& path) {
    for (const declaration& d : module.declarations)
        if (d.kind == decl_kind::import && d.import && d.import->path == path) return d;
    FAIL("no import '" << path << "' in " << module.file->path());
    throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("load_program: a report without imports", "[report_loader][module_loader]") {
    temp_folder tmp;
    const fs::path root = tmp.write("report.folio", "metric answer = 42\n");
    const auto l = load(root, no_env());
    CHECK(l->text() == "");
    REQUIRE(l->program.modules.size() == 1);
    CHECK(l->program.root().file->path() == root.string());
    CHECK(l->program.root().declarations.size() == 1);
    CHECK(l->program.imports.empty());
    CHECK_FALSE(l->program.package);
    CHECK_FALSE(l->program.manifest_file);
}

TEST_CASE("load_program: imports from the importing folder, each file once", "[report_loader][module_loader]") {
    temp_folder tmp;
    const fs::path root = tmp.write("report.folio", "import \"b\"\nimport \"c\" as cc\nimport \"sub/e\"\nimport \"b.folio\"\n");
    tmp.write("b.folio", "import \"d\"\n");
    tmp.write("c.folio", "import \"d\"\n");
    tmp.write("d.folio", "metric d = 1\n");
    tmp.write("sub/e.folio", "import \"f\"\n");  // f is beside e, in sub/
    tmp.write("sub/f.folio", "metric f = 1\n");
    const auto l = load(root, no_env());
    CHECK(l->text() == "");
    const fs::path dir = tmp.path();
    CHECK(l->paths() == std::vector<std::string>{root.string(), (dir / "b.folio").string(), (dir / "d.folio").string(),
                                                 (dir / "c.folio").string(), (dir / "sub/e.folio").string(),
                                                 (dir / "sub/f.folio").string()});
    const auto& imports = l->program.imports;
    REQUIRE(imports.size() == 7);
    const auto& modules = l->program.modules;
    CHECK(imports[0].from == modules[0].get());
    CHECK(imports[0].import->import->path == "b");
    CHECK(imports[0].module == modules[1].get());
    CHECK(imports[1].from == modules[1].get());
    CHECK(imports[1].module == modules[2].get());  // b → d
    CHECK(imports[2].module == modules[3].get());  // report → c
    CHECK(imports[3].module == modules[2].get());  // c → d, loaded once
    CHECK(imports[4].module == modules[4].get());  // report → sub/e
    CHECK(imports[5].module == modules[5].get());  // e → f
    CHECK(imports[6].module == modules[1].get());  // "b.folio" is b again
}

TEST_CASE("load_program: the search order of the folders", "[report_loader][module_loader]") {
    temp_folder tmp;
    const fs::path stdlib = tmp.folder("stdlib");
    const fs::path lib1 = tmp.folder("lib1");
    const fs::path lib2 = tmp.folder("lib2");
    const fs::path env = tmp.folder("env");
    tmp.write("project/folio.toml", "[libraries]\nx = \"../aliased\"\n");
    tmp.folder("aliased");
    const fs::path root = tmp.write("project/report.folio", "import \"x/m\"\n");
    library_paths paths;
    paths.stdlib_dir = stdlib;
    paths.lib_dirs = {lib1, lib2};
    scoped_env folio_path("FOLIO_PATH", env.string());

    // Each step removes the winner of the step before.
    const std::vector<fs::path> expected{tmp.path() / "project/x/m.folio", lib1 / "x/m.folio", lib2 / "x/m.folio",
                                         env / "x/m.folio", tmp.path() / "aliased/m.folio", stdlib / "x/m.folio"};
    for (const fs::path& p : expected) tmp.write(fs::relative(p, tmp.path()).string(), "metric m = 1\n");
    for (const fs::path& p : expected) {
        const auto l = load(root, paths);
        INFO(l->text());
        CHECK_FALSE(l->diagnostics.has_errors());
        REQUIRE(l->program.modules.size() == 2);
        CHECK(l->program.modules[1]->file->path() == p.string());
        fs::remove(p);
    }
    const auto l = load(root, paths);
    CHECK(only_error(*l).message == "cannot find import 'x/m'");
}

TEST_CASE("load_program: FOLIO_PATH entries", "[report_loader][module_loader]") {
    temp_folder tmp;
    const fs::path a = tmp.folder("a");
    const fs::path b = tmp.folder("b");
    tmp.write("b/lib.folio", "metric x = 1\n");
    const fs::path root = tmp.write("project/report.folio", "import \"lib\"\n");
    {
        scoped_env env("FOLIO_PATH", "::" + a.string() + "::" + b.string() + ":");
        const auto l = load(root);
        CHECK(l->text() == "");
        REQUIRE(l->program.modules.size() == 2);
        CHECK(l->program.modules[1]->file->path() == (b / "lib.folio").string());

        library_paths off;
        off.use_folio_path = false;
        const auto ignored = load(root, off);
        CHECK(only_error(*ignored).message == "cannot find import 'lib'");
    }
    scoped_env unset("FOLIO_PATH", std::nullopt);
    CHECK(only_error(*load(root)).message == "cannot find import 'lib'");
}

TEST_CASE("load_program: folio.toml names the package and library aliases", "[report_loader][module_loader]") {
    temp_folder tmp;
    tmp.write("libs/acme/brand.folio", "import \"colors\"\nmetric brand = 1\n");
    tmp.write("libs/acme/colors.folio", "metric colors = 1\n");
    tmp.write("folio.toml",
              "# the project\n[package]\nname = \"acme-reports\"\nversion = \"1.2.0\"\n\n[libraries]\nacme = \"libs/acme\"\n");
    const fs::path root = tmp.write("report.folio", "import \"acme/brand\" as acme\n");
    const auto l = load(root, no_env());
    CHECK(l->text() == "");
    REQUIRE(l->program.package);
    CHECK(l->program.package->name == "acme-reports");
    CHECK(l->program.package->version == "1.2.0");
    REQUIRE(l->program.package->libraries.size() == 1);
    CHECK(l->program.package->libraries[0].first == "acme");
    CHECK(l->program.package->libraries[0].second == fs::path("libs/acme"));
    REQUIRE(l->program.manifest_file);
    CHECK(l->program.manifest_file->path() == (tmp.path() / "folio.toml").string());
    CHECK(l->paths() == std::vector<std::string>{root.string(), (tmp.path() / "libs/acme/brand.folio").string(),
                                                 (tmp.path() / "libs/acme/colors.folio").string()});
}

TEST_CASE("load_program: a malformed folio.toml", "[report_loader][module_loader]") {
    temp_folder tmp;
    tmp.write("folio.toml", "[package]\nname = \"x\nversion = \"1\"\n");
    const fs::path root = tmp.write("report.folio", "metric a = 1\n");
    const auto l = load(root, no_env());
    const diagnostic& d = only_error(*l);
    CHECK(d.file == l->program.manifest_file.get());
    const std::string text = l->text();
    INFO(text);
    CHECK(text.starts_with((tmp.path() / "folio.toml").string() + ":2:"));
    CHECK(text.find(": error: malformed folio.toml: ") != std::string::npos);
    CHECK(text.find("    2 | name = \"x\n") != std::string::npos);
    CHECK_FALSE(l->program.package);
    CHECK(l->program.modules.size() == 1);  // the report itself still loads
}

TEST_CASE("load_program: folio.toml fields of the wrong type", "[report_loader][module_loader]") {
    temp_folder tmp;
    tmp.folder("libs/ok");
    tmp.write("folio.toml",
              "[package]\nname = 3\nversion = \"1.0\"\nauthor = \"me\"\n"
              "[libraries]\nok = \"libs/ok\"\nnum = 5\nnope = \"libs/nope\"\n"
              "[extra]\n");
    const fs::path root = tmp.write("report.folio", "metric a = 1\n");
    const auto l = load(root, no_env());
    const std::string m = (tmp.path() / "folio.toml").string();
    CHECK(l->text() ==
          m + ":2:8: error: 'package.name' in folio.toml must be a string\n"
              "    2 | name = 3\n"
              "      |        ^\n" +
          m + ":4:1: warning: unknown key 'package.author' in folio.toml\n"
              "    4 | author = \"me\"\n"
              "      | ^~~~~~\n" +
          m + ":7:7: error: library 'num' in folio.toml must be a folder name (a string)\n"
              "    7 | num = 5\n"
              "      |       ^\n" +
          m + ":8:8: error: library folder 'libs/nope' does not exist\n"
              "    8 | nope = \"libs/nope\"\n"
              "      |        ^~~~~~~~~~~\n" +
          m + ":9:2: warning: unknown key 'extra' in folio.toml\n"
              "    9 | [extra]\n"
              "      |  ^~~~~\n");
    REQUIRE(l->program.package);
    CHECK(l->program.package->version == "1.0");
    REQUIRE(l->program.package->libraries.size() == 1);
    CHECK(l->program.package->libraries[0].first == "ok");

    tmp.write("folio.toml", "package = \"x\"\nlibraries = [1]\n");
    const auto t = load(root, no_env());
    CHECK(t->text() ==
          m + ":1:11: error: 'package' in folio.toml must be a table\n"
              "    1 | package = \"x\"\n"
              "      |           ^~~\n" +
          m + ":2:13: error: 'libraries' in folio.toml must be a table\n"
              "    2 | libraries = [1]\n"
              "      |             ^~~\n");
}

TEST_CASE("load_program: a missing import lists the folders searched", "[report_loader][module_loader]") {
    temp_folder tmp;
    const fs::path stdlib = tmp.folder("stdlib");
    tmp.write("stdlib/cx.folio", "metric x = 1\n");
    const fs::path lib = tmp.folder("lib");
    tmp.write("lib/acme/brands.folio", "metric x = 1\n");
    const fs::path root = tmp.write("project/report.folio", "import \"acme/brand\"\nimport \"cxx\"\n");
    library_paths paths = no_env();
    paths.stdlib_dir = stdlib;
    paths.lib_dirs = {lib};
    const auto l = load(root, paths);
    const auto& items = l->diagnostics.items();
    REQUIRE(items.size() == 2);
    const std::string folders =
        "searched in '" + (tmp.path() / "project").string() + "', '" + lib.string() + "', '" + stdlib.string() + "'";
    CHECK(items[0].message == "cannot find import 'acme/brand'");
    CHECK(items[0].file == l->program.root().file.get());
    CHECK(items[0].span.offset == import_of(l->program.root(), "acme/brand").import->path_span.offset);
    CHECK(items[0].span.length == import_of(l->program.root(), "acme/brand").import->path_span.length);
    REQUIRE(items[0].notes.size() == 2);
    CHECK(items[0].notes[0].message == folders);
    CHECK(items[0].notes[1].message == "did you mean 'acme/brands'?");
    CHECK(items[1].message == "cannot find import 'cxx'");
    REQUIRE(items[1].notes.size() == 2);
    CHECK(items[1].notes[1].message == "did you mean 'cx'?");
    REQUIRE(l->program.imports.size() == 2);
    CHECK(l->program.imports[0].module == nullptr);
    CHECK(l->program.imports[1].module == nullptr);
    CHECK(l->program.modules.size() == 1);
}

TEST_CASE("load_program: imports may not leave the allowed folders", "[report_loader][module_loader]") {
    temp_folder tmp;
    tmp.write("outside/secret.folio", "metric secret = 1\n");
    tmp.write("project/inside.folio", "metric inside = 1\n");
    const fs::path root = tmp.write("project/report.folio", "metric a = 1\n");
    const auto escape = [&](const std::string& import) {
        tmp.write("project/report.folio", "import \"" + import + "\"\n");
        return load(root, no_env());
    };

    SECTION("climbing out with ..") {
        const auto l = escape("../../etc/passwd");
        const diagnostic& d = only_error(*l);
        CHECK(d.message == "import '../../etc/passwd' leads outside the allowed folders");
        CHECK(d.span.offset == import_of(l->program.root(), "../../etc/passwd").import->path_span.offset);
        REQUIRE(d.notes.size() == 1);
        CHECK(d.notes[0].message == "it resolves to '" + (tmp.path().parent_path() / "etc/passwd.folio").string() + "'");
        CHECK(only_error(*escape("../outside/secret")).message ==
              "import '../outside/secret' leads outside the allowed folders");
        CHECK(l->program.modules.size() == 1);
        CHECK(l->program.imports.at(0).module == nullptr);
    }
    SECTION("an absolute path") {
        CHECK(only_error(*escape("/etc/passwd")).message == "import '/etc/passwd' must be a relative path");
        CHECK(only_error(*escape((tmp.path() / "outside/secret").string())).message ==
              "import '" + (tmp.path() / "outside/secret").string() + "' must be a relative path");
    }
    SECTION("a symlinked file that points out") {
        fs::create_symlink(tmp.path() / "outside/secret.folio", tmp.path() / "project/evil.folio");
        const auto l = escape("evil");
        CHECK(only_error(*l).message == "import 'evil' leads outside the allowed folders");
        CHECK(only_error(*l).notes.at(0).message == "it resolves to '" + (tmp.path() / "outside/secret.folio").string() + "'");
    }
    SECTION("a symlinked folder that points out") {
        fs::create_directory_symlink(tmp.path() / "outside", tmp.path() / "project/link");
        CHECK(only_error(*escape("link/secret")).message == "import 'link/secret' leads outside the allowed folders");
        CHECK(only_error(*escape("link/missing")).message == "import 'link/missing' leads outside the allowed folders");
    }
    SECTION("a .. that stays inside and a symlink within the folder are fine") {
        fs::create_symlink(tmp.path() / "project/inside.folio", tmp.path() / "project/alias.folio");
        tmp.write("project/report.folio", "import \"sub/../inside\"\nimport \"alias\"\nimport \"inside\"\n");
        const auto l = load(root, no_env());
        CHECK(l->text() == "");
        REQUIRE(l->program.modules.size() == 2);  // one file behind three names
        CHECK(l->program.modules[1]->file->path() == (tmp.path() / "project/inside.folio").string());
        for (const auto& i : l->program.imports) CHECK(i.module == l->program.modules[1].get());
    }
    SECTION("a library folder is an allowed root too") {
        library_paths paths = no_env();
        paths.lib_dirs = {tmp.path() / "outside"};
        tmp.write("project/report.folio", "import \"../outside/secret\"\n");
        const auto l = load(root, paths);
        CHECK(l->text() == "");
        CHECK(l->program.modules.size() == 2);
    }
    SECTION("control characters and empty paths") {
        CHECK(only_error(*escape("a\tb")).message == "import path contains a control character");
        CHECK(only_error(*escape("")).message == "empty import path");
    }
}

TEST_CASE("load_program: import cycles", "[report_loader][module_loader]") {
    temp_folder tmp;
    SECTION("two files") {
        const fs::path a = tmp.write("a.folio", "import \"b\"\nmetric a = 1\n");
        tmp.write("b.folio", "metric b = 1\nimport \"a\"\n");
        const auto l = load(a, no_env());
        const diagnostic& d = only_error(*l);
        CHECK(d.message == "import cycle: a.folio \u2192 b.folio \u2192 a.folio");
        REQUIRE(l->program.modules.size() == 2);
        const report_module& b = *l->program.modules[1];
        CHECK(d.file == b.file.get());
        CHECK(d.span.offset == import_of(b, "a").import->path_span.offset);
        REQUIRE(l->program.imports.size() == 2);
        CHECK(l->program.imports[0].module == &b);
        CHECK(l->program.imports[1].from == &b);
        CHECK(l->program.imports[1].module == nullptr);
        REQUIRE(d.notes.size() == 1);
        CHECK(d.notes[0].message == "'b.folio' is imported here");
        CHECK(d.notes[0].file == l->program.root().file.get());
        CHECK(d.notes[0].span.offset == import_of(l->program.root(), "b").import->path_span.offset);
    }
    SECTION("a file importing itself") {
        const fs::path a = tmp.write("a.folio", "import \"a\"\n");
        CHECK(only_error(*load(a, no_env())).message == "import cycle: a.folio \u2192 a.folio");
    }
    SECTION("a cycle below the root") {
        const fs::path r = tmp.write("root.folio", "import \"b\"\n");
        tmp.write("b.folio", "import \"c\"\n");
        tmp.write("c.folio", "import \"d\"\n");
        tmp.write("d.folio", "import \"b\"\n");
        const auto l = load(r, no_env());
        CHECK(only_error(*l).message == "import cycle: b.folio \u2192 c.folio \u2192 d.folio \u2192 b.folio");
        CHECK(only_error(*l).file == l->program.modules[3]->file.get());
        // The whole report: the error at the import that closes the cycle, a note at
        // each import along it (spans cover the quoted path).
        const std::string dir = tmp.path().string() + "/";
        CHECK(l->text() == dir + "d.folio:1:8: error: import cycle: b.folio \u2192 c.folio \u2192 d.folio \u2192 b.folio\n"
                                 "    1 | import \"b\"\n"
                                 "      |        ^~~\n" +
                           dir + "b.folio:1:8: note: 'c.folio' is imported here\n"
                                 "    1 | import \"c\"\n"
                                 "      |        ^~~\n" +
                           dir + "c.folio:1:8: note: 'd.folio' is imported here\n"
                                 "    1 | import \"d\"\n"
                                 "      |        ^~~\n");
    }
    SECTION("files of the same name in different folders are shown with their paths") {
        const fs::path a = tmp.write("a.folio", "import \"sub/a\"\n");
        tmp.write("sub/a.folio", "import \"../a\"\n");
        CHECK(only_error(*load(a, no_env())).message == "import cycle: " + a.string() + " \u2192 " +
                                                               (tmp.path() / "sub/a.folio").string() + " \u2192 " +
                                                               a.string());
    }
    SECTION("a diamond is no cycle") {
        const fs::path a = tmp.write("a.folio", "import \"b\"\nimport \"c\"\n");
        tmp.write("b.folio", "import \"d\"\n");
        tmp.write("c.folio", "import \"d\"\n");
        tmp.write("d.folio", "metric d = 1\n");
        const auto l = load(a, no_env());
        CHECK(l->text() == "");
        CHECK(l->program.modules.size() == 4);
    }
}

TEST_CASE("load_program: very deep import chains end in a diagnostic", "[report_loader][module_loader]") {
    temp_folder tmp;
    for (int i = 0; i < 300; ++i) tmp.write("m" + std::to_string(i) + ".folio", "import \"m" + std::to_string(i + 1) + "\"\n");
    tmp.write("m300.folio", "metric end = 1\n");
    const auto l = load(tmp.path() / "m0.folio", no_env());
    CHECK(only_error(*l).message == "imports are nested more than 200 deep");
}

TEST_CASE("load_program: a root that cannot be read", "[report_loader][module_loader]") {
    temp_folder tmp;
    const fs::path missing = tmp.path() / "missing.folio";
    const auto l = load(missing, no_env());
    CHECK(l->text() == "folio: error: cannot read '" + missing.string() + "': no such file or directory\n");
    REQUIRE(l->program.modules.size() == 1);  // root() stays usable
    CHECK(l->program.root().declarations.empty());
    CHECK(l->program.root().file->path() == missing.string());

    const fs::path dir = tmp.folder("dir.folio");
    CHECK(load(dir, no_env())->text() == "folio: error: cannot read '" + dir.string() + "': is a directory\n");

    const fs::path big = tmp.write("big.folio", std::string((16u << 20) + 1, ' '));
    CHECK(load(big, no_env())->text() == "folio: error: cannot read '" + big.string() + "': file is larger than 16 MB\n");
}

TEST_CASE("load_program: an import that cannot be read", "[report_loader][module_loader]") {
    temp_folder tmp;
    const fs::path root = tmp.write("report.folio", "import \"big\"\n");
    tmp.write("big.folio", std::string((16u << 20) + 1, ' '));
    const auto l = load(root, no_env());
    CHECK(only_error(*l).message == "cannot read import 'big': file is larger than 16 MB");
    CHECK(l->program.imports.at(0).module == nullptr);
}

TEST_CASE("load_program_text: imports resolve as for a file in the folder", "[report_loader][module_loader]") {
    temp_folder tmp;
    tmp.write("project/lib.folio", "metric x = 1\n");
    tmp.write("project/folio.toml", "[package]\nname = \"p\"\n");
    diagnostic_list diagnostics;
    const loaded_program program =
        load_program_text("<stdin>", "import \"lib\"\n", tmp.path() / "project", no_env(), diagnostics);
    CHECK(format_text(diagnostics) == "");
    REQUIRE(program.modules.size() == 2);
    CHECK(program.root().file->path() == "<stdin>");
    CHECK(program.modules[1]->file->path() == (tmp.path() / "project/lib.folio").string());
    REQUIRE(program.package);
    CHECK(program.package->name == "p");
}

TEST_CASE("load_program: relative root paths give relative module paths", "[report_loader][module_loader]") {
    temp_folder tmp;
    tmp.write("project/lib.folio", "metric x = 1\n");
    tmp.write("project/report.folio", "import \"lib\"\n");
    const fs::path old = fs::current_path();
    fs::current_path(tmp.path());
    const auto l = load("project/report.folio", no_env());
    const auto here = load("project/../project/report.folio", no_env());
    fs::current_path(tmp.path() / "project");
    const auto bare = load("report.folio", no_env());
    fs::current_path(old);
    CHECK(l->text() == "");
    CHECK(l->paths() == std::vector<std::string>{"project/report.folio", "project/lib.folio"});
    CHECK(here->paths() == std::vector<std::string>{"project/../project/report.folio", "project/lib.folio"});
    CHECK(bare->paths() == std::vector<std::string>{"report.folio", "lib.folio"});
}

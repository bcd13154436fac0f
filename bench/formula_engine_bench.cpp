// The formula-engine benchmark: Folio's side (HyperFormula's is hyperformula/bench.mjs).
//
// The workload (about 80,000 cells, generated from a fixed seed):
//   Data     10,000 rows: A region (8 texts), B score 0-10, C csat 1-5, D minutes,
//            E mrr, F =D1*2+1, G running total (G1 =E1, G2 =G1+E2, ...), H a nested IF
//            classifying the score (promoter / passive / detractor).
//   Summary  per region (8 rows): promoters, detractors, responses (COUNTIFS), sum of
//            mrr (SUMIFS), average csat (AVERAGEIF) over the 10,000-row columns and
//            an NPS formula over them; 50 keys each looked up twice, with INDEX/MATCH
//            and with VLOOKUP (100 lookups).
// Measured, each repeated and reported as a median:
//   build_eval  from nothing to every value computed and read back;
//   edit_score  one score cell changed (Data!B5000), then the Summary read;
//   edit_mrr    one mrr value near the top changed (Data!E2: ripples down the 10,000
//               running totals), then the last running total and the Summary read.
//
//   folio_formula_engine_bench --emit DIR          writes DIR/cells.tsv (the workload,
//                                                  "Sheet!A1<TAB>entry") and DIR/plan.json
//                                                  (edits and cells to read) for the JS side
//   folio_formula_engine_bench [--build-reps N] [--edit-reps N]
//                              [--values-out FILE] [--compare FILE]
// Prints one JSON object per line. --compare reads the values HyperFormula computed
// (written by bench.mjs --values-out) and exits 1 when a checked cell differs.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "folio/engine/value_text.hpp"
#include "folio/engine/workbook.hpp"
#include "folio/stdlib/builtins.hpp"

namespace {

// ------------------------------------------------------------------ the workload

constexpr int data_rows = 10000;
constexpr std::uint64_t seed = 20240611;
constexpr int lookup_keys = 50;
constexpr int score_edit_row = 5000;  // 1-based
constexpr int mrr_edit_row = 2;       // 1-based
const char* const regions[8] = {"North", "South", "East", "West", "Central", "Nordics", "Benelux", "Iberia"};

// splitmix64: the same sequence on every platform and compiler.
struct rng {
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
};

std::string column_letters(int col) {  // 0-based
    std::string s;
    for (int c = col + 1; c > 0; c = (c - 1) / 26) s.insert(s.begin(), static_cast<char>('A' + (c - 1) % 26));
    return s;
}

std::string a1(int row, int col) { return column_letters(col) + std::to_string(row + 1); }  // 0-based

struct cell_entry {
    std::uint32_t sheet;  // 0 Data, 1 Summary
    int row, col;         // 0-based
    std::string entry;    // as typed: "=...", a number, or text
};

struct edit_plan {
    std::string cell;           // "Data!B5000"
    std::uint32_t sheet;
    int row, col;
    std::string values[2];      // repetition i sets values[i % 2]
};

struct workload {
    std::vector<std::string> sheets{"Data", "Summary"};
    std::vector<cell_entry> cells;
    edit_plan score_edit, mrr_edit;
    std::vector<std::string> summary_cells;  // read after every edit
    std::string last_total;                  // read after the mrr edit too
    std::vector<std::string> check_cells;    // compared between the engines
};

workload make_workload() {
    workload w;
    rng r{seed};
    std::vector<std::string> score_text(data_rows + 1), mrr_text(data_rows + 1), minutes_text(data_rows + 1);
    for (int i = 1; i <= data_rows; ++i) {
        const std::string n = std::to_string(i);
        const std::string region = regions[r.below(8)];
        const int score = r.below(11);
        const int csat = 1 + r.below(5);
        const int minutes = 1 + r.below(50000);
        const int cents = r.below(200000);
        char mrr[32];
        std::snprintf(mrr, sizeof mrr, "%d.%02d", cents / 100, cents % 100);
        score_text[i] = std::to_string(score);
        mrr_text[i] = mrr;
        minutes_text[i] = std::to_string(minutes);
        const int row = i - 1;
        w.cells.push_back({0, row, 0, region});
        w.cells.push_back({0, row, 1, score_text[i]});
        w.cells.push_back({0, row, 2, std::to_string(csat)});
        w.cells.push_back({0, row, 3, minutes_text[i]});
        w.cells.push_back({0, row, 4, mrr_text[i]});
        w.cells.push_back({0, row, 5, "=D" + n + "*2+1"});
        w.cells.push_back({0, row, 6, i == 1 ? std::string("=E1") : "=G" + std::to_string(i - 1) + "+E" + n});
        w.cells.push_back({0, row, 7, "=IF(B" + n + ">=9,\"promoter\",IF(B" + n + ">=7,\"passive\",\"detractor\"))"});
    }

    const std::string rows = std::to_string(data_rows);
    auto col = [&](char c) { return std::string("Data!$") + c + "$1:$" + c + "$" + rows; };
    auto summary = [&](int row, int c, std::string entry) {
        w.cells.push_back({1, row, c, entry});
        w.summary_cells.push_back("Summary!" + a1(row, c));
    };
    const char* headers[] = {"region", "promoters", "detractors", "responses", "mrr", "avg csat", "nps"};
    for (int c = 0; c < 7; ++c) summary(0, c, headers[c]);
    for (int k = 0; k < 8; ++k) {
        const int row = 1 + k;
        const std::string n = std::to_string(row + 1);
        const std::string region = "$A" + n;
        summary(row, 0, regions[k]);
        summary(row, 1, "=COUNTIFS(" + col('A') + "," + region + "," + col('B') + ",\">=9\")");
        summary(row, 2, "=COUNTIFS(" + col('A') + "," + region + "," + col('B') + ",\"<=6\")");
        summary(row, 3, "=COUNTIFS(" + col('A') + "," + region + ")");
        summary(row, 4, "=SUMIFS(" + col('E') + "," + col('A') + "," + region + ")");
        // AVERAGEIF: HyperFormula 3.x has no AVERAGEIFS.
        summary(row, 5, "=AVERAGEIF(" + col('A') + "," + region + "," + col('C') + ")");
        summary(row, 6, "=IF(D" + n + "=0,0,(B" + n + "-C" + n + ")/D" + n + "*100)");
    }
    summary(10, 0, "minutes");
    summary(10, 1, "csat (INDEX/MATCH)");
    summary(10, 2, "mrr (VLOOKUP)");
    for (int k = 0; k < lookup_keys; ++k) {
        const int row = 11 + k;
        const std::string n = std::to_string(row + 1);
        const int data_row = 150 + k * 197;  // spread over the 10,000 rows
        summary(row, 0, minutes_text[data_row]);
        summary(row, 1, "=INDEX(" + col('C') + ",MATCH($A" + n + "," + col('D') + ",0))");
        // 0, not FALSE: HyperFormula reads a bare FALSE as a name (#NAME?).
        summary(row, 2, "=VLOOKUP($A" + n + ",Data!$D$1:$E$" + rows + ",2,0)");
    }

    const int orig_score = std::atoi(score_text[score_edit_row].c_str());
    w.score_edit = {"Data!B" + std::to_string(score_edit_row), 0, score_edit_row - 1, 1,
                    {orig_score >= 9 ? "0" : "10", score_text[score_edit_row]}};
    w.mrr_edit = {"Data!E" + std::to_string(mrr_edit_row), 0, mrr_edit_row - 1, 4, {"4321.09", mrr_text[mrr_edit_row]}};
    w.last_total = "Data!G" + rows;
    w.check_cells = w.summary_cells;
    w.check_cells.push_back(w.last_total);
    w.check_cells.push_back("Data!H" + std::to_string(score_edit_row));
    w.check_cells.push_back("Data!G" + std::to_string(data_rows / 2));
    return w;
}

std::string json_string(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

void emit(const workload& w, const std::filesystem::path& dir) {
    std::filesystem::create_directories(dir);
    std::ofstream cells(dir / "cells.tsv");
    for (const cell_entry& c : w.cells) cells << w.sheets[c.sheet] << '!' << a1(c.row, c.col) << '\t' << c.entry << '\n';
    std::ofstream plan(dir / "plan.json");
    auto list = [&](const std::vector<std::string>& v) {
        std::string s = "[";
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (i > 0) s += ',';
            s += json_string(v[i]);
        }
        return s + "]";
    };
    auto edit = [&](const edit_plan& e) {
        return "{\"cell\":" + json_string(e.cell) + ",\"values\":[" + e.values[0] + "," + e.values[1] + "]}";
    };
    plan << "{\n  \"sheets\": " << list(w.sheets) << ",\n  \"cells\": " << w.cells.size()
         << ",\n  \"score_edit\": " << edit(w.score_edit) << ",\n  \"mrr_edit\": " << edit(w.mrr_edit)
         << ",\n  \"last_total\": " << json_string(w.last_total) << ",\n  \"summary_cells\": " << list(w.summary_cells)
         << ",\n  \"check_cells\": " << list(w.check_cells) << "\n}\n";
    if (!cells || !plan) throw std::runtime_error("cannot write to " + dir.string());
}

// ------------------------------------------------------------------ measuring

using clock_type = std::chrono::steady_clock;
double ms_since(clock_type::time_point t0) {
    return std::chrono::duration<double, std::milli>(clock_type::now() - t0).count();
}

struct samples {
    std::vector<double> ms;
    double median() const {
        std::vector<double> s = ms;
        std::sort(s.begin(), s.end());
        const std::size_t n = s.size();
        return n == 0 ? 0 : n % 2 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
    double min() const { return *std::min_element(ms.begin(), ms.end()); }
    double max() const { return *std::max_element(ms.begin(), ms.end()); }
};

std::string num(double x) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.4f", x);
    return buf;
}

void report(const std::string& measure, const samples& s, const std::string& extra = "") {
    std::cout << "{\"engine\":\"folio\",\"measure\":\"" << measure << "\",\"median_ms\":" << num(s.median())
              << ",\"min_ms\":" << num(s.min()) << ",\"max_ms\":" << num(s.max()) << ",\"reps\":" << s.ms.size() << extra
              << "}" << std::endl;
}

// One cell of the workload, ready to put into a workbook without parsing its address.
struct typed_cell {
    folio::cell_address at;
    enum { number, text, formula } kind;
    double n = 0;
    std::string s;
};

typed_cell typed(std::uint32_t sheet, int row, int col, const std::string& entry) {
    typed_cell t{folio::cell_address{sheet, row, col}, typed_cell::text, 0, entry};
    if (!entry.empty() && entry.front() == '=') {
        t.kind = typed_cell::formula;
        return t;
    }
    char* end = nullptr;
    const double n = std::strtod(entry.c_str(), &end);
    if (!entry.empty() && end == entry.c_str() + entry.size()) {
        t.kind = typed_cell::number;
        t.n = n;
    }
    return t;
}

double accumulate(const folio::value& v) { return v.is_number() ? v.number() : v.is_text() ? 1.0 : 0.0; }

// The checked cells' values, "type<TAB>value" as bench.mjs writes them.
using checkpoint = std::vector<std::pair<std::string, std::string>>;

std::string typed_text(const folio::value& v) {
    if (v.is_number()) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.17g", v.number());
        return std::string("number\t") + buf;
    }
    if (v.is_text()) return "text\t" + v.text();
    if (v.is_boolean()) return std::string("bool\t") + (v.boolean() ? "TRUE" : "FALSE");
    if (v.is_error()) return "error\t" + std::string(folio::error_text(v.error()));
    if (v.is_blank()) return "blank\t";
    return "other\t" + folio::describe(v);
}

bool same(const std::string& a, const std::string& b) {
    if (a == b) return true;
    if (a.rfind("number\t", 0) != 0 || b.rfind("number\t", 0) != 0) return false;
    const double x = std::strtod(a.c_str() + 7, nullptr), y = std::strtod(b.c_str() + 7, nullptr);
    // HyperFormula rounds the numbers it returns to about 11 significant digits.
    return std::fabs(x - y) <= 1e-9 * std::max({1.0, std::fabs(x), std::fabs(y)});
}

// The timed steps, kept out of line so that a profiler can single them out
// (valgrind --tool=callgrind --toggle-collect='*load_workbook*', see README.md).
[[gnu::noinline]] std::unique_ptr<folio::workbook> load_workbook(const workload& w, const std::vector<typed_cell>& cells) {
    auto b = std::make_unique<folio::workbook>(folio::builtin_functions());
    for (const std::string& s : w.sheets) b->add_sheet(s);
    for (const typed_cell& c : cells) {
        switch (c.kind) {
            case typed_cell::number: b->set_value(c.at, c.n); break;
            case typed_cell::text: b->set_value(c.at, folio::value(c.s)); break;
            case typed_cell::formula:
                if (auto error = b->set_formula(c.at, c.s))
                    throw std::runtime_error("formula refused: " + c.s + ": " + error->message);
                break;
        }
    }
    return b;
}

[[gnu::noinline]] double read_all(folio::workbook& b, const std::vector<typed_cell>& cells) {
    double sum = 0;
    for (const typed_cell& c : cells) sum += accumulate(b.get(c.at));
    return sum;
}

[[gnu::noinline]] double edit_and_read(folio::workbook& b, folio::cell_address at, double v,
                                       const folio::cell_address* total, const std::vector<folio::cell_address>& reads) {
    b.set_value(at, v);
    double sum = 0;
    if (total != nullptr) sum += accumulate(b.get(*total));
    for (const folio::cell_address& c : reads) sum += accumulate(b.get(c));
    return sum;
}

[[gnu::noinline]] double edit_score(folio::workbook& b, folio::cell_address at, double v,
                                    const std::vector<folio::cell_address>& reads) {
    return edit_and_read(b, at, v, nullptr, reads);
}

[[gnu::noinline]] double edit_mrr(folio::workbook& b, folio::cell_address at, double v, folio::cell_address total,
                                  const std::vector<folio::cell_address>& reads) {
    return edit_and_read(b, at, v, &total, reads);
}

int run(int build_reps, int edit_reps, const std::string& values_out, const std::string& compare) {
    const workload w = make_workload();
    std::vector<typed_cell> cells;
    cells.reserve(w.cells.size());
    for (const cell_entry& c : w.cells) cells.push_back(typed(c.sheet, c.row, c.col, c.entry));

    std::unique_ptr<folio::workbook> book;
    double checksum = 0;

    // 1. Build and evaluate, from nothing to every value read back. One more run first,
    // not counted, to warm the caches and the allocator.
    samples build, load, evaluate;
    for (int rep = -1; rep < build_reps; ++rep) {
        book.reset();
        const auto t0 = clock_type::now();
        auto b = load_workbook(w, cells);
        const double loaded = ms_since(t0);
        const double sum = read_all(*b, cells);
        const double total = ms_since(t0);
        checksum = sum;
        book = std::move(b);
        if (rep < 0) continue;
        build.ms.push_back(total);
        load.ms.push_back(loaded);
        evaluate.ms.push_back(total - loaded);
    }
    const std::size_t evaluated_at_build = book->last_recalc().formulas_evaluated;

    // Addresses of what the edits read, parsed once.
    auto parse = [&](const std::string& text) {
        auto at = book->address(text);
        if (!at) throw std::runtime_error("bad address " + text);
        return *at;
    };
    std::vector<folio::cell_address> summary;
    for (const std::string& s : w.summary_cells) summary.push_back(parse(s));
    const folio::cell_address last_total = parse(w.last_total);

    std::map<std::string, checkpoint> mine;
    auto snapshot = [&](const std::string& name) {
        checkpoint& cp = mine[name];
        for (const std::string& c : w.check_cells) cp.emplace_back(c, typed_text(book->get(parse(c))));
    };
    snapshot("build");

    // 2. and 3. One edit, then the reads.
    auto edits = [&](const edit_plan& e, bool read_total, samples& out) {
        const double values[2] = {std::strtod(e.values[0].c_str(), nullptr), std::strtod(e.values[1].c_str(), nullptr)};
        const folio::cell_address at{e.sheet, e.row, e.col};
        std::size_t evaluated = 0;
        for (int rep = -1; rep < edit_reps; ++rep) {
            const int i = rep < 0 ? 1 : rep;  // the warm-up run keeps the original value
            const auto t0 = clock_type::now();
            const double sum = read_total ? edit_mrr(*book, at, values[i % 2], last_total, summary)
                                          : edit_score(*book, at, values[i % 2], summary);
            const double ms = ms_since(t0);
            checksum += sum;
            evaluated = book->last_recalc().formulas_evaluated;
            if (rep >= 0) out.ms.push_back(ms);
        }
        return evaluated;
    };
    samples score, mrr;
    const std::size_t score_evaluated = edits(w.score_edit, false, score);
    snapshot("after_score_edits");
    const std::size_t mrr_evaluated = edits(w.mrr_edit, true, mrr);
    snapshot("after_mrr_edits");

    std::cout << "{\"engine\":\"folio\",\"info\":\"workload\",\"cells\":" << cells.size()
              << ",\"formulas_evaluated_at_build\":" << evaluated_at_build << ",\"checksum\":" << num(checksum) << "}"
              << std::endl;
    report("build_eval", build,
           ",\"parts\":{\"load_ms\":" + num(load.median()) + ",\"evaluate_read_ms\":" + num(evaluate.median()) + "}");
    report("edit_score", score, ",\"formulas_evaluated\":" + std::to_string(score_evaluated));
    report("edit_mrr", mrr, ",\"formulas_evaluated\":" + std::to_string(mrr_evaluated));

    if (!values_out.empty()) {
        std::ofstream out(values_out);
        for (const auto& [name, cp] : mine)
            for (const auto& [cell, text] : cp) out << name << '\t' << cell << '\t' << text << '\n';
    }

    if (compare.empty()) return 0;
    std::ifstream in(compare);
    if (!in) {
        std::cerr << "cannot read " << compare << "\n";
        return 2;
    }
    std::map<std::pair<std::string, std::string>, std::string> theirs;
    for (std::string line; std::getline(in, line);) {
        const auto t1 = line.find('\t'), t2 = line.find('\t', t1 + 1);
        if (t1 == std::string::npos || t2 == std::string::npos) continue;
        theirs[{line.substr(0, t1), line.substr(t1 + 1, t2 - t1 - 1)}] = line.substr(t2 + 1);
    }
    std::size_t compared = 0, differ = 0;
    std::string first;
    for (const auto& [name, cp] : mine) {
        for (const auto& [cell, text] : cp) {
            ++compared;
            auto it = theirs.find({name, cell});
            const std::string other = it == theirs.end() ? "missing" : it->second;
            if (same(text, other)) continue;
            if (++differ <= 10)
                std::cerr << "MISMATCH " << name << ' ' << cell << ": folio " << text << " | hyperformula " << other << "\n";
        }
    }
    std::cout << "{\"engine\":\"folio\",\"check\":\"summary\",\"status\":\"" << (differ == 0 ? "ok" : "mismatch")
              << "\",\"compared\":" << compared << ",\"differ\":" << differ << "}" << std::endl;
    return differ == 0 ? 0 : 1;
}

int usage() {
    std::cerr << "usage: folio_formula_engine_bench --emit DIR\n"
                 "       folio_formula_engine_bench [--build-reps N] [--edit-reps N] [--values-out FILE] [--compare FILE]\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    int build_reps = 5, edit_reps = 21;
    std::string values_out, compare, emit_dir;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (i + 1 >= argc) return usage();
        const std::string v = argv[++i];
        if (a == "--build-reps") build_reps = std::max(1, std::atoi(v.c_str()));
        else if (a == "--edit-reps") edit_reps = std::max(1, std::atoi(v.c_str()));
        else if (a == "--values-out") values_out = v;
        else if (a == "--compare") compare = v;
        else if (a == "--emit") emit_dir = v;
        else return usage();
    }
    try {
        if (!emit_dir.empty()) {
            emit(make_workload(), emit_dir);
            return 0;
        }
        return run(build_reps, edit_reps, values_out, compare);
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 2;
    }
}

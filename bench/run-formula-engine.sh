#!/usr/bin/env bash
# Folio's formula engine against HyperFormula, on the same ~80,000-cell workload, in one
# run: builds the C++ bench in Release, installs HyperFormula outside the repository if
# it is missing, runs both, checks that they computed the same Summary values, and
# prints each measurement for both with the ratio Folio/HyperFormula and its target.
#
#   bench/run-formula-engine.sh [--build-reps N] [--edit-reps N] [--rounds N] [--strict]
#
# Each round runs HyperFormula, then Folio (each bench repeats every measurement
# --build-reps / --edit-reps times after one warm-up run and prints the median); the
# table shows the median over the rounds of those medians, and the spread of the
# per-round ratios, which tells how much a busy machine moved the numbers.
# Exit status: 0, or 1 when the engines disagree on a checked value, 2 on a setup or
# build failure; with --strict, 3 when a target is missed.
# Environment: FOLIO_BENCH_BUILD_DIR (default build-bench), FOLIO_BENCH_JOBS (2),
# HYPERFORMULA_DIR (default ~/.cache/folio-bench/hyperformula), HYPERFORMULA_SPEC
# (what npm installs there, default hyperformula@3).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)

build_reps=5
edit_reps=21
rounds=3
strict=0
while [[ $# -gt 0 ]]; do
  case $1 in
    --build-reps) build_reps=$2; shift 2 ;;
    --edit-reps) edit_reps=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --strict) strict=1; shift ;;
    *) echo "usage: $0 [--build-reps N] [--edit-reps N] [--rounds N] [--strict]" >&2; exit 2 ;;
  esac
done

build_dir=${FOLIO_BENCH_BUILD_DIR:-$root/build-bench}
jobs=${FOLIO_BENCH_JOBS:-2}
hf_dir=${HYPERFORMULA_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/folio-bench/hyperformula}
hf_spec=${HYPERFORMULA_SPEC:-hyperformula@3}

for tool in cmake ninja node npm; do
  command -v "$tool" >/dev/null || { echo "error: $tool is needed" >&2; exit 2; }
done

# HyperFormula, outside the repository (never commit node_modules).
if [[ ! -f $hf_dir/node_modules/hyperformula/package.json ]]; then
  echo "== installing $hf_spec into $hf_dir"
  mkdir -p "$hf_dir"
  npm install --prefix "$hf_dir" --no-audit --no-fund --loglevel=error "$hf_spec" >&2 || { echo "error: npm install failed" >&2; exit 2; }
fi

echo "== building the C++ bench (Release) in $build_dir"
cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DFOLIO_BUILD_TESTS=OFF \
      -DFOLIO_BUILD_BENCHMARKS=ON >/dev/null || { echo "error: cmake configure failed" >&2; exit 2; }
cmake --build "$build_dir" -j "$jobs" --target folio_formula_engine_bench >/dev/null \
  || { echo "error: build failed (rerun: cmake --build $build_dir --target folio_formula_engine_bench)" >&2; exit 2; }
bench=$build_dir/bench/folio_formula_engine_bench

work=$(mktemp -d "${TMPDIR:-/tmp}/folio-formula-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

echo "== workload"
"$bench" --emit "$work/workload"
echo "$(wc -l <"$work/workload/cells.tsv") cells in $work/workload/cells.tsv"

files=()
for ((round = 1; round <= rounds; ++round)); do
  echo "== round $round/$rounds: HyperFormula"
  HYPERFORMULA_DIR=$hf_dir node "$here/hyperformula/bench.mjs" --workload "$work/workload" \
    --build-reps "$build_reps" --edit-reps "$edit_reps" --values-out "$work/hf-values.tsv" | tee "$work/hf.$round.jsonl" \
    || { echo "error: the HyperFormula bench failed" >&2; exit 2; }
  echo "== round $round/$rounds: Folio"
  status=0
  "$bench" --build-reps "$build_reps" --edit-reps "$edit_reps" --compare "$work/hf-values.tsv" | tee "$work/folio.$round.jsonl" \
    || status=${PIPESTATUS[0]}
  if [[ $status -ne 0 ]]; then
    echo "error: Folio and HyperFormula disagree (or the Folio bench failed): status $status" >&2
    exit 1
  fi
  files+=("$work/hf.$round.jsonl" "$work/folio.$round.jsonl")
done

echo "== results"
report=0
node "$here/report.mjs" "${files[@]}" || report=$?
if [[ $report -eq 3 && $strict -eq 1 ]]; then exit 3; fi
if [[ $report -ne 0 && $report -ne 3 ]]; then exit 2; fi
exit 0

#!/usr/bin/env bash
# The csv_aggregate benchmark: NPS, CSAT share, mean first-response time, FCR share and
# the sum of active MRR by region × month from one survey CSV (1e6 and 1e7 rows, ~57
# bytes a row), computed in the same run by
#   - DuckDB (npm @duckdb/node-api, 2 threads, read_csv with explicit types: query.sql),
#   - a plain single-pass C++ scan on 2 threads (scan.cpp): the floor,
#   - Folio (`folio render bench/csv_aggregate/bench.folio --format json`), see the
#     FOLIO HOOK below: skipped until `folio render` exists.
# For each it prints the wall time, the CPU time and the peak memory (the process's
# "Maximum resident set size" from /usr/bin/time -v), the median over the rounds, and
# the ratio to DuckDB's wall time; DuckDB's time for the query alone (without starting
# Node and opening DuckDB) is shown beside it. The results of all engines must agree
# (compare.mjs, relative 1e-9) or the script fails.
#
#   bench/csv_aggregate/run.sh [--rows N[,N...]] [--rounds N] [--no-folio] [--strict]
#
# Defaults: --rows 1000000,10000000, --rounds 3. --no-folio skips building and running
# Folio. Exit status: 0; 1 when the engines disagree; 2 on a setup, build or run
# failure; with --strict, 3 when Folio misses its target (at most 0.4× DuckDB's time and
# no more peak memory than DuckDB at the largest size).
#
# Environment: FOLIO_BENCH_BUILD_DIR (default build-bench; the tools build in its
# csv_aggregate/ subfolder as a project of their own, Folio in the folder itself),
# FOLIO_BENCH_JOBS (2), FOLIO_BENCH_DATA_DIR (where the generated CSVs are kept, default
# ~/.cache/folio-bench/csv_aggregate: 57 MB + 570 MB), DUCKDB_DIR (default
# ~/.cache/folio-bench/duckdb), DUCKDB_SPEC (what npm installs there, default
# @duckdb/node-api), FOLIO_CMD (see the hook).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

sizes=(1000000 10000000)
rounds=3
run_folio=1
strict=0
usage() { echo "usage: $0 [--rows N[,N...]] [--rounds N] [--no-folio] [--strict]" >&2; exit 2; }
while [[ $# -gt 0 ]]; do
  case $1 in
    --rows) [[ $# -ge 2 ]] || usage; IFS=, read -r -a sizes <<<"$2"; shift 2 ;;
    --rounds) [[ $# -ge 2 ]] || usage; rounds=$2; shift 2 ;;
    --no-folio) run_folio=0; shift ;;
    --strict) strict=1; shift ;;
    *) usage ;;
  esac
done
for n in "${sizes[@]}"; do [[ $n =~ ^[0-9]+$ ]] || { echo "error: --rows takes whole numbers, got '$n'" >&2; exit 2; }; done
[[ $rounds =~ ^[1-9][0-9]*$ ]] || usage

cache=${XDG_CACHE_HOME:-$HOME/.cache}/folio-bench
build_dir=${FOLIO_BENCH_BUILD_DIR:-$root/build-bench}
jobs=${FOLIO_BENCH_JOBS:-2}
data_dir=${FOLIO_BENCH_DATA_DIR:-$cache/csv_aggregate}
duckdb_dir=${DUCKDB_DIR:-$cache/duckdb}
duckdb_spec=${DUCKDB_SPEC:-@duckdb/node-api}
threads=2

for tool in cmake ninja node npm; do
  command -v "$tool" >/dev/null || { echo "error: $tool is needed" >&2; exit 2; }
done
[[ -x /usr/bin/time ]] || { echo "error: /usr/bin/time is needed (Debian package: time)" >&2; exit 2; }

# DuckDB, outside the repository (never commit node_modules).
if [[ ! -f $duckdb_dir/node_modules/@duckdb/node-api/package.json ]]; then
  echo "== installing $duckdb_spec into $duckdb_dir"
  mkdir -p "$duckdb_dir"
  npm install --prefix "$duckdb_dir" --no-audit --no-fund --loglevel=error "$duckdb_spec" >&2 \
    || { echo "error: npm install failed" >&2; exit 2; }
fi

# The generator and the scan: a small project of their own, built in Release.
tools_dir=$build_dir/csv_aggregate
echo "== building folio_bench_surveys and folio_bench_scan (Release) in $tools_dir"
cmake -S "$here" -B "$tools_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null \
  || { echo "error: cmake configure of $here failed" >&2; exit 2; }
cmake --build "$tools_dir" -j "$jobs" >/dev/null \
  || { echo "error: build failed (rerun: cmake --build $tools_dir)" >&2; exit 2; }
generator=$tools_dir/folio_bench_surveys
scan=$tools_dir/folio_bench_scan

# ================================ FOLIO HOOK ================================
# The Folio side. FOLIO_CMD is a shell command, run from the repository root with
# FOLIO_OUT set to an empty folder, that must write "$FOLIO_OUT/bench.json" (the JSON
# of bench.folio's report `bench`); it reads bench/csv_aggregate/data/surveys.csv, the
# link this script points at the generated file of the size being measured.
# Default, once `folio render` exists (the evaluation engine is being written now):
#   "$folio" render bench/csv_aggregate/bench.folio --format json --out "$FOLIO_OUT"
# with $folio built here in Release ($build_dir/cli/folio). Until then (`folio --help`
# lists no render command, or render fails, as its stub does now: "folio render: not
# available yet") the Folio rows print "skipped" and why; nothing else changes. An
# explicit FOLIO_CMD that fails stops the script (exit 2).
# ============================================================================
folio_cmd=${FOLIO_CMD:-}
folio_note=""
if [[ $run_folio -eq 0 ]]; then
  folio_cmd=""
  folio_note="--no-folio"
elif [[ -z $folio_cmd ]]; then
  folio=$build_dir/cli/folio
  echo "== building folio (Release) in $build_dir"
  if cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DFOLIO_BUILD_TESTS=OFF \
       -DFOLIO_BUILD_BENCHMARKS=ON >/dev/null && cmake --build "$build_dir" -j "$jobs" --target folio >/dev/null; then
    if "$folio" --help 2>/dev/null | grep -qE '^[[:space:]]+render[[:space:]]'; then
      folio_cmd="\"$folio\" render bench/csv_aggregate/bench.folio --format json --out \"\$FOLIO_OUT\""
    else
      folio_note="no \`folio render\` yet"
    fi
  else
    folio_note="folio did not build"
    echo "warning: building folio failed; Folio is skipped (rerun: cmake --build $build_dir --target folio)" >&2
  fi
fi
if [[ -n $folio_cmd ]]; then echo "== Folio: $folio_cmd"; fi

work=$(mktemp -d "${TMPDIR:-/tmp}/folio-csv-aggregate.XXXXXX")
trap 'rm -rf "$work"' EXIT

# measure NAME CMD...: runs CMD under /usr/bin/time -v (stdout to $work/NAME.out,
# stderr to $work/NAME.err) and sets m_wall_ms, m_cpu_s (user + system) and m_rss_mb
# (peak resident set size). Returns 1 when CMD fails.
measure() {
  local name=$1
  shift
  local t0 t1
  t0=$(date +%s%N)
  if ! /usr/bin/time -v -o "$work/$name.time" "$@" >"$work/$name.out" 2>"$work/$name.err"; then
    return 1
  fi
  t1=$(date +%s%N)
  m_wall_ms=$(((t1 - t0) / 1000000))
  m_cpu_s=$(awk -F': ' '/User time/ {u = $2} /System time/ {s = $2} END {printf "%.2f", u + s}' "$work/$name.time")
  m_rss_mb=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$work/$name.time")
}

median() { printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

echo "== $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine moves wall times; CPU times move less)"
status=0
summary=()
for n in "${sizes[@]}"; do
  csv=$data_dir/surveys-v1-$n.csv
  if [[ ! -s $csv ]]; then
    mkdir -p "$data_dir"
    echo "== generating $n rows into $csv"
    "$generator" "$n" "$csv" || { echo "error: folio_bench_surveys failed" >&2; exit 2; }
  fi
  mkdir -p "$here/data"
  ln -sfn "$csv" "$here/data/surveys.csv"
  bytes=$(stat -c %s "$csv")
  t0=$(date +%s%N)
  cat "$csv" >/dev/null
  t1=$(date +%s%N)
  cat_s=$(awk -v ns=$((t1 - t0)) 'BEGIN {printf "%.2f", ns / 1e9}')
  echo "== $n rows: $csv ($((bytes / 1000000)) MB, $(awk -v b="$bytes" -v n="$n" 'BEGIN {printf "%.1f", b / n}') bytes a row; read from cache in $cat_s s)"

  declare -A wall=() cpu=() rss=()
  query=()
  for ((round = 1; round <= rounds; ++round)); do
    measure duckdb env DUCKDB_DIR="$duckdb_dir" node "$here/duckdb.mjs" --csv "$csv" --threads "$threads" --out "$work/duckdb.csv" \
      || { echo "error: DuckDB failed:" >&2; cat "$work/duckdb.err" >&2; exit 2; }
    wall[duckdb]+="$m_wall_ms " cpu[duckdb]+="$m_cpu_s " rss[duckdb]+="$m_rss_mb "
    query+=("$(sed -n 's/.*"query_ms":\([0-9.]*\).*/\1/p' "$work/duckdb.out")")
    line="round $round/$rounds: DuckDB ${m_wall_ms} ms (query ${query[-1]} ms, ${m_rss_mb} MB)"

    measure scan "$scan" "$csv" --threads "$threads" --out "$work/scan.csv" \
      || { echo "error: folio_bench_scan failed:" >&2; cat "$work/scan.err" >&2; exit 2; }
    wall[scan]+="$m_wall_ms " cpu[scan]+="$m_cpu_s " rss[scan]+="$m_rss_mb "
    line+=", scan ${m_wall_ms} ms (${m_rss_mb} MB)"

    compared=("$work/scan.csv")
    if [[ -n $folio_cmd ]]; then
      rm -rf "$work/folio-out"
      mkdir -p "$work/folio-out"
      if measure folio env FOLIO_OUT="$work/folio-out" bash -c "cd \"$root\" && $folio_cmd"; then
        wall[folio]+="$m_wall_ms " cpu[folio]+="$m_cpu_s " rss[folio]+="$m_rss_mb "
        line+=", Folio ${m_wall_ms} ms (${m_rss_mb} MB)"
        compared+=("$work/folio-out/bench.json")
      elif [[ -n ${FOLIO_CMD:-} ]]; then
        echo "error: FOLIO_CMD failed:" >&2
        cat "$work/folio.err" >&2
        exit 2
      else  # the default command on a folio whose render is not there yet
        folio_note="folio render failed: $(head -n 1 "$work/folio.err")"
        echo "note: $folio_note; Folio is skipped from here on" >&2
        folio_cmd=""
      fi
    fi
    echo "$line"
    if [[ $round -eq 1 ]]; then
      node "$here/compare.mjs" "$work/duckdb.csv" "${compared[@]}" || status=1
    fi
  done

  # shellcheck disable=SC2086
  d_wall=$(median ${wall[duckdb]})
  echo
  printf '%-12s %9s %9s %13s %10s\n' "$n rows" "wall s" "cpu s" "peak RSS MB" "/DuckDB"
  for engine in duckdb scan folio; do
    case $engine in
      duckdb) label=DuckDB ;;
      scan) label="plain scan" ;;
      folio) label=Folio ;;
    esac
    if [[ -z ${wall[$engine]:-} ]]; then
      printf '%-12s %9s %9s %13s %10s   skipped: %s\n' "$label" - - - - "$folio_note"
      continue
    fi
    # shellcheck disable=SC2086
    w=$(median ${wall[$engine]})
    # shellcheck disable=SC2086
    c=$(median ${cpu[$engine]})
    # shellcheck disable=SC2086
    r=$(median ${rss[$engine]})
    ratio=$(awk -v a="$w" -v b="$d_wall" 'BEGIN {printf "%.3fx", a / b}')
    extra=""
    if [[ $engine == duckdb ]]; then
      extra="   query alone $(awk -v q="$(median "${query[@]}")" 'BEGIN {printf "%.2f", q / 1000}') s"
    elif [[ $engine == scan ]]; then
      extra="   the floor"
    else
      # shellcheck disable=SC2086
      d_rss=$(median ${rss[duckdb]})
      verdict=$(awk -v w="$w" -v d="$d_wall" -v r="$r" -v dr="$d_rss" \
        'BEGIN {print (w <= 0.4 * d && r <= dr) ? "met" : "missed"}')
      extra="   target <= 0.4x DuckDB, RSS <= DuckDB's: $verdict"
      if [[ $n == "${sizes[-1]}" && $verdict == missed && $strict -eq 1 && $status -eq 0 ]]; then status=3; fi
    fi
    printf '%-12s %9.2f %9.2f %13.0f %10s%s\n' "$label" "$(awk -v w="$w" 'BEGIN {print w / 1000}')" "$c" "$r" "$ratio" "$extra"
    summary+=("{\"bench\":\"csv_aggregate\",\"rows\":$n,\"engine\":\"$engine\",\"wall_ms\":$w,\"cpu_s\":$c,\"peak_rss_mb\":$r}")
  done
  echo
  unset wall cpu rss
done

echo "== results (median of $rounds rounds, JSON lines)"
printf '%s\n' "${summary[@]}"
exit $status

#!/usr/bin/env bash
# The xlsx_data benchmark: the customer-health example's analyst report with a
# 1,000,000-row `data surveys` sheet, written as XLSX by
#   - a plain libxlsxwriter program (plain_xlsx.cpp) writing the same cells the same way
#     (constant memory, typed cells, date format, autofilter): the reference, and
#   - Folio: `folio render report.folio --report analyst --format xlsx` (the whole
#     workbook: evaluation, summary, table, calculation and data sheets), or with
#     --driver, folio_bench_xlsx_data (data_sheet_driver.cpp): the evaluation and the
#     data sheet alone, through write_data_sheet.
# Both read the same generated CSV (make_surveys.py: the example's surveys repeated to N
# rows) in the same run. For each it prints the wall time, the CPU time (user + system)
# and the peak memory ("Maximum resident set size" of /usr/bin/time -v), the median over
# the rounds, and Folio's ratio to the reference. Targets: Folio within 1.3x of the
# reference's time, peak memory under 200 MB.
#
#   bench/xlsx_data/run.sh [--rows N] [--rounds N] [--driver] [--strict] [--no-build]
#
# Defaults: --rows 1000000, --rounds 3. Exit status: 0; 2 on a setup, build or run
# failure; with --strict, 3 when Folio misses a target. --no-build uses the binaries
# already in the build folder (whatever its build type) instead of configuring it. The time ratio is judged on CPU
# time, which other work on a shared machine moves less than wall time (both are shown).
#
# Environment: FOLIO_BENCH_BUILD_DIR (default build-bench: Folio in Release there, with
# benchmarks on), FOLIO_BENCH_JOBS (2), FOLIO_BENCH_DATA_DIR (where the generated CSV
# is kept, default ~/.cache/folio-bench/xlsx_data: 88 MB for 1e6 rows).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

rows=1000000
rounds=3
driver=0
strict=0
build=1
usage() { echo "usage: $0 [--rows N] [--rounds N] [--driver] [--strict] [--no-build]" >&2; exit 2; }
while [[ $# -gt 0 ]]; do
  case $1 in
    --rows) [[ $# -ge 2 ]] || usage; rows=$2; shift 2 ;;
    --rounds) [[ $# -ge 2 ]] || usage; rounds=$2; shift 2 ;;
    --driver) driver=1; shift ;;
    --strict) strict=1; shift ;;
    --no-build) build=0; shift ;;
    *) usage ;;
  esac
done
[[ $rows =~ ^[1-9][0-9]*$ ]] || { echo "error: --rows takes a whole number, got '$rows'" >&2; exit 2; }
[[ $rounds =~ ^[1-9][0-9]*$ ]] || usage
[[ -x /usr/bin/time ]] || { echo "error: /usr/bin/time is needed (Debian package: time)" >&2; exit 2; }
[[ -x /usr/bin/python3 ]] || { echo "error: /usr/bin/python3 is needed" >&2; exit 2; }

build_dir=${FOLIO_BENCH_BUILD_DIR:-$root/build-bench}
jobs=${FOLIO_BENCH_JOBS:-2}
data_dir=${FOLIO_BENCH_DATA_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/folio-bench/xlsx_data}

if [[ $build -eq 1 ]]; then
  echo "== building folio, folio_bench_xlsx_data and folio_bench_xlsx_plain in $build_dir"
  cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DFOLIO_BUILD_TESTS=OFF \
    -DFOLIO_BUILD_BENCHMARKS=ON >/dev/null || { echo "error: cmake configure failed" >&2; exit 2; }
  cmake --build "$build_dir" -j "$jobs" --target folio folio_bench_xlsx_data folio_bench_xlsx_plain >/dev/null \
    || { echo "error: build failed (rerun: cmake --build $build_dir)" >&2; exit 2; }
fi
folio=$build_dir/cli/folio
folio_driver=$build_dir/bench/xlsx_data/folio_bench_xlsx_data
plain=$build_dir/bench/xlsx_data/folio_bench_xlsx_plain

csv=$data_dir/surveys-$rows.csv
if [[ ! -s $csv ]]; then
  mkdir -p "$data_dir"
  echo "== generating $rows rows into $csv"
  /usr/bin/python3 "$here/make_surveys.py" "$rows" "$csv" || { echo "error: make_surveys.py failed" >&2; exit 2; }
fi

# The example's folder with the large surveys file in place of its own.
work=$(mktemp -d "${TMPDIR:-/tmp}/folio-xlsx-data.XXXXXX")
trap 'rm -rf "$work"' EXIT
example=$root/examples/customer-health
mkdir -p "$work/example/data" "$work/out"
cp "$example/report.folio" "$work/example/"
cp -r "$example/themes" "$work/example/"
cp "$example/data/accounts.csv" "$example/data/support.db" "$work/example/data/"
ln -s "$csv" "$work/example/data/surveys.csv"

if [[ $driver -eq 1 ]]; then
  folio_label="Folio (data sheet driver)"
  folio_cmd=("$folio_driver" "$work/example/report.folio" analyst "$work/out/analyst.xlsx")
else
  folio_label="Folio (folio render)"
  folio_cmd=("$folio" render "$work/example/report.folio" --report analyst --format xlsx --out "$work/out")
fi

# measure NAME CMD...: sets m_wall_ms, m_cpu_s and m_rss_mb; returns 1 when CMD fails.
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

echo "== $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== $rows rows: $csv ($(($(stat -c %s "$csv") / 1000000)) MB)"
p_wall=() p_cpu=() p_rss=() f_wall=() f_cpu=() f_rss=()
for ((round = 1; round <= rounds; ++round)); do
  measure plain "$plain" "$csv" "$work/out/plain.xlsx" \
    || { echo "error: folio_bench_xlsx_plain failed:" >&2; cat "$work/plain.err" >&2; exit 2; }
  p_wall+=("$m_wall_ms") p_cpu+=("$m_cpu_s") p_rss+=("$m_rss_mb")
  line="round $round/$rounds: plain ${m_wall_ms} ms (cpu ${m_cpu_s} s, ${m_rss_mb} MB)"
  rm -f "$work/out/analyst.xlsx"
  measure folio "${folio_cmd[@]}" || { echo "error: $folio_label failed:" >&2; cat "$work/folio.err" >&2; exit 2; }
  [[ -s $work/out/analyst.xlsx ]] || { echo "error: $folio_label wrote no analyst.xlsx" >&2; exit 2; }
  f_wall+=("$m_wall_ms") f_cpu+=("$m_cpu_s") f_rss+=("$m_rss_mb")
  echo "$line, Folio ${m_wall_ms} ms (cpu ${m_cpu_s} s, ${m_rss_mb} MB)"
done
cat "$work/folio.err" "$work/folio.out" | sed 's/^/   folio: /'

pw=$(median "${p_wall[@]}") pc=$(median "${p_cpu[@]}") pr=$(median "${p_rss[@]}")
fw=$(median "${f_wall[@]}") fc=$(median "${f_cpu[@]}") fr=$(median "${f_rss[@]}")
echo
printf '%-28s %9s %9s %13s\n' "$rows rows" "wall s" "cpu s" "peak RSS MB"
printf '%-28s %9.2f %9.2f %13.0f\n' "plain libxlsxwriter" "$(awk -v w="$pw" 'BEGIN {print w / 1000}')" "$pc" "$pr"
printf '%-28s %9.2f %9.2f %13.0f\n' "$folio_label" "$(awk -v w="$fw" 'BEGIN {print w / 1000}')" "$fc" "$fr"
cpu_ratio=$(awk -v a="$fc" -v b="$pc" 'BEGIN {printf "%.3f", a / b}')
wall_ratio=$(awk -v a="$fw" -v b="$pw" 'BEGIN {printf "%.3f", a / b}')
verdict=$(awk -v r="$cpu_ratio" -v m="$fr" 'BEGIN {print (r <= 1.3 && m < 200) ? "met" : "missed"}')
echo "Folio / plain: cpu ${cpu_ratio}x, wall ${wall_ratio}x; target <= 1.3x and < 200 MB: $verdict"
echo "{\"bench\":\"xlsx_data\",\"rows\":$rows,\"plain_wall_ms\":$pw,\"plain_cpu_s\":$pc,\"plain_rss_mb\":$pr,\"folio_wall_ms\":$fw,\"folio_cpu_s\":$fc,\"folio_rss_mb\":$fr,\"cpu_ratio\":$cpu_ratio,\"wall_ratio\":$wall_ratio}"
[[ $verdict == met || $strict -eq 0 ]] || exit 3
exit 0

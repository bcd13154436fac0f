#!/usr/bin/env bash
# The pg_pushdown benchmark: the csv_aggregate benchmark's five KPIs by region × month
# over N generated survey rows (bench/csv_aggregate's generator) loaded into PostgreSQL,
# computed by `folio render bench/pg_pushdown/bench.folio`
#   - with aggregate pushdown: the server groups and aggregates, Folio fetches 96 rows;
#   - with FOLIO_PUSHDOWN=0: Folio fetches every row (a server-side cursor, 65,536 rows
#     a batch) and aggregates in memory.
# It prints the median wall time of each over the rounds and their ratio, and checks
# that both give the same JSON (relative 1e-9).
#
#   bench/pg_pushdown/run.sh [--rows N] [--rounds N]
#
# Defaults: --rows 10000000, --rounds 3. Needs the test cluster's environment
# (eval "$(scripts/start-test-postgres.sh)"), a built folio (FOLIO_BIN, default
# build/cli/folio), python3 for the comparison. Generated files are kept in
# FOLIO_BENCH_DATA_DIR (default ~/.cache/folio-bench/csv_aggregate, shared with
# csv_aggregate); the generator builds in FOLIO_BENCH_BUILD_DIR/csv_aggregate (default
# build-bench).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

rows=10000000
rounds=3
usage() { echo "usage: $0 [--rows N] [--rounds N]" >&2; exit 2; }
while [[ $# -gt 0 ]]; do
  case $1 in
    --rows) [[ $# -ge 2 ]] || usage; rows=$2; shift 2 ;;
    --rounds) [[ $# -ge 2 ]] || usage; rounds=$2; shift 2 ;;
    *) usage ;;
  esac
done
[[ $rows =~ ^[0-9]+$ && $rounds =~ ^[1-9][0-9]*$ ]] || usage
[[ -n "${FOLIO_TEST_PG_DSN:-}" ]] || { echo "error: FOLIO_TEST_PG_DSN is not set: eval \"\$(scripts/start-test-postgres.sh)\"" >&2; exit 2; }

folio=${FOLIO_BIN:-$root/build/cli/folio}
[[ -x "$folio" ]] || { echo "error: no folio binary at $folio (set FOLIO_BIN)" >&2; exit 2; }
cache=${XDG_CACHE_HOME:-$HOME/.cache}/folio-bench
data_dir=${FOLIO_BENCH_DATA_DIR:-$cache/csv_aggregate}
tools_dir=${FOLIO_BENCH_BUILD_DIR:-$root/build-bench}/csv_aggregate
mkdir -p "$data_dir"

generator=$tools_dir/folio_bench_surveys
if [[ ! -x "$generator" ]]; then
  echo "== building folio_bench_surveys in $tools_dir"
  cmake -S "$root/bench/csv_aggregate" -B "$tools_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  ninja -C "$tools_dir" folio_bench_surveys >/dev/null
fi
csv=$data_dir/surveys-v1-$rows.csv
if [[ ! -f "$csv" ]]; then
  echo "== generating $rows rows into $csv"
  "$generator" "$rows" "$csv"
fi

loaded=$(psql -X -At "$FOLIO_TEST_PG_DSN" -c "SELECT obj_description('bench_surveys'::regclass)" 2>/dev/null || true)
if [[ "$loaded" != "$csv" ]]; then
  echo "== loading $csv into bench_surveys"
  start=$(date +%s.%N)
  psql -X -q -v ON_ERROR_STOP=1 "$FOLIO_TEST_PG_DSN" <<SQL
SET client_min_messages = warning;
DROP TABLE IF EXISTS bench_surveys;
CREATE UNLOGGED TABLE bench_surveys (
  response_id text, submitted_at date, region text, score double precision, csat double precision,
  first_response_minutes double precision, contacts double precision, mrr double precision, status text);
\\copy bench_surveys FROM '$csv' WITH (FORMAT csv, HEADER true)
ANALYZE bench_surveys;
COMMENT ON TABLE bench_surveys IS '$csv';
SQL
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN { printf "   loaded in %.1f s\n", b - a }'
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
time_run() {  # label env... : prints the wall seconds of each round
  local dir=$out/$1; shift
  for ((i = 0; i < rounds; i++)); do
    local start end
    start=$(date +%s.%N)
    env "$@" "$folio" render "$here/bench.folio" --format json --out "$dir" >/dev/null
    end=$(date +%s.%N)
    awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f\n", b - a }'
  done
}

echo "== $rows rows, $rounds rounds (median wall time)"
pushed=$(time_run pushdown FOLIO_PUSHDOWN=1 | median)
fetched=$(time_run rows FOLIO_PUSHDOWN=0 | median)
printf '%-34s %8.3f s\n' "pushdown (server aggregates)" "$pushed"
printf '%-34s %8.3f s\n' "rows fetched, aggregated by Folio" "$fetched"
printf '%-34s %8.1fx\n' "ratio (rows / pushdown)" "$(awk -v a="$fetched" -v b="$pushed" 'BEGIN { print a / b }')"

python3 - "$out/pushdown/bench.json" "$out/rows/bench.json" <<'PY'
import json, math, sys
def walk(a, b, path="$"):
    if isinstance(a, dict) and isinstance(b, dict):
        assert a.keys() == b.keys(), path
        for k in a: walk(a[k], b[k], path + "." + k)
    elif isinstance(a, list) and isinstance(b, list):
        assert len(a) == len(b), path
        for i, (x, y) in enumerate(zip(a, b)): walk(x, y, f"{path}[{i}]")
    elif isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        assert math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9), f"{path}: {a} vs {b}"
    else:
        assert a == b, f"{path}: {a!r} vs {b!r}"
walk(json.load(open(sys.argv[1])), json.load(open(sys.argv[2])))
print("results agree (relative 1e-9)")
PY

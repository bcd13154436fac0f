#!/usr/bin/env bash
# The main job: generates the example's sample data, renders the example reports (XLSX,
# HTML, JSON) and
# evaluates the sample formulas, with the `folio` built in $1 (default build/).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
folio="$build/cli/folio"

echo "== sample data for examples/customer-health (deterministic generator)"
cmake --build "$build" --target customer_health_data >/dev/null

echo "== folio render examples/customer-health/report.folio --out out/customer-health"
# Each report in the formats of its `output:` list: XLSX workbooks, HTML pages, JSON.
"$folio" render examples/customer-health/report.folio --out out/customer-health

echo "== folio eval --batch examples/formulas/customer-kpis.txt --cells examples/formulas/customer-kpis.cells"
paste examples/formulas/customer-kpis.txt \
  <("$folio" eval --batch examples/formulas/customer-kpis.txt --cells examples/formulas/customer-kpis.cells)

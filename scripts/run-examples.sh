#!/usr/bin/env bash
# The main job: runs the examples with the built `folio` (build dir as $1).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
echo "== folio eval --batch examples/formulas/customer-kpis.txt --cells examples/formulas/customer-kpis.cells"
paste examples/formulas/customer-kpis.txt \
  <("$build/cli/folio" eval --batch examples/formulas/customer-kpis.txt --cells examples/formulas/customer-kpis.cells)

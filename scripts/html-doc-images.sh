#!/usr/bin/env bash
# Regenerates docs/images/html-<report>.png: the three example reports rendered as HTML with
# the `folio` built in $1 (default build/) and photographed by headless Chromium (network off).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
folio="$build/cli/folio"
chromium=${FOLIO_CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
if [[ -z "$chromium" ]]; then
  echo "html-doc-images: needs Chromium: apt-get install chromium (or set FOLIO_CHROMIUM)" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$folio" render examples/customer-health/report.folio --format html --out "$work/pages" >/dev/null
mkdir -p docs/images
for report in executive manager analyst; do
  "$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
    --disable-sync --no-first-run --disable-extensions --host-resolver-rules="MAP * ~NOTFOUND" --hide-scrollbars \
    --user-data-dir="$work/profile-$report" --window-size=1280,1700 \
    --screenshot="docs/images/html-$report.png" "file://$work/pages/$report.html" >/dev/null 2>&1
  echo "wrote docs/images/html-$report.png"
done

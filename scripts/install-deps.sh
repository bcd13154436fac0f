#!/usr/bin/env bash
# Installs the Debian packages Folio builds and tests with, only those missing, so a
# second run does nothing. Needs root (or sudo) when something is missing.
set -euo pipefail

packages=(
  g++ cmake ninja-build ccache pkg-config
  tao-pegtl-dev libfmt-dev libxlsxwriter-dev libtomlplusplus-dev catch2
  libkainjow-mustache-dev libsqlite3-dev libpq-dev libhowardhinnant-date-dev tzdata
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} == 0)); then
  exit 0
fi

echo "installing: ${missing[*]}" >&2
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -q
"${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"

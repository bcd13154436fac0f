#!/usr/bin/env bash
# Folio's one entry point for people and CI.
#   ./build.sh        install what is missing, build, and run the main job
#   ./build.sh test   install what is missing, build, and run the whole test suite,
#                     once normally and once under AddressSanitizer + UBSan
set -euo pipefail
cd "$(dirname "$0")"

if [[ ${1:-run} == test ]]; then scripts/install-deps.sh --test; else scripts/install-deps.sh; fi

jobs=$(nproc 2>/dev/null || echo 2)

configure_and_build() {  # dir, extra cmake args...
  local dir=$1
  shift
  cmake -S . -B "$dir" -G Ninja "$@" >/dev/null
  cmake --build "$dir" -j "$jobs"
}

case "${1:-run}" in
  run)
    configure_and_build build -DCMAKE_BUILD_TYPE=Release -DFOLIO_BUILD_TESTS=OFF -DFOLIO_BUILD_BENCHMARKS=OFF
    scripts/run-examples.sh build
    ;;
  test)
    configure_and_build build -DCMAKE_BUILD_TYPE=RelWithDebInfo
    configure_and_build build-asan -DCMAKE_BUILD_TYPE=Debug -DFOLIO_SANITIZE=ON -DFOLIO_BUILD_BENCHMARKS=OFF
    # The example's sample data: the renderer and PostgreSQL tests read it.
    cmake --build build --target customer_health_data >/dev/null
    status=0
    # Tests that check outputs with LibreOffice, Chromium or PostgreSQL fail, not skip,
    # without them. A throwaway PostgreSQL cluster serves the pushdown tests.
    export FOLIO_REQUIRE_TOOLS=1 FOLIO_TEST_PG_REQUIRED=1
    eval "$(scripts/start-test-postgres.sh)"
    trap 'scripts/start-test-postgres.sh --stop >/dev/null 2>&1 || true' EXIT
    echo "== tests"
    ctest --test-dir build --output-on-failure -j "$jobs" || status=1
    echo "== tests under AddressSanitizer + UBSan"
    ctest --test-dir build-asan --output-on-failure -j "$jobs" || status=1
    exit $status
    ;;
  *)
    echo "usage: ./build.sh [test]" >&2
    exit 2
    ;;
esac

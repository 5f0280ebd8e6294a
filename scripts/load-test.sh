#!/usr/bin/env bash
# A bounded load test on loopback through the library's policies: see scripts/load-test.ts.
set -euo pipefail
cd "$(dirname "$0")/.."
exec node_modules/.bin/tsx scripts/load-test.ts "$@"

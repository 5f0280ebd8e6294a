#!/usr/bin/env bash
# Active health checks on the real clock against loopback services: see scripts/health-check.ts.
set -euo pipefail
cd "$(dirname "$0")/.."
exec node_modules/.bin/tsx scripts/health-check.ts "$@"

#!/usr/bin/env bash
# A chaos experiment on loopback (fault-injecting proxy, fault schedule, two policies): see scripts/chaos-simulate.ts.
set -euo pipefail
cd "$(dirname "$0")/.."
exec node_modules/.bin/tsx scripts/chaos-simulate.ts "$@"

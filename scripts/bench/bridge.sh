#!/usr/bin/env bash
# Bridge overhead: echo agent streamed directly vs through the Lambda host,
# the bridge and the local AgentCore Runtime (debug build unless BENCH_RELEASE=1).
# Usage: scripts/bench/bridge.sh [requests]
set -euo pipefail
cd "$(dirname "$0")/../.."
config=(); [[ "${BENCH_RELEASE:-0}" == 1 ]] && config=(-c release)
for product in local-platform authoriser bridge async-runner webhook-delivery; do
    swift build "${config[@]}" --product "$product" >/dev/null
done
bin=$(swift build "${config[@]}" --show-bin-path)
.venv/bin/python scripts/bench/bridge_bench.py "$bin" "${1:-200}"

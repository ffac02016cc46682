#!/usr/bin/env bash
# make agent-push against the local stack: cold path per step, warm path end to end (target < 5 s).
# Usage: scripts/bench/agent_push.sh [warm runs]
set -euo pipefail
cd "$(dirname "$0")/../.."
for product in local-platform authoriser tenant-api bridge; do
    swift build --product "$product" >/dev/null
done
.venv/bin/python scripts/bench/agent_push_bench.py "${1:-3}"

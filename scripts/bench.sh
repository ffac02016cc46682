#!/usr/bin/env bash
# Every benchmark against its named peer, in one run. Add a line per benchmark.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bench/runtime.sh
scripts/bench/sigv4.sh
scripts/bench/authoriser.sh
scripts/bench/bridge.sh
scripts/bench/agent_push.sh

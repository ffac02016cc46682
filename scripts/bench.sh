#!/usr/bin/env bash
# Every benchmark, each against its named peer, in one run (`make bench`).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bench/authoriser.sh

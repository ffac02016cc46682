#!/usr/bin/env bash
# SigV4 signing throughput: the Swift signer (release build) against
# botocore's SigV4Auth, on the same 1,000 seeded requests, in one run.
# Both sides print a hash of their 1,000 signatures; the run fails if they differ.
# Usage: scripts/bench/sigv4.sh [seconds-per-side]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-2}
py=.venv/bin/python
work=.local/bench
mkdir -p "$work"
requests="$work/sigv4-requests.json"

"$py" scripts/bench/sigv4_requests.py 20260101 1000 > "$requests"
swift build -c release --product SigV4Bench >/dev/null
bin=$(swift build -c release --show-bin-path)

read -r _ swift_rate swift_digest _ < <("$bin/SigV4Bench" "$requests" "$seconds")
read -r _ boto_rate boto_digest boto_version < <("$py" scripts/bench/sigv4_botocore.py "$requests" "$seconds")

if [[ "$swift_digest" != "$boto_digest" ]]; then
    echo "sigv4 bench: the two signers disagree (swift $swift_digest, botocore $boto_digest)" >&2
    exit 1
fi
awk -v s="$swift_rate" -v b="$boto_rate" -v v="$boto_version" 'BEGIN {
    printf "sigv4 signing, 1000 seeded requests (identical signatures on both sides)\n"
    printf "  swift SigV4Signer   %9d signatures/s\n", s
    printf "  botocore SigV4Auth  %9d signatures/s %s\n", b, v
    printf "  ratio               %9.1fx\n", s / b
}'

#!/usr/bin/env bash
# Authoriser decisions per second in-process with warm caches (release build),
# JWT (RS256) and SigV4 paths, against PyJWT verifying the same 1,000 tokens
# in the same run; then end-to-end requests/s through the local API Gateway
# (local-platform) to a trivial route, with curl keeping connections alive.
# Usage: scripts/bench/authoriser.sh [seconds-per-side] [gateway-requests]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-2}
requests=${2:-20000}
py=.venv/bin/python
work=.local/bench
mkdir -p "$work"

# One --product per call: swift build honours only the last one given.
for product in authoriser-bench local-platform; do swift build -c release --product "$product" >/dev/null; done
bin=$(swift build -c release --show-bin-path)
out=$("$bin/authoriser-bench" "$work/authoriser-tokens.json" "$seconds")
jwt_rate=$(awk '$1 == "jwt" {print $2}' <<<"$out")
sigv4_rate=$(awk '$1 == "sigv4" {print $2}' <<<"$out")
verify_rate=$(awk '$1 == "jwt-verify" {print $2}' <<<"$out")
read -r _ pyjwt_rate pyjwt_version < <("$py" scripts/bench/authoriser_pyjwt.py "$work/authoriser-tokens.json" "$seconds")

ready="$work/bench-platform.ready"
rm -f "$ready"
"$bin/local-platform" --ready-file "$ready" >"$work/bench-platform.log" 2>&1 &
platform=$!
trap 'kill $platform 2>/dev/null || true' EXIT
for _ in $(seq 100); do [[ -s "$ready" ]] && break; sleep 0.05; done
api=$("$py" -c "import json,sys; print(json.load(open(sys.argv[1]))['api'])" "$ready")
start=$(date +%s.%N)
curl -sf --parallel --parallel-max 8 "$api/v1/health?i=[1-$requests]" >/dev/null 2>&1
end=$(date +%s.%N)

awk -v j="$jwt_rate" -v s="$sigv4_rate" -v r="$verify_rate" -v p="$pyjwt_rate" -v v="$pyjwt_version" -v n="$requests" -v t0="$start" -v t1="$end" 'BEGIN {
    printf "authoriser decisions, in-process, warm caches (1000 distinct RS256 tokens, each verified)\n"
    printf "  swift JWT path      %9d decisions/s\n", j
    printf "  (JWT module verify alone %d/s; one OpenSSL RSA-2048 verify bounds both sides)\n", r
    printf "  swift SigV4 path    %9d decisions/s\n", s
    printf "  PyJWT %-12s  %9d verifications/s\n", v, p
    printf "  ratio JWT/PyJWT     %9.1fx\n", j / p
    printf "local API Gateway end to end: GET /v1/health, %d requests, curl --parallel 8\n", n
    printf "  %9d requests/s\n", n / (t1 - t0)
}'

#!/usr/bin/env bash
# Authoriser decisions per second in-process with warm caches (release build),
# JWT (RS256, the production Entra validator) and SigV4 paths, against PyJWT
# verifying the same 1,000 tokens in the same run; each side runs `rounds`
# times, alternating, and the median counts (the machine is shared). Then
# OpenSSL's own RSA-2048 verify rate, which bounds both sides, and end-to-end
# requests/s through the local API Gateway (local-platform) to a trivial route.
# Usage: scripts/bench/authoriser.sh [seconds-per-side] [gateway-requests] [rounds]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-2}
requests=${2:-20000}
rounds=${3:-3}
py=.venv/bin/python
work=.local/bench
mkdir -p "$work"

# One --product per call: swift build honours only the last one given.
for product in authoriser-bench local-platform; do swift build -c release --product "$product" >/dev/null; done
bin=$(swift build -c release --show-bin-path)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
swift_runs="" pyjwt_runs=""
for _ in $(seq "$rounds"); do
    swift_runs+=$("$bin/authoriser-bench" "$work/authoriser-tokens.json" "$seconds")$'\n'
    pyjwt_runs+=$("$py" scripts/bench/authoriser_pyjwt.py "$work/authoriser-tokens.json" "$seconds")$'\n'
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
# median NAME COLUMN: the median of that column over the rows named NAME.
median() { awk -v k="$1" -v c="$2" '$1 == k {print $c}' | sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
jwt_rate=$(median jwt 2 <<<"$swift_runs") jwt_cpu=$(median jwt 3 <<<"$swift_runs")
sigv4_rate=$(median sigv4 2 <<<"$swift_runs") sigv4_cpu=$(median sigv4 3 <<<"$swift_runs")
verify_rate=$(median jwt-verify 2 <<<"$swift_runs") verify_cpu=$(median jwt-verify 3 <<<"$swift_runs")
entra_rate=$(median entra-verify 2 <<<"$swift_runs") entra_cpu=$(median entra-verify 3 <<<"$swift_runs")
pyjwt_rate=$(median pyjwt 2 <<<"$pyjwt_runs") pyjwt_cpu=$(median pyjwt 3 <<<"$pyjwt_runs")
pyjwt_version=$(awk 'NR == 1 {print $4}' <<<"$pyjwt_runs")
openssl_rate=$(openssl speed -seconds 1 rsa2048 2>/dev/null | awk '$1 == "rsa" && $2 == "2048" {print int($7)}')

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

awk -v j="$jwt_rate" -v jc="$jwt_cpu" -v s="$sigv4_rate" -v sc="$sigv4_cpu" -v r="$verify_rate" -v rc="$verify_cpu" \
    -v e="$entra_rate" -v ec="$entra_cpu" -v o="$openssl_rate" -v p="$pyjwt_rate" -v pc="$pyjwt_cpu" -v v="$pyjwt_version" \
    -v n="$requests" -v t0="$start" -v t1="$end" -v rounds="$rounds" -v l0="$load_before" -v l1="$load_after" 'BEGIN {
    printf "authoriser decisions, in-process, warm caches (1000 distinct RS256 tokens, each verified; median of %d runs)\n", rounds
    printf "  load average %s before, %s after; per wall-clock second [per CPU second]\n", l0, l1
    printf "  swift JWT path      %9d decisions/s [%6d, %.1f us each]\n", j, jc, 1e6 / jc
    printf "    EntraTokenValidator alone %d/s [%d, %.1f us]; JWT module alone %d/s [%d, %.1f us]\n", e, ec, 1e6 / ec, r, rc, 1e6 / rc
    printf "    OpenSSL RSA-2048 verify alone (openssl speed) %d/s (%.1f us): bounds both sides\n", o, 1e6 / o
    printf "  swift SigV4 path    %9d decisions/s [%6d]\n", s, sc
    printf "  PyJWT %-12s  %9d verifications/s [%6d, %.1f us each]\n", v, p, pc, 1e6 / pc
    printf "  ratio JWT/PyJWT     %9.1fx [%.1fx]  (at most %.1fx with zero overhead: OpenSSL verify / PyJWT)\n", j / p, jc / pc, o / pc
    printf "local API Gateway end to end: GET /v1/health, %d requests, curl --parallel 8\n", n
    printf "  %9d requests/s\n", n / (t1 - t0)
}'

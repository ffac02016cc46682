#!/usr/bin/env bash
# Runtime benchmark, one run, side by side through the same emulator core
# (LambdaHost + its Invoke endpoint):
#   hello        scripts/bench/hello, release, static stdlib, stripped and zipped exactly as make package ships a function
#   python       scripts/bench/python-bootstrap/bootstrap (standard-library custom runtime)
#   hello+curl   hello linked against Debian's libcurl (AWSCore's transport is not in
#                this branch; the binary links CCurl and calls nothing from it)
# Cold: spawn (before exec) to the first GET /next reaching the host, median of $COLD.
# Warm: concurrency $CLIENTS (slots = closed-loop keep-alive clients, one invocation in
#   flight each; default: one per core), after a warm-up, $RUNS runs of $WARM s; the
#   median run's invocations/s, latency percentiles over all runs. Each invocation is
#   a full round trip (Invoke in -> GET /next answered -> POST /response -> Invoke out).
#   The load generator runs in runtime-bench, on the same cores as host and bootstraps:
#   on a shared machine, note the load average printed with the table.
# Sweep: hello's warm throughput at each concurrency in $SWEEP (1 x ${SWEEP_WARM}s each;
#   SWEEP= skips it): how far the host scales with more slots than cores.
set -euo pipefail
cd "$(dirname "$0")/../.."
COLD=${COLD:-50}
WARM=${WARM:-5}
RUNS=${RUNS:-3}
CLIENTS=${CLIENTS:-$(nproc)}
SWEEP=${SWEEP-"1 $(nproc) $(( 2 * $(nproc) ))"}
SWEEP_WARM=${SWEEP_WARM:-3}
flags=(-c release --static-swift-stdlib)
mkdir -p .local/bench
quiet() { grep -vE '^(\[[0-9]+/[0-9]+\]|Building|Compiling|Write|Emitting)|mktemp' || true; }

scripts/package.sh x86_64 | quiet >/dev/null
swift build "${flags[@]}" --product hello 2>&1 | quiet
swift build "${flags[@]}" --product runtime-bench-hello-curl 2>&1 | quiet
swift build "${flags[@]}" --product runtime-bench 2>&1 | quiet
bin=$(swift build "${flags[@]}" --show-bin-path)

# Stripped binaries and reproducible zips for the peers, as package.sh does for lambdas.
work=.local/bench
zip_of() {  # zip_of name file -> size in bytes
    rm -rf "$work/$1" "$work/$1.zip"
    mkdir -p "$work/$1"
    cp "$2" "$work/$1/bootstrap"
    chmod 0755 "$work/$1/bootstrap"
    TZ=UTC touch -t 198001010000 "$work/$1/bootstrap"
    (cd "$work/$1" && TZ=UTC zip -X -D -q -9 "../$1.zip" bootstrap)
    stat -c %s "$work/$1.zip"
}
strip --strip-all -o "$work/hello-curl.bin" "$bin/runtime-bench-hello-curl"
readelf -d "$work/hello-curl.bin" | grep -q 'libcurl' || { echo "hello+curl does not link libcurl" >&2; exit 1; }
declare -A zips
strip --strip-all -o "$work/hello.bin" "$bin/hello"
zips[hello]=$(zip_of hello "$work/hello.bin")
zips[python]=$(zip_of python scripts/bench/python-bootstrap/bootstrap)
zips[hello+curl]=$(zip_of hello-curl "$work/hello-curl.bin")

load_before=$(cut -d' ' -f1 /proc/loadavg)
"$bin/runtime-bench" --cold "$COLD" --warm-seconds "$WARM" --runs "$RUNS" --clients "$CLIENTS" \
    "hello=$PWD/$work/hello/bootstrap" \
    "python=$PWD/scripts/bench/python-bootstrap/bootstrap" \
    "hello+curl=$PWD/$work/hello-curl/bootstrap" >"$work/results.tsv"

echo
echo "Runtime benchmark ($(nproc) cores, load average $load_before before, $(cut -d' ' -f1 /proc/loadavg) after; cold n=$COLD; warm: concurrency $CLIENTS, $RUNS x ${WARM}s)"
python3 - "$work/results.tsv" "${zips[hello]}" "${zips[python]}" "${zips[hello+curl]}" <<'PY'
import sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
zips = dict(zip(["hello", "python", "hello+curl"], sys.argv[2:5]))
head = ["function", "cold median ms", "cold p90 ms", "warm inv/s", "warm p50 ms", "warm p99 ms", "peak RSS MB", "zip bytes"]
table = [head] + [r + [zips[r[0]]] for r in rows[1:]]
widths = [max(len(r[i]) for r in table) for i in range(len(head))]
for i, r in enumerate(table):
    print("  ".join(c.rjust(w) if j else c.ljust(w) for j, (c, w) in enumerate(zip(r, widths))))
    if i == 0:
        print("  ".join("-" * w for w in widths))
by = {r[0]: r for r in rows[1:]}
s, p = by["hello"], by["python"]
print()
print("Swift vs Python: cold start %.1fx faster, warm throughput %.2fx"
      % (float(p[1]) / float(s[1]), float(s[3]) / float(p[3])))
print("targets: Swift cold median < 5 ms: %s; >= 20000 warm inv/s: %s; zip < 8 MB: %s"
      % ("met" if float(s[1]) < 5 else "MISSED", "met" if float(s[3]) >= 20000 else "MISSED",
         "met" if int(zips["hello"]) < 8e6 else "MISSED"))
PY

if [[ -n "$SWEEP" ]]; then
    echo
    echo "hello by concurrency (slots = clients; 1 x ${SWEEP_WARM}s each; load average $(cut -d' ' -f1 /proc/loadavg) before)"
    printf '%-12s %10s %12s %12s\n' concurrency "warm inv/s" "warm p50 ms" "warm p99 ms"
    for c in $SWEEP; do
        "$bin/runtime-bench" --cold 1 --warm-seconds "$SWEEP_WARM" --runs 1 --clients "$c" \
            "hello=$PWD/$work/hello/bootstrap" | awk -F'\t' -v c="$c" 'NR == 2 { printf "%-12s %10s %12s %12s\n", c, $4, $5, $6 }'
    done
fi

# Every shipped function: start-up with its real dependencies linked (libcurl,
# OpenSSL), from exec to its first GET /next. The functions only build clients at
# init (no AWS call), so a closed local endpoint is enough configuration.
echo
echo "Shipped functions: cold start (exec to first GET /next, n=${SHIPPED_COLD:-20}), peak RSS, zip"
shipped=$(python3 -c 'import json;print(" ".join(e["function"] for e in json.load(open("bootstrap-artifacts/manifest.json"))))')
args=()
for fn in $shipped; do
    rm -rf "$work/shipped/$fn" && mkdir -p "$work/shipped/$fn"
    unzip -o -q "bootstrap-artifacts/$fn.zip" -d "$work/shipped/$fn"
    args+=("$fn=$PWD/$work/shipped/$fn/bootstrap")
done
config=()
for pair in AWS_REGION=eu-west-2 AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench AWS_ENDPOINT_URL=http://127.0.0.1:9 \
    ENTRA_ISSUER=http://127.0.0.1:9/bench/v2.0 ENTRA_AUDIENCE=api://agent-platform ENTRA_JWKS_URL=http://127.0.0.1:9/keys \
    PLATFORM_ENV=bench; do config+=(--env "$pair"); done
"$bin/runtime-bench" --cold-only --cold "${SHIPPED_COLD:-20}" "${config[@]}" "${args[@]}" >"$work/shipped.tsv" 2>"$work/shipped.log"
python3 - "$work/shipped.tsv" <<'PY'
import json, sys
sizes = {e["function"]: e["size"] for e in json.load(open("bootstrap-artifacts/manifest.json"))}
# The functions' own log lines share stdout with the results: keep the result rows.
rows = [r for r in (l.rstrip("\n").split("\t") for l in open(sys.argv[1])) if len(r) == 7 and r[0] in sizes]
print("%-18s %14s %12s %12s %12s" % ("function", "cold median ms", "cold p90 ms", "peak RSS MB", "zip bytes"))
for name, median, p90, _, _, _, rss in rows:
    print("%-18s %14s %12s %12s %12s" % (name, median, p90, rss, sizes[name]))
worst = max(float(r[1]) for r in rows)
print("slowest shipped cold start %.2f ms; every zip < 8 MB: %s" % (worst, "met" if max(sizes.values()) < 8e6 else "MISSED"))
PY

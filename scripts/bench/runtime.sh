#!/usr/bin/env bash
# Runtime benchmark, one run, side by side through the same emulator core
# (LambdaHost + its Invoke endpoint):
#   hello        lambdas/hello, release, static stdlib, stripped (what make package ships)
#   python       scripts/bench/python-bootstrap/bootstrap (standard-library custom runtime)
#   hello+curl   hello linked against Debian's libcurl (AWSCore's transport is not in
#                this branch; the binary links CCurl and calls nothing from it)
# Cold: spawn (before exec) to the first GET /next reaching the host, median of $COLD.
# Warm: $CLIENTS keep-alive clients, one invocation in flight each, for $WARM s.
set -euo pipefail
cd "$(dirname "$0")/../.."
COLD=${COLD:-50}
WARM=${WARM:-5}
CLIENTS=${CLIENTS:-2}
flags=(-c release --static-swift-stdlib)
mkdir -p .local/bench
quiet() { grep -vE '^(\[[0-9]+/[0-9]+\]|Building|Compiling|Write|Emitting)|mktemp' || true; }

scripts/package.sh x86_64 | quiet >/dev/null
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
zips[hello]=$(python3 -c 'import json;print(next(e["size"] for e in json.load(open("bootstrap-artifacts/manifest.json")) if e["function"]=="hello"))')
zips[python]=$(zip_of python scripts/bench/python-bootstrap/bootstrap)
zips[hello+curl]=$(zip_of hello-curl "$work/hello-curl.bin")
unzip -o -q bootstrap-artifacts/hello.zip -d "$work/hello"

"$bin/runtime-bench" --cold "$COLD" --warm-seconds "$WARM" --clients "$CLIENTS" \
    "hello=$PWD/$work/hello/bootstrap" \
    "python=$PWD/scripts/bench/python-bootstrap/bootstrap" \
    "hello+curl=$PWD/$work/hello-curl/bootstrap" >"$work/results.tsv"

echo
echo "Runtime benchmark ($(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg); cold n=$COLD, warm ${WARM}s x $CLIENTS clients)"
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

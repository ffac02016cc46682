#!/usr/bin/env bash
# Builds every Lambda (each executable target under lambdas/) in release with
# the static Swift stdlib, strips it, and zips it as `bootstrap` into
# bootstrap-artifacts/{function}.zip, reproducibly, plus manifest.json.
# Fails when a binary would not run on provided.al2023 (glibc > 2.34 or a
# shared library that image lacks).
#   scripts/package.sh [x86_64|arm64]
set -euo pipefail
cd "$(dirname "$0")/.."
arch=${1:-x86_64}
out=bootstrap-artifacts
max_glibc=2.34
# What provided.al2023 has: the glibc family, libgcc_s, libstdc++, curl, OpenSSL, zlib.
allowed_re='^(libc|libm|libdl|libpthread|librt|libresolv|libutil|ld-linux-x86-64|ld-linux-aarch64|libgcc_s|libstdc\+\+|libcurl|libssl|libcrypto|libz)\.so(\.[0-9]+)*$'

host_arch=$(uname -m)
build_flags=(-c release --static-swift-stdlib)
static_sdk=false
if [[ "$arch" == "arm64" || "$arch" == "aarch64" ]]; then
    arch=arm64
    if [[ "$host_arch" != "aarch64" ]]; then
        sdk=$(swift sdk list 2>/dev/null | grep -E 'aarch64' | head -n 1 || true)
        if [[ -z "$sdk" ]]; then
            echo "package: no Swift SDK for aarch64 is installed, so arm64 cannot be built on this $host_arch machine." >&2
            echo "package: install the Static Linux SDK matching your toolchain (it provides aarch64-swift-linux-musl):" >&2
            v=$(swift --version 2>/dev/null | grep -oE 'version [0-9.]+' | cut -d' ' -f2)
            echo "package:   swift sdk install https://download.swift.org/swift-$v-release/static-sdk/swift-$v-RELEASE/swift-$v-RELEASE_static-linux-0.0.1.artifactbundle.tar.gz --checksum <from swift.org/install>" >&2
            echo "package: then run: make package ARCH=arm64" >&2
            exit 1
        fi
        [[ "$sdk" == *musl* ]] && static_sdk=true
        build_flags=(-c release --swift-sdk "$sdk")
        $static_sdk || build_flags+=(--static-swift-stdlib)
    fi
elif [[ "$arch" != "x86_64" ]]; then
    echo "usage: $0 [x86_64|arm64]" >&2
    exit 2
elif [[ "$host_arch" != "x86_64" ]]; then
    echo "package: x86_64 needs an x86_64 host or an x86_64 Swift SDK" >&2
    exit 1
fi

# Every executable target whose path starts with lambdas/ is a function, named
# after its folder; its executable product carries the same name (lambdas/tenant-api
# -> product tenant-api), whatever the Swift target is called.
functions=$(swift package dump-package | python3 -c '
import json, sys
for t in json.load(sys.stdin)["targets"]:
    if t["type"] == "executable" and (t.get("path") or "").startswith("lambdas/"):
        print(t["path"].rstrip("/").split("/")[1])' | sort)
[[ -n "$functions" ]] || { echo "package: no executable targets under lambdas/" >&2; exit 1; }

mkdir -p .local
for fn in $functions; do
    if ! swift build "${build_flags[@]}" --product "$fn" >.local/package-build.log 2>&1; then
        cat .local/package-build.log >&2
        echo "package: build of $fn failed" >&2
        exit 1
    fi
    # Progress lines and the static Foundation's known mktemp link warning are noise.
    grep -vE '^(\[[0-9]+/[0-9]+\]|Building|Compiling|Write|Emitting)|the use of .mktemp. is dangerous' .local/package-build.log || true
done
bin=$(swift build "${build_flags[@]}" --show-bin-path)

mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
manifest=()
printf '%-16s %-7s %12s %12s  %-11s %s\n' function arch binary zip max-glibc sha256
for fn in $functions; do
    dir="$work/$fn"
    mkdir -p "$dir"
    strip --strip-all -o "$dir/bootstrap" "$bin/$fn"
    # Fixed permissions and timestamp so the same binary always gives the same zip.
    chmod 0755 "$dir/bootstrap"
    TZ=UTC touch -h -t 198001010000 "$dir/bootstrap"

    needed=$(readelf -d "$dir/bootstrap" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
    for lib in $needed; do
        [[ "$lib" =~ $allowed_re ]] || { echo "package: $fn needs $lib, which provided.al2023 does not ship" >&2; exit 1; }
    done
    glibc=$(objdump -T "$dir/bootstrap" | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -Vu | tail -n 1 || true)
    if [[ -n "$glibc" && "$(printf '%s\n%s\n' "$glibc" "$max_glibc" | sort -V | tail -n 1)" != "$max_glibc" ]]; then
        echo "package: $fn needs GLIBC_$glibc; provided.al2023 has $max_glibc (link CGlibcShim?)" >&2
        exit 1
    fi

    zip_path="$out/$fn.zip"
    rm -f "$zip_path" "$work/$fn.check.zip"
    (cd "$dir" && TZ=UTC zip -X -D -q -9 "$OLDPWD/$zip_path" bootstrap)
    (cd "$dir" && TZ=UTC zip -X -D -q -9 "$work/$fn.check.zip" bootstrap)
    cmp -s "$zip_path" "$work/$fn.check.zip" || { echo "package: zipping $fn is not reproducible" >&2; exit 1; }

    sha=$(sha256sum "$zip_path" | cut -d' ' -f1)
    size=$(stat -c %s "$zip_path")
    binary_size=$(stat -c %s "$dir/bootstrap")
    printf '%-16s %-7s %12s %12s  %-11s %s\n' "$fn" "$arch" "$binary_size" "$size" "${glibc:-static}" "$sha"
    manifest+=("$fn $arch $size $binary_size $sha ${glibc:-static}")
done

printf '%s\n' "${manifest[@]}" | python3 -c '
import json, sys
rows = [l.split() for l in sys.stdin if l.strip()]
entries = [{"function": f, "architecture": a, "size": int(s), "binarySize": int(b), "sha256": h, "maxGlibc": g}
           for f, a, s, b, h, g in rows]
json.dump(entries, open(sys.argv[1], "w"), indent=2, sort_keys=True)
open(sys.argv[1], "a").write("\n")' "$out/manifest.json"
echo "wrote $out/manifest.json"

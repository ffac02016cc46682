#!/usr/bin/env bash
# Builds every Lambda (each executable target under lambdas/) in release with
# the static Swift stdlib, strips it, and zips it as `bootstrap` into
# bootstrap-artifacts/{function}.zip, reproducibly, plus manifest.json.
# Fails, naming the symbol or library, when a binary would not load on
# provided.al2023 (scripts/check-bootstrap.sh: ELF machine, shared libraries,
# symbol versions; docs/decisions/0033).
#   scripts/package.sh [x86_64|arm64]
# arm64 on an x86_64 host builds with scripts/arm64-toolchain.sh (Debian's
# Swift 6.2.3 aarch64 runtime, set up once per machine), or with an installed
# Swift SDK when SWIFT_SDK names one (e.g. the official Static Linux SDK).
# PACKAGE_OUT overrides the output folder; PACKAGE_FUNCTIONS="a b" builds only those.
set -euo pipefail
cd "$(dirname "$0")/.."
arch=${1:-x86_64}
out=${PACKAGE_OUT:-bootstrap-artifacts}

host_arch=$(uname -m)
swift=(swift)
build_flags=(-c release --static-swift-stdlib)
link_dir=$PWD/.local/link-$arch
case "$arch" in
arm64 | aarch64)
    arch=arm64
    if [[ "$host_arch" == "aarch64" ]]; then
        curl_lib=$(pkg-config --variable=libdir libcurl)/libcurl.so.4
    elif [[ -n "${SWIFT_SDK:-}" ]]; then
        build_flags=(-c release --swift-sdk "$SWIFT_SDK" --scratch-path .build-"$SWIFT_SDK")
        [[ "$SWIFT_SDK" == *musl* ]] || build_flags+=(--static-swift-stdlib)
        curl_lib=${SWIFT_SDK_LIBCURL:-}
    else
        started=$SECONDS
        scripts/arm64-toolchain.sh setup >/dev/null
        echo "package: arm64 toolchain ready ($((SECONDS - started)) s)"
        swift=(scripts/arm64-toolchain.sh swift)
        build_flags=(-c release --static-swift-stdlib --scratch-path .build-arm64
            --swift-sdks-path "$(scripts/arm64-toolchain.sh sdks-path)" --swift-sdk "$(scripts/arm64-toolchain.sh sdk-id)")
        curl_lib=$(scripts/arm64-toolchain.sh sysroot)/usr/lib/aarch64-linux-gnu/libcurl.so.4
    fi
    ;;
x86_64)
    [[ "$host_arch" == "x86_64" ]] || { echo "package: x86_64 needs an x86_64 host" >&2; exit 1; }
    curl_lib=$(pkg-config --variable=libdir libcurl)/libcurl.so.4
    ;;
*) echo "usage: $0 [x86_64|arm64]" >&2; exit 2 ;;
esac

# Link-time inputs that keep the binary loadable on provided.al2023. The linker
# searches this folder first, and nothing in it ships:
#  - libcurl.so: the target's libcurl without its symbol-version sections, so
#    references are unversioned and bind to whatever libcurl.so.4 the image has;
#  - libstdc++.so (x86_64; the arm64 SDK does this in its link file): a linker
#    script that takes libstdc++ from its static archive;
#  - pkgconfig/: the .pc files of CCurl and COpenSSL pointing here, because
#    SwiftPM puts their -L (the system library folder) ahead of any -L we pass.
#    The Debian arm64 chroot has no pkg-config, so there -Xswiftc -L is enough.
mkdir -p "$link_dir/pkgconfig" .local
if [[ -n "${curl_lib:-}" ]]; then
    [[ -f "$curl_lib" ]] || { echo "package: no libcurl.so.4 at $curl_lib" >&2; exit 1; }
    objcopy=$(dirname "$(readlink -f "$(command -v swift)")")/llvm-objcopy
    "$objcopy" --remove-section=.gnu.version --remove-section=.gnu.version_d "$curl_lib" "$link_dir/libcurl.so"
    build_flags+=(-Xswiftc -L -Xswiftc "$link_dir")
fi
if [[ "$arch" == x86_64 ]]; then
    libstdcxx=$(c++ -print-file-name=libstdc++.a 2>/dev/null || clang++ -print-file-name=libstdc++.a)
    [[ "$libstdcxx" == /* ]] || { echo "package: libstdc++.a not found (apt-get install libstdc++-12-dev)" >&2; exit 1; }
    printf 'INPUT(%s)\n' "$libstdcxx" >"$link_dir/libstdc++.so"
fi
if [[ "${swift[0]}" == swift && -z "${SWIFT_SDK:-}" ]]; then
    for spec in libcurl:-lcurl libssl:-lssl libcrypto:-lcrypto "openssl:-lssl -lcrypto"; do
        name=${spec%%:*}
        printf 'Name: %s\nDescription: link-only, scripts/package.sh\nVersion: %s\nLibs: -L%s %s\nCflags:\n' \
            "$name" "$(pkg-config --modversion "$name")" "$link_dir" "${spec#*:}" >"$link_dir/pkgconfig/$name.pc"
    done
    export PKG_CONFIG_PATH=$link_dir/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}
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
if [[ -n "${PACKAGE_FUNCTIONS:-}" ]]; then
    for fn in $PACKAGE_FUNCTIONS; do
        grep -qx "$fn" <<<"$functions" || { echo "package: $fn is not a function under lambdas/" >&2; exit 1; }
    done
    functions=$PACKAGE_FUNCTIONS
fi

noise='^(\[[0-9]+/[0-9]+\]|Building|Compiling|Write|Emitting|Planning)|the use of .mktemp. is dangerous'
[[ "${swift[0]}" == swift ]] || noise+='|pkg-config|using your system-packager|^ +apt-get install lib(curl4-openssl|ssl)-dev$'
build_started=$SECONDS
for fn in $functions; do
    if ! "${swift[@]}" build "${build_flags[@]}" --product "$fn" >.local/package-build.log 2>&1; then
        cat .local/package-build.log >&2
        echo "package: build of $fn failed" >&2
        exit 1
    fi
    # Progress lines and the static Foundation's known mktemp link warning are noise; so is
    # SwiftPM looking for the host's pkg-config in the arm64 chroot (the SDK's sysroot has the headers).
    grep -vE "$noise" .local/package-build.log || true
done
echo "package: built $(wc -w <<<"$functions") functions for $arch in $((SECONDS - build_started)) s"
bin=$("${swift[@]}" build "${build_flags[@]}" --show-bin-path | tail -n 1)

mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
manifest=()
printf '%-20s %-7s %12s %12s  %-11s %s\n' function arch binary zip max-glibc sha256
for fn in $functions; do
    dir="$work/$fn"
    mkdir -p "$dir"
    if [[ "$arch" == x86_64 ]]; then
        strip --strip-all -o "$dir/bootstrap" "$bin/$fn"
    else
        "$(dirname "$(readlink -f "$(command -v swift)")")/llvm-objcopy" --strip-all "$bin/$fn" "$dir/bootstrap"
    fi
    # Fixed permissions and timestamp so the same binary always gives the same zip.
    chmod 0755 "$dir/bootstrap"
    TZ=UTC touch -h -t 198001010000 "$dir/bootstrap"

    glibc=$(scripts/check-bootstrap.sh "$arch" "$dir/bootstrap" "$fn")
    [[ "$glibc" == static ]] && glibc=

    zip_path="$out/$fn.zip"
    rm -f "$zip_path" "$work/$fn.check.zip"
    (cd "$dir" && TZ=UTC zip -X -D -q -9 "$OLDPWD/$zip_path" bootstrap)
    (cd "$dir" && TZ=UTC zip -X -D -q -9 "$work/$fn.check.zip" bootstrap)
    cmp -s "$zip_path" "$work/$fn.check.zip" || { echo "package: zipping $fn is not reproducible" >&2; exit 1; }

    sha=$(sha256sum "$zip_path" | cut -d' ' -f1)
    size=$(stat -c %s "$zip_path")
    binary_size=$(stat -c %s "$dir/bootstrap")
    printf '%-20s %-7s %12s %12s  %-11s %s\n' "$fn" "$arch" "$binary_size" "$size" "${glibc:-static}" "$sha"
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

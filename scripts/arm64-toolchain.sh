#!/usr/bin/env bash
# Sets up, once per machine, a Swift toolchain that builds this package for
# aarch64-unknown-linux-gnu on an x86_64 Debian 12 host, from Debian packages
# alone (docs/decisions/0033-arm64-cross-build-from-debian-packages.md):
#   - Debian sid's amd64 `swiftlang` (6.2.3) in a `debootstrap --variant=minbase sid`
#     chroot: it needs glibc >= 2.42, and it is the compiler that can read sid's
#     arm64 runtime modules (FoundationEssentials/Dispatch ship no .swiftinterface);
#   - sid's arm64 `swiftlang`: only its aarch64 runtime (static libs and modules);
#   - a bookworm arm64 sysroot (`dpkg -x`, absolute symlinks made relative), so
#     binaries need glibc <= 2.34 like provided.al2023, plus C shims for the few
#     newer glibc symbols the sid-built runtime references;
#   - a SwiftPM SDK bundle tying them together.
# Apt runs with private configurations (and inside the chroot): the host's
# sources are untouched.
#
#   scripts/arm64-toolchain.sh setup          set up (no-op when ready), print the folder
#   scripts/arm64-toolchain.sh swift ARGS...  run the chroot's swift in this repo, e.g.
#                                             swift build --swift-sdk "$(scripts/arm64-toolchain.sh sdk-id)"
#   scripts/arm64-toolchain.sh sdk-id | sysroot | dir   print what callers need
#   scripts/arm64-toolchain.sh clean          remove this machine's toolchain folders
#
# Where: $ARM64_TOOLCHAIN_DIR (default /var/cache/agent-platform/arm64-toolchain),
# one sub-folder per recipe key, so every clone on the machine shares it and a
# new recipe never reuses a stale one.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
self=$repo/scripts/$(basename "$0")

# The recipe. Changing any of these makes a new key, hence a fresh set-up.
swiftlang_version=6.2.3-1+b1
mirror=${ARM64_DEBIAN_MIRROR:-http://deb.debian.org/debian}
security_mirror=${ARM64_DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}
sysroot_packages=(libc6-dev linux-libc-dev libgcc-12-dev libstdc++-12-dev libcurl4-openssl-dev libssl-dev zlib1g-dev)
sdk_id=aarch64-debian-bookworm-swift-6.2.3
shim_source=$repo/scripts/arm64-sdk/glibc234-compat.c
recipe_rev=1 # bump when a step's output changes, so machines set up afresh
key="swift-${swiftlang_version}-r${recipe_rev}-$(cat "$shim_source" | sha256sum | cut -c1-12)"
base=${ARM64_TOOLCHAIN_DIR:-/var/cache/agent-platform/arm64-toolchain}
root=$base/$key
chroot_dir=$root/chroot
# Inside the chroot, so the chroot's compiler sees the SDK at the same path.
sdks_rel=opt/swift-sdks
bundle_rel=$sdks_rel/$sdk_id.artifactbundle
sysroot_rel=$bundle_rel/$sdk_id/sysroot
sysroot=$chroot_dir/$sysroot_rel

started=$SECONDS
say() { printf 'arm64-toolchain [%4ds] %s\n' $((SECONDS - started)) "$*" >&2; }
die() { printf 'arm64-toolchain: %s\n' "$*" >&2; exit 1; }

need_root() { [[ $(id -u) == 0 ]] || die "needs root (debootstrap, chroot and bind mounts)"; }

apt_host_install() {
    local missing=()
    for p in "$@"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p"); done
    ((${#missing[@]})) || return 0
    say "installing host packages: ${missing[*]} (apt)"
    apt-get -o DPkg::Lock::Timeout=600 update -qq
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq "${missing[@]}" >/dev/null ||
        die "apt-get install ${missing[*]} failed on the host"
}

# A private apt for one Debian suite and architecture, state under $1.
private_apt() { # dir arch "deb lines..."
    local dir=$1 arch=$2 sources=$3
    mkdir -p "$dir"/{lists/partial,archives/partial,parts,prefs}
    : >"$dir/status"
    printf '%s\n' "$sources" >"$dir/sources.list"
    cat >"$dir/apt.conf" <<EOF
Dir::State "$dir";
Dir::State::lists "$dir/lists";
Dir::State::status "$dir/status";
Dir::Cache "$dir";
Dir::Cache::archives "$dir/archives";
Dir::Etc::sourcelist "$dir/sources.list";
Dir::Etc::sourceparts "$dir/parts";
Dir::Etc::preferencesparts "$dir/prefs";
APT::Architecture "$arch";
APT::Architectures { "$arch"; };
APT::Sandbox::User "root";
APT::Install-Recommends "false";
Acquire::Languages "none";
// The mirror here is a frozen snapshot: its Release files are past Valid-Until.
Acquire::Check-Valid-Until "false";
EOF
    APT_CONFIG=$dir/apt.conf apt-get update -qq || die "apt-get update failed for $dir/sources.list"
}

# Fails naming the first package the private apt does not have.
require_packages() { # apt.conf suite packages...
    local conf=$1 suite=$2; shift 2
    for p in "$@"; do
        local name=${p%%=*} want=${p#*=}
        local have
        have=$(APT_CONFIG=$conf apt-cache policy "$name" 2>/dev/null | sed -n 's/^  Candidate: //p')
        [[ -n "$have" && "$have" != "(none)" ]] || die "Debian $suite has no package '$name' (needed for the arm64 toolchain)"
        if [[ "$p" == *=* ]] && ! APT_CONFIG=$conf apt-cache madison "$name" | grep -qF " $want "; then
            die "Debian $suite has '$name' $have, not $want: update swiftlang_version in $0 (and the ADR)"
        fi
    done
}

# Runs a command as root in the chroot, cwd = this repo, inside a private mount
# namespace holding /proc (the compiler finds its libraries through
# /proc/self/exe) and a bind mount of this repo at the same path: both vanish
# with the process, however it ends, and the host never sees them.
in_chroot() {
    mkdir -p "$chroot_dir$repo"
    unshare --mount --propagation private "$self" __in-chroot "$@"
}

step_chroot() {
    [[ -f $root/.chroot-ready ]] && return 0
    if [[ ! -f $root/.debootstrap-ready ]]; then
        apt_host_install debootstrap
        rm -rf "$chroot_dir"
        mkdir -p "$root"
        say "debootstrap --variant=minbase sid (about 230 MB)"
        debootstrap --variant=minbase sid "$chroot_dir" "$mirror" >"$root/debootstrap.log" 2>&1 ||
            { tail -n 20 "$root/debootstrap.log" >&2; die "debootstrap of sid failed (log: $root/debootstrap.log)"; }
        touch "$root/.debootstrap-ready"
    fi
    printf 'Acquire::Check-Valid-Until "false";\nAPT::Install-Recommends "false";\n' >"$chroot_dir/etc/apt/apt.conf.d/99arm64-toolchain"
    say "sid chroot ready; installing swiftlang=$swiftlang_version amd64 in it (about 500 MB)"
    in_chroot apt-get update -qq || die "apt-get update failed in the sid chroot"
    if ! in_chroot apt-cache madison swiftlang | grep -qF " $swiftlang_version "; then
        die "Debian sid (amd64) has no swiftlang $swiftlang_version: update swiftlang_version in $0 (and the ADR)"
    fi
    in_chroot apt-get install -y -qq "swiftlang=$swiftlang_version" "libswiftlang=$swiftlang_version" libc6-dev >"$root/chroot-apt.log" 2>&1 ||
        { tail -n 20 "$root/chroot-apt.log" >&2; die "installing swiftlang in the sid chroot failed"; }
    in_chroot apt-get clean
    touch "$root/.chroot-ready"
}

step_runtime() {
    [[ -f $root/.runtime-ready ]] && return 0
    local apt=$root/apt-sid-arm64
    say "arm64 Swift runtime: swiftlang=$swiftlang_version arm64 from sid (about 510 MB)"
    private_apt "$apt" arm64 "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror sid main"
    require_packages "$apt/apt.conf" sid "swiftlang=$swiftlang_version"
    (cd "$apt/archives" && APT_CONFIG=$apt/apt.conf apt-get download -qq "swiftlang=$swiftlang_version") ||
        die "downloading swiftlang:arm64 $swiftlang_version failed"
    local deb
    deb=$(ls "$apt"/archives/swiftlang_*_arm64.deb)
    # Only the aarch64 runtime: modules, static libraries, resource headers.
    rm -rf "$sysroot/usr/lib/swift" "$sysroot/usr/lib/swift_static" "$sysroot/usr/lib/clang"
    mkdir -p "$root/runtime"
    dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$root/runtime" \
        --exclude='*/embedded' --exclude='*/host' --exclude='*/FrameworkABIBaseline' --exclude='*/migrator' \
        ./usr/libexec/swift/lib/swift ./usr/libexec/swift/lib/swift_static ./usr/libexec/swift/lib/clang ||
        die "unpacking $deb failed"
    mkdir -p "$sysroot/usr/lib"
    mv "$root/runtime/usr/libexec/swift/lib/swift" "$root/runtime/usr/libexec/swift/lib/swift_static" \
        "$root/runtime/usr/libexec/swift/lib/clang" "$sysroot/usr/lib/"
    rm -rf "$root/runtime" "$deb"
    touch "$root/.runtime-ready"
}

step_sysroot() {
    [[ -f $root/.sysroot-ready ]] && return 0
    local apt=$root/apt-bookworm-arm64
    say "bookworm arm64 sysroot: ${sysroot_packages[*]} and their dependencies"
    private_apt "$apt" arm64 "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror bookworm main
deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror bookworm-updates main
deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $security_mirror bookworm-security main"
    require_packages "$apt/apt.conf" bookworm "${sysroot_packages[@]}"
    rm -f "$apt"/archives/*.deb
    APT_CONFIG=$apt/apt.conf apt-get install -qq -y --download-only "${sysroot_packages[@]}" >"$root/sysroot-apt.log" 2>&1 ||
        { tail -n 20 "$root/sysroot-apt.log" >&2; die "downloading the bookworm arm64 sysroot failed"; }
    for deb in "$apt"/archives/*.deb; do dpkg -x "$deb" "$sysroot"; done
    # Record what the sysroot is made of (the ADR's versions; the lead's audit).
    for deb in "$apt"/archives/*.deb; do dpkg-deb -W --showformat='${Package} ${Version}\n' "$deb"; done | sort >"$root/sysroot-packages.txt"
    rm -f "$apt"/archives/*.deb
    # Absolute symlinks (lib/ld-linux-aarch64.so.1 -> /lib/aarch64-linux-gnu/...)
    # would point into the host: make each relative to its place in the sysroot.
    local link target rel
    while IFS= read -r -d '' link; do
        target=$(readlink "$link")
        [[ "$target" == /* ]] || continue
        rel=$(realpath -m --relative-to="$(dirname "$link")" "$sysroot$target")
        ln -sfn "$rel" "$link"
    done < <(find "$sysroot" -type l -print0)
    touch "$root/.sysroot-ready"
}

step_sdk() {
    [[ -f $root/.sdk-ready ]] && return 0
    say "glibc 2.34 shims and the SwiftPM SDK bundle"
    local bundle=$chroot_dir/$bundle_rel static=$sysroot/usr/lib/swift_static/linux
    mkdir -p "$chroot_dir/tmp/arm64-sdk"
    cp "$shim_source" "$chroot_dir/tmp/arm64-sdk/shim.c"
    in_chroot /usr/libexec/swift/bin/clang --target=aarch64-unknown-linux-gnu --sysroot="/$sysroot_rel" \
        -O2 -fPIC -c /tmp/arm64-sdk/shim.c -o /tmp/arm64-sdk/shim.o || die "compiling $shim_source failed"
    in_chroot /usr/libexec/swift/bin/llvm-ar rcs "/$sysroot_rel/usr/lib/swift_static/linux/libglibc234compat.a" /tmp/arm64-sdk/shim.o
    rm -rf "$chroot_dir/tmp/arm64-sdk"
    # The static stdlib link line: libstdc++ from its archive (provided.al2023
    # guarantees no libstdc++.so), then the shims for what the sid-built runtime needs.
    [[ -f $static/static-stdlib-args.lnk.orig ]] || cp "$static/static-stdlib-args.lnk" "$static/static-stdlib-args.lnk.orig"
    { sed -e 's/^-lstdc++$/-l:libstdc++.a/' "$static/static-stdlib-args.lnk.orig"; printf '\n%s\n' -lglibc234compat; } \
        >"$static/static-stdlib-args.lnk"
    grep -qx -- '-l:libstdc++.a' "$static/static-stdlib-args.lnk" || die "static-stdlib-args.lnk has no -lstdc++ line to replace"
    cat >"$bundle/info.json" <<EOF
{
  "schemaVersion": "1.0",
  "artifacts": {
    "$sdk_id": {
      "type": "swiftSDK",
      "version": "$swiftlang_version",
      "variants": [{ "path": "$sdk_id", "supportedTriples": ["x86_64-pc-linux-gnu", "x86_64-unknown-linux-gnu"] }]
    }
  }
}
EOF
    cat >"$bundle/$sdk_id/swift-sdk.json" <<EOF
{
  "schemaVersion": "4.0",
  "targetTriples": {
    "aarch64-unknown-linux-gnu": {
      "sdkRootPath": "sysroot",
      "swiftResourcesPath": "sysroot/usr/lib/swift",
      "swiftStaticResourcesPath": "sysroot/usr/lib/swift_static",
      "toolsetPaths": ["toolset.json"]
    }
  }
}
EOF
    cat >"$bundle/$sdk_id/toolset.json" <<EOF
{
  "schemaVersion": "1.0",
  "rootPath": "/usr/libexec/swift/bin",
  "swiftCompiler": { "extraCLIOptions": ["-use-ld=lld"] },
  "linker": { "path": "ld.lld" }
}
EOF
    in_chroot swift sdk list --swift-sdks-path "/$sdks_rel" 2>/dev/null | grep -qx "$sdk_id" ||
        die "SwiftPM does not list the SDK bundle $bundle"
    touch "$root/.sdk-ready"
}

setup() {
    [[ -f $root/.ready ]] && return 0
    if [[ -f $root/.chroot-ready ]]; then say "finishing the set-up in $root"
    else say "setting up in $root (fresh: downloads about 1.3 GB, a few minutes)"; fi
    step_chroot
    step_runtime
    step_sysroot
    step_sdk
    touch "$root/.ready"
    say "ready: $root (set-up took $((SECONDS - started)) s)"
}

locked_setup() { # one set-up at a time per machine and key (clones share the folder)
    need_root
    [[ -f $root/.ready ]] && return 0
    mkdir -p "$base"
    exec 9>"$base/.$key.lock"
    flock 9
    setup
    exec 9>&-
}

cmd=${1:-setup}
shift || true
case "$cmd" in
setup) locked_setup; echo "$root" ;;
swift) locked_setup; in_chroot swift "$@" ;;
__in-chroot)
    mount -t proc proc "$chroot_dir/proc"
    mount --bind "$repo" "$chroot_dir$repo"
    exec chroot "$chroot_dir" /usr/bin/env -i PATH=/usr/bin:/usr/sbin:/bin:/sbin HOME=/root LANG=C.UTF-8 \
        DEBIAN_FRONTEND=noninteractive TERM=dumb /bin/sh -c 'cd "$0" && exec "$@"' "$repo" "$@"
    ;;
sdk-id) echo "$sdk_id" ;;
sdks-path) echo "/$sdks_rel" ;;
sysroot) echo "$sysroot" ;;
dir) echo "$root" ;;
clean)
    need_root
    # Builds mount only in private namespaces; still, never delete through a mount.
    for d in "$base"/*/; do
        [[ -d "$d" ]] || continue
        if grep -qF " ${d%/}/" /proc/self/mounts; then echo "arm64-toolchain: $d has mounts, left alone" >&2; continue; fi
        rm -rf --one-file-system "$d"
    done
    ;;
*) echo "usage: $0 setup|swift ARGS...|sdk-id|sdks-path|sysroot|dir|clean" >&2; exit 2 ;;
esac

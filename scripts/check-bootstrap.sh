#!/usr/bin/env bash
# Checks that an ELF executable would load on provided.al2023 for ARCH
# (docs/decisions/0033); prints its highest GLIBC version ("static" if none).
# Fails, naming the offending library, version and a symbol that needs it, on:
#   - an ELF for another machine than ARCH;
#   - a shared library that image lacks (libstdc++ included: link it statically);
#   - a symbol version the image's libraries do not define: GLIBC above 2.34;
#     any version on libcurl (Debian's CURL_OPENSSL_4: references must be
#     unversioned); on libssl/libcrypto anything but upstream OpenSSL 3.0's
#     OPENSSL_3.0.0; on zlib anything past ZLIB_1.2.11.
#   scripts/check-bootstrap.sh x86_64|arm64 FILE [NAME]
set -euo pipefail
arch=$1 file=$2 name=${3:-$2}
max_glibc=2.34
# What provided.al2023 has: the glibc family, libgcc_s, curl, OpenSSL, zlib.
allowed_re='^(libc|libm|libdl|libpthread|librt|libresolv|libutil|ld-linux-x86-64|ld-linux-aarch64|libgcc_s|libcurl|libssl|libcrypto|libz)\.so(\.[0-9]+)*$'
case "$arch" in
arm64) elf_machine=AArch64 ;;
x86_64) elf_machine='Advanced Micro Devices X86-64' ;;
*) echo "usage: $0 x86_64|arm64 FILE [NAME]" >&2; exit 2 ;;
esac
fail() { echo "package: $name $*" >&2; exit 1; }
version_le() { [[ "$(printf '%s\n%s\n' "$1" "$2" | sort -V | tail -n 1)" == "$2" ]]; }

machine=$(readelf -h "$file" 2>/dev/null | sed -n 's/^ *Machine: *//p' || true)
[[ "$machine" == "$elf_machine" ]] || fail "is ${machine:+an ELF for }${machine:-not an ELF executable}, not $arch"
for lib in $(readelf -d "$file" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
    [[ "$lib" =~ $allowed_re ]] || fail "needs $lib, which provided.al2023 does not ship"
done

glibc=
# Every (library, version) the binary requires, from .gnu.version_r.
while read -r lib version; do
    ok=false
    case "$lib:$version" in
    libc.so.*:GLIBC_[0-9]* | libm.so.*:GLIBC_[0-9]* | libdl.so.*:GLIBC_[0-9]* | libpthread.so.*:GLIBC_[0-9]* | \
        librt.so.*:GLIBC_[0-9]* | libresolv.so.*:GLIBC_[0-9]* | libutil.so.*:GLIBC_[0-9]* | ld-linux-*:GLIBC_[0-9]*)
        v=${version#GLIBC_}
        if version_le "$v" "$max_glibc"; then
            ok=true
            [[ -n "$glibc" ]] && version_le "$v" "$glibc" || glibc=$v
        fi
        ;;
    libgcc_s.so.1:GCC_[0-9]*) ok=true ;;
    # OpenSSL's own (upstream) version node for every 3.0.x; Amazon Linux 2023's openssl-libs 3.0 defines it.
    libssl.so.3:OPENSSL_3.0.0 | libcrypto.so.3:OPENSSL_3.0.0) ok=true ;;
    libz.so.1:ZLIB_1.2.*) version_le "${version#ZLIB_}" 1.2.11 && ok=true ;;
    esac
    if ! $ok; then
        symbol=$(readelf --dyn-syms -W "$file" | awk -v v="@$version" '!found && index($8, v) { sub(/@.*/, "", $8); print $8; found = 1 }')
        hint=
        [[ "$version" == GLIBC_* ]] && hint=" (glibc $max_glibc there: define the symbol in CGlibcShim or the arm64 SDK's shims)"
        [[ "$lib" == libcurl* ]] && hint=" (link libcurl through a copy without version sections so references are unversioned)"
        fail "needs ${symbol:+$symbol@}$version from $lib, which provided.al2023's $lib does not define$hint"
    fi
done < <(readelf -V -W "$file" | awk '/File: / { for (i = 1; i <= NF; i++) if ($i == "File:") lib = $(i + 1) }
                                   /Name: / && lib { for (i = 1; i <= NF; i++) if ($i == "Name:") print lib, $(i + 1) }')
echo "${glibc:-static}"

// Linked into every arm64 binary through the SDK's static-stdlib-args.lnk
// (scripts/arm64-toolchain.sh). Debian sid built its aarch64 Swift runtime
// against glibc 2.42, so its static libraries reference symbols that the
// bookworm sysroot (glibc 2.36) lacks or that carry a version newer than
// provided.al2023's glibc 2.34. Each definition here binds such a reference
// locally, in terms of functions glibc 2.34 has.
//
// Only the symbols the runtime actually references belong here: the arm64
// test in scripts/test_arm64.sh fails on any GLIBC version above 2.34.
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// C23's strto* accept a "0b" prefix for base 0/2; glibc 2.38 added these
// entry points for it. The Swift runtime parses decimal environment values.
long __isoc23_strtol(const char *s, char **end, int base) { return strtol(s, end, base); }
unsigned long __isoc23_strtoul(const char *s, char **end, int base) { return strtoul(s, end, base); }
long long __isoc23_strtoll(const char *s, char **end, int base) { return strtoll(s, end, base); }
unsigned long long __isoc23_strtoull(const char *s, char **end, int base) { return strtoull(s, end, base); }

int __isoc23_sscanf(const char *s, const char *format, ...) {
    va_list args;
    va_start(args, format);
    int n = vsscanf(s, format, args);
    va_end(args);
    return n;
}

// glibc 2.38 added strlcpy (BSD semantics: returns strlen(src)).
size_t strlcpy(char *dst, const char *src, size_t size) {
    size_t length = strlen(src);
    if (size > 0) {
        size_t n = length < size - 1 ? length : size - 1;
        memcpy(dst, src, n);
        dst[n] = '\0';
    }
    return length;
}

#include <stdint.h>
#include <sys/random.h>

// Linking libstdc++ statically (provided.al2023 ships no libstdc++ for us to rely
// on) brings its std::random_device, which GCC 12 on glibc 2.36 built against
// arc4random@GLIBC_2.36; Amazon Linux 2023 has glibc 2.34. This local definition
// binds the reference here instead, from the kernel's CSPRNG (getrandom, 2.25).
uint32_t arc4random(void) {
    uint32_t value;
    while (getrandom(&value, sizeof value, 0) != (ssize_t)sizeof value) {
    }
    return value;
}

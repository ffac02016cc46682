#include "CGlibcShim.h"
#include <math.h>

// glibc 2.35 added a new hypotf symbol version; provided.al2023 ships 2.34.
// A local definition wins over the versioned import at link time.
// Not via hypot(): glibc 2.35 versioned hypot too (hypot@GLIBC_2.35). In double,
// squares of floats neither overflow nor lose float precision; sqrt is GLIBC_2.2.5.
float hypotf(float x, float y) {
    double dx = (double)x, dy = (double)y;
    return (float)sqrt(dx * dx + dy * dy);
}

int cglibcshim_anchor(void) { return 0; }

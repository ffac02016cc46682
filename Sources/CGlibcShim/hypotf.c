#include "CGlibcShim.h"
#include <math.h>

// glibc 2.35 added a new hypotf symbol version; provided.al2023 ships 2.34.
// A local definition wins over the versioned import at link time.
float hypotf(float x, float y) {
    return (float)hypot((double)x, (double)y);
}

int cglibcshim_anchor(void) { return 0; }

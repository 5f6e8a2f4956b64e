/* Allocates 1 MiB blocks until malloc fails; the store's memory limit must make it fail, not crash the host. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *volatile keep; /* every block escapes, so the compiler cannot drop the allocations */

int main(void) {
    long mib = 0;
    for (;;) {
        char *p = malloc(1 << 20);
        if (!p) break;
        memset(p, 1, 4096);
        *(char **)p = keep;
        keep = p;
        mib++;
        if (mib > 8192) break;
    }
    printf("allocated %ld MiB before malloc failed\n", mib);
    return 0;
}

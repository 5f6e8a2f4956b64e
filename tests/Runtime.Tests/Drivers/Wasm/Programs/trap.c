/* trap unreachable|oob|abort: dies of a wasm trap. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
    const char *what = argc > 1 ? argv[1] : "unreachable";
    fprintf(stderr, "about to trap: %s\n", what);
    if (strcmp(what, "unreachable") == 0) __builtin_trap();
    if (strcmp(what, "abort") == 0) abort();
    if (strcmp(what, "oob") == 0) {
        volatile int *p = (volatile int *)0xFFFFFFF0u;
        *p = 1;
    }
    return 0;
}

/* Prints a line about every 10 ms, busy-waiting between lines (a stopped process must stop printing). */
#include <stdio.h>
#include <time.h>

static long long now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int main(void) {
    for (long n = 0;; n++) {
        long long until = now_ms() + 10;
        while (now_ms() < until) {
        }
        printf("tick %ld\n", n);
        fflush(stdout);
    }
}

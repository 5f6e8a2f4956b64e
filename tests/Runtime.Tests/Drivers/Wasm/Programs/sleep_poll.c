/* sleep_poll MS: sleeps MS milliseconds with nanosleep (poll_oneoff), prints how long it took. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static long long now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int main(int argc, char **argv) {
    long ms = argc > 1 ? atol(argv[1]) : 100;
    printf("sleeping %ld\n", ms);
    fflush(stdout);
    long long start = now_ms();
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    int r = nanosleep(&ts, NULL);
    printf("slept r=%d elapsed_ok=%d\n", r, now_ms() - start >= ms);
    return 0;
}

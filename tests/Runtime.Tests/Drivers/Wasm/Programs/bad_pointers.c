/* Calls imports directly with pointers outside linear memory: each must answer EFAULT (21), never crash. */
#include <stdio.h>
#include <wasi/api.h>
#include "secure_exec.h"

#define BAD ((void *)0xFFFFFFF0u)

int main(void) {
    __wasi_size_t n = 0;
    __wasi_ciovec_t outside = {(const uint8_t *)0xFFFFFF00u, 1000};
    printf("fd_write iovs: %d\n", __wasi_fd_write(1, BAD, 1, &n));
    printf("fd_write buf: %d\n", __wasi_fd_write(1, &outside, 1, &n));
    printf("fd_write nwritten: %d\n", __wasi_fd_write(1, &(__wasi_ciovec_t){(const uint8_t *)"", 0}, 1, BAD));
    printf("random_get: %d\n", __wasi_random_get(BAD, 100));
    printf("args_sizes_get: %d\n", __wasi_args_sizes_get(BAD, BAD));
    printf("clock_time_get: %d\n", __wasi_clock_time_get(0, 1, BAD));
    printf("fd_prestat_get: %d\n", __wasi_fd_prestat_get(255, BAD)); /* the root preopen, moved there at start-up */
    printf("se_getcwd: %d\n", __se_getcwd(BAD, 100));
    printf("se_stat path: %d\n", __se_stat(BAD, 1, BAD));
    printf("se_pipe: %d\n", __se_pipe(BAD, 0));
    printf("se_spawn: %d\n", __se_spawn(BAD, BAD, 8, BAD, 8, 0, 0, -1, -1, BAD));
    return 0;
}

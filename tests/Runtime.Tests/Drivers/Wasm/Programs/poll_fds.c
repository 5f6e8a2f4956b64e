/* poll() on a pipe (poll_oneoff fd_read/fd_write subscriptions): timeout, readable, hang-up, writable. */
#include <poll.h>
#include <stdio.h>
#include <unistd.h>
#include "se.h"

int main(void) {
    int p[2];
    se_pipe(p);
    struct pollfd r = {.fd = p[0], .events = POLLIN};
    int n = poll(&r, 1, 50);
    printf("empty: n=%d\n", n);
    struct pollfd w = {.fd = p[1], .events = POLLOUT};
    n = poll(&w, 1, 0);
    printf("writable: n=%d out=%d\n", n, (w.revents & POLLOUT) != 0);
    write(p[1], "x", 1);
    n = poll(&r, 1, 1000);
    printf("data: n=%d in=%d\n", n, (r.revents & POLLIN) != 0);
    char c;
    read(p[0], &c, 1);
    close(p[1]);
    n = poll(&r, 1, 1000);
    printf("closed: n=%d hup=%d\n", n, (r.revents & POLLHUP) != 0);
    struct pollfd bad = {.fd = 77, .events = POLLIN};
    n = poll(&bad, 1, 0);
    printf("bad fd: n=%d nval=%d\n", n, (bad.revents & POLLNVAL) != 0);
    return 0;
}

/* fd_passing: gives a child a pipe at fd 3; the child writes through fd 3 and still opens files by path
 * (its preopen moves to the next free fd). */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "se.h"

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "child") == 0) {
        char host[64] = {0};
        int fd = open("/etc/hostname", O_RDONLY);
        ssize_t n = fd >= 0 ? read(fd, host, sizeof host - 1) : -1;
        dprintf(3, "via fd 3, hostname read %s", n > 0 ? host : "failed\n");
        return 0;
    }
    int p[2];
    se_pipe_cloexec(p);
    int map[] = {0, 0, 1, 1, 2, 2, 3, p[1]};
    char *args[] = {"fd_passing", "child", NULL};
    int pid, status;
    if (se_spawn("fd_passing", args, NULL, NULL, map, 4, SE_PGID_INHERIT, &pid) != 0) {
        perror("spawn");
        return 1;
    }
    close(p[1]);
    char buf[256];
    ssize_t n, total = 0;
    while ((n = read(p[0], buf + total, sizeof buf - 1 - total)) > 0) total += n;
    buf[total] = 0;
    se_waitpid(pid, &status, 0);
    printf("parent got: %s", buf);
    return SE_WEXITSTATUS(status);
}

/* pipes: starts "pipes write N" | "pipes read" as two guest processes joined by a kernel pipe.
 * pipes write N: writes N lines. pipes read: counts stdin. pipes copy: copies stdin to stdout. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "se.h"

int main(int argc, char **argv) {
    if (argc > 2 && strcmp(argv[1], "write") == 0) {
        int n = atoi(argv[2]);
        for (int i = 0; i < n; i++) printf("line %d\n", i);
        return 0;
    }
    if (argc > 1 && strcmp(argv[1], "read") == 0) {
        char buf[4096];
        long bytes = 0, lines = 0;
        ssize_t n;
        while ((n = read(0, buf, sizeof buf)) > 0) {
            bytes += n;
            for (ssize_t i = 0; i < n; i++) lines += buf[i] == '\n';
        }
        printf("read %ld lines %ld bytes\n", lines, bytes);
        return 0;
    }
    if (argc > 1 && strcmp(argv[1], "copy") == 0) {
        char buf[4096];
        ssize_t n;
        while ((n = read(0, buf, sizeof buf)) > 0) write(1, buf, n);
        return 0;
    }
    int p[2];
    if (se_pipe_cloexec(p) != 0) {
        perror("pipe");
        return 1;
    }
    const char *count = argc > 1 ? argv[1] : "1000";
    char *wargv[] = {"pipes", "write", (char *)count, NULL};
    char *rargv[] = {"pipes", "read", NULL};
    int wmap[] = {1, p[1], 2, 2};
    int rmap[] = {0, p[0], 1, 1, 2, 2};
    int wpid, rpid;
    if (se_spawn("pipes", wargv, NULL, NULL, wmap, 2, SE_PGID_INHERIT, &wpid) != 0) {
        perror("spawn writer");
        return 1;
    }
    if (se_spawn("pipes", rargv, NULL, NULL, rmap, 3, SE_PGID_INHERIT, &rpid) != 0) {
        perror("spawn reader");
        return 1;
    }
    close(p[0]);
    close(p[1]);
    int st1, st2;
    se_waitpid(wpid, &st1, 0);
    se_waitpid(rpid, &st2, 0);
    printf("writer exit=%d reader exit=%d\n", SE_WEXITSTATUS(st1), SE_WEXITSTATUS(st2));
    return 0;
}

/* Spawns children and reports what waitpid says about them. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "se.h"

static void report(const char *what, int pid, int status) {
    if (SE_WIFEXITED(status)) printf("%s: exited %d\n", what, SE_WEXITSTATUS(status));
    else if (SE_WIFSIGNALED(status)) printf("%s: signaled %d\n", what, SE_WTERMSIG(status));
    else printf("%s: status %#x\n", what, status);
}

int main(void) {
    int pid, status, r;
    char *a1[] = {"exit_code", "7", NULL};
    se_spawn("exit_code", a1, NULL, NULL, NULL, -1, SE_PGID_INHERIT, &pid);
    r = se_waitpid(pid, &status, 0);
    report("exit_code 7", r == pid ? pid : -1, status);

    char *a2[] = {"exit_code", "raise", "15", NULL};
    se_spawn("exit_code", a2, NULL, NULL, NULL, -1, SE_PGID_INHERIT, &pid);
    se_waitpid(pid, &status, 0);
    report("raise SIGTERM", pid, status);

    char *a3[] = {"no-such-command", NULL};
    r = se_spawn("no-such-command", a3, NULL, NULL, NULL, -1, SE_PGID_INHERIT, &pid);
    printf("spawn missing: %d %s\n", r, r ? strerror(errno) : "ok");

    char *a4[] = {"sleep_poll", "300", NULL};
    int sleeper;
    int map[] = {2, 2};
    se_spawn("sleep_poll", a4, NULL, NULL, map, 1, SE_PGID_INHERIT, &sleeper);
    r = se_waitpid(sleeper, &status, SE_WNOHANG);
    printf("wnohang: %d\n", r);
    se_kill(sleeper, 9);
    se_waitpid(sleeper, &status, 0);
    report("killed sleeper", sleeper, status);

    r = se_waitpid(-1, &status, 0);
    printf("wait no children: %d %s\n", r, r < 0 ? strerror(errno) : "?");
    printf("getppid>0: %d getpid>1: %d\n", se_getppid() > 0, se_getpid() > 1);
    return 0;
}

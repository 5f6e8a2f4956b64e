/* exec: prints its pid, fails one exec, then replaces itself with "exec show". */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "se.h"

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "show") == 0) {
        printf("after exec pid=%d argv0=%s\n", se_getpid(), argv[0]);
        return 3;
    }
    printf("before exec pid=%d\n", se_getpid());
    char *bad[] = {"no-such-command", NULL};
    int r = se_execve("no-such-command", bad, NULL);
    printf("exec missing: %d %s\n", r, strerror(errno));
    fflush(stdout);
    char *good[] = {"exec", "show", NULL};
    se_execve("exec", good, NULL);
    printf("exec returned: %s\n", strerror(errno));
    return 1;
}

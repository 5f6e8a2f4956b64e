/* pwd — print the working directory (-L uses $PWD when valid; -P, the default, resolves links). */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cu.h"
#include "fsutil.h"

SE_COMMAND("pwd", pwd_main)

/* $PWD is usable for -L when absolute, without . or .. components, and naming the cwd. */
static int pwd_ok(const char *p) {
    if (!p || p[0] != '/') return 0;
    for (const char *s = p; *s; s++)
        if (s[0] == '/' && s[1] == '.' && (s[2] == '/' || !s[2] || (s[2] == '.' && (s[3] == '/' || !s[3])))) return 0;
    se_stat_t a, b;
    return se_stat(p, &a) == 0 && se_stat(".", &b) == 0 && fs_same(&a, &b);
}

int pwd_main(int argc, char **argv) {
    cu_init(argc, argv);
    int c, logical = 0;
    while ((c = getopt(argc, argv, "LP")) != -1) {
        if (c == 'L') logical = 1;
        else if (c == 'P') logical = 0;
        else cu_usage_error(1, NULL);
    }
    if (optind < argc) cu_error(0, 0, "ignoring non-option arguments");
    const char *env = getenv("PWD");
    if (logical && pwd_ok(env)) {
        puts(env);
        return cu_finish(0);
    }
    char *cwd = se_getcwd(NULL, 0);
    if (!cwd) cu_error(1, errno, "cannot determine current directory");
    char *real = se_realpath(cwd, NULL);
    puts(real ? real : cwd);
    free(real), free(cwd);
    return cu_finish(0);
}

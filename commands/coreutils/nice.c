/* nice, nohup — run a command unchanged (the VM has no priorities) / immune to hangups. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cu.h"
#include "fsutil.h"

SE_COMMAND("nice", nice_main)
SE_COMMAND("nohup", nohup_main)

/* Runs cmd; failures to start give 127 (not found) or 126 with "prog: [prefix]'cmd': error". */
static int run(char **cmd, const char *prefix) {
    int pid = fs_spawn(cmd, NULL);
    if (pid < 0) {
        int e = errno;
        cu_error(0, e, "%s%s", prefix, cu_quote(cmd[0]));
        return e == ENOENT ? 127 : 126;
    }
    int st = 0;
    while (se_waitpid(pid, &st, 0) < 0 && errno == EINTR) {}
    if (SE_WIFSIGNALED(st)) {
        fflush(stdout);
        se_kill(se_getpid(), SE_WTERMSIG(st));
    }
    return fs_status_code(st);
}

static int valid_int(const char *s) {
    if (*s == '+' || *s == '-') s++;
    if (!*s) return 0;
    for (; *s; s++) if (*s < '0' || *s > '9') return 0;
    return 1;
}

int nice_main(int argc, char **argv) {
    cu_init(argc, argv);
    int i = 1;
    const char *adj = NULL;
    while (i < argc) {
        const char *a = argv[i];
        if (!strcmp(a, "--")) { i++; break; }
        if (!strcmp(a, "-n") || !strcmp(a, "--adjustment")) {
            if (i + 1 >= argc) cu_usage_error(125, "option requires an argument -- 'n'");
            adj = argv[i + 1], i += 2;
        } else if (!strncmp(a, "-n", 2)) adj = a + 2, i++;
        else if (!strncmp(a, "--adjustment=", 13)) adj = a + 13, i++;
        else if (a[0] == '-' && valid_int(a + 1)) adj = a + 1, i++;
        else if (a[0] == '-' && a[1]) cu_usage_error(125, "invalid option -- '%c'", a[1]);
        else break;
    }
    if (adj && !valid_int(adj)) cu_error(125, 0, "invalid adjustment %s", cu_quote(adj));
    if (i >= argc) {
        if (adj) cu_usage_error(125, "a command must be given with an adjustment");
        puts("0");
        return cu_finish(0);
    }
    return run(argv + i, "");
}

int nohup_main(int argc, char **argv) {
    cu_init(argc, argv);
    int i = 1;
    if (i < argc && !strcmp(argv[i], "--")) i++;
    else if (i < argc && argv[i][0] == '-' && argv[i][1]) cu_usage_error(125, "invalid option -- '%c'", argv[i][1]);
    if (i >= argc) cu_usage_error(125, "missing operand");
    int in_tty = se_isatty(0), out_tty = se_isatty(1), err_tty = se_isatty(2);
    if (in_tty) {
        int fd = open("/dev/null", O_RDONLY);
        if (fd >= 0 && fd != 0) se_dup2(fd, 0), close(fd);
    }
    if (out_tty) {
        const char *name = "nohup.out";
        int existed = fs_exists(name);
        int fd = open(name, O_WRONLY | O_CREAT | O_APPEND, 0600);
        char *alt = NULL;
        if (fd < 0 && getenv("HOME")) {
            alt = fs_join(getenv("HOME"), "nohup.out");
            fd = open(alt, O_WRONLY | O_CREAT | O_APPEND, 0600);
            name = alt;
        }
        if (fd < 0) cu_error(125, errno, "failed to open %s", cu_quote(name));
        if (!existed) se_fchmod(fd, 0600); /* WASI's open ignores the mode */
        cu_error(0, 0, "%s output to %s", in_tty ? "ignoring input and appending" : "appending", cu_quote(name));
        fflush(stdout);
        se_dup2(fd, 1);
        close(fd);
        if (err_tty) se_dup2(1, 2);
        free(alt);
    } else if (err_tty) {
        if (in_tty) cu_error(0, 0, "ignoring input and redirecting stderr to stdout");
        else cu_error(0, 0, "redirecting stderr to stdout");
        se_dup2(1, 2);
    } else if (in_tty) cu_error(0, 0, "ignoring input");
    se_signal(1, SE_SIG_IGN);
    return run(argv + i, "failed to run command ");
}

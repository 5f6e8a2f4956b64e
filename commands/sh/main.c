/* main.c — shell startup: options, $0 and positional parameters, script source; error reporting. */
#include "sh.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "se.h"

const char *opt_names[O_COUNT] = {"errexit", "noglob", "ignoreeof", "interactive", "monitor", "noexec",
                                  "stdin", "xtrace", "verbose", "vi", "emacs", "noclobber", "allexport",
                                  "notify", "nounset", "privileged", "nolog", "debug", "pipefail"};
const char opt_letters[O_COUNT] = {'e', 'f', 'I', 'i', 'm', 'n', 's', 'x', 'v', 'V', 'E', 'C', 'a', 'b', 'u', 'p', ' ', ' ', ' '};
int opts[O_COUNT];
char *arg0 = "sh";
char **posargs;
int nposargs;
int exit_status, shell_pid, last_bg_pid, lineno = 1, is_subshell;
int unwind, unwind_count;
const char *self_path = "/bin/sh";

void sh_exit(int status) {
    exit_status = status;
    unwind = U_EXIT;
    unwind_count = 0;
}

static void verror(const char *fmt, va_list ap) {
    char msg[4096];
    int k = snprintf(msg, sizeof msg, "%s: %d: ", arg0, lineno);
    vsnprintf(msg + k, sizeof msg - (size_t)k, fmt, ap);
    size_t n = strlen(msg);
    if (n < sizeof msg - 1) msg[n++] = '\n';
    fflush(stdout);
    xwrite(2, msg, n);
}
void sh_error(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    verror(fmt, ap);
    va_end(ap);
}
void sh_errorx(int status, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    verror(fmt, ap);
    va_end(ap);
    sh_exit(status);
}

static int finish(void) {
    if (unwind == U_RETURN || unwind == U_BREAK || unwind == U_CONTINUE) unwind = U_NONE;
    run_exit_trap();
    fflush(stdout);
    return exit_status;
}

/* applies -x / +x style letters; returns -1 on a bad letter */
int set_opt_letter(char c, int on) {
    for (int i = 0; i < O_COUNT; i++)
        if (opt_letters[i] == c && c != ' ') {
            opts[i] = on;
            return 0;
        }
    return -1;
}
int set_opt_name(const char *name, int on) {
    for (int i = 0; i < O_COUNT; i++)
        if (!strcmp(opt_names[i], name)) {
            opts[i] = on;
            return 0;
        }
    return -1;
}

static void set_posargs(char **v, int n) {
    posargs = xmalloc(sizeof(char *) * (size_t)(n + 1));
    for (int i = 0; i < n; i++) posargs[i] = xstrdup(v[i]);
    posargs[n] = NULL;
    nposargs = n;
}

int main(int argc, char **argv) {
    extern char **environ;
#ifndef __wasi__
    static char self[4096];
    ssize_t sl = readlink("/proc/self/exe", self, sizeof self - 1);
    if (sl > 0) {
        self[sl] = 0;
        self_path = self;
    }
#endif
    shell_pid = se_getpid();
    vars_import(environ);
    /* like dash: without PATH in the environment, PATH is set (not exported) to dash's default */
    if (!var_get("PATH")) var_set("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", 0);
    var_set("IFS", " \t\n", 0);
    var_set("PS1", "$ ", 0);
    var_set("PS2", "> ", 0);
    var_set("PS4", "+ ", 0);
    var_set("OPTIND", "1", 0);
    char nb[32];
    snprintf(nb, sizeof nb, "%d", se_getppid());
    var_set("PPID", nb, 0);
    /* PWD from the environment is kept only if it names the current directory */
    const char *pwd = var_get("PWD");
    se_stat_t a, b;
    if (!pwd || pwd[0] != '/' || se_stat(pwd, &a) < 0 || se_stat(".", &b) < 0 || a.dev != b.dev || a.ino != b.ino) {
        char cwd[4096];
        if (se_getcwd(cwd, sizeof cwd)) var_set("PWD", cwd, V_EXPORT);
    }
    if (argc > 0) arg0 = argv[0];

    if (argc >= 3 && !strcmp(argv[1], "-\001state")) {
        char *code = NULL;
        int line = 1;
        is_subshell = 1;
        if (state_load(atoi(argv[2]), &code, &line) < 0) return 2;
        trap_reset_for_subshell();
        lineno = line;
        Input cin;
        input_init_string(&cin, code, line);
        cin.noalias = 1;
        cin.exec_last = 1;
        run_input(&cin);
        return finish();
    }

    int i = 1, cflag = 0, sflag = 0;
    lineno = 0; /* option errors are reported as line 0 */
    for (; i < argc; i++) {
        char *a = argv[i];
        if ((a[0] != '-' && a[0] != '+') || !a[1]) {
            if (!strcmp(a, "-")) i++;
            break;
        }
        if (!strcmp(a, "--")) {
            i++;
            break;
        }
        int on = a[0] == '-';
        for (char *p = a + 1; *p; p++) {
            if (*p == 'c') cflag = on;
            else if (*p == 's') sflag = on;
            else if (*p == 'o') {
                if (i + 1 >= argc || set_opt_name(argv[i + 1], on) < 0) {
                    sh_error("Illegal option -o %s", i + 1 < argc ? argv[i + 1] : "");
                    return 2;
                }
                i++;
            } else if (set_opt_letter(*p, on) < 0) {
                sh_error("Illegal option -%c", *p);
                return 2;
            }
        }
    }
    if (cflag) {
        if (i >= argc) {
            sh_error("-c requires an argument");
            return 2;
        }
        char *code = argv[i++];
        lineno = 1;
        if (i < argc) arg0 = argv[i++];
        set_posargs(argv + i, argc - i);
        Input cin;
        input_init_string(&cin, code, 1);
        cin.exec_last = 1;
        run_input(&cin);
        return finish();
    }
    if (!sflag && i < argc) {
        char *script = argv[i++];
        set_posargs(argv + i, argc - i);
        int fd = open(script, O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            lineno = 0;
            sh_error("cannot open %s: %s", script, errno == ENOENT ? "No such file" : strerror(errno));
            return 2;
        }
        arg0 = script;
        lineno = 1;
        int hi = se_dup_min(fd, 10, 1);
        if (hi >= 0) {
            close(fd);
            fd = hi;
        }
        Input in;
        input_init_fd(&in, fd);
        run_input(&in);
        return finish();
    }
    opts[O_STDIN] = 1;
    lineno = 1;
    set_posargs(argv + i, argc - i);
    Input in;
    input_init_fd(&in, 0);
    run_input(&in);
    return finish();
}

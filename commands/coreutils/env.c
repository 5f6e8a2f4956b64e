/* env — run a program in a modified environment (-i -u NAME -0 NAME=VALUE... [COMMAND [ARG]...]). */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cu.h"
#include "fsutil.h"

SE_COMMAND("env", env_main)
SE_COMMAND("printenv", printenv_main)

extern char **environ;

static char **vars;
static size_t nvars;

static void unset_var(const char *name) {
    size_t k = strlen(name);
    for (size_t i = 0; i < nvars;)
        if (strncmp(vars[i], name, k) == 0 && vars[i][k] == '=') vars[i] = vars[--nvars];
        else i++;
}

static void set_var(char *assign) {
    char *eq = strchr(assign, '=');
    char *name = strndup(assign, (size_t)(eq - assign));
    unset_var(name);
    free(name);
    vars[nvars++] = assign;
}

/* -S STRING: split like GNU env (quotes, backslash escapes, ${VAR}); returns a malloc'd list. */
static int split_string(const char *str, char ***out) {
    size_t cap = 8, n = 0;
    char **v = malloc(cap * sizeof *v);
    const char *p = str;
    for (;;) {
        while (*p == ' ' || *p == '\t' || *p == '\n') p++;
        if (!*p) break;
        size_t bcap = strlen(p) + 256, k = 0;
        char *b = malloc(bcap);
        int q = 0, stop = 0;
        for (; *p && !stop; p++) {
            if (!q && (*p == ' ' || *p == '\t' || *p == '\n')) break;
            if (!q && *p == '#' && k == 0) { while (*p) p++; p--; free(b); b = NULL; break; }
            if (*p == '\'' && q != '"') { q = q ? 0 : '\''; continue; }
            if (*p == '"' && q != '\'') { q = q ? 0 : '"'; continue; }
            if (*p == '\\' && q != '\'' && p[1]) {
                p++;
                switch (*p) {
                case 'n': b[k++] = '\n'; break;
                case 't': b[k++] = '\t'; break;
                case '_': b[k++] = ' '; break;
                case 'c': stop = 1; break;
                default: b[k++] = *p;
                }
                continue;
            }
            if (*p == '$' && p[1] == '{' && q != '\'') {
                const char *e = strchr(p, '}');
                if (e) {
                    char *name = strndup(p + 2, (size_t)(e - p - 2));
                    const char *val = getenv(name);
                    free(name);
                    size_t vl = val ? strlen(val) : 0;
                    if (k + vl + 1 >= bcap) b = realloc(b, bcap = k + vl + 256);
                    if (val) memcpy(b + k, val, vl), k += vl;
                    p = e;
                    continue;
                }
            }
            b[k++] = *p;
            if (k + 2 >= bcap) b = realloc(b, bcap *= 2);
        }
        if (!b) break;
        if (q) {
            free(b);
            cu_error(125, 0, "no terminating quote in -S string");
        }
        b[k] = 0;
        if (n + 1 >= cap) v = realloc(v, (cap *= 2) * sizeof *v);
        v[n++] = b;
        if (stop) break;
    }
    *out = v;
    return (int)n;
}

/* Replaces the first -S/--split-string option by the words of its string. */
static char **expand_split(int *argc, char **argv) {
    for (int i = 1; i < *argc; i++) {
        const char *a = argv[i], *str = NULL;
        int used = 1;
        if (!strcmp(a, "--")) break;
        if (a[0] != '-' || !a[1]) {
            if (!strchr(a, '=')) break;
            continue;
        }
        if (!strncmp(a, "-S", 2)) str = a[2] ? a + 2 : (i + 1 < *argc ? argv[i + 1] : NULL), used = a[2] ? 1 : 2;
        else if (!strncmp(a, "--split-string=", 15)) str = a + 15;
        else if (!strcmp(a, "--split-string")) str = i + 1 < *argc ? argv[i + 1] : NULL, used = 2;
        else if (!strcmp(a, "-u") || !strcmp(a, "-C")) { i++; continue; }
        else continue;
        if (!str) return argv;
        char **words;
        int nw = split_string(str, &words);
        char **nv = calloc((size_t)(*argc + nw + 1), sizeof *nv);
        int k = 0;
        for (int j = 0; j < i; j++) nv[k++] = argv[j];
        for (int j = 0; j < nw; j++) nv[k++] = words[j];
        for (int j = i + used; j < *argc; j++) nv[k++] = argv[j];
        *argc = k;
        return nv;
    }
    return argv;
}

int env_main(int argc, char **argv) {
    cu_init(argc, argv);
    argv = expand_split(&argc, argv);
    const char *chdir_to = NULL;
    static const struct option longs[] = {{"ignore-environment", 0, 0, 'i'}, {"unset", 1, 0, 'u'},
        {"null", 0, 0, '0'}, {"chdir", 1, 0, 'C'}, {0, 0, 0, 0}};
    int c, clear = 0, nul = 0;
    size_t n = 0;
    for (char **e = environ; *e; e++) n++;
    vars = calloc(n + (size_t)argc + 1, sizeof *vars);
    char **unsets = calloc((size_t)argc + 1, sizeof *unsets);
    size_t nun = 0;
    while ((c = getopt_long(argc, argv, "+iu:0C:", longs, NULL)) != -1) {
        if (c == 'i') clear = 1;
        else if (c == 'C') chdir_to = optarg;
        else if (c == 'u') unsets[nun++] = optarg;
        else if (c == '0') nul = 1;
        else cu_usage_error(125, NULL);
    }
    if (optind < argc && !strcmp(argv[optind], "-")) clear = 1, optind++;
    if (!clear)
        for (char **e = environ; *e; e++) vars[nvars++] = *e;
    for (size_t i = 0; i < nun; i++) {
        if (!*unsets[i] || strchr(unsets[i], '=')) cu_error(125, 22, "cannot unset %s", cu_quote(unsets[i]));
        unset_var(unsets[i]);
    }
    int i = optind;
    for (; i < argc && strchr(argv[i], '=') && argv[i][0] != '='; i++) set_var(argv[i]);
    vars[nvars] = NULL;
    if (i >= argc) {
        if (chdir_to) cu_usage_error(125, "must specify command with --chdir (-C)");
        for (size_t k = 0; k < nvars; k++) {
            fputs(vars[k], stdout);
            putchar(nul ? 0 : '\n');
        }
        return cu_finish(0);
    }
    if (nul) cu_usage_error(125, "cannot specify --null (-0) with command");
    if (chdir_to) {
        se_stat_t st;
        if (se_stat(chdir_to, &st) < 0 || !FS_ISDIR(st.mode))
            cu_error(125, errno ? errno : ENOTDIR, "cannot change directory to %s", cu_quote(chdir_to));
        int pid;
        fflush(stdout);
        if (se_spawn(argv[i], argv + i, vars, chdir_to, NULL, -1, SE_PGID_INHERIT, &pid) < 0) {
            int e = errno;
            cu_error(0, e, "%s", cu_quote(argv[i]));
            return e == ENOENT ? 127 : 126;
        }
        int st2 = 0;
        while (se_waitpid(pid, &st2, 0) < 0 && errno == EINTR) {}
        if (SE_WIFSIGNALED(st2)) fflush(stdout), se_kill(se_getpid(), SE_WTERMSIG(st2));
        return fs_status_code(st2);
    }
    return fs_run(argv + i, vars);
}

int printenv_main(int argc, char **argv) {
    cu_init(argc, argv);
    static const struct option longs[] = {{"null", 0, 0, '0'}, {0, 0, 0, 0}};
    int c, nul = 0, status = 0;
    while ((c = getopt_long(argc, argv, "0", longs, NULL)) != -1) {
        if (c == '0') nul = 1;
        else cu_usage_error(2, NULL);
    }
    if (optind >= argc) {
        for (char **e = environ; *e; e++) {
            fputs(*e, stdout);
            putchar(nul ? 0 : '\n');
        }
        return cu_finish(0);
    }
    for (int i = optind; i < argc; i++) {
        const char *v = strchr(argv[i], '=') ? NULL : getenv(argv[i]);
        if (!v) { status = 1; continue; }
        fputs(v, stdout);
        putchar(nul ? 0 : '\n');
    }
    return cu_finish(status);
}

/* env — run a program in a modified environment (-i -u NAME -0 NAME=VALUE... [COMMAND [ARG]...]). */
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

int env_main(int argc, char **argv) {
    cu_init(argc, argv);
    static const struct option longs[] = {{"ignore-environment", 0, 0, 'i'}, {"unset", 1, 0, 'u'},
        {"null", 0, 0, '0'}, {0, 0, 0, 0}};
    int c, clear = 0, nul = 0;
    size_t n = 0;
    for (char **e = environ; *e; e++) n++;
    vars = calloc(n + (size_t)argc + 1, sizeof *vars);
    char **unsets = calloc((size_t)argc + 1, sizeof *unsets);
    size_t nun = 0;
    while ((c = getopt_long(argc, argv, "+iu:0", longs, NULL)) != -1) {
        if (c == 'i') clear = 1;
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
        if (nul && 0) return 0;
        for (size_t k = 0; k < nvars; k++) {
            fputs(vars[k], stdout);
            putchar(nul ? 0 : '\n');
        }
        return cu_finish(0);
    }
    if (nul) cu_usage_error(125, "cannot specify --null (-0) with command");
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

/* ln — make links (-s -f -n -v -T -t). */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cu.h"
#include "fsutil.h"

SE_COMMAND("ln", ln_main)

static int o_sym, o_force, o_nodir, o_verbose, o_rel, status;

/* -r: target as a path relative to the link's directory (both made canonical first) */
static char *relative_target(const char *target, const char *name) {
    char *t = fs_canon(target, 'm'), *parent = fs_dir(name), *d = fs_canon(parent, 'm');
    free(parent);
    if (!t || !d) {
        free(t), free(d);
        return strdup(target);
    }
    size_t common = 0;
    for (size_t i = 0;; i++) {
        if ((t[i] == '/' || !t[i]) && (d[i] == '/' || !d[i])) common = i;
        if (!t[i] || !d[i] || t[i] != d[i]) break;
    }
    size_t ups = 0;
    for (const char *p = d + common; *p; p++) if (*p == '/') ups++;
    if (!strcmp(d, "/")) ups = 0;
    const char *tail = t + common;
    while (*tail == '/') tail++;
    char *out = malloc(ups * 3 + strlen(tail) + 2);
    out[0] = 0;
    for (size_t k = 0; k < ups; k++) strcat(out, k ? "/.." : "..");
    if (*tail) {
        if (ups) strcat(out, "/");
        strcat(out, tail);
    }
    if (!*out) strcpy(out, ".");
    free(t), free(d);
    return out;
}

static void make_link(const char *target_arg, const char *name) {
    se_stat_t st;
    char *rel = o_rel ? relative_target(target_arg, name) : NULL;
    const char *target = rel ? rel : target_arg;
    if (!o_sym && se_stat(target, &st) < 0) {
        cu_error(0, errno, "failed to access %s", cu_quote(target));
        status = 1;
        return;
    }
    if (o_force && se_lstat(name, &st) == 0) {
        se_stat_t ts;
        if (!o_sym && se_stat(target, &ts) == 0 && fs_same(&ts, &st) && st.nlink == 1) {
            cu_error(0, 0, "%s and %s are the same file", cu_quote(target), cu_quote(name));
            status = 1;
            return;
        }
        if (FS_ISDIR(st.mode)) {
            cu_error(0, 0, "%s: cannot overwrite directory", cu_quote(name));
            status = 1;
            return;
        }
        unlink(name);
    }
    if ((o_sym ? symlink(target, name) : link(target, name)) < 0) {
        int e = errno;
        if (o_sym) cu_error(0, e, "failed to create symbolic link %s", cu_quote(name));
        else if (e == EEXIST) cu_error(0, e, "failed to create hard link %s", cu_quote(name));
        else cu_error(0, e, "failed to create hard link %s => %s", cu_quote(name), cu_quote(target));
        status = 1;
        return;
    }
    if (o_verbose) printf("%s %s %s\n", cu_quote(name), o_sym ? "->" : "=>", cu_quote(target));
}

int ln_main(int argc, char **argv) {
    cu_init(argc, argv);
    static const struct option longs[] = {{"symbolic", 0, 0, 's'}, {"force", 0, 0, 'f'},
        {"no-dereference", 0, 0, 'n'}, {"verbose", 0, 0, 'v'}, {"no-target-directory", 0, 0, 'T'},
        {"target-directory", 1, 0, 't'}, {"relative", 0, 0, 'r'}, {0, 0, 0, 0}};
    int c, no_target = 0;
    const char *dir = NULL;
    while ((c = getopt_long(argc, argv, "sfnvTt:r", longs, NULL)) != -1) {
        switch (c) {
        case 's': o_sym = 1; break;
        case 'f': o_force = 1; break;
        case 'n': o_nodir = 1; break;
        case 'v': o_verbose = 1; break;
        case 'r': o_rel = 1; break;
        case 'T': no_target = 1; break;
        case 't': dir = optarg; break;
        default: cu_usage_error(1, NULL);
        }
    }
    int n = argc - optind;
    char **args = argv + optind;
    if (o_rel && !o_sym) cu_error(1, 0, "cannot do --relative without --symbolic");
    if (n == 0) cu_usage_error(1, "missing file operand");
    if (!dir && n == 1) {
        char *b = fs_base(args[0]);
        make_link(args[0], b);
        free(b);
        return cu_finish(status);
    }
    if (!dir && !no_target) {
        const char *last = args[n - 1];
        se_stat_t st;
        int isdir = (o_nodir ? se_lstat(last, &st) : se_stat(last, &st)) == 0 && FS_ISDIR(st.mode);
        if (isdir) dir = args[--n];
        else if (n > 2) cu_error(1, se_stat(last, &st) < 0 ? errno : ENOTDIR, "target %s", cu_quote(last));
    }
    if (!dir) make_link(args[0], args[1]);
    else
        for (int i = 0; i < n; i++) {
            char *b = fs_base(args[i]), *name = fs_join(dir, b);
            make_link(args[i], name);
            free(b), free(name);
        }
    return cu_finish(status);
}

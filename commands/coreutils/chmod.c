/* chmod — change file mode bits (octal or symbolic, -R -v -c -f). */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cu.h"
#include "fsutil.h"

SE_COMMAND("chmod", chmod_main)

static int o_rec, o_verbose, o_changes, o_quiet, status;
static const char *spec;
static uint32_t umask_v;

static void change(const char *path, int top) {
    se_stat_t st;
    if (se_lstat(path, &st) < 0) {
        if (!o_quiet) cu_error(0, errno, "cannot access %s", cu_quote(path));
        status = 1;
        return;
    }
    if (FS_ISLNK(st.mode)) {
        if (!top) return; /* symlinks met during -R are skipped */
        if (se_stat(path, &st) < 0) {
            if (!o_quiet) cu_error(0, errno, "cannot operate on dangling symlink %s", cu_quote(path));
            status = 1;
            return;
        }
    }
    uint32_t mode;
    if (fs_parse_mode(spec, st.mode & 07777, FS_ISDIR(st.mode), umask_v, &mode) < 0) {
        cu_error(1, 0, "invalid mode: %s", cu_quote(spec));
    }
    char a[12], b[12];
    fs_mode_string(st.mode, a);
    fs_mode_string((st.mode & FS_IFMT) | mode, b);
    if (se_chmod(path, (int)mode) < 0) {
        if (!o_quiet) cu_error(0, errno, "changing permissions of %s", cu_quote(path));
        status = 1;
    } else if (o_verbose || (o_changes && mode != (st.mode & 07777))) {
        if (mode != (st.mode & 07777))
            printf("mode of %s changed from %04o (%s) to %04o (%s)\n", cu_quote(path), st.mode & 07777, a + 1, mode, b + 1);
        else printf("mode of %s retained as %04o (%s)\n", cu_quote(path), mode, b + 1);
    }
    if (o_rec && FS_ISDIR(st.mode)) {
        DIR *d = opendir(path);
        if (!d) {
            cu_error(0, errno, "cannot read directory %s", cu_quote(path));
            status = 1;
            return;
        }
        struct dirent *de;
        size_t n = 0, cap = 16;
        char **names = malloc(cap * sizeof *names);
        while ((de = readdir(d))) {
            if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, "..")) continue;
            if (n == cap) names = realloc(names, (cap *= 2) * sizeof *names);
            names[n++] = strdup(de->d_name);
        }
        closedir(d);
        for (size_t i = 0; i < n; i++) {
            char *c = fs_join(path, names[i]);
            change(c, 0);
            free(c), free(names[i]);
        }
        free(names);
    }
}

int chmod_main(int argc, char **argv) {
    cu_init(argc, argv);
    /* modes like -w or -x look like options: take them as the mode operand */
    int mode_idx = -1;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--")) break;
        if (a[0] == '-' && a[1] && strspn(a + 1, "rwxXst") == strlen(a + 1)) {
            mode_idx = i;
            break;
        }
    }
    static const struct option longs[] = {{"recursive", 0, 0, 'R'}, {"verbose", 0, 0, 'v'}, {"changes", 0, 0, 'c'},
        {"silent", 0, 0, 'f'}, {"quiet", 0, 0, 'f'}, {0, 0, 0, 0}};
    char **args = calloc((size_t)argc + 1, sizeof *args);
    int n = 0;
    for (int i = 0; i < argc; i++) if (i != mode_idx) args[n++] = argv[i];
    int c;
    while ((c = getopt_long(n, args, "Rvcf", longs, NULL)) != -1) {
        if (c == 'R') o_rec = 1;
        else if (c == 'v') o_verbose = 1;
        else if (c == 'c') o_changes = 1;
        else if (c == 'f') o_quiet = 1;
        else cu_usage_error(1, NULL);
    }
    int first = optind;
    if (mode_idx > 0) spec = argv[mode_idx];
    else if (first < n) spec = args[first++];
    if (!spec) cu_usage_error(1, "missing operand");
    if (first >= n) cu_usage_error(1, "missing operand after %s", cu_quote(spec));
    umask_v = fs_umask();
    uint32_t dummy;
    if (fs_parse_mode(spec, 0, 0, umask_v, &dummy) < 0) cu_usage_error(1, "invalid mode: %s", cu_quote(spec));
    for (int i = first; i < n; i++) change(args[i], 1);
    return cu_finish(status);
}

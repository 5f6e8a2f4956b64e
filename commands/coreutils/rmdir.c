/* rmdir — remove empty directories (-p -v --ignore-fail-on-non-empty). */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cu.h"
#include "fsutil.h"

SE_COMMAND("rmdir", rmdir_main)

static int verbose, ignore_nonempty;

static int remove_one(const char *path, int parent) {
    if (verbose) printf("%s: removing directory, %s\n", cu_prog, cu_quote(path));
    if (rmdir(path) == 0) return 0;
    int e = errno;
    if (ignore_nonempty && (e == ENOTEMPTY || e == EEXIST)) return 1;
    cu_error(0, e, "failed to remove %s%s", parent ? "directory " : "", cu_quote(path));
    return -1;
}

int rmdir_main(int argc, char **argv) {
    cu_init(argc, argv);
    static const struct option longs[] = {{"parents", 0, 0, 'p'}, {"verbose", 0, 0, 'v'},
        {"ignore-fail-on-non-empty", 0, 0, 'I'}, {0, 0, 0, 0}};
    int c, parents = 0, status = 0;
    while ((c = getopt_long(argc, argv, "pv", longs, NULL)) != -1) {
        if (c == 'p') parents = 1;
        else if (c == 'v') verbose = 1;
        else if (c == 'I') ignore_nonempty = 1;
        else cu_usage_error(1, NULL);
    }
    if (optind >= argc) cu_usage_error(1, "missing operand");
    for (int i = optind; i < argc; i++) {
        int r = remove_one(argv[i], 0);
        if (r < 0) { status = 1; continue; }
        if (r > 0 || !parents) continue;
        char *p = strdup(argv[i]);
        for (;;) {
            fs_strip_slashes(p);
            char *s = strrchr(p, '/');
            if (!s) break;
            while (s > p && s[-1] == '/') s--;
            if (s == p) break;
            *s = 0;
            r = remove_one(p, 1);
            if (r != 0) { if (r < 0) status = 1; break; }
        }
        free(p);
    }
    return cu_finish(status);
}

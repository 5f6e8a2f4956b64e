/* mkdir — make directories (-p -m MODE -v). */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cu.h"
#include "fsutil.h"

SE_COMMAND("mkdir", mkdir_main)

static int verbose;

static int make_one(const char *path, int final, int have_mode, uint32_t mode) {
    if (mkdir(path, 0777) < 0) return -1;
    if (verbose) printf("%s: created directory %s\n", cu_prog, cu_quote(path));
    if (have_mode && final && se_chmod(path, (int)mode) < 0) return -1;
    return 0;
}

/* mkdir -p: create each missing ancestor, then path. */
static int make_parents(const char *path, int have_mode, uint32_t mode) {
    char *p = strdup(path);
    size_t n = strlen(p);
    for (size_t i = 1; i <= n; i++) {
        if (p[i] != '/' && p[i] != 0) continue;
        if (p[i - 1] == '/') continue;
        char save = p[i];
        p[i] = 0;
        int last = save == 0 || strspn(p + i + 1, "/") == strlen(p + i + 1);
        se_stat_t st;
        if (se_stat(p, &st) == 0) {
            if (!FS_ISDIR(st.mode)) {
                cu_error(0, last ? EEXIST : ENOTDIR, "cannot create directory %s", cu_quote(p));
                free(p);
                return -1;
            }
        } else if (make_one(p, last, have_mode, mode) < 0 && !(errno == EEXIST && fs_is_dir(p))) {
            cu_error(0, errno, "cannot create directory %s", cu_quote(last ? path : p));
            free(p);
            return -1;
        }
        p[i] = save;
        if (last) break;
    }
    free(p);
    return 0;
}

int mkdir_main(int argc, char **argv) {
    cu_init(argc, argv);
    static const struct option longs[] = {{"parents", 0, 0, 'p'}, {"mode", 1, 0, 'm'}, {"verbose", 0, 0, 'v'}, {0, 0, 0, 0}};
    int c, parents = 0, have_mode = 0, status = 0;
    const char *mode_spec = NULL;
    while ((c = getopt_long(argc, argv, "pm:v", longs, NULL)) != -1) {
        if (c == 'p') parents = 1;
        else if (c == 'm') mode_spec = optarg, have_mode = 1;
        else if (c == 'v') verbose = 1;
        else cu_usage_error(1, NULL);
    }
    if (optind >= argc) cu_usage_error(1, "missing operand");
    uint32_t mode = 0777;
    if (have_mode && fs_parse_mode(mode_spec, 0777, 1, fs_umask(), &mode) < 0)
        cu_error(1, 0, "invalid mode %s", cu_quote(mode_spec));
    for (int i = optind; i < argc; i++) {
        if (parents) {
            if (make_parents(argv[i], have_mode, mode) < 0) status = 1;
        } else if (make_one(argv[i], 1, have_mode, mode) < 0) {
            cu_error(0, errno, "cannot create directory %s", cu_quote(argv[i]));
            status = 1;
        }
    }
    return cu_finish(status);
}

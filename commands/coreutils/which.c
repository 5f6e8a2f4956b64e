/* which — locate commands in PATH (-a: all matches). Exit 1 when one is not found. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cu.h"
#include "fsutil.h"

SE_COMMAND("which", which_main)

static int runnable(const char *path) {
    se_stat_t st;
    return se_stat(path, &st) == 0 && FS_ISREG(st.mode) && se_access(path, X_OK) == 0;
}

int which_main(int argc, char **argv) {
    cu_init(argc, argv);
    int c, all = 0, status = 0;
    while ((c = getopt(argc, argv, "as")) != -1) {
        if (c == 'a') all = 1;
        else if (c != 's') {
            fprintf(stderr, "Usage: %s [-as] args\n", cu_prog);
            return 2;
        }
    }
    if (optind >= argc) return 1;
    const char *path = getenv("PATH");
    if (!path) path = "/usr/local/bin:/usr/bin:/bin";
    for (int i = optind; i < argc; i++) {
        const char *name = argv[i];
        int found = 0;
        if (strchr(name, '/')) {
            if (runnable(name)) puts(name), found = 1;
        } else {
            const char *p = path;
            for (;;) {
                size_t n = strcspn(p, ":");
                char *dir = n ? strndup(p, n) : strdup(".");
                char *full = fs_join(dir, name);
                if (runnable(full)) {
                    puts(full);
                    found = 1;
                }
                free(dir), free(full);
                if ((found && !all) || !p[n]) break;
                p += n + 1;
            }
        }
        if (!found) status = 1;
    }
    return cu_finish(status);
}

/* rm — remove files or directories (-r -R -f -i -I -d -v). */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cu.h"
#include "fsutil.h"

SE_COMMAND("rm", rm_main)

static int o_rec, o_force, o_interactive, o_once, o_dir, o_verbose;

static const char *kind(const se_stat_t *st) {
    switch (st->mode & FS_IFMT) {
    case FS_IFDIR: return "directory";
    case FS_IFLNK: return "symbolic link";
    case FS_IFIFO: return "fifo";
    case FS_IFSOCK: return "socket";
    case FS_IFCHR: return "character special file";
    case FS_IFBLK: return "block special file";
    default: return st->size == 0 ? "regular empty file" : "regular file";
    }
}

static int ask(const char *what, const char *path) {
    fprintf(stderr, "%s: %s %s? ", cu_prog, what, cu_quote(path));
    return fs_yes();
}

static int is_empty_dir(const char *path) {
    DIR *d = opendir(path);
    if (!d) return 0;
    struct dirent *de;
    int empty = 1;
    while ((de = readdir(d)))
        if (strcmp(de->d_name, ".") && strcmp(de->d_name, "..")) { empty = 0; break; }
    closedir(d);
    return empty;
}

/* Returns 0 when path was removed, 1 when kept on purpose or failed (status set by caller). */
static int remove_path(const char *path, int *status) {
    se_stat_t st;
    if (se_lstat(path, &st) < 0) {
        if (!(o_force && errno == ENOENT)) {
            cu_error(0, errno, "cannot remove %s", cu_quote(path));
            *status = 1;
        }
        return 1;
    }
    if (FS_ISDIR(st.mode)) {
        if (!o_rec) {
            if (o_dir && is_empty_dir(path)) {
                if (o_interactive && !ask("remove directory", path)) return 1;
                if (rmdir(path) == 0) {
                    if (o_verbose) printf("removed directory %s\n", cu_quote(path));
                    return 0;
                }
            } else errno = o_dir ? ENOTEMPTY : EISDIR;
            cu_error(0, errno, "cannot remove %s", cu_quote(path));
            *status = 1;
            return 1;
        }
        int empty = is_empty_dir(path);
        if (o_interactive && !empty && !ask("descend into directory", path)) return 1;
        if (!empty) {
            DIR *d = opendir(path);
            if (!d) {
                cu_error(0, errno, "cannot remove %s", cu_quote(path));
                *status = 1;
                return 1;
            }
            /* collect names first: removing while reading is unsafe on some file systems */
            size_t n = 0, cap = 16;
            char **names = malloc(cap * sizeof *names);
            struct dirent *de;
            while ((de = readdir(d))) {
                if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, "..")) continue;
                if (n == cap) names = realloc(names, (cap *= 2) * sizeof *names);
                names[n++] = strdup(de->d_name);
            }
            closedir(d);
            for (size_t i = 0; i < n; i++) {
                char *child = fs_join(path, names[i]);
                remove_path(child, status);
                free(child);
                free(names[i]);
            }
            free(names);
        }
        if (o_interactive && !ask("remove directory", path)) return 1;
        if (rmdir(path) < 0) {
            if (errno == ENOTEMPTY && *status) return 1; /* a child was kept: already reported */
            cu_error(0, errno, "cannot remove %s", cu_quote(path));
            *status = 1;
            return 1;
        }
        if (o_verbose) printf("removed directory %s\n", cu_quote(path));
        return 0;
    }
    if (o_interactive) {
        char what[64];
        snprintf(what, sizeof what, "remove %s", kind(&st));
        if (!ask(what, path)) return 1;
    }
    if (unlink(path) < 0) {
        cu_error(0, errno, "cannot remove %s", cu_quote(path));
        *status = 1;
        return 1;
    }
    if (o_verbose) printf("removed %s\n", cu_quote(path));
    return 0;
}

int rm_main(int argc, char **argv) {
    cu_init(argc, argv);
    static const struct option longs[] = {{"recursive", 0, 0, 'r'}, {"force", 0, 0, 'f'}, {"dir", 0, 0, 'd'},
        {"verbose", 0, 0, 'v'}, {"interactive", 0, 0, 'i'}, {"no-preserve-root", 0, 0, 'N'}, {0, 0, 0, 0}};
    int c, status = 0, preserve_root = 1;
    while ((c = getopt_long(argc, argv, "rRfidvI", longs, NULL)) != -1) {
        switch (c) {
        case 'r': case 'R': o_rec = 1; break;
        case 'f': o_force = 1; o_interactive = 0; o_once = 0; break;
        case 'i': o_interactive = 1; o_force = 0; o_once = 0; break;
        case 'I': o_once = 1; o_interactive = 0; o_force = 0; break;
        case 'd': o_dir = 1; break;
        case 'v': o_verbose = 1; break;
        case 'N': preserve_root = 0; break;
        default: cu_usage_error(1, NULL);
        }
    }
    if (optind >= argc) {
        if (o_force) return 0;
        cu_usage_error(1, "missing operand");
    }
    int nargs = argc - optind;
    if (o_once && (nargs > 3 || o_rec)) {
        if (o_rec) fprintf(stderr, "%s: remove %d argument%s recursively? ", cu_prog, nargs, nargs == 1 ? "" : "s");
        else fprintf(stderr, "%s: remove %d arguments? ", cu_prog, nargs);
        if (!fs_yes()) return 0;
    }
    for (int i = optind; i < argc; i++) {
        char *b = fs_base(argv[i]);
        int dots = !strcmp(b, ".") || !strcmp(b, "..");
        free(b);
        if (dots && o_rec) {
            cu_error(0, 0, "refusing to remove '.' or '..' directory: skipping %s", cu_quote(argv[i]));
            status = 1;
            continue;
        }
        if (o_rec && preserve_root) {
            char *r = se_realpath(argv[i], NULL);
            int root = r && !strcmp(r, "/");
            free(r);
            if (root) {
                if (!strcmp(argv[i], "/")) cu_error(0, 0, "it is dangerous to operate recursively on '/'");
                else cu_error(0, 0, "it is dangerous to operate recursively on %s (same as '/')", cu_quote(argv[i]));
                cu_error(0, 0, "use --no-preserve-root to override this failsafe");
                status = 1;
                continue;
            }
        }
        remove_path(argv[i], &status);
    }
    return cu_finish(status);
}

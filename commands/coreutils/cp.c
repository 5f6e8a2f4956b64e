/* cp — copy files and directories (-r -R -p -f -i -n -a -v -L -P -d -H). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cu.h"
#include "fsutil.h"

SE_COMMAND("cp", cp_main)

static int o_rec, o_preserve, o_force, o_inter, o_noclob, o_verbose, o_deref = -1, o_cl_deref, o_update, o_link;
static uint32_t umask_v;
static int status;

static void preserve(const char *dst, const se_stat_t *st, int is_link) {
    struct timespec ts[2] = {{(time_t)st->atime_sec, (long)st->atime_nsec}, {(time_t)st->mtime_sec, (long)st->mtime_nsec}};
    if (fs_set_times(dst, ts, !is_link) < 0 && !is_link)
        cu_error(0, errno, "preserving times for %s", cu_quote(dst)), status = 1;
    if (!is_link && se_chmod(dst, (int)(st->mode & 07777)) < 0)
        cu_error(0, errno, "preserving permissions for %s", cu_quote(dst)), status = 1;
}

/* Is dst inside src (both existing paths)? */
static int inside(const char *src, const char *dst_parent) {
    char *a = se_realpath(src, NULL), *b = se_realpath(dst_parent, NULL);
    int r = 0;
    if (a && b) {
        size_t n = strlen(a);
        r = strncmp(a, b, n) == 0 && (b[n] == '/' || b[n] == 0 || !strcmp(a, "/"));
    }
    free(a), free(b);
    return r;
}

static void copy(const char *src, const char *dst, int top);

static void copy_dir(const char *src, const char *dst, const se_stat_t *st) {
    se_stat_t dt;
    int existed = se_stat(dst, &dt) == 0;
    if (existed && !FS_ISDIR(dt.mode)) {
        cu_error(0, 0, "cannot overwrite non-directory %s with directory %s", cu_quote(dst), cu_quote(src));
        status = 1;
        return;
    }
    if (!existed) {
        if (mkdir(dst, 0700) < 0) {
            cu_error(0, errno, "cannot create directory %s", cu_quote(dst));
            status = 1;
            return;
        }
        if (o_verbose) printf("%s -> %s\n", cu_quote(src), cu_quote(dst));
    }
    DIR *d = opendir(src);
    if (!d) {
        cu_error(0, errno, "cannot access %s", cu_quote(src));
        status = 1;
        return;
    }
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
        char *s = fs_join(src, names[i]), *t = fs_join(dst, names[i]);
        copy(s, t, 0);
        free(s), free(t), free(names[i]);
    }
    free(names);
    if (o_preserve) preserve(dst, st, 0);
    else if (!existed) se_chmod(dst, (int)(st->mode & 07777 & ~umask_v));
}

static void copy(const char *src, const char *dst, int top) {
    se_stat_t st, dt;
    int follow = o_deref == 1 || (top && o_cl_deref);
    if ((follow ? se_stat(src, &st) : se_lstat(src, &st)) < 0) {
        cu_error(0, errno, "cannot stat %s", cu_quote(src));
        status = 1;
        return;
    }
    int dexists = se_lstat(dst, &dt) == 0;
    if (dexists) {
        se_stat_t df;
        if ((se_stat(dst, &df) == 0 && fs_same(&st, &df)) || fs_same(&st, &dt)) {
            if (!FS_ISLNK(st.mode) || fs_same(&st, &dt)) {
                cu_error(0, 0, "%s and %s are the same file", cu_quote(src), cu_quote(dst));
                status = 1;
                return;
            }
        }
    }
    if (FS_ISDIR(st.mode)) {
        if (!o_rec) {
            cu_error(0, 0, "-r not specified; omitting directory %s", cu_quote(src));
            status = 1;
            return;
        }
        char *parent = fs_dir(dst);
        if (top && inside(src, dexists ? dst : parent)) {
            cu_error(0, 0, "cannot copy a directory, %s, into itself, %s", cu_quote(src), cu_quote(dst));
            status = 1;
            free(parent);
            return;
        }
        free(parent);
        copy_dir(src, dst, &st);
        return;
    }
    if (dexists) {
        if (FS_ISDIR(dt.mode)) {
            cu_error(0, 0, "cannot overwrite directory %s with non-directory", cu_quote(dst));
            status = 1;
            return;
        }
        if (o_noclob) return;
        if (o_update && (dt.mtime_sec > st.mtime_sec || (dt.mtime_sec == st.mtime_sec && dt.mtime_nsec >= st.mtime_nsec)))
            return;
        if (o_inter) {
            fprintf(stderr, "%s: overwrite %s? ", cu_prog, cu_quote(dst));
            if (!fs_yes()) return;
        }
    }
    if (o_link) {
        if (dexists) unlink(dst);
        int r = o_link == 's' ? symlink(src, dst) : link(src, dst);
        if (r < 0) {
            cu_error(0, errno, o_link == 's' ? "cannot create symbolic link %s to %s" : "cannot create hard link %s to %s",
                     cu_quote(dst), cu_quote(src));
            status = 1;
        } else if (o_verbose) printf("%s -> %s\n", cu_quote(src), cu_quote(dst));
        return;
    }
    if (FS_ISLNK(st.mode)) {
        char buf[4096];
        ssize_t n = readlink(src, buf, sizeof buf - 1);
        if (n < 0) {
            cu_error(0, errno, "cannot read symbolic link %s", cu_quote(src));
            status = 1;
            return;
        }
        buf[n] = 0;
        if (dexists) unlink(dst);
        if (symlink(buf, dst) < 0) {
            cu_error(0, errno, "cannot create symbolic link %s", cu_quote(dst));
            status = 1;
            return;
        }
    } else {
        uint32_t mode = st.mode & 0777;
        int r = fs_copy_data(src, dst, mode & ~umask_v);
        if (r < 0 && dexists && o_force && errno != ENOENT) {
            unlink(dst);
            r = fs_copy_data(src, dst, mode & ~umask_v);
        }
        if (r < 0) {
            int e = errno;
            if (access(src, R_OK) < 0 || (open(src, O_RDONLY) < 0 && (e = errno)))
                cu_error(0, e, "cannot open %s for reading", cu_quote(src));
            else cu_error(0, e, "cannot create regular file %s", cu_quote(dst));
            status = 1;
            return;
        }
    }
    if (o_verbose) printf("%s -> %s\n", cu_quote(src), cu_quote(dst));
    if (o_preserve) preserve(dst, &st, FS_ISLNK(st.mode));
}

int cp_main(int argc, char **argv) {
    cu_init(argc, argv);
    static const struct option longs[] = {{"recursive", 0, 0, 'r'}, {"archive", 0, 0, 'a'}, {"force", 0, 0, 'f'},
        {"interactive", 0, 0, 'i'}, {"no-clobber", 0, 0, 'n'}, {"verbose", 0, 0, 'v'},
        {"dereference", 0, 0, 'L'}, {"no-dereference", 0, 0, 'P'}, {"no-target-directory", 0, 0, 'T'},
        {"target-directory", 1, 0, 't'}, {"preserve", 2, 0, 'E'}, {"update", 0, 0, 'u'}, {"link", 0, 0, 'l'},
        {"symbolic-link", 0, 0, 's'}, {0, 0, 0, 0}};
    int c, no_target = 0;
    const char *target_dir = NULL;
    while ((c = getopt_long(argc, argv, "rRapfinvLPdHTt:uls", longs, NULL)) != -1) {
        switch (c) {
        case 'r': case 'R': o_rec = 1; break;
        case 'a': o_rec = 1; o_preserve = 1; o_deref = 0; break;
        case 'p': case 'E': o_preserve = 1; break;
        case 'f': o_force = 1; o_inter = 0; o_noclob = 0; break;
        case 'i': o_inter = 1; o_noclob = 0; break;
        case 'n': o_noclob = 1; o_inter = 0; break;
        case 'v': o_verbose = 1; break;
        case 'L': o_deref = 1; break;
        case 'P': case 'd': o_deref = 0; break;
        case 'H': o_cl_deref = 1; break;
        case 'T': no_target = 1; break;
        case 'u': o_update = 1; break;
        case 'l': case 's': o_link = c; break;
        case 't': target_dir = optarg; break;
        default: cu_usage_error(1, NULL);
        }
    }
    if (o_deref == -1) o_deref = o_rec ? 0 : 1;
    umask_v = fs_umask();
    int n = argc - optind;
    char **args = argv + optind;
    if (n == 0) cu_usage_error(1, "missing file operand");
    if (!target_dir && n == 1) cu_usage_error(1, "missing destination file operand after %s", cu_quote(args[0]));
    if (!target_dir && !no_target && n > 2 && !fs_is_dir(args[n - 1])) {
        se_stat_t t;
        cu_error(1, se_stat(args[n - 1], &t) < 0 ? errno : ENOTDIR, "target %s", cu_quote(args[n - 1]));
    }
    if (!target_dir && !no_target && fs_is_dir(args[n - 1])) target_dir = args[--n];
    if (target_dir) {
        if (!fs_is_dir(target_dir)) cu_error(1, errno ? errno : ENOTDIR, "target directory %s", cu_quote(target_dir));
        for (int i = 0; i < n; i++) {
            char *b = fs_base(args[i]);
            char *dst = fs_join(target_dir, b);
            copy(args[i], dst, 1);
            free(b), free(dst);
        }
    } else copy(args[0], args[1], 1);
    return cu_finish(status);
}

/* mv — move (rename) files (-f -i -n -v -T -t). Across file systems: copy then remove. */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cu.h"
#include "fsutil.h"

SE_COMMAND("mv", mv_main)

static int o_inter, o_noclob, o_verbose, o_update, status;

/* Copies src to dst recursively keeping modes/times, then removes src. */
static int copy_tree(const char *src, const char *dst) {
    se_stat_t st;
    if (se_lstat(src, &st) < 0) return -1;
    struct timespec ts[2] = {{(time_t)st.atime_sec, (long)st.atime_nsec}, {(time_t)st.mtime_sec, (long)st.mtime_nsec}};
    if (FS_ISDIR(st.mode)) {
        if (mkdir(dst, 0700) < 0) return -1;
        DIR *d = opendir(src);
        if (!d) return -1;
        struct dirent *de;
        int rc = 0;
        while ((de = readdir(d))) {
            if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, "..")) continue;
            char *s = fs_join(src, de->d_name), *t = fs_join(dst, de->d_name);
            if (copy_tree(s, t) < 0) rc = -1;
            free(s), free(t);
        }
        closedir(d);
        if (rc < 0) return -1;
        if (rmdir(src) < 0) return -1;
    } else if (FS_ISLNK(st.mode)) {
        char buf[4096];
        ssize_t n = readlink(src, buf, sizeof buf - 1);
        if (n < 0) return -1;
        buf[n] = 0;
        if (symlink(buf, dst) < 0 || unlink(src) < 0) return -1;
        fs_set_times(dst, ts, 0);
        return 0;
    } else {
        if (fs_copy_data(src, dst, st.mode & 0777) < 0 || unlink(src) < 0) return -1;
    }
    se_chmod(dst, (int)(st.mode & 07777));
    fs_set_times(dst, ts, 1);
    return 0;
}

static void move(const char *src, const char *dst) {
    se_stat_t st, dt;
    if (se_lstat(src, &st) < 0) {
        cu_error(0, errno, "cannot stat %s", cu_quote(src));
        status = 1;
        return;
    }
    int dexists = se_lstat(dst, &dt) == 0;
    if (dexists && fs_same(&st, &dt)) {
        cu_error(0, 0, "%s and %s are the same file", cu_quote(src), cu_quote(dst));
        status = 1;
        return;
    }
    if (dexists) {
        if (FS_ISDIR(st.mode) && !FS_ISDIR(dt.mode)) {
            cu_error(0, 0, "cannot overwrite non-directory %s with directory %s", cu_quote(dst), cu_quote(src));
            status = 1;
            return;
        }
        if (!FS_ISDIR(st.mode) && FS_ISDIR(dt.mode)) {
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
    if (FS_ISDIR(st.mode)) {
        char *a = se_realpath(src, NULL), *parent = fs_dir(dst), *b = se_realpath(parent, NULL);
        int bad = a && b && strncmp(a, b, strlen(a)) == 0 && (b[strlen(a)] == '/' || !b[strlen(a)]);
        free(a), free(b), free(parent);
        if (bad) {
            cu_error(0, 0, "cannot move %s to a subdirectory of itself, %s", cu_quote(src), cu_quote(dst));
            status = 1;
            return;
        }
    }
    if (rename(src, dst) < 0) {
        int e = errno;
        if (e == EXDEV) {
            if (dexists && FS_ISDIR(dt.mode)) rmdir(dst);
            else if (dexists) unlink(dst);
            if (copy_tree(src, dst) == 0) goto done;
            e = errno;
        }
        cu_error(0, e, "cannot move %s to %s", cu_quote(src), cu_quote(dst));
        status = 1;
        return;
    }
done:
    if (o_verbose) printf("renamed %s -> %s\n", cu_quote(src), cu_quote(dst));
}

int mv_main(int argc, char **argv) {
    cu_init(argc, argv);
    static const struct option longs[] = {{"force", 0, 0, 'f'}, {"interactive", 0, 0, 'i'}, {"no-clobber", 0, 0, 'n'},
        {"verbose", 0, 0, 'v'}, {"no-target-directory", 0, 0, 'T'}, {"target-directory", 1, 0, 't'}, {"update", 0, 0, 'u'}, {0, 0, 0, 0}};
    int c, no_target = 0;
    const char *target_dir = NULL;
    while ((c = getopt_long(argc, argv, "finvTt:u", longs, NULL)) != -1) {
        switch (c) {
        case 'f': o_inter = 0; o_noclob = 0; break;
        case 'i': o_inter = 1; o_noclob = 0; break;
        case 'n': o_noclob = 1; o_inter = 0; break;
        case 'v': o_verbose = 1; break;
        case 'u': o_update = 1; break;
        case 'T': no_target = 1; break;
        case 't': target_dir = optarg; break;
        default: cu_usage_error(1, NULL);
        }
    }
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
        for (int i = 0; i < n; i++) {
            char *b = fs_base(args[i]);
            char *dst = fs_join(target_dir, b);
            move(args[i], dst);
            free(b), free(dst);
        }
    } else move(args[0], args[1]);
    return cu_finish(status);
}

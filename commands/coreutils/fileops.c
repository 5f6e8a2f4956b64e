/* truncate, install, unlink, link, sync — small file utilities. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cu.h"
#include "fsutil.h"

SE_COMMAND("truncate", truncate_main)
SE_COMMAND("install", install_main)
SE_COMMAND("unlink", unlink_main)
SE_COMMAND("link", link_main)
SE_COMMAND("sync", sync_main)

static long long size_arg(const char *s, int *rel) {
    *rel = strchr("+-<>/%", *s) && *s ? *s++ : 0;
    char *end;
    if (*s < '0' || *s > '9') return -1;
    long long v = strtoll(s, &end, 10);
    static const char *const suf[] = {"K", "KiB", "KB", "M", "MiB", "MB", "G", "GiB", "GB", "T", "TiB", "TB"};
    static const long long mul[] = {1024, 1024, 1000, 1048576, 1048576, 1000000, 1073741824LL, 1073741824LL,
                                    1000000000LL, 1099511627776LL, 1099511627776LL, 1000000000000LL};
    if (*end) {
        int found = 0;
        for (int i = 0; i < 12; i++)
            if (!strcmp(end, suf[i])) v *= mul[i], found = 1;
        if (!found) return -1;
    }
    return v;
}

int truncate_main(int argc, char **argv) {
    cu_init(argc, argv);
    static const struct option longs[] = {{"no-create", 0, 0, 'c'}, {"size", 1, 0, 's'}, {"reference", 1, 0, 'r'},
        {"io-blocks", 0, 0, 'o'}, {0, 0, 0, 0}};
    int c, nocreate = 0, rel = 0, status = 0;
    long long size = -1;
    const char *ref = NULL;
    while ((c = getopt_long(argc, argv, "cs:r:o", longs, NULL)) != -1) {
        if (c == 'c') nocreate = 1;
        else if (c == 's') {
            size = size_arg(optarg, &rel);
            if (size < 0) cu_error(1, 0, "Invalid number: %s", cu_quote(optarg));
        } else if (c == 'r') ref = optarg;
        else if (c != 'o') cu_usage_error(1, NULL);
    }
    if (size < 0 && !ref) cu_usage_error(1, "you must specify either '--size' or '--reference'");
    if (optind >= argc) cu_usage_error(1, "missing file operand");
    long long refsize = 0;
    if (ref) {
        se_stat_t st;
        if (se_stat(ref, &st) < 0) cu_error(1, errno, "cannot stat %s", cu_quote(ref));
        refsize = st.size;
        if (size < 0) size = 0, rel = rel ? rel : '+';
    }
    for (int i = optind; i < argc; i++) {
        se_stat_t st;
        int exists = se_stat(argv[i], &st) == 0;
        if (!exists && nocreate) continue;
        int fd = open(argv[i], O_WRONLY | (nocreate ? 0 : O_CREAT), 0666);
        if (fd < 0) {
            cu_error(0, errno, "cannot open %s for writing", cu_quote(argv[i]));
            status = 1;
            continue;
        }
        if (!exists) se_fchmod(fd, (int)(0666 & ~fs_umask()));
        long long cur = ref ? refsize : exists ? st.size : 0, n = size;
        switch (rel) {
        case '+': n = cur + size; break;
        case '-': n = cur - size < 0 ? 0 : cur - size; break;
        case '<': n = cur < size ? cur : size; break;
        case '>': n = cur > size ? cur : size; break;
        case '/': n = size ? cur / size * size : cur; break;
        case '%': n = size ? (cur + size - 1) / size * size : cur; break;
        }
        if (ftruncate(fd, (off_t)n) < 0) {
            cu_error(0, errno, "failed to truncate %s at %lld bytes", cu_quote(argv[i]), n);
            status = 1;
        }
        close(fd);
    }
    return cu_finish(status);
}

static int verbose;

static int make_dirs(const char *path, uint32_t mode) {
    char *p = strdup(path);
    size_t n = strlen(p);
    for (size_t i = 1; i <= n; i++) {
        if (p[i] != '/' && p[i]) continue;
        char save = p[i];
        p[i] = 0;
        if (!fs_is_dir(p)) {
            if (mkdir(p, 0755) < 0 && !fs_is_dir(p)) {
                cu_error(0, errno, "cannot create directory %s", cu_quote(p));
                free(p);
                return -1;
            }
            if (verbose) printf("%s: creating directory %s\n", cu_prog, cu_quote(p));
            se_chmod(p, save ? 0755 : (int)mode);
        }
        p[i] = save;
    }
    free(p);
    return 0;
}

static int install_file(const char *src, const char *dst, uint32_t mode, int preserve) {
    se_stat_t st, dt;
    if (se_stat(src, &st) < 0) {
        cu_error(0, errno, "cannot stat %s", cu_quote(src));
        return 1;
    }
    if (FS_ISDIR(st.mode)) {
        cu_error(0, 0, "omitting directory %s", cu_quote(src));
        return 1;
    }
    if (se_stat(dst, &dt) == 0 && fs_same(&st, &dt)) {
        cu_error(0, 0, "%s and %s are the same file", cu_quote(src), cu_quote(dst));
        return 1;
    }
    if (unlink(dst) == 0 && verbose) printf("removed %s\n", cu_quote(dst));
    if (fs_copy_data(src, dst, mode) < 0) {
        cu_error(0, errno, "cannot create regular file %s", cu_quote(dst));
        return 1;
    }
    se_chmod(dst, (int)mode);
    if (preserve) {
        struct timespec ts[2] = {{(time_t)st.atime_sec, (long)st.atime_nsec}, {(time_t)st.mtime_sec, (long)st.mtime_nsec}};
        fs_set_times(dst, ts, 1);
    }
    if (verbose) printf("%s -> %s\n", cu_quote(src), cu_quote(dst));
    return 0;
}

int install_main(int argc, char **argv) {
    cu_init(argc, argv);
    static const struct option longs[] = {{"directory", 0, 0, 'd'}, {"mode", 1, 0, 'm'}, {"verbose", 0, 0, 'v'},
        {"target-directory", 1, 0, 't'}, {"no-target-directory", 0, 0, 'T'}, {"preserve-timestamps", 0, 0, 'p'},
        {"owner", 1, 0, 'o'}, {"group", 1, 0, 'g'}, {"strip", 0, 0, 's'}, {0, 0, 0, 0}};
    int c, dirs = 0, parents = 0, no_target = 0, preserve = 0, status = 0;
    uint32_t mode = 0755;
    const char *target = NULL;
    while ((c = getopt_long(argc, argv, "dDm:vt:Tpo:g:csC", longs, NULL)) != -1) {
        switch (c) {
        case 'd': dirs = 1; break;
        case 'D': parents = 1; break;
        case 'm':
            if (fs_parse_mode(optarg, 0755, 0, 0, &mode) < 0) cu_error(1, 0, "invalid mode %s", cu_quote(optarg));
            break;
        case 'v': verbose = 1; break;
        case 't': target = optarg; break;
        case 'T': no_target = 1; break;
        case 'p': preserve = 1; break;
        case 'o': case 'g': case 'c': case 's': case 'C': break;
        default: cu_usage_error(1, NULL);
        }
    }
    int n = argc - optind;
    char **args = argv + optind;
    if (dirs) {
        if (!n) cu_usage_error(1, "missing file operand");
        for (int i = 0; i < n; i++) if (make_dirs(args[i], mode) < 0) status = 1;
        return cu_finish(status);
    }
    if (!n) cu_usage_error(1, "missing file operand");
    if (!target && n == 1) cu_usage_error(1, "missing destination file operand after %s", cu_quote(args[0]));
    if (!target && !no_target && (n > 2 || fs_is_dir(args[n - 1]))) target = args[--n];
    if (target) {
        if (parents) make_dirs(target, 0755);
        if (!fs_is_dir(target)) cu_error(1, 0, "target %s is not a directory", cu_quote(target));
        for (int i = 0; i < n; i++) {
            char *b = fs_base(args[i]), *dst = fs_join(target, b);
            status |= install_file(args[i], dst, mode, preserve);
            free(b), free(dst);
        }
    } else {
        if (parents) {
            char *d = fs_dir(args[1]);
            if (make_dirs(d, 0755) < 0) status = 1;
            free(d);
        }
        status |= install_file(args[0], args[1], mode, preserve);
    }
    return cu_finish(status);
}

int unlink_main(int argc, char **argv) {
    cu_init(argc, argv);
    int first = argc > 1 && !strcmp(argv[1], "--") ? 2 : 1;
    if (argc - first < 1) cu_usage_error(1, "missing operand");
    if (argc - first > 1) cu_usage_error(1, "extra operand %s", cu_quote(argv[first + 1]));
    if (unlink(argv[first]) < 0) cu_error(1, errno, "cannot unlink %s", cu_quote(argv[first]));
    return cu_finish(0);
}

int link_main(int argc, char **argv) {
    cu_init(argc, argv);
    int first = argc > 1 && !strcmp(argv[1], "--") ? 2 : 1;
    if (argc - first < 1) cu_usage_error(1, "missing operand");
    if (argc - first < 2) cu_usage_error(1, "missing operand after %s", cu_quote(argv[first]));
    if (argc - first > 2) cu_usage_error(1, "extra operand %s", cu_quote(argv[first + 2]));
    if (link(argv[first], argv[first + 1]) < 0)
        cu_error(1, errno, "cannot create link %s to %s", cu_quote(argv[first + 1]), cu_quote(argv[first]));
    return cu_finish(0);
}

int sync_main(int argc, char **argv) {
    cu_init(argc, argv);
    int status = 0;
    for (int i = 1; i < argc; i++) {
        if (argv[i][0] == '-') continue;
        int fd = open(argv[i], O_RDONLY);
        if (fd < 0 || fsync(fd) < 0) {
            cu_error(0, errno, "error opening %s", cu_quote(argv[i]));
            status = 1;
        }
        if (fd >= 0) close(fd);
    }
    return status;
}

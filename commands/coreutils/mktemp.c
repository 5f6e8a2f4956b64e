/* mktemp — create a temporary file or directory (-d -u -q -p DIR -t, --tmpdir, --suffix). */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cu.h"
#include "fsutil.h"

SE_COMMAND("mktemp", mktemp_main)

static void randomize(char *x, size_t n) {
    static const char chars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    unsigned char r[256];
    if (n > sizeof r) n = sizeof r;
    if (getentropy(r, n) < 0) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        srand((unsigned)(ts.tv_nsec ^ se_getpid()));
        for (size_t i = 0; i < n; i++) r[i] = (unsigned char)rand();
    }
    for (size_t i = 0; i < n; i++) x[i] = chars[r[i] % 62];
}

int mktemp_main(int argc, char **argv) {
    cu_init(argc, argv);
    static const struct option longs[] = {{"directory", 0, 0, 'd'}, {"dry-run", 0, 0, 'u'}, {"quiet", 0, 0, 'q'},
        {"tmpdir", 2, 0, 'p'}, {"suffix", 1, 0, 'S'}, {0, 0, 0, 0}};
    int c, dir = 0, dry = 0, quiet = 0, use_tmpdir = 0, t_opt = 0;
    const char *tmpdir = NULL, *suffix = NULL;
    while ((c = getopt_long(argc, argv, "dup:qt", longs, NULL)) != -1) {
        switch (c) {
        case 'd': dir = 1; break;
        case 'u': dry = 1; break;
        case 'q': quiet = 1; break;
        case 'p': use_tmpdir = 1; tmpdir = optarg; break;
        case 't': t_opt = 1; use_tmpdir = 1; break;
        case 'S': suffix = optarg; break;
        default: cu_usage_error(1, NULL);
        }
    }
    if (argc - optind > 1) cu_usage_error(1, "too many templates");
    const char *tmpl = optind < argc ? argv[optind] : NULL;
    if (!tmpl) tmpl = "tmp.XXXXXXXXXX", use_tmpdir = 1;
    if (use_tmpdir && (!tmpdir || !*tmpdir)) {
        const char *e = getenv("TMPDIR");
        tmpdir = e && *e ? e : "/tmp";
    }
    if (t_opt && strchr(tmpl, '/'))
        cu_error(1, 0, "invalid template, %s, contains directory separator", cu_quote(tmpl));
    if (use_tmpdir && tmpl[0] == '/')
        cu_error(1, 0, "invalid template, %s; with --tmpdir, it may not be absolute", cu_quote(tmpl));
    char *path = use_tmpdir ? fs_join(tmpdir, tmpl) : strdup(tmpl);
    /* the X run: the last X's of the template (before an explicit --suffix) */
    size_t len = strlen(path), xend = len;
    if (!suffix) {
        char *slash = strrchr(path, '/');
        char *lastx = strrchr(slash ? slash : path, 'X');
        if (lastx) xend = (size_t)(lastx - path) + 1;
        suffix = path + xend;
    }
    char *sfx = strdup(suffix);
    if (suffix != path + xend && strchr(sfx, '/')) cu_error(1, 0, "invalid suffix %s, contains directory separator", cu_quote(sfx));
    size_t xs = xend;
    while (xs > 0 && path[xs - 1] == 'X') xs--;
    if (xend - xs < 3) {
        cu_error(0, 0, "too few X's in template %s", cu_quote(optind < argc ? argv[optind] : tmpl));
        return 1;
    }
    char *out = malloc(xend + strlen(sfx) + 1);
    memcpy(out, path, xend);
    strcpy(out + xend, sfx);
    for (int tries = 0; tries < 100; tries++) {
        randomize(out + xs, xend - xs);
        int r;
        if (dry) {
            r = fs_exists(out) ? -1 : 0;
            if (r < 0) errno = EEXIST;
        } else if (dir) {
            r = mkdir(out, 0700);
            if (r == 0) se_chmod(out, 0700); /* WASI ignores the mode argument */
        } else {
            int fd = open(out, O_WRONLY | O_CREAT | O_EXCL, 0600);
            r = fd < 0 ? -1 : 0;
            if (fd >= 0) se_fchmod(fd, 0600), close(fd);
        }
        if (r == 0) {
            puts(out);
            return cu_finish(0);
        }
        if (errno != EEXIST) break;
    }
    int e = errno;
    /* report the template with the X's */
    memcpy(out, path, xend);
    strcpy(out + xend, sfx);
    if (!quiet) cu_error(0, e, "failed to create %s via template %s", dir ? "directory" : "file", cu_quote(out));
    return 1;
}

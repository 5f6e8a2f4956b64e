/* tail — last part of files (-n, -c, +N, -f polling a growing file, -q, -v, legacy -N/+N). */
#include "cu.h"
#include "textutil.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

SE_COMMAND("tail", tail_main)

static int delim = '\n';

static void emit(const char *d, size_t len, uint64_t count, int bytes, int from_start) {
    size_t start;
    if (from_start) {
        if (count == 0) count = 1;
        if (bytes) {
            start = count - 1 >= len ? len : count - 1;
        } else {
            start = 0;
            for (uint64_t k = 1; k < count && start < len; k++) {
                char *q = memchr(d + start, delim, len - start);
                start = q ? (size_t)(q - d) + 1 : len;
            }
        }
    } else if (bytes) {
        start = count >= len ? 0 : len - count;
    } else {
        start = len;
        for (uint64_t k = 0; k < count && start > 0; k++) {
            size_t i = start - 1;
            while (i > 0 && d[i - 1] != delim) i--;
            start = i;
        }
    }
    tu_write(d + start, len - start);
}

static void header(const char *name) {
    static int first = 1;
    printf("%s==> %s <==\n", first ? "" : "\n", strcmp(name, "-") ? name : "standard input");
    first = 0;
}

int tail_main(int argc, char **argv) {
    cu_init(argc, argv);
    uint64_t count = 10;
    int bytes = 0, from_start = 0, follow = 0, verbose = -1;
    double interval = 1.0;
    char legacy[64];
    if (argc > 1 && (argv[1][0] == '-' || argv[1][0] == '+') && argv[1][1] >= '0' && argv[1][1] <= '9' &&
        strlen(argv[1]) < 40) {
        const char *a = argv[1] + 1;
        size_t k = strspn(a, "0123456789");
        const char *suf = a + k;
        if (strspn(suf, "cflb") == strlen(suf)) {
            snprintf(legacy, sizeof legacy, "-%c%s%.*s", strchr(suf, 'c') ? 'c' : 'n', argv[1][0] == '+' ? "+" : "",
                     (int)k, a);
            if (strchr(suf, 'f')) follow = 1;
            argv[1] = legacy;
        }
    }
    static const struct option lopts[] = {{"lines", 1, 0, 'n'}, {"bytes", 1, 0, 'c'}, {"quiet", 0, 0, 'q'},
                                          {"silent", 0, 0, 'q'}, {"verbose", 0, 0, 'v'}, {"follow", 2, 0, 'f'},
                                          {"sleep-interval", 1, 0, 's'}, {"zero-terminated", 0, 0, 'z'},
                                          {0, 0, 0, 0}};
    int c;
    while ((c = getopt_long(argc, argv, "n:c:qvfFs:z", lopts, NULL)) != -1) {
        switch (c) {
        case 'n': case 'c': {
            bytes = c == 'c';
            const char *s = optarg;
            from_start = *s == '+';
            if (*s == '+' || *s == '-') s++;
            if (tu_parse_count(s, &count, 1) == 1)
                cu_error(1, 0, "invalid number of %s: %s", bytes ? "bytes" : "lines", cu_quote(optarg));
            break;
        }
        case 'q': verbose = 0; break;
        case 'v': verbose = 1; break;
        case 'f': case 'F': follow = 1; break;
        case 's': interval = atof(optarg); break;
        case 'z': delim = 0; break;
        default: cu_usage_error(1, NULL);
        }
    }
    static char *stdin_arg[] = {"-"};
    char **files = optind < argc ? argv + optind : stdin_arg;
    int nfiles = optind < argc ? argc - optind : 1;
    if (verbose < 0) verbose = nfiles > 1;
    int status = 0;
    int *fds = tu_xmalloc(sizeof(int) * nfiles);
    off_t *pos = tu_xmalloc(sizeof(off_t) * nfiles);
    tu_out_init();
    for (int i = 0; i < nfiles; i++) {
        const char *name = files[i];
        fds[i] = tu_open(name);
        if (fds[i] < 0) {
            cu_error(0, errno, "cannot open %s for reading", cu_quote(name));
            status = 1;
            continue;
        }
        if (verbose) header(name);
        char *d = NULL;
        size_t len = 0;
        if (tu_slurp(fds[i], &d, &len) < 0) {
            cu_error(0, errno, "error reading %s", cu_quote(name));
            status = 1;
            tu_close(fds[i]);
            fds[i] = -1;
            continue;
        }
        emit(d, len, count, bytes, from_start);
        free(d);
        struct stat st;
        pos[i] = lseek(fds[i], 0, SEEK_CUR);
        if (fstat(fds[i], &st) != 0 || !S_ISREG(st.st_mode)) {
            tu_close(fds[i]);
            fds[i] = -1;
        }
    }
    int live = 0;
    for (int i = 0; i < nfiles; i++) live += fds[i] >= 0;
    if (!follow || !live) return cu_finish(status);
    int last = nfiles - 1;
    char *buf = tu_xmalloc(TU_BUFSZ);
    for (;;) {
        fflush(stdout);
        if (ferror(stdout)) return cu_finish(1);
        int got = 0;
        for (int i = 0; i < nfiles; i++) {
            if (fds[i] < 0) continue;
            struct stat st;
            if (fstat(fds[i], &st) == 0 && st.st_size < pos[i]) {
                cu_error(0, 0, "%s: file truncated", files[i]);
                pos[i] = lseek(fds[i], 0, SEEK_SET);
            }
            ssize_t n;
            while ((n = read(fds[i], buf, TU_BUFSZ)) > 0) {
                if (verbose && last != i) header(files[i]);
                last = i;
                tu_write(buf, n);
                pos[i] += n;
                got = 1;
            }
        }
        if (!got) {
            struct timespec ts = {(time_t)interval, (long)((interval - (time_t)interval) * 1e9)};
            if (interval > 0.2 || interval <= 0) ts.tv_sec = 0, ts.tv_nsec = 200000000;
            nanosleep(&ts, NULL);
        }
    }
}

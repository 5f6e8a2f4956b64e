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

/* Reads what `tail` needs: for a regular file only the end (seeking back), otherwise the whole stream while
 * discarding data that can no longer be part of the last `count` lines or bytes. */
static int read_tail(int fd, char **out, size_t *outlen, uint64_t count, int bytes, int from_start) {
    struct stat st;
    if (!from_start && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > TU_BUFSZ) {
        off_t end = lseek(fd, 0, SEEK_END), start = end;
        if (end >= 0) {
            if (bytes) {
                start = (uint64_t)end > count ? end - (off_t)count : 0;
            } else {
                /* walk back in blocks until enough delimiters are seen */
                char *blk = tu_xmalloc(TU_BUFSZ);
                uint64_t seen = 0;
                int first = 1;
                while (start > 0) {
                    off_t b = start > TU_BUFSZ ? start - TU_BUFSZ : 0;
                    size_t n = start - b;
                    if (lseek(fd, b, SEEK_SET) < 0 || read(fd, blk, n) != (ssize_t)n) break;
                    size_t k = n;
                    if (first && k > 0 && blk[k - 1] == delim) k--; /* the final delimiter ends the last line */
                    first = 0;
                    int done = 0;
                    while (k > 0) {
                        if (blk[k - 1] == delim && ++seen > count) {
                            done = 1;
                            break;
                        }
                        k--;
                    }
                    if (done) {
                        start = b + k;
                        break;
                    }
                    start = b;
                }
                free(blk);
            }
            if (lseek(fd, start, SEEK_SET) >= 0) return tu_slurp(fd, out, outlen);
        }
    }
    if (from_start) return tu_slurp(fd, out, outlen);
    size_t cap = 4 * TU_BUFSZ, n = 0;
    char *b = tu_xmalloc(cap + 1);
    for (;;) {
        if (cap - n < TU_BUFSZ) b = tu_xrealloc(b, (cap *= 2) + 1);
        ssize_t k = read(fd, b + n, cap - n);
        if (k < 0 && errno == EINTR) continue;
        if (k < 0) {
            free(b);
            return -1;
        }
        if (k == 0) break;
        n += k;
        if (n > 16 * (size_t)TU_BUFSZ) {
            /* drop what is before the last `count` records */
            size_t keep;
            if (bytes) {
                keep = count < n ? n - count : 0;
            } else {
                keep = n;
                uint64_t seen = 0;
                size_t e = n;
                if (e > 0 && b[e - 1] == delim) e--;
                while (e > 0) {
                    if (b[e - 1] == delim && ++seen > count) break;
                    e--;
                }
                keep = e;
            }
            if (keep > 0) {
                memmove(b, b + keep, n - keep);
                n -= keep;
            }
        }
    }
    b[n] = 0;
    *out = b;
    *outlen = n;
    return 0;
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
    int legacy_used = 0;
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
            legacy_used = (int)k;
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
    if (legacy_used && nfiles > 1) {
        char *orig = legacy + 2 + (legacy[2] == '+');
        cu_error(1, 0, "option used in invalid context -- %c", orig[0]);
    }
    if (verbose < 0) verbose = nfiles > 1;
    if (count == 0 && !from_start && !follow) return 0;
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
        if (read_tail(fds[i], &d, &len, count, bytes, from_start) < 0) {
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

/* head — first part of files (-n, -c incl. negative counts, -q, -v, -z, legacy -NUM). */
#include "cu.h"
#include "textutil.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

SE_COMMAND("head", head_main)

static int delim = '\n';

/* First `count` lines (or bytes when bytes != 0) of fd; seeks back over unread input when possible. */
static int head_first(int fd, uint64_t count, int bytes) {
    tu_reader r;
    tu_rinit(&r, fd);
    char *p;
    ssize_t n = 0;
    while (count > 0 && (n = tu_read(&r, &p)) > 0) {
        size_t take = n;
        if (bytes) {
            if ((uint64_t)n > count) take = count;
            count -= take;
        } else {
            char *q = p, *end = p + n;
            while (count > 0 && (q = memchr(q, delim, end - q))) {
                q++;
                count--;
            }
            if (count == 0) take = q - p;
        }
        tu_write(p, take);
        if (take < (size_t)n) lseek(fd, -(off_t)(n - take), SEEK_CUR);
    }
    int err = n < 0 ? r.err : 0;
    tu_rfree(&r);
    errno = err;
    return n < 0 ? -1 : 0;
}

/* All but the last `count` lines/bytes. */
static int head_allbut(int fd, uint64_t count, int bytes) {
    char *d = NULL;
    size_t len = 0;
    if (tu_slurp(fd, &d, &len) < 0) return -1;
    size_t end = len;
    if (bytes) {
        end = count >= len ? 0 : len - count;
    } else {
        for (uint64_t k = 0; k < count && end > 0; k++) {
            size_t i = end - 1;
            while (i > 0 && d[i - 1] != delim) i--;
            end = i;
        }
    }
    tu_write(d, end);
    free(d);
    return 0;
}

int head_main(int argc, char **argv) {
    cu_init(argc, argv);
    uint64_t count = 10;
    int bytes = 0, neg = 0, verbose = -1;
    char legacy[64];
    if (argc > 1 && argv[1][0] == '-' && argv[1][1] >= '0' && argv[1][1] <= '9') {
        const char *a = argv[1] + 1;
        size_t k = strspn(a, "0123456789");
        const char *suf = a + k;
        if (strlen(a) < 40) {
            if (*suf == 'c') snprintf(legacy, sizeof legacy, "-c%.*s", (int)k, a);
            else snprintf(legacy, sizeof legacy, "-n%s", a);
            argv[1] = legacy;
        }
    }
    static const struct option lopts[] = {{"lines", 1, 0, 'n'}, {"bytes", 1, 0, 'c'}, {"quiet", 0, 0, 'q'},
                                          {"silent", 0, 0, 'q'}, {"verbose", 0, 0, 'v'},
                                          {"zero-terminated", 0, 0, 'z'}, {0, 0, 0, 0}};
    int c;
    while ((c = getopt_long(argc, argv, "n:c:qvz", lopts, NULL)) != -1) {
        switch (c) {
        case 'n': case 'c': {
            bytes = c == 'c';
            const char *s = optarg;
            neg = *s == '-';
            if (neg) s++;
            int rc = tu_parse_count(s, &count, 1);
            if (rc == 1)
                cu_error(1, 0, "invalid number of %s: %s", bytes ? "bytes" : "lines", cu_quote(optarg));
            break;
        }
        case 'q': verbose = 0; break;
        case 'v': verbose = 1; break;
        case 'z': delim = 0; break;
        default: cu_usage_error(1, NULL);
        }
    }
    static char *stdin_arg[] = {"-"};
    char **files = optind < argc ? argv + optind : stdin_arg;
    int nfiles = optind < argc ? argc - optind : 1;
    if (verbose < 0) verbose = nfiles > 1;
    int status = 0;
    tu_out_init();
    for (int i = 0; i < nfiles; i++) {
        const char *name = files[i];
        int fd = tu_open(name);
        if (fd < 0) {
            cu_error(0, errno, "cannot open %s for reading", cu_quote(name));
            status = 1;
            continue;
        }
        if (verbose) {
            static int first = 1;
            printf("%s==> %s <==\n", first ? "" : "\n", strcmp(name, "-") ? name : "standard input");
            first = 0;
        }
        int rc = neg ? head_allbut(fd, count, bytes) : head_first(fd, count, bytes);
        if (rc < 0) {
            cu_error(0, errno, "error reading %s", cu_quote(name));
            status = 1;
        }
        tu_close(fd);
    }
    return cu_finish(status);
}

/* split — split a file into pieces (-l N, -b SIZE, -n CHUNKS, -d, -x, -a LEN, --additional-suffix). */
#include "cu.h"
#include "textutil.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

SE_COMMAND("split", split_main)

static const char *prefix = "x", *add_suffix = "";
static int suffix_len = 2, numeric, hexsuf;
static long piece;
static int out_fd = -1;
static int verbose;

static void open_next(void) {
    if (out_fd >= 0) close(out_fd);
    char suf[64];
    long v = piece++;
    int base = numeric ? (hexsuf ? 16 : 10) : 26;
    long max = 1;
    for (int k = 0; k < suffix_len; k++) max *= base;
    if (v >= max) cu_error(1, 0, "output file suffixes exhausted");
    for (int k = suffix_len - 1; k >= 0; k--) {
        int dgt = v % base;
        v /= base;
        suf[k] = numeric ? "0123456789abcdef"[dgt] : 'a' + dgt;
    }
    suf[suffix_len] = 0;
    size_t n = strlen(prefix) + strlen(suf) + strlen(add_suffix) + 1;
    char *name = tu_xmalloc(n);
    snprintf(name, n, "%s%s%s", prefix, suf, add_suffix);
    out_fd = open(name, O_WRONLY | O_CREAT | O_TRUNC, 0666);
    if (out_fd < 0) cu_error(1, errno, "%s", name);
    if (verbose) printf("creating file %s\n", cu_quote(name));
    free(name);
}

static void put(const char *p, size_t n) {
    if (tu_write_fd(out_fd, p, n) < 0) cu_error(1, errno, "write error");
}

int split_main(int argc, char **argv) {
    cu_init(argc, argv);
    static const struct option lopts[] = {{"lines", 1, 0, 'l'}, {"bytes", 1, 0, 'b'}, {"number", 1, 0, 'n'},
                                          {"numeric-suffixes", 2, 0, 'd'}, {"hex-suffixes", 2, 0, 'x'},
                                          {"suffix-length", 1, 0, 'a'}, {"additional-suffix", 1, 0, 1},
                                          {"verbose", 0, 0, 2}, {"elide-empty-files", 0, 0, 'e'}, {0, 0, 0, 0}};
    int c, mode = 'l';
    uint64_t size = 1000;
    int explicit_len = 0;
    char legacy[32];
    if (argc > 1 && argv[1][0] == '-' && argv[1][1] >= '0' && argv[1][1] <= '9' && strlen(argv[1]) < 20) {
        snprintf(legacy, sizeof legacy, "-l%s", argv[1] + 1);
        argv[1] = legacy;
    }
    while ((c = getopt_long(argc, argv, "l:b:n:dxa:e", lopts, NULL)) != -1) {
        switch (c) {
        case 'l':
            mode = 'l';
            if (tu_parse_count(optarg, &size, 0) || size == 0) cu_error(1, 0, "invalid number of lines: %s", cu_quote(optarg));
            break;
        case 'b':
            mode = 'b';
            if (tu_parse_count(optarg, &size, 1) || size == 0) cu_error(1, 0, "invalid number of bytes: %s", cu_quote(optarg));
            break;
        case 'n':
            mode = 'n';
            if (tu_parse_count(optarg, &size, 0) || size == 0) cu_error(1, 0, "invalid number of chunks: %s", cu_quote(optarg));
            break;
        case 'd': numeric = 1; hexsuf = 0; break;
        case 'x': numeric = 1; hexsuf = 1; break;
        case 'a': suffix_len = atoi(optarg); explicit_len = 1; if (suffix_len <= 0) cu_error(1, 0, "invalid suffix length: %s", cu_quote(optarg)); break;
        case 1: add_suffix = optarg; break;
        case 2: verbose = 1; break;
        case 'e': break;
        default: cu_usage_error(1, NULL);
        }
    }
    const char *in = optind < argc ? argv[optind] : "-";
    if (optind + 1 < argc) prefix = argv[optind + 1];
    if (optind + 2 < argc) cu_usage_error(1, "extra operand %s", cu_quote(argv[optind + 2]));
    int fd = tu_open(in);
    if (fd < 0) cu_error(1, errno, "cannot open %s for reading", cu_quote(in));
    tu_out_init();
    if (mode == 'n') {
        char *d = NULL;
        size_t len = 0;
        if (tu_slurp(fd, &d, &len) < 0) cu_error(1, errno, "%s", in);
        if (!explicit_len) {
            int need = 1;
            long cap = numeric ? (hexsuf ? 16 : 10) : 26;
            while ((uint64_t)cap < size) cap *= numeric ? (hexsuf ? 16 : 10) : 26, need++;
            if (need > suffix_len) suffix_len = need;
        }
        for (uint64_t k = 0; k < size; k++) {
            size_t s = len / size * k, e = k + 1 == size ? len : len / size * (k + 1);
            open_next();
            put(d + s, e - s);
        }
        close(out_fd);
        return cu_finish(0);
    }
    tu_reader r;
    tu_rinit(&r, fd);
    char *p;
    ssize_t n;
    uint64_t left = 0;
    if (mode == 'b') {
        while ((n = tu_read(&r, &p)) > 0) {
            while (n > 0) {
                if (left == 0) open_next(), left = size;
                size_t k = (uint64_t)n < left ? (size_t)n : (size_t)left;
                put(p, k);
                p += k, n -= k, left -= k;
            }
        }
    } else {
        while ((n = tu_getdelim(&r, &p, '\n')) > 0) {
            if (left == 0) open_next(), left = size;
            put(p, n);
            left--;
        }
    }
    if (n < 0) cu_error(1, r.err, "%s", in);
    if (out_fd >= 0) close(out_fd);
    return cu_finish(0);
}

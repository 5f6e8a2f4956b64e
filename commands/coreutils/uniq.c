/* uniq — report or omit repeated adjacent lines (-c -d -D -u -i -f -s -w -z). */
#include "cu.h"
#include "textutil.h"
#include "se.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

SE_COMMAND("uniq", uniq_main)

static uint64_t skip_fields, skip_chars, check_chars = UINT64_MAX;
static int icase, delim = '\n';

static void key_of(const char *s, size_t n, const char **ks, size_t *kn) {
    const char *e = s + n;
    for (uint64_t f = 0; f < skip_fields; f++) {
        while (s < e && isblank((unsigned char)*s)) s++;
        while (s < e && !isblank((unsigned char)*s)) s++;
    }
    s = (uint64_t)(e - s) < skip_chars ? e : s + skip_chars;
    size_t k = e - s;
    if (k > check_chars) k = check_chars;
    *ks = s, *kn = k;
}

static int same(const char *a, size_t an, const char *b, size_t bn) {
    const char *x, *y;
    size_t xn, yn;
    key_of(a, an, &x, &xn);
    key_of(b, bn, &y, &yn);
    if (xn != yn) return 0;
    if (!icase) return memcmp(x, y, xn) == 0;
    for (size_t i = 0; i < xn; i++)
        if (tolower((unsigned char)x[i]) != tolower((unsigned char)y[i])) return 0;
    return 1;
}

static uint64_t num_arg(const char *s, const char *what) {
    uint64_t v;
    int rc = tu_parse_count(s, &v, 0);
    if (rc == 1) cu_error(1, 0, "%s: %s", s, what);
    return v;
}

int uniq_main(int argc, char **argv) {
    cu_init(argc, argv);
    static const struct option lopts[] = {
        {"count", 0, 0, 'c'}, {"repeated", 0, 0, 'd'}, {"unique", 0, 0, 'u'}, {"ignore-case", 0, 0, 'i'},
        {"skip-fields", 1, 0, 'f'}, {"skip-chars", 1, 0, 's'}, {"check-chars", 1, 0, 'w'},
        {"zero-terminated", 0, 0, 'z'}, {"all-repeated", 2, 0, 'D'}, {0, 0, 0, 0}};
    int c, count = 0, repeated = 0, uniq_only = 0, all_rep = 0;
    while ((c = getopt_long(argc, argv, "cduif:s:w:zD", lopts, NULL)) != -1) {
        switch (c) {
        case 'c': count = 1; break;
        case 'd': repeated = 1; break;
        case 'u': uniq_only = 1; break;
        case 'i': icase = 1; break;
        case 'f': skip_fields = num_arg(optarg, "invalid number of fields to skip"); break;
        case 's': skip_chars = num_arg(optarg, "invalid number of bytes to skip"); break;
        case 'w': check_chars = num_arg(optarg, "invalid number of bytes to compare"); break;
        case 'z': delim = 0; break;
        case 'D': all_rep = 1; break;
        default: cu_usage_error(1, NULL);
        }
    }
    if (argc - optind > 2) cu_usage_error(1, "extra operand %s", cu_quote(argv[optind + 2]));
    if (all_rep && count) cu_usage_error(1, "printing all duplicated lines and repeat counts is meaningless");
    const char *in = optind < argc ? argv[optind] : "-";
    int fd = tu_open(in);
    if (fd < 0) cu_error(1, errno, "%s", in);
    if (argc - optind == 2 && strcmp(argv[optind + 1], "-") != 0) {
        int o = open(argv[optind + 1], O_WRONLY | O_CREAT | O_TRUNC, 0666);
        if (o < 0) cu_error(1, errno, "%s", argv[optind + 1]);
        se_dup2(o, 1);
        close(o);
    }
    tu_out_init();
    tu_reader r;
    tu_rinit(&r, fd);
    char *prev = NULL, *line;
    size_t pn = 0, pcap = 0;
    uint64_t n = 0;
    ssize_t len;
    for (;;) {
        len = tu_getdelim(&r, &line, delim);
        size_t ln = len > 0 ? (size_t)len : 0;
        if (len > 0 && line[len - 1] == delim) ln--;
        int match = len > 0 && n > 0 && same(prev, pn, line, ln);
        if (all_rep && match) {
            if (n == 1) {
                tu_write(prev, pn);
                tu_putc(delim);
            }
            tu_write(line, ln);
            tu_putc(delim);
        }
        if (match) {
            n++;
            continue;
        }
        if (n > 0 && !all_rep) {
            if ((!repeated || n > 1) && (!uniq_only || n == 1)) {
                if (count) printf("%7llu ", (unsigned long long)n);
                tu_write(prev, pn);
                tu_putc(delim);
            }
        }
        if (len <= 0) break;
        if (ln + 1 > pcap) prev = tu_xrealloc(prev, pcap = ln * 2 + 64);
        memcpy(prev, line, ln);
        pn = ln;
        n = 1;
    }
    if (len < 0) cu_error(1, 0, "error reading %s", cu_quote(in));
    return cu_finish(0);
}

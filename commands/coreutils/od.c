/* od — dump files in octal and other formats (-A -t -N -j -w -v, -c -b -d -o -x -s -i -l). */
#include "cu.h"
#include "textutil.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

SE_COMMAND("od", od_main)

typedef struct { char kind; int size; int width; } fmt_t;
static fmt_t fmts[16];
static int nfmts;
static int zflag[16];
static int addr_width;

static void add_fmt(char kind, int size) {
    static const int ow[] = {0, 3, 6, 0, 11, 0, 0, 0, 22}, xw[] = {0, 2, 4, 0, 8, 0, 0, 0, 16};
    static const int uw[] = {0, 3, 5, 0, 10, 0, 0, 0, 20}, dw[] = {0, 4, 6, 0, 11, 0, 0, 0, 20};
    int w = 3;
    switch (kind) {
    case 'o': w = ow[size]; break;
    case 'x': w = xw[size]; break;
    case 'u': w = uw[size]; break;
    case 'd': w = dw[size]; break;
    case 'f': w = size == 4 ? 14 : 23; break;
    default: w = 3; size = 1; break;
    }
    if (nfmts < 16) fmts[nfmts++] = (fmt_t){kind, size, w};
}

static void parse_type(const char *s) {
    while (*s) {
        char k = *s++;
        if (!strchr("acdoufx", k)) cu_error(1, 0, "invalid character '%c' in type string %s", k, cu_quote(s - 1));
        int size = k == 'f' ? 8 : 4;
        if (k == 'a' || k == 'c') size = 1;
        else if (*s >= '0' && *s <= '9') {
            size = strtol(s, (char **)&s, 10);
            if (k == 'f' ? (size != 4 && size != 8) : (size != 1 && size != 2 && size != 4 && size != 8))
                cu_error(1, 0, "invalid type string %s;\nthis system doesn't provide a %d-byte integral type", cu_quote(s), size);
        } else if (*s && strchr("CSILFDL", *s)) {
            char u = *s++;
            size = u == 'C' ? 1 : u == 'S' ? 2 : u == 'I' ? 4 : u == 'F' ? 4 : 8;
        }
        add_fmt(k, size);
        if (*s == 'z') {
            zflag[nfmts - 1] = 1;
            s++;
        }
    }
}

static const char *names[] = {"nul", "soh", "stx", "etx", "eot", "enq", "ack", "bel", "bs", "ht", "nl", "vt",
                              "ff", "cr", "so", "si", "dle", "dc1", "dc2", "dc3", "dc4", "nak", "syn", "etb",
                              "can", "em", "sub", "esc", "fs", "gs", "rs", "us", "sp"};


static void print_line(const unsigned char *d, size_t n, size_t per_line, int maxw_total) {
    for (int f = 0; f < nfmts; f++) {
        fmt_t *t = &fmts[f];
        if (f > 0) printf("%*s", addr_width, "");
        int fields = per_line / t->size;
        int used = (n + t->size - 1) / t->size;
        int pad = maxw_total - fields * t->width;
        int pad_rem = pad;
        for (int i = fields, idx = 0; i > fields - used; i--, idx++) {
            int next_pad = pad * (i - 1) / fields;
            int w = t->width + pad_rem - next_pad;
            pad_rem = next_pad;
            size_t off = (size_t)idx * t->size;
            unsigned char b[8] = {0};
            memcpy(b, d + off, n - off < (size_t)t->size ? n - off : (size_t)t->size);
            unsigned long long v = 0;
            for (int k = t->size - 1; k >= 0; k--) v = v << 8 | b[k];
            char buf[64];
            switch (t->kind) {
            case 'o': snprintf(buf, sizeof buf, "%0*llo", t->width, v); break;
            case 'x': snprintf(buf, sizeof buf, "%0*llx", t->width, v); break;
            case 'u': snprintf(buf, sizeof buf, "%llu", v); break;
            case 'd': {
                long long sv = t->size == 8 ? (long long)v
                                            : (long long)(v ^ (1ULL << (8 * t->size - 1))) - (1LL << (8 * t->size - 1));
                snprintf(buf, sizeof buf, "%lld", sv);
                break;
            }
            case 'f': {
                if (t->size == 4) {
                    float x;
                    uint32_t u = v;
                    memcpy(&x, &u, 4);
                    snprintf(buf, sizeof buf, "%.8g", x);
                } else {
                    double x;
                    memcpy(&x, &v, 8);
                    snprintf(buf, sizeof buf, "%.17g", x);
                }
                break;
            }
            case 'c': {
                int c = b[0];
                const char *e = NULL;
                switch (c) {
                case 0: e = "\\0"; break;
                case '\a': e = "\\a"; break;
                case '\b': e = "\\b"; break;
                case '\f': e = "\\f"; break;
                case '\n': e = "\\n"; break;
                case '\r': e = "\\r"; break;
                case '\t': e = "\\t"; break;
                case '\v': e = "\\v"; break;
                }
                if (e) snprintf(buf, sizeof buf, "%s", e);
                else if (c >= 32 && c < 127) snprintf(buf, sizeof buf, "%c", c);
                else snprintf(buf, sizeof buf, "%03o", c);
                break;
            }
            default: {
                int c = b[0] & 127;
                if (c <= 32) snprintf(buf, sizeof buf, "%s", names[c]);
                else if (c == 127) snprintf(buf, sizeof buf, "del");
                else snprintf(buf, sizeof buf, "%c", c);
                break;
            }
            }
            printf("%*s", w, buf);
        }
        if (zflag[f]) {
            int blank = 0;
            for (int i = fields - used; i > 0; i--) {
                int next_pad = pad * (i - 1) / fields;
                blank += t->width + pad_rem - next_pad;
                pad_rem = next_pad;
            }
            printf("%*s  >", blank, "");
            for (size_t k = 0; k < n; k++) putchar(d[k] >= 32 && d[k] < 127 ? d[k] : '.');
            putchar('<');
        }
        putchar('\n');
    }
}

int od_main(int argc, char **argv) {
    cu_init(argc, argv);
    static const struct option lopts[] = {{"address-radix", 1, 0, 'A'}, {"format", 1, 0, 't'},
                                          {"read-bytes", 1, 0, 'N'}, {"skip-bytes", 1, 0, 'j'},
                                          {"width", 2, 0, 'w'}, {"output-duplicates", 0, 0, 'v'}, {0, 0, 0, 0}};
    int c, verbose = 0;
    char radix = 'o';
    uint64_t limit = UINT64_MAX, skip = 0;
    size_t width = 16;
    while ((c = getopt_long(argc, argv, "A:t:N:j:w::vcbdoxsilfa", lopts, NULL)) != -1) {
        switch (c) {
        case 'A':
            if (!strchr("doxn", optarg[0]) || optarg[1])
                cu_error(1, 0, "invalid output address radix '%c'; it must be one character from [doxn]", optarg[0]);
            radix = optarg[0];
            break;
        case 't': parse_type(optarg); break;
        case 'N':
            if (tu_parse_count(optarg, &limit, 1)) cu_error(1, 0, "invalid -N argument %s", cu_quote(optarg));
            break;
        case 'j':
            if (tu_parse_count(optarg, &skip, 1)) cu_error(1, 0, "invalid -j argument %s", cu_quote(optarg));
            break;
        case 'w': width = optarg ? strtoul(optarg, NULL, 10) : 32; if (!width) width = 16; break;
        case 'v': verbose = 1; break;
        case 'c': add_fmt('c', 1); break;
        case 'a': add_fmt('a', 1); break;
        case 'b': add_fmt('o', 1); break;
        case 'd': add_fmt('u', 2); break;
        case 'o': add_fmt('o', 2); break;
        case 'x': add_fmt('x', 2); break;
        case 's': add_fmt('d', 2); break;
        case 'i': add_fmt('d', 4); break;
        case 'l': add_fmt('d', 8); break;
        case 'f': add_fmt('f', 4); break;
        default: cu_usage_error(1, NULL);
        }
    }
    if (!nfmts) add_fmt('o', 2);
    int maxw = 0;
    for (int f = 0; f < nfmts; f++) {
        int w = (int)(width / fmts[f].size) * (fmts[f].width + 1);
        if (width % fmts[f].size) cu_error(1, 0, "invalid line width");
        if (w > maxw) maxw = w;
    }
    static char *stdin_arg[] = {"-"};
    char **files = optind < argc ? argv + optind : stdin_arg;
    int nfiles = optind < argc ? argc - optind : 1;
    int status = 0;
    tu_out_init();
    unsigned char *line = tu_xmalloc(width), *prev = tu_xmalloc(width);
    size_t have = 0, prev_n = 0;
    uint64_t addr = skip, consumed = 0;
    int dup_shown = 0;
    addr_width = radix == 'n' ? 0 : radix == 'x' ? 6 : 7;
    int opened = 0;
    const char *afmt = radix == 'o' ? "%07llo" : radix == 'd' ? "%07llu" : radix == 'x' ? "%06llx" : NULL;
    for (int i = 0; i < nfiles && consumed < limit; i++) {
        int fd = tu_open(files[i]);
        if (fd < 0) {
            cu_error(0, errno, "%s", files[i]);
            status = 1;
            continue;
        }
        opened = 1;
        tu_reader r;
        tu_rinit(&r, fd);
        char *d;
        ssize_t n = 0;
        while (consumed < limit && (n = tu_read(&r, &d)) > 0) {
            size_t k = 0;
            while (skip > 0 && k < (size_t)n) k++, skip--;
            for (; k < (size_t)n && consumed < limit; k++) {
                line[have++] = d[k];
                consumed++;
                if (have < width) continue;
                if (!verbose && prev_n == width && memcmp(line, prev, width) == 0) {
                    if (!dup_shown) puts("*");
                    dup_shown = 1;
                } else {
                    dup_shown = 0;
                    if (afmt) printf(afmt, (unsigned long long)addr);
                    print_line(line, width, width, maxw);
                }
                memcpy(prev, line, width);
                prev_n = width;
                addr += width;
                have = 0;
            }
        }
        if (n < 0) {
            cu_error(0, r.err, "%s", files[i]);
            status = 1;
        }
        tu_rfree(&r);
        tu_close(fd);
    }
    if (!opened) return cu_finish(status);
    if (skip > 0) cu_error(1, 0, "cannot skip past end of combined input");
    if (have) {
        if (afmt) printf(afmt, (unsigned long long)addr);
        /* pad the widths as if the line were full */
        print_line(line, have, width, maxw);
        addr += have;
    }
    if (afmt) {
        printf(afmt, (unsigned long long)addr);
        putchar('\n');
    }
    return cu_finish(status);
}

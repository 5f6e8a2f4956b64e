/* tr — translate, squeeze and delete bytes (-c -d -s -t; ranges, [:class:], [=c=], [c*n], escapes). */
#include "cu.h"
#include "textutil.h"

#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

SE_COMMAND("tr", tr_main)

typedef struct {
    int *c;
    size_t n, cap;
    long fill_at; /* index of a [c*] fill in SET2, or -1 */
    int has_class; /* contains a class other than upper/lower */
    long case_at[8]; /* start indexes of [:upper:]/[:lower:] constructs */
    int ncase;
} set_t;

static void push(set_t *s, int c) {
    if (s->n == s->cap) s->c = tu_xrealloc(s->c, (s->cap = s->cap * 2 + 64) * sizeof(int));
    s->c[s->n++] = c;
}

/* Reads one possibly escaped character at *p. */
static int one_char(const char **p) {
    const char *s = *p;
    if (*s == '\\' && !s[1]) cu_error(0, 0, "warning: an unescaped backslash at end of string is not portable");
    if (*s == '\\' && s[1]) {
        s++;
        int v;
        if (*s >= '0' && *s <= '7') {
            v = 0;
            for (int k = 0; k < 3 && *s >= '0' && *s <= '7'; k++) v = v * 8 + (*s++ - '0');
            *p = s;
            return v & 0xff;
        }
        switch (*s) {
        case 'a': v = '\a'; break;
        case 'b': v = '\b'; break;
        case 'f': v = '\f'; break;
        case 'n': v = '\n'; break;
        case 'r': v = '\r'; break;
        case 't': v = '\t'; break;
        case 'v': v = '\v'; break;
        default: v = (unsigned char)*s; break;
        }
        *p = s + 1;
        return v;
    }
    *p = s + 1;
    return (unsigned char)*s;
}

static int class_match(const char *name, int c) {
    if (!strcmp(name, "alnum")) return isalnum(c);
    if (!strcmp(name, "alpha")) return isalpha(c);
    if (!strcmp(name, "blank")) return c == ' ' || c == '\t';
    if (!strcmp(name, "cntrl")) return iscntrl(c);
    if (!strcmp(name, "digit")) return isdigit(c);
    if (!strcmp(name, "graph")) return isgraph(c);
    if (!strcmp(name, "lower")) return islower(c);
    if (!strcmp(name, "print")) return isprint(c);
    if (!strcmp(name, "punct")) return ispunct(c);
    if (!strcmp(name, "space")) return isspace(c);
    if (!strcmp(name, "upper")) return isupper(c);
    if (!strcmp(name, "xdigit")) return isxdigit(c);
    return -1;
}

static void parse_set(const char *p, set_t *s, int is2) {
    s->fill_at = -1;
    while (*p) {
        if (p[0] == '[' && p[1] == ':') {
            const char *e = strstr(p + 2, ":]");
            if (e) {
                char name[16];
                size_t k = e - (p + 2);
                if (k < sizeof name) {
                    memcpy(name, p + 2, k);
                    name[k] = 0;
                    if (class_match(name, 'a') < 0) cu_error(1, 0, "invalid character class %s", cu_quote(name));
                    if (strcmp(name, "upper") && strcmp(name, "lower")) s->has_class = 1;
                    else if (s->ncase < 8) s->case_at[s->ncase++] = s->n;
                    for (int c = 0; c < 256; c++)
                        if (class_match(name, c)) push(s, c);
                    p = e + 2;
                    continue;
                }
            }
        }
        if (p[0] == '[' && p[1] == '=' && p[2] && p[3] == '=' && p[4] == ']') {
            push(s, (unsigned char)p[2]);
            p += 5;
            continue;
        }
        if (is2 && p[0] == '[' && p[1]) {
            const char *q = p + 1;
            int c = one_char(&q);
            if (q[0] == '*') {
                const char *e = strchr(q, ']');
                if (e) {
                    const char *num = q + 1;
                    char *end;
                    long n = strtol(num, &end, *num == '0' ? 8 : 10);
                    if (end == e) {
                        if (num == e || n == 0) {
                            s->fill_at = s->n;
                            push(s, c);
                        } else {
                            for (long k = 0; k < n; k++) push(s, c);
                        }
                        p = e + 1;
                        continue;
                    }
                }
            }
        }
        int c = one_char(&p);
        if (p[0] == '-' && p[1]) {
            const char *q = p + 1;
            int hi = one_char(&q);
            if (hi < c)
                cu_error(1, 0, "range-endpoints of '%c-%c' are in reverse collating sequence order", c, hi);
            for (int k = c; k <= hi; k++) push(s, k);
            p = q;
            continue;
        }
        push(s, c);
    }
}

int tr_main(int argc, char **argv) {
    cu_init(argc, argv);
    static const struct option lopts[] = {{"complement", 0, 0, 'c'}, {"delete", 0, 0, 'd'},
                                          {"squeeze-repeats", 0, 0, 's'}, {"truncate-set1", 0, 0, 't'},
                                          {0, 0, 0, 0}};
    int c, comp = 0, del = 0, squeeze = 0, trunc = 0;
    while ((c = getopt_long(argc, argv, "+cCdst", lopts, NULL)) != -1) {
        switch (c) {
        case 'c': case 'C': comp = 1; break;
        case 'd': del = 1; break;
        case 's': squeeze = 1; break;
        case 't': trunc = 1; break;
        default: cu_usage_error(1, NULL);
        }
    }
    int nargs = argc - optind;
    int need = (del && squeeze) || (!del && !squeeze) ? 2 : 1;
    if (nargs < 1) cu_usage_error(1, "missing operand");
    if (nargs < need) {
        if (del && squeeze)
            cu_usage_error(1, "missing operand after %s\nTwo strings must be given when both deleting and squeezing repeats.", cu_quote(argv[optind]));
        cu_usage_error(1, "missing operand after %s\nTwo strings must be given when translating.", cu_quote(argv[optind]));
    }
    if (nargs > need && !(squeeze && !del && nargs == 2)) {
        cu_usage_error(1, "extra operand %s%s", cu_quote(argv[optind + need]),
                       del && !squeeze ? "\nOnly one string may be given when deleting without squeezing repeats." : "");
    }
    set_t s1 = {0}, s2 = {0};
    parse_set(argv[optind], &s1, 0);
    int translate = !del && nargs == 2;
    if (nargs == 2) parse_set(argv[optind + 1], &s2, 1);
    unsigned char in1[256] = {0}, in2[256] = {0};
    for (size_t k = 0; k < s1.n; k++) in1[s1.c[k]] = 1;
    if (comp) {
        s1.n = 0;
        for (int k = 0; k < 256; k++)
            if (!in1[k]) push(&s1, k);
        memset(in1, 0, sizeof in1);
        for (size_t k = 0; k < s1.n; k++) in1[s1.c[k]] = 1;
    }
    int map[256];
    for (int k = 0; k < 256; k++) map[k] = k;
    if (translate) {
        if (s2.has_class)
            cu_error(1, 0, "when translating, the only character classes that may appear in\nstring2 are 'upper' and 'lower'");
        for (int k = 0; k < s2.ncase; k++) {
            int ok = 0;
            for (int j = 0; j < s1.ncase; j++) ok |= s1.case_at[j] == s2.case_at[k];
            if (!ok || comp) cu_error(1, 0, "misaligned [:upper:] and/or [:lower:] construct");
        }
        if (s2.fill_at >= 0) {
            long extra = (long)s1.n - (long)s2.n;
            set_t t = {0};
            for (size_t k = 0; k < s2.n; k++) {
                push(&t, s2.c[k]);
                if ((long)k == s2.fill_at)
                    for (long j = 0; j < extra; j++) push(&t, s2.c[k]);
            }
            s2 = t;
        }
        if (s2.n == 0 && s1.n > 0) cu_error(1, 0, "when not truncating set1, string2 must be non-empty");
        if (trunc && s1.n > s2.n) s1.n = s2.n;
        for (size_t k = 0; k < s1.n; k++) map[s1.c[k]] = s2.c[k < s2.n ? k : s2.n - 1];
    }
    set_t *sq = nargs == 2 ? &s2 : &s1;
    for (size_t k = 0; k < sq->n; k++) in2[sq->c[k]] = 1;
    unsigned char *buf = tu_xmalloc(TU_BUFSZ), *out = tu_xmalloc(TU_BUFSZ);
    int last = -1;
    for (;;) {
        ssize_t n = read(0, buf, TU_BUFSZ);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) cu_error(1, errno, "read error");
        if (n == 0) break;
        size_t o = 0;
        for (ssize_t k = 0; k < n; k++) {
            int ch = buf[k];
            if (del && in1[ch]) continue;
            ch = map[ch];
            if (squeeze && in2[ch] && ch == last) continue;
            last = ch;
            out[o++] = ch;
        }
        if (tu_write_fd(1, out, o) < 0) cu_error(1, errno, "write error");
    }
    return 0;
}

/* sort — in-memory stable merge sort of lines with GNU keys and orderings (-n -g -h -V -f -d -i -b -r). */
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

SE_COMMAND("sort", sort_main)

typedef struct { const char *s; size_t n; } line_t;

typedef struct {
    size_t sf, sc, ef, ec; /* start field/char (1-based), end field/char (ec 0 = end of field); ef 0 = eol */
    int num, gen, hum, ver, fold, dict, nonprint, rev, bstart, bend, month;
} skey_t;

static skey_t *keys;
static int nkeys;
static skey_t gkey; /* global options */
static int tab = -1, stable, unique;
static int delim = '\n';

static int blank(int c) { return c == ' ' || c == '\t'; }

/* Locates the start of field f (1-based) in line. */
static const char *field_start(const char *s, const char *e, size_t f) {
    while (--f > 0 && s < e) {
        if (tab >= 0) {
            const char *t = memchr(s, tab, e - s);
            s = t ? t + 1 : e;
        } else {
            while (s < e && blank((unsigned char)*s)) s++;
            while (s < e && !blank((unsigned char)*s)) s++;
        }
    }
    return s;
}

static const char *field_end(const char *s, const char *e) {
    if (tab >= 0) {
        const char *t = memchr(s, tab, e - s);
        return t ? t : e;
    }
    while (s < e && blank((unsigned char)*s)) s++;
    while (s < e && !blank((unsigned char)*s)) s++;
    return s;
}

static void key_bounds(const skey_t *k, const line_t *l, const char **ks, const char **ke) {
    const char *s = l->s, *e = l->s + l->n;
    const char *a = field_start(s, e, k->sf);
    if (k->bstart)
        while (a < e && blank((unsigned char)*a)) a++;
    a = (size_t)(e - a) < k->sc - 1 ? e : a + k->sc - 1;
    const char *b = e;
    if (k->ef) {
        const char *f = field_start(s, e, k->ef);
        if (k->ec == 0) {
            b = field_end(f, e);
        } else {
            if (k->bend)
                while (f < e && blank((unsigned char)*f)) f++;
            b = (size_t)(e - f) < k->ec ? e : f + k->ec;
        }
    }
    if (b < a) b = a;
    *ks = a;
    *ke = b;
}

/* Numeric prefix compare of -n: sign, digits, fraction. */
static int numcmp(const char *a, const char *ae, const char *b, const char *be) {
    while (a < ae && blank((unsigned char)*a)) a++;
    while (b < be && blank((unsigned char)*b)) b++;
    int na = a < ae && *a == '-', nb = b < be && *b == '-';
    if (na) a++;
    if (nb) b++;
    const char *ai = a, *bi = b;
    while (ai < ae && isdigit((unsigned char)*ai)) ai++;
    while (bi < be && isdigit((unsigned char)*bi)) bi++;
    const char *af = ai, *bf = bi, *afe = ai, *bfe = bi;
    if (af < ae && *af == '.') for (afe = ++af; afe < ae && isdigit((unsigned char)*afe); afe++);
    if (bf < be && *bf == '.') for (bfe = ++bf; bfe < be && isdigit((unsigned char)*bfe); bfe++);
    while (a < ai && *a == '0') a++;
    while (b < bi && *b == '0') b++;
    int za = a == ai, zb = b == bi;
    for (const char *p = af; p < afe; p++) if (*p != '0') za = 0;
    for (const char *p = bf; p < bfe; p++) if (*p != '0') zb = 0;
    if (za) na = 0;
    if (zb) nb = 0;
    if (na != nb) return na ? -1 : 1;
    int sign = na ? -1 : 1, r;
    if (ai - a != bi - b) return (ai - a < bi - b ? -1 : 1) * sign;
    if ((r = memcmp(a, b, ai - a))) return (r < 0 ? -1 : 1) * sign;
    while (af < afe || bf < bfe) {
        int ca = af < afe ? *af++ : '0', cb = bf < bfe ? *bf++ : '0';
        if (ca != cb) return (ca < cb ? -1 : 1) * sign;
    }
    return 0;
}

static int suffix_rank(const char *a, const char *ae) {
    while (a < ae && blank((unsigned char)*a)) a++;
    if (a < ae && *a == '-') a++;
    while (a < ae && (isdigit((unsigned char)*a) || *a == '.')) a++;
    if (a >= ae) return 0;
    const char *u = strchr("KMGTPEZYRQ", *a == 'k' ? 'K' : *a);
    return u && *a ? (int)(u - "KMGTPEZYRQ") + 1 : 0;
}

static int humcmp(const char *a, const char *ae, const char *b, const char *be) {
    const char *p = a, *q = b;
    while (p < ae && blank((unsigned char)*p)) p++;
    while (q < be && blank((unsigned char)*q)) q++;
    int na = p < ae && *p == '-', nb = q < be && *q == '-';
    /* "-0" is not negative */
    if (na) {
        const char *t = p + 1;
        while (t < ae && (*t == '0' || *t == '.')) t++;
        if (t >= ae || !isdigit((unsigned char)*t)) na = 0;
    }
    if (nb) {
        const char *t = q + 1;
        while (t < be && (*t == '0' || *t == '.')) t++;
        if (t >= be || !isdigit((unsigned char)*t)) nb = 0;
    }
    int ra = suffix_rank(a, ae), rb = suffix_rank(b, be);
    if (na != nb) return na ? -1 : 1;
    if (ra != rb) return (ra < rb ? -1 : 1) * (na ? -1 : 1);
    return numcmp(a, ae, b, be);
}

static int gencmp(const char *a, const char *ae, const char *b, const char *be) {
    char *x = tu_xmemdup(a, ae - a), *y = tu_xmemdup(b, be - b), *ex, *ey;
    double u = strtod(x, &ex), v = strtod(y, &ey);
    int okx = ex != x, oky = ey != y, r;
    if (!okx || !oky) r = okx - oky;
    else if (u != u || v != v) r = (u == u) - (v == v);
    else r = u < v ? -1 : u > v;
    free(x), free(y);
    return r;
}

static int vorder(int c) {
    if (isdigit(c)) return 0;
    if (isalpha(c)) return c;
    if (c == '~') return -1;
    if (c == 0) return 0;
    return c + 256;
}

/* Debian-style version comparison of two strings. */
static int vercmp_part(const char *a, const char *ae, const char *b, const char *be) {
    while (a < ae || b < be) {
        int first_diff = 0;
        while ((a < ae && !isdigit((unsigned char)*a)) || (b < be && !isdigit((unsigned char)*b))) {
            int ac = a < ae ? vorder((unsigned char)*a) : 0, bc = b < be ? vorder((unsigned char)*b) : 0;
            if (a >= ae || isdigit((unsigned char)*a)) ac = 0;
            if (b >= be || isdigit((unsigned char)*b)) bc = 0;
            if (ac != bc) return ac - bc;
            a++, b++;
        }
        while (a < ae && *a == '0') a++;
        while (b < be && *b == '0') b++;
        while (a < ae && isdigit((unsigned char)*a) && b < be && isdigit((unsigned char)*b)) {
            if (!first_diff) first_diff = *a - *b;
            a++, b++;
        }
        if (a < ae && isdigit((unsigned char)*a)) return 1;
        if (b < be && isdigit((unsigned char)*b)) return -1;
        if (first_diff) return first_diff;
    }
    return 0;
}

/* GNU filevercmp: compares with file suffixes (.tar.gz etc.) stripped first. */
static const char *suffix_start(const char *s, const char *e) {
    const char *best = e;
    const char *p = e;
    while (p > s) {
        const char *q = p;
        while (q > s && (isalpha((unsigned char)q[-1]) || q[-1] == '~') ) q--;
        if (q > s && q[-1] == '.' && q < p && !isdigit((unsigned char)*q)) {
            best = q - 1;
            p = q - 1;
            if (best == s) break;
            continue;
        }
        break;
    }
    return best;
}

static int vercmp(const char *a, const char *ae, const char *b, const char *be) {
    size_t la = ae - a, lb = be - b;
    if (la == lb && memcmp(a, b, la) == 0) return 0;
    if (!la) return -1;
    if (!lb) return 1;
    if (*a == '.' && *b != '.') return -1;
    if (*a != '.' && *b == '.') return 1;
    const char *sa = suffix_start(a, ae), *sb = suffix_start(b, be);
    int r = vercmp_part(a, sa, b, sb);
    if (r == 0) r = vercmp_part(a, ae, b, be);
    if (r == 0) r = la < lb ? -1 : la > lb ? 1 : memcmp(a, b, la);
    return r;
}

static int textcmp(const skey_t *k, const char *a, const char *ae, const char *b, const char *be) {
    if (!k->fold && !k->dict && !k->nonprint) {
        size_t la = ae - a, lb = be - b;
        int r = memcmp(a, b, la < lb ? la : lb);
        return r ? r : la < lb ? -1 : la > lb;
    }
    for (;;) {
        if (k->dict || k->nonprint) {
            while (a < ae && ((k->dict && !isalnum((unsigned char)*a) && !blank((unsigned char)*a)) ||
                              (k->nonprint && !isprint((unsigned char)*a))))
                a++;
            while (b < be && ((k->dict && !isalnum((unsigned char)*b) && !blank((unsigned char)*b)) ||
                              (k->nonprint && !isprint((unsigned char)*b))))
                b++;
        }
        if (a >= ae || b >= be) return (a < ae) - (b < be);
        int ca = (unsigned char)*a++, cb = (unsigned char)*b++;
        if (k->fold) ca = toupper(ca), cb = toupper(cb);
        if (ca != cb) return ca - cb;
    }
}

static int month_of(const char *a, const char *ae) {
    static const char *m[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    while (a < ae && blank((unsigned char)*a)) a++;
    if (ae - a < 3) return 0;
    for (int i = 0; i < 12; i++)
        if (toupper((unsigned char)a[0]) == m[i][0] && toupper((unsigned char)a[1]) == m[i][1] &&
            toupper((unsigned char)a[2]) == m[i][2])
            return i + 1;
    return 0;
}

static int keycmp(const skey_t *k, const char *a, const char *ae, const char *b, const char *be) {
    int r;
    if (k->num) r = numcmp(a, ae, b, be);
    else if (k->hum) r = humcmp(a, ae, b, be);
    else if (k->gen) r = gencmp(a, ae, b, be);
    else if (k->ver) r = vercmp(a, ae, b, be);
    else if (k->month) r = month_of(a, ae) - month_of(b, be);
    else r = textcmp(k, a, ae, b, be);
    return k->rev ? -r : r;
}

static int compare(const line_t *x, const line_t *y) {
    if (nkeys == 0) {
        const char *a = x->s, *b = y->s;
        if (gkey.bstart) {
            while (a < x->s + x->n && blank((unsigned char)*a)) a++;
            while (b < y->s + y->n && blank((unsigned char)*b)) b++;
        }
        int r = keycmp(&gkey, a, x->s + x->n, b, y->s + y->n);
        if (r || stable || unique) return r;
    } else {
        for (int i = 0; i < nkeys; i++) {
            const char *a, *ae, *b, *be;
            key_bounds(&keys[i], x, &a, &ae);
            key_bounds(&keys[i], y, &b, &be);
            int r = keycmp(&keys[i], a, ae, b, be);
            if (r) return r;
        }
        if (stable || unique) return 0;
    }
    size_t l = x->n < y->n ? x->n : y->n;
    int r = memcmp(x->s, y->s, l);
    if (!r) r = x->n < y->n ? -1 : x->n > y->n;
    return gkey.rev ? -r : r;
}

static void msort(line_t *a, line_t *tmp, size_t n) {
    if (n < 2) return;
    if (n <= 8) {
        for (size_t i = 1; i < n; i++) {
            line_t v = a[i];
            size_t j = i;
            while (j > 0 && compare(&a[j - 1], &v) > 0) a[j] = a[j - 1], j--;
            a[j] = v;
        }
        return;
    }
    size_t h = n / 2;
    msort(a, tmp, h);
    msort(a + h, tmp, n - h);
    if (compare(&a[h - 1], &a[h]) <= 0) return;
    memcpy(tmp, a, h * sizeof *a);
    size_t i = 0, j = h, o = 0;
    while (i < h && j < n) a[o++] = compare(&a[j], &tmp[i]) < 0 ? a[j++] : tmp[i++];
    while (i < h) a[o++] = tmp[i++];
}

/* Parses key option letters; returns pointer past them. */
static const char *key_opts(const char *p, skey_t *k, int end) {
    for (; *p && isalpha((unsigned char)*p); p++) {
        switch (*p) {
        case 'b': if (end) k->bend = 1; else k->bstart = 1; break;
        case 'd': k->dict = 1; break;
        case 'f': k->fold = 1; break;
        case 'g': k->gen = 1; break;
        case 'h': k->hum = 1; break;
        case 'i': k->nonprint = 1; break;
        case 'M': k->month = 1; break;
        case 'n': k->num = 1; break;
        case 'r': k->rev = 1; break;
        case 'V': k->ver = 1; break;
        default: return p;
        }
    }
    return p;
}

static void bad_key(const char *spec, const char *why) {
    cu_error(2, 0, "%s: invalid field specification %s", why, cu_quote(spec));
}

static void parse_key(const char *spec) {
    skey_t k = {0};
    char *e;
    k.sf = strtoul(spec, &e, 10);
    if (e == spec) bad_key(spec, "invalid number at field start");
    if (k.sf == 0) bad_key(spec, "field number is zero");
    k.sc = 1;
    if (*e == '.') {
        const char *p = e + 1;
        k.sc = strtoul(p, &e, 10);
        if (e == p || k.sc == 0) bad_key(spec, "character offset is zero");
    }
    const char *p = key_opts(e, &k, 0);
    if (*p == ',') {
        p++;
        k.ef = strtoul(p, &e, 10);
        if (e == p) bad_key(spec, "invalid number after ','");
        if (k.ef == 0) bad_key(spec, "field number is zero");
        if (*e == '.') {
            p = e + 1;
            k.ec = strtoul(p, &e, 10);
        }
        p = key_opts(e, &k, 1);
    }
    if (*p) cu_error(2, 0, "stray character in field spec: invalid field specification %s", cu_quote(spec));
    int any = k.bstart || k.bend || k.dict || k.fold || k.gen || k.hum || k.nonprint || k.num || k.rev || k.ver || k.month;
    if (!any) {
        int bs = gkey.bstart, be = gkey.bend;
        size_t sf = k.sf, sc = k.sc, ef = k.ef, ec = k.ec;
        k = gkey;
        k.sf = sf, k.sc = sc, k.ef = ef, k.ec = ec, k.bstart = bs, k.bend = be;
    }
    keys = tu_xrealloc(keys, (nkeys + 1) * sizeof *keys);
    keys[nkeys++] = k;
}

int sort_main(int argc, char **argv) {
    cu_init(argc, argv);
    static const struct option lopts[] = {
        {"numeric-sort", 0, 0, 'n'}, {"reverse", 0, 0, 'r'}, {"unique", 0, 0, 'u'}, {"key", 1, 0, 'k'},
        {"field-separator", 1, 0, 't'}, {"stable", 0, 0, 's'}, {"ignore-case", 0, 0, 'f'},
        {"ignore-leading-blanks", 0, 0, 'b'}, {"human-numeric-sort", 0, 0, 'h'}, {"version-sort", 0, 0, 'V'},
        {"output", 1, 0, 'o'}, {"check", 2, 0, 'c'}, {"merge", 0, 0, 'm'}, {"general-numeric-sort", 0, 0, 'g'},
        {"dictionary-order", 0, 0, 'd'}, {"ignore-nonprinting", 0, 0, 'i'}, {"zero-terminated", 0, 0, 'z'},
        {"buffer-size", 1, 0, 'S'}, {"parallel", 1, 0, 1}, {"temporary-directory", 1, 0, 'T'}, {0, 0, 0, 0}};
    int c, check = 0;
    const char *outfile = NULL;
    char **keyspecs = tu_xmalloc(sizeof(char *) * (argc + 1));
    int nspecs = 0;
    while ((c = getopt_long(argc, argv, "nruk:t:sfbhVo:cCmgdizS:T:M", lopts, NULL)) != -1) {
        switch (c) {
        case 'n': gkey.num = 1; break;
        case 'r': gkey.rev = 1; break;
        case 'u': unique = 1; break;
        case 'k': keyspecs[nspecs++] = optarg; break;
        case 't':
            if (optarg[0] && optarg[1]) {
                if (strcmp(optarg, "\\0") == 0) { tab = 0; break; }
                cu_error(2, 0, "multi-character tab %s", cu_quote(optarg));
            }
            if (!optarg[0]) cu_error(2, 0, "empty tab");
            tab = (unsigned char)optarg[0];
            break;
        case 's': stable = 1; break;
        case 'f': gkey.fold = 1; break;
        case 'b': gkey.bstart = gkey.bend = 1; break;
        case 'h': gkey.hum = 1; break;
        case 'V': gkey.ver = 1; break;
        case 'o': outfile = optarg; break;
        case 'c': check = optarg && strcmp(optarg, "quiet") == 0 ? 2 : 1; break;
        case 'C': check = 2; break;
        case 'm': break;
        case 'g': gkey.gen = 1; break;
        case 'd': gkey.dict = 1; break;
        case 'i': gkey.nonprint = 1; break;
        case 'M': gkey.month = 1; break;
        case 'z': delim = 0; break;
        case 'S': case 'T': case 1: break;
        default: cu_usage_error(2, NULL);
        }
    }
    for (int i = 0; i < nspecs; i++) parse_key(keyspecs[i]);
    static char *stdin_arg[] = {"-"};
    char **files = optind < argc ? argv + optind : stdin_arg;
    int nfiles = optind < argc ? argc - optind : 1;
    if (check && nfiles > 1) cu_usage_error(2, "extra operand %s not allowed with -c", cu_quote(files[1]));
    line_t *lines = NULL;
    size_t n = 0, cap = 0;
    for (int i = 0; i < nfiles; i++) {
        int fd = tu_open(files[i]);
        char *d = NULL;
        size_t len = 0;
        if (fd < 0) cu_error(2, errno, "cannot read: %s", files[i]);
        if (tu_slurp(fd, &d, &len) < 0) cu_error(2, errno, "read failed: %s", files[i]);
        tu_close(fd);
        for (size_t p = 0; p < len;) {
            char *q = memchr(d + p, delim, len - p);
            size_t e = q ? (size_t)(q - d) : len;
            if (n == cap) lines = tu_xrealloc(lines, (cap = cap * 2 + 1024) * sizeof *lines);
            lines[n].s = d + p;
            lines[n++].n = e - p;
            p = e + 1;
        }
    }
    if (check) {
        for (size_t i = 1; i < n; i++) {
            int r = compare(&lines[i - 1], &lines[i]);
            if (r > 0 || (unique && r == 0)) {
                if (check == 1) {
                    fprintf(stderr, "%s: %s:%zu: disorder: ", cu_prog, files[0], i + 1);
                    fwrite(lines[i].s, 1, lines[i].n, stderr);
                    fputc('\n', stderr);
                }
                return 1;
            }
        }
        return 0;
    }
    line_t *tmp = tu_xmalloc((n / 2 + 1) * sizeof *tmp);
    msort(lines, tmp, n);
    if (outfile) {
        int fd = open(outfile, O_WRONLY | O_CREAT | O_TRUNC, 0666);
        if (fd < 0) cu_error(2, errno, "open failed: %s", outfile);
        if (fd != 1) {
            fflush(stdout);
            se_dup2(fd, 1);
            close(fd);
        }
    }
    tu_out_init();
    for (size_t i = 0; i < n; i++) {
        if (unique && i > 0 && compare(&lines[i - 1], &lines[i]) == 0) continue;
        tu_write(lines[i].s, lines[i].n);
        tu_putc(delim);
    }
    return cu_finish(0) ? 2 : 0;
}

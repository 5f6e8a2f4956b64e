/* diff — compare files line by line (Myers O(ND) diff; normal, -u/-U, -c/-C, -q, -r, -N, -i, -b, -w, -B). */
#include "cu.h"
#include "textutil.h"

#include <ctype.h>
#include <limits.h>
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

SE_COMMAND("diff", diff_main)

typedef struct { const char *s; size_t n; uint32_t h; } line_t;
typedef struct {
    char *data;
    size_t size;
    line_t *l;
    long n;
    int noeol; /* last line lacks a newline */
    const char *name, *label;
    struct stat st;
    int is_stdin;
} file_t;

static int o_brief, o_unified = -1, o_context = -1, o_recursive, o_newfile, o_icase, o_space, o_allspace, o_text;
static int o_report_same;
static const char *labels[2];
static int nlabels;
static char *cmdline_opts;

static int norm_char(int c) { return o_icase ? tolower(c) : c; }

static uint32_t line_hash(const char *s, size_t n) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        int c = (unsigned char)s[i];
        if (o_allspace && isspace(c)) continue;
        if (o_space && isspace(c)) {
            while (i + 1 < n && isspace((unsigned char)s[i + 1])) i++;
            if (i + 1 == n) break; /* trailing space ignored */
            c = ' ';
        }
        h = (h ^ norm_char(c)) * 16777619u;
    }
    return h;
}

static int line_eq(const line_t *a, const line_t *b) {
    if (a->h != b->h) return 0;
    if (!o_icase && !o_space && !o_allspace) return a->n == b->n && memcmp(a->s, b->s, a->n) == 0;
    size_t i = 0, j = 0;
    for (;;) {
        if (o_allspace) {
            while (i < a->n && isspace((unsigned char)a->s[i])) i++;
            while (j < b->n && isspace((unsigned char)b->s[j])) j++;
        } else if (o_space) {
            int sa = i < a->n && isspace((unsigned char)a->s[i]), sb = j < b->n && isspace((unsigned char)b->s[j]);
            while (i < a->n && isspace((unsigned char)a->s[i])) i++;
            while (j < b->n && isspace((unsigned char)b->s[j])) j++;
            if (sa != sb && i < a->n && j < b->n) return 0;
        }
        if (i >= a->n || j >= b->n) return i >= a->n && j >= b->n;
        if (norm_char((unsigned char)a->s[i]) != norm_char((unsigned char)b->s[j])) return 0;
        i++, j++;
    }
}

static int load(file_t *f) {
    int fd = f->is_stdin ? 0 : tu_open(f->name);
    if (fd < 0) return -1;
    if (tu_slurp(fd, &f->data, &f->size) < 0) {
        int e = errno;
        tu_close(fd);
        errno = e;
        return -1;
    }
    tu_close(fd);
    long cap = 64;
    f->l = tu_xmalloc(cap * sizeof(line_t));
    f->n = 0;
    for (size_t p = 0; p < f->size;) {
        char *q = memchr(f->data + p, '\n', f->size - p);
        size_t e = q ? (size_t)(q - f->data) : f->size;
        if (f->n == cap) f->l = tu_xrealloc(f->l, (cap *= 2) * sizeof(line_t));
        f->l[f->n].s = f->data + p;
        f->l[f->n].n = e - p;
        f->l[f->n].h = line_hash(f->data + p, e - p);
        f->n++;
        if (!q) f->noeol = 1;
        p = e + 1;
    }
    return 0;
}

/* ---- Myers diff (linear-space, middle snake) producing change flags ---- */
static line_t *XV, *YV;
static char *XC, *YC;
static long *FD, *BD;

static void diag(long xoff, long xlim, long yoff, long ylim, long *xmid, long *ymid) {
    long dmin = xoff - ylim, dmax = xlim - yoff;
    long fmid = xoff - yoff, bmid = xlim - ylim;
    long fmin = fmid, fmax = fmid, bmin = bmid, bmax = bmid;
    int odd = (fmid - bmid) & 1;
    FD[fmid] = xoff;
    BD[bmid] = xlim;
    for (;;) {
        long d;
        if (fmin > dmin) FD[--fmin - 1] = -1;
        else ++fmin;
        if (fmax < dmax) FD[++fmax + 1] = -1;
        else --fmax;
        for (d = fmax; d >= fmin; d -= 2) {
            long tlo = FD[d - 1], thi = FD[d + 1];
            long x = tlo >= thi ? tlo + 1 : thi, y = x - d;
            while (x < xlim && y < ylim && line_eq(&XV[x], &YV[y])) x++, y++;
            FD[d] = x;
            if (odd && bmin <= d && d <= bmax && BD[d] <= x) {
                *xmid = x, *ymid = y;
                return;
            }
        }
        if (bmin > dmin) BD[--bmin - 1] = LONG_MAX;
        else ++bmin;
        if (bmax < dmax) BD[++bmax + 1] = LONG_MAX;
        else --bmax;
        for (d = bmax; d >= bmin; d -= 2) {
            long tlo = BD[d - 1], thi = BD[d + 1];
            long x = tlo < thi ? tlo : thi - 1, y = x - d;
            while (x > xoff && y > yoff && line_eq(&XV[x - 1], &YV[y - 1])) x--, y--;
            BD[d] = x;
            if (!odd && fmin <= d && d <= fmax && x <= FD[d]) {
                *xmid = x, *ymid = y;
                return;
            }
        }
    }
}

static void compareseq(long xoff, long xlim, long yoff, long ylim) {
    while (xoff < xlim && yoff < ylim && line_eq(&XV[xoff], &YV[yoff])) xoff++, yoff++;
    while (xlim > xoff && ylim > yoff && line_eq(&XV[xlim - 1], &YV[ylim - 1])) xlim--, ylim--;
    if (xoff == xlim) {
        while (yoff < ylim) YC[yoff++] = 1;
    } else if (yoff == ylim) {
        while (xoff < xlim) XC[xoff++] = 1;
    } else {
        long xm, ym;
        diag(xoff, xlim, yoff, ylim, &xm, &ym);
        compareseq(xoff, xm, yoff, ym);
        compareseq(xm, xlim, ym, ylim);
    }
}

static void myers(file_t *a, file_t *b, char *ca, char *cb) {
    XV = a->l, YV = b->l, XC = ca, YC = cb;
    long diags = a->n + b->n + 3;
    long *fd = tu_xmalloc(diags * sizeof(long)), *bd = tu_xmalloc(diags * sizeof(long));
    FD = fd + b->n + 1;
    BD = bd + b->n + 1;
    compareseq(0, a->n, 0, b->n);
    free(fd);
    free(bd);
}

/* GNU-style normalisation: slide runs of changes so equal lines line up with the other file's changes. */
static void shift_boundaries(file_t *f, char *changed, const char *other_changed, long n_other) {
    long n = f->n;
    long i = 0, j = 0;
    for (;;) {
        while (i < n && !changed[i]) {
            while (other_changed[j++]) continue;
            i++;
        }
        if (i == n) break;
        long start = i, runlength, corresponding;
        while (changed[++i]) continue;
        while (other_changed[j]) j++;
        do {
            runlength = i - start;
            while (start && line_eq(&f->l[start - 1], &f->l[i - 1])) {
                changed[--start] = 1;
                changed[--i] = 0;
                while (changed[start - 1]) start--;
                while (other_changed[--j]) continue;
            }
            corresponding = other_changed[j - 1] ? i : n;
            while (i != n && line_eq(&f->l[start], &f->l[i])) {
                changed[start++] = 0;
                changed[i++] = 1;
                while (changed[i]) i++;
                while (other_changed[++j]) corresponding = i;
            }
        } while (runlength != i - start);
        while (corresponding < i) {
            changed[--start] = 1;
            changed[--i] = 0;
            while (other_changed[--j]) continue;
        }
    }
}

typedef struct { long a0, a1, b0, b1; } hunk_t; /* [a0,a1) deleted, [b0,b1) inserted */

static hunk_t *make_hunks(file_t *a, file_t *b, const char *ca, const char *cb, long *nh) {
    hunk_t *h = NULL;
    long cap = 0, k = 0, i = 0, j = 0;
    while (i < a->n || j < b->n) {
        if (i < a->n && j < b->n && !ca[i] && !cb[j]) {
            i++, j++;
            continue;
        }
        hunk_t x = {i, i, j, j};
        while (i < a->n && ca[i]) i++;
        while (j < b->n && cb[j]) j++;
        x.a1 = i, x.b1 = j;
        if (x.a0 == x.a1 && x.b0 == x.b1) {
            /* unchanged line on one side only: cannot happen with consistent flags */
            i++, j++;
            continue;
        }
        if (k == cap) h = tu_xrealloc(h, (cap = cap * 2 + 16) * sizeof(hunk_t));
        h[k++] = x;
    }
    *nh = k;
    return h;
}

static void put_line(char prefix, const char *pre2, file_t *f, long i) {
    if (prefix) tu_putc(prefix);
    if (pre2) tu_puts(pre2);
    tu_write(f->l[i].s, f->l[i].n);
    tu_putc('\n');
    if (i == f->n - 1 && f->noeol) tu_puts("\\ No newline at end of file\n");
}

static void range(long s, long e) { /* 1-based inclusive for normal format */
    if (e <= s) printf("%ld", s);
    else printf("%ld,%ld", s, e);
}

static void out_normal(file_t *a, file_t *b, hunk_t *h, long nh) {
    for (long k = 0; k < nh; k++) {
        hunk_t *x = &h[k];
        char op = x->a0 == x->a1 ? 'a' : x->b0 == x->b1 ? 'd' : 'c';
        if (op == 'a') printf("%ld", x->a0);
        else range(x->a0 + 1, x->a1);
        putchar(op);
        if (op == 'd') printf("%ld", x->b0);
        else range(x->b0 + 1, x->b1);
        putchar('\n');
        for (long i = x->a0; i < x->a1; i++) put_line('<', " ", a, i);
        if (op == 'c') tu_puts("---\n");
        for (long j = x->b0; j < x->b1; j++) put_line('>', " ", b, j);
    }
}

static void header_time(file_t *f, char *buf, size_t n) {
    struct tm tm;
    time_t t = f->st.st_mtime;
    gmtime_r(&t, &tm);
    char d[64];
    strftime(d, sizeof d, "%Y-%m-%d %H:%M:%S", &tm);
    snprintf(buf, n, "%s.%09ld +0000", d, (long)f->st.st_mtim.tv_nsec);
}

static void out_unified(file_t *a, file_t *b, hunk_t *h, long nh, int ctx) {
    char t[128];
    header_time(a, t, sizeof t);
    if (a->label) printf("--- %s\n", a->label);
    else printf("--- %s\t%s\n", a->name, t);
    header_time(b, t, sizeof t);
    if (b->label) printf("+++ %s\n", b->label);
    else printf("+++ %s\t%s\n", b->name, t);
    for (long k = 0; k < nh;) {
        long e = k;
        while (e + 1 < nh && h[e + 1].a0 - h[e].a1 <= 2 * ctx) e++;
        long as = h[k].a0 - ctx < 0 ? 0 : h[k].a0 - ctx;
        long bs = h[k].b0 - (h[k].a0 - as);
        long ae = h[e].a1 + ctx > a->n ? a->n : h[e].a1 + ctx;
        long be = h[e].b1 + (ae - h[e].a1);
        printf("@@ -");
        if (ae - as == 1) printf("%ld", as + 1);
        else printf("%ld,%ld", ae - as == 0 ? as : as + 1, ae - as);
        printf(" +");
        if (be - bs == 1) printf("%ld", bs + 1);
        else printf("%ld,%ld", be - bs == 0 ? bs : bs + 1, be - bs);
        printf(" @@\n");
        long i = as;
        for (long q = k; q <= e; q++) {
            for (; i < h[q].a0; i++) put_line(' ', NULL, a, i);
            for (long x = h[q].a0; x < h[q].a1; x++) put_line('-', NULL, a, x);
            for (long y = h[q].b0; y < h[q].b1; y++) put_line('+', NULL, b, y);
            i = h[q].a1;
        }
        for (; i < ae; i++) put_line(' ', NULL, a, i);
        k = e + 1;
    }
}

static void ctx_range(long s, long e) {
    if (e - s <= 1) printf("%ld", e);
    else printf("%ld,%ld", s + 1, e);
}

static void out_context(file_t *a, file_t *b, hunk_t *h, long nh, int ctx) {
    char t[128];
    header_time(a, t, sizeof t);
    if (a->label) printf("*** %s\n", a->label);
    else printf("*** %s\t%s\n", a->name, t);
    header_time(b, t, sizeof t);
    if (b->label) printf("--- %s\n", b->label);
    else printf("--- %s\t%s\n", b->name, t);
    for (long k = 0; k < nh;) {
        long e = k;
        while (e + 1 < nh && h[e + 1].a0 - h[e].a1 <= 2 * ctx) e++;
        long as = h[k].a0 - ctx < 0 ? 0 : h[k].a0 - ctx;
        long bs = h[k].b0 - (h[k].a0 - as);
        long ae = h[e].a1 + ctx > a->n ? a->n : h[e].a1 + ctx;
        long be = h[e].b1 + (ae - h[e].a1);
        printf("***************\n*** ");
        ctx_range(as, ae);
        printf(" ****\n");
        int anydel = 0, anyins = 0;
        for (long q = k; q <= e; q++) anydel |= h[q].a1 > h[q].a0, anyins |= h[q].b1 > h[q].b0;
        if (anydel) {
            long i = as;
            for (long q = k; q <= e; q++) {
                for (; i < h[q].a0; i++) put_line(' ', " ", a, i);
                char mark = h[q].b1 > h[q].b0 ? '!' : '-';
                for (long x = h[q].a0; x < h[q].a1; x++) put_line(mark, " ", a, x);
                i = h[q].a1;
            }
            for (; i < ae; i++) put_line(' ', " ", a, i);
        }
        printf("--- ");
        ctx_range(bs, be);
        printf(" ----\n");
        if (anyins) {
            long j = bs;
            for (long q = k; q <= e; q++) {
                for (; j < h[q].b0; j++) put_line(' ', " ", b, j);
                char mark = h[q].a1 > h[q].a0 ? '!' : '+';
                for (long y = h[q].b0; y < h[q].b1; y++) put_line(mark, " ", b, y);
                j = h[q].b1;
            }
            for (; j < be; j++) put_line(' ', " ", b, j);
        }
        k = e + 1;
    }
}

static int is_binary(file_t *f) { return !o_text && memchr(f->data, 0, f->size < 32768 ? f->size : 32768) != NULL; }

/* Compares two regular files (or stdin). Returns 0 same, 1 different, 2 trouble. */
static int diff_files(const char *pa, const char *pb, int absent_a, int absent_b) {
    file_t f[2];
    memset(f, 0, sizeof f);
    const char *names[2] = {pa, pb};
    int absent[2] = {absent_a, absent_b};
    for (int k = 0; k < 2; k++) {
        f[k].name = names[k];
        f[k].label = k < nlabels ? labels[k] : NULL;
        f[k].is_stdin = strcmp(names[k], "-") == 0;
        if (absent[k]) {
            f[k].data = tu_xstrdup("");
            f[k].l = tu_xmalloc(sizeof(line_t));
            continue;
        }
        if (f[k].is_stdin) {
            fstat(0, &f[k].st);
            f[k].st.st_mtime = time(NULL);
        } else {
            stat(names[k], &f[k].st);
        }
        if (load(&f[k]) < 0) {
            cu_error(0, errno, "%s", names[k]);
            return 2;
        }
    }
    int rc = 0;
    if (f[0].size == f[1].size && memcmp(f[0].data, f[1].data, f[0].size) == 0) rc = 0;
    else if (is_binary(&f[0]) || is_binary(&f[1])) {
        printf("Binary files %s and %s differ\n", pa, pb);
        rc = 1;
    } else {
        char *ca = calloc(f[0].n + 2, 1), *cb = calloc(f[1].n + 2, 1);
        /* like GNU, identical leading/trailing lines beyond the context are not part of the analysis */
        long pre = 0, suf = 0;
        while (pre < f[0].n && pre < f[1].n && line_eq(&f[0].l[pre], &f[1].l[pre])) pre++;
        while (suf < f[0].n - pre && suf < f[1].n - pre &&
               line_eq(&f[0].l[f[0].n - 1 - suf], &f[1].l[f[1].n - 1 - suf]))
            suf++;
        long ctx = o_unified >= 0 ? o_unified : o_context >= 0 ? o_context : 0;
        long skip = pre > ctx ? pre - ctx : 0, tail = suf > ctx ? suf - ctx : 0;
        file_t v[2] = {f[0], f[1]};
        for (int k = 0; k < 2; k++) v[k].l += skip, v[k].n -= skip + tail;
        char *va = ca + 1 + skip, *vb = cb + 1 + skip;
        char sa = va[-1], sb = vb[-1], ea = va[v[0].n], eb = vb[v[1].n];
        va[-1] = vb[-1] = va[v[0].n] = vb[v[1].n] = 0;
        myers(&v[0], &v[1], va, vb);
        shift_boundaries(&v[0], va, vb, v[1].n);
        shift_boundaries(&v[1], vb, va, v[0].n);
        va[-1] = sa, vb[-1] = sb, va[v[0].n] = ea, vb[v[1].n] = eb;
        long nh;
        hunk_t *h = make_hunks(&f[0], &f[1], ca + 1, cb + 1, &nh);
        /* a missing final newline is a difference even when the text is equal */
        if (nh == 0 && f[0].noeol != f[1].noeol && f[0].n && f[1].n) {
            h = tu_xrealloc(h, sizeof(hunk_t));
            h[0] = (hunk_t){f[0].n - 1, f[0].n, f[1].n - 1, f[1].n};
            nh = 1;
        }
        if (nh) {
            rc = 1;
            if (o_brief) printf("Files %s and %s differ\n", pa, pb);
            else {
                if (cmdline_opts) printf("diff%s %s %s\n", cmdline_opts, pa, pb);
                if (o_unified >= 0) out_unified(&f[0], &f[1], h, nh, o_unified);
                else if (o_context >= 0) out_context(&f[0], &f[1], h, nh, o_context);
                else out_normal(&f[0], &f[1], h, nh);
            }
        }
        free(ca), free(cb), free(h);
    }
    if (rc == 0 && o_report_same) printf("Files %s and %s are identical\n", pa, pb);
    for (int k = 0; k < 2; k++) free(f[k].data), free(f[k].l);
    return rc;
}

static char *join(const char *d, const char *n) {
    char *p = tu_xmalloc(strlen(d) + strlen(n) + 2);
    sprintf(p, "%s%s%s", d, d[0] && d[strlen(d) - 1] == '/' ? "" : "/", n);
    return p;
}

static int cmpstr(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static char **list_dir(const char *d, long *n) {
    DIR *dp = opendir(d);
    *n = 0;
    if (!dp) return NULL;
    char **v = NULL;
    struct dirent *e;
    while ((e = readdir(dp))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        v = tu_xrealloc(v, (*n + 1) * sizeof(char *));
        v[(*n)++] = tu_xstrdup(e->d_name);
    }
    closedir(dp);
    qsort(v, *n, sizeof(char *), cmpstr);
    return v;
}

static int diff_dirs(const char *a, const char *b) {
    long na, nb;
    char **la = list_dir(a, &na), **lb = list_dir(b, &nb);
    int rc = 0;
    long i = 0, j = 0;
    while (i < na || j < nb) {
        int c = i >= na ? 1 : j >= nb ? -1 : strcmp(la[i], lb[j]);
        if (c != 0 && !o_newfile) {
            const char *dir = c < 0 ? a : b;
            const char *nm = c < 0 ? la[i++] : lb[j++];
            printf("Only in %s: %s\n", dir, nm);
            rc = rc > 1 ? rc : 1;
            continue;
        }
        const char *nm = c <= 0 ? la[i] : lb[j];
        char *pa = join(a, nm), *pb = join(b, nm);
        struct stat sa, sb;
        int ea = stat(pa, &sa) == 0, eb = stat(pb, &sb) == 0;
        int r;
        if (c != 0) {
            /* -N: the missing side is empty */
            r = diff_files(pa, pb, c > 0, c < 0);
        } else if (ea && eb && S_ISDIR(sa.st_mode) && S_ISDIR(sb.st_mode)) {
            r = o_recursive ? diff_dirs(pa, pb) : (printf("Common subdirectories: %s and %s\n", pa, pb), 0);
        } else if (ea && eb && S_ISDIR(sa.st_mode) != S_ISDIR(sb.st_mode)) {
            printf("File %s is a %s while file %s is a %s\n", pa, S_ISDIR(sa.st_mode) ? "directory" : "regular file",
                   pb, S_ISDIR(sb.st_mode) ? "directory" : "regular file");
            r = 1;
        } else {
            r = diff_files(pa, pb, 0, 0);
        }
        if (r > rc) rc = r;
        free(pa), free(pb);
        if (c <= 0) i++;
        if (c >= 0) j++;
    }
    for (long k = 0; k < na; k++) free(la[k]);
    for (long k = 0; k < nb; k++) free(lb[k]);
    free(la), free(lb);
    return rc;
}

int diff_main(int argc, char **argv) {
    cu_init(argc, argv);
    static const struct option lopts[] = {
        {"brief", 0, 0, 'q'}, {"unified", 2, 0, 'U'}, {"context", 2, 0, 'C'}, {"recursive", 0, 0, 'r'},
        {"new-file", 0, 0, 'N'}, {"ignore-case", 0, 0, 'i'}, {"ignore-space-change", 0, 0, 'b'},
        {"ignore-all-space", 0, 0, 'w'}, {"text", 0, 0, 'a'}, {"report-identical-files", 0, 0, 's'},
        {"label", 1, 0, 1}, {"ignore-blank-lines", 0, 0, 'B'}, {0, 0, 0, 0}};
    int c;
    tu_str opts = {0};
    while ((c = getopt_long(argc, argv, "qU:uC:crNibwasB", lopts, NULL)) != -1) {
        switch (c) {
        case 'q': o_brief = 1; break;
        case 'u': o_unified = 3; break;
        case 'U': o_unified = optarg ? atoi(optarg) : 3; break;
        case 'c': o_context = 3; break;
        case 'C': o_context = optarg ? atoi(optarg) : 3; break;
        case 'r': o_recursive = 1; break;
        case 'N': o_newfile = 1; break;
        case 'i': o_icase = 1; break;
        case 'b': o_space = 1; break;
        case 'w': o_allspace = 1; break;
        case 'a': o_text = 1; break;
        case 's': o_report_same = 1; break;
        case 'B': break;
        case 1: if (nlabels < 2) labels[nlabels++] = optarg; break;
        default:
            fprintf(stderr, "%s: Try '%s --help' for more information.\n", cu_prog, cu_prog);
            return 2;
        }
    }
    for (int i = 1; i < optind; i++) {
        if (strcmp(argv[i], "--") == 0) continue;
        tu_sputc(&opts, ' ');
        tu_sadd(&opts, argv[i], strlen(argv[i]));
    }
    if (argc - optind < 2) {
        if (argc - optind == 0) cu_error(0, 0, "missing operand after '%s'", argv[argc - 1]);
        else cu_error(0, 0, "missing operand after %s", cu_quote(argv[argc - 1]));
        fprintf(stderr, "%s: Try '%s --help' for more information.\n", cu_prog, cu_prog);
        return 2;
    }
    if (argc - optind > 2) {
        cu_error(0, 0, "extra operand %s", cu_quote(argv[optind + 2]));
        fprintf(stderr, "%s: Try '%s --help' for more information.\n", cu_prog, cu_prog);
        return 2;
    }
    const char *a = argv[optind], *b = argv[optind + 1];
    tu_out_init();
    struct stat sa, sb;
    int ha = strcmp(a, "-") == 0 || stat(a, &sa) == 0, hb = strcmp(b, "-") == 0 || stat(b, &sb) == 0;
    if (!ha || !hb) {
        if (o_newfile && (ha || hb)) return cu_finish(diff_files(a, b, !ha, !hb));
        cu_error(0, errno, "%s", !ha ? a : b);
        return 2;
    }
    int da = strcmp(a, "-") && S_ISDIR(sa.st_mode), db = strcmp(b, "-") && S_ISDIR(sb.st_mode);
    int rc;
    if (da && db) {
        cmdline_opts = opts.s ? opts.s : (char *)"";
        rc = diff_dirs(a, b);
    } else if (da || db) {
        const char *file = da ? b : a;
        const char *base = strrchr(file, '/') ? strrchr(file, '/') + 1 : file;
        char *p = join(da ? a : b, base);
        rc = da ? diff_files(p, b, 0, 0) : diff_files(a, p, 0, 0);
        free(p);
    } else {
        rc = diff_files(a, b, 0, 0);
    }
    int st = cu_finish(0);
    return st ? 2 : rc;
}

/* join — join lines of two sorted files on a common field (-1 -2 -j -t -a -v -e -o -i --header). */
#include "cu.h"
#include "textutil.h"

#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

SE_COMMAND("join", join_main)

typedef struct { const char *s; size_t n; } fld_t;
typedef struct { char *line; size_t len; fld_t *f; int nf; } rec_t;
typedef struct {
    tu_reader r;
    const char *name;
    rec_t *grp;
    int ngrp, capgrp;
    rec_t next;
    int has_next;
    long lineno;
    tu_str prevkey;
    int has_prev, reported;
} input_t;

static int tab = -1, icase, keyf[2] = {0, 0}, unpaired[2], only_unpaired[2], header, check = 1;
static const char *empty;
static int autofmt, disorder;
typedef struct { int file, field; } ospec;
static ospec *ofmt;
static int nofmt = -1;

static void split(rec_t *r) {
    r->nf = 0;
    r->f = NULL;
    int cap = 0;
    const char *s = r->line, *e = r->line + r->len;
    if (tab < 0) {
        /* GNU: leading blanks skipped; trailing blanks leave one empty last field */
        while (s < e && isblank((unsigned char)*s)) s++;
        while (s < e) {
            const char *t = s;
            while (t < e && !isblank((unsigned char)*t)) t++;
            if (r->nf == cap) r->f = tu_xrealloc(r->f, (cap = cap * 2 + 8) * sizeof(fld_t));
            r->f[r->nf++] = (fld_t){s, (size_t)(t - s)};
            if (t == e) break;
            s = t;
            while (s < e && isblank((unsigned char)*s)) s++;
            if (s == e) {
                if (r->nf == cap) r->f = tu_xrealloc(r->f, (cap = cap * 2 + 8) * sizeof(fld_t));
                r->f[r->nf++] = (fld_t){e, 0};
            }
        }
    } else {
        for (;;) {
            const char *t = memchr(s, tab, e - s);
            if (!t) t = e;
            if (r->nf == cap) r->f = tu_xrealloc(r->f, (cap = cap * 2 + 8) * sizeof(fld_t));
            r->f[r->nf++] = (fld_t){s, (size_t)(t - s)};
            if (t == e) break;
            s = t + 1;
        }
        if (r->len == 0) r->nf = 0;
    }
}

static int read_rec(input_t *in, rec_t *r) {
    char *line;
    ssize_t n = tu_getdelim(&in->r, &line, '\n');
    if (n <= 0) return 0;
    r->len = line[n - 1] == '\n' ? n - 1 : n;
    r->line = tu_xmemdup(line, r->len);
    split(r);
    in->lineno++;
    return 1;
}

static fld_t key(rec_t *r, int file) {
    int k = keyf[file];
    if (k < r->nf) return r->f[k];
    return (fld_t){"", 0};
}

static int kcmp(fld_t a, fld_t b) {
    size_t n = a.n < b.n ? a.n : b.n;
    int r = icase ? strncasecmp(a.s, b.s, n) : memcmp(a.s, b.s, n);
    if (r) return r;
    return a.n < b.n ? -1 : a.n > b.n;
}

static void check_order(input_t *in, int file, rec_t *r) {
    fld_t k = key(r, file);
    if (in->has_prev && !in->reported && check && kcmp((fld_t){in->prevkey.s, in->prevkey.len}, k) > 0) {
        fflush(stdout);
        fprintf(stderr, "%s: %s:%ld: is not sorted: %.*s\n", cu_prog, in->name, in->lineno, (int)r->len, r->line);
        in->reported = 1;
        disorder = 1;
    }
    in->prevkey.len = 0;
    tu_sadd(&in->prevkey, k.s, k.n);
    in->has_prev = 1;
}

/* Loads the next group of records with equal keys. */
static int load_group(input_t *in, int file) {
    for (int i = 0; i < in->ngrp; i++) free(in->grp[i].line), free(in->grp[i].f);
    in->ngrp = 0;
    if (!in->has_next) return 0;
    do {
        if (in->ngrp == in->capgrp) in->grp = tu_xrealloc(in->grp, (in->capgrp = in->capgrp * 2 + 4) * sizeof(rec_t));
        in->grp[in->ngrp++] = in->next;
        in->has_next = read_rec(in, &in->next);
        if (in->has_next) check_order(in, file, &in->next);
    } while (in->has_next && kcmp(key(&in->next, file), key(&in->grp[0], file)) == 0);
    return 1;
}

static void put_field(fld_t f, int *first) {
    if (!*first) tu_putc(tab >= 0 ? tab : ' ');
    *first = 0;
    if (f.n == 0 && empty) tu_puts(empty);
    else tu_write(f.s, f.n);
}

static void output(rec_t *a, rec_t *b, int nf1, int nf2) {
    int first = 1;
    if (nofmt >= 0) {
        for (int i = 0; i < nofmt; i++) {
            ospec o = ofmt[i];
            fld_t f = {"", 0};
            if (o.file == 0) {
                if (a) f = key(a, 0);
                else if (b) f = key(b, 1);
            } else {
                rec_t *r = o.file == 1 ? a : b;
                if (r && o.field < r->nf) f = r->f[o.field];
            }
            put_field(f, &first);
        }
        tu_putc('\n');
        return;
    }
    fld_t k = a ? key(a, 0) : key(b, 1);
    put_field(k, &first);
    rec_t *rs[2] = {a, b};
    int nfs[2] = {nf1, nf2};
    for (int s = 0; s < 2; s++) {
        rec_t *r = rs[s];
        int nf = autofmt ? nfs[s] : (r ? r->nf : 0);
        for (int i = 0; i < nf; i++) {
            if (i == keyf[s]) continue;
            fld_t f = r && i < r->nf ? r->f[i] : (fld_t){"", 0};
            put_field(f, &first);
        }
    }
    tu_putc('\n');
}

static void parse_ofmt(const char *s) {
    if (!strcmp(s, "auto")) {
        autofmt = 1;
        return;
    }
    nofmt = 0;
    while (*s) {
        ospec o = {0, 0};
        if (*s == '0' && (s[1] == 0 || s[1] == ',' || s[1] == ' ')) {
            o.file = 0, o.field = 0;
            s++;
        } else if ((*s == '1' || *s == '2') && s[1] == '.') {
            o.file = *s - '0';
            char *e;
            long f = strtol(s + 2, &e, 10);
            if (e == s + 2 || f <= 0) cu_error(1, 0, "invalid field specifier: %s", cu_quote(s));
            o.field = f - 1;
            s = e;
        } else {
            cu_error(1, 0, "invalid field specifier: %s", cu_quote(s));
        }
        ofmt = tu_xrealloc(ofmt, (nofmt + 1) * sizeof(ospec));
        ofmt[nofmt++] = o;
        if (*s == ',' || *s == ' ') s++;
    }
}

static int field_num(const char *s) {
    char *e;
    long v = strtol(s, &e, 10);
    if (*e || v <= 0) cu_error(1, 0, "invalid field number: %s", cu_quote(s));
    return v - 1;
}

int join_main(int argc, char **argv) {
    cu_init(argc, argv);
    static const struct option lopts[] = {{"ignore-case", 0, 0, 'i'}, {"header", 0, 0, 1},
                                          {"check-order", 0, 0, 2}, {"nocheck-order", 0, 0, 3},
                                          {"zero-terminated", 0, 0, 'z'}, {0, 0, 0, 0}};
    int c;
    while ((c = getopt_long(argc, argv, "1:2:j:t:a:v:e:o:i", lopts, NULL)) != -1) {
        switch (c) {
        case '1': keyf[0] = field_num(optarg); break;
        case '2': keyf[1] = field_num(optarg); break;
        case 'j': keyf[0] = keyf[1] = field_num(optarg); break;
        case 't':
            if (optarg[0] && optarg[1]) cu_error(1, 0, "multi-character tab %s", cu_quote(optarg));
            tab = (unsigned char)optarg[0];
            break;
        case 'a': case 'v': {
            if (strcmp(optarg, "1") && strcmp(optarg, "2")) cu_error(1, 0, "invalid file number: %s", cu_quote(optarg));
            int f = optarg[0] - '1';
            unpaired[f] = 1;
            if (c == 'v') only_unpaired[f] = 1;
            break;
        }
        case 'e': empty = optarg; break;
        case 'o': parse_ofmt(optarg); break;
        case 'i': icase = 1; break;
        case 1: header = 1; break;
        case 2: check = 2; break;
        case 3: check = 0; break;
        default: cu_usage_error(1, NULL);
        }
    }
    if (argc - optind < 2) {
        if (argc - optind == 0) cu_usage_error(1, "missing operand");
        cu_usage_error(1, "missing operand after %s", cu_quote(argv[argc - 1]));
    }
    if (argc - optind > 2) cu_usage_error(1, "extra operand %s", cu_quote(argv[optind + 2]));
    input_t in[2];
    memset(in, 0, sizeof in);
    for (int i = 0; i < 2; i++) {
        in[i].name = argv[optind + i];
        int fd = tu_open(in[i].name);
        if (fd < 0) cu_error(1, errno, "%s", in[i].name);
        tu_rinit(&in[i].r, fd);
    }
    tu_out_init();
    int only = only_unpaired[0] || only_unpaired[1];
    if (header) {
        rec_t h[2];
        int ok0 = read_rec(&in[0], &h[0]), ok1 = read_rec(&in[1], &h[1]);
        if (ok0 || ok1) output(ok0 ? &h[0] : NULL, ok1 ? &h[1] : NULL, ok0 ? h[0].nf : 0, ok1 ? h[1].nf : 0);
    }
    for (int i = 0; i < 2; i++) {
        in[i].has_next = read_rec(&in[i], &in[i].next);
        if (in[i].has_next) check_order(&in[i], i, &in[i].next);
    }
    int nf1 = in[0].has_next ? in[0].next.nf : 0, nf2 = in[1].has_next ? in[1].next.nf : 0;
    int g0 = load_group(&in[0], 0), g1 = load_group(&in[1], 1);
    while (g0 || g1) {
        int r = !g0 ? 1 : !g1 ? -1 : kcmp(key(&in[0].grp[0], 0), key(&in[1].grp[0], 1));
        if (r < 0) {
            if (unpaired[0])
                for (int i = 0; i < in[0].ngrp; i++) output(&in[0].grp[i], NULL, nf1, nf2);
            g0 = load_group(&in[0], 0);
        } else if (r > 0) {
            if (unpaired[1])
                for (int i = 0; i < in[1].ngrp; i++) output(NULL, &in[1].grp[i], nf1, nf2);
            g1 = load_group(&in[1], 1);
        } else {
            if (!only)
                for (int i = 0; i < in[0].ngrp; i++)
                    for (int j = 0; j < in[1].ngrp; j++) output(&in[0].grp[i], &in[1].grp[j], nf1, nf2);
            g0 = load_group(&in[0], 0);
            g1 = load_group(&in[1], 1);
        }
    }
    if (disorder) {
        fflush(stdout);
        fprintf(stderr, "%s: input is not in sorted order\n", cu_prog);
        cu_finish(0);
        return 1;
    }
    return cu_finish(0);
}

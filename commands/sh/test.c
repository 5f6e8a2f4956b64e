/* test.c — test / [ : POSIX rules for up to 4 arguments, recursive descent with -a -o ! ( ) beyond.
 * File modes come from se_stat (wasi stat has no permission bits); access checks use se_access. */
#include "sh.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "se.h"

static char **tw;
static int tn, tpos, terr;

static void terror(const char *fmt, const char *a) {
    if (terr) return;
    terr = 1;
    char m[512];
    snprintf(m, sizeof m, fmt, a);
    sh_error("%s: %s", tw[-1], m);
}

static int is_unary(const char *s) {
    return s[0] == '-' && s[1] && !s[2] && strchr("bcdefghLknprsStuwxzOG", s[1]);
}
static int is_binary(const char *s) {
    static const char *ops[] = {"=", "!=", "<", ">", "-eq", "-ne", "-gt", "-ge", "-lt", "-le", "-nt", "-ot", "-ef", 0};
    for (int i = 0; ops[i]; i++)
        if (!strcmp(s, ops[i])) return 1;
    return 0;
}

static long long tnum(const char *s) {
    const char *p = s;
    while (*p == ' ' || *p == '\t') p++;
    char *e;
    long long v = strtoll(p, &e, 10);
    while (*e == ' ' || *e == '\t') e++;
    if (!*p || *e || (e == p)) {
        terror("Illegal number: %s", s);
        return 0;
    }
    return v;
}

static int unary(const char *op, const char *a) {
    se_stat_t st;
    switch (op[1]) {
    case 'n': return *a != 0;
    case 'z': return *a == 0;
    case 't': {
        long long fd = tnum(a);
        return isatty((int)fd);
    }
    case 'h':
    case 'L': return se_lstat(a, &st) == 0 && (st.mode & 0170000) == 0120000;
    }
    if (se_stat(a, &st) < 0) return 0;
    unsigned fmt = st.mode & 0170000;
    switch (op[1]) {
    case 'e': return 1;
    case 'f': return fmt == 0100000;
    case 'd': return fmt == 0040000;
    case 'b': return fmt == 0060000;
    case 'c': return fmt == 0020000;
    case 'p': return fmt == 0010000;
    case 'S': return fmt == 0140000;
    case 's': return st.size > 0;
    case 'g': return (st.mode & 02000) != 0;
    case 'u': return (st.mode & 04000) != 0;
    case 'k': return (st.mode & 01000) != 0;
    case 'r': return se_access(a, R_OK) == 0;
    case 'w': return se_access(a, W_OK) == 0;
    case 'x': return se_access(a, X_OK) == 0;
    case 'O': return st.uid == 0; /* every process runs as root */
    case 'G': return st.gid == 0;
    }
    return 0;
}

static int binary(const char *a, const char *op, const char *b) {
    if (!strcmp(op, "=")) return !strcmp(a, b);
    if (!strcmp(op, "!=")) return strcmp(a, b) != 0;
    if (!strcmp(op, "<")) return strcmp(a, b) < 0;
    if (!strcmp(op, ">")) return strcmp(a, b) > 0;
    if ((op[1] == 'n' && op[2] == 't') || op[1] == 'o' || (op[1] == 'e' && op[2] == 'f')) {
        se_stat_t sa, sb;
        int ha = se_stat(a, &sa) == 0, hb = se_stat(b, &sb) == 0;
        if (op[1] == 'e') return ha && hb && sa.dev == sb.dev && sa.ino == sb.ino;
        long long ta = ha ? sa.mtime_sec * 1000000000LL + sa.mtime_nsec : 0;
        long long tb = hb ? sb.mtime_sec * 1000000000LL + sb.mtime_nsec : 0;
        if (op[1] == 'n') return ha && (!hb || ta > tb);
        return hb && (!ha || ta < tb);
    }
    long long x = tnum(a), y = tnum(b);
    if (!strcmp(op, "-eq")) return x == y;
    if (!strcmp(op, "-ne")) return x != y;
    if (!strcmp(op, "-gt")) return x > y;
    if (!strcmp(op, "-ge")) return x >= y;
    if (!strcmp(op, "-lt")) return x < y;
    return x <= y;
}

static int oexpr(void);

static int primary(void) {
    if (tpos >= tn) {
        terror("%s", "argument expected");
        return 0;
    }
    const char *t = tw[tpos];
    if (!strcmp(t, "(") && tpos + 1 < tn) {
        tpos++;
        int v = oexpr();
        if (tpos >= tn || strcmp(tw[tpos], ")")) {
            terror("%s", "closing paren expected");
            return 0;
        }
        tpos++;
        return v;
    }
    if (tpos + 2 < tn && is_binary(tw[tpos + 1])) {
        tpos += 3;
        return binary(t, tw[tpos - 2], tw[tpos - 1]);
    }
    if (tpos + 2 == tn && is_binary(tw[tpos + 1]) && !is_unary(t)) {
        terror("%s: argument expected", tw[tpos + 1]);
        return 0;
    }
    if (is_unary(t) && tpos + 1 < tn) {
        tpos += 2;
        return unary(t, tw[tpos - 1]);
    }
    tpos++;
    return *t != 0;
}

static int nexpr(void) {
    if (tpos < tn && !strcmp(tw[tpos], "!") && tpos + 1 < tn) {
        tpos++;
        return !nexpr();
    }
    return primary();
}
static int aexpr(void) {
    int v = nexpr();
    while (tpos < tn && !strcmp(tw[tpos], "-a") && !terr) {
        tpos++;
        int w = nexpr();
        v = v && w;
    }
    return v;
}
static int oexpr(void) {
    int v = aexpr();
    while (tpos < tn && !strcmp(tw[tpos], "-o") && !terr) {
        tpos++;
        int w = aexpr();
        v = v || w;
    }
    return v;
}

/* POSIX rules by argument count */
static int eval_n(int from, int n) {
    char **a = tw + from;
    switch (n) {
    case 0: return 0;
    case 1: return *a[0] != 0;
    case 2:
        if (!strcmp(a[0], "!")) return !eval_n(from + 1, 1);
        if (is_unary(a[0])) return unary(a[0], a[1]);
        break;
    case 3:
        if (is_binary(a[1])) return binary(a[0], a[1], a[2]);
        if (!strcmp(a[0], "!")) return !eval_n(from + 1, 2);
        if (!strcmp(a[0], "(") && !strcmp(a[2], ")")) return eval_n(from + 1, 1);
        break;
    case 4:
        if (!strcmp(a[0], "!")) return !eval_n(from + 1, 3);
        if (!strcmp(a[0], "(") && !strcmp(a[3], ")")) return eval_n(from + 1, 2);
        break;
    }
    tpos = from;
    int v = oexpr();
    if (!terr && tpos < tn) terror("%s: unexpected operator", tw[tpos > 0 ? tpos - 1 : 0]);
    return v;
}

int b_test(int argc, char **argv) {
    tw = argv + 1;
    tn = argc - 1;
    terr = 0;
    if (!strcmp(argv[0], "[")) {
        if (tn < 1 || strcmp(argv[argc - 1], "]")) {
            sh_error("[: missing ]");
            return 2;
        }
        tn--;
    }
    int v = eval_n(0, tn);
    if (terr) return 2;
    return !v;
}

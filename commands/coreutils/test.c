/* test, [ — evaluate a conditional expression (GNU coreutils 9.1 behaviour: POSIX argument-count rules,
 * then -a/-o/!/( ) precedence; no < and > operators; exit 0 true, 1 false, 2 error). */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cu.h"
#include "se.h"

SE_COMMAND("test", test_main)
SE_COMMAND("[", test_main)

static int argc_;
static char **argv_;
static int pos;
static int failed; /* a syntax error was reported */

static int expr(void);
static int posixtest(int nargs);

static int syntax_error(const char *fmt, const char *arg) {
    if (!failed) cu_error(0, 0, fmt, arg);
    failed = 1;
    return 0;
}

/* Ran out of arguments: GNU names the last one. */
static int beyond(void) { return syntax_error("missing argument after %s", cu_quote(argv_[argc_ - 1])); }

static int is(int i, const char *s) { return i < argc_ && strcmp(argv_[i], s) == 0; }

/* An integer operand: optional blanks, sign, digits, blanks. */
static int integer(const char *s, long long *out) {
    const char *p = s;
    while (*p == ' ' || *p == '\t') p++;
    const char *start = p;
    if (*p == '-' || *p == '+') p++;
    if (*p < '0' || *p > '9') return syntax_error("invalid integer %s", cu_quote(s));
    while (*p >= '0' && *p <= '9') p++;
    while (*p == ' ' || *p == '\t') p++;
    if (*p) return syntax_error("invalid integer %s", cu_quote(s));
    *out = strtoll(start, NULL, 10);
    return 1;
}

static int is_binop(const char *s) {
    static const char *ops[] = {"=", "==", "!=", "-nt", "-ot", "-ef", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", 0};
    for (int i = 0; ops[i]; i++)
        if (strcmp(s, ops[i]) == 0) return 1;
    return 0;
}

static int is_unop(const char *s) {
    return s[0] == '-' && s[1] && !s[2] && strchr("abcdefghkLnOprsStuwxzGN", s[1]);
}

static int mtime_cmp(const se_stat_t *a, const se_stat_t *b) {
    if (a->mtime_sec != b->mtime_sec) return a->mtime_sec < b->mtime_sec ? -1 : 1;
    if (a->mtime_nsec != b->mtime_nsec) return a->mtime_nsec < b->mtime_nsec ? -1 : 1;
    return 0;
}

/* argv_[pos] op argv_[pos+2]; with `-l STRING` operands for integer comparisons (GNU). */
static int binary_operator(int l_is_l) {
    int op = pos + 1;
    const char *left, *right;
    char lbuf[32], rbuf[32];
    int r_is_l = 0;
    if (l_is_l) op++;
    if (op + 2 < argc_ && strcmp(argv_[op + 1], "-l") == 0) r_is_l = 1;
    const char *opname = argv_[op];
    const char *larg = argv_[op - 1], *rarg = argv_[op + 1 + r_is_l];
    if (op + 1 + r_is_l >= argc_) return beyond();
    if (l_is_l) snprintf(lbuf, sizeof lbuf, "%zu", strlen(larg)), left = lbuf; else left = larg;
    if (r_is_l) snprintf(rbuf, sizeof rbuf, "%zu", strlen(rarg)), right = rbuf; else right = rarg;
    pos = op + 2 + r_is_l;
    if (!strcmp(opname, "=") || !strcmp(opname, "==")) return strcmp(left, right) == 0;
    if (!strcmp(opname, "!=")) return strcmp(left, right) != 0;
    if (!strcmp(opname, "-nt") || !strcmp(opname, "-ot") || !strcmp(opname, "-ef")) {
        if (l_is_l || r_is_l) return syntax_error("-nt does not accept -l", "");
        se_stat_t a, b;
        int ha = se_stat(left, &a) == 0, hb = se_stat(right, &b) == 0;
        if (!strcmp(opname, "-ef")) return ha && hb && a.dev == b.dev && a.ino == b.ino;
        if (!strcmp(opname, "-nt")) return ha && (!hb || mtime_cmp(&a, &b) > 0);
        return hb && (!ha || mtime_cmp(&a, &b) < 0);
    }
    long long l, r;
    if (!integer(left, &l) || !integer(right, &r)) return 0;
    if (!strcmp(opname, "-eq")) return l == r;
    if (!strcmp(opname, "-ne")) return l != r;
    if (!strcmp(opname, "-lt")) return l < r;
    if (!strcmp(opname, "-le")) return l <= r;
    if (!strcmp(opname, "-gt")) return l > r;
    if (!strcmp(opname, "-ge")) return l >= r;
    return syntax_error("%s: binary operator expected", cu_quote(opname));
}

static int unary_operator(void) {
    char op = argv_[pos][1];
    if (pos + 1 >= argc_) {
        pos++;
        return beyond();
    }
    const char *arg = argv_[pos + 1];
    pos += 2;
    se_stat_t st;
    switch (op) {
    case 'n': return arg[0] != 0;
    case 'z': return arg[0] == 0;
    case 't': {
        long long fd;
        if (!integer(arg, &fd)) return 0;
        return fd >= 0 && fd <= INT_MAX && se_isatty((int)fd);
    }
    case 'L': case 'h': return se_lstat(arg, &st) == 0 && (st.mode & 0170000) == 0120000;
    case 'r': return se_access(arg, 4) == 0;
    case 'w': return se_access(arg, 2) == 0;
    case 'x': return se_access(arg, 1) == 0;
    }
    if (se_stat(arg, &st) != 0) return 0;
    switch (op) {
    case 'e': return 1;
    case 'f': return (st.mode & 0170000) == 0100000;
    case 'd': return (st.mode & 0170000) == 0040000;
    case 'c': return (st.mode & 0170000) == 0020000;
    case 'b': return (st.mode & 0170000) == 0060000;
    case 'p': return (st.mode & 0170000) == 0010000;
    case 'S': return (st.mode & 0170000) == 0140000;
    case 's': return st.size > 0;
    case 'g': return (st.mode & 02000) != 0;
    case 'u': return (st.mode & 04000) != 0;
    case 'k': return (st.mode & 01000) != 0;
    case 'O': case 'G': return 1; /* every file belongs to root, the only user */
    case 'N': return st.mtime_sec > st.atime_sec || (st.mtime_sec == st.atime_sec && st.mtime_nsec > st.atime_nsec);
    }
    return 0;
}

static int term(void) {
    int negated = 0;
    if (pos >= argc_) return beyond();
    while (is(pos, "!")) {
        negated ^= 1;
        if (++pos >= argc_) return beyond();
    }
    int value;
    if (is(pos, "(")) {
        int nargs;
        pos++;
        for (nargs = 1; pos + nargs < argc_ && !is(pos + nargs, ")"); nargs++)
            if (nargs == 4) {
                nargs = argc_ - pos;
                break;
            }
        value = posixtest(nargs);
        if (!is(pos, ")")) return syntax_error("%s expected", cu_quote(")"));
        pos++;
    } else if (argc_ - pos >= 3 && is_binop(argv_[pos + 1])) {
        value = binary_operator(0);
    } else if (argc_ - pos >= 4 && is(pos, "-l") && is_binop(argv_[pos + 2])) {
        value = binary_operator(1);
    } else if (argv_[pos][0] == '-' && argv_[pos][1] && !argv_[pos][2]) {
        if (!is_unop(argv_[pos])) return syntax_error("%s: unary operator expected", cu_quote(argv_[pos]));
        value = unary_operator();
    } else {
        value = argv_[pos][0] != 0;
        pos++;
    }
    return value ^ negated;
}

static int and_expr(void) {
    int value = 1;
    for (;;) {
        value &= term();
        if (!is(pos, "-a")) return value;
        pos++;
    }
}

static int expr(void) {
    if (pos >= argc_) return beyond();
    int value = 0;
    for (;;) {
        value |= and_expr();
        if (!is(pos, "-o")) return value;
        pos++;
    }
}

static int one_argument(void) { return argv_[pos++][0] != 0; }

static int two_arguments(void) {
    if (is(pos, "!")) {
        pos++;
        return !one_argument();
    }
    if (argv_[pos][0] == '-' && argv_[pos][1] && !argv_[pos][2]) {
        if (is_unop(argv_[pos])) return unary_operator();
        return syntax_error("%s: unary operator expected", cu_quote(argv_[pos]));
    }
    return beyond();
}

static int three_arguments(void) {
    if (is_binop(argv_[pos + 1])) return binary_operator(0);
    if (is(pos, "!")) {
        pos++;
        return !two_arguments();
    }
    if (is(pos, "(") && is(pos + 2, ")")) {
        pos++;
        int v = one_argument();
        pos++;
        return v;
    }
    if (is(pos + 1, "-a") || is(pos + 1, "-o")) return expr();
    return syntax_error("%s: binary operator expected", cu_quote(argv_[pos + 1]));
}

static int posixtest(int nargs) {
    switch (nargs) {
    case 1: return one_argument();
    case 2: return two_arguments();
    case 3: return three_arguments();
    case 4:
        if (is(pos, "!")) {
            pos++;
            return !three_arguments();
        }
        if (is(pos, "(") && is(pos + 3, ")")) {
            pos++;
            int v = two_arguments();
            pos++;
            return v;
        }
        return expr();
    default: return expr();
    }
}

int test_main(int argc, char **argv) {
    cu_init(argc, argv);
    const char *slash = strrchr(argv[0], '/');
    if (strcmp(slash ? slash + 1 : argv[0], "[") == 0) {
        if (argc < 2 || strcmp(argv[argc - 1], "]") != 0) {
            cu_error(0, 0, "missing %s", cu_quote("]"));
            return 2;
        }
        argc--;
    }
    argc_ = argc;
    argv_ = argv;
    pos = 1;
    failed = 0;
    if (argc <= 1) return 1;
    int value = posixtest(argc - 1);
    if (!failed && pos != argc_) syntax_error("extra argument %s", cu_quote(argv_[pos]));
    return failed ? 2 : !value;
}

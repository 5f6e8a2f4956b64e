/* expr — evaluate expressions (GNU grammar: | & comparisons + - * / % : match substr index length). */
#include "cu.h"
#include "regex_gnu.h"
#include "textutil.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

SE_COMMAND("expr", expr_main)

typedef long long num_t;
typedef struct { int is_num; num_t n; char *s; } val_t;

static char **args;
static int nargs, pos;

static void syntax_unexpected(void) {
    cu_error(2, 0, "syntax error: unexpected argument %s", cu_quote(args[pos]));
}

static void need_arg(void) {
    if (pos >= nargs) cu_error(2, 0, "syntax error: missing argument after %s", cu_quote(args[pos - 1]));
}

static int parse_num(const char *s, num_t *out) {
    const char *p = s;
    int neg = 0;
    if (*p == '-') neg = 1, p++;
    if (!*p) return 0;
    num_t v = 0;
    for (; *p; p++) {
        if (*p < '0' || *p > '9') return 0;
        if (__builtin_mul_overflow(v, 10, &v) || __builtin_add_overflow(v, *p - '0', &v))
            cu_error(2, 0, "%s: Numerical result out of range", s);
    }
    *out = neg ? -v : v;
    return 1;
}

static char *num_str(num_t v) {
    char buf[64], *p = buf + sizeof buf - 1;
    *p = 0;
    int neg = v < 0;
    unsigned long long u = neg ? -(unsigned long long)v : (unsigned long long)v;
    do {
        *--p = '0' + (int)(u % 10);
        u /= 10;
    } while (u);
    if (neg) *--p = '-';
    return tu_xstrdup(p);
}

static val_t mk_num(num_t n) { return (val_t){1, n, NULL}; }
static val_t mk_str(const char *s) { return (val_t){0, 0, tu_xstrdup(s)}; }

static char *to_str(val_t *v) {
    if (!v->s) v->s = num_str(v->n);
    return v->s;
}

static num_t to_num(val_t *v) {
    if (v->is_num) return v->n;
    num_t n;
    if (!parse_num(v->s, &n)) cu_error(2, 0, "non-integer argument");
    return n;
}

static int is_null(val_t *v) {
    if (v->is_num) return v->n == 0;
    num_t n;
    if (!v->s[0]) return 1;
    return parse_num(v->s, &n) && n == 0;
}

static val_t e_or(void);

static val_t do_match(val_t s, val_t re) {
    const char *str = to_str(&s), *pat = to_str(&re);
    const char *err;
    rx_t *r = rx_compile(pat, strlen(pat), 0, &err);
    if (!r) cu_error(2, 0, "%s", err);
    rx_match_t m[2];
    int ok = rx_exec(r, str, strlen(str), 0, RX_ANCHORED, m, 2);
    val_t out;
    if (rx_nsub(r) > 0) {
        if (ok && m[1].so >= 0) out = (val_t){0, 0, tu_xmemdup(str + m[1].so, m[1].eo - m[1].so)};
        else out = mk_str("");
    } else {
        out = mk_num(ok ? m[0].eo : 0);
    }
    rx_free(r);
    return out;
}

static val_t e_prim(void) {
    if (pos >= nargs) cu_error(2, 0, "syntax error: missing argument after %s", cu_quote(args[pos - 1]));
    const char *a = args[pos++];
    if (!strcmp(a, "(")) {
        need_arg();
        val_t v = e_or();
        if (pos >= nargs) cu_error(2, 0, "syntax error: expecting ')' after %s", cu_quote(args[pos - 1]));
        if (strcmp(args[pos], ")")) cu_error(2, 0, "syntax error: expecting ')' instead of %s", cu_quote(args[pos]));
        pos++;
        return v;
    }
    if (!strcmp(a, ")")) {
        pos--;
        syntax_unexpected();
    }
    if (!strcmp(a, "+")) {
        need_arg();
        return mk_str(args[pos++]);
    }
    if (!strcmp(a, "length")) {
        need_arg();
        val_t v = e_prim();
        return mk_num(strlen(to_str(&v)));
    }
    if (!strcmp(a, "match")) {
        need_arg();
        val_t s = e_prim();
        need_arg();
        val_t r = e_prim();
        return do_match(s, r);
    }
    if (!strcmp(a, "index")) {
        need_arg();
        val_t s = e_prim();
        need_arg();
        val_t c = e_prim();
        const char *str = to_str(&s), *cs = to_str(&c);
        size_t k = strcspn(str, cs);
        return mk_num(str[k] ? (num_t)k + 1 : 0);
    }
    if (!strcmp(a, "substr")) {
        need_arg();
        val_t s = e_prim();
        need_arg();
        val_t p = e_prim();
        need_arg();
        val_t l = e_prim();
        const char *str = to_str(&s);
        num_t pp, ll;
        size_t len = strlen(str);
        if (!parse_num(to_str(&p), &pp) || !parse_num(to_str(&l), &ll) || pp < 1 || ll < 1 || (size_t)pp > len)
            return mk_str("");
        size_t take = (unsigned long long)(len - (pp - 1)) < (unsigned long long)ll ? len - (pp - 1) : (size_t)ll;
        return (val_t){0, 0, tu_xmemdup(str + pp - 1, take)};
    }
    return mk_str(a);
}

static val_t e_match(void) {
    val_t v = e_prim();
    while (pos < nargs && !strcmp(args[pos], ":")) {
        pos++;
        need_arg();
        val_t r = e_prim();
        v = do_match(v, r);
    }
    return v;
}

static val_t e_mul(void) {
    val_t v = e_match();
    while (pos < nargs && (!strcmp(args[pos], "*") || !strcmp(args[pos], "/") || !strcmp(args[pos], "%"))) {
        char op = args[pos++][0];
        need_arg();
        val_t w = e_match();
        num_t a = to_num(&v), b = to_num(&w);
        if (op != '*' && b == 0) cu_error(2, 0, "division by zero");
        num_t r = 0;
        if (op == '*') {
            if (__builtin_mul_overflow(a, b, &r)) cu_error(2, 0, "result too large");
        } else if (b == -1 && a == LLONG_MIN) {
            cu_error(2, 0, "result too large");
        } else {
            r = op == '/' ? a / b : a % b;
        }
        v = mk_num(r);
    }
    return v;
}

static val_t e_add(void) {
    val_t v = e_mul();
    while (pos < nargs && (!strcmp(args[pos], "+") || !strcmp(args[pos], "-"))) {
        char op = args[pos++][0];
        need_arg();
        val_t w = e_mul();
        num_t a = to_num(&v), b = to_num(&w);
        num_t r = 0;
        if (op == '+' ? __builtin_add_overflow(a, b, &r) : __builtin_sub_overflow(a, b, &r))
            cu_error(2, 0, "result too large");
        v = mk_num(r);
    }
    return v;
}

static val_t e_cmp(void) {
    static const char *ops[] = {"<", "<=", "=", "==", "!=", ">=", ">"};
    val_t v = e_add();
    for (;;) {
        int op = -1;
        for (int k = 0; k < 7 && pos < nargs; k++)
            if (!strcmp(args[pos], ops[k])) op = k;
        if (op < 0) break;
        pos++;
        need_arg();
        val_t w = e_add();
        num_t a, b;
        int c;
        if (parse_num(to_str(&v), &a) && parse_num(to_str(&w), &b)) c = a < b ? -1 : a > b;
        else c = strcoll(to_str(&v), to_str(&w));
        int r = op == 0 ? c < 0 : op == 1 ? c <= 0 : op <= 3 ? c == 0 : op == 4 ? c != 0 : op == 5 ? c >= 0 : c > 0;
        v = mk_num(r);
    }
    return v;
}

static val_t e_and(void) {
    val_t v = e_cmp();
    while (pos < nargs && !strcmp(args[pos], "&")) {
        pos++;
        need_arg();
        val_t w = e_cmp();
        if (is_null(&v) || is_null(&w)) v = mk_num(0);
    }
    return v;
}

static val_t e_or(void) {
    val_t v = e_and();
    while (pos < nargs && !strcmp(args[pos], "|")) {
        pos++;
        need_arg();
        val_t w = e_and();
        if (is_null(&v)) v = is_null(&w) ? mk_num(0) : w;
    }
    return v;
}

int expr_main(int argc, char **argv) {
    cu_init(argc, argv);
    args = argv + 1;
    nargs = argc - 1;
    if (nargs > 0 && !strcmp(args[0], "--")) args++, nargs--;
    if (nargs == 0) cu_usage_error(2, "missing operand");
    val_t v = e_or();
    if (pos < nargs) syntax_unexpected();
    tu_out_init();
    tu_puts(to_str(&v));
    tu_putc('\n');
    int st = cu_finish(0);
    if (st) return 3;
    return is_null(&v) ? 1 : 0;
}

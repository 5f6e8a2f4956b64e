/* arith.c — $(( )) evaluation: C integer operators with precedence climbing, assignment ops,
 * short-circuit evaluation of && || ?: without side effects in the skipped part. */
#include "sh.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static const char *src, *p;
static int err, noeval;

static void ferr(const char *what) {
    if (err) return;
    err = 1;
    sh_errorx(2, "arithmetic expression: %s: \"%s\"", what, src);
}
static void ws(void) {
    while (*p == ' ' || *p == '\t' || *p == '\n') p++;
}

static long long var_num(const char *name) {
    const char *v = var_get(name);
    if (!v || !*v) {
        if (!v && opts[O_NOUNSET]) {
            if (!err) sh_errorx(2, "%s: parameter not set", name);
            err = 1;
        }
        return 0;
    }
    char *e;
    long long x = strtoll(v, &e, 0);
    while (*e == ' ' || *e == '\t' || *e == '\n') e++;
    if (*e) {
        if (!err) sh_errorx(2, "Illegal number: %s", v);
        err = 1;
    }
    return x;
}

static long long expr(int minprec);

static long long primary(void) {
    ws();
    if (err) return 0;
    if (*p == '(') {
        p++;
        long long v = expr(0);
        ws();
        if (*p != ')') {
            ferr("expecting ')'");
            return 0;
        }
        p++;
        return v;
    }
    if (*p == '-' || *p == '+' || *p == '!' || *p == '~') {
        char op = *p++;
        long long v = primary();
        return op == '-' ? -v : op == '+' ? v : op == '!' ? !v : ~v;
    }
    if (isdigit((unsigned char)*p)) {
        char *e;
        long long v;
        if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) v = strtoll(p, &e, 16);
        else if (p[0] == '0') v = strtoll(p, &e, 8);
        else v = strtoll(p, &e, 10);
        if (isalnum((unsigned char)*e) || *e == '_') {
            ferr("expecting EOF");
            return 0;
        }
        p = e;
        return v;
    }
    if (isalpha((unsigned char)*p) || *p == '_') {
        const char *s = p;
        while (isalnum((unsigned char)*p) || *p == '_') p++;
        char *name = xstrndup(s, (size_t)(p - s));
        ws();
        static const char *aops[] = {"<<=", ">>=", "*=", "/=", "%=", "+=", "-=", "&=", "^=", "|=", "=", 0};
        for (int i = 0; aops[i]; i++) {
            size_t n = strlen(aops[i]);
            if (!strncmp(p, aops[i], n) && !(n == 1 && p[1] == '=')) {
                p += n;
                long long rhs = expr(0);
                long long cur = (n > 1 && !noeval) ? var_num(name) : 0, v = rhs;
                char op = aops[i][0];
                if (n > 1) switch (op) {
                    case '<': v = cur << rhs; break;
                    case '>': v = cur >> rhs; break;
                    case '*': v = cur * rhs; break;
                    case '/': case '%':
                        if (!rhs && !noeval) { ferr("division by zero"); free(name); return 0; }
                        v = rhs ? (op == '/' ? cur / rhs : cur % rhs) : 0;
                        break;
                    case '+': v = cur + rhs; break;
                    case '-': v = cur - rhs; break;
                    case '&': v = cur & rhs; break;
                    case '^': v = cur ^ rhs; break;
                    case '|': v = cur | rhs; break;
                    }
                if (!noeval && !err) {
                    char nb[32];
                    snprintf(nb, sizeof nb, "%lld", v);
                    if (var_set(name, nb, 0) < 0) err = 1;
                }
                free(name);
                return v;
            }
        }
        long long v = noeval ? 0 : var_num(name);
        free(name);
        return v;
    }
    ferr("expecting primary");
    return 0;
}

static const struct {
    const char *op;
    int prec;
} bin[] = {{"||", 1}, {"&&", 2}, {"|", 3}, {"^", 4}, {"&", 5}, {"==", 6}, {"!=", 6}, {"<=", 7}, {">=", 7},
           {"<<", 8}, {">>", 8}, {"<", 7}, {">", 7}, {"+", 9}, {"-", 9}, {"*", 10}, {"/", 10}, {"%", 10}, {0, 0}};

static long long expr(int minprec) {
    long long l = primary();
    for (;;) {
        ws();
        if (err) return 0;
        if (*p == '?' && minprec == 0) {
            p++;
            int save = noeval;
            if (!l) noeval = 1;
            long long a = expr(0);
            noeval = save;
            ws();
            if (*p != ':') {
                ferr("expecting ':'");
                return 0;
            }
            p++;
            if (l) noeval = 1;
            long long b = expr(0);
            noeval = save;
            l = l ? a : b;
            continue;
        }
        int k = -1;
        for (int i = 0; bin[i].op; i++) {
            size_t n = strlen(bin[i].op);
            if (!strncmp(p, bin[i].op, n)) {
                if (n == 1 && (p[1] == '=' && *p != '<' && *p != '>')) break; /* assignment op */
                if (n == 1 && (*p == '|' || *p == '&') && p[1] == *p) continue;
                k = i;
                break;
            }
        }
        if (k < 0 || bin[k].prec <= minprec - 1 || bin[k].prec < minprec) return l;
        const char *op = bin[k].op;
        p += strlen(op);
        int save = noeval;
        if ((!strcmp(op, "&&") && !l) || (!strcmp(op, "||") && l)) noeval = 1;
        long long r = expr(bin[k].prec + 1);
        noeval = save;
        if (err) return 0;
        switch (op[0]) {
        case '|': l = op[1] ? (l || r) : (l | r); break;
        case '&': l = op[1] ? (l && r) : (l & r); break;
        case '^': l ^= r; break;
        case '=': l = l == r; break;
        case '!': l = l != r; break;
        case '<': l = op[1] == '=' ? l <= r : op[1] == '<' ? l << r : l < r; break;
        case '>': l = op[1] == '=' ? l >= r : op[1] == '>' ? l >> r : l > r; break;
        case '+': l += r; break;
        case '-': l -= r; break;
        case '*': l *= r; break;
        case '/': case '%':
            if (!r) {
                if (!noeval) {
                    ferr("division by zero");
                    return 0;
                }
                l = 0;
            } else l = op[0] == '/' ? l / r : l % r;
            break;
        }
    }
}

int arith_eval(const char *e, long long *result) {
    src = p = e;
    err = 0;
    noeval = 0;
    ws();
    if (!*p) {
        *result = 0;
        return 0;
    }
    long long v = expr(0);
    ws();
    if (!err && *p) ferr("expecting EOF");
    if (err) return -1;
    *result = v;
    return 0;
}

/* seq — print a sequence of numbers (-s SEP, -w, -f FORMAT). */
#include "cu.h"
#include "textutil.h"

#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

SE_COMMAND("seq", seq_main)

static double parse(const char *s, int *prec, int *is_int) {
    char *e;
    errno = 0;
    double v = strtod(s, &e);
    if (e == s || *e || isnan(v)) cu_usage_error(1, "invalid floating point argument: %s", cu_quote(s));
    const char *dot = strchr(s, '.');
    const char *ex = strpbrk(s, "eE");
    int p = 0;
    if (dot) p = (int)((ex ? ex : s + strlen(s)) - dot - 1);
    if (ex) {
        p -= atoi(ex + 1);
        if (p < 0) p = 0;
    }
    *prec = p;
    *is_int = !dot && !ex && !strpbrk(s, "xXiInN");
    return v;
}

/* Checks that a -f format has exactly one floating conversion. */
static void check_format(const char *f) {
    int n = 0;
    for (const char *p = f; *p; p++) {
        if (*p != '%') continue;
        if (p[1] == '%') {
            p++;
            continue;
        }
        const char *q = p + 1;
        q += strspn(q, "-+ #0'");
        q += strspn(q, "0123456789");
        if (*q == '.') q++, q += strspn(q, "0123456789");
        if (*q == 'L') q++;
        if (!*q || !strchr("eEfFgGaA", *q)) {
            if (!*q) cu_error(1, 0, "format %s ends in %%", cu_quote(f));
            cu_error(1, 0, "format %s has unknown %%%c directive", cu_quote(f), *q);
        }
        n++;
        p = q;
    }
    if (n == 0) cu_error(1, 0, "format %s has no %% directive", cu_quote(f));
    if (n > 1) cu_error(1, 0, "format %s has too many %% directives", cu_quote(f));
}

int seq_main(int argc, char **argv) {
    cu_init(argc, argv);
    const char *sep = "\n", *fmt = NULL;
    int width = 0;
    /* negative numbers are operands, not options */
    int i = 1;
    while (i < argc && argv[i][0] == '-' && argv[i][1] && !(argv[i][1] >= '0' && argv[i][1] <= '9') &&
           argv[i][1] != '.') {
        const char *a = argv[i];
        if (!strcmp(a, "--")) { i++; break; }
        if (!strncmp(a, "-s", 2) || !strncmp(a, "--separator", 11)) {
            const char *v = a[1] == 's' ? a + 2 : strchr(a, '=') ? strchr(a, '=') + 1 : NULL;
            if (!v || (!*v && a[1] == 's')) { if (i + 1 >= argc) cu_usage_error(1, "option requires an argument -- 's'"); v = argv[++i]; }
            sep = v;
        } else if (!strncmp(a, "-f", 2) || !strncmp(a, "--format", 8)) {
            const char *v = a[1] == 'f' ? a + 2 : strchr(a, '=') ? strchr(a, '=') + 1 : NULL;
            if (!v || (!*v && a[1] == 'f')) { if (i + 1 >= argc) cu_usage_error(1, "option requires an argument -- 'f'"); v = argv[++i]; }
            fmt = v;
        } else if (!strcmp(a, "-w") || !strcmp(a, "--equal-width")) {
            width = 1;
        } else {
            cu_usage_error(1, "invalid option -- '%c'", a[1]);
        }
        i++;
    }
    int n = argc - i;
    if (n < 1) cu_usage_error(1, "missing operand");
    if (n > 3) cu_usage_error(1, "extra operand %s", cu_quote(argv[i + 3]));
    int p1 = 0, p2 = 0, p3 = 0, i1 = 1, i2 = 1, i3 = 1;
    double first = 1, step = 1, last;
    if (n == 1) last = parse(argv[i], &p3, &i3);
    else {
        first = parse(argv[i], &p1, &i1);
        if (n == 3) step = parse(argv[i + 1], &p2, &i2);
        last = parse(argv[i + n - 1], &p3, &i3);
    }
    if (step == 0) cu_usage_error(1, "invalid Zero increment value: %s", cu_quote(argv[i + 1]));
    if (fmt && width) cu_usage_error(1, "format string may not be specified when printing equal width strings");
    if (fmt) check_format(fmt);
    tu_out_init();
    int prec = p1 > p2 ? p1 : p2;
    char buf[512];
    int w = 0;
    if (width) {
        int a = snprintf(buf, sizeof buf, "%.*f", prec, first);
        int b = snprintf(buf, sizeof buf, "%.*f", prec, last);
        /* GNU: width of last uses the combined precision too */
        w = a > b ? a : b;
        /* operands written with leading zeros count too (seq -w 007) */
        const char *ops[2] = {n > 1 ? argv[i] : NULL, argv[i + n - 1]};
        for (int k = 0; k < 2; k++) {
            if (!ops[k] || strpbrk(ops[k], "eExXiInN")) continue;
            int cand = (int)strcspn(ops[k], ".") + (prec ? prec + 1 : 0);
            if (cand > w) w = cand;
        }
    }
    if (!fmt && i1 && i2 && i3 && fabs(first) < 9e15 && fabs(last) < 9e15 && fabs(step) < 9e15) {
        long long a = (long long)first, s = (long long)step, l = (long long)last;
        for (long long x = a, k = 0; s > 0 ? x <= l : x >= l; x += s, k++) {
            if (k) tu_puts(sep);
            int m = width ? snprintf(buf, sizeof buf, x < 0 ? "-%0*lld" : "%0*lld", x < 0 ? w - 1 : w, x < 0 ? -x : x)
                          : snprintf(buf, sizeof buf, "%lld", x);
            tu_write(buf, m);
        }
        if ((s > 0 && a <= l) || (s < 0 && a >= l)) tu_putc('\n');
        return cu_finish(0);
    }
    long long k = 0;
    for (;; k++) {
        double x = first + k * step;
        int stop = 0;
        if (step > 0 ? x > last : x < last) {
            char a[512];
            if (fmt) snprintf(a, sizeof a, fmt, x);
            else snprintf(a, sizeof a, "%.*f", prec, x);
            if (strtod(a, NULL) != last) break;
            x = last;
            stop = 1;
        }
        if (k) tu_puts(sep);
        int m;
        if (fmt) m = snprintf(buf, sizeof buf, fmt, x);
        else if (width) m = snprintf(buf, sizeof buf, x < 0 ? "-%0*.*f" : "%0*.*f", x < 0 ? w - 1 : w, prec, fabs(x));
        else m = snprintf(buf, sizeof buf, "%.*f", prec, x);
        if (m > (int)sizeof buf - 1) m = sizeof buf - 1;
        tu_write(buf, m);
        if (stop) {
            k++;
            break;
        }
    }
    if (k) tu_putc('\n');
    return cu_finish(0);
}

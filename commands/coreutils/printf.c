/* printf — GNU /usr/bin/printf: format reuse, %b, escapes, numeric checks. */
#include "cu.h"
#include "textutil.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

SE_COMMAND("printf", printf_main)

static int status;
static int stop_all;

static void check_end(const char *arg, const char *end) {
    if (errno == ERANGE) {
        cu_error(0, ERANGE, "%s", cu_quote(arg));
        status = 1;
    } else if (end == arg) {
        cu_error(0, 0, "%s: expected a numeric value", cu_quote(arg));
        status = 1;
    } else if (*end) {
        cu_error(0, 0, "%s: value not completely converted", cu_quote(arg));
        status = 1;
    }
}

static int char_const(const char *a, long long *v) {
    if ((a[0] == '\'' || a[0] == '"') && a[1]) {
        *v = (unsigned char)a[1];
        return 1;
    }
    return 0;
}

static long long get_int(const char *a) {
    long long v;
    if (!*a) return 0;
    if (char_const(a, &v)) return v;
    char *end;
    errno = 0;
    v = strtoll(a, &end, 0);
    check_end(a, end);
    return v;
}

static unsigned long long get_uint(const char *a) {
    long long c;
    if (!*a) return 0;
    if (char_const(a, &c)) return c;
    char *end;
    errno = 0;
    const char *p = a;
    while (*p == ' ' || *p == '\t') p++;
    unsigned long long v;
    if (*p == '-') {
        v = (unsigned long long)strtoll(a, &end, 0);
    } else {
        v = strtoull(a, &end, 0);
    }
    check_end(a, end);
    return v;
}

static double get_dbl(const char *a) {
    long long c;
    if (!*a) return 0;
    if (char_const(a, &c)) return c;
    char *end;
    errno = 0;
    double v = strtod(a, &end);
    if (errno == ERANGE) errno = 0;
    check_end(a, end);
    return v;
}

static int utf8_locale(void) {
    const char *v = getenv("LC_ALL");
    if (!v || !*v) v = getenv("LC_CTYPE");
    if (!v || !*v) v = getenv("LANG");
    return v && (strstr(v, "UTF-8") || strstr(v, "utf8"));
}

static void print_unicode(unsigned long cp) {
    if (!utf8_locale()) {
        printf(cp > 0xffff ? "\\U%08lX" : "\\u%04lX", cp);
        return;
    }
    char b[4];
    int n;
    if (cp < 0x80) b[0] = cp, n = 1;
    else if (cp < 0x800) b[0] = 0xC0 | cp >> 6, b[1] = 0x80 | (cp & 63), n = 2;
    else if (cp < 0x10000) b[0] = 0xE0 | cp >> 12, b[1] = 0x80 | (cp >> 6 & 63), b[2] = 0x80 | (cp & 63), n = 3;
    else b[0] = 0xF0 | cp >> 18, b[1] = 0x80 | (cp >> 12 & 63), b[2] = 0x80 | (cp >> 6 & 63), b[3] = 0x80 | (cp & 63), n = 4;
    tu_write(b, n);
}

/* Shell-quotes s like GNU %q. */
static void print_q(const char *s) {
    if (!*s) {
        tu_puts("''");
        return;
    }
    int safe = 1;
    for (const char *p = s; *p; p++)
        if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./-+:=%@,", *p)) safe = 0;
    if (safe) {
        tu_puts(s);
        return;
    }
    if (strchr(s, '\'') && !strpbrk(s, "$`\\\"!")) {
        tu_putc('"');
        tu_puts(s);
        tu_putc('"');
        return;
    }
    tu_putc('\'');
    for (const char *p = s; *p; p++) {
        if (*p == '\'') tu_puts("'\\''");
        else tu_putc(*p);
    }
    tu_putc('\'');
}

/* Long-double style %a of GNU printf on x86 (leading hex digit 8-f). */
static void print_a(double v, int upper) {
    char buf[64];
    if (v != v || v == 0 || v - v != 0) {
        snprintf(buf, sizeof buf, upper ? "%A" : "%a", v);
        tu_puts(buf);
        return;
    }
    int e;
    double m = frexp(fabs(v), &e) * 16;
    int d = (int)m;
    m -= d;
    tu_str o = {0};
    if (v < 0) tu_sputc(&o, '-');
    tu_sadd(&o, upper ? "0X" : "0x", 2);
    tu_sputc(&o, "0123456789abcdef"[d] - (upper && d > 9 ? 32 : 0));
    char frac[20];
    int nf = 0;
    while (m > 0 && nf < 15) {
        m *= 16;
        int h = (int)m;
        m -= h;
        frac[nf++] = "0123456789abcdef"[h] - (upper && h > 9 ? 32 : 0);
    }
    if (nf) {
        tu_sputc(&o, '.');
        tu_sadd(&o, frac, nf);
    }
    snprintf(buf, sizeof buf, "%c%+d", upper ? 'P' : 'p', e - 4);
    tu_sadd(&o, buf, strlen(buf));
    tu_write(o.s, o.len);
    free(o.s);
}

/* Writes s interpreting backslash escapes (%b semantics). Returns 1 if \c was seen. */
static int print_b(const char *s) {
    while (*s) {
        if (*s != '\\' || !s[1]) {
            tu_putc(*s++);
            continue;
        }
        if (s[1] == 'c') return 1;
        char o;
        int k = tu_escape(s + 1, &o, s[1] == '0');
        if (k < 0) {
            tu_putc('\\');
            s++;
            continue;
        }
        tu_putc(o);
        s += 1 + k;
    }
    return 0;
}

/* One pass over the format. Returns the number of arguments consumed. */
static int do_format(const char *fmt, int argc, char **argv) {
    int used = 0;
    for (const char *p = fmt; *p; p++) {
        if (*p == '\\') {
            if (!p[1]) {
                tu_putc('\\');
                continue;
            }
            if (p[1] == 'c') {
                stop_all = 1;
                return used;
            }
            char o;
            int k = tu_escape(p + 1, &o, 0);
            if (p[1] == '"') o = '"', k = 1;
            if (p[1] == 'u' || p[1] == 'U') {
                int nd = p[1] == 'u' ? 4 : 8, ok = 1;
                unsigned long cp = 0;
                for (int q = 0; q < nd && ok; q++) {
                    char h = p[2 + q];
                    ok = (h >= '0' && h <= '9') || (h >= 'a' && h <= 'f') || (h >= 'A' && h <= 'F');
                    if (ok) cp = cp * 16 + (h <= '9' ? h - '0' : (h | 32) - 'a' + 10);
                }
                if (!ok) cu_error(1, 0, "missing hexadecimal number in escape");
                print_unicode(cp);
                p += 1 + nd;
                continue;
            }
            if (k < 0) {
                tu_putc('\\');
                continue;
            }
            tu_putc(o);
            p += k;
            continue;
        }
        if (*p != '%') {
            tu_putc(*p);
            continue;
        }
        const char *start = p++;
        if (*p == '%') {
            tu_putc('%');
            continue;
        }
        char spec[64];
        size_t sl = 0;
        spec[sl++] = '%';
        while (*p && strchr("-+ #0'", *p)) {
            if (*p != '\'' && sl < 20) spec[sl++] = *p;
            p++;
        }
        int args[2], na = 0;
        if (*p == '*') {
            args[na++] = used < argc ? (int)get_int(argv[used]) : 0;
            used += used < argc;
            spec[sl++] = '*';
            p++;
        } else {
            while (*p >= '0' && *p <= '9' && sl < 40) spec[sl++] = *p++;
        }
        if (*p == '.') {
            spec[sl++] = *p++;
            if (*p == '*') {
                args[na++] = used < argc ? (int)get_int(argv[used]) : 0;
                used += used < argc;
                spec[sl++] = '*';
                p++;
            } else {
                while (*p >= '0' && *p <= '9' && sl < 50) spec[sl++] = *p++;
            }
        }
        while (*p && strchr("hlLjzt", *p)) p++;
        char conv = *p;
        const char *arg = used < argc ? argv[used] : NULL;
        int badflag = 0;
        for (size_t q = 1; q < sl && strchr("-+ #0", spec[q]); q++)
            if (strchr("csbq", conv) && conv && spec[q] != '-') badflag = 1;
        if (!conv || !strchr("diouxXcsbqfFeEgGaA", conv) || badflag) {
            int len = conv ? (int)(p - start + 1) : (int)(p - start);
            fflush(stdout);
            cu_error(1, 0, "%.*s: invalid conversion specification", len, start);
        }
        used += arg != NULL;
        char *out = NULL;
        int n = 0;
        switch (conv) {
        case 'd': case 'i': {
            long long v = arg ? get_int(arg) : 0;
            memcpy(spec + sl, "lld", 4);
            n = na == 2 ? asprintf(&out, spec, args[0], args[1], v) : na == 1 ? asprintf(&out, spec, args[0], v) : asprintf(&out, spec, v);
            break;
        }
        case 'o': case 'u': case 'x': case 'X': {
            unsigned long long v = arg ? get_uint(arg) : 0;
            spec[sl] = 'l', spec[sl + 1] = 'l', spec[sl + 2] = conv, spec[sl + 3] = 0;
            n = na == 2 ? asprintf(&out, spec, args[0], args[1], v) : na == 1 ? asprintf(&out, spec, args[0], v) : asprintf(&out, spec, v);
            break;
        }
        case 'f': case 'F': case 'e': case 'E': case 'g': case 'G': {
            double v = arg ? get_dbl(arg) : 0;
            spec[sl] = conv, spec[sl + 1] = 0;
            n = na == 2 ? asprintf(&out, spec, args[0], args[1], v) : na == 1 ? asprintf(&out, spec, args[0], v) : asprintf(&out, spec, v);
            break;
        }
        case 'c': {
            int v = arg ? (unsigned char)arg[0] : 0;
            spec[sl] = 'c', spec[sl + 1] = 0;
            n = na == 2 ? asprintf(&out, spec, args[0], args[1], v) : na == 1 ? asprintf(&out, spec, args[0], v) : asprintf(&out, spec, v);
            break;
        }
        case 's': {
            const char *v = arg ? arg : "";
            spec[sl] = 's', spec[sl + 1] = 0;
            n = na == 2 ? asprintf(&out, spec, args[0], args[1], v) : na == 1 ? asprintf(&out, spec, args[0], v) : asprintf(&out, spec, v);
            break;
        }
        case 'q': print_q(arg ? arg : ""); break;
        case 'a': case 'A': {
            double v = arg ? get_dbl(arg) : 0;
            if (na == 0 && sl == 1) {
                print_a(v, conv == 'A');
                break;
            }
            spec[sl] = conv, spec[sl + 1] = 0;
            n = na == 2 ? asprintf(&out, spec, args[0], args[1], v) : na == 1 ? asprintf(&out, spec, args[0], v) : asprintf(&out, spec, v);
            break;
        }
        case 'b': {
            if (print_b(arg ? arg : "")) {
                stop_all = 1;
                return used;
            }
            break;
        }
        }
        if (out) {
            tu_write(out, n);
            free(out);
        }
    }
    return used;
}

int printf_main(int argc, char **argv) {
    cu_init(argc, argv);
    int i = 1;
    if (i < argc && strcmp(argv[i], "--") == 0) i++;
    if (i >= argc) cu_usage_error(1, "missing operand");
    tu_out_init();
    const char *fmt = argv[i++];
    int nargs = argc - i;
    char **args = argv + i;
    do {
        int used = do_format(fmt, nargs, args);
        if (stop_all) break;
        if (used == 0) break;
        args += used;
        nargs -= used;
    } while (nargs > 0);
    if (nargs > 0 && !stop_all && args == argv + i)
        cu_error(0, 0, "warning: ignoring excess arguments, starting with %s", cu_quote(args[0]));
    return cu_finish(status);
}

/* builtins_io.c — echo, printf (dash-compatible), read and getopts. */
#include "sh.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* backslash escapes of echo and printf %b; returns 1 when \c was seen */
static int echo_escapes(Str *o, const char *s) {
    for (; *s; s++) {
        if (*s != '\\' || !s[1]) {
            str_addc(o, *s);
            continue;
        }
        s++;
        switch (*s) {
        case 'a': str_addc(o, '\a'); break;
        case 'b': str_addc(o, '\b'); break;
        case 'c': return 1;
        case 'e': str_addc(o, 27); break;
        case 'f': str_addc(o, '\f'); break;
        case 'n': str_addc(o, '\n'); break;
        case 'r': str_addc(o, '\r'); break;
        case 't': str_addc(o, '\t'); break;
        case 'v': str_addc(o, '\v'); break;
        case '\\': str_addc(o, '\\'); break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            /* \0nnn or \nnn */
            int v = 0, k = 0;
            if (*s != '0') v = *s - '0', k = 1;
            while (k < 3 && s[1] >= '0' && s[1] <= '7') v = v * 8 + (*++s - '0'), k++;
            str_addc(o, (char)v);
            break;
        }
        default:
            str_addc(o, '\\');
            str_addc(o, *s);
        }
    }
    return 0;
}

static int flush_out(Str *o, const char *who) {
    int r = 0;
    if (capture) {
        if (o->len) str_addn(capture, o->s, o->len);
        free(o->s);
        return 0;
    }
    fflush(stdout);
    if (o->len && xwrite(1, o->s, o->len) < 0) {
        extern int pipe_inproc, pipe_epipe;
        if (pipe_inproc && errno == EPIPE) {
            pipe_epipe = 1;
            free(o->s);
            return 1;
        }
        sh_error("%s: %s: I/O error", who, who);
        r = 1;
    }
    free(o->s);
    return r;
}

int b_echo(int argc, char **argv) {
    Str o = {0};
    int i = 1, nl = 1;
    if (i < argc && !strcmp(argv[i], "-n")) nl = 0, i++;
    int stop = 0;
    for (; i < argc && !stop; i++) {
        if (echo_escapes(&o, argv[i])) stop = 1;
        else if (i < argc - 1) str_addc(&o, ' ');
    }
    if (nl && !stop) str_addc(&o, '\n');
    return flush_out(&o, "echo");
}

/* ---- printf ---- */
static int perr;

static const char *conv_num_start(const char *a, long long *lead) {
    if (a[0] == '\'' || a[0] == '"') {
        *lead = (unsigned char)a[1];
        return NULL;
    }
    return a;
}

static long long arg_int(const char *a) {
    long long v = 0;
    if (!conv_num_start(a, &v)) return v;
    if (!*a) return 0;
    char *e;
    errno = 0;
    v = strtoll(a, &e, 0);
    if (e == a) {
        sh_error("printf: %s: expected numeric value", a);
        perr = 1;
    } else if (*e) {
        sh_error("printf: %s: not completely converted", a);
        perr = 1;
    } else if (errno) {
        sh_error("printf: %s: %s", a, strerror(errno));
        perr = 1;
    }
    return v;
}
static unsigned long long arg_uint(const char *a) {
    long long v = 0;
    if (!conv_num_start(a, &v)) return (unsigned long long)v;
    if (*a == '-') return (unsigned long long)arg_int(a);
    if (!*a) return 0;
    char *e;
    unsigned long long u = strtoull(a, &e, 0);
    if (e == a) {
        sh_error("printf: %s: expected numeric value", a);
        perr = 1;
    } else if (*e) {
        sh_error("printf: %s: not completely converted", a);
        perr = 1;
    }
    return u;
}
static double arg_double(const char *a) {
    long long v = 0;
    if (!conv_num_start(a, &v)) return (double)v;
    if (!*a) return 0;
    char *e;
    double d = strtod(a, &e);
    if (e == a) {
        sh_error("printf: %s: expected numeric value", a);
        perr = 1;
    } else if (*e) {
        sh_error("printf: %s: not completely converted", a);
        perr = 1;
    }
    return d;
}

static void addf(Str *o, const char *spec, ...) __attribute__((format(printf, 2, 3)));
#include <stdarg.h>
static void addf(Str *o, const char *spec, ...) {
    va_list ap;
    va_start(ap, spec);
    char buf[512];
    int n = vsnprintf(buf, sizeof buf, spec, ap);
    va_end(ap);
    if (n < (int)sizeof buf) {
        str_adds(o, buf);
        return;
    }
    char *big = xmalloc((size_t)n + 1);
    va_start(ap, spec);
    vsnprintf(big, (size_t)n + 1, spec, ap);
    va_end(ap);
    str_adds(o, big);
    free(big);
}

int b_printf(int argc, char **argv) {
    int i = 1;
    if (i < argc && !strcmp(argv[i], "--")) i++;
    if (i >= argc) {
        sh_error("printf: usage: printf format [arg ...]");
        return 2;
    }
    const char *fmt = argv[i++];
    char **args = argv + i;
    int nargs = argc - i, ai = 0;
    Str o = {0};
    perr = 0;
    int stop = 0;
    do {
        int used = ai;
        for (const char *p = fmt; *p && !stop; p++) {
            if (*p == '\\') {
                p++;
                switch (*p) {
                case 'a': str_addc(&o, '\a'); break;
                case 'b': str_addc(&o, '\b'); break;
                case 'e': str_addc(&o, 27); break;
                case 'f': str_addc(&o, '\f'); break;
                case 'n': str_addc(&o, '\n'); break;
                case 'r': str_addc(&o, '\r'); break;
                case 't': str_addc(&o, '\t'); break;
                case 'v': str_addc(&o, '\v'); break;
                case '\\': str_addc(&o, '\\'); break;
                case 0: str_addc(&o, '\\'); p--; break;
                default:
                    if (*p >= '0' && *p <= '7') {
                        int v = 0, k = 0;
                        while (k < 3 && *p >= '0' && *p <= '7') v = v * 8 + (*p++ - '0'), k++;
                        p--;
                        str_addc(&o, (char)v);
                    } else {
                        str_addc(&o, '\\');
                        str_addc(&o, *p);
                    }
                }
                continue;
            }
            if (*p != '%') {
                str_addc(&o, *p);
                continue;
            }
            if (p[1] == '%') {
                str_addc(&o, '%');
                p++;
                continue;
            }
            /* %[flags][width][.prec]conv */
            char spec[64];
            int k = 0;
            spec[k++] = '%';
            const char *s = p + 1;
            while (*s && strchr("-+ #0", *s) && k < 40) spec[k++] = *s++;
            if (*s == '*') {
                k += snprintf(spec + k, 20, "%d", ai < nargs ? (int)arg_int(args[ai++]) : 0);
                s++;
            } else
                while (isdigit((unsigned char)*s) && k < 40) spec[k++] = *s++;
            if (*s == '.') {
                spec[k++] = *s++;
                if (*s == '*') {
                    k += snprintf(spec + k, 20, "%d", ai < nargs ? (int)arg_int(args[ai++]) : 0);
                    s++;
                } else
                    while (isdigit((unsigned char)*s) && k < 50) spec[k++] = *s++;
            }
            char c = *s;
            const char *a = ai < nargs ? args[ai] : NULL;
            if (c && strchr("diouxXeEfFgGaAcsb", c)) ai += a != NULL;
            switch (c) {
            case 'd':
            case 'i':
                spec[k++] = 'l', spec[k++] = 'l', spec[k++] = c, spec[k] = 0;
                addf(&o, spec, a ? arg_int(a) : 0L);
                break;
            case 'o': case 'u': case 'x': case 'X':
                spec[k++] = 'l', spec[k++] = 'l', spec[k++] = c, spec[k] = 0;
                addf(&o, spec, a ? arg_uint(a) : 0UL);
                break;
            case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'a': case 'A':
                spec[k++] = c, spec[k] = 0;
                addf(&o, spec, a ? arg_double(a) : 0.0);
                break;
            case 'c':
                spec[k++] = 'c', spec[k] = 0;
                if (a && *a) addf(&o, spec, *a);
                else if (a || k > 2) { spec[k - 1] = 's'; addf(&o, spec, ""); }
                break;
            case 's':
                spec[k++] = 's', spec[k] = 0;
                addf(&o, spec, a ? a : "");
                break;
            case 'b': {
                Str t = {0};
                if (echo_escapes(&t, a ? a : "")) stop = 2;
                spec[k++] = 's', spec[k] = 0;
                addf(&o, spec, t.s ? t.s : "");
                free(t.s);
                break;
            }
            default:
                flush_out(&o, "printf");
                sh_error("printf: %.*s: invalid directive", (int)(s - p + (c ? 1 : 0)), p);
                return 2;
            }
            p = s;
        }
        if (ai == used) break;
    } while (ai < nargs && !stop);
    if (flush_out(&o, "printf")) return 1;
    return perr;
}

/* ---- read ---- */
/* stdin is read one byte at a time, so that what follows the line stays for the next reader; a seekable
 * stdin is read in blocks and repositioned after the line instead */
static struct {
    char buf[4096];
    int len, pos, seekable;
    off_t start;
} rb;
static int rb_get(char *c) {
    if (rb.pos < rb.len) {
        *c = rb.buf[rb.pos++];
        return 1;
    }
    for (;;) {
        ssize_t k = read(0, rb.buf, rb.seekable ? sizeof rb.buf : 1);
        if (k < 0 && errno == EINTR) {
            trap_check();
            if (unwind) return 0;
            continue;
        }
        if (k <= 0) return 0;
        if (rb.seekable) rb.start += rb.len;
        rb.len = (int)k;
        rb.pos = 1;
        *c = rb.buf[0];
        return 1;
    }
}
static void rb_begin(void) {
    rb.len = rb.pos = 0;
    off_t here = lseek(0, 0, SEEK_CUR);
    rb.seekable = here >= 0;
    rb.start = here;
    if (rb.seekable) { /* only regular files: pipes/ttys must not be read ahead */
        struct stat st;
        if (fstat(0, &st) < 0 || !S_ISREG(st.st_mode)) rb.seekable = 0;
    }
}
static void rb_end(void) {
    if (rb.seekable && rb.pos < rb.len) lseek(0, rb.start + rb.pos, SEEK_SET);
}

int b_read(int argc, char **argv) {
    int raw = 0, i = 1;
    const char *prompt = NULL;
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        if (!strcmp(argv[i], "--")) {
            i++;
            break;
        }
        for (char *p = argv[i] + 1; *p; p++) {
            if (*p == 'r') raw = 1;
            else if (*p == 'p') {
                if (p[1]) prompt = p + 1;
                else if (i + 1 < argc) prompt = argv[++i];
                break;
            } else {
                sh_error("read: Illegal option -%c", *p);
                return 2;
            }
        }
    }
    if (i >= argc) {
        sh_error("read: arg count");
        return 2;
    }
    if (prompt && isatty(0)) out_str(2, prompt);
    /* read one line byte by byte (so that the rest stays for the next reader) */
    Str line = {0};
    Str quoted = {0}; /* parallel: 1 = escaped char */
    int eof = 0;
    rb_begin();
    for (;;) {
        char c;
        if (!rb_get(&c)) {
            eof = 1;
            break;
        }
        if (c == '\n') break;
        if (c == '\\' && !raw) {
            if (!rb_get(&c)) {
                eof = 1;
                break;
            }
            if (c == '\n') continue;
            str_addc(&line, c);
            str_addc(&quoted, 1);
            continue;
        }
        str_addc(&line, c);
        str_addc(&quoted, 0);
    }
    rb_end();
    const char *ifs = var_get("IFS");
    if (!ifs) ifs = " \t\n";
    size_t n = line.len, pos = 0;
    const char *s = line.s ? line.s : "";
    const char *q = quoted.s ? quoted.s : "";
#define ISIFS(k) (!q[k] && strchr(ifs, s[k]) && s[k])
#define ISWS(k) (ISIFS(k) && (s[k] == ' ' || s[k] == '\t' || s[k] == '\n'))
    while (pos < n && ISWS(pos)) pos++;
    int st = 0;
    for (; i < argc; i++) {
        if (!valid_name(argv[i], strlen(argv[i]))) {
            sh_error("read: %s: bad variable name", argv[i]);
            st = 2;
            break;
        }
        Str v = {0};
        if (i == argc - 1) {
            /* the rest, minus trailing IFS whitespace */
            size_t end = n;
            while (end > pos && ISWS(end - 1)) end--;
            str_addn(&v, s + pos, end - pos);
            pos = n;
        } else {
            while (pos < n && !ISIFS(pos)) str_addc(&v, s[pos++]);
            if (pos < n) {
                int nonws = !ISWS(pos);
                pos++;
                while (pos < n && ISWS(pos)) pos++;
                if (!nonws && pos < n && ISIFS(pos) && !ISWS(pos)) {
                    pos++;
                    while (pos < n && ISWS(pos)) pos++;
                }
            }
        }
        char *val = str_take(&v);
        Var *rv = var_lookup(argv[i]);
        if (rv && (rv->flags & V_READONLY)) {
            sh_error("read: %s: is read only", argv[i]);
            st = 2;
        } else if (var_set(argv[i], val, 0) < 0)
            st = 2;
        free(val);
    }
    free(line.s);
    free(quoted.s);
    if (st) return st;
    return eof ? 1 : 0;
}

/* ---- getopts ---- */
int getopts_pos; /* index into the current argument, 0 = start a new one */

int b_getopts(int argc, char **argv) {
    if (argc < 3) {
        sh_error("getopts: Usage: getopts optstring var [arg...]");
        return 2;
    }
    const char *optstr = argv[1], *var = argv[2];
    char **args = argc > 3 ? argv + 3 : posargs;
    int nargs = argc > 3 ? argc - 3 : nposargs;
    const char *oi = var_get("OPTIND");
    long long optind = oi ? atoll(oi) : 1;
    if (optind < 1) optind = 1;
    int silent = optstr[0] == ':';
    if (silent) optstr++;
    char nb[32];
    if (optind > nargs) goto done;
    const char *a = args[optind - 1];
    if (getopts_pos == 0) {
        if (a[0] != '-' || !a[1]) goto done;
        if (!strcmp(a, "--")) {
            optind++;
            goto done;
        }
        getopts_pos = 1;
    }
    char c = a[getopts_pos++];
    int last = !a[getopts_pos];
    const char *o = strchr(optstr, c);
    char optbuf[2] = {c, 0};
    if (!o || c == ':') {
        if (last) optind++, getopts_pos = 0;
        if (silent) {
            var_set("OPTARG", optbuf, 0);
        } else {
            var_unset("OPTARG");
            fflush(stdout);
            fprintf(stderr, "Illegal option -%c\n", c);
        }
        var_set(var, "?", 0);
    } else if (o[1] == ':') {
        if (!last) {
            var_set("OPTARG", a + getopts_pos, 0);
            optind++;
        } else if (optind < nargs) {
            var_set("OPTARG", args[optind], 0);
            optind += 2;
        } else {
            optind++;
            getopts_pos = 0;
            if (silent) {
                var_set("OPTARG", optbuf, 0);
                var_set(var, ":", 0);
            } else {
                var_unset("OPTARG");
                fflush(stdout);
                fprintf(stderr, "No arg for -%c option\n", c);
                var_set(var, "?", 0);
            }
            goto setind;
        }
        getopts_pos = 0;
        var_set(var, optbuf, 0);
    } else {
        if (last) optind++, getopts_pos = 0;
        var_set("OPTARG", "", 0);
        var_set(var, optbuf, 0);
    }
setind:
    snprintf(nb, sizeof nb, "%lld", optind);
    {
        int save = getopts_pos;
        var_set("OPTIND", nb, 0);
        getopts_pos = save;
    }
    return 0;
done:
    getopts_pos = 0;
    snprintf(nb, sizeof nb, "%lld", optind);
    var_set("OPTIND", nb, 0);
    var_set(var, "?", 0);
    return 1;
}

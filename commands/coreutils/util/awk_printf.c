/* awk_printf.c — printf/sprintf formatting. */
#include "awk.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct Out {
    char *p;
    size_t len, cap;
} Out;

static void out_add(Out *o, const char *s, size_t n) {
    if (o->len + n + 1 > o->cap) {
        o->cap = (o->len + n + 1) * 2;
        o->p = realloc(o->p, o->cap);
        if (!o->p) awk_fatal("out of memory");
    }
    memcpy(o->p + o->len, s, n);
    o->len += n;
}

/* snprintf into the output, whatever the length */
#define EMIT(...)                                                         \
    do {                                                                  \
        char tmp_[256];                                                   \
        int n_ = snprintf(tmp_, sizeof tmp_, __VA_ARGS__);                \
        if (n_ < (int)sizeof tmp_) out_add(o, tmp_, (size_t)n_);          \
        else {                                                            \
            char *big_ = malloc((size_t)n_ + 1);                          \
            snprintf(big_, (size_t)n_ + 1, __VA_ARGS__);                  \
            out_add(o, big_, (size_t)n_);                                 \
            free(big_);                                                   \
        }                                                                 \
    } while (0)

static Node *take(Node **args, Value *v) {
    Node *a = *args;
    if (!a) {
        fflush(stdout);
        awk_fatal("not enough arguments to satisfy format string");
    }
    *v = awk_eval(a);
    *args = a->next;
    return a;
}

Str *awk_format(const char *fmt, size_t flen, Node *args) {
    Out out = {0}, *o = &out;
    size_t i = 0;
    while (i < flen) {
        const char *pct = memchr(fmt + i, '%', flen - i);
        if (!pct) {
            out_add(o, fmt + i, flen - i);
            break;
        }
        out_add(o, fmt + i, (size_t)(pct - (fmt + i)));
        i = (size_t)(pct - fmt) + 1;
        if (i >= flen) {
            out_add(o, "%", 1);
            break;
        }
        if (fmt[i] == '%') {
            out_add(o, "%", 1);
            i++;
            continue;
        }
        /* build a C conversion spec: flags, width, precision */
        char spec[64];
        size_t sl = 0;
        spec[sl++] = '%';
        while (i < flen && strchr("-+ #0", fmt[i])) {
            if (sl < 20) spec[sl++] = fmt[i];
            i++;
        }
        Value v;
        if (i < flen && fmt[i] == '*') {
            take(&args, &v);
            sl += (size_t)snprintf(spec + sl, sizeof spec - sl, "%d", (int)awkv_tonum(&v));
            awkv_free(&v);
            i++;
        } else {
            while (i < flen && fmt[i] >= '0' && fmt[i] <= '9') {
                if (sl < 40) spec[sl++] = fmt[i];
                i++;
            }
        }
        int has_prec = 0;
        if (i < flen && fmt[i] == '.') {
            has_prec = 1;
            spec[sl++] = '.';
            i++;
            if (i < flen && fmt[i] == '*') {
                take(&args, &v);
                sl += (size_t)snprintf(spec + sl, sizeof spec - sl, "%d", (int)awkv_tonum(&v));
                awkv_free(&v);
                i++;
            } else {
                while (i < flen && fmt[i] >= '0' && fmt[i] <= '9') {
                    if (sl < 55) spec[sl++] = fmt[i];
                    i++;
                }
            }
        }
        (void)has_prec;
        if (i >= flen) {
            /* incomplete spec: print it literally */
            out_add(o, pct, (size_t)(fmt + flen - pct));
            break;
        }
        char conv = fmt[i++];
        switch (conv) {
        case 'd': case 'i': {
            take(&args, &v);
            double d = awkv_tonum(&v);
            awkv_free(&v);
            if (!isfinite(d)) {
                spec[sl++] = 'f';
                spec[sl] = 0;
                EMIT(spec, d);
            } else if (fabs(d) < 9.2e18) {
                spec[sl++] = 'l';
                spec[sl++] = 'l';
                spec[sl++] = 'd';
                spec[sl] = 0;
                EMIT(spec, (long long)d);
            } else {
                spec[sl++] = '.';
                spec[sl++] = '0';
                spec[sl++] = 'f';
                spec[sl] = 0;
                EMIT(spec, trunc(d));
            }
            break;
        }
        case 'o': case 'x': case 'X': case 'u': {
            take(&args, &v);
            double d = awkv_tonum(&v);
            awkv_free(&v);
            unsigned long long u = d < 0 ? (unsigned long long)(long long)d : (unsigned long long)d;
            spec[sl++] = 'l';
            spec[sl++] = 'l';
            spec[sl++] = conv;
            spec[sl] = 0;
            EMIT(spec, u);
            break;
        }
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'a': case 'A': {
            take(&args, &v);
            double d = awkv_tonum(&v);
            awkv_free(&v);
            spec[sl++] = conv;
            spec[sl] = 0;
            EMIT(spec, d);
            break;
        }
        case 'c': {
            take(&args, &v);
            char ch[2] = {0, 0};
            size_t cl = 1;
            char u8[8];
            if (v.type == T_MAYBE) awkv_isnumeric(&v); /* input numbers print as characters */
            if (v.type == T_STRNUM) v.type = T_NUM;
            if (v.type == T_NUM && v.num >= 256 && v.num < 0x110000) {
                /* like gawk: code points above a byte are written in UTF-8 */
                unsigned c = (unsigned)v.num;
                int k = 0;
                if (c < 0x800) u8[k++] = (char)(0xC0 | c >> 6);
                else if (c < 0x10000) u8[k++] = (char)(0xE0 | c >> 12), u8[k++] = (char)(0x80 | ((c >> 6) & 0x3F));
                else u8[k++] = (char)(0xF0 | c >> 18), u8[k++] = (char)(0x80 | ((c >> 12) & 0x3F)), u8[k++] = (char)(0x80 | ((c >> 6) & 0x3F));
                u8[k++] = (char)(0x80 | (c & 0x3F));
                u8[k] = 0;
                spec[sl++] = 's';
                spec[sl] = 0;
                char *dot = strchr(spec, '.');
                if (dot) { dot[0] = 's'; dot[1] = 0; }
                EMIT(spec, u8);
                awkv_free(&v);
                break;
            }
            if (v.type == T_NUM) {
                ch[0] = (char)(int)awkv_tonum(&v);
            } else {
                Str *s = awkv_tostr(&v);
                ch[0] = s->len ? s->s[0] : 0;
                awkstr_unref(s);
            }
            awkv_free(&v);
            spec[sl++] = 's';
            spec[sl] = 0;
            /* %c of NUL still writes one byte: pad manually */
            if (cl && ch[0] == 0) {
                int w = atoi(spec + 1 + strspn(spec + 1, "-+ #0"));
                int left = strchr(spec, '-') != NULL;
                if (!left) for (int k = 1; k < w; k++) out_add(o, " ", 1);
                out_add(o, "", 1);
                if (left) for (int k = 1; k < w; k++) out_add(o, " ", 1);
            } else {
                /* precision must not cut the character */
                char *dot = strchr(spec, '.');
                if (dot) { dot[0] = 's'; dot[1] = 0; }
                EMIT(spec, ch);
            }
            break;
        }
        case 's': {
            take(&args, &v);
            Str *s = awkv_tostr(&v);
            awkv_free(&v);
            spec[sl++] = 's';
            spec[sl] = 0;
            if (sl == 2) out_add(o, s->s, s->len);
            else EMIT(spec, s->s);
            awkstr_unref(s);
            break;
        }
        case '%':
            out_add(o, "%", 1);
            break;
        default:
            /* unknown conversion: copy literally */
            out_add(o, pct, (size_t)(fmt + i - pct));
            break;
        }
    }
    Str *r = awkstr_new(out.p ? out.p : "", out.len);
    free(out.p);
    return r;
}

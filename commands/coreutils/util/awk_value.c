/* awk_value.c — reference-counted strings and awk values (conversions, comparison). */
#include "awk.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

Str *awk_empty; /* set up by awk_values_init */

Str *awkstr_alloc(size_t len) {
    Str *s = malloc(sizeof(Str) + len + 1);
    if (!s) awk_fatal("out of memory");
    s->ref = 1;
    s->len = len;
    s->s[len] = 0;
    return s;
}

void awk_values_init(void) {
    if (!awk_empty) {
        awk_empty = awkstr_alloc(0);
        awk_empty->ref = 1 << 30;
    }
}

Str *awkstr_new(const char *p, size_t len) {
    if (len == 0) return str_ref(awk_empty);
    Str *s = awkstr_alloc(len);
    memcpy(s->s, p, len);
    return s;
}

Str *awkstr_cstr(const char *p) { return awkstr_new(p, strlen(p)); }

void awkstr_unref(Str *s) {
    if (s && --s->ref == 0) free(s);
}

Value awkv_maybe(Str *s) {
    Value v = {T_MAYBE, 0, 0, s};
    return v;
}

Value awkv_copy(const Value *v) {
    Value r = *v;
    if (r.s) str_ref(r.s);
    return r;
}

void awkv_free(Value *v) {
    if (v->s) awkstr_unref(v->s);
    v->s = NULL;
}

/* strtod with awk's leading/trailing blank rules; *looks_numeric = whole string is a number. */
double awk_strtod(const char *s, int *looks_numeric) {
    const char *p = s;
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f' || *p == '\v') p++;
    char *end;
    double d = strtod(p, &end);
    if (end == p) {
        if (looks_numeric) *looks_numeric = 0;
        return 0;
    }
    if (looks_numeric) {
        const char *q = end;
        while (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\r' || *q == '\f' || *q == '\v') q++;
        *looks_numeric = *q == 0;
    }
    return d;
}

static void classify(Value *v) {
    int ok;
    double d = awk_strtod(v->s->s, &ok);
    if (ok) {
        v->type = T_STRNUM;
        v->num = d;
        v->numok = 1;
    } else {
        v->type = T_STR;
        v->num = d;
        v->numok = 1;
    }
}

int awkv_isnumeric(Value *v) {
    if (v->type == T_MAYBE) classify(v);
    return v->type == T_NUM || v->type == T_STRNUM || v->type == T_UNINIT;
}

double awkv_tonum(Value *v) {
    if (v->numok) return v->num;
    if (!v->s) return 0;
    v->num = awk_strtod(v->s->s, NULL);
    v->numok = 1;
    return v->num;
}

static Str *fmt_special(double d) {
    if (isnan(d)) return awkstr_cstr(signbit(d) ? "-nan" : "+nan");
    return awkstr_cstr(d < 0 ? "-inf" : "+inf");
}

Str *awk_num_to_str(double d, const char *fmt) {
    char buf[512];
    if (!isfinite(d)) return fmt_special(d);
    if (d == (double)(long long)d && fabs(d) < 1e18) {
        snprintf(buf, sizeof buf, "%lld", (long long)d);
    } else if (d == floor(d)) {
        snprintf(buf, sizeof buf, "%.0f", d);
    } else {
        snprintf(buf, sizeof buf, fmt, d);
    }
    return awkstr_cstr(buf);
}

Str *awkv_tostr(Value *v) {
    switch (v->type) {
    case T_UNINIT: return str_ref(awk_empty);
    case T_NUM: return awk_num_to_str(v->num, awk_convfmt->s);
    default: return str_ref(v->s);
    }
}

Str *awkv_tostr_out(Value *v) {
    if (v->type == T_NUM) return awk_num_to_str(v->num, awk_ofmt->s);
    return awkv_tostr(v);
}

int awkv_truth(Value *v) {
    switch (v->type) {
    case T_UNINIT: return 0;
    case T_NUM: return v->num != 0;
    case T_STR: return v->s->len != 0;
    default:
        if (awkv_isnumeric(v)) return v->num != 0;
        return v->s->len != 0;
    }
}

int awkv_compare(Value *a, Value *b) {
    if (awkv_isnumeric(a) && awkv_isnumeric(b)) {
        double x = awkv_tonum(a), y = awkv_tonum(b);
        return x < y ? -1 : x > y ? 1 : x == y ? 0 : (isnan(x) ? (isnan(y) ? 0 : 1) : -1);
    }
    Str *s = awkv_tostr(a), *t = awkv_tostr(b);
    size_t n = s->len < t->len ? s->len : t->len;
    int c = memcmp(s->s, t->s, n);
    if (c == 0) c = s->len < t->len ? -1 : s->len > t->len;
    awkstr_unref(s);
    awkstr_unref(t);
    return c;
}

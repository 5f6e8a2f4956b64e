/* awk_builtin.c — built-in functions: strings, regex substitution, math, I/O helpers. */
#include "awk.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double seed = 1, prev_seed;
static unsigned long long rng_state = 0x853c49e6748fea9bULL;

static void rng_seed(double s) {
    rng_state = (unsigned long long)(long long)s * 6364136223846793005ULL + 1442695040888963407ULL;
}

static double rng_next(void) {
    /* xorshift64* */
    unsigned long long x = rng_state;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    rng_state = x ? x : 0x9e3779b97f4a7c15ULL;
    return (double)((x * 2685821657736338717ULL) >> 11) / 9007199254740992.0;
}

int awk_random_init(void) {
    rng_seed(1);
    return 0;
}

static int nargs(Node *a) {
    int n = 0;
    for (; a; a = a->next) n++;
    return n;
}

static Str *arg_str(Node *a) {
    Value v = awk_eval(a);
    Str *s = awkv_tostr(&v);
    awkv_free(&v);
    return s;
}

static double arg_num(Node *a) {
    Value v = awk_eval(a);
    double d = awkv_tonum(&v);
    awkv_free(&v);
    return d;
}

static Regex *arg_regex(Node *a) {
    if (a->type == N_REGEX) return a->re;
    Str *s = arg_str(a);
    Regex *r = awkre_dynamic(s);
    awkstr_unref(s);
    return r;
}

/* growable output buffer */
typedef struct Buf {
    char *p;
    size_t len, cap;
} Buf;

static void buf_add(Buf *b, const char *s, size_t n) {
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2;
        b->p = realloc(b->p, b->cap);
        if (!b->p) awk_fatal("out of memory");
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
}

static Str *buf_str(Buf *b) {
    Str *s = awkstr_new(b->p ? b->p : "", b->len);
    free(b->p);
    return s;
}

/* sub/gsub: returns the number of replacements; *out gets the new string (NULL when none). */
static int substitute(Regex *re, Str *repl, Str *target, int global, Str **out) {
    Buf b = {0};
    const char *s = target->s;
    size_t len = target->len, pos = 0;
    long last_end = -1;
    int count = 0;
    while (pos <= len) {
        size_t so, eo;
        if (!awkre_match(re, s + pos, pos > 0, &so, &eo)) break;
        size_t ms = pos + so, me = pos + eo;
        if (ms == me && (long)ms == last_end) {
            /* empty match right after the previous match: not a new match */
            if (ms >= len) break;
            buf_add(&b, s + pos, ms - pos + 1);
            pos = ms + 1;
            continue;
        }
        buf_add(&b, s + pos, ms - pos);
        for (size_t i = 0; i < repl->len; i++) {
            char c = repl->s[i];
            if (c == '\\' && i + 1 < repl->len && (repl->s[i + 1] == '&' || repl->s[i + 1] == '\\')) {
                buf_add(&b, &repl->s[++i], 1);
            } else if (c == '&') {
                buf_add(&b, s + ms, me - ms);
            } else {
                buf_add(&b, &c, 1);
            }
        }
        count++;
        last_end = (long)me;
        if (ms == me) {
            if (ms < len) buf_add(&b, s + ms, 1);
            pos = ms + 1;
        } else {
            pos = me;
        }
        if (!global) break;
    }
    if (!count) {
        free(b.p);
        *out = NULL;
        return 0;
    }
    if (pos < len) buf_add(&b, s + pos, len - pos);
    *out = buf_str(&b);
    return count;
}

static Value do_sub(Node *n, int global) {
    Node *a = n->a;
    int na = nargs(a);
    if (na < 2 || na > 3) awk_fatal("%s: wrong number of arguments", global ? "gsub" : "sub");
    Str *repl = arg_str(a->next);
    Node *target = na == 3 ? a->next->next : NULL;
    Value tv;
    if (target) tv = awk_eval(target);
    else tv = awkfld_get(0);
    Str *ts = awkv_tostr(&tv);
    awkv_free(&tv);
    Regex *re = arg_regex(a);
    Str *res;
    int cnt = substitute(re, repl, ts, global, &res);
    if (cnt) {
        if (target) {
            if (target->type == N_GROUP) target = target->a;
            if (target->type == N_GVAR || target->type == N_LVAR || target->type == N_FIELD || target->type == N_INDEX)
                awk_assign_to(target, v_str(res));
            else
                awkstr_unref(res);
        } else {
            awkfld_set(0, v_str(res));
        }
    } else if (target && target->type == N_FIELD) {
        double d = arg_num(target->a);
        if (d >= 1) awkfld_touch((long)d);
    }
    awkstr_unref(repl);
    awkstr_unref(ts);
    return v_num(cnt);
}

static Value length_of(Node *a) {
    if (!a) {
        Str *r = awkfld_record();
        return v_num((double)r->len);
    }
    Node *x = a->type == N_GROUP ? a->a : a;
    Str *s = arg_str(x);
    double d = (double)s->len;
    awkstr_unref(s);
    return v_num(d);
}

Value awk_builtin(Node *n) {
    Node *a = n->a;
    int na = nargs(a);
    switch (n->op) {
    case B_LENGTH: return length_of(a);
    case B_SUBSTR: {
        if (na < 2 || na > 3) awk_fatal("substr: wrong number of arguments");
        Str *s = arg_str(a);
        double m = arg_num(a->next);
        double len = (double)s->len;
        double start = m, end;
        /* like gawk --posix: truncated start and length; a start before 1 is moved to 1 */
        if (isnan(start)) start = 1;
        start = trunc(start);
        if (start < 1) start = 1;
        if (na == 3) {
            double l = arg_num(a->next->next);
            if (isnan(l)) l = 0;
            end = start + trunc(l);
            if (end > len + 1) end = len + 1;
        } else {
            end = len + 1;
        }
        Str *r;
        if (end <= start) r = str_ref(awk_empty);
        else r = awkstr_new(s->s + (size_t)start - 1, (size_t)(end - start));
        awkstr_unref(s);
        return v_str(r);
    }
    case B_INDEX: {
        if (na != 2) awk_fatal("index: wrong number of arguments");
        Str *s = arg_str(a), *t = arg_str(a->next);
        double r = 0;
        if (t->len == 0) r = 1; /* as gawk */
        else {
            for (size_t i = 0; i + t->len <= s->len; i++)
                if (memcmp(s->s + i, t->s, t->len) == 0) { r = (double)i + 1; break; }
        }
        awkstr_unref(s);
        awkstr_unref(t);
        return v_num(r);
    }
    case B_SPLIT: {
        if (na < 2 || na > 3) awk_fatal("split: wrong number of arguments");
        Str *s = arg_str(a);
        Node *an = a->next;
        if (an->type == N_GROUP) an = an->a;
        if (an->type != N_GVAR && an->type != N_LVAR) awk_fatal("split: second argument is not an array");
        Node *fsn = na == 3 ? a->next->next : NULL;
        Str *fs = NULL;
        Regex *re = NULL;
        if (fsn && fsn->type == N_REGEX) re = fsn->re;
        else if (fsn) fs = arg_str(fsn);
        int cnt = awk_split(s, awk_node_array(an), fs, re);
        awkstr_unref(s);
        if (fs) awkstr_unref(fs);
        return v_num(cnt);
    }
    case B_SUB: return do_sub(n, 0);
    case B_GSUB: return do_sub(n, 1);
    case B_MATCH: {
        if (na != 2) awk_fatal("match: wrong number of arguments");
        Str *s = arg_str(a);
        Regex *re = arg_regex(a->next);
        size_t so, eo;
        double start = 0, len = -1;
        if (awkre_match(re, s->s, 0, &so, &eo)) {
            start = (double)so + 1;
            len = (double)(eo - so);
        }
        awkstr_unref(s);
        awk_set_var(&awk_globals[V_RSTART], v_num(start));
        awk_set_var(&awk_globals[V_RLENGTH], v_num(len));
        return v_num(start);
    }
    case B_SPRINTF: {
        if (na < 1) awk_fatal("sprintf: no format");
        Str *f = arg_str(a);
        Str *r = awk_format(f->s, f->len, a->next);
        awkstr_unref(f);
        return v_str(r);
    }
    case B_TOLOWER: case B_TOUPPER: {
        if (na != 1) awk_fatal("tolower/toupper: wrong number of arguments");
        Str *s = arg_str(a);
        Str *r = awkstr_alloc(s->len);
        for (size_t i = 0; i < s->len; i++)
            r->s[i] = (char)(n->op == B_TOLOWER ? tolower((unsigned char)s->s[i]) : toupper((unsigned char)s->s[i]));
        awkstr_unref(s);
        return v_str(r);
    }
    case B_SIN: return v_num(sin(na ? arg_num(a) : 0));
    case B_COS: return v_num(cos(na ? arg_num(a) : 0));
    case B_ATAN2: {
        if (na != 2) awk_fatal("atan2: wrong number of arguments");
        double y = arg_num(a), x = arg_num(a->next);
        return v_num(atan2(y, x));
    }
    case B_EXP: return v_num(exp(na ? arg_num(a) : 0));
    case B_LOG: return v_num(log(na ? arg_num(a) : 0));
    case B_SQRT: return v_num(sqrt(na ? arg_num(a) : 0));
    case B_INT: return v_num(trunc(na ? arg_num(a) : 0));
    case B_RAND: return v_num(rng_next());
    case B_SRAND: {
        prev_seed = seed;
        seed = na ? arg_num(a) : (double)time(NULL);
        rng_seed(seed);
        return v_num(prev_seed);
    }
    case B_CLOSE: {
        if (na < 1) awk_fatal("close: wrong number of arguments");
        Str *s = arg_str(a);
        int r = awkio_close(s);
        awkstr_unref(s);
        return v_num(r);
    }
    case B_FFLUSH: {
        if (na == 0) return v_num(awkio_fflush(NULL, 1));
        Str *s = arg_str(a);
        int r = awkio_fflush(s, 0);
        awkstr_unref(s);
        return v_num(r);
    }
    case B_SYSTEM: {
        Str *s = na ? arg_str(a) : str_ref(awk_empty);
        int r = awkio_system(s);
        awkstr_unref(s);
        return v_num(r);
    }
    }
    awk_fatal("internal error: builtin %d", n->op);
}

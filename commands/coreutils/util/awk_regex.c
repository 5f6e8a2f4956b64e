/* awk_regex.c — awk EREs on top of regcomp(REG_EXTENDED): escape translation and a compile cache. */
#include "awk.h"

#include <stdlib.h>
#include <string.h>

typedef struct Buf {
    char *p;
    size_t len, cap;
} Buf;

static void put(Buf *b, char c) {
    if (b->len + 2 > b->cap) {
        b->cap = b->cap ? b->cap * 2 : 64;
        b->p = realloc(b->p, b->cap);
        if (!b->p) awk_fatal("out of memory");
    }
    b->p[b->len++] = c;
    b->p[b->len] = 0;
}

static int esc_value(const char *s, size_t len, size_t *i, int *out) {
    /* s[*i] follows a backslash; returns 1 and the byte for awk escapes */
    char c = s[*i];
    switch (c) {
    case 'n': *out = '\n'; break;
    case 't': *out = '\t'; break;
    case 'r': *out = '\r'; break;
    case 'f': *out = '\f'; break;
    case 'v': *out = '\v'; break;
    case 'a': *out = '\a'; break;
    case 'b': *out = '\b'; break;
    case '/': *out = '/'; break;
    case '"': *out = '"'; break;
    default:
        if (c >= '0' && c <= '7') {
            int v = 0, k = 0;
            while (k < 3 && *i < len && s[*i] >= '0' && s[*i] <= '7') v = v * 8 + (s[(*i)++] - '0'), k++;
            *out = v & 0xff;
            return 1;
        }
        return 0;
    }
    (*i)++;
    return 1;
}

/* Translates an awk ERE to a POSIX ERE. */
static char *translate(const char *s, size_t len) {
    Buf b = {0};
    put(&b, 0);
    b.len = 0;
    size_t i = 0;
    while (i < len) {
        char c = s[i];
        if (c == '\\' && i + 1 < len) {
            i++;
            int v;
            if (esc_value(s, len, &i, &v)) {
                if (v && strchr(".[]()*+?{}|^$\\", v)) put(&b, '\\');
                put(&b, (char)v);
            } else {
                put(&b, '\\');
                put(&b, s[i++]);
            }
            continue;
        }
        if (c == '[') {
            /* bracket expression: collect members, handling awk escapes */
            size_t j = i + 1;
            int neg = 0, rbr = 0, dash = 0;
            Buf m = {0};
            if (j < len && s[j] == '^') neg = 1, j++;
            if (j < len && s[j] == ']') rbr = 1, j++;
            int closed = 0;
            while (j < len) {
                char d = s[j];
                if (d == ']') { closed = 1; j++; break; }
                if (d == '[' && j + 1 < len && (s[j + 1] == ':' || s[j + 1] == '.' || s[j + 1] == '=')) {
                    char t = s[j + 1];
                    size_t k = j + 2;
                    while (k + 1 < len && !(s[k] == t && s[k + 1] == ']')) k++;
                    if (k + 1 < len) {
                        for (size_t q = j; q <= k + 1; q++) put(&m, s[q]);
                        j = k + 2;
                        continue;
                    }
                }
                if (d == '\\' && j + 1 < len) {
                    j++;
                    int v;
                    if (esc_value(s, len, &j, &v)) { put(&m, (char)v); continue; }
                    char e = s[j++];
                    if (e == ']') rbr = 1;
                    else if (e == '-') dash = 1;
                    else if (e == '\\') put(&m, '\\');
                    else put(&m, e);
                    continue;
                }
                put(&m, d);
                j++;
            }
            if (!closed) {
                /* let regcomp report it */
                put(&b, '[');
                i++;
                free(m.p);
                continue;
            }
            put(&b, '[');
            if (neg) put(&b, '^');
            if (rbr) put(&b, ']');
            for (size_t q = 0; q < m.len; q++) {
                if (q == 0 && m.p[q] == '^' && !neg && !rbr) {
                    /* keep a literal ^ away from the front */
                    if (m.len == 1) { put(&b, '^'); continue; }
                }
                put(&b, m.p[q]);
            }
            if (dash) put(&b, '-');
            put(&b, ']');
            free(m.p);
            i = j;
            continue;
        }
        put(&b, c);
        i++;
    }
    if (!b.p) put(&b, 0), b.len = 0;
    b.p[b.len] = 0;
    return b.p;
}

static Regex *compile(const char *src, size_t len) {
    Regex *r = calloc(1, sizeof *r);
    char *ere = translate(src, len);
    int e = regcomp(&r->re, ere, REG_EXTENDED);
    if (e) {
        char msg[256];
        regerror(e, &r->re, msg, sizeof msg);
        awk_fatal("invalid regexp: %s: /%.*s/", msg, (int)len, src);
    }
    free(ere);
    r->ok = 1;
    return r;
}

Regex *awkre_compile_lit(const char *src, size_t len) {
    return compile(src, len);
}

#define CACHE 128
static struct { Str *key; Regex *re; } cache[CACHE];
static int cache_next;

Regex *awkre_dynamic(Str *s) {
    for (int i = 0; i < CACHE; i++)
        if (cache[i].key && cache[i].key->len == s->len && memcmp(cache[i].key->s, s->s, s->len) == 0)
            return cache[i].re;
    Regex *r = compile(s->s, s->len);
    int slot = cache_next++ % CACHE;
    if (cache[slot].key) {
        awkstr_unref(cache[slot].key);
        regfree(&cache[slot].re->re);
        free(cache[slot].re);
    }
    cache[slot].key = str_ref(s);
    cache[slot].re = r;
    return r;
}

int awkre_match(Regex *r, const char *s, int notbol, size_t *so, size_t *eo) {
    regmatch_t m[1];
    if (regexec(&r->re, s, 1, m, notbol ? REG_NOTBOL : 0) != 0) return 0;
    *so = (size_t)m[0].rm_so;
    *eo = (size_t)m[0].rm_eo;
    return 1;
}

/* awk_array.c — associative arrays: chained hash table plus an insertion-ordered list. */
#include "awk.h"

#include <stdlib.h>
#include <string.h>

static unsigned hash_str(const char *s, size_t n) {
    unsigned h = 2166136261u;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

Array *awkarr_new(void) {
    Array *a = calloc(1, sizeof *a);
    if (!a) awk_fatal("out of memory");
    return a;
}

void awkarr_clear(Array *a) {
    for (Elem *e = a->first, *n; e; e = n) {
        n = e->next;
        awkstr_unref(e->key);
        awkv_free(&e->val);
        free(e);
    }
    free(a->tab);
    a->tab = NULL;
    a->size = a->count = 0;
    a->first = a->last = NULL;
}

void awkarr_free(Array *a) {
    if (!a) return;
    awkarr_clear(a);
    free(a);
}

static void grow(Array *a) {
    size_t ns = a->size ? a->size * 4 : 16;
    Elem **t = calloc(ns, sizeof *t);
    if (!t) awk_fatal("out of memory");
    for (Elem *e = a->first; e; e = e->next) {
        size_t i = e->hash & (ns - 1);
        e->hnext = t[i];
        t[i] = e;
    }
    free(a->tab);
    a->tab = t;
    a->size = ns;
}

Value *awkarr_get(Array *a, Str *key, int create) {
    unsigned h = hash_str(key->s, key->len);
    if (a->size) {
        for (Elem *e = a->tab[h & (a->size - 1)]; e; e = e->hnext)
            if (e->hash == h && e->key->len == key->len && memcmp(e->key->s, key->s, key->len) == 0)
                return &e->val;
    }
    if (!create) return NULL;
    if (a->count + 1 > a->size) grow(a);
    Elem *e = malloc(sizeof *e);
    if (!e) awk_fatal("out of memory");
    e->key = str_ref(key);
    e->hash = h;
    e->val = v_uninit();
    size_t i = h & (a->size - 1);
    e->hnext = a->tab[i];
    a->tab[i] = e;
    e->next = NULL;
    e->prev = a->last;
    if (a->last) a->last->next = e; else a->first = e;
    a->last = e;
    a->count++;
    return &e->val;
}

void awkarr_delete(Array *a, Str *key) {
    if (!a->size) return;
    unsigned h = hash_str(key->s, key->len);
    Elem **pp = &a->tab[h & (a->size - 1)];
    for (Elem *e = *pp; e; pp = &e->hnext, e = e->hnext) {
        if (e->hash == h && e->key->len == key->len && memcmp(e->key->s, key->s, key->len) == 0) {
            *pp = e->hnext;
            if (e->prev) e->prev->next = e->next; else a->first = e->next;
            if (e->next) e->next->prev = e->prev; else a->last = e->prev;
            awkstr_unref(e->key);
            awkv_free(&e->val);
            free(e);
            a->count--;
            return;
        }
    }
}

Str **awkarr_keys(Array *a, size_t *n) {
    Str **k = malloc((a->count + 1) * sizeof *k);
    if (!k) awk_fatal("out of memory");
    size_t i = 0;
    for (Elem *e = a->first; e; e = e->next) k[i++] = str_ref(e->key);
    *n = i;
    return k;
}

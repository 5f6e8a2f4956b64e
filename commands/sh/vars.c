/* vars.c — shell variables (hash table), local-variable frames, functions and aliases. */
#include "sh.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define NBUCKET 256
static Var *tab[NBUCKET];
Func *funcs;
Alias *aliases;

static unsigned hash(const char *s) {
    unsigned h = 5381;
    while (*s) h = h * 33 + (unsigned char)*s++;
    return h % NBUCKET;
}

int valid_name(const char *s, size_t n) {
    if (!n || !(isalpha((unsigned char)s[0]) || s[0] == '_')) return 0;
    for (size_t i = 1; i < n; i++)
        if (!(isalnum((unsigned char)s[i]) || s[i] == '_')) return 0;
    return 1;
}

Var *var_lookup(const char *name) {
    for (Var *v = tab[hash(name)]; v; v = v->next)
        if (!strcmp(v->name, name)) return v;
    return NULL;
}

const char *var_get(const char *name) {
    Var *v = var_lookup(name);
    return v && !(v->flags & V_UNSET) ? v->value : NULL;
}

static Var *var_create(const char *name) {
    Var *v = calloc(1, sizeof *v);
    v->name = xstrdup(name);
    v->flags = V_UNSET;
    unsigned h = hash(name);
    v->next = tab[h];
    tab[h] = v;
    return v;
}

/* flags: V_EXPORT / V_READONLY to add; value NULL keeps the value (export name) */
int var_set(const char *name, const char *value, int flags) {
    Var *v = var_lookup(name);
    if (v && (v->flags & V_READONLY) && value) {
        sh_error("%s: is read only", name);
        return -1;
    }
    if (!v) v = var_create(name);
    if (value) {
        char *nv = xstrdup(value);
        free(v->value);
        v->value = nv;
        v->flags &= ~V_UNSET;
        if (opts[O_ALLEXPORT]) v->flags |= V_EXPORT;
    }
    v->flags |= flags;
    if (value) var_changed(name);
    return 0;
}

int var_unset(const char *name) {
    Var *v = var_lookup(name);
    if (!v) return 0;
    if (v->flags & V_READONLY) {
        sh_error("%s: is read only", name);
        return -1;
    }
    free(v->value);
    v->value = NULL;
    v->flags = V_UNSET;
    var_changed(name);
    return 0;
}

static int cmpvar(const void *a, const void *b) { return strcmp((*(Var **)a)->name, (*(Var **)b)->name); }
Var **var_all_sorted(int *n) {
    int c = 0;
    for (int i = 0; i < NBUCKET; i++)
        for (Var *v = tab[i]; v; v = v->next) c++;
    Var **list = xmalloc(sizeof(Var *) * (size_t)(c + 1));
    c = 0;
    for (int i = 0; i < NBUCKET; i++)
        for (Var *v = tab[i]; v; v = v->next) list[c++] = v;
    qsort(list, (size_t)c, sizeof *list, cmpvar);
    *n = c;
    return list;
}

char **var_environ(void) {
    int n;
    Var **all = var_all_sorted(&n);
    char **env = xmalloc(sizeof(char *) * (size_t)(n + 1));
    int k = 0;
    for (int i = 0; i < n; i++) {
        Var *v = all[i];
        if ((v->flags & V_EXPORT) && !(v->flags & V_UNSET)) {
            Str b = {0};
            str_adds(&b, v->name);
            str_addc(&b, '=');
            str_adds(&b, v->value);
            env[k++] = str_take(&b);
        }
    }
    env[k] = NULL;
    free(all);
    return env;
}

void vars_import(char **env) {
    for (; env && *env; env++) {
        char *e = strchr(*env, '=');
        if (!e) continue;
        char *name = xstrndup(*env, (size_t)(e - *env));
        if (valid_name(name, strlen(name))) var_set(name, e + 1, V_EXPORT);
        free(name);
    }
}

/* ---- local variables: each function call pushes a frame of saved values ---- */
typedef struct Saved {
    char *name, *value;
    int flags, existed;
    struct Saved *next;
} Saved;
static Saved *frames[1000];
int local_depth;

void local_push(void) {
    if (local_depth < 1000) frames[local_depth] = NULL;
    local_depth++;
}

int func_frame; /* local_depth of the innermost function call */
int var_make_local_func(const char *name) {
    int d = local_depth;
    local_depth = func_frame;
    int r = var_make_local(name);
    local_depth = d;
    return r;
}
int var_make_local(const char *name) {
    if (!local_depth || local_depth > 1000) return 0;
    for (Saved *s = frames[local_depth - 1]; s; s = s->next)
        if (!strcmp(s->name, name)) return 0;
    Saved *s = calloc(1, sizeof *s);
    s->name = xstrdup(name);
    Var *v = var_lookup(name);
    if (v) {
        s->existed = 1;
        s->flags = v->flags;
        s->value = v->value ? xstrdup(v->value) : NULL;
    }
    s->next = frames[local_depth - 1];
    frames[local_depth - 1] = s;
    return 0;
}

void local_pop(void) {
    local_depth--;
    if (local_depth >= 1000) return;
    Saved *s = frames[local_depth];
    while (s) {
        Var *v = var_lookup(s->name);
        if (!v) v = var_create(s->name);
        free(v->value);
        v->value = s->value;
        v->flags = s->existed ? s->flags : V_UNSET;
        var_changed(s->name);
        Saved *n = s->next;
        free(s->name);
        free(s);
        s = n;
    }
}

/* ---- functions ---- */
Func *func_lookup(const char *name) {
    for (Func *f = funcs; f; f = f->next)
        if (!strcmp(f->name, name)) return f;
    return NULL;
}
void func_define(const char *name, Node *body) {
    Func *f = func_lookup(name);
    if (!f) {
        f = calloc(1, sizeof *f);
        f->name = xstrdup(name);
        f->next = funcs;
        funcs = f;
    }
    f->body = body;
}
int func_unset(const char *name) {
    for (Func **p = &funcs; *p; p = &(*p)->next)
        if (!strcmp((*p)->name, name)) {
            *p = (*p)->next;
            return 0;
        }
    return 0;
}

Alias *alias_lookup(const char *name) {
    for (Alias *a = aliases; a; a = a->next)
        if (!strcmp(a->name, name)) return a;
    return NULL;
}

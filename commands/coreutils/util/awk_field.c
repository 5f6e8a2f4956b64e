/* awk_field.c — the current record: lazy field splitting, field assignment and $0 rebuilding. */
#include "awk.h"

#include <stdlib.h>
#include <string.h>

extern int awk_rs_paragraph; /* awk_io.c: RS == "" (newline always separates fields) */

/* How FS splits: captured when a record is set (an FS change applies to the next record). */
typedef struct FsMode {
    int kind; /* 0 default blanks, 1 single char, 2 regex, 3 whole record (FS "") */
    char ch;
    Regex *re;
    Str *src;
} FsMode;

static FsMode *fs_cur, *fs_rec;
static Str *record;
static int record_valid = 1, split_valid;
static Value *flds; /* 1-based */
static long nf, fcap;

static FsMode *make_mode(Str *fs) {
    FsMode *m = calloc(1, sizeof *m);
    m->src = str_ref(fs);
    if (fs->len == 1 && fs->s[0] == ' ') m->kind = 0;
    else if (fs->len == 0) m->kind = 3;
    else if (fs->len == 1 && fs->s[0] != '\\') m->kind = 1, m->ch = fs->s[0];
    else if (fs->len == 1) m->kind = 1, m->ch = '\\';
    else {
        m->kind = 2;
        m->re = awkre_compile_lit(fs->s, fs->len);
    }
    return m;
}

static void free_mode(FsMode *m) {
    awkstr_unref(m->src);
    if (m->re) {
        regfree(&m->re->re);
        free(m->re);
    }
    free(m);
}

void awkfld_fs_changed(void) {
    Str *fs = awkv_tostr(&awk_globals[V_FS].v);
    if (fs_cur && fs_cur->src->len == fs->len && memcmp(fs_cur->src->s, fs->s, fs->len) == 0) {
        awkstr_unref(fs);
        return;
    }
    if (fs_cur && fs_cur != fs_rec) free_mode(fs_cur); /* fs_rec still splits the current record */
    fs_cur = make_mode(fs);
    awkstr_unref(fs);
}

static FsMode *mode_now(void) {
    if (!fs_cur) awkfld_fs_changed();
    return fs_cur;
}

static void set_nf_var(void) {
    Var *v = &awk_globals[V_NF];
    awkv_free(&v->v);
    v->v = v_num((double)nf);
}

void awkfld_set_record(Str *rec) {
    if (record) awkstr_unref(record);
    record = rec;
    record_valid = 1;
    split_valid = 0;
    FsMode *m = mode_now();
    if (fs_rec && fs_rec != m) free_mode(fs_rec);
    fs_rec = m;
}

static void grow(long n) {
    if (n + 1 > fcap) {
        long nc = fcap ? fcap : 16;
        while (nc < n + 1) nc *= 2;
        flds = realloc(flds, nc * sizeof *flds);
        if (!flds) awk_fatal("out of memory");
        fcap = nc;
    }
}

typedef void (*emit_fn)(void *ctx, const char *s, size_t n);

/* Splits s by mode m, calling emit for each field; returns the count. */
static long split_by(const char *s, size_t len, FsMode *m, Regex *re, int para, emit_fn emit, void *ctx) {
    long n = 0;
    if (len == 0) return 0;
    if (!re && m->kind == 0) {
        size_t i = 0;
        for (;;) {
            while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n')) i++;
            if (i >= len) break;
            size_t st = i;
            while (i < len && s[i] != ' ' && s[i] != '\t' && s[i] != '\n') i++;
            emit(ctx, s + st, i - st);
            n++;
        }
        return n;
    }
    if (!re && m->kind == 3) {
        emit(ctx, s, len);
        return 1;
    }
    if (!re && m->kind == 1) {
        char c = m->ch;
        size_t st = 0;
        for (size_t i = 0; i < len; i++) {
            if (s[i] == c || (para && s[i] == '\n')) {
                emit(ctx, s + st, i - st);
                n++;
                st = i + 1;
            }
        }
        emit(ctx, s + st, len - st);
        return n + 1;
    }
    if (!re) re = m->re; /* like gawk: a regex FS does not also split at newlines in paragraph mode */
    size_t st = 0, p = 0;
    while (p <= len) {
        size_t so, eo;
        if (!awkre_match(re, s + p, p > 0, &so, &eo)) break;
        if (eo == so) {
            p = p + so + 1;
            if (p > len) break;
            continue;
        }
        emit(ctx, s + st, p + so - st);
        n++;
        st = p + eo;
        p = st;
        if (p >= len) break;
    }
    emit(ctx, s + st, len - st);
    return n + 1;
}

static void emit_field(void *ctx, const char *s, size_t n) {
    long i = ++nf;
    grow(i);
    flds[i] = awkv_maybe(awkstr_new(s, n));
}

void awkfld_ensure_split(void) {
    if (split_valid) return;
    for (long i = 1; i <= nf; i++) awkv_free(&flds[i]);
    nf = 0;
    if (!record) record = str_ref(awk_empty);
    if (!fs_rec) fs_rec = mode_now();
    split_by(record->s, record->len, fs_rec, NULL, awk_rs_paragraph, emit_field, NULL);
    split_valid = 1;
    set_nf_var();
}

static void rebuild(void) {
    size_t total = 0;
    Str **parts = malloc((nf + 1) * sizeof *parts);
    for (long i = 1; i <= nf; i++) {
        parts[i] = awkv_tostr(&flds[i]);
        total += parts[i]->len + awk_ofs->len;
    }
    Str *r = awkstr_alloc(total);
    size_t o = 0;
    for (long i = 1; i <= nf; i++) {
        if (i > 1) {
            memcpy(r->s + o, awk_ofs->s, awk_ofs->len);
            o += awk_ofs->len;
        }
        memcpy(r->s + o, parts[i]->s, parts[i]->len);
        o += parts[i]->len;
        awkstr_unref(parts[i]);
    }
    r->len = o;
    r->s[o] = 0;
    free(parts);
    if (record) awkstr_unref(record);
    record = r;
    record_valid = 1;
}

Str *awkfld_record(void) {
    if (!record_valid) rebuild();
    if (!record) record = str_ref(awk_empty);
    return record;
}

Value awkfld_get(long i) {
    if (i == 0) return awkv_maybe(str_ref(awkfld_record()));
    awkfld_ensure_split();
    if (i > nf) return v_str(str_ref(awk_empty));
    return awkv_copy(&flds[i]);
}

void awkfld_set(long i, Value v) {
    if (i == 0) {
        Str *s = awkv_tostr(&v);
        awkv_free(&v);
        awkfld_set_record(s);
        return;
    }
    awkfld_ensure_split();
    if (i > nf) {
        grow(i);
        for (long k = nf + 1; k <= i; k++) flds[k] = v_uninit();
        nf = i;
        set_nf_var();
    }
    awkv_free(&flds[i]);
    flds[i] = v;
    record_valid = 0;
}

/* A field referenced as an lvalue exists afterwards (NF grows) even when not assigned. */
void awkfld_touch(long i) {
    awkfld_ensure_split();
    if (i <= nf) return;
    grow(i);
    for (long k = nf + 1; k <= i; k++) flds[k] = v_str(str_ref(awk_empty));
    nf = i;
    set_nf_var();
}

void awkfld_set_nf(long n) {
    awkfld_ensure_split();
    if (n > nf) {
        grow(n);
        for (long k = nf + 1; k <= n; k++) flds[k] = v_uninit();
    } else {
        for (long k = n + 1; k <= nf; k++) awkv_free(&flds[k]);
    }
    nf = n;
    set_nf_var();
    record_valid = 0;
}

/* split(s, a, fs) */
static Array *split_target;
static long split_n;

static void emit_elem(void *ctx, const char *s, size_t n) {
    Str *key = awk_num_to_str((double)++split_n, "%.6g");
    Value *slot = awkarr_get(split_target, key, 1);
    awkstr_unref(key);
    awkv_free(slot);
    *slot = awkv_maybe(awkstr_new(s, n));
}

int awk_split(Str *s, Array *a, Str *fs, Regex *re) {
    Str *copy = str_ref(s); /* the array may hold the source string */
    awkarr_clear(a);
    split_target = a;
    split_n = 0;
    FsMode *m = fs ? make_mode(fs) : mode_now();
    if (fs && fs->len == 0) {
        /* split(s, a, ""): one element per character */
        for (size_t i = 0; i < copy->len; i++) emit_elem(NULL, copy->s + i, 1);
    } else if (re) split_by(copy->s, copy->len, m, re, 0, emit_elem, NULL);
    else split_by(copy->s, copy->len, m, NULL, 0, emit_elem, NULL);
    if (fs) free_mode(m);
    awkstr_unref(copy);
    return (int)split_n;
}

/* expand.c — word expansion in POSIX order: tilde, parameter, command substitution, arithmetic,
 * field splitting, pathname expansion, quote removal. A word is expanded into a buffer of characters
 * each with flags (quoted, splittable) plus zero-width markers, then split and globbed. */
#include "sh.h"

#include <ctype.h>
#include <errno.h>
#include <fnmatch.h>
#include <glob.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "se.h"

#define F_Q 1     /* quoted: literal for splitting and globbing */
#define F_SPLIT 2 /* result of an unquoted expansion: IFS applies */
#define F_MARK 4  /* zero-width: the field had quotes (kept even if empty) */
#define F_BREAK 8 /* zero-width: forced field boundary ("$@") */

typedef struct {
    char *c;
    unsigned char *f;
    size_t n, cap;
} Buf;

int expand_error;
static int at_empty; /* "$@" expanded to nothing */
static int lit_split; /* literal text of an unquoted ${x-word} word is split too */
static int brace_word; /* inside the word of ${x-word}: \} is an escape in double quotes too */
int subst_ran, subst_status; /* a command substitution ran in this command, and its status */

static void badd(Buf *b, char c, int f) {
    if (b->n + 1 >= b->cap) {
        b->cap = b->cap * 2 + 64;
        b->c = xrealloc(b->c, b->cap);
        b->f = xrealloc(b->f, b->cap);
    }
    b->c[b->n] = c;
    b->f[b->n++] = (unsigned char)f;
}
static void badds(Buf *b, const char *s, int f) {
    for (; *s; s++) badd(b, *s, f);
}
static void bfree(Buf *b) {
    free(b->c);
    free(b->f);
    memset(b, 0, sizeof *b);
}

static void fail(const char *fmt, const char *a, const char *b) {
    if (expand_error) return;
    expand_error = 1;
    sh_errorx(2, fmt, a, b);
}

/* ---- scanning raw text ---- */
size_t parse_subst_len(const char *s);
static const char *skip_dq(const char *p);

/* p at '$' or '`'; returns the end of the construct */
static const char *skip_dollar(const char *p) {
    if (*p == '`') {
        for (p++; *p && *p != '`'; p++)
            if (*p == '\\' && p[1]) p++;
        return *p ? p + 1 : p;
    }
    p++;
    if (*p == '{') {
        for (p++; *p && *p != '}';) {
            if (*p == '\\' && p[1]) p += 2;
            else if (*p == '\'') {
                const char *e = strchr(p + 1, '\'');
                p = e ? e + 1 : p + strlen(p);
            } else if (*p == '"') p = skip_dq(p + 1);
            else if (*p == '$' || *p == '`') p = skip_dollar(p);
            else p++;
        }
        return *p ? p + 1 : p;
    }
    if (p[0] == '(' && p[1] == '(') {
        int depth = 0;
        for (p += 2; *p; p++) {
            if (*p == '(') depth++;
            else if (*p == ')') {
                if (!depth && p[1] == ')') return p + 2;
                depth--;
            }
        }
        return p;
    }
    if (*p == '(') return p + 1 + parse_subst_len(p + 1);
    if (*p == '\'') {
        for (p++; *p && *p != '\''; p++)
            if (*p == '\\' && p[1]) p++;
        return *p ? p + 1 : p;
    }
    return p;
}
/* p after the opening quote; returns after the closing one */
static const char *skip_dq(const char *p) {
    while (*p && *p != '"') {
        if (*p == '\\' && p[1]) p += 2;
        else if (*p == '$' || *p == '`') {
            const char *e = skip_dollar(p);
            p = e > p ? e : p + 1;
        } else p++;
    }
    return *p ? p + 1 : p;
}

/* ---- parameters ---- */
static char *join_params(void) {
    const char *ifs = var_get("IFS");
    char sep = ifs ? ifs[0] : ' ';
    Str b = {0};
    for (int i = 0; i < nposargs; i++) {
        if (i && sep) str_addc(&b, sep);
        str_adds(&b, posargs[i]);
    }
    return str_take(&b);
}

/* value of a parameter (malloc'd) or NULL when unset */
static char *param(const char *name) {
    char buf[64];
    if (isdigit((unsigned char)name[0])) {
        long long k = atoll(name);
        if (k == 0) return xstrdup(arg0);
        return k <= nposargs ? xstrdup(posargs[k - 1]) : NULL;
    }
    if (!name[1]) switch (name[0]) {
        case '#': snprintf(buf, sizeof buf, "%d", nposargs); return xstrdup(buf);
        case '?': snprintf(buf, sizeof buf, "%d", exit_status); return xstrdup(buf);
        case '$': snprintf(buf, sizeof buf, "%d", shell_pid); return xstrdup(buf);
        case '!':
            if (!last_bg_pid) return NULL;
            snprintf(buf, sizeof buf, "%d", last_bg_pid);
            return xstrdup(buf);
        case '-': {
            int k = 0;
            for (int i = O_COUNT - 1; i >= 0; i--)
                if (opts[i] && opt_letters[i] != ' ' && k < 60) buf[k++] = opt_letters[i];
            buf[k] = 0;
            return xstrdup(buf);
        }
        case '@':
        case '*': return nposargs ? join_params() : NULL;
        }
    const char *v = var_get(name);
    return v ? xstrdup(v) : NULL;
}

static void expand_raw(Buf *b, const char *w, const char *end, int flags, int in_dq);

static char *buf_string(Buf *b, int pattern) {
    Str s = {0};
    for (size_t i = 0; i < b->n; i++) {
        if (b->f[i] & (F_MARK | F_BREAK)) {
            if (b->f[i] & F_BREAK) str_addc(&s, ' ');
            continue;
        }
        if (pattern && (b->f[i] & F_Q) && strchr("*?[]\\", b->c[i])) str_addc(&s, '\\');
        str_addc(&s, b->c[i]);
    }
    return str_take(&s);
}

static char *expand_sub(const char *w, const char *end, int flags, int in_dq) {
    Buf b = {0};
    expand_raw(&b, w, end, flags & ~EX_PATTERN, in_dq);
    char *s = buf_string(&b, flags & EX_PATTERN);
    bfree(&b);
    return s;
}

static void add_value(Buf *b, const char *v, int in_dq) { badds(b, v, in_dq ? F_Q : F_SPLIT); }

/* "$@" / $@ / $* */
static int nosplit_ctx; /* expand_str: $@ and $* join with IFS[0] like "$*" */
static void add_at(Buf *b, int star, int in_dq) {
    if ((in_dq && star) || nosplit_ctx) {
        char *j = join_params();
        badds(b, j, F_Q);
        free(j);
        return;
    }
    if (!nposargs && in_dq) at_empty = 1;
    for (int i = 0; i < nposargs; i++) {
        if (i) badd(b, 0, F_BREAK);
        if (in_dq) badd(b, 0, F_MARK);
        badds(b, posargs[i], in_dq ? F_Q : F_SPLIT);
    }
}

static char *strip(const char *v, const char *pat, int suffix, int longest) {
    size_t n = strlen(v);
    char *tmp = xstrdup(v);
    if (!suffix) {
        for (size_t k = 0; k <= n; k++) {
            size_t len = longest ? n - k : k;
            char c = tmp[len];
            tmp[len] = 0;
            int m = fnmatch(pat, tmp, 0) == 0;
            tmp[len] = c;
            if (m) {
                char *r = xstrdup(v + len);
                free(tmp);
                return r;
            }
        }
    } else {
        for (size_t k = 0; k <= n; k++) {
            size_t start = longest ? k : n - k;
            if (fnmatch(pat, v + start, 0) == 0) {
                tmp[start] = 0;
                return tmp;
            }
        }
    }
    free(tmp);
    return xstrdup(v);
}

/* ${...}: p after "${", end at the closing '}' */
static void expand_brace2(Buf *b, const char *p, const char *end, int flags, int in_dq);
static void expand_brace(Buf *b, const char *p, const char *end, int flags, int in_dq) {
    brace_word++;
    expand_brace2(b, p, end, flags, in_dq);
    brace_word--;
}
static void expand_brace2(Buf *b, const char *p, const char *end, int flags, int in_dq) {
    int len = 0;
    if (*p == '#' && p + 1 < end && !strchr("}-=?+:%#", p[1])) len = 1, p++;
    else if (*p == '#' && p + 2 < end && p[1] == '#' ) { /* ${##} ${##pat} handled as $# with op */ }
    const char *ns = p;
    if (isdigit((unsigned char)*p)) while (p < end && isdigit((unsigned char)*p)) p++;
    else if (*p && strchr("@*#?-$!", *p)) p++;
    else while (p < end && (isalnum((unsigned char)*p) || *p == '_')) p++;
    if (p == ns) {
        fail("Bad substitution", 0, 0);
        return;
    }
    char *name = xstrndup(ns, (size_t)(p - ns));
    int colon = 0, op = 0;
    if (p < end && *p == ':') colon = 1, p++;
    if (p < end && strchr("-=?+%#", *p)) {
        op = *p++;
        if ((op == '%' || op == '#') && p < end && *p == op) op = op == '%' ? 'P' : 'H', p++;
    }
    if ((colon && !op) || (p < end && !op) || (len && op)) {
        free(name);
        fail("Bad substitution", 0, 0);
        return;
    }
    const char *word = p;
    int isat = !strcmp(name, "@") || !strcmp(name, "*");
    char *v = param(name);
    if (len) {
        if (!v && opts[O_NOUNSET] && !isat) {
            fail("%s: parameter not set", name, 0);
            free(name);
            return;
        }
        char nb[32];
        snprintf(nb, sizeof nb, "%zu", v ? strlen(v) : 0);
        if (isat) snprintf(nb, sizeof nb, "%d", nposargs);
        add_value(b, nb, in_dq);
        free(v);
        free(name);
        return;
    }
    int unset = !v || (colon && !*v);
    switch (op) {
    case 0:
        if (!v && opts[O_NOUNSET] && !isat) {
            fail("%s: parameter not set", name, 0);
            break;
        }
        if (isat) add_at(b, name[0] == '*', in_dq);
        else if (v) add_value(b, v, in_dq);
        break;
    case '-':
    case '+':
        if ((op == '-') == unset) {
            int ls = lit_split;
            lit_split = !in_dq;
            expand_raw(b, word, end, flags & ~EX_PATTERN, in_dq);
            lit_split = ls;
        }
        else if (isat) add_at(b, name[0] == '*', in_dq);
        else if (v) add_value(b, v, in_dq);
        break;
    case '=':
        if (unset) {
            if (isat || isdigit((unsigned char)name[0]) || !valid_name(name, strlen(name))) {
                fail("%s: bad variable name", name, 0); /* dash: illegal */
                break;
            }
            char *nv = expand_sub(word, end, 0, in_dq);
            if (var_set(name, nv, 0) < 0) {
                expand_error = 1;
                sh_exit(2);
            } else add_value(b, nv, in_dq);
            free(nv);
        } else if (isat) add_at(b, name[0] == '*', in_dq);
        else add_value(b, v, in_dq);
        break;
    case '?':
        if (unset) {
            char *msg = word < end ? expand_sub(word, end, 0, in_dq) : NULL;
            fail("%s: %s", name, msg ? msg : colon ? "parameter not set or null" : "parameter not set");
            free(msg);
        } else if (isat) add_at(b, name[0] == '*', in_dq);
        else add_value(b, v, in_dq);
        break;
    default: {
        if (!v && opts[O_NOUNSET] && !isat) {
            fail("%s: parameter not set", name, 0);
            break;
        }
        char *pat = expand_sub(word, end, EX_PATTERN, in_dq);
        char *r = strip(v ? v : "", pat, op == '%' || op == 'P', op == 'P' || op == 'H');
        add_value(b, r, in_dq);
        free(r);
        free(pat);
    }
    }
    free(v);
    free(name);
}

static void add_cmdsubst(Buf *b, const char *code, int backq, int in_dq) {
    char *out = cmdsubst(code, backq);
    if (!out) return;
    size_t n = strlen(out);
    while (n && out[n - 1] == '\n') out[--n] = 0;
    add_value(b, out, in_dq);
    free(out);
}

static void add_tilde(Buf *b, const char **pp, const char *end, int flags) {
    const char *p = *pp + 1, *s = p;
    while (p < end && *p != '/' && !((flags & EX_ASSIGN) && *p == ':')) {
        if (strchr("\\'\"$`", *p)) {
            badd(b, '~', 0);
            *pp += 1;
            return;
        }
        p++;
    }
    char *user = xstrndup(s, (size_t)(p - s));
    const char *home = NULL;
    if (!*user) home = var_get("HOME");
    else if (!strcmp(user, "root")) home = "/root";
    if (home) {
        badds(b, home, F_Q);
        *pp = p;
    } else {
        badd(b, '~', 0);
        *pp += 1;
    }
    free(user);
}

static int decode_escape(const char **pp, char *out) {
    const char *p = *pp;
    int c = *p++;
    switch (c) {
    case 'n': *out = '\n'; break;
    case 't': *out = '\t'; break;
    case 'r': *out = '\r'; break;
    case 'a': *out = '\a'; break;
    case 'b': *out = '\b'; break;
    case 'e': case 'E': *out = 27; break;
    case 'f': *out = '\f'; break;
    case 'v': *out = '\v'; break;
    case 'x': {
        int v = 0, k = 0;
        while (k < 2 && isxdigit((unsigned char)*p)) v = v * 16 + (isdigit((unsigned char)*p) ? *p - '0' : (tolower(*p) - 'a' + 10)), p++, k++;
        *out = (char)v;
        break;
    }
    default:
        if (c >= '0' && c <= '7') {
            int v = c - '0', k = 1;
            while (k < 3 && *p >= '0' && *p <= '7') v = v * 8 + (*p++ - '0'), k++;
            *out = (char)v;
        } else *out = (char)c;
    }
    *pp = p;
    return 0;
}

static void expand_raw(Buf *b, const char *w, const char *end, int flags, int in_dq) {
    const char *p = w;
    int hd = flags & EX_HEREDOC;
    if (*p == '~' && !in_dq && !hd && !(flags & EX_NOTILDE)) add_tilde(b, &p, end, flags);
    while (p < end && !expand_error) {
        char c = *p;
        if (c == '\'' && !in_dq && !hd) {
            const char *e = memchr(p + 1, '\'', (size_t)(end - p - 1));
            if (!e) e = end;
            badd(b, 0, F_MARK);
            for (p++; p < e; p++) badd(b, *p, F_Q);
            p = e < end ? e + 1 : end;
        } else if (c == '"' && !hd) {
            if (in_dq) { /* quotes nested in ${...} inside "...": toggle only */
                p++;
                continue;
            }
            const char *e = skip_dq(p + 1);
            const char *ie = (e > p + 1 && e[-1] == '"') ? e - 1 : e;
            size_t before = b->n;
            at_empty = 0;
            int ls = lit_split;
            lit_split = 0;
            expand_raw(b, p + 1, ie, flags, 1);
            lit_split = ls;
            if (!(b->n == before && at_empty)) badd(b, 0, F_MARK);
            at_empty = 0;
            p = e;
        } else if (c == '\\') {
            if (p + 1 >= end) {
                badd(b, '\\', in_dq ? F_Q : 0);
                p++;
                continue;
            }
            char d = p[1];
            if (in_dq || hd) {
                if (d == '$' || d == '`' || d == '\\' || (d == '"' && !hd) || d == '\n' || (d == '}' && brace_word)) {
                    if (d != '\n') badd(b, d, F_Q);
                } else {
                    badd(b, '\\', F_Q);
                    badd(b, d, F_Q);
                }
            } else
                badd(b, d, F_Q);
            p += 2;
        } else if (c == '`') {
            const char *e = skip_dollar(p);
            const char *ie = (e > p + 1 && e[-1] == '`') ? e - 1 : e;
            Str code = {0};
            for (const char *q = p + 1; q < ie; q++) {
                if (*q == '\\' && q + 1 < ie && (q[1] == '$' || q[1] == '`' || q[1] == '\\' || (in_dq && q[1] == '"'))) q++;
                str_addc(&code, *q);
            }
            char *cs = str_take(&code);
            add_cmdsubst(b, cs, 1, in_dq);
            free(cs);
            p = e;
        } else if (c == '$' && p + 1 < end) {
            char d = p[1];
            if (d == '{') {
                const char *e = skip_dollar(p);
                expand_brace(b, p + 2, e[-1] == '}' ? e - 1 : e, flags, in_dq);
                p = e;
            } else if (d == '(' && p + 2 < end && p[2] == '(') {
                const char *e = skip_dollar(p);
                char *expr = expand_sub(p + 3, e - 2, EX_HEREDOC, 1);
                long long r;
                if (!expand_error && arith_eval(expr, &r) == 0) {
                    char nb[32];
                    snprintf(nb, sizeof nb, "%lld", r);
                    add_value(b, nb, in_dq);
                } else {
                    expand_error = 1;
                }
                free(expr);
                p = e;
            } else if (d == '(') {
                const char *e = skip_dollar(p);
                char *code = xstrndup(p + 2, (size_t)(e - p - 3));
                add_cmdsubst(b, code, 0, in_dq);
                free(code);
                p = e;
            } else if (d == '\'' && !in_dq && !hd) {
                const char *e = skip_dollar(p);
                badd(b, 0, F_MARK);
                for (const char *q = p + 2; q < e - 1;) {
                    if (*q == '\\' && q + 1 < e - 1) {
                        q++;
                        char ch;
                        decode_escape(&q, &ch);
                        badd(b, ch, F_Q);
                    } else badd(b, *q++, F_Q);
                }
                p = e;
            } else if (isalpha((unsigned char)d) || d == '_') {
                const char *s = p + 1, *q = s;
                while (q < end && (isalnum((unsigned char)*q) || *q == '_')) q++;
                char *name = xstrndup(s, (size_t)(q - s));
                char *v = param(name);
                if (!v && opts[O_NOUNSET]) fail("%s: parameter not set", name, 0);
                else if (v) add_value(b, v, in_dq);
                free(v);
                free(name);
                p = q;
            } else if (isdigit((unsigned char)d) || strchr("#?$!-", d)) {
                char name[2] = {d, 0};
                char *v = param(name);
                if (!v && opts[O_NOUNSET] && isdigit((unsigned char)d) && d != '0') fail("%s: parameter not set", name, 0);
                else if (v) add_value(b, v, in_dq);
                free(v);
                p += 2;
            } else if (d == '@' || d == '*') {
                add_at(b, d == '*', in_dq);
                p += 2;
            } else {
                badd(b, '$', in_dq ? F_Q : 0);
                p++;
            }
        } else if (c == ':' && (flags & EX_ASSIGN) && !in_dq && p + 1 < end && p[1] == '~') {
            badd(b, ':', 0);
            p++;
            add_tilde(b, &p, end, flags);
        } else {
            badd(b, c, in_dq ? F_Q : lit_split ? F_SPLIT : 0);
            p++;
        }
    }
}

char *expand_str(const char *raw, int flags) {
    Buf b = {0};
    expand_error = 0;
    int ns = nosplit_ctx;
    nosplit_ctx = 1;
    expand_raw(&b, raw, raw + strlen(raw), flags & ~EX_PATTERN, 0);
    nosplit_ctx = ns;
    char *s = expand_error ? NULL : buf_string(&b, flags & EX_PATTERN);
    bfree(&b);
    return s;
}

/* ---- field splitting and globbing ---- */
typedef struct {
    char **v;
    int n, cap;
} List;
static void list_add(List *l, char *s) {
    if (l->n + 2 > l->cap) {
        l->cap = l->cap * 2 + 8;
        l->v = xrealloc(l->v, sizeof(char *) * (size_t)l->cap);
    }
    l->v[l->n++] = s;
    l->v[l->n] = NULL;
}

static void finish_field(List *out, Buf *fb) {
    int magic = 0;
    for (size_t i = 0; i < fb->n && !magic; i++) {
        if ((fb->f[i] & (F_Q | F_MARK | F_BREAK)) || !fb->c[i]) continue;
        if (fb->c[i] == '*' || fb->c[i] == '?') magic = 1;
        else if (fb->c[i] == '[') /* a bracket expression needs its ']' */
            for (size_t k = i + 2; k < fb->n; k++)
                if (fb->c[k] == ']' && !(fb->f[k] & (F_MARK | F_BREAK))) {
                    magic = 1;
                    break;
                }
    }
    if (magic && !opts[O_NOGLOB]) {
        char *pat = buf_string(fb, 1);
        glob_t g;
        memset(&g, 0, sizeof g);
        if (glob(pat, 0, NULL, &g) == 0 && g.gl_pathc > 0) {
            for (size_t i = 0; i < g.gl_pathc; i++) list_add(out, xstrdup(g.gl_pathv[i]));
            globfree(&g);
            free(pat);
            fb->n = 0;
            return;
        }
        globfree(&g);
        free(pat);
    }
    list_add(out, buf_string(fb, 0));
    fb->n = 0;
}

static void split(Buf *b, List *out) {
    const char *ifs = var_get("IFS");
    if (!ifs) ifs = " \t\n";
    Buf fb = {0};
    int started = 0, ws_ended = 0;
    for (size_t i = 0; i < b->n; i++) {
        char c = b->c[i];
        int f = b->f[i];
        if (f & F_BREAK) {
            if (started) finish_field(out, &fb);
            started = 0, ws_ended = 0;
            continue;
        }
        if (f & F_MARK) {
            badd(&fb, 0, F_MARK);
            started = 1;
            continue;
        }
        if ((f & F_SPLIT) && c && strchr(ifs, c)) {
            int ws = c == ' ' || c == '\t' || c == '\n';
            if (ws) {
                if (started) {
                    finish_field(out, &fb);
                    ws_ended = 1;
                }
                started = 0;
            } else {
                if (started || !ws_ended) finish_field(out, &fb);
                started = 0, ws_ended = 0;
            }
            continue;
        }
        badd(&fb, c, f);
        started = 1, ws_ended = 0;
    }
    if (started) finish_field(out, &fb);
    bfree(&fb);
}

char **expand_words(char **words, int n, int *count) {
    List out = {0};
    list_add(&out, NULL);
    out.n = 0;
    expand_error = 0;
    for (int i = 0; i < n && !expand_error; i++) {
        Buf b = {0};
        expand_raw(&b, words[i], words[i] + strlen(words[i]), 0, 0);
        if (!expand_error) split(&b, &out);
        bfree(&b);
    }
    if (expand_error) {
        for (int i = 0; i < out.n; i++) free(out.v[i]);
        free(out.v);
        return NULL;
    }
    *count = out.n;
    return out.v;
}

/* expansion globals around a nested (in-process) command */
static struct {
    int at_empty, lit_split, nosplit, error, subst_ran, subst_status;
} estack[16];
static int esp;
void expand_state_push(void) {
    if (esp < 16) {
        estack[esp].at_empty = at_empty, estack[esp].lit_split = lit_split, estack[esp].nosplit = nosplit_ctx;
        estack[esp].error = expand_error, estack[esp].subst_ran = subst_ran, estack[esp].subst_status = subst_status;
    }
    esp++;
    at_empty = lit_split = nosplit_ctx = 0;
}
void expand_state_pop(void) {
    esp--;
    if (esp < 16) {
        at_empty = estack[esp].at_empty, lit_split = estack[esp].lit_split, nosplit_ctx = estack[esp].nosplit;
        int err = expand_error;
        expand_error = estack[esp].error || err;
        subst_ran = estack[esp].subst_ran, subst_status = estack[esp].subst_status;
    }
}

int fnmatch_sh(const char *pat, const char *s) { return fnmatch(pat, s, 0) == 0; }

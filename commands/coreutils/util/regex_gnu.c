/* regex_gnu.c — see regex_gnu.h. Patterns are parsed to a tree, compiled to a small instruction set and run
 * by a backtracking machine with an explicit stack; the longest match at the leftmost position is kept. */
#include "regex_gnu.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum { N_CHAR, N_ANY, N_SET, N_CAT, N_ALT, N_REP, N_GROUP, N_BREF, N_ASSERT, N_EMPTY };
enum { A_BOL, A_EOL, A_WORDB, A_NWORDB, A_BOW, A_EOW, A_BUFSTART, A_BUFEND };
enum { I_CHAR, I_ANY, I_SET, I_SPLIT, I_JMP, I_SAVE, I_CHKPROG, I_BREF, I_ASSERT, I_MATCH };

typedef struct node {
    int type, val, min, max; /* val: char, set index, group number, assert kind */
    struct node **kids;
    int nkids;
} node;

typedef struct { int op, x, y; } inst;

const char *rx_warning;

struct rx {
    int perl;
    inst *code;
    int ncode, capcode;
    uint8_t (*sets)[32];
    int nsets;
    int ngroups, nregs;
    int icase;
    int first_char;  /* literal first byte, or -1 */
    int anchored;    /* starts with ^ */
};

typedef struct {
    const char *p, *end;
    int ere, icase, grep, perl;
    rx_t *r;
    const char *err;
    int ngroups;
    int open_groups[64];
    int depth;
} parser;

static node *mk(int type, int val) {
    node *n = calloc(1, sizeof *n);
    n->type = type;
    n->val = val;
    return n;
}

static void add_kid(node *n, node *k) {
    n->kids = realloc(n->kids, (n->nkids + 1) * sizeof *n->kids);
    n->kids[n->nkids++] = k;
}

static void free_node(node *n) {
    if (!n) return;
    for (int i = 0; i < n->nkids; i++) free_node(n->kids[i]);
    free(n->kids);
    free(n);
}

static int new_set(rx_t *r) {
    r->sets = realloc(r->sets, (r->nsets + 1) * sizeof *r->sets);
    memset(r->sets[r->nsets], 0, 32);
    return r->nsets++;
}

static void set_add(rx_t *r, int s, int c, int icase) {
    r->sets[s][c >> 3] |= 1 << (c & 7);
    if (icase && isalpha(c)) {
        int o = islower(c) ? toupper(c) : tolower(c);
        r->sets[s][o >> 3] |= 1 << (o & 7);
    }
}

static int class_has(const char *name, size_t n, int c) {
#define IS(s) (n == strlen(s) && memcmp(name, s, n) == 0)
    if (IS("alpha")) return isalpha(c);
    if (IS("digit")) return isdigit(c);
    if (IS("alnum")) return isalnum(c);
    if (IS("upper")) return isupper(c);
    if (IS("lower")) return islower(c);
    if (IS("space")) return isspace(c);
    if (IS("blank")) return c == ' ' || c == '\t';
    if (IS("punct")) return ispunct(c);
    if (IS("print")) return isprint(c);
    if (IS("graph")) return isgraph(c);
    if (IS("cntrl")) return iscntrl(c);
    if (IS("xdigit")) return isxdigit(c);
    return -1;
#undef IS
}

static node *char_node(parser *ps, int c) {
    if (ps->icase && isalpha(c)) {
        int s = new_set(ps->r);
        set_add(ps->r, s, c, 1);
        return mk(N_SET, s);
    }
    return mk(N_CHAR, c);
}

static node *class_node(parser *ps, const char *name, int negate) {
    int s = new_set(ps->r);
    for (int c = 0; c < 256; c++) {
        int in = class_has(name, strlen(name), c) || (name[0] == 'a' && c == '_' && !strcmp(name, "alnum"));
        if (in != negate) set_add(ps->r, s, c, 0);
    }
    return mk(N_SET, s);
}

static node *parse_bracket(parser *ps) {
    const char *p = ps->p; /* after '[' */
    int s = new_set(ps->r);
    int negate = 0;
    uint8_t tmp[32] = {0};
    if (p < ps->end && *p == '^') negate = 1, p++;
    if (ps->grep && p < ps->end && *p == ':') {
        const char *q = p + 1;
        while (q < ps->end && *q != ']' && *q != ':') q++;
        if (q + 1 < ps->end && *q == ':' && q[1] == ']' && q > p + 1) {
            ps->err = "character class syntax is [[:space:]], not [:space:]";
            return NULL;
        }
    }
    int first = 1;
    for (;;) {
        if (p >= ps->end) {
            ps->err = "Unmatched [, [^, [:, [., or [=";
            return NULL;
        }
        int c = (unsigned char)*p;
        if (c == ']' && !first) {
            p++;
            break;
        }
        first = 0;
        int lo;
        if (ps->perl && c == '\\' && p + 1 < ps->end) {
            int e = (unsigned char)p[1];
            const char *cls = e == 'd' || e == 'D' ? "digit" : e == 'w' || e == 'W' ? "alnum" : e == 's' || e == 'S' ? "space" : NULL;
            if (cls) {
                for (int k = 0; k < 256; k++) {
                    int in = class_has(cls, strlen(cls), k) || (e == 'w' && k == '_') || (e == 'W' && k == '_');
                    if (in != (e == 'D' || e == 'W' || e == 'S')) tmp[k >> 3] |= 1 << (k & 7);
                }
                p += 2;
                continue;
            }
            lo = e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e == 'f' ? '\f' : e == 'v' ? '\v' : e;
            p += 2;
            goto range;
        }
        if (c == '[' && p + 1 < ps->end && (p[1] == ':' || p[1] == '=' || p[1] == '.')) {
            char kind = p[1];
            const char *q = p + 2;
            while (q + 1 < ps->end && !(q[0] == kind && q[1] == ']')) q++;
            if (q + 1 >= ps->end) {
                ps->err = "Unmatched [, [^, [:, [., or [=";
                return NULL;
            }
            size_t n = q - (p + 2);
            if (kind == ':') {
                if (class_has(p + 2, n, 'a') < 0) {
                    ps->err = "Invalid character class name";
                    return NULL;
                }
                for (int k = 0; k < 256; k++)
                    if (class_has(p + 2, n, k)) tmp[k >> 3] |= 1 << (k & 7);
                if (ps->icase && n == 5 && (!memcmp(p + 2, "upper", 5) || !memcmp(p + 2, "lower", 5)))
                    for (int k = 0; k < 256; k++)
                        if (isalpha(k)) tmp[k >> 3] |= 1 << (k & 7);
                p = q + 2;
                continue;
            }
            if (n != 1) {
                ps->err = "Invalid collation character";
                return NULL;
            }
            lo = (unsigned char)p[2];
            p = q + 2;
        } else {
            lo = c;
            p++;
        }
    range:
        if (p + 1 < ps->end && *p == '-' && p[1] != ']') {
            int hi;
            p++;
            if (*p == '[' && p + 1 < ps->end && p[1] == '.') {
                const char *q = p + 2;
                if (q + 2 < ps->end && q[1] == '.' && q[2] == ']') hi = (unsigned char)*q, p = q + 3;
                else {
                    ps->err = "Invalid range end";
                    return NULL;
                }
            } else {
                hi = (unsigned char)*p++;
            }
            if (hi < lo) {
                ps->err = "Invalid range end";
                return NULL;
            }
            for (int k = lo; k <= hi; k++) tmp[k >> 3] |= 1 << (k & 7);
        } else {
            tmp[lo >> 3] |= 1 << (lo & 7);
        }
    }
    for (int k = 0; k < 256; k++) {
        int in = (tmp[k >> 3] >> (k & 7)) & 1;
        if (ps->icase && isalpha(k)) {
            int o = islower(k) ? toupper(k) : tolower(k);
            in |= (tmp[o >> 3] >> (o & 7)) & 1;
        }
        if (in != negate) set_add(ps->r, s, k, 0);
    }
    ps->p = p;
    return mk(N_SET, s);
}

static node *parse_alt(parser *ps);

/* Parses an interval after '{' (ERE) or '\{' (BRE). Returns 1 ok, 0 = not an interval (ERE literal), -1 error. */
static int parse_interval(parser *ps, int *min, int *max) {
    const char *p = ps->p;
    int lo = -1, hi;
    if (p < ps->end && isdigit((unsigned char)*p)) {
        lo = 0;
        while (p < ps->end && isdigit((unsigned char)*p)) lo = lo * 10 + (*p++ - '0');
    }
    if (p < ps->end && *p == ',') {
        p++;
        hi = -1;
        if (p < ps->end && isdigit((unsigned char)*p)) {
            hi = 0;
            while (p < ps->end && isdigit((unsigned char)*p)) hi = hi * 10 + (*p++ - '0');
        }
        if (lo < 0) lo = 0;
    } else {
        if (lo < 0) {
            if (ps->ere) return 0;
            ps->err = "Invalid content of \\{\\}";
            return -1;
        }
        hi = lo;
    }
    int closed;
    if (ps->ere) closed = p < ps->end && *p == '}', p += closed;
    else closed = p + 1 < ps->end && p[0] == '\\' && p[1] == '}', p += closed ? 2 : 0;
    if (!closed) {
        if (ps->ere) return 0;
        ps->err = p >= ps->end ? "Unmatched \\{" : "Invalid content of \\{\\}";
        return -1;
    }
    if ((hi >= 0 && hi < lo) || lo > 32767 || hi > 32767) {
        ps->err = lo > 32767 || hi > 32767 ? "Regular expression too big" : "Invalid content of \\{\\}";
        return -1;
    }
    *min = lo;
    *max = hi;
    ps->p = p;
    return 1;
}

static int at_branch_end(parser *ps, const char *p) {
    if (p >= ps->end) return 1;
    if (ps->ere) return *p == '|' || *p == ')';
    return p + 1 < ps->end && p[0] == '\\' && (p[1] == '|' || p[1] == ')');
}

static node *parse_branch(parser *ps) {
    node *cat = mk(N_CAT, 0);
    int start = 1;
    while (ps->p < ps->end) {
        const char *p = ps->p;
        int c = (unsigned char)*p;
        node *atom = NULL;
        if (ps->ere ? (c == '|' || (c == ')' && ps->depth > 0)) : (c == '\\' && p + 1 < ps->end && (p[1] == '|' || p[1] == ')')))
            break;
        if (c == '^' && (ps->ere || start)) {
            atom = mk(N_ASSERT, A_BOL);
            ps->p++;
            add_kid(cat, atom);
            continue; /* '*' right after a BRE '^' is literal: start stays set */
        }
        if (c == '$' && (ps->ere || at_branch_end(ps, p + 1))) {
            atom = mk(N_ASSERT, A_EOL);
            ps->p++;
        } else if (c == '*' && start) {
            ps->p++;
            if (ps->ere) { /* GNU ignores a leading ERE '*' */
                rx_warning = "* at start of expression";
                continue;
            }
            atom = char_node(ps, '*');
        } else if (ps->ere && (c == '+' || c == '?') && start) {
            ps->p++;
            rx_warning = c == '+' ? "+ at start of expression" : "? at start of expression";
            continue;
        } else if (ps->ere && c == '{' && start) {
            int mn, mx;
            ps->p++;
            const char *save = ps->p;
            if (parse_interval(ps, &mn, &mx) == 1) {
                rx_warning = "{...} at start of expression";
                continue;
            }
            ps->err = NULL;
            ps->p = save;
            atom = char_node(ps, '{');
        } else if (c == '.') {
            atom = mk(N_ANY, 0);
            ps->p++;
        } else if (c == '[') {
            ps->p++;
            atom = parse_bracket(ps);
            if (!atom) goto fail;
        } else if (ps->ere && c == '(') {
            ps->p++;
            int capture = 1;
            if (ps->perl && ps->p + 1 < ps->end && ps->p[0] == '?' && ps->p[1] == ':') ps->p += 2, capture = 0;
            int g = capture ? ++ps->ngroups : 0;
            ps->depth++;
            node *inner = parse_alt(ps);
            ps->depth--;
            if (!inner) goto fail;
            if (ps->p >= ps->end || *ps->p != ')') {
                free_node(inner);
                ps->err = "Unmatched ( or \\(";
                goto fail;
            }
            ps->p++;
            if (capture) {
                atom = mk(N_GROUP, g);
                add_kid(atom, inner);
            } else {
                atom = inner;
            }
        } else if (c == '\\') {
            if (p + 1 >= ps->end) {
                ps->err = "Trailing backslash";
                goto fail;
            }
            int e = (unsigned char)p[1];
            ps->p += 2;
            if (!ps->ere && e == '(') {
                int g = ++ps->ngroups;
                ps->depth++;
                node *inner = parse_alt(ps);
                ps->depth--;
                if (!inner) goto fail;
                if (ps->p + 1 >= ps->end || ps->p[0] != '\\' || ps->p[1] != ')') {
                    free_node(inner);
                    ps->err = "Unmatched ( or \\(";
                    goto fail;
                }
                ps->p += 2;
                atom = mk(N_GROUP, g);
                add_kid(atom, inner);
            } else if (!ps->ere && e == '{' && start) {
                atom = char_node(ps, '{');
            } else if (e >= '1' && e <= '9') {
                int g = e - '0';
                int closed = g <= ps->ngroups;
                for (int k = 0; k < ps->depth && closed; k++) closed = 1;
                if (!closed) {
                    ps->err = "Invalid back reference";
                    goto fail;
                }
                atom = mk(N_BREF, g);
            } else {
                switch (e) {
                case 'w': atom = class_node(ps, "alnum", 0); break;
                case 'W': atom = class_node(ps, "alnum", 1); break;
                case 's': atom = class_node(ps, "space", 0); break;
                case 'S': atom = class_node(ps, "space", 1); break;
                case 'b': atom = mk(N_ASSERT, A_WORDB); break;
                case 'B': atom = mk(N_ASSERT, A_NWORDB); break;
                case '<': atom = mk(N_ASSERT, A_BOW); break;
                case '>': atom = mk(N_ASSERT, A_EOW); break;
                case '`': atom = mk(N_ASSERT, A_BUFSTART); break;
                case '\'': atom = mk(N_ASSERT, A_BUFEND); break;
                case 'n': atom = char_node(ps, '\n'); break;
                case 'd': atom = ps->perl ? class_node(ps, "digit", 0) : char_node(ps, e); break;
                case 'D': atom = ps->perl ? class_node(ps, "digit", 1) : char_node(ps, e); break;
                case 't': atom = char_node(ps, ps->perl ? '\t' : e); break;
                default: atom = char_node(ps, e); break;
                }
            }
        } else {
            atom = char_node(ps, c);
            ps->p++;
        }
        start = 0;
        /* postfix operators */
        for (;;) {
            const char *q = ps->p;
            int min, max;
            if (q >= ps->end) break;
            if (*q == '*') min = 0, max = -1, ps->p++;
            else if (ps->ere && *q == '+') min = 1, max = -1, ps->p++;
            else if (ps->ere && *q == '?') min = 0, max = 1, ps->p++;
            else if (!ps->ere && *q == '\\' && q + 1 < ps->end && q[1] == '+') min = 1, max = -1, ps->p += 2;
            else if (!ps->ere && *q == '\\' && q + 1 < ps->end && q[1] == '?') min = 0, max = 1, ps->p += 2;
            else if (ps->ere && *q == '{') {
                ps->p++;
                int rc = parse_interval(ps, &min, &max);
                if (rc < 0) goto fail_atom;
                if (rc == 0) {
                    ps->p = q;
                    break;
                }
            } else if (!ps->ere && *q == '\\' && q + 1 < ps->end && q[1] == '{') {
                ps->p += 2;
                if (parse_interval(ps, &min, &max) < 0) goto fail_atom;
            } else break;
            int lazy = 0;
            if (ps->perl && ps->p < ps->end && *ps->p == '?') lazy = 1, ps->p++;
            if (atom->type == N_ASSERT) continue; /* a repeated anchor stays an anchor */
            node *rep = mk(N_REP, lazy);
            rep->min = min;
            rep->max = max;
            add_kid(rep, atom);
            atom = rep;
        }
        add_kid(cat, atom);
        continue;
    fail_atom:
        free_node(atom);
        goto fail;
    }
    return cat;
fail:
    free_node(cat);
    return NULL;
}

static node *parse_alt(parser *ps) {
    node *first = parse_branch(ps);
    if (!first) return NULL;
    const char *p = ps->p;
    int is_bar = ps->ere ? (p < ps->end && *p == '|') : (p + 1 < ps->end && p[0] == '\\' && p[1] == '|');
    if (!is_bar) return first;
    node *alt = mk(N_ALT, 0);
    add_kid(alt, first);
    while (is_bar) {
        ps->p += ps->ere ? 1 : 2;
        node *b = parse_branch(ps);
        if (!b) {
            free_node(alt);
            return NULL;
        }
        add_kid(alt, b);
        p = ps->p;
        is_bar = ps->ere ? (p < ps->end && *p == '|') : (p + 1 < ps->end && p[0] == '\\' && p[1] == '|');
    }
    return alt;
}

static int nullable(node *n) {
    switch (n->type) {
    case N_CHAR: case N_ANY: case N_SET: return 0;
    case N_CAT:
        for (int i = 0; i < n->nkids; i++)
            if (!nullable(n->kids[i])) return 0;
        return 1;
    case N_ALT:
        for (int i = 0; i < n->nkids; i++)
            if (nullable(n->kids[i])) return 1;
        return 0;
    case N_REP: return n->min == 0 || nullable(n->kids[0]);
    case N_GROUP: return nullable(n->kids[0]);
    default: return 1;
    }
}

static int emit(rx_t *r, int op, int x, int y) {
    if (r->ncode == r->capcode) r->code = realloc(r->code, (r->capcode = r->capcode * 2 + 64) * sizeof(inst));
    r->code[r->ncode].op = op;
    r->code[r->ncode].x = x;
    r->code[r->ncode].y = y;
    return r->ncode++;
}

static int gen(rx_t *r, node *n) {
    if (r->ncode > 2000000) return -1;
    switch (n->type) {
    case N_CHAR: emit(r, I_CHAR, n->val, 0); break;
    case N_ANY: emit(r, I_ANY, 0, 0); break;
    case N_SET: emit(r, I_SET, n->val, 0); break;
    case N_ASSERT: emit(r, I_ASSERT, n->val, 0); break;
    case N_BREF: emit(r, I_BREF, n->val, 0); break;
    case N_EMPTY: break;
    case N_CAT:
        for (int i = 0; i < n->nkids; i++)
            if (gen(r, n->kids[i]) < 0) return -1;
        break;
    case N_GROUP:
        emit(r, I_SAVE, 2 * n->val, 0);
        if (gen(r, n->kids[0]) < 0) return -1;
        emit(r, I_SAVE, 2 * n->val + 1, 0);
        break;
    case N_ALT: {
        int *jumps = malloc(n->nkids * sizeof(int));
        for (int i = 0; i < n->nkids; i++) {
            int split = -1;
            if (i < n->nkids - 1) split = emit(r, I_SPLIT, 0, 0);
            if (split >= 0) r->code[split].x = r->ncode;
            if (gen(r, n->kids[i]) < 0) {
                free(jumps);
                return -1;
            }
            if (i < n->nkids - 1) {
                jumps[i] = emit(r, I_JMP, 0, 0);
                r->code[split].y = r->ncode;
            }
        }
        for (int i = 0; i < n->nkids - 1; i++) r->code[jumps[i]].x = r->ncode;
        free(jumps);
        break;
    }
    case N_REP: {
        node *k = n->kids[0];
        int null = nullable(k);
        for (int i = 0; i < n->min; i++)
            if (gen(r, k) < 0) return -1;
        if (n->max < 0) {
            int reg = null ? r->nregs++ : -1;
            int split = emit(r, I_SPLIT, 0, 0);
            r->code[split].x = r->ncode;
            if (null) emit(r, I_SAVE, reg, 0);
            if (gen(r, k) < 0) return -1;
            if (null) emit(r, I_CHKPROG, reg, 0);
            emit(r, I_JMP, split, 0);
            r->code[split].y = r->ncode;
            if (n->val) {
                int t = r->code[split].x;
                r->code[split].x = r->code[split].y;
                r->code[split].y = t;
            }
        } else {
            int opt = n->max - n->min;
            int *splits = malloc((opt + 1) * sizeof(int));
            for (int i = 0; i < opt; i++) {
                splits[i] = emit(r, I_SPLIT, 0, 0);
                r->code[splits[i]].x = r->ncode;
                if (gen(r, k) < 0) {
                    free(splits);
                    return -1;
                }
            }
            for (int i = 0; i < opt; i++) {
                r->code[splits[i]].y = r->ncode;
                if (n->val) {
                    int t = r->code[splits[i]].x;
                    r->code[splits[i]].x = r->code[splits[i]].y;
                    r->code[splits[i]].y = t;
                }
            }
            free(splits);
        }
        break;
    }
    }
    return 0;
}

rx_t *rx_compile(const char *pat, size_t len, int flags, const char **err) {
    rx_t *r = calloc(1, sizeof *r);
    parser ps = {pat, pat + len, (flags & (RX_EXTENDED | RX_PERL)) != 0, flags & RX_ICASE, (flags & RX_GREP) != 0,
                 (flags & RX_PERL) != 0, r, NULL, 0, {0}, 0};
    r->icase = ps.icase;
    r->perl = ps.perl;
    rx_warning = NULL;
    node *root = parse_alt(&ps);
    if (root && ps.p < ps.end) {
        /* stray ')' (BRE "\)") */
        ps.err = "Unmatched ) or \\)";
        free_node(root);
        root = NULL;
    }
    if (!root) {
        *err = ps.err ? ps.err : "Invalid regular expression";
        rx_free(r);
        return NULL;
    }
    r->ngroups = ps.ngroups;
    r->nregs = 2 * (ps.ngroups + 1);
    emit(r, I_SAVE, 0, 0);
    if (gen(r, root) < 0) {
        free_node(root);
        rx_free(r);
        *err = "Regular expression too big";
        return NULL;
    }
    emit(r, I_SAVE, 1, 0);
    emit(r, I_MATCH, 0, 0);
    free_node(root);
    r->first_char = r->ncode > 1 && r->code[1].op == I_CHAR ? r->code[1].x : -1;
    r->anchored = r->ncode > 1 && r->code[1].op == I_ASSERT && r->code[1].x == A_BOL;
    return r;
}

void rx_free(rx_t *r) {
    if (!r) return;
    free(r->code);
    free(r->sets);
    free(r);
}

int rx_nsub(const rx_t *r) { return r->ngroups; }

static int is_word(const char *s, size_t len, long i) {
    if (i < 0 || (size_t)i >= len) return 0;
    unsigned char c = s[i];
    return isalnum(c) || c == '_';
}

typedef struct { int kind, a; long b; } frame; /* kind 0: choice (pc a, sp b); 1: restore reg a to b */

typedef struct {
    frame *st;
    size_t n, cap;
    long *regs;
} vm;

static void push(vm *v, int kind, int a, long b) {
    if (v->n == v->cap) v->st = realloc(v->st, (v->cap = v->cap * 2 + 256) * sizeof(frame));
    v->st[v->n].kind = kind;
    v->st[v->n].a = a;
    v->st[v->n++].b = b;
}

/* Runs the machine at position sp0. Returns the end of the best match or -1; best regs copied to out. */
static long run(const rx_t *r, vm *v, const char *s, size_t len, long sp0, int eflags, long *out) {
    for (int i = 0; i < r->nregs; i++) v->regs[i] = -1;
    v->n = 0;
    long best = -1;
    int pc = 0;
    long sp = sp0;
    long steps = 0;
    for (;;) {
        const inst *in = &r->code[pc];
        int ok = 1;
        switch (in->op) {
        case I_CHAR:
            ok = (size_t)sp < len && (unsigned char)s[sp] == in->x;
            sp++, pc++;
            break;
        case I_ANY:
            ok = (size_t)sp < len;
            sp++, pc++;
            break;
        case I_SET: {
            ok = (size_t)sp < len;
            if (ok) {
                unsigned char c = s[sp];
                ok = (r->sets[in->x][c >> 3] >> (c & 7)) & 1;
            }
            sp++, pc++;
            break;
        }
        case I_SPLIT:
            push(v, 0, in->y, sp);
            pc = in->x;
            break;
        case I_JMP:
            pc = in->x;
            break;
        case I_SAVE:
            push(v, 1, in->x, v->regs[in->x]);
            v->regs[in->x] = sp;
            pc++;
            break;
        case I_CHKPROG:
            ok = v->regs[in->x] != sp;
            pc++;
            break;
        case I_BREF: {
            long a = v->regs[2 * in->x], b = v->regs[2 * in->x + 1];
            if (a < 0 || b < 0) {
                ok = 0;
                break;
            }
            long n = b - a;
            if ((size_t)(sp + n) > len) {
                ok = 0;
                break;
            }
            if (r->icase) {
                for (long k = 0; k < n && ok; k++)
                    ok = tolower((unsigned char)s[a + k]) == tolower((unsigned char)s[sp + k]);
            } else {
                ok = memcmp(s + a, s + sp, n) == 0;
            }
            sp += n, pc++;
            break;
        }
        case I_ASSERT: {
            int w0 = is_word(s, len, sp - 1), w1 = is_word(s, len, sp);
            switch (in->x) {
            case A_BOL: ok = sp == 0 && !(eflags & RX_NOTBOL); break;
            case A_EOL: ok = (size_t)sp == len && !(eflags & RX_NOTEOL); break;
            case A_BUFSTART: ok = sp == 0 && !(eflags & RX_NOTBOL); break;
            case A_BUFEND: ok = (size_t)sp == len && !(eflags & RX_NOTEOL); break;
            case A_WORDB: ok = w0 != w1; break;
            case A_NWORDB: ok = w0 == w1; break;
            case A_BOW: ok = !w0 && w1; break;
            case A_EOW: ok = w0 && !w1; break;
            }
            pc++;
            break;
        }
        case I_MATCH:
            if ((eflags & RX_WORDMATCH) && (is_word(s, len, sp0 - 1) || is_word(s, len, sp))) {
                ok = 0;
                break;
            }
            if ((eflags & RX_LINEMATCH) && (sp0 != 0 || (size_t)sp != len)) {
                ok = 0;
                break;
            }
            if (sp > best) {
                best = sp;
                memcpy(out, v->regs, r->nregs * sizeof(long));
            }
            if ((eflags & RX_FIRST) || (size_t)sp == len || steps > 5000000) return best;
            ok = 0;
            break;
        }
        if (ok) {
            if (++steps > 50000000 && best >= 0) return best;
            continue;
        }
        /* backtrack */
        for (;;) {
            if (v->n == 0) return best;
            frame *f = &v->st[--v->n];
            if (f->kind == 1) {
                v->regs[f->a] = f->b;
                continue;
            }
            pc = f->a;
            sp = f->b;
            break;
        }
    }
}

int rx_exec(const rx_t *r, const char *s, size_t len, size_t start, int eflags, rx_match_t *m, int nm) {
    if (r->perl) eflags |= RX_FIRST;
    vm v = {NULL, 0, 0, malloc(r->nregs * sizeof(long))};
    long *out = malloc(r->nregs * sizeof(long));
    int found = 0;
    for (size_t pos = start; pos <= len; pos++) {
        if ((r->anchored || (eflags & RX_LINEMATCH)) && (pos > 0 || (eflags & RX_NOTBOL))) break;
        if ((eflags & RX_ANCHORED) && pos > start) break;
        if (r->first_char >= 0 && !(eflags & RX_ANCHORED)) {
            const char *q = memchr(s + pos, r->first_char, len - pos);
            if (!q) break;
            pos = q - s;
        }
        long e = run(r, &v, s, len, pos, eflags, out);
        if (e >= 0) {
            found = 1;
            for (int i = 0; i < nm; i++) {
                if (i <= r->ngroups && out[2 * i] >= 0 && out[2 * i + 1] >= 0) {
                    m[i].so = out[2 * i];
                    m[i].eo = out[2 * i + 1];
                } else {
                    m[i].so = m[i].eo = -1;
                }
            }
            break;
        }
    }
    free(v.st);
    free(v.regs);
    free(out);
    return found;
}

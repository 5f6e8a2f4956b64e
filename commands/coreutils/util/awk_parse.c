/* awk_parse.c — recursive-descent parser from tokens to the AST. */
#include "awk.h"

#include <stdlib.h>
#include <string.h>

typedef struct Parser {
    Lexer lx;
    int tok;
    Func *fn;     /* function being parsed (locals) */
    int no_gt;    /* unparenthesised print list: '>' and '|' redirect */
    Func *funcs;
    int loops;    /* enclosing loops (break/continue) */
    int rule;     /* 1 BEGIN, 2 END action: no next/nextfile */
} Parser;

int awk_nglobals;
char **awk_global_names;
static int globals_cap;

int awk_global_index(const char *name) {
    for (int i = 0; i < awk_nglobals; i++)
        if (strcmp(awk_global_names[i], name) == 0) return i;
    if (awk_nglobals == globals_cap) {
        globals_cap = globals_cap ? globals_cap * 2 : 64;
        awk_global_names = realloc(awk_global_names, globals_cap * sizeof(char *));
        if (!awk_global_names) awk_fatal("out of memory");
    }
    awk_global_names[awk_nglobals] = strdup(name);
    return awk_nglobals++;
}

static void syntax_error(Parser *p, const char *msg) {
    Source *s = &p->lx.srcs[p->lx.cur];
    fflush(stdout);
    if (s->name) fprintf(stderr, "awk: %s:%d: ", s->name, p->lx.tline);
    else fprintf(stderr, "awk: cmd. line:%d: ", p->lx.tline);
    /* the offending line */
    size_t b = p->lx.tstart, e = p->lx.tstart;
    while (b > 0 && b <= s->len && s->text[b - 1] != '\n') b--;
    while (e < s->len && s->text[e] != '\n') e++;
    if (b < e) fprintf(stderr, "%.*s\n", (int)(e - b), s->text + b);
    else fputc('\n', stderr);
    if (s->name) fprintf(stderr, "awk: %s:%d: %*s^ %s\n", s->name, p->lx.tline, (int)(p->lx.tstart - b), "", msg);
    else fprintf(stderr, "awk: cmd. line:%d: %*s^ %s\n", p->lx.tline, (int)(p->lx.tstart - b), "", msg);
    exit(1);
}

static int next(Parser *p) {
    p->tok = awklex_next(&p->lx);
    if (p->tok == TK_ERROR) syntax_error(p, "syntax error");
    return p->tok;
}

static void expect(Parser *p, int t) {
    if (p->tok != t) syntax_error(p, "syntax error");
    next(p);
}

static void skip_nl(Parser *p) {
    while (p->tok == TK_NEWLINE) next(p);
}

/* lexer snapshots for the few places that need to look ahead */
typedef struct Snap {
    Lexer lx;
    int tok;
    char *text;
} Snap;

static void snap_save(Parser *p, Snap *s) {
    s->lx = p->lx;
    s->tok = p->tok;
    s->text = strdup(p->lx.text ? p->lx.text : "");
}

static void snap_restore(Parser *p, Snap *s) {
    char *buf = p->lx.buf;
    size_t cap = p->lx.bufcap;
    p->lx = s->lx;
    p->lx.buf = buf;
    p->lx.bufcap = cap;
    size_t n = strlen(s->text);
    if (n + 1 > cap) {
        p->lx.buf = realloc(p->lx.buf, n + 1);
        p->lx.bufcap = n + 1;
    }
    memcpy(p->lx.buf, s->text, n + 1);
    p->lx.text = p->lx.buf;
    p->lx.tlen = n;
    p->tok = s->tok;
    free(s->text);
}

static int peek(Parser *p) {
    Snap s;
    snap_save(p, &s);
    int t = awklex_next(&p->lx);
    snap_restore(p, &s);
    return t;
}

static Node *mk(Parser *p, int type, Node *a, Node *b) {
    Node *n = calloc(1, sizeof *n);
    if (!n) awk_fatal("out of memory");
    n->type = type;
    n->a = a;
    n->b = b;
    n->line = p->lx.tline;
    n->src = p->lx.srcs[p->lx.cur].name;
    return n;
}

static Func *find_func(Parser *p, const char *name) {
    for (Func *f = p->funcs; f; f = f->next)
        if (strcmp(f->name, name) == 0) return f;
    Func *f = calloc(1, sizeof *f);
    f->name = strdup(name);
    f->next = p->funcs;
    p->funcs = f;
    return f;
}

static Node *var_node(Parser *p, const char *name) {
    if (p->fn)
        for (int i = 0; i < p->fn->nparams; i++)
            if (strcmp(p->fn->params[i], name) == 0) {
                Node *n = mk(p, N_LVAR, NULL, NULL);
                n->op = i;
                return n;
            }
    Node *n = mk(p, N_GVAR, NULL, NULL);
    n->op = awk_global_index(name);
    return n;
}

static int is_lvalue(Node *n) {
    return n->type == N_GVAR || n->type == N_LVAR || n->type == N_FIELD || n->type == N_INDEX;
}

static Node *expr(Parser *p);
static Node *ternary(Parser *p);
static Node *concat(Parser *p);
static Node *unary(Parser *p);
static Node *postfix(Parser *p);
static Node *primary(Parser *p);

/* expr {, expr} */
static Node *expr_list(Parser *p, int *count) {
    Node *head = expr(p), *tail = head;
    int n = 1;
    while (p->tok == ',') {
        next(p);
        skip_nl(p);
        tail->next = expr(p);
        tail = tail->next;
        n++;
    }
    if (count) *count = n;
    return head;
}

static Node *name_ref(Parser *p) {
    /* NAME or NAME[subscripts]; current token is NAME */
    char *name = strdup(p->lx.text);
    next(p);
    Node *v = var_node(p, name);
    free(name);
    if (p->tok == '[') {
        next(p);
        int save = p->no_gt;
        p->no_gt = 0;
        Node *subs = expr_list(p, NULL);
        p->no_gt = save;
        expect(p, ']');
        return mk(p, N_INDEX, v, subs);
    }
    return v;
}

/* optional lvalue after getline */
static Node *getline_target(Parser *p) {
    if (p->tok == TK_NAME) return name_ref(p);
    if (p->tok == '$') {
        next(p);
        Node *e;
        if (p->tok == TK_INCR || p->tok == TK_DECR) e = postfix(p);
        else e = primary(p);
        return mk(p, N_FIELD, e, NULL);
    }
    return NULL;
}

static Node *primary(Parser *p) {
    Node *n;
    switch (p->tok) {
    case TK_NUMBER:
        n = mk(p, N_NUM, NULL, NULL);
        n->num = p->lx.num;
        next(p);
        return n;
    case TK_STRING:
        n = mk(p, N_STR, NULL, NULL);
        n->str = awkstr_new(p->lx.text, p->lx.tlen);
        next(p);
        return n;
    case TK_ERE:
        n = mk(p, N_REGEX, NULL, NULL);
        n->str = awkstr_new(p->lx.text, p->lx.tlen);
        n->re = awkre_compile_lit(p->lx.text, p->lx.tlen);
        next(p);
        return n;
    case '$': {
        next(p);
        Node *e;
        if (p->tok == TK_INCR || p->tok == TK_DECR) e = postfix(p);
        else if (p->tok == '-' || p->tok == '+' || p->tok == '!') e = unary(p);
        else e = primary(p);
        return mk(p, N_FIELD, e, NULL);
    }
    case '(': {
        next(p);
        int save = p->no_gt;
        p->no_gt = 0;
        int cnt;
        skip_nl(p);
        Node *e = expr_list(p, &cnt);
        skip_nl(p);
        expect(p, ')');
        p->no_gt = save;
        if (cnt > 1) {
            if (p->tok != TK_IN) syntax_error(p, "syntax error");
            next(p);
            if (p->tok != TK_NAME) syntax_error(p, "syntax error");
            Node *arr = var_node(p, p->lx.text);
            next(p);
            return mk(p, N_IN, e, arr);
        }
        if (is_lvalue(e)) return mk(p, N_GROUP, e, NULL);
        e->paren = 1;
        return e;
    }
    case '-': next(p); return mk(p, N_NEG, unary(p), NULL);
    case '+': next(p); return mk(p, N_UPLUS, unary(p), NULL);
    case '!': next(p); return mk(p, N_NOT, unary(p), NULL);
    case TK_NAME:
        return name_ref(p);
    case TK_FUNC_NAME: {
        n = mk(p, N_CALL, NULL, NULL);
        n->fn = find_func(p, p->lx.text);
        next(p);
        expect(p, '(');
        int save = p->no_gt;
        p->no_gt = 0;
        skip_nl(p);
        int cnt = 0;
        if (p->tok != ')') n->a = expr_list(p, &cnt);
        skip_nl(p);
        expect(p, ')');
        p->no_gt = save;
        n->op = cnt;
        return n;
    }
    case TK_BUILTIN: {
        n = mk(p, N_BUILTIN, NULL, NULL);
        n->op = p->lx.builtin;
        next(p);
        if (p->tok == '(') {
            next(p);
            int save = p->no_gt;
            p->no_gt = 0;
            skip_nl(p);
            if (p->tok != ')') n->a = expr_list(p, NULL);
            skip_nl(p);
            expect(p, ')');
            p->no_gt = save;
        } else if (n->op != B_LENGTH) {
            syntax_error(p, "syntax error");
        }
        return n;
    }
    case TK_GETLINE: {
        next(p);
        n = mk(p, N_GETLINE, getline_target(p), NULL);
        n->op = G_SIMPLE;
        if (p->tok == '<') {
            next(p);
            n->op = G_FILE;
            n->b = postfix(p);
        }
        return n;
    }
    }
    syntax_error(p, "syntax error");
    return NULL;
}

static Node *postfix(Parser *p) {
    if (p->tok == TK_INCR || p->tok == TK_DECR) {
        int t = p->tok == TK_INCR ? N_PREINC : N_PREDEC;
        next(p);
        Node *lv = postfix(p);
        if (!is_lvalue(lv)) syntax_error(p, "syntax error");
        return mk(p, t, lv, NULL);
    }
    Node *e = primary(p);
    if (is_lvalue(e) && (p->tok == TK_INCR || p->tok == TK_DECR)) {
        int t = p->tok == TK_INCR ? N_POSTINC : N_POSTDEC;
        next(p);
        return mk(p, t, e, NULL);
    }
    return e;
}

static Node *power(Parser *p) {
    Node *l = postfix(p);
    if (p->tok == '^') {
        next(p);
        Node *r;
        if (p->tok == '-') { next(p); r = mk(p, N_NEG, power(p), NULL); }
        else if (p->tok == '+') { next(p); r = mk(p, N_UPLUS, power(p), NULL); }
        else if (p->tok == '!') { next(p); r = mk(p, N_NOT, power(p), NULL); }
        else r = power(p);
        l = mk(p, N_BINOP, l, r);
        l->op = '^';
    }
    return l;
}

static Node *unary(Parser *p) {
    if (p->tok == '-') { next(p); return mk(p, N_NEG, unary(p), NULL); }
    if (p->tok == '+') { next(p); return mk(p, N_UPLUS, unary(p), NULL); }
    if (p->tok == '!') { next(p); return mk(p, N_NOT, unary(p), NULL); }
    return power(p);
}

/* Value of a numeric constant operand (literal, or unary operators on one); 0 if not constant. */
static int const_value(Node *n, double *d) {
    if (n->paren) return 0;
    switch (n->type) {
    case N_NUM: *d = n->num; return 1;
    case N_NEG: if (!const_value(n->a, d)) return 0; *d = -*d; return 1;
    case N_UPLUS: return const_value(n->a, d);
    case N_NOT:
        if (n->a->type == N_STR) { *d = n->a->str->len == 0; return 1; }
        if (!const_value(n->a, d)) return 0;
        *d = *d == 0;
        return 1;
    }
    return 0;
}

static Node *mult(Parser *p) {
    Node *l = unary(p);
    while (p->tok == '*' || p->tok == '/' || p->tok == '%') {
        int op = p->tok;
        next(p);
        Node *r = unary(p);
        double d;
        /* like gawk, a constant zero divisor is an error when the program is read */
        if (op != '*' && const_value(r, &d) && d == 0)
            syntax_error(p, op == '/' ? "division by zero attempted" : "division by zero attempted in `%'");
        l = mk(p, N_BINOP, l, r);
        l->op = op;
    }
    return l;
}

static Node *additive(Parser *p) {
    Node *l = mult(p);
    while (p->tok == '+' || p->tok == '-') {
        int op = p->tok;
        next(p);
        l = mk(p, N_BINOP, l, mult(p));
        l->op = op;
    }
    return l;
}

static int starts_concat(Parser *p) {
    switch (p->tok) {
    case TK_NUMBER: case TK_STRING: case TK_ERE: case TK_NAME: case TK_FUNC_NAME: case TK_BUILTIN:
    case '$': case '(': case TK_INCR: case TK_DECR: case '-': case '+': case '!':
        return 1;
    case TK_IN:
        return 0;
    }
    return 0;
}

static Node *concat(Parser *p) {
    Node *l = additive(p);
    while (starts_concat(p) && p->tok != '-' && p->tok != '+') {
        if (p->tok == TK_GETLINE) break;
        l = mk(p, N_CONCAT, l, additive(p));
    }
    return l;
}

static Node *comparison(Parser *p) {
    Node *l = concat(p);
    for (;;) {
        int t = p->tok, op;
        if (t == '|' && peek(p) == TK_GETLINE) {
            next(p);
            next(p);
            Node *n = mk(p, N_GETLINE, getline_target(p), l);
            n->op = G_CMD;
            l = n;
            continue;
        }
        switch (t) {
        case '<': op = '<'; break;
        case TK_LE: op = TK_LE; break;
        case TK_NE: op = TK_NE; break;
        case TK_EQ: op = TK_EQ; break;
        case TK_GE: op = TK_GE; break;
        case '>': if (p->no_gt) return l; op = '>'; break;
        default: return l;
        }
        next(p);
        l = mk(p, N_CMP, l, concat(p));
        l->op = op;
    }
}

static Node *matching(Parser *p) {
    Node *l = comparison(p);
    while (p->tok == '~' || p->tok == TK_NOMATCH) {
        int op = p->tok;
        next(p);
        l = mk(p, N_MATCH, l, comparison(p));
        l->op = op;
    }
    return l;
}

static Node *in_expr(Parser *p) {
    Node *l = matching(p);
    while (p->tok == TK_IN) {
        next(p);
        if (p->tok != TK_NAME) syntax_error(p, "syntax error");
        Node *arr = var_node(p, p->lx.text);
        next(p);
        if (l->type == N_GROUP) l = l->a;
        l = mk(p, N_IN, l, arr);
    }
    return l;
}

static Node *and_expr(Parser *p) {
    Node *l = in_expr(p);
    while (p->tok == TK_AND) {
        next(p);
        skip_nl(p);
        l = mk(p, N_AND, l, in_expr(p));
    }
    return l;
}

static Node *or_expr(Parser *p) {
    Node *l = and_expr(p);
    while (p->tok == TK_OR) {
        next(p);
        skip_nl(p);
        l = mk(p, N_OR, l, and_expr(p));
    }
    return l;
}

static Node *ternary(Parser *p) {
    Node *c = or_expr(p);
    if (p->tok == '?') {
        next(p);
        skip_nl(p);
        Node *a = ternary(p);
        if (p->tok == '=' || (p->tok >= TK_ADD_ASSIGN && p->tok <= TK_POW_ASSIGN)) {
            /* a ? x = 1 : y */
            int op = p->tok;
            next(p);
            Node *r = expr(p);
            if (a->type == N_GROUP) a = a->a;
            a = mk(p, N_ASSIGN, a, r);
            a->op = op;
        }
        skip_nl(p);
        expect(p, ':');
        skip_nl(p);
        Node *b = expr(p);
        Node *n = mk(p, N_COND, c, a);
        n->c = b;
        return n;
    }
    return c;
}

static Node *expr(Parser *p) {
    Node *l = ternary(p);
    int t = p->tok;
    if (t == '=' || t == TK_ADD_ASSIGN || t == TK_SUB_ASSIGN || t == TK_MUL_ASSIGN || t == TK_DIV_ASSIGN ||
        t == TK_MOD_ASSIGN || t == TK_POW_ASSIGN) {
        if (l->type == N_GROUP) l = l->a;
        if (!is_lvalue(l)) syntax_error(p, "syntax error");
        next(p);
        skip_nl(p);
        Node *n = mk(p, N_ASSIGN, l, expr(p));
        n->op = t;
        return n;
    }
    return l;
}

/* ---- statements ---- */

static Node *statement(Parser *p);

static int is_term(int t) {
    return t == ';' || t == TK_NEWLINE || t == '}' || t == TK_EOF;
}

static void end_simple(Parser *p) {
    if (p->tok == ';' || p->tok == TK_NEWLINE) {
        next(p);
        skip_nl(p);
    } else if (p->tok != '}' && p->tok != TK_EOF) {
        syntax_error(p, "syntax error");
    }
}

static Node *block(Parser *p) {
    expect(p, '{');
    Node *n = mk(p, S_BLOCK, NULL, NULL), *tail = NULL;
    for (;;) {
        while (p->tok == TK_NEWLINE || p->tok == ';') next(p);
        if (p->tok == '}') break;
        if (p->tok == TK_EOF) syntax_error(p, "syntax error: unexpected end of program");
        Node *s = statement(p);
        if (!s) continue;
        if (tail) tail->next = s; else n->a = s;
        tail = s;
    }
    next(p);
    return n;
}

static Node *print_stmt(Parser *p) {
    int type = p->tok == TK_PRINT ? S_PRINT : S_PRINTF;
    next(p);
    Node *n = mk(p, type, NULL, NULL);
    int t = p->tok;
    if (!(is_term(t) || t == '>' || t == TK_APPEND || t == '|')) {
        int done = 0;
        if (t == '(') {
            Snap s;
            snap_save(p, &s);
            next(p);
            skip_nl(p);
            Node *list = expr_list(p, NULL);
            skip_nl(p);
            if (p->tok == ')') {
                next(p);
                t = p->tok;
                if (is_term(t) || t == '>' || t == TK_APPEND || t == '|') {
                    n->a = list;
                    done = 1;
                    free(s.text);
                }
            }
            if (!done) snap_restore(p, &s);
        }
        if (!done) {
            p->no_gt = 1;
            n->a = expr_list(p, NULL);
            p->no_gt = 0;
        }
    }
    t = p->tok;
    if (t == '>' || t == TK_APPEND || t == '|') {
        n->op = t == '>' ? R_FILE : t == TK_APPEND ? R_APPEND : R_PIPE;
        next(p);
        p->no_gt = 1;
        n->b = concat(p);
        p->no_gt = 0;
    }
    return n;
}

static Node *simple_statement(Parser *p) {
    Node *n;
    switch (p->tok) {
    case TK_PRINT: case TK_PRINTF:
        return print_stmt(p);
    case TK_NEXT: case TK_NEXTFILE: {
        const char *w = p->tok == TK_NEXT ? "next" : "nextfile";
        if (p->rule && !p->fn) {
            char msg[64];
            snprintf(msg, sizeof msg, "`%s' used in %s action", w, p->rule == 1 ? "BEGIN" : "END");
            syntax_error(p, msg);
        }
        n = mk(p, p->tok == TK_NEXT ? S_NEXT : S_NEXTFILE, NULL, NULL);
        next(p);
        return n;
    }
    case TK_BREAK: case TK_CONTINUE:
        if (!p->loops) syntax_error(p, p->tok == TK_BREAK ? "`break' is not allowed outside a loop" : "`continue' is not allowed outside a loop");
        n = mk(p, p->tok == TK_BREAK ? S_BREAK : S_CONTINUE, NULL, NULL);
        next(p);
        return n;
    case TK_EXIT:
        next(p);
        return mk(p, S_EXIT, is_term(p->tok) ? NULL : expr(p), NULL);
    case TK_RETURN:
        if (!p->fn) syntax_error(p, "`return' used outside function context");
        next(p);
        return mk(p, S_RETURN, is_term(p->tok) ? NULL : expr(p), NULL);
    case TK_DELETE:
        next(p);
        if (p->tok != TK_NAME) syntax_error(p, "syntax error");
        n = mk(p, S_DELETE, var_node(p, p->lx.text), NULL);
        next(p);
        if (p->tok == '[') {
            next(p);
            n->b = expr_list(p, NULL);
            expect(p, ']');
        }
        return n;
    default:
        return mk(p, S_EXPR, expr(p), NULL);
    }
}

static Node *statement(Parser *p) {
    Node *n;
    switch (p->tok) {
    case '{':
        n = block(p);
        return n;
    case ';':
        next(p);
        return NULL;
    case TK_IF:
        next(p);
        expect(p, '(');
        n = mk(p, S_IF, expr(p), NULL);
        expect(p, ')');
        skip_nl(p);
        if (p->tok == ';') next(p);
        else n->b = statement(p);
        skip_nl(p);
        if (p->tok == TK_ELSE) {
            next(p);
            skip_nl(p);
            if (p->tok == ';') next(p);
            else n->c = statement(p);
        }
        return n;
    case TK_WHILE:
        next(p);
        expect(p, '(');
        n = mk(p, S_WHILE, expr(p), NULL);
        expect(p, ')');
        if (p->tok == ';') { next(p); return n; }
        skip_nl(p);
        p->loops++;
        n->b = statement(p);
        p->loops--;
        return n;
    case TK_DO:
        next(p);
        skip_nl(p);
        p->loops++;
        n = mk(p, S_DO, NULL, statement(p));
        p->loops--;
        skip_nl(p);
        expect(p, TK_WHILE);
        expect(p, '(');
        n->a = expr(p);
        expect(p, ')');
        end_simple(p);
        return n;
    case TK_FOR: {
        next(p);
        expect(p, '(');
        if (p->tok == TK_NAME || p->tok == '(') {
            /* for (name in array) ? */
            Snap s;
            snap_save(p, &s);
            int paren = p->tok == '(';
            if (paren) next(p);
            if (p->tok == TK_NAME) {
                Node *v = var_node(p, p->lx.text);
                next(p);
                if (paren && p->tok == ')') next(p);
                if (p->tok == TK_IN) {
                    next(p);
                    if (p->tok == TK_NAME) {
                        Node *arr = var_node(p, p->lx.text);
                        next(p);
                        if (p->tok == ')') {
                            free(s.text);
                            next(p);
                            skip_nl(p);
                            n = mk(p, S_FORIN, v, arr);
                            p->loops++;
                            if (p->tok == ';') next(p);
                            else n->d = statement(p);
                            p->loops--;
                            return n;
                        }
                    }
                }
            }
            snap_restore(p, &s);
        }
        n = mk(p, S_FOR, NULL, NULL);
        if (p->tok != ';') n->a = simple_statement(p);
        expect(p, ';');
        skip_nl(p);
        if (p->tok != ';') n->b = expr(p);
        expect(p, ';');
        skip_nl(p);
        if (p->tok != ')') n->c = simple_statement(p);
        expect(p, ')');
        if (p->tok == ';') { next(p); return n; }
        skip_nl(p);
        p->loops++;
        n->d = statement(p);
        p->loops--;
        return n;
    }
    default:
        n = simple_statement(p);
        end_simple(p);
        return n;
    }
}

static void function_def(Parser *p) {
    next(p);
    if (p->tok != TK_NAME && p->tok != TK_FUNC_NAME) syntax_error(p, "syntax error");
    Func *f = find_func(p, p->lx.text);
    if (f->defined) syntax_error(p, "function redefined");
    for (int i = 0; i < awk_nglobals; i++)
        if (strcmp(awk_global_names[i], f->name) == 0) syntax_error(p, "function name previously used as a variable");
    f->defined = 1;
    next(p);
    expect(p, '(');
    int cap = 0;
    while (p->tok != ')') {
        if (p->tok != TK_NAME) syntax_error(p, "syntax error");
        if (f->nparams == cap) {
            cap = cap ? cap * 2 : 8;
            f->params = realloc(f->params, cap * sizeof(char *));
        }
        for (int k = 0; k < f->nparams; k++)
            if (strcmp(f->params[k], p->lx.text) == 0) syntax_error(p, "duplicate parameter name");
        if (strcmp(p->lx.text, f->name) == 0) syntax_error(p, "parameter shadows the function name");
        f->params[f->nparams++] = strdup(p->lx.text);
        next(p);
        if (p->tok == ',') { next(p); skip_nl(p); }
        else if (p->tok != ')') syntax_error(p, "syntax error");
    }
    next(p);
    skip_nl(p);
    p->fn = f;
    f->body = block(p);
    p->fn = NULL;
}

static void add_rule(Rule **list, Rule *r) {
    while (*list) list = &(*list)->next;
    *list = r;
}

int awk_parse(Source *srcs, int nsrcs, Program *prog) {
    Parser ps, *p = &ps;
    memset(p, 0, sizeof *p);
    memset(prog, 0, sizeof *prog);
    awklex_init(&p->lx, srcs, nsrcs);
    next(p);
    for (;;) {
        while (p->tok == TK_NEWLINE || p->tok == ';') next(p);
        if (p->tok == TK_EOF) break;
        if (p->tok == TK_FUNCTION) {
            function_def(p);
            continue;
        }
        Rule *r = calloc(1, sizeof *r);
        if (p->tok == TK_BEGIN || p->tok == TK_END) {
            r->kind = p->tok == TK_BEGIN ? 1 : 2;
            next(p);
            if (p->tok != '{') syntax_error(p, "syntax error");
            p->rule = r->kind;
            r->action = block(p);
            p->rule = 0;
            add_rule(r->kind == 1 ? &prog->begin : &prog->end, r);
            continue;
        }
        if (p->tok != '{') {
            r->pat = expr(p);
            if (p->tok == ',') {
                next(p);
                skip_nl(p);
                r->pat2 = expr(p);
            }
        }
        if (p->tok == '{') r->action = block(p);
        else if (!is_term(p->tok)) syntax_error(p, "syntax error");
        add_rule(&prog->main, r);
    }
    for (Func *f = p->funcs; f; f = f->next)
        if (!f->defined) {
            fflush(stdout);
            fprintf(stderr, "awk: fatal: function `%s' not defined\n", f->name);
            exit(2);
        }
    return 0;
}

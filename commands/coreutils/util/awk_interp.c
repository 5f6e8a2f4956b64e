/* awk_interp.c — tree-walking evaluator: expressions, statements, rules. No longjmp: statements return
 * a jump code; next/exit inside a function called from an expression travel in `pending`. */
#include "awk.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define NOINLINE __attribute__((noinline))

enum { J_NONE, J_BREAK, J_CONTINUE, J_NEXT, J_NEXTFILE, J_EXIT, J_RETURN };

Var *awk_globals;
Program *awk_prog;
int awk_exit_code;
Node *awk_cur_stmt;
Str *awk_convfmt, *awk_ofmt, *awk_ofs, *awk_ors, *awk_subsep;

static Var *frame;     /* locals of the running function */
static int pending;    /* J_NEXT / J_NEXTFILE / J_EXIT raised inside a function call */
static Value retval;
static int call_depth;

static void location(void) {
    if (!awk_cur_stmt) return;
    if (awk_cur_stmt->src) fprintf(stderr, "%s:%d: ", awk_cur_stmt->src, awk_cur_stmt->line);
    else fprintf(stderr, "cmd. line:%d: ", awk_cur_stmt->line);
}

void awk_fatal(const char *fmt, ...) {
    fflush(stdout);
    fprintf(stderr, "awk: ");
    location();
    fprintf(stderr, "fatal: ");
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit(2);
}

void awk_warning(const char *fmt, ...) {
    fflush(stdout);
    fprintf(stderr, "awk: ");
    location();
    fprintf(stderr, "warning: ");
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

static inline Var *var_of(Node *n) {
    return n->type == N_LVAR ? &frame[n->op] : &awk_globals[n->op];
}

Array *awk_var_array(Var *v) {
    while (v->ref) v = v->ref;
    if (!v->arr) {
        if (v->v.type != T_UNINIT) awk_fatal("attempt to use scalar as array");
        v->arr = awkarr_new();
    }
    return v->arr;
}

Array *awk_node_array(Node *n) { return awk_var_array(var_of(n)); }

static void set_cached(Str **slot, Value *v) {
    awkstr_unref(*slot);
    *slot = awkv_tostr(v);
}

void awk_set_var(Var *v, Value val) {
    awkv_free(&v->v);
    v->v = val;
    if (v >= awk_globals && v < awk_globals + V_NSPECIAL) {
        switch (v - awk_globals) {
        case V_NF: {
            double d = awkv_tonum(&v->v);
            if (d < 0) awk_fatal("NF set to negative value");
            awkfld_set_nf((long)d);
            break;
        }
        case V_FS: awkfld_fs_changed(); break;
        case V_RS: awkio_rs_changed(); break;
        case V_OFS: set_cached(&awk_ofs, &v->v); break;
        case V_ORS: set_cached(&awk_ors, &v->v); break;
        case V_SUBSEP: set_cached(&awk_subsep, &v->v); break;
        case V_CONVFMT: set_cached(&awk_convfmt, &v->v); break;
        case V_OFMT: set_cached(&awk_ofmt, &v->v); break;
        }
    }
}

Str *awk_subscript(Node *list) {
    Value v = awk_eval(list);
    Str *s = awkv_tostr(&v);
    awkv_free(&v);
    if (!list->next) return s;
    for (Node *n = list->next; n; n = n->next) {
        Value w = awk_eval(n);
        Str *t = awkv_tostr(&w);
        awkv_free(&w);
        Str *r = awkstr_alloc(s->len + awk_subsep->len + t->len);
        memcpy(r->s, s->s, s->len);
        memcpy(r->s + s->len, awk_subsep->s, awk_subsep->len);
        memcpy(r->s + s->len + awk_subsep->len, t->s, t->len);
        awkstr_unref(s);
        awkstr_unref(t);
        s = r;
    }
    return s;
}

static NOINLINE long field_index(Node *e) {
    Value v = awk_eval(e);
    double d = awkv_tonum(&v);
    awkv_free(&v);
    if (d < 0) awk_fatal("attempt to access field %ld", (long)d);
    return (long)d;
}

static Value arith(int op, double x, double y) {
    switch (op) {
    case '+': return v_num(x + y);
    case '-': return v_num(x - y);
    case '*': return v_num(x * y);
    case '/':
        if (y == 0) awk_fatal("division by zero attempted");
        return v_num(x / y);
    case '%':
        if (y == 0) awk_fatal("division by zero attempted in `%%'");
        return v_num(fmod(x, y));
    case '^': {
        if (y == (int)y && fabs(y) < 1024) {
            int n = (int)fabs(y);
            double r = 1, b = x;
            while (n) { if (n & 1) r *= b; b *= b; n >>= 1; }
            return v_num(y < 0 ? 1 / r : r);
        }
        return v_num(pow(x, y));
    }
    }
    return v_num(0);
}

static int assign_op(int tok) {
    switch (tok) {
    case TK_ADD_ASSIGN: return '+';
    case TK_SUB_ASSIGN: return '-';
    case TK_MUL_ASSIGN: return '*';
    case TK_DIV_ASSIGN: return '/';
    case TK_MOD_ASSIGN: return '%';
    case TK_POW_ASSIGN: return '^';
    }
    return 0;
}

/* Stores val into an lvalue; `op` combines with the old value first (0 = plain). Returns a copy. */
static Value store(Node *lv, int op, Value val, int want) {
    Value res;
    switch (lv->type) {
    case N_GVAR: case N_LVAR: {
        Var *v = var_of(lv);
        if (v->arr || (v->ref && v->v.type == T_UNINIT && v->ref->arr))
            awk_fatal("attempt to use array in a scalar context");
        if (op) {
            if (lv->type == N_GVAR && lv->op == V_NF) awkfld_ensure_split();
            Value r = arith(op, awkv_tonum(&v->v), awkv_tonum(&val));
            awkv_free(&val);
            val = r;
        }
        res = want ? awkv_copy(&val) : v_uninit();
        awk_set_var(v, val);
        return res;
    }
    case N_INDEX: {
        Array *a = awk_var_array(var_of(lv->a));
        Str *key = awk_subscript(lv->b);
        Value *slot = awkarr_get(a, key, 1);
        awkstr_unref(key);
        if (op) {
            Value r = arith(op, awkv_tonum(slot), awkv_tonum(&val));
            awkv_free(&val);
            val = r;
        }
        awkv_free(slot);
        *slot = val;
        return want ? awkv_copy(slot) : v_uninit();
    }
    case N_FIELD: {
        long i = field_index(lv->a);
        if (op) {
            Value old = awkfld_get(i);
            Value r = arith(op, awkv_tonum(&old), awkv_tonum(&val));
            awkv_free(&old);
            awkv_free(&val);
            val = r;
        }
        res = want ? awkv_copy(&val) : v_uninit();
        awkfld_set(i, val);
        return res;
    }
    case N_GROUP:
        return store(lv->a, op, val, want);
    }
    awk_fatal("assignment to non-lvalue");
}

void awk_assign_to(Node *lv, Value val) {
    store(lv, 0, val, 0);
}

static NOINLINE Value incdec(Node *n) {
    Node *lv = n->a;
    double delta = (n->type == N_PREINC || n->type == N_POSTINC) ? 1 : -1;
    int post = n->type == N_POSTINC || n->type == N_POSTDEC;
    Value old;
    if (lv->type == N_FIELD) {
        long i = field_index(lv->a);
        old = awkfld_get(i);
        double d = awkv_tonum(&old);
        awkv_free(&old);
        awkfld_set(i, v_num(d + delta));
        return v_num(post ? d : d + delta);
    }
    double d;
    if (lv->type == N_INDEX) {
        Array *a = awk_var_array(var_of(lv->a));
        Str *key = awk_subscript(lv->b);
        Value *slot = awkarr_get(a, key, 1);
        awkstr_unref(key);
        d = awkv_tonum(slot);
        awkv_free(slot);
        *slot = v_num(d + delta);
    } else {
        Var *v = var_of(lv);
        if (lv->type == N_GVAR && lv->op == V_NF) awkfld_ensure_split();
        d = awkv_tonum(&v->v);
        awk_set_var(v, v_num(d + delta));
    }
    return v_num(post ? d : d + delta);
}

static int exec(Node *s);

static NOINLINE Value call(Node *n) {
    Func *f = n->fn;
    if (n->op > f->nparams) awk_fatal("function `%s' called with more arguments than declared", f->name);
    if (++call_depth > 10000) awk_fatal("function call nesting too deep");
    Var *locals = calloc(f->nparams ? f->nparams : 1, sizeof(Var));
    if (!locals) awk_fatal("out of memory");
    int i = 0;
    for (Node *a = n->a; a; a = a->next, i++) {
        if (a->type == N_GVAR || a->type == N_LVAR) {
            Var *src = var_of(a);
            if (src->v.type == T_UNINIT && (src->ref || src->arr)) {
                Var *r = src;
                while (r->ref) r = r->ref;
                locals[i].ref = r;
                locals[i].v = v_uninit();
                continue;
            }
            if (src->v.type == T_UNINIT && !(a->type == N_GVAR && a->op < V_NSPECIAL)) {
                locals[i].ref = src; /* may become an array in the callee */
                locals[i].v = v_uninit();
                continue;
            }
        }
        locals[i].v = awk_eval(a);
    }
    for (; i < f->nparams; i++) locals[i].v = v_uninit();
    Var *saved = frame;
    frame = locals;
    int r = exec(f->body);
    frame = saved;
    for (i = 0; i < f->nparams; i++) {
        awkv_free(&locals[i].v);
        if (locals[i].arr) awkarr_free(locals[i].arr);
    }
    free(locals);
    call_depth--;
    Value res = v_uninit();
    if (r == J_RETURN) {
        res = retval;
        retval = v_uninit();
    } else if (r == J_EXIT || r == J_NEXT || r == J_NEXTFILE) {
        pending = r;
    }
    return res;
}

static NOINLINE Value getline_expr(Node *n) {
    Str *rec = NULL;
    int r;
    if (n->op == G_SIMPLE) {
        r = awkio_getline_main(&rec);
    } else {
        Value v = awk_eval(n->b);
        Str *name = awkv_tostr(&v);
        awkv_free(&v);
        r = n->op == G_FILE ? awkio_getline_file(name, &rec) : awkio_getline_cmd(name, &rec);
        awkstr_unref(name);
    }
    if (r > 0) {
        if (n->a) awk_assign_to(n->a, awkv_maybe(rec));
        else awkfld_set_record(rec);
    }
    return v_num(r);
}

static Regex *regex_of(Node *n) {
    if (n->type == N_REGEX) return n->re;
    Value v = awk_eval(n);
    Str *s = awkv_tostr(&v);
    awkv_free(&v);
    Regex *r = awkre_dynamic(s);
    awkstr_unref(s);
    return r;
}

static NOINLINE int match_record(Regex *re) {
    Str *rec = awkfld_record();
    size_t so, eo;
    return awkre_match(re, rec->s, 0, &so, &eo);
}

static NOINLINE Value eval_index(Node *n) {
    Array *a = awk_var_array(var_of(n->a));
    Str *key = awk_subscript(n->b);
    Value *slot = awkarr_get(a, key, 1);
    awkstr_unref(key);
    return awkv_copy(slot);
}

static NOINLINE Value eval_assign(Node *n) {
    Value val = awk_eval(n->b);
    return store(n->a, assign_op(n->op), val, 1);
}

static NOINLINE int eval_truth(Node *n) {
    Value c = awk_eval(n);
    int t = awkv_truth(&c);
    awkv_free(&c);
    return t;
}

static NOINLINE double eval_num(Node *n) {
    Value c = awk_eval(n);
    double d = awkv_tonum(&c);
    awkv_free(&c);
    return d;
}

static NOINLINE Value eval_concat(Node *n) {
    Value a = awk_eval(n->a);
    Value b = awk_eval(n->b);
    Str *s = awkv_tostr(&a), *t = awkv_tostr(&b);
    awkv_free(&a);
    awkv_free(&b);
    Str *r = awkstr_alloc(s->len + t->len);
    memcpy(r->s, s->s, s->len);
    memcpy(r->s + s->len, t->s, t->len);
    awkstr_unref(s);
    awkstr_unref(t);
    return v_str(r);
}

static NOINLINE Value eval_cmp(Node *n) {
    Value a = awk_eval(n->a);
    Value b = awk_eval(n->b);
    int r = 0;
    if (awkv_isnumeric(&a) && awkv_isnumeric(&b)) {
        /* plain double comparison: NaN compares false (IEEE), as gawk */
        double x = awkv_tonum(&a), y = awkv_tonum(&b);
        awkv_free(&a);
        awkv_free(&b);
        switch (n->op) {
        case '<': r = x < y; break;
        case TK_LE: r = x <= y; break;
        case '>': r = x > y; break;
        case TK_GE: r = x >= y; break;
        case TK_EQ: r = x == y; break;
        case TK_NE: r = x != y; break;
        }
        return v_num(r);
    }
    int c = awkv_compare(&a, &b);
    awkv_free(&a);
    awkv_free(&b);
    switch (n->op) {
    case '<': r = c < 0; break;
    case TK_LE: r = c <= 0; break;
    case '>': r = c > 0; break;
    case TK_GE: r = c >= 0; break;
    case TK_EQ: r = c == 0; break;
    case TK_NE: r = c != 0; break;
    }
    return v_num(r);
}

static NOINLINE Value eval_match(Node *n) {
    Value a = awk_eval(n->a);
    Str *s = awkv_tostr(&a);
    awkv_free(&a);
    Regex *re = regex_of(n->b);
    size_t so, eo;
    int m = awkre_match(re, s->s, 0, &so, &eo);
    awkstr_unref(s);
    return v_num(n->op == '~' ? m : !m);
}

static NOINLINE Value eval_in(Node *n) {
    Array *a = awk_var_array(var_of(n->b));
    Str *key = awk_subscript(n->a);
    int r = awkarr_get(a, key, 0) != NULL;
    awkstr_unref(key);
    return v_num(r);
}

Value awk_eval(Node *n) {
    switch (n->type) {
    case N_NUM: return v_num(n->num);
    case N_STR: return v_str(str_ref(n->str));
    case N_REGEX: return v_num(match_record(n->re));
    case N_GROUP: return awk_eval(n->a);
    case N_GVAR:
        if (n->op == V_NF) awkfld_ensure_split();
        /* fall through */
    case N_LVAR: {
        Var *v = var_of(n);
        if (v->arr || (v->ref && v->v.type == T_UNINIT && v->ref->arr))
            awk_fatal("attempt to use array in a scalar context");
        return awkv_copy(&v->v);
    }
    case N_FIELD: return awkfld_get(field_index(n->a));
    case N_INDEX: return eval_index(n);
    case N_ASSIGN: return eval_assign(n);
    case N_COND: return awk_eval(eval_truth(n->a) ? n->b : n->c);
    case N_AND: {
        int t = eval_truth(n->a);
        return v_num(t ? eval_truth(n->b) : 0);
    }
    case N_OR: {
        int t = eval_truth(n->a);
        return v_num(t ? 1 : eval_truth(n->b));
    }
    case N_NOT: return v_num(!eval_truth(n->a));
    case N_NEG: return v_num(-eval_num(n->a));
    case N_UPLUS: return v_num(eval_num(n->a));
    case N_BINOP: {
        double x = eval_num(n->a);
        double y = eval_num(n->b);
        return arith(n->op, x, y);
    }
    case N_CONCAT: return eval_concat(n);
    case N_CMP: return eval_cmp(n);
    case N_MATCH: return eval_match(n);
    case N_IN: return eval_in(n);
    case N_PREINC: case N_PREDEC: case N_POSTINC: case N_POSTDEC:
        return incdec(n);
    case N_CALL: return call(n);
    case N_BUILTIN: return awk_builtin(n);
    case N_GETLINE: return getline_expr(n);
    }
    awk_fatal("internal error: bad node %d", n->type);
}

#define cond_true eval_truth

static NOINLINE void eval_discard(Node *e) {
    Value v = awk_eval(e);
    awkv_free(&v);
}

static NOINLINE int do_print(Node *s) {
    FILE *f = stdout;
    /* evaluate the arguments first, then the destination */
    size_t cap = 16, n = 0;
    Str *stack[16], **parts = stack;
    if (s->type == S_PRINT) {
        for (Node *a = s->a; a; a = a->next) {
            if (n == cap) {
                Str **np = malloc(cap * 2 * sizeof *np);
                memcpy(np, parts, n * sizeof *np);
                if (parts != stack) free(parts);
                parts = np;
                cap *= 2;
            }
            Value v = awk_eval(a);
            parts[n++] = awkv_tostr_out(&v);
            awkv_free(&v);
        }
    } else if (!s->a) {
        parts[n++] = str_ref(awk_empty); /* printf without a format prints nothing */
    } else {
        Value v = awk_eval(s->a);
        Str *fmt = awkv_tostr(&v);
        awkv_free(&v);
        parts[n++] = awk_format(fmt->s, fmt->len, s->a->next);
        awkstr_unref(fmt);
    }
    if (!pending) {
        if (s->op != R_NONE) {
            Value v = awk_eval(s->b);
            Str *name = awkv_tostr(&v);
            awkv_free(&v);
            f = awkio_output(s->op, name);
            awkstr_unref(name);
        }
        if (s->type == S_PRINT) {
            if (!s->a) {
                Str *rec = awkfld_record();
                awkio_write(f, rec->s, rec->len);
            }
            for (size_t i = 0; i < n; i++) {
                if (i) awkio_write(f, awk_ofs->s, awk_ofs->len);
                awkio_write(f, parts[i]->s, parts[i]->len);
            }
            awkio_write(f, awk_ors->s, awk_ors->len);
        } else {
            awkio_write(f, parts[0]->s, parts[0]->len);
        }
        if (f == stderr) fflush(stderr);
    }
    for (size_t i = 0; i < n; i++) awkstr_unref(parts[i]);
    if (parts != stack) free(parts);
    return pending;
}

static int exec(Node *s);

static NOINLINE int exec_misc(Node *s) {
    switch (s->type) {
    case S_EXIT:
        if (s->a) {
            Value v = awk_eval(s->a);
            awk_exit_code = (int)awkv_tonum(&v) & 0xff;
            awkv_free(&v);
        }
        return J_EXIT;
    case S_RETURN:
        awkv_free(&retval);
        if (s->a) {
            Value v = awk_eval(s->a);
            if (pending) { awkv_free(&v); return pending; }
            retval = v;
        } else {
            retval = v_uninit();
        }
        return J_RETURN;
    case S_DELETE: {
        Array *a = awk_var_array(var_of(s->a));
        if (s->b) {
            Str *key = awk_subscript(s->b);
            awkarr_delete(a, key);
            awkstr_unref(key);
        } else {
            awkarr_clear(a);
        }
        return pending;
    }
    }
    return J_NONE;
}

static NOINLINE int exec_forin(Node *s) {
    int r;
    Array *a = awk_var_array(var_of(s->b));
    size_t n;
    Str **keys = awkarr_keys(a, &n);
    int res = J_NONE;
    for (size_t i = 0; i < n; i++) {
        if (!awkarr_get(a, keys[i], 0)) continue;
        awk_assign_to(s->a, awkv_maybe(str_ref(keys[i])));
        if (s->d) {
            r = exec(s->d);
            if (r == J_BREAK) break;
            if (r && r != J_CONTINUE) { res = r; break; }
        }
    }
    for (size_t i = 0; i < n; i++) awkstr_unref(keys[i]);
    free(keys);
    return res;
}

static int exec(Node *s) {
    int r;
    awk_cur_stmt = s;
    switch (s->type) {
    case S_BLOCK:
        for (Node *t = s->a; t; t = t->next) {
            r = exec(t);
            if (r) return r;
        }
        return J_NONE;
    case S_EXPR:
        eval_discard(s->a);
        return pending;
    case S_PRINT: case S_PRINTF:
        return do_print(s);
    case S_IF: {
        int t = cond_true(s->a);
        if (pending) return pending;
        Node *b = t ? s->b : s->c;
        return b ? exec(b) : J_NONE;
    }
    case S_WHILE:
        for (;;) {
            int t = cond_true(s->a);
            if (pending) return pending;
            if (!t) break;
            if (s->b) {
                r = exec(s->b);
                if (r == J_BREAK) break;
                if (r && r != J_CONTINUE) return r;
            }
        }
        return J_NONE;
    case S_DO:
        for (;;) {
            if (s->b) {
                r = exec(s->b);
                if (r == J_BREAK) break;
                if (r && r != J_CONTINUE) return r;
            }
            int t = cond_true(s->a);
            if (pending) return pending;
            if (!t) break;
        }
        return J_NONE;
    case S_FOR:
        if (s->a && (r = exec(s->a))) return r;
        for (;;) {
            if (s->b) {
                int t = cond_true(s->b);
                if (pending) return pending;
                if (!t) break;
            }
            if (s->d) {
                r = exec(s->d);
                if (r == J_BREAK) break;
                if (r && r != J_CONTINUE) return r;
            }
            if (s->c && (r = exec(s->c))) return r;
        }
        return J_NONE;
    case S_FORIN: return exec_forin(s);
    case S_NEXT: return J_NEXT;
    case S_NEXTFILE: return J_NEXTFILE;
    case S_BREAK: return J_BREAK;
    case S_CONTINUE: return J_CONTINUE;
    case S_EXIT: case S_RETURN: case S_DELETE:
        return exec_misc(s);
    }
    awk_fatal("internal error: bad statement %d", s->type);
}

/* Runs the action of a rule; a missing action prints $0. */
static int run_action(Rule *r) {
    if (!r->action) {
        Str *rec = awkfld_record();
        awkio_write(stdout, rec->s, rec->len);
        awkio_write(stdout, awk_ors->s, awk_ors->len);
        return J_NONE;
    }
    return exec(r->action);
}

static int run_main_rules(void) {
    for (Rule *r = awk_prog->main; r; r = r->next) {
        int run;
        if (!r->pat) run = 1;
        else if (!r->pat2) run = cond_true(r->pat);
        else if (!r->inrange) {
            run = cond_true(r->pat);
            if (run && !pending) r->inrange = !cond_true(r->pat2);
        } else {
            run = 1;
            r->inrange = !cond_true(r->pat2);
        }
        if (pending) return pending;
        if (!run) continue;
        int j = run_action(r);
        if (!j) j = pending;
        if (j == J_NEXT || j == J_NEXTFILE || j == J_EXIT) return j;
    }
    return J_NONE;
}

static int run_list(Rule *list) {
    for (Rule *r = list; r; r = r->next) {
        int j = exec(r->action);
        if (!j) j = pending;
        if (j == J_EXIT) return j;
        pending = 0;
    }
    return J_NONE;
}

int awk_run(Program *prog) {
    awk_prog = prog;
    int j = run_list(prog->begin);
    pending = 0;
    if (j != J_EXIT && (prog->main || prog->end)) {
        Str *rec;
        for (;;) {
            awk_cur_stmt = NULL;
            if (awkio_getline_main(&rec) <= 0) break;
            awkfld_set_record(rec);
            j = run_main_rules();
            pending = 0;
            if (j == J_EXIT) break;
            if (j == J_NEXTFILE) awkio_nextfile();
        }
    }
    run_list(prog->end);
    awkio_close_all();
    return awk_exit_code;
}

/* awk.h — shared declarations of the awk interpreter (values, AST, runtime state). */
#ifndef AWK_H
#define AWK_H

#include <regex.h>
#include <stddef.h>
#include <stdio.h>

/* ---- strings and values (awk_value.c) ---- */

typedef struct Str {
    int ref;
    size_t len;
    char s[]; /* always NUL-terminated */
} Str;

Str *awkstr_new(const char *s, size_t len);
Str *awkstr_cstr(const char *s);
Str *awkstr_alloc(size_t len); /* uninitialised contents, NUL at len */
static inline Str *str_ref(Str *s) { s->ref++; return s; }
void awkstr_unref(Str *s);
extern Str *awk_empty; /* the shared "" */
void awk_values_init(void);

enum { T_UNINIT, T_NUM, T_STR, T_MAYBE /* input text, not yet classified */, T_STRNUM };

typedef struct Value {
    unsigned char type;
    unsigned char numok; /* num is valid (for T_STR / T_MAYBE: cached conversion) */
    double num;
    Str *s;              /* valid for T_STR, T_MAYBE, T_STRNUM; NULL or cached for T_NUM */
} Value;

static inline Value v_num(double d) { Value v = {T_NUM, 1, d, NULL}; return v; }
static inline Value v_str(Str *s) { Value v = {T_STR, 0, 0, s}; return v; } /* takes the reference */
static inline Value v_uninit(void) { Value v = {T_UNINIT, 1, 0, NULL}; return v; }
Value awkv_maybe(Str *s); /* input string (strnum candidate); takes the reference */
Value awkv_copy(const Value *v);
void awkv_free(Value *v);
double awkv_tonum(Value *v);
Str *awkv_tostr(Value *v);            /* new reference, CONVFMT */
Str *awkv_tostr_out(Value *v);        /* new reference, OFMT (print) */
int awkv_isnumeric(Value *v);         /* classifies T_MAYBE; true for NUM, STRNUM, UNINIT */
int awkv_truth(Value *v);
int awkv_compare(Value *a, Value *b); /* <0, 0, >0 by the POSIX rules */
Str *awk_num_to_str(double d, const char *fmt);
double awk_strtod(const char *s, int *looks_numeric);

/* ---- arrays (awk_array.c) ---- */

typedef struct Elem {
    struct Elem *hnext, *next, *prev;
    Str *key;
    unsigned hash;
    Value val;
} Elem;

typedef struct Array {
    Elem **tab;
    size_t size, count;
    Elem *first, *last;
} Array;

Array *awkarr_new(void);
void awkarr_free(Array *a);
void awkarr_clear(Array *a);
Value *awkarr_get(Array *a, Str *key, int create);
void awkarr_delete(Array *a, Str *key);
Str **awkarr_keys(Array *a, size_t *n); /* snapshot: new references */

/* ---- variables ---- */

typedef struct Var {
    Value v;
    Array *arr;
    struct Var *ref; /* array parameter passed by reference */
} Var;

/* Special variables occupy the first global slots, in this order. */
enum { V_NF, V_NR, V_FNR, V_FS, V_OFS, V_ORS, V_RS, V_SUBSEP, V_RSTART, V_RLENGTH, V_FILENAME,
       V_CONVFMT, V_OFMT, V_ENVIRON, V_ARGC, V_ARGV, V_NSPECIAL };

/* ---- regular expressions (awk_regex.c) ---- */

typedef struct Regex {
    regex_t re;
    int ok;
} Regex;

Regex *awkre_compile_lit(const char *src, size_t len); /* a /literal/ (fatal error when invalid) */
Regex *awkre_dynamic(Str *s);                          /* cached compile of a dynamic regex */
int awkre_match(Regex *r, const char *s, int notbol, size_t *so, size_t *eo);

/* ---- AST (awk_parse.c) ---- */

enum {
    /* expressions */
    N_NUM, N_STR, N_REGEX, N_GVAR, N_LVAR, N_FIELD, N_INDEX, N_ASSIGN, N_COND, N_AND, N_OR, N_NOT,
    N_NEG, N_UPLUS, N_BINOP, N_CONCAT, N_CMP, N_MATCH, N_IN, N_PREINC, N_PREDEC, N_POSTINC,
    N_POSTDEC, N_CALL, N_BUILTIN, N_GETLINE, N_GROUP,
    /* statements */
    S_PRINT, S_PRINTF, S_EXPR, S_IF, S_WHILE, S_DO, S_FOR, S_FORIN, S_BLOCK, S_NEXT, S_NEXTFILE,
    S_EXIT, S_RETURN, S_BREAK, S_CONTINUE, S_DELETE
};

/* builtin ids */
enum { B_LENGTH, B_SUBSTR, B_INDEX, B_SPLIT, B_SUB, B_GSUB, B_MATCH, B_SPRINTF, B_TOLOWER, B_TOUPPER,
       B_SIN, B_COS, B_ATAN2, B_EXP, B_LOG, B_SQRT, B_INT, B_RAND, B_SRAND, B_CLOSE, B_FFLUSH,
       B_SYSTEM };

/* getline kinds and output redirections */
enum { G_SIMPLE, G_FILE, G_CMD };
enum { R_NONE, R_FILE, R_APPEND, R_PIPE };

typedef struct Func Func;

typedef struct Node {
    int type, op, line;
    int paren; /* written in parentheses */
    const char *src; /* -f file name, NULL = command line */
    struct Node *a, *b, *c, *d;
    struct Node *next; /* lists */
    double num;
    Str *str;
    Regex *re;
    Func *fn;
} Node;

struct Func {
    char *name;
    int nparams;
    char **params;
    Node *body;
    int defined;
    Func *next;
};

typedef struct Rule {
    int kind; /* 0 = pattern, 1 = BEGIN, 2 = END */
    Node *pat, *pat2; /* pat2: range end */
    Node *action;     /* NULL = print $0 */
    int inrange;
    struct Rule *next;
} Rule;

typedef struct Program {
    Rule *begin, *main, *end;
} Program;

/* Program sources: -f files and/or the command-line text. */
typedef struct Source {
    const char *text;
    size_t len;
    const char *name; /* NULL = cmd. line */
} Source;

int awk_parse(Source *srcs, int nsrcs, Program *prog); /* 0 ok; errors printed */
int awk_global_index(const char *name);                  /* creates the global on demand */
extern int awk_nglobals;
extern char **awk_global_names;

/* ---- lexer (awk_lex.c) ---- */

enum {
    TK_EOF = 256, TK_NEWLINE, TK_NUMBER, TK_STRING, TK_ERE, TK_NAME, TK_FUNC_NAME, TK_BUILTIN,
    TK_BEGIN, TK_END, TK_FUNCTION, TK_IF, TK_ELSE, TK_WHILE, TK_FOR, TK_DO, TK_BREAK, TK_CONTINUE,
    TK_NEXT, TK_NEXTFILE, TK_EXIT, TK_RETURN, TK_DELETE, TK_GETLINE, TK_PRINT, TK_PRINTF, TK_IN,
    TK_AND, TK_OR, TK_EQ, TK_NE, TK_LE, TK_GE, TK_NOMATCH, TK_INCR, TK_DECR, TK_APPEND,
    TK_ADD_ASSIGN, TK_SUB_ASSIGN, TK_MUL_ASSIGN, TK_DIV_ASSIGN, TK_MOD_ASSIGN, TK_POW_ASSIGN,
    TK_ERROR
};

typedef struct Lexer {
    Source *srcs;
    int nsrcs, cur;
    size_t pos;
    int line;
    int prev;      /* previous token (regex/division decision) */
    /* current token */
    int tok;
    int tline;
    size_t tstart; /* offset of the token in the current source */
    double num;
    char *text;    /* NAME / STRING / ERE text */
    size_t tlen;
    int builtin;
    char *buf;
    size_t bufcap;
} Lexer;

void awklex_init(Lexer *lx, Source *srcs, int n);
int awklex_next(Lexer *lx);

/* ---- runtime (awk_interp.c) ---- */

extern Var *awk_globals;
extern Program *awk_prog;
extern int awk_exit_code;
extern Node *awk_cur_stmt; /* for the location of runtime errors */
extern Str *awk_convfmt, *awk_ofmt, *awk_ofs, *awk_ors, *awk_subsep;
void awk_fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
void awk_warning(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int awk_run(Program *prog);
void awk_set_var(Var *v, Value val); /* takes val; applies special-variable effects */
Array *awk_var_array(Var *v);
Array *awk_node_array(Node *n); /* array of a NAME node */
Str *awk_subscript(Node *list);
Value awk_eval(Node *n);
void awk_assign_to(Node *lv, Value val); /* takes val */
void awk_init_globals(int argc, char **argv, int first_operand);
int awk_cmdline_assign(const char *arg); /* var=value; 1 if it was one */
Str *awk_process_escapes(const char *s, size_t len);

/* ---- fields and records (awk_field.c) ---- */

void awkfld_set_record(Str *rec); /* takes the reference */
Value awkfld_get(long i);         /* new value */
void awkfld_set(long i, Value v); /* takes v */
void awkfld_set_nf(long nf);
void awkfld_touch(long i);
void awkfld_ensure_split(void);
Str *awkfld_record(void);         /* borrowed $0 */
void awkfld_fs_changed(void);
int awk_split(Str *s, Array *a, Str *fs, Regex *re); /* split() */

/* ---- builtins (awk_builtin.c, awk_printf.c) ---- */

Value awk_builtin(Node *n);
Str *awk_format(const char *fmt, size_t flen, Node *args);
int awk_random_init(void);

/* ---- I/O (awk_io.c) ---- */

void awkio_init(void);
FILE *awkio_output(int kind, Str *name); /* fatal on failure */
int awkio_close(Str *name);
int awkio_fflush(Str *name, int all);
int awkio_system(Str *cmd);
void awkio_close_all(void);
int awkio_getline_main(Str **rec);                      /* 1, 0 EOF, -1 error; advances NR/FNR */
int awkio_getline_file(Str *name, Str **rec);
int awkio_getline_cmd(Str *cmd, Str **rec);
void awkio_nextfile(void);
void awkio_rs_changed(void);
void awkio_write(FILE *f, const char *s, size_t n);
void awkio_flush_all(void);

#endif

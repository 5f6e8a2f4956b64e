/* sh.h — shared declarations of the guest POSIX shell (see README.md). */
#ifndef SH_H
#define SH_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* ---- growable string ---- */
typedef struct {
    char *s;
    size_t len, cap;
} Str;
void str_addc(Str *b, char c);
void str_adds(Str *b, const char *s);
void str_addn(Str *b, const char *s, size_t n);
char *str_take(Str *b); /* returns the NUL-terminated buffer, resets b */
void *xmalloc(size_t n);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* ---- AST ---- */
enum { R_IN, R_OUT, R_APPEND, R_CLOBBER, R_RDWR, R_DUPIN, R_DUPOUT, R_HEREDOC };
typedef struct Redir {
    int type, fd;
    char *word;      /* target word (raw), or heredoc delimiter */
    char *body;      /* heredoc body (raw) */
    int hd_quoted;   /* heredoc delimiter was quoted: no expansion */
    struct Redir *next;
} Redir;

enum { N_SIMPLE, N_PIPE, N_AND, N_OR, N_SEQ, N_BG, N_NOT, N_SUBSHELL, N_GROUP, N_IF, N_WHILE, N_UNTIL,
       N_FOR, N_CASE, N_FUNC };

typedef struct CaseItem {
    char **pats;
    int npats;
    struct Node *body;
    struct CaseItem *next;
} CaseItem;

typedef struct Node {
    int type, lineno;
    struct Node *a, *b, *c; /* if: cond/then/else; loops: cond/body; lists: left/right; func: body */
    char **words;           /* simple: words; for: list */
    int nwords;
    char **assigns;
    int nassigns;
    int has_in;             /* for: "in" given */
    char *name;             /* for variable, function name, case subject */
    Redir *redirs;
    CaseItem *items;
    struct Node **cmds;     /* pipeline stages */
    int ncmds;
} Node;

/* ---- parser (parser.c) ---- */
typedef struct Input {
    char *buf;
    size_t len, cap, pos;
    int fd;      /* refill source, -1 for strings */
    int eof;
    int lineno;
    int noalias; /* text already alias-expanded (code handed to a child sh) */
    int exec_last; /* the last command may replace the shell (sh -c, child sh) */
} Input;
void input_init_string(Input *in, const char *s, int lineno);
void input_init_fd(Input *in, int fd);
/* Parses one complete command (up to a newline). *eof set at end of input. NULL + parse_error on error. */
Node *parse_command_line(Input *in, int *eof);
Node *parse_string(const char *s, int lineno); /* whole string; NULL on error (reported) */
extern int parse_error;
extern int parse_noalias; /* disable alias substitution */
extern int parse_quiet;   /* no syntax error messages */
extern Str *capture;
void expand_state_push(void);
void expand_state_pop(void);
extern const char *parse_prefix; /* "eval: " while parsing eval text */

/* ---- printing AST as shell text (print.c) ---- */
char *node_to_text(Node *n, int *first_line);

/* ---- variables (vars.c) ---- */
#define V_EXPORT 1
#define V_READONLY 2
#define V_UNSET 4 /* declared (export/readonly name) without value */
typedef struct Var {
    char *name, *value;
    int flags;
    struct Var *next;
} Var;
Var *var_lookup(const char *name);
const char *var_get(const char *name);
int var_set(const char *name, const char *value, int flags); /* -1 if readonly (message printed) */
int var_unset(const char *name);
int valid_name(const char *s, size_t n);
char **var_environ(void);
void vars_import(char **env);
Var **var_all_sorted(int *n);
void local_push(void);
void local_pop(void);
int var_make_local(const char *name);
int var_make_local_func(const char *name);
extern int func_frame;
extern int local_depth;
void var_changed(const char *name);

/* ---- functions / aliases ---- */
typedef struct Func {
    char *name;
    Node *body;
    struct Func *next;
} Func;
Func *func_lookup(const char *name);
void func_define(const char *name, Node *body);
int func_unset(const char *name);
extern Func *funcs;
typedef struct Alias {
    char *name, *value;
    struct Alias *next;
} Alias;
extern Alias *aliases;
Alias *alias_lookup(const char *name);

/* ---- shell state ---- */
enum { O_ERREXIT, O_NOGLOB, O_IGNOREEOF, O_INTERACTIVE, O_MONITOR, O_NOEXEC, O_STDIN, O_XTRACE, O_VERBOSE,
       O_VI, O_EMACS, O_NOCLOBBER, O_ALLEXPORT, O_NOTIFY, O_NOUNSET, O_PRIVILEGED, O_NOLOG, O_DEBUG, O_PIPEFAIL,
       O_COUNT };
extern const char *opt_names[O_COUNT];
extern const char opt_letters[O_COUNT];
extern int opts[O_COUNT];
extern char *arg0;         /* $0 */
extern char **posargs;     /* $1.. */
extern int nposargs;
extern int exit_status;    /* $? */
extern int shell_pid;      /* $$ */
extern int last_bg_pid;    /* $! */
extern int lineno;         /* current line for messages and LINENO */
extern int is_subshell;    /* running as a child sh for a subshell */
extern int errexit_off;    /* >0 inside contexts where set -e is ignored */
extern int funcdepth, loopdepth;
extern int in_trap;
extern const char *self_path; /* how to start a child sh */

/* control flow unwinding (no longjmp) */
enum { U_NONE, U_BREAK, U_CONTINUE, U_RETURN, U_EXIT };
extern int unwind, unwind_count;
void sh_exit(int status); /* request exit: sets unwind */
void sh_error(const char *fmt, ...);      /* "sh: LINE: msg" */
void sh_errorx(int status, const char *fmt, ...); /* message + fatal (exit non-interactive) */

/* ---- expansion (expand.c) ---- */
char **expand_words(char **words, int n, int *count); /* full expansion incl. split/glob; NULL on error */
char *expand_str(const char *raw, int flags);          /* no split/glob; NULL on error */
#define EX_ASSIGN 1   /* tilde after ':' */
#define EX_PATTERN 2  /* keep quoted glob chars escaped with backslash */
#define EX_HEREDOC 4  /* heredoc body: quotes are literal */
#define EX_NOTILDE 8
extern int expand_error;
char *cmdsubst(const char *code, int backq);
int fnmatch_sh(const char *pat, const char *s);
size_t parse_subst_len(const char *s);

/* ---- arithmetic (arith.c) ---- */
int arith_eval(const char *expr, long long *result); /* 0 ok, -1 error (reported) */

/* ---- execution (exec.c) ---- */
int exec_node(Node *n, int flags);
#define EF_NOFORK 1 /* last command of a child: may exec */
int run_string(const char *code, int lineno);
int run_input(Input *in);
int wait_pid(int pid);
int find_in_path(const char *name, char *out, size_t outsz);
int spawn_child_sh(const char *code, int code_line, const int *fdmap, int nfd, int *pid_out);
int build_fdmap(int *map, int max);
void run_exit_trap(void);
int status_from_wait(int st);
void report_signal(int st);

/* ---- redirections (redir.c) ---- */
typedef struct SavedFd {
    int fd, saved; /* saved = -1: fd was closed before */
} SavedFd;
typedef struct RedirSave {
    SavedFd fds[32];
    int n;
} RedirSave;
int redir_apply(Redir *r, RedirSave *save); /* 0 ok; -1 error (reported) */
void redir_restore(RedirSave *save);
int heredoc_fd(Redir *r);

/* ---- builtins ---- */
typedef int (*builtin_fn)(int argc, char **argv);
typedef struct Builtin {
    const char *name;
    builtin_fn fn;
    int special;
} Builtin;
const Builtin *builtin_lookup(const char *name);
int run_builtin_cmd(const Builtin *b, int argc, char **argv);
int is_keyword(const char *s);
int b_echo(int, char **);
int b_printf(int, char **);
int b_test(int, char **);
int b_read(int, char **);
int b_trap(int, char **);
int b_kill(int, char **);
int b_wait(int, char **);
int b_getopts(int, char **);
int b_set(int, char **);

/* ---- traps / jobs ---- */
extern char *traps[65];
extern char *parent_traps[65]; /* a subshell lists these until it changes a trap */
extern int traps_changed;
int hash_count(void);
const char *hash_name(int i);
const char *hash_path(int i);
void hash_add(const char *name, const char *path);
void trap_check(void);        /* run actions of pending signals */
int sig_number(const char *name);
const char *sig_name(int n);
void trap_reset_for_subshell(void);
void job_add(int pid);
int job_wait(int pid, int *status); /* 0 ok, -1 unknown, -2 interrupted (status=128+sig) */
int job_wait_all(void);

/* ---- state passing to child sh (state.c) ---- */
char *state_serialize(const char *code, int code_line, size_t *len);
int state_load(int fd, char **code, int *code_line);

/* output helpers */
void out_str(int fd, const char *s);
int xwrite(int fd, const char *s, size_t n);
char *shell_quote(const char *s);
int parse_int(const char *s, long long *v);

#endif

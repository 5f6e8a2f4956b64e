/* builtins.c — the builtin table and the builtins about shell state (variables, options, control flow,
 * directories, lookup). echo/printf/read are in builtins_io.c, test in test.c, trap/kill/wait in trap.c. */
#include "sh.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "se.h"

int set_opt_letter(char c, int on);
int set_opt_name(const char *name, int on);

static int b_true(int c, char **v) { return 0; }
static int b_false(int c, char **v) { return 1; }

static int b_dot(int argc, char **argv) {
    if (argc < 2) return 0;
    char path[4096];
    const char *name = argv[1];
    if (!strchr(name, '/')) {
        const char *p = var_get("PATH");
        if (!p) p = "/usr/bin:/bin";
        int found = 0;
        for (;;) {
            const char *e = strchr(p, ':');
            size_t n = e ? (size_t)(e - p) : strlen(p);
            snprintf(path, sizeof path, "%.*s%s%s", (int)n, p, n ? "/" : "", name);
            se_stat_t st;
            if (se_stat(path, &st) == 0 && (st.mode & 0170000) == 0100000) {
                found = 1;
                break;
            }
            if (!e) break;
            p = e + 1;
        }
        if (!found) snprintf(path, sizeof path, "%s", name);
    } else
        snprintf(path, sizeof path, "%s", name);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        sh_errorx(2, ".: cannot open %s: %s", path, errno == ENOENT ? "No such file" : strerror(errno));
        return 2;
    }
    Str b = {0};
    char buf[8192];
    ssize_t k;
    while ((k = read(fd, buf, sizeof buf)) > 0) str_addn(&b, buf, (size_t)k);
    close(fd);
    char *code = str_take(&b);
    /* like dash, extra arguments of . are ignored */
    int sl = lineno;
    funcdepth++;
    exit_status = 0;
    run_string(code, 1);
    funcdepth--;
    lineno = sl;
    if (unwind == U_RETURN) unwind = U_NONE;
    free(code);
    return exit_status;
}

static int loop_ctl(int argc, char **argv, int kind) {
    long long n = 1;
    if (argc > 1 && (parse_int(argv[1], &n) < 0 || n < 1)) {
        sh_errorx(2, "%s: Illegal number: %s", argv[0], argv[1]);
        return 2;
    }
    if (!loopdepth) return 0;
    if (n > loopdepth) n = loopdepth;
    unwind = kind;
    unwind_count = (int)n;
    return 0;
}
static int b_break(int argc, char **argv) { return loop_ctl(argc, argv, U_BREAK); }
static int b_continue(int argc, char **argv) { return loop_ctl(argc, argv, U_CONTINUE); }

static int b_eval(int argc, char **argv) {
    Str b = {0};
    for (int i = 1; i < argc; i++) {
        if (i > 1) str_addc(&b, ' ');
        str_adds(&b, argv[i]);
    }
    char *code = str_take(&b);
    int sl = lineno;
    const char *pp = parse_prefix;
    parse_prefix = "eval: ";
    int r = run_string(code, lineno);
    parse_prefix = pp;
    if (unwind != U_EXIT) lineno = sl;
    free(code);
    return r < 0 ? 0 : exit_status;
}

static int b_exec(int argc, char **argv) {
    if (argc < 2) return 0;
    fflush(stdout);
    char **env = var_environ();
    se_execve(argv[1], argv + 1, env);
    int e = errno;
    if (e == ENOENT) sh_errorx(127, "exec: %s: not found", argv[1]);
    else sh_errorx(126, "exec: %s: %s", argv[1], e == EACCES ? "Permission denied" : strerror(e));
    return exit_status;
}

static int b_exit(int argc, char **argv) {
    long long n = exit_status;
    if (argc > 1 && (parse_int(argv[1], &n) < 0 || n < 0)) {
        sh_errorx(2, "exit: Illegal number: %s", argv[1]);
        return 2;
    }
    sh_exit((int)(n & 0xff));
    return (int)(n & 0xff);
}

static int b_return(int argc, char **argv) {
    long long n = exit_status;
    if (argc > 1 && (parse_int(argv[1], &n) < 0 || n < 0)) {
        sh_errorx(2, "return: Illegal number: %s", argv[1]);
        return 2;
    }
    exit_status = (int)n;
    if (!funcdepth) {
        sh_exit(exit_status);
        return exit_status;
    }
    unwind = U_RETURN;
    return exit_status;
}

static int declare(int argc, char **argv, int flag) {
    const char *cmd = flag == V_EXPORT ? "export" : "readonly";
    int i = 1;
    int listing = 0;
    while (i < argc && argv[i][0] == '-' && argv[i][1]) {
        if (!strcmp(argv[i], "--")) {
            i++;
            break;
        }
        if (!strcmp(argv[i], "-p")) listing = 1;
        else {
            sh_errorx(2, "%s: Illegal option %s", cmd, argv[i]);
            return 2;
        }
        i++;
    }
    if (i >= argc) {
        (void)listing;
        int n;
        Var **all = var_all_sorted(&n);
        for (int k = 0; k < n; k++) {
            Var *v = all[k];
            if (!(v->flags & flag)) continue;
            if (v->flags & V_UNSET) printf("%s %s\n", cmd, v->name);
            else {
                char *q = shell_quote(v->value);
                printf("%s %s=%s\n", cmd, v->name, q);
                free(q);
            }
        }
        free(all);
        fflush(stdout);
        return 0;
    }
    for (; i < argc; i++) {
        char *eq = strchr(argv[i], '=');
        size_t n = eq ? (size_t)(eq - argv[i]) : strlen(argv[i]);
        char *name = xstrndup(argv[i], n);
        if (!valid_name(name, n)) {
            sh_errorx(2, "%s: %s: bad variable name", cmd, name);
            free(name);
            return 2;
        }
        if (var_set(name, eq ? eq + 1 : NULL, flag) < 0) {
            free(name);
            sh_exit(2);
            return 2;
        }
        free(name);
    }
    return 0;
}
static int b_export(int argc, char **argv) { return declare(argc, argv, V_EXPORT); }
static int b_readonly(int argc, char **argv) { return declare(argc, argv, V_READONLY); }

int b_set(int argc, char **argv) {
    if (argc == 1) {
        int n;
        Var **all = var_all_sorted(&n);
        for (int k = 0; k < n; k++) {
            if (all[k]->flags & V_UNSET) continue;
            char *q = shell_quote(all[k]->value);
            printf("%s=%s\n", all[k]->name, q);
            free(q);
        }
        free(all);
        fflush(stdout);
        return 0;
    }
    int i = 1;
    for (; i < argc; i++) {
        char *a = argv[i];
        if (!strcmp(a, "--")) {
            i++;
            goto setargs;
        }
        if ((a[0] != '-' && a[0] != '+') || !a[1]) {
            if (!strcmp(a, "-")) {
                opts[O_XTRACE] = opts[O_VERBOSE] = 0;
                i++;
            }
            break;
        }
        int on = a[0] == '-';
        for (char *p = a + 1; *p; p++) {
            if (*p == 'o') {
                if (i + 1 >= argc) {
                    if (on) {
                        printf("Current option settings\n");
                        for (int k = 0; k < O_COUNT; k++) printf("%-16s%s\n", opt_names[k], opts[k] ? "on" : "off");
                    } else
                        for (int k = 0; k < O_COUNT; k++) printf("set %co %s\n", opts[k] ? '-' : '+', opt_names[k]);
                    fflush(stdout);
                    continue;
                }
                if (set_opt_name(argv[i + 1], on) < 0) {
                    sh_errorx(2, "set: Illegal option -o %s", argv[i + 1]);
                    return 2;
                }
                i++;
            } else if (set_opt_letter(*p, on) < 0) {
                sh_errorx(2, "set: Illegal option -%c", *p);
                return 2;
            }
        }
    }
    if (i >= argc) return 0;
setargs:
    posargs = xmalloc(sizeof(char *) * (size_t)(argc - i + 1));
    nposargs = 0;
    for (; i < argc; i++) posargs[nposargs++] = xstrdup(argv[i]);
    posargs[nposargs] = NULL;
    return 0;
}

static int b_shift(int argc, char **argv) {
    long long n = 1;
    if (argc > 1 && (parse_int(argv[1], &n) < 0 || n < 0)) {
        sh_errorx(2, "shift: Illegal number: %s", argv[1]);
        return 2;
    }
    if (n > nposargs) {
        sh_errorx(2, "shift: can't shift that many");
        return 2;
    }
    posargs += n;
    nposargs -= (int)n;
    return 0;
}

static int b_times(int argc, char **argv) {
    double u = (double)clock() / CLOCKS_PER_SEC;
    printf("%dm%fs %dm%fs\n%dm%fs %dm%fs\n", (int)(u / 60), u - 60 * (int)(u / 60), 0, 0.0, 0, 0.0, 0, 0.0);
    fflush(stdout);
    return 0;
}

static int b_unset(int argc, char **argv) {
    int fn = 0, i = 1, st = 0;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (!strcmp(argv[i], "--")) {
            i++;
            break;
        }
        if (!strcmp(argv[i], "-f")) fn = 1;
        else if (!strcmp(argv[i], "-v")) fn = 0;
        else {
            sh_errorx(2, "unset: Illegal option %s", argv[i]);
            return 2;
        }
    }
    for (; i < argc; i++) {
        if (fn) func_unset(argv[i]);
        else {
            if (!valid_name(argv[i], strlen(argv[i]))) {
                sh_errorx(2, "unset: %s: bad variable name", argv[i]);
                return 2;
            }
            Var *v = var_lookup(argv[i]);
            if (v && (v->flags & V_READONLY)) {
                sh_errorx(2, "unset: %s: is read only", argv[i]);
                return 2;
            }
            if (var_unset(argv[i]) < 0) st = 1;
        }
    }
    return st;
}

static void print_alias(Alias *a) {
    char *q = shell_quote(a->value);
    printf("%s=%s\n", a->name, q);
    free(q);
}
static int b_alias(int argc, char **argv) {
    int st = 0;
    if (argc == 1) {
        /* sorted listing */
        int n = 0;
        for (Alias *a = aliases; a; a = a->next) n++;
        Alias **v = xmalloc(sizeof(Alias *) * (size_t)(n + 1));
        n = 0;
        for (Alias *a = aliases; a; a = a->next) v[n++] = a;
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++)
                if (strcmp(v[i]->name, v[j]->name) > 0) {
                    Alias *t = v[i];
                    v[i] = v[j];
                    v[j] = t;
                }
        for (int i = 0; i < n; i++) print_alias(v[i]);
        free(v);
    }
    for (int i = 1; i < argc; i++) {
        char *eq = strchr(argv[i], '=');
        if (!eq) {
            Alias *a = alias_lookup(argv[i]);
            if (a) print_alias(a);
            else {
                fflush(stdout);
                fprintf(stderr, "alias: %s not found\n", argv[i]);
                st = 1;
            }
            continue;
        }
        char *name = xstrndup(argv[i], (size_t)(eq - argv[i]));
        Alias *a = alias_lookup(name);
        if (a) {
            free(a->value);
            a->value = xstrdup(eq + 1);
            free(name);
        } else {
            a = calloc(1, sizeof *a);
            a->name = name;
            a->value = xstrdup(eq + 1);
            a->next = aliases;
            aliases = a;
        }
    }
    fflush(stdout);
    return st;
}

static int b_unalias(int argc, char **argv) {
    if (argc > 1 && !strcmp(argv[1], "-a")) {
        aliases = NULL;
        return 0;
    }
    int st = 0;
    for (int i = 1; i < argc; i++) {
        Alias **p = &aliases;
        while (*p && strcmp((*p)->name, argv[i])) p = &(*p)->next;
        if (*p) *p = (*p)->next;
        else {
            fprintf(stderr, "unalias: %s not found\n", argv[i]);
            st = 1;
        }
    }
    return st;
}

/* ---- cd / pwd ---- */
static char *logical_join(const char *cwd, const char *dir) {
    Str b = {0};
    if (dir[0] != '/') {
        str_adds(&b, cwd);
        str_addc(&b, '/');
    }
    str_adds(&b, dir);
    char *in = str_take(&b);
    /* canonicalize . and .. components */
    char **parts = xmalloc(sizeof(char *) * (strlen(in) + 1));
    int n = 0;
    for (char *t = strtok(in, "/"); t; t = strtok(NULL, "/")) {
        if (!strcmp(t, ".")) continue;
        if (!strcmp(t, "..")) {
            if (n) n--;
            continue;
        }
        parts[n++] = t;
    }
    Str o = {0};
    for (int i = 0; i < n; i++) {
        str_addc(&o, '/');
        str_adds(&o, parts[i]);
    }
    if (!n) str_addc(&o, '/');
    free(parts);
    free(in);
    return str_take(&o);
}

static int b_cd(int argc, char **argv) {
    int phys = 0, i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        if (!strcmp(argv[i], "--")) {
            i++;
            break;
        }
        if (!strcmp(argv[i], "-P")) phys = 1;
        else if (!strcmp(argv[i], "-L")) phys = 0;
        else {
            sh_error("cd: Illegal option %s", argv[i]);
            return 2;
        }
    }
    const char *dir = i < argc ? argv[i] : var_get("HOME");
    int print = 0;
    if (!dir) {
        return 0;
    }
    if (!strcmp(dir, "-")) {
        dir = var_get("OLDPWD");
        if (!dir) dir = var_get("PWD") ? var_get("PWD") : ".";
        print = 1;
    }
    char cwdbuf[4096];
    const char *pwd = var_get("PWD");
    if (!pwd || pwd[0] != '/') pwd = se_getcwd(cwdbuf, sizeof cwdbuf) ? cwdbuf : "/";
    char *target = NULL;
    const char *cdpath = var_get("CDPATH");
    if (cdpath && dir[0] != '/' && strncmp(dir, "./", 2) && strncmp(dir, "../", 3) && strcmp(dir, ".") && strcmp(dir, "..")) {
        const char *p = cdpath;
        for (;;) {
            const char *e = strchr(p, ':');
            size_t n = e ? (size_t)(e - p) : strlen(p);
            char cand[4096];
            snprintf(cand, sizeof cand, "%.*s%s%s", (int)n, p, n ? "/" : "", dir);
            se_stat_t st;
            if (n && se_stat(cand, &st) == 0 && (st.mode & 0170000) == 0040000) {
                target = xstrdup(cand);
                print = 1;
                break;
            }
            if (!e) break;
            p = e + 1;
        }
    }
    if (!target) target = xstrdup(dir);
    char *newpwd = phys ? NULL : logical_join(pwd, target);
    if (se_chdir(newpwd ? newpwd : target) < 0) {
        free(newpwd);
        if (phys || se_chdir(target) < 0) {
            sh_error("cd: can't cd to %s", argv[i < argc ? i : 0] && i < argc ? argv[i] : dir);
            free(target);
            return 2;
        }
        newpwd = NULL;
    }
    if (!newpwd) newpwd = se_getcwd(NULL, 0);
    var_set("OLDPWD", pwd, V_EXPORT);
    var_set("PWD", newpwd ? newpwd : target, V_EXPORT);
    if (print) {
        printf("%s\n", newpwd ? newpwd : target);
        fflush(stdout);
    }
    free(newpwd);
    free(target);
    return 0;
}

static int b_pwd(int argc, char **argv) {
    int phys = argc > 1 && !strcmp(argv[1], "-P");
    const char *pwd = var_get("PWD");
    char buf[4096];
    if (phys || !pwd || pwd[0] != '/') pwd = se_getcwd(buf, sizeof buf);
    if (!pwd) {
        sh_error("pwd: %s", strerror(errno));
        return 2;
    }
    printf("%s\n", pwd);
    fflush(stdout);
    return 0;
}

/* ---- lookup: command, type, hash ---- */
int is_keyword(const char *s) {
    static const char *kw[] = {"!", "case", "do", "done", "elif", "else", "esac", "fi", "for", "if", "in",
                               "then", "until", "while", "{", "}", 0};
    for (int i = 0; kw[i]; i++)
        if (!strcmp(kw[i], s)) return 1;
    return 0;
}

typedef struct Hash {
    char *name, *path;
    struct Hash *next;
} Hash;
static Hash *hashed;
int hash_count(void) {
    int n = 0;
    for (Hash *h = hashed; h; h = h->next) n++;
    return n;
}
static Hash *hash_at(int i) {
    Hash *h = hashed;
    while (h && i--) h = h->next;
    return h;
}
const char *hash_name(int i) { return hash_at(i)->name; }
const char *hash_path(int i) { return hash_at(i)->path; }
void hash_add(const char *name, const char *path) {
    Hash *h = calloc(1, sizeof *h), **t = &hashed;
    h->name = xstrdup(name);
    h->path = xstrdup(path);
    while (*t) t = &(*t)->next;
    *t = h;
}

/* verbose: 0 = command -v, 1 = type / command -V */
static int describe(const char *name, int verbose) {
    char path[4096];
    Alias *a;
    if ((a = alias_lookup(name))) {
        if (verbose) printf("%s is an alias for %s\n", name, a->value);
        else {
            char *q = shell_quote(a->value);
            printf("alias %s=%s\n", name, q);
            free(q);
        }
        return 0;
    }
    if (is_keyword(name)) {
        if (verbose) printf("%s is a shell keyword\n", name);
        else printf("%s\n", name);
        return 0;
    }
    const Builtin *b = builtin_lookup(name);
    if (b && b->special) {
        if (verbose) printf("%s is a special shell builtin\n", name);
        else printf("%s\n", name);
        return 0;
    }
    if (func_lookup(name)) {
        if (verbose) printf("%s is a shell function\n", name);
        else printf("%s\n", name);
        return 0;
    }
    if (b) {
        if (verbose) printf("%s is a shell builtin\n", name);
        else printf("%s\n", name);
        return 0;
    }
    if (find_in_path(name, path, sizeof path) == 0) {
        int h = 0;
        for (Hash *x = hashed; x; x = x->next)
            if (!strcmp(x->name, name)) h = 1;
        if (verbose) printf(h ? "%s is a tracked alias for %s\n" : "%s is %s\n", name, path);
        else printf("%s\n", path);
        return 0;
    }
    if (verbose) {
        fflush(stdout);
        char msg[4200];
        snprintf(msg, sizeof msg, "%s: not found\n", name);
        out_str(verbose == 2 ? 2 : 1, msg);
    }
    return 127;
}

static int b_type(int argc, char **argv) {
    int st = 0;
    for (int i = 1; i < argc; i++)
        if (describe(argv[i], 1)) st = 127;
    fflush(stdout);
    return st;
}

static int b_command(int argc, char **argv) {
    int i = 1, v = 0;
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        if (!strcmp(argv[i], "--")) {
            i++;
            break;
        }
        for (char *p = argv[i] + 1; *p; p++) {
            if (*p == 'v') v = 1;
            else if (*p == 'V') v = 2;
            else if (*p != 'p') {
                sh_error("command: Illegal option -%c", *p);
                return 2;
            }
        }
    }
    if (i >= argc) return 0;
    if (v) {
        int st = describe(argv[i], v == 2 ? 2 : 0);
        fflush(stdout);
        return st;
    }
    /* command [-p] name args: run without function lookup */
    const Builtin *b = builtin_lookup(argv[i]);
    if (b) return run_builtin_cmd(b, argc - i, argv + i);
    Str code = {0};
    for (int k = i; k < argc; k++) {
        char *q = shell_quote(argv[k]);
        if (k > i) str_addc(&code, ' ');
        str_adds(&code, q);
        free(q);
    }
    int sv = nposargs;
    (void)sv;
    char *c = str_take(&code);
    int r = run_string(c, lineno);
    free(c);
    return r < 0 ? 0 : exit_status;
}

static int b_hash(int argc, char **argv) {
    if (argc == 1) {
        for (Hash *h = hashed; h; h = h->next) printf("%s\n", h->path);
        fflush(stdout);
        return 0;
    }
    if (!strcmp(argv[1], "-r")) {
        hashed = NULL;
        return 0;
    }
    int st = 0;
    for (int i = 1; i < argc; i++) {
        char path[4096];
        if (builtin_lookup(argv[i]) || func_lookup(argv[i])) continue;
        if (find_in_path(argv[i], path, sizeof path) < 0) {
            sh_error("hash: %s: not found", argv[i]);
            st = 1;
            continue;
        }
        Hash *h;
        for (h = hashed; h; h = h->next)
            if (!strcmp(h->name, argv[i])) break;
        if (!h) hash_add(argv[i], path);
    }
    return st;
}

void var_changed(const char *name) {
    if (!strcmp(name, "PATH")) hashed = NULL;
    if (!strcmp(name, "OPTIND")) {
        extern int getopts_pos;
        getopts_pos = 0;
    }
}

static int b_umask(int argc, char **argv) {
    int sym = 0, i = 1;
    if (i < argc && !strcmp(argv[i], "-S")) sym = 1, i++;
    int cur = se_umask(0);
    se_umask(cur);
    if (i >= argc) {
        if (sym) {
            int p = ~cur & 0777;
            char out[64];
            int k = 0;
            const char *who = "ugo";
            for (int w = 0; w < 3; w++) {
                if (w) out[k++] = ',';
                out[k++] = who[w];
                out[k++] = '=';
                int bits = (p >> (6 - 3 * w)) & 7;
                if (bits & 4) out[k++] = 'r';
                if (bits & 2) out[k++] = 'w';
                if (bits & 1) out[k++] = 'x';
            }
            out[k] = 0;
            printf("%s\n", out);
        } else
            printf("%04o\n", cur);
        fflush(stdout);
        return 0;
    }
    const char *m = argv[i];
    if (m[0] >= '0' && m[0] <= '9') {
        char *e;
        long long v = strtoll(m, &e, 8);
        if (*e || v > 0777) {
            sh_error("umask: Illegal number: %s", m);
            return 2;
        }
        se_umask((int)v);
        return 0;
    }
    /* symbolic: who[+-=]perms, comma separated, applied to the allowed bits */
    int allow = ~cur & 0777;
    const char *p = m;
    while (*p) {
        int who = 0;
        while (*p && strchr("ugoa", *p)) {
            who |= *p == 'u' ? 0700 : *p == 'g' ? 0070 : *p == 'o' ? 0007 : 0777;
            p++;
        }
        if (!who) who = 0777;
        if (!*p || !strchr("+-=", *p)) {
            sh_error("umask: Illegal mode: %s", m);
            return 2;
        }
        char op = *p++;
        int bits = 0;
        while (*p && strchr("rwx", *p)) {
            bits |= *p == 'r' ? 0444 : *p == 'w' ? 0222 : 0111;
            p++;
        }
        bits &= who;
        if (op == '+') allow |= bits;
        else if (op == '-') allow &= ~bits;
        else allow = (allow & ~who) | bits;
        if (*p == ',') p++;
        else if (*p) {
            sh_error("umask: Illegal mode: %s", m);
            return 2;
        }
    }
    se_umask(~allow & 0777);
    return 0;
}

static int b_local(int argc, char **argv) {
    if (!funcdepth || !local_depth) {
        sh_errorx(2, "local: not in a function");
        return 2;
    }
    for (int i = 1; i < argc; i++) {
        char *eq = strchr(argv[i], '=');
        char *name = eq ? xstrndup(argv[i], (size_t)(eq - argv[i])) : xstrdup(argv[i]);
        if (!strcmp(name, "-")) {
            free(name);
            continue;
        }
        if (!valid_name(name, strlen(name))) {
            sh_errorx(2, "%s: bad variable name", name);
            free(name);
            return 2;
        }
        var_make_local_func(name);
        if (eq && var_set(name, eq + 1, 0) < 0) {
            free(name);
            return 2;
        }
        free(name);
    }
    return 0;
}

static int b_unsupported(int argc, char **argv) {
    sh_error("%s: not supported%s", argv[0], strcmp(argv[0], "ulimit") ? " (no job control)" : "");
    return 2;
}

static const Builtin table[] = {
    {".", b_dot, 1}, {":", b_true, 1}, {"[", b_test, 0}, {"alias", b_alias, 0}, {"bg", b_unsupported, 0},
    {"break", b_break, 1}, {"cd", b_cd, 0}, {"command", b_command, 0}, {"continue", b_continue, 1},
    {"echo", b_echo, 0}, {"eval", b_eval, 1}, {"exec", b_exec, 1}, {"exit", b_exit, 1},
    {"export", b_export, 1}, {"false", b_false, 0}, {"fg", b_unsupported, 0}, {"getopts", b_getopts, 0},
    {"hash", b_hash, 0}, {"jobs", b_unsupported, 0}, {"kill", b_kill, 0}, {"local", b_local, 0},
    {"printf", b_printf, 0}, {"pwd", b_pwd, 0}, {"read", b_read, 0}, {"readonly", b_readonly, 1},
    {"return", b_return, 1}, {"set", b_set, 1}, {"shift", b_shift, 1}, {"test", b_test, 0},
    {"times", b_times, 1}, {"trap", b_trap, 1}, {"true", b_true, 0}, {"type", b_type, 0},
    {"ulimit", b_unsupported, 0}, {"umask", b_umask, 0}, {"unalias", b_unalias, 0}, {"unset", b_unset, 1},
    {"wait", b_wait, 0}, {0, 0, 0}};

const Builtin *builtin_lookup(const char *name) {
    for (int i = 0; table[i].name; i++)
        if (!strcmp(table[i].name, name)) return &table[i];
    return NULL;
}

int run_builtin_cmd(const Builtin *b, int argc, char **argv) {
    int st = b->fn(argc, argv);
    fflush(stdout);
    return st;
}

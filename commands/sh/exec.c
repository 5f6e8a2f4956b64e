/* exec.c — evaluating the AST: simple commands, pipelines, lists, compound commands, functions.
 * There is no fork: external commands are spawned; shell code that must run in a subshell is run
 * by a child sh that receives this shell's state (see state.c). */
#include "sh.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "se.h"

int errexit_off, funcdepth, loopdepth;

static int set_status(int s) {
    if (unwind == U_EXIT) return exit_status; /* exit (maybe from a trap) decided it */
    exit_status = s;
    return s;
}

int status_from_wait(int st) {
    if (SE_WIFEXITED(st)) return SE_WEXITSTATUS(st);
    if (SE_WIFSIGNALED(st)) return 128 + SE_WTERMSIG(st);
    return 128 + ((st >> 8) & 0x7f);
}

void report_signal(int st) {
    if (!SE_WIFSIGNALED(st)) return;
    int sig = SE_WTERMSIG(st);
    if (sig == SIGINT || sig == SIGPIPE) return;
    const char *d = NULL;
    switch (sig) {
    case SIGTERM: d = "Terminated"; break;
    case SIGKILL: d = "Killed"; break;
    case SIGHUP: d = "Hangup"; break;
    case SIGQUIT: d = "Quit"; break;
    case SIGABRT: d = "Aborted"; break;
    case SIGSEGV: d = "Segmentation fault"; break;
    case SIGUSR1: d = "User defined signal 1"; break;
    case SIGUSR2: d = "User defined signal 2"; break;
    case SIGALRM: d = "Alarm clock"; break;
    default: break;
    }
    char buf[64];
    if (!d) {
        snprintf(buf, sizeof buf, "Signal %d", sig);
        d = buf;
    }
    out_str(2, d);
    out_str(2, (st & 0x80) ? " (core dumped)\n" : "\n");
}

/* waits for one foreground child; returns its shell status */
int wait_pid(int pid) {
    int st = 0;
    for (;;) {
        int r = se_waitpid(pid, &st, 0);
        if (r == pid) break;
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) return 127;
    }
    report_signal(st);
    return status_from_wait(st);
}

int build_fdmap(int *map, int max) {
    int n = 0;
    for (int fd = 0; fd < 10 && n < max; fd++)
        if (se_get_cloexec(fd) == 0) {
            map[2 * n] = fd;
            map[2 * n + 1] = fd;
            n++;
        }
    return n;
}

/* ---- PATH search (for command -v, type, hash; spawning itself relies on the kernel) ---- */
int find_in_path(const char *name, char *out, size_t outsz) {
    if (strchr(name, '/')) {
        snprintf(out, outsz, "%s", name);
        return se_access(name, X_OK) == 0 ? 0 : -1;
    }
    const char *path = var_get("PATH");
    if (!path) path = "/usr/local/bin:/usr/bin:/bin";
    const char *p = path;
    for (;;) {
        const char *e = strchr(p, ':');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (n) snprintf(out, outsz, "%.*s/%s", (int)n, p, name);
        else snprintf(out, outsz, "%s", name);
        se_stat_t st;
        if (se_stat(out, &st) == 0 && (st.mode & 0170000) == 0100000 && se_access(out, X_OK) == 0) return 0;
        if (!e) break;
        p = e + 1;
    }
    return -1;
}

/* ---- child shells ---- */
int spawn_child_sh(const char *code, int code_line, const int *fdmap, int nfd, int *pid_out) {
    int sp[2];
    if (se_pipe_cloexec(sp) < 0) return -1;
    int map[2 * 12];
    int n = 0;
    for (int i = 0; i < nfd && i < 10; i++) map[2 * n] = fdmap[2 * i], map[2 * n + 1] = fdmap[2 * i + 1], n++;
    map[2 * n] = 10;
    map[2 * n + 1] = sp[0];
    n++;
    char *argv[] = {"sh", "-\001state", "10", NULL};
    char **env = var_environ();
    int r = se_spawn(self_path, argv, env, NULL, map, n, SE_PGID_INHERIT, pid_out);
    for (char **e = env; *e; e++) free(*e);
    free(env);
    close(sp[0]);
    if (r < 0) {
        int e = errno;
        close(sp[1]);
        errno = e;
        return -1;
    }
    size_t len;
    char *st = state_serialize(code, code_line, &len);
    int old = se_signal(SIGPIPE, SE_SIG_IGN);
    xwrite(sp[1], st, len);
    if (old >= 0) se_signal(SIGPIPE, old);
    free(st);
    close(sp[1]);
    return 0;
}

/* runs node n in a child sh with the current fds; returns pid or -1 */
static int spawn_node(Node *n) {
    int line;
    char *code = node_to_text(n, &line);
    int map[20];
    int nfd = build_fdmap(map, 10);
    int pid = -1;
    if (spawn_child_sh(code, line, map, nfd, &pid) < 0) {
        sh_error("cannot start sh: %s", strerror(errno));
        pid = -1;
    }
    free(code);
    return pid;
}

static int inproc_stage(Node *c);
static int is_external_simple(Node *n);
static int exec_simple(Node *n, int flags);
static int spawn_external(char **argv, int bg, int *pid_out);
static void free_argv(char **v);
static int do_assign_env(Node *n, char ***ex);
Str *capture; /* echo/printf append here instead of writing fd 1 */

/* $(echo/printf ...) without side effects: run here, collecting the output */
static char *cmdsubst_inproc(Node *n) {
    extern int subst_ran, subst_status;
    int sr = subst_ran, ss = subst_status;
    Str out = {0}, *sc = capture;
    capture = &out;
    expand_state_push();
    int es = exit_status;
    int st = exec_simple(n, 0);
    if (unwind != U_EXIT) exit_status = es; /* $? changes only when the command completes */
    expand_state_pop();
    capture = sc;
    subst_ran = 1;
    subst_status = st;
    (void)sr, (void)ss;
    return str_take(&out);
}

char *cmdsubst(const char *code, int backq) {
    int p[2];
    /* the common single-command forms avoid a child sh */
    parse_noalias++;
    parse_quiet++;
    Node *n = parse_string(code, lineno);
    parse_quiet--;
    parse_noalias--;
    if (n && n->type == N_SIMPLE && inproc_stage(n)) return cmdsubst_inproc(n);
    int direct = n && n->type == N_SIMPLE && !n->redirs && is_external_simple(n);
    if (se_pipe_cloexec(p) < 0) {
        sh_error("pipe: %s", strerror(errno));
        return xstrdup("");
    }
    int save1 = se_dup_min(1, 10, 1);
    se_dup2(p[1], 1);
    close(p[1]);
    int pid = -1, r = -1, st = 127;
    if (direct) {
        /* a single external command: spawn it directly */
        int argc;
        expand_state_push();
        char **argv = expand_words(n->words, n->nwords, &argc);
        expand_state_pop();
        if (argv && argc) {
            local_push();
            char **ex = NULL;
            if (do_assign_env(n, &ex) == 0) {
                st = spawn_external(argv, 0, &pid);
                r = st < 0 ? 0 : -1;
                free_argv(ex);
            }
            local_pop();
        } else
            direct = 0; /* expanded to nothing: let a child sh handle it */
        free_argv(argv);
    }
    if (!direct) {
        int map[20];
        int nfd = build_fdmap(map, 10);
        int eo = errexit_off;
        errexit_off = 0; /* like dash: a condition context does not reach into $( ) */
        r = spawn_child_sh(code, lineno, map, nfd, &pid);
        errexit_off = eo;
    }
    if (save1 >= 0) {
        se_dup2(save1, 1);
        close(save1);
    } else close(1);
    Str out = {0};
    char buf[4096];
    for (;;) {
        ssize_t k = read(p[0], buf, sizeof buf);
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0) break;
        str_addn(&out, buf, (size_t)k);
    }
    close(p[0]);
    extern int subst_ran, subst_status;
    subst_ran = 1;
    subst_status = r == 0 ? wait_pid(pid) : st;
    return str_take(&out);
}

/* ---- simple commands ---- */
static void xtrace(char **assigns, int na, char **argv) {
    const char *ps4 = var_get("PS4");
    Str b = {0};
    str_adds(&b, ps4 ? ps4 : "+ ");
    int first = 1;
    for (int i = 0; i < na; i++, first = 0) {
        if (!first) str_addc(&b, ' ');
        str_adds(&b, assigns[i]);
    }
    for (int i = 0; argv && argv[i]; i++, first = 0) {
        if (!first) str_addc(&b, ' ');
        str_adds(&b, argv[i]);
    }
    str_addc(&b, '\n');
    out_str(2, b.s);
    free(b.s);
}

static int do_assign(char **assigns, int n, int flags, char ***expanded) {
    char **ex = xmalloc(sizeof(char *) * (size_t)(n + 1));
    for (int i = 0; i < n; i++) {
        char *eq = strchr(assigns[i], '=');
        char *v = expand_str(eq + 1, EX_ASSIGN);
        if (!v) {
            for (int k = 0; k < i; k++) free(ex[k]);
            free(ex);
            return -1;
        }
        char *name = xstrndup(assigns[i], (size_t)(eq - assigns[i]));
        Str b = {0};
        str_adds(&b, name);
        str_addc(&b, '=');
        str_adds(&b, v);
        ex[i] = str_take(&b);
        if (flags >= 0) {
            if (flags & 0x100) var_make_local(name);
            if (var_set(name, v, flags & 0xff) < 0) {
                free(name);
                free(v);
                for (int k = 0; k <= i; k++) free(ex[k]);
                free(ex);
                return -2;
            }
        }
        free(name);
        free(v);
    }
    ex[n] = NULL;
    *expanded = ex;
    return 0;
}

/* prefix assignments of a command, exported for it only (caller pushes/pops a local frame) */
static int do_assign_env(Node *n, char ***ex) { return do_assign(n->assigns, n->nassigns, 0x100 | V_EXPORT, ex); }

static void free_argv(char **v) {
    if (!v) return;
    for (char **p = v; *p; p++) free(*p);
    free(v);
}

static int call_function(Func *f, int argc, char **argv) {
    char **saved = posargs;
    int savedn = nposargs;
    posargs = argv + 1;
    nposargs = argc - 1;
    funcdepth++;
    local_push();
    int sf = func_frame;
    func_frame = local_depth;
    int sl = loopdepth;
    loopdepth = 0;
    int st = exec_node(f->body, 0);
    loopdepth = sl;
    func_frame = sf;
    local_pop();
    funcdepth--;
    if (unwind == U_RETURN) {
        unwind = U_NONE;
        st = exit_status;
    }
    posargs = saved;
    nposargs = savedn;
    return set_status(st);
}

static int spawn_external(char **argv, int bg, int *pid_out) {
    int map[20];
    int nfd = build_fdmap(map, 10);
    char **env = var_environ();
    int r = se_spawn(argv[0], argv, env, NULL, map, nfd, SE_PGID_INHERIT, pid_out);
    int e = errno;
    if (r < 0 && e == ENOEXEC) {
        /* a script without #!: run it with sh */
        int n = 0;
        while (argv[n]) n++;
        char **v = xmalloc(sizeof(char *) * (size_t)(n + 2));
        v[0] = "sh";
        for (int i = 0; i <= n; i++) v[i + 1] = argv[i];
        r = se_spawn(self_path, v, env, NULL, map, nfd, SE_PGID_INHERIT, pid_out);
        e = errno;
        free(v);
    }
    for (char **p = env; *p; p++) free(*p);
    free(env);
    if (r < 0) {
        if (e == ENOENT || e == ENOTDIR) {
            sh_error("%s: not found", argv[0]);
            return 127;
        }
        if (e == EACCES || e == EISDIR) {
            sh_error("%s: Permission denied", argv[0]);
            return 126;
        }
        sh_error("%s: %s", argv[0], strerror(e));
        return 126;
    }
    return -1;
}

int run_builtin_cmd(const Builtin *b, int argc, char **argv);

extern int subst_ran, subst_status;

static int is_decl(const char *w) {
    return !strcmp(w, "export") || !strcmp(w, "readonly") || !strcmp(w, "local");
}
/* expands the words; arguments of export/readonly/local that look like assignments are expanded
 * like assignments (no field splitting or globbing, tilde after = and :) */
static char **expand_cmd_words(Node *n, int *argc) {
    int decl = 0;
    for (int i = 0; i < n->nwords; i++) {
        if (!strcmp(n->words[i], "command")) continue;
        decl = is_decl(n->words[i]);
        break;
    }
    if (!decl) return expand_words(n->words, n->nwords, argc);
    char **out = NULL;
    int cnt = 0;
    for (int i = 0; i < n->nwords; i++) {
        const char *w = n->words[i];
        const char *eq = strchr(w, '=');
        char **part;
        int pc = 0;
        if (i > 0 && eq && valid_name(w, (size_t)(eq - w))) {
            char *v = expand_str(eq + 1, EX_ASSIGN);
            if (!v) part = NULL;
            else {
                Str b = {0};
                str_addn(&b, w, (size_t)(eq - w) + 1);
                str_adds(&b, v);
                free(v);
                part = xmalloc(sizeof(char *) * 2);
                part[0] = str_take(&b);
                part[1] = NULL;
                pc = 1;
            }
        } else
            part = expand_words(&n->words[i], 1, &pc);
        if (!part) {
            for (int k = 0; k < cnt; k++) free(out[k]);
            free(out);
            return NULL;
        }
        out = xrealloc(out, sizeof(char *) * (size_t)(cnt + pc + 1));
        for (int k = 0; k < pc; k++) out[cnt++] = part[k];
        out[cnt] = NULL;
        free(part);
    }
    if (!out) {
        out = xmalloc(sizeof(char *));
        out[0] = NULL;
    }
    *argc = cnt;
    return out;
}

static int exec_simple(Node *n, int flags) {
    lineno = n->lineno;
    subst_ran = 0;
    int argc = 0;
    char **argv = expand_cmd_words(n, &argc);
    if (!argv) return set_status(2);
    int st = 0;
    if (argc == 0) {
        char **ex = NULL;
        int r = do_assign(n->assigns, n->nassigns, 0, &ex);
        if (r < 0) {
            free_argv(argv);
            if (r == -2) sh_exit(2);
            return set_status(2);
        }
        st = subst_ran ? subst_status : 0;
        if (opts[O_XTRACE] && n->nassigns) xtrace(ex, n->nassigns, NULL);
        free_argv(ex);
        if (n->redirs) {
            RedirSave rs = {0};
            if (redir_apply(n->redirs, &rs) < 0) st = 2;
            redir_restore(&rs);
        }
        free_argv(argv);
        return set_status(st);
    }
    /* command lookup: special builtins, functions, builtins, PATH */
    int cmd_builtin = 0;
    int skip = 0;
    while (skip < argc - 1 && !strcmp(argv[skip], "command") && argv[skip + 1][0] != '-') skip++, cmd_builtin = 1;
    const char *name = argv[skip];
    const Builtin *b = builtin_lookup(name);
    Func *f = NULL;
    if (b && !b->special) b = NULL;
    if (!b && !cmd_builtin) f = func_lookup(name);
    if (!b && !f) b = builtin_lookup(name);
    int special = b && b->special && !cmd_builtin;

    char **ex = NULL;
    if (special) {
        int r = do_assign(n->assigns, n->nassigns, 0, &ex);
        if (r < 0) {
            free_argv(argv);
            if (r == -2) sh_exit(2);
            return set_status(2);
        }
    } else {
        if (n->nassigns) local_push();
        int r = do_assign(n->assigns, n->nassigns, 0x100 | V_EXPORT, &ex);
        if (r < 0) {
            if (n->nassigns) local_pop();
            free_argv(argv);
            if (r == -2) sh_exit(2);
            return set_status(2);
        }
    }
    if (opts[O_XTRACE]) xtrace(ex, n->nassigns, argv);
    free_argv(ex);

    RedirSave rs = {0};
    int keep_redirs = b && !strcmp(name, "exec") && argc - skip == 1;
    if (redir_apply(n->redirs, &rs) < 0) {
        redir_restore(&rs);
        if (!special && n->nassigns) local_pop();
        free_argv(argv);
        if (special) sh_exit(2);
        return set_status(2);
    }
    if (b) {
        st = run_builtin_cmd(b, argc - skip, argv + skip);
    } else if (f) {
        st = call_function(f, argc - skip, argv + skip);
    } else {
        int pid;
        int trapped = 0;
        for (int s = 0; s < 65; s++)
            if (traps[s] && *traps[s]) trapped = 1;
        if ((flags & EF_NOFORK) && !trapped) {
            /* last command of sh -c or of a child sh: become the command (as dash does) */
            fflush(stdout);
            char **env = var_environ();
            se_execve(argv[skip], argv + skip, env);
            for (char **e = env; *e; e++) free(*e);
            free(env);
        }
        st = spawn_external(argv + skip, 0, &pid);
        if (st < 0) st = wait_pid(pid);
    }
    if (keep_redirs) {
        for (int i = 0; i < rs.n; i++)
            if (rs.fds[i].saved >= 0) close(rs.fds[i].saved);
    } else
        redir_restore(&rs);
    if (!special && n->nassigns) local_pop();
    free_argv(argv);
    return set_status(st);
}

/* ---- pipelines and background ---- */
static int is_external_simple(Node *n) {
    if (n->type != N_SIMPLE || !n->nwords) return 0;
    /* decide on the unexpanded name when it is a plain word */
    const char *w = n->words[0];
    if (strpbrk(w, "$`'\"\\*?[")) return 0;
    if (builtin_lookup(w) || func_lookup(w) || !strcmp(w, "command")) return 0;
    for (int i = 0; i < n->nassigns; i++)
        if (strpbrk(n->assigns[i], "$`")) return 0;
    for (int i = 1; i < n->nwords; i++)
        if (strstr(n->words[i], "${") && strpbrk(n->words[i], "=")) return 0;
    return 1;
}

/* starts a node asynchronously with the current fds; returns pid, or -status when it failed */
static int start_async(Node *n) {
    if (is_external_simple(n)) {
        lineno = n->lineno;
        int argc;
        char **argv = expand_words(n->words, n->nwords, &argc);
        if (!argv) return -2;
        if (!argc) {
            free_argv(argv);
            return spawn_node(n);
        }
        local_push();
        char **ex = NULL;
        if (do_assign(n->assigns, n->nassigns, 0x100 | V_EXPORT, &ex) < 0) {
            local_pop();
            free_argv(argv);
            return -2;
        }
        if (opts[O_XTRACE]) xtrace(ex, n->nassigns, argv);
        free_argv(ex);
        RedirSave rs = {0};
        int pid = 0, st;
        if (redir_apply(n->redirs, &rs) < 0) st = 2;
        else st = spawn_external(argv, 1, &pid);
        redir_restore(&rs);
        local_pop();
        free_argv(argv);
        return st < 0 ? pid : -st;
    }
    return spawn_node(n);
}

/* A first stage `echo ...` / `printf ...` whose expansion cannot change the shell's state runs in
 * this process (after the other stages started, so a full pipe cannot block it): it saves a child sh. */
static int inproc_stage(Node *c) {
    if (c->type != N_SIMPLE || c->nassigns || c->redirs || !c->nwords) return 0;
    if (strcmp(c->words[0], "echo") && strcmp(c->words[0], "printf")) return 0;
    if (func_lookup(c->words[0]) || opts[O_XTRACE]) return 0;
    for (int i = 1; i < c->nwords; i++) {
        const char *w = c->words[i];
        for (const char *p = strstr(w, "${"); p; p = strstr(p + 1, "${"))
            if (strpbrk(p, "=?")) return 0;
        if (strstr(w, "$((") && strchr(w, '=')) return 0;
    }
    return 1;
}
int pipe_inproc, pipe_epipe;

static int exec_pipe(Node *n) {
    int *pids = xmalloc(sizeof(int) * (size_t)n->ncmds);
    int prev = -1, first = 0, p0[2] = {-1, -1};
    int save0 = se_dup_min(0, 10, 1), save1 = se_dup_min(1, 10, 1);
    if (inproc_stage(n->cmds[0]) && se_pipe_cloexec(p0) == 0) {
        first = 1;
        prev = p0[0];
    }
    for (int i = first; i < n->ncmds; i++) {
        int p[2] = {-1, -1};
        if (i < n->ncmds - 1 && se_pipe_cloexec(p) < 0) {
            sh_error("pipe: %s", strerror(errno));
            pids[i] = -2;
            continue;
        }
        if (prev >= 0) {
            se_dup2(prev, 0);
            close(prev);
        } else if (i > 0) close(0);
        if (p[1] >= 0) {
            se_dup2(p[1], 1);
            close(p[1]);
        } else if (save1 >= 0) se_dup2(save1, 1);
        pids[i] = start_async(n->cmds[i]);
        prev = p[0];
    }
    if (save0 >= 0) se_dup2(save0, 0), close(save0);
    if (save1 >= 0) se_dup2(save1, 1), close(save1);
    if (first) {
        int s1 = se_dup_min(1, 10, 1);
        se_dup2(p0[1], 1);
        close(p0[1]);
        int old = se_signal(SIGPIPE, SE_SIG_IGN);
        pipe_inproc = 1;
        pipe_epipe = 0;
        int s = exec_simple(n->cmds[0], 0);
        pipe_inproc = 0;
        if (old >= 0) se_signal(SIGPIPE, old);
        if (s1 >= 0) se_dup2(s1, 1), close(s1);
        else close(1);
        pids[0] = -(pipe_epipe ? 128 + SIGPIPE : s);
    }
    int st = 0, fail = 0;
    for (int i = 0; i < n->ncmds; i++) {
        int s = pids[i] > 0 ? wait_pid(pids[i]) : -pids[i];
        if (s) fail = s;
        st = s;
    }
    free(pids);
    if (opts[O_PIPEFAIL]) st = fail;
    return st;
}

static int exec_bg(Node *n) {
    int save0 = -1;
    int devnull = -1;
    if (!opts[O_MONITOR]) {
        /* stdin of background commands is /dev/null; SIGINT/SIGQUIT ignored */
        save0 = se_dup_min(0, 10, 1);
        devnull = open("/dev/null", O_RDONLY);
        if (devnull >= 0) {
            se_dup2(devnull, 0);
            close(devnull);
        }
    }
    int oi = se_signal(SIGINT, SE_SIG_IGN), oq = se_signal(SIGQUIT, SE_SIG_IGN);
    int pid = start_async(n);
    if (oi >= 0) se_signal(SIGINT, oi);
    if (oq >= 0) se_signal(SIGQUIT, oq);
    if (save0 >= 0) se_dup2(save0, 0), close(save0);
    if (pid > 0) {
        last_bg_pid = pid;
        job_add(pid);
    }
    return 0;
}

/* ---- compound commands ---- */
static int exec_for(Node *n) {
    char **list;
    int cnt;
    if (n->has_in) {
        list = expand_words(n->words, n->nwords, &cnt);
        if (!list) return 2;
    } else {
        cnt = nposargs;
        list = xmalloc(sizeof(char *) * (size_t)(cnt + 1));
        for (int i = 0; i < cnt; i++) list[i] = xstrdup(posargs[i]);
        list[cnt] = NULL;
    }
    int st = 0;
    loopdepth++;
    for (int i = 0; i < cnt; i++) {
        if (var_set(n->name, list[i], 0) < 0) {
            sh_exit(2);
            break;
        }
        st = exec_node(n->b, 0);
        if (unwind == U_BREAK) {
            if (--unwind_count <= 0) unwind = U_NONE;
            break;
        }
        if (unwind == U_CONTINUE) {
            if (--unwind_count <= 0) unwind = U_NONE;
            else break;
            continue;
        }
        if (unwind) break;
    }
    loopdepth--;
    free_argv(list);
    return st;
}

static int exec_loop(Node *n) {
    int st = 0;
    loopdepth++;
    for (;;) {
        errexit_off++;
        int c = exec_node(n->a, 0);
        errexit_off--;
        if (unwind == U_BREAK) {
            if (--unwind_count <= 0) unwind = U_NONE;
            break;
        }
        if (unwind == U_CONTINUE) {
            if (--unwind_count <= 0) unwind = U_NONE;
            else break;
            continue;
        }
        if (unwind) break;
        if ((c == 0) != (n->type == N_WHILE)) break;
        st = exec_node(n->b, 0);
        if (unwind == U_BREAK) {
            if (--unwind_count <= 0) unwind = U_NONE;
            break;
        }
        if (unwind == U_CONTINUE) {
            if (--unwind_count <= 0) unwind = U_NONE;
            else break;
            continue;
        }
        if (unwind) break;
    }
    loopdepth--;
    return st;
}

static int exec_case(Node *n) {
    lineno = n->lineno;
    char *subj = expand_str(n->name, 0);
    if (!subj) return 2;
    int st = 0;
    for (CaseItem *it = n->items; it; it = it->next) {
        for (int i = 0; i < it->npats; i++) {
            char *pat = expand_str(it->pats[i], EX_PATTERN);
            if (!pat) {
                free(subj);
                return 2;
            }
            int m = fnmatch_sh(pat, subj);
            free(pat);
            if (m) {
                free(subj);
                return it->body ? exec_node(it->body, 0) : 0;
            }
        }
    }
    free(subj);
    return st;
}

static int exec_compound(Node *n, int flags) {
    RedirSave rs = {0};
    if (n->redirs && redir_apply(n->redirs, &rs) < 0) {
        redir_restore(&rs);
        return 2;
    }
    int st = 0;
    switch (n->type) {
    case N_GROUP: st = exec_node(n->a, 0); break;
    case N_IF:
        errexit_off++;
        st = exec_node(n->a, 0);
        errexit_off--;
        if (unwind) break;
        if (st == 0) st = exec_node(n->b, 0);
        else if (n->c) st = exec_node(n->c, 0);
        else st = 0;
        break;
    case N_WHILE:
    case N_UNTIL: st = exec_loop(n); break;
    case N_FOR: st = exec_for(n); break;
    case N_CASE: st = exec_case(n); break;
    case N_SUBSHELL: {
        int pid = spawn_node(n->a);
        st = pid > 0 ? wait_pid(pid) : 2;
        break;
    }
    }
    redir_restore(&rs);
    return st;
}

static void check_errexit(int st) {
    if (st && opts[O_ERREXIT] && !errexit_off && !unwind) sh_exit(st);
}

int exec_node(Node *n, int flags) {
    if (!n || unwind) return exit_status;
    trap_check();
    if (unwind) return exit_status;
    int st = 0;
    switch (n->type) {
    case N_SIMPLE:
        st = exec_simple(n, flags);
        if (!unwind) check_errexit(st);
        return st;
    case N_PIPE:
        st = set_status(exec_pipe(n));
        check_errexit(st);
        return st;
    case N_AND:
    case N_OR:
        errexit_off++;
        st = exec_node(n->a, 0);
        errexit_off--;
        if (unwind) return st;
        if ((st == 0) == (n->type == N_AND)) st = exec_node(n->b, flags);
        return set_status(st);
    case N_SEQ:
        exec_node(n->a, 0);
        if (unwind) return exit_status;
        return exec_node(n->b, flags);
    case N_BG: return set_status(exec_bg(n->a));
    case N_NOT:
        errexit_off++;
        st = exec_node(n->a, 0);
        errexit_off--;
        if (unwind == U_EXIT) return st;
        return set_status(!st);
    case N_FUNC:
        func_define(n->name, n->a);
        return set_status(0);
    case N_SUBSHELL:
        st = set_status(exec_compound(n, flags));
        check_errexit(st);
        return st;
    default: st = exec_compound(n, flags); return unwind ? st : set_status(st);
    }
}

/* ---- running text ---- */
int run_input(Input *in) {
    int eof = 0;
    int st = 0, ran = 0;
    while (!eof && !unwind) {
        Node *n = parse_command_line(in, &eof);
        if (parse_error) {
            exit_status = 2;
            sh_exit(2);
            break;
        }
        if (!n) continue;
        if (opts[O_NOEXEC]) continue;
        int last = in->fd < 0 && in->exec_last && strspn(in->buf + in->pos, " \t\n") == in->len - in->pos;
        st = exec_node(n, last ? EF_NOFORK : 0);
        ran = 1;
        trap_check();
        (void)st;
    }
    return ran || unwind == U_EXIT ? exit_status : -1;
}

int run_string(const char *code, int line) {
    Input in;
    input_init_string(&in, code, line);
    int r = run_input(&in);
    free(in.buf);
    return r;  /* -1: empty */
}

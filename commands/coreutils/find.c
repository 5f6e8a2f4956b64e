/* find — search a directory tree (GNU findutils subset: tests, operators, -exec, -delete, -printf). */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <regex.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cu.h"
#include "fsutil.h"

SE_COMMAND("find", find_main)

enum kind { K_AND, K_OR, K_NOT, K_COMMA, K_TRUE, K_FALSE, K_NAME, K_INAME, K_PATH, K_IPATH, K_TYPE, K_NEWER,
    K_SIZE, K_TIME, K_EMPTY, K_PERM, K_PRUNE, K_DELETE, K_PRINT, K_PRINT0, K_PRINTF, K_EXEC, K_QUIT,
    K_USER, K_GROUP, K_LINKS, K_INUM, K_REGEX, K_LNAME, K_ACCESS, K_SAMEFILE, K_LS };

struct node {
    enum kind k;
    struct node *l, *r;
    const char *s;
    int cmp;            /* -1 less, 0 equal, 1 greater (for +N/-N) */
    long long n, unit;  /* number; size unit or time unit (seconds) */
    char which;         /* time: 'm' 'a' 'c'; perm: '=' '-' '/' */
    uint32_t mode;
    int64_t tsec, tnsec;
    char **argv;        /* exec */
    int argc, plus;
    char **batch;       /* exec +: collected paths */
    int nbatch, cap;
    int ok;             /* -ok: ask first */
    regex_t re;
};

static char **av;
static int ac, pos, status, quit;
static int maxdepth = -1, mindepth = 0, depth_first, follow; /* follow: 0 -P, 1 -H, 2 -L */
static int has_action, regex_ext;
static time_t now;
static struct node **execs;
static int nexecs;

static struct node *mk(enum kind k) {
    struct node *n = calloc(1, sizeof *n);
    n->k = k;
    return n;
}

static const char *need_arg(const char *opt) {
    if (pos >= ac) cu_error(1, 0, "missing argument to `%s'", opt);
    return av[pos++];
}

/* "[+-]N" -> cmp, n. Returns -1 when not a number. */
static int parse_num(const char *s, int *cmp, long long *n, char **rest) {
    *cmp = *s == '+' ? 1 : *s == '-' ? -1 : 0;
    if (*s == '+' || *s == '-') s++;
    if (!isdigit((unsigned char)*s)) return -1;
    char *end;
    *n = strtoll(s, &end, 10);
    if (rest) *rest = end;
    else if (*end) return -1;
    return 0;
}

static int cmp_num(const struct node *n, long long v) {
    return n->cmp > 0 ? v > n->n : n->cmp < 0 ? v < n->n : v == n->n;
}

static struct node *parse_or(void);

static int is_end(void) { return pos >= ac || !strcmp(av[pos], ")") || !strcmp(av[pos], "-o") ||
                                 !strcmp(av[pos], "-or") || !strcmp(av[pos], ","); }

static const char *last_pred; /* for the "possible unquoted pattern" hint */

static void stray(const char *arg) {
    cu_error(0, 0, "paths must precede expression: `%s'", arg);
    if (last_pred && fs_exists(arg)) cu_error(0, 0, "possible unquoted pattern after predicate `%s'?", last_pred);
    exit(1);
}

static struct node *parse_primary(void) {
    const char *t = av[pos++];
    struct node *n;
    if (t[0] == '-' || !strcmp(t, "(")) last_pred = t;
    if (!strcmp(t, "(")) {
        if (pos < ac && !strcmp(av[pos], ")")) cu_error(1, 0, "invalid expression; empty parentheses are not allowed.");
        n = parse_or();
        if (pos >= ac || strcmp(av[pos], ")"))
            cu_error(1, 0, "invalid expression; I was expecting to find a ')' somewhere but did not see one.");
        pos++;
        last_pred = ")";
        return n;
    }
    if (!strcmp(t, "-name") || !strcmp(t, "-iname") || !strcmp(t, "-path") || !strcmp(t, "-ipath") ||
        !strcmp(t, "-wholename") || !strcmp(t, "-iwholename")) {
        n = mk(t[1] == 'n' ? K_NAME : t[2] == 'n' ? K_INAME : (t[1] == 'i') ? K_IPATH : K_PATH);
        n->s = need_arg(t);
        return n;
    }
    if (!strcmp(t, "-type") || !strcmp(t, "-xtype")) {
        n = mk(K_TYPE);
        n->which = t[1] == 'x';
        n->s = need_arg(t);
        for (const char *p = n->s; *p; p++) {
            if (!strchr("fdlpscbD", *p) || (p[1] && p[1] != ',') || (p[1] == ',' && !p[2]))
                cu_error(1, 0, "Unknown argument to %s: %c", t, *p);
            if (p[1]) p++;
        }
        if (!*n->s) cu_error(1, 0, "Arguments to %s should contain at least one letter", t);
        return n;
    }
    if (!strcmp(t, "-maxdepth") || !strcmp(t, "-mindepth")) {
        const char *a = need_arg(t);
        char *end;
        long v = strtol(a, &end, 10);
        if (!isdigit((unsigned char)*a) || *end)
            cu_error(1, 0, "Expected a positive decimal integer argument to %s, but got %s", t, cu_quote(a));
        if (t[2] == 'a') maxdepth = (int)v;
        else mindepth = (int)v;
        return mk(K_TRUE);
    }
    if (!strcmp(t, "-depth") || !strcmp(t, "-d")) { depth_first = 1; return mk(K_TRUE); }
    if (!strcmp(t, "-xdev") || !strcmp(t, "-mount") || !strcmp(t, "-noleaf") || !strcmp(t, "-ignore_readdir_race"))
        return mk(K_TRUE);
    if (!strcmp(t, "-follow")) { follow = 2; return mk(K_TRUE); }
    if (!strcmp(t, "-true")) return mk(K_TRUE);
    if (!strcmp(t, "-false")) return mk(K_FALSE);
    if (!strcmp(t, "-newer") || !strcmp(t, "-anewer") || !strcmp(t, "-cnewer")) {
        const char *f = need_arg(t);
        se_stat_t st;
        if ((follow ? se_stat(f, &st) : se_lstat(f, &st)) < 0) cu_error(1, errno, "%s", cu_quote(f));
        n = mk(K_NEWER);
        n->which = t[1] == 'n' ? 'm' : t[1];
        n->tsec = st.mtime_sec, n->tnsec = st.mtime_nsec;
        return n;
    }
    if (!strcmp(t, "-size")) {
        const char *a = need_arg(t);
        char *rest;
        n = mk(K_SIZE);
        if (parse_num(a, &n->cmp, &n->n, &rest) < 0) cu_error(1, 0, "invalid argument `%s' to `-size'", a);
        if (rest[0] && rest[1]) cu_error(1, 0, "invalid argument `%s' to `-size'", a);
        switch (*rest) {
        case 0: case 'b': n->unit = 512; break;
        case 'c': n->unit = 1; break;
        case 'w': n->unit = 2; break;
        case 'k': n->unit = 1024; break;
        case 'M': n->unit = 1048576; break;
        case 'G': n->unit = 1073741824; break;
        default: cu_error(1, 0, "invalid -size type `%c'", *rest);
        }
        return n;
    }
    if (!strcmp(t, "-mtime") || !strcmp(t, "-atime") || !strcmp(t, "-ctime") || !strcmp(t, "-mmin") ||
        !strcmp(t, "-amin") || !strcmp(t, "-cmin")) {
        const char *a = need_arg(t);
        n = mk(K_TIME);
        if (parse_num(a, &n->cmp, &n->n, NULL) < 0) cu_error(1, 0, "invalid argument `%s' to `%s'", a, t);
        n->which = t[1];
        n->unit = strstr(t, "min") ? 60 : 86400;
        return n;
    }
    if (!strcmp(t, "-empty")) return mk(K_EMPTY);
    if (!strcmp(t, "-perm")) {
        const char *a = need_arg(t);
        n = mk(K_PERM);
        n->which = (*a == '-' || *a == '/') ? *a++ : '=';
        if (fs_parse_mode(a, 0, 0, 0, &n->mode) < 0) cu_error(1, 0, "invalid mode %s", cu_quote(a));
        return n;
    }
    if (!strcmp(t, "-prune")) return mk(K_PRUNE);
    if (!strcmp(t, "-quit")) return mk(K_QUIT);
    if (!strcmp(t, "-delete")) { has_action = 1; depth_first = 1; return mk(K_DELETE); }
    if (!strcmp(t, "-print")) { has_action = 1; return mk(K_PRINT); }
    if (!strcmp(t, "-print0")) { has_action = 1; return mk(K_PRINT0); }
    if (!strcmp(t, "-printf")) { has_action = 1; n = mk(K_PRINTF); n->s = need_arg(t); return n; }
    if (!strcmp(t, "-user") || !strcmp(t, "-group")) {
        n = mk(t[1] == 'u' ? K_USER : K_GROUP);
        n->s = need_arg(t);
        return n;
    }
    if (!strcmp(t, "-links") || !strcmp(t, "-inum")) {
        const char *a = need_arg(t);
        n = mk(t[1] == 'l' ? K_LINKS : K_INUM);
        if (parse_num(a, &n->cmp, &n->n, NULL) < 0) cu_error(1, 0, "invalid argument `%s' to `%s'", a, t);
        return n;
    }
    if (!strcmp(t, "-regextype")) {
        const char *a = need_arg(t);
        regex_ext = !strcmp(a, "posix-extended") || !strcmp(a, "egrep") || !strcmp(a, "posix-egrep") || !strcmp(a, "awk");
        return mk(K_TRUE);
    }
    if (!strcmp(t, "-regex") || !strcmp(t, "-iregex")) {
        const char *a = need_arg(t);
        n = mk(K_REGEX);
        char *anch = malloc(strlen(a) + 8);
        sprintf(anch, regex_ext ? "^(%s)$" : "^\\(%s\\)$", a);
        if (regcomp(&n->re, anch, (regex_ext ? REG_EXTENDED : 0) | (t[1] == 'i' ? REG_ICASE : 0) | REG_NOSUB) != 0)
            cu_error(1, 0, "Invalid regular expression %s", cu_quote(a));
        free(anch);
        return n;
    }
    if (!strcmp(t, "-lname") || !strcmp(t, "-ilname")) {
        n = mk(K_LNAME);
        n->s = need_arg(t);
        n->which = t[1] == 'i';
        return n;
    }
    if (!strcmp(t, "-readable") || !strcmp(t, "-writable") || !strcmp(t, "-executable")) {
        n = mk(K_ACCESS);
        n->n = t[1] == 'r' ? R_OK : t[1] == 'w' ? W_OK : X_OK;
        return n;
    }
    if (!strcmp(t, "-nouser") || !strcmp(t, "-nogroup")) return mk(K_FALSE);
    if (!strcmp(t, "-samefile")) {
        const char *f = need_arg(t);
        se_stat_t st;
        if ((follow ? se_stat(f, &st) : se_lstat(f, &st)) < 0) cu_error(1, errno, "%s", cu_quote(f));
        n = mk(K_SAMEFILE);
        n->tsec = (int64_t)st.dev, n->tnsec = (int64_t)st.ino;
        return n;
    }
    if (!strcmp(t, "-ls")) { has_action = 1; return mk(K_LS); }
    if (!strcmp(t, "-exec") || !strcmp(t, "-execdir") || !strcmp(t, "-ok") || !strcmp(t, "-okdir")) {
        has_action = 1;
        n = mk(K_EXEC);
        n->ok = t[1] == 'o';
        int start = pos;
        while (pos < ac && strcmp(av[pos], ";") && !(!strcmp(av[pos], "+") && pos > start && !strcmp(av[pos - 1], "{}")))
            pos++;
        if (pos >= ac || pos == start) cu_error(1, 0, "missing argument to `%s'", t);
        n->plus = av[pos][0] == '+' && !n->ok;
        if (n->ok && av[pos][0] == '+') cu_error(1, 0, "missing argument to `%s'", t);
        n->argc = pos - start;
        n->argv = av + start;
        pos++;
        if (n->plus) {
            execs = realloc(execs, (size_t)(nexecs + 1) * sizeof *execs);
            execs[nexecs++] = n;
        }
        return n;
    }
    if (t[0] == '-' && t[1]) cu_error(1, 0, "unknown predicate `%s'", t);
    stray(t);
    return NULL;
}

static struct node *parse_not(void) {
    if (pos < ac && (!strcmp(av[pos], "!") || !strcmp(av[pos], "-not"))) {
        const char *op = av[pos++];
        if (is_end()) cu_error(1, 0, "expected an expression after '%s'", op);
        struct node *n = mk(K_NOT);
        n->l = parse_not();
        return n;
    }
    return parse_primary();
}

static struct node *parse_and(void) {
    if (pos < ac && (!strcmp(av[pos], "-o") || !strcmp(av[pos], "-or") || !strcmp(av[pos], "-a") || !strcmp(av[pos], "-and")))
        cu_error(1, 0, "invalid expression; you have used a binary operator '%s' with nothing before it.", av[pos]);
    struct node *l = parse_not();
    while (!is_end()) {
        if (!strcmp(av[pos], "-a") || !strcmp(av[pos], "-and")) {
            const char *op = av[pos++];
            if (is_end()) cu_error(1, 0, "expected an expression after '%s'", op);
        }
        struct node *n = mk(K_AND);
        n->l = l, n->r = parse_not();
        l = n;
    }
    return l;
}

static struct node *parse_or(void) {
    struct node *l = parse_and();
    while (pos < ac && (!strcmp(av[pos], "-o") || !strcmp(av[pos], "-or") || !strcmp(av[pos], ","))) {
        const char *op = av[pos++];
        if (pos >= ac || !strcmp(av[pos], ")")) cu_error(1, 0, "expected an expression after '%s'", op);
        struct node *n = mk(op[0] == ',' ? K_COMMA : K_OR);
        n->l = l, n->r = parse_and();
        l = n;
    }
    return l;
}

/* ---- evaluation ---- */

struct visit {
    const char *path, *start;
    se_stat_t st;
    int depth, prune;
};

static char type_char(uint32_t m) {
    switch (m & FS_IFMT) {
    case FS_IFDIR: return 'd';
    case FS_IFLNK: return 'l';
    case FS_IFIFO: return 'p';
    case FS_IFSOCK: return 's';
    case FS_IFCHR: return 'c';
    case FS_IFBLK: return 'b';
    default: return 'f';
    }
}

static const char *base_of(const char *path, char *buf, size_t cap) {
    size_t n = strlen(path);
    while (n > 1 && path[n - 1] == '/') n--;
    size_t b = n;
    while (b > 0 && path[b - 1] != '/') b--;
    if (b == n) b = n ? n - 1 : 0; /* "/" */
    snprintf(buf, cap, "%.*s", (int)(n - b), path + b);
    return buf;
}

static int is_empty(const struct visit *v) {
    if (FS_ISREG(v->st.mode)) return v->st.size == 0;
    if (!FS_ISDIR(v->st.mode)) return 0;
    DIR *d = opendir(v->path);
    if (!d) return 0;
    struct dirent *de;
    int empty = 1;
    while ((de = readdir(d)))
        if (strcmp(de->d_name, ".") && strcmp(de->d_name, "..")) { empty = 0; break; }
    closedir(d);
    return empty;
}

static char *subst(const char *arg, const char *path) {
    size_t cnt = 0, pl = strlen(path);
    for (const char *p = strstr(arg, "{}"); p; p = strstr(p + 2, "{}")) cnt++;
    char *out = malloc(strlen(arg) + cnt * pl + 1), *o = out;
    for (const char *p = arg; *p;) {
        if (p[0] == '{' && p[1] == '}') memcpy(o, path, pl), o += pl, p += 2;
        else *o++ = *p++;
    }
    *o = 0;
    return out;
}

static int run_cmd(char **argv) {
    fflush(stdout);
    int pid = fs_spawn(argv, NULL);
    if (pid < 0) {
        cu_error(0, errno, "%s", cu_quote(argv[0]));
        return 127;
    }
    int st = 0;
    while (se_waitpid(pid, &st, 0) < 0 && errno == EINTR) {}
    return fs_status_code(st);
}

static void flush_exec(struct node *n) {
    if (!n->nbatch) return;
    char **argv = calloc((size_t)(n->argc + n->nbatch + 1), sizeof *argv);
    int k = 0;
    for (int i = 0; i < n->argc - 1; i++) argv[k++] = n->argv[i];
    for (int i = 0; i < n->nbatch; i++) argv[k++] = n->batch[i];
    if (run_cmd(argv) != 0) status = 1;
    for (int i = 0; i < n->nbatch; i++) free(n->batch[i]);
    n->nbatch = 0;
    free(argv);
}

static void print_fmt(const char *f, const struct visit *v) {
    char b[4096];
    for (const char *p = f; *p; p++) {
        if (*p == '\\' && p[1]) {
            p++;
            switch (*p) {
            case 'n': putchar('\n'); break;
            case 't': putchar('\t'); break;
            case '0': putchar(0); break;
            case '\\': putchar('\\'); break;
            default: putchar('\\'); putchar(*p);
            }
            continue;
        }
        if (*p != '%' || !p[1]) { putchar(*p); continue; }
        p++;
        switch (*p) {
        case '%': putchar('%'); break;
        case 'p': fputs(v->path, stdout); break;
        case 'f': fputs(base_of(v->path, b, sizeof b), stdout); break;
        case 'h': {
            char *d = fs_dir(v->path);
            fputs(strchr(v->path, '/') ? d : ".", stdout);
            free(d);
            break;
        }
        case 'P': {
            const char *r = v->path + strlen(v->start);
            while (*r == '/') r++;
            fputs(r, stdout);
            break;
        }
        case 's': printf("%lld", (long long)v->st.size); break;
        case 'd': printf("%d", v->depth); break;
        case 'm': printf("%o", v->st.mode & 07777); break;
        case 'M': fs_mode_string(v->st.mode, b); fputs(b, stdout); break;
        case 'y': putchar(type_char(v->st.mode)); break;
        case 'u': fputs(fs_user_name(v->st.uid), stdout); break;
        case 'g': fputs(fs_group_name(v->st.gid), stdout); break;
        case 'U': printf("%u", v->st.uid); break;
        case 'G': printf("%u", v->st.gid); break;
        case 'n': printf("%u", v->st.nlink); break;
        case 'i': printf("%llu", (unsigned long long)v->st.ino); break;
        case 'l': {
            ssize_t k = FS_ISLNK(v->st.mode) ? readlink(v->path, b, sizeof b - 1) : -1;
            if (k > 0) fwrite(b, 1, (size_t)k, stdout);
            break;
        }
        case 'T': case 't': case 'A': case 'C': {
            int64_t s = *p == 'A' ? v->st.atime_sec : *p == 'C' ? v->st.ctime_sec : v->st.mtime_sec;
            if (*p != 't' && p[1] == '@') { p++; printf("%lld", (long long)s); break; }
            time_t tt = (time_t)s;
            struct tm tm;
            gmtime_r(&tt, &tm);
            if (*p == 't') strftime(b, sizeof b, "%a %b %e %H:%M:%S %Y", &tm), fputs(b, stdout);
            else if (p[1]) {
                char fmt[3] = {'%', *++p, 0};
                strftime(b, sizeof b, fmt, &tm);
                fputs(b, stdout);
            }
            break;
        }
        default: putchar('%'); putchar(*p);
        }
    }
}

static int eval(struct node *n, struct visit *v) {
    char b[4096];
    switch (n->k) {
    case K_AND: return eval(n->l, v) && eval(n->r, v);
    case K_OR: return eval(n->l, v) || eval(n->r, v);
    case K_COMMA: eval(n->l, v); return eval(n->r, v);
    case K_NOT: return !eval(n->l, v);
    case K_TRUE: return 1;
    case K_FALSE: return 0;
    case K_NAME: return fnmatch(n->s, base_of(v->path, b, sizeof b), 0) == 0;
    case K_INAME: return fnmatch(n->s, base_of(v->path, b, sizeof b), FNM_CASEFOLD) == 0;
    case K_PATH: return fnmatch(n->s, v->path, 0) == 0;
    case K_IPATH: return fnmatch(n->s, v->path, FNM_CASEFOLD) == 0;
    case K_TYPE: {
        char c = type_char(v->st.mode);
        if (n->which) { /* -xtype: the other view of symlinks */
            se_stat_t o;
            if (follow == 2) c = se_lstat(v->path, &o) == 0 ? type_char(o.mode) : c;
            else if (c == 'l') c = se_stat(v->path, &o) == 0 ? type_char(o.mode) : 'l';
        }
        for (const char *p = n->s; *p; p++) if (*p == c) return 1;
        return 0;
    }
    case K_NEWER: {
        int64_t s = n->which == 'a' ? v->st.atime_sec : n->which == 'c' ? v->st.ctime_sec : v->st.mtime_sec;
        int64_t ns = n->which == 'a' ? v->st.atime_nsec : n->which == 'c' ? v->st.ctime_nsec : v->st.mtime_nsec;
        return s > n->tsec || (s == n->tsec && ns > n->tnsec);
    }
    case K_SIZE: return cmp_num(n, (v->st.size + n->unit - 1) / n->unit);
    case K_TIME: {
        int64_t t = n->which == 'a' ? v->st.atime_sec : n->which == 'c' ? v->st.ctime_sec : v->st.mtime_sec;
        long long d = (long long)now - t;
        long long q = d >= 0 ? d / n->unit : -((-d + n->unit - 1) / n->unit);
        if (n->unit == 60 && d % 60) q++; /* minutes round up like GNU */
        return cmp_num(n, q);
    }
    case K_EMPTY: return is_empty(v);
    case K_PERM: {
        uint32_t m = v->st.mode & 07777;
        if (n->which == '-') return (m & n->mode) == n->mode;
        if (n->which == '/') return n->mode == 0 || (m & n->mode) != 0;
        return m == n->mode;
    }
    case K_PRUNE: v->prune = 1; return 1;
    case K_QUIT:
        for (int i = 0; i < nexecs; i++) flush_exec(execs[i]);
        exit(cu_finish(status));
    case K_DELETE: {
        if (!strcmp(v->path, ".")) return 1;
        if ((FS_ISDIR(v->st.mode) ? rmdir(v->path) : unlink(v->path)) < 0) {
            cu_error(0, errno, "cannot delete %s", cu_quote(v->path));
            status = 1;
            return 0;
        }
        return 1;
    }
    case K_PRINT: fputs(v->path, stdout); putchar('\n'); return 1;
    case K_PRINT0: fputs(v->path, stdout); putchar(0); return 1;
    case K_PRINTF: print_fmt(n->s, v); return 1;
    case K_USER: return !strcmp(n->s, fs_user_name(v->st.uid)) || (isdigit((unsigned char)*n->s) && (uint32_t)atol(n->s) == v->st.uid);
    case K_GROUP: return !strcmp(n->s, fs_group_name(v->st.gid)) || (isdigit((unsigned char)*n->s) && (uint32_t)atol(n->s) == v->st.gid);
    case K_LINKS: return cmp_num(n, v->st.nlink);
    case K_INUM: return cmp_num(n, (long long)v->st.ino);
    case K_REGEX: return regexec(&n->re, v->path, 0, NULL, 0) == 0;
    case K_LNAME: {
        if (!FS_ISLNK(v->st.mode)) return 0;
        ssize_t k = readlink(v->path, b, sizeof b - 1);
        if (k < 0) return 0;
        b[k] = 0;
        return fnmatch(n->s, b, n->which ? FNM_CASEFOLD : 0) == 0;
    }
    case K_ACCESS: return se_access(v->path, (int)n->n) == 0;
    case K_SAMEFILE: return (int64_t)v->st.dev == n->tsec && (int64_t)v->st.ino == n->tnsec;
    case K_LS: {
        char mode[12], tb[32];
        fs_mode_string(v->st.mode, mode);
        time_t tt = (time_t)v->st.mtime_sec;
        struct tm tm;
        gmtime_r(&tt, &tm);
        int recent = v->st.mtime_sec > now - 15778476 && v->st.mtime_sec <= now;
        strftime(tb, sizeof tb, recent ? "%b %e %H:%M" : "%b %e  %Y", &tm);
        printf("%9llu %6llu %s %3u %-8s %-8s %8lld %s %s", (unsigned long long)v->st.ino,
               (unsigned long long)((v->st.blocks + 1) / 2), mode, v->st.nlink, fs_user_name(v->st.uid),
               fs_group_name(v->st.gid), (long long)v->st.size, tb, v->path);
        if (FS_ISLNK(v->st.mode)) {
            ssize_t k = readlink(v->path, b, sizeof b - 1);
            if (k >= 0) b[k] = 0, printf(" -> %s", b);
        }
        putchar('\n');
        return 1;
    }
    case K_EXEC: {
        if (n->plus) {
            if (n->nbatch == n->cap) n->batch = realloc(n->batch, (size_t)(n->cap = n->cap * 2 + 16) * sizeof *n->batch);
            n->batch[n->nbatch++] = strdup(v->path);
            if (n->nbatch >= 1024) flush_exec(n);
            return 1;
        }
        char **argv = calloc((size_t)n->argc + 1, sizeof *argv);
        for (int i = 0; i < n->argc; i++) argv[i] = subst(n->argv[i], v->path);
        int r;
        if (n->ok) {
            fflush(stdout);
            fprintf(stderr, "< %s ... %s > ? ", argv[0], v->path);
            r = fs_yes() ? run_cmd(argv) : 1;
        } else r = run_cmd(argv);
        for (int i = 0; i < n->argc; i++) free(argv[i]);
        free(argv);
        return r == 0;
    }
    }
    return 0;
}

static struct node *expr;

static void walk(const char *path, const char *start, int depth) {
    struct visit v = {path, start, {0}, depth, 0};
    int fl = follow == 2 || (follow == 1 && depth == 0);
    if ((fl ? se_stat(path, &v.st) : se_lstat(path, &v.st)) < 0) {
        if (!(fl && se_lstat(path, &v.st) == 0)) {
            cu_error(0, errno, "%s", cu_quote(path));
            status = 1;
            return;
        }
    }
    int in_range = depth >= mindepth;
    if (in_range && !depth_first) eval(expr, &v);
    if (quit) return;
    if (FS_ISDIR(v.st.mode) && !(v.prune && !depth_first) && (maxdepth < 0 || depth < maxdepth)) {
        DIR *d = opendir(path);
        if (!d) {
            cu_error(0, errno, "%s", cu_quote(path));
            status = 1;
        } else {
            size_t n = 0, cap = 16;
            char **names = malloc(cap * sizeof *names);
            struct dirent *de;
            while ((de = readdir(d))) {
                if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, "..")) continue;
                if (n == cap) names = realloc(names, (cap *= 2) * sizeof *names);
                names[n++] = strdup(de->d_name);
            }
            closedir(d);
            for (size_t i = 0; i < n; i++) {
                if (!quit) {
                    char *child = fs_join(path, names[i]);
                    walk(child, start, depth + 1);
                    free(child);
                }
                free(names[i]);
            }
            free(names);
        }
    }
    if (quit) return;
    if (in_range && depth_first) eval(expr, &v);
}

int find_main(int argc, char **argv) {
    cu_init(argc, argv);
    av = argv, ac = argc, pos = 1;
    for (; pos < ac; pos++) {
        const char *a = av[pos];
        if (!strcmp(a, "-H")) follow = 1;
        else if (!strcmp(a, "-L")) follow = 2;
        else if (!strcmp(a, "-P")) follow = 0;
        else if (!strcmp(a, "--")) { pos++; break; }
        else break;
    }
    int first_path = pos;
    while (pos < ac && !(av[pos][0] == '-' && av[pos][1]) && strcmp(av[pos], "(") && strcmp(av[pos], "!")) pos++;
    int npaths = pos - first_path;
    now = time(NULL);
    struct node *e = pos < ac ? parse_or() : mk(K_TRUE);
    if (pos < ac) {
        if (!strcmp(av[pos], ")")) cu_error(1, 0, "invalid expression; you have too many ')'");
        stray(av[pos]);
    }
    if (!has_action) {
        struct node *a = mk(K_AND);
        a->l = e, a->r = mk(K_PRINT);
        e = a;
    }
    expr = e;
    if (npaths == 0) walk(".", ".", 0);
    for (int i = 0; i < npaths && !quit; i++) walk(av[first_path + i], av[first_path + i], 0);
    for (int i = 0; i < nexecs; i++) flush_exec(execs[i]);
    return cu_finish(status);
}

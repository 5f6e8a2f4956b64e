/* xargs — build and run command lines from standard input (-0 -d -n -L -I -P -r -t -s -x -a -E). */
#include "cu.h"
#include "se.h"
#include "textutil.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

SE_COMMAND("xargs", xargs_main)

static tu_reader in;
static int mode; /* 0 default quoting, 1 -0, 2 -d */
static int dchar;
static int eof_in;
static const char *eof_str;
static int hit_eof_str;

/* Reads the next item. Returns 1 with *item (malloc'd), 0 at end. *eol is set when the item ended a line. */
static int next_item(char **item, int *eol, int line_mode) {
    tu_str b = {0};
    *eol = 0;
    if (eof_in || hit_eof_str) return 0;
    char *p;
    ssize_t n;
    if (mode) {
        int sep = mode == 1 ? 0 : dchar;
        n = tu_getdelim(&in, &p, sep);
        if (n <= 0) return 0;
        if (p[n - 1] == sep) n--;
        *item = tu_xmemdup(p, n);
        *eol = 1;
        return 1;
    }
    int q = 0, have = 0;
    for (;;) {
        if (in.pos >= in.len) {
            char *d;
            ssize_t k = tu_read(&in, &d);
            if (k <= 0) {
                eof_in = 1;
                if (q) {
                    cu_error(0, 0, "unmatched %s quote; by default quotes are special to xargs unless you use the -0 option",
                             q == '\'' ? "single" : "double");
                    free(b.s);
                    return -1;
                }
                break;
            }
            in.pos -= k; /* put back: consume byte by byte below */
        }
        int c = (unsigned char)in.buf[in.pos++];
        if (q) {
            if (c == q) q = 0;
            else if (c == '\n') {
                cu_error(0, 0, "unmatched %s quote; by default quotes are special to xargs unless you use the -0 option",
                         q == '\'' ? "single" : "double");
                free(b.s);
                return -1;
            } else tu_sputc(&b, c);
            continue;
        }
        if (c == '\n') {
            if (have || (line_mode == 2 && b.len)) {
                *eol = 1;
                break;
            }
            continue;
        }
        if ((c == ' ' || c == '\t') && line_mode != 2) {
            if (have) break;
            continue;
        }
        if ((c == ' ' || c == '\t') && line_mode == 2 && !have) continue;
        have = 1;
        if (c == '\'' || c == '"') {
            q = c;
            tu_sadd(&b, "", 0);
            continue;
        }
        if (c == '\\') {
            if (in.pos >= in.len) {
                char *d;
                ssize_t k = tu_read(&in, &d);
                if (k <= 0) break;
                in.pos -= k;
            }
            c = (unsigned char)in.buf[in.pos++];
        }
        tu_sputc(&b, c);
    }
    if (!have) {
        free(b.s);
        return 0;
    }
    if (!b.s) tu_sadd(&b, "", 0);
    if (eof_str && strcmp(b.s, eof_str) == 0) {
        hit_eof_str = 1;
        free(b.s);
        return 0;
    }
    *item = b.s;
    return 1;
}

static int trace, maxprocs = 1, running, final_status;
static int devnull = -1;

static int reap(int block) {
    int st, pid = se_waitpid(-1, &st, block ? 0 : SE_WNOHANG);
    if (pid <= 0) return 0;
    running--;
    return st | 0x10000;
}

/* Handles a child's wait status; returns nonzero to abort with that exit code. */
static int check(int st, const char *name) {
    st &= 0xffff;
    if (SE_WIFSIGNALED(st)) {
        cu_error(0, 0, "%s: terminated by signal %d", name, SE_WTERMSIG(st));
        return 125;
    }
    int code = SE_WEXITSTATUS(st);
    if (code == 255) {
        cu_error(0, 0, "%s: exited with status 255; aborting", name);
        return 124;
    }
    if (code) final_status = 123;
    return 0;
}

static int run(char **argv) {
    if (trace) {
        for (int i = 0; argv[i]; i++) fprintf(stderr, "%s%s", i ? " " : "", argv[i]);
        fputc('\n', stderr);
    }
    while (running >= maxprocs) {
        int st = reap(1);
        if (!st) break;
        int r = check(st, argv[0]);
        if (r) return r;
    }
    int pid;
    int fdmap[6] = {0, devnull, 1, 1, 2, 2};
    int rc = devnull >= 0 ? se_spawn(argv[0], argv, NULL, NULL, fdmap, 3, SE_PGID_INHERIT, &pid)
                          : se_spawn(argv[0], argv, NULL, NULL, NULL, -1, SE_PGID_INHERIT, &pid);
    if (rc < 0) {
        int e = errno;
        cu_error(0, e, "%s", argv[0]);
        return e == ENOENT ? 127 : 126;
    }
    running++;
    if (maxprocs == 1) {
        int st = reap(1);
        if (st) return check(st, argv[0]);
    }
    return 0;
}

int xargs_main(int argc, char **argv) {
    cu_init(argc, argv);
    static const struct option lopts[] = {
        {"null", 0, 0, '0'}, {"delimiter", 1, 0, 'd'}, {"max-args", 1, 0, 'n'}, {"max-lines", 2, 0, 'L'},
        {"replace", 2, 0, 'i'}, {"max-procs", 1, 0, 'P'}, {"no-run-if-empty", 0, 0, 'r'}, {"verbose", 0, 0, 't'},
        {"max-chars", 1, 0, 's'}, {"exit", 0, 0, 'x'}, {"arg-file", 1, 0, 'a'}, {"eof", 2, 0, 'e'},
        {"interactive", 0, 0, 'p'}, {0, 0, 0, 0}};
    int c;
    long maxargs = 0, maxlines = 0, maxchars = 131072;
    int noempty = 0;
    const char *repl = NULL, *argfile = NULL;
    while ((c = getopt_long(argc, argv, "+0d:n:L:l::I:i::P:rts:xa:E:e::p", lopts, NULL)) != -1) {
        switch (c) {
        case '0': mode = 1; break;
        case 'd': {
            mode = 2;
            if (optarg[0] == '\\' && optarg[1]) {
                char o;
                int k = tu_escape(optarg + 1, &o, 0);
                dchar = k > 0 ? (unsigned char)o : (unsigned char)optarg[1];
            } else {
                if (optarg[0] && optarg[1]) cu_error(1, 0, "invalid input delimiter specification %s: the delimiter must be either a single character or an escape sequence starting with \\", optarg);
                dchar = (unsigned char)optarg[0];
            }
            break;
        }
        case 'n': maxargs = atol(optarg); if (maxargs <= 0) cu_error(1, 0, "value %s for -n option should be >= 1", optarg); break;
        case 'L': case 'l': maxlines = optarg ? atol(optarg) : 1; if (maxlines <= 0) cu_error(1, 0, "value %s for -L option should be >= 1", optarg); break;
        case 'I': case 'i': repl = optarg ? optarg : "{}"; break;
        case 'P': maxprocs = atoi(optarg); if (maxprocs <= 0) maxprocs = 64; break;
        case 'r': noempty = 1; break;
        case 't': trace = 1; break;
        case 's': maxchars = atol(optarg); break;
        case 'x': case 'p': break;
        case 'a': argfile = optarg; break;
        case 'E': case 'e': eof_str = optarg; break;
        default: cu_usage_error(1, NULL);
        }
    }
    int in_fd = 0;
    if (argfile) {
        in_fd = tu_open(argfile);
        if (in_fd < 0) cu_error(1, errno, "cannot open input file %s", cu_quote(argfile));
    }
    devnull = open("/dev/null", O_RDONLY);
    if (argfile) devnull = -1; /* children keep our stdin with -a */
    tu_rinit(&in, in_fd);
    int nbase = argc - optind;
    static char *echo_argv[] = {"echo"};
    char **base = nbase ? argv + optind : echo_argv;
    if (!nbase) nbase = 1;
    size_t base_len = 0;
    for (int i = 0; i < nbase; i++) base_len += strlen(base[i]) + 1;
    char **cmd = NULL;
    size_t ncmd = 0, capcmd = 0;
    int status = 0, ran = 0;
    int line_mode = repl ? 2 : maxlines ? 1 : 0;
    for (;;) {
        /* collect one command's arguments */
        ncmd = 0;
        size_t len = base_len;
        long lines = 0, nargs = 0;
        char *item;
        int eol, r = 0;
        if (repl) {
            r = next_item(&item, &eol, 2);
            if (r <= 0) {
                if (r < 0) status = 1;
                break;
            }
            cmd = tu_xrealloc(cmd, (nbase + 1) * sizeof(char *));
            for (int i = 0; i < nbase; i++) {
                tu_str b = {0};
                const char *s = base[i];
                size_t rl = strlen(repl);
                for (const char *f; rl && (f = strstr(s, repl)); s = f + rl) {
                    tu_sadd(&b, s, f - s);
                    tu_sadd(&b, item, strlen(item));
                }
                tu_sadd(&b, s, strlen(s));
                cmd[i] = b.s;
            }
            cmd[nbase] = NULL;
            free(item);
            ran = 1;
            int e = run(cmd);
            for (int i = 0; i < nbase; i++) free(cmd[i]);
            if (e) return e;
            continue;
        }
        int got_any = 0;
        for (;;) {
            r = next_item(&item, &eol, line_mode);
            if (r <= 0) break;
            got_any = 1;
            if (ncmd + 2 >= capcmd) cmd = tu_xrealloc(cmd, (capcmd = capcmd * 2 + 64) * sizeof(char *));
            cmd[ncmd++] = item;
            nargs++;
            len += strlen(item) + 1;
            if (eol && mode == 0) lines++;
            if (maxargs && nargs >= maxargs) break;
            if (maxlines && ((mode == 0 && lines >= maxlines) || (mode && nargs >= maxlines))) break;
            if ((long)len >= maxchars - 2048) break;
        }
        if (r < 0) status = 1;
        if (!got_any && (ran || noempty)) break;
        char **full = tu_xmalloc((nbase + ncmd + 1) * sizeof(char *));
        for (int i = 0; i < nbase; i++) full[i] = base[i];
        for (size_t i = 0; i < ncmd; i++) full[nbase + i] = cmd[i];
        full[nbase + ncmd] = NULL;
        ran = 1;
        int e = run(full);
        for (size_t i = 0; i < ncmd; i++) free(cmd[i]);
        free(full);
        if (e) return e;
        if (r <= 0) break;
    }
    while (running > 0) {
        int st = reap(1);
        if (!st) break;
        int e = check(st, base[0]);
        if (e) return e;
    }
    if (status) return status;
    return final_status;
}

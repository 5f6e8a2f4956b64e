/* sed — stream editor (GNU sed 4.9 subset: -n -e -f -E/-r -i[SUF] -s -z; addresses incl. regex, ranges, $,
 * first~step, addr,+N, addr,~N, 0,/re/; commands s y d p n N D P h H g G x b t T a i c q Q = l r w z { } :). */
#include "cu.h"
#include "regex_gnu.h"
#include "se.h"
#include "textutil.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

SE_COMMAND("sed", sed_main)

enum { AD_NONE, AD_LINE, AD_LAST, AD_RE, AD_STEP, AD_ZERO, AD_PLUS, AD_MULT };

typedef struct {
    int type;
    long n1, n2;
    rx_t *re; /* NULL with AD_RE = last regex */
} addr_t;

typedef struct { int kind; char *s; size_t n; int grp; } rpart; /* kind 0 text, 1 group, 2 case op (grp=char) */

typedef struct {
    addr_t a1, a2;
    int naddr, neg;
    char name;
    int in_range, range_done;
    long range_end;
    char *text; /* a i c text, labels, file names */
    size_t tlen;
    long num;   /* q/Q exit code, l width */
    rx_t *re;
    rpart *parts;
    int nparts;
    int gflag, pflag, nth;
    FILE *wf;
    unsigned char ymap[256];
    int jump;
} cmd_t;

static cmd_t *cmds;
static int ncmds;
static int nflag, ere, zflag, sep_files, inplace, dbg_posix;
static const char *suffix;
static int delim_char = '\n';
static int unbuffered;

/* ---- script parsing ---- */
static const char *S;      /* whole script */
static size_t SL, P;        /* length, position */
static size_t *expr_start; /* start offsets of -e pieces */
static int nexpr;
static const char *script_file; /* when the script came from one -f file */

static void perr(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
static void perr(const char *fmt, ...) {
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    int e = 0;
    while (e + 1 < nexpr && expr_start[e + 1] <= P) e++;
    if (script_file) {
        int line = 1;
        for (size_t k = 0; k < P && k < SL; k++) line += S[k] == '\n';
        if (P > 0 && P <= SL && S[P - 1] == '\n') line--;
        cu_error(1, 0, "file %s line %d: %s", script_file, line, msg);
    }
    cu_error(1, 0, "-e expression #%d, char %zu: %s", e + 1, P - expr_start[e], msg);
    exit(1);
}

static int peek(void) { return P < SL ? (unsigned char)S[P] : -1; }
static int next(void) { return P < SL ? (unsigned char)S[P++] : -1; }
static void skip_ws(void) {
    while (P < SL && (S[P] == ' ' || S[P] == '\t')) P++;
}

/* Converts GNU escapes of a regex (\t \n ...) and removes \DELIM escapes. */
static char *regex_text(int delim, size_t *outlen, const char *what) {
    tu_str b = {0};
    tu_sadd(&b, "", 0);
    for (;;) {
        int c = next();
        if (c < 0 || (c == '\n' && delim != '\n')) {
            if (c == '\n') P--;
            perr("%s", what);
        }
        if (c == delim) break;
        if (c == '\\') {
            int d = next();
            if (d < 0) perr("%s", what);
            if (d == delim) tu_sputc(&b, d);
            else if (d == 't') tu_sputc(&b, '\t');
            else if (d == 'n') tu_sputc(&b, '\n');
            else if (d == 'f') tu_sputc(&b, '\f');
            else if (d == 'v') tu_sputc(&b, '\v');
            else if (d == 'a') tu_sputc(&b, '\a');
            else if (d == 'r') tu_sputc(&b, '\r');
            else if (d == '\n') tu_sputc(&b, '\n');
            else {
                tu_sputc(&b, '\\');
                tu_sputc(&b, d);
            }
            continue;
        }
        if (c == '[') {
            /* copy a bracket expression verbatim: the delimiter does not end it */
            size_t save = P;
            tu_str br = {0};
            tu_sputc(&br, '[');
            if (peek() == '^') tu_sputc(&br, next());
            if (peek() == ']') tu_sputc(&br, next());
            int ok = 0;
            while (P < SL && S[P] != '\n') {
                int d = next();
                if (d == '[' && (peek() == ':' || peek() == '.' || peek() == '=')) {
                    int k = next();
                    tu_sputc(&br, d);
                    tu_sputc(&br, k);
                    while (P + 1 < SL && !(S[P] == k && S[P + 1] == ']')) tu_sputc(&br, next());
                    continue;
                }
                if (d == '\\' && peek() == 'n') {
                    next();
                    tu_sputc(&br, '\n');
                    continue;
                }
                if (d == '\\' && peek() == 't') {
                    next();
                    tu_sputc(&br, '\t');
                    continue;
                }
                tu_sputc(&br, d);
                if (d == ']') {
                    ok = 1;
                    break;
                }
            }
            if (ok) {
                tu_sadd(&b, br.s, br.len);
                free(br.s);
                continue;
            }
            free(br.s);
            P = save;
            tu_sputc(&b, '[');
            continue;
        }
        tu_sputc(&b, c);
    }
    *outlen = b.len;
    return b.s;
}

static rx_t *compile_re(const char *s, size_t n, int icase) {
    if (n == 0) return NULL; /* empty = last regex */
    const char *err;
    rx_t *r = rx_compile(s, n, (ere ? RX_EXTENDED : 0) | (icase ? RX_ICASE : 0), &err);
    if (!r) perr("%s", err);
    return r;
}

static int parse_addr(addr_t *a) {
    int c = peek();
    if (c >= '0' && c <= '9') {
        long n = 0;
        while (peek() >= '0' && peek() <= '9') n = n * 10 + (next() - '0');
        if (peek() == '~') {
            next();
            long st = 0;
            while (peek() >= '0' && peek() <= '9') st = st * 10 + (next() - '0');
            a->type = AD_STEP;
            a->n1 = n;
            a->n2 = st;
            return 1;
        }
        a->type = n == 0 ? AD_ZERO : AD_LINE;
        a->n1 = n;
        return 1;
    }
    if (c == '$') {
        next();
        a->type = AD_LAST;
        return 1;
    }
    if (c == '/' || c == '\\') {
        next();
        int d = c == '/' ? '/' : next();
        if (d < 0 || d == '\n' || d == '\\') perr("unexpected `,'");
        size_t n;
        char *t = regex_text(d, &n, "unterminated address regex");
        int icase = 0;
        while (peek() == 'I' || peek() == 'M') icase |= next() == 'I';
        a->type = AD_RE;
        a->re = compile_re(t, n, icase);
        free(t);
        return 1;
    }
    return 0;
}

/* Reads a/i/c text (GNU one-liner and classic forms). */
static void read_text(cmd_t *c) {
    skip_ws();
    tu_str b = {0};
    tu_sadd(&b, "", 0);
    if (peek() == '\\') {
        next();
        size_t save = P;
        skip_ws();
        if (peek() == '\n') next();
        else P = save;
    }
    while (P < SL) {
        int ch = next();
        if (ch == '\\') {
            int d = next();
            if (d < 0) break;
            tu_sputc(&b, d);
            continue;
        }
        if (ch == '\n') break;
        tu_sputc(&b, ch);
    }
    c->text = b.s;
    c->tlen = b.len;
}

static char *read_label(void) {
    skip_ws();
    size_t st = P;
    while (P < SL && S[P] != '\n' && S[P] != ';') P++;
    size_t e = P;
    while (e > st && (S[e - 1] == ' ' || S[e - 1] == '\t')) e--;
    return tu_xmemdup(S + st, e - st);
}

static char *read_filename(void) {
    skip_ws();
    size_t st = P;
    while (P < SL && S[P] != '\n') P++;
    return tu_xmemdup(S + st, P - st);
}

typedef struct { char *name; FILE *f; } wfile_t;
static wfile_t *wfiles;
static int nwfiles;

static FILE *open_w(const char *name) {
    if (!strcmp(name, "/dev/stdout")) return stdout;
    if (!strcmp(name, "/dev/stderr")) return stderr;
    for (int i = 0; i < nwfiles; i++)
        if (!strcmp(wfiles[i].name, name)) return wfiles[i].f;
    FILE *f = fopen(name, "w");
    if (!f) cu_error(4, errno, "couldn't open file %s", name);
    wfiles = tu_xrealloc(wfiles, (nwfiles + 1) * sizeof *wfiles);
    wfiles[nwfiles].name = tu_xstrdup(name);
    wfiles[nwfiles++].f = f;
    return f;
}

static void parse_s(cmd_t *c) {
    int d = next();
    if (d < 0 || d == '\n' || d == '\\') perr("unterminated `s' command");
    size_t rn;
    char *re = regex_text(d, &rn, "unterminated `s' command");
    /* replacement */
    tu_str lit = {0};
    int maxref = 0;
#define FLUSH_LIT()                                                                  \
    do {                                                                             \
        if (lit.len) {                                                               \
            c->parts = tu_xrealloc(c->parts, (c->nparts + 1) * sizeof(rpart));      \
            c->parts[c->nparts++] = (rpart){0, lit.s, lit.len, 0};                  \
            lit.s = NULL, lit.len = lit.cap = 0;                                     \
        }                                                                            \
    } while (0)
    for (;;) {
        int ch = next();
        if (ch < 0) perr("unterminated `s' command");
        if (ch == d) break;
        if (ch == '\\') {
            int e = next();
            if (e < 0) perr("unterminated `s' command");
            if (e >= '0' && e <= '9') {
                FLUSH_LIT();
                c->parts = tu_xrealloc(c->parts, (c->nparts + 1) * sizeof(rpart));
                c->parts[c->nparts++] = (rpart){1, NULL, 0, e - '0'};
                if (e - '0' > maxref) maxref = e - '0';
            } else if (strchr("LUluE", e)) {
                FLUSH_LIT();
                c->parts = tu_xrealloc(c->parts, (c->nparts + 1) * sizeof(rpart));
                c->parts[c->nparts++] = (rpart){2, NULL, 0, e};
            } else if (e == 'n') tu_sputc(&lit, '\n');
            else if (e == 't') tu_sputc(&lit, '\t');
            else if (e == 'r') tu_sputc(&lit, '\r');
            else if (e == 'f') tu_sputc(&lit, '\f');
            else if (e == 'v') tu_sputc(&lit, '\v');
            else if (e == 'a') tu_sputc(&lit, '\a');
            else tu_sputc(&lit, e);
            continue;
        }
        if (ch == '&') {
            FLUSH_LIT();
            c->parts = tu_xrealloc(c->parts, (c->nparts + 1) * sizeof(rpart));
            c->parts[c->nparts++] = (rpart){1, NULL, 0, 0};
            continue;
        }
        if (ch == '\n' && d != '\n') perr("unterminated `s' command");
        tu_sputc(&lit, ch);
    }
    FLUSH_LIT();
    int icase = 0;
    for (;;) {
        int f = peek();
        if (f == 'g') next(), c->gflag = 1;
        else if (f == 'p') next(), c->pflag = 1;
        else if (f == 'i' || f == 'I') next(), icase = 1;
        else if (f == 'm' || f == 'M' || f == 'e') next();
        else if (f >= '0' && f <= '9') {
            long n = 0;
            while (peek() >= '0' && peek() <= '9') n = n * 10 + (next() - '0');
            if (n == 0) perr("number option to `s' command may not be zero");
            c->nth = n;
        } else if (f == 'w') {
            next();
            char *fn = read_filename();
            c->wf = open_w(fn);
            free(fn);
            break;
        } else if (f >= 0 && f != ';' && f != '\n' && f != '}' && f != '#' && f != ' ' && f != '\t') {
            next();
            perr("unknown option to `s'");
        } else break;
    }
    c->re = compile_re(re, rn, icase);
    if (c->re && maxref > rx_nsub(c->re)) perr("invalid reference \\%d on `s' command's RHS", maxref);
    free(re);
}

static void parse_y(cmd_t *c) {
    int d = next();
    if (d < 0 || d == '\n' || d == '\\') perr("unterminated `y' command");
    tu_str a[2] = {{0}, {0}};
    for (int k = 0; k < 2; k++) {
        tu_sadd(&a[k], "", 0);
        for (;;) {
            int ch = next();
            if (ch < 0 || ch == '\n') perr("unterminated `y' command");
            if (ch == d) break;
            if (ch == '\\') {
                int e = next();
                if (e == 'n') ch = '\n';
                else if (e == 't') ch = '\t';
                else if (e == '\\') ch = '\\';
                else if (e == d) ch = d;
                else perr("unknown option to `y'");
            }
            tu_sputc(&a[k], ch);
        }
    }
    if (a[0].len != a[1].len) perr("strings for `y' command are different lengths");
    for (int k = 0; k < 256; k++) c->ymap[k] = k;
    for (size_t k = 0; k < a[0].len; k++) c->ymap[(unsigned char)a[0].s[k]] = a[1].s[k];
    free(a[0].s), free(a[1].s);
}

static void parse_script(void) {
    int *stack = NULL, depth = 0;
    if (SL >= 2 && S[0] == '#' && S[1] == 'n' && (SL == 2 || S[2] == '\n')) nflag = 1;
    for (;;) {
        while (P < SL && (isspace((unsigned char)S[P]) || S[P] == ';')) P++;
        if (P >= SL) break;
        if (S[P] == '#') {
            while (P < SL && S[P] != '\n') P++;
            continue;
        }
        cmd_t c;
        memset(&c, 0, sizeof c);
        if (parse_addr(&c.a1)) {
            c.naddr = 1;
            skip_ws();
            if (peek() == ',') {
                next();
                skip_ws();
                if (peek() == '+' || peek() == '~') {
                    int k = next();
                    long n = 0;
                    if (!(peek() >= '0' && peek() <= '9')) perr("expected newer version of sed");
                    while (peek() >= '0' && peek() <= '9') n = n * 10 + (next() - '0');
                    c.a2.type = k == '+' ? AD_PLUS : AD_MULT;
                    c.a2.n1 = n;
                } else if (!parse_addr(&c.a2)) {
                    perr("unexpected `,'");
                }
                if (c.a2.type == AD_ZERO) perr("invalid usage of line address 0");
                if (c.a2.type == AD_STEP) c.a2.type = AD_LINE; /* N~M as second address: line N */
                c.naddr = 2;
            }
            if (c.a1.type == AD_ZERO && (c.naddr != 2 || c.a2.type != AD_RE)) perr("invalid usage of line address 0");
            if (c.a1.type == AD_ZERO) c.in_range = 1;
        }
        skip_ws();
        while (peek() == '!') {
            next();
            c.neg = 1;
            skip_ws();
        }
        int ch = next();
        if (ch < 0) perr("missing command");
        c.name = ch;
        switch (ch) {
        case '{':
            stack = tu_xrealloc(stack, (depth + 1) * sizeof(int));
            stack[depth++] = ncmds;
            break;
        case '}':
            if (c.naddr) perr("} doesn't want any addresses");
            if (!depth) perr("unexpected `}'");
            break;
        case '=': case 'd': case 'D': case 'g': case 'G': case 'h': case 'H': case 'n': case 'N':
        case 'p': case 'P': case 'x': case 'z': case 'F':
            break;
        case 'l': case 'q': case 'Q': case 'L':
            skip_ws();
            c.num = -1;
            if (peek() >= '0' && peek() <= '9') {
                c.num = 0;
                while (peek() >= '0' && peek() <= '9') c.num = c.num * 10 + (next() - '0');
            }
            if ((ch == 'q' || ch == 'Q') && c.naddr > 1) perr("command only uses one address");
            break;
        case ':':
            if (c.naddr) perr(": doesn't want any addresses");
            c.text = read_label();
            if (!*c.text) perr("\":\" lacks a label");
            break;
        case 'b': case 't': case 'T':
            c.text = read_label();
            break;
        case 'a': case 'i': case 'c':
            read_text(&c);
            break;
        case 'r': case 'R':
            c.text = read_filename();
            break;
        case 'w': case 'W':
            c.text = read_filename();
            c.wf = open_w(c.text);
            break;
        case 's': parse_s(&c); break;
        case 'y': parse_y(&c); break;
        default:
            P--;
            P++;
            perr("unknown command: `%c'", ch);
        }
        if (ch == '}') {
            cmds = tu_xrealloc(cmds, (ncmds + 1) * sizeof(cmd_t));
            cmds[stack[--depth]].jump = ncmds;
        }
        cmds = tu_xrealloc(cmds, (ncmds + 1) * sizeof(cmd_t));
        cmds[ncmds++] = c;
        if (strchr("{aicrRwWb:tT", ch) == NULL || ch == '{') {
            if (ch == '{') continue;
            skip_ws();
            int e = peek();
            if (e >= 0 && e != ';' && e != '\n' && e != '}' && e != '#') {
                P++;
                perr("extra characters after command");
            }
        }
    }
    if (depth) {
        P = 0;
        perr("unmatched `{'");
    }
    /* resolve branches */
    for (int i = 0; i < ncmds; i++) {
        cmd_t *c = &cmds[i];
        if (!strchr("btT", c->name)) continue;
        c->jump = ncmds;
        if (!*c->text) continue;
        int found = 0;
        for (int k = 0; k < ncmds && !found; k++)
            if (cmds[k].name == ':' && !strcmp(cmds[k].text, c->text)) c->jump = k, found = 1;
        if (!found) cu_error(4, 0, "can't find label for jump to `%s'", c->text);
    }
    free(stack);
}

/* ---- input ---- */
static char **files;
static int nfiles, fidx = -1;
static int cur_fd = -1;
static tu_reader rd;
static int status;
static const char *cur_name = "-";
/* lookahead line */
static tu_str la;
static int la_valid, la_nl, la_newfile;
static FILE *out;
static char *tmp_name;

static int open_next_file(void) {
    while (++fidx < nfiles) {
        const char *n = files[fidx];
        int fd = tu_open(n);
        if (fd < 0) {
            cu_error(0, errno, "can't read %s", n);
            status = 2;
            continue;
        }
        struct stat st;
        if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
            if (inplace) cu_error(0, 0, "couldn't edit %s: not a regular file", n);
            else cu_error(0, 0, "read error on %s: Is a directory", n);
            status = inplace ? 4 : 2;
            tu_close(fd);
            continue;
        }
        cur_fd = fd;
        tu_rinit(&rd, fd);
        return 1;
    }
    return 0;
}

/* Reads the next raw line into la. Returns 0 at the end of all input (or of this file when per_file). */
static int fetch(int per_file) {
    la_newfile = 0;
    for (;;) {
        if (cur_fd < 0) {
            if (per_file && fidx >= 0) return 0;
            if (!open_next_file()) return 0;
            la_newfile = 1;
        }
        char *line;
        ssize_t n = tu_getdelim(&rd, &line, delim_char);
        if (n > 0) {
            la.len = 0;
            la_nl = line[n - 1] == delim_char;
            tu_sadd(&la, line, la_nl ? n - 1 : n);
            return 1;
        }
        if (n < 0) {
            cu_error(0, rd.err, "read error on %s", files[fidx]);
            status = 2;
        }
        tu_rfree(&rd);
        tu_close(cur_fd);
        cur_fd = -1;
        if (per_file) return 0;
    }
}

/* ---- execution ---- */
static tu_str ps, hs;
static int ps_nl = 1;
static long lineno;
static int is_last;
static int quitting = -1;
static const rx_t *last_re;
static tu_str append_q;
static int missing_nl;

typedef struct { FILE *f; int missing; } ostate;

static void out_raw(FILE *f, const char *s, size_t n) {
    if (f == out && missing_nl) {
        fputc(delim_char, f);
        missing_nl = 0;
    }
    if (n && fwrite(s, 1, n, f) != n) cu_error(4, errno, "couldn't write");
}

static void out_line(FILE *f, const char *s, size_t n, int nl) {
    out_raw(f, s, n);
    if (nl) fputc(delim_char, f);
    else if (f == out) missing_nl = 1;
    if (f != out && f != stdout) fflush(f);
}

static int append_touch;

static void flush_append(void) {
    if (append_q.len || append_touch) out_raw(out, append_q.s, append_q.len);
    append_q.len = 0;
    append_touch = 0;
}

static void queue_text(const char *s, size_t n) {
    tu_sadd(&append_q, s, n);
    tu_sputc(&append_q, '\n');
}

static void queue_file(const char *name) {
    int fd = open(name, O_RDONLY);
    if (fd < 0) return;
    char *d = NULL;
    size_t n;
    if (tu_slurp(fd, &d, &n) == 0) {
        tu_sadd(&append_q, d, n);
        free(d);
    }
    close(fd);
}

static const rx_t *use_re(const rx_t *r) {
    if (!r) {
        if (!last_re) cu_error(1, 0, "-e expression #1, char 0: no previous regular expression");
        return last_re;
    }
    last_re = r;
    return r;
}

static int match_re(const rx_t *r) {
    r = use_re(r);
    rx_match_t m;
    return rx_exec(r, ps.s ? ps.s : "", ps.len, 0, RX_FIRST, &m, 1);
}

static int addr_match(addr_t *a) {
    switch (a->type) {
    case AD_LINE: return lineno == a->n1;
    case AD_LAST: return is_last;
    case AD_RE: return match_re(a->re);
    case AD_STEP: return a->n2 <= 0 ? lineno == a->n1 : lineno >= a->n1 && (lineno - a->n1) % a->n2 == 0;
    case AD_ZERO: return 0;
    }
    return 0;
}

static int selected(cmd_t *c) {
    int r;
    if (c->naddr == 0) r = 1;
    else if (c->naddr == 1) r = addr_match(&c->a1);
    else if (!c->in_range) {
        r = addr_match(&c->a1);
        /* GNU: a numeric start line that was skipped (n, N, D) still opens the range once */
        if (!r && c->a1.type == AD_LINE && !c->range_done && lineno > c->a1.n1 &&
            !(c->a2.type == AD_LINE && lineno > c->a2.n1))
            r = 1;
        if (r) {
            c->range_done = 1;
            switch (c->a2.type) {
            case AD_LINE: c->in_range = c->a2.n1 > lineno; break;
            case AD_PLUS: c->range_end = lineno + c->a2.n1; c->in_range = c->a2.n1 > 0; break;
            case AD_MULT: c->in_range = c->a2.n1 > 0 && lineno % c->a2.n1 != 0; break;
            case AD_LAST: c->in_range = !is_last; break;
            default: c->in_range = 1; break;
            }
        }
    } else {
        r = 1;
        switch (c->a2.type) {
        case AD_LINE:
            if (lineno >= c->a2.n1) c->in_range = 0;
            if (lineno > c->a2.n1) r = 0, c->in_range = 0, r = addr_match(&c->a1) ? selected(c) : 0;
            break;
        case AD_PLUS: if (lineno >= c->range_end) c->in_range = 0; break;
        case AD_MULT: if (lineno % c->a2.n1 == 0) c->in_range = 0; break;
        case AD_LAST: if (is_last) c->in_range = 0; break;
        case AD_RE: if (match_re(c->a2.re)) c->in_range = 0; break;
        }
    }
    return r != c->neg;
}

static void do_l(long width) {
    if (width < 0) width = 70;
    tu_str o = {0};
    tu_sadd(&o, "", 0);
    size_t col = 0;
    for (size_t i = 0; i < ps.len; i++) {
        unsigned char ch = ps.s[i];
        char t[8];
        int k;
        switch (ch) {
        case '\\': k = sprintf(t, "\\\\"); break;
        case '\a': k = sprintf(t, "\\a"); break;
        case '\b': k = sprintf(t, "\\b"); break;
        case '\f': k = sprintf(t, "\\f"); break;
        case '\n': k = sprintf(t, "\\n"); break;
        case '\r': k = sprintf(t, "\\r"); break;
        case '\t': k = sprintf(t, "\\t"); break;
        case '\v': k = sprintf(t, "\\v"); break;
        default:
            if (isprint(ch)) t[0] = ch, k = 1;
            else k = sprintf(t, "\\%03o", ch);
        }
        if (width > 1 && col + k > (size_t)width - 1) {
            tu_sadd(&o, "\\\n", 2);
            col = 0;
        }
        tu_sadd(&o, t, k);
        col += k;
    }
    tu_sadd(&o, "$", 1);
    out_line(out, o.s, o.len, 1);
    free(o.s);
}

static void case_add(tu_str *b, const char *s, size_t n, int *one, int mode) {
    for (size_t i = 0; i < n; i++) {
        int ch = (unsigned char)s[i];
        if (*one) {
            ch = *one == 'u' ? toupper(ch) : tolower(ch);
            *one = 0;
        } else if (mode == 'U') ch = toupper(ch);
        else if (mode == 'L') ch = tolower(ch);
        tu_sputc(b, ch);
    }
}

static int do_s(cmd_t *c) {
    const rx_t *r = use_re(c->re);
    rx_match_t m[10];
    tu_str res = {0};
    tu_sadd(&res, "", 0);
    size_t pos = 0, copied = 0;
    long count = 0;
    int did = 0;
    long prev_end = -1;
    const char *s = ps.s ? ps.s : "";
    while (pos <= ps.len) {
        if (!rx_exec(r, s, ps.len, pos, 0, m, 10)) break;
        if (m[0].so == m[0].eo && m[0].so == prev_end) {
            /* empty match right after the previous match: skip one character */
            if ((size_t)m[0].so >= ps.len) break;
            pos = m[0].so + 1;
            continue;
        }
        count++;
        if (count >= (c->nth ? c->nth : 1)) {
            tu_sadd(&res, s + copied, m[0].so - copied);
            int one = 0, mode = 0;
            for (int k = 0; k < c->nparts; k++) {
                rpart *p = &c->parts[k];
                if (p->kind == 0) case_add(&res, p->s, p->n, &one, mode);
                else if (p->kind == 1) {
                    if (m[p->grp].so >= 0) case_add(&res, s + m[p->grp].so, m[p->grp].eo - m[p->grp].so, &one, mode);
                } else {
                    if (p->grp == 'u' || p->grp == 'l') one = p->grp;
                    else if (p->grp == 'E') mode = 0, one = 0;
                    else mode = p->grp;
                }
            }
            copied = m[0].eo;
            did = 1;
            if (!c->gflag) break;
        }
        prev_end = m[0].eo;
        if (m[0].eo == m[0].so) {
            if ((size_t)m[0].eo >= ps.len) break;
            pos = m[0].eo + 1;
        } else {
            pos = m[0].eo;
        }
    }
    if (!did) {
        free(res.s);
        return 0;
    }
    tu_sadd(&res, s + copied, ps.len - copied);
    free(ps.s);
    ps = res;
    if (c->pflag) out_line(out, ps.s, ps.len, 1);
    if (c->wf) out_line(c->wf, ps.s, ps.len, 1);
    return 1;
}

static int read_next_line(void); /* loads the next input line into ps; 0 at end */

/* Runs the script over the pattern space. Returns: 0 end of cycle, 1 delete (no autoprint),
 * 2 quit with autoprint, 3 quit without, 4 restart cycle (D) */
static int run_script(void) {
    int tflag = 0;
    for (int pc = 0; pc < ncmds; pc++) {
        cmd_t *c = &cmds[pc];
        if (c->name == '}' || c->name == ':') continue;
        if (!selected(c)) {
            if (c->name == '{') pc = c->jump;
            continue;
        }
        switch (c->name) {
        case '{': break;
        case '=': {
            char t[32];
            int k = snprintf(t, sizeof t, "%ld", lineno);
            out_line(out, t, k, 1);
            break;
        }
        case 'a':
            if (c->tlen) queue_text(c->text, c->tlen);
            else append_touch = 1;
            break;
        case 'i': out_line(out, c->text, c->tlen, 1); break;
        case 'c':
            if (c->naddr < 2 || c->neg || !c->in_range) out_line(out, c->text, c->tlen, 1);
            return 1;
        case 'd': return 1;
        case 'D': {
            char *nl = ps.s ? memchr(ps.s, '\n', ps.len) : NULL;
            if (!nl) return 1;
            size_t k = nl - ps.s + 1;
            memmove(ps.s, ps.s + k, ps.len - k);
            ps.len -= k;
            return 4;
        }
        case 'g': ps.len = 0; tu_sadd(&ps, hs.s ? hs.s : "", hs.len); break;
        case 'G': tu_sputc(&ps, '\n'); tu_sadd(&ps, hs.s ? hs.s : "", hs.len); break;
        case 'h': hs.len = 0; tu_sadd(&hs, ps.s ? ps.s : "", ps.len); break;
        case 'H': tu_sputc(&hs, '\n'); tu_sadd(&hs, ps.s ? ps.s : "", ps.len); break;
        case 'x': { tu_str t = ps; ps = hs; hs = t; if (!ps.s) tu_sadd(&ps, "", 0); break; }
        case 'l': do_l(c->num); break;
        case 'n':
            if (quitting >= 0) return 2;
            if (is_last && !la_valid) {
                /* GNU: no next line -> autoprint and exit */
                return 2;
            }
            if (!nflag) out_line(out, ps.s, ps.len, ps_nl);
            flush_append();
            if (!read_next_line()) return 3;
            break;
        case 'N':
            if (is_last && !la_valid) {
                return 2;
            }
            flush_append();
            {
                tu_str keep = ps;
                ps.s = NULL, ps.len = ps.cap = 0;
                if (!read_next_line()) {
                    ps = keep;
                    return 2;
                }
                tu_str joined = keep;
                tu_sputc(&joined, '\n');
                tu_sadd(&joined, ps.s, ps.len);
                free(ps.s);
                ps = joined;
            }
            break;
        case 'p': out_line(out, ps.s, ps.len, 1); break;
        case 'P': {
            char *nl = ps.s ? memchr(ps.s, '\n', ps.len) : NULL;
            out_line(out, ps.s, nl ? (size_t)(nl - ps.s) : ps.len, 1);
            break;
        }
        case 'q': quitting = c->num < 0 ? 0 : c->num; return 2;
        case 'Q': quitting = c->num < 0 ? 0 : c->num; return 3;
        case 'z': ps.len = 0; break;
        case 'F': out_line(out, strcmp(cur_name, "-") ? cur_name : "-", strlen(cur_name), 1); break;
        case 'r': queue_file(c->text); break;
        case 'R': break;
        case 'w': out_line(c->wf, ps.s, ps.len, 1); break;
        case 'W': {
            char *nl = ps.s ? memchr(ps.s, '\n', ps.len) : NULL;
            out_line(c->wf, ps.s, nl ? (size_t)(nl - ps.s) : ps.len, 1);
            break;
        }
        case 's': if (do_s(c)) tflag = 1; break;
        case 'y':
            for (size_t k = 0; k < ps.len; k++) ps.s[k] = c->ymap[(unsigned char)ps.s[k]];
            break;
        case 'b': pc = c->jump - 1; break;
        case 't': if (tflag) { tflag = 0; pc = c->jump - 1; } break;
        case 'T': if (!tflag) pc = c->jump - 1; else tflag = 0; break;
        }
    }
    return 0;
}

static void begin_output_file(void) {
    if (!inplace) return;
    const char *name = files[fidx];
    size_t n = strlen(name);
    tmp_name = tu_xmalloc(n + 16);
    snprintf(tmp_name, n + 16, "%s.sedXXXXXX", name);
    strcpy(tmp_name + n, ".sedtmp");
    FILE *f = fopen(tmp_name, "w");
    if (!f) cu_error(4, errno, "couldn't open temporary file %s", tmp_name);
    out = f;
    missing_nl = 0;
}

static void end_output_file(void) {
    if (!inplace || out == stdout || !tmp_name) return;
    fclose(out);
    const char *name = files[fidx];
    struct stat st;
    if (stat(name, &st) == 0) se_chmod(tmp_name, st.st_mode & 07777);
    if (suffix && *suffix) {
        char *bak;
        if (strchr(suffix, '*')) {
            tu_str b = {0};
            const char *base = strrchr(name, '/');
            base = base ? base + 1 : name;
            for (const char *s = suffix; *s; s++) {
                if (*s == '*') tu_sadd(&b, base, strlen(base));
                else tu_sputc(&b, *s);
            }
            bak = b.s;
        } else {
            bak = tu_xmalloc(strlen(name) + strlen(suffix) + 1);
            strcpy(bak, name);
            strcat(bak, suffix);
        }
        rename(name, bak);
        free(bak);
    }
    rename(tmp_name, name);
    free(tmp_name);
    tmp_name = NULL;
    out = stdout;
}

static int cur_file_of_la;

/* Loads the next input line into ps, maintaining the lookahead for `$`. */
static int read_next_line(void) {
    int per_file = inplace || sep_files;
    if (!la_valid) {
        if (per_file && cur_fd < 0) {
            /* move to the next file */
            if (fidx >= 0) end_output_file();
            if (!open_next_file()) return 0;
            begin_output_file();
            cur_name = files[fidx];
            lineno = 0;
            for (int k = 0; k < ncmds; k++) cmds[k].range_done = 0;
            if (!fetch(1)) {
                /* empty file: try the next */
                return read_next_line();
            }
        } else if (!fetch(per_file)) {
            return 0;
        }
        if (!per_file) cur_name = fidx >= 0 ? files[fidx] : "-";
        la_valid = 1;
    }
    ps.len = 0;
    tu_sadd(&ps, la.s, la.len);
    ps_nl = la_nl;
    cur_file_of_la = fidx;
    lineno++;
    la_valid = fetch(per_file);
    is_last = !la_valid;
    if (per_file && !la_valid) {
        /* the file ended: close it so the next read moves on */
        if (cur_fd >= 0) {
            tu_rfree(&rd);
            tu_close(cur_fd);
            cur_fd = -1;
        }
        if (sep_files || inplace) {
            /* `$` is the last line of each file */
        }
    }
    return 1;
}

int sed_main(int argc, char **argv) {
    cu_init(argc, argv);
    static const struct option lopts[] = {
        {"quiet", 0, 0, 'n'}, {"silent", 0, 0, 'n'}, {"expression", 1, 0, 'e'}, {"file", 1, 0, 'f'},
        {"regexp-extended", 0, 0, 'E'}, {"in-place", 2, 0, 'i'}, {"separate", 0, 0, 's'},
        {"null-data", 0, 0, 'z'}, {"unbuffered", 0, 0, 'u'}, {"posix", 0, 0, 1}, {"debug", 0, 0, 2},
        {"line-length", 1, 0, 'l'}, {"sandbox", 0, 0, 3}, {"follow-symlinks", 0, 0, 4}, {0, 0, 0, 0}};
    tu_str script = {0};
    int have_script = 0, nfile_scripts = 0, c;
    while ((c = getopt_long(argc, argv, "ne:f:Eri::szul:", lopts, NULL)) != -1) {
        switch (c) {
        case 'n': nflag = 1; break;
        case 'e':
            if (have_script) tu_sputc(&script, '\n');
            expr_start = tu_xrealloc(expr_start, (nexpr + 1) * sizeof(size_t));
            expr_start[nexpr++] = script.len;
            tu_sadd(&script, optarg, strlen(optarg));
            have_script = 1;
            break;
        case 'f': {
            int fd = strcmp(optarg, "-") ? open(optarg, O_RDONLY) : 0;
            char *d = NULL;
            size_t n = 0;
            if (fd < 0 || tu_slurp(fd, &d, &n) < 0) cu_error(4, errno, "couldn't open file %s", optarg);
            if (fd > 0) close(fd);
            if (n && d[n - 1] == '\n') n--;
            if (have_script) tu_sputc(&script, '\n');
            expr_start = tu_xrealloc(expr_start, (nexpr + 1) * sizeof(size_t));
            expr_start[nexpr++] = script.len;
            tu_sadd(&script, d, n);
            free(d);
            have_script = 1;
            nfile_scripts++;
            script_file = optarg;
            break;
        }
        case 'E': case 'r': ere = 1; break;
        case 'i': inplace = 1; suffix = optarg; sep_files = 1; break;
        case 's': sep_files = 1; break;
        case 'z': zflag = 1; delim_char = 0; break;
        case 'u': unbuffered = 1; break;
        case 'l': case 2: case 3: case 4: break;
        case 1: dbg_posix = 1; break;
        default: cu_usage_error(1, NULL);
        }
    }
    if (nfile_scripts != 1 || nexpr != 1) script_file = NULL;
    if (!have_script) {
        if (optind >= argc) cu_usage_error(1, NULL);
        expr_start = tu_xmalloc(sizeof(size_t));
        expr_start[nexpr++] = 0;
        tu_sadd(&script, argv[optind], strlen(argv[optind]));
        optind++;
    }
    S = script.s ? script.s : "";
    SL = script.len;
    parse_script();
    static char *stdin_arg[] = {"-"};
    files = optind < argc ? argv + optind : stdin_arg;
    nfiles = optind < argc ? argc - optind : 1;
    if (inplace && optind >= argc) cu_error(1, 0, "no input files");
    out = stdout;
    tu_out_init();
    if (unbuffered) tu_out_linebuf();
    int restart = 0;
    for (;;) {
        if (!restart) {
            if (!read_next_line()) break;
        }
        restart = 0;
        int r = run_script();
        if (r == 4) {
            /* D: start the next cycle without reading if pattern space is not empty */
            if (!nflag) {}
            flush_append();
            restart = 1;
            continue;
        }
        if ((r == 0 || r == 2) && !nflag) out_line(out, ps.s, ps.len, ps_nl);
        flush_append();
        if (r == 2 || r == 3) {
            if (quitting < 0) quitting = 0;
            break;
        }
    }
    if (inplace) {
        /* copy the rest of a file cut short by q */
        end_output_file();
    }
    for (int i = 0; i < nwfiles; i++) fclose(wfiles[i].f);
    if (fflush(stdout) != 0) cu_error(4, errno, "couldn't flush stdout");
    if (quitting > 0) return quitting;
    return status;
}

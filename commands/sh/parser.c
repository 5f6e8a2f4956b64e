/* parser.c — tokenizer and recursive-descent parser producing the AST of sh.h.
 * Words are kept raw (quotes included); expand.c interprets them at run time. */
#include "sh.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { T_EOF, T_NL, T_WORD, T_SEMI, T_DSEMI, T_AMP, T_AND, T_PIPE, T_OR, T_LP, T_RP, T_LESS, T_GREAT,
       T_DGREAT, T_CLOBBER, T_LESSGREAT, T_LESSAND, T_GREATAND, T_DLESS, T_DLESSDASH };
static const char *tok_text[] = {"end of file", "newline", "", ";", ";;", "&", "&&", "|", "||", "(", ")",
                                 "<", ">", ">>", ">|", "<>", "<&", ">&", "<<", "<<-"};

typedef struct {
    int t, quoted, ionum, line;
    char *w;
} Tok;

int parse_error, parse_noalias, parse_quiet;
const char *parse_prefix = "";
static Input *in;
static Tok tok;
static int have, cmdpos;
static size_t alias_next; /* a word starting at or after this position is checked too (+1) */
static Redir *pending[64];
static int npending;
static struct {
    char *name;
    size_t end;
} active[32];
static int nactive;

/* ---- input ---- */
void input_init_string(Input *i, const char *s, int line) {
    memset(i, 0, sizeof *i);
    i->len = strlen(s);
    i->cap = i->len + 1;
    i->buf = xmalloc(i->cap);
    memcpy(i->buf, s, i->len + 1);
    i->fd = -1;
    i->eof = 1;
    i->lineno = line;
}
void input_init_fd(Input *i, int fd) {
    memset(i, 0, sizeof *i);
    i->cap = 4096;
    i->buf = xmalloc(i->cap);
    i->fd = fd;
    i->lineno = 1;
}
static int refill(void) {
    if (in->eof) return 0;
    if (in->cap - in->len < 4097) {
        in->cap = in->cap * 2 + 4097;
        in->buf = xrealloc(in->buf, in->cap);
    }
    ssize_t n;
    do n = read(in->fd, in->buf + in->len, 4096);
    while (n < 0 && errno == EINTR);
    if (n <= 0) {
        in->eof = 1;
        return 0;
    }
    in->len += (size_t)n;
    return 1;
}
static int pc(void) {
    while (in->pos >= in->len)
        if (!refill()) return -1;
    return (unsigned char)in->buf[in->pos];
}
static int pc2(void) { /* char after the next */
    while (in->pos + 1 >= in->len)
        if (!refill()) return -1;
    return (unsigned char)in->buf[in->pos + 1];
}
static int gc(void) {
    int c = pc();
    if (c >= 0) {
        in->pos++;
        if (c == '\n') in->lineno++;
    }
    return c;
}

static void syntax(const char *fmt, const char *a, const char *b) {
    if (parse_error) return;
    parse_error = 1;
    if (parse_quiet) return;
    char msg[512];
    snprintf(msg, sizeof msg, fmt, a, b);
    lineno = in->lineno;
    sh_error("%sSyntax error: %s", parse_prefix, msg);
}

/* ---- words ---- */
static Node *p_list(int);
static int lex_part(Str *b, int mode, int *quoted);

/* $( ... ): parse the inner list to find its end, append the raw text */
static int lex_cmdsubst(Str *b) {
    Tok st = tok;
    int sh_ = have, sc = cmdpos;
    size_t start = in->pos;
    have = 0;
    cmdpos = 1;
    Node *n = p_list(1);
    (void)n;
    int ok = !parse_error;
    if (ok && !(have && tok.t == T_RP)) {
        if (!have || tok.t == T_EOF) syntax("end of file unexpected (expecting \")\")", 0, 0);
        else syntax("\"%s\" unexpected (expecting \")\")", tok.t == T_WORD ? tok.w : tok_text[tok.t], 0);
        ok = 0;
    }
    if (ok) str_addn(b, in->buf + start, in->pos - start); /* includes ')' */
    tok = st;
    have = sh_;
    cmdpos = sc;
    return ok ? 0 : -1;
}

static int lex_dollar(Str *b, int *quoted) {
    gc();
    str_addc(b, '$');
    int c = pc();
    if (c == '{') {
        int line = in->lineno;
        str_addc(b, (char)gc());
        if (lex_part(b, '}', quoted) < 0) {
            if (!parse_error) {
                int cur = in->lineno;
                in->lineno = line;
                syntax("Missing '}'", 0, 0);
                in->lineno = cur;
            }
            return -2;
        }
        return 0;
    }
    if (c == '(' && pc2() == '(') { /* arithmetic: balance parens */
        gc(), gc();
        str_adds(b, "((");
        int depth = 0;
        for (;;) {
            c = gc();
            if (c < 0) return -1;
            if (c == '\\' && pc() == '\n') { gc(); continue; }
            if (c == '(') depth++;
            if (c == ')') {
                if (depth == 0 && pc() == ')') {
                    gc();
                    str_adds(b, "))");
                    return 0;
                }
                depth--;
            }
            str_addc(b, (char)c);
        }
    }
    if (c == '(') {
        str_addc(b, (char)gc());
        return lex_cmdsubst(b);
    }
    if (c == '\'') { /* $'...' */
        *quoted = 1;
        str_addc(b, (char)gc());
        for (;;) {
            c = gc();
            if (c < 0) return -1;
            str_addc(b, (char)c);
            if (c == '\\') {
                c = gc();
                if (c < 0) return -1;
                str_addc(b, (char)c);
            } else if (c == '\'')
                return 0;
        }
    }
    return 0;
}

static int lex_backquote(Str *b) {
    str_addc(b, (char)gc());
    for (;;) {
        int c = gc();
        if (c < 0) return -1;
        if (c == '\\') {
            int d = gc();
            if (d < 0) return -1;
            if (d == '\n') continue;
            str_addc(b, '\\');
            str_addc(b, (char)d);
            continue;
        }
        str_addc(b, (char)c);
        if (c == '`') return 0;
    }
}

/* mode 0: plain word; '"': inside double quotes; '}': inside ${ } */
static int lex_part(Str *b, int mode, int *quoted) {
    for (;;) {
        int c = pc();
        if (c < 0) return mode ? -1 : 0;
        if (mode == 0 && strchr(" \t\n;&|<>()", c)) return 0;
        if (mode == '"' && c == '"') return 0;
        if (mode == '}' && c == '}') {
            str_addc(b, (char)gc());
            return 0;
        }
        if (c == '\\') {
            gc();
            int d = gc();
            if (d == '\n') continue;
            if (d < 0) {
                str_addc(b, '\\');
                return mode ? -1 : 0;
            }
            *quoted = 1;
            str_addc(b, '\\');
            str_addc(b, (char)d);
            continue;
        }
        if (c == '\'' && mode != '"') {
            *quoted = 1;
            str_addc(b, (char)gc());
            for (;;) {
                c = gc();
                if (c < 0) return -1;
                str_addc(b, (char)c);
                if (c == '\'') break;
            }
            continue;
        }
        if (c == '"') {
            *quoted = 1;
            str_addc(b, (char)gc());
            if (lex_part(b, '"', quoted) < 0) return -1;
            str_addc(b, (char)gc());
            continue;
        }
        if (c == '$') {
            if (lex_dollar(b, quoted) < 0) return -1;
            continue;
        }
        if (c == '`') {
            if (lex_backquote(b) < 0) return -1;
            continue;
        }
        str_addc(b, (char)gc());
    }
}

static char *dequote(const char *w) {
    Str b = {0};
    for (; *w; w++) {
        if (*w == '\\' && w[1]) str_addc(&b, *++w);
        else if (*w != '\'' && *w != '"') str_addc(&b, *w);
    }
    return str_take(&b);
}

static void read_heredocs(void) {
    for (int k = 0; k < npending; k++) {
        Redir *r = pending[k];
        int strip = r->fd < 0;
        if (strip) r->fd = 0;
        Str body = {0};
        for (;;) {
            Str line = {0};
            int c, any = 0;
            while ((c = gc()) >= 0 && c != '\n') {
                any = 1;
                if (strip && c == '\t' && line.len == 0) continue;
                str_addc(&line, (char)c);
            }
            char *l = str_take(&line);
            if (!strcmp(l, r->word) || (c < 0 && !any)) {
                free(l);
                break;
            }
            str_adds(&body, l);
            str_addc(&body, '\n');
            free(l);
            if (c < 0) break;
        }
        r->body = str_take(&body);
    }
    npending = 0;
}

/* replaces the alias name at [from, pos) by its value and rewinds to it */
static void replace_text(size_t from, const char *s) {
    size_t n = strlen(s), old = in->pos - from;
    if (in->len + n + 1 > in->cap) {
        in->cap = in->len + n + 4096;
        in->buf = xrealloc(in->buf, in->cap);
    }
    memmove(in->buf + from + n, in->buf + in->pos, in->len - in->pos);
    memcpy(in->buf + from, s, n);
    in->len = in->len - old + n;
    for (int i = 0; i < nactive; i++)
        if (active[i].end >= in->pos) active[i].end = active[i].end - old + n;
    in->pos = from;
}

static void lex(void) {
again:
    while (nactive && in->pos >= active[nactive - 1].end) nactive--;
    free(tok.w);
    memset(&tok, 0, sizeof tok);
    int c;
    for (;;) {
        c = pc();
        if (c == ' ' || c == '\t') gc();
        else if (c == '\\' && pc2() == '\n') gc(), gc();
        else break;
    }
    tok.line = in->lineno;
    if (c == '#') {
        while ((c = pc()) >= 0 && c != '\n') gc();
    }
    if (c < 0) {
        tok.t = T_EOF;
        return;
    }
    if (c == '\n') {
        gc();
        tok.t = T_NL;
        if (npending) read_heredocs();
        return;
    }
    if (strchr(";&|<>()", c)) {
        gc();
        int d = pc();
        switch (c) {
        case ';': tok.t = d == ';' ? (gc(), T_DSEMI) : T_SEMI; break;
        case '&': tok.t = d == '&' ? (gc(), T_AND) : T_AMP; break;
        case '|': tok.t = d == '|' ? (gc(), T_OR) : T_PIPE; break;
        case '(': tok.t = T_LP; break;
        case ')': tok.t = T_RP; break;
        case '>':
            tok.t = d == '>' ? (gc(), T_DGREAT) : d == '|' ? (gc(), T_CLOBBER) : d == '&' ? (gc(), T_GREATAND) : T_GREAT;
            break;
        case '<':
            if (d == '<') {
                gc();
                tok.t = pc() == '-' ? (gc(), T_DLESSDASH) : T_DLESS;
            } else
                tok.t = d == '>' ? (gc(), T_LESSGREAT) : d == '&' ? (gc(), T_LESSAND) : T_LESS;
            break;
        }
        return;
    }
    Str b = {0};
    int q = 0;
    size_t wstart = in->pos;
    if (lex_part(&b, 0, &q) < 0) {
        free(b.s);
        syntax("Unterminated quoted string", 0, 0);
        tok.t = T_EOF;
        return;
    }
    tok.t = T_WORD;
    tok.w = str_take(&b);
    tok.quoted = q;
    c = pc();
    if (!q && (c == '<' || c == '>')) {
        char *p = tok.w;
        while (*p >= '0' && *p <= '9') p++;
        if (!*p && p != tok.w) tok.ionum = 1;
    }
    int after_blank = alias_next && wstart + 1 >= alias_next;
    if (after_blank) alias_next = 0;
    if ((cmdpos || after_blank) && !q && !parse_noalias && !in->noalias && !tok.ionum) {
        Alias *a = alias_lookup(tok.w);
        int busy = 0;
        for (int i = 0; a && i < nactive; i++)
            if (!strcmp(active[i].name, a->name)) busy = 1;
        if (a && !busy && nactive < 32) {
            replace_text(wstart, a->value);
            active[nactive].name = a->name;
            active[nactive].end = in->pos + strlen(a->value);
            nactive++;
            size_t vl = strlen(a->value);
            if (vl && (a->value[vl - 1] == ' ' || a->value[vl - 1] == '\t')) alias_next = in->pos + vl + 1;
            goto again;
        }
    }
}

static Tok *peek(void) {
    if (!have) {
        lex();
        have = 1;
    }
    return &tok;
}
static void consume(void) {
    peek();
    have = 0;
    if (tok.t != T_WORD && tok.t < T_LESS) cmdpos = 1;
}
static int is_word(const char *w) {
    peek();
    return tok.t == T_WORD && !tok.quoted && !strcmp(tok.w, w);
}
static void unexpected(void) {
    peek();
    if (tok.t == T_EOF) syntax("end of file unexpected", 0, 0);
    else if (tok.t == T_NL) syntax("newline unexpected", 0, 0);
    else syntax("\"%s\" unexpected", tok.t == T_WORD ? tok.w : tok_text[tok.t], 0);
}
static int expect_word(const char *w) {
    if (parse_error) return -1;
    if (is_word(w)) {
        consume();
        cmdpos = 1;
        return 0;
    }
    if (tok.t == T_EOF) syntax("end of file unexpected (expecting \"%s\")", w, 0);
    else if (tok.t == T_NL) syntax("newline unexpected (expecting \"%s\")", w, 0);
    else syntax("\"%s\" unexpected (expecting \"%s\")", tok.t == T_WORD ? tok.w : tok_text[tok.t], w);
    return -1;
}
static void linebreak(void) {
    cmdpos = 1;
    while (peek()->t == T_NL) consume();
}

static Node *node(int type) {
    Node *n = calloc(1, sizeof *n);
    n->type = type;
    n->lineno = tok.line ? tok.line : in->lineno;
    return n;
}

static int is_terminator(void) {
    static const char *terms[] = {"then", "else", "elif", "fi", "do", "done", "esac", "}", 0};
    peek();
    if (tok.t == T_EOF || tok.t == T_RP || tok.t == T_DSEMI) return 1;
    if (tok.t != T_WORD || tok.quoted) return 0;
    for (int i = 0; terms[i]; i++)
        if (!strcmp(tok.w, terms[i])) return 1;
    return 0;
}

static int is_redir_tok(void) {
    peek();
    return tok.ionum || (tok.t >= T_LESS && tok.t <= T_DLESSDASH);
}

static Redir *p_redir(void) {
    Redir *r = calloc(1, sizeof *r);
    r->fd = -1;
    if (tok.ionum) {
        r->fd = atoi(tok.w);
        consume();
        peek();
    }
    int t = tok.t;
    consume();
    static const int map[] = {R_IN, R_OUT, R_APPEND, R_CLOBBER, R_RDWR, R_DUPIN, R_DUPOUT, R_HEREDOC, R_HEREDOC};
    r->type = map[t - T_LESS];
    if (r->fd < 0) r->fd = (r->type == R_IN || r->type == R_RDWR || r->type == R_DUPIN || r->type == R_HEREDOC) ? 0 : 1;
    int sc = cmdpos;
    cmdpos = 0;
    peek();
    cmdpos = sc;
    if (tok.t != T_WORD) {
        unexpected();
        return NULL;
    }
    if (r->type == R_HEREDOC) {
        r->word = dequote(tok.w);
        r->hd_quoted = tok.quoted;
        if (t == T_DLESSDASH) r->fd = -1 - r->fd; /* marks tab stripping until read */
        if (npending < 64) pending[npending++] = r;
    } else
        r->word = xstrdup(tok.w);
    consume();
    return r;
}

static void add_redirs(Node *n) {
    Redir **tail = &n->redirs;
    while (*tail) tail = &(*tail)->next;
    while (!parse_error && is_redir_tok()) {
        Redir *r = p_redir();
        if (!r) return;
        *tail = r;
        tail = &r->next;
    }
}

static Node *p_pipeline(void);
static Node *p_command(void);

static Node *p_andor(void) {
    Node *l = p_pipeline();
    while (l && !parse_error) {
        peek();
        if (tok.t != T_AND && tok.t != T_OR) break;
        Node *n = node(tok.t == T_AND ? N_AND : N_OR);
        consume();
        linebreak();
        n->a = l;
        n->b = p_pipeline();
        if (!n->b) return NULL;
        l = n;
    }
    return parse_error ? NULL : l;
}

/* compound list (inner=1) or a top-level line (inner=0) */
static Node *p_list(int inner) {
    if (inner) linebreak();
    Node *res = NULL, **slot = &res;
    for (;;) {
        cmdpos = 1;
        if (inner && is_terminator()) break;
        Node *c = p_andor();
        if (!c || parse_error) return NULL;
        peek();
        if (tok.t == T_AMP) {
            Node *bg = node(N_BG);
            bg->a = c;
            c = bg;
        }
        if (!*slot) *slot = c;
        else {
            Node *s = node(N_SEQ);
            s->a = *slot;
            s->b = c;
            *slot = s;
            slot = &s->b;
        }
        if (tok.t == T_SEMI || tok.t == T_AMP) {
            consume();
            if (!inner) {
                peek();
                if (tok.t == T_NL || tok.t == T_EOF) break;
                continue;
            }
        } else if (tok.t == T_NL && inner) {
        } else
            break;
        if (inner) linebreak();
    }
    return res;
}

static Node *p_pipeline(void) {
    int neg = 0;
    cmdpos = 1;
    if (is_word("!")) {
        consume();
        neg = 1;
    }
    Node *c = p_command();
    if (!c) return NULL;
    peek();
    if (tok.t == T_PIPE) {
        Node *p = node(N_PIPE);
        p->cmds = xmalloc(sizeof(Node *) * 2);
        p->cmds[0] = c;
        p->ncmds = 1;
        while (peek()->t == T_PIPE) {
            consume();
            linebreak();
            Node *s = p_command();
            if (!s) return NULL;
            p->cmds = xrealloc(p->cmds, sizeof(Node *) * (size_t)(p->ncmds + 1));
            p->cmds[p->ncmds++] = s;
        }
        c = p;
    }
    if (neg) {
        Node *n = node(N_NOT);
        n->a = c;
        c = n;
    }
    return c;
}

/* a compound list that must be followed by the reserved word `want` */
static Node *p_body(const char *want) {
    linebreak();
    if (is_terminator() && !parse_error) {
        if (tok.t == T_EOF) syntax("end of file unexpected (expecting \"%s\")", want, 0);
        else unexpected();
        return NULL;
    }
    Node *n = p_list(1);
    return parse_error ? NULL : n;
}

static void push_word(char ***v, int *n, const char *w) {
    *v = xrealloc(*v, sizeof(char *) * (size_t)(*n + 2));
    (*v)[(*n)++] = xstrdup(w);
    (*v)[*n] = NULL;
}

static Node *p_case(void) {
    Node *n = node(N_CASE);
    consume();
    cmdpos = 0;
    if (peek()->t != T_WORD) {
        unexpected();
        return NULL;
    }
    n->name = xstrdup(tok.w);
    consume();
    linebreak();
    if (expect_word("in")) return NULL;
    CaseItem **tail = &n->items;
    for (;;) {
        linebreak();
        cmdpos = 0;
        if (is_word("esac")) break;
        CaseItem *it = calloc(1, sizeof *it);
        if (peek()->t == T_LP) consume();
        for (;;) {
            cmdpos = 0;
            if (peek()->t != T_WORD) {
                unexpected();
                return NULL;
            }
            push_word(&it->pats, &it->npats, tok.w);
            consume();
            if (peek()->t == T_PIPE) {
                consume();
                continue;
            }
            if (tok.t != T_RP) {
                unexpected();
                return NULL;
            }
            consume();
            break;
        }
        linebreak();
        if (peek()->t != T_DSEMI && !is_word("esac")) {
            it->body = p_list(1);
            if (parse_error) return NULL;
        }
        *tail = it;
        tail = &it->next;
        if (peek()->t == T_DSEMI) {
            consume();
            continue;
        }
        linebreak();
        if (!is_word("esac")) {
            if (tok.t == T_EOF) syntax("end of file unexpected (expecting \";;\")", 0, 0);
            else unexpected();
            return NULL;
        }
        break;
    }
    consume();
    cmdpos = 0;
    return n;
}

static Node *p_compound(void) {
    Node *n = NULL;
    peek();
    if (tok.t == T_LP) {
        n = node(N_SUBSHELL);
        consume();
        n->a = p_body(")");
        if (!n->a) return NULL;
        if (peek()->t != T_RP) {
            if (tok.t == T_EOF) syntax("end of file unexpected (expecting \")\")", 0, 0);
            else unexpected();
            return NULL;
        }
        consume();
    } else if (is_word("{")) {
        n = node(N_GROUP);
        consume();
        n->a = p_body("}");
        if (!n->a || expect_word("}")) return NULL;
    } else if (is_word("if")) {
        n = node(N_IF);
        consume();
        Node *cur = n;
        for (;;) {
            cur->a = p_body("then");
            if (!cur->a || expect_word("then")) return NULL;
            cur->b = p_body("fi");
            if (!cur->b) return NULL;
            if (is_word("elif")) {
                Node *e = node(N_IF);
                consume();
                cur->c = e;
                cur = e;
                continue;
            }
            if (is_word("else")) {
                consume();
                cur->c = p_body("fi");
                if (!cur->c) return NULL;
            }
            if (expect_word("fi")) return NULL;
            break;
        }
    } else if (is_word("while") || is_word("until")) {
        n = node(is_word("while") ? N_WHILE : N_UNTIL);
        consume();
        n->a = p_body("do");
        if (!n->a || expect_word("do")) return NULL;
        n->b = p_body("done");
        if (!n->b || expect_word("done")) return NULL;
    } else if (is_word("for")) {
        n = node(N_FOR);
        consume();
        cmdpos = 0;
        if (peek()->t != T_WORD || !valid_name(tok.w, strlen(tok.w))) {
            if (tok.t == T_WORD) syntax("Bad for loop variable", 0, 0);
            else unexpected();
            return NULL;
        }
        n->name = xstrdup(tok.w);
        consume();
        cmdpos = 0;
        linebreak();
        cmdpos = 0;
        if (is_word("in")) {
            consume();
            n->has_in = 1;
            while (peek()->t == T_WORD) {
                push_word(&n->words, &n->nwords, tok.w);
                consume();
            }
            if (tok.t != T_SEMI && tok.t != T_NL) {
                unexpected();
                return NULL;
            }
            consume();
        } else if (peek()->t == T_SEMI)
            consume();
        linebreak();
        if (expect_word("do")) return NULL;
        n->b = p_body("done");
        if (!n->b || expect_word("done")) return NULL;
    } else if (is_word("case")) {
        n = p_case();
        if (!n) return NULL;
    } else
        return NULL;
    cmdpos = 0;
    add_redirs(n);
    return parse_error ? NULL : n;
}

static int is_assignment(const char *w) {
    const char *e = strchr(w, '=');
    return e && e != w && valid_name(w, (size_t)(e - w));
}

static Node *p_command(void) {
    cmdpos = 1;
    peek();
    if (parse_error) return NULL;
    if (tok.t == T_LP || is_word("{") || is_word("if") || is_word("while") || is_word("until") ||
        is_word("for") || is_word("case"))
        return p_compound();
    if (tok.t == T_WORD && !tok.quoted) {
        static const char *bad[] = {"then", "else", "elif", "fi", "do", "done", "esac", "}", "in", 0};
        for (int i = 0; bad[i]; i++)
            if (!strcmp(tok.w, bad[i]) && strcmp(bad[i], "in")) {
                unexpected();
                return NULL;
            }
    }
    Node *n = node(N_SIMPLE);
    Redir **rt = &n->redirs;
    for (;;) {
        peek();
        if (parse_error) return NULL;
        if (is_redir_tok()) {
            Redir *r = p_redir();
            if (!r) return NULL;
            *rt = r;
            rt = &r->next;
        } else if (tok.t == T_WORD) {
            if (n->nwords == 0 && is_assignment(tok.w)) {
                push_word(&n->assigns, &n->nassigns, tok.w);
                consume();
                continue;
            }
            push_word(&n->words, &n->nwords, tok.w);
            cmdpos = 0;
            consume();
            if (n->nwords == 1 && n->nassigns == 0 && !n->redirs && peek()->t == T_LP) {
                /* function definition */
                consume();
                if (peek()->t != T_RP) {
                    if (tok.t == T_EOF) syntax("end of file unexpected (expecting \")\")", 0, 0);
                    else if (tok.t == T_NL) syntax("newline unexpected (expecting \")\")", 0, 0);
                    else syntax("word unexpected (expecting \")\")", 0, 0);
                    return NULL;
                }
                consume();
                if (!valid_name(n->words[0], strlen(n->words[0]))) {
                    syntax("Bad function name", 0, 0);
                    return NULL;
                }
                linebreak();
                Node *f = node(N_FUNC);
                f->name = n->words[0];
                f->a = p_command();
                if (!f->a) {
                    if (!parse_error) unexpected();
                    return NULL;
                }
                return f;
            }
        } else
            break;
    }
    if (!n->nwords && !n->nassigns && !n->redirs) {
        unexpected();
        return NULL;
    }
    return n;
}

static Node *parse_line(Input *i, int *eof);
Node *parse_command_line(Input *i, int *eof) {
    size_t start = i->pos;
    Node *n = parse_line(i, eof);
    if (opts[O_VERBOSE] && i->fd >= 0 && i->pos > start) xwrite(2, i->buf + start, i->pos - start);
    return n;
}
static Node *parse_line(Input *i, int *eof) {
    in = i;
    parse_error = 0;
    have = 0;
    npending = 0;
    nactive = 0;
    *eof = 0;
    for (;;) {
        cmdpos = 1;
        peek();
        if (parse_error) return NULL;
        if (tok.t == T_EOF) {
            *eof = 1;
            have = 0;
            return NULL;
        }
        if (tok.t != T_NL) break;
        consume();
    }
    Node *n = p_list(0);
    if (parse_error) return NULL;
    peek();
    if (tok.t == T_NL) consume();
    else if (tok.t == T_EOF) *eof = 1;
    else {
        unexpected();
        return NULL;
    }
    have = 0;
    return n;
}

Node *parse_string(const char *s, int line) {
    Input i;
    input_init_string(&i, s, line);
    Input *save = in;
    Tok st = tok;
    int sh_ = have;
    memset(&tok, 0, sizeof tok);
    Node *res = NULL, **slot = &res;
    int eof = 0;
    while (!eof) {
        Node *n = parse_command_line(&i, &eof);
        if (parse_error) {
            res = NULL;
            break;
        }
        if (!n) continue;
        if (!*slot) *slot = n;
        else {
            Node *q = node(N_SEQ);
            q->a = *slot;
            q->b = n;
            *slot = q;
            slot = &q->b;
        }
    }
    in = save;
    tok = st;
    have = sh_;
    return res;
}

/* length of the text of "$(...)" after "$(" up to and including the ')' */
size_t parse_subst_len(const char *s) {
    Input i;
    input_init_string(&i, s, lineno);
    Input *save = in;
    Tok st = tok;
    int sh_ = have, sc = cmdpos, pe = parse_error, np = npending;
    memset(&tok, 0, sizeof tok);
    in = &i;
    parse_noalias++;
    Str b = {0};
    lex_cmdsubst(&b);
    parse_noalias--;
    free(b.s);
    size_t n = i.pos;
    free(i.buf);
    in = save;
    tok = st;
    have = sh_;
    cmdpos = sc;
    parse_error = pe;
    npending = np;
    return n;
}

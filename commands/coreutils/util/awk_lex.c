/* awk_lex.c — tokenizer of awk program text. */
#include "awk.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static const struct { const char *name; int tok; } keywords[] = {
    {"BEGIN", TK_BEGIN}, {"END", TK_END}, {"function", TK_FUNCTION}, {"func", TK_FUNCTION},
    {"if", TK_IF}, {"else", TK_ELSE}, {"while", TK_WHILE}, {"for", TK_FOR}, {"do", TK_DO},
    {"break", TK_BREAK}, {"continue", TK_CONTINUE}, {"next", TK_NEXT}, {"nextfile", TK_NEXTFILE},
    {"exit", TK_EXIT}, {"return", TK_RETURN}, {"delete", TK_DELETE}, {"getline", TK_GETLINE},
    {"print", TK_PRINT}, {"printf", TK_PRINTF}, {"in", TK_IN}, {NULL, 0}};

static const struct { const char *name; int id; } builtins[] = {
    {"length", B_LENGTH}, {"substr", B_SUBSTR}, {"index", B_INDEX}, {"split", B_SPLIT},
    {"sub", B_SUB}, {"gsub", B_GSUB}, {"match", B_MATCH}, {"sprintf", B_SPRINTF},
    {"tolower", B_TOLOWER}, {"toupper", B_TOUPPER}, {"sin", B_SIN}, {"cos", B_COS},
    {"atan2", B_ATAN2}, {"exp", B_EXP}, {"log", B_LOG}, {"sqrt", B_SQRT}, {"int", B_INT},
    {"rand", B_RAND}, {"srand", B_SRAND}, {"close", B_CLOSE}, {"fflush", B_FFLUSH},
    {"system", B_SYSTEM}, {NULL, 0}};

void awklex_init(Lexer *lx, Source *srcs, int n) {
    memset(lx, 0, sizeof *lx);
    lx->srcs = srcs;
    lx->nsrcs = n;
    lx->line = 1;
    lx->prev = TK_NEWLINE;
}

static void buf_put(Lexer *lx, char c) {
    if (lx->tlen + 2 > lx->bufcap) {
        lx->bufcap = lx->bufcap ? lx->bufcap * 2 : 256;
        lx->buf = realloc(lx->buf, lx->bufcap);
        if (!lx->buf) awk_fatal("out of memory");
    }
    lx->buf[lx->tlen++] = c;
    lx->buf[lx->tlen] = 0;
}

static int peekc(Lexer *lx, size_t off) {
    Source *s = &lx->srcs[lx->cur];
    return lx->pos + off < s->len ? (unsigned char)s->text[lx->pos + off] : -1;
}

static int regex_allowed(int prev) {
    switch (prev) {
    case TK_NAME: case TK_NUMBER: case TK_STRING: case TK_ERE: case ')': case ']': case '$':
    case TK_BUILTIN: case TK_INCR: case TK_DECR:
        return 0;
    }
    return 1;
}

/* Parses one escape after a backslash at s[*i]; returns the character. */
static int escape_char(const char *s, size_t len, size_t *i) {
    int c = (unsigned char)s[*i];
    (*i)++;
    switch (c) {
    case 'n': return '\n';
    case 't': return '\t';
    case 'r': return '\r';
    case 'a': return '\a';
    case 'b': return '\b';
    case 'f': return '\f';
    case 'v': return '\v';
    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        int v = c - '0';
        for (int k = 0; k < 2 && *i < len && s[*i] >= '0' && s[*i] <= '7'; k++) v = v * 8 + (s[(*i)++] - '0');
        return v & 0xff;
    }
    default: return c;
    }
}

Str *awk_process_escapes(const char *s, size_t len) {
    Str *r = awkstr_alloc(len);
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        if (s[i] == '\\' && i + 1 < len) {
            i++;
            int c = s[i];
            if (c == '"' || c == '/' || c == '\\' || strchr("ntrabfv01234567", c)) r->s[o++] = (char)escape_char(s, len, &i);
            else r->s[o++] = s[i++]; /* unknown escape: the character itself */
        } else {
            r->s[o++] = s[i++];
        }
    }
    r->s[o] = 0;
    r->len = o;
    return r;
}

static int lex1(Lexer *lx) {
    Source *src = &lx->srcs[lx->cur];
    lx->tlen = 0;
    if (lx->buf) lx->buf[0] = 0;
    for (;;) {
        int c = peekc(lx, 0);
        if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') lx->pos++;
        else if (c == '\\' && peekc(lx, 1) == '\n') lx->pos += 2, lx->line++;
        else if (c == '\\' && peekc(lx, 1) == '\r' && peekc(lx, 2) == '\n') lx->pos += 3, lx->line++;
        else if (c == '#') { while (peekc(lx, 0) != -1 && peekc(lx, 0) != '\n') lx->pos++; }
        else break;
    }
    lx->tstart = lx->pos;
    lx->tline = lx->line;
    int c = peekc(lx, 0);
    if (c == -1) {
        if (lx->cur + 1 < lx->nsrcs) {
            lx->cur++;
            lx->pos = 0;
            lx->line = 1;
            return TK_NEWLINE;
        }
        return TK_EOF;
    }
    lx->pos++;
    if (c == '\n') { lx->line++; return TK_NEWLINE; }
    if (isdigit(c) || (c == '.' && isdigit(peekc(lx, 0)))) {
        size_t st = lx->pos - 1;
        lx->pos--;
        while (isdigit(peekc(lx, 0))) lx->pos++;
        if (peekc(lx, 0) == '.') { lx->pos++; while (isdigit(peekc(lx, 0))) lx->pos++; }
        if (peekc(lx, 0) == 'e' || peekc(lx, 0) == 'E') {
            int k = 1;
            if (peekc(lx, 1) == '+' || peekc(lx, 1) == '-') k = 2;
            if (isdigit(peekc(lx, k))) {
                lx->pos += k;
                while (isdigit(peekc(lx, 0))) lx->pos++;
            }
        }
        for (size_t i = st; i < lx->pos; i++) buf_put(lx, src->text[i]);
        lx->num = strtod(lx->buf, NULL);
        return TK_NUMBER;
    }
    if (isalpha(c) || c == '_') {
        buf_put(lx, (char)c);
        while (isalnum(peekc(lx, 0)) || peekc(lx, 0) == '_') buf_put(lx, (char)src->text[lx->pos++]);
        for (int i = 0; keywords[i].name; i++)
            if (strcmp(keywords[i].name, lx->buf) == 0) return keywords[i].tok;
        for (int i = 0; builtins[i].name; i++)
            if (strcmp(builtins[i].name, lx->buf) == 0) { lx->builtin = builtins[i].id; return TK_BUILTIN; }
        return peekc(lx, 0) == '(' ? TK_FUNC_NAME : TK_NAME;
    }
    if (c == '"') {
        for (;;) {
            int d = peekc(lx, 0);
            if (d == -1 || d == '\n') return TK_ERROR;
            lx->pos++;
            if (d == '"') break;
            if (d == '\\') {
                int e = peekc(lx, 0);
                if (e == -1) return TK_ERROR;
                if (e == '\n') { lx->pos++; lx->line++; continue; }
                size_t i = lx->pos;
                if (strchr("\"/\\ntrabfv01234567", e)) {
                    int ch = escape_char(src->text, src->len, &i);
                    buf_put(lx, (char)ch);
                } else {
                    buf_put(lx, (char)e); /* unknown escape: the character itself */
                    i++;
                }
                lx->pos = i;
                continue;
            }
            buf_put(lx, (char)d);
        }
        return TK_STRING;
    }
    if (c == '/' && regex_allowed(lx->prev)) {
        int inbr = 0;
        for (;;) {
            int d = peekc(lx, 0);
            if (d == -1 || d == '\n') return TK_ERROR;
            lx->pos++;
            if (d == '/' && !inbr) break;
            if (d == '[' && !inbr) {
                inbr = 1;
                buf_put(lx, '[');
                if (peekc(lx, 0) == '^') buf_put(lx, (char)src->text[lx->pos++]);
                if (peekc(lx, 0) == ']') buf_put(lx, (char)src->text[lx->pos++]);
                continue;
            }
            if (d == ']' && inbr) inbr = 0;
            if (d == '\\' && peekc(lx, 0) == '/') { buf_put(lx, '/'); lx->pos++; continue; }
            if (d == '\\' && peekc(lx, 0) != -1) { buf_put(lx, '\\'); buf_put(lx, (char)src->text[lx->pos++]); continue; }
            buf_put(lx, (char)d);
        }
        return TK_ERE;
    }
    int n = peekc(lx, 0);
#define TWO(ch, t) if (n == ch) { lx->pos++; return t; }
    switch (c) {
    case '&': TWO('&', TK_AND); return TK_ERROR;
    case '|': TWO('|', TK_OR); return '|';
    case '=': TWO('=', TK_EQ); return '=';
    case '!': TWO('=', TK_NE); TWO('~', TK_NOMATCH); return '!';
    case '<': TWO('=', TK_LE); return '<';
    case '>': TWO('=', TK_GE); TWO('>', TK_APPEND); return '>';
    case '+': TWO('+', TK_INCR); TWO('=', TK_ADD_ASSIGN); return '+';
    case '-': TWO('-', TK_DECR); TWO('=', TK_SUB_ASSIGN); return '-';
    case '*':
        if (n == '*') {
            lx->pos++;
            if (peekc(lx, 0) == '=') { lx->pos++; return TK_POW_ASSIGN; }
            return '^';
        }
        TWO('=', TK_MUL_ASSIGN); return '*';
    case '/': TWO('=', TK_DIV_ASSIGN); return '/';
    case '%': TWO('=', TK_MOD_ASSIGN); return '%';
    case '^': TWO('=', TK_POW_ASSIGN); return '^';
    case '{': case '}': case '(': case ')': case '[': case ']': case ';': case ',': case '?':
    case ':': case '~': case '$':
        return c;
    }
    return TK_ERROR;
#undef TWO
}

int awklex_next(Lexer *lx) {
    int t;
    for (;;) {
        t = lex1(lx);
        /* newlines are insignificant after these tokens */
        if (t == TK_NEWLINE && (lx->prev == ',' || lx->prev == '{' || lx->prev == TK_AND || lx->prev == TK_OR ||
                                lx->prev == TK_DO || lx->prev == TK_ELSE))
            continue;
        break;
    }
    lx->tok = t;
    lx->prev = t;
    lx->text = lx->buf ? lx->buf : "";
    return t;
}

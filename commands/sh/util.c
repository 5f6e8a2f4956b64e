/* util.c — strings, allocation and small output helpers. */
#include "sh.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void *xmalloc(size_t n) {
    void *p = malloc(n ? n : 1);
    if (!p) {
        write(2, "sh: out of memory\n", 18);
        _exit(2);
    }
    return p;
}
void *xrealloc(void *p, size_t n) {
    p = realloc(p, n ? n : 1);
    if (!p) {
        write(2, "sh: out of memory\n", 18);
        _exit(2);
    }
    return p;
}
char *xstrdup(const char *s) { return xstrndup(s, strlen(s)); }
char *xstrndup(const char *s, size_t n) {
    char *p = xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}
void str_addn(Str *b, const char *s, size_t n) {
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2 + 16;
        b->s = xrealloc(b->s, b->cap);
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = 0;
}
void str_addc(Str *b, char c) { str_addn(b, &c, 1); }
void str_adds(Str *b, const char *s) { str_addn(b, s, strlen(s)); }
char *str_take(Str *b) {
    char *s = b->s ? b->s : xstrdup("");
    b->s = NULL;
    b->len = b->cap = 0;
    return s;
}

int xwrite(int fd, const char *s, size_t n) {
    while (n) {
        ssize_t w = write(fd, s, n);
        if (w < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        s += w;
        n -= (size_t)w;
    }
    return 0;
}
void out_str(int fd, const char *s) { xwrite(fd, s, strlen(s)); }

/* dash's quoting: runs of non-quote chars in '...', runs of quotes in "..." */
char *shell_quote(const char *s) {
    Str b = {0};
    do {
        size_t n = strcspn(s, "'");
        str_addc(&b, '\'');
        str_addn(&b, s, n);
        str_addc(&b, '\'');
        s += n;
        if (*s == '\'') {
            n = strspn(s, "'");
            str_addc(&b, '"');
            str_addn(&b, s, n);
            str_addc(&b, '"');
            s += n;
        }
    } while (*s);
    return str_take(&b);
}

int parse_int(const char *s, long long *v) {
    char *e;
    errno = 0;
    const char *p = s;
    while (*p == ' ' || *p == '\t') p++;
    if (!*p) return -1;
    long long x = strtoll(p, &e, 10);
    if (errno || *e) return -1;
    *v = x;
    return 0;
}

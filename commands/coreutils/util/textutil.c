/* textutil.c — see textutil.h. */
#include "textutil.h"
#include "cu.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int tu_open(const char *name) {
    if (strcmp(name, "-") == 0) return 0;
    return open(name, O_RDONLY);
}

void tu_close(int fd) {
    if (fd > 0) close(fd);
}

void tu_rinit(tu_reader *r, int fd) {
    memset(r, 0, sizeof *r);
    r->fd = fd;
    r->cap = TU_BUFSZ;
    r->buf = tu_xmalloc(r->cap);
}

void tu_rfree(tu_reader *r) {
    free(r->buf);
    r->buf = NULL;
}

static int fill(tu_reader *r) {
    if (r->eof) return 0;
    if (r->pos > 0) {
        memmove(r->buf, r->buf + r->pos, r->len - r->pos);
        r->len -= r->pos;
        r->pos = 0;
    }
    if (r->cap - r->len < TU_BUFSZ / 2) {
        r->cap *= 2;
        r->buf = tu_xrealloc(r->buf, r->cap);
    }
    for (;;) {
        ssize_t n = read(r->fd, r->buf + r->len, r->cap - r->len);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            r->err = errno;
            r->eof = 1;
            return -1;
        }
        if (n == 0) {
            r->eof = 1;
            return 0;
        }
        r->len += n;
        return 1;
    }
}

ssize_t tu_getdelim(tu_reader *r, char **line, int delim) {
    size_t scan = r->pos;
    for (;;) {
        char *p = memchr(r->buf + scan, delim, r->len - scan);
        if (p) {
            size_t n = p + 1 - (r->buf + r->pos);
            *line = r->buf + r->pos;
            r->pos += n;
            return n;
        }
        size_t done = r->len - r->pos;
        int f = fill(r);
        scan = r->pos + done;
        if (f <= 0) {
            if (r->len > r->pos) {
                size_t n = r->len - r->pos;
                *line = r->buf + r->pos;
                r->pos = r->len;
                return n;
            }
            return f < 0 ? -1 : 0;
        }
    }
}

ssize_t tu_read(tu_reader *r, char **data) {
    if (r->pos >= r->len) {
        r->pos = r->len = 0;
        int f = fill(r);
        if (f <= 0) return f;
    }
    *data = r->buf + r->pos;
    size_t n = r->len - r->pos;
    r->pos = r->len;
    return n;
}

int tu_slurp(int fd, char **data, size_t *len) {
    size_t cap = TU_BUFSZ, n = 0;
    char *b = tu_xmalloc(cap + 1);
    for (;;) {
        if (cap - n < TU_BUFSZ / 2) {
            cap *= 2;
            b = tu_xrealloc(b, cap + 1);
        }
        ssize_t k = read(fd, b + n, cap - n);
        if (k < 0 && errno == EINTR) continue;
        if (k < 0) {
            int e = errno;
            free(b);
            errno = e;
            return -1;
        }
        if (k == 0) break;
        n += k;
    }
    b[n] = 0;
    *data = b;
    *len = n;
    return 0;
}

void tu_out_init(void) {
    static char obuf[TU_BUFSZ];
    static int done;
    if (done) return;
    done = 1;
    /* interactive output stays line-buffered, like stdio's default */
    setvbuf(stdout, obuf, isatty(1) ? _IOLBF : _IOFBF, sizeof obuf);
}

void tu_out_linebuf(void) {
    tu_out_init();
    setvbuf(stdout, NULL, _IOLBF, 0);
}

static void out_fail(void) {
    cu_error(1, errno, "write error");
}

void tu_write(const void *p, size_t n) {
    if (n && fwrite(p, 1, n, stdout) != n) out_fail();
}

void tu_putc(int c) {
    if (putchar(c) == EOF) out_fail();
}

void tu_puts(const char *s) {
    tu_write(s, strlen(s));
}

int tu_write_fd(int fd, const void *p, size_t n) {
    const char *c = p;
    while (n) {
        ssize_t k = write(fd, c, n);
        if (k < 0 && errno == EINTR) continue;
        if (k < 0) return -1;
        c += k;
        n -= k;
    }
    return 0;
}

void *tu_xmalloc(size_t n) {
    void *p = malloc(n ? n : 1);
    if (!p) cu_error(1, 0, "memory exhausted");
    return p;
}

void *tu_xrealloc(void *p, size_t n) {
    p = realloc(p, n ? n : 1);
    if (!p) cu_error(1, 0, "memory exhausted");
    return p;
}

char *tu_xstrdup(const char *s) {
    return tu_xmemdup(s, strlen(s));
}

char *tu_xmemdup(const void *p, size_t n) {
    char *d = tu_xmalloc(n + 1);
    memcpy(d, p, n);
    d[n] = 0;
    return d;
}

void tu_sadd(tu_str *b, const void *p, size_t n) {
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2 + 16;
        b->s = tu_xrealloc(b->s, b->cap);
    }
    memcpy(b->s + b->len, p, n);
    b->len += n;
    b->s[b->len] = 0;
}

void tu_sputc(tu_str *b, int c) {
    char ch = (char)c;
    tu_sadd(b, &ch, 1);
}

int tu_parse_count(const char *s, uint64_t *v, int suffixes) {
    if (!*s) return 1;
    uint64_t n = 0;
    int over = 0;
    const char *p = s;
    if (*p == '+') p++;
    if (*p < '0' || *p > '9') return 1;
    for (; *p >= '0' && *p <= '9'; p++) {
        if (n > (UINT64_MAX - (*p - '0')) / 10) over = 1;
        else n = n * 10 + (*p - '0');
    }
    if (*p) {
        if (!suffixes) return 1;
        static const char units[] = "KMGTPEZY";
        uint64_t mul = 1;
        if (strcmp(p, "b") == 0) mul = 512;
        else {
            const char *u = strchr(units, p[0] == 'k' ? 'K' : p[0]);
            if (!u || !p[0]) return 1;
            int pow = u - units + 1;
            int base = 1024;
            if (p[1] == 0) base = 1024;
            else if (p[1] == 'B' && p[2] == 0) base = 1000;
            else if (p[1] == 'i' && p[2] == 'B' && p[3] == 0) base = 1024;
            else return 1;
            for (int i = 0; i < pow; i++) {
                if (mul > UINT64_MAX / base) { over = 1; break; }
                mul *= base;
            }
        }
        if (n && mul > UINT64_MAX / n) over = 1;
        else n *= mul;
    }
    if (over) {
        *v = UINT64_MAX;
        return 2;
    }
    *v = n;
    return 0;
}

static int hexval(int c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

int tu_escape(const char *s, char *out, int octal_prefix0) {
    switch (*s) {
    case 'a': *out = '\a'; return 1;
    case 'b': *out = '\b'; return 1;
    case 'e': *out = 27; return 1;
    case 'f': *out = '\f'; return 1;
    case 'n': *out = '\n'; return 1;
    case 'r': *out = '\r'; return 1;
    case 't': *out = '\t'; return 1;
    case 'v': *out = '\v'; return 1;
    case '\\': *out = '\\'; return 1;
    case 'x': {
        int v = 0, i = 1;
        if (hexval(s[1]) < 0) return -1;
        for (; i <= 2 && hexval(s[i]) >= 0; i++) v = v * 16 + hexval(s[i]);
        *out = (char)v;
        return i;
    }
    default:
        break;
    }
    int i = 0, v = 0, max = 3;
    if (octal_prefix0) {
        if (*s != '0') return -1;
        i = 1;
        max = 4;
    } else if (*s < '0' || *s > '7') {
        return -1;
    }
    for (; i < max && s[i] >= '0' && s[i] <= '7'; i++) v = v * 8 + (s[i] - '0');
    *out = (char)v;
    return i;
}

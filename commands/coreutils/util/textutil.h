/* textutil.h — buffered input/output and small helpers shared by the text utilities. */
#ifndef TEXTUTIL_H
#define TEXTUTIL_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define TU_BUFSZ 65536

/* A buffered reader over a file descriptor. */
typedef struct {
    int fd;
    char *buf;
    size_t pos, len, cap;
    int eof, err; /* err: errno of a failed read */
} tu_reader;

/* Opens name for reading ("-" = stdin). Returns fd or -1 (errno set). */
int tu_open(const char *name);
void tu_close(int fd);
void tu_rinit(tu_reader *r, int fd);
void tu_rfree(tu_reader *r);
/* Next record ending in delim (included when present). Returns its length, 0 at EOF, -1 on error.
 * *line points into the reader's buffer until the next call. */
ssize_t tu_getdelim(tu_reader *r, char **line, int delim);
/* Next chunk of raw bytes (up to the buffer). Returns length, 0 at EOF, -1 on error. */
ssize_t tu_read(tu_reader *r, char **data);
/* Reads all of fd into a malloc'd buffer (NUL-terminated). Returns 0 or -1 (errno). */
int tu_slurp(int fd, char **data, size_t *len);

/* Output to stdout through stdio with a large buffer. */
void tu_out_init(void);
void tu_out_linebuf(void); /* --line-buffered / -u */
void tu_write(const void *p, size_t n);
void tu_putc(int c);
void tu_puts(const char *s);
/* Writes to fd fully; returns 0 or -1. */
int tu_write_fd(int fd, const void *p, size_t n);

void *tu_xmalloc(size_t n);
void *tu_xrealloc(void *p, size_t n);
char *tu_xstrdup(const char *s);
char *tu_xmemdup(const void *p, size_t n);

/* Growable byte string. */
typedef struct { char *s; size_t len, cap; } tu_str;
void tu_sadd(tu_str *b, const void *p, size_t n);
void tu_sputc(tu_str *b, int c);

/* Parses an unsigned count with optional GNU suffix (b K KB KiB M ... when suffixes != 0).
 * Returns 0 on success, 1 on invalid, 2 on overflow (value set to UINT64_MAX). */
int tu_parse_count(const char *s, uint64_t *v, int suffixes);

/* Processes one C-style escape at s (s points after the backslash). Writes the byte(s) to *out,
 * returns the number of characters consumed after the backslash; octal_prefix0: \0NNN form (echo). */
int tu_escape(const char *s, char *out, int octal_prefix0);

#endif

/* awk_io.c — record input (main files, getline files and commands) and output redirections. */
#include "awk.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "se.h"

int awk_rs_paragraph;
static int rs_char = '\n';

typedef struct In {
    int fd;
    char *buf;
    size_t cap, beg, end, scan;
    int eof;
} In;

typedef struct Stream {
    struct Stream *next;
    Str *name;
    int kind; /* R_FILE / R_APPEND / R_PIPE output, 'f' input file, 'c' input command */
    FILE *f;
    In *in;
    int pid;
    int std; /* stdout/stderr/stdin: never closed */
} Stream;

static Stream *streams;
static In *main_in;
static int main_is_stdin;
static int main_argi = 1, main_seen_file;

void awkio_init(void) {
    setvbuf(stdout, NULL, isatty(1) ? _IOLBF : _IOFBF, 1 << 16);
}

void awkio_rs_changed(void) {
    Str *rs = awkv_tostr(&awk_globals[V_RS].v);
    awk_rs_paragraph = rs->len == 0;
    rs_char = rs->len ? (unsigned char)rs->s[0] : '\n';
    awkstr_unref(rs);
}

static In *in_new(int fd) {
    In *in = calloc(1, sizeof *in);
    in->fd = fd;
    in->cap = 1 << 16;
    in->buf = malloc(in->cap);
    if (!in->buf) awk_fatal("out of memory");
    return in;
}

static void in_free(In *in, int close_fd) {
    if (close_fd) close(in->fd);
    free(in->buf);
    free(in);
}

/* Reads more data; returns 0 at EOF. */
static int fill(In *in) {
    if (in->eof) return 0;
    if (in->beg > 0 && in->beg == in->end) in->beg = in->end = in->scan = 0;
    if (in->end == in->cap) {
        if (in->beg > 0) {
            memmove(in->buf, in->buf + in->beg, in->end - in->beg);
            in->end -= in->beg;
            in->scan -= in->beg;
            in->beg = 0;
        } else {
            in->cap *= 2;
            in->buf = realloc(in->buf, in->cap);
            if (!in->buf) awk_fatal("out of memory");
        }
    }
    ssize_t n;
    do n = read(in->fd, in->buf + in->end, in->cap - in->end);
    while (n < 0 && errno == EINTR);
    if (n <= 0) {
        in->eof = 1;
        return 0;
    }
    in->end += (size_t)n;
    return 1;
}

/* 1 = record, 0 = EOF */
static int read_record(In *in, Str **rec) {
    if (!awk_rs_paragraph) {
        char c = (char)rs_char;
        in->scan = in->beg;
        for (;;) {
            char *p = memchr(in->buf + in->scan, c, in->end - in->scan);
            if (p) {
                size_t at = (size_t)(p - in->buf);
                *rec = awkstr_new(in->buf + in->beg, at - in->beg);
                in->beg = in->scan = at + 1;
                return 1;
            }
            in->scan = in->end;
            if (!fill(in)) {
                if (in->beg < in->end) {
                    *rec = awkstr_new(in->buf + in->beg, in->end - in->beg);
                    in->beg = in->scan = in->end;
                    return 1;
                }
                return 0;
            }
        }
    }
    /* paragraph mode: skip leading newlines, then up to a blank line */
    for (;;) {
        while (in->beg < in->end && in->buf[in->beg] == '\n') in->beg++;
        if (in->beg < in->end) break;
        if (!fill(in)) return 0;
    }
    in->scan = in->beg;
    for (;;) {
        for (size_t i = in->scan; i + 1 < in->end; i++) {
            if (in->buf[i] == '\n' && in->buf[i + 1] == '\n') {
                *rec = awkstr_new(in->buf + in->beg, i - in->beg);
                in->beg = in->scan = i + 2;
                return 1;
            }
        }
        in->scan = in->end > in->beg ? in->end - 1 : in->beg;
        if (!fill(in)) {
            size_t e = in->end;
            while (e > in->beg && in->buf[e - 1] == '\n') e--;
            *rec = awkstr_new(in->buf + in->beg, e - in->beg);
            in->beg = in->scan = in->end;
            return 1;
        }
    }
}

static void bump(int idx) {
    Var *v = &awk_globals[idx];
    double d = awkv_tonum(&v->v) + 1;
    awkv_free(&v->v);
    v->v = v_num(d);
}

static void set_num(int idx, double d) {
    Var *v = &awk_globals[idx];
    awkv_free(&v->v);
    v->v = v_num(d);
}

static int open_next_main(void) {
    Var *argv = &awk_globals[V_ARGV];
    for (;;) {
        double argc = awkv_tonum(&awk_globals[V_ARGC].v);
        if (main_argi >= argc) break;
        Str *key = awk_num_to_str(main_argi++, "%.6g");
        Value *v = argv->arr ? awkarr_get(argv->arr, key, 0) : NULL;
        awkstr_unref(key);
        if (!v) continue;
        Str *arg = awkv_tostr(v);
        if (arg->len == 0 || awk_cmdline_assign(arg->s)) {
            awkstr_unref(arg);
            continue;
        }
        main_seen_file = 1;
        int fd;
        if (strcmp(arg->s, "-") == 0 || strcmp(arg->s, "/dev/stdin") == 0) {
            fd = 0;
            main_is_stdin = 1;
        } else {
            fd = open(arg->s, O_RDONLY);
            if (fd < 0) awk_fatal("cannot open file `%s' for reading: %s", arg->s, strerror(errno));
            main_is_stdin = 0;
        }
        main_in = in_new(fd);
        awk_set_var(&awk_globals[V_FILENAME], v_str(arg));
        set_num(V_FNR, 0);
        return 1;
    }
    if (!main_seen_file) {
        main_seen_file = 1;
        main_in = in_new(0);
        main_is_stdin = 1;
        awk_set_var(&awk_globals[V_FILENAME], v_str(awkstr_cstr("-"))); /* as gawk --posix */
        set_num(V_FNR, 0);
        return 1;
    }
    return 0;
}

void awkio_nextfile(void) {
    if (main_in) {
        in_free(main_in, !main_is_stdin);
        main_in = NULL;
    }
}

int awkio_getline_main(Str **rec) {
    for (;;) {
        if (!main_in && !open_next_main()) return 0;
        if (read_record(main_in, rec)) {
            bump(V_NR);
            bump(V_FNR);
            return 1;
        }
        awkio_nextfile();
    }
}

static Stream *find(Str *name, int input) {
    for (Stream *s = streams; s; s = s->next) {
        int is_in = s->kind == 'f' || s->kind == 'c';
        if (is_in == input && s->name->len == name->len && memcmp(s->name->s, name->s, name->len) == 0) return s;
    }
    return NULL;
}

static Stream *add(Str *name, int kind) {
    Stream *s = calloc(1, sizeof *s);
    s->name = str_ref(name);
    s->kind = kind;
    s->next = streams;
    streams = s;
    return s;
}

void awkio_flush_all(void) {
    fflush(stdout);
    for (Stream *s = streams; s; s = s->next)
        if (s->f) fflush(s->f);
}

static int spawn_sh(const char *cmd, const int *fdmap, int nfd, int *pid) {
    char *argv[] = {"sh", "-c", (char *)cmd, NULL};
    return se_spawn("/bin/sh", argv, NULL, NULL, fdmap, nfd, SE_PGID_INHERIT, pid);
}

static int wait_status(int pid) {
    int st = 0;
    while (se_waitpid(pid, &st, 0) < 0) {
        if (errno != EINTR) return -1;
    }
    if (SE_WIFEXITED(st)) return SE_WEXITSTATUS(st);
    if (SE_WIFSIGNALED(st)) return 256 + SE_WTERMSIG(st);
    return st;
}

FILE *awkio_output(int kind, Str *name) {
    Stream *s = find(name, 0);
    if (s && (s->kind == R_PIPE) == (kind == R_PIPE)) return s->f;
    if (kind != R_PIPE && strcmp(name->s, "/dev/stdout") == 0) return stdout;
    if (kind != R_PIPE && strcmp(name->s, "/dev/stderr") == 0) return stderr;
    FILE *f;
    int pid = 0;
    if (kind == R_PIPE) {
        awkio_flush_all();
        int fds[2];
        if (se_pipe_cloexec(fds) < 0) awk_fatal("can't open pipe `%s': %s", name->s, strerror(errno));
        int map[] = {0, fds[0], 1, 1, 2, 2};
        if (spawn_sh(name->s, map, 3, &pid) < 0) awk_fatal("can't open pipe `%s': %s", name->s, strerror(errno));
        close(fds[0]);
        f = fdopen(fds[1], "w");
    } else {
        f = fopen(name->s, kind == R_APPEND ? "a" : "w");
        if (!f) awk_fatal("can't redirect to `%s': %s", name->s, strerror(errno));
    }
    if (!f) awk_fatal("can't redirect to `%s'", name->s);
    setvbuf(f, NULL, _IOFBF, 1 << 16);
    s = add(name, kind);
    s->f = f;
    s->pid = pid;
    return f;
}

int awkio_getline_file(Str *name, Str **rec) {
    Stream *s = find(name, 1);
    if (!s) {
        int fd, std = 0;
        if (strcmp(name->s, "-") == 0 || strcmp(name->s, "/dev/stdin") == 0) fd = 0, std = 1;
        else fd = open(name->s, O_RDONLY);
        if (fd < 0) return -1;
        s = add(name, 'f');
        s->in = in_new(fd);
        s->std = std;
    }
    if (!s->in) return -1;
    return read_record(s->in, rec);
}

int awkio_getline_cmd(Str *cmd, Str **rec) {
    Stream *s = find(cmd, 1);
    if (!s) {
        awkio_flush_all();
        int fds[2], pid;
        if (se_pipe_cloexec(fds) < 0) return -1;
        int map[] = {0, 0, 1, fds[1], 2, 2};
        if (spawn_sh(cmd->s, map, 3, &pid) < 0) {
            close(fds[0]);
            close(fds[1]);
            return -1;
        }
        close(fds[1]);
        s = add(cmd, 'c');
        s->in = in_new(fds[0]);
        s->pid = pid;
    }
    return read_record(s->in, rec);
}

static int close_stream(Stream *s) {
    int r = 0;
    if (s->f) {
        if (s->f == stdout || s->f == stderr) r = fflush(s->f);
        else r = fclose(s->f);
        s->f = NULL;
    }
    if (s->in) {
        in_free(s->in, !s->std);
        s->in = NULL;
    }
    if (s->pid > 0) {
        r = wait_status(s->pid);
        s->pid = 0;
    }
    return r;
}

int awkio_close(Str *name) {
    for (Stream **pp = &streams; *pp; pp = &(*pp)->next) {
        Stream *s = *pp;
        if (s->name->len == name->len && memcmp(s->name->s, name->s, name->len) == 0) {
            *pp = s->next;
            int r = close_stream(s);
            awkstr_unref(s->name);
            free(s);
            return r;
        }
    }
    if (strcmp(name->s, "/dev/stdout") == 0) return fflush(stdout);
    if (strcmp(name->s, "/dev/stderr") == 0) return 0;
    return -1;
}

int awkio_fflush(Str *name, int all) {
    if (all) {
        awkio_flush_all();
        return 0;
    }
    if (strcmp(name->s, "/dev/stdout") == 0) return fflush(stdout);
    if (strcmp(name->s, "/dev/stderr") == 0) return fflush(stderr);
    for (Stream *s = streams; s; s = s->next)
        if (s->f && s->name->len == name->len && memcmp(s->name->s, name->s, name->len) == 0) return fflush(s->f);
    return -1;
}

int awkio_system(Str *cmd) {
    awkio_flush_all();
    int pid;
    if (spawn_sh(cmd->s, NULL, -1, &pid) < 0) return -1;
    return wait_status(pid);
}

void awkio_close_all(void) {
    while (streams) {
        Stream *s = streams;
        streams = s->next;
        close_stream(s);
        awkstr_unref(s->name);
        free(s);
    }
    fflush(stdout);
}

void awkio_write(FILE *f, const char *s, size_t n) {
    if (n == 1) putc(s[0], f);
    else fwrite(s, 1, n, f);
    if (f == stdout && ferror(stdout)) {
        /* e.g. EPIPE when SIGPIPE does not kill us: stop instead of reading on */
        int e = errno;
        clearerr(stdout);
        fprintf(stderr, "awk: fatal: print to \"standard output\" failed (%s)\n", strerror(e));
        _exit(2);
    }
}

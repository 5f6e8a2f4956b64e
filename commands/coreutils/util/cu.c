/* cu.c — see cu.h. */
#include "cu.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

const char *cu_prog = "coreutils";

void cu_init(int argc, char **argv) {
    if (argc > 0 && argv[0]) cu_prog = argv[0]; /* as given, like GNU's program_name: "/bin/ls: ..." */
}

void cu_error(int status, int errnum, const char *fmt, ...) {
    fflush(stdout);
    fprintf(stderr, "%s: ", cu_prog);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    if (errnum) fprintf(stderr, ": %s", strerror(errnum));
    fputc('\n', stderr);
    if (status) exit(status);
}

void cu_usage_error(int status, const char *fmt, ...) {
    fflush(stdout);
    if (fmt) {
        fprintf(stderr, "%s: ", cu_prog);
        va_list ap;
        va_start(ap, fmt);
        vfprintf(stderr, fmt, ap);
        va_end(ap);
        fputc('\n', stderr);
    }
    fprintf(stderr, "Try '%s --help' for more information.\n", cu_prog);
    exit(status ? status : 1);
}

const char *cu_quote(const char *name) {
    static char bufs[4][4096];
    static int next;
    char *out = bufs[next++ & 3];
    size_t o = 0, cap = sizeof bufs[0] - 8;
    if (!strchr(name, '\'')) {
        snprintf(out, sizeof bufs[0], "'%s'", name);
        return out;
    }
    /* GNU shell-escape style: a name with a single quote goes in double quotes when nothing in it is special
     * there ("it's"), otherwise each quote becomes '\'' inside single quotes */
    if (!strpbrk(name, "\"$`\\!")) {
        snprintf(out, sizeof bufs[0], "\"%s\"", name);
        return out;
    }
    out[o++] = '\'';
    for (const char *p = name; *p && o < cap; p++) {
        if (*p == '\'') {
            memcpy(out + o, "'\\''", 4);
            o += 4;
        } else {
            out[o++] = *p;
        }
    }
    out[o++] = '\'';
    out[o] = 0;
    return out;
}

FILE *cu_open_input(const char *name) {
    if (strcmp(name, "-") == 0) return stdin;
    FILE *f = fopen(name, "r");
    if (!f) cu_error(0, errno, "%s", name);
    return f;
}

void cu_close_input(FILE *f) {
    if (f && f != stdin) fclose(f);
}

int cu_finish(int status) {
    if (fflush(stdout) != 0 || ferror(stdout)) {
        cu_error(0, errno, "write error");
        return 1;
    }
    return status;
}

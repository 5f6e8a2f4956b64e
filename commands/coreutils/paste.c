/* paste — merge lines of files (-d LIST, -s, -z). */
#include "cu.h"
#include "textutil.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

SE_COMMAND("paste", paste_main)

static char *delims;
static size_t ndelims;

static void parse_delims(const char *s) {
    delims = tu_xmalloc(strlen(s) + 1);
    ndelims = 0;
    for (; *s; s++) {
        char c = *s;
        if (c == '\\' && s[1]) {
            s++;
            switch (*s) {
            case 'n': c = '\n'; break;
            case 't': c = '\t'; break;
            case '\\': c = '\\'; break;
            case '0': c = 0; break;
            default: c = *s; break;
            }
        }
        delims[ndelims++] = c;
    }
}

static void put_delim(size_t k) {
    if (!ndelims) return;
    char c = delims[k % ndelims];
    if (c) tu_putc(c); /* "\0" means no delimiter */
}

int paste_main(int argc, char **argv) {
    cu_init(argc, argv);
    static const struct option lopts[] = {{"delimiters", 1, 0, 'd'}, {"serial", 0, 0, 's'},
                                          {"zero-terminated", 0, 0, 'z'}, {0, 0, 0, 0}};
    int c, serial = 0, eol = '\n';
    parse_delims("\t");
    while ((c = getopt_long(argc, argv, "d:sz", lopts, NULL)) != -1) {
        if (c == 'd') parse_delims(optarg);
        else if (c == 's') serial = 1;
        else if (c == 'z') eol = 0;
        else cu_usage_error(1, NULL);
    }
    static char *stdin_arg[] = {"-"};
    char **files = optind < argc ? argv + optind : stdin_arg;
    int nfiles = optind < argc ? argc - optind : 1;
    tu_reader *rd = tu_xmalloc(nfiles * sizeof(tu_reader));
    int *open_ = tu_xmalloc(nfiles * sizeof(int));
    int stdin_reader = -1, status = 0;
    for (int i = 0; i < nfiles; i++) {
        int fd = tu_open(files[i]);
        if (fd < 0) cu_error(1, errno, "%s", files[i]);
        if (fd == 0 && !serial) {
            /* every "-" shares standard input */
            if (stdin_reader >= 0) {
                open_[i] = -2 - stdin_reader;
                continue;
            }
            stdin_reader = i;
        }
        tu_rinit(&rd[i], fd);
        open_[i] = 1;
    }
    tu_out_init();
    char *line;
    ssize_t n;
    if (serial) {
        for (int i = 0; i < nfiles; i++) {
            size_t k = 0;
            int first = 1;
            while ((n = tu_getdelim(&rd[i], &line, eol)) > 0) {
                if (!first) put_delim(k++);
                first = 0;
                tu_write(line, line[n - 1] == eol ? n - 1 : n);
            }
            if (n < 0) {
                cu_error(0, rd[i].err, "%s", files[i]);
                status = 1;
                continue;
            }
            tu_putc(eol);
        }
        return cu_finish(status);
    }
    for (;;) {
        int any = 0;
        tu_str out = {0};
        tu_sadd(&out, "", 0);
        for (int i = 0; i < nfiles; i++) {
            int ri = open_[i] <= -2 ? -2 - open_[i] : i;
            if (open_[ri] == 1 && (n = tu_getdelim(&rd[ri], &line, eol)) > 0) {
                any = 1;
                tu_sadd(&out, line, line[n - 1] == eol ? n - 1 : n);
            } else if (open_[ri] == 1) {
                if (n < 0) {
                    cu_error(0, rd[ri].err, "%s", files[ri]);
                    status = 1;
                }
                open_[ri] = 0;
            }
            if (i < nfiles - 1 && ndelims) {
                char d = delims[i % ndelims];
                if (d) tu_sputc(&out, d);
            }
        }
        if (!any) {
            free(out.s);
            break;
        }
        tu_write(out.s, out.len);
        tu_putc(eol);
        free(out.s);
    }
    return cu_finish(status);
}

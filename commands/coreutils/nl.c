/* nl — number lines (-b STYLE, -n FORMAT, -w, -s, -v, -i; body section only). */
#include "cu.h"
#include "regex_gnu.h"
#include "textutil.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

SE_COMMAND("nl", nl_main)

int nl_main(int argc, char **argv) {
    cu_init(argc, argv);
    static const struct option lopts[] = {{"body-numbering", 1, 0, 'b'}, {"number-format", 1, 0, 'n'},
                                          {"number-width", 1, 0, 'w'}, {"number-separator", 1, 0, 's'},
                                          {"starting-line-number", 1, 0, 'v'}, {"line-increment", 1, 0, 'i'},
                                          {"header-numbering", 1, 0, 'h'}, {"footer-numbering", 1, 0, 'f'},
                                          {0, 0, 0, 0}};
    int c;
    char style = 't';
    rx_t *re = NULL;
    const char *fmt = "rn", *sep = "\t";
    long width = 6, start = 1, incr = 1;
    char *e;
    while ((c = getopt_long(argc, argv, "b:n:w:s:v:i:h:f:", lopts, NULL)) != -1) {
        switch (c) {
        case 'b':
            style = optarg[0];
            if (style == 'p') {
                const char *err;
                re = rx_compile(optarg + 1, strlen(optarg + 1), 0, &err);
                if (!re) cu_error(1, 0, "%s", err);
            } else if (!strchr("atn", style) || optarg[1]) {
                cu_error(1, 0, "invalid body numbering style: %s", cu_quote(optarg));
            }
            break;
        case 'n':
            if (strcmp(optarg, "ln") && strcmp(optarg, "rn") && strcmp(optarg, "rz"))
                cu_error(1, 0, "invalid line numbering format: %s", cu_quote(optarg));
            fmt = optarg;
            break;
        case 'w':
            width = strtol(optarg, &e, 10);
            if (*e || width <= 0) cu_error(1, 0, "invalid line number field width: %s", cu_quote(optarg));
            break;
        case 's': sep = optarg; break;
        case 'v':
            start = strtol(optarg, &e, 10);
            if (*e) cu_error(1, 0, "invalid starting line number: %s", cu_quote(optarg));
            break;
        case 'i':
            incr = strtol(optarg, &e, 10);
            if (*e) cu_error(1, 0, "invalid line number increment: %s", cu_quote(optarg));
            break;
        case 'h': case 'f': break;
        default: cu_usage_error(1, NULL);
        }
    }
    static char *stdin_arg[] = {"-"};
    char **files = optind < argc ? argv + optind : stdin_arg;
    int nfiles = optind < argc ? argc - optind : 1;
    int status = 0;
    long num = start;
    size_t seplen = strlen(sep);
    tu_out_init();
    for (int i = 0; i < nfiles; i++) {
        int fd = tu_open(files[i]);
        if (fd < 0) {
            cu_error(0, errno, "%s", files[i]);
            status = 1;
            continue;
        }
        tu_reader r;
        tu_rinit(&r, fd);
        char *line;
        ssize_t n;
        while ((n = tu_getdelim(&r, &line, '\n')) > 0) {
            size_t len = line[n - 1] == '\n' ? n - 1 : n;
            int number;
            rx_match_t m;
            switch (style) {
            case 'a': number = 1; break;
            case 'n': number = 0; break;
            case 'p': number = rx_exec(re, line, len, 0, RX_FIRST, &m, 1); break;
            default: number = len > 0; break;
            }
            if (number) {
                if (!strcmp(fmt, "ln")) printf("%-*ld", (int)width, num);
                else if (!strcmp(fmt, "rz")) printf(num < 0 ? "-%0*ld" : "%0*ld", num < 0 ? (int)width - 1 : (int)width, num < 0 ? -num : num);
                else printf("%*ld", (int)width, num);
                tu_write(sep, seplen);
                num += incr;
            } else {
                printf("%*s", (int)(width + seplen), "");
            }
            tu_write(line, len);
            tu_putc('\n');
        }
        if (n < 0) {
            cu_error(0, r.err, "%s", files[i]);
            status = 1;
        }
        tu_rfree(&r);
        tu_close(fd);
    }
    return cu_finish(status);
}

/* fold — wrap input lines to a width (-w, -s, -b). */
#include "cu.h"
#include "textutil.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

SE_COMMAND("fold", fold_main)

static int bytes;

static size_t advance(size_t col, unsigned char c) {
    if (bytes) return col + 1;
    if (c == '\t') return col + 8 - col % 8;
    if (c == '\b') return col ? col - 1 : 0;
    if (c == '\r') return 0;
    return col + 1;
}

int fold_main(int argc, char **argv) {
    cu_init(argc, argv);
    static const struct option lopts[] = {{"width", 1, 0, 'w'}, {"spaces", 0, 0, 's'}, {"bytes", 0, 0, 'b'},
                                          {0, 0, 0, 0}};
    int c, spaces = 0;
    long width = 80;
    char legacy[32];
    if (argc > 1 && argv[1][0] == '-' && argv[1][1] >= '0' && argv[1][1] <= '9' && strlen(argv[1]) < 20) {
        snprintf(legacy, sizeof legacy, "-w%s", argv[1] + 1);
        argv[1] = legacy;
    }
    char *e;
    while ((c = getopt_long(argc, argv, "w:sb", lopts, NULL)) != -1) {
        switch (c) {
        case 'w':
            width = strtol(optarg, &e, 10);
            if (*e || width <= 0) cu_error(1, 0, "invalid number of columns: %s", cu_quote(optarg));
            break;
        case 's': spaces = 1; break;
        case 'b': bytes = 1; break;
        default: cu_usage_error(1, NULL);
        }
    }
    static char *stdin_arg[] = {"-"};
    char **files = optind < argc ? argv + optind : stdin_arg;
    int nfiles = optind < argc ? argc - optind : 1;
    int status = 0;
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
            size_t start = 0, col = 0;
            for (size_t k = start; k < len;) {
                unsigned char ch = line[k];
                size_t nc = advance(col, ch);
                if (nc > (size_t)width && k > start) {
                    size_t cut = k;
                    if (spaces) {
                        size_t b = k;
                        while (b > start && line[b - 1] != ' ' && line[b - 1] != '\t') b--;
                        if (b > start) cut = b;
                    }
                    tu_write(line + start, cut - start);
                    tu_putc('\n');
                    start = cut;
                    col = 0;
                    for (size_t q = start; q < k; q++) col = advance(col, line[q]);
                    continue;
                }
                col = nc;
                k++;
            }
            tu_write(line + start, n - start);
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

/* comm — compare two sorted files line by line (-1 -2 -3, --check-order, --output-delimiter). */
#include "cu.h"
#include "textutil.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

SE_COMMAND("comm", comm_main)

typedef struct { tu_reader r; char *s; size_t n; int ok; tu_str prev; int has_prev; } src_t;

static int next_line(src_t *f) {
    char *line;
    ssize_t n = tu_getdelim(&f->r, &line, '\n');
    if (n <= 0) return f->ok = 0;
    if (f->ok) {
        f->prev.len = 0;
        tu_sadd(&f->prev, f->s, f->n);
        f->has_prev = 1;
    }
    f->s = line;
    f->n = line[n - 1] == '\n' ? n - 1 : n;
    return f->ok = 1;
}

static int cmp(const char *a, size_t an, const char *b, size_t bn) {
    int r = memcmp(a, b, an < bn ? an : bn);
    return r ? r : an < bn ? -1 : an > bn;
}

int comm_main(int argc, char **argv) {
    cu_init(argc, argv);
    static const struct option lopts[] = {{"check-order", 0, 0, 1}, {"nocheck-order", 0, 0, 2},
                                          {"output-delimiter", 1, 0, 3}, {"total", 0, 0, 4}, {0, 0, 0, 0}};
    int c, hide[4] = {0}, check = 1, total = 0;
    const char *od = "\t";
    while ((c = getopt_long(argc, argv, "123", lopts, NULL)) != -1) {
        switch (c) {
        case '1': case '2': case '3': hide[c - '0'] = 1; break;
        case 1: check = 2; break;
        case 2: check = 0; break;
        case 3: od = optarg; break;
        case 4: total = 1; break;
        default: cu_usage_error(1, NULL);
        }
    }
    if (argc - optind < 2) {
        if (argc - optind == 0) cu_usage_error(1, "missing operand");
        cu_usage_error(1, "missing operand after %s", cu_quote(argv[argc - 1]));
    }
    if (argc - optind > 2) cu_usage_error(1, "extra operand %s", cu_quote(argv[optind + 2]));
    src_t f[2];
    memset(f, 0, sizeof f);
    for (int i = 0; i < 2; i++) {
        int fd = tu_open(argv[optind + i]);
        if (fd < 0) cu_error(1, errno, "%s", argv[optind + i]);
        tu_rinit(&f[i].r, fd);
        next_line(&f[i]);
    }
    tu_out_init();
    int disorder = 0, reported[2] = {0};
    long counts[4] = {0};
    size_t odl = strlen(od);
    while (f[0].ok || f[1].ok) {
        int r = !f[0].ok ? 1 : !f[1].ok ? -1 : cmp(f[0].s, f[0].n, f[1].s, f[1].n);
        int col = r < 0 ? 1 : r > 0 ? 2 : 3;
        counts[col]++;
        if (!hide[col]) {
            for (int k = 1; k < col; k++)
                if (!hide[k]) tu_write(od, odl);
            src_t *s = col == 2 ? &f[1] : &f[0];
            tu_write(s->s, s->n);
            tu_putc('\n');
        }
        for (int i = 0; i < 2; i++) {
            if ((i == 0 && col == 2) || (i == 1 && col == 1)) continue;
            next_line(&f[i]);
            if (check && f[i].ok && f[i].has_prev && !reported[i] &&
                cmp(f[i].prev.s, f[i].prev.len, f[i].s, f[i].n) > 0) {
                reported[i] = 1;
                disorder = 1;
                fflush(stdout);
                fprintf(stderr, "%s: file %d is not in sorted order\n", cu_prog, i + 1);
            }
        }
    }
    if (total) printf("%ld%s%ld%s%ld%stotal\n", counts[1], od, counts[2], od, counts[3], od);
    if (disorder) {
        fflush(stdout);
        fprintf(stderr, "%s: input is not in sorted order\n", cu_prog);
        cu_finish(0);
        return 1;
    }
    return cu_finish(0);
}

/* column — columnate lists (util-linux: fill columns, -x, -t table with -s SEP and -o OUTSEP, -c WIDTH). */
#include "cu.h"
#include "textutil.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

SE_COMMAND("column", column_main)

typedef struct { char *s; size_t n; } str_t;

int column_main(int argc, char **argv) {
    cu_init(argc, argv);
    static const struct option lopts[] = {{"table", 0, 0, 't'}, {"separator", 1, 0, 's'},
                                          {"output-separator", 1, 0, 'o'}, {"columns", 1, 0, 'c'},
                                          {"fillrows", 0, 0, 'x'}, {0, 0, 0, 0}};
    int c, table = 0, fillrows = 0;
    const char *sep = NULL, *osep = "  ";
    long width = 80;
    const char *env = getenv("COLUMNS");
    if (env && atol(env) > 0) width = atol(env);
    while ((c = getopt_long(argc, argv, "ts:o:c:x", lopts, NULL)) != -1) {
        switch (c) {
        case 't': table = 1; break;
        case 's': sep = optarg; break;
        case 'o': osep = optarg; break;
        case 'c': width = atol(optarg); break;
        case 'x': fillrows = 1; break;
        default: cu_usage_error(1, NULL);
        }
    }
    static char *stdin_arg[] = {"-"};
    char **files = optind < argc ? argv + optind : stdin_arg;
    int nfiles = optind < argc ? argc - optind : 1;
    str_t *lines = NULL;
    size_t n = 0, cap = 0;
    int status = 0;
    for (int i = 0; i < nfiles; i++) {
        int fd = tu_open(files[i]);
        if (fd < 0) {
            cu_error(0, errno, "%s", files[i]);
            status = 1;
            continue;
        }
        tu_reader r;
        tu_rinit(&r, fd);
        char *p;
        ssize_t k;
        while ((k = tu_getdelim(&r, &p, '\n')) > 0) {
            size_t len = p[k - 1] == '\n' ? k - 1 : k;
            size_t b = 0;
            while (b < len && (p[b] == ' ' || p[b] == '\t')) b++;
            if (b == len) continue; /* blank lines are ignored */
            if (n == cap) lines = tu_xrealloc(lines, (cap = cap * 2 + 64) * sizeof(str_t));
            if (!table) {
                /* trailing blanks do not count */
                while (len > 0 && (p[len - 1] == ' ' || p[len - 1] == '\t')) len--;
            }
            lines[n].s = tu_xmemdup(p, len);
            lines[n++].n = len;
        }
        tu_rfree(&r);
        tu_close(fd);
    }
    tu_out_init();
    if (table) {
        str_t **cells = tu_xmalloc((n + 1) * sizeof(str_t *));
        int *ncells = tu_xmalloc((n + 1) * sizeof(int));
        size_t *w = NULL;
        int ncols = 0;
        const char *delims = sep ? sep : " \t";
        for (size_t i = 0; i < n; i++) {
            cells[i] = NULL;
            ncells[i] = 0;
            const char *s = lines[i].s, *e = s + lines[i].n;
            if (!sep)
                while (s < e && strchr(delims, *s)) s++;
            while (s <= e) {
                const char *t = s;
                while (t < e && !strchr(delims, *t)) t++;
                if (!sep && t == s && t == e) break;
                cells[i] = tu_xrealloc(cells[i], (ncells[i] + 1) * sizeof(str_t));
                cells[i][ncells[i]].s = (char *)s;
                cells[i][ncells[i]++].n = t - s;
                if (t >= e) break;
                s = t + 1;
                if (!sep)
                    while (s < e && strchr(delims, *s)) s++;
                if (!sep && s >= e) break;
            }
            if (ncells[i] > ncols) {
                w = tu_xrealloc(w, ncells[i] * sizeof(size_t));
                for (int k = ncols; k < ncells[i]; k++) w[k] = 0;
                ncols = ncells[i];
            }
            for (int k = 0; k < ncells[i]; k++)
                if (cells[i][k].n > w[k]) w[k] = cells[i][k].n;
        }
        for (size_t i = 0; i < n; i++) {
            for (int k = 0; k < ncols; k++) {
                str_t cell = k < ncells[i] ? cells[i][k] : (str_t){"", 0};
                tu_write(cell.s, cell.n);
                if (k == ncols - 1) break;
                for (size_t q = cell.n; q < w[k]; q++) tu_putc(' ');
                tu_puts(osep);
            }
            tu_putc('\n');
        }
        return cu_finish(status);
    }
    if (n == 0) return cu_finish(status);
    size_t maxlen = 0;
    for (size_t i = 0; i < n; i++)
        if (lines[i].n > maxlen) maxlen = lines[i].n;
    maxlen = (maxlen + 8) & ~(size_t)7;
    if ((long)maxlen > width) {
        for (size_t i = 0; i < n; i++) {
            tu_write(lines[i].s, lines[i].n);
            tu_putc('\n');
        }
        return cu_finish(status);
    }
    size_t numcols = width / maxlen, numrows = (n + numcols - 1) / numcols;
    if (fillrows) {
        for (size_t i = 0; i < n;) {
            size_t chars = 0, endcol = maxlen;
            for (size_t k = 0; k < numcols && i < n; k++, i++) {
                tu_write(lines[i].s, lines[i].n);
                chars += lines[i].n;
                if (k + 1 < numcols && i + 1 < n) {
                    while (chars < endcol) {
                        tu_putc('\t');
                        chars = (chars + 8) & ~(size_t)7;
                    }
                    endcol += maxlen;
                }
            }
            tu_putc('\n');
        }
        return cu_finish(status);
    }
    for (size_t row = 0; row < numrows; row++) {
        size_t chars = 0, endcol = maxlen;
        for (size_t col = 0; col < numcols; col++) {
            size_t idx = row + col * numrows;
            if (idx >= n) break;
            tu_write(lines[idx].s, lines[idx].n);
            chars += lines[idx].n;
            if (idx + numrows >= n) break;
            while (chars < endcol) {
                tu_putc('\t');
                chars = (chars + 8) & ~(size_t)7;
            }
            endcol += maxlen;
        }
        tu_putc('\n');
    }
    return cu_finish(status);
}

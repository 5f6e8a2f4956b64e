/* expand, unexpand — convert tabs to spaces and back (-t LIST, -i, -a, --first-only). */
#include "cu.h"
#include "textutil.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

SE_COMMAND("expand", expand_main)
SE_COMMAND("unexpand", unexpand_main)

static long *stops;
static int nstops;

static void parse_tabs(const char *s) {
    nstops = 0;
    while (*s) {
        char *e;
        long v = strtol(s, &e, 10);
        if (e == s || v <= 0) cu_error(1, 0, "tab size contains invalid character(s): %s", cu_quote(s));
        if (nstops && v <= stops[nstops - 1]) cu_error(1, 0, "tab sizes must be ascending");
        stops = tu_xrealloc(stops, (nstops + 1) * sizeof(long));
        stops[nstops++] = v;
        s = e;
        if (*s == ',' || *s == ' ') s++;
    }
}

/* Column of the next tab stop after col (or -1 past the list). */
static long next_stop(long col) {
    if (nstops == 0) return col + 8 - col % 8;
    if (nstops == 1) return col + stops[0] - col % stops[0];
    for (int i = 0; i < nstops; i++)
        if (stops[i] > col) return stops[i];
    return -1;
}

static int run(int argc, char **argv, int un) {
    cu_init(argc, argv);
    static const struct option lopts[] = {{"tabs", 1, 0, 't'}, {"initial", 0, 0, 'i'}, {"all", 0, 0, 'a'},
                                          {"first-only", 0, 0, 1}, {0, 0, 0, 0}};
    int c, initial = 0, all = 0;
    tu_str tabs = {0};
    while ((c = getopt_long(argc, argv, "t:ia0123456789", lopts, NULL)) != -1) {
        if (c == 't') {
            if (tabs.len) tu_sputc(&tabs, ',');
            tu_sadd(&tabs, optarg, strlen(optarg));
            if (un) all = 1;
        } else if (c == 'i') initial = 1;
        else if (c == 'a') all = 1;
        else if (c == 1) all = 0;
        else if (c >= '0' && c <= '9') tu_sputc(&tabs, c);
        else cu_usage_error(1, NULL);
    }
    if (tabs.len) parse_tabs(tabs.s);
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
            long col = 0;
            int lead = 1;
            if (!un) {
                for (ssize_t k = 0; k < n; k++) {
                    char ch = line[k];
                    if (ch == '\t' && (!initial || lead)) {
                        long ns = next_stop(col);
                        if (ns < 0) ns = col + 1;
                        for (; col < ns; col++) tu_putc(' ');
                        continue;
                    }
                    if (ch != ' ' && ch != '\t') lead = 0;
                    tu_putc(ch);
                    if (ch == '\b') col = col ? col - 1 : 0;
                    else if (ch == '\n') col = 0;
                    else col++;
                }
                continue;
            }
            /* unexpand: collect runs of blanks and emit tabs where a run reaches a tab stop */
            long pend_start = -1; /* column where pending blanks began */
            long k;
            for (k = 0; k < n; k++) {
                char ch = line[k];
                int convert = all || lead;
                if ((ch == ' ' || ch == '\t') && convert) {
                    if (pend_start < 0) pend_start = col;
                    long ns = next_stop(col);
                    if (ch == '\t') {
                        if (ns < 0) {
                            /* past the last stop: flush as is */
                            for (long q = pend_start; q < col; q++) tu_putc(' ');
                            tu_putc('\t');
                            pend_start = -1;
                            col++;
                            continue;
                        }
                        col = ns;
                        tu_putc('\t');
                        pend_start = -1;
                        continue;
                    }
                    col++;
                    if (ns >= 0 && col == ns) {
                        /* a lone space before a stop stays a space unless more blanks follow */
                        int more = k + 1 < n && (line[k + 1] == ' ' || line[k + 1] == '\t') && next_stop(col) >= 0;
                        if (col - pend_start > 1 || more) tu_putc('\t');
                        else tu_putc(' ');
                        pend_start = -1;
                    }
                    continue;
                }
                if (pend_start >= 0) {
                    for (long q = pend_start; q < col; q++) tu_putc(' ');
                    pend_start = -1;
                }
                if (ch != ' ' && ch != '\t') lead = 0;
                tu_putc(ch);
                if (ch == '\b') col = col ? col - 1 : 0;
                else col++;
            }
            if (pend_start >= 0)
                for (long q = pend_start; q < col; q++) tu_putc(' ');
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

int expand_main(int argc, char **argv) { return run(argc, argv, 0); }
int unexpand_main(int argc, char **argv) { return run(argc, argv, 1); }

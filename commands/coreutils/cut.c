/* cut — select bytes, characters or fields of lines (-b -c -f -d -s --complement --output-delimiter). */
#include "cu.h"
#include "textutil.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

SE_COMMAND("cut", cut_main)

typedef struct { size_t lo, hi; } range_t;
static range_t *ranges;
static int nranges;
static int complement;

static void parse_list(const char *spec, int fields) {
    const char *p = spec;
    while (*p) {
        size_t lo = 1, hi = SIZE_MAX;
        int have_lo = 0, have_hi = 0;
        char *e;
        if (*p >= '0' && *p <= '9') {
            lo = strtoul(p, &e, 10);
            p = e;
            have_lo = 1;
        }
        if (*p == '-') {
            p++;
            if (*p >= '0' && *p <= '9') {
                hi = strtoul(p, &e, 10);
                p = e;
                have_hi = 1;
            }
            if (!have_lo && !have_hi) cu_usage_error(1, "invalid range with no endpoint: -");
        } else {
            if (!have_lo) cu_usage_error(1, fields ? "invalid field value %s" : "invalid byte or character range%s",
                                         fields ? cu_quote(spec) : "");
            hi = lo;
        }
        if ((have_lo && lo == 0) || (have_hi && hi == 0))
            cu_usage_error(1, fields ? "fields are numbered from 1" : "byte/character positions are numbered from 1");
        if (hi < lo) cu_usage_error(1, "invalid decreasing range");
        if (*p == ',') p++;
        else if (*p) cu_usage_error(1, fields ? "invalid field value %s" : "invalid byte/character position %s",
                                    cu_quote(p));
        ranges = tu_xrealloc(ranges, (nranges + 1) * sizeof *ranges);
        ranges[nranges].lo = lo;
        ranges[nranges++].hi = hi;
    }
}

static int selected(size_t i) {
    int in = 0;
    for (int k = 0; k < nranges && !in; k++) in = i >= ranges[k].lo && i <= ranges[k].hi;
    return in != complement;
}

int cut_main(int argc, char **argv) {
    cu_init(argc, argv);
    static const struct option lopts[] = {
        {"bytes", 1, 0, 'b'}, {"characters", 1, 0, 'c'}, {"fields", 1, 0, 'f'}, {"delimiter", 1, 0, 'd'},
        {"only-delimited", 0, 0, 's'}, {"complement", 0, 0, 1}, {"output-delimiter", 1, 0, 2},
        {"zero-terminated", 0, 0, 'z'}, {0, 0, 0, 0}};
    int c, mode = 0, only_delim = 0, eol = '\n';
    char delim = '\t';
    int have_delim = 0;
    const char *list = NULL, *outdelim = NULL;
    while ((c = getopt_long(argc, argv, "b:c:f:d:snz", lopts, NULL)) != -1) {
        switch (c) {
        case 'b': case 'c': case 'f':
            if (mode) cu_usage_error(1, "only one list may be specified");
            mode = c;
            list = optarg;
            break;
        case 'd':
            if (optarg[0] && optarg[1]) cu_usage_error(1, "the delimiter must be a single character");
            delim = optarg[0];
            have_delim = 1;
            break;
        case 's': only_delim = 1; break;
        case 'n': break;
        case 'z': eol = 0; break;
        case 1: complement = 1; break;
        case 2: outdelim = optarg; break;
        default: cu_usage_error(1, NULL);
        }
    }
    if (!mode) cu_usage_error(1, "you must specify a list of bytes, characters, or fields");
    if (mode != 'f' && have_delim) cu_usage_error(1, "an input delimiter may be specified only when operating on fields");
    if (mode != 'f' && only_delim)
        cu_usage_error(1, "suppressing non-delimited lines makes sense\n\tonly when operating on fields");
    parse_list(list, mode == 'f');
    char dstr[2] = {delim, 0};
    size_t odl = outdelim ? strlen(outdelim) : 1;
    if (!outdelim) outdelim = dstr;
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
        while ((n = tu_getdelim(&r, &line, eol)) > 0) {
            size_t len = line[n - 1] == eol ? n - 1 : n;
            if (mode != 'f') {
                int printed = 0, prev_sel = 0;
                for (size_t k = 0; k < len; k++) {
                    int s = selected(k + 1);
                    if (s) {
                        if (printed && !prev_sel && outdelim != dstr) tu_write(outdelim, odl);
                        tu_putc(line[k]);
                        printed = 1;
                    }
                    prev_sel = s;
                }
            } else if (!memchr(line, delim, len)) {
                if (only_delim) continue;
                tu_write(line, len);
            } else {
                size_t f = 1, start = 0;
                int printed = 0;
                for (size_t k = 0; k <= len; k++) {
                    if (k < len && line[k] != delim) continue;
                    if (selected(f)) {
                        if (printed) tu_write(outdelim, odl);
                        tu_write(line + start, k - start);
                        printed = 1;
                    }
                    f++;
                    start = k + 1;
                }
            }
            tu_putc(eol);
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

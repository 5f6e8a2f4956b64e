/* cmp — compare two files byte by byte (-l, -s, -b, -n LIMIT, -i SKIP). */
#include "cu.h"
#include "textutil.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

SE_COMMAND("cmp", cmp_main)

static void show_char(int c, char *out) {
    char *o = out;
    if (c >= 128) *o++ = 'M', *o++ = '-', c -= 128;
    if (c < 32) *o++ = '^', *o++ = c + 64;
    else if (c == 127) *o++ = '^', *o++ = '?';
    else *o++ = c;
    *o = 0;
}

int cmp_main(int argc, char **argv) {
    cu_init(argc, argv);
    static const struct option lopts[] = {{"verbose", 0, 0, 'l'}, {"silent", 0, 0, 's'}, {"quiet", 0, 0, 's'},
                                          {"print-bytes", 0, 0, 'b'}, {"bytes", 1, 0, 'n'},
                                          {"ignore-initial", 1, 0, 'i'}, {0, 0, 0, 0}};
    int c, verbose = 0, silent = 0, pbytes = 0;
    uint64_t limit = UINT64_MAX, skip[2] = {0, 0};
    while ((c = getopt_long(argc, argv, "lsbn:i:", lopts, NULL)) != -1) {
        switch (c) {
        case 'l': verbose = 1; break;
        case 's': silent = 1; break;
        case 'b': pbytes = 1; break;
        case 'n':
            if (tu_parse_count(optarg, &limit, 1)) cu_error(2, 0, "invalid --bytes value %s", cu_quote(optarg));
            break;
        case 'i': {
            char *colon = strchr(optarg, ':');
            if (colon) *colon = 0;
            if (tu_parse_count(optarg, &skip[0], 1) || (colon && tu_parse_count(colon + 1, &skip[1], 1)))
                cu_error(2, 0, "invalid --ignore-initial value %s", cu_quote(optarg));
            if (!colon) skip[1] = skip[0];
            break;
        }
        default:
            fprintf(stderr, "%s: Try '%s --help' for more information.\n", cu_prog, cu_prog);
            return 2;
        }
    }
    int nargs = argc - optind;
    if (nargs < 1) {
        cu_error(0, 0, "missing operand after '%s'", cu_prog);
        fprintf(stderr, "%s: Try '%s --help' for more information.\n", cu_prog, cu_prog);
        return 2;
    }
    if (nargs > 4) {
        cu_error(0, 0, "invalid --ignore-initial value %s", cu_quote(argv[optind + 4]));
        return 2;
    }
    const char *names[2] = {argv[optind], nargs > 1 ? argv[optind + 1] : "-"};
    if (nargs > 2) tu_parse_count(argv[optind + 2], &skip[0], 1);
    if (nargs > 3) tu_parse_count(argv[optind + 3], &skip[1], 1);
    tu_reader r[2];
    for (int i = 0; i < 2; i++) {
        int fd = tu_open(names[i]);
        if (fd < 0) {
            if (!silent) cu_error(0, errno, "%s", names[i]);
            return 2;
        }
        tu_rinit(&r[i], fd);
        char *d;
        for (uint64_t s = skip[i]; s > 0;) {
            ssize_t n = tu_read(&r[i], &d);
            if (n <= 0) break;
            if ((uint64_t)n > s) {
                r[i].pos -= n - s;
                break;
            }
            s -= n;
        }
    }
    tu_out_init();
    uint64_t byte = 0, line = 1;
    int differ = 0, last = -1;
    for (;;) {
        if (byte >= limit) break;
        int ch[2];
        for (int i = 0; i < 2; i++) {
            if (r[i].pos >= r[i].len) {
                char *d;
                ssize_t n = tu_read(&r[i], &d);
                if (n > 0) r[i].pos -= n;
            }
            ch[i] = r[i].pos < r[i].len ? (unsigned char)r[i].buf[r[i].pos++] : -1;
        }
        if (ch[0] < 0 || ch[1] < 0) {
            if (ch[0] == ch[1]) break;
            int e = ch[0] < 0 ? 0 : 1;
            if (!silent) {
                fflush(stdout);
                if (byte == 0)
                    fprintf(stderr, "%s: EOF on %s which is empty\n", cu_prog, names[e]);
                else if (verbose)
                    fprintf(stderr, "%s: EOF on %s after byte %llu\n", cu_prog, names[e], (unsigned long long)byte);
                else
                    fprintf(stderr, "%s: EOF on %s after byte %llu, %sline %llu\n", cu_prog, names[e],
                            (unsigned long long)byte, last == '\n' ? "" : "in ",
                            (unsigned long long)(last == '\n' ? line - 1 : line));
            }
            return cu_finish(0) ? 2 : 1;
        }
        byte++;
        if (ch[0] != ch[1]) {
            differ = 1;
            if (silent) return 1;
            if (verbose) {
                if (pbytes) {
                    char a[8], b[8];
                    show_char(ch[0], a);
                    show_char(ch[1], b);
                    printf("%llu %3o %-4s %3o %s\n", (unsigned long long)byte, ch[0], a, ch[1], b);
                } else {
                    printf("%llu %3o %3o\n", (unsigned long long)byte, ch[0], ch[1]);
                }
                continue;
            }
            if (pbytes) {
                char a[8], b[8];
                show_char(ch[0], a);
                show_char(ch[1], b);
                printf("%s %s differ: byte %llu, line %llu is %3o %s %3o %s\n", names[0], names[1],
                       (unsigned long long)byte, (unsigned long long)line, ch[0], a, ch[1], b);
            } else {
                printf("%s %s differ: char %llu, line %llu\n", names[0], names[1], (unsigned long long)byte,
                       (unsigned long long)line);
            }
            return cu_finish(0) ? 2 : 1;
        }
        if (ch[0] == '\n') line++;
        last = ch[0];
    }
    return cu_finish(differ) == 0 ? differ : 2;
}

/* wc — line, word, byte, character counts and maximum line length, with GNU column widths. */
#include "cu.h"
#include "textutil.h"

#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

SE_COMMAND("wc", wc_main)

enum { L, W, M, C, X, N };
static int show[N];
static uint64_t total[N];
static int width = 1;
static int utf8;

static void print_counts(const uint64_t *v, const char *name) {
    int first = 1;
    for (int k = 0; k < N; k++) {
        if (!show[k]) continue;
        printf(first ? "%*llu" : " %*llu", width, (unsigned long long)v[k]);
        first = 0;
    }
    if (name) printf(" %s", name);
    putchar('\n');
}

static int count_fd(int fd, uint64_t *v) {
    char *buf = tu_xmalloc(TU_BUFSZ);
    uint64_t lines = 0, words = 0, bytes = 0, chars = 0, maxlen = 0, linepos = 0;
    int in_word = 0;
    int simple = !show[W] && !show[X] && !(show[M] && utf8);
    ssize_t n;
    for (;;) {
        n = read(fd, buf, TU_BUFSZ);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        bytes += n;
        if (simple) {
            if (show[L])
                for (char *p = buf, *e = buf + n; (p = memchr(p, '\n', e - p)); p++) lines++;
            continue;
        }
        for (ssize_t i = 0; i < n; i++) {
            unsigned char c = buf[i];
            if (utf8 && (c & 0xC0) == 0x80) continue;
            chars++;
            switch (c) {
            case '\n':
                lines++;
                /* fallthrough */
            case '\r': case '\f':
                if (linepos > maxlen) maxlen = linepos;
                linepos = 0;
                words += in_word, in_word = 0;
                break;
            case '\t':
                linepos += 8 - linepos % 8;
                words += in_word, in_word = 0;
                break;
            case ' ':
                linepos++;
                /* fallthrough */
            case '\v':
                words += in_word, in_word = 0;
                break;
            default:
                if (isprint(c) || (utf8 && c >= 0xC0)) {
                    linepos++;
                    in_word = 1;
                }
                break;
            }
        }
    }
    free(buf);
    if (linepos > maxlen) maxlen = linepos;
    words += in_word;
    v[L] = lines, v[W] = words, v[C] = bytes, v[M] = simple ? bytes : chars, v[X] = maxlen;
    return n < 0 ? -1 : 0;
}

static int digits(uint64_t v) {
    int d = 1;
    while (v >= 10) v /= 10, d++;
    return d;
}

int wc_main(int argc, char **argv) {
    cu_init(argc, argv);
    static const struct option lopts[] = {{"lines", 0, 0, 'l'}, {"words", 0, 0, 'w'}, {"chars", 0, 0, 'm'},
                                          {"bytes", 0, 0, 'c'}, {"max-line-length", 0, 0, 'L'}, {0, 0, 0, 0}};
    int c, any = 0;
    while ((c = getopt_long(argc, argv, "lwmcL", lopts, NULL)) != -1) {
        switch (c) {
        case 'l': show[L] = 1; break;
        case 'w': show[W] = 1; break;
        case 'm': show[M] = 1; break;
        case 'c': show[C] = 1; break;
        case 'L': show[X] = 1; break;
        default: cu_usage_error(1, NULL);
        }
        any = 1;
    }
    if (!any) show[L] = show[W] = show[C] = 1;
    const char *loc = getenv("LC_ALL");
    if (!loc || !*loc) loc = getenv("LC_CTYPE");
    if (!loc || !*loc) loc = getenv("LANG");
    utf8 = loc && (strstr(loc, "UTF-8") || strstr(loc, "utf8"));
    static char *stdin_arg[] = {"-"};
    int named = optind < argc;
    char **files = named ? argv + optind : stdin_arg;
    int nfiles = named ? argc - optind : 1;
    int nshow = 0;
    for (int k = 0; k < N; k++) nshow += show[k];
    if (!(nshow == 1 && nfiles == 1)) {
        uint64_t sum = 0;
        int minw = 1;
        for (int i = 0; i < nfiles; i++) {
            struct stat st;
            int rc = strcmp(files[i], "-") == 0 ? fstat(0, &st) : stat(files[i], &st);
            if (rc != 0) continue;
            if (S_ISREG(st.st_mode)) sum += st.st_size;
            else minw = 7;
        }
        width = digits(sum);
        if (width < minw) width = minw;
    }
    int status = 0;
    tu_out_init();
    for (int i = 0; i < nfiles; i++) {
        int fd = tu_open(files[i]);
        if (fd < 0) {
            cu_error(0, errno, "%s", files[i]);
            status = 1;
            continue;
        }
        uint64_t v[N];
        if (count_fd(fd, v) < 0) {
            cu_error(0, errno, "%s", files[i]);
            status = 1;
        }
        tu_close(fd);
        for (int k = 0; k < N; k++) total[k] = (k == X) ? (v[k] > total[k] ? v[k] : total[k]) : total[k] + v[k];
        print_counts(v, named ? files[i] : NULL);
    }
    if (nfiles > 1) print_counts(total, "total");
    return cu_finish(status);
}

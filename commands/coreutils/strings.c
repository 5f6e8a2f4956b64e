/* strings — print sequences of printable characters (-n MIN, -t o|d|x, -a). */
#include "cu.h"
#include "textutil.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

SE_COMMAND("strings", strings_main)

static int printable(int c) { return (c >= 32 && c < 127) || c == '\t'; }

int strings_main(int argc, char **argv) {
    cu_init(argc, argv);
    static const struct option lopts[] = {{"bytes", 1, 0, 'n'}, {"radix", 1, 0, 't'}, {"all", 0, 0, 'a'},
                                          {0, 0, 0, 0}};
    int c;
    long min = 4;
    char radix = 0;
    char legacy[32];
    if (argc > 1 && argv[1][0] == '-' && argv[1][1] >= '0' && argv[1][1] <= '9' && strlen(argv[1]) < 20) {
        snprintf(legacy, sizeof legacy, "-n%s", argv[1] + 1);
        argv[1] = legacy;
    }
    while ((c = getopt_long(argc, argv, "n:t:aod", lopts, NULL)) != -1) {
        switch (c) {
        case 'n': {
            char *e;
            min = strtol(optarg, &e, 10);
            if (*e || min <= 0) cu_error(1, 0, "invalid minimum string length %s", optarg);
            break;
        }
        case 't':
            if (!strchr("odx", optarg[0]) || optarg[1]) cu_error(1, 0, "invalid radix: %s", optarg);
            radix = optarg[0];
            break;
        case 'o': radix = 'o'; break;
        case 'a': case 'd': break;
        default: cu_usage_error(1, NULL);
        }
    }
    static char *stdin_arg[] = {"-"};
    char **files = optind < argc ? argv + optind : stdin_arg;
    int nfiles = optind < argc ? argc - optind : 1;
    int status = 0;
    tu_out_init();
    tu_str cur = {0};
    for (int i = 0; i < nfiles; i++) {
        int fd = tu_open(files[i]);
        if (fd < 0) {
            cu_error(0, errno, "'%s': No such file", files[i]);
            status = 1;
            continue;
        }
        struct stat st;
        if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
            cu_error(0, 0, "Warning: '%s' is a directory", files[i]);
            status = 1;
            tu_close(fd);
            continue;
        }
        tu_reader r;
        tu_rinit(&r, fd);
        char *d;
        ssize_t n;
        unsigned long long off = 0, start = 0;
        cur.len = 0;
        for (;;) {
            n = tu_read(&r, &d);
            for (ssize_t k = 0; k <= n; k++) {
                int end = k == n;
                if (end && n > 0) break;
                int ch = end ? -1 : (unsigned char)d[k];
                if (ch >= 0 && printable(ch)) {
                    if (!cur.len) start = off;
                    tu_sputc(&cur, ch);
                } else {
                    if ((long)cur.len >= min) {
                        if (radix == 'o') printf("%7llo ", start);
                        else if (radix == 'd') printf("%7llu ", start);
                        else if (radix == 'x') printf("%7llx ", start);
                        tu_write(cur.s, cur.len);
                        tu_putc('\n');
                    }
                    cur.len = 0;
                }
                if (!end) off++;
            }
            if (n <= 0) break;
        }
        tu_rfree(&r);
        tu_close(fd);
    }
    return cu_finish(status);
}

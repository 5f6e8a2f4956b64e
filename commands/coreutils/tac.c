/* tac — concatenate files with lines in reverse order (-s SEP single byte, -b). */
#include "cu.h"
#include "textutil.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

SE_COMMAND("tac", tac_main)

int tac_main(int argc, char **argv) {
    cu_init(argc, argv);
    static const struct option lopts[] = {{"before", 0, 0, 'b'}, {"separator", 1, 0, 's'}, {0, 0, 0, 0}};
    int c, before = 0;
    char sep = '\n';
    while ((c = getopt_long(argc, argv, "bs:r", lopts, NULL)) != -1) {
        if (c == 'b') before = 1;
        else if (c == 's') sep = optarg[0];
        else if (c != 'r') cu_usage_error(1, NULL);
    }
    static char *stdin_arg[] = {"-"};
    char **files = optind < argc ? argv + optind : stdin_arg;
    int nfiles = optind < argc ? argc - optind : 1;
    int status = 0;
    tu_out_init();
    for (int i = 0; i < nfiles; i++) {
        int fd = tu_open(files[i]);
        char *d = NULL;
        size_t len = 0;
        if (fd < 0) {
            cu_error(0, errno, "failed to open %s for reading", cu_quote(files[i]));
            status = 1;
            continue;
        }
        if (tu_slurp(fd, &d, &len) < 0) {
            cu_error(0, errno == EISDIR ? EINVAL : errno, "%s: read error", files[i]);
            status = 1;
            tu_close(fd);
            continue;
        }
        tu_close(fd);
        size_t end = len;
        if (!before) {
            /* records end with sep; the last one may be unterminated */
            while (end > 0) {
                size_t i2 = end - 1;
                while (i2 > 0 && d[i2 - 1] != sep) i2--;
                tu_write(d + i2, end - i2);
                end = i2;
            }
        } else {
            while (end > 0) {
                size_t i2 = end;
                while (i2 > 0 && d[i2 - 1] != sep) i2--;
                size_t s = i2 > 0 ? i2 - 1 : 0;
                tu_write(d + s, end - s);
                end = s;
            }
        }
        free(d);
    }
    return cu_finish(status);
}

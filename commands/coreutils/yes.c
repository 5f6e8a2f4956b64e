/* yes — print a line (the arguments, or "y") until killed. */
#include <string.h>
#include <unistd.h>
#include <errno.h>
#include <stdlib.h>

#include "cu.h"
#include "fsutil.h"

SE_COMMAND("yes", yes_main)

int yes_main(int argc, char **argv) {
    cu_init(argc, argv);
    int first = 1;
    if (argc > 1 && !strcmp(argv[1], "--")) first = 2;
    size_t len = 0;
    for (int i = first; i < argc; i++) len += strlen(argv[i]) + 1;
    if (first >= argc) len = 2;
    static char buf[8192];
    char *line = len > sizeof buf / 2 ? malloc(len) : buf;
    size_t o = 0;
    if (first >= argc) memcpy(line, "y\n", 2), o = 2;
    for (int i = first; i < argc; i++) {
        size_t k = strlen(argv[i]);
        memcpy(line + o, argv[i], k);
        o += k;
        line[o++] = i + 1 < argc ? ' ' : '\n';
    }
    /* fill the buffer with whole copies of the line */
    size_t fill = o;
    if (line == buf)
        while (fill + o <= sizeof buf) memcpy(buf + fill, buf, o), fill += o;
    for (;;) {
        ssize_t w = write(1, line, fill);
        if (w < 0 && errno == EINTR) continue;
        if (w < 0) cu_error(1, errno, "standard output");
    }
}

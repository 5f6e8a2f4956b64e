/* rev — reverse the characters of each line (util-linux). */
#include "cu.h"
#include "textutil.h"

#include <errno.h>
#include <string.h>

SE_COMMAND("rev", rev_main)

int rev_main(int argc, char **argv) {
    cu_init(argc, argv);
    static char *stdin_arg[] = {"-"};
    int i0 = 1;
    if (argc > 1 && strcmp(argv[1], "--") == 0) i0 = 2;
    char **files = i0 < argc ? argv + i0 : stdin_arg;
    int nfiles = i0 < argc ? argc - i0 : 1;
    int status = 0;
    tu_out_init();
    char *tmp = NULL;
    size_t tcap = 0;
    for (int i = 0; i < nfiles; i++) {
        int fd = tu_open(files[i]);
        if (fd < 0) {
            cu_error(0, errno, "cannot open %s", files[i]);
            status = 1;
            continue;
        }
        tu_reader r;
        tu_rinit(&r, fd);
        char *line;
        ssize_t n;
        long lno = 0;
        while ((n = tu_getdelim(&r, &line, '\n')) > 0) {
            lno++;
            size_t body = line[n - 1] == '\n' ? n - 1 : n;
            if (body > tcap) tmp = tu_xrealloc(tmp, tcap = body * 2);
            for (size_t k = 0; k < body; k++) tmp[k] = line[body - 1 - k];
            tu_write(tmp, body);
            if (body < (size_t)n) tu_putc('\n');
        }
        if (n < 0) {
            fflush(stdout);
            fprintf(stderr, "%s: %s: %ld: %s\n", cu_prog, files[i], lno, strerror(r.err));
            status = 1;
        }
        tu_rfree(&r);
        tu_close(fd);
    }
    return cu_finish(status);
}

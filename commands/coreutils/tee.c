/* tee — copy standard input to standard output and files (-a, -i). */
#include "cu.h"
#include "textutil.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

SE_COMMAND("tee", tee_main)

int tee_main(int argc, char **argv) {
    cu_init(argc, argv);
    static const struct option lopts[] = {{"append", 0, 0, 'a'}, {"ignore-interrupts", 0, 0, 'i'}, {0, 0, 0, 0}};
    int c, append = 0, status = 0;
    while ((c = getopt_long(argc, argv, "aip", lopts, NULL)) != -1) {
        if (c == 'a') append = 1;
        else if (c != 'i' && c != 'p') cu_usage_error(1, NULL);
    }
    int n = argc - optind;
    int *fds = tu_xmalloc(sizeof(int) * (n + 1));
    const char **names = tu_xmalloc(sizeof(char *) * (n + 1));
    fds[0] = 1;
    names[0] = "standard output";
    int k = 1;
    for (int i = optind; i < argc; i++) {
        int fd = strcmp(argv[i], "-") == 0 ? 1 :
                 open(argv[i], O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC), 0666);
        if (fd < 0) {
            cu_error(0, errno, "%s", argv[i]);
            status = 1;
            continue;
        }
        names[k] = argv[i];
        fds[k++] = fd;
    }
    char *buf = tu_xmalloc(TU_BUFSZ);
    for (;;) {
        ssize_t r = read(0, buf, TU_BUFSZ);
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) {
            cu_error(0, errno, "read error");
            status = 1;
            break;
        }
        if (r == 0) break;
        int live = 0;
        for (int i = 0; i < k; i++) {
            if (fds[i] < 0) continue;
            if (tu_write_fd(fds[i], buf, r) < 0) {
                cu_error(0, errno, "%s", names[i]);
                status = 1;
                fds[i] = -1;
                continue;
            }
            live++;
        }
        if (!live) break;
    }
    for (int i = 1; i < k; i++)
        if (fds[i] > 1 && close(fds[i]) != 0) {
            cu_error(0, errno, "%s", names[i]);
            status = 1;
        }
    return status;
}

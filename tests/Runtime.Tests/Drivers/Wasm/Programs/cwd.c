/* Prints the working directory as wasi-libc sees it and as the kernel sees it, then opens a relative file. */
#include <limits.h>
#include <stdio.h>
#include <unistd.h>
#include "se.h"

int main(int argc, char **argv) {
    char buf[PATH_MAX], kbuf[PATH_MAX];
    printf("libc=%s\n", getcwd(buf, sizeof buf) ? buf : "(error)");
    printf("kernel=%s\n", se_getcwd(kbuf, sizeof kbuf) ? kbuf : "(error)");
    if (argc > 1) {
        FILE *f = fopen(argv[1], "r");
        char line[256];
        if (!f) {
            perror(argv[1]);
            return 1;
        }
        while (fgets(line, sizeof line, f)) fputs(line, stdout);
        fclose(f);
    }
    return 0;
}

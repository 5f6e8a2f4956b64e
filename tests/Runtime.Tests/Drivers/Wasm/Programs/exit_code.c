/* exit_code N: exits with N. exit_code raise SIG: sends itself a signal through the kernel (wasi-libc's
 * raise() only emulates signals inside the module: for a fatal one it prints a message and aborts). */
#include <stdlib.h>
#include <string.h>
#include "se.h"

int main(int argc, char **argv) {
    if (argc > 2 && strcmp(argv[1], "raise") == 0) {
        se_kill(se_getpid(), atoi(argv[2]));
        return 99;
    }
    return argc > 1 ? atoi(argv[1]) : 0;
}

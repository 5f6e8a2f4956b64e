/* Prints argv and the environment variables named on the command line after "--env". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
    int i = 0;
    printf("argc=%d\n", argc);
    for (i = 0; i < argc && strcmp(argv[i], "--env") != 0; i++) printf("argv[%d]=%s\n", i, argv[i]);
    for (i++; i < argc; i++) {
        const char *v = getenv(argv[i]);
        printf("%s=%s\n", argv[i], v ? v : "(unset)");
    }
    return 0;
}

/* listdir DIR: counts the entries readdir returns (fd_readdir cookies across several buffers). */
#include <dirent.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
    DIR *d = opendir(argc > 1 ? argv[1] : ".");
    if (!d) {
        perror("opendir");
        return 1;
    }
    long count = 0, dots = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        count++;
        dots += strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0;
    }
    closedir(d);
    printf("entries=%ld dots=%ld\n", count, dots);
    return 0;
}

/* Exercises the WASI path_* and fd_* calls against the kernel's VFS. Prints one line per step. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "se.h"

static void step(const char *what, int r) { printf("%s: %s\n", what, r == 0 ? "ok" : strerror(errno)); }

static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int main(void) {
    char buf[256];
    step("mkdir", mkdir("/tmp/t", 0755));
    step("mkdir again", mkdir("/tmp/t", 0755));
    FILE *f = fopen("/tmp/t/a.txt", "w");
    printf("fopen w: %s\n", f ? "ok" : strerror(errno));
    if (!f) return 1;
    fputs("hello, file\n", f);
    fclose(f);

    struct stat st;
    step("stat", stat("/tmp/t/a.txt", &st));
    printf("size=%lld regular=%d\n", (long long)st.st_size, S_ISREG(st.st_mode));

    int fd = open("/tmp/t/a.txt", O_RDONLY);
    ssize_t n = read(fd, buf, sizeof buf - 1);
    buf[n > 0 ? n : 0] = 0;
    printf("read %zd: %s", n, buf);
    printf("lseek=%lld\n", (long long)lseek(fd, 7, SEEK_SET));
    n = read(fd, buf, 4);
    buf[n > 0 ? n : 0] = 0;
    printf("after seek: %s\n", buf);
    n = pread(fd, buf, 5, 0);
    buf[n > 0 ? n : 0] = 0;
    printf("pread: %s\n", buf);
    close(fd);

    fd = open("/tmp/t/a.txt", O_WRONLY | O_APPEND);
    write(fd, "more\n", 5);
    close(fd);
    fd = open("/tmp/t/new.txt", O_WRONLY | O_CREAT | O_EXCL, 0644);
    printf("create excl: %s\n", fd >= 0 ? "ok" : strerror(errno));
    close(fd);
    fd = open("/tmp/t/new.txt", O_WRONLY | O_CREAT | O_EXCL, 0644);
    printf("create excl again: %s\n", fd >= 0 ? "ok" : strerror(errno));

    step("symlink", symlink("a.txt", "/tmp/t/link"));
    n = readlink("/tmp/t/link", buf, sizeof buf - 1);
    buf[n > 0 ? n : 0] = 0;
    printf("readlink: %s\n", n >= 0 ? buf : strerror(errno));
    step("lstat", lstat("/tmp/t/link", &st));
    printf("lstat is link=%d\n", S_ISLNK(st.st_mode));
    step("mkdir sub", mkdir("/tmp/t/sub", 0700));

    DIR *d = opendir("/tmp/t");
    char *names[32];
    int count = 0;
    struct dirent *e;
    while (d && (e = readdir(d)) && count < 32) names[count++] = strdup(e->d_name);
    if (d) closedir(d);
    qsort(names, count, sizeof names[0], cmp);
    printf("readdir:");
    for (int i = 0; i < count; i++) printf(" %s", names[i]);
    printf("\n");

    step("rename", rename("/tmp/t/a.txt", "/tmp/t/b.txt"));
    f = fopen("/tmp/t/b.txt", "r");
    printf("renamed content: ");
    while (f && fgets(buf, sizeof buf, f)) printf("%s|", strtok(buf, "\n"));
    printf("\n");
    if (f) fclose(f);
    step("open missing", open("/tmp/t/a.txt", O_RDONLY) >= 0 ? 0 : -1);
    step("rmdir nonempty", rmdir("/tmp/t"));
    step("unlink", unlink("/tmp/t/b.txt"));
    step("truncate", truncate("/tmp/t/new.txt", 10));
    step("stat new", stat("/tmp/t/new.txt", &st));
    printf("new size=%lld\n", (long long)st.st_size);

    se_stat_t ss;
    step("se_stat", se_stat("/tmp/t/sub", &ss));
    printf("se_stat mode=%o\n", ss.mode);
    step("se_chmod", se_chmod("/tmp/t/sub", 0750));
    se_stat("/tmp/t/sub", &ss);
    printf("after chmod mode=%o\n", ss.mode);
    char *rp = se_realpath("/tmp/t/../t/sub/.", NULL);
    printf("realpath=%s\n", rp ? rp : strerror(errno));
    step("access", se_access("/tmp/t/new.txt", 4));
    step("access missing", se_access("/tmp/t/nope", 0));
    return 0;
}

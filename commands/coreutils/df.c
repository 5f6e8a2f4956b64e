/* df — report file system space: the VM has one in-memory file system mounted on "/". */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cu.h"
#include "fsutil.h"

SE_COMMAND("df", df_main)

#define FS_TOTAL_KB (1024ULL * 1024) /* a nominal 1 GiB */

int df_main(int argc, char **argv) {
    cu_init(argc, argv);
    static const struct option longs[] = {{"human-readable", 0, 0, 'h'}, {"portability", 0, 0, 'P'},
        {"print-type", 0, 0, 'T'}, {"all", 0, 0, 'a'}, {"local", 0, 0, 'l'}, {0, 0, 0, 0}};
    int c, human = 0, type = 0, status = 0;
    while ((c = getopt_long(argc, argv, "hPTakl", longs, NULL)) != -1) {
        if (c == 'h') human = 1;
        else if (c == 'T') type = 1;
        else if (c == 'k') human = 0;
        else if (c != 'P' && c != 'a' && c != 'l') cu_usage_error(1, NULL);
    }
    for (int i = optind; i < argc; i++) {
        se_stat_t st;
        if (se_stat(argv[i], &st) < 0) {
            cu_error(0, errno, "%s", argv[i]);
            status = 1;
        }
    }
    if (status && optind + 1 == argc) return 1;
    unsigned long long used = 0, avail = FS_TOTAL_KB - used;
    char a[32], b[32], d[32];
    if (human) {
        fs_human(FS_TOTAL_KB * 1024, a), fs_human(used * 1024, b), fs_human(avail * 1024, d);
        printf("Filesystem  %sSize  Used Avail Use%% Mounted on\n", type ? "Type  " : "");
    } else {
        snprintf(a, sizeof a, "%llu", FS_TOTAL_KB), snprintf(b, sizeof b, "%llu", used), snprintf(d, sizeof d, "%llu", avail);
        printf("Filesystem  %s1K-blocks  Used Available Use%% Mounted on\n", type ? "Type  " : "");
    }
    unsigned pct = (unsigned)((used * 100 + FS_TOTAL_KB - 1) / FS_TOTAL_KB);
    int n = argc > optind ? argc - optind : 1;
    for (int i = 0; i < n; i++)
        printf(human ? "%-10s  %s%4s  %4s %5s %3u%% /\n" : "%-10s  %s%9s %5s %9s %3u%% /\n",
               "vfs", type ? "vfs   " : "", a, b, d, pct);
    return cu_finish(status);
}

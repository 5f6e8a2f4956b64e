/* basename, dirname — strip directory / last component from names. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cu.h"
#include "fsutil.h"

SE_COMMAND("basename", basename_main)
SE_COMMAND("dirname", dirname_main)

static void one(const char *name, const char *suffix, char end) {
    char *b = fs_base(name);
    if (!*name) b[0] = 0;
    size_t n = strlen(b), k = suffix ? strlen(suffix) : 0;
    if (k && n > k && strcmp(b + n - k, suffix) == 0 && strcmp(b, "/")) b[n - k] = 0;
    fputs(b, stdout);
    putchar(end);
    free(b);
}

int basename_main(int argc, char **argv) {
    cu_init(argc, argv);
    static const struct option longs[] = {{"multiple", 0, 0, 'a'}, {"suffix", 1, 0, 's'}, {"zero", 0, 0, 'z'}, {0, 0, 0, 0}};
    int c, multi = 0;
    char end = '\n';
    const char *suffix = NULL;
    while ((c = getopt_long(argc, argv, "+as:z", longs, NULL)) != -1) {
        if (c == 'a') multi = 1;
        else if (c == 's') suffix = optarg, multi = 1;
        else if (c == 'z') end = 0;
        else cu_usage_error(1, NULL);
    }
    int n = argc - optind;
    if (n < 1) cu_usage_error(1, "missing operand");
    if (!multi) {
        if (n > 2) cu_usage_error(1, "extra operand %s", cu_quote(argv[optind + 2]));
        one(argv[optind], n == 2 ? argv[optind + 1] : NULL, end);
    } else
        for (int i = optind; i < argc; i++) one(argv[i], suffix, end);
    return cu_finish(0);
}

int dirname_main(int argc, char **argv) {
    cu_init(argc, argv);
    static const struct option longs[] = {{"zero", 0, 0, 'z'}, {0, 0, 0, 0}};
    int c;
    char end = '\n';
    while ((c = getopt_long(argc, argv, "z", longs, NULL)) != -1) {
        if (c == 'z') end = 0;
        else cu_usage_error(1, NULL);
    }
    if (optind >= argc) cu_usage_error(1, "missing operand");
    for (int i = optind; i < argc; i++) {
        char *d = fs_dir(argv[i]);
        fputs(d, stdout);
        putchar(end);
        free(d);
    }
    return cu_finish(0);
}

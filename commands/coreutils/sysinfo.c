/* whoami, id, uname, hostname, nproc — the VM's fixed answers (root, Linux x86_64, hostname file). */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cu.h"
#include "fsutil.h"

SE_COMMAND("whoami", whoami_main)
SE_COMMAND("id", id_main)
SE_COMMAND("uname", uname_main)
SE_COMMAND("hostname", hostname_main)
SE_COMMAND("nproc", nproc_main)
SE_COMMAND("arch", arch_main)
SE_COMMAND("groups", groups_main)

int arch_main(int argc, char **argv) {
    cu_init(argc, argv);
    if (argc > 1) cu_usage_error(1, "extra operand %s", cu_quote(argv[1]));
    puts("x86_64");
    return cu_finish(0);
}

int groups_main(int argc, char **argv) {
    cu_init(argc, argv);
    int status = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], fs_user_name(0))) {
            cu_error(0, 0, "%s: no such user", cu_quote(argv[i]));
            status = 1;
            continue;
        }
        printf("%s : %s\n", argv[i], fs_group_name(0));
    }
    if (argc == 1) puts(fs_group_name(0));
    return cu_finish(status);
}

int whoami_main(int argc, char **argv) {
    cu_init(argc, argv);
    if (argc > 1 && strcmp(argv[1], "--")) cu_usage_error(1, "extra operand %s", cu_quote(argv[1]));
    puts(fs_user_name(0));
    return cu_finish(0);
}

int id_main(int argc, char **argv) {
    cu_init(argc, argv);
    static const struct option longs[] = {{"user", 0, 0, 'u'}, {"group", 0, 0, 'g'}, {"groups", 0, 0, 'G'},
        {"name", 0, 0, 'n'}, {"real", 0, 0, 'r'}, {"zero", 0, 0, 'z'}, {0, 0, 0, 0}};
    int c, what = 0, name = 0;
    while ((c = getopt_long(argc, argv, "ugGnrza", longs, NULL)) != -1) {
        if (c == 'u' || c == 'g' || c == 'G') {
            if (what && what != c) cu_usage_error(1, "cannot print \"only\" of more than one choice");
            what = c;
        } else if (c == 'n') name = 1;
        else if (c == 'r' || c == 'z' || c == 'a') {}
        else cu_usage_error(1, NULL);
    }
    if (optind < argc) {
        if (optind + 1 < argc) cu_usage_error(1, "extra operand %s", cu_quote(argv[optind + 1]));
        const char *u = argv[optind];
        if (strcmp(u, fs_user_name(0)) && strcmp(u, "0")) cu_error(1, 0, "%s: no such user", cu_quote(u));
    }
    if (name && !what) cu_error(1, 0, "cannot print only names or real IDs in default format");
    if (what) puts(name ? (what == 'u' ? fs_user_name(0) : fs_group_name(0)) : "0");
    else printf("uid=0(%s) gid=0(%s) groups=0(%s)\n", fs_user_name(0), fs_group_name(0), fs_group_name(0));
    return cu_finish(0);
}

static char *first_line(const char *path, const char *fallback) {
    char *s = fs_read_file(path, NULL);
    if (!s) return strdup(fallback);
    s[strcspn(s, "\n")] = 0;
    if (!*s) {
        free(s);
        return strdup(fallback);
    }
    return s;
}

int uname_main(int argc, char **argv) {
    cu_init(argc, argv);
    static const struct option longs[] = {{"all", 0, 0, 'a'}, {"kernel-name", 0, 0, 's'}, {"nodename", 0, 0, 'n'},
        {"kernel-release", 0, 0, 'r'}, {"kernel-version", 0, 0, 'v'}, {"machine", 0, 0, 'm'},
        {"processor", 0, 0, 'p'}, {"hardware-platform", 0, 0, 'i'}, {"operating-system", 0, 0, 'o'}, {0, 0, 0, 0}};
    int c, f = 0, all = 0;
    const char *keys = "snrvmpio";
    while ((c = getopt_long(argc, argv, "asnrvmpio", longs, NULL)) != -1) {
        if (c == 'a') all = 1;
        else if (strchr(keys, c)) f |= 1 << (strchr(keys, c) - keys);
        else cu_usage_error(1, NULL);
    }
    if (optind < argc) cu_usage_error(1, "extra operand %s", cu_quote(argv[optind]));
    if (all) f = 0xff & ~(1 << 5 | 1 << 6);
    if (!f) f = 1;
    char *rel = first_line("/proc/sys/kernel/osrelease", "6.1.0-secure-exec");
    char *ver = first_line("/proc/sys/kernel/version", "#1 SMP");
    const char *vals[8] = {"Linux", fs_hostname(), rel, ver, "x86_64", "unknown", "unknown", "GNU/Linux"};
    int sp = 0;
    for (int i = 0; i < 8; i++) {
        if (!(f & (1 << i))) continue;
        if (sp++) putchar(' ');
        fputs(vals[i], stdout);
    }
    putchar('\n');
    free(rel), free(ver);
    return cu_finish(0);
}

int hostname_main(int argc, char **argv) {
    cu_init(argc, argv);
    int c, shrt = 0;
    while ((c = getopt(argc, argv, "sf")) != -1) {
        if (c == 's') shrt = 1;
        else if (c != 'f') cu_usage_error(1, NULL);
    }
    if (optind < argc) cu_error(1, 1, "you must be root to change the host name");
    const char *h = fs_hostname();
    if (shrt) printf("%.*s\n", (int)strcspn(h, "."), h);
    else puts(h);
    return cu_finish(0);
}

int nproc_main(int argc, char **argv) {
    cu_init(argc, argv);
    static const struct option longs[] = {{"all", 0, 0, 'a'}, {"ignore", 1, 0, 'I'}, {0, 0, 0, 0}};
    int c;
    long ignore = 0;
    while ((c = getopt_long(argc, argv, "", longs, NULL)) != -1) {
        if (c == 'I') {
            char *end;
            ignore = strtol(optarg, &end, 10);
            if (*end || ignore < 0) cu_error(1, 0, "invalid number: %s", cu_quote(optarg));
        } else if (c != 'a') cu_usage_error(1, NULL);
    }
    if (optind < argc) cu_usage_error(1, "extra operand %s", cu_quote(argv[optind]));
    long n = se_nproc();
    if (n < 1) n = 1;
    const char *omp = getenv("OMP_NUM_THREADS");
    if (omp && atol(omp) > 0) n = atol(omp);
    n -= ignore;
    printf("%ld\n", n < 1 ? 1 : n);
    return cu_finish(0);
}

/* ps — report processes from /proc/<pid>/{status,cmdline} (-e -A -f -o LIST, procps-style columns). */
#include <ctype.h>
#include <dirent.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cu.h"
#include "fsutil.h"

SE_COMMAND("ps", ps_main)

static int pw = 5; /* pid column width: digits of pid_max */

struct proc {
    int pid, ppid;
    char name[64];
    char *args;
};

static int cmp(const void *a, const void *b) { return ((const struct proc *)a)->pid - ((const struct proc *)b)->pid; }

static int load(int pid, struct proc *p) {
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/status", pid);
    char *s = fs_read_file(path, NULL);
    if (!s) return -1;
    p->pid = pid, p->ppid = 0, p->name[0] = 0;
    for (char *line = strtok(s, "\n"); line; line = strtok(NULL, "\n")) {
        if (!strncmp(line, "Name:", 5)) {
            char *v = line + 5;
            while (*v == ' ' || *v == '\t') v++;
            snprintf(p->name, sizeof p->name, "%s", v);
        } else if (!strncmp(line, "PPid:", 5)) p->ppid = atoi(line + 5);
    }
    free(s);
    snprintf(path, sizeof path, "/proc/%d/cmdline", pid);
    size_t n = 0;
    char *c = fs_read_file(path, &n);
    if (c && n) {
        while (n && !c[n - 1]) n--;
        for (size_t i = 0; i < n; i++) if (!c[i]) c[i] = ' ';
        c[n] = 0;
        p->args = c;
    } else {
        free(c);
        p->args = malloc(strlen(p->name) + 3);
        sprintf(p->args, "[%s]", p->name);
    }
    return 0;
}

/* one -o column */
static void column(const char *key, const struct proc *p, int header, int last) {
    const char *k = key;
    if (!strcmp(k, "pid")) header ? printf("%*s", pw, "PID") : printf("%*d", pw, p->pid);
    else if (!strcmp(k, "ppid")) header ? printf("%*s", pw, "PPID") : printf("%*d", pw, p->ppid);
    else if (!strcmp(k, "pgid") || !strcmp(k, "sid")) header ? printf("%*s", pw, !strcmp(k, "sid") ? "SID" : "PGID") : printf("%*d", pw, p->pid);
    else if (!strcmp(k, "user") || !strcmp(k, "uid") || !strcmp(k, "ruser") || !strcmp(k, "euser")) {
        if (!strcmp(k, "uid")) header ? printf("%5s", "UID") : printf("%5d", 0);
        else header ? printf("%-8s", "USER") : printf("%-8s", fs_user_name(0));
    } else if (!strcmp(k, "tty") || !strcmp(k, "tt")) header ? printf("%-8s", "TT") : printf("%-8s", "?");
    else if (!strcmp(k, "time")) header ? printf("%8s", "TIME") : printf("%8s", "00:00:00");
    else if (!strcmp(k, "etime")) header ? printf("%11s", "ELAPSED") : printf("%11s", "00:00");
    else if (!strcmp(k, "%cpu") || !strcmp(k, "pcpu")) header ? printf("%4s", "%CPU") : printf("%4s", "0.0");
    else if (!strcmp(k, "%mem") || !strcmp(k, "pmem")) header ? printf("%4s", "%MEM") : printf("%4s", "0.0");
    else if (!strcmp(k, "vsz") || !strcmp(k, "rss")) header ? printf("%6s", !strcmp(k, "vsz") ? "VSZ" : "RSS") : printf("%6d", 0);
    else if (!strcmp(k, "stat") || !strcmp(k, "s")) header ? printf("%-4s", "STAT") : printf("%-4s", "S");
    else if (!strcmp(k, "nice") || !strcmp(k, "ni")) header ? printf("%3s", "NI") : printf("%3d", 0);
    else if (!strcmp(k, "comm") || !strcmp(k, "ucomm")) {
        if (header) printf(last ? "%s" : "%-15s", "COMMAND");
        else printf(last ? "%s" : "%-15s", p->name);
    } else if (!strcmp(k, "args") || !strcmp(k, "command") || !strcmp(k, "cmd")) {
        if (header) printf(last ? "%s" : "%-27s", strcmp(k, "cmd") ? "COMMAND" : "CMD");
        else printf(last ? "%s" : "%-27s", p->args);
    } else header ? printf("%s", k) : printf("-");
}

static int wanted(const char *pids, int pid) {
    if (!pids) return 1;
    char *copy = strdup(pids);
    int hit = 0;
    for (char *t = strtok(copy, ", "); t && !hit; t = strtok(NULL, ", ")) hit = atoi(t) == pid;
    free(copy);
    return hit;
}

int ps_main(int argc, char **argv) {
    cu_init(argc, argv);
    int c, full = 0, bsd = 0;
    char *fmt = NULL;
    const char *pids = NULL;
    /* BSD syntax: "ps aux", "ps ax" */
    if (argc > 1 && argv[1][0] != '-' && strspn(argv[1], "auxwfeh") == strlen(argv[1])) {
        bsd = strchr(argv[1], 'u') ? 'u' : 'x';
        argv[1] = "-e";
    }
    while ((c = getopt(argc, argv, "eAfo:axlwu:p:")) != -1) {
        switch (c) {
        case 'p': pids = optarg; break;
        case 'f': full = 1; break;
        case 'o': {
            size_t n = fmt ? strlen(fmt) : 0;
            fmt = realloc(fmt, n + strlen(optarg) + 2);
            if (n) fmt[n++] = ',';
            strcpy(fmt + n, optarg);
            break;
        }
        case 'e': case 'A': case 'a': case 'x': case 'l': case 'w': case 'u': break;
        default:
            fprintf(stderr, "error: unsupported option (BSD syntax)\n");
            return 1;
        }
    }
    char *mx = fs_read_file("/proc/sys/kernel/pid_max", NULL);
    if (mx) {
        long m = atol(mx);
        pw = 1;
        while (m >= 10) m /= 10, pw++;
        if (pw < 5) pw = 5;
        free(mx);
    }
    size_t n = 0, cap = 32;
    struct proc *v = malloc(cap * sizeof *v);
    DIR *d = opendir("/proc");
    struct dirent *de;
    while (d && (de = readdir(d))) {
        if (!isdigit((unsigned char)de->d_name[0])) continue;
        if (n == cap) v = realloc(v, (cap *= 2) * sizeof *v);
        if (wanted(pids, atoi(de->d_name)) && load(atoi(de->d_name), &v[n]) == 0) n++;
    }
    if (d) closedir(d);
    qsort(v, n, sizeof *v, cmp);
    if (bsd == 'u') {
        printf("%-8s %*s %4s %4s %6s %5s %-8s %-4s %5s %6s %s\n", "USER", pw, "PID", "%CPU", "%MEM", "VSZ", "RSS", "TTY",
               "STAT", "START", "TIME", "COMMAND");
        for (size_t i = 0; i < n; i++)
            printf("%-8s %*d %4s %4s %6d %5d %-8s %-4s %5s %6s %s\n", fs_user_name(0), pw, v[i].pid, "0.0", "0.0", 0, 0, "?",
                   "S", "00:00", "0:00", v[i].args);
    } else if (bsd) {
        printf("%*s %-8s %-4s %6s %s\n", pw, "PID", "TTY", "STAT", "TIME", "COMMAND");
        for (size_t i = 0; i < n; i++) printf("%*d %-8s %-4s %6s %s\n", pw, v[i].pid, "?", "S", "0:00", v[i].args);
    } else if (fmt) {
        char *keys[64];
        int nk = 0, blank = 1;
        for (char *t = strtok(fmt, ", "); t && nk < 64; t = strtok(NULL, ", ")) {
            char *eq = strchr(t, '=');
            if (eq) { if (eq[1]) blank = 0; *eq = 0; } else blank = 0;
            keys[nk++] = t;
        }
        for (size_t i = 0; i <= n; i++) {
            if (i == 0 && blank) continue;
            for (int k = 0; k < nk; k++) {
                if (k) putchar(' ');
                column(keys[k], i ? &v[i - 1] : NULL, i == 0, k == nk - 1);
            }
            putchar('\n');
        }
    } else if (full) {
        printf("UID      %*s %*s  C STIME TTY          TIME CMD\n", pw, "PID", pw, "PPID");
        for (size_t i = 0; i < n; i++)
            printf("%-8s %*d %*d  0 00:00 ?        00:00:00 %s\n", fs_user_name(0), pw, v[i].pid, pw, v[i].ppid, v[i].args);
    } else {
        printf("%*s TTY          TIME CMD\n", pw, "PID");
        for (size_t i = 0; i < n; i++) printf("%*d ?        00:00:00 %s\n", pw, v[i].pid, v[i].name);
    }
    return cu_finish(pids && n == 0 ? 1 : 0);
}

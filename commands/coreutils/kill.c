/* kill — send a signal to processes (-s SIG, -SIG, -l [SIG], -L), procps-style messages. */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cu.h"
#include "fsutil.h"

SE_COMMAND("kill", kill_main)

static void list_all(void) {
    for (int i = 1; i < 32; i++) {
        fputs(fs_sig_name(i), stdout);
        putchar(i == 16 || i == 31 ? '\n' : ' ');
    }
}

static int bad_sig(const char *s) {
    fprintf(stderr, "%s: unknown signal name %s\n", cu_prog, s);
    return 1;
}

int kill_main(int argc, char **argv) {
    cu_init(argc, argv);
    int sig = 15, i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--")) { i++; break; }
        if (!strcmp(a, "-l") || !strcmp(a, "--list") || !strcmp(a, "-L") || !strcmp(a, "--table")) {
            if (i + 1 >= argc) {
                list_all();
                return cu_finish(0);
            }
            const char *s = argv[i + 1];
            if (isdigit((unsigned char)*s)) {
                int n = atoi(s);
                if (!fs_sig_name(n)) return bad_sig(s), 0;
                puts(fs_sig_name(n));
            } else {
                int n = fs_sig_number(s);
                if (n < 0) return bad_sig(s), 0;
                printf("%d\n", n);
            }
            return cu_finish(0);
        }
        if (!strcmp(a, "-s") || !strcmp(a, "--signal") || !strcmp(a, "-n")) {
            if (i + 1 >= argc) {
                fprintf(stderr, "%s: option requires an argument -- '%c'\n", cu_prog, a[1] == '-' ? 's' : a[1]);
                return 1;
            }
            sig = fs_sig_number(argv[++i]); /* unknown: -1, the kill fails with EINVAL */
            continue;
        }
        if (isdigit((unsigned char)a[1]) && i + 1 < argc) {
            sig = fs_sig_number(a + 1);
            if (sig < 0) return bad_sig(a + 1);
            continue;
        }
        if (isdigit((unsigned char)a[1])) break; /* "-1" alone is a pid */
        sig = fs_sig_number(a + 1);
        if (sig < 0) return bad_sig(a + 1);
    }
    if (i >= argc) {
        fprintf(stderr, "\nUsage:\n %s [-s SIGNAL | -SIGNAL] PID...\n %s -l [SIGNAL]\n", cu_prog, cu_prog);
        return 1;
    }
    int status = 0;
    for (; i < argc; i++) {
        char *end;
        long pid = strtol(argv[i], &end, 10);
        if (!*argv[i] || *end) {
            fprintf(stderr, "%s: failed to parse argument: '%s'\n", cu_prog, argv[i]);
            status = 1;
            continue;
        }
        if (se_kill((int)pid, sig) < 0) {
            fprintf(stderr, "%s: (%ld): %s\n", cu_prog, pid, strerror(errno));
            status = 1;
        }
    }
    return cu_finish(status);
}

/* timeout — run a command with a time limit (-s SIG, -k DURATION, --preserve-status, -v, --foreground). */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cu.h"
#include "fsutil.h"

SE_COMMAND("timeout", timeout_main)

static double now_sec(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Signals sent to timeout itself are passed on to the command (TERM INT HUP QUIT USR1 USR2). */
static const int forwarded[] = {1, 2, 3, 10, 12, 15};

static void forward_pending(int pid) {
    uint64_t p = se_sigpending();
    for (size_t i = 0; i < sizeof forwarded / sizeof forwarded[0]; i++)
        if (p & (1ULL << forwarded[i])) {
            se_kill(pid, forwarded[i]);
            if (forwarded[i] != 18) se_kill(pid, 18);
        }
}

/* Waits for pid until deadline (< 0: forever). Returns 1 and fills *st when it ended. */
static int wait_until(int pid, double deadline, int *st) {
    for (;;) {
        forward_pending(pid);
        int r = se_waitpid(pid, st, SE_WNOHANG);
        if (r == pid) return 1;
        if (r < 0 && errno != EINTR) { *st = 0; return 1; }
        if (deadline >= 0 && now_sec() >= deadline) return 0;
        struct timespec ts = {0, 10 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
}

int timeout_main(int argc, char **argv) {
    cu_init(argc, argv);
    static const struct option longs[] = {{"signal", 1, 0, 's'}, {"kill-after", 1, 0, 'k'},
        {"preserve-status", 0, 0, 'p'}, {"foreground", 0, 0, 'f'}, {"verbose", 0, 0, 'v'}, {0, 0, 0, 0}};
    int c, sig = 15, preserve = 0, verbose = 0;
    double kill_after = -1;
    while ((c = getopt_long(argc, argv, "+s:k:v", longs, NULL)) != -1) {
        switch (c) {
        case 's':
            sig = fs_sig_number(optarg);
            if (sig < 0) cu_error(125, 0, "%s: invalid signal", optarg);
            break;
        case 'k':
            if (fs_parse_duration(optarg, &kill_after) < 0) {
                cu_error(0, 0, "invalid time interval %s", cu_quote(optarg));
                cu_usage_error(125, NULL);
            }
            break;
        case 'p': preserve = 1; break;
        case 'f': break;
        case 'v': verbose = 1; break;
        default: cu_usage_error(125, NULL);
        }
    }
    if (argc - optind < 2) cu_usage_error(125, NULL);
    double dur;
    if (fs_parse_duration(argv[optind], &dur) < 0) {
        cu_error(0, 0, "invalid time interval %s", cu_quote(argv[optind]));
        cu_usage_error(125, NULL);
    }
    char **cmd = argv + optind + 1;
    int pid = fs_spawn(cmd, NULL);
    /* catch after spawning so the command starts with default dispositions */
    for (size_t i = 0; pid >= 0 && i < sizeof forwarded / sizeof forwarded[0]; i++)
        if (se_signal(forwarded[i], SE_SIG_CATCH) == SE_SIG_IGN) se_signal(forwarded[i], SE_SIG_IGN);
    if (pid < 0) {
        int e = errno;
        cu_error(0, e, "failed to run command %s", cu_quote(cmd[0]));
        return e == ENOENT ? 127 : 126;
    }
    int st = 0, timed_out = 0;
    if (!wait_until(pid, dur > 0 ? now_sec() + dur : -1, &st)) {
        timed_out = 1;
        if (verbose) cu_error(0, 0, "sending signal %s to command %s", fs_sig_name(sig) ? fs_sig_name(sig) : "?", cu_quote(cmd[0]));
        se_kill(pid, sig);
        if (sig != 9 && sig != 18) se_kill(pid, 18);
        if (!wait_until(pid, kill_after >= 0 ? now_sec() + kill_after : -1, &st)) {
            if (verbose) cu_error(0, 0, "sending signal KILL to command %s", cu_quote(cmd[0]));
            se_kill(pid, 9);
            wait_until(pid, -1, &st);
            if (!preserve) sig = 9;
        }
    }
    if (timed_out && !preserve && sig == 9) {
        /* like GNU: the command could not clean up, so timeout dies the same way */
        fflush(stdout);
        se_kill(se_getpid(), 9);
        return 137;
    }
    if (timed_out && !preserve) return 124;
    if (!timed_out && SE_WIFSIGNALED(st)) { /* die the same way, like GNU timeout */
        fflush(stdout);
        se_signal(SE_WTERMSIG(st), SE_SIG_DFL);
        se_kill(se_getpid(), SE_WTERMSIG(st));
    }
    return fs_status_code(st);
}

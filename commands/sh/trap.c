/* trap.c — traps (polled with se_sigpending, no signal handlers), kill, wait and the job table. */
#include "sh.h"

#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include "se.h"

char *traps[65]; /* NULL default, "" ignore, else the action */
char *parent_traps[65];
int traps_changed;
int in_trap;

static const char *names[] = {"EXIT", "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1",
                              "SEGV", "USR2", "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP",
                              "TTIN", "TTOU", "URG", "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS"};
#define NNAMES 32

const char *sig_name(int n) { return n >= 0 && n < NNAMES ? names[n] : NULL; }

int sig_number(const char *s) {
    if (isdigit((unsigned char)*s)) {
        char *e;
        long long v = strtoll(s, &e, 10);
        return *e || v > 64 ? -1 : (int)v;
    }
    if (!strncasecmp(s, "SIG", 3)) s += 3;
    for (int i = 0; i < NNAMES; i++)
        if (!strcasecmp(s, names[i])) return i;
    return -1;
}

static void run_trap(int sig) {
    if (!traps[sig] || !*traps[sig]) return;
    int st = exit_status;
    in_trap++;
    char *code = xstrdup(traps[sig]);
    run_string(code, lineno);
    free(code);
    in_trap--;
    if (unwind != U_EXIT) exit_status = st;
}

void trap_check(void) {
    if (in_trap) return;
    uint64_t p = se_sigpending();
    for (int s = 1; s < 65 && p; s++)
        if (p & (1ULL << s)) run_trap(s);
}

void run_exit_trap(void) {
    if (traps[0] && *traps[0]) {
        char *t = traps[0];
        traps[0] = NULL;
        int u = unwind;
        unwind = U_NONE;
        int st = exit_status;
        in_trap++;
        run_string(t, lineno);
        in_trap--;
        if (unwind != U_EXIT) exit_status = st;
        unwind = u;
    }
}

int b_trap(int argc, char **argv) {
    int i = 1;
    if (i < argc && !strcmp(argv[i], "--")) i++;
    if (i >= argc) {
        char **list = traps; /* like dash, a subshell lists only its own (ignored) traps */
        for (int s = 0; s < 65; s++)
            if (list[s]) {
                char *q = shell_quote(list[s]);
                printf("trap -- %s %s\n", q, sig_name(s) ? sig_name(s) : "?");
                free(q);
            }
        fflush(stdout);
        return 0;
    }
    traps_changed = 1;
    const char *action = argv[i];
    if (isdigit((unsigned char)action[0]) || i == argc - 1) action = "-";
    else i++;
    int st = 0;
    for (; i < argc; i++) {
        int s = sig_number(argv[i]);
        if (s < 0) {
            fflush(stdout);
            fprintf(stderr, "trap: %s: bad trap\n", argv[i]);
            st = 1;
            continue;
        }
        if (s == SIGKILL || s == SIGSTOP) continue;
        free(traps[s]);
        if (!strcmp(action, "-")) {
            traps[s] = NULL;
            if (s) se_signal(s, SE_SIG_DFL);
        } else {
            traps[s] = xstrdup(action);
            if (s) se_signal(s, *action ? SE_SIG_CATCH : SE_SIG_IGN);
        }
    }
    return st;
}

/* ---- jobs ---- */
typedef struct {
    int pid, status, done;
} Job;
static Job jobs[256];
static int njobs;

void job_add(int pid) {
    if (pid <= 0) return;
    if (njobs == 256) {
        memmove(jobs, jobs + 1, sizeof(Job) * 255);
        njobs--;
    }
    jobs[njobs].pid = pid;
    jobs[njobs].done = 0;
    njobs++;
}

static void job_remove(int i) {
    memmove(jobs + i, jobs + i + 1, sizeof(Job) * (size_t)(njobs - i - 1));
    njobs--;
}

int job_wait(int pid, int *status) {
    int i;
    for (i = 0; i < njobs; i++)
        if (jobs[i].pid == pid) break;
    if (i == njobs) return -1;
    for (;;) {
        int st = 0;
        int r = se_waitpid(pid, &st, 0);
        if (r == pid) {
            report_signal(st);
            *status = status_from_wait(st);
            job_remove(i);
            return 0;
        }
        if (r < 0 && errno == EINTR) {
            /* a trapped signal ends the wait with 128+n after its trap ran */
            uint64_t p = se_sigpending();
            int first = 0;
            for (int s = 1; s < 65; s++)
                if (p & (1ULL << s)) {
                    if (!first && traps[s] && *traps[s]) first = s;
                    run_trap(s);
                }
            if (unwind == U_EXIT) {
                *status = exit_status;
                return -2;
            }
            if (first) {
                *status = 128 + first;
                return -2;
            }
            continue;
        }
        *status = 127;
        job_remove(i);
        return 0;
    }
}

int b_wait(int argc, char **argv) {
    int st = 0;
    if (argc < 2) {
        while (njobs) {
            int s;
            if (job_wait(jobs[0].pid, &s) == -2) return s;
        }
        return 0;
    }
    for (int i = 1; i < argc; i++) {
        long long pid;
        if (parse_int(argv[i], &pid) < 0 || pid <= 0) {
            if (argv[i][0] == '%') {
                sh_error("wait: No such job: %s", argv[i]);
                st = 2;
                continue;
            }
            sh_errorx(2, "wait: Illegal number: %s", argv[i]);
            return 2;
        }
        int s;
        int r = job_wait((int)pid, &s);
        if (r == -1) st = 127;
        else st = s;
        if (r == -2) return s;
    }
    return st;
}

int b_kill(int argc, char **argv) {
    int sig = SIGTERM, i = 1;
    if (argc < 2) {
        sh_error("kill: Usage: kill [-s sigspec | -signum | -sigspec] [pid | job]... or\nkill -l [exitstatus]");
        return 2;
    }
    if (!strcmp(argv[1], "-l") || !strcmp(argv[1], "-L")) {
        if (argc == 2) {
            for (int s = 0; s < NNAMES; s++) printf("%s\n", names[s]);
            fflush(stdout);
            return 0;
        }
        int st = 0;
        for (i = 2; i < argc; i++) {
            long long v;
            if (parse_int(argv[i], &v) == 0) {
                if (v > 128) v -= 128;
                if (v >= 0 && v < NNAMES) printf("%s\n", names[v]);
                else {
                    sh_error("kill: invalid signal number or exit status: %s", argv[i]);
                    st = 2;
                }
            } else {
                fflush(stdout);
                sh_error("kill: Illegal number: %s", argv[i]);
                return 2;
            }
        }
        fflush(stdout);
        return st;
    }
    if (!strcmp(argv[1], "-s") || !strcmp(argv[1], "-n")) {
        if (argc < 3) {
            sh_error("kill: option requires an argument");
            return 2;
        }
        sig = sig_number(argv[2]);
        if (sig < 0) {
            sh_error("kill: invalid signal number or name: %s", argv[2]);
            return 2;
        }
        i = 3;
    } else if (argv[1][0] == '-' && argv[1][1] && strcmp(argv[1], "--")) {
        sig = sig_number(argv[1] + 1);
        if (sig < 0) {
            sh_error("kill: invalid signal number or name: %s", argv[1] + 1);
            return 2;
        }
        i = 2;
    }
    if (i < argc && !strcmp(argv[i], "--")) i++;
    if (i >= argc) {
        sh_error("kill: Usage: kill [-s sigspec | -signum | -sigspec] [pid | job]... or\nkill -l [exitstatus]");
        return 2;
    }
    int st = 0;
    for (; i < argc; i++) {
        long long pid;
        if (parse_int(argv[i], &pid) < 0) {
            sh_error("kill: Illegal number: %s", argv[i]);
            st = 2;
            continue;
        }
        if (se_kill((int)pid, sig) < 0) {
            sh_error("kill: %s", errno == ESRCH ? "No such process" : strerror(errno));
            st = 1;
        }
    }
    trap_check();
    return st;
}

/* in a child sh: only "ignore" traps were passed; make sure they are in effect */
void trap_reset_for_subshell(void) {
    for (int s = 1; s < 65; s++)
        if (traps[s] && !*traps[s]) se_signal(s, SE_SIG_IGN);
}

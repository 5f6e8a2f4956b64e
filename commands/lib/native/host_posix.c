/*
 * host_posix.c — the secure_exec imports implemented with plain POSIX calls, for DEVELOPMENT ONLY:
 * `make native` builds the commands as host programs so they can be compared with dash/GNU tools
 * while the kernel-backed driver is not involved. Never linked into the .wasm commands the product runs.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "secure_exec.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* evaluates x once (it is often a call that creates an fd) */
#define R(x) ({ long r_ = (long)(x); r_ < 0 ? -errno : (int32_t)r_; })

static char **unpack(const char *buf, int32_t len) {
    int n = 0;
    for (int32_t i = 0; i < len; i++) if (!buf[i]) n++;
    char **v = calloc((size_t)n + 1, sizeof *v);
    int k = 0;
    for (int32_t i = 0; i < len; i += (int32_t)strlen(buf + i) + 1) v[k++] = (char *)buf + i;
    return v;
}

int32_t __se_spawn(const char *path, const char *argv, int32_t argv_len, const char *env, int32_t env_len,
                   const char *cwd, const int32_t *fdmap, int32_t fdmap_pairs, int32_t pgid, int32_t *pid_out) {
    char **av = unpack(argv, argv_len), **ev = unpack(env, env_len);
    int errpipe[2];
    if (pipe2(errpipe, O_CLOEXEC) < 0) return -errno;
    pid_t pid = fork();
    if (pid < 0) return -errno;
    if (pid == 0) {
        if (pgid != SE_PGID_INHERIT) setpgid(0, pgid);
        if (fdmap_pairs >= 0) {
            /* move sources out of the way, then place them; close everything else */
            int hi = 1000;
            int tmp[256];
            for (int i = 0; i < fdmap_pairs && i < 256; i++) tmp[i] = fcntl(fdmap[2 * i + 1], F_DUPFD_CLOEXEC, hi);
            for (int fd = 0; fd < hi; fd++) if (fd != errpipe[1]) close(fd);
            for (int i = 0; i < fdmap_pairs && i < 256; i++) if (tmp[i] >= 0) dup2(tmp[i], fdmap[2 * i]);
        }
        if (cwd && *cwd && chdir(cwd) < 0) goto fail;
        environ = ev;
        if (strchr(path, '/')) execv(path, av); else execvp(path, av);
    fail:;
        int e = errno;
        write(errpipe[1], &e, sizeof e);
        _exit(127);
    }
    close(errpipe[1]);
    int e = 0;
    ssize_t n = read(errpipe[0], &e, sizeof e);
    close(errpipe[0]);
    free(av);
    free(ev);
    if (n == sizeof e) {
        waitpid(pid, NULL, 0);
        return -e;
    }
    *pid_out = pid;
    return 0;
}

int32_t __se_exec(const char *path, const char *argv, int32_t argv_len, const char *env, int32_t env_len) {
    char **av = unpack(argv, argv_len), **ev = unpack(env, env_len);
    environ = ev;
    if (strchr(path, '/')) execv(path, av); else execvp(path, av);
    return -errno;
}

int32_t __se_wait(int32_t pid, int32_t *status_out, int32_t options) {
    int st = 0;
    int r = waitpid(pid, &st, options);
    if (r > 0) *status_out = st;
    return R(r);
}
int32_t __se_kill(int32_t pid, int32_t sig) { return R(kill(pid, sig)); }
int32_t __se_getpid(void) { return getpid(); }
int32_t __se_getppid(void) { return getppid(); }
int32_t __se_getpgid(int32_t pid) { return R(getpgid(pid)); }
int32_t __se_setpgid(int32_t pid, int32_t pgid) { return R(setpgid(pid, pgid)); }
int32_t __se_pipe(int32_t fds_out[2], int32_t flags) {
    int f[2];
    if (pipe2(f, (flags & SE_O_CLOEXEC ? O_CLOEXEC : 0) | (flags & SE_O_NONBLOCK ? O_NONBLOCK : 0)) < 0) return -errno;
    fds_out[0] = f[0], fds_out[1] = f[1];
    return 0;
}
int32_t __se_dup(int32_t fd) { return R(dup(fd)); }
int32_t __se_dup2(int32_t o, int32_t n) { return R(dup2(o, n)); }
int32_t __se_dup_min(int32_t fd, int32_t min, int32_t flags) {
    return R(fcntl(fd, flags & SE_O_CLOEXEC ? F_DUPFD_CLOEXEC : F_DUPFD, min));
}
int32_t __se_get_cloexec(int32_t fd) {
    int r = fcntl(fd, F_GETFD);
    return r < 0 ? -errno : (r & FD_CLOEXEC) != 0;
}
int32_t __se_set_cloexec(int32_t fd, int32_t on) { return R(fcntl(fd, F_SETFD, on ? FD_CLOEXEC : 0)); }
int32_t __se_isatty(int32_t fd) { return isatty(fd); }
int32_t __se_getcwd(char *buf, int32_t len) { return getcwd(buf, (size_t)len) ? (int32_t)strlen(buf) : -errno; }
int32_t __se_chdir(const char *path) { return R(chdir(path)); }
int32_t __se_umask(int32_t mask) { return (int32_t)umask((mode_t)mask); }
int32_t __se_chmod(const char *path, int32_t mode, int32_t follow) {
    return R(fchmodat(AT_FDCWD, path, (mode_t)mode, follow ? 0 : AT_SYMLINK_NOFOLLOW));
}
int32_t __se_fchmod(int32_t fd, int32_t mode) { return R(fchmod(fd, (mode_t)mode)); }
int32_t __se_access(const char *path, int32_t amode) { return R(access(path, amode)); }
int32_t __se_realpath(const char *path, char *buf, int32_t len) {
    char tmp[PATH_MAX];
    if (!realpath(path, tmp)) return -errno;
    if ((int32_t)strlen(tmp) + 1 > len) return -ERANGE;
    strcpy(buf, tmp);
    return (int32_t)strlen(tmp);
}
static void fill(const struct stat *s, se_stat_t *o) {
    o->dev = s->st_dev, o->ino = s->st_ino, o->mode = s->st_mode, o->nlink = (uint32_t)s->st_nlink;
    o->uid = s->st_uid, o->gid = s->st_gid, o->rdev = s->st_rdev, o->size = s->st_size;
    o->blksize = s->st_blksize, o->blocks = s->st_blocks;
    o->atime_sec = s->st_atim.tv_sec, o->atime_nsec = s->st_atim.tv_nsec;
    o->mtime_sec = s->st_mtim.tv_sec, o->mtime_nsec = s->st_mtim.tv_nsec;
    o->ctime_sec = s->st_ctim.tv_sec, o->ctime_nsec = s->st_ctim.tv_nsec;
}
int32_t __se_stat(const char *path, int32_t follow, se_stat_t *out) {
    struct stat s;
    if ((follow ? stat(path, &s) : lstat(path, &s)) < 0) return -errno;
    fill(&s, out);
    return 0;
}
int32_t __se_fstat(int32_t fd, se_stat_t *out) {
    struct stat s;
    if (fstat(fd, &s) < 0) return -errno;
    fill(&s, out);
    return 0;
}

static volatile uint64_t pending;
static int dispositions[65];
static void on_signal(int sig) { pending |= 1ULL << sig; }
int32_t __se_signal(int32_t sig, int32_t disposition) {
    if (sig <= 0 || sig > 64 || sig == SIGKILL || sig == SIGSTOP) return -EINVAL;
    struct sigaction sa = {0};
    sa.sa_handler = disposition == SE_SIG_CATCH ? on_signal : disposition == SE_SIG_IGN ? SIG_IGN : SIG_DFL;
    sigaction(sig, &sa, NULL);
    int old = dispositions[sig];
    dispositions[sig] = disposition;
    return old;
}
int64_t __se_sigpending(void) {
    uint64_t p = __atomic_exchange_n(&pending, 0, __ATOMIC_SEQ_CST);
    return (int64_t)p;
}
int32_t __se_nproc(void) { return (int32_t)sysconf(_SC_NPROCESSORS_ONLN); }

/* se.c — wrappers over the secure_exec imports (see se.h). */
#include "se.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static int ret(int32_t r) {
    if (r < 0) {
        errno = -r;
        return -1;
    }
    return r;
}

/* Packs a NULL-terminated string list into "a\0b\0"; returns malloc'd buffer and its length. */
static char *pack(char *const list[], int32_t *len_out) {
    size_t total = 0;
    for (int i = 0; list && list[i]; i++) total += strlen(list[i]) + 1;
    char *buf = malloc(total ? total : 1);
    if (!buf) return NULL;
    size_t off = 0;
    for (int i = 0; list && list[i]; i++) {
        size_t n = strlen(list[i]) + 1;
        memcpy(buf + off, list[i], n);
        off += n;
    }
    *len_out = (int32_t)total;
    return buf;
}

int se_spawn(const char *path, char *const argv[], char *const envp[], const char *cwd,
             const int *fdmap, int nfd, int pgid, int *pid_out) {
    int32_t alen, elen, pid = 0;
    char *a = pack(argv, &alen);
    char *e = pack(envp ? envp : environ, &elen);
    if (!a || !e) {
        free(a);
        free(e);
        errno = ENOMEM;
        return -1;
    }
    int32_t r = __se_spawn(path, a, alen, e, elen, cwd, (const int32_t *)fdmap, fdmap ? nfd : -1, pgid, &pid);
    free(a);
    free(e);
    if (r < 0) return ret(r);
    if (pid_out) *pid_out = pid;
    return 0;
}

int se_execve(const char *path, char *const argv[], char *const envp[]) {
    int32_t alen, elen;
    char *a = pack(argv, &alen);
    char *e = pack(envp ? envp : environ, &elen);
    if (!a || !e) {
        free(a);
        free(e);
        errno = ENOMEM;
        return -1;
    }
    int32_t r = __se_exec(path, a, alen, e, elen);
    free(a);
    free(e);
    return ret(r);
}

int se_waitpid(int pid, int *status, int options) {
    int32_t st = 0;
    int32_t r = __se_wait(pid, &st, options);
    if (r > 0 && status) *status = st;
    return ret(r);
}

int se_kill(int pid, int sig) { return ret(__se_kill(pid, sig)); }
int se_getpid(void) { return __se_getpid(); }
int se_getppid(void) { return __se_getppid(); }

int se_pipe(int fds[2]) {
    int32_t f[2];
    int r = ret(__se_pipe(f, 0));
    if (r == 0) fds[0] = f[0], fds[1] = f[1];
    return r;
}

int se_pipe_cloexec(int fds[2]) {
    int32_t f[2];
    int r = ret(__se_pipe(f, SE_O_CLOEXEC));
    if (r == 0) fds[0] = f[0], fds[1] = f[1];
    return r;
}

int se_dup(int fd) { return ret(__se_dup(fd)); }
int se_dup2(int oldfd, int newfd) { return ret(__se_dup2(oldfd, newfd)); }
int se_dup_min(int fd, int min_fd, int cloexec) { return ret(__se_dup_min(fd, min_fd, cloexec ? SE_O_CLOEXEC : 0)); }
int se_get_cloexec(int fd) { return ret(__se_get_cloexec(fd)); }
int se_set_cloexec(int fd, int on) { return ret(__se_set_cloexec(fd, on)); }
int se_isatty(int fd) { return __se_isatty(fd) > 0; }

int se_chdir(const char *path) {
    if (ret(__se_chdir(path)) < 0) return -1;
    char buf[PATH_MAX];
    int32_t n = __se_getcwd(buf, sizeof buf);
    if (n < 0) return ret(n);
    return chdir(buf); /* wasi-libc's own cwd, used to resolve relative paths */
}

char *se_getcwd(char *buf, size_t size) {
    char tmp[PATH_MAX];
    int32_t n = __se_getcwd(tmp, sizeof tmp);
    if (n < 0) {
        errno = -n;
        return NULL;
    }
    if (!buf) return strdup(tmp);
    if ((size_t)n + 1 > size) {
        errno = ERANGE;
        return NULL;
    }
    memcpy(buf, tmp, (size_t)n + 1);
    return buf;
}

int se_umask(int mask) { return __se_umask(mask); }
int se_chmod(const char *path, int mode) { return ret(__se_chmod(path, mode, 1)); }
int se_lchmod(const char *path, int mode) { return ret(__se_chmod(path, mode, 0)); }
int se_fchmod(int fd, int mode) { return ret(__se_fchmod(fd, mode)); }
int se_access(const char *path, int amode) { return ret(__se_access(path, amode)); }

char *se_realpath(const char *path, char *resolved) {
    char tmp[PATH_MAX];
    int32_t n = __se_realpath(path, tmp, sizeof tmp);
    if (n < 0) {
        errno = -n;
        return NULL;
    }
    if (!resolved) return strdup(tmp);
    memcpy(resolved, tmp, (size_t)n + 1);
    return resolved;
}

int se_stat(const char *path, se_stat_t *st) { return ret(__se_stat(path, 1, st)); }
int se_lstat(const char *path, se_stat_t *st) { return ret(__se_stat(path, 0, st)); }
int se_fstat(int fd, se_stat_t *st) { return ret(__se_fstat(fd, st)); }
int se_signal(int sig, int disposition) { return ret(__se_signal(sig, disposition)); }
uint64_t se_sigpending(void) { return (uint64_t)__se_sigpending(); }
int se_nproc(void) { return __se_nproc(); }

int se_utimens(const char *path, const struct timespec ts[2], int follow) {
    if (!ts || (ts[0].tv_nsec == UTIME_NOW && ts[1].tv_nsec == UTIME_NOW))
        return utimensat(AT_FDCWD, path, NULL, follow ? 0 : AT_SYMLINK_NOFOLLOW);
    struct timespec t[2] = {ts[0], ts[1]};
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    se_stat_t st;
    int have_st = 0;
    for (int i = 0; i < 2; i++) {
        if (t[i].tv_nsec == UTIME_NOW) {
            t[i] = now;
        } else if (t[i].tv_nsec == UTIME_OMIT) {
            if (!have_st && (follow ? se_stat(path, &st) : se_lstat(path, &st)) < 0) return -1;
            have_st = 1;
            t[i].tv_sec = i == 0 ? st.atime_sec : st.mtime_sec;
            t[i].tv_nsec = i == 0 ? st.atime_nsec : st.mtime_nsec;
        }
    }
    return utimensat(AT_FDCWD, path, t, follow ? 0 : AT_SYMLINK_NOFOLLOW);
}

#ifdef __wasi__
#include <wasi/api.h>
#include <wasi/libc.h>

/* Where the root preopen moves, out of the way of the fds scripts use (`exec 3>file`); below the default
 * per-process fd limit (256). Like bash's 255, it is close-on-exec. */
#define SE_ROOT_FD 255

/* The driver preopens "/" at the first free fd >= 3 and wasi-libc records it there at start-up. Moving it
 * to SE_ROOT_FD frees that fd for the program; wasi-libc resolves paths through the newest registration. */
static void se_move_root_preopen(void) {
    for (int fd = 3;; fd++) {
        __wasi_prestat_t ps;
        __wasi_errno_t e = __wasi_fd_prestat_get(fd, &ps);
        if (e == __WASI_ERRNO_BADF) return;
        if (e != 0 || ps.tag != __WASI_PREOPENTYPE_DIR) continue;
        if (fd == SE_ROOT_FD || __se_dup2(fd, SE_ROOT_FD) < 0) return;
        __se_set_cloexec(SE_ROOT_FD, 1);
        if (__wasilibc_register_preopened_fd(SE_ROOT_FD, "/") == 0) close(fd);
        return;
    }
}

/* Before main: free the low fds, then apply the kernel's cwd (wasi-libc starts every program at "/"). */
__attribute__((constructor)) static void se_start(void) {
    se_move_root_preopen();
    char buf[PATH_MAX];
    int32_t n = __se_getcwd(buf, sizeof buf);
    if (n > 0) chdir(buf);
}
#endif

/*
 * secure_exec.h — the host import module "secure_exec": what guest commands need beyond
 * wasi_snapshot_preview1 (process control, fd plumbing, cwd, modes, signals).
 *
 * Every call is answered by the kernel of the VM the command runs in; nothing reaches the host.
 * Conventions:
 *   - Results >= 0 are success (a value, or 0). Failures are NEGATIVE errno values using wasi-libc's
 *     numbering (the same constants as <errno.h> in this toolchain), e.g. return -ENOENT.
 *   - Strings are NUL-terminated. "Packed string lists" (argv, env) are the strings concatenated with
 *     their NULs: "ls\0-l\0" with len = total bytes including the NULs.
 *   - Signal numbers are Linux's (SIGTERM = 15); wait statuses use Linux's encoding (see SE_W* below).
 *   - A blocking call (se_wait, reads of pipes, sleeps) returns -EINTR when a signal the process catches
 *     arrives; a signal whose default action kills the process ends it without returning.
 *
 * Use the se_* wrappers in commands/lib/se.h rather than these imports directly where one exists.
 */
#ifndef SECURE_EXEC_H
#define SECURE_EXEC_H

#include <stdint.h>

#ifdef __wasi__
#define SE_IMPORT(name) __attribute__((import_module("secure_exec"), import_name(#name)))
#else
#define SE_IMPORT(name)
#endif

/* ---- processes ---------------------------------------------------------------------------- */

/* se_spawn flags / pgid argument */
#define SE_PGID_INHERIT (-1) /* child joins the parent's process group */
#define SE_PGID_NEW 0        /* child leads a new process group (pgid = its pid) */

/*
 * Starts a new process running `path`.
 *   path       contains '/': that file (relative to the cwd); otherwise searched in the PATH of `env`
 *              (or /usr/local/bin:/usr/bin:/bin when env has none), like execvp. Scripts starting with
 *              "#!" run their interpreter; other non-command files give -ENOEXEC.
 *   argv/env   packed string lists (argv[0] included). env_len 0 = empty environment.
 *   cwd        the child's working directory, or NULL/"" for the caller's.
 *   fdmap      pairs {child_fd, parent_fd}, fdmap_pairs of them. The child gets exactly those fds
 *              (each a dup of the parent's). fdmap_pairs < 0: the child inherits every fd of the parent
 *              that is not close-on-exec, at the same numbers (exec semantics).
 *   pgid       SE_PGID_INHERIT, SE_PGID_NEW, or an existing process group to join.
 *   pid_out    receives the child's pid.
 * Errors: -ENOENT (not found), -EACCES (not executable or spawning denied by policy), -ENOEXEC,
 *         -EAGAIN (process limit), -EBADF (fdmap names a closed parent fd), -ENOTDIR/-ENOENT (cwd).
 */
SE_IMPORT(spawn)
int32_t __se_spawn(const char *path, const char *argv, int32_t argv_len, const char *env, int32_t env_len,
                   const char *cwd, const int32_t *fdmap, int32_t fdmap_pairs, int32_t pgid, int32_t *pid_out);

/*
 * Replaces the calling process's program, keeping its pid, fds (except close-on-exec ones), cwd and
 * umask; caught signals reset to default. Path lookup as in __se_spawn. Returns only on failure.
 */
SE_IMPORT(exec)
int32_t __se_exec(const char *path, const char *argv, int32_t argv_len, const char *env, int32_t env_len);

/* waitpid(2): pid > 0 that child, -1 any child, 0 any in the caller's group, < -1 any in group -pid.
 * Returns the pid reaped, 0 with SE_WNOHANG when none is ready, -ECHILD when there is none to wait for. */
#define SE_WNOHANG 1
#define SE_WUNTRACED 2
SE_IMPORT(wait)
int32_t __se_wait(int32_t pid, int32_t *status_out, int32_t options);

/* kill(2): pid > 0, 0 (caller's group), -1 (all but init and caller), < -1 (group). sig 0 checks existence. */
SE_IMPORT(kill)
int32_t __se_kill(int32_t pid, int32_t sig);

SE_IMPORT(getpid) int32_t __se_getpid(void);
SE_IMPORT(getppid) int32_t __se_getppid(void);
SE_IMPORT(getpgid) int32_t __se_getpgid(int32_t pid);          /* pid 0 = caller */
SE_IMPORT(setpgid) int32_t __se_setpgid(int32_t pid, int32_t pgid); /* setpgid(2) */

/* ---- file descriptors -------------------------------------------------------------------- */

#define SE_O_CLOEXEC 0x80000 /* flag for __se_pipe and __se_dup_min */
#define SE_O_NONBLOCK 0x800

SE_IMPORT(pipe) int32_t __se_pipe(int32_t fds_out[2], int32_t flags);   /* pipe2(2); 64 KiB buffer */
SE_IMPORT(dup) int32_t __se_dup(int32_t fd);                             /* lowest free fd */
SE_IMPORT(dup2) int32_t __se_dup2(int32_t oldfd, int32_t newfd);         /* newfd is closed first; clears cloexec */
SE_IMPORT(dup_min) int32_t __se_dup_min(int32_t fd, int32_t min_fd, int32_t flags); /* fcntl F_DUPFD(_CLOEXEC) */
SE_IMPORT(get_cloexec) int32_t __se_get_cloexec(int32_t fd);             /* 1, 0, or -EBADF */
SE_IMPORT(set_cloexec) int32_t __se_set_cloexec(int32_t fd, int32_t on);
SE_IMPORT(isatty) int32_t __se_isatty(int32_t fd);                       /* 1 or 0 */

/* ---- cwd, umask, modes ------------------------------------------------------------------- */

/* Kernel cwd. wasi-libc keeps its own copy; commands/lib keeps both in step (se_chdir). */
SE_IMPORT(getcwd) int32_t __se_getcwd(char *buf, int32_t len);          /* length without NUL, or -ERANGE */
SE_IMPORT(chdir) int32_t __se_chdir(const char *path);
SE_IMPORT(umask) int32_t __se_umask(int32_t mask);                        /* returns the old mask */
SE_IMPORT(chmod) int32_t __se_chmod(const char *path, int32_t mode, int32_t follow);
SE_IMPORT(fchmod) int32_t __se_fchmod(int32_t fd, int32_t mode);
SE_IMPORT(access) int32_t __se_access(const char *path, int32_t amode);  /* access(2): R_OK 4, W_OK 2, X_OK 1 */
SE_IMPORT(realpath) int32_t __se_realpath(const char *path, char *buf, int32_t len); /* length or -errno */

/* Full stat (WASI's filestat has no mode bits, uid or gid). */
typedef struct se_stat {
    uint64_t dev, ino;
    uint32_t mode, nlink, uid, gid;
    uint64_t rdev;
    int64_t size, blksize, blocks;
    int64_t atime_sec, atime_nsec, mtime_sec, mtime_nsec, ctime_sec, ctime_nsec;
} se_stat_t;
SE_IMPORT(stat) int32_t __se_stat(const char *path, int32_t follow, se_stat_t *out);
SE_IMPORT(fstat) int32_t __se_fstat(int32_t fd, se_stat_t *out);

/* ---- signals ----------------------------------------------------------------------------- */

#define SE_SIG_DFL 0
#define SE_SIG_IGN 1
#define SE_SIG_CATCH 2
/* Sets the disposition of sig; returns the previous one. SIGKILL/SIGSTOP give -EINVAL. */
SE_IMPORT(signal) int32_t __se_signal(int32_t sig, int32_t disposition);
/* Returns and clears the set of caught signals that arrived (bit n = signal n). Poll it at safe points
 * and after any -EINTR. */
SE_IMPORT(sigpending) int64_t __se_sigpending(void);

/* ---- misc -------------------------------------------------------------------------------- */

SE_IMPORT(nproc) int32_t __se_nproc(void); /* processors available to the VM */

/* Wait status decoding (Linux encoding). */
#define SE_WIFEXITED(s) (((s) & 0x7f) == 0)
#define SE_WEXITSTATUS(s) (((s) >> 8) & 0xff)
#define SE_WIFSIGNALED(s) (((s) & 0x7f) != 0 && ((s) & 0x7f) != 0x7f)
#define SE_WTERMSIG(s) ((s) & 0x7f)
#define SE_WIFSTOPPED(s) (((s) & 0xff) == 0x7f)

#endif

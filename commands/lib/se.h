/*
 * se.h — convenience wrappers over the secure_exec host imports (include/secure_exec.h) in the shape of
 * the POSIX calls wasi-libc lacks. They return -1 and set errno on failure, like libc.
 */
#ifndef SE_H
#define SE_H

#include <sys/types.h>
#include "secure_exec.h"

/* posix_spawn-like: fdmap is pairs {child_fd, parent_fd} (nfd pairs), or NULL with nfd < 0 to inherit
 * every non-close-on-exec fd. envp NULL = the current environ. cwd NULL = the current directory. */
int se_spawn(const char *path, char *const argv[], char *const envp[], const char *cwd,
             const int *fdmap, int nfd, int pgid, int *pid_out);
int se_execve(const char *path, char *const argv[], char *const envp[]); /* returns -1 on failure */
int se_waitpid(int pid, int *status, int options);
int se_kill(int pid, int sig);
int se_getpid(void);
int se_getppid(void);
int se_pipe(int fds[2]);
int se_pipe_cloexec(int fds[2]);
int se_dup(int fd);
int se_dup2(int oldfd, int newfd);
int se_dup_min(int fd, int min_fd, int cloexec);
int se_get_cloexec(int fd);
int se_set_cloexec(int fd, int on);
int se_isatty(int fd);
int se_chdir(const char *path);              /* moves both the kernel's and wasi-libc's cwd */
char *se_getcwd(char *buf, size_t size);
int se_umask(int mask);
int se_chmod(const char *path, int mode);
int se_lchmod(const char *path, int mode);
int se_fchmod(int fd, int mode);
int se_access(const char *path, int amode);
char *se_realpath(const char *path, char *resolved); /* resolved NULL = malloc'd */
int se_stat(const char *path, se_stat_t *st);
int se_lstat(const char *path, se_stat_t *st);
int se_fstat(int fd, se_stat_t *st);
int se_signal(int sig, int disposition);      /* returns the previous disposition */
uint64_t se_sigpending(void);
int se_nproc(void);

struct timespec;
/* utimensat(AT_FDCWD, path, ts, follow ? 0 : AT_SYMLINK_NOFOLLOW) that also accepts UTIME_NOW and UTIME_OMIT
 * next to an explicit time: Debian's wasi-libc rejects that mix with EINVAL, so they are resolved here. */
int se_utimens(const char *path, const struct timespec ts[2], int follow);

#endif

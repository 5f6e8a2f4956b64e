/* fsutil.h — helpers shared by the file/directory and system utilities. */
#ifndef FSUTIL_H
#define FSUTIL_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "se.h"

/* Linux mode bits (se_stat's mode uses Linux values). */
#define FS_IFMT 0170000
#define FS_IFSOCK 0140000
#define FS_IFLNK 0120000
#define FS_IFREG 0100000
#define FS_IFBLK 0060000
#define FS_IFDIR 0040000
#define FS_IFCHR 0020000
#define FS_IFIFO 0010000
#define FS_ISDIR(m) (((m) & FS_IFMT) == FS_IFDIR)
#define FS_ISREG(m) (((m) & FS_IFMT) == FS_IFREG)
#define FS_ISLNK(m) (((m) & FS_IFMT) == FS_IFLNK)

/* malloc'd "dir/name" (no doubled slash). */
char *fs_join(const char *dir, const char *name);
/* Last component / parent as GNU basename/dirname (result in buf / malloc'd). */
char *fs_base(const char *path);    /* malloc'd, trailing slashes removed */
char *fs_dir(const char *path);     /* malloc'd */
/* Strip trailing slashes in place (keeps "/"). */
void fs_strip_slashes(char *path);

/* "drwxr-xr-x" (10 chars + NUL). */
void fs_mode_string(uint32_t mode, char *buf);
/* GNU -h (powers of 1024, one decimal under 10, rounded up): "4.0K", "12M", "512". */
void fs_human(uint64_t n, char *buf);

int fs_is_dir(const char *path);   /* follows links */
int fs_exists(const char *path);   /* lstat succeeds */
int fs_same(const se_stat_t *a, const se_stat_t *b);

/* Reads a line from stdin; true when it starts with y or Y. */
int fs_yes(void);

/* Parses a chmod mode (octal or symbolic list) applied to old; returns -1 if invalid. */
int fs_parse_mode(const char *spec, uint32_t old, int is_dir, uint32_t umask, uint32_t *out);
/* The process umask (read without changing it). */
uint32_t fs_umask(void);

/* Runs argv[0] with argv (PATH search), waits; returns the exit status, 128+sig, or 126/127 after an
 * error "prog: 'cmd': strerror" is printed. env NULL = current environ. */
int fs_run(char *const argv[], char *const envp[]);
/* Starts a command without waiting: returns the pid or -1 (errno set). */
int fs_spawn(char *const argv[], char *const envp[]);
int fs_status_code(int status);

/* Copy the contents of src to dst (created with mode); returns 0 or -1 with errno. */
int fs_copy_data(const char *src, const char *dst, uint32_t mode);

/* Sets atime/mtime (nsec = UTIME_OMIT allowed); follow=0 acts on a symlink itself. */
int fs_set_times(const char *path, const struct timespec ts[2], int follow);

/* Parses a date string like date -d (returns 0, fills *out) — "now", "@N", "YYYY-MM-DD[ HH:MM[:SS]]", etc. */
int fs_parse_date(const char *s, time_t now, struct timespec *out);

/* Duration like sleep/timeout: "1.5", "2m", "1h", "0.1d". Returns -1 if invalid. */
int fs_parse_duration(const char *s, double *secs);

/* Reads a small file into a malloc'd NUL-terminated buffer (len in *n), or NULL. */
char *fs_read_file(const char *path, size_t *n);

/* Signal name <-> number (Linux numbering); name without "SIG". */
int fs_sig_number(const char *name);   /* accepts "TERM", "SIGTERM", "15"; -1 if unknown */
const char *fs_sig_name(int sig);       /* NULL if unknown */

/* Hostname from /etc/hostname, fallback "sandbox". */
const char *fs_hostname(void);



/* User/group names from /etc/passwd and /etc/group; uid/gid 0 is "root"; else the number. */
const char *fs_user_name(uint32_t uid);
const char *fs_group_name(uint32_t gid);
/* Canonical absolute path resolving links; mode e (all exist), f (all but last), m (none). */
char *fs_canon(const char *path, char mode);
/* gzip codec (implemented in gzip.c). Buffers are malloc'd. */
uint32_t fs_crc32(uint32_t crc, const unsigned char *p, size_t n);
unsigned char *fs_gz_compress(const unsigned char *in, size_t n, int level, const char *name, uint32_t mtime,
                              size_t *out_n);
/* Decompresses every gzip member; returns 0, -1 (not gzip), -2 (truncated), -3 (crc/length mismatch),
 * -4 (invalid data). */
int fs_gz_decompress(const unsigned char *in, size_t n, unsigned char **out, size_t *out_n);
/* Reads a whole fd into a malloc'd buffer (NULL on error). */
unsigned char *fs_read_all(int fd, size_t *n);
int fs_write_all(int fd, const void *buf, size_t n);

#endif

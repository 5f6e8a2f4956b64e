/* fsutil.c — see fsutil.h. */
#include "fsutil.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cu.h"

char *fs_join(const char *dir, const char *name) {
    size_t a = strlen(dir), b = strlen(name);
    char *p = malloc(a + b + 2);
    memcpy(p, dir, a);
    if (a && dir[a - 1] != '/') p[a++] = '/';
    memcpy(p + a, name, b + 1);
    return p;
}

void fs_strip_slashes(char *path) {
    size_t n = strlen(path);
    while (n > 1 && path[n - 1] == '/') path[--n] = 0;
}

char *fs_base(const char *path) {
    char *p = strdup(path);
    fs_strip_slashes(p);
    if (strcmp(p, "/") == 0) return p;
    char *s = strrchr(p, '/');
    if (s) memmove(p, s + 1, strlen(s + 1) + 1);
    return p;
}

char *fs_dir(const char *path) {
    char *p = strdup(path);
    fs_strip_slashes(p);
    char *s = strrchr(p, '/');
    if (!s) {
        strcpy(p, ".");
        return p;
    }
    while (s > p && s[-1] == '/') s--; /* "a//b" -> "a" */
    if (s == p) s++;                    /* keep the root "/" */
    *s = 0;
    return p;
}

void fs_mode_string(uint32_t m, char *b) {
    switch (m & FS_IFMT) {
    case FS_IFDIR: b[0] = 'd'; break;
    case FS_IFLNK: b[0] = 'l'; break;
    case FS_IFCHR: b[0] = 'c'; break;
    case FS_IFBLK: b[0] = 'b'; break;
    case FS_IFIFO: b[0] = 'p'; break;
    case FS_IFSOCK: b[0] = 's'; break;
    default: b[0] = '-';
    }
    const char *rwx = "rwxrwxrwx";
    for (int i = 0; i < 9; i++) b[1 + i] = (m & (0400 >> i)) ? rwx[i] : '-';
    if (m & 04000) b[3] = (m & 0100) ? 's' : 'S';
    if (m & 02000) b[6] = (m & 010) ? 's' : 'S';
    if (m & 01000) b[9] = (m & 01) ? 't' : 'T';
    b[10] = 0;
}

void fs_human(uint64_t n, char *buf) {
    static const char units[] = "KMGTPE";
    if (n < 1024) {
        sprintf(buf, "%llu", (unsigned long long)n);
        return;
    }
    uint64_t base = 1024;
    int u = 0;
    while (n / base >= 1024 && u < 5) base *= 1024, u++;
    /* tenths, rounded up */
    unsigned long long t = (unsigned long long)((n / base) * 10 + ((n % base) * 10 + base - 1) / base);
    if (t < 100) {
        sprintf(buf, "%llu.%llu%c", t / 10, t % 10, units[u]);
        return;
    }
    unsigned long long w = n / base + (n % base ? 1 : 0);
    if (w >= 1024 && u < 5) {
        sprintf(buf, "1.0%c", units[u + 1]);
        return;
    }
    sprintf(buf, "%llu%c", w, units[u]);
}

int fs_is_dir(const char *path) {
    se_stat_t st;
    return se_stat(path, &st) == 0 && FS_ISDIR(st.mode);
}

int fs_exists(const char *path) {
    se_stat_t st;
    return se_lstat(path, &st) == 0;
}

int fs_same(const se_stat_t *a, const se_stat_t *b) { return a->dev == b->dev && a->ino == b->ino; }

int fs_yes(void) {
    fflush(stderr);
    int c = getchar(), yes = (c == 'y' || c == 'Y');
    while (c != EOF && c != '\n') c = getchar();
    return yes;
}

uint32_t fs_umask(void) {
    int old = se_umask(0);
    se_umask(old);
    return (uint32_t)old & 0777;
}

/* One symbolic clause list applied to mode. */
static int parse_symbolic(const char *s, uint32_t mode, int is_dir, uint32_t umask, uint32_t *out) {
    for (;;) {
        uint32_t who = 0;
        for (; strchr("ugoa", *s) && *s; s++)
            who |= *s == 'u' ? 04700 : *s == 'g' ? 02070 : *s == 'o' ? 01007 : 07777;
        int implicit = who == 0;
        if (implicit) who = 07777;
        if (!*s || !strchr("+-=", *s)) return -1;
        while (*s && strchr("+-=", *s)) {
            char op = *s++;
            uint32_t bits = 0;
            if (*s && strchr("ugo", *s)) {
                uint32_t src = *s == 'u' ? (mode >> 6) & 7 : *s == 'g' ? (mode >> 3) & 7 : mode & 7;
                bits = src * 0111;
                s++;
            } else {
                for (; *s && strchr("rwxXst", *s); s++) {
                    switch (*s) {
                    case 'r': bits |= 0444; break;
                    case 'w': bits |= 0222; break;
                    case 'x': bits |= 0111; break;
                    case 'X': if (is_dir || (mode & 0111)) bits |= 0111; break;
                    case 's': bits |= 06000; break;
                    case 't': bits |= 01000; break;
                    }
                }
            }
            bits &= who;
            if (implicit) bits &= ~umask;
            if (op == '+') mode |= bits;
            else if (op == '-') mode &= ~bits;
            else {
                uint32_t clear = who & 0777;
                if (!implicit) clear |= who & 07000 & ~(is_dir ? 06000 : 0);
                else clear |= is_dir ? 01000 : 07000;
                mode = (mode & ~clear) | bits;
            }
        }
        if (*s == 0) break;
        if (*s != ',') return -1;
        s++;
    }
    *out = mode;
    return 0;
}

int fs_parse_mode(const char *spec, uint32_t old, int is_dir, uint32_t umask, uint32_t *out) {
    if (*spec >= '0' && *spec <= '7') {
        uint32_t m = 0;
        const char *p = spec;
        for (; *p >= '0' && *p <= '7'; p++) m = m * 8 + (uint32_t)(*p - '0');
        if (*p || m > 07777) return -1;
        /* GNU keeps a directory's set-id bits unless 5+ digits are given */
        if (is_dir && strlen(spec) < 5) m |= old & 06000;
        *out = m;
        return 0;
    }
    return parse_symbolic(spec, old & 07777, is_dir, umask, out);
}

int fs_spawn(char *const argv[], char *const envp[]) {
    int pid;
    fflush(stdout);
    if (se_spawn(argv[0], argv, envp, NULL, NULL, -1, SE_PGID_INHERIT, &pid) < 0) return -1;
    return pid;
}

int fs_status_code(int st) {
    if (SE_WIFEXITED(st)) return SE_WEXITSTATUS(st);
    if (SE_WIFSIGNALED(st)) return 128 + SE_WTERMSIG(st);
    return 1;
}

int fs_run(char *const argv[], char *const envp[]) {
    int pid = fs_spawn(argv, envp);
    if (pid < 0) {
        int e = errno;
        cu_error(0, e, "%s", cu_quote(argv[0]));
        return e == ENOENT ? 127 : 126;
    }
    int st = 0;
    while (se_waitpid(pid, &st, 0) < 0 && errno == EINTR) {}
    if (SE_WIFSIGNALED(st)) {
        /* behave as if we had exec'd: die the same way */
        fflush(stdout);
        se_kill(se_getpid(), SE_WTERMSIG(st));
    }
    return fs_status_code(st);
}

int fs_copy_data(const char *src, const char *dst, uint32_t mode) {
    int in = open(src, O_RDONLY);
    if (in < 0) return -1;
    se_stat_t dst_st;
    int existed = se_stat(dst, &dst_st) == 0;
    int out = open(dst, O_WRONLY | O_CREAT | O_TRUNC, mode);
    if (out < 0) {
        int e = errno;
        close(in);
        errno = e;
        return -1;
    }
    if (!existed) se_fchmod(out, (int)mode); /* WASI's open ignores the mode argument */
    static char buf[65536];
    ssize_t n;
    int rc = 0;
    while ((n = read(in, buf, sizeof buf)) != 0) {
        if (n < 0) {
            if (errno == EINTR) continue;
            rc = -1;
            break;
        }
        for (ssize_t off = 0; off < n;) {
            ssize_t w = write(out, buf + off, (size_t)(n - off));
            if (w < 0) {
                if (errno == EINTR) continue;
                rc = -1;
                break;
            }
            off += w;
        }
        if (rc) break;
    }
    int e = errno;
    close(in);
    if (close(out) < 0 && rc == 0) rc = -1, e = errno;
    errno = e;
    return rc;
}

int fs_set_times(const char *path, const struct timespec ts[2], int follow) {
    return se_utimens(path, ts, follow);
}

/* days since 1970-01-01 of a civil date */
static long long days_from_civil(long long y, int m, int d) {
    y -= m <= 2;
    long long era = (y >= 0 ? y : y - 399) / 400;
    long long yoe = y - era * 400;
    long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static const char *skip_ws(const char *s) {
    while (isspace((unsigned char)*s) || *s == ',') s++;
    return s;
}

static void civil_from_days(long long z, long long *y, int *m, int *d) {
    z += 719468;
    long long era = (z >= 0 ? z : z - 146096) / 146097;
    long long doe = z - era * 146097;
    long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2);
}

static int word_index(const char *w, size_t n, const char *const *list, int count) {
    for (int i = 0; i < count; i++) {
        size_t k = strlen(list[i]);
        if ((n == k || (n >= 3 && n < k)) && strncasecmp(list[i], w, n) == 0) return i;
    }
    return -1;
}

/* Date strings like GNU date -d for the common forms: ISO dates and times, "@N", month names,
 * MM/DD/YYYY, time zones Z/UTC/+HHMM, now/today/yesterday/tomorrow, [+-]N unit [ago], next/last. */
int fs_parse_date(const char *str, time_t now, struct timespec *out) {
    static const char *const months[] = {"january", "february", "march", "april", "may", "june", "july",
                                         "august", "september", "october", "november", "december"};
    static const char *const days[] = {"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};
    const char *s = skip_ws(str);
    if (*s == '@') {
        char *end;
        double v = strtod(s + 1, &end);
        if (end == s + 1 || *skip_ws(end)) return -1;
        long long t = (long long)v;
        if (v < 0 && (double)t != v) t--;
        out->tv_sec = (time_t)t, out->tv_nsec = (long)((v - (double)t) * 1e9 + 0.5);
        return 0;
    }
    long long y = -1, rel_sec = 0, rel_mon = 0, zone = 0;
    int mo = -1, d = -1, h = -1, mi = 0, have_zone = 0, wday = -1, wday_rel = 0;
    double sec = 0;
    long long pending = 0; /* a number waiting for its unit */
    int have_pending = 0;
    while (*(s = skip_ws(s))) {
        const char *t = s;
        if (isdigit((unsigned char)*s) || ((*s == '+' || *s == '-') && isdigit((unsigned char)s[1]))) {
            int sign = 1;
            if (*s == '+' || *s == '-') sign = *s == '-' ? -1 : 1, s++;
            const char *ds = s;
            long long v = 0;
            while (isdigit((unsigned char)*s)) v = v * 10 + (*s++ - '0');
            size_t nd = (size_t)(s - ds);
            int a, b, c, k = 0;
            if (t == ds && *s == '-' && sscanf(t, "%d-%d-%d%n", &a, &b, &c, &k) == 3) { /* YYYY-MM-DD */
                y = a, mo = b, d = c, s = t + k;
                if (*s == 'T' && isdigit((unsigned char)s[1])) s++;
            } else if (t == ds && *s == '/' && sscanf(t, "%d/%d/%d%n", &a, &b, &c, &k) == 3) {
                if (a > 31) y = a, mo = b, d = c; else mo = a, d = b, y = c;
                s = t + k;
            } else if (t == ds && *s == '/' && sscanf(t, "%d/%d%n", &a, &b, &k) == 2) {
                mo = a, d = b, s = t + k;
            } else if (t == ds && *s == ':') { /* HH:MM[:SS[.frac]] */
                h = (int)v;
                s++;
                mi = (int)strtol(s, (char **)&s, 10);
                if (*s == ':') sec = strtod(s + 1, (char **)&s);
                const char *p = skip_ws(s);
                if (!strncasecmp(p, "am", 2) || !strncasecmp(p, "pm", 2)) {
                    if (h == 12) h = 0;
                    if (tolower((unsigned char)*p) == 'p') h += 12;
                    s = p + 2;
                }
            } else if (t != ds && (h >= 0 || d >= 0) && (nd == 4 || nd == 2) && !have_pending &&
                       !isalpha((unsigned char)*skip_ws(s))) { /* zone offset +HHMM / +HH:MM */
                long long hh = nd == 4 ? v / 100 : v, mm = nd == 4 ? v % 100 : 0;
                if (nd == 2 && *s == ':') mm = strtol(s + 1, (char **)&s, 10);
                zone = sign * (hh * 3600 + mm * 60), have_zone = 1;
            } else if (t == ds && nd == 8 && d < 0) { /* YYYYMMDD */
                y = v / 10000, mo = (int)(v / 100 % 100), d = (int)(v % 100);
            } else if (t == ds && d < 0 && mo >= 0 && v <= 31) d = (int)v;       /* "Jan 2" */
            else if (t == ds && mo >= 0 && d >= 0 && y < 0 && nd == 4) y = v;    /* "Jan 2 2024" */
            else if (t == ds && nd == 4 && y < 0 && d >= 0) y = v;
            else {
                const char *p = skip_ws(s);
                if (t == ds && v <= 31 && d < 0 && word_index(p, strspn(p, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"), months, 12) >= 0) {
                    d = (int)v; /* "2 January" */
                } else {
                    pending = sign * v, have_pending = 1;
                }
            }
            continue;
        }
        if (*s == '.' && h >= 0) { s++; continue; }
        if (!isalpha((unsigned char)*s)) return -1;
        while (isalpha((unsigned char)*s)) s++;
        size_t n = (size_t)(s - t);
        if (*s == '.') s++;
        long long unit = 0;
        int idx;
        if (n == 1 && (*t == 'Z' || *t == 'z')) { have_zone = 1, zone = 0; continue; }
        if ((n == 3 && (!strncasecmp(t, "utc", 3) || !strncasecmp(t, "gmt", 3))) ||
            (n == 2 && !strncasecmp(t, "ut", 2))) { have_zone = 1; continue; }
        if (n == 3 && !strncasecmp(t, "now", 3)) continue;
        if (n == 5 && !strncasecmp(t, "today", 5)) continue;
        if (n == 9 && !strncasecmp(t, "yesterday", 9)) { rel_sec -= 86400; continue; }
        if (n == 8 && !strncasecmp(t, "tomorrow", 8)) { rel_sec += 86400; continue; }
        if (n == 8 && !strncasecmp(t, "midnight", 8)) { if (h < 0) h = 0, mi = 0, sec = 0; continue; }
        if (n == 4 && !strncasecmp(t, "noon", 4)) { h = 12, mi = 0, sec = 0; continue; }
        if (n == 3 && !strncasecmp(t, "ago", 3)) { rel_sec = -rel_sec, rel_mon = -rel_mon; continue; }
        if ((n == 4 && !strncasecmp(t, "next", 4)) || (n == 4 && !strncasecmp(t, "last", 4)) ||
            (n == 4 && !strncasecmp(t, "this", 4))) {
            pending = *t == 'n' || *t == 'N' ? 1 : *t == 'l' || *t == 'L' ? -1 : 0, have_pending = 1;
            continue;
        }
        if ((idx = word_index(t, n, months, 12)) >= 0) { mo = idx + 1; continue; }
        if ((idx = word_index(t, n, days, 7)) >= 0) {
            wday = idx, wday_rel = have_pending ? (int)pending : 0, have_pending = 0;
            continue;
        }
        size_t un = n > 1 && (t[n - 1] == 's' || t[n - 1] == 'S') ? n - 1 : n;
        static const char *const units[] = {"sec", "second", "min", "minute", "hour", "day", "week", "fortnight",
                                            "month", "year"};
        static const long long secs[] = {1, 1, 60, 60, 3600, 86400, 604800, 1209600, -1, -12};
        idx = -1;
        for (int i = 0; i < 10; i++)
            if (strlen(units[i]) == un && !strncasecmp(units[i], t, un)) idx = i;
        if (idx < 0) return -1;
        unit = secs[idx];
        long long num = have_pending ? pending : 1;
        have_pending = 0;
        if (unit < 0) rel_mon += num * -unit; /* months, years (12 months) */
        else rel_sec += num * unit;
    }
    if (have_pending) return -1;
    /* base date */
    long long day0 = (long long)(now >= 0 ? now / 86400 : (now - 86399) / 86400);
    long long cy;
    int cm, cd;
    civil_from_days(day0, &cy, &cm, &cd);
    long long secs_today = (long long)now - day0 * 86400;
    int have_date = mo >= 0 || d >= 0 || y >= 0;
    if (y < 0) y = cy;
    else if (y < 100 && y >= 0) y += y < 69 ? 2000 : 1900;
    if (mo < 0) mo = have_date ? 1 : cm;
    if (d < 0) d = have_date ? 1 : cd;
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59 || sec >= 61) return -1;
    long long t;
    if (h < 0 && !have_date && wday < 0) t = days_from_civil(y, mo, d) * 86400 + secs_today;
    else t = days_from_civil(y, mo, d) * 86400 + (h < 0 ? 0 : h) * 3600LL + mi * 60LL + (long long)sec;
    if (wday >= 0) {
        long long dn = t / 86400;
        int cur = (int)((dn % 7 + 11) % 7); /* 1970-01-01 was a Thursday (4) */
        int diff = (wday - cur + 7) % 7;
        if (wday_rel > 0 && diff == 0) diff = 7;
        if (wday_rel < 0) diff = diff == 0 ? -7 : diff - 7;
        if (wday_rel > 1) diff += 7 * (wday_rel - 1);
        t += diff * 86400LL;
    }
    if (have_zone) t -= zone;
    if (rel_mon) {
        long long dd = t / 86400, rest = t - dd * 86400, yy;
        int mm, dday;
        civil_from_days(dd, &yy, &mm, &dday);
        long long total = yy * 12 + (mm - 1) + rel_mon;
        yy = total / 12, mm = (int)(total % 12) + 1;
        if (mm < 1) mm += 12, yy--;
        t = days_from_civil(yy, mm, dday) * 86400 + rest;
    }
    t += rel_sec;
    out->tv_sec = (time_t)t;
    out->tv_nsec = (long)((sec - (long long)sec) * 1e9 + 0.5);
    if (h < 0 && !have_date) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        out->tv_nsec = ts.tv_sec == now ? ts.tv_nsec : 0;
    }
    return 0;
}

int fs_parse_duration(const char *s, double *secs) {
    char *end;
    if (!*s) return -1;
    double v = strtod(s, &end);
    if (end == s || v < 0 || v != v) return -1;
    if (*end) {
        if (end[1]) return -1;
        switch (*end) {
        case 's': break;
        case 'm': v *= 60; break;
        case 'h': v *= 3600; break;
        case 'd': v *= 86400; break;
        default: return -1;
        }
    }
    *secs = v;
    return 0;
}

char *fs_read_file(const char *path, size_t *n) {
    int fd = open(path, O_RDONLY);
    if (fd < 0) return NULL;
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap + 1);
    for (;;) {
        if (len == cap) buf = realloc(buf, (cap *= 2) + 1);
        ssize_t r = read(fd, buf + len, cap - len);
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) {
            free(buf);
            close(fd);
            return NULL;
        }
        if (r == 0) break;
        len += (size_t)r;
    }
    close(fd);
    buf[len] = 0;
    if (n) *n = len;
    return buf;
}

static const char *sig_names[] = {NULL, "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL",
                                  "USR1", "SEGV", "USR2", "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT",
                                  "STOP", "TSTP", "TTIN", "TTOU", "URG", "XCPU", "XFSZ", "VTALRM", "PROF",
                                  "WINCH", "POLL", "PWR", "SYS"};

const char *fs_sig_name(int sig) {
    if (sig > 0 && sig < 32) return sig_names[sig];
    return NULL;
}

int fs_sig_number(const char *name) {
    if (isdigit((unsigned char)*name)) {
        char *end;
        long v = strtol(name, &end, 10);
        return (*end || v < 0 || v > 64) ? -1 : (int)v;
    }
    if (strncasecmp(name, "SIG", 3) == 0) name += 3;
    for (int i = 1; i < 32; i++)
        if (strcasecmp(name, sig_names[i]) == 0) return i;
    if (strcasecmp(name, "IO") == 0) return 29;
    if (strcasecmp(name, "IOT") == 0) return 6;
    if (strcasecmp(name, "CLD") == 0) return 17;
    return -1;
}

const char *fs_hostname(void) {
    static char name[256];
    if (name[0]) return name;
    char *s = fs_read_file("/etc/hostname", NULL);
    if (s) {
        size_t k = strcspn(s, "\n \t\r");
        if (k && k < sizeof name) memcpy(name, s, k), name[k] = 0;
        free(s);
    }
    if (!name[0]) strcpy(name, "sandbox");
    return name;
}

static const char *db_name(const char *file, uint32_t id, char *buf, size_t cap) {
    char *s = fs_read_file(file, NULL);
    if (s) {
        for (char *line = strtok(s, "\n"); line; line = strtok(NULL, "\n")) {
            char *c1 = strchr(line, ':'), *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
            if (!c2) continue;
            if (strtoul(c2 + 1, NULL, 10) == id && isdigit((unsigned char)c2[1])) {
                *c1 = 0;
                snprintf(buf, cap, "%s", line);
                free(s);
                return buf;
            }
        }
        free(s);
    }
    if (id == 0) snprintf(buf, cap, "root");
    else snprintf(buf, cap, "%u", id);
    return buf;
}

const char *fs_user_name(uint32_t uid) {
    static char buf[64];
    static uint32_t last = (uint32_t)-1;
    if (last != uid || !buf[0]) db_name("/etc/passwd", uid, buf, sizeof buf), last = uid;
    return buf;
}

const char *fs_group_name(uint32_t gid) {
    static char buf[64];
    static uint32_t last = (uint32_t)-1;
    if (last != gid || !buf[0]) db_name("/etc/group", gid, buf, sizeof buf), last = gid;
    return buf;
}

/* Canonical absolute path resolving symlinks. mode 'e': every component must exist; 'f': all but
 * the last; 'm': none. Returns malloc'd path or NULL with errno. */
char *fs_canon(const char *path, char mode) {
    if (!*path) {
        errno = ENOENT;
        return NULL;
    }
    size_t cap = 4096;
    char *res = malloc(cap), *rest;
    if (path[0] == '/') strcpy(res, "/"), rest = strdup(path);
    else {
        if (!se_getcwd(res, cap)) { free(res); return NULL; }
        rest = strdup(path);
    }
    int links = 0;
    char *p = rest;
    for (;;) {
        while (*p == '/') p++;
        if (!*p) break;
        char *end = strchr(p, '/');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        char *next = p + n;
        int last = !*next || !next[strspn(next, "/")];
        if (n == 1 && p[0] == '.') { p = next; continue; }
        if (n == 2 && p[0] == '.' && p[1] == '.') {
            char *s = strrchr(res, '/');
            if (s == res) res[1] = 0; else *s = 0;
            p = next;
            continue;
        }
        size_t rl = strlen(res);
        if (rl + n + 2 > cap) res = realloc(res, cap = (rl + n + 2) * 2);
        if (rl > 1) res[rl++] = '/';
        memcpy(res + rl, p, n);
        res[rl + n] = 0;
        p = next;
        se_stat_t st;
        if (se_lstat(res, &st) < 0) {
            if (errno == ENOENT && (mode == 'm' || (mode == 'f' && last))) continue;
            goto fail;
        }
        if (FS_ISLNK(st.mode)) {
            if (++links > 40) { errno = ELOOP; goto fail; }
            char buf[4096];
            ssize_t k = readlink(res, buf, sizeof buf - 1);
            if (k < 0) goto fail;
            buf[k] = 0;
            char *nr = malloc((size_t)k + strlen(p) + 2);
            sprintf(nr, "%s/%s", buf, p);
            free(rest);
            rest = p = nr;
            if (buf[0] == '/') strcpy(res, "/");
            else {
                char *s = strrchr(res, '/');
                if (s == res) res[1] = 0; else *s = 0;
            }
            continue;
        }
        if (!FS_ISDIR(st.mode) && !last) {
            if (mode == 'm') continue;
            errno = ENOTDIR;
            goto fail;
        }
    }
    free(rest);
    return res;
fail:;
    int e = errno;
    free(rest), free(res);
    errno = e;
    return NULL;
}

unsigned char *fs_read_all(int fd, size_t *n) {
    size_t cap = 65536, len = 0;
    unsigned char *buf = malloc(cap);
    for (;;) {
        if (len == cap) buf = realloc(buf, cap *= 2);
        ssize_t r = read(fd, buf + len, cap - len);
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) {
            free(buf);
            return NULL;
        }
        if (r == 0) break;
        len += (size_t)r;
    }
    *n = len;
    return buf;
}

int fs_write_all(int fd, const void *buf, size_t n) {
    const char *p = buf;
    while (n) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR) continue;
        if (w < 0) return -1;
        p += w, n -= (size_t)w;
    }
    return 0;
}

/* touch — change file timestamps, creating files (-a -m -c -d DATE -t STAMP -r FILE -h). */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cu.h"
#include "fsutil.h"

SE_COMMAND("touch", touch_main)

static long long days_civil(long long y, int m, int d) {
    y -= m <= 2;
    long long era = (y >= 0 ? y : y - 399) / 400, yoe = y - era * 400;
    long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

/* [[CC]YY]MMDDhhmm[.ss] */
static int parse_stamp(const char *s, time_t now, struct timespec *out) {
    const char *dot = strchr(s, '.');
    size_t n = dot ? (size_t)(dot - s) : strlen(s);
    for (size_t i = 0; i < n; i++) if (!isdigit((unsigned char)s[i])) return -1;
    int sec = 0;
    if (dot) {
        if (strlen(dot + 1) != 2 || !isdigit((unsigned char)dot[1]) || !isdigit((unsigned char)dot[2])) return -1;
        sec = atoi(dot + 1);
    }
    int v[6], k = 0;
    long long year;
    struct tm tm;
    time_t tt = now;
    gmtime_r(&tt, &tm);
    if (n == 8) year = tm.tm_year + 1900;
    else if (n == 10) { int yy = (s[0] - '0') * 10 + s[1] - '0'; year = yy < 69 ? 2000 + yy : 1900 + yy; s += 2; }
    else if (n == 12) { year = atoll((char[]){s[0], s[1], s[2], s[3], 0}); s += 4; }
    else return -1;
    for (int i = 0; i < 4; i++) v[k++] = (s[2 * i] - '0') * 10 + s[2 * i + 1] - '0';
    if (v[0] < 1 || v[0] > 12 || v[1] < 1 || v[1] > 31 || v[2] > 23 || v[3] > 59 || sec > 60) return -1;
    out->tv_sec = (time_t)(days_civil(year, v[0], v[1]) * 86400 + v[2] * 3600 + v[3] * 60 + sec);
    out->tv_nsec = 0;
    return 0;
}

int touch_main(int argc, char **argv) {
    cu_init(argc, argv);
    static const struct option longs[] = {{"no-create", 0, 0, 'c'}, {"date", 1, 0, 'd'}, {"reference", 1, 0, 'r'},
        {"no-dereference", 0, 0, 'h'}, {0, 0, 0, 0}};
    int c, only_a = 0, only_m = 0, no_create = 0, nofollow = 0, status = 0, have = 0;
    const char *date = NULL, *stamp = NULL, *ref = NULL;
    while ((c = getopt_long(argc, argv, "acmd:t:r:fh", longs, NULL)) != -1) {
        switch (c) {
        case 'a': only_a = 1; break;
        case 'm': only_m = 1; break;
        case 'c': no_create = 1; break;
        case 'd': date = optarg; break;
        case 't': stamp = optarg; break;
        case 'r': ref = optarg; break;
        case 'h': nofollow = 1; no_create = 1; break;
        case 'f': break;
        default: cu_usage_error(1, NULL);
        }
    }
    if (optind >= argc) cu_usage_error(1, "missing file operand");
    struct timespec ts[2];
    time_t now = time(NULL);
    if (ref) {
        se_stat_t st;
        if (se_stat(ref, &st) < 0) cu_error(1, errno, "failed to get attributes of %s", cu_quote(ref));
        ts[0].tv_sec = (time_t)st.atime_sec, ts[0].tv_nsec = (long)st.atime_nsec;
        ts[1].tv_sec = (time_t)st.mtime_sec, ts[1].tv_nsec = (long)st.mtime_nsec;
        have = 1;
    }
    if (date) {
        struct timespec t;
        if (fs_parse_date(date, now, &t) < 0) cu_error(1, 0, "invalid date format %s", cu_quote(date));
        ts[0] = ts[1] = t;
        have = 1;
    }
    if (stamp) {
        struct timespec t;
        if (parse_stamp(stamp, now, &t) < 0) cu_error(1, 0, "invalid date format %s", cu_quote(stamp));
        ts[0] = ts[1] = t;
        have = 1;
    }
    if (!have) { /* explicit current time: does not rely on the *_NOW flags of the WASI host */
        clock_gettime(CLOCK_REALTIME, &ts[0]);
        ts[1] = ts[0];
    }
    if (only_a && !only_m) ts[1].tv_nsec = UTIME_OMIT;
    if (only_m && !only_a) ts[0].tv_nsec = UTIME_OMIT;
    for (int i = optind; i < argc; i++) {
        const char *f = argv[i];
        if (!strcmp(f, "-")) continue;
        se_stat_t st;
        if (se_lstat(f, &st) < 0) {
            if (no_create) continue;
            int fd = open(f, O_WRONLY | O_CREAT, 0666);
            if (fd < 0) {
                cu_error(0, errno, "cannot touch %s", cu_quote(f));
                status = 1;
                continue;
            }
            close(fd);
        }
        if (fs_set_times(f, ts, !nofollow) < 0) {
            if (errno == ENOENT && no_create) continue;
            cu_error(0, errno, "setting times of %s", cu_quote(f));
            status = 1;
        }
    }
    return cu_finish(status);
}

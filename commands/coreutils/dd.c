/* dd — copy and convert blocks (if= of= bs= ibs= obs= count= skip= seek= conv= status=). */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cu.h"
#include "fsutil.h"

SE_COMMAND("dd", dd_main)

/* N with GNU dd multipliers (c w b k K kB M MB G GB ...) and xN products; -1 if invalid. */
static long long number(const char *s) {
    char *end;
    if (!isdigit((unsigned char)*s)) return -1;
    long long v = strtoll(s, &end, 10);
    static const char *const suf[] = {"c", "w", "b", "kB", "K", "KiB", "k", "MB", "M", "MiB", "GB", "G", "GiB", "TB", "T", "TiB"};
    static const long long mul[] = {1, 2, 512, 1000, 1024, 1024, 1024, 1000000, 1048576, 1048576, 1000000000LL,
                                    1073741824LL, 1073741824LL, 1000000000000LL, 1099511627776LL, 1099511627776LL};
    if (*end && *end != 'x') {
        size_t n = strcspn(end, "x");
        int found = 0;
        for (size_t i = 0; i < sizeof mul / sizeof mul[0]; i++)
            if (strlen(suf[i]) == n && !strncmp(end, suf[i], n)) v *= mul[i], found = 1;
        if (!found) return -1;
        end += n;
    }
    if (*end == 'x') {
        long long r = number(end + 1);
        return r < 0 ? -1 : v * r;
    }
    return v;
}

static void human_si(double v, char *b, size_t cap, int si) {
    const char *u = si ? "kMGTPE" : "KMGTPE";
    double base = si ? 1000 : 1024;
    int i = -1;
    while (v >= base && i < 5) v /= base, i++;
    if (i < 0) snprintf(b, cap, "%.0f", v);
    else if (v < 10) snprintf(b, cap, "%.1f %c%s", v, u[i], si ? "B" : "iB");
    else snprintf(b, cap, "%.0f %c%s", v, u[i], si ? "B" : "iB");
}

int dd_main(int argc, char **argv) {
    cu_init(argc, argv);
    const char *in = NULL, *out = NULL;
    long long ibs = 512, obs = 512, count = -1, skip = 0, seek = 0;
    int notrunc = 0, noerror = 0, sync_ = 0, ucase = 0, lcase = 0, quiet = 0, noxfer = 0;
    for (int i = 1; i < argc; i++) {
        char *a = argv[i], *eq = strchr(a, '=');
        if (!strcmp(a, "--")) continue;
        if (!eq) cu_usage_error(1, "unrecognized operand %s", cu_quote(a));
        size_t k = (size_t)(eq - a);
        const char *v = eq + 1;
#define KEY(s) (k == strlen(s) && !strncmp(a, s, k))
        if (KEY("if")) in = v;
        else if (KEY("of")) out = v;
        else if (KEY("bs") || KEY("ibs") || KEY("obs") || KEY("count") || KEY("skip") || KEY("seek") ||
                 KEY("iseek") || KEY("oseek")) {
            long long n = number(v);
            if (n < 0 || ((KEY("bs") || KEY("ibs") || KEY("obs")) && n == 0))
                cu_error(1, 0, "invalid number: %s", cu_quote(v));
            if (KEY("bs")) ibs = obs = n;
            else if (KEY("ibs")) ibs = n;
            else if (KEY("obs")) obs = n;
            else if (KEY("count")) count = n;
            else if (KEY("skip") || KEY("iseek")) skip = n;
            else seek = n;
        } else if (KEY("conv")) {
            char *c = strdup(v);
            for (char *t = strtok(c, ","); t; t = strtok(NULL, ",")) {
                if (!strcmp(t, "notrunc")) notrunc = 1;
                else if (!strcmp(t, "noerror")) noerror = 1;
                else if (!strcmp(t, "sync")) sync_ = 1;
                else if (!strcmp(t, "ucase")) ucase = 1;
                else if (!strcmp(t, "lcase")) lcase = 1;
                else if (strcmp(t, "fsync") && strcmp(t, "fdatasync") && strcmp(t, "excl") && strcmp(t, "nocreat") &&
                         strcmp(t, "sparse"))
                    cu_usage_error(1, "invalid conversion: %s", cu_quote(t));
            }
            free(c);
        } else if (KEY("status")) {
            if (!strcmp(v, "none")) quiet = 1;
            else if (!strcmp(v, "noxfer")) noxfer = 1;
            else if (strcmp(v, "progress")) cu_usage_error(1, "invalid status level: %s", cu_quote(v));
        } else if (KEY("iflag") || KEY("oflag")) {
        } else cu_usage_error(1, "unrecognized operand %s", cu_quote(a));
    }
    int ifd = 0, ofd = 1;
    if (in && (ifd = open(in, O_RDONLY)) < 0) cu_error(1, errno, "failed to open %s", cu_quote(in));
    if (out) {
        int existed = fs_exists(out);
        ofd = open(out, O_WRONLY | O_CREAT | (notrunc || seek ? 0 : O_TRUNC), 0666);
        if (ofd < 0) cu_error(1, errno, "failed to open %s", cu_quote(out));
        if (!existed) se_fchmod(ofd, (int)(0666 & ~fs_umask()));
        if (seek) {
            if (lseek(ofd, (off_t)(seek * obs), SEEK_SET) < 0) cu_error(1, errno, "%s: cannot seek", cu_quote(out));
            if (!notrunc) ftruncate(ofd, (off_t)(seek * obs));
        }
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    char *buf = malloc((size_t)ibs), *obuf = malloc((size_t)obs);
    if (!buf || !obuf) cu_error(1, 0, "memory exhausted by input buffer of size %lld bytes", ibs);
    if (skip && (!in || lseek(ifd, (off_t)(skip * ibs), SEEK_SET) < 0)) {
        for (long long s = 0; s < skip; s++) /* pipes: read and drop */
            if (read(ifd, buf, (size_t)ibs) <= 0) break;
    }
    long long full_in = 0, part_in = 0, full_out = 0, part_out = 0, bytes = 0;
    int status = 0;
    /* output staging for obs != ibs */
    long long ofill = 0;
    for (long long blk = 0; count < 0 || blk < count; blk++) {
        long long got; /* one read per input block, as dd does (short reads make partial records) */
        for (;;) {
            ssize_t r = read(ifd, buf, (size_t)ibs);
            if (r < 0 && errno == EINTR) continue;
            if (r < 0) {
                cu_error(0, errno, "error reading %s", cu_quote(in ? in : "standard input"));
                status = 1;
                if (!noerror) goto done;
                r = 0;
            }
            got = r;
            break;
        }
        if (got == 0) break;
        if (got == ibs) full_in++;
        else part_in++;
        if (got < ibs && sync_) memset(buf + got, 0, (size_t)(ibs - got)), got = ibs;
        for (long long i = 0; i < got; i++) {
            if (ucase) buf[i] = (char)toupper((unsigned char)buf[i]);
            else if (lcase) buf[i] = (char)tolower((unsigned char)buf[i]);
        }
        if (obs == ibs) {
            if (fs_write_all(ofd, buf, (size_t)got) < 0) {
                cu_error(0, errno, "error writing %s", cu_quote(out ? out : "standard output"));
                status = 1;
                goto done;
            }
            if (got == obs) full_out++;
            else part_out++;
            bytes += got;
            continue;
        }
        for (long long i = 0; i < got;) {
            long long k = got - i < obs - ofill ? got - i : obs - ofill;
            memcpy(obuf + ofill, buf + i, (size_t)k);
            ofill += k, i += k;
            if (ofill == obs) {
                if (fs_write_all(ofd, obuf, (size_t)obs) < 0) { status = 1; goto done; }
                full_out++, bytes += obs, ofill = 0;
            }
        }
    }
    if (ofill) {
        if (fs_write_all(ofd, obuf, (size_t)ofill) < 0) status = 1;
        else part_out++, bytes += ofill;
    }
done:
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (out) close(ofd);
    if (!quiet) {
        fprintf(stderr, "%lld+%lld records in\n%lld+%lld records out\n", full_in, part_in, full_out, part_out);
        if (!noxfer) {
            double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
            char a[32], b[32], r[32];
            if (bytes >= 1000) {
                human_si((double)bytes, a, sizeof a, 1);
                human_si((double)bytes, b, sizeof b, 0);
                fprintf(stderr, "%lld bytes (%s, %s) copied, ", bytes, a, b);
            } else fprintf(stderr, "%lld byte%s copied, ", bytes, bytes == 1 ? "" : "s");
            human_si(secs > 0 ? (double)bytes / secs : 0, r, sizeof r, 1);
            fprintf(stderr, "%g s, %s/s\n", secs, r);
        }
    }
    free(buf), free(obuf);
    return status;
}

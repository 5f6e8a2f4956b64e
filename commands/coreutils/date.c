/* date — print the time in UTC (+FORMAT with GNU flags, -d STRING, -r FILE, -u, -I, -R, --rfc-3339). */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cu.h"
#include "fsutil.h"

SE_COMMAND("date", date_main)

/* One conversion with optional GNU flag (- _ 0 ^ #) and width. */
static void conv(char flag, int width, const char *c, const struct tm *tm, const struct timespec *ts) {
    char buf[256];
    int numeric = 1;
    switch (*c) {
    case 'N': snprintf(buf, sizeof buf, "%09ld", ts->tv_nsec); break;
    case 's': snprintf(buf, sizeof buf, "%lld", (long long)ts->tv_sec); break;
    case 'z': snprintf(buf, sizeof buf, "+0000"); break;
    case ':': snprintf(buf, sizeof buf, "+00:00"); break;
    case 'Z': snprintf(buf, sizeof buf, "UTC"); numeric = 0; break;
    case 'P': snprintf(buf, sizeof buf, "%s", tm->tm_hour < 12 ? "am" : "pm"); numeric = 0; break;
    default: {
        char f[3] = {'%', *c, 0};
        if (!strftime(buf, sizeof buf, f, tm)) buf[0] = 0;
        numeric = strchr("CdegGHIjmMsSuUVwWyY", *c) != NULL;
    }
    }
    if (*c == 'N' && width > 0 && width < 9) buf[width] = 0, width = 0;
    if (numeric && (flag == '-' || flag == '_')) {
        size_t k = 0;
        while (buf[k] == '0' || buf[k] == ' ') k++;
        if (!buf[k] || !isdigit((unsigned char)buf[k])) k = k ? k - 1 : 0;
        if (!buf[k]) k = 0;
        if (flag == '-') memmove(buf, buf + k, strlen(buf + k) + 1);
        else for (size_t i = 0; i < k; i++) buf[i] = ' ';
    } else if (numeric && flag == '0')
        for (char *p = buf; *p == ' '; p++) *p = '0';
    if (flag == '^' || flag == '#')
        for (char *p = buf; *p; p++) *p = (char)toupper((unsigned char)*p);
    int len = (int)strlen(buf);
    char pad = (flag == '_' || (!numeric && flag != '0')) ? ' ' : '0';
    if (flag == '-') width = 0;
    for (int i = len; i < width; i++) putchar(pad);
    fputs(buf, stdout);
}

static void print_fmt(const char *fmt, const struct timespec *ts) {
    struct tm tm;
    time_t t = ts->tv_sec;
    gmtime_r(&t, &tm);
    for (const char *p = fmt; *p; p++) {
        if (*p != '%' || !p[1]) { putchar(*p); continue; }
        p++;
        if (*p == '%') { putchar('%'); continue; }
        if (*p == 'n') { putchar('\n'); continue; }
        if (*p == 't') { putchar('\t'); continue; }
        char flag = 0;
        if (strchr("-_0^#", *p)) flag = *p++;
        int width = 0;
        while (isdigit((unsigned char)*p)) width = width * 10 + (*p++ - '0');
        if (*p == 'E' || *p == 'O') p++;
        if (*p == ':' && p[1] == 'z') { conv(flag, width, p, &tm, ts); p++; continue; }
        if (!*p) { putchar('%'); break; }
        conv(flag, width, p, &tm, ts);
    }
    putchar('\n');
}

int date_main(int argc, char **argv) {
    cu_init(argc, argv);
    static const struct option longs[] = {{"date", 1, 0, 'd'}, {"reference", 1, 0, 'r'}, {"utc", 0, 0, 'u'},
        {"universal", 0, 0, 'u'}, {"iso-8601", 2, 0, 'I'}, {"rfc-email", 0, 0, 'R'}, {"rfc-3339", 1, 0, 'T'}, {"set", 1, 0, 's'}, {0, 0, 0, 0}};
    int c;
    const char *date = NULL, *ref = NULL, *fmt = NULL;
    while ((c = getopt_long(argc, argv, "d:r:uI::Rs:", longs, NULL)) != -1) {
        switch (c) {
        case 'd': date = optarg; break;
        case 'r': ref = optarg; break;
        case 'u': break;
        case 's': /* the VM clock cannot be set */
            if (fs_parse_date(optarg, time(NULL), &(struct timespec){0, 0}) < 0) cu_error(1, 0, "invalid date %s", cu_quote(optarg));
            cu_error(1, 1, "cannot set date");
            break;
        case 'R': fmt = "%a, %d %b %Y %H:%M:%S %z"; break;
        case 'I': {
            const char *w = optarg ? optarg : "date";
            size_t n = strlen(w);
            if (n && !strncmp(w, "date", n)) fmt = "%Y-%m-%d";
            else if (n && !strncmp(w, "hours", n)) fmt = "%Y-%m-%dT%H%:z";
            else if (n && !strncmp(w, "minutes", n)) fmt = "%Y-%m-%dT%H:%M%:z";
            else if (n && !strncmp(w, "seconds", n)) fmt = "%Y-%m-%dT%H:%M:%S%:z";
            else if (n && !strncmp(w, "ns", n)) fmt = "%Y-%m-%dT%H:%M:%S,%N%:z";
            else cu_usage_error(1, "invalid argument %s for '--iso-8601'", cu_quote(w));
            break;
        }
        case 'T':
            if (!strcmp(optarg, "date")) fmt = "%Y-%m-%d";
            else if (!strcmp(optarg, "seconds")) fmt = "%Y-%m-%d %H:%M:%S%:z";
            else if (!strcmp(optarg, "ns")) fmt = "%Y-%m-%d %H:%M:%S.%N%:z";
            else cu_usage_error(1, "invalid argument %s for '--rfc-3339'", cu_quote(optarg));
            break;
        default: cu_usage_error(1, NULL);
        }
    }
    for (int i = optind; i < argc; i++) {
        if (argv[i][0] == '+' && i == optind) {
            if (fmt) cu_usage_error(1, "multiple output formats specified");
            fmt = argv[i] + 1;
        } else if (i == optind && !date && !ref) {
            size_t k = strspn(argv[i], "0123456789.");
            if (k == strlen(argv[i]) && k >= 8) cu_error(1, 1, "cannot set date"); /* MMDDhhmm[[CC]YY][.ss] */
            cu_error(1, 0, "invalid date %s", cu_quote(argv[i]));
        } else cu_usage_error(1, "extra operand %s", cu_quote(argv[i]));
    }
    if (date && ref) cu_usage_error(1, "the options to specify dates for printing are mutually exclusive");
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    if (date && fs_parse_date(date, ts.tv_sec, &ts) < 0) cu_error(1, 0, "invalid date %s", cu_quote(date));
    if (ref) {
        se_stat_t st;
        if (se_stat(ref, &st) < 0) cu_error(1, errno, "%s", ref);
        ts.tv_sec = (time_t)st.mtime_sec, ts.tv_nsec = (long)st.mtime_nsec;
    }
    if (!fmt) fmt = "%a %b %e %H:%M:%S %Z %Y";
    print_fmt(fmt, &ts);
    return cu_finish(0);
}

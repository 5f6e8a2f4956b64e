/* stat — display file status (default format, -c/--format, --printf, -t, -L). */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cu.h"
#include "fsutil.h"

SE_COMMAND("stat", stat_main)

static unsigned dev_major(uint64_t d) { return (unsigned)(((d >> 8) & 0xfff) | ((d >> 32) & ~0xfffULL)); }
static unsigned dev_minor(uint64_t d) { return (unsigned)((d & 0xff) | ((d >> 12) & ~0xffULL)); }

static const char *type_name(const se_stat_t *st) {
    switch (st->mode & FS_IFMT) {
    case FS_IFDIR: return "directory";
    case FS_IFLNK: return "symbolic link";
    case FS_IFIFO: return "fifo";
    case FS_IFSOCK: return "socket";
    case FS_IFCHR: return "character special file";
    case FS_IFBLK: return "block special file";
    default: return st->size == 0 ? "regular empty file" : "regular file";
    }
}

static void fmt_time(int64_t s, int64_t ns, char *buf) {
    time_t t = (time_t)s;
    struct tm tm;
    gmtime_r(&t, &tm);
    char tmp[40];
    strftime(tmp, sizeof tmp, "%Y-%m-%d %H:%M:%S", &tm);
    sprintf(buf, "%s.%09lld +0000", tmp, (long long)ns);
}

/* Prints one directive with printf-style flags/width already in spec (e.g. "%-10"). */
static void out_str(const char *spec, const char *s) {
    char f[64];
    snprintf(f, sizeof f, "%ss", spec);
    printf(f, s);
}

static void out_num(const char *spec, unsigned long long v, char conv) {
    char f[64];
    snprintf(f, sizeof f, "%sll%c", spec, conv);
    printf(f, v);
}

static void directive(char c, const char *spec, const char *name, const se_stat_t *st) {
    char b[4200];
    switch (c) {
    case 'n': out_str(spec, name); break;
    case 'N': {
        char q[4200];
        snprintf(q, sizeof q, "%s", cu_quote(name));
        if (FS_ISLNK(st->mode)) {
            ssize_t k = readlink(name, b, sizeof b - 1);
            if (k >= 0) {
                b[k] = 0;
                size_t l = strlen(q);
                snprintf(q + l, sizeof q - l, " -> %s", cu_quote(b));
            }
        }
        out_str(spec, q);
        break;
    }
    case 's': out_num(spec, (unsigned long long)st->size, 'u'); break;
    case 'b': out_num(spec, (unsigned long long)st->blocks, 'u'); break;
    case 'B': out_num(spec, 512, 'u'); break;
    case 'o': out_num(spec, (unsigned long long)(st->blksize ? st->blksize : 4096), 'u'); break;
    case 'f': out_num(spec, st->mode, 'x'); break;
    case 'F': out_str(spec, type_name(st)); break;
    case 'a': out_num(spec, st->mode & 07777, 'o'); break;
    case 'A': fs_mode_string(st->mode, b); out_str(spec, b); break;
    case 'u': out_num(spec, st->uid, 'u'); break;
    case 'U': out_str(spec, fs_user_name(st->uid)); break;
    case 'g': out_num(spec, st->gid, 'u'); break;
    case 'G': out_str(spec, fs_group_name(st->gid)); break;
    case 'h': out_num(spec, st->nlink, 'u'); break;
    case 'i': out_num(spec, st->ino, 'u'); break;
    case 'd': out_num(spec, st->dev, 'u'); break;
    case 'D': out_num(spec, st->dev, 'x'); break;
    case 't': out_num(spec, dev_major(st->rdev), 'x'); break;
    case 'T': out_num(spec, dev_minor(st->rdev), 'x'); break;
    case 'm': out_str(spec, "/"); break;
    case 'x': fmt_time(st->atime_sec, st->atime_nsec, b); out_str(spec, b); break;
    case 'y': fmt_time(st->mtime_sec, st->mtime_nsec, b); out_str(spec, b); break;
    case 'z': fmt_time(st->ctime_sec, st->ctime_nsec, b); out_str(spec, b); break;
    case 'w': out_str(spec, "-"); break;
    case 'X': out_num(spec, (unsigned long long)st->atime_sec, 'd'); break;
    case 'Y': out_num(spec, (unsigned long long)st->mtime_sec, 'd'); break;
    case 'Z': out_num(spec, (unsigned long long)st->ctime_sec, 'd'); break;
    case 'W': out_num(spec, 0, 'd'); break;
    default: putchar('?');
    }
}

static void format(const char *fmt, const char *name, const se_stat_t *st, int escapes) {
    for (const char *p = fmt; *p; p++) {
        if (escapes && *p == '\\' && p[1]) {
            p++;
            switch (*p) {
            case 'n': putchar('\n'); break;
            case 't': putchar('\t'); break;
            case '\\': putchar('\\'); break;
            case '"': putchar('"'); break;
            case '0': putchar(0); break;
            default: putchar('\\'); putchar(*p);
            }
            continue;
        }
        if (*p != '%') { putchar(*p); continue; }
        if (p[1] == '%') { putchar('%'); p++; continue; }
        char spec[32] = "%";
        size_t k = 1;
        p++;
        while (*p && strchr("-+ #0'", *p) && k < 10) spec[k++] = *p++;
        while (*p >= '0' && *p <= '9' && k < 20) spec[k++] = *p++;
        if (*p == '.') { spec[k++] = *p++; while (*p >= '0' && *p <= '9' && k < 28) spec[k++] = *p++; }
        spec[k] = 0;
        if (!*p) { fputs(spec, stdout); break; }
        if ((*p == 'H' || *p == 'L') && (p[1] == 'd' || p[1] == 'r')) {
            uint64_t d = p[1] == 'd' ? st->dev : st->rdev;
            out_num(spec, *p == 'H' ? dev_major(d) : dev_minor(d), 'u');
            p++;
            continue;
        }
        directive(*p, spec, name, st);
    }
}

int stat_main(int argc, char **argv) {
    cu_init(argc, argv);
    static const struct option longs[] = {{"dereference", 0, 0, 'L'}, {"format", 1, 0, 'c'},
        {"printf", 1, 0, 'P'}, {"terse", 0, 0, 't'}, {0, 0, 0, 0}};
    int c, deref = 0, terse = 0, status = 0, esc = 0;
    const char *fmt = NULL;
    while ((c = getopt_long(argc, argv, "Lc:t", longs, NULL)) != -1) {
        if (c == 'L') deref = 1;
        else if (c == 'c') fmt = optarg, esc = 0;
        else if (c == 'P') fmt = optarg, esc = 1;
        else if (c == 't') terse = 1;
        else cu_usage_error(1, NULL);
    }
    if (optind >= argc) cu_usage_error(1, "missing operand");
    for (int i = optind; i < argc; i++) {
        se_stat_t st;
        const char *name = argv[i];
        if ((deref ? se_stat(name, &st) : se_lstat(name, &st)) < 0) {
            cu_error(0, errno, "cannot statx %s", cu_quote(name));
            status = 1;
            continue;
        }
        if (fmt) {
            format(fmt, name, &st, esc);
            if (!esc) putchar('\n');
        } else if (terse) {
            format("%n %s %b %f %u %g %D %i %h %t %T %X %Y %Z %W %o\n", name, &st, 1);
        } else {
            char b[4200];
            ssize_t k;
            if (FS_ISLNK(st.mode) && (k = readlink(name, b, sizeof b - 1)) >= 0) {
                b[k] = 0;
                printf("  File: %s -> %s\n", name, b);
            } else printf("  File: %s\n", name);
            uint32_t t = st.mode & FS_IFMT;
            format("  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F\n", name, &st, 1);
            if (t == FS_IFCHR || t == FS_IFBLK)
                format("Device: %Hd,%Ld\tInode: %-11i Links: %-5h Device type: %Hr,%Lr\n", name, &st, 1);
            else format("Device: %Hd,%Ld\tInode: %-11i Links: %h\n", name, &st, 1);
            format("Access: (%04a/%10.10A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)\n"
                   "Access: %x\nModify: %y\nChange: %z\n Birth: %w\n", name, &st, 1);
        }
    }
    return cu_finish(status);
}

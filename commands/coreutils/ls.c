/* ls — list directory contents (GNU-like: -l -a -A -1 -R -d -h -t -r -S -F -i and friends). */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cu.h"
#include "fsutil.h"

SE_COMMAND("ls", ls_main)

struct ent {
    char *name, *path, *link, *disp; /* disp: the quoted name shown on a terminal */
    se_stat_t st;
    int ok;         /* stat succeeded */
    uint32_t lmode; /* mode of a symlink's target (0 when dangling) */
};

enum { F_COLS, F_ACROSS, F_ONE, F_LONG };
static int o_fmt = -1, o_all, o_almost, o_rec, o_dir, o_human, o_sort, o_rev, o_class, o_slash, o_inode, o_deref;
static int o_size, o_numeric, o_no_owner, o_no_group, o_dirs_first, o_time_style; /* 0 locale, 'f' full, 'l' long, 'i' iso */
static int o_time; /* 0 mtime, 'u' atime, 'c' ctime */
static int o_quote = -1; /* shell-escape quoting of names (default: on a terminal) */

/* GNU shell-escape quoting: 'a b', "it's", 'nl'$'\n''x'; *quoted says whether quotes were needed. */
static int utf8_locale(void) {
    const char *v = getenv("LC_ALL");
    if (!v || !*v) v = getenv("LC_CTYPE");
    if (!v || !*v) v = getenv("LANG");
    return v && (strcasestr(v, "utf-8") || strcasestr(v, "utf8"));
}

static int utf8;

static int needs_escape(unsigned char c) { return c < 32 || c == 127 || (c >= 128 && !utf8); }

static char *shell_quote(const char *name, int *quoted) {
    int special = 0, ctrl = 0, squote = 0, dq_bad = 0;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
        if (needs_escape(*p)) ctrl = 1;
        else if (*p == '\'') squote = 1;
        else if (strchr(" !\"$&()*;<>?[\\]^`|=", *p) || (*p == '@' && o_class)) special = 1;
        if (strchr("$`\\\"!", *p)) dq_bad = 1;
    }
    if (name[0] == '#' || name[0] == '~') special = 1;
    *quoted = special || ctrl || squote;
    if (!*quoted) return strdup(name);
    size_t n = strlen(name);
    char *out = malloc(n * 8 + 8), *o = out;
    if (squote && !ctrl && !dq_bad) {
        *o++ = '"';
        memcpy(o, name, n), o += n;
        *o++ = '"';
        *o = 0;
        return out;
    }
    int open = 1;
    *o++ = '\'';
    for (const unsigned char *p = (const unsigned char *)name; *p;) {
        if (needs_escape(*p)) {
            if (open) *o++ = '\'', open = 0;
            *o++ = '$', *o++ = '\'';
            for (; *p && needs_escape(*p); p++) {
                if (*p == '\n') o += sprintf(o, "\\n");
                else if (*p == '\t') o += sprintf(o, "\\t");
                else o += sprintf(o, "\\%03o", *p);
            }
            *o++ = '\'';
            continue;
        }
        if (*p == '\'') {
            if (open) *o++ = '\'', open = 0;
            *o++ = '\\', *o++ = '\'';
            p++;
            continue;
        }
        if (!open) *o++ = '\'', open = 1;
        *o++ = (char)*p++;
    }
    if (open) *o++ = '\'';
    *o = 0;
    return out;
}

static int status, width = 80, width_set, first_out = 1;
static time_t now;

static void ent_time(const struct ent *e, int64_t *s, int64_t *ns) {
    if (o_time == 'u') *s = e->st.atime_sec, *ns = e->st.atime_nsec;
    else if (o_time == 'c') *s = e->st.ctime_sec, *ns = e->st.ctime_nsec;
    else *s = e->st.mtime_sec, *ns = e->st.mtime_nsec;
}

static const char *ext(const char *name) {
    const char *d = strrchr(name, '.');
    return d && d != name ? d : "";
}

static int cmp_ent(const void *pa, const void *pb) {
    const struct ent *a = pa, *b = pb;
    if (o_dirs_first) {
        int da = a->ok && FS_ISDIR(a->st.mode), db = b->ok && FS_ISDIR(b->st.mode);
        if (da != db) return db - da;
    }
    int r = 0;
    if (o_sort == 't') {
        int64_t as, an, bs, bn;
        ent_time(a, &as, &an);
        ent_time(b, &bs, &bn);
        if (as != bs) r = as < bs ? 1 : -1;
        else if (an != bn) r = an < bn ? 1 : -1;
    } else if (o_sort == 'S') {
        if (a->st.size != b->st.size) r = a->st.size < b->st.size ? 1 : -1;
    } else if (o_sort == 'X') r = strcmp(ext(a->name), ext(b->name));
    else if (o_sort == 'v') r = strverscmp(a->name, b->name);
    if (!r) r = strcmp(a->name, b->name);
    return o_rev ? -r : r;
}

static char indicator(uint32_t m) {
    if (FS_ISDIR(m)) return '/';
    if (o_slash) return 0;
    if (FS_ISLNK(m)) return '@';
    if ((m & FS_IFMT) == FS_IFIFO) return '|';
    if ((m & FS_IFMT) == FS_IFSOCK) return '=';
    if (FS_ISREG(m) && (m & 0111)) return '*';
    return 0;
}

static int fill(struct ent *e, int follow) {
    e->ok = (follow ? se_stat(e->path, &e->st) : se_lstat(e->path, &e->st)) == 0;
    if (!e->ok && follow) e->ok = se_lstat(e->path, &e->st) == 0; /* dangling link */
    if (e->ok && FS_ISLNK(e->st.mode) && o_fmt == F_LONG) {
        char buf[4096];
        ssize_t n = readlink(e->path, buf, sizeof buf - 1);
        if (n >= 0) buf[n] = 0, e->link = strdup(buf);
        se_stat_t t;
        if (se_stat(e->path, &t) == 0) e->lmode = t.mode;
    }
    return e->ok;
}

static void free_ents(struct ent *v, size_t n) {
    for (size_t i = 0; i < n; i++) free(v[i].name), free(v[i].path), free(v[i].link), free(v[i].disp);
    free(v);
}

static int num_width(unsigned long long v) {
    int w = 1;
    while (v >= 10) v /= 10, w++;
    return w;
}

static void fmt_size(const struct ent *e, char *buf) {
    uint32_t t = e->st.mode & FS_IFMT;
    if (t == FS_IFCHR || t == FS_IFBLK)
        sprintf(buf, "%u, %u", (unsigned)((e->st.rdev >> 8) & 0xfff), (unsigned)((e->st.rdev & 0xff) | ((e->st.rdev >> 12) & 0xfff00)));
    else if (o_human) fs_human((uint64_t)e->st.size, buf);
    else sprintf(buf, "%lld", (long long)e->st.size);
}

/* allocated size for -s, in 1K blocks or human */
static void fmt_blocks(const struct ent *e, char *buf) {
    uint64_t b = e->ok ? (uint64_t)e->st.blocks : 0;
    if (o_human) fs_human(b * 512, buf);
    else sprintf(buf, "%llu", (unsigned long long)((b + 1) / 2));
}

static void fmt_time(int64_t t, int64_t ns, char *buf) {
    time_t tt = (time_t)t;
    struct tm tm;
    gmtime_r(&tt, &tm);
    int recent = t > now - 15778476 && t <= now;
    if (o_time_style == 'f') {
        char b[32];
        strftime(b, sizeof b, "%Y-%m-%d %H:%M:%S", &tm);
        sprintf(buf, "%s.%09lld +0000", b, (long long)ns);
    } else if (o_time_style == 'l') strftime(buf, 40, "%Y-%m-%d %H:%M", &tm);
    else if (o_time_style == 'i') strftime(buf, 40, recent ? "%m-%d %H:%M" : "%Y-%m-%d ", &tm);
    else strftime(buf, 40, recent ? "%b %e %H:%M" : "%b %e  %Y", &tm);
}

static size_t print_name(const struct ent *e) {
    const char *shown = e->disp ? e->disp : e->name;
    size_t n = strlen(shown);
    fputs(shown, stdout);
    if (o_fmt == F_LONG && e->link) {
        int q;
        char *t = o_quote ? shell_quote(e->link, &q) : NULL;
        printf(" -> %s", t ? t : e->link);
        free(t);
        if ((o_class || o_slash) && e->lmode && indicator(e->lmode) && !(o_slash && !FS_ISDIR(e->lmode))) putchar(indicator(e->lmode));
    } else if ((o_class || o_slash) && e->ok) {
        char c = indicator(e->st.mode);
        if (c) putchar(c), n++;
    }
    return n;
}

static const char *owner(uint32_t uid) {
    static char b[16];
    if (!o_numeric) return fs_user_name(uid);
    snprintf(b, sizeof b, "%u", uid);
    return b;
}

static const char *group(uint32_t gid) {
    static char b[16];
    if (!o_numeric) return fs_group_name(gid);
    snprintf(b, sizeof b, "%u", gid);
    return b;
}

static void print_long(struct ent *v, size_t n) {
    int wl = 0, wu = 0, wg = 0, ws = 0, wi = 0, wb = 0;
    char buf[64];
    for (size_t i = 0; i < n; i++) {
        if (!v[i].ok) continue;
        int k = num_width(v[i].st.nlink);
        if (k > wl) wl = k;
        k = (int)strlen(owner(v[i].st.uid));
        if (k > wu) wu = k;
        k = (int)strlen(group(v[i].st.gid));
        if (k > wg) wg = k;
        fmt_size(&v[i], buf);
        k = (int)strlen(buf);
        if (k > ws) ws = k;
        k = num_width(v[i].st.ino);
        if (k > wi) wi = k;
        fmt_blocks(&v[i], buf);
        k = (int)strlen(buf);
        if (k > wb) wb = k;
    }
    for (size_t i = 0; i < n; i++) {
        struct ent *e = &v[i];
        char mode[12], tbuf[48];
        if (!e->ok) {
            printf("%s??????????? ? ? ? ? ? ", o_inode ? "? " : "");
            print_name(e);
            putchar('\n');
            continue;
        }
        if (o_inode) printf("%*llu ", wi, (unsigned long long)e->st.ino);
        if (o_size) fmt_blocks(e, buf), printf("%*s ", wb, buf);
        fs_mode_string(e->st.mode, mode);
        printf("%s %*u ", mode, wl, e->st.nlink);
        if (!o_no_owner) printf("%-*s ", wu, owner(e->st.uid));
        if (!o_no_group) printf("%-*s ", wg, group(e->st.gid));
        int64_t ts, tn;
        ent_time(e, &ts, &tn);
        fmt_time(ts, tn, tbuf);
        fmt_size(e, buf);
        printf("%*s %s ", ws, buf, tbuf);
        print_name(e);
        putchar('\n');
    }
}

/* GNU pads columns with tabs (tab stops of 8) where it can */
static void indent(size_t from, size_t to) {
    while (from < to) {
        if (to / 8 > (from + 1) / 8) {
            putchar('\t');
            from += 8 - from % 8;
        } else {
            putchar(' ');
            from++;
        }
    }
}

static void print_columns(struct ent *v, size_t n, int across) {
    if (!n) return;
    int wi = 0, wb = 0;
    char buf[32];
    for (size_t i = 0; i < n; i++) {
        if (o_inode && num_width(v[i].st.ino) > wi) wi = num_width(v[i].st.ino);
        fmt_blocks(&v[i], buf);
        if (o_size && (int)strlen(buf) > wb) wb = (int)strlen(buf);
    }
    size_t extra = (o_inode ? (size_t)wi + 1 : 0) + (o_size ? (size_t)wb + 1 : 0);
    size_t *len = malloc(n * sizeof *len), *cw = malloc(n * sizeof *cw);
    for (size_t i = 0; i < n; i++)
        len[i] = strlen(v[i].disp ? v[i].disp : v[i].name) + extra + ((o_class || o_slash) && v[i].ok && indicator(v[i].st.mode) ? 1 : 0);
    size_t cols, rows = 1;
    for (cols = n; cols >= 1; cols--) {
        rows = (n + cols - 1) / cols;
        size_t total = 0;
        for (size_t c = 0; c < cols; c++) cw[c] = 0;
        for (size_t i = 0; i < n; i++) {
            size_t c = across ? i % cols : i / rows;
            if (len[i] + 2 > cw[c]) cw[c] = len[i] + 2;
        }
        for (size_t c = 0; c < cols; c++) total += cw[c];
        if (total - 2 <= (size_t)width || cols == 1) break;
    }
    if (!across) cols = (n + rows - 1) / rows;
    for (size_t r = 0; r < rows; r++) {
        size_t pos = 0;
        for (size_t c = 0; c < cols; c++) {
            size_t i = across ? r * cols + c : c * rows + r;
            if (i >= n) break;
            if (o_inode) printf("%*llu ", wi, (unsigned long long)v[i].st.ino);
            if (o_size) fmt_blocks(&v[i], buf), printf("%*s ", wb, buf);
            print_name(&v[i]);
            size_t next = across ? r * cols + c + 1 : (c + 1) * rows + r;
            if (c + 1 < cols && next < n && (!across || c + 1 < cols)) {
                indent(pos + len[i], pos + cw[c]);
                pos += cw[c];
            }
        }
        putchar('\n');
    }
    free(len), free(cw);
}

static void print_list(struct ent *v, size_t n) {
    if (o_sort != 'U') qsort(v, n, sizeof *v, cmp_ent);
    if (o_quote) { /* quote names; unquoted ones get a space to line up when some are quoted */
        int any = 0;
        int *q = calloc(n ? n : 1, sizeof *q);
        for (size_t i = 0; i < n; i++) free(v[i].disp), v[i].disp = shell_quote(v[i].name, &q[i]), any |= q[i];
        for (size_t i = 0; any && i < n && o_fmt != F_ONE; i++)
            if (!q[i]) {
                char *d = malloc(strlen(v[i].disp) + 2);
                sprintf(d, " %s", v[i].disp);
                free(v[i].disp), v[i].disp = d;
            }
        free(q);
    }
    if (o_fmt == F_LONG) print_long(v, n);
    else if (o_fmt == F_ONE) {
        int wb = 0;
        char buf[32];
        for (size_t i = 0; i < n && o_size; i++) {
            fmt_blocks(&v[i], buf);
            if ((int)strlen(buf) > wb) wb = (int)strlen(buf);
        }
        for (size_t i = 0; i < n; i++) {
            if (o_inode) printf("%llu ", (unsigned long long)v[i].st.ino);
            if (o_size) fmt_blocks(&v[i], buf), printf("%*s ", wb, buf);
            print_name(&v[i]);
            putchar('\n');
        }
    } else print_columns(v, n, o_fmt == F_ACROSS);
}

static void list_dir(const char *path, const char *label, int header) {
    DIR *d = opendir(path);
    if (!d) {
        cu_error(0, errno, "cannot open directory %s", cu_quote(path));
        status = 2;
        return;
    }
    if (header) {
        if (!first_out) putchar('\n');
        printf("%s:\n", label);
    }
    first_out = 0;
    size_t n = 0, cap = 16;
    struct ent *v = malloc(cap * sizeof *v);
    struct dirent *de;
    while ((de = readdir(d))) {
        const char *nm = de->d_name;
        if (nm[0] == '.' && !o_all) {
            if (!o_almost) continue;
            if (!nm[1] || (nm[1] == '.' && !nm[2])) continue;
        }
        if (n == cap) v = realloc(v, (cap *= 2) * sizeof *v);
        struct ent *e = &v[n++];
        memset(e, 0, sizeof *e);
        e->name = strdup(nm);
        e->path = fs_join(path, nm);
        if (!fill(e, o_deref)) {
            cu_error(0, errno, "cannot access %s", cu_quote(e->path));
            status = 1;
        }
    }
    closedir(d);
    for (int k = 0; o_all && k < 2; k++) { /* some file systems do not list . and .. */
        const char *dot = k ? ".." : ".";
        int seen = 0;
        for (size_t i = 0; i < n && !seen; i++) seen = !strcmp(v[i].name, dot);
        if (seen) continue;
        if (n == cap) v = realloc(v, (cap *= 2) * sizeof *v);
        struct ent *e = &v[n++];
        memset(e, 0, sizeof *e);
        e->name = strdup(dot);
        e->path = fs_join(path, dot);
        fill(e, 0);
    }
    if (o_fmt == F_LONG || o_size) {
        uint64_t blocks = 0;
        for (size_t i = 0; i < n; i++) if (v[i].ok) blocks += (uint64_t)v[i].st.blocks;
        if (o_human) {
            char b[32];
            fs_human(blocks * 512, b);
            printf("total %s\n", b);
        } else printf("total %llu\n", (unsigned long long)((blocks + 1) / 2));
    }
    print_list(v, n);
    if (o_rec) {
        for (size_t i = 0; i < n; i++) {
            struct ent *e = &v[i];
            if (!e->ok || !FS_ISDIR(e->st.mode)) continue;
            if (!strcmp(e->name, ".") || !strcmp(e->name, "..")) continue;
            list_dir(e->path, e->path, 1);
        }
    }
    free_ents(v, n);
}

int ls_main(int argc, char **argv) {
    cu_init(argc, argv);
    enum { COLOR = 256, FULL_TIME, TIME_STYLE, GROUP_DIRS, SORT, TIME, QSTYLE, LITERAL };
    static const struct option longs[] = {{"all", 0, 0, 'a'}, {"almost-all", 0, 0, 'A'},
        {"directory", 0, 0, 'd'}, {"human-readable", 0, 0, 'h'}, {"recursive", 0, 0, 'R'},
        {"reverse", 0, 0, 'r'}, {"classify", 2, 0, 'F'}, {"inode", 0, 0, 'i'}, {"size", 0, 0, 's'},
        {"dereference", 0, 0, 'L'}, {"numeric-uid-gid", 0, 0, 'n'}, {"color", 2, 0, COLOR},
        {"colour", 2, 0, COLOR}, {"full-time", 0, 0, FULL_TIME}, {"time-style", 1, 0, TIME_STYLE},
        {"group-directories-first", 0, 0, GROUP_DIRS}, {"sort", 1, 0, SORT}, {"time", 1, 0, TIME},
        {"quoting-style", 1, 0, QSTYLE}, {"literal", 0, 0, 'N'}, {"width", 1, 0, 'w'},
        {0, 0, 0, 0}};
    int c;
    while ((c = getopt_long(argc, argv, "aAdhRrFpilLn1tSUfCxucgosXvGBQNw:", longs, NULL)) != -1) {
        switch (c) {
        case 'a': o_all = 1; o_almost = 0; break;
        case 'A': o_almost = 1; o_all = 0; break;
        case 'd': o_dir = 1; break;
        case 'h': o_human = 1; break;
        case 'R': o_rec = 1; break;
        case 'r': o_rev = 1; break;
        case 'F': o_class = 1; break;
        case 'p': o_slash = 1; break;
        case 'i': o_inode = 1; break;
        case 's': o_size = 1; break;
        case 'l': o_fmt = F_LONG; break;
        case 'g': o_fmt = F_LONG; o_no_owner = 1; break;
        case 'o': o_fmt = F_LONG; o_no_group = 1; break;
        case 'n': o_fmt = F_LONG; o_numeric = 1; break;
        case 'L': o_deref = 1; break;
        case '1': o_fmt = F_ONE; break;
        case 'C': o_fmt = F_COLS; break;
        case 'x': o_fmt = F_ACROSS; break;
        case 't': o_sort = 't'; break;
        case 'S': o_sort = 'S'; break;
        case 'X': o_sort = 'X'; break;
        case 'v': o_sort = 'v'; break;
        case 'U': o_sort = 'U'; break;
        case 'f': o_sort = 'U'; o_all = 1; break;
        case 'u': case 'c': o_time = c; break;
        case FULL_TIME: o_fmt = F_LONG; o_time_style = 'f'; break;
        case TIME_STYLE: {
            const char *s = optarg;
            if (!strncmp(s, "posix-", 6)) s += 6;
            o_time_style = !strcmp(s, "full-iso") ? 'f' : !strcmp(s, "long-iso") ? 'l' : !strcmp(s, "iso") ? 'i' : 0;
            break;
        }
        case GROUP_DIRS: o_dirs_first = 1; break;
        case SORT:
            o_sort = !strcmp(optarg, "time") ? 't' : !strcmp(optarg, "size") ? 'S' : !strcmp(optarg, "extension") ? 'X' :
                     !strcmp(optarg, "version") ? 'v' : !strcmp(optarg, "none") ? 'U' : 0;
            break;
        case TIME: o_time = optarg[0] == 'a' || optarg[0] == 'u' ? 'u' : optarg[0] == 'c' || optarg[0] == 's' ? 'c' : 0; break;
        case QSTYLE: o_quote = !strcmp(optarg, "shell-escape") || !strcmp(optarg, "shell-escape-always"); break;
        case 'N': o_quote = 0; break;
        case 'w': width = atoi(optarg) > 0 ? atoi(optarg) : 1 << 30; width_set = 1; break;
        case COLOR: case 'G': case 'B': case 'Q': break;
        default: cu_usage_error(2, NULL);
        }
    }
    if (o_fmt < 0) o_fmt = se_isatty(1) ? F_COLS : F_ONE;
    if (o_quote < 0) o_quote = se_isatty(1);
    utf8 = utf8_locale();
    if (o_time && o_fmt != F_LONG && !o_sort) o_sort = 't';
    const char *cols = getenv("COLUMNS");
    if (!width_set && cols && atoi(cols) > 0) width = atoi(cols);
    now = time(NULL);
    char *dot[] = {".", NULL};
    char **args = optind < argc ? argv + optind : dot;
    int nargs = optind < argc ? argc - optind : 1;
    struct ent *files = calloc((size_t)nargs, sizeof *files), *dirs = calloc((size_t)nargs, sizeof *dirs);
    size_t nf = 0, nd = 0;
    int follow_cl = o_deref || !(o_fmt == F_LONG || o_dir || o_class);
    for (int i = 0; i < nargs; i++) {
        struct ent e = {0};
        e.name = strdup(args[i]);
        e.path = strdup(args[i]);
        e.ok = (follow_cl ? se_stat(e.path, &e.st) : se_lstat(e.path, &e.st)) == 0;
        if (!e.ok && follow_cl && se_lstat(e.path, &e.st) == 0) e.ok = 1;
        if (!e.ok) {
            cu_error(0, errno, "cannot access %s", cu_quote(args[i]));
            status = 2;
            free(e.name), free(e.path);
            continue;
        }
        if (o_fmt == F_LONG && FS_ISLNK(e.st.mode)) fill(&e, 0);
        if (!o_dir && FS_ISDIR(e.st.mode)) dirs[nd++] = e;
        else files[nf++] = e;
    }
    if (nf) {
        print_list(files, nf);
        first_out = 0;
    }
    if (o_sort != 'U') qsort(dirs, nd, sizeof *dirs, cmp_ent);
    int header = o_rec || nf + nd > 1 || status;
    for (size_t i = 0; i < nd; i++) list_dir(dirs[i].path, dirs[i].path, header);
    free_ents(files, nf);
    free_ents(dirs, nd);
    return cu_finish(status);
}

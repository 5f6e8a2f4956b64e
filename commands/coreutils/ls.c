/* ls — list directory contents (GNU-like: -l -a -A -1 -R -d -h -t -r -S -F -i). */
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
    char *name, *path, *link;
    se_stat_t st;
    int ok;           /* stat succeeded */
    uint32_t lmode;   /* mode of a symlink's target (0 when dangling) */
};

static int o_long, o_all, o_almost, o_one, o_rec, o_dir, o_human, o_sort, o_rev, o_class, o_inode, o_deref;
static int o_time; /* 0 mtime, 'u' atime, 'c' ctime */
static int status, tty, width = 80, first_out = 1;
static time_t now;

static void ent_time(const struct ent *e, int64_t *s, int64_t *ns) {
    if (o_time == 'u') *s = e->st.atime_sec, *ns = e->st.atime_nsec;
    else if (o_time == 'c') *s = e->st.ctime_sec, *ns = e->st.ctime_nsec;
    else *s = e->st.mtime_sec, *ns = e->st.mtime_nsec;
}

static int cmp_ent(const void *pa, const void *pb) {
    const struct ent *a = pa, *b = pb;
    int r = 0;
    if (o_sort == 't') {
        int64_t as, an, bs, bn;
        ent_time(a, &as, &an);
        ent_time(b, &bs, &bn);
        if (as != bs) r = as < bs ? 1 : -1;
        else if (an != bn) r = an < bn ? 1 : -1;
    } else if (o_sort == 'S') {
        if (a->st.size != b->st.size) r = a->st.size < b->st.size ? 1 : -1;
    }
    if (!r) r = strcmp(a->name, b->name);
    return o_rev ? -r : r;
}

static char indicator(uint32_t m) {
    if (FS_ISDIR(m)) return '/';
    if (FS_ISLNK(m)) return '@';
    if ((m & FS_IFMT) == FS_IFIFO) return '|';
    if ((m & FS_IFMT) == FS_IFSOCK) return '=';
    if (FS_ISREG(m) && (m & 0111)) return '*';
    return 0;
}

static int fill(struct ent *e, int follow) {
    e->ok = (follow ? se_stat(e->path, &e->st) : se_lstat(e->path, &e->st)) == 0;
    if (!e->ok && follow) e->ok = se_lstat(e->path, &e->st) == 0; /* dangling link */
    if (e->ok && FS_ISLNK(e->st.mode) && o_long) {
        char buf[4096];
        ssize_t n = readlink(e->path, buf, sizeof buf - 1);
        if (n >= 0) buf[n] = 0, e->link = strdup(buf);
        se_stat_t t;
        if (se_stat(e->path, &t) == 0) e->lmode = t.mode;
    }
    return e->ok;
}

static void free_ents(struct ent *v, size_t n) {
    for (size_t i = 0; i < n; i++) free(v[i].name), free(v[i].path), free(v[i].link);
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

static void fmt_time(int64_t t, char *buf) {
    time_t tt = (time_t)t;
    struct tm tm;
    gmtime_r(&tt, &tm);
    int recent = t > now - 15778476 && t <= now;
    strftime(buf, 32, recent ? "%b %e %H:%M" : "%b %e  %Y", &tm);
}

static void print_name(const struct ent *e) {
    fputs(e->name, stdout);
    if (o_long && e->link) {
        printf(" -> %s", e->link);
        if (o_class && e->lmode && indicator(e->lmode)) putchar(indicator(e->lmode));
    } else if (o_class && e->ok) {
        char c = indicator(e->st.mode);
        if (c) putchar(c);
    }
}

static void print_long(struct ent *v, size_t n) {
    int wl = 0, wu = 0, wg = 0, ws = 0, wi = 0;
    char buf[64];
    for (size_t i = 0; i < n; i++) {
        if (!v[i].ok) continue;
        int k = num_width(v[i].st.nlink);
        if (k > wl) wl = k;
        k = (int)strlen(fs_user_name(v[i].st.uid));
        if (k > wu) wu = k;
        k = (int)strlen(fs_group_name(v[i].st.gid));
        if (k > wg) wg = k;
        fmt_size(&v[i], buf);
        k = (int)strlen(buf);
        if (k > ws) ws = k;
        k = num_width(v[i].st.ino);
        if (k > wi) wi = k;
    }
    for (size_t i = 0; i < n; i++) {
        struct ent *e = &v[i];
        char mode[12], tbuf[32];
        if (!e->ok) {
            printf("%s??????????? ? ? ? ? ? ", o_inode ? "? " : "");
            print_name(e);
            putchar('\n');
            continue;
        }
        if (o_inode) printf("%*llu ", wi, (unsigned long long)e->st.ino);
        fs_mode_string(e->st.mode, mode);
        fmt_size(e, buf);
        int64_t ts, tn;
        ent_time(e, &ts, &tn);
        fmt_time(ts, tbuf);
        printf("%s %*u %-*s %-*s %*s %s ", mode, wl, e->st.nlink, wu, fs_user_name(e->st.uid), wg,
               fs_group_name(e->st.gid), ws, buf, tbuf);
        print_name(e);
        putchar('\n');
    }
}

static size_t name_len(const struct ent *e) {
    return strlen(e->name) + (o_class && e->ok && indicator(e->st.mode) ? 1 : 0);
}

static void print_columns(struct ent *v, size_t n) {
    if (!n) return;
    int wi = 0;
    if (o_inode)
        for (size_t i = 0; i < n; i++)
            if (num_width(v[i].st.ino) > wi) wi = num_width(v[i].st.ino);
    size_t extra = o_inode ? (size_t)wi + 1 : 0;
    size_t cols = n, rows = 1;
    size_t *cw = malloc(n * sizeof *cw);
    for (cols = n; cols >= 1; cols--) {
        rows = (n + cols - 1) / cols;
        size_t total = 0;
        for (size_t c = 0; c < cols; c++) {
            size_t m = 0;
            for (size_t r = 0; r < rows; r++) {
                size_t i = c * rows + r;
                if (i < n && name_len(&v[i]) + extra > m) m = name_len(&v[i]) + extra;
            }
            cw[c] = m + (c + 1 < cols ? 2 : 0);
            total += cw[c];
        }
        if (total <= (size_t)width || cols == 1) break;
    }
    cols = (n + rows - 1) / rows;
    for (size_t r = 0; r < rows; r++) {
        for (size_t c = 0; c < cols; c++) {
            size_t i = c * rows + r;
            if (i >= n) break;
            if (o_inode) printf("%*llu ", wi, (unsigned long long)v[i].st.ino);
            print_name(&v[i]);
            if (c + 1 < cols && c * rows + r + rows < n)
                for (size_t k = name_len(&v[i]) + extra; k < cw[c]; k++) putchar(' ');
        }
        putchar('\n');
    }
    free(cw);
}

static void print_list(struct ent *v, size_t n) {
    qsort(v, n, sizeof *v, cmp_ent);
    if (o_long) print_long(v, n);
    else if (o_one || !tty) {
        for (size_t i = 0; i < n; i++) {
            if (o_inode) printf("%llu ", (unsigned long long)v[i].st.ino);
            print_name(&v[i]);
            putchar('\n');
        }
    } else print_columns(v, n);
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
    if (o_long) {
        uint64_t blocks = 0;
        for (size_t i = 0; i < n; i++) if (v[i].ok) blocks += (uint64_t)v[i].st.blocks;
        uint64_t kb = (blocks + 1) / 2;
        if (o_human) {
            char b[32];
            fs_human(blocks * 512, b);
            printf("total %s\n", b);
        } else printf("total %llu\n", (unsigned long long)kb);
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
    static const struct option longs[] = {{"all", 0, 0, 'a'}, {"almost-all", 0, 0, 'A'},
        {"directory", 0, 0, 'd'}, {"human-readable", 0, 0, 'h'}, {"recursive", 0, 0, 'R'},
        {"reverse", 0, 0, 'r'}, {"classify", 0, 0, 'F'}, {"inode", 0, 0, 'i'},
        {"dereference", 0, 0, 'L'}, {0, 0, 0, 0}};
    int c;
    while ((c = getopt_long(argc, argv, "aAdhRrFilL1tSUfCxuc", longs, NULL)) != -1) {
        switch (c) {
        case 'a': o_all = 1; o_almost = 0; break;
        case 'A': o_almost = 1; o_all = 0; break;
        case 'd': o_dir = 1; break;
        case 'h': o_human = 1; break;
        case 'R': o_rec = 1; break;
        case 'r': o_rev = 1; break;
        case 'F': o_class = 1; break;
        case 'i': o_inode = 1; break;
        case 'l': o_long = 1; o_one = 0; break;
        case 'L': o_deref = 1; break;
        case '1': o_one = 1; o_long = 0; break;
        case 'C': case 'x': o_one = 0; o_long = 0; tty = 2; break;
        case 't': o_sort = 't'; break;
        case 'u': case 'c': o_time = c; break;
        case 'S': o_sort = 'S'; break;
        case 'U': case 'f': o_sort = 'U'; if (c == 'f') o_all = 1; break;
        default: cu_usage_error(2, NULL);
        }
    }
    if (o_time && !o_long && !o_sort) o_sort = 't';
    if (tty == 2) tty = 1;
    else tty = se_isatty(1);
    const char *cols = getenv("COLUMNS");
    if (cols && atoi(cols) > 0) width = atoi(cols);
    now = time(NULL);
    char *dot[] = {".", NULL};
    char **args = optind < argc ? argv + optind : dot;
    int nargs = optind < argc ? argc - optind : 1;
    struct ent *files = calloc((size_t)nargs, sizeof *files), *dirs = calloc((size_t)nargs, sizeof *dirs);
    size_t nf = 0, nd = 0;
    int follow_cl = o_deref || !(o_long || o_dir || o_class);
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
        if (FS_ISLNK(e.st.mode) && o_long && !o_deref) {
            free(e.name), free(e.path);
            e.name = strdup(args[i]), e.path = strdup(args[i]);
            fill(&e, 0);
        }
        if (!o_dir && FS_ISDIR(e.st.mode)) dirs[nd++] = e;
        else {
            if (o_long && FS_ISLNK(e.st.mode) && !e.link) fill(&e, 0);
            files[nf++] = e;
        }
    }
    if (nf) {
        print_list(files, nf);
        first_out = 0;
    }
    qsort(dirs, nd, sizeof *dirs, cmp_ent);
    int header = o_rec || nf + nd > 1 || status;
    for (size_t i = 0; i < nd; i++) list_dir(dirs[i].path, dirs[i].path, header);
    free_ents(files, nf);
    free_ents(dirs, nd);
    return cu_finish(status);
}

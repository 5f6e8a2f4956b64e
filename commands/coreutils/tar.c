/* tar — create, extract and list archives (GNU format, reads ustar too; -c -x -t -f -C -v -z -O -k -m). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cu.h"
#include "fsutil.h"

SE_COMMAND("tar", tar_main)

static int o_verbose, o_gzip, o_stdout, o_keep, o_nomtime, o_strip, status;
static const char *o_dir;
static char **excludes;
static int nexcludes;

struct buf { unsigned char *p; size_t n, cap; };

static void buf_add(struct buf *b, const void *d, size_t n) {
    if (b->n + n > b->cap) {
        while (b->n + n > b->cap) b->cap = b->cap * 2 + 65536;
        b->p = realloc(b->p, b->cap);
    }
    memcpy(b->p + b->n, d, n);
    b->n += n;
}

static void fail(int errnum, const char *fmt, const char *arg) {
    cu_error(0, errnum, fmt, arg);
    status = 2;
}

static int excluded(const char *name) {
    char *b = fs_base(name);
    int r = 0;
    for (int i = 0; i < nexcludes && !r; i++)
        r = fnmatch(excludes[i], name, 0) == 0 || fnmatch(excludes[i], b, 0) == 0;
    free(b);
    return r;
}

/* ---- create ---- */
static struct { uint64_t dev, ino; char *name; } *links;
static size_t nlinks;

/* width-1 octal digits, zero padded, then NUL */
static void octal(char *field, size_t width, unsigned long long v) {
    field[width - 1] = 0;
    for (size_t i = width - 1; i-- > 0; v >>= 3) field[i] = (char)('0' + (v & 7));
}

static void header(struct buf *b, const char *name, const se_stat_t *st, char type, const char *linkname, uint64_t size) {
    unsigned char h[512];
    size_t nl = strlen(name);
    if (nl > 100 || (linkname && strlen(linkname) > 100)) {
        /* GNU long name / long link entries */
        const char *longs[2] = {nl > 100 ? name : NULL, linkname && strlen(linkname) > 100 ? linkname : NULL};
        for (int k = 1; k >= 0; k--) {
            if (!longs[k]) continue;
            se_stat_t z = {0};
            header(b, "././@LongLink", &z, k ? 'K' : 'L', NULL, strlen(longs[k]) + 1);
            size_t len = strlen(longs[k]) + 1;
            buf_add(b, longs[k], len);
            unsigned char pad[512] = {0};
            if (len % 512) buf_add(b, pad, 512 - len % 512);
        }
    }
    memset(h, 0, sizeof h);
    memcpy(h, name, nl > 100 ? 100 : nl);
    octal((char *)h + 100, 8, st->mode & 07777);
    octal((char *)h + 108, 8, st->uid);
    octal((char *)h + 116, 8, st->gid);
    octal((char *)h + 124, 12, size);
    octal((char *)h + 136, 12, (unsigned long long)(st->mtime_sec > 0 ? st->mtime_sec : 0));
    h[156] = (unsigned char)type;
    if (linkname) memcpy(h + 157, linkname, strlen(linkname) > 100 ? 100 : strlen(linkname));
    memcpy(h + 257, "ustar  ", 8);
    snprintf((char *)h + 265, 32, "%s", fs_user_name(st->uid));
    snprintf((char *)h + 297, 32, "%s", fs_group_name(st->gid));
    memset(h + 148, ' ', 8);
    unsigned sum = 0;
    for (int i = 0; i < 512; i++) sum += h[i];
    snprintf((char *)h + 148, 8, "%06o", sum);
    h[155] = ' ';
    buf_add(b, h, 512);
}

static const char *strip_abs(const char *name, int *warned, const char *what) {
    if (name[0] != '/') return name;
    while (*name == '/') name++;
    if (!*warned) {
        cu_error(0, 0, "Removing leading `/' from %s", what);
        *warned = 1;
    }
    return *name ? name : ".";
}

static int warned_names, warned_links;

static void add(struct buf *b, const char *path, const char *name) {
    se_stat_t st;
    if (excluded(name)) return;
    if (se_lstat(path, &st) < 0) {
        cu_error(0, errno, "%s: Cannot stat", name);
        status = 2;
        return;
    }
    const char *stored = strip_abs(name, &warned_names, "member names");
    if (FS_ISDIR(st.mode)) {
        char *dn = malloc(strlen(stored) + 2);
        sprintf(dn, "%s%s", stored, stored[strlen(stored) - 1] == '/' ? "" : "/");
        if (o_verbose) fprintf(o_stdout ? stderr : stdout, "%s\n", dn);
        header(b, dn, &st, '5', NULL, 0);
        free(dn);
        DIR *d = opendir(path);
        if (!d) {
            cu_error(0, errno, "%s: Cannot open", name);
            status = 2;
            return;
        }
        size_t n = 0, cap = 16;
        char **names = malloc(cap * sizeof *names);
        struct dirent *de;
        while ((de = readdir(d))) {
            if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, "..")) continue;
            if (n == cap) names = realloc(names, (cap *= 2) * sizeof *names);
            names[n++] = strdup(de->d_name);
        }
        closedir(d);
        for (size_t i = 0; i < n; i++) {
            char *cp = fs_join(path, names[i]), *cn = fs_join(name, names[i]);
            add(b, cp, cn);
            free(cp), free(cn), free(names[i]);
        }
        free(names);
        return;
    }
    if (o_verbose) fprintf(o_stdout ? stderr : stdout, "%s\n", stored);
    if (FS_ISLNK(st.mode)) {
        char t[4096];
        ssize_t k = readlink(path, t, sizeof t - 1);
        if (k < 0) { fail(errno, "%s: Cannot readlink", name); return; }
        t[k] = 0;
        header(b, stored, &st, '2', t, 0);
        return;
    }
    if (st.nlink > 1) {
        for (size_t i = 0; i < nlinks; i++)
            if (links[i].dev == st.dev && links[i].ino == st.ino) {
                if (name[0] == '/') strip_abs(name, &warned_links, "hard link targets");
                header(b, stored, &st, '1', links[i].name, 0);
                return;
            }
        links = realloc(links, (nlinks + 1) * sizeof *links);
        links[nlinks].dev = st.dev, links[nlinks].ino = st.ino, links[nlinks].name = strdup(stored);
        nlinks++;
    }
    if (!FS_ISREG(st.mode)) {
        char type = (st.mode & FS_IFMT) == FS_IFIFO ? '6' : (st.mode & FS_IFMT) == FS_IFCHR ? '3' : '4';
        header(b, stored, &st, type, NULL, 0);
        return;
    }
    int fd = open(path, O_RDONLY);
    size_t n = 0;
    unsigned char *data = fd < 0 ? NULL : fs_read_all(fd, &n);
    if (fd >= 0) close(fd);
    if (!data) { fail(errno, "%s: Cannot open", name); return; }
    header(b, stored, &st, '0', NULL, n);
    buf_add(b, data, n);
    unsigned char pad[512] = {0};
    if (n % 512) buf_add(b, pad, 512 - n % 512);
    free(data);
}

/* ---- read ---- */
static unsigned long long parse_octal(const unsigned char *f, size_t n) {
    unsigned long long v = 0;
    size_t i = 0;
    while (i < n && (f[i] == ' ' || f[i] == 0)) i++;
    for (; i < n && f[i] >= '0' && f[i] <= '7'; i++) v = v * 8 + (unsigned)(f[i] - '0');
    return v;
}

static int valid_header(const unsigned char *h) {
    unsigned sum = 0;
    for (int i = 0; i < 512; i++) sum += (i >= 148 && i < 156) ? ' ' : h[i];
    return sum == parse_octal(h + 148, 8);
}

static int matches(const char *name, char **members, int nm, int *hit) {
    if (!nm) return 1;
    for (int i = 0; i < nm; i++) {
        size_t k = strlen(members[i]);
        while (k > 1 && members[i][k - 1] == '/') k--;
        if (!strncmp(name, members[i], k) && (name[k] == 0 || name[k] == '/')) {
            hit[i] = 1;
            return 1;
        }
    }
    return 0;
}

static void list_entry(const char *name, char type, const unsigned char *h, uint64_t size, const char *link) {
    if (!o_verbose) {
        printf("%s\n", name);
        return;
    }
    uint32_t mode = (uint32_t)parse_octal(h + 100, 8) & 07777;
    uint32_t t = type == '5' ? FS_IFDIR : type == '2' ? FS_IFLNK : type == '3' ? FS_IFCHR : type == '4' ? FS_IFBLK :
                 type == '6' ? FS_IFIFO : FS_IFREG;
    char ms[12], ug[80], sz[32], tb[32];
    fs_mode_string(t | mode, ms);
    if (type == '1') ms[0] = 'h';
    char un[33] = {0}, gn[33] = {0};
    memcpy(un, h + 265, 32), memcpy(gn, h + 297, 32);
    if (!un[0]) snprintf(un, sizeof un, "%llu", parse_octal(h + 108, 8));
    if (!gn[0]) snprintf(gn, sizeof gn, "%llu", parse_octal(h + 116, 8));
    snprintf(ug, sizeof ug, "%s/%s", un, gn);
    snprintf(sz, sizeof sz, "%llu", (unsigned long long)size);
    int pad = 19 - (int)strlen(ug) - (int)strlen(sz);
    if (pad < 1) pad = 1;
    time_t mt = (time_t)parse_octal(h + 136, 12);
    struct tm tm;
    gmtime_r(&mt, &tm);
    strftime(tb, sizeof tb, "%Y-%m-%d %H:%M", &tm);
    printf("%s %s %*s %s %s", ms, ug, pad + (int)strlen(sz) - 1, sz, tb, name);
    if (type == '2') printf(" -> %s", link);
    else if (type == '1') printf(" link to %s", link);
    putchar('\n');
}

static char *out_path(const char *name) { return o_dir ? fs_join(o_dir, name) : strdup(name); }

static void make_parents(const char *path) {
    char *p = strdup(path);
    for (char *s = p + 1; (s = strchr(s, '/')); s++) {
        *s = 0;
        mkdir(p, 0755);
        *s = '/';
    }
    free(p);
}

struct dirfix { char *path; struct timespec ts[2]; uint32_t mode; };

static void extract_entry(const char *name, char type, const unsigned char *h, const unsigned char *data, uint64_t size,
                          const char *lnk, struct dirfix **dirs, size_t *ndirs) {
    if (o_verbose) printf("%s\n", name);
    uint32_t mode = (uint32_t)parse_octal(h + 100, 8) & 07777;
    time_t mt = (time_t)parse_octal(h + 136, 12);
    struct timespec ts[2] = {{mt, 0}, {mt, 0}};
    if (o_stdout) {
        if (type == '0' || type == 0 || type == '7') fs_write_all(1, data, (size_t)size);
        return;
    }
    char *path = out_path(name);
    make_parents(path);
    se_stat_t st;
    if (type == '5') {
        if (mkdir(path, 0700) < 0 && !(errno == EEXIST && fs_is_dir(path))) {
            fail(errno, "%s: Cannot mkdir", name);
            free(path);
            return;
        }
        *dirs = realloc(*dirs, (*ndirs + 1) * sizeof **dirs);
        (*dirs)[*ndirs].path = path, (*dirs)[*ndirs].mode = mode;
        memcpy((*dirs)[*ndirs].ts, ts, sizeof ts);
        (*ndirs)++;
        return;
    }
    if (se_lstat(path, &st) == 0) {
        if (o_keep) {
            cu_error(0, 0, "%s: Cannot open: File exists", name);
            status = 2;
            free(path);
            return;
        }
        if (FS_ISDIR(st.mode)) rmdir(path);
        else unlink(path);
    }
    if (type == '2') {
        if (symlink(lnk, path) < 0) fail(errno, "%s: Cannot create symlink", name);
        else if (!o_nomtime) fs_set_times(path, ts, 0);
        free(path);
        return;
    }
    if (type == '1') {
        char *target = out_path(lnk);
        if (link(target, path) < 0) fail(errno, "%s: Cannot hard link", name);
        free(target), free(path);
        return;
    }
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0 || fs_write_all(fd, data, (size_t)size) < 0) {
        fail(errno, "%s: Cannot open", name);
        if (fd >= 0) close(fd);
        free(path);
        return;
    }
    close(fd);
    se_chmod(path, (int)mode);
    if (!o_nomtime) fs_set_times(path, ts, 1);
    free(path);
}

static const char *strip_components(const char *name) {
    for (int i = 0; i < o_strip; i++) {
        const char *s = strchr(name, '/');
        if (!s || !s[1]) return NULL;
        name = s + 1;
    }
    return name;
}

static void read_archive(const unsigned char *a, size_t n, int extract, char **members, int nm) {
    int *hit = calloc((size_t)nm + 1, sizeof *hit);
    char *longname = NULL, *longlink = NULL;
    struct dirfix *dirs = NULL;
    size_t ndirs = 0, pos = 0;
    int entries = 0, warned = 0, warned_l = 0;
    if (n % 512 && n < 512) fail(0, "This does not look like a tar archive%s", "");
    while (pos + 512 <= n) {
        const unsigned char *h = a + pos;
        int zero = 1;
        for (int i = 0; i < 512 && zero; i++) zero = !h[i];
        if (zero) break;
        if (!valid_header(h)) {
            if (!entries) fail(0, "This does not look like a tar archive%s", "");
            else fail(0, "Skipping to next header%s", "");
            break;
        }
        entries++;
        char type = (char)h[156];
        uint64_t size = parse_octal(h + 124, 12);
        const unsigned char *data = h + 512;
        if (pos + 512 + size > n) {
            fail(0, "Unexpected EOF in archive%s", "");
            break;
        }
        pos += 512 + (size + 511) / 512 * 512;
        if (type == 'L' || type == 'K') {
            char *s = strndup((const char *)data, (size_t)size);
            if (type == 'L') free(longname), longname = s;
            else free(longlink), longlink = s;
            continue;
        }
        char name[512], link[512];
        if (longname) snprintf(name, sizeof name, "%s", longname);
        else if (!memcmp(h + 257, "ustar\0", 6) && h[345])
            snprintf(name, sizeof name, "%.155s/%.100s", (const char *)h + 345, (const char *)h + 0);
        else snprintf(name, sizeof name, "%.100s", (const char *)h);
        if (longlink) snprintf(link, sizeof link, "%s", longlink);
        else snprintf(link, sizeof link, "%.100s", (const char *)h + 157);
        free(longname), free(longlink);
        longname = longlink = NULL;
        if (type != '5' && type != '1' && type != '2' && type != '3' && type != '4' && type != '6') type = '0';
        if (type == '1' || type == '2' || type == '5' || type == '3' || type == '4' || type == '6') {
            if (type != '0' && type != '7') size = type == '1' || type == '2' || type == '5' ? 0 : size;
        }
        const char *nm_ = name;
        if (extract) nm_ = strip_abs(name, &warned, "member names");
        if (!matches(nm_, members, nm, hit)) continue;
        if (extract && type == '1') {
            const char *l = strip_abs(link, &warned_l, "hard link targets");
            memmove(link, l, strlen(l) + 1);
        }
        if (excluded(nm_)) continue;
        const char *final = strip_components(nm_);
        if (!final) continue;
        if (extract && type == '1' && o_strip) {
            const char *l = strip_components(link);
            if (!l) continue;
            memmove(link, l, strlen(l) + 1);
        }
        if (extract) extract_entry(final, type, h, data, size, link, &dirs, &ndirs);
        else list_entry(final, type, h, size, link);
    }
    for (size_t i = ndirs; i-- > 0;) {
        se_chmod(dirs[i].path, (int)dirs[i].mode);
        if (!o_nomtime) fs_set_times(dirs[i].path, dirs[i].ts, 1);
        free(dirs[i].path);
    }
    free(dirs);
    for (int i = 0; i < nm; i++)
        if (!hit[i]) fail(0, "%s: Not found in archive", members[i]);
    free(hit);
}

static void usage(const char *msg) {
    fflush(stdout);
    if (msg) fprintf(stderr, "%s: %s\n", cu_prog, msg);
    fprintf(stderr, "Try '%s --help' or '%s --usage' for more information.\n", cu_prog, cu_prog);
    exit(2);
}

int tar_main(int argc, char **argv) {
    cu_init(argc, argv);
    /* old style: "tar czf file ..." — expand the first word into options */
    char **args = calloc((size_t)argc * 2 + 2, sizeof *args);
    int n = 0;
    args[n++] = argv[0];
    int i = 1;
    if (argc > 1 && argv[1][0] != '-') {
        int next = 2;
        for (const char *p = argv[1]; *p; p++) {
            char *opt = malloc(3);
            opt[0] = '-', opt[1] = *p, opt[2] = 0;
            args[n++] = opt;
            if (strchr("fCT", *p) && next < argc) args[n++] = argv[next++];
        }
        i = next;
    }
    for (; i < argc; i++) args[n++] = argv[i];
    static const struct option longs[] = {{"create", 0, 0, 'c'}, {"extract", 0, 0, 'x'}, {"get", 0, 0, 'x'},
        {"list", 0, 0, 't'}, {"file", 1, 0, 'f'}, {"directory", 1, 0, 'C'}, {"verbose", 0, 0, 'v'},
        {"gzip", 0, 0, 'z'}, {"gunzip", 0, 0, 'z'}, {"to-stdout", 0, 0, 'O'}, {"keep-old-files", 0, 0, 'k'},
        {"touch", 0, 0, 'm'}, {"strip-components", 1, 0, 'S'}, {"exclude", 1, 0, 'E'},
        {"preserve-permissions", 0, 0, 'p'}, {"no-same-owner", 0, 0, 'o'}, {0, 0, 0, 0}};
    int c, mode = 0;
    const char *file = NULL;
    optind = 1;
    while ((c = getopt_long(n, args, "cxtf:C:vzOkmpoa", longs, NULL)) != -1) {
        switch (c) {
        case 'c': case 'x': case 't':
            if (mode && mode != c) usage("You may not specify more than one '-Acdtrux', '--delete' or  '--test-label' option");
            mode = c;
            break;
        case 'f': file = optarg; break;
        case 'C': o_dir = optarg; break;
        case 'v': o_verbose = 1; break;
        case 'z': o_gzip = 1; break;
        case 'O': o_stdout = 1; break;
        case 'k': o_keep = 1; break;
        case 'm': o_nomtime = 1; break;
        case 'S': o_strip = atoi(optarg); break;
        case 'E':
            excludes = realloc(excludes, (size_t)(nexcludes + 1) * sizeof *excludes);
            excludes[nexcludes++] = optarg;
            break;
        case 'p': case 'o': case 'a': break;
        default: usage(NULL);
        }
    }
    if (!mode) usage("You must specify one of the '-Acdtrux', '--delete' or '--test-label' options");
    if (!file) file = getenv("TAPE") ? getenv("TAPE") : "-";
    char **members = args + optind;
    int nm = n - optind;
    if (mode == 'c') {
        if (!nm) usage("Cowardly refusing to create an empty archive");
        if (!strcmp(file, "-") && se_isatty(1))
            cu_error(2, 0, "Refusing to write archive contents to terminal (missing -f option?)");
        o_stdout = !strcmp(file, "-");
        struct buf b = {0};
        for (int k = 0; k < nm; k++) {
            char *path = o_dir && members[k][0] != '/' ? fs_join(o_dir, members[k]) : strdup(members[k]);
            add(&b, path, members[k]);
            free(path);
        }
        unsigned char zero[512] = {0};
        buf_add(&b, zero, 512), buf_add(&b, zero, 512);
        while (b.n % 10240) buf_add(&b, zero, 512);
        unsigned char *out = b.p;
        size_t on = b.n;
        if (o_gzip) out = fs_gz_compress(b.p, b.n, 6, NULL, 0, &on);
        int fd = o_stdout ? 1 : open(file, O_WRONLY | O_CREAT | O_TRUNC, 0666);
        if (fd < 0) cu_error(2, errno, "%s: Cannot open", file);
        if (fs_write_all(fd, out, on) < 0) cu_error(2, errno, "%s: Cannot write", file);
        if (fd != 1) close(fd);
    } else {
        int fd = !strcmp(file, "-") ? 0 : open(file, O_RDONLY);
        if (fd < 0) {
            cu_error(0, errno, "%s: Cannot open", file);
            cu_error(2, 0, "Error is not recoverable: exiting now");
        }
        size_t an;
        unsigned char *a = fs_read_all(fd, &an);
        if (fd) close(fd);
        if (!a) cu_error(2, errno, "%s: Read error", file);
        if (an >= 2 && a[0] == 0x1f && a[1] == 0x8b) {
            unsigned char *u;
            size_t un;
            if (fs_gz_decompress(a, an, &u, &un) < 0) {
                free(u);
                cu_error(0, 0, "Child returned status 1");
                cu_error(2, 0, "Error is not recoverable: exiting now");
            }
            free(a);
            a = u, an = un;
        } else if (o_gzip) {
            fputs("\ngzip: stdin: not in gzip format\n", stderr);
            cu_error(0, 0, "Child returned status 1");
            cu_error(2, 0, "Error is not recoverable: exiting now");
        }
        if (an == 0 && mode) {
            free(a);
            return cu_finish(status);
        }
        if (mode == 'x' && o_stdout) o_verbose = 0;
        read_archive(a, an, mode == 'x', members, nm);
        free(a);
    }
    if (status) cu_error(0, 0, "Exiting with failure status due to previous errors");
    return cu_finish(status);
}

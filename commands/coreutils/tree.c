/* tree — list a directory tree with box-drawing lines (-a -d -L N -f -F -i --noreport). */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cu.h"
#include "fsutil.h"

SE_COMMAND("tree", tree_main)

#include <fnmatch.h>

static int o_all, o_dirs, o_full, o_class, o_noind, o_noreport, maxlevel = -1;
static int o_perm, o_size, o_human, o_dirsfirst, o_reverse;
static const char *o_exclude, *o_include;

/* tree patterns: alternatives separated by '|' */
static int pattern_match(const char *pats, const char *name) {
    char *copy = strdup(pats);
    int hit = 0;
    for (char *p = strtok(copy, "|"); p && !hit; p = strtok(NULL, "|")) hit = fnmatch(p, name, 0) == 0;
    free(copy);
    return hit;
}

/* "[mode size]  " attributes before a name */
static void attrs(const se_stat_t *st) {
    if (!o_perm && !o_size && !o_human) return;
    putchar('[');
    if (o_perm) {
        char m[12];
        fs_mode_string(st->mode, m);
        fputs(m, stdout);
    }
    if (o_human) {
        char b[32];
        fs_human((uint64_t)st->size, b);
        printf("%s%4s", o_perm ? " " : "", b);
    } else if (o_size) printf("%s%11lld", o_perm ? " " : "", (long long)st->size);
    fputs("]  ", stdout);
}
static long ndirs, nfiles;
static const char *l_mid = "|-- ", *l_last = "`-- ", *l_bar = "|   ";

/* Box-drawing lines only in a UTF-8 locale, like tree. */
static void pick_lines(void) {
    const char *v = getenv("LC_ALL");
    if (!v || !*v) v = getenv("LC_CTYPE");
    if (!v || !*v) v = getenv("LANG");
    if (v && (strcasestr(v, "utf-8") || strcasestr(v, "utf8")))
        l_mid = "\xe2\x94\x9c\xe2\x94\x80\xe2\x94\x80 ", l_last = "\xe2\x94\x94\xe2\x94\x80\xe2\x94\x80 ",
        l_bar = "\xe2\x94\x82\xc2\xa0\xc2\xa0 ";
}

static int cmp(const void *a, const void *b) {
    int r = strcmp(*(char *const *)a, *(char *const *)b);
    return o_reverse ? -r : r;
}

static char indicator(uint32_t m) {
    if (FS_ISDIR(m)) return '/';
    if ((m & FS_IFMT) == FS_IFIFO) return '|';
    if ((m & FS_IFMT) == FS_IFSOCK) return '=';
    if (FS_ISREG(m) && (m & 0111)) return '*';
    return 0;
}

/* Prints one entry's name (with link target and indicators). */
static void print_entry(const char *path, const char *shown, const se_stat_t *st) {
    fputs(shown, stdout);
    if (FS_ISLNK(st->mode)) {
        char buf[4096];
        ssize_t k = readlink(path, buf, sizeof buf - 1);
        if (k >= 0) {
            buf[k] = 0;
            printf(" -> %s", buf);
            se_stat_t t;
            if (o_class && se_stat(path, &t) == 0 && indicator(t.mode)) putchar(indicator(t.mode));
        }
    } else if (o_class && indicator(st->mode)) putchar(indicator(st->mode));
}

static void list(const char *path, char *prefix, int level) {
    DIR *d = opendir(path);
    if (!d) return;
    size_t n = 0, cap = 16;
    char **names = malloc(cap * sizeof *names);
    struct dirent *de;
    while ((de = readdir(d))) {
        if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, "..")) continue;
        if (de->d_name[0] == '.' && !o_all) continue;
        if (n == cap) names = realloc(names, (cap *= 2) * sizeof *names);
        names[n++] = strdup(de->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp);
    /* with -d, keep only directories (links to directories included) */
    se_stat_t *sts = calloc(n ? n : 1, sizeof *sts);
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        char *c = fs_join(path, names[i]);
        se_stat_t st, t;
        if (se_lstat(c, &st) < 0) memset(&st, 0, sizeof st);
        int isdir = FS_ISDIR(st.mode) || (FS_ISLNK(st.mode) && se_stat(c, &t) == 0 && FS_ISDIR(t.mode));
        free(c);
        if ((o_dirs && !isdir) || (o_exclude && pattern_match(o_exclude, names[i])) ||
            (o_include && !isdir && !pattern_match(o_include, names[i]))) {
            free(names[i]);
            continue;
        }
        names[m] = names[i], sts[m++] = st;
    }
    if (o_dirsfirst) { /* stable partition: directories first */
        char **nn = malloc((m ? m : 1) * sizeof *nn);
        se_stat_t *ns = malloc((m ? m : 1) * sizeof *ns);
        size_t k = 0;
        for (int pass = 0; pass < 2; pass++)
            for (size_t i = 0; i < m; i++)
                if ((FS_ISDIR(sts[i].mode) != 0) == (pass == 0)) nn[k] = names[i], ns[k++] = sts[i];
        memcpy(names, nn, m * sizeof *nn);
        memcpy(sts, ns, m * sizeof *ns);
        free(nn), free(ns);
    }
    if (level == 1 && m) ndirs++; /* tree 2.x counts a non-empty root */
    size_t plen = strlen(prefix);
    for (size_t i = 0; i < m; i++) {
        int last = i + 1 == m;
        char *c = fs_join(path, names[i]);
        se_stat_t t;
        int isdir = FS_ISDIR(sts[i].mode) || (FS_ISLNK(sts[i].mode) && se_stat(c, &t) == 0 && FS_ISDIR(t.mode));
        if (!o_noind) printf("%s%s", prefix, last ? l_last : l_mid);
        attrs(&sts[i]);
        print_entry(c, o_full ? c : names[i], &sts[i]);
        putchar('\n');
        if (isdir) ndirs++;
        else nfiles++;
        if (FS_ISDIR(sts[i].mode) && (maxlevel < 0 || level < maxlevel)) {
            char *np = malloc(plen + 16);
            sprintf(np, "%s%s", prefix, o_noind ? "" : last ? "    " : l_bar);
            list(c, np, level + 1);
            free(np);
        }
        free(c), free(names[i]);
    }
    free(names), free(sts);
}

int tree_main(int argc, char **argv) {
    cu_init(argc, argv);
    static const struct option longs[] = {{"noreport", 0, 0, 'N'}, {"dirsfirst", 0, 0, 'D'}, {0, 0, 0, 0}};
    int c, status = 0;
    pick_lines();
    while ((c = getopt_long(argc, argv, "adL:fFinlCpshI:P:r", longs, NULL)) != -1) {
        switch (c) {
        case 'a': o_all = 1; break;
        case 'd': o_dirs = 1; break;
        case 'L': {
            char *end;
            long v = strtol(optarg, &end, 10);
            if (*end || v < 1) {
                fprintf(stderr, "tree: Invalid level, must be greater than 0.\n");
                return 1;
            }
            maxlevel = (int)v;
            break;
        }
        case 'f': o_full = 1; break;
        case 'F': o_class = 1; break;
        case 'i': o_noind = 1; break;
        case 'N': o_noreport = 1; break;
        case 'p': o_perm = 1; break;
        case 's': o_size = 1; break;
        case 'h': o_human = 1; break;
        case 'I': o_exclude = optarg; break;
        case 'P': o_include = optarg; break;
        case 'D': o_dirsfirst = 1; break;
        case 'r': o_reverse = 1; break;
        case 'n': case 'l': case 'C': break;
        default: return 1;
        }
    }
    char *dot[] = {".", NULL};
    char **roots = optind < argc ? argv + optind : dot;
    int nroots = optind < argc ? argc - optind : 1;
    for (int i = 0; i < nroots; i++) {
        se_stat_t st, t;
        const char *r = roots[i];
        int lst = se_lstat(r, &st);
        int isdir = se_stat(r, &t) == 0 && FS_ISDIR(t.mode);
        if (lst < 0) memset(&st, 0, sizeof st);
        if (lst < 0 || !isdir) {
            fputs(r, stdout);
            if (lst == 0 && o_class) {
                char ind = FS_ISLNK(st.mode) ? '@' : indicator(st.mode);
                if (ind) putchar(ind);
            }
            fputs("  [error opening dir]\n", stdout);
            if (lst == 0) nfiles++;
            else status = 2;
            continue;
        }
        attrs(&st);
        fputs(r, stdout);
        if (o_class && FS_ISLNK(st.mode)) putchar('@');
        else if (o_class && r[strlen(r) - 1] != '/') putchar('/');
        putchar('\n');
        char prefix[1] = "";
        list(r, prefix, 1);
    }
    if (!o_noreport) {
        printf("\n%ld director%s", ndirs, ndirs == 1 ? "y" : "ies");
        if (!o_dirs) printf(", %ld file%s", nfiles, nfiles == 1 ? "" : "s");
        putchar('\n');
    }
    return cu_finish(status);
}

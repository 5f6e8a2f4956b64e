/* readlink, realpath — print symlink targets / canonical file names. */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cu.h"
#include "fsutil.h"

SE_COMMAND("readlink", readlink_main)
SE_COMMAND("realpath", realpath_main)

static const char *msg_name(const char *s) { return *s ? s : cu_quote(s); }

int readlink_main(int argc, char **argv) {
    cu_init(argc, argv);
    static const struct option longs[] = {{"canonicalize", 0, 0, 'f'}, {"canonicalize-existing", 0, 0, 'e'},
        {"canonicalize-missing", 0, 0, 'm'}, {"no-newline", 0, 0, 'n'}, {"verbose", 0, 0, 'v'},
        {"quiet", 0, 0, 'q'}, {"silent", 0, 0, 's'}, {"zero", 0, 0, 'z'}, {0, 0, 0, 0}};
    int c, canon = 0, nonl = 0, verbose = 0, status = 0;
    char end = '\n';
    while ((c = getopt_long(argc, argv, "femnvqsz", longs, NULL)) != -1) {
        switch (c) {
        case 'f': case 'e': case 'm': canon = c; break;
        case 'n': nonl = 1; break;
        case 'v': verbose = 1; break;
        case 'q': case 's': verbose = 0; break;
        case 'z': end = 0; break;
        default: cu_usage_error(1, NULL);
        }
    }
    if (optind >= argc) cu_usage_error(1, "missing operand");
    if (nonl && argc - optind > 1) {
        cu_error(0, 0, "ignoring --no-newline with multiple arguments");
        nonl = 0;
    }
    for (int i = optind; i < argc; i++) {
        char *r;
        if (canon) r = fs_canon(argv[i], (char)canon);
        else {
            char buf[4096];
            ssize_t k = readlink(argv[i], buf, sizeof buf - 1);
            r = k < 0 ? NULL : strndup(buf, (size_t)k);
        }
        if (!r) {
            if (verbose) cu_error(0, errno, "%s", msg_name(argv[i]));
            status = 1;
            continue;
        }
        fputs(r, stdout);
        if (!nonl) putchar(end);
        free(r);
    }
    return cu_finish(status);
}

/* Path of target relative to base (both canonical). */
static char *relative(const char *target, const char *base) {
    size_t common = 0, i = 0;
    for (;; i++) {
        char a = target[i], b = base[i];
        if ((a == '/' || !a) && (b == '/' || !b)) common = i;
        if (!a || !b || a != b) break;
    }
    if (!strcmp(base, "/")) common = 0;
    size_t ups = 0;
    for (const char *p = base + common; *p; p++) if (*p == '/') ups++;
    const char *tail = target + common;
    while (*tail == '/') tail++;
    char *out = malloc(ups * 3 + strlen(tail) + 2);
    out[0] = 0;
    for (size_t k = 0; k < ups; k++) strcat(out, k ? "/.." : "..");
    if (*tail) {
        if (ups) strcat(out, "/");
        strcat(out, tail);
    }
    if (!*out) strcpy(out, ".");
    return out;
}

/* -s: absolute and normalized without resolving symlinks */
static char *lexical(const char *path, char mode) {
    char *cwd = path[0] == '/' ? strdup("/") : se_getcwd(NULL, 0);
    if (!cwd) return NULL;
    char *all = fs_join(cwd, path), *out = malloc(strlen(all) + 2);
    free(cwd);
    size_t o = 0;
    for (char *tok = strtok(all, "/"); tok; tok = strtok(NULL, "/")) {
        if (!strcmp(tok, ".")) continue;
        if (!strcmp(tok, "..")) {
            while (o > 0 && out[o - 1] != '/') o--;
            if (o > 0) o--;
            continue;
        }
        out[o++] = '/';
        size_t k = strlen(tok);
        memcpy(out + o, tok, k);
        o += k;
    }
    if (!o) out[o++] = '/';
    out[o] = 0;
    free(all);
    se_stat_t st;
    char *parent = fs_dir(out);
    int bad = (mode == 'e' && se_stat(out, &st) < 0) || (mode == 'f' && (se_stat(parent, &st) < 0 || !FS_ISDIR(st.mode)));
    if (bad && !errno) errno = ENOTDIR;
    free(parent);
    if (bad) {
        free(out);
        return NULL;
    }
    return out;
}

int realpath_main(int argc, char **argv) {
    cu_init(argc, argv);
    static const struct option longs[] = {{"canonicalize-existing", 0, 0, 'e'}, {"canonicalize-missing", 0, 0, 'm'},
        {"quiet", 0, 0, 'q'}, {"zero", 0, 0, 'z'}, {"relative-to", 1, 0, 'R'}, {"no-symlinks", 0, 0, 's'},
        {"strip", 0, 0, 's'}, {"logical", 0, 0, 'L'}, {"physical", 0, 0, 'P'}, {0, 0, 0, 0}};
    int c, quiet = 0, status = 0, nosym = 0;
    char mode = 'f', end = '\n';
    const char *rel = NULL;
    while ((c = getopt_long(argc, argv, "emqzsLP", longs, NULL)) != -1) {
        switch (c) {
        case 'e': case 'm': mode = (char)c; break;
        case 'q': quiet = 1; break;
        case 'z': end = 0; break;
        case 'R': rel = optarg; break;
        case 's': nosym = 1; break;
        case 'L': case 'P': break;
        default: cu_usage_error(1, NULL);
        }
    }
    if (optind >= argc) cu_usage_error(1, "missing operand");
    char *base = NULL;
    if (rel && !(base = nosym ? lexical(rel, mode) : fs_canon(rel, mode))) cu_error(1, errno, "%s", msg_name(rel));
    for (int i = optind; i < argc; i++) {
        char *r = nosym ? lexical(argv[i], mode) : fs_canon(argv[i], mode);
        if (!r) {
            if (!quiet) cu_error(0, errno, "%s", msg_name(argv[i]));
            status = 1;
            continue;
        }
        if (base) {
            char *x = relative(r, base);
            free(r);
            r = x;
        }
        fputs(r, stdout);
        putchar(end);
        free(r);
    }
    return cu_finish(status);
}

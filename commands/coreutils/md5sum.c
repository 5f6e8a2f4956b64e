/* md5sum, sha1sum, sha224sum, sha256sum, sha384sum, sha512sum — print or check message digests. */
#include "cu.h"
#include "hash.h"
#include "textutil.h"

#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

SE_COMMAND("md5sum", md5sum_main)
SE_COMMAND("sha1sum", sha1sum_main)
SE_COMMAND("sha224sum", sha224sum_main)
SE_COMMAND("sha256sum", sha256sum_main)
SE_COMMAND("sha384sum", sha384sum_main)
SE_COMMAND("sha512sum", sha512sum_main)

static const char *tags[] = {"MD5", "SHA1", "SHA224", "SHA256", "SHA384", "SHA512"};

static int digest_file(int alg, const char *name, unsigned char *out) {
    int fd = tu_open(name);
    if (fd < 0) return -1;
    hash_ctx c;
    hash_init(&c, alg);
    char *buf = tu_xmalloc(TU_BUFSZ);
    ssize_t n;
    while ((n = read(fd, buf, TU_BUFSZ)) > 0) hash_update(&c, buf, n);
    int e = errno;
    free(buf);
    tu_close(fd);
    if (n < 0) {
        errno = e;
        return -1;
    }
    return hash_final(&c, out);
}

static void hex(const unsigned char *d, int n, char *out) {
    for (int i = 0; i < n; i++) sprintf(out + 2 * i, "%02x", d[i]);
}

static int check(int alg, const char *list, int quiet, int status_only, int strict, int ignore_missing) {
    int fd = tu_open(list);
    if (fd < 0) {
        cu_error(0, errno, "%s", list);
        return 1;
    }
    const char *shown = strcmp(list, "-") ? list : "standard input";
    tu_reader r;
    tu_rinit(&r, fd);
    char *line;
    ssize_t n;
    long bad_format = 0, failed = 0, unreadable = 0, good = 0;
    int hl = hash_size(alg) * 2;
    while ((n = tu_getdelim(&r, &line, '\n')) > 0) {
        char *l = tu_xmemdup(line, line[n - 1] == '\n' ? n - 1 : n);
        size_t len = strlen(l);
        if (len && l[len - 1] == '\r') l[--len] = 0;
        char *name = NULL, *hash = NULL;
        int escaped = 0;
        char *p = l;
        while (*p == ' ' || *p == '\t') p++;
        if (*p == '#') {
            free(l);
            continue;
        }
        if (*p == '\\') escaped = 1, p++;
        size_t tl = strlen(tags[alg]);
        if (strncmp(p, tags[alg], tl) == 0 && p[tl] == ' ' && p[tl + 1] == '(') {
            char *e = strstr(p, ") = ");
            if (e) {
                *e = 0;
                name = p + tl + 2;
                hash = e + 4;
            }
        } else {
            int k = 0;
            while (isxdigit((unsigned char)p[k])) k++;
            if (k == hl && p[k] == ' ' && (p[k + 1] == ' ' || p[k + 1] == '*')) {
                p[k] = 0;
                hash = p;
                name = p + k + 2;
            }
        }
        if (!hash || (int)strlen(hash) != hl || !*name) {
            bad_format++;
            free(l);
            continue;
        }
        if (escaped) {
            char *o = name;
            for (char *s = name; *s; s++) {
                if (*s == '\\' && s[1] == 'n') *o++ = '\n', s++;
                else if (*s == '\\' && s[1] == '\\') *o++ = '\\', s++;
                else *o++ = *s;
            }
            *o = 0;
        }
        unsigned char d[64];
        char hx[129];
        int dn = digest_file(alg, name, d);
        if (dn < 0) {
            if (ignore_missing && errno == ENOENT) {
                free(l);
                continue;
            }
            cu_error(0, errno, "%s", name);
            unreadable++;
            if (!status_only) printf("%s: FAILED open or read\n", name);
            free(l);
            continue;
        }
        good++;
        hex(d, dn, hx);
        for (char *s = hash; *s; s++) *s = tolower((unsigned char)*s);
        if (strcmp(hx, hash) != 0) {
            failed++;
            if (!status_only) printf("%s: FAILED\n", name);
        } else if (!quiet && !status_only) {
            printf("%s: OK\n", name);
        }
        free(l);
    }
    tu_rfree(&r);
    tu_close(fd);
    fflush(stdout);
    if (good == 0 && unreadable == 0) {
        cu_error(0, 0, "%s: no properly formatted checksum lines found", cu_quote(shown));
        return 1;
    }
    if (!status_only) {
        if (bad_format)
            cu_error(0, 0, "WARNING: %ld line%s improperly formatted", bad_format, bad_format == 1 ? " is" : "s are");
        if (unreadable)
            cu_error(0, 0, "WARNING: %ld listed file%s could not be read", unreadable, unreadable == 1 ? "" : "s");
        if (failed)
            cu_error(0, 0, "WARNING: %ld computed checksum%s did NOT match", failed, failed == 1 ? "" : "s");
    }
    return failed || unreadable || (strict && bad_format) ? 1 : 0;
}

static int run(int argc, char **argv, int alg) {
    cu_init(argc, argv);
    static const struct option lopts[] = {{"check", 0, 0, 'c'}, {"binary", 0, 0, 'b'}, {"text", 0, 0, 't'},
                                          {"tag", 0, 0, 1}, {"quiet", 0, 0, 2}, {"status", 0, 0, 3},
                                          {"strict", 0, 0, 4}, {"warn", 0, 0, 'w'}, {"ignore-missing", 0, 0, 5},
                                          {"zero", 0, 0, 'z'}, {0, 0, 0, 0}};
    int c, chk = 0, tag = 0, quiet = 0, status_only = 0, strict = 0, binary = 0, ignore_missing = 0, zero = 0;
    while ((c = getopt_long(argc, argv, "cbtwz", lopts, NULL)) != -1) {
        switch (c) {
        case 'c': chk = 1; break;
        case 'b': binary = 1; break;
        case 't': binary = 0; break;
        case 1: tag = 1; break;
        case 2: quiet = 1; break;
        case 3: status_only = 1; break;
        case 4: strict = 1; break;
        case 5: ignore_missing = 1; break;
        case 'z': zero = 1; break;
        case 'w': break;
        default: cu_usage_error(1, NULL);
        }
    }
    static char *stdin_arg[] = {"-"};
    char **files = optind < argc ? argv + optind : stdin_arg;
    int nfiles = optind < argc ? argc - optind : 1;
    int status = 0;
    tu_out_init();
    for (int i = 0; i < nfiles; i++) {
        if (chk) {
            status |= check(alg, files[i], quiet, status_only, strict, ignore_missing);
            continue;
        }
        unsigned char d[64];
        char hx[129];
        int n = digest_file(alg, files[i], d);
        if (n < 0) {
            cu_error(0, errno, "%s", files[i]);
            status = 1;
            continue;
        }
        hex(d, n, hx);
        const char *name = files[i];
        int esc = !zero && (strchr(name, '\\') || strchr(name, '\n'));
        tu_str en = {0};
        for (const char *s = name; *s; s++) {
            if (esc && *s == '\\') tu_sadd(&en, "\\\\", 2);
            else if (esc && *s == '\n') tu_sadd(&en, "\\n", 2);
            else tu_sputc(&en, *s);
        }
        if (!en.s) tu_sadd(&en, "", 0);
        if (tag) printf("%s%s (%s) = %s%c", esc ? "\\" : "", tags[alg], en.s, hx, zero ? 0 : '\n');
        else printf("%s%s %c%s%c", esc ? "\\" : "", hx, binary ? '*' : ' ', en.s, zero ? 0 : '\n');
        free(en.s);
    }
    return cu_finish(status);
}

int md5sum_main(int argc, char **argv) { return run(argc, argv, H_MD5); }
int sha1sum_main(int argc, char **argv) { return run(argc, argv, H_SHA1); }
int sha224sum_main(int argc, char **argv) { return run(argc, argv, H_SHA224); }
int sha256sum_main(int argc, char **argv) { return run(argc, argv, H_SHA256); }
int sha384sum_main(int argc, char **argv) { return run(argc, argv, H_SHA384); }
int sha512sum_main(int argc, char **argv) { return run(argc, argv, H_SHA512); }

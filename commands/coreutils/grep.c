/* grep — print lines matching patterns (BRE/ERE/fixed, GNU options incl. context and recursion). */
#include "cu.h"
#include "regex_gnu.h"
#include "textutil.h"

#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

SE_COMMAND("grep", grep_main)
SE_COMMAND("egrep", egrep_main)
SE_COMMAND("fgrep", fgrep_main)

static rx_t **pats;
static int npats;
static int o_invert, o_count, o_list, o_nolist, o_quiet, o_silent, o_only, o_lnum, o_byte, o_word, o_line;
static int o_names = -1, o_recursive, o_text, o_nul;
static long o_after = -1, o_before = -1, o_max = -1;
static char **includes, **excludes, **exclude_dirs;
static int ninc, nexc, nexcd;
static const char *label = "(standard input)";
static int errors, any_match;
static int eflags;
static int implicit_dot;
static int group_printed; /* a line was output in context mode (for "--" separators) */
static int line_buffered;

static void add_glob(char ***v, int *n, const char *g) {
    *v = tu_xrealloc(*v, (*n + 1) * sizeof(char *));
    (*v)[(*n)++] = (char *)g;
}

/* Finds the leftmost-longest match of any pattern in line at or after start. */
static int find(const char *s, size_t len, size_t start, rx_match_t *best, int need_pos) {
    int found = 0;
    for (int i = 0; i < npats; i++) {
        rx_match_t m;
        if (!rx_exec(pats[i], s, len, start, eflags | (need_pos ? 0 : RX_FIRST), &m, 1)) continue;
        if (!need_pos) return 1;
        if (!found || m.so < best->so || (m.so == best->so && m.eo > best->eo)) *best = m;
        found = 1;
    }
    return found;
}

static void prefix(const char *name, unsigned long lno, unsigned long long off, char sep) {
    if (o_names) {
        tu_puts(name);
        tu_putc(o_nul ? 0 : sep);
    }
    if (o_lnum) printf("%lu%c", lno, sep);
    if (o_byte) printf("%llu%c", off, sep);
}

typedef struct { char *s; size_t n; unsigned long long off; } saved;

/* Greps one open file; returns the number of selected lines. */
static long grep_fd(int fd, const char *name) {
    tu_reader r;
    tu_rinit(&r, fd);
    char *line;
    ssize_t n;
    long count = 0;
    unsigned long lno = 0;
    unsigned long long off = 0;
    long after_left = 0;
    long last_printed = 0; /* line number of the last printed line */
    int binary = 0, checked = 0, max_done = 0;
    saved *ring = o_before > 0 ? calloc(o_before, sizeof(saved)) : NULL;
    long ring_n = 0;
    int out_lines = !(o_count || o_list || o_nolist || o_quiet);
    while ((n = tu_getdelim(&r, &line, '\n')) > 0) {
        if (!checked) {
            checked = 1;
            if (!o_text && memchr(r.buf, 0, r.len)) binary = 1;
        }
        lno++;
        size_t len = line[n - 1] == '\n' ? n - 1 : n;
        rx_match_t m;
        int hit = find(line, len, 0, &m, 0) != o_invert;
        unsigned long long this_off = off;
        off += n;
        if (!hit || max_done) {
            if (out_lines && after_left > 0 && !binary) {
                if (!o_only) {
                    prefix(name, lno, this_off, '-');
                    tu_write(line, len);
                    tu_putc('\n');
                }
                last_printed = lno;
                after_left--;
                if (max_done && after_left == 0) break;
            } else if (max_done) {
                break;
            } else if (ring) {
                saved *sv = &ring[ring_n % o_before];
                free(sv->s);
                sv->s = tu_xmemdup(line, len);
                sv->n = len;
                sv->off = this_off;
                ring_n++;
            }
            continue;
        }
        count++;
        any_match = 1;
        if (o_quiet) break;
        if (o_list || o_nolist) break;
        if (!o_count) {
            if (binary) {
                fflush(stdout);
                fprintf(stderr, "%s: %s: binary file matches\n", cu_prog, name);
                break;
            }
            if (o_before > 0 || o_after > 0) {
                long nb = o_before <= 0 ? 0 : ring_n < o_before ? ring_n : o_before;
                long first = lno - nb;
                if (group_printed && (last_printed == 0 || first > last_printed + 1)) tu_puts("--\n");
                for (long k = ring_n - nb; k < ring_n && !o_only; k++) {
                    saved *sv = &ring[k % o_before];
                    prefix(name, lno - (ring_n - k), sv->off, '-');
                    tu_write(sv->s, sv->n);
                    tu_putc('\n');
                }
                ring_n = 0;
            }
            if (o_only) {
                if (!o_invert) {
                    size_t pos = 0;
                    while (pos <= len && find(line, len, pos, &m, 1)) {
                        if (m.eo == m.so) {
                            pos = m.so + 1;
                            continue;
                        }
                        prefix(name, lno, this_off + m.so, ':');
                        tu_write(line + m.so, m.eo - m.so);
                        tu_putc('\n');
                        pos = m.eo;
                    }
                }
            } else {
                prefix(name, lno, this_off, ':');
                tu_write(line, len);
                tu_putc('\n');
            }
            group_printed = 1;
            last_printed = lno;
            after_left = o_after > 0 ? o_after : 0;
        }
        if (o_max >= 0 && count >= o_max) {
            if (!out_lines || after_left == 0) break;
            max_done = 1;
        }
    }
    if (n < 0) {
        if (!o_silent) cu_error(0, r.err, "%s", name);
        errors = 1;
    }
    if (ring) {
        for (long k = 0; k < o_before; k++) free(ring[k].s);
        free(ring);
    }
    tu_rfree(&r);
    if (o_count && !o_quiet) {
        if (o_names) {
            tu_puts(name);
            tu_putc(o_nul ? 0 : ':');
        }
        printf("%ld\n", count);
    }
    if (o_quiet) {
        /* nothing is printed */
    } else if (o_list && count > 0) {
        tu_puts(name);
        tu_putc(o_nul ? 0 : '\n');
    }
    if (!o_quiet && o_nolist && count == 0) {
        tu_puts(name);
        tu_putc(o_nul ? 0 : '\n');
    }
    return count;
}

static const char *base(const char *p) {
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

static int skip_file(const char *path, int cmdline) {
    const char *b = base(path);
    for (int i = 0; i < nexc; i++)
        if (fnmatch(excludes[i], b, 0) == 0 || (cmdline && fnmatch(excludes[i], path, 0) == 0)) return 1;
    if (ninc) {
        for (int i = 0; i < ninc; i++)
            if (fnmatch(includes[i], b, 0) == 0) return 0;
        return 1;
    }
    return 0;
}

static int cmpstr(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void grep_path(const char *path, int cmdline);

static void grep_dir(const char *path) {
    DIR *d = opendir(path);
    if (!d) {
        if (!o_silent) cu_error(0, errno, "%s", path);
        errors = 1;
        return;
    }
    char **names = NULL;
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        names = tu_xrealloc(names, (n + 1) * sizeof(char *));
        size_t pl = strlen(path);
        char *full = tu_xmalloc(pl + strlen(e->d_name) + 2);
        if (implicit_dot && strcmp(path, ".") == 0) strcpy(full, e->d_name);
        else sprintf(full, "%s%s%s", path, pl && path[pl - 1] == '/' ? "" : "/", e->d_name);
        names[n++] = full;
    }
    closedir(d);
    qsort(names, n, sizeof(char *), cmpstr);
    for (size_t i = 0; i < n; i++) {
        grep_path(names[i], 0);
        free(names[i]);
    }
    free(names);
}

static void grep_path(const char *path, int cmdline) {
    if (strcmp(path, "-") == 0 && cmdline) {
        grep_fd(0, label);
        return;
    }
    struct stat st;
    int is_dir = stat(path, &st) == 0 && S_ISDIR(st.st_mode);
    if (is_dir) {
        if (!o_recursive) {
            if (!o_silent) cu_error(0, 0, "%s: Is a directory", path);
            errors = 1;
            return;
        }
        if (!cmdline) {
            struct stat lst;
            if (o_recursive == 1 && lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode)) return;
        }
        for (int i = 0; i < nexcd; i++)
            if (fnmatch(exclude_dirs[i], base(path), 0) == 0) return;
        grep_dir(path);
        return;
    }
    if (!cmdline) {
        struct stat lst;
        if (o_recursive == 1 && lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode)) return;
    }
    if (skip_file(path, cmdline)) return;
    int fd = tu_open(path);
    if (fd < 0) {
        if (!o_silent) cu_error(0, errno, "%s", path);
        errors = 1;
        return;
    }
    grep_fd(fd, path);
    tu_close(fd);
    if (o_quiet && any_match) exit(0);
}

static void add_pattern_text(tu_str *all, const char *p, size_t n) {
    if (all->s) tu_sputc(all, '\n');
    tu_sadd(all, p, n);
}

static int run(int argc, char **argv, int mode) {
    cu_init(argc, argv);
    static const struct option lopts[] = {
        {"extended-regexp", 0, 0, 'E'}, {"perl-regexp", 0, 0, 'P'}, {"fixed-strings", 0, 0, 'F'}, {"basic-regexp", 0, 0, 'G'},
        {"ignore-case", 0, 0, 'i'}, {"invert-match", 0, 0, 'v'}, {"line-number", 0, 0, 'n'},
        {"count", 0, 0, 'c'}, {"files-with-matches", 0, 0, 'l'}, {"files-without-match", 0, 0, 'L'},
        {"no-filename", 0, 0, 'h'}, {"with-filename", 0, 0, 'H'}, {"only-matching", 0, 0, 'o'},
        {"quiet", 0, 0, 'q'}, {"silent", 0, 0, 'q'}, {"no-messages", 0, 0, 's'}, {"word-regexp", 0, 0, 'w'},
        {"line-regexp", 0, 0, 'x'}, {"recursive", 0, 0, 'r'}, {"dereference-recursive", 0, 0, 'R'},
        {"regexp", 1, 0, 'e'}, {"file", 1, 0, 'f'}, {"include", 1, 0, 1}, {"exclude", 1, 0, 2},
        {"exclude-dir", 1, 0, 3}, {"after-context", 1, 0, 'A'}, {"before-context", 1, 0, 'B'},
        {"context", 1, 0, 'C'}, {"max-count", 1, 0, 'm'}, {"byte-offset", 0, 0, 'b'}, {"text", 0, 0, 'a'},
        {"color", 2, 0, 4}, {"colour", 2, 0, 4}, {"label", 1, 0, 5}, {"null", 0, 0, 'Z'},
        {"no-ignore-case", 0, 0, 6}, {"line-buffered", 0, 0, 7}, {0, 0, 0, 0}};
    tu_str all = {0};
    int have_pat = 0, c, icase = 0;
    long ctx = -1;
    char *e;
    while ((c = getopt_long(argc, argv, "EFGPivnclLhHoqswxrRe:f:A:B:C:m:baIyZU0123456789", lopts, NULL)) != -1) {
        switch (c) {
        case 'E': mode = 'E'; break;
        case 'F': mode = 'F'; break;
        case 'G': mode = 'G'; break;
        case 'P': mode = 'P'; break;
        case 'i': case 'y': icase = 1; break;
        case 6: icase = 0; break;
        case 'v': o_invert = 1; break;
        case 'n': o_lnum = 1; break;
        case 'c': o_count = 1; break;
        case 'l': o_list = 1; o_nolist = 0; break;
        case 'L': o_nolist = 1; o_list = 0; break;
        case 'h': o_names = 0; break;
        case 'H': o_names = 1; break;
        case 'o': o_only = 1; break;
        case 'q': o_quiet = 1; break;
        case 's': o_silent = 1; break;
        case 'w': o_word = 1; break;
        case 'x': o_line = 1; break;
        case 'r': o_recursive = 1; break;
        case 'R': o_recursive = 2; break;
        case 'e': add_pattern_text(&all, optarg, strlen(optarg)); have_pat = 1; break;
        case 'f': {
            int fd = tu_open(optarg);
            char *d = NULL;
            size_t n = 0;
            if (fd < 0 || tu_slurp(fd, &d, &n) < 0) cu_error(2, errno, "%s", optarg);
            tu_close(fd);
            if (n && d[n - 1] == '\n') n--;
            if (n || (n == 0 && d[0] == '\n')) add_pattern_text(&all, d, n);
            have_pat = 1;
            free(d);
            break;
        }
        case 'A': case 'B': case 'C': {
            long v = strtol(optarg, &e, 10);
            if (e == optarg || *e || v < 0) cu_error(2, 0, "%s: invalid context length argument", optarg);
            if (c == 'A') o_after = v;
            else if (c == 'B') o_before = v;
            else ctx = v;
            break;
        }
        case 'm': {
            o_max = strtol(optarg, &e, 10);
            if (e == optarg || *e) cu_error(2, 0, "invalid max count");
            break;
        }
        case 'b': o_byte = 1; break;
        case 'a': o_text = 1; break;
        case 'Z': o_nul = 1; break;
        case 'I': case 'U': case 4: break;
        case 7: line_buffered = 1; break;
        case 1: add_glob(&includes, &ninc, optarg); break;
        case 2: add_glob(&excludes, &nexc, optarg); break;
        case 3: add_glob(&exclude_dirs, &nexcd, optarg); break;
        case 5: label = optarg; break;
        default:
            if (c >= '0' && c <= '9') {
                ctx = (ctx < 0 ? 0 : ctx) * 10 + (c - '0');
                break;
            }
            fprintf(stderr, "Usage: %s [OPTION]... PATTERNS [FILE]...\n", cu_prog);
            fprintf(stderr, "Try '%s --help' for more information.\n", cu_prog);
            return 2;
        }
    }
    if (ctx >= 0) {
        if (o_after < 0) o_after = ctx;
        if (o_before < 0) o_before = ctx;
    }
    if (o_list || o_nolist) o_count = 0;
    if (!have_pat) {
        if (optind >= argc) {
            fprintf(stderr, "Usage: %s [OPTION]... PATTERNS [FILE]...\n", cu_prog);
            fprintf(stderr, "Try '%s --help' for more information.\n", cu_prog);
            return 2;
        }
        const char *p = argv[optind++];
        add_pattern_text(&all, p, strlen(p));
    }
    /* split the pattern list at newlines and compile each */
    int flags = (mode == 'E' ? RX_EXTENDED : mode == 'P' ? RX_PERL : 0) | (icase ? RX_ICASE : 0) | RX_GREP;
    if (all.s) {
        const char *p = all.s, *end = all.s + all.len;
        for (;;) {
            const char *nl = memchr(p, '\n', end - p);
            size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
            tu_str pat = {0};
            if (mode == 'F') {
                for (size_t k = 0; k < n; k++) {
                    if (strchr("\\.[*^$", p[k])) tu_sputc(&pat, '\\');
                    tu_sputc(&pat, p[k]);
                }
                if (!pat.s) tu_sadd(&pat, "", 0);
            } else {
                tu_sadd(&pat, p, n);
            }
            const char *err;
            rx_t *r = rx_compile(pat.s, pat.len, mode == 'F' ? (flags & RX_ICASE) : flags, &err);
            if (!r) cu_error(2, 0, "%s", err);
            if (rx_warning) cu_error(0, 0, "warning: %s", rx_warning);
            pats = tu_xrealloc(pats, (npats + 1) * sizeof(rx_t *));
            pats[npats++] = r;
            free(pat.s);
            if (!nl) break;
            p = nl + 1;
        }
    }
    eflags = (o_word ? RX_WORDMATCH : 0) | (o_line ? RX_LINEMATCH : 0);
    int nfiles = argc - optind;
    if (o_names < 0) o_names = nfiles > 1 || o_recursive;
    tu_out_init();
    if (line_buffered) tu_out_linebuf();
    if (nfiles == 0) {
        if (o_recursive) implicit_dot = 1, grep_path(".", 1);
        else grep_path("-", 1);
    } else {
        for (int i = optind; i < argc; i++) grep_path(argv[i], 1);
    }
    int st = cu_finish(0);
    if (o_quiet && any_match) return 0;
    if (errors || st) return 2;
    return any_match ? 0 : 1;
}

int grep_main(int argc, char **argv) { return run(argc, argv, 'G'); }
int egrep_main(int argc, char **argv) { return run(argc, argv, 'E'); }
int fgrep_main(int argc, char **argv) { return run(argc, argv, 'F'); }

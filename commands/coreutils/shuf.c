/* shuf — random permutations (-n -e -i -r -o -z, --random-source=FILE consumed as GNU does). */
#include "cu.h"
#include "se.h"
#include "textutil.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

SE_COMMAND("shuf", shuf_main)

/* ---- random integers from a byte source (rejection sampling, GNU randint semantics) ---- */
static int rand_fd = -1;
static const char *rand_name;
static uint64_t rnum, rmax;
static uint64_t xs;

static void rand_bytes(unsigned char *b, size_t n) {
    if (rand_fd >= 0) {
        size_t got = 0;
        while (got < n) {
            ssize_t k = read(rand_fd, b + got, n - got);
            if (k < 0 && errno == EINTR) continue;
            if (k <= 0) cu_error(1, k < 0 ? errno : 0, "%s: end of file", cu_quote(rand_name));
            got += k;
        }
        return;
    }
    for (size_t i = 0; i < n; i++) {
        xs ^= xs << 13, xs ^= xs >> 7, xs ^= xs << 17;
        b[i] = xs >> 24;
    }
}

static uint64_t genmax_(uint64_t genmax) {
    uint64_t randnum = rnum, randmax = rmax, choices = genmax + 1;
    for (;;) {
        if (randmax < genmax) {
            size_t i = 0;
            uint64_t m = randmax;
            unsigned char buf[8];
            do {
                m = (m << 8) + 255;
                i++;
            } while (m < genmax);
            rand_bytes(buf, i);
            i = 0;
            do {
                randnum = (randnum << 8) + buf[i];
                randmax = (randmax << 8) + 255;
                i++;
            } while (randmax < genmax);
        }
        if (randmax == genmax) {
            rnum = rmax = 0;
            return randnum;
        }
        uint64_t excess = randmax - genmax, unusable = excess % choices, last_usable = randmax - unusable;
        uint64_t reduced = randnum % choices;
        if (randnum <= last_usable) {
            rnum = randnum / choices;
            rmax = excess / choices;
            return reduced;
        }
        randnum = reduced;
        randmax = unusable - 1;
    }
}

static uint64_t choose(uint64_t n) { return genmax_(n - 1); }

/* First h entries of a random permutation of 0..n-1 (same swaps as GNU randperm). */
static size_t *randperm(size_t h, size_t n) {
    if (h == 0) return NULL;
    size_t *v;
    if (h == 1) {
        v = tu_xmalloc(sizeof *v);
        v[0] = choose(n);
        return v;
    }
    if (n <= 4 * h + 1024) {
        v = tu_xmalloc(n * sizeof *v);
        for (size_t i = 0; i < n; i++) v[i] = i;
        for (size_t i = 0; i < h; i++) {
            size_t j = i + choose(n - i);
            size_t t = v[i];
            v[i] = v[j];
            v[j] = t;
        }
        return v;
    }
    /* sparse: remember only displaced positions */
    size_t cap = 2 * h + 16, *keys = tu_xmalloc(cap * sizeof(size_t)), *vals = tu_xmalloc(cap * sizeof(size_t));
    char *used = calloc(cap, 1);
    v = tu_xmalloc(h * sizeof *v);
#define SLOT(k, out)                                                  \
    do {                                                              \
        size_t s_ = (k) * 2654435761u % cap;                          \
        while (used[s_] && keys[s_] != (k)) s_ = (s_ + 1) % cap;      \
        out = s_;                                                     \
    } while (0)
    for (size_t i = 0; i < h; i++) {
        size_t j = i + choose(n - i), si, sj;
        SLOT(i, si);
        size_t vi = used[si] ? vals[si] : i;
        SLOT(j, sj);
        size_t vj = used[sj] ? vals[sj] : j;
        used[si] = 1, keys[si] = i, vals[si] = vj;
        SLOT(j, sj);
        used[sj] = 1, keys[sj] = j, vals[sj] = vi;
        v[i] = vj;
    }
#undef SLOT
    free(keys), free(vals), free(used);
    return v;
}

int shuf_main(int argc, char **argv) {
    cu_init(argc, argv);
    static const struct option lopts[] = {{"echo", 0, 0, 'e'}, {"input-range", 1, 0, 'i'}, {"head-count", 1, 0, 'n'},
                                          {"output", 1, 0, 'o'}, {"random-source", 1, 0, 1}, {"repeat", 0, 0, 'r'},
                                          {"zero-terminated", 0, 0, 'z'}, {0, 0, 0, 0}};
    int c, echo = 0, repeat = 0, eol = '\n', range = 0;
    uint64_t head = UINT64_MAX, lo = 0, hi = 0;
    const char *outfile = NULL;
    while ((c = getopt_long(argc, argv, "ei:n:o:rz", lopts, NULL)) != -1) {
        switch (c) {
        case 'e': echo = 1; break;
        case 'i': {
            char *e, *dash = strchr(optarg, '-');
            if (range) cu_error(1, 0, "multiple -i options specified");
            range = 1;
            if (!dash) cu_error(1, 0, "invalid input range: %s", cu_quote(optarg));
            lo = strtoull(optarg, &e, 10);
            if (e != dash) cu_error(1, 0, "invalid input range: %s", cu_quote(optarg));
            hi = strtoull(dash + 1, &e, 10);
            if (*e || dash[1] == 0 || hi + 1 < lo) cu_error(1, 0, "invalid input range: %s", cu_quote(optarg));
            break;
        }
        case 'n': {
            uint64_t v;
            if (tu_parse_count(optarg, &v, 0) == 1) cu_error(1, 0, "invalid line count: %s", cu_quote(optarg));
            if (v < head) head = v;
            break;
        }
        case 'o': outfile = optarg; break;
        case 1:
            if (rand_name && strcmp(rand_name, optarg)) cu_error(1, 0, "multiple random sources specified");
            rand_name = optarg;
            break;
        case 'r': repeat = 1; break;
        case 'z': eol = 0; break;
        default: cu_usage_error(1, NULL);
        }
    }
    if (echo && range) cu_usage_error(1, "cannot combine -e and -i options");
    if (rand_name) {
        rand_fd = open(rand_name, O_RDONLY);
        if (rand_fd < 0) cu_error(1, errno, "%s", rand_name);
    } else {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        xs = (uint64_t)ts.tv_nsec * 6364136223846793005ULL ^ (uint64_t)ts.tv_sec ^ (uint64_t)getpid() << 32;
        if (!xs) xs = 88172645463325252ULL;
        int u = open("/dev/urandom", O_RDONLY);
        if (u >= 0) {
            uint64_t x;
            if (read(u, &x, sizeof x) == sizeof x && x) xs = x;
            close(u);
        }
    }
    char **lines = NULL;
    size_t *lens = NULL, n = 0;
    int reservoir = 0;
    if (range) {
        n = hi - lo + 1;
    } else if (echo) {
        n = argc - optind;
        lines = argv + optind;
        lens = tu_xmalloc((n + 1) * sizeof(size_t));
        for (size_t i = 0; i < n; i++) lens[i] = strlen(lines[i]);
    } else {
        if (argc - optind > 1) cu_usage_error(1, "extra operand %s", cu_quote(argv[optind + 1]));
        const char *name = optind < argc ? argv[optind] : "-";
        int fd = tu_open(name);
        if (fd < 0) cu_error(1, errno, "%s", name);
        struct stat st;
        off_t size = -1;
        if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
            off_t pos = lseek(fd, 0, SEEK_CUR);
            if (pos >= 0) size = st.st_size - pos;
        }
        reservoir = head != UINT64_MAX && !repeat && (size < 0 || size > 8 * 1024 * 1024);
        tu_reader r;
        tu_rinit(&r, fd);
        char *p;
        ssize_t k;
        size_t cap = 0, kept = 0;
        uint64_t seen = 0;
        char *dummy;
        (void)dummy;
        while ((k = tu_getdelim(&r, &p, eol)) > 0) {
            size_t len = p[k - 1] == eol ? k - 1 : k;
            size_t slot;
            if (reservoir && seen >= head) {
                uint64_t j = choose(seen + 1);
                seen++;
                if (j >= head) continue;
                slot = j;
                free(lines[slot]);
            } else {
                if (kept == cap) {
                    cap = cap * 2 + 64;
                    lines = tu_xrealloc(lines, cap * sizeof(char *));
                    lens = tu_xrealloc(lens, cap * sizeof(size_t));
                }
                slot = kept++;
                seen++;
            }
            lines[slot] = tu_xmemdup(p, len);
            lens[slot] = len;
        }
        if (k < 0) cu_error(1, r.err, "read error");
        /* GNU draws once more when the input ends after the reservoir filled */
        if (reservoir && seen >= head && seen > 0 && head > 0) choose(seen + 1);
        n = kept;
        tu_close(fd);
    }
    if (outfile) {
        int o = open(outfile, O_WRONLY | O_CREAT | O_TRUNC, 0666);
        if (o < 0) cu_error(1, errno, "%s", outfile);
        se_dup2(o, 1);
        close(o);
    }
    tu_out_init();
    if (repeat) {
        if (n == 0) {
            if (head == 0 || head == UINT64_MAX) return cu_finish(0);
            cu_error(1, 0, "no lines to repeat");
        }
        for (uint64_t i = 0; head == UINT64_MAX || i < head; i++) {
            uint64_t j = choose(n);
            if (range) printf("%llu", (unsigned long long)(lo + j));
            else tu_write(lines[j], lens[j]);
            tu_putc(eol);
        }
        return cu_finish(0);
    }
    size_t h = head < n ? head : n;
    size_t *perm = randperm(h, n);
    for (size_t i = 0; i < h; i++) {
        if (range) printf("%llu", (unsigned long long)(lo + perm[i]));
        else tu_write(lines[perm[i]], lens[perm[i]]);
        tu_putc(eol);
    }
    return cu_finish(0);
}

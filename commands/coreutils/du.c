/* du — estimate file space usage (-s -h -a -c -d N -k -m -b --apparent-size -L). */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cu.h"
#include "fsutil.h"

SE_COMMAND("du", du_main)

static int o_all, o_human, o_apparent, o_deref, status;
static long long o_unit = 1024;
static int maxdepth = -1;
/* set of (dev, ino) already counted: open addressing, grown at half load */
static struct { uint64_t dev, ino; int used; } *seen;
static size_t nseen, capseen;

static int seen_before(const se_stat_t *st) {
    if (2 * (nseen + 1) > capseen) {
        size_t oldcap = capseen;
        void *old = seen;
        capseen = capseen ? capseen * 2 : 256;
        seen = calloc(capseen, sizeof *seen);
        nseen = 0;
        for (size_t i = 0; i < oldcap; i++)
            if (((typeof(seen))old)[i].used) {
                se_stat_t t = {0};
                t.dev = ((typeof(seen))old)[i].dev, t.ino = ((typeof(seen))old)[i].ino;
                seen_before(&t);
            }
        free(old);
    }
    size_t h = (size_t)((st->ino * 0x9E3779B97F4A7C15ULL) ^ st->dev) & (capseen - 1);
    while (seen[h].used) {
        if (seen[h].dev == st->dev && seen[h].ino == st->ino) return 1;
        h = (h + 1) & (capseen - 1);
    }
    seen[h].used = 1, seen[h].dev = st->dev, seen[h].ino = st->ino;
    nseen++;
    return 0;
}

static uint64_t usage(const se_stat_t *st) {
    if (o_apparent) return (uint64_t)st->size;
    uint64_t b = (uint64_t)st->blocks * 512;
    if (!b && st->size > 0 && FS_ISREG(st->mode)) b = ((uint64_t)st->size + 4095) / 4096 * 4096; /* no blocks from the kernel */
    return b;
}

static void show(uint64_t bytes, const char *path) {
    char b[32];
    if (o_human) fs_human(bytes, b);
    else snprintf(b, sizeof b, "%llu", (unsigned long long)((bytes + (uint64_t)o_unit - 1) / (uint64_t)o_unit));
    printf("%s\t%s\n", b, path);
}

static uint64_t walk(const char *path, int depth, int top) {
    se_stat_t st;
    int fl = o_deref;
    if (!*path) {
        cu_error(0, 0, "invalid zero-length file name");
        status = 1;
        return 0;
    }
    if ((fl ? se_stat(path, &st) : se_lstat(path, &st)) < 0) {
        int e = errno;
        if (fl && se_lstat(path, &st) == 0) e = 0; /* dangling symlink: GNU gives no reason */
        cu_error(0, e, "cannot access %s", cu_quote(path));
        status = 1;
        return 0;
    }
    if ((st.nlink > 1 || FS_ISDIR(st.mode)) && seen_before(&st)) return 0;
    uint64_t total = usage(&st);
    if (FS_ISDIR(st.mode)) {
        DIR *d = opendir(path);
        if (!d) {
            cu_error(0, errno, "cannot read directory %s", cu_quote(path));
            status = 1;
        } else {
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
                char *c = fs_join(path, names[i]);
                total += walk(c, depth + 1, 0);
                free(c), free(names[i]);
            }
            free(names);
        }
        if (maxdepth < 0 || depth <= maxdepth) show(total, path);
    } else if (top || (o_all && (maxdepth < 0 || depth <= maxdepth))) show(total, path);
    return total;
}

int du_main(int argc, char **argv) {
    cu_init(argc, argv);
    static const struct option longs[] = {{"all", 0, 0, 'a'}, {"summarize", 0, 0, 's'}, {"human-readable", 0, 0, 'h'},
        {"total", 0, 0, 'c'}, {"max-depth", 1, 0, 'd'}, {"apparent-size", 0, 0, 'A'}, {"bytes", 0, 0, 'b'},
        {"dereference", 0, 0, 'L'}, {"block-size", 1, 0, 'B'}, {0, 0, 0, 0}};
    int c, total_opt = 0, summarize = 0;
    while ((c = getopt_long(argc, argv, "ashcd:bkmLPxHB:", longs, NULL)) != -1) {
        switch (c) {
        case 'a': o_all = 1; break;
        case 's': summarize = 1; break;
        case 'h': o_human = 1; break;
        case 'c': total_opt = 1; break;
        case 'd': {
            char *end;
            long v = strtol(optarg, &end, 10);
            if (*end || v < 0 || !*optarg) cu_usage_error(1, "invalid maximum depth %s", cu_quote(optarg));
            maxdepth = (int)v;
            break;
        }
        case 'A': o_apparent = 1; break;
        case 'b': o_apparent = 1; o_unit = 1; o_human = 0; break;
        case 'k': o_unit = 1024; o_human = 0; break;
        case 'm': o_unit = 1048576; o_human = 0; break;
        case 'B': o_unit = atoll(optarg) > 0 ? atoll(optarg) : 1024; break;
        case 'L': o_deref = 1; break;
        case 'P': o_deref = 0; break;
        case 'x': case 'H': break;
        default: cu_usage_error(1, NULL);
        }
    }
    if (summarize) {
        if (maxdepth > 0) {
            cu_error(0, 0, "warning: summarizing conflicts with --max-depth=%d", maxdepth);
            cu_usage_error(1, NULL);
        }
        maxdepth = 0;
    }
    if (summarize && o_all) cu_usage_error(1, "cannot both summarize and show all entries");
    uint64_t grand = 0;
    if (optind >= argc) grand += walk(".", 0, 1);
    for (int i = optind; i < argc; i++) grand += walk(argv[i], 0, 1);
    if (total_opt) show(grand, "total");
    return cu_finish(status);
}

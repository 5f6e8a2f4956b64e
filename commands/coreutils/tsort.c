/* tsort — topological sort of pairs (GNU order: sorted zero-indegree queue, successors newest first). */
#include "cu.h"
#include "textutil.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

SE_COMMAND("tsort", tsort_main)

typedef struct succ { int to; struct succ *next; } succ;
typedef struct { char *s; int count; succ *top; int done, queued; } item;

static item *items;
static int nitems;
static int *order; /* indexes sorted by name */

static int find_or_add(const char *s) {
    /* binary search over the sorted index */
    int lo = 0, hi = nitems;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        int c = strcmp(items[order[mid]].s, s);
        if (c == 0) return order[mid];
        if (c < 0) lo = mid + 1;
        else hi = mid;
    }
    items = tu_xrealloc(items, (nitems + 1) * sizeof(item));
    order = tu_xrealloc(order, (nitems + 1) * sizeof(int));
    memset(&items[nitems], 0, sizeof(item));
    items[nitems].s = tu_xstrdup(s);
    memmove(order + lo + 1, order + lo, (nitems - lo) * sizeof(int));
    order[lo] = nitems;
    return nitems++;
}

int tsort_main(int argc, char **argv) {
    cu_init(argc, argv);
    int i0 = 1;
    if (argc > 1 && strcmp(argv[1], "--") == 0) i0 = 2;
    if (argc - i0 > 1) cu_usage_error(1, "extra operand %s", cu_quote(argv[i0 + 1]));
    const char *name = i0 < argc ? argv[i0] : "-";
    int fd = tu_open(name);
    char *d = NULL;
    size_t len = 0;
    if (fd < 0 || tu_slurp(fd, &d, &len) < 0) cu_error(1, errno, "%s", name);
    tu_close(fd);
    char **tok = NULL;
    size_t ntok = 0;
    for (size_t p = 0; p < len;) {
        while (p < len && isspace((unsigned char)d[p])) p++;
        if (p >= len) break;
        size_t s = p;
        while (p < len && !isspace((unsigned char)d[p])) p++;
        tok = tu_xrealloc(tok, (ntok + 1) * sizeof(char *));
        tok[ntok++] = tu_xmemdup(d + s, p - s);
    }
    if (ntok % 2) cu_error(1, 0, "%s: input contains an odd number of tokens", name);
    for (size_t k = 0; k < ntok; k += 2) {
        int a = find_or_add(tok[k]), b = find_or_add(tok[k + 1]);
        if (a != b) {
            items[b].count++;
            succ *s = tu_xmalloc(sizeof *s);
            s->to = b;
            s->next = items[a].top;
            items[a].top = s;
        }
    }
    tu_out_init();
    int remaining = nitems, status = 0;
    int *queue = tu_xmalloc((nitems + 1) * sizeof(int));
    while (remaining > 0) {
        int qh = 0, qt = 0;
        for (int k = 0; k < nitems; k++) {
            item *it = &items[order[k]];
            if (!it->done && it->count == 0 && !it->queued) it->queued = 1, queue[qt++] = order[k];
        }
        while (qh < qt) {
            item *it = &items[queue[qh++]];
            tu_puts(it->s);
            tu_putc('\n');
            it->done = 1;
            remaining--;
            for (succ *s = it->top; s; s = s->next)
                if (--items[s->to].count == 0 && !items[s->to].queued) items[s->to].queued = 1, queue[qt++] = s->to;
        }
        if (remaining > 0) {
            /* a loop: report one cycle and break it */
            fflush(stdout);
            cu_error(0, 0, "%s: input contains a loop:", name);
            status = 1;
            int start = -1;
            for (int k = 0; k < nitems && start < 0; k++)
                if (!items[order[k]].done && items[order[k]].count > 0) start = order[k];
            int *path = tu_xmalloc((nitems + 1) * sizeof(int)), *pos = tu_xmalloc(nitems * sizeof(int));
            for (int k = 0; k < nitems; k++) pos[k] = -1;
            int np = 0, cur = start, prev = -1;
            while (pos[cur] < 0) {
                pos[cur] = np;
                path[np++] = cur;
                int nxt = -1;
                for (succ *s = items[cur].top; s; s = s->next)
                    if (!items[s->to].done && items[s->to].count > 0) {
                        nxt = s->to;
                        break;
                    }
                if (nxt < 0) break;
                prev = cur;
                cur = nxt;
            }
            for (int k = pos[cur] < 0 ? 0 : pos[cur]; k < np; k++) cu_error(0, 0, "%s", items[path[k]].s);
            /* remove the edge prev -> cur that closes the cycle */
            if (prev >= 0) {
                for (succ **sp = &items[prev].top; *sp; sp = &(*sp)->next)
                    if ((*sp)->to == cur) {
                        *sp = (*sp)->next;
                        items[cur].count--;
                        break;
                    }
            } else {
                items[cur].count = 0;
            }
            free(path);
            free(pos);
        }
    }
    return cu_finish(status);
}

/* gzip, gunzip, zcat — DEFLATE (RFC 1951) in gzip wrappers (RFC 1952); own LZ77 + Huffman coder. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cu.h"
#include "fsutil.h"

SE_COMMAND("gzip", gzip_main)
SE_COMMAND("gunzip", gunzip_main)
SE_COMMAND("zcat", zcat_main)

/* ---- tables ---- */
static const unsigned short len_base[29] = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59,
                                            67, 83, 99, 115, 131, 163, 195, 227, 258};
static const unsigned char len_extra[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
static const unsigned short dist_base[30] = {1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513,
                                             769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
static const unsigned char dist_extra[30] = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};
static const unsigned char cl_order[19] = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};

uint32_t fs_crc32(uint32_t crc, const unsigned char *p, size_t n) {
    static uint32_t table[256];
    if (!table[1])
        for (uint32_t i = 0; i < 256; i++) {
            uint32_t c = i;
            for (int k = 0; k < 8; k++) c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[i] = c;
        }
    crc = ~crc;
    while (n--) crc = table[(crc ^ *p++) & 0xff] ^ (crc >> 8);
    return ~crc;
}

/* ---- bit writer ---- */
struct bw {
    unsigned char *buf;
    size_t n, cap;
    uint32_t bits;
    int nb;
};

static void put_byte(struct bw *w, unsigned char b) {
    if (w->n == w->cap) w->buf = realloc(w->buf, w->cap = w->cap * 2 + 1024);
    w->buf[w->n++] = b;
}

static void put_bits(struct bw *w, uint32_t v, int n) {
    w->bits |= v << w->nb;
    w->nb += n;
    while (w->nb >= 8) {
        put_byte(w, (unsigned char)w->bits);
        w->bits >>= 8;
        w->nb -= 8;
    }
}

static void flush_bits(struct bw *w) {
    if (w->nb > 0) put_byte(w, (unsigned char)w->bits);
    w->bits = 0, w->nb = 0;
}

/* ---- Huffman code construction ---- */

/* Code lengths for freq[0..n) limited to maxlen; at least two symbols get codes. */
static void build_lengths(const unsigned *freq_in, int n, int maxlen, unsigned char *len) {
    unsigned freq[320];
    int sym[320], cnt = 0;
    if (n <= 0 || n > 320) return;
    memcpy(freq, freq_in, (size_t)n * sizeof *freq);
    for (int i = 0; i < n; i++) if (freq[i]) cnt++;
    for (int i = 0; cnt < 2 && i < n; i++) if (!freq[i]) freq[i] = 1, cnt++;
    memset(len, 0, (size_t)n);
    /* nodes: leaves 0..cnt-1, internal after; weight and parent */
    unsigned long w[640];
    int parent[640], alive[640], nodes = 0;
    for (int i = 0; i < n; i++)
        if (freq[i]) sym[nodes] = i, w[nodes] = freq[i], parent[nodes] = -1, alive[nodes] = 1, nodes++;
    int leaves = nodes;
    for (int left = leaves; left > 1; left--) {
        int a = -1, b = -1;
        for (int i = 0; i < nodes; i++) {
            if (!alive[i]) continue;
            if (a < 0 || w[i] < w[a]) b = a, a = i;
            else if (b < 0 || w[i] < w[b]) b = i;
        }
        alive[a] = alive[b] = 0;
        w[nodes] = w[a] + w[b], parent[nodes] = -1, alive[nodes] = 1;
        parent[a] = parent[b] = nodes;
        nodes++;
    }
    int count[64] = {0}, maxl = 0;
    for (int i = 0; i < leaves; i++) {
        int d = 0;
        for (int p = i; parent[p] >= 0; p = parent[p]) d++;
        count[d]++;
        if (d > maxl) maxl = d;
    }
    /* limit lengths (JPEG Annex K style rebalancing) */
    for (int l = maxl; l > maxlen; l--)
        while (count[l] > 0) {
            int j = l - 2;
            while (j > 0 && count[j] == 0) j--;
            count[l] -= 2;
            count[l - 1]++;
            count[j + 1] += 2;
            count[j]--;
        }
    /* assign lengths: most frequent symbols get the shortest codes */
    int order[320];
    for (int i = 0; i < leaves; i++) order[i] = i;
    for (int i = 1; i < leaves; i++) { /* insertion sort by weight descending */
        int k = order[i], j = i - 1;
        while (j >= 0 && w[order[j]] < w[k]) order[j + 1] = order[j], j--;
        order[j + 1] = k;
    }
    int k = 0;
    for (int l = 1; l <= maxlen && l < 64; l++)
        for (int c = 0; c < count[l]; c++) len[sym[order[k++]]] = (unsigned char)l;
}

static void build_codes(const unsigned char *len, int n, unsigned short *code) {
    int count[16] = {0}, next[16];
    for (int i = 0; i < n; i++) count[len[i]]++;
    count[0] = 0;
    int c = 0;
    for (int l = 1; l < 16; l++) c = (c + count[l - 1]) << 1, next[l] = c;
    for (int i = 0; i < n; i++) {
        if (!len[i]) continue;
        unsigned v = (unsigned)next[len[i]]++, r = 0;
        for (int b = 0; b < len[i]; b++) r = (r << 1) | ((v >> b) & 1);
        code[i] = (unsigned short)r; /* bit-reversed for LSB-first output */
    }
}

/* ---- compressor ---- */
struct sym { unsigned short lit, dist; }; /* lit < 256 literal; else length (lit-256+3 stored as length) */

static void write_dynamic(struct bw *w, const struct sym *s, size_t ns, int final) {
    unsigned lf[286] = {0}, df[30] = {0};
    int lcode[512];
    for (size_t i = 0; i < ns; i++) {
        if (!s[i].dist) { lf[s[i].lit]++; continue; }
        int L = s[i].lit, c = 0;
        while (c < 28 && len_base[c + 1] <= L) c++;
        lf[257 + c]++;
        int d = s[i].dist, dc = 0;
        while (dc < 29 && dist_base[dc + 1] <= d) dc++;
        df[dc]++;
        (void)lcode;
    }
    lf[256] = 1;
    unsigned char ll[286], dl[30];
    unsigned short lc[286], dcodes[30];
    build_lengths(lf, 286, 15, ll);
    build_lengths(df, 30, 15, dl);
    build_codes(ll, 286, lc);
    build_codes(dl, 30, dcodes);
    int hlit = 286, hdist = 30;
    while (hlit > 257 && !ll[hlit - 1]) hlit--;
    while (hdist > 1 && !dl[hdist - 1]) hdist--;
    /* run-length encode the concatenated lengths */
    unsigned char all[316];
    memcpy(all, ll, (size_t)hlit);
    memcpy(all + hlit, dl, (size_t)hdist);
    int total = hlit + hdist, rl[316], rx[316], nr = 0;
    for (int i = 0; i < total;) {
        int v = all[i], run = 1;
        while (i + run < total && all[i + run] == v) run++;
        if (v == 0 && run >= 3) {
            int r = run > 138 ? 138 : run;
            if (r >= 11) rl[nr] = 18, rx[nr++] = r - 11;
            else rl[nr] = 17, rx[nr++] = r - 3;
            i += r;
        } else if (v != 0 && run >= 4) {
            rl[nr] = v, rx[nr++] = 0;
            int r = run - 1 > 6 ? 6 : run - 1;
            rl[nr] = 16, rx[nr++] = r - 3;
            i += 1 + r;
        } else {
            rl[nr] = v, rx[nr++] = 0;
            i++;
        }
    }
    unsigned cf[19] = {0};
    for (int i = 0; i < nr; i++) cf[rl[i]]++;
    unsigned char cl[19];
    unsigned short cc[19];
    build_lengths(cf, 19, 7, cl);
    build_codes(cl, 19, cc);
    int hclen = 19;
    while (hclen > 4 && !cl[cl_order[hclen - 1]]) hclen--;
    put_bits(w, (uint32_t)final, 1);
    put_bits(w, 2, 2);
    put_bits(w, (uint32_t)(hlit - 257), 5);
    put_bits(w, (uint32_t)(hdist - 1), 5);
    put_bits(w, (uint32_t)(hclen - 4), 4);
    for (int i = 0; i < hclen; i++) put_bits(w, cl[cl_order[i]], 3);
    for (int i = 0; i < nr; i++) {
        put_bits(w, cc[rl[i]], cl[rl[i]]);
        if (rl[i] == 16) put_bits(w, (uint32_t)rx[i], 2);
        else if (rl[i] == 17) put_bits(w, (uint32_t)rx[i], 3);
        else if (rl[i] == 18) put_bits(w, (uint32_t)rx[i], 7);
    }
    for (size_t i = 0; i < ns; i++) {
        if (!s[i].dist) { put_bits(w, lc[s[i].lit], ll[s[i].lit]); continue; }
        int L = s[i].lit, c = 0;
        while (c < 28 && len_base[c + 1] <= L) c++;
        put_bits(w, lc[257 + c], ll[257 + c]);
        put_bits(w, (uint32_t)(L - len_base[c]), len_extra[c]);
        int d = s[i].dist, dc = 0;
        while (dc < 29 && dist_base[dc + 1] <= d) dc++;
        put_bits(w, dcodes[dc], dl[dc]);
        put_bits(w, (uint32_t)(d - dist_base[dc]), dist_extra[dc]);
    }
    put_bits(w, lc[256], ll[256]);
}

static void write_fixed(struct bw *w, const struct sym *s, size_t ns, int final) {
    unsigned char ll[288], dl[30];
    unsigned short lc[288], dc[30];
    for (int i = 0; i < 288; i++) ll[i] = i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8;
    for (int i = 0; i < 30; i++) dl[i] = 5;
    build_codes(ll, 288, lc);
    build_codes(dl, 30, dc);
    put_bits(w, (uint32_t)final, 1);
    put_bits(w, 1, 2);
    for (size_t i = 0; i < ns; i++) {
        if (!s[i].dist) { put_bits(w, lc[s[i].lit], ll[s[i].lit]); continue; }
        int L = s[i].lit, c = 0;
        while (c < 28 && len_base[c + 1] <= L) c++;
        put_bits(w, lc[257 + c], ll[257 + c]);
        put_bits(w, (uint32_t)(L - len_base[c]), len_extra[c]);
        int d = s[i].dist, k = 0;
        while (k < 29 && dist_base[k + 1] <= d) k++;
        put_bits(w, dc[k], dl[k]);
        put_bits(w, (uint32_t)(d - dist_base[k]), dist_extra[k]);
    }
    put_bits(w, lc[256], ll[256]);
}

/* Appends the bits of t to w. */
static void append_bits(struct bw *w, const struct bw *t) {
    for (size_t i = 0; i < t->n; i++) put_bits(w, t->buf[i], 8);
    if (t->nb) put_bits(w, t->bits, t->nb);
}

/* Writes one block as dynamic, fixed or stored Huffman, whichever is smallest. */
static void write_block(struct bw *w, const struct sym *s, size_t ns, int final, const unsigned char *raw, size_t rawn) {
    struct bw d = {0}, f = {0};
    write_dynamic(&d, s, ns, final);
    write_fixed(&f, s, ns, final);
    size_t dbits = d.n * 8 + (size_t)d.nb, fbits = f.n * 8 + (size_t)f.nb;
    size_t sbits = (rawn + 4 * ((rawn + 65534) / 65535 + 1)) * 8 + 8;
    if (sbits < dbits && sbits < fbits) {
        size_t off = 0;
        do {
            size_t k = rawn - off > 65535 ? 65535 : rawn - off;
            int last = off + k == rawn;
            put_bits(w, (uint32_t)(final && last), 1);
            put_bits(w, 0, 2);
            if (w->nb > 0) put_byte(w, (unsigned char)w->bits), w->bits = 0, w->nb = 0; /* byte align */
            put_byte(w, (unsigned char)k), put_byte(w, (unsigned char)(k >> 8));
            put_byte(w, (unsigned char)~k), put_byte(w, (unsigned char)(~k >> 8));
            for (size_t i = 0; i < k; i++) put_byte(w, raw[off + i]);
            off += k;
        } while (off < rawn);
    } else append_bits(w, dbits <= fbits ? &d : &f);
    free(d.buf), free(f.buf);
}

#define WSIZE 32768
#define HBITS 15
#define BLOCK_SYMS 32768

static void deflate_raw(struct bw *w, const unsigned char *in, size_t n, int level) {
    static const int chains[10] = {0, 4, 8, 16, 32, 64, 128, 256, 1024, 4096};
    int max_chain = chains[level < 1 ? 1 : level > 9 ? 9 : level];
    int *head = malloc(sizeof(int) << HBITS), *prev = malloc(sizeof(int) * WSIZE);
    for (int i = 0; i < (1 << HBITS); i++) head[i] = -1;
    struct sym *syms = malloc(sizeof *syms * BLOCK_SYMS);
    size_t ns = 0, pos = 0, block_start = 0;
#define HASH(p) ((((unsigned)in[p] << 10) ^ ((unsigned)in[(p) + 1] << 5) ^ in[(p) + 2]) & ((1 << HBITS) - 1))
#define INSERT(p) do { if ((p) + 3 <= n) { unsigned h_ = HASH(p); prev[(p) & (WSIZE - 1)] = head[h_]; head[h_] = (int)(p); } } while (0)
    while (pos < n) {
        int best = 0, bdist = 0;
        if (pos + 3 <= n) {
            unsigned h = HASH(pos);
            int cand = head[h], chain = max_chain;
            size_t maxl = n - pos > 258 ? 258 : n - pos;
            while (cand >= 0 && pos - (size_t)cand <= WSIZE && chain--) {
                const unsigned char *a = in + cand, *b = in + pos;
                if (a[best] == b[best]) {
                    size_t l = 0;
                    while (l < maxl && a[l] == b[l]) l++;
                    if ((int)l > best) {
                        best = (int)l, bdist = (int)(pos - (size_t)cand);
                        if (l == maxl) break;
                    }
                }
                int nx = prev[cand & (WSIZE - 1)];
                if (nx >= cand) break;
                cand = nx;
            }
        }
        if (best >= 3) {
            syms[ns].lit = (unsigned short)best, syms[ns].dist = (unsigned short)bdist, ns++;
            for (int k = 0; k < best; k++) INSERT(pos + (size_t)k);
            pos += (size_t)best;
        } else {
            syms[ns].lit = in[pos], syms[ns].dist = 0, ns++;
            INSERT(pos);
            pos++;
        }
        if (ns == BLOCK_SYMS) {
            write_block(w, syms, ns, 0, in + block_start, pos - block_start);
            ns = 0, block_start = pos;
        }
    }
    write_block(w, syms, ns, 1, in + block_start, pos - block_start);
    flush_bits(w);
    free(head), free(prev), free(syms);
}

unsigned char *fs_gz_compress(const unsigned char *in, size_t n, int level, const char *name, uint32_t mtime,
                              size_t *out_n) {
    struct bw w = {0};
    unsigned char hdr[10] = {0x1f, 0x8b, 8, name ? 8 : 0, (unsigned char)mtime, (unsigned char)(mtime >> 8),
                             (unsigned char)(mtime >> 16), (unsigned char)(mtime >> 24),
                             (unsigned char)(level >= 9 ? 2 : level <= 1 ? 4 : 0), 3};
    for (int i = 0; i < 10; i++) put_byte(&w, hdr[i]);
    if (name) {
        for (const char *p = name; *p; p++) put_byte(&w, (unsigned char)*p);
        put_byte(&w, 0);
    }
    deflate_raw(&w, in, n, level);
    uint32_t crc = fs_crc32(0, in, n), sz = (uint32_t)n;
    for (int i = 0; i < 4; i++) put_byte(&w, (unsigned char)(crc >> (8 * i)));
    for (int i = 0; i < 4; i++) put_byte(&w, (unsigned char)(sz >> (8 * i)));
    *out_n = w.n;
    return w.buf;
}

/* ---- decompressor ---- */
struct br {
    const unsigned char *p;
    size_t n, pos;
    uint32_t bits;
    int nb, err;
};

static uint32_t get_bits(struct br *r, int n) {
    while (r->nb < n) {
        if (r->pos >= r->n) { r->err = 1; return 0; }
        r->bits |= (uint32_t)r->p[r->pos++] << r->nb;
        r->nb += 8;
    }
    uint32_t v = r->bits & ((1u << n) - 1);
    r->bits >>= n;
    r->nb -= n;
    return v;
}

struct huff { short count[16], sym[320]; };

static int huff_build(struct huff *h, const unsigned char *len, int n) {
    short offs[16];
    memset(h->count, 0, sizeof h->count);
    for (int i = 0; i < n; i++) h->count[len[i]]++;
    int left = 1;
    for (int l = 1; l < 16; l++) {
        left <<= 1;
        left -= h->count[l];
        if (left < 0) return -1;
    }
    offs[1] = 0;
    for (int l = 1; l < 15; l++) offs[l + 1] = (short)(offs[l] + h->count[l]);
    for (int i = 0; i < n; i++) if (len[i]) h->sym[offs[len[i]]++] = (short)i;
    return left;
}

static int huff_decode(struct br *r, const struct huff *h) {
    int code = 0, first = 0, index = 0;
    for (int l = 1; l < 16; l++) {
        code |= (int)get_bits(r, 1);
        if (r->err) return -1;
        int count = h->count[l];
        if (code - count < first) return h->sym[index + (code - first)];
        index += count;
        first += count;
        first <<= 1;
        code <<= 1;
    }
    return -1;
}

struct ob { unsigned char *buf; size_t n, cap; };

static void ob_put(struct ob *o, unsigned char c) {
    if (o->n == o->cap) o->buf = realloc(o->buf, o->cap = o->cap * 2 + 65536);
    o->buf[o->n++] = c;
}

static int inflate_codes(struct br *r, struct ob *o, size_t start, const struct huff *lh, const struct huff *dh) {
    for (;;) {
        int s = huff_decode(r, lh);
        if (s < 0) return -1;
        if (s < 256) { ob_put(o, (unsigned char)s); continue; }
        if (s == 256) return 0;
        s -= 257;
        if (s >= 29) return -1;
        int len = len_base[s] + (int)get_bits(r, len_extra[s]);
        int ds = huff_decode(r, dh);
        if (ds < 0 || ds >= 30) return -1;
        size_t dist = dist_base[ds] + get_bits(r, dist_extra[ds]);
        if (r->err || dist > o->n - start) return -1;
        for (int k = 0; k < len; k++) ob_put(o, o->buf[o->n - dist]);
    }
}

static int inflate_raw(struct br *r, struct ob *o) {
    size_t start = o->n;
    int final;
    do {
        final = (int)get_bits(r, 1);
        int type = (int)get_bits(r, 2);
        if (r->err) return -1;
        if (type == 0) {
            r->bits = 0, r->nb = 0;
            if (r->pos + 4 > r->n) return -1;
            unsigned len = r->p[r->pos] | (unsigned)r->p[r->pos + 1] << 8;
            unsigned nlen = r->p[r->pos + 2] | (unsigned)r->p[r->pos + 3] << 8;
            r->pos += 4;
            if ((len ^ 0xffff) != nlen || r->pos + len > r->n) return -1;
            for (unsigned k = 0; k < len; k++) ob_put(o, r->p[r->pos++]);
        } else if (type == 1) {
            static struct huff fl, fd;
            static int ready;
            if (!ready) {
                unsigned char l[288];
                for (int i = 0; i < 144; i++) l[i] = 8;
                for (int i = 144; i < 256; i++) l[i] = 9;
                for (int i = 256; i < 280; i++) l[i] = 7;
                for (int i = 280; i < 288; i++) l[i] = 8;
                huff_build(&fl, l, 288);
                for (int i = 0; i < 30; i++) l[i] = 5;
                huff_build(&fd, l, 30);
                ready = 1;
            }
            if (inflate_codes(r, o, start, &fl, &fd) < 0) return -1;
        } else if (type == 2) {
            int hlit = (int)get_bits(r, 5) + 257, hdist = (int)get_bits(r, 5) + 1, hclen = (int)get_bits(r, 4) + 4;
            unsigned char cl[19] = {0}, lens[320] = {0};
            for (int i = 0; i < hclen; i++) cl[cl_order[i]] = (unsigned char)get_bits(r, 3);
            struct huff ch, lh, dh;
            if (r->err || huff_build(&ch, cl, 19) != 0) return -1;
            for (int i = 0; i < hlit + hdist;) {
                int s = huff_decode(r, &ch);
                if (s < 0) return -1;
                if (s < 16) { lens[i++] = (unsigned char)s; continue; }
                int rep, v = 0;
                if (s == 16) {
                    if (!i) return -1;
                    v = lens[i - 1], rep = 3 + (int)get_bits(r, 2);
                } else if (s == 17) rep = 3 + (int)get_bits(r, 3);
                else rep = 11 + (int)get_bits(r, 7);
                if (i + rep > hlit + hdist) return -1;
                while (rep--) lens[i++] = (unsigned char)v;
            }
            int e1 = huff_build(&lh, lens, hlit), e2 = huff_build(&dh, lens + hlit, hdist);
            if (e1 < 0 || e2 < 0 || (e1 > 0 && hlit - lh.count[0] != 1)) return -1;
            if (inflate_codes(r, o, start, &lh, &dh) < 0) return -1;
        } else return -1;
    } while (!final);
    return 0;
}

int fs_gz_decompress(const unsigned char *in, size_t n, unsigned char **out, size_t *out_n) {
    struct ob o = {0};
    size_t pos = 0;
    int members = 0, eof = 1;
    while (pos < n) {
        if (n - pos < 18 || in[pos] != 0x1f || in[pos + 1] != 0x8b || in[pos + 2] != 8) {
            if (members) break;
            if (n - pos >= 2 && in[pos] == 0x1f && in[pos + 1] == 0x8b && (n - pos < 3 || in[pos + 2] == 8)) goto corrupt; /* trailing garbage after a member: ignored like gzip (with a warning) */
            free(o.buf);
            return -1;
        }
        int flg = in[pos + 3];
        size_t p = pos + 10;
        if (flg & 4) {
            if (p + 2 > n) goto corrupt;
            p += 2 + (in[p] | (size_t)in[p + 1] << 8);
        }
        if (flg & 8) { while (p < n && in[p]) p++; p++; }
        if (flg & 16) { while (p < n && in[p]) p++; p++; }
        if (flg & 2) p += 2;
        if (p > n) goto corrupt;
        struct br r = {in, n, p, 0, 0, 0};
        size_t start = o.n;
        if (inflate_raw(&r, &o) < 0) {
            eof = r.err;
            goto corrupt;
        }
        if (r.pos + 8 > n) goto corrupt;
        const unsigned char *t = in + r.pos;
        uint32_t crc = t[0] | (uint32_t)t[1] << 8 | (uint32_t)t[2] << 16 | (uint32_t)t[3] << 24;
        uint32_t sz = t[4] | (uint32_t)t[5] << 8 | (uint32_t)t[6] << 16 | (uint32_t)t[7] << 24;
        if (crc != fs_crc32(0, o.buf + start, o.n - start) || sz != (uint32_t)(o.n - start)) {
            *out = o.buf, *out_n = o.n;
            return -3;
        }
        pos = r.pos + 8;
        members++;
        while (pos < n && in[pos] == 0 && members) pos++; /* zero padding (e.g. tar blocks) */
    }
    *out = o.buf ? o.buf : malloc(1), *out_n = o.n;
    return 0;
corrupt:
    *out = o.buf, *out_n = o.n;
    return eof ? -2 : -4;
}

/* ---- command line ---- */
static size_t stream_n; /* deflate bytes of the last file, for -v */
static int o_stdout, o_decomp, o_force, o_keep, o_level = 6, o_test, o_verbose, o_quiet, o_noname, o_rec, status;

static void warn(int code) {
    if (status < code && status != 1) status = code;
}

static int has_suffix(const char *name) {
    size_t n = strlen(name);
    return (n > 3 && !strcmp(name + n - 3, ".gz")) || (n > 4 && !strcmp(name + n - 4, ".tgz")) ||
           (n > 2 && !strcmp(name + n - 2, ".z"));
}

static void do_stream(int in, int out, const char *name, const char *label, uint32_t mtime, size_t *in_n, size_t *out_n, int *ok) {
    size_t n;
    unsigned char *data = fs_read_all(in, &n);
    *ok = 0;
    if (!data) {
        cu_error(0, errno, "%s", label);
        status = 1;
        return;
    }
    unsigned char *res = NULL;
    size_t rn;
    if (o_decomp) {
        int r = fs_gz_decompress(data, n, &res, &rn);
        if (r < 0) {
            fputc('\n', stderr);
            cu_error(0, 0, "%s: %s", label, r == -1 ? "not in gzip format" : r == -2 ? "unexpected end of file" :
                     r == -3 ? "invalid compressed data--crc error" : "invalid compressed data--format violated");
            status = 1;
            free(data), free(res);
            return;
        }
    } else res = fs_gz_compress(data, n, o_level, o_noname ? NULL : name, o_noname ? 0 : mtime, &rn);
    /* -v ratios count the deflate stream only (no header, name or trailer), like gzip */
    const unsigned char *gz = o_decomp ? data : res;
    size_t gzn = o_decomp ? n : rn, hdr = 18;
    if (gzn > 10 && (gz[3] & 8)) hdr += strnlen((const char *)gz + 10, gzn - 10) + 1;
    stream_n = gzn > hdr ? gzn - hdr : 0;
    if (!o_test && fs_write_all(out, res, rn) < 0) {
        cu_error(0, errno, "%s", "stdout");
        status = 1;
    } else *ok = 1;
    *in_n = n, *out_n = rn;
    free(data), free(res);
}

static void process(const char *file);

static void ratio(size_t in, size_t out) {
    size_t big = o_decomp ? out : in, small = stream_n;
    double r = big ? 100.0 * ((double)big - (double)small) / (double)big : 0;
    fprintf(stderr, "%5.1f%%", r);
}

static void process(const char *file) {
    int ok;
    size_t in_n = 0, out_n = 0;
    if (!strcmp(file, "-")) {
        if (!o_decomp && !o_force && se_isatty(1) && !o_test) {
            cu_error(0, 0, "compressed data not written to a terminal. Use -f to force compression.");
            cu_error(0, 0, "For help, type: %s -h", cu_prog);
            status = 1;
            return;
        }
        do_stream(0, 1, NULL, "stdin", 0, &in_n, &out_n, &ok);
        return;
    }
    se_stat_t st;
    if (se_lstat(file, &st) < 0) {
        cu_error(0, errno, "%s", file);
        status = 1;
        return;
    }
    if (FS_ISDIR(st.mode)) {
        if (!o_rec) {
            cu_error(0, 0, "%s is a directory -- ignored", file);
            warn(2);
            return;
        }
        DIR *d = opendir(file);
        if (!d) {
            cu_error(0, errno, "%s", file);
            status = 1;
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
            char *c = fs_join(file, names[i]);
            /* in a tree, files of the wrong kind are skipped quietly */
            if (fs_is_dir(c) || o_decomp == has_suffix(c)) process(c);
            free(c), free(names[i]);
        }
        free(names);
        return;
    }
    if (!FS_ISREG(st.mode) && !o_stdout) {
        cu_error(0, 0, "%s is not a directory or a regular file - ignored", file);
        warn(2);
        return;
    }
    char *outname = NULL;
    if (!o_stdout && !o_test) {
        size_t n = strlen(file);
        if (o_decomp) {
            if (!has_suffix(file)) {
                cu_error(0, 0, "%s: unknown suffix -- ignored", file);
                warn(2);
                return;
            }
            outname = strdup(file);
            if (n > 4 && !strcmp(file + n - 4, ".tgz")) strcpy(outname + n - 4, ".tar");
            else outname[n - (file[n - 1] == 'z' && file[n - 2] == '.' ? 2 : 3)] = 0;
        } else {
            if (has_suffix(file)) {
                cu_error(0, 0, "%s already has %s suffix -- unchanged", file, strrchr(file, '.'));
                return;
            }
            outname = malloc(n + 4);
            sprintf(outname, "%s.gz", file);
        }
        if (fs_exists(outname) && !o_force) {
            if (se_isatty(0) && !o_quiet) {
                fprintf(stderr, "%s: %s already exists; do you wish to overwrite (y or n)? ", cu_prog, outname);
                if (!fs_yes()) {
                    fprintf(stderr, "\tnot overwritten\n");
                    warn(2);
                    free(outname);
                    return;
                }
            } else {
                cu_error(0, 0, "%s already exists;\tnot overwritten", outname);
                warn(2);
                free(outname);
                return;
            }
        }
    }
    int in = open(file, O_RDONLY);
    if (in < 0) {
        cu_error(0, errno, "%s", file);
        status = 1;
        free(outname);
        return;
    }
    int out = 1;
    if (outname) {
        unlink(outname);
        out = open(outname, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (out < 0) {
            cu_error(0, errno, "%s", outname);
            status = 1;
            close(in);
            free(outname);
            return;
        }
    }
    char *base = fs_base(file);
    if (o_verbose && !o_stdout && !o_test) fprintf(stderr, "%s:\t", file);
    do_stream(in, out, base, file, (uint32_t)st.mtime_sec, &in_n, &out_n, &ok);
    free(base);
    close(in);
    if (outname) {
        close(out);
        if (!ok) unlink(outname);
        else {
            se_chmod(outname, (int)(st.mode & 07777));
            struct timespec ts[2] = {{(time_t)st.atime_sec, (long)st.atime_nsec}, {(time_t)st.mtime_sec, (long)st.mtime_nsec}};
            fs_set_times(outname, ts, 1);
            if (!o_keep) unlink(file);
            if (o_verbose) {
                ratio(in_n, out_n);
                fprintf(stderr, " -- %s %s\n", o_keep ? "created" : "replaced with", outname);
            }
        }
        free(outname);
    } else if (o_test && o_verbose && ok) fprintf(stderr, "%s:\t OK\n", file);
}

static int run(int argc, char **argv, int decomp, int to_stdout) {
    cu_prog = "gzip"; /* gunzip and zcat are gzip in GNU (scripts) */
    o_decomp = decomp, o_stdout = to_stdout;
    static const struct option longs[] = {{"stdout", 0, 0, 'c'}, {"to-stdout", 0, 0, 'c'}, {"decompress", 0, 0, 'd'},
        {"uncompress", 0, 0, 'd'}, {"force", 0, 0, 'f'}, {"keep", 0, 0, 'k'}, {"test", 0, 0, 't'},
        {"verbose", 0, 0, 'v'}, {"quiet", 0, 0, 'q'}, {"no-name", 0, 0, 'n'}, {"name", 0, 0, 'N'},
        {"fast", 0, 0, '1'}, {"best", 0, 0, '9'}, {"recursive", 0, 0, 'r'}, {0, 0, 0, 0}};
    int c;
    while ((c = getopt_long(argc, argv, "cdfktvqnNr123456789", longs, NULL)) != -1) {
        switch (c) {
        case 'c': o_stdout = 1; break;
        case 'd': o_decomp = 1; break;
        case 'f': o_force = 1; break;
        case 'k': o_keep = 1; break;
        case 't': o_test = 1; o_decomp = 1; break;
        case 'v': o_verbose = 1; o_quiet = 0; break;
        case 'q': o_quiet = 1; o_verbose = 0; break;
        case 'n': o_noname = 1; break;
        case 'N': o_noname = 0; break;
        case 'r': o_rec = 1; break;
        default:
            if (c >= '1' && c <= '9') o_level = c - '0';
            else cu_usage_error(1, NULL);
        }
    }
    if (o_stdout) o_keep = 1;
    if (optind >= argc) process("-");
    for (int i = optind; i < argc; i++) process(argv[i]);
    return cu_finish(status);
}

int gzip_main(int argc, char **argv) { return run(argc, argv, 0, 0); }
int gunzip_main(int argc, char **argv) { return run(argc, argv, 1, 0); }
int zcat_main(int argc, char **argv) { return run(argc, argv, 1, 1); }
